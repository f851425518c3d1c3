"""The list of typed-in forms, by keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers import answer_next_dialog, reactivate

CTRL = Qt.KeyboardModifier.ControlModifier


def test_find_a_form_and_open_it_to_correct(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.current_page()
    assert page.model.rowCount() == 60
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, "17")
    assert [r.serial for r in page.model.records()] == [17]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    entry_page = window.current_page()
    assert entry_page.objectName() == "section6"
    assert entry_page.entry.serial == 17
    assert "already entered" in entry_page.message.text()
    assert QApplication.focusWidget() is entry_page.answer_input


def test_delete_asks_first(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.current_page()
    qtbot.keyClicks(page.search, "23")
    page.table.setFocus()
    seen: list[str] = []
    answer_next_dialog("Cancel", seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert seen and seen[0].startswith("Delete form 00023 and all its answers?")
    assert page.model.rowCount() == 1
    reactivate(qtbot, window)
    answer_next_dialog("Delete")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 0
    assert "0 forms shown" in page.summary.text()


def test_show_only_verified_forms_with_their_batch(qtbot, open_window, demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    batch = demo_workspace.batches.start(cycle_id, "Tuesday clinic", 1, None)
    entry = demo_workspace.survey_entry.open_form(cycle_id, 501).entry
    entry.press_digit(1)
    demo_workspace.survey_entry.save_form(cycle_id, entry, batch.id)
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.current_page()
    assert page.model.record(0).batch == "Tuesday clinic"
    page.status.setFocus()
    qtbot.keyClick(page.status, Qt.Key.Key_Down)
    qtbot.keyClick(page.status, Qt.Key.Key_Down)
    assert page.status.currentText() == "Verified"
    assert page.model.rowCount() == 4  # the demo's checked forms
    assert {r.status for r in page.model.records()} == {"verified"}
