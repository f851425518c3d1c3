"""The app's look: calm, clinical and the booklet's own.

- Qt's Fusion style everywhere, so the look is the same on every hospital PC and follows the
  palette, which the system fills: dark mode and Windows high contrast come through it.
- The booklet's plum (reports/pdf_style.py) as the one accent: selection, focus and headings.
  In dark mode a pale plum, so headings keep their contrast. In high contrast the system's
  colours are left alone.
- The booklet's typeface, Atkinson Hyperlegible (made for low-vision readers), at the system's
  text size, and a small type scale: titles, section headings, body.
- A focus ring two pixels wide in the accent colour on every text box.
- The few tinted things (problems, warnings, notes, the demo banner) have a light and a dark
  version and follow the palette when it changes (`tint`); in high contrast they keep only
  their weight and spacing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from pledge_desktop.ui.common.widgets import font_pt, high_contrast, styled

__all__ = [
    "accent",
    "apply_theme",
    "blend",
    "contrast_ratio",
    "high_contrast",
    "is_dark",
    "problem_colour",
    "readable_on",
    "tint",
]

ACCENT = "#6b1f5c"  # the booklet's plum: 10:1 on white
ACCENT_ON_DARK = "#e6b8dc"  # the same hue, light enough for 9:1 on the dark palette's window
PROBLEM = "#a4262c"
PROBLEM_ON_DARK = "#ff9b9b"
TITLE_PT = 18
HEADING_PT = 13
# What each kind of tinted widget looks like: (on a light palette, on a dark one).
TINTS: dict[str, tuple[str, str]] = {
    "problem": (
        f"color: {PROBLEM}; font-weight: bold;",
        f"color: {PROBLEM_ON_DARK}; font-weight: bold;",
    ),
    "warning": ("color: #8a4b00; font-weight: bold;", "color: #ffc266; font-weight: bold;"),
    "note": ("background: #e8f1fb;", "background: #1f3447;"),
    "quiet": ("color: #333333;", "color: #d0d0d0;"),
    "caution": (
        "background: #fdf0d5; color: #3b2a00; padding: 6px;",
        "background: #3d2f10; color: #fbe3b0; padding: 6px;",
    ),
    "demo": (
        "background: #ffe08a; color: #1b1b1b; font-weight: bold; padding: 4px 10px;",
        "background: #5c4a00; color: #ffe9a8; font-weight: bold; padding: 4px 10px;",
    ),
    "checking": (  # the entry screen while forms are typed in a second time
        "background: #dbe9f9; color: #0b2f5b; font-weight: bold; padding: 6px;",
        "background: #1f3447; color: #d6e7fb; font-weight: bold; padding: 6px;",
    ),
}
FONT_FILES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf")


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the system asks for dark mode (or the palette in use is dark)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if callable(scheme) and scheme() == Qt.ColorScheme.Dark:
        return True
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accent() -> str:
    return ACCENT_ON_DARK if is_dark() else ACCENT


def problem_colour() -> str:
    """Red for a problem the nurse must fix, readable in light and dark mode."""
    return PROBLEM_ON_DARK if is_dark() else PROBLEM


def luminance(colour: QColor) -> float:
    """A colour's relative luminance, as the Web Content Accessibility Guidelines define it."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(one: QColor, other: QColor) -> float:
    """How well two colours stand apart, from 1:1 to 21:1 (text wants 4.5, shapes 3)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """`over` laid on `base` at `amount` (0 to 1): a shade that follows the palette."""
    return QColor.fromRgbF(
        base.redF() + (over.redF() - base.redF()) * amount,
        base.greenF() + (over.greenF() - base.greenF()) * amount,
        base.blueF() + (over.blueF() - base.blueF()) * amount,
    )


def readable_on(background: QColor, palette: QPalette | None = None) -> QColor:
    """The colour for words on `background`: the palette's own text colour when it reads at
    4.5:1 or better there, otherwise black or white, whichever reads better."""
    palette = palette or QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    if contrast_ratio(text, background) >= 4.5:
        return text
    black, white = QColor("#000000"), QColor("#ffffff")
    return max((black, white), key=lambda colour: contrast_ratio(colour, background))


def tint_style(kind: str, dark: bool | None = None) -> str:
    """The style sheet of a tinted widget of `kind` (see TINTS) for the palette in use."""
    light, on_dark = TINTS[kind]
    return on_dark if (is_dark() if dark is None else dark) else light


def tint(widget: QWidget, kind: str) -> None:
    """Tint `widget` as a `kind` (problem, warning, note, quiet, caution, demo, checking), now and
    whenever the app's palette changes (dark mode switched on or off)."""
    _Tint(widget, kind).apply()


_PALETTE_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)


class _Tint(QObject):
    def __init__(self, widget: QWidget, kind: str) -> None:
        super().__init__(widget)
        self.widget = widget
        self.kind = kind
        widget.installEventFilter(self)

    def apply(self) -> None:
        wanted = tint_style(self.kind)
        if high_contrast():
            styled(self.widget, wanted, contrast=True)
        elif self.widget.styleSheet() != wanted:
            self.widget.setStyleSheet(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS:  # a window hears of the app's, its children of it
            self.apply()
        return False


def style_sheet(dark: bool) -> str:
    colour = ACCENT_ON_DARK if dark else ACCENT
    return f"""
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 2px solid {colour}; border-radius: 3px; padding: 1px;
}}
QLabel#sectionHeading {{ font-size: {font_pt(HEADING_PT)}; font-weight: bold; }}
QTabBar::tab {{ padding: 6px 14px; }}
QHeaderView::section {{ padding: 4px 6px; }}
QStatusBar {{ padding: 2px 6px; }}
"""


def load_fonts() -> str | None:
    """Register the booklet's typeface; its family name, or None when it is missing."""
    from pledge_desktop.paths import resource

    family = None
    for name in FONT_FILES:
        ident = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(ident) if ident >= 0 else []
        family = family or (families[0] if families else None)
    return family


def apply_theme(app: QApplication, contrast: bool | None = None) -> None:
    """Give the whole app its look. Call once, after the QApplication is made."""
    app.setStyle("Fusion")
    family = load_fonts()
    if family:
        font = QFont(app.font())
        font.setFamily(family)
        app.setFont(font)
    if high_contrast() if contrast is None else contrast:
        return  # the system's colours have the last word
    _follow_the_system(app)
    dark = is_dark(app.palette())
    palette = app.palette()
    plum = QColor(ACCENT)
    palette.setColor(QPalette.ColorRole.Highlight, plum)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT_ON_DARK if dark else ACCENT))
    palette.setColor(QPalette.ColorRole.LinkVisited, QColor(ACCENT_ON_DARK if dark else ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(dark))


def _follow_the_system(app: QApplication) -> None:
    """When the system switches dark mode on or off, take its new palette and tint it again."""
    if app.property("pledgeFollowsScheme"):
        return
    app.setProperty("pledgeFollowsScheme", True)
    hints = QGuiApplication.styleHints()
    changed = getattr(hints, "colorSchemeChanged", None)
    if changed is not None:
        changed.connect(lambda _scheme: _retheme(app))


def _retheme(app: QApplication) -> None:
    app.setPalette(QPalette())  # back to the system's own palette, then the accent on it
    apply_theme(app)
