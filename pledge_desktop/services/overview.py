"""What needs doing next: the facts the Overview's to-do list is made from, gathered in one
read of the database (and a look at the backups folder)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound
from pledge_desktop.domain.goals import FINISHED, GoalStatus
from pledge_desktop.domain.pledge_year import REVIEW_WITHIN, TimeActivity, YearFacts
from pledge_desktop.domain.setup import PledgeCycle
from pledge_desktop.services.maintenance import MaintenanceService
from pledge_desktop.services.records import to_record

OPEN = [s.value for s in GoalStatus if s not in FINISHED]
# The Overview is the first screen: its reads use the tables themselves (SQLAlchemy Core), so
# showing it needs none of the ORM's set-up, which the first ORM query would do.
TABLES = {
    name: getattr(m, name).__table__
    for name in (
        "AuditEntry",
        "Booklet",
        "CareStandard",
        "CodedPassage",
        "EntryDraft",
        "Goal",
        "Interview",
        "PledgeCycle",
        "Quote",
        "SignOff",
        "SurveyBatch",
        "SurveyResponse",
        "VerificationCheck",
    )
}
T = {name: table.c for name, table in TABLES.items()}  # each table's columns


class OverviewService:
    def __init__(self, db: Database, maintenance: MaintenanceService) -> None:
        self._db = db
        self._maintenance = maintenance

    def facts(
        self,
        cycle_id: int,
        today: date | None = None,
        minutes_by_activity: dict[TimeActivity, int] | None = None,
    ) -> YearFacts:
        today = today or date.today()
        cycles, drafts, audit = T["PledgeCycle"], T["EntryDraft"], T["AuditEntry"]
        with self._db.reading() as session:
            row = session.execute(select(cycles).where(cycles.id == cycle_id)).first()
            if row is None:
                raise NotFound(
                    "That pledge cycle no longer exists: it may have been deleted meanwhile."
                )
            cycle = to_record(PledgeCycle, row)
            overdue, due = _goals(session, cycle_id, today)
            written, out_of_date = _booklet(session, cycle_id)
            facts = YearFacts(
                today=today,
                cycle_label=cycle.name,
                goals_overdue=overdue,
                goals_due_for_review=due,
                forms_returned=_count(session, T["SurveyResponse"], cycle_id),
                forms_handed_out=cycle.forms_handed_out,
                batches_not_checked=_batches_not_checked(session, cycle_id),
                unfinished_forms=tuple(
                    session.scalars(
                        select(drafts.serial)
                        .where(drafts.cycle_id == cycle_id)
                        .order_by(drafts.updated_at.desc())
                    )
                ),
                interviews_not_coded=_interviews_not_coded(session, cycle_id),
                quotes_waiting=_quotes_waiting(session, cycle_id),
                booklet_written=written,
                booklet_out_of_date=out_of_date,
                signed_off=session.scalar(select(exists().where(T["SignOff"].cycle_id == cycle_id)))
                or False,
                sent_to_charity=session.scalar(
                    select(exists().where(audit.entity == "export", audit.entity_id == cycle.label))
                )
                or False,
                last_backup=_last_backup(self._maintenance),
                minutes_by_activity={a.value: n for a, n in (minutes_by_activity or {}).items()},
            )
        return facts


def _count(session: Session, table: Any, cycle_id: int) -> int:
    return session.scalar(select(func.count()).where(table.cycle_id == cycle_id)) or 0


def _goals(session: Session, cycle_id: int, today: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    goal = T["Goal"]
    rows = session.execute(
        select(goal.title, goal.target_date, goal.next_review)
        .where(goal.cycle_id == cycle_id, goal.status.in_(OPEN))
        .order_by(goal.priority)
    ).all()
    overdue = tuple(t for t, target, _r in rows if target is not None and target < today)
    due = tuple(
        t
        for t, _target, review in rows
        if review is not None and review - today <= REVIEW_WITHIN and t not in overdue
    )
    return overdue, due


def _batches_not_checked(session: Session, cycle_id: int) -> int:
    """Batches with typed-in forms none of which has been checked yet."""
    response, check, batch = T["SurveyResponse"], T["VerificationCheck"], T["SurveyBatch"]
    typed = select(response.batch_id).where(response.cycle_id == cycle_id).distinct()
    checked = (
        select(response.batch_id)
        .join_from(
            TABLES["SurveyResponse"], TABLES["VerificationCheck"], check.response_id == response.id
        )
        .where(response.cycle_id == cycle_id)
        .distinct()
    )
    return (
        session.scalar(
            select(func.count()).where(
                batch.cycle_id == cycle_id,
                batch.id.in_(typed),
                batch.id.not_in(checked),
            )
        )
        or 0
    )


def _interviews_not_coded(session: Session, cycle_id: int) -> int:
    interview = T["Interview"]
    coded = select(T["CodedPassage"].interview_id).distinct()
    return (
        session.scalar(
            select(func.count()).where(
                interview.cycle_id == cycle_id,
                interview.transcript != "",
                interview.id.not_in(coded),
            )
        )
        or 0
    )


def _quotes_waiting(session: Session, cycle_id: int) -> int:
    quote, passage, interview = T["Quote"], T["CodedPassage"], T["Interview"]
    return (
        session.scalar(
            select(func.count())
            .select_from(TABLES["Quote"])
            .join(TABLES["CodedPassage"], passage.id == quote.passage_id)
            .join(TABLES["Interview"], interview.id == passage.interview_id)
            .where(interview.cycle_id == cycle_id, quote.approved.is_(False))
        )
        or 0
    )


def _booklet(session: Session, cycle_id: int) -> tuple[bool, bool]:
    """Whether the booklet was written, and whether a goal or standard changed since."""
    booklet, goal, standard, audit = T["Booklet"], T["Goal"], T["CareStandard"], T["AuditEntry"]
    written = session.scalar(select(booklet.written_at).where(booklet.cycle_id == cycle_id))
    if written is None:
        return False, False
    goal_ids = [str(i) for i in session.scalars(select(goal.id).where(goal.cycle_id == cycle_id))]
    standard_ids = [
        str(i) for i in session.scalars(select(standard.id).where(standard.cycle_id == cycle_id))
    ]
    changed = session.scalar(
        select(func.max(audit.at_utc)).where(
            ((audit.entity == "goal") & audit.entity_id.in_(goal_ids))
            | ((audit.entity == "care_standard") & audit.entity_id.in_(standard_ids))
        )
    )
    return True, changed is not None and changed > written


def _last_backup(maintenance: MaintenanceService) -> date | None:
    for backup in maintenance.backups():
        if backup.taken_at is not None:
            return backup.taken_at.date()
    return None
