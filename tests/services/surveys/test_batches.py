"""Batches: entered against expected, and closing only with a reason while they differ."""

from datetime import date

import pytest

from pledge_desktop.domain.errors import DeleteRefused, ValidationError


def test_forms_saved_into_a_batch_are_counted(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    batches, entry = demo_workspace.batches, demo_workspace.survey_entry
    tuesday = batches.start(cycle_id, "Tuesday clinic", 2, date(2026, 3, 3))
    assert tuesday.describe == "Tuesday clinic: 0 of 2 entered"
    form = entry.open_form(cycle_id, 401).entry
    form.press_digit(1)
    entry.save_form(cycle_id, form, tuesday.id)
    assert batches.get(tuesday.id).entered == 1
    entry.save_form(cycle_id, form, None)  # corrected later: stays in its batch
    assert batches.get(tuesday.id).entered == 1


def test_closing_needs_a_reason_while_the_counts_differ(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    batches = demo_workspace.batches
    pile = batches.start(cycle_id, "Thursday clinic", 3, None)
    with pytest.raises(ValidationError, match="3 forms were expected and 0 are entered"):
        batches.close(pile.id)
    closed = batches.close(pile.id, "Two forms went home with patients")
    assert closed.closed and closed.close_reason == "Two forms went home with patients"
    assert batches.batches(cycle_id, open_only=True) == []
    assert [b.label for b in batches.batches(cycle_id)] == ["Thursday clinic"]


def test_a_batch_needs_a_name_and_a_count(demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    with pytest.raises(ValidationError) as caught:
        demo_workspace.batches.start(cycle_id, " ", 0, None)
    assert set(caught.value.problems) == {"label", "expected"}


def test_a_batch_with_forms_keeps_its_cycle(demo_workspace) -> None:
    cycle = demo_workspace.cycles.find("2026")
    demo_workspace.batches.start(cycle.id, "Monday", 5, None)
    with pytest.raises(DeleteRefused, match="1 batch"):
        demo_workspace.cycles.delete_cycle(cycle.id)


def test_forms_handed_out_give_the_returns(demo_workspace) -> None:
    from datetime import date as day

    import pytest

    from pledge_desktop.domain.errors import ValidationError

    batches = demo_workspace.batches
    cycle_id = demo_workspace.cycles.find("2026").id
    assert batches.returns(cycle_id).describe == "60 returned of 150 handed out (40%)"
    pile = batches.start(cycle_id, "Thursday clinic", 12, day(2026, 3, 5), handed_out=30)
    assert pile.handed_out == 30
    assert pile.describe == "Thursday clinic: 0 of 12 entered, 12 returned of 30 handed out"
    with pytest.raises(ValidationError, match="at least 12 were handed out"):
        batches.start(cycle_id, "Friday", 12, None, handed_out=5)
