"""The Service Pledge booklet as an A5 PDF in clear print: a cover, the sections flowing one after
another, notes pages inside to make the pages a multiple of 4 so that it folds and staples, and
the contacts on the outside back cover. Three ways out: for an office printer (A5 pages), imposed
two to an A4 sheet in booklet order, or for a print shop (3 mm bleed, crop marks, TrimBox and
BleedBox).

Laid out with ReportLab's platypus in two passes: the first counts the pages, the second adds the
notes pages and prints "Page 3 of 12".
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from pledge_desktop.domain.booklet import (
    BODY_PT,
    LARGE_PRINT_PT,
    BookletContents,
    padded_page_count,
)
from pledge_desktop.reports.booklet_pages import (
    A5,
    MARGIN,
    OFFICE,
    PRINT_SHOP,
    Sheet,
    crop_marks,
    draw_cover_design,
    draw_logos,
    draw_paragraph,
    page_number,
)
from pledge_desktop.reports.booklet_story import BookletStory
from pledge_desktop.reports.pdf_style import INK, Styles, paragraph_text, styles

__all__ = ["A5", "MARGIN", "BookletPdf", "booklet_bytes", "write_booklet"]

COVER_TEXT_BOTTOM = {False: 262.0, True: 200.0}  # the cover's text stays above its design


@dataclass(frozen=True)
class BookletPdf:
    pages: int  # A5 pages, notes and covers included
    notes_pages: int  # whole notes pages added to make up the fours
    sheets: int  # A4 sheets when printed double-sided


def write_booklet(
    path: Path,
    contents: BookletContents,
    *,
    large_print: bool = False,
    imposed: bool = False,
    print_shop: bool = False,
) -> BookletPdf:
    if imposed and print_shop:
        raise ValueError("A print shop lays out the sheets itself: choose one or the other.")
    sheet = PRINT_SHOP if print_shop else OFFICE
    data, pages, notes = booklet_bytes(contents, large_print=large_print, sheet=sheet)
    if imposed:
        from pledge_desktop.reports.imposition import impose  # pypdf: only for these editions

        data = impose(data, _metadata(contents, large_print, "imposed"), contents.language)
    if print_shop:
        data = _with_boxes(data, sheet)
    path.write_bytes(data)
    return BookletPdf(pages, notes, pages // 4)


def booklet_bytes(
    contents: BookletContents, *, large_print: bool = False, sheet: Sheet = OFFICE
) -> tuple[bytes, int, int]:
    """The booklet's PDF, its page count and how many whole notes pages were added."""
    style = styles(LARGE_PRINT_PT if large_print else BODY_PT)
    edition = "print shop" if sheet.print_shop else ""
    first = _Layout(contents, style, large_print, sheet, edition, notes=0, total=0).build()
    notes = padded_page_count(first.pages) - first.pages
    total = first.pages + notes  # the second pass prints "Page 3 of 12"
    second = _Layout(contents, style, large_print, sheet, edition, notes, total).build()
    if second.pages != total:
        raise RuntimeError("The booklet's pages would not settle to a multiple of 4.")
    return second.data, second.pages, notes


def _metadata(contents: BookletContents, large_print: bool, edition: str = "") -> dict[str, str]:
    large = " (large print)" if large_print else ""
    layout = {
        "imposed": ", printed two pages to a sheet",
        "print shop": ", for a print shop (3 mm bleed, crop marks)",
    }.get(edition, "")
    return {
        "title": f"Our Service Pledge to you: {contents.hospital} {contents.cycle_label}{large}",
        "author": f"{contents.hospital} breast care team",
        "subject": f"Service Pledge for Breast Cancer booklet{layout}",
    }


def _with_boxes(data: bytes, sheet: Sheet) -> bytes:
    """Set each page's TrimBox and BleedBox, which a print shop's software reads."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        page.trimbox = RectangleObject(sheet.trim_box())
        page.bleedbox = RectangleObject(sheet.bleed_box())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class _Built:
    data: bytes
    pages: int


class _Layout:
    def __init__(
        self,
        contents: BookletContents,
        style: Styles,
        large_print: bool,
        sheet: Sheet,
        edition: str,
        notes: int,
        total: int,
    ) -> None:
        self.c = contents
        self.s = style
        self.large_print = large_print
        self.sheet = sheet
        self.edition = edition
        self.notes = notes
        self.total = total

    def build(self) -> _Built:
        buffer = io.BytesIO()
        meta = _metadata(self.c, self.large_print, self.edition)
        o = self.sheet.offset
        doc = _Doc(
            buffer,
            pagesize=self.sheet.size,
            leftMargin=o + MARGIN,
            rightMargin=o + MARGIN,
            topMargin=o + MARGIN,
            bottomMargin=o + MARGIN + self.s.body.leading,
            title=meta["title"],
            author=meta["author"],
            subject=meta["subject"],
            creator="Pledge Desktop",
            lang=self.c.language,
        )
        width = A5[0] - 2 * MARGIN
        inside = Frame(o + MARGIN, doc.bottomMargin, width, doc.height, id="text")
        self.cover_bottom = COVER_TEXT_BOTTOM[self.large_print]
        cover = Frame(
            o + MARGIN,
            o + self.cover_bottom,
            width,
            A5[1] - MARGIN - self.cover_bottom,
            id="cover",
        )
        logos = 70 if self._logos() else 0
        back = Frame(o + MARGIN, o + MARGIN + logos, width, A5[1] - 2 * MARGIN - logos, id="back")
        doc.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self._cover_page),
                PageTemplate("inside", [inside], onPage=self._inside_page),
                PageTemplate("back", [back], onPage=self._back_page),
            ]
        )
        story = BookletStory(self.c, self.s, self.notes, cover.height - 12)
        doc.build(story.story())
        return _Built(buffer.getvalue(), doc.page)

    def _logos(self) -> list[bytes]:
        return [png for png in (self.c.logo_png, self.c.programme_logo_png) if png]

    def _on_trim(self, canvas: Any) -> None:
        """Crop marks on the whole sheet, then draw in the trimmed page's coordinates."""
        crop_marks(canvas, self.sheet)
        canvas.translate(self.sheet.offset, self.sheet.offset)

    def _cover_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        self._on_trim(canvas)
        draw_cover_design(canvas, self.cover_bottom - 12)
        style = ParagraphStyle("credit", parent=self.s.body, textColor=INK, spaceAfter=0)
        credit = Paragraph(paragraph_text(self.c.credit_line, style), style)
        text_width = A5[0] - 2 * MARGIN
        if self.c.programme_logo_png:
            text_width -= 110
            draw_logos(canvas, [self.c.programme_logo_png], 30, 56)
            x = MARGIN + 110
        else:
            x = MARGIN
        draw_paragraph(canvas, credit, x, 104, text_width)
        if self.c.fictional:
            canvas.setFont(self.s.body.fontName, self.s.body.fontSize)
            canvas.setFillColor(INK)
            canvas.drawRightString(A5[0] - MARGIN, 22, "Fictional demo")
        canvas.restoreState()

    def _inside_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        self._on_trim(canvas)
        label = f"Page {doc.page}" + (f" of {self.total}" if self.total else "")
        page_number(canvas, self.s.body.fontSize, label, self.c.fictional)
        canvas.restoreState()

    def _back_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        self._on_trim(canvas)
        draw_logos(canvas, self._logos(), MARGIN, 56)
        if self.c.fictional:
            page_number(canvas, self.s.body.fontSize, "", True)
        canvas.restoreState()


class _Doc(BaseDocTemplate):
    """A document template that bookmarks each section heading (the first notes page only)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._notes_marked = False

    def afterFlowable(self, flowable: Any) -> None:
        title = getattr(flowable, "_bookmark", None)
        if not title or (title == "Notes" and self._notes_marked):
            return
        self._notes_marked = self._notes_marked or title == "Notes"
        key = f"section{self.page}-{title}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=0)
