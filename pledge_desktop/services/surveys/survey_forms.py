"""Printing numbered paper survey forms for a cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.questionnaire import Questionnaire, from_json
from pledge_desktop.reports.survey_forms import (
    DEFAULT_PURPOSE,
    FormHeading,
    serial_text,
    write_forms,
)
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole

MOST_AT_ONCE = 2000
PURPOSE_SETTING = "survey_purpose_cycle_{cycle_id}"  # the team's own words, per cycle
LONGEST_PURPOSE = 1500
HIGHEST_SERIAL = 99_999_999  # eight digits: what the barcode and the entry screen take


@dataclass(frozen=True)
class PrintedForms:
    path: Path
    first: int
    last: int


class SurveyFormsService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def next_serial(self, cycle_id: int) -> int:
        with self._db.reading() as session:
            return _next_serial(session, cycle_id)

    def purpose(self, cycle_id: int) -> str:
        """What the form says the survey is for and how answers are kept: the team's words for
        this cycle, else the questionnaire's, else ours."""
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            return _purpose(session, cycle)

    def set_purpose(self, cycle_id: int, text: str) -> None:
        """Keep the team's purpose and privacy words for this cycle's forms; empty text goes
        back to the usual words."""
        tidy = "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
        if len(tidy) > LONGEST_PURPOSE:
            raise ValidationError(
                {
                    "purpose": f"Keep the purpose to {LONGEST_PURPOSE} letters or fewer "
                    f"(it has {len(tidy)}): patients read it before the first question."
                }
            )
        key = PURPOSE_SETTING.format(cycle_id=cycle_id)
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = session.get(m.AppSetting, key)
            usual = _usual_purpose(session, cycle)
            if not tidy or tidy == usual:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(m.AppSetting(key=key, value=tidy))
            else:
                row.value = tidy
        self._changes.announce("forms")

    def return_by(self, cycle_id: int) -> date | None:
        """The date printed as "Please give this form back by": the end of the fieldwork."""
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            return cycle.fieldwork_end

    def print_forms(
        self,
        cycle_id: int,
        count: int,
        out: Path,
        start: int | None = None,
        *,
        large_print: bool = False,
    ) -> PrintedForms:
        """Write `count` forms to `out` and remember their serials, together or not at all.
        `large_print`: 16 pt and larger boxes, typed in the same way."""
        if not 1 <= count <= MOST_AT_ONCE:
            raise ValidationError({"count": f"Print between 1 and {MOST_AT_ONCE} forms at a time."})
        if start is not None and not 1 <= start <= HIGHEST_SERIAL - count + 1:
            raise ValidationError(
                {"start": f"Form numbers run from 1 to {HIGHEST_SERIAL:,}; {start:,} is not one."}
            )
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            questionnaire_row = session.get(m.Questionnaire, cycle.questionnaire_id or -1)
            if questionnaire_row is None:
                raise NotFound(
                    f"Cycle {cycle.label} has no questionnaire yet. Choose one for it first."
                )
            first = start if start is not None else _next_serial(session, cycle_id)
            serials = list(range(first, first + count))
            in_use = _serials_in_use(session, cycle_id, serials)
            if in_use:
                raise ValidationError({"start": _in_use_message(cycle.label, in_use)})
            now = datetime.now(UTC).replace(tzinfo=None)
            session.execute(
                insert(m.FormSerial),
                [{"cycle_id": cycle_id, "serial": s, "printed_at": now} for s in serials],
            )
            session.execute(
                insert(m.AuditEntry).values(
                    at_utc=now,
                    os_user=self._db.os_user,
                    action="insert",
                    entity="form_serial",
                    entity_id=f"{cycle.label}:{serials[0]}-{serials[-1]}",
                    field="serial",
                    old_value=None,
                    new_value=f"{count} forms printed",
                )
            )
            hospital = session.scalars(select(m.Hospital)).first()
            heading = FormHeading(
                hospital=hospital.name if hospital else "",
                cycle_label=cycle.label,
                return_note=_return_note(hospital),
            )
            questionnaire = from_json(questionnaire_row.definition)
            purpose = _purpose(session, cycle, questionnaire)
            return_by = cycle.fieldwork_end
            write_whole(
                out,
                lambda part: write_forms(
                    part,
                    heading,
                    questionnaire,
                    serials,
                    purpose=purpose,
                    return_by=return_by,
                    large_print=large_print,
                ),
            )
        self._changes.announce("forms")
        return PrintedForms(out, serials[0], serials[-1])


def _usual_purpose(
    session: Session, cycle: m.PledgeCycle, questionnaire: Questionnaire | None = None
) -> str:
    if questionnaire is None:
        row = session.get(m.Questionnaire, cycle.questionnaire_id or -1)
        questionnaire = from_json(row.definition) if row is not None else None
    return (questionnaire.purpose if questionnaire is not None else "") or DEFAULT_PURPOSE


def _purpose(
    session: Session, cycle: m.PledgeCycle, questionnaire: Questionnaire | None = None
) -> str:
    row = session.get(m.AppSetting, PURPOSE_SETTING.format(cycle_id=cycle.id))
    if row is not None and row.value.strip():
        return row.value
    return _usual_purpose(session, cycle, questionnaire)


# Every place a form's number can already be in use: printed, typed in, or being typed (as
# a draft, or as a second typing to check it). A number in any of them is never handed out again.
_USES = (
    (m.FormSerial, "printed"),
    (m.SurveyResponse, "typed in"),
    (m.EntryDraft, "being typed"),
    (m.CheckDraft, "being checked"),
)


def _next_serial(session: Session, cycle_id: int) -> int:
    """One past every number known for the cycle, whichever way it came to be known."""
    highest = 0
    for model, _how in _USES:
        top = session.scalar(select(func.max(model.serial)).where(model.cycle_id == cycle_id))
        highest = max(highest, top or 0)
    return highest + 1


def _serials_in_use(session: Session, cycle_id: int, serials: list[int]) -> dict[int, str]:
    """Those of `serials` already in use for the cycle, with how (the first way found)."""
    found: dict[int, str] = {}
    first, last = serials[0], serials[-1]
    for model, how in _USES:
        rows = session.scalars(
            select(model.serial).where(
                model.cycle_id == cycle_id, model.serial.between(first, last)
            )
        )
        for serial in rows:
            found.setdefault(serial, how)
    return found


def _in_use_message(label: str, in_use: dict[int, str]) -> str:
    shown = sorted(in_use)[:3]
    named = ", ".join(f"{serial_text(s)} ({in_use[s]})" for s in shown)
    more = len(in_use) - len(shown)
    if more:
        named += f" and {more} more"
    numbers = "Form number" if len(in_use) == 1 else "Form numbers"
    verb = "is" if len(in_use) == 1 else "are"
    return (
        f"{numbers} {named} {verb} already in use for cycle {label}, and a form number is "
        "never given out twice. Leave the start out to begin after the last number in use."
    )


def _return_note(hospital: m.Hospital | None) -> str:
    note = "Please give this form back to the breast care nurses, or post it in the box in clinic."
    if hospital is not None and hospital.unit_phone:
        note += f" Questions? Call the breast unit on {hospital.unit_phone}."
    return note
