"""What patient representatives did for the pledge: the involvement log."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.pledge_year import Activity, Involvement, validate_involvement
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    get_or_add,
    get_or_explain,
    to_record,
)

INVOLVEMENT = "involvement"


@dataclass(frozen=True)
class InvolvementSummary:
    """How many representatives took part, and in what: for the booklet and the export."""

    representatives: int
    by_activity: dict[Activity, int]  # how many representatives did each
    minutes: int
    expenses_pence: int


class InvolvementService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def involvement(self, cycle_id: int) -> list[Involvement]:
        """The cycle's log, newest first."""
        table = m.RepresentativeInvolvement.__table__  # no ORM set-up: the Overview reads it
        with self._db.reading() as session:
            rows = session.execute(
                select(table)
                .where(table.c.cycle_id == cycle_id)
                .order_by(table.c.on_date.desc(), table.c.id.desc())
            )
            return [_record(r) for r in rows]

    def save_involvement(self, item: Involvement) -> Involvement:
        tidy = validate_involvement(item)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            rep = get_or_explain(
                session, m.PatientRepresentative, tidy.representative_id, "patient representative"
            )
            if rep.cycle_id != tidy.cycle_id:
                raise ValidationError(
                    {"representative_id": "Choose a representative of this pledge cycle."}
                )
            row = get_or_add(session, m.RepresentativeInvolvement, tidy.id, "involvement")
            apply_record(row, tidy)
            session.flush()
            saved = _record(row)
        self._changes.announce(INVOLVEMENT)
        return saved

    def delete_involvement(self, item_id: int) -> None:
        with self._db.transaction() as session:
            row = get_or_explain(session, m.RepresentativeInvolvement, item_id, "involvement")
            session.delete(row)
        self._changes.announce(INVOLVEMENT)

    def summary(self, cycle_id: int) -> InvolvementSummary:
        items = self.involvement(cycle_id)
        people: dict[Activity, set[int]] = {}
        for item in items:
            people.setdefault(item.activity, set()).add(item.representative_id)
        return InvolvementSummary(
            representatives=len({i.representative_id for i in items}),
            by_activity=dict(Counter({a: len(ids) for a, ids in people.items()})),
            minutes=sum(i.minutes for i in items),
            expenses_pence=sum(i.expenses_pence for i in items),
        )


def _record(row: Any) -> Involvement:
    item = to_record(Involvement, row)
    return Involvement(
        item.cycle_id,
        item.representative_id,
        item.on_date,
        Activity(item.activity),
        item.description,
        item.minutes,
        item.expenses_pence,
        item.id,
    )
