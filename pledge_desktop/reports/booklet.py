"""The Service Pledge booklet as an A5 PDF, in clear print, padded with notes pages to a
multiple of 4 so that it folds and staples; or imposed two pages to an A4 sheet in booklet
order for an ordinary office printer.

Laid out with ReportLab's platypus. Two passes: the first counts the pages, the second prints
"Page 3 of 16" with the notes pages added.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from pledge_desktop.domain.booklet import (
    BODY_PT,
    LARGE_PRINT_PT,
    BookletContents,
    padded_page_count,
)
from pledge_desktop.reports.imposition import impose
from pledge_desktop.reports.pdf_style import ACCENT, BOLD, FONT, INK, PALE, Styles, escape, styles

A5 = (419.53, 595.28)
MARGIN = 40


@dataclass(frozen=True)
class BookletPdf:
    pages: int  # A5 pages, notes included
    notes_pages: int
    sheets: int  # A4 sheets when printed double-sided


def write_booklet(
    path: Path, contents: BookletContents, *, large_print: bool = False, imposed: bool = False
) -> BookletPdf:
    data, pages, notes = booklet_bytes(contents, large_print=large_print)
    if imposed:
        data = impose(data, _metadata(contents, large_print, imposed=True))
    path.write_bytes(data)
    return BookletPdf(pages, notes, pages // 4)


def booklet_bytes(
    contents: BookletContents, *, large_print: bool = False
) -> tuple[bytes, int, int]:
    """The booklet's PDF, its page count and how many of those are notes pages."""
    body = LARGE_PRINT_PT if large_print else BODY_PT
    style = styles(body)
    first = _Layout(contents, style, large_print, notes=0, total=0).build()
    pages = first.pages
    notes = padded_page_count(pages) - pages
    for _attempt in range(3):  # page numbers of the second pass may move a line: settle it
        second = _Layout(contents, style, large_print, notes, padded_page_count(pages)).build()
        if second.pages % 4 == 0:
            return second.data, second.pages, notes
        pages = second.pages - notes
        notes = padded_page_count(pages) - pages
    raise RuntimeError("The booklet's pages would not settle to a multiple of 4.")


def _metadata(
    contents: BookletContents, large_print: bool, imposed: bool = False
) -> dict[str, str]:
    edition = " (large print)" if large_print else ""
    layout = ", printed two pages to a sheet" if imposed else ""
    return {
        "title": f"Our Service Pledge to you: {contents.hospital} {contents.cycle_label}{edition}",
        "author": f"{contents.hospital} breast care team",
        "subject": f"Service Pledge for Breast Cancer booklet{layout}",
    }


@dataclass
class _Built:
    data: bytes
    pages: int


class _Layout:
    def __init__(
        self, contents: BookletContents, style: Styles, large_print: bool, notes: int, total: int
    ) -> None:
        self.c = contents
        self.s = style
        self.large_print = large_print
        self.notes = notes
        self.total = total

    def build(self) -> _Built:
        buffer = io.BytesIO()
        meta = _metadata(self.c, self.large_print)
        doc = _Doc(
            buffer,
            pagesize=A5,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + self.s.body.leading,
            title=meta["title"],
            author=meta["author"],
            subject=meta["subject"],
            creator="Pledge Desktop",
            lang="en-GB",
        )
        frame = Frame(
            doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text", showBoundary=0
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover_page),
                PageTemplate("inside", [frame], onPage=self._inside_page),
            ]
        )
        doc.build(self._story())
        return _Built(buffer.getvalue(), doc.page)

    # --- pages ----------------------------------------------------------------------------
    def _cover_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(PALE)
        canvas.rect(0, 0, A5[0], 120, stroke=0, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.rect(0, 0, A5[0], 8, stroke=0, fill=1)
        if self.c.fictional:
            self._fictional_mark(canvas)
        canvas.restoreState()

    def _inside_page(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        size = self.s.body.fontSize
        canvas.setFont(FONT, size)
        canvas.setFillColor(INK)
        label = f"Page {doc.page}" + (f" of {self.total}" if self.total else "")
        canvas.drawString(MARGIN, MARGIN - size * 0.2, label)
        if self.c.fictional:
            self._fictional_mark(canvas)
        canvas.restoreState()

    def _fictional_mark(self, canvas: Any) -> None:
        size = self.s.body.fontSize
        canvas.setFont(FONT, size)
        canvas.setFillColor(INK)
        canvas.drawRightString(A5[0] - MARGIN, MARGIN - size * 0.2, "Fictional demo")

    # --- the story ------------------------------------------------------------------------
    def _story(self) -> list[Any]:
        story: list[Any] = [*self._cover(), NextPageTemplate("inside"), PageBreak()]
        for part in (
            self._welcome,
            self._team,
            self._standards,
            self._told_us,
            self._pledge,
            self._your_words,
            self._involved,
            self._contacts,
        ):
            flowables = part()
            if flowables:
                story += [*flowables, PageBreak()]
        for _page in range(self.notes):
            story += self._notes_page()
        if story and isinstance(story[-1], PageBreak):
            story.pop()
        return story

    def _p(self, text: str, style: Any = None) -> Any:
        return Paragraph(escape(text), style or self.s.body)

    def _paragraphs(self, text: str) -> list[Any]:
        return [self._p(part) for part in text.split("\n\n") if part.strip()]

    def _heading(self, text: str) -> Any:
        heading = Paragraph(escape(text), self.s.h1)
        heading._bookmark = text  # type: ignore[attr-defined]  # read by _Doc.afterFlowable
        return heading

    def _cover(self) -> list[Any]:
        story: list[Any] = []
        if self.c.logo_png:
            story += [_image(self.c.logo_png, 160, 70), Spacer(1, 16)]
        else:
            story.append(Spacer(1, 40))
        title = self._p("Our Service Pledge to you", self.s.title)
        title._bookmark = "Cover"
        story += [
            title,
            self._p(self.c.hospital, self.s.big),
            *([self._p(self.c.trust)] if self.c.trust else []),
            self._p("Breast care service"),
            Spacer(1, 12),
            self._p(
                f"For patients newly told they have breast cancer. Pledge {self.c.cycle_label}."
            ),
        ]
        if self.c.fictional:
            story.append(
                self._p("A fictional demo booklet: every name and figure in it is made up.")
            )
        return story

    def _welcome(self) -> list[Any]:
        return [self._heading("Welcome"), *self._paragraphs(self.c.words.welcome)]

    def _team(self) -> list[Any]:
        story: list[Any] = [self._heading("Your breast care team")]
        if self.c.photo_png:
            story += [_image(self.c.photo_png, 340, 180), Spacer(1, 10)]
        story += self._paragraphs(self.c.words.contact)
        for member in self.c.team:
            lines = [self._p(member.name, self.s.bold_tight)]
            details = [part for part in (member.role, member.phone) if part]
            lines += [self._p(part, self.s.tight) for part in details]
            story += [KeepTogether(lines), Spacer(1, self.s.body.fontSize * 0.7)]
        if self.c.unit_phone:
            story += [self._p("Breast care nurses", self.s.h2), self._p(self.c.unit_phone)]
        story += [self._p("Out of hours", self.s.h2), *self._paragraphs(self.c.words.out_of_hours)]
        if self.c.out_of_hours_phone:
            story.append(self._p(f"Out of hours: {self.c.out_of_hours_phone}", self.s.bold))
        return story

    def _standards(self) -> list[Any]:
        if not self.c.standards:
            return []
        return [
            self._heading("Our standards of care"),
            self._p("We promise every patient that:"),
            *[self._bullet(text) for text in self.c.standards],
        ]

    def _bullet(self, text: str) -> Any:
        return Paragraph(escape(text), self.s.bullet, bulletText="•")

    def _told_us(self) -> list[Any]:
        if not self.c.findings:
            return []
        story: list[Any] = [
            self._heading("What you told us"),
            self._p(
                f"{self.c.forms:,} patients filled in our survey in {self.c.cycle_label}. "
                "Here is some of what they told us."
            ),
        ]
        size = self.s.big.fontSize
        for finding in self.c.findings:
            share = float(finding.figure.rstrip("%")) / 100
            words = (
                f'<font name="{BOLD}" size="{size}">{escape(finding.figure)}</font> '
                f"{escape(finding.sentence)}."
            )
            story.append(
                KeepTogether([Paragraph(words, self.s.tight), _Bar(share, self.s.body.fontSize)])
            )
        return story

    def _pledge(self) -> list[Any]:
        if not self.c.goals:
            return []
        story: list[Any] = [
            self._heading("Our pledge"),
            self._p(
                "These are the goals we agreed with patients. Each one says what we will do, "
                "why, and how far we have got."
            ),
        ]
        term = ""
        for goal in self.c.goals:
            if goal.term_label != term:
                term = goal.term_label
                story.append(self._p(f"{term}: {goal.horizon}", self.s.h2))
            block = [self._p(goal.title, self.s.bold)]
            if goal.description:
                block.append(self._p(goal.description))
            if goal.why:
                block.append(self._p(f"Why: {goal.why}"))
            progress = f"Progress: {goal.status}."
            if goal.progress:
                progress += f" {goal.progress}"
            block.append(self._p(progress))
            story += [KeepTogether(block), Spacer(1, self.s.body.fontSize * 0.5)]
        return story

    def _your_words(self) -> list[Any]:
        if not self.c.quotes:
            return []
        story: list[Any] = [self._heading("Your words")]
        for quote in self.c.quotes:
            story.append(
                KeepTogether(
                    [
                        _QuoteBar(self._p(f"“{quote.wording}”", self.s.quote)),
                        self._p(f"{quote.attributed_to}", self.s.attribution),
                    ]
                )
            )
        return story

    def _involved(self) -> list[Any]:
        story = [self._heading("How to get involved"), *self._paragraphs(self.c.words.get_involved)]
        if self.c.representatives:
            story.append(
                self._p(
                    "Our patient representatives this year: "
                    + ", ".join(self.c.representatives)
                    + "."
                )
            )
        return story

    def _contacts(self) -> list[Any]:
        story = [self._heading("Contacts")]
        if self.c.unit_phone:
            story += [self._p("Breast care nurses", self.s.bold), self._p(self.c.unit_phone)]
        if self.c.out_of_hours_phone:
            story += [self._p("Out of hours", self.s.bold), self._p(self.c.out_of_hours_phone)]
        if self.c.address:
            lines = "<br/>".join(escape(line) for line in self.c.address.splitlines())
            story += [self._p("Address", self.s.bold), Paragraph(lines, self.s.body)]
        story += [
            self._p("Other formats", self.s.h2),
            *self._paragraphs(self.c.words.other_formats),
        ]
        return story

    def _notes_page(self) -> list[Any]:
        return [self._heading("Notes"), _Lines(self.s.body.leading * 1.4), PageBreak()]


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


def _image(png: bytes, max_width: float, max_height: float) -> Image:
    width, height = ImageReader(io.BytesIO(png)).getSize()
    scale = min(max_width / width, max_height / height, 1.0)
    image = Image(io.BytesIO(png), width * scale, height * scale)
    image.hAlign = "LEFT"
    return image


class _Bar(Flowable):
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


class _QuoteBar(Flowable):
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


class _Lines(Flowable):
    """Ruled lines filling the rest of a notes page."""

    def __init__(self, gap: float) -> None:
        super().__init__()
        self.gap = gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 2
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor("#8a8a8a")
        self.canv.setLineWidth(0.6)
        y = self.height - self.gap
        while y > 0:
            self.canv.line(0, y, self.width, y)
            y -= self.gap
