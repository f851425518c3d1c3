"""Alt+letter keys: on every screen, no two visible controls may claim the same letter, or
neither works. The menus (File, Go, Help) and the cycle chooser count on every screen."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget

CTRL = Qt.KeyboardModifier.ControlModifier
MNEMONIC = re.compile(r"&([^&\s])")


def letters(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    claimed: dict[str, list[str]] = {}

    def claim(text: str) -> None:
        found = MNEMONIC.search(text.replace("&&", ""))
        if found:
            claimed.setdefault(found.group(1).lower(), []).append(text)

    for action in window.menuBar().actions():
        claim(action.text())
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled():
            claim(button.text())
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            claim(label.text())
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisible():
            for index in range(tabs.count()):
                claim(tabs.tabText(index))
    return claimed


def test_no_screen_gives_one_letter_to_two_controls(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    clashes = {}
    for index in range(window.nav.count()):
        window.go_to(index)
        page = window.current_page()
        tab_sets = [t for t in page.findChildren(QTabWidget)] or [None]
        for tabs in tab_sets:
            for tab in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                for letter, texts in letters(window).items():
                    if len(texts) > 1:
                        clashes[(window.nav.item(index).text(), tab, letter)] = texts
    assert not clashes, "\n".join(f"{where}: {texts}" for where, texts in clashes.items())
