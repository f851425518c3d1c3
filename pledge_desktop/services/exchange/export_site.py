"""The site table of the charity package (the hospital and the cycle, with the numbers behind a
response rate) and the batches table (forms handed out and returned, per batch)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.policy import DataPolicy
from pledge_desktop.domain.questionnaire import Questionnaire
from pledge_desktop.domain.setup import HAND_OUT_METHODS, PledgeType
from pledge_desktop.exchange.package_format import NATIONS, Table, date_field, integer, text
from pledge_desktop.services.exchange.export_pledge import RANDOM_ID, ref

# the first character of an ODS organisation code says which UK nation's NHS it belongs to
_NATION_BY_FIRST = {"R": "England", "T": "England", "7": "Wales", "S": "Scotland"}
_NATION_BY_FIRST |= {"Z": "Northern Ireland"}


def nation_of(trust_code: str) -> str:
    """The UK nation of a trust, from its ODS code: English trusts start with R (or T), Welsh
    health boards with 7, Scottish boards with S, Northern Irish trusts with Z."""
    first = trust_code.strip()[:1].upper()
    return _NATION_BY_FIRST.get(first, "unknown")


def site_table(
    session: Session,
    cycle: m.PledgeCycle,
    questionnaire: Questionnaire,
    returned: int,
    policy: DataPolicy,
) -> tuple[Table, dict[str, str]]:
    hospital = session.scalars(select(m.Hospital)).first()
    version = session.get(m.Questionnaire, cycle.questionnaire_id)
    site_code = (hospital.site_code if hospital else "") or "UNKNOWN"
    trust_code = hospital.trust_code if hospital else ""
    printed = session.scalar(
        select(func.count(m.FormSerial.id)).where(m.FormSerial.cycle_id == cycle.id)
    )
    handed_out = cycle.forms_handed_out
    if handed_out is None:
        handed_out = session.scalar(
            select(func.sum(m.SurveyBatch.handed_out)).where(m.SurveyBatch.cycle_id == cycle.id)
        )
    about = {
        "site_code": site_code,
        "trust_code": trust_code,
        "hospital": hospital.name if hospital else "",
        "cycle": cycle.label,
        "pledge_type": cycle.pledge_type,
        "nation": nation_of(trust_code),
        "data_policy_version": str(policy.version),
    }
    table = Table(
        "site",
        "The hospital and pledge cycle, with the numbers behind its response rate",
        [
            text("site_code", "ODS site code of the hospital", True),
            text("trust_code", "ODS code of the trust"),
            text("hospital", "The hospital's name"),
            text("cycle", "The pledge cycle's label", True),
            text("cycle_start", "First month of the cycle (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("cycle_end", "Last month of the cycle (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("questionnaire", "The questionnaire used"),
            integer("questionnaire_version", "Its version"),
            integer("forms", "Survey forms typed in", minimum=0),
            text(
                "pledge_type",
                "primary or secondary breast cancer",
                True,
                enum=[t.value for t in PledgeType],
            ),
            text("nation", "The UK nation, from the trust's ODS code", True, enum=list(NATIONS)),
            integer("forms_printed", "Numbered forms printed for the cycle", minimum=0),
            integer(
                "forms_handed_out", "Forms given out to patients (empty: not recorded)", minimum=0
            ),
            integer("forms_returned", "Forms returned and typed in", minimum=0),
            integer(
                "eligible_patients", "New patients in the period (empty: not recorded)", minimum=0
            ),
            date_field("fieldwork_start", "First day forms were given out"),
            date_field("fieldwork_end", "Last day forms were given out"),
            text(
                "hand_out_method",
                "How forms were given out (empty: not recorded)",
                enum=["", *HAND_OUT_METHODS],
            ),
            integer(
                "data_policy_version",
                "The charity's data policy the package follows",
                True,
                minimum=1,
            ),
        ],
        [
            [
                site_code,
                trust_code,
                about["hospital"],
                cycle.label,
                f"{cycle.start_date:%Y-%m}",
                f"{cycle.end_date:%Y-%m}",
                questionnaire.name,
                str(version.version if version else 1),
                str(returned),
                cycle.pledge_type,
                about["nation"],
                str(printed or 0),
                "" if handed_out is None else str(handed_out),
                str(returned),
                "" if cycle.eligible_patients is None else str(cycle.eligible_patients),
                cycle.fieldwork_start.isoformat() if cycle.fieldwork_start else "",
                cycle.fieldwork_end.isoformat() if cycle.fieldwork_end else "",
                cycle.hand_out_method or "",
                str(policy.version),
            ]
        ],
        primary_key=["site_code", "cycle"],
    )
    return table, about


def batches_table(session: Session, cycle_id: int, key: bytes) -> Table:
    table = Table(
        "batches",
        "Piles of forms typed in together: how many were handed out and how many came back",
        [
            text("batch_id", "Random id", True, unique=True, pattern=RANDOM_ID),
            text("month", "Month of the clinic (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            integer("handed_out", "Forms handed out for it (empty: not recorded)", minimum=0),
            integer("returned", "Forms typed in from it", True, minimum=0),
        ],
        primary_key=["batch_id"],
    )
    returned = dict(
        session.execute(
            select(m.SurveyResponse.batch_id, func.count())
            .where(m.SurveyResponse.cycle_id == cycle_id)
            .group_by(m.SurveyResponse.batch_id)
        ).all()
    )
    batches = session.execute(
        select(m.SurveyBatch.id, m.SurveyBatch.clinic_date, m.SurveyBatch.handed_out).where(
            m.SurveyBatch.cycle_id == cycle_id
        )
    ).all()
    rows = [
        [
            ref(key, "batch", batch_id),
            f"{clinic:%Y-%m}" if clinic else "",
            "" if handed is None else str(handed),
            str(returned.get(batch_id, 0)),
        ]
        for batch_id, clinic, handed in batches
    ]
    table.rows = sorted(rows)
    return table
