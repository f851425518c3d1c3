"""The parts of the booklet read straight from the pledge's records: the team, the approved
quotes, the goals in the order they print, and the sign-off's dates."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.booklet import PrintedGoal, TeamContact
from pledge_desktop.domain.goals import GoalStatus, Term
from pledge_desktop.services.goals.goals import horizons_in, latest_updates
from pledge_desktop.services.publishing.booklet_details import printed_dates


def sign_off_dates(session: Session, cycle_id: int) -> tuple[str, str, str]:
    """(published, review date, leaflet reference) from the pledge's sign-off, or blanks."""
    return printed_dates(
        session.scalars(select(m.SignOff).where(m.SignOff.cycle_id == cycle_id)).first()
    )


def printed_team(session: Session, cycle_id: int) -> tuple[TeamContact, ...]:
    rows = session.scalars(
        select(m.TeamMember)
        .where(m.TeamMember.cycle_id == cycle_id)
        .order_by(m.TeamMember.is_pledge_lead.desc(), m.TeamMember.name)
    )
    return tuple(TeamContact(r.name, r.role, r.phone) for r in rows)


def approved_quotes(session: Session, cycle_id: int) -> list[m.Quote]:
    return list(
        session.scalars(
            select(m.Quote)
            .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
            .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
            .where(m.Interview.cycle_id == cycle_id, m.Quote.approved.is_(True))
            .order_by(m.Interview.pseudonym, m.CodedPassage.start)
        )
    )


def printed_goals(
    session: Session, cycle_id: int, left_out: frozenset[int]
) -> tuple[PrintedGoal, ...]:
    horizons = horizons_in(session)
    rows = [
        g
        for g in session.scalars(
            select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.priority)
        )
        if g.id not in left_out and g.status != GoalStatus.DROPPED.value
    ]
    latest = latest_updates(session, rows)
    order = list(Term)
    rows.sort(key=lambda g: (order.index(Term(g.term)), g.priority))
    return tuple(
        PrintedGoal(
            term_label=Term(g.term).label,
            horizon=horizons[Term(g.term)],
            title=g.title,
            description=g.description,
            why=g.why,
            status=GoalStatus(g.status).label,
            progress=latest.get(g.id, ""),
        )
        for g in rows
    )
