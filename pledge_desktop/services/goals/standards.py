"""The standards of care: the team's promises to every patient, kept per cycle and reviewed."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.goals import DEFAULT_STANDARDS, CareStandard, validate_standard
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    delete_if_free,
    get_or_add,
    get_or_explain,
    previous_cycle,
    to_record,
)

STANDARDS = "standards"


class StandardsService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def standards(self, cycle_id: int) -> list[CareStandard]:
        with self._db.reading() as session:
            return _standards(session, cycle_id)

    def save_standard(self, standard: CareStandard) -> CareStandard:
        tidy = validate_standard(standard)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            last = _last_position(session, tidy.cycle_id)
            row = get_or_add(session, m.CareStandard, tidy.id, "standard of care")
            if tidy.id is None:
                row.position = last + 1
            apply_record(row, tidy, skip=("id", "position"))
            session.flush()
            saved = to_record(CareStandard, row)
        self._changes.announce(STANDARDS)
        return saved

    def delete_standard(self, standard_id: int) -> None:
        with self._db.transaction() as session:
            delete_if_free(session, m.CareStandard, standard_id, "standard of care")
        self._changes.announce(STANDARDS)

    def move(self, standard_id: int, step: int) -> None:
        with self._db.transaction() as session:
            row = get_or_explain(session, m.CareStandard, standard_id, "standard of care")
            rows = list(
                session.scalars(
                    select(m.CareStandard)
                    .where(m.CareStandard.cycle_id == row.cycle_id)
                    .order_by(m.CareStandard.position, m.CareStandard.id)
                )
            )
            index = rows.index(row)
            target = index + step
            if not 0 <= target < len(rows):
                return
            rows[index], rows[target] = rows[target], rows[index]
            for position, each in enumerate(rows, start=1):
                each.position = position
        self._changes.announce(STANDARDS)

    def start_list(self, cycle_id: int) -> tuple[str, int]:
        """Fill an empty list: the previous cycle's standards (to review again), or else the
        suggested ones. Returns where they came from and how many."""
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            if _standards(session, cycle_id):
                return "", 0
            previous = previous_cycle(session, cycle.id)  # of the same kind of pledge
            earlier = _standards(session, previous.id) if previous is not None else []
            texts = [s.text for s in earlier] or list(DEFAULT_STANDARDS)
            source = f"cycle {previous.label}" if earlier and previous else "suggested"
            for position, text in enumerate(texts, start=1):
                session.add(m.CareStandard(cycle_id=cycle_id, text=text, position=position))
        self._changes.announce(STANDARDS)
        return source, len(texts)


def _standards(session: Session, cycle_id: int) -> list[CareStandard]:
    rows = session.scalars(
        select(m.CareStandard)
        .where(m.CareStandard.cycle_id == cycle_id)
        .order_by(m.CareStandard.position, m.CareStandard.id)
    )
    return [to_record(CareStandard, row) for row in rows]


def _last_position(session: Session, cycle_id: int) -> int:
    return (
        session.scalar(
            select(func.max(m.CareStandard.position)).where(m.CareStandard.cycle_id == cycle_id)
        )
        or 0
    )
