"""Export to spreadsheet, from the Themes tab: the status bar says how many things that could
identify someone were replaced, and where."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from pledge_desktop.domain.interviews import Theme

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_the_status_bar_counts_what_was_removed(
    qtbot, open_window, demo_workspace, tmp_path, monkeypatch
) -> None:
    from openpyxl import load_workbook

    coding = demo_workspace.coding
    waiting = next(t for t in coding.themes() if t.name == "Waiting")
    coding.save_theme(Theme("Waiting for Dr Lena Madeup", waiting.description, waiting.colour,
                            waiting.parent_id, waiting.id))  # fmt: skip
    out = tmp_path / "interviews.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    page = window.current_page()
    qtbot.keyClick(page.tabs, Qt.Key.Key_E, ALT)  # Themes
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.themes)
    qtbot.keyClick(page.themes, Qt.Key.Key_X, ALT)  # Export to spreadsheet…
    qtbot.waitUntil(out.exists)  # the button clicks after 0.1 s
    said = window.statusBar().currentMessage()
    assert "saved in" in said and "that could identify someone replaced by [removed]" in said
    assert "row " in said and "Madeup" not in said
    cells = [str(v) for row in load_workbook(out).active.iter_rows(values_only=True) for v in row]
    assert not any("Madeup" in cell for cell in cells)
    assert any(
        "Waiting for Dr [removed]" in cell or "Waiting for [removed]" in cell for cell in cells
    )
