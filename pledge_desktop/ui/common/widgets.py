"""Small pieces every screen uses the same way."""

from __future__ import annotations

import re
import sys

from PySide6.QtWidgets import QApplication, QLabel, QWidget

DESIGNED_AT_PT = 9.0  # the system font size the screens were laid out with (Windows' default)


def font_pt(size: float) -> str:
    """A font size for a style sheet that follows the system's text size: designed at 9 pt,
    it grows when the nurse has asked the computer for bigger text."""
    app = QApplication.instance()
    base = app.font().pointSizeF() if isinstance(app, QApplication) else DESIGNED_AT_PT
    scale = max(1.0, base / DESIGNED_AT_PT) if base > 0 else 1.0
    return f"{size * scale:.1f}pt"


def page_title(text: str, size_pt: int = 18) -> QLabel:
    """A screen's heading, named so that tests and screen readers can find it."""
    title = QLabel(text)
    title.setObjectName("pageTitle")
    title.setStyleSheet(f"font-size: {font_pt(size_pt)}; font-weight: bold;")
    return title


_COLOURS = re.compile(r"(?:background|color|border)[^;]*;\s*")


def high_contrast() -> bool:
    """Whether the computer is set to a high-contrast theme (Windows), so the app's own colours
    give way to the system's."""
    if sys.platform != "win32":
        return False
    import ctypes

    class HighContrast(ctypes.Structure):
        _fields_ = (
            ("cbSize", ctypes.c_uint),
            ("dwFlags", ctypes.c_uint),
            ("lpszDefaultScheme", ctypes.c_wchar_p),
        )

    info = HighContrast(ctypes.sizeof(HighContrast), 0, None)
    try:
        ctypes.windll.user32.SystemParametersInfoW(0x42, info.cbSize, ctypes.byref(info), 0)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False
    return bool(info.dwFlags & 0x1)  # HCF_HIGHCONTRASTON


def styled(widget: QWidget, css: str, contrast: bool | None = None) -> None:
    """Set a style sheet; in high contrast, without its colours (sizes and weights stay)."""
    if high_contrast() if contrast is None else contrast:
        css = _COLOURS.sub("", css)
    widget.setStyleSheet(css)


def describe(widget: QWidget, text: str) -> None:
    """What a control is for, read by screen readers after its name and shown as its tip."""
    widget.setAccessibleDescription(text)
    widget.setToolTip(text)


def tab_moves_on(root: QWidget) -> None:
    """Tab always moves to the next control: tables and text boxes would otherwise keep it
    (moving between cells, or typing a tab), a trap for anyone without a mouse."""
    from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit

    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for text in root.findChildren(QPlainTextEdit):
        text.setTabChangesFocus(True)
    for rich in root.findChildren(QTextEdit):
        rich.setTabChangesFocus(True)


def sized(window: QWidget, width: int, height: int) -> None:
    """Give a window or dialog its designed size, shrunk to the screen it opens on (less a
    title bar and borders), so it never opens with its buttons off the bottom of the screen."""
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 16)
        height = min(height, room.height() - 40)
    window.resize(width, height)
