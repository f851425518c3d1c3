"""The results report for a team meeting (A4): every question with its chart and base, the
change since the previous cycle, free-text comments, the themes heard in interviews and the
goals with their status. It is for the team: counts are exact, and the cover says so."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pledge_desktop.domain.goals import GoalCard
from pledge_desktop.domain.results import (
    CycleResults,
    QuestionCounts,
    ThemeGroup,
    compare,
    positive_codes,
)
from pledge_desktop.reports.charts import chart_for
from pledge_desktop.reports.pdf_style import BOLD, FONT, INK, PALE, Styles, escape, styles
from pledge_desktop.reports.results_summary import best_and_worst, overdue, real_changes

BODY = 12
MARGIN = 50


@dataclass(frozen=True)
class TeamReport:
    hospital: str
    results: CycleResults
    previous: CycleResults | None
    themes: tuple[tuple[str, int, int], ...]  # theme, interviews, passages
    goals: tuple[GoalCard, ...]
    comments_shown: int  # the most comments listed per question
    filter_note: str = ""
    goal_counts: tuple[tuple[str, str, int], ...] = ()  # term, status, goals (national)
    audience: str = "For the team only."
    response_rate: str = ""  # "60 of 150 patients (40 %) filled in our survey."
    # written answers grouped by interview theme, per question code (uncoded last, theme "")
    comment_themes: dict[str, tuple[ThemeGroup, ...]] = field(default_factory=dict)


def write_results_report(path: Path, report: TeamReport) -> int:
    """Write the report; returns its page count."""
    buffer = io.BytesIO()
    style = styles(BODY)
    doc = _ReportDoc(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 10,
        title=f"Survey results {report.results.cycle_label}: {report.hospital}",
        author=f"{report.hospital} breast care team",
        subject="Service Pledge results report for the team",
        creator="Pledge Desktop",
        lang="en-GB",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_footer(report))])
    doc.build(_Story(report, style).build())
    path.write_bytes(buffer.getvalue())
    return int(doc.page)


class _ReportDoc(BaseDocTemplate):
    def afterFlowable(self, flowable: Any) -> None:
        title = getattr(flowable, "_bookmark", None)
        if title:
            key = f"p{self.page}-{title}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)


def _footer(report: TeamReport) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 10)
        canvas.setFillColor(INK)
        canvas.drawString(
            MARGIN,
            MARGIN - 16,
            f"{report.hospital}: results {report.results.cycle_label}. {report.audience}",
        )
        canvas.drawRightString(A4[0] - MARGIN, MARGIN - 16, f"Page {doc.page}")
        canvas.restoreState()

    return draw


class _Story:
    def __init__(self, report: TeamReport, style: Styles) -> None:
        self.r = report
        self.s = style
        self.before = report.previous

    def p(self, text: str, style: Any = None) -> Paragraph:
        return Paragraph(escape(text), style or self.s.body)

    def heading(self, text: str) -> Paragraph:
        heading = self.p(text, self.s.h1)
        heading._bookmark = text  # type: ignore[attr-defined]
        return heading

    def build(self) -> list[Any]:
        results = self.r.results
        story: list[Any] = [
            self.heading(f"Survey results {results.cycle_label}"),
            self.p(self.r.hospital, self.s.big),
            self.p(
                f"{results.forms:,} forms typed in"
                + (f" ({self.r.filter_note})" if self.r.filter_note else "")
                + ". Percentages are of the people who answered each question (n); blanks, "
                "unreadable answers and skipped questions are counted apart. " + self.r.audience
            ),
        ]
        if self.before is not None:
            story.append(
                self.p(
                    f"Compared with {self.before.cycle_label} ({self.before.forms:,} forms): "
                    "a change is called real when both cycles have 30 or more answers and it "
                    "is unlikely to be chance (95% confidence)."
                )
            )
        story += [*self.summary(), PageBreak(), self.heading("Every question")]
        for counts in results.questions:
            story += self.question(counts)
        story += [PageBreak(), *self.themes(), *self.goals()]
        return story

    def summary(self) -> list[Any]:
        """The first page: the whole picture at a glance."""
        r = self.r
        story: list[Any] = [self.p("At a glance", self.s.h2)]
        if r.response_rate:
            story.append(self.p(f"Response rate: {r.response_rate}"))
        for counts in r.results.questions:
            if counts.mean is not None and counts.base:
                top = counts.per_cent(counts.count_of(positive_codes(counts.question)))
                story.append(
                    self.p(
                        f"{counts.question.text} Mean score {counts.mean:.1f} out of 10; "
                        f"{top:.0f}% gave 9 or 10 (n={counts.base:,})."
                    )
                )
        best, worst = best_and_worst(r.results)
        for title, scores in (("Best scoring", best), ("Lowest scoring", worst)):
            if scores:
                story.append(self.p(title, self.s.bold_tight))
                story += [
                    self.p(f"• {s.per_cent:.0f}% (n={s.base}) {s.number}. {s.text}", self.s.bullet)
                    for s in scores
                ]
        changes = real_changes(r.results, self.before)
        if self.before is not None:
            story.append(self.p(f"Real changes since {self.before.cycle_label}", self.s.bold_tight))
            story += [self.p(f"• {c}", self.s.bullet) for c in changes] or [
                self.p("None: no question changed by more than chance would explain.")
            ]
        late = overdue(r.goals)
        story.append(self.p("Goals past their target date", self.s.bold_tight))
        story += [self.p(f"• {g}", self.s.bullet) for g in late] or [self.p("None.")]
        return story

    def question(self, counts: QuestionCounts) -> list[Any]:
        title = self.p(f"{counts.number}. {counts.question.text}", self.s.h2)
        not_applying = "".join(f"{option.label}: {n:,}; " for option, n in counts.apart if n)
        apart = (
            f"n = {counts.base:,} answered. Apart: {not_applying}{counts.left_blank:,} left "
            f"blank, {counts.unreadable:,} unreadable, {counts.skipped:,} skipped."
        )
        if counts.mean is not None:
            apart += f" Mean score {counts.mean:.1f} out of 10."
        block: list[Any] = [title, self.p(apart)]
        chart = chart_for(counts, BODY - 1)
        if chart is not None:
            block += [chart, Spacer(1, 6)]
        if self.before is not None:
            then = self.before.question(counts.question.code)
            change = compare(then, counts) if then is not None else None
            if change is not None:
                block.append(self.p(f"Since {self.before.cycle_label}: {change.describe()}"))
        story: list[Any] = [KeepTogether(block)]
        groups = self.r.comment_themes.get(counts.question.code)
        if groups:
            return story + self.grouped_comments(groups)
        if counts.comments:
            shown = counts.comments[: self.r.comments_shown]
            story += [self.p(f"• {text}", self.s.bullet) for text in shown]
            more = counts.answered - len(shown)
            if more > 0:
                story.append(
                    self.p(f"… and {more:,} more comments: see Results in the app.", self.s.bold)
                )
        return story

    def grouped_comments(self, groups: tuple[ThemeGroup, ...]) -> list[Any]:
        """Written answers under the interview themes they are coded into, with counts; the
        answers not coded yet come last."""
        story: list[Any] = []
        for group in groups:
            many = len(group.answers)
            noun = "comment" if many == 1 else "comments"
            title = group.theme or "Not coded to a theme yet"
            story.append(self.p(f"{title}: {many:,} {noun}", self.s.bold_tight))
            shown = group.answers[: self.r.comments_shown]
            story += [self.p(f"• {text}", self.s.bullet) for text in shown]
            if many > len(shown):
                story.append(self.p(f"… and {many - len(shown):,} more: see Results in the app."))
        return story

    def themes(self) -> list[Any]:
        story: list[Any] = [self.heading("What we heard in interviews")]
        used = [t for t in self.r.themes if t[2]]
        if not used:
            return [*story, self.p("No interview passages have been coded to themes yet.")]
        rows = [["Theme", "Interviews", "Passages"]] + [
            [name, f"{interviews}", f"{passages}"] for name, interviews, passages in used
        ]
        return [*story, _table(rows, [260, 100, 100])]

    def goals(self) -> list[Any]:
        story: list[Any] = [Spacer(1, 12), self.heading("Our goals and how they stand")]
        if self.r.goal_counts:
            counted = [["Term", "Status", "Goals"]] + [
                [term, status.replace("_", " "), f"{n}"] for term, status, n in self.r.goal_counts
            ]
            return [*story, _table(counted, [160, 200, 100])]
        if not self.r.goals:
            return [*story, self.p("No goals yet for this cycle.")]
        cell = ParagraphStyle("cell", parent=self.s.tight, fontSize=BODY - 1, leading=BODY + 2)
        rows: list[list[Any]] = [["Term", "Goal", "Owner", "Target", "Status", "Latest progress"]]
        for card in self.r.goals:
            status = card.goal.status.label + (" (overdue)" if card.overdue else "")
            target = f"{card.goal.target_date:%d %b %Y}" if card.goal.target_date else ""
            rows.append(
                [
                    self.p(card.goal.term.label, cell),
                    self.p(card.goal.title, cell),
                    self.p(card.owner, cell),
                    self.p(target, cell),
                    self.p(status, cell),
                    self.p(card.latest.note if card.latest else "", cell),
                ]
            )
        return [*story, _table(rows, [52, 120, 70, 58, 70, 125])]


def _table(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, BODY - 1),
                ("FONT", (0, 0), (-1, 0), BOLD, BODY - 1),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(PALE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a8a8a")),
            ]
        )
    )
    return table
