"""Printing numbered paper survey forms for a cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.questionnaire import from_json
from pledge_desktop.reports.survey_forms import FormHeading, serial_text, write_forms
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole

MOST_AT_ONCE = 2000


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

    def print_forms(
        self, cycle_id: int, count: int, out: Path, start: int | None = None
    ) -> PrintedForms:
        """Write `count` forms to `out` and remember their serials, together or not at all."""
        if not 1 <= count <= MOST_AT_ONCE:
            raise ValidationError({"count": f"Print between 1 and {MOST_AT_ONCE} forms at a time."})
        if start is not None and start < 1:
            raise ValidationError({"start": "Serial numbers start at 1."})
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            questionnaire_row = session.get(m.Questionnaire, cycle.questionnaire_id or -1)
            if questionnaire_row is None:
                raise NotFound(
                    f"Cycle {cycle.label} has no questionnaire yet. Choose one for it first."
                )
            first = start if start is not None else _next_serial(session, cycle_id)
            serials = list(range(first, first + count))
            taken = session.scalars(
                select(m.FormSerial.serial).where(
                    m.FormSerial.cycle_id == cycle_id, m.FormSerial.serial.in_(serials)
                )
            ).all()
            if taken:
                raise ValidationError(
                    {
                        "start": f"Forms {serial_text(min(taken))} to {serial_text(max(taken))} "
                        f"were already printed for cycle {cycle.label}, and a serial number is "
                        f"never printed twice. Start from "
                        f"{serial_text(_next_serial(session, cycle_id))}, or leave the start out."
                    }
                )
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
            write_whole(out, lambda part: write_forms(part, heading, questionnaire, serials))
        self._changes.announce("forms")
        return PrintedForms(out, serials[0], serials[-1])


def _next_serial(session, cycle_id: int) -> int:  # type: ignore[no-untyped-def]
    highest = session.scalar(
        select(func.max(m.FormSerial.serial)).where(m.FormSerial.cycle_id == cycle_id)
    )
    return (highest or 0) + 1


def _return_note(hospital: m.Hospital | None) -> str:
    note = "Please give this form back to the breast care nurses, or post it in the box in clinic."
    if hospital is not None and hospital.unit_phone:
        note += f" Questions? Call the breast unit on {hospital.unit_phone}."
    return note
