"""The demo looks like a real breast service's year to a nurse."""

from collections import Counter
from datetime import date

from pledge_desktop.domain.goals import Term
from pledge_desktop.domain.setup import PledgeType
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.services.demo.comments import (
    GOOD,
    IMPROVE,
    SECONDARY_GOOD,
    SECONDARY_IMPROVE,
)


def _answers(workspace, cycle_id: int) -> list[dict]:  # type: ignore[no-untyped-def]
    service = workspace.survey_entry
    return [
        service.open_form(cycle_id, r.serial).entry.answers for r in service.responses(cycle_id)
    ]


def test_the_patients_are_a_breast_services(demo_workspace) -> None:
    forms = [a for c in demo_workspace.cycles.cycles() for a in _answers(demo_workspace, c.id)]
    assert len(forms) == 140
    sexes = Counter(a["sex"].value for a in forms if a["sex"].state is AnswerState.ANSWERED)
    assert sexes[1] / sum(sexes.values()) >= 0.97, "about 99 in 100 are women"
    ages = Counter(
        a["age_band"].value for a in forms if a["age_band"].state is AnswerState.ANSWERED
    )
    answered = sum(ages.values())
    assert (ages[3] + ages[4] + ages[5]) / answered >= 0.6, "most are 50 to 79"
    assert ages[1] / answered <= 0.06, "few are under 40"


def test_comments_are_varied_and_rarely_repeated(demo_workspace) -> None:
    assert len(set(GOOD + IMPROVE + SECONDARY_GOOD + SECONDARY_IMPROVE)) >= 80
    every: Counter[str] = Counter()
    for cycle in demo_workspace.cycles.cycles():
        written = Counter(
            a.value
            for answers in _answers(demo_workspace, cycle.id)
            for a in answers.values()
            if a.state is AnswerState.ANSWERED and isinstance(a.value, str)
        )
        assert written and max(written.values()) == 1, f"{cycle.name}: no comment twice"
        every.update(written)
    assert len(every) >= 60
    assert max(every.values()) <= 3, "across the years, a comment comes back rarely"


def test_2025_is_on_version_1_and_2026_on_version_2(demo_workspace) -> None:
    summaries = {(s.name, s.version): s.cycles for s in demo_workspace.questionnaires.summaries()}
    assert summaries[("Primary breast cancer patient survey", 1)] == ("2025",)
    assert summaries[("Primary breast cancer patient survey", 2)] == ("2026",)
    assert summaries[("Secondary breast cancer patient survey", 2)] == ("2026",)


def test_a_secondary_pledge_beside_the_primary_in_2026(demo_workspace) -> None:
    cycles = demo_workspace.cycles
    primary, secondary = cycles.find("2026"), cycles.find("2026 secondary")
    assert primary.pledge_type is PledgeType.PRIMARY
    assert secondary.pledge_type is PledgeType.SECONDARY
    assert cycles.cycles()[0].id == primary.id, "the app opens on the primary pledge"
    assert demo_workspace.survey_entry.count(secondary.id) == 30
    questions = demo_workspace.questionnaires.for_cycle(secondary.id)
    assert questions.name == "Secondary breast cancer patient survey"
    goals = demo_workspace.goals.board(secondary.id)
    assert 3 <= len(goals) <= 5
    standards = demo_workspace.standards.standards(secondary.id)
    assert len(standards) >= 4
    assert any("secondary breast cancer" in s.text for s in standards)


def test_every_cycle_has_its_fieldwork_and_forms_handed_out(demo_workspace) -> None:
    for cycle in demo_workspace.cycles.cycles():
        assert cycle.fieldwork_start and cycle.fieldwork_end
        assert cycle.start_date <= cycle.fieldwork_start < cycle.fieldwork_end <= cycle.end_date
        returns = demo_workspace.batches.returns(cycle.id)
        assert returns.handed_out and 0.3 <= returns.returned / returns.handed_out <= 0.5
    assert demo_workspace.batches.returns(demo_workspace.cycles.find("2026").id).describe == (
        "60 returned of 150 handed out (40%)"
    )


def test_goal_terms_match_their_target_dates(demo_workspace) -> None:
    """Short term: within a year of the cycle that set it; medium: 1 to 2 years; long: more."""
    set_in: dict[str, date] = {}
    for cycle in sorted(demo_workspace.cycles.cycles(), key=lambda c: c.start_date):
        for card in demo_workspace.goals.board(cycle.id):
            goal = card.goal
            started = set_in.setdefault(goal.title, cycle.start_date)
            if goal.target_date is None:
                continue
            years = (goal.target_date - started).days / 365.25
            expected = Term.SHORT if years <= 1 else Term.MEDIUM if years <= 2 else Term.LONG
            assert goal.term is expected, f"{goal.title}: {years:.1f} years"
