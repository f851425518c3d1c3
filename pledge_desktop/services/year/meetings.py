"""Goal-setting and review meetings: who came, and what they decided about each goal.

A decision moves its goal in the same transaction as the meeting is saved: agreed goals are
agreed, dropped goals dropped (with the meeting as the reason); changed and reviewed goals keep
their status."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import GoalStatus, check_transition
from pledge_desktop.domain.pledge_year import (
    Activity,
    Decision,
    Meeting,
    MeetingDecision,
    MeetingKind,
    validate_meeting,
)
from pledge_desktop.services.goals.goals import GOALS, set_status
from pledge_desktop.services.records import ChangeFeed, get_or_add, get_or_explain

MEETINGS = "meetings"
STATUS_OF = {Decision.AGREED: GoalStatus.AGREED, Decision.DROPPED: GoalStatus.DROPPED}
KIND_ACTIVITY = {
    MeetingKind.GOAL_SETTING: Activity.GOAL_MEETING,
    MeetingKind.REVIEW: Activity.REVIEW_MEETING,
    MeetingKind.OTHER: Activity.OTHER,
}


class MeetingsService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def meetings(self, cycle_id: int) -> list[Meeting]:
        """The cycle's meetings, newest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.Meeting)
                .where(m.Meeting.cycle_id == cycle_id)
                .order_by(m.Meeting.held_on.desc(), m.Meeting.id.desc())
            ).all()
            return [_meeting(session, row) for row in rows]

    def meeting(self, meeting_id: int) -> Meeting:
        with self._db.reading() as session:
            return _meeting(session, get_or_explain(session, m.Meeting, meeting_id, "meeting"))

    def save_meeting(
        self, meeting: Meeting, next_reviews: dict[int, date] | None = None
    ) -> Meeting:
        """Record a meeting, who came and its decisions, and move the goals it decided on;
        `next_reviews` gives goals the date the team looks at them again. Representatives who
        came to a new meeting get a line in the involvement log."""
        tidy = validate_meeting(meeting)
        for review in (next_reviews or {}).values():
            if review <= tidy.held_on:
                raise ValidationError({"decisions": "A next review date comes after the meeting."})
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            _check_people(session, tidy)
            row = get_or_add(session, m.Meeting, tidy.id, "meeting")
            row.cycle_id = tidy.cycle_id
            row.kind = tidy.kind.value
            row.held_on = tidy.held_on
            row.minutes = tidy.minutes
            row.notes = tidy.notes
            session.flush()
            session.execute(delete(m.MeetingAttendee).where(m.MeetingAttendee.meeting_id == row.id))
            session.execute(delete(m.MeetingDecision).where(m.MeetingDecision.meeting_id == row.id))
            for member in tidy.team_member_ids:
                session.add(m.MeetingAttendee(meeting_id=row.id, team_member_id=member))
            for rep in tidy.representative_ids:
                session.add(m.MeetingAttendee(meeting_id=row.id, representative_id=rep))
                if tidy.id is None:
                    session.add(
                        m.RepresentativeInvolvement(
                            cycle_id=tidy.cycle_id,
                            representative_id=rep,
                            on_date=tidy.held_on,
                            activity=KIND_ACTIVITY[tidy.kind].value,
                            description=tidy.kind.label,
                            minutes=tidy.minutes,
                            expenses_pence=0,
                        )
                    )
            for goal_id, review in (next_reviews or {}).items():
                goal = get_or_explain(session, m.Goal, goal_id, "goal")
                if goal.cycle_id != tidy.cycle_id:
                    raise ValidationError(
                        {"decisions": "Decide on goals of this pledge cycle only."}
                    )
                goal.next_review = review
            for decision in tidy.decisions:
                _apply(session, tidy, decision)
                session.add(
                    m.MeetingDecision(
                        meeting_id=row.id,
                        goal_id=decision.goal_id,
                        decision=decision.decision.value,
                        note=decision.note.strip(),
                    )
                )
            session.flush()
            saved = _meeting(session, row)
        for topic in (MEETINGS, GOALS, "involvement"):
            self._changes.announce(topic)
        return saved

    def delete_meeting(self, meeting_id: int) -> None:
        """Delete a meeting's record; the goals keep the statuses it gave them."""
        with self._db.transaction() as session:
            session.delete(get_or_explain(session, m.Meeting, meeting_id, "meeting"))
        self._changes.announce(MEETINGS)


def _check_people(session: Session, meeting: Meeting) -> None:
    team = set(
        session.scalars(select(m.TeamMember.id).where(m.TeamMember.cycle_id == meeting.cycle_id))
    )
    reps = set(
        session.scalars(
            select(m.PatientRepresentative.id).where(
                m.PatientRepresentative.cycle_id == meeting.cycle_id
            )
        )
    )
    if not set(meeting.team_member_ids) <= team or not set(meeting.representative_ids) <= reps:
        raise ValidationError({"attendees": "Tick people of this pledge cycle only."})


def _apply(session: Session, meeting: Meeting, decision: MeetingDecision) -> None:
    goal = get_or_explain(session, m.Goal, decision.goal_id, "goal")
    if goal.cycle_id != meeting.cycle_id:
        raise ValidationError({"decisions": "Decide on goals of this pledge cycle only."})
    wanted = STATUS_OF.get(decision.decision)
    if wanted is None or GoalStatus(goal.status) is wanted:
        return
    if wanted is GoalStatus.AGREED and GoalStatus(goal.status) is GoalStatus.IN_PROGRESS:
        return  # already under way: agreeing it again changes nothing
    reason = decision.note.strip() or (
        f"Dropped at the {meeting.kind.label.lower()} on {meeting.held_on:%d %B %Y}."
    )
    problem = check_transition(GoalStatus(goal.status), wanted, reason)
    if problem:
        raise ValidationError({"decisions": f"“{goal.title}”: {problem}"})
    set_status(goal, wanted, reason if wanted is GoalStatus.DROPPED else "", meeting.held_on)


def _meeting(session: Session, row: m.Meeting) -> Meeting:
    people = session.execute(
        select(m.MeetingAttendee.team_member_id, m.MeetingAttendee.representative_id)
        .where(m.MeetingAttendee.meeting_id == row.id)
        .order_by(m.MeetingAttendee.id)
    ).all()
    decisions = session.scalars(
        select(m.MeetingDecision)
        .where(m.MeetingDecision.meeting_id == row.id)
        .order_by(m.MeetingDecision.id)
    )
    return Meeting(
        cycle_id=row.cycle_id,
        kind=MeetingKind(row.kind),
        held_on=row.held_on,
        minutes=row.minutes,
        notes=row.notes,
        team_member_ids=tuple(t for t, _r in people if t is not None),
        representative_ids=tuple(r for _t, r in people if r is not None),
        decisions=tuple(
            MeetingDecision(d.goal_id, Decision(d.decision), d.note) for d in decisions
        ),
        id=row.id,
    )


def held_on_text(day: date) -> str:
    return f"{day:%d %B %Y}"
