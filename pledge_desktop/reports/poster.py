"""The "You said, we did" poster for the clinic waiting room (A4 or A3, portrait): what patients
told us beside what the team did about it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pledge_desktop.reports.pdf_style import ACCENT, PALE, escape, styles

SIZES = {"A4": (A4, 16.0), "A3": (A3, 22.0)}


@dataclass(frozen=True)
class PosterRow:
    you_said: str
    we_did: str


@dataclass(frozen=True)
class Poster:
    hospital: str
    cycle_label: str
    rows: tuple[PosterRow, ...]
    fictional: bool = False


def write_poster(path: Path, poster: Poster, size: str = "A4") -> None:
    page, body = SIZES[size]
    style = styles(body)
    margin = body * 2.5
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"You said, we did: {poster.hospital} {poster.cycle_label}",
        author=f"{poster.hospital} breast care team",
        subject="Service Pledge poster for the clinic waiting room",
        creator="Pledge Desktop",
        lang="en-GB",
    )
    story: list = [
        Paragraph("You said, we did", style.title),
        Paragraph(escape(f"{poster.hospital}: breast care service"), style.big),
        Paragraph(
            "Every year we ask patients about their care, and agree goals with them to make "
            "it better. Here is what you told us, and what we did.",
            style.body,
        ),
        Spacer(1, body),
    ]
    rows = [[Paragraph("You said", style.h2), Paragraph("We did", style.h2)]]
    for row in poster.rows:
        rows.append(
            [Paragraph(escape(row.you_said), style.body), Paragraph(escape(row.we_did), style.body)]
        )
    width = page[0] - 2 * margin
    table = Table(rows, colWidths=[width / 2, width / 2], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(PALE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 1, colors.HexColor(ACCENT)),
                ("LEFTPADDING", (0, 0), (-1, -1), body * 0.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), body * 0.5),
                ("TOPPADDING", (0, 0), (-1, -1), body * 0.4),
            ]
        )
    )
    story.append(table)
    if poster.fictional:
        story += [
            Spacer(1, body),
            Paragraph("A fictional demo poster: nothing in it is real.", style.body),
        ]
    story += [
        Spacer(1, body),
        Paragraph("Ask your breast care nurse how you can help shape our service.", style.bold),
    ]
    doc.build(story)
    path.write_bytes(buffer.getvalue())
