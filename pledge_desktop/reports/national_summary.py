"""summary.pdf of the national merge: the headline figures and response rates, then each cycle
on its own (never pooled with another), question by question with its whole base, and the
questionnaire conformance of every hospital. Each hospital's own figures are in summary.xlsx.

The footer is cut to the room left beside the page number, so the two never overlap."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from pledge_desktop.domain.national import (
    BASE_LABELS,
    BASE_ROWS,
    MEN_COLUMNS,
    MEN_NOTE,
    CycleTables,
    Figure,
    NationalSummary,
    PublishedQuestion,
    plural,
)
from pledge_desktop.reports.pdf_style import ACCENT, FONT, INK, PALE, canvas_text, escape, styles

MARGIN = 50
FOOTER_PT = 9
GAP = 18  # points between the footer's end and the page number
HELD = "held back"
CHANGES = {
    "reworded": "reworded",
    "re-coded": "re-coded",
    "added": "added",
    "missing": "missing",
    "defined differently": "defined differently",
}


def footer_text(text: str, room: float, size: float = FOOTER_PT) -> str:
    """`text` cut (with an ellipsis) to fit in `room` points."""
    if stringWidth(text, FONT, size) <= room:
        return text
    while text and stringWidth(text + "…", FONT, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def write_national_summary(path: Path, summary: NationalSummary) -> int:
    """Write the PDF; returns its page count."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 10,
        title="Service Pledge national summary",
        author="The Service Pledge charity",
        creator="Pledge Desktop",
        lang="en-GB",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_footer(summary))])
    doc.build(_story(summary))
    path.write_bytes(buffer.getvalue())
    return int(doc.page)


def _footer(summary: NationalSummary) -> Any:
    hospitals = dict(summary.headline).get("Hospitals", 0)
    words = (
        f"Service Pledge national summary: {plural(hospitals, 'hospital')}. Counts under "
        f"{summary.threshold} are held back; each hospital's figures are in summary.xlsx."
    )

    def draw(canvas: Any, doc: Any) -> None:
        number = f"Page {doc.page}"
        right = A4[0] - MARGIN
        room = right - stringWidth(number, FONT, FOOTER_PT) - GAP - MARGIN
        canvas.saveState()
        canvas.setFont(FONT, FOOTER_PT)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN, MARGIN - 16, canvas_text(footer_text(words, room)))
        canvas.drawRightString(right, MARGIN - 16, number)
        canvas.restoreState()

    return draw


def _story(summary: NationalSummary) -> list[Any]:
    style = styles(10)
    story: list[Any] = [Paragraph(escape("Service Pledge national summary"), style.title)]
    story.append(
        _table([["", ""], *[[label, f"{value:,}"] for label, value in summary.headline]], style)
    )
    story.append(Paragraph(escape("Response rates"), style.h2))
    rates = [["", "Response"]]
    rates += [[rate.label, rate.describe()] for rate in summary.response_rates]
    story.append(_table(rates, style))
    for note in summary.notes:
        story.append(Paragraph(escape(note), style.body))
    for cycle in summary.cycles:
        story += _cycle(cycle, summary, style)
    story += _conformance(summary, style)
    story += _men(summary, style)
    story += _coded(summary, style)
    return story


def _men(summary: NationalSummary, style: Any) -> list[Any]:
    """Men's answers pooled nationally (men_national.csv), naming no hospital."""
    if not summary.men:
        return []
    story: list[Any] = [
        Paragraph(escape("Men's experience nationally"), style.h1),
        Paragraph(escape(MEN_NOTE), style.body),
    ]
    for row in summary.men:
        if not row[1]:  # a cycle with too few men, or men from too few hospitals, to show
            sentence = (
                f"Cycle {row[0]}: too few men, or men from too few hospitals, to show their "
                f"answers (at least {summary.threshold} men from at least 3 hospitals are needed)."
            )
            story.append(Paragraph(escape(sentence), style.body))
    rows = [list(MEN_COLUMNS), *[list(row) for row in summary.men if row[1]]]
    if len(rows) > 1:
        story.append(_table(rows, style))
    return story


def _cycle(cycle: CycleTables, summary: NationalSummary, style: Any) -> list[Any]:
    heading = (
        f"Cycle {cycle.cycle}: {plural(cycle.forms, 'form')} from "
        f"{plural(cycle.hospitals, 'hospital')}"
    )
    story: list[Any] = [Paragraph(escape(heading), style.h1)]
    story.append(
        Paragraph(
            escape(
                f"Figures of this cycle only, never added to another cycle's. “{HELD}”: a count "
                f"under {summary.threshold}, or one hidden so that such a count cannot be worked "
                "out from the totals."
            ),
            style.body,
        )
    )
    for question in cycle.questions:
        story.append(KeepTogether(_question(question, style)))
    return story


def _count(figure: Figure) -> str:
    return HELD if figure.count is None else f"{figure.count:,}"


def _share(figure: Figure) -> str:
    return "" if figure.share is None else f"{100 * figure.share:.0f}%"


def _question(question: PublishedQuestion, style: Any) -> list[Any]:
    title = f"{question.code}: {question.text}"
    if question.column != question.code:
        title += (
            f" (asked differently: {question.column}, {plural(len(question.sites), 'hospital')})"
        )
    parts: list[Any] = [Paragraph(escape(title), style.h2)]
    base = [["Whole base", "Forms"]]
    base += [
        [BASE_LABELS[token], _count(question.base_national(row))]
        for row, token in enumerate(BASE_ROWS)
    ]
    parts.append(_table(base, style))
    if question.not_drawn:
        parts.append(Paragraph(escape(question.not_drawn), style.body))
    if question.answers:
        rows = [["Answer", "Forms", "Per cent of those answering"]]
        for i, answer in enumerate(question.answers):
            figure = question.national(i)
            rows.append([answer, _count(figure), _share(figure)])
        parts.append(_table(rows, style))
    return parts


def _conformance(summary: NationalSummary, style: Any) -> list[Any]:
    story: list[Any] = [Paragraph(escape("Questionnaire conformance"), style.h1)]
    if not summary.conformance:
        text = "Every hospital asked every question of its cycle in the same words and codes."
        return [*story, Paragraph(escape(text), style.body)]
    story.append(
        Paragraph(
            escape(
                "A question is pooled only over hospitals that asked it the same way. These "
                "hospitals' questions differ from what most hospitals of the cycle asked:"
            ),
            style.body,
        )
    )
    rows = [["Cycle", "Hospital", "Question", "Change", "This hospital asked"]]
    for cycle, site, code, change, theirs, _usual, _column in summary.conformance:
        rows.append([cycle, site, code, CHANGES.get(change, change), theirs])
    story.append(_table(rows, style, widths=[50, 60, 90, 80, None]))
    return story


def _coded(summary: NationalSummary, style: Any) -> list[Any]:
    story: list[Any] = []
    if summary.goal_categories:
        story.append(Paragraph(escape("Goals by national category"), style.h1))
        rows = [["Category", "Goals", "Hospitals"]]
        rows += [[c.label, f"{c.count:,}", f"{c.hospitals:,}"] for c in summary.goal_categories]
        story.append(_table(rows, style))
    if summary.themes:
        story.append(Paragraph(escape("Interview themes by national code"), style.h1))
        rows = [["Theme", "Interviews", "Hospitals"]]
        for c in summary.themes:
            shown = f"{c.count:,}" if c.count >= summary.threshold else summary.small_text()
            rows.append([c.label, shown, f"{c.hospitals:,}"])
        story.append(_table(rows, style))
    return story


def _table(rows: list[list[str]], style: Any, widths: list[Any] | None = None) -> Table:
    cells = [
        [
            Paragraph(escape(str(cell)), style.tight) if len(str(cell)) > 60 else canvas_text(cell)
            for cell in row
        ]
        for row in rows
    ]
    table = Table(cells, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(INK)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(PALE)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor(ACCENT)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table
