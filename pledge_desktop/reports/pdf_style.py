"""What every printed page shares: the embedded font, clear-print paragraph styles and colours.

Clear print: a sans-serif font chosen for legibility (Atkinson Hyperlegible, shipped with the
app), body text 14 pt or more, left aligned, line spacing of 1.5, no italics, no capitals for
emphasis, dark text on white.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pledge_desktop.paths import resource

FONT = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
INK = "#1b1b1b"  # near black on white: contrast ratio above 16:1
ACCENT = "#6b1f5c"  # headings and bars: 10:1 on white
PALE = "#efe4ec"
_registered = False


def prepare_reportlab() -> None:
    """Register the font once, and write plain (not ASCII85) streams: much faster."""
    global _registered

    rl_config.useA85 = 0
    if _registered:
        return

    pdfmetrics.registerFont(
        TTFont(FONT, str(resource("fonts", "AtkinsonHyperlegible-Regular.ttf")))
    )
    pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "AtkinsonHyperlegible-Bold.ttf"))))
    # asking for italics gets upright text: the booklet never sets body text in italics
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, BOLD)
    _registered = True


@dataclass(frozen=True)
class Styles:
    body: Any
    bold: Any
    tight: Any  # no space after: lines that belong together
    bold_tight: Any
    h1: Any
    h2: Any
    title: Any
    big: Any
    quote: Any
    attribution: Any
    bullet: Any


def styles(body_pt: float) -> Styles:
    """Paragraph styles for a given body size (14 pt, or 16 to 18 pt for large print)."""
    prepare_reportlab()

    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=body_pt,
        leading=body_pt * 1.5,
        alignment=TA_LEFT,
        textColor=INK,
        spaceAfter=body_pt * 0.6,
        bulletFontSize=body_pt,
    )

    def derive(name: str, **changes: Any) -> Any:
        return ParagraphStyle(name, parent=base, **changes)

    return Styles(
        body=base,
        bold=derive("bold", fontName=BOLD),
        tight=derive("tight", spaceAfter=0),
        bold_tight=derive("bold_tight", fontName=BOLD, spaceAfter=0),
        h1=derive(
            "h1",
            fontName=BOLD,
            fontSize=body_pt + 6,
            leading=(body_pt + 6) * 1.3,
            textColor=ACCENT,
            spaceBefore=0,
            spaceAfter=body_pt * 0.8,
        ),
        h2=derive(
            "h2",
            fontName=BOLD,
            fontSize=body_pt + 2,
            leading=(body_pt + 2) * 1.35,
            spaceBefore=body_pt * 0.6,
            spaceAfter=body_pt * 0.3,
        ),
        title=derive(
            "title",
            fontName=BOLD,
            fontSize=body_pt * 2,
            leading=body_pt * 2.5,
            textColor=ACCENT,
            spaceAfter=body_pt,
        ),
        big=derive("big", fontName=BOLD, fontSize=body_pt + 4, leading=(body_pt + 4) * 1.35),
        quote=derive(
            "quote",
            leftIndent=body_pt,
            borderPadding=(0, 0, 0, body_pt * 0.6),
            spaceAfter=body_pt * 0.2,
        ),
        attribution=derive("attribution", leftIndent=body_pt, spaceAfter=body_pt),
        bullet=derive("bullet", leftIndent=body_pt * 1.4, bulletIndent=0, bulletFontName=BOLD),
    )


def escape(text: str) -> str:
    """Text as ReportLab's paragraph markup wants it."""
    return xml_escape(text)
