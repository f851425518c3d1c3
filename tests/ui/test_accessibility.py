"""Everyone can use it: on every screen and tab, every control a keyboard can reach has an
accessible name (read through Qt's accessibility interface, as a screen reader would), and the
keyboard focus is visible."""

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
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return missing


def test_every_control_has_an_accessible_name(qtbot, open_window, demo_workspace) -> None:
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
