"""Checking typed forms on screen: pick a sample, type a form again blind, settle differences."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.ui.surveys.differences_dialog import DifferencesDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(open_window, demo_workspace):
    return open_window(demo_workspace)


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def type_whole_form(qtbot, page, first_digits: str = "") -> None:  # type: ignore[no-untyped-def]
    """Tick box 1 everywhere (or the digits given, for the first questions); leave text blank."""
    answer = page.answer_input
    for digit in first_digits:
        qtbot.keyClicks(answer, digit)
    while page.entry.current is not None:
        question = page.entry.current
        if question.type is AnswerType.MULTIPLE:
            qtbot.keyClick(answer, Qt.Key.Key_1)
            qtbot.keyClick(answer, Qt.Key.Key_Return)
        elif question.type.has_options:
            qtbot.keyClick(answer, Qt.Key.Key_1)
        else:
            qtbot.keyClick(answer, Qt.Key.Key_F2)


def open_serial(qtbot, page, serial: str) -> None:  # type: ignore[no-untyped-def]
    page.serial_input.selectAll()
    qtbot.keyClicks(page.serial_input, serial)
    qtbot.keyClick(page.serial_input, Qt.Key.Key_Return)


def when_dialog_opens(act: Callable[[DifferencesDialog], None]) -> None:
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, DifferencesDialog):
            act(dialog)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def test_a_form_typed_again_blind_and_its_differences_settled(
    qtbot, window, demo_workspace, cycle_id
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    page = window.current_page()
    open_serial(qtbot, page, "401")
    type_whole_form(qtbot, page)
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Form 00401 saved" in page.message.text())

    qtbot.keyClick(page.serial_input, Qt.Key.Key_K, CTRL)  # checking mode
    assert page.checking and page.check_banner.isVisible()
    # between forms the banner keeps its own height rather than spreading down the screen
    QApplication.processEvents()
    assert page.check_banner.height() <= page.check_banner.sizeHint().height() + 2
    assert page.answer_input.geometry().bottom() < page.height() // 2
    open_serial(qtbot, page, "401")
    assert page.entry.answers == {}, "the first typing is not shown"
    QApplication.processEvents()
    assert page.form_area.height() > page.height() // 3  # the sheet takes the room again
    assert "☒" not in "".join(label.text() for label in page.labels.values())
    type_whole_form(qtbot, page, first_digits="22")  # the first two questions typed as 2
    seen: list[str] = []

    def settle(dialog: DifferencesDialog) -> None:
        table = dialog.table
        assert table.rowCount() == 2
        seen.append(table.item(0, 1).text() + " | " + table.item(0, 2).text())
        qtbot.keyClick(table, Qt.Key.Key_1)  # the paper agrees with the first typing
        qtbot.keyClick(table, Qt.Key.Key_Return)  # too soon: one is still to settle
        seen.append(dialog.problem.text())
        qtbot.keyClick(table, Qt.Key.Key_2)  # this time the second typing is right
        qtbot.keyClick(table, Qt.Key.Key_Return)

    when_dialog_opens(settle)
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Return)
    assert seen[0].startswith("1 ") and "| 2 " in seen[0]
    assert "1 still to settle" in seen[1]
    assert "Form 00401 verified: 2 answers differed; the first typing was wrong in 1" in (
        page.message.text()
    )
    first, second = demo_workspace.survey_entry.questionnaire(cycle_id).questions()[:2]
    saved = demo_workspace.survey_entry.open_form(cycle_id, 401).entry.answers
    assert (saved[first.code].value, saved[second.code].value) == (1, 2)
    (listed,) = demo_workspace.survey_entry.responses(cycle_id, "401")
    assert listed.status == "verified"


def test_going_back_from_the_differences_keeps_the_form_open(
    qtbot, window, demo_workspace, cycle_id
) -> None:
    serial = demo_workspace.verification.summary(cycle_id).waiting[0]
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    checks = window.current_page()
    assert checks.waiting.count() == 2
    assert QApplication.focusWidget() is checks.waiting
    qtbot.keyClick(checks.waiting, Qt.Key.Key_Return)  # the first form picked
    page = window.current_page()
    assert page.objectName() == "section6" and page.checking
    assert page.entry.serial == serial and page.entry.answers == {}
    type_whole_form(qtbot, page, first_digits="5")  # surely not how the form was typed

    def back(dialog: DifferencesDialog) -> None:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)

    when_dialog_opens(back)
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Return)
    assert page.entry is not None and page.entry.serial == serial
    assert serial in demo_workspace.verification.summary(cycle_id).waiting
    assert demo_workspace.verification.drafts(cycle_id) == [serial], "kept while comparing"


def test_picking_a_sample_and_reading_the_error_rates(
    qtbot, window, demo_workspace, cycle_id
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    checks = window.current_page()
    assert checks.objectName() == "section8"
    summary = checks.summary.text()
    assert "60 forms typed in; 4 checked" in summary
    assert "The first typing disagreed with the paper in" in summary
    assert checks.batch_model.rowCount() == 1  # the demo's forms are in no batch
    assert checks.question_model.rowCount() >= 1
    checks.percent.setFocus()
    checks.percent.selectAll()
    qtbot.keyClicks(checks.percent, "20")
    qtbot.keyClick(checks, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: checks.waiting.count() == 2 + 11)  # a fifth of the 54 unchecked
    assert len(demo_workspace.verification.summary(cycle_id).waiting) == 13
