"""A theme can say which of the charity's national themes it counts as, chosen by keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_theme_takes_a_national_theme_from_the_charitys_list(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    page = window.current_page()
    qtbot.keyClick(page.tabs, Qt.Key.Key_E, ALT)  # Themes
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.themes)
    themes = page.themes
    waiting = [t.name for t in themes.model.records()].index("Waiting")
    themes.table.selectRow(waiting)
    choice = themes.form.widget("national_code")
    assert isinstance(choice, QComboBox) and choice.count() > 5, "the charity's codebook"
    qtbot.keyClick(themes, Qt.Key.Key_T, ALT)  # National theme
    assert choice.hasFocus()
    wanted = next(i for i in range(choice.count()) if "wait" in choice.itemText(i).lower())
    while choice.currentIndex() != wanted:
        qtbot.keyClick(choice, Qt.Key.Key_Down)
    qtbot.keyClick(choice, Qt.Key.Key_S, CTRL)
    saved = next(t for t in demo_workspace.coding.themes() if t.name == "Waiting")
    assert saved.national_code == choice.itemData(wanted)
