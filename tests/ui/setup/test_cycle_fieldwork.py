"""The cycles screen's pledge year: fieldwork numbers, and publishing only once signed off."""

from PySide6.QtCore import Qt

from pledge_desktop.domain.setup import CycleStatus

CTRL = Qt.KeyboardModifier.ControlModifier


def test_fieldwork_numbers_and_sign_off_before_publishing(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.current_page()
    assert page.sign_off_state.text() == "Not signed off yet."
    handed = page.form.widget("forms_handed_out")
    handed.setFocus()
    qtbot.keyClicks(handed, "lots")
    qtbot.keyClick(handed, Qt.Key.Key_S, CTRL)
    assert "whole number" in page.form.problem_text("forms_handed_out")
    handed.selectAll()
    qtbot.keyClicks(handed, "150")
    status = page.form.widget("status")
    status.setCurrentIndex(status.findData(CycleStatus.PUBLISHED.value))
    qtbot.keyClick(handed, Qt.Key.Key_S, CTRL)
    assert "signed off" in page.form.problem_text("status")
    status.setCurrentIndex(status.findData(CycleStatus.COLLECTING_VIEWS.value))
    qtbot.keyClick(handed, Qt.Key.Key_S, CTRL)
    cycle = demo_workspace.cycles.find("2026")
    assert cycle.forms_handed_out == 150
    overview = window.page(0)
    assert "60 of 150 patients (40 %)" in overview.progress.text()
