"""The demo's governance records: the 2025 pledge's sign-off, what the fictional patient
representatives did, the meetings, and some of the time the pledge took. All invented."""

from __future__ import annotations

from datetime import date

from pledge_desktop.domain.pledge_year import (
    Activity,
    Decision,
    Involvement,
    Meeting,
    MeetingDecision,
    MeetingKind,
    SignOff,
    TimeActivity,
    TimeEntry,
)
from pledge_desktop.services.workspace import Workspace


def add_demo_year(workspace: Workspace, first_id: int, current_id: int) -> None:
    """Call after the demo's people and goals exist (fill_demo)."""
    workspace.sign_off.save_sign_off(
        SignOff(
            first_id,
            "Dr Helen Fictional",
            "Clinical Director",
            date(2025, 8, 28),
            "RZZ-PIL-0427 (fictional)",
            date(2027, 8, 28),
            publish_consent=True,
        )
    )
    for cycle_id, held_on, kind in (
        (first_id, date(2025, 6, 12), MeetingKind.GOAL_SETTING),
        (current_id, date(2026, 2, 10), MeetingKind.REVIEW),
    ):
        team = [m.id for m in workspace.setup.team(cycle_id) if m.id is not None][:4]
        reps = [r.id for r in workspace.setup.representatives(cycle_id) if r.id is not None][:2]
        goals = [c.goal.id for c in workspace.goals.board(cycle_id) if c.goal.id is not None]
        workspace.meetings.save_meeting(
            Meeting(
                cycle_id,
                kind,
                held_on,
                90,
                "Fictional demo meeting in the unit's seminar room.",
                tuple(team),
                tuple(reps),
                tuple(MeetingDecision(g, Decision.REVIEWED) for g in goals[:3]),
            )
        )
    reps = [r.id for r in workspace.setup.representatives(current_id) if r.id is not None]
    for rep, on, activity, minutes, pence in (
        (reps[0], date(2026, 1, 20), Activity.SURVEY_DESIGN, 120, 640),
        (reps[-1], date(2026, 3, 3), Activity.HANDING_OUT, 180, 0),
        (reps[0], date(2026, 4, 14), Activity.INTERVIEWING, 150, 850),
    ):
        workspace.involvement.save_involvement(
            Involvement(current_id, rep, on, activity, minutes=minutes, expenses_pence=pence)
        )
    for on, spent_on, minutes, note in (
        (date(2026, 1, 27), TimeActivity.HANDING_OUT, 60, "Tuesday clinic"),
        (date(2026, 2, 3), TimeActivity.HANDING_OUT, 45, "Thursday clinic"),
        (date(2026, 3, 17), TimeActivity.TYPING_SURVEYS, 95, "First batch"),
        (date(2026, 5, 5), TimeActivity.OTHER, 30, "Emails to the charity"),
    ):
        workspace.time_spent.add_time(TimeEntry(current_id, spent_on, on, minutes, note))
