"""The Overview as the nurse's to-do list: each line one keystroke from where the work is."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pledge_desktop.domain.pledge_year import TimeActivity
from pledge_desktop.domain.survey_entry import FormEntry
from tests.helpers import reactivate, when_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_overview_opens_first_with_the_most_pressing_line_first(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    page = window.current_page()
    assert page.objectName() == "section1"
    lines = [page.todo.item(i).text() for i in range(page.todo.count())]
    assert any("past" in line and "target date" in line for line in lines)
    assert any("has not been signed off" in line for line in lines)
    assert not page.nothing.isVisibleTo(page)
    page.focus_start()
    goals_line = next(i for i, line in enumerate(lines) if "target date" in line)
    page.todo.setCurrentRow(goals_line)
    qtbot.keyClick(page.todo, Qt.Key.Key_Return)
    assert window.nav.currentItem().text() == "Goals and standards"


def test_an_unfinished_form_is_offered_first_and_enter_carries_on(
    qtbot, open_window, demo_workspace
) -> None:
    cycle = demo_workspace.cycles.find(None)
    questionnaire = demo_workspace.questionnaires.for_cycle(cycle.id)
    demo_workspace.survey_entry.save_draft(cycle.id, FormEntry(questionnaire, 71))
    window = open_window(demo_workspace)
    page = window.current_page()
    first = page.todo.item(0).text()
    assert "Form 00071 was being typed when Pledge Desktop closed. Carry on?" in first
    page.focus_start()
    assert QApplication.focusWidget() is page.todo
    qtbot.keyClick(page.todo, Qt.Key.Key_Return)
    entry = window.current_page()
    assert window.nav.currentItem().text() == "Type in surveys"
    assert "00071" in entry.message.text() or "71" in entry.serial_input.text()


def test_time_this_cycle_and_add_time(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = window.current_page()
    cycle_id = window.context.cycle_id

    def add(dialog):  # type: ignore[no-untyped-def]
        activity = dialog.form.widget("activity")
        activity.setCurrentIndex(activity.findData(TimeActivity.BOOKLET.value))
        minutes = dialog.form.widget("minutes")
        minutes.setFocus()
        qtbot.keyClicks(minutes, "forty")
        qtbot.keyClick(minutes, Qt.Key.Key_Return)
        assert "whole number" in dialog.form.problem_text("minutes")
        minutes.selectAll()
        qtbot.keyClicks(minutes, "40")
        qtbot.keyClick(minutes, Qt.Key.Key_Return)

    when_dialog("addTimeDialog", add)
    qtbot.keyClick(page.add_time, Qt.Key.Key_Space)
    reactivate(qtbot, window)
    summary = demo_workspace.time_spent.summary(cycle_id)
    assert summary[TimeActivity.BOOKLET] == 40
    assert "Writing the booklet: 40 min" in page.time.text()
    demo_workspace.time_spent.add_typing_session(cycle_id, 25, date.today())
    assert "Typing in surveys" in page.time.text()
