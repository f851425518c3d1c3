"""Printing numbered paper survey forms for a cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.questionnaire import from_json
from pledge_desktop.reports.survey_forms import FormHeading, serial_text, write_forms
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole

MOST_AT_ONCE = 2000
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

    def print_forms(
        self, cycle_id: int, count: int, out: Path, start: int | None = None
    ) -> PrintedForms:
        """Write `count` forms to `out` and remember their serials, together or not at all."""
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
            write_whole(out, lambda part: write_forms(part, heading, questionnaire, serials))
        self._changes.announce("forms")
        return PrintedForms(out, serials[0], serials[-1])


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
