"""Where the main window goes: its remembered size, position and maximised state, kept on a
screen that exists now (a laptop undocked from its second monitor must not open the app out of
sight), and a first size that fits the smallest screen it will meet."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DESIGNED_SIZE = QSize(1180, 760)  # comfortable on a full-HD screen
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's title bar and borders
KEY_GEOMETRY = "mainWindow/geometry"
KEY_MAXIMISED = "mainWindow/maximised"
MIN_VISIBLE = QSize(160, 60)  # this much of the window's top must show to be grabbed


def first_size(available: QRect) -> QSize:
    """The designed size, shrunk to the available area (less the window frame)."""
    return QSize(
        min(DESIGNED_SIZE.width(), available.width() - FRAME_ALLOWANCE.width()),
        min(DESIGNED_SIZE.height(), available.height() - FRAME_ALLOWANCE.height()),
    )


def brought_on_screen(saved: QRect, screens: list[QRect]) -> QRect:
    """`saved` as it was if its top edge shows on one of `screens` (their available areas);
    otherwise moved onto the first of them, and shrunk to fit."""
    if not screens:
        return saved
    for area in screens:
        top = QRect(saved.topLeft(), QSize(saved.width(), MIN_VISIBLE.height()))
        overlap = top.intersected(area)
        if overlap.width() >= MIN_VISIBLE.width() and overlap.height() >= MIN_VISIBLE.height() // 2:
            return _shrunk_into(saved, area)
    area = screens[0]
    size = _shrunk_into(saved, area).size()
    left = area.left() + (area.width() - size.width()) // 2
    top_edge = area.top() + (area.height() - size.height()) // 2
    return QRect(QPoint(left, max(top_edge, area.top())), size)


def _shrunk_into(rect: QRect, area: QRect) -> QRect:
    width = min(rect.width(), area.width() - FRAME_ALLOWANCE.width())
    height = min(rect.height(), area.height() - FRAME_ALLOWANCE.height())
    return QRect(rect.topLeft(), QSize(max(width, 1), max(height, 1)))


def available_areas() -> list[QRect]:
    """The available area (less task bars) of every screen, the primary one first."""
    primary = QGuiApplication.primaryScreen()
    screens = [primary] if primary is not None else []
    screens += [s for s in QGuiApplication.screens() if s is not primary]
    return [s.availableGeometry() for s in screens]


def restore_placement(window: QWidget, settings: QSettings | None = None) -> bool:
    """Put the window where it was last time (or at a size that fits, the first time).
    True when it should open maximised."""
    settings = settings or QSettings()
    areas = available_areas()
    saved = settings.value(KEY_GEOMETRY)
    maximised = str(settings.value(KEY_MAXIMISED, "false")).lower() in ("true", "1")
    if isinstance(saved, QRect) and saved.isValid():
        window.setGeometry(brought_on_screen(saved, areas))
    elif areas:
        size = first_size(areas[0])
        window.resize(size)
        left = areas[0].left() + (areas[0].width() - size.width()) // 2
        top = areas[0].top() + max((areas[0].height() - size.height()) // 2 - 20, 0)
        window.move(left, top)
    else:
        window.resize(DESIGNED_SIZE)
    return maximised


def save_placement(window: QWidget, settings: QSettings | None = None) -> None:
    """Remember the window's normal (not maximised) geometry and whether it is maximised."""
    settings = settings or QSettings()
    normal = window.normalGeometry() if window.isMaximized() else window.geometry()
    settings.setValue(KEY_GEOMETRY, normal)
    settings.setValue(KEY_MAXIMISED, window.isMaximized())
    settings.sync()
