"""The clear-print font prints Welsh, Polish, Turkish and Irish: every letter has a glyph, and
the text reads back from the PDF exactly as it was written."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from fontTools.ttLib import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from pledge_desktop.reports.pdf_style import escape, styles
from tests.reports.layout import FONTS, missing_glyphs
from tests.reports.stress import IRISH, POLISH, TURKISH, WELSH

SAMPLES = (WELSH, POLISH, TURKISH, IRISH)
LATIN_EXTENDED_A = "".join(chr(code) for code in range(0x100, 0x180))


def test_every_letter_of_the_samples_has_a_glyph_in_the_main_font() -> None:
    for weight in ("Regular", "Bold"):
        letters = TTFont(FONTS / f"AtkinsonHyperlegibleNext-{weight}.ttf").getBestCmap()
        for sample in (WELSH, POLISH, TURKISH):
            missing = [ch for ch in sample if ord(ch) not in letters]
            assert missing == [], (weight, sample, missing)
        assert all(ord(ch) in letters for ch in "âêîôûŵŷÂÊÎÔÛŴŶ")


def test_latin_extended_a_is_covered_with_the_fallback() -> None:
    for weight in ("Regular", "Bold"):
        main = TTFont(FONTS / f"AtkinsonHyperlegibleNext-{weight}.ttf").getBestCmap()
        fallback = TTFont(FONTS / f"NotoSans-LatinExt-{weight}.ttf").getBestCmap()
        missing = [ch for ch in LATIN_EXTENDED_A if ord(ch) not in main and ord(ch) not in fallback]
        assert missing == []


def test_the_samples_print_and_read_back_unchanged(tmp_path: Path) -> None:
    style = styles(14)
    out = tmp_path / "languages.pdf"
    texts = [*SAMPLES, LATIN_EXTENDED_A[:64], LATIN_EXTENDED_A[64:]]
    story = [Paragraph(escape(text), style.body) for text in texts]
    story += [Paragraph(escape(text, bold=True), style.bold) for text in texts]
    SimpleDocTemplate(str(out)).build(story)
    with pdfplumber.open(out) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
        text = "".join(c["text"] for c in chars)
    assert missing_glyphs(chars) == []
    squeezed = "".join(text.split())
    for sample in texts:
        assert "".join(sample.split()) in squeezed, sample
    bold_fallback = {c["fontname"].split("+")[-1] for c in chars if c["text"] == "ṡ"}
    assert bold_fallback == {"NotoSans-Regular", "NotoSans-Bold"}
