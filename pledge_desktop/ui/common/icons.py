"""The app's own line icons (resources/icons/*.svg), drawn in the colour the palette calls for."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

DRAWN_IN = "#6b1f5c"  # the colour the SVG files are drawn in, swapped for the one wanted
SELECTED_INK = "#ffffff"
SIZES = (16, 20, 24, 32, 48)


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
    drawn = path.read_text(encoding="utf-8")
    result = QIcon()
    ratio = max((s.devicePixelRatio() for s in QGuiApplication.screens()), default=1.0)
    # white on the plum of a chosen item; the wanted colour otherwise
    for mode, ink in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Selected, SELECTED_INK)):
        svg = drawn.replace(DRAWN_IN, ink)
        for size in SIZES:
            pixmap = _redrawn(svg, round(size * ratio))
            if pixmap is None:
                return QIcon()  # no SVG image plugin: no icons, rather than no app
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap, mode)
    return result


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
