"""The "You said, we are doing" poster for the clinic waiting room (A4 or A3, portrait): what
patients told us beside what the team is doing about it. It says "we did" only once a goal is
achieved; it carries the date, the hospital's logo and a number to ring."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.platypus import (
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pledge_desktop.reports.booklet_pages import image
from pledge_desktop.reports.pdf_style import ACCENT, PALE, escape, styles

SIZES = {"A4": (A4, 16.0), "A3": (A3, 22.0)}


@dataclass(frozen=True)
class PosterRow:
    you_said: str
    we_did: str  # "Under way: …" or "Done: …"
    achieved: bool | None = None  # None: read from we_did ("Done: …")

    @property
    def done(self) -> bool:
        return self.we_did.startswith("Done") if self.achieved is None else self.achieved


@dataclass(frozen=True)
class Poster:
    hospital: str
    cycle_label: str
    rows: tuple[PosterRow, ...]
    fictional: bool = False
    updated: str = ""  # "March 2026": printed as "Updated March 2026"
    logo_png: bytes | None = None
    phone: str = ""  # the breast care nurses' number, in the call to action

    @property
    def title(self) -> str:
        return (
            "You said, we did"
            if self.rows and all(r.done for r in self.rows)
            else ("You said, we are doing")
        )


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
        title=f"{poster.title}: {poster.hospital} {poster.cycle_label}",
        author=f"{poster.hospital} breast care team",
        subject="Service Pledge poster for the clinic waiting room",
        creator="Pledge Desktop",
        lang="en-GB",
    )
    story: list = []
    if poster.logo_png:
        story += [image(poster.logo_png, 200, body * 5), Spacer(1, body * 0.5)]
    doing = "what we did" if poster.title.endswith("did") else "what we are doing about it"
    story += [
        Paragraph(poster.title, style.title),
        Paragraph(escape(f"{poster.hospital}: breast care service", bold=True), style.big),
        Paragraph(
            "Every year we ask patients about their care, and agree goals with them to make "
            f"it better. Here is what you told us, and {doing}.",
            style.body,
        ),
    ]
    if poster.updated:
        story.append(Paragraph(escape(f"Updated {poster.updated}"), style.bold))
    story.append(Spacer(1, body * 0.5))
    header = "We did" if poster.title.endswith("did") else "We are doing"
    rows = [[Paragraph("You said", style.h2), Paragraph(header, style.h2)]]
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
    ask = "Ask your breast care nurse how you can help shape our service"
    if poster.phone:
        ask += f", or ring us on {poster.phone}"
    story += [Spacer(1, body), Paragraph(escape(ask + ".", bold=True), style.bold)]
    # a poster is one page: a long one is set a little smaller rather than run over
    doc.build([KeepInFrame(doc.width, doc.height, story, mode="shrink")])
    path.write_bytes(buffer.getvalue())
