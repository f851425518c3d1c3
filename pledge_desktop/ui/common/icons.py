"""The app's own line icons (resources/icons/*.svg), drawn in the colour the palette calls for.

An icon is drawn only at the sizes it is shown at, when it is first shown (not at every size up
front): start-up draws the fourteen section icons once each, at the list's size."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

DRAWN_IN = "#6b1f5c"  # the colour the SVG files are drawn in, swapped for the one wanted
SELECTED_INK = "#ffffff"


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon `name` (a file in resources/icons, without .svg), in `colour` or the accent.
    An empty icon if the file or the SVG image plugin is missing: icons never stop the app."""
    if colour is None:
        from pledge_desktop.ui.common.theme import accent, high_contrast

        text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
        colour = text if high_contrast() else accent()
    return _icon(name, colour)


@cache
def _icon(name: str, colour: str) -> QIcon:
    from pledge_desktop.paths import resource

    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    return QIcon(_RecolouredSvg(path.read_text(encoding="utf-8"), colour))


class _RecolouredSvg(QIconEngine):
    """Draws the SVG in `colour` (white on the plum of a chosen item) at the size asked for,
    and keeps each drawing for the next time."""

    def __init__(self, svg: str, colour: str) -> None:
        super().__init__()
        self._svg = svg
        self._colour = colour
        self._drawn: dict[tuple[int, bool], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _RecolouredSvg(self._svg, self._colour)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixels = max(1, round(min(size.width(), size.height()) * scale))
        selected = mode == QIcon.Mode.Selected
        key = (pixels, selected)
        if key not in self._drawn:
            ink = SELECTED_INK if selected else self._colour
            self._drawn[key] = _redrawn(self._svg.replace(DRAWN_IN, ink), pixels) or QPixmap()
        pixmap = QPixmap(self._drawn[key])
        if not pixmap.isNull():
            pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        if not pixmap.isNull():
            side = min(rect.width(), rect.height())
            corner = rect.center() - QPoint(side // 2, side // 2)
            painter.drawPixmap(QRect(corner, QSize(side, side)), pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def isNull(self) -> bool:
        return False


def _redrawn(svg: str, pixels: int) -> QPixmap | None:
    """The SVG drawn at `pixels` square (the image plugin draws at the file's own size)."""
    sized = svg.replace('width="24" height="24"', f'width="{pixels}" height="{pixels}"', 1)
    pixmap = QPixmap()
    if not pixmap.loadFromData(QByteArray(sized.encode("utf-8")), "SVG"):
        return None
    if pixmap.width() != pixels:
        pixmap = pixmap.scaled(
            pixels,
            pixels,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return pixmap
