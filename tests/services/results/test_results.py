"""Results through the services: counts with blanks, unreadable and skipped kept apart, filters
by batch and date, the previous cycle, the small-number setting, and the team's report PDF."""

from datetime import date, timedelta

import pdfplumber
import pytest

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry
from pledge_desktop.services.results.results import ResultsFilter


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def test_every_form_is_counted_once_per_question(demo_workspace, cycle_id) -> None:
    results = demo_workspace.results.cycle_results(cycle_id)
    assert results.forms == demo_workspace.survey_entry.count(cycle_id) == 60
    for counts in results.questions:
        apart = counts.left_blank + counts.unreadable + counts.skipped
        assert counts.answered + apart == results.forms, counts.question.code
        if counts.question.type.value in ("single_choice", "yes_no_na", "agreement_scale"):
            assert sum(n for _o, n in counts.options) == counts.answered
    comments = results.question("improve_one_thing")
    assert comments is not None and len(comments.comments) == comments.answered > 0


def test_a_form_typed_in_now_changes_the_counts(demo_workspace, cycle_id) -> None:
    service = demo_workspace.survey_entry
    before = demo_workspace.results.cycle_results(cycle_id).question("diag_test_wait")
    entry = FormEntry(service.questionnaire(cycle_id), 900)
    entry.press_digit(1)  # Q1: yes
    entry.mark(AnswerState.UNREADABLE)  # Q2: two boxes ticked
    while not entry.finished:
        entry.mark(AnswerState.LEFT_BLANK)
    batch = demo_workspace.batches.start(cycle_id, "Late forms", 1, None)
    service.save_form(cycle_id, entry, batch.id)
    results = demo_workspace.results
    after = results.cycle_results(cycle_id).question("diag_test_wait")
    assert after.answered == before.answered + 1
    assert dict((o.code, n) for o, n in after.options)[1] == before.options[0][1] + 1
    companion = results.cycle_results(cycle_id).question("diag_results_explained")
    assert companion.unreadable >= 1
    only_batch = results.cycle_results(cycle_id, ResultsFilter(batch_id=batch.id))
    assert only_batch.forms == 1
    assert only_batch.question("diag_test_wait").answered == 1
    assert only_batch.question("diag_results_explained").unreadable == 1
    today = date.today()
    recent = results.cycle_results(cycle_id, ResultsFilter(entered_from=today, entered_to=today))
    assert recent.forms >= 1
    long_ago = ResultsFilter(entered_to=today - timedelta(days=3650))
    assert results.cycle_results(cycle_id, long_ago).forms == 0


def test_the_previous_cycle_is_counted_for_comparison(demo_workspace, cycle_id) -> None:
    previous = demo_workspace.results.previous_results(cycle_id)
    assert previous is not None and previous.cycle_label == "2025" and previous.forms == 50
    first = demo_workspace.cycles.find("2025").id
    assert demo_workspace.results.previous_results(first) is None


def test_the_small_number_setting_is_kept_and_checked(demo_workspace) -> None:
    results = demo_workspace.results
    assert results.small_numbers().threshold == 8
    results.set_small_number_threshold(10)
    assert results.small_numbers().threshold == 10
    with pytest.raises(ValidationError):
        results.set_small_number_threshold(1)
    assert results.small_numbers().threshold == 10


def test_the_team_report_has_every_question_with_its_base(
    demo_workspace, cycle_id, tmp_path
) -> None:
    out = tmp_path / "results.pdf"
    pages = demo_workspace.team_report.write(cycle_id, out)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == pages
        text = " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
    results = demo_workspace.results.cycle_results(cycle_id)
    for counts in results.questions:
        assert f"{counts.number}. {counts.question.text}"[:40] in text
        assert f"n = {counts.base:,} answered" in text  # "does not apply" apart
    assert "Since 2025:" in text
    assert "What we heard in interviews" in text and "Communication" in text
    assert "Our goals and how they stand" in text and "Call back on the same day" in text
    assert "For the team only" in text
    assert results.question("improve_one_thing").comments[0][:30] in text
