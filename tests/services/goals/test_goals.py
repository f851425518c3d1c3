"""Goals through the services: order, statuses, progress history, evidence, carrying forward;
and the standards of care."""

from datetime import date

import pytest

from pledge_desktop.domain.errors import DeleteRefused, ValidationError
from pledge_desktop.domain.goals import (
    DEFAULT_STANDARDS,
    CareStandard,
    Goal,
    GoalStatus,
    GoalUpdate,
    Progress,
    Term,
)
from pledge_desktop.domain.setup import PledgeCycle

S = GoalStatus


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def titles(workspace, cycle_id, term: Term) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.goal.title for c in workspace.goals.board(cycle_id) if c.goal.term is term]


def test_a_new_goal_is_proposed_and_last_in_its_term(demo_workspace, cycle_id) -> None:
    goals = demo_workspace.goals
    before = titles(demo_workspace, cycle_id, Term.LONG)
    owner = demo_workspace.setup.team(cycle_id)[0]
    saved = goals.save_goal(
        Goal(cycle_id, Term.LONG, "Evening clinics", owner_id=owner.id, status=S.ACHIEVED)
    )
    assert saved.status is S.PROPOSED, "a status is changed only through its steps"
    assert titles(demo_workspace, cycle_id, Term.LONG) == [*before, "Evening clinics"]
    goals.move(saved.id, -1)
    assert titles(demo_workspace, cycle_id, Term.LONG)[0] == "Evening clinics"
    moved = goals.save_goal(Goal(cycle_id, Term.SHORT, "Evening clinics", id=saved.id))
    assert titles(demo_workspace, cycle_id, Term.SHORT)[-1] == "Evening clinics"
    assert moved.owner_id is None


def test_an_owner_comes_from_this_cycles_team(demo_workspace, cycle_id) -> None:
    last_year = demo_workspace.cycles.find("2025").id
    stranger = demo_workspace.setup.team(last_year)[0]
    with pytest.raises(ValidationError) as problems:
        demo_workspace.goals.save_goal(Goal(cycle_id, Term.SHORT, "X", owner_id=stranger.id))
    assert "owner_id" in problems.value.problems


def test_statuses_move_step_by_step_with_reasons(demo_workspace, cycle_id) -> None:
    goals = demo_workspace.goals
    goal = goals.save_goal(Goal(cycle_id, Term.MEDIUM, "Leaflets in Polish"))
    with pytest.raises(ValidationError, match="not achieved"):
        goals.change_status(goal.id, S.ACHIEVED)
    goals.change_status(goal.id, S.AGREED)
    goals.change_status(goal.id, S.IN_PROGRESS)
    with pytest.raises(ValidationError, match="Please say why"):
        goals.change_status(goal.id, S.DROPPED)
    dropped = goals.change_status(goal.id, S.DROPPED, "The trust translates all leaflets now")
    assert (dropped.status, dropped.status_reason) == (
        S.DROPPED,
        "The trust translates all leaflets now",
    )


def test_progress_updates_follow_a_goal_carried_forward(demo_workspace) -> None:
    goals = demo_workspace.goals
    new_cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17)),
        copy_team_from=demo_workspace.cycles.find("2026").id,
    )
    label, unfinished = goals.unfinished_before(new_cycle.id)
    assert label == "2026"
    assert {g.status for g in unfinished} <= {S.PROPOSED, S.AGREED, S.IN_PROGRESS}
    callback = next(g for g in unfinished if g.title == "Call back on the same day")
    goals.add_update(
        GoalUpdate(callback.id, date(2026, 11, 2), Progress.ON_TRACK, "Now 90% same day"),
        today=date(2026, 11, 28),
    )
    (copy,) = goals.carry_forward(new_cycle.id, [callback.id])
    assert (copy.cycle_id, copy.carried_from_id, copy.status) == (
        new_cycle.id,
        callback.id,
        callback.status,
    )
    owner = next(m for m in demo_workspace.setup.team(new_cycle.id) if m.id == copy.owner_id)
    assert owner.name == "Grace Sample", "the owner is this cycle's member of the same name"
    history = goals.history(copy.id)
    assert [(h.cycle, h.update.note[:9]) for h in history] == [
        ("2026", "Now 90% s"),
        ("2025", "Answerpho"),
    ]
    assert [e.ref for e in goals.evidence(copy.id)] == ["bcn_contact", "bcn_answers"]
    (card,) = [c for c in goals.board(new_cycle.id) if c.goal.id == copy.id]
    assert card.carried_from_cycle == "2026" and card.latest.note == "Now 90% same day"
    assert callback.id not in {g.id for g in goals.unfinished_before(new_cycle.id)[1]}
    with pytest.raises(DeleteRefused):
        goals.delete_goal(callback.id)  # the carried copy points back at it


def test_a_finished_goal_is_not_carried_forward(demo_workspace, cycle_id) -> None:
    goals = demo_workspace.goals
    last_year = demo_workspace.cycles.find("2025").id
    achieved = next(c.goal for c in goals.board(last_year) if c.goal.status is S.ACHIEVED)
    with pytest.raises(ValidationError, match="only unfinished goals"):
        goals.carry_forward(cycle_id, [achieved.id])


def test_evidence_links_to_questions_both_ways(demo_workspace, cycle_id) -> None:
    goals = demo_workspace.goals
    goal = goals.save_goal(Goal(cycle_id, Term.SHORT, "Tell people about support groups"))
    goals.link_question(goal.id, "support_practical")
    goals.link_question(goal.id, "support_practical")  # once is enough
    (link,) = goals.evidence(goal.id)
    assert link.label.startswith("Q24. Were you told about help with money")
    assert ("2026", "Tell people about support groups") in goals.goals_for_question(
        "support_practical"
    )
    with pytest.raises(ValidationError, match="no question"):
        goals.link_question(goal.id, "no_such_question")
    goals.unlink(link.id)
    assert goals.evidence(goal.id) == []


def test_horizons_can_be_put_in_the_teams_words(demo_workspace) -> None:
    goals = demo_workspace.goals
    assert goals.horizons()[Term.SHORT] == "within a year"  # the demo's words
    goals.set_horizons({Term.SHORT: " within  3 months", Term.LONG: "in 2 to 4 years"})
    assert goals.horizons() == {
        Term.SHORT: "within 3 months",
        Term.MEDIUM: "in 1 to 2 years",
        Term.LONG: "in 2 to 4 years",
    }
    with pytest.raises(ValidationError, match="long term means"):
        goals.set_horizons({Term.SHORT: "soon", Term.LONG: " "})
    assert goals.horizons()[Term.SHORT] == "within 3 months", "nothing half-saved"


def test_standards_start_from_last_cycle_or_the_suggested_list(demo_workspace) -> None:
    standards = demo_workspace.standards
    new_cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17))
    )
    assert standards.start_list(new_cycle.id) == ("cycle 2026", len(DEFAULT_STANDARDS))
    assert standards.start_list(new_cycle.id) == ("", 0), "a list is started once"
    listed = standards.standards(new_cycle.id)
    assert not any(s.reviewed for s in listed), "to be reviewed again this cycle"
    standards.move(listed[1].id, -1)
    assert standards.standards(new_cycle.id)[0].id == listed[1].id
    added = standards.save_standard(CareStandard(new_cycle.id, "  You will be   seen on time. "))
    assert added.text == "You will be seen on time."
    assert standards.standards(new_cycle.id)[-1].id == added.id
    standards.delete_standard(added.id)
    with pytest.raises(ValidationError):
        standards.save_standard(CareStandard(new_cycle.id, " "))


def test_the_demo_has_a_pledge(demo_workspace, cycle_id) -> None:
    board = demo_workspace.goals.board(cycle_id)
    assert len(board) == 7
    assert {c.goal.term for c in board} == set(Term)
    assert sum(1 for c in board if c.carried_from_cycle) == 2
    assert any(c.overdue for c in board)
    assert len(demo_workspace.standards.standards(cycle_id)) == len(DEFAULT_STANDARDS)
