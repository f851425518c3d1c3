"""What needs doing next: the facts the Overview's to-do list is made from, gathered in one
read of the database (and a look at the backups folder)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.goals import FINISHED, GoalStatus
from pledge_desktop.domain.pledge_year import REVIEW_WITHIN, TimeActivity, YearFacts
from pledge_desktop.domain.setup import PledgeCycle
from pledge_desktop.services.maintenance import MaintenanceService
from pledge_desktop.services.records import get_or_explain, to_record

OPEN = [s.value for s in GoalStatus if s not in FINISHED]


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
        with self._db.reading() as session:
            cycle = to_record(
                PledgeCycle, get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            )
            overdue, due = _goals(session, cycle_id, today)
            written, out_of_date = _booklet(session, cycle_id)
            facts = YearFacts(
                today=today,
                cycle_label=cycle.name,
                goals_overdue=overdue,
                goals_due_for_review=due,
                forms_returned=_count(session, m.SurveyResponse, cycle_id),
                forms_handed_out=cycle.forms_handed_out,
                batches_not_checked=_batches_not_checked(session, cycle_id),
                unfinished_forms=tuple(
                    session.scalars(
                        select(m.EntryDraft.serial)
                        .where(m.EntryDraft.cycle_id == cycle_id)
                        .order_by(m.EntryDraft.updated_at.desc())
                    )
                ),
                interviews_not_coded=_interviews_not_coded(session, cycle_id),
                quotes_waiting=_quotes_waiting(session, cycle_id),
                booklet_written=written,
                booklet_out_of_date=out_of_date,
                signed_off=session.scalar(select(exists().where(m.SignOff.cycle_id == cycle_id)))
                or False,
                sent_to_charity=session.scalar(
                    select(
                        exists().where(
                            m.AuditEntry.entity == "export", m.AuditEntry.entity_id == cycle.label
                        )
                    )
                )
                or False,
                last_backup=_last_backup(self._maintenance),
                minutes_by_activity={a.value: n for a, n in (minutes_by_activity or {}).items()},
            )
        return facts


def _count(session: Session, model: Any, cycle_id: int) -> int:
    return session.scalar(select(func.count()).where(model.cycle_id == cycle_id)) or 0


def _goals(session: Session, cycle_id: int, today: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = session.execute(
        select(m.Goal.title, m.Goal.target_date, m.Goal.next_review)
        .where(m.Goal.cycle_id == cycle_id, m.Goal.status.in_(OPEN))
        .order_by(m.Goal.priority)
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
    response = m.SurveyResponse
    typed = select(response.batch_id).where(response.cycle_id == cycle_id).distinct()
    checked = (
        select(response.batch_id)
        .join(m.VerificationCheck, m.VerificationCheck.response_id == response.id)
        .where(response.cycle_id == cycle_id)
        .distinct()
    )
    return (
        session.scalar(
            select(func.count()).where(
                m.SurveyBatch.cycle_id == cycle_id,
                m.SurveyBatch.id.in_(typed),
                m.SurveyBatch.id.not_in(checked),
            )
        )
        or 0
    )


def _interviews_not_coded(session: Session, cycle_id: int) -> int:
    coded = select(m.CodedPassage.interview_id).distinct()
    return (
        session.scalar(
            select(func.count()).where(
                m.Interview.cycle_id == cycle_id,
                m.Interview.transcript != "",
                m.Interview.id.not_in(coded),
            )
        )
        or 0
    )


def _quotes_waiting(session: Session, cycle_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(m.Quote)
            .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
            .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
            .where(m.Interview.cycle_id == cycle_id, m.Quote.approved.is_(False))
        )
        or 0
    )


def _booklet(session: Session, cycle_id: int) -> tuple[bool, bool]:
    """Whether the booklet was written, and whether a goal or standard changed since."""
    written = session.scalar(select(m.Booklet.written_at).where(m.Booklet.cycle_id == cycle_id))
    if written is None:
        return False, False
    goal_ids = [
        str(i) for i in session.scalars(select(m.Goal.id).where(m.Goal.cycle_id == cycle_id))
    ]
    standard_ids = [
        str(i)
        for i in session.scalars(
            select(m.CareStandard.id).where(m.CareStandard.cycle_id == cycle_id)
        )
    ]
    audit = m.AuditEntry
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
