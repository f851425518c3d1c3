"""The time the pledge takes: typed in per activity, measured while typing in surveys, and
taken from interviews' lengths and meetings' records."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.pledge_year import TimeActivity, TimeEntry, validate_time_entry
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    get_or_add,
    get_or_explain,
    to_record,
)

TIME = "time"
MEASURED = "measured while typing in forms"


class TimeSpentService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def entries(self, cycle_id: int) -> list[TimeEntry]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.TimeEntry)
                .where(m.TimeEntry.cycle_id == cycle_id)
                .order_by(m.TimeEntry.on_date.desc(), m.TimeEntry.id.desc())
            )
            return [_entry(row) for row in rows]

    def add_time(self, entry: TimeEntry) -> TimeEntry:
        """Record time given to the pledge (or correct a record)."""
        tidy = validate_time_entry(entry)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            row = get_or_add(session, m.TimeEntry, tidy.id, "time record")
            apply_record(row, tidy)
            row.activity = tidy.activity.value
            session.flush()
            saved = _entry(row)
        self._changes.announce(TIME)
        return saved

    def delete_time(self, entry_id: int) -> None:
        with self._db.transaction() as session:
            session.delete(get_or_explain(session, m.TimeEntry, entry_id, "time record"))
        self._changes.announce(TIME)

    def add_typing_session(self, cycle_id: int, minutes: float, on: date | None = None) -> None:
        """Add a typing session measured by the entry screen to the day's typing time. Under
        half a minute is not recorded; a day holds at most 24 hours."""
        whole = round(minutes)
        if whole < 1:
            return
        on = on or date.today()
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = session.scalars(
                select(m.TimeEntry).where(
                    m.TimeEntry.cycle_id == cycle_id,
                    m.TimeEntry.on_date == on,
                    m.TimeEntry.activity == TimeActivity.TYPING_SURVEYS.value,
                    m.TimeEntry.note == MEASURED,
                )
            ).first()
            if row is None:
                session.add(
                    m.TimeEntry(
                        cycle_id=cycle_id,
                        activity=TimeActivity.TYPING_SURVEYS.value,
                        on_date=on,
                        minutes=min(whole, 24 * 60),
                        note=MEASURED,
                    )
                )
            else:
                row.minutes = min(row.minutes + whole, 24 * 60)
        self._changes.announce(TIME)

    def summary(self, cycle_id: int) -> dict[TimeActivity, int]:
        """Minutes per activity this cycle: what was typed in or measured, with interviews'
        lengths and meetings' durations. Activities with no time are left out."""
        # the tables themselves: the Overview shows this at start-up, before any ORM set-up
        entry, interview = m.TimeEntry.__table__.c, m.Interview.__table__.c
        meeting = m.Meeting.__table__.c
        with self._db.reading() as session:
            totals = {
                TimeActivity(activity): int(minutes)
                for activity, minutes in session.execute(
                    select(entry.activity, func.sum(entry.minutes))
                    .where(entry.cycle_id == cycle_id)
                    .group_by(entry.activity)
                )
            }
            interviews = session.scalar(
                select(func.sum(interview.length_minutes)).where(interview.cycle_id == cycle_id)
            )
            meetings = session.scalar(
                select(func.sum(meeting.minutes)).where(meeting.cycle_id == cycle_id)
            )
        for activity, extra in (
            (TimeActivity.INTERVIEWS, interviews),
            (TimeActivity.MEETINGS, meetings),
        ):
            if extra:
                totals[activity] = totals.get(activity, 0) + int(extra)
        return {a: totals[a] for a in TimeActivity if totals.get(a)}


def _entry(row: m.TimeEntry) -> TimeEntry:
    entry = to_record(TimeEntry, row)
    return TimeEntry(
        entry.cycle_id,
        TimeActivity(entry.activity),
        entry.on_date,
        entry.minutes,
        entry.note,
        entry.id,
    )
