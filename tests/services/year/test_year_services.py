"""The pledge year's use cases, on a fresh data folder."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import Goal, GoalStatus, Term
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
    to_do_list,
)
from pledge_desktop.domain.setup import (
    CycleStatus,
    FirstSetup,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    TeamMember,
)
from pledge_desktop.services.workspace import Workspace

TODAY = date.today()


@pytest.fixture
def year(workspace: Workspace) -> tuple[Workspace, int]:
    cycle = workspace.setup.complete_first_setup(
        FirstSetup(
            Hospital(name="Testford Hospital (fictional)"),
            TeamMember(0, "Nurse Test", "Breast Care Nurse", is_pledge_lead=True),
            PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
        )
    )
    assert cycle.id is not None
    return workspace, cycle.id


def _people(ws: Workspace, cycle_id: int) -> tuple[int, int, int]:
    lead = ws.setup.team(cycle_id)[0].id
    one = ws.setup.save_representative(PatientRepresentative(cycle_id, "Rep One")).id
    two = ws.setup.save_representative(PatientRepresentative(cycle_id, "Rep Two")).id
    assert lead and one and two
    return lead, one, two


def test_publishing_needs_a_sign_off_and_the_sign_off_is_one_per_cycle(year) -> None:
    ws, cycle_id = year
    cycle = ws.cycles.find("2026")
    with pytest.raises(ValidationError, match="signed off"):
        ws.cycles.save_cycle(replace(cycle, status=CycleStatus.PUBLISHED))
    with pytest.raises(ValidationError) as problem:
        ws.sign_off.save_sign_off(SignOff(cycle_id, " ", "", TODAY))
    assert set(problem.value.problems) == {"signed_by", "role"}
    ws.sign_off.save_sign_off(SignOff(cycle_id, "Dr  Chair", "Clinical Director", TODAY))
    again = ws.sign_off.save_sign_off(SignOff(cycle_id, "Dr Chair", "Medical Director", TODAY))
    assert ws.sign_off.sign_off(cycle_id) == again and again.role == "Medical Director"
    ws.cycles.save_cycle(replace(cycle, status=CycleStatus.PUBLISHED))
    with pytest.raises(ValidationError, match="published"):
        ws.sign_off.withdraw_sign_off(cycle_id)


def test_involvement_is_logged_and_summed(year) -> None:
    ws, cycle_id = year
    _lead, one, two = _people(ws, cycle_id)
    ws.involvement.save_involvement(
        Involvement(cycle_id, one, TODAY, Activity.SURVEY_DESIGN, minutes=90, expenses_pence=450)
    )
    ws.involvement.save_involvement(Involvement(cycle_id, two, TODAY, Activity.SURVEY_DESIGN))
    ws.involvement.save_involvement(Involvement(cycle_id, two, TODAY, Activity.BOOKLET_REVIEW))
    summary = ws.involvement.summary(cycle_id)
    assert summary.representatives == 2
    assert summary.by_activity == {Activity.SURVEY_DESIGN: 2, Activity.BOOKLET_REVIEW: 1}
    assert (summary.minutes, summary.expenses_pence) == (90, 450)
    with pytest.raises(ValidationError, match="what they did"):
        ws.involvement.save_involvement(Involvement(cycle_id, one, TODAY, Activity.OTHER))


def test_a_meeting_agrees_and_drops_goals_in_one_go(year) -> None:
    ws, cycle_id = year
    lead, one, _two = _people(ws, cycle_id)
    keep = ws.goals.save_goal(Goal(cycle_id, Term.SHORT, "Phone back within a day"))
    drop = ws.goals.save_goal(Goal(cycle_id, Term.LONG, "A new unit"))
    assert keep.id and drop.id
    meeting = ws.meetings.save_meeting(
        Meeting(
            cycle_id,
            MeetingKind.GOAL_SETTING,
            TODAY,
            90,
            team_member_ids=(lead,),
            representative_ids=(one,),
            decisions=(
                MeetingDecision(keep.id, Decision.AGREED),
                MeetingDecision(drop.id, Decision.DROPPED),
            ),
        )
    )
    assert ws.meetings.meetings(cycle_id) == [meeting]
    agreed, dropped = ws.goals.goal(keep.id), ws.goals.goal(drop.id)
    assert agreed.status is GoalStatus.AGREED and agreed.agreed_on == TODAY
    assert dropped.status is GoalStatus.DROPPED and "goal-setting meeting" in dropped.status_reason
    assert dropped.closed_on == TODAY
    logged = ws.involvement.involvement(cycle_id)
    assert [(i.representative_id, i.activity) for i in logged] == [(one, Activity.GOAL_MEETING)]
    with pytest.raises(ValidationError, match="Tick who came"):
        ws.meetings.save_meeting(Meeting(cycle_id, MeetingKind.REVIEW, TODAY))


def test_time_is_summed_per_activity_with_meetings_and_typing_sessions(year) -> None:
    ws, cycle_id = year
    lead, _one, _two = _people(ws, cycle_id)
    ws.time_spent.add_time(TimeEntry(cycle_id, TimeActivity.HANDING_OUT, TODAY, 45))
    ws.time_spent.add_typing_session(cycle_id, 12.4, TODAY)
    ws.time_spent.add_typing_session(cycle_id, 20, TODAY)
    ws.time_spent.add_typing_session(cycle_id, 0.2, TODAY)  # a glance, not a session
    ws.meetings.save_meeting(
        Meeting(cycle_id, MeetingKind.REVIEW, TODAY, 60, team_member_ids=(lead,))
    )
    assert ws.time_spent.summary(cycle_id) == {
        TimeActivity.TYPING_SURVEYS: 32,
        TimeActivity.MEETINGS: 60,
        TimeActivity.HANDING_OUT: 45,
    }
    assert len(ws.time_spent.entries(cycle_id)) == 2


def test_the_overview_list_shrinks_as_the_work_is_done(year, tmp_path: Path) -> None:
    ws, cycle_id = year
    goal = ws.goals.save_goal(
        Goal(cycle_id, Term.SHORT, "Phone back within a day", next_review=TODAY + timedelta(10))
    )
    late = ws.goals.save_goal(
        Goal(cycle_id, Term.MEDIUM, "Leaflets in Polish", target_date=TODAY - timedelta(1))
    )
    facts = ws.overview.facts(cycle_id, TODAY)
    assert facts.goals_due_for_review == ("Phone back within a day",)
    assert facts.goals_overdue == ("Leaflets in Polish",)
    wheres = [item.where for item in to_do_list(facts)]
    assert wheres == ["goals", "goals", "booklet", "cycles", "backup"]
    ws.goals.save_goal(replace(goal, next_review=TODAY + timedelta(90)))
    ws.goals.save_goal(replace(late, target_date=TODAY + timedelta(60)))
    with pytest.raises(ValidationError, match="signed off"):
        ws.publish.publish(cycle_id, tmp_path / "out")
    ws.sign_off.save_sign_off(
        SignOff(cycle_id, "Dr Chair", "Clinical Director", TODAY, "PIL-1", publish_consent=True)
    )
    done = ws.publish.publish(cycle_id, tmp_path / "out", fictional=True)
    assert [p.name for p in done.files] == [
        "booklet.pdf",
        "booklet.html",
        "pledge.json",
        "consent-to-publish.txt",
    ]
    published = json.loads((tmp_path / "out" / "pledge.json").read_text(encoding="utf-8"))
    assert [g["title"] for g in published["goals"]] == [
        "Phone back within a day",
        "Leaflets in Polish",
    ]
    assert published["signed_off"]["leaflet_reference"] == "PIL-1"
    assert "Testford" in PdfReader(tmp_path / "out" / "booklet.pdf").pages[0].extract_text()
    assert ws.cycles.find("2026").status == CycleStatus.PUBLISHED
    ws.maintenance.backup_now()
    assert to_do_list(ws.overview.facts(cycle_id, date.today())) == []
    ws.goals.save_goal(replace(ws.goals.goal(late.id or 0), title="Leaflets in Polish and Urdu"))
    later = to_do_list(ws.overview.facts(cycle_id, date.today()))
    assert [item.where for item in later] == ["booklet"]
    assert "out of date" in later[0].text
