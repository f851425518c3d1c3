"""Batches: "this pile has 18 forms from Tuesday's clinic", so none goes missing unnoticed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.services.records import ChangeFeed, get_or_explain

BATCHES = "batches"


@dataclass(frozen=True)
class Batch:
    id: int
    label: str
    clinic_date: date | None
    expected: int
    entered: int
    closed: bool
    close_reason: str
    handed_out: int | None = None  # forms given out to patients for this pile

    @property
    def describe(self) -> str:
        text = f"{self.label}: {self.entered} of {self.expected} entered"
        if self.handed_out:
            text += f", {self.expected} returned of {self.handed_out} handed out"
        return text


@dataclass(frozen=True)
class Returns:
    """How many forms came back, of how many were handed out (None: not recorded)."""

    returned: int  # forms typed in for the cycle
    handed_out: int | None

    @property
    def describe(self) -> str:
        if not self.handed_out:
            return f"{self.returned} returned (record the forms handed out for a response rate)"
        rate = round(100 * self.returned / self.handed_out)
        return f"{self.returned} returned of {self.handed_out} handed out ({rate}%)"


class BatchService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def start(
        self,
        cycle_id: int,
        label: str,
        expected: int,
        clinic_date: date | None,
        handed_out: int | None = None,
    ) -> Batch:
        """A pile of `expected` returned forms, of `handed_out` given out (when known)."""
        problems = {}
        if not label.strip():
            problems["label"] = "Give the pile a name, such as \u201cTuesday clinic\u201d."
        if not 1 <= expected <= 5000:
            problems["expected"] = "Say how many forms are in the pile (1 to 5000)."
        if handed_out is not None and not expected <= handed_out <= 50_000:
            problems["handed_out"] = (
                f"The pile holds {expected} returned forms, so at least {expected} were handed "
                "out. Leave it at 0 if you do not know."
            )
        if problems:
            raise ValidationError(problems)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = m.SurveyBatch(
                cycle_id=cycle_id,
                label=label.strip(),
                expected=expected,
                handed_out=handed_out,
                clinic_date=clinic_date,
                closed=False,
                close_reason="",
            )
            session.add(row)
            session.flush()
            batch_id = row.id
        self._changes.announce(BATCHES)
        return self.get(batch_id)

    def get(self, batch_id: int) -> Batch:
        return next(b for b in self._list(batch_id=batch_id))

    def batches(self, cycle_id: int, open_only: bool = False) -> list[Batch]:
        return [b for b in self._list(cycle_id=cycle_id) if not (open_only and b.closed)]

    def returns(self, cycle_id: int) -> Returns:
        """Forms typed in for the cycle, of those handed out: the cycle's own count when it
        is recorded, else what its batches add up to."""
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            returned = session.scalar(
                select(func.count()).where(m.SurveyResponse.cycle_id == cycle_id)
            )
            handed_out = cycle.forms_handed_out or session.scalar(
                select(func.sum(m.SurveyBatch.handed_out)).where(
                    m.SurveyBatch.cycle_id == cycle_id
                )
            )
            return Returns(returned or 0, handed_out or None)

    def close(self, batch_id: int, reason: str = "") -> Batch:
        """Close a batch; while entered and expected differ, a reason is needed."""
        batch = self.get(batch_id)
        if batch.entered != batch.expected and not reason.strip():
            raise ValidationError(
                {
                    "reason": f"{batch.expected} forms were expected and {batch.entered} are "
                    "entered. Say why the batch can be closed all the same."
                }
            )
        with self._db.transaction() as session:
            row = get_or_explain(session, m.SurveyBatch, batch_id, "batch")
            row.closed = True
            row.close_reason = reason.strip()
        self._changes.announce(BATCHES)
        return self.get(batch_id)

    def _list(self, cycle_id: int | None = None, batch_id: int | None = None) -> list[Batch]:
        entered = (
            select(func.count())
            .where(m.SurveyResponse.batch_id == m.SurveyBatch.id)
            .scalar_subquery()
        )
        query = select(m.SurveyBatch, entered).order_by(m.SurveyBatch.id.desc())
        if cycle_id is not None:
            query = query.where(m.SurveyBatch.cycle_id == cycle_id)
        if batch_id is not None:
            query = query.where(m.SurveyBatch.id == batch_id)
        with self._db.reading() as session:
            return [
                Batch(
                    b.id,
                    b.label,
                    b.clinic_date,
                    b.expected,
                    count,
                    b.closed,
                    b.close_reason,
                    b.handed_out,
                )
                for b, count in session.execute(query)
            ]
