"""Checking typed forms: typing them in again blind, settling differences, error rates."""

from datetime import date

import pytest

from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry
from tests.services.surveys.test_survey_entry import type_some


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2025").id  # on the first version of the survey


def typed_first(workspace, cycle_id, serial, batch_id=None) -> FormEntry:  # type: ignore[no-untyped-def]
    entry = workspace.survey_entry.open_form(cycle_id, serial).entry
    type_some(entry)
    workspace.survey_entry.save_form(cycle_id, entry, batch_id)
    return entry


def retyped(workspace, cycle_id, serial) -> FormEntry:  # type: ignore[no-untyped-def]
    opened = workspace.verification.open_check(cycle_id, serial)
    assert opened.entry.answers == {} or opened.from_draft  # blind: nothing of the first typing
    return opened.entry


def test_a_form_typed_the_same_twice_is_verified(demo_workspace, cycle_id) -> None:
    typed_first(demo_workspace, cycle_id, 301)
    second = retyped(demo_workspace, cycle_id, 301)
    type_some(second)
    assert demo_workspace.verification.compare(cycle_id, second) == []
    outcome = demo_workspace.verification.finish_check(cycle_id, second)
    assert (outcome.differences, outcome.errors) == (0, 0)
    (listed,) = demo_workspace.survey_entry.responses(cycle_id, "301")
    assert listed.status == "verified"


def test_differences_are_settled_by_the_paper_and_counted(demo_workspace, cycle_id) -> None:
    service = demo_workspace.verification
    before = service.summary(cycle_id)
    batch = demo_workspace.batches.start(cycle_id, "Friday clinic", 1, date(2026, 3, 6))
    typed_first(demo_workspace, cycle_id, 302, batch.id)
    second = retyped(demo_workspace, cycle_id, 302)
    type_some(second)
    second.go_to("improve_one_thing")
    second.press_enter("More parking spaces")  # the first typing missed a word
    second.go_to("diag_private")
    second.press_digit(2)  # a slip of the second typing: the paper says 1
    found = {d.question.code: d for d in service.compare(cycle_id, second)}
    assert set(found) == {"diag_private", "improve_one_thing"}
    assert found["diag_private"].first_words.startswith("1 ")
    outcome = service.finish_check(cycle_id, second, paper_agrees_with_first={"diag_private"})
    assert (outcome.differences, outcome.errors) == (2, 1)
    answers = demo_workspace.survey_entry.open_form(cycle_id, 302).entry.answers
    assert answers["diag_private"].value == 1
    assert answers["improve_one_thing"].value == "More parking spaces"
    summary = service.summary(cycle_id)
    assert summary.verified == before.verified + 1
    assert summary.overall.forms_checked == before.overall.forms_checked + 1
    assert summary.overall.errors == before.overall.errors + 1
    (friday,) = [b for b in summary.by_batch if b.label == "Friday clinic"]
    assert (friday.forms_checked, friday.errors, friday.differences) == (1, 1, 2)
    assert friday.answers_checked == len(second.questions)
    assert 0 < friday.per_cent < 10
    worst = {r.label.split(". ", 1)[1]: r for r in summary.by_question}
    assert any("improve" in label.lower() for label in worst)


def test_editing_a_verified_form_sends_it_back_to_be_checked(demo_workspace, cycle_id) -> None:
    typed_first(demo_workspace, cycle_id, 303)
    second = retyped(demo_workspace, cycle_id, 303)
    type_some(second)
    demo_workspace.verification.finish_check(cycle_id, second)
    corrected = demo_workspace.survey_entry.open_form(cycle_id, 303).entry
    corrected.go_to("diag_private")
    corrected.press_digit(2)
    demo_workspace.survey_entry.save_form(cycle_id, corrected)
    (listed,) = demo_workspace.survey_entry.responses(cycle_id, "303")
    assert listed.status == "entered"


def test_only_a_typed_form_can_be_checked(demo_workspace, cycle_id) -> None:
    with pytest.raises(NotFound, match="has not been typed in yet"):
        demo_workspace.verification.open_check(cycle_id, 999)


def test_a_check_half_typed_is_kept_apart_from_the_form(demo_workspace, cycle_id) -> None:
    typed_first(demo_workspace, cycle_id, 304)
    second = retyped(demo_workspace, cycle_id, 304)
    second.press_digit(1)
    second.mark(AnswerState.LEFT_BLANK)
    demo_workspace.verification.save_draft(cycle_id, second)
    assert demo_workspace.verification.drafts(cycle_id) == [304]
    assert 304 not in demo_workspace.survey_entry.drafts(cycle_id)
    again = demo_workspace.verification.open_check(cycle_id, 304)
    assert again.from_draft and again.entry.answers == second.answers
    type_some(again.entry)
    demo_workspace.verification.finish_check(cycle_id, again.entry)
    assert demo_workspace.verification.drafts(cycle_id) == []


def test_a_sample_is_picked_from_forms_not_yet_checked(demo_workspace, cycle_id) -> None:
    service = demo_workspace.verification
    before = service.summary(cycle_id)
    assert before.verified >= 3 and len(before.waiting) == 2  # the demo's own checks
    unchecked = before.typed - before.verified - len(before.waiting)
    picked = service.pick_sample(cycle_id, 10, seed=7)
    assert len(picked) == -(-unchecked // 10)
    assert set(picked).isdisjoint(before.waiting)
    assert service.summary(cycle_id).waiting == tuple(sorted({*before.waiting, *picked}))
    rest = service.pick_sample(cycle_id, 100)
    assert len(rest) == unchecked - len(picked)
    assert service.pick_sample(cycle_id, 100) == []
    with pytest.raises(ValidationError):
        service.pick_sample(cycle_id, 0)


def test_a_sample_can_come_from_one_batch(demo_workspace, cycle_id) -> None:
    batch = demo_workspace.batches.start(cycle_id, "Monday clinic", 2, None)
    typed_first(demo_workspace, cycle_id, 305, batch.id)
    typed_first(demo_workspace, cycle_id, 306, batch.id)
    assert demo_workspace.verification.pick_sample(cycle_id, 100, batch_id=batch.id) == [305, 306]
