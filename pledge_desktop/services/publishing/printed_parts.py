"""The parts of the booklet read straight from the pledge's records: the team, the approved
quotes, the goals in the order they print, and the sign-off's dates."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.booklet import PrintedGoal, TeamContact, goals_as_printed
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
    rows = session.scalars(
        select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.priority)
    ).all()
    kept = [g for g in rows if g.id not in left_out]
    return goals_as_printed(rows, horizons_in(session), latest_updates(session, kept), left_out)
