"""The Results section, by keyboard: questions with their base, chart and change since last
cycle; filters; the small-number setting; the report saved as a PDF."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from pledge_desktop.domain.survey_entry import AnswerState, FormEntry

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


@pytest.fixture
def page(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    results_page = window.current_page()
    assert results_page.objectName() == "section12"
    return results_page


def test_questions_show_their_base_chart_and_change(qtbot, page, demo_workspace, cycle_id) -> None:
    assert QApplication.focusWidget() is page.questions
    assert "60 forms typed in for cycle 2026" in page.summary.text()
    assert "Compared with 2025 (50 forms)" in page.summary.text()
    # the first question was not asked in 2025: no empty comparison columns, and it says so
    assert page.change.text() == "Not asked in 2025, so there is nothing to compare it with."
    assert page.table.isColumnHidden(3) and page.table.isColumnHidden(4)
    for _ in range(22):
        qtbot.keyClick(page.questions, Qt.Key.Key_Down)
    counts = demo_workspace.results.cycle_results(cycle_id).questions[22]
    assert counts.question.code == "support_emotional"
    assert page.question_text.text().startswith("23. Staff gave me the emotional support")
    assert f"n = {counts.base} answered" in page.base.text()
    assert f"{counts.skipped} skipped" in page.base.text()
    agree = counts.options[0][1]
    assert f"Strongly agree: {counts.per_cent(agree):.0f}% ({agree})" in page.chart.describe()
    assert page.table.item(0, 1).text() == str(agree)
    assert page.table.item(0, 3).text().endswith("%")  # last cycle's figure beside it
    assert not page.table.isColumnHidden(3) and not page.table.isColumnHidden(4)
    assert page.change.text().startswith("Since 2025: Agree or strongly agree:")
    qtbot.keyClick(page.questions, Qt.Key.Key_End)
    for _ in range(5):
        qtbot.keyClick(page.questions, Qt.Key.Key_Up)
    assert page.question_text.text().startswith("35. What one thing")
    assert page.comments.isVisibleTo(page) and page.comments.count() > 0
    assert not page.table.isVisibleTo(page)


def test_a_batch_filter_counts_only_its_forms(qtbot, open_window, demo_workspace, cycle_id) -> None:
    service = demo_workspace.survey_entry
    entry = FormEntry(service.questionnaire(cycle_id), 950)
    while not entry.finished:
        entry.mark(AnswerState.LEFT_BLANK)
    batch = demo_workspace.batches.start(cycle_id, "Thursday clinic", 1, None)
    service.save_form(cycle_id, entry, batch.id)
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    page = window.current_page()
    qtbot.keyClick(page, Qt.Key.Key_B, ALT)
    assert QApplication.focusWidget() is page.batch
    qtbot.keyClick(page.batch, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "1 forms typed in" in page.summary.text())
    assert "batch Thursday clinic" in page.summary.text()
    assert "n = 0 answered" in page.base.text()
    qtbot.keyClick(page.batch, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: "61 forms typed in" in page.summary.text())


def test_small_numbers_setting_and_report(
    qtbot, page, demo_workspace, monkeypatch, tmp_path
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_U, ALT)
    assert QApplication.focusWidget() is page.small
    page.small.selectAll()
    qtbot.keyClicks(page.small, "12")
    qtbot.keyClick(page.small, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_workspace.results.small_numbers().threshold == 12)
    out = tmp_path / "results.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.keyClick(page, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(out.exists)
    reader = PdfReader(out)
    assert len(reader.pages) > 5
    assert "Survey results 2026" in reader.pages[0].extract_text()


def test_written_answers_coded_into_themes_with_ctrl_and_a_number(
    qtbot, page, demo_workspace, cycle_id
) -> None:
    qtbot.keyClick(page.questions, Qt.Key.Key_End)
    for _ in range(5):
        qtbot.keyClick(page.questions, Qt.Key.Key_Up)
    assert page.question_text.text().startswith("35. What one thing")
    themes = demo_workspace.coding.themes()
    assert f"Ctrl+1 {themes[0].name}" in page.written.keys.text()
    page.comments.setFocus()
    qtbot.keyClick(page.comments, Qt.Key.Key_Down)
    chosen = page.comments.currentRow()
    text = page.comments.currentItem().text()
    qtbot.keyClick(page.comments, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(page.comments, Qt.Key.Key_3, CTRL)
    shown = page.comments.item(chosen).text()
    assert shown == f"[{', '.join(sorted((themes[0].name, themes[2].name)))}] {text}"
    saved = demo_workspace.results.written.answers(cycle_id, "improve_one_thing")[chosen]
    assert saved.theme_ids == {themes[0].id, themes[2].id}
    qtbot.keyClick(page.comments, Qt.Key.Key_1, CTRL)  # the same key takes it out again
    saved = demo_workspace.results.written.answers(cycle_id, "improve_one_thing")[chosen]
    assert saved.theme_ids == {themes[2].id}
    assert page.comments.currentRow() == chosen
