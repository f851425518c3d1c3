"""Everyone can use it: on every screen and tab, every control a keyboard can reach has an
accessible name and a description (read through Qt's accessibility interface, as a screen
reader would), and the keyboard focus is visible."""

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
)

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def unnamed(window) -> list[str]:  # type: ignore[no-untyped-def]
    missing = []
    from PySide6.QtWidgets import QWidget

    for widget in window.findChildren(QWidget):
        if (
            not isinstance(widget, CONTROLS)
            or not widget.isVisible()
            or widget.focusPolicy() == widget.focusPolicy().NoFocus
        ):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), QAbstractSpinBox | QComboBox
        ):
            continue  # the box inside a spin box or combo box: named by its owner
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        description = interface.text(QAccessible.Text.Description) if interface else ""
        label = f"{type(widget).__name__} {widget.objectName() or name or '(no object name)'}"
        if not name.strip():
            missing.append(f"{label}: no name")
        if not description.strip():
            missing.append(f"{label}: no description")
    return missing


def test_every_control_has_an_accessible_name_and_description(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    problems = {}
    for index in range(window.nav.count()):
        window.go_to(index)
        page = window.current_page()
        tab_sets = page.findChildren(QTabWidget) or [None]
        for tabs in tab_sets:
            for tab in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                missing = unnamed(window)
                if missing:
                    problems[(window.nav.item(index).text(), tab)] = missing
    assert not problems, "\n".join(f"{where}: {names}" for where, names in problems.items())


def test_focus_is_visible_in_every_section(qtbot, open_window, demo_workspace) -> None:
    """Each section puts the focus on a control that draws a focus frame (not on nothing)."""
    window = open_window(demo_workspace)
    for index in range(window.nav.count()):
        window.go_to(index)
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        assert focused is not None, window.nav.item(index).text()
        assert focused.isVisible() and focused.focusPolicy() != focused.focusPolicy().NoFocus


def test_text_follows_the_systems_text_size(qtbot) -> None:
    from PySide6.QtGui import QFont

    from pledge_desktop.ui.common.widgets import font_pt, page_title

    app = QApplication.instance()
    before = app.font()
    try:
        app.setFont(QFont(before.family(), 9))
        assert font_pt(18) == "18.0pt"
        app.setFont(QFont(before.family(), 18))  # the nurse asked for text twice as big
        assert font_pt(18) == "36.0pt"
        assert "36.0pt" in page_title("Results").styleSheet()
    finally:
        app.setFont(before)


def test_high_contrast_gives_the_systems_colours_the_last_word(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from pledge_desktop.ui.common.widgets import styled

    label = QLabel("DEMO")
    css = "background: #ffe08a; color: #1b1b1b; font-weight: bold; padding: 4px;"
    styled(label, css, contrast=True)
    assert label.styleSheet() == "font-weight: bold; padding: 4px;"
    styled(label, css, contrast=False)
    assert label.styleSheet() == css


def test_tab_reaches_every_control_of_every_section(qtbot, open_window, demo_workspace) -> None:
    """Tab alone walks through every control a section shows; none needs the mouse."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    window = open_window(demo_workspace)
    unreachable = {}
    for index in range(window.nav.count()):
        window.go_to(index)
        page = window.current_page()
        QApplication.processEvents()
        wanted = {
            w
            for w in page.findChildren(QWidget)
            if isinstance(w, CONTROLS)
            and w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not (
                isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox)
            )
        }
        reached = set()
        for _ in range(len(wanted) * 2 + 20):
            focused = QApplication.focusWidget()
            if focused is not None:
                reached.add(focused)
                if isinstance(focused, QAbstractSpinBox | QComboBox):
                    reached.add(focused)
            qtbot.keyClick(focused or window, Qt.Key.Key_Tab)
        missing = [f"{type(w).__name__} {w.objectName()}" for w in wanted - reached]
        if missing:
            unreachable[window.nav.item(index).text()] = missing
    assert not unreachable, unreachable
