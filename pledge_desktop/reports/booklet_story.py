"""The booklet's text, section after section, flowing from page to page: a heading never ends a
page (it keeps with what follows, and a section starts overleaf when fewer than a few lines are
left), a phone number's label stays with its number, and the back cover says how to reach the
team."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from pledge_desktop.domain.booklet import HELPLINES_TO_CHECK, BookletContents
from pledge_desktop.reports.booklet_pages import (
    A5,
    MARGIN,
    Bar,
    Lines,
    PullQuotes,
    QuoteBar,
    image,
)
from pledge_desktop.reports.pdf_style import ACCENT, BOLD, PALE, Styles, escape, paragraph_text

PULL_QUOTE_MOST = 180  # characters: longer quotes are not pulled out


class BookletStory:
    def __init__(
        self, contents: BookletContents, style: Styles, notes_pages: int, cover_height: float
    ) -> None:
        self.c = contents
        self.cover_height = cover_height
        self.s = style
        self.notes_pages = notes_pages
        body = style.body.fontSize
        self.keep = ParagraphStyle("keep", parent=style.bold_tight, keepWithNext=1)
        self.h1 = ParagraphStyle("h1keep", parent=style.h1, keepWithNext=1)
        self.h2 = ParagraphStyle("h2keep", parent=style.h2, keepWithNext=1)
        self.pull = ParagraphStyle(
            "pull", parent=style.big, textColor=ACCENT, spaceAfter=body * 0.3
        )
        self.pull_by = ParagraphStyle("pullby", parent=style.body, spaceAfter=0)
        # a section starts overleaf unless its heading and four lines fit
        self.section_room = style.h1.leading + style.h1.spaceAfter + 4 * style.body.leading
        short = [q for q in contents.quotes if len(q.wording) <= PULL_QUOTE_MOST]
        self.pulls = PullQuotes(
            lambda text: [self.p(text, self.pull)],
            [f"“{q.wording}”" for q in short],
        )

    # --- small helpers --------------------------------------------------------------------
    def p(self, text: str, style: Any = None) -> Paragraph:
        style = style or self.s.body
        return Paragraph(paragraph_text(text, style), style)

    def paragraphs(self, text: str) -> list[Any]:
        return [self.p(part) for part in text.split("\n\n") if part.strip()]

    def heading(self, text: str) -> list[Any]:
        heading = self.p(text, self.h1)
        heading._bookmark = text  # type: ignore[attr-defined]  # read by the document
        return [self.pulls.room(self.section_room), CondPageBreak(self.section_room), heading]

    def labelled(self, label: str, value: str, big: bool = False) -> list[Any]:
        """A label that never parts from its number or address."""
        value_style = self.s.big if big else self.s.body
        return [self.p(label, self.keep), self.p(value, value_style)]

    # --- the whole ------------------------------------------------------------------------
    def story(self) -> list[Any]:
        story: list[Any] = [*self.cover(), NextPageTemplate("inside"), PageBreak()]
        for part in (
            self.welcome,
            self.team,
            self.standards,
            self.told_us,
            self.pledge,
            self.your_words,
            self.involved,
        ):
            story += part()
        back, inside = self.back_cover()
        story += inside
        story += self.notes()
        story += [NextPageTemplate("back"), PageBreak(), *back]
        return story

    def cover(self) -> list[Any]:
        story: list[Any] = []
        if self.c.logo_png:
            story += [image(self.c.logo_png, 160, 64), Spacer(1, 14)]
        else:
            story.append(Spacer(1, 24))
        title_style = ParagraphStyle(
            "cover",
            parent=self.s.title,
            fontSize=self.s.body.fontSize * 1.8,
            leading=self.s.body.fontSize * 2.2,
        )
        title = self.p("Our Service Pledge to you", title_style)
        story += [
            title,
            self.p(self.c.hospital, self.s.big),
            *([self.p(self.c.trust)] if self.c.trust else []),
            self.p(f"{self.c.cover_words}. Our pledge for {self.c.cycle_label}.", self.s.body),
        ]
        if self.c.fictional:
            story.append(
                self.p("A fictional demo booklet: every name and figure in it is made up.")
            )
        whole = KeepInFrame(A5[0] - 2 * MARGIN, self.cover_height, story, mode="shrink")
        whole._bookmark = "Cover"  # type: ignore[attr-defined]
        return [whole]

    def welcome(self) -> list[Any]:
        return [*self.heading("Welcome"), *self.paragraphs(self.c.words.welcome)]

    def team(self) -> list[Any]:
        story: list[Any] = self.heading("Your breast care team")
        if self.c.photo_png:
            story += [image(self.c.photo_png, 340, 170), Spacer(1, 10)]
        story += self.paragraphs(self.c.words.contact)
        for member in self.c.team:
            lines = [self.p(member.name, self.s.bold_tight)]
            lines += [self.p(part, self.s.tight) for part in (member.role, member.phone) if part]
            story += [KeepTogether(lines), Spacer(1, self.s.body.fontSize * 0.6)]
        if self.c.unit_phone:
            story += self.labelled("Breast care nurses", self.c.unit_phone)
        out_of_hours = [
            self.p("Out of hours", self.h2),
            *self.paragraphs(self.c.words.out_of_hours),
        ]
        if self.c.out_of_hours_phone:
            out_of_hours.append(self.p(f"Out of hours: {self.c.out_of_hours_phone}", self.s.bold))
        return [*story, KeepTogether(out_of_hours)]

    def standards(self) -> list[Any]:
        if not self.c.standards:
            return []
        intro = ParagraphStyle("introkeep", parent=self.s.body, keepWithNext=1)
        return [
            *self.heading("Our standards of care"),
            self.p("We promise every patient that:", intro),
            *[Paragraph(escape(text), self.s.bullet, bulletText="•") for text in self.c.standards],
        ]

    def told_us(self) -> list[Any]:
        if not self.c.findings:
            return []
        story: list[Any] = [
            *self.heading("What you told us"),
            self.p(
                f"{self.c.survey_line} Here is some of what they told us. Each figure is of "
                "the patients who answered that question; answers such as “does not apply to "
                "me” are left out."
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
                KeepTogether([Paragraph(words, self.s.tight), Bar(share, self.s.body.fontSize)])
            )
        return story

    def pledge(self) -> list[Any]:
        if not self.c.goals:
            return []
        story: list[Any] = [
            *self.heading("Our pledge"),
            self.p(
                "These are the goals we agreed with patients. Each one says what we will do, "
                "why, and how far we have got."
            ),
        ]
        title = ParagraphStyle("goal", parent=self.s.bold, keepWithNext=1)
        term = ""
        for goal in self.c.goals:
            if goal.term_label != term:
                term = goal.term_label
                story.append(self.p(f"{term}: {goal.horizon}", self.h2))
            # the title keeps with the first lines of its goal; a long goal may run overleaf
            story.append(self.p(goal.title, title))
            if goal.description:
                story.append(self.p(goal.description))
            if goal.why:
                story.append(self.p(f"Why: {goal.why}"))
            progress = f"Progress: {goal.status}."
            if goal.progress:
                progress += f" {goal.progress}"
            story += [self.p(progress), Spacer(1, self.s.body.fontSize * 0.4)]
        return story

    def your_words(self) -> list[Any]:
        if not self.c.quotes:
            return []
        story: list[Any] = self.heading("Your words")
        for quote in self.c.quotes:
            story.append(
                KeepTogether(
                    [
                        QuoteBar(self.p(f"“{quote.wording}”", self.s.quote)),
                        self.p(quote.attributed_to, self.s.attribution),
                    ]
                )
            )
        return story

    def involved(self) -> list[Any]:
        story = [*self.heading("How to get involved"), *self.paragraphs(self.c.words.get_involved)]
        if self.c.representatives:
            story.append(
                self.p(
                    "Our patient representatives this year: "
                    + ", ".join(self.c.representatives)
                    + "."
                )
            )
        return story

    def notes(self) -> list[Any]:
        """Ruled lines under the last section when a good part of its page is left, then whole
        notes pages to make the pages up to a multiple of 4 (inside, before the back cover)."""
        gap = self.s.body.leading * 1.4
        heading = self.p("Notes", self.s.h2)
        heading._bookmark = "Notes"  # type: ignore[attr-defined]
        story: list[Any] = [CondPageBreak(gap * 5), heading, Lines(gap)]
        for _page in range(self.notes_pages):
            story += [PageBreak(), self.p("Notes", self.h2), Lines(gap)]
        return story

    def back_cover(self) -> tuple[list[Any], list[Any]]:
        """The outside back cover, where readers look for contacts: the team's numbers, out of
        hours, national helplines, other formats, and the leaflet's dates and reference; and
        what would not fit there in clear print, to print inside before the notes."""
        c = self.c
        first: list[Any] = [self.p("How to contact us", self.s.h1)]
        if c.unit_phone:
            first += self.labelled(f"{c.hospital} breast care nurses", c.unit_phone, big=True)
        if c.out_of_hours_phone:
            first += self.labelled(
                "Out of hours: evenings, nights and weekends", c.out_of_hours_phone, big=True
            )
        first.append(self.p("In an emergency, ring 999."))
        dates = [
            f"Published {c.published}." if c.published else "",
            f"Review date {c.review_date}." if c.review_date else "",
            f"Reference {c.leaflet_reference}." if c.leaflet_reference else "",
        ]
        last: list[Any] = []
        if any(dates):
            last = [Spacer(1, self.s.body.fontSize * 0.6)]
            last.append(self.p(" ".join(d for d in dates if d), self.s.tight))
        optional: list[list[Any]] = []  # in the order they leave the back cover
        if c.address:
            lines = "<br/>".join(escape(line) for line in c.address.splitlines())
            optional.append([self.p("Address", self.keep), Paragraph(lines, self.s.body)])
        optional.append([self.p("Other formats", self.h2), *self.paragraphs(c.words.other_formats)])
        if c.helplines:
            lines_: list[Any] = [self.p("National helplines", self.h2)]
            if not c.helplines_checked:
                check = ParagraphStyle(
                    "check", parent=self.s.bold, backColor=PALE, borderPadding=3, keepWithNext=1
                )
                lines_.append(self.p(HELPLINES_TO_CHECK, check))
            for line in c.helplines:
                hours = f" ({line.hours})" if line.hours else ""
                lines_.append(self.p(f"{line.name}: {line.phone}{hours}", self.s.tight))
            optional.append(lines_)
        width = A5[0] - 2 * MARGIN
        height = A5[1] - 2 * MARGIN - 12 - (70 if self._logos() else 0)  # less frame padding
        fixed = _height(first + last, width)
        kept = list(reversed(optional))  # helplines first, then other formats, then address
        moved: list[list[Any]] = []
        while kept and fixed + sum(_height(part, width) for part in kept) > height:
            moved.append(kept.pop())
        back = first + [f for part in reversed(kept) for f in part] + last
        whole = KeepInFrame(width, height, back, mode="shrink")
        whole._bookmark = "How to contact us"  # type: ignore[attr-defined]
        inside: list[Any] = []
        if moved:
            only_address = len(moved) == 1 and bool(c.address)
            inside = [*self.heading("Where to find us" if only_address else "More contacts")]
            for part in reversed(moved):
                inside += part
        return [whole], inside

    def _logos(self) -> list[bytes]:
        return [png for png in (self.c.logo_png, self.c.programme_logo_png) if png]


def _height(flowables: list[Any], width: float) -> float:
    """How much of a frame these take, spacing included."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, 10_000)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total
