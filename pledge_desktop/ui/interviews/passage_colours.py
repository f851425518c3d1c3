"""How a coded passage looks in the transcript, for the palette in use.

Light mode: the theme's own pale colour, like a highlighter pen. Dark mode: the same hue laid
thinly on the dark page, so it does not glare, underlined in the theme's full colour so that
themes stay easy to tell apart. Either way the words take whichever colour reads
at 4.5:1 or better on it. High contrast: no colour of the app's at all; the passage is
underlined in the system's text colour.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPalette, QTextCharFormat

from pledge_desktop.ui.common.theme import blend, high_contrast, is_dark, readable_on

UNTHEMED = "#dddddd"  # a passage whose themes were all deleted
ON_DARK = 0.35  # how thickly a theme's colour is laid on the dark page


def passage_background(colour: str, palette: QPalette) -> QColor:
    """The highlight behind a passage coded into a theme of `colour`."""
    if is_dark(palette):
        return blend(palette.color(QPalette.ColorRole.Base), QColor(colour), ON_DARK)
    return QColor(colour)


def passage_format(colour: str | None, palette: QPalette) -> QTextCharFormat:
    """The look of a coded passage: a readable highlight, or an underline in high contrast."""
    fmt = QTextCharFormat()
    if high_contrast():
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
        return fmt
    background = passage_background(colour or UNTHEMED, palette)
    fmt.setBackground(QBrush(background))
    if is_dark(palette):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(colour or UNTHEMED))
    fmt.setForeground(QBrush(readable_on(background, palette)))
    return fmt
