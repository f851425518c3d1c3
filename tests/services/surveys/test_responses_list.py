"""The list of typed-in forms: completeness, search, delete."""

import pytest

from pledge_desktop.domain.errors import NotFound
from pledge_desktop.domain.survey_entry import AnswerState


def test_the_demo_forms_are_listed_with_their_completeness(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    listed = demo_workspace.survey_entry.responses(cycle_id)
    assert len(listed) == 60
    assert [r.serial for r in listed[:3]] == [60, 59, 58]
    assert all(0 < r.completeness <= 100 for r in listed)
    assert sum(r.status == "verified" for r in listed) == 4  # the demo checked a few


def test_completeness_counts_blanks_and_not_skips(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    service = demo_workspace.survey_entry
    entry = service.open_form(cycle_id, 500).entry
    entry.press_digit(1)
    entry.mark(AnswerState.LEFT_BLANK)
    for digit in (1, 1, 2):  # "No" at question 5: three questions skipped
        entry.press_digit(digit)
    service.save_form(cycle_id, entry)
    (summary,) = service.responses(cycle_id, "500")
    assert (summary.answered, summary.asked) == (4, 5)
    assert summary.completeness == 80


def test_search_by_digits_of_the_form_number(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2025").id
    serials = [r.serial for r in demo_workspace.survey_entry.responses(cycle_id, "0004")]
    assert serials == [49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 34, 24, 14, 4]


def test_deleting_a_form_removes_its_answers_and_is_audited(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    service = demo_workspace.survey_entry
    before = demo_workspace.maintenance.last_change()
    service.delete_response(cycle_id, 7)
    assert 7 not in [r.serial for r in service.responses(cycle_id)]
    assert demo_workspace.maintenance.last_change() > before
    assert service.open_form(cycle_id, 7).entry.answers == {}
    assert demo_workspace.maintenance.problems() == []
    with pytest.raises(NotFound, match="Form 00007 is not entered"):
        service.delete_response(cycle_id, 7)
