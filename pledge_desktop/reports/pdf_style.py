"""What every printed page shares: the embedded font, clear-print paragraph styles and colours.

Clear print: a sans-serif font chosen for legibility (Atkinson Hyperlegible Next, shipped with
the app; the few letters it lacks come from Noto Sans, letter by letter), body text 14 pt or
more, left aligned, line spacing of 1.5, no italics, no capitals for emphasis, dark text on
white.
"""

from __future__ import annotations

import unicodedata
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
FALLBACK = "NotoSansLatinExt"
FALLBACK_BOLD = "NotoSansLatinExt-Bold"
FONT_FILES = {
    FONT: "AtkinsonHyperlegibleNext-Regular.ttf",
    BOLD: "AtkinsonHyperlegibleNext-Bold.ttf",
    FALLBACK: "NotoSans-LatinExt-Regular.ttf",
    FALLBACK_BOLD: "NotoSans-LatinExt-Bold.ttf",
}
INK = "#1b1b1b"  # near black on white: contrast ratio above 16:1
ACCENT = "#6b1f5c"  # headings and bars: 10:1 on white
PALE = "#efe4ec"
_registered = False
_main_letters: frozenset[int] = frozenset()
_fallback_letters: frozenset[int] = frozenset()


def prepare_reportlab() -> None:
    """Register the font once, and write plain (not ASCII85) streams: much faster."""
    global _registered, _main_letters, _fallback_letters

    rl_config.useA85 = 0
    if _registered:
        return

    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    # asking for italics gets upright text: the booklet never sets body text in italics
    for family, bold in ((FONT, BOLD), (FALLBACK, FALLBACK_BOLD)):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)
    _main_letters = frozenset(pdfmetrics.getFont(FONT).face.charWidths)
    _fallback_letters = frozenset(pdfmetrics.getFont(FALLBACK).face.charWidths)
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


def escape(text: str, bold: bool = False) -> str:
    """Text as ReportLab's paragraph markup wants it; a letter the main font lacks (ŝ, ō, ḃ)
    is set in the fallback font (bold in a bold paragraph), so no letter prints as a box."""
    prepare_reportlab()
    if all(ord(ch) in _main_letters for ch in text):
        return xml_escape(text)
    face = FALLBACK_BOLD if bold else FALLBACK
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if code not in _main_letters and code in _fallback_letters:
            out.append(f'<font face="{face}">{xml_escape(ch)}</font>')
        else:
            out.append(xml_escape(ch))
    return "".join(out).replace(f'</font><font face="{face}">', "")


def paragraph_text(text: str, style: Any) -> str:
    """escape(), bold when the paragraph's style is."""
    return escape(text, bold=style.fontName in (BOLD, FALLBACK_BOLD))


def has_glyph(font_name: str, ch: str) -> bool:
    """Whether a registered font draws this letter (used to check a page before printing)."""
    prepare_reportlab()
    return ord(ch) in pdfmetrics.getFont(font_name).face.charWidths


def canvas_text(text: str) -> str:
    """Text for canvas.drawString, which has no fallback: a letter the main font lacks is
    replaced by its plain form (ŝ → s) rather than printed as an empty box."""
    prepare_reportlab()
    if all(ord(ch) in _main_letters for ch in text):
        return text
    return "".join(
        ch if ord(ch) in _main_letters else unicodedata.normalize("NFD", ch)[0] for ch in text
    )
