"""A layout check for the PDFs the app makes, as a careful proof-reader would do it: no two words
overlap, no word leaves the trimmed page (or crosses the fold of an imposed sheet), no heading or
label ends a page with its text overleaf, no page is left nearly empty, and every letter has a
glyph in the font it is set in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILES = {  # the name a PDF gives a font (less its subset tag) -> the file it came from
    "AtkinsonHyperlegibleNext-Regular": "AtkinsonHyperlegibleNext-Regular.ttf",
    "AtkinsonHyperlegibleNext-Bold": "AtkinsonHyperlegibleNext-Bold.ttf",
    "NotoSans-Regular": "NotoSans-LatinExt-Regular.ttf",
    "NotoSans-Bold": "NotoSans-LatinExt-Bold.ttf",
}
STANDARD_FONTS = ("Helvetica", "Times", "Courier")  # built into every PDF reader: Latin-1 only
# ReportLab prints a letter a standard font cannot encode as a ZapfDingbats box: always missing


@dataclass(frozen=True)
class Rules:
    body_pt: float  # the body size: bigger bold lines are headings
    safe: float = 12.0  # how close to the trimmed edge a word may come
    footer: float = 0.0  # the band at the foot of each page that holds page numbers
    fold: bool = False  # two pages to a sheet: no word may cross the middle
    thin_allowed: tuple[str, ...] = ("Notes",)  # pages holding this may be nearly empty
    check_thin: bool = False  # no page (but the last) under a third full
    skip_pages: int = 0  # leading pages not to check (printing instructions)


@cache
def _cmap(font_file: str) -> frozenset[int]:
    return frozenset(TTFont(FONTS / font_file).getBestCmap())


def _font_name(raw: str) -> str:
    return raw.split("+", 1)[-1]


def has_glyph(font: str, char: str) -> bool:
    name = _font_name(font)
    if name in FONT_FILES:
        return ord(char) in _cmap(FONT_FILES[name])
    if name.startswith(STANDARD_FONTS):
        return ord(char) < 256
    return False


def missing_glyphs(chars: Iterable[dict[str, Any]]) -> list[str]:
    return sorted(
        {
            f"{c['text']!r} (U+{ord(c['text']):04X}) in {_font_name(c['fontname'])}"
            for c in chars
            if c["text"].strip() and len(c["text"]) == 1 and not has_glyph(c["fontname"], c["text"])
        }
    )


def _lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _overlaps(words: list[dict[str, Any]]) -> list[str]:
    found = []
    ordered = sorted(words, key=lambda w: w["top"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b["top"] >= a["bottom"] - 1:
                break
            if min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 1 and (
                min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
            ):
                found.append(f"{a['text']!r} overlaps {b['text']!r}")
    return found


def check_pdf(path: Path, rules: Rules) -> list[str]:
    """Every problem found, as 'page N: what'; an empty list when the layout is sound."""
    problems: list[str] = []
    with pdfplumber.open(path) as pdf:
        count = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            if number <= rules.skip_pages:
                continue
            here = f"page {number}"
            problems += [f"{here}: no glyph for {m}" for m in missing_glyphs(page.chars)]
            words = page.extract_words(extra_attrs=["fontname", "size"])
            problems += [f"{here}: {o}" for o in _overlaps(words)]
            x0, top0, x1, bottom0 = _trim(page)
            for w in words:
                if (
                    w["x0"] < x0 + rules.safe - 0.5
                    or w["x1"] > x1 - rules.safe + 0.5
                    or w["top"] < top0 + rules.safe - 0.5
                    or w["bottom"] > bottom0 - rules.safe + 0.5
                ):
                    problems.append(f"{here}: {w['text']!r} leaves the page")
                if rules.fold and w["x0"] < page.width / 2 < w["x1"]:
                    problems.append(f"{here}: {w['text']!r} crosses the fold")
            if rules.fold:
                continue  # the halves are pages checked in the A5 file itself
            body = [w for w in words if w["bottom"] < bottom0 - rules.footer]
            lines = _lines(body)
            text = " ".join(w["text"] for w in body)
            if lines and number < count:
                last = lines[-1]
                size = max(w["size"] for w in last)
                bold = all("Bold" in w["fontname"] for w in last)
                words_of = " ".join(w["text"] for w in last)
                pulled = words_of.startswith("“") or words_of.endswith("”")  # a pull quote
                if pulled:
                    pass
                elif size > rules.body_pt + 0.5 and bold and "Notes" not in words_of:
                    problems.append(f"{here}: the heading {words_of!r} ends the page")
                elif (
                    bold
                    and not any(ch.isdigit() for ch in words_of)
                    and (words_of.rstrip().endswith(":") or size >= rules.body_pt - 0.5)
                    and "Notes" not in words_of
                    and len(last) < 12
                ):
                    problems.append(f"{here}: the label {words_of!r} ends the page")
            if rules.check_thin and 1 < number < count and lines:
                if any(word in text for word in rules.thin_allowed):
                    continue
                used = (lines[-1][0]["bottom"] - top0) / (bottom0 - rules.footer - top0)
                if used < 1 / 3:
                    problems.append(f"{here}: only {used:.0%} full")
    return problems


def _trim(page: Any) -> tuple[float, float, float, float]:
    """The trimmed page in pdfplumber's coordinates (top down)."""
    from pdfminer.pdftypes import resolve1

    box = resolve1(page.page_obj.attrs.get("TrimBox")) or page.mediabox
    left, lower, right, upper = (float(resolve1(v)) for v in box)
    height = float(page.height)
    return left, height - upper, right, height - lower
