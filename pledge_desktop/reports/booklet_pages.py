"""What the booklet draws on its pages besides the text: the page's geometry (with the print
shop's bleed and crop marks), the cover's design in vector shapes, page numbers, and the small
flowables (bars, quote rules, ruled notes lines, pull quotes)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph

from pledge_desktop.reports.pdf_style import ACCENT, FONT, INK, PALE, canvas_text

A5 = (419.53, 595.28)
MARGIN = 40
MM = 72 / 25.4
BLEED = 3 * MM
MID = "#c9a3c0"  # between the accent and the pale tint: shapes only, never behind text


@dataclass(frozen=True)
class Sheet:
    """Where the A5 page sits on the PDF page: in the middle of a larger page for the print shop
    (3 mm of bleed and room for crop marks around it), or filling it."""

    offset: float = 0.0  # from the PDF page's edge to the trimmed edge

    @property
    def size(self) -> tuple[float, float]:
        return A5[0] + 2 * self.offset, A5[1] + 2 * self.offset

    @property
    def print_shop(self) -> bool:
        return self.offset > 0

    def trim_box(self) -> tuple[float, float, float, float]:
        return self.offset, self.offset, self.offset + A5[0], self.offset + A5[1]

    def bleed_box(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.trim_box()
        return x0 - BLEED, y0 - BLEED, x1 + BLEED, y1 + BLEED


PRINT_SHOP = Sheet(offset=BLEED + 6 * MM)  # 3 mm bleed, then 6 mm for the crop marks
OFFICE = Sheet()


def crop_marks(canvas: Any, sheet: Sheet) -> None:
    """Thin marks outside the bleed, in line with the trimmed edges (page coordinates)."""
    if not sheet.print_shop:
        return
    x0, y0, x1, y1 = sheet.trim_box()
    width, height = sheet.size
    gap = BLEED + 1
    canvas.saveState()
    canvas.setStrokeColor("#000000")
    canvas.setLineWidth(0.25)
    for x in (x0, x1):
        canvas.line(x, 0, x, y0 - gap)
        canvas.line(x, y1 + gap, x, height)
    for y in (y0, y1):
        canvas.line(0, y, x0 - gap, y)
        canvas.line(x1 + gap, y, width, y)
    canvas.restoreState()


def draw_cover_design(canvas: Any, top: float = 250) -> None:
    """A calm design in the booklet's colours: a band of soft overlapping shapes across the lower
    part of the cover, reaching the edges (and the bleed). Drawn in trim coordinates; no text
    is ever set over it."""
    width = A5[0]
    band = top - 118  # the design's height: less when large print needs the room
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(-BLEED, A5[1] - 10, width + 2 * BLEED, 10 + BLEED, stroke=0, fill=1)
    canvas.setFillColor(PALE)
    canvas.rect(-BLEED, 118, width + 2 * BLEED, band, stroke=0, fill=1)
    path = canvas.beginPath()  # the shapes stay inside the band
    path.rect(-BLEED, 118, width + 2 * BLEED, band)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setFillColor(MID)
    canvas.circle(width * 0.82, 118 + band * 0.66, band * 0.53, stroke=0, fill=1)
    canvas.setFillColor(PALE)
    canvas.circle(width * 0.70, 118 + band * 0.39, band * 0.33, stroke=0, fill=1)
    wave = canvas.beginPath()
    wave.moveTo(-BLEED, 118 + band * 0.24)
    wave.curveTo(
        width * 0.25, 118 + band * 0.66, width * 0.5, 110, width + BLEED, 118 + band * 0.43
    )
    wave.lineTo(width + BLEED, 118)
    wave.lineTo(-BLEED, 118)
    wave.close()
    canvas.setFillColor(ACCENT)
    canvas.drawPath(wave, stroke=0, fill=1)
    canvas.restoreState()


def page_number(canvas: Any, size: float, label: str, fictional: bool) -> None:
    canvas.saveState()
    canvas.setFont(FONT, size)
    canvas.setFillColor(INK)
    canvas.drawString(MARGIN, MARGIN - size * 0.2, label)
    if fictional:
        canvas.drawRightString(A5[0] - MARGIN, MARGIN - size * 0.2, "Fictional demo")
    canvas.restoreState()


def draw_paragraph(canvas: Any, paragraph: Paragraph, x: float, y: float, width: float) -> float:
    """Draw a paragraph with its top at y; returns its height."""
    _w, height = paragraph.wrap(width, A5[1])
    paragraph.drawOn(canvas, x, y - height)
    return float(height)


def draw_logos(canvas: Any, logos: list[bytes], y: float, height: float) -> None:
    """Logos side by side from the left margin, each at most `height` high."""
    x = MARGIN
    for png in logos:
        reader = ImageReader(io.BytesIO(png))
        w, h = reader.getSize()
        scale = min(height / h, 150 / w)
        canvas.drawImage(reader, x, y, w * scale, h * scale, mask="auto")
        x += w * scale + 20


def image(png: bytes, max_width: float, max_height: float) -> Image:
    width, height = ImageReader(io.BytesIO(png)).getSize()
    scale = min(max_width / width, max_height / height, 1.0)
    picture = Image(io.BytesIO(png), width * scale, height * scale)
    picture.hAlign = "LEFT"
    return picture


class Bar(Flowable):
    """A bar showing a share, beside the figure printed in words (never colour alone)."""

    def __init__(self, share: float, body_pt: float) -> None:
        super().__init__()
        self.share = max(0.0, min(share, 1.0))
        self.body_pt = body_pt

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.body_pt * 1.6

    def draw(self) -> None:
        height = self.body_pt * 0.6
        self.canv.translate(0, self.body_pt * 0.8)
        self.canv.setFillColor(PALE)
        self.canv.rect(0, 0, self.width, height, stroke=0, fill=1)
        self.canv.setFillColor(ACCENT)
        self.canv.rect(0, 0, self.width * self.share, height, stroke=0, fill=1)


class QuoteBar(Flowable):
    """A quote with a coloured rule down its left side."""

    def __init__(self, paragraph: Paragraph) -> None:
        super().__init__()
        self.paragraph = paragraph

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.paragraph.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        return self.paragraph.split(available_width, available_height)

    def draw(self) -> None:
        self.canv.setFillColor(ACCENT)
        self.canv.rect(0, 0, 4, self.height, stroke=0, fill=1)
        self.paragraph.drawOn(self.canv, 0, 0)


class Lines(Flowable):
    """Ruled lines filling the rest of a page (notes)."""

    def __init__(self, gap: float) -> None:
        super().__init__()
        self.gap = gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, max(available_height - 2, 0)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor("#8a8a8a")
        self.canv.setLineWidth(0.6)
        y = self.height - self.gap
        while y > 0:
            self.canv.line(0, y, self.width, y)
            y -= self.gap


class PullQuotes:
    """Short approved quotes set large where a page has room at the end of a section. Taken in
    order, each used once; the same in both layout passes."""

    def __init__(self, make: Callable[[str], list[Paragraph]], quotes: list[str]) -> None:
        self.make = make
        self.quotes = quotes
        self.next = 0

    def room(self, needed_after: float) -> PullQuoteIfRoom:
        return PullQuoteIfRoom(self, needed_after)


class PullQuoteIfRoom(Flowable):
    """Fills the foot of a page that the next section would leave empty (its heading needs
    `needed_after` points and will go overleaf) with a pull quote, when one fits."""

    def __init__(self, pool: PullQuotes, needed_after: float) -> None:
        super().__init__()
        self.pool = pool
        self.needed_after = needed_after
        self.parts: list[Paragraph] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height, self.parts = available_width, 0, []
        if available_height >= self.needed_after or self.pool.next >= len(self.pool.quotes):
            return available_width, 0
        parts = self.pool.make(self.pool.quotes[self.pool.next])
        height = sum(p.wrap(available_width - 12, available_height)[1] for p in parts) + 16
        if height <= available_height - 4 and available_height > 90:
            self.parts, self.height = parts, height
        return available_width, self.height

    def split(self, _available_width: float, _available_height: float) -> list[Any]:
        return []

    def draw(self) -> None:
        if not self.parts:
            return
        self.pool.next += 1
        self.canv.setFillColor(PALE)
        self.canv.rect(0, 0, self.width, self.height - 6, stroke=0, fill=1)
        y = self.height - 12
        for part in self.parts:
            y -= part.height
            part.drawOn(self.canv, 12, y)


def safe(text: str) -> str:
    """Text for drawString (no fallback font there)."""
    return canvas_text(text)
