"""Quotes and coded passages, with the interviews' attributes, as a spreadsheet (XLSX).

The spreadsheet may leave the hospital (to a researcher, to the charity), so it holds only what
may: each interview is known by a number of this spreadsheet's own, never by the team's code for
it; the memos stay in the app; and the words that may leave pass through the privacy gate before
they are written here (see services/interviews/spreadsheet.py). Each column says which column of
the database it comes from, so the gate can tell which cells to read from the one
classification of text columns (db/text_classes.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from pledge_desktop.exchange.cells import safe_cell


@dataclass(frozen=True)
class PassageRow:
    interview: str  # "Interview 3": numbered for this spreadsheet only, in no telling order
    month: str  # the month of the interview, not the day
    setting: str
    stages: str
    themes: str
    passage: str
    quote: str  # "" unless chosen as a quote
    attributed_to: str
    approved: str


HEADERS = (
    "Interview",
    "Month",
    "Setting",
    "Stages",
    "Themes",
    "Passage",
    "Quote as printed",
    "Attributed to",
    "Approved for the booklet",
)

# where each column's words come from ("table.column"); "" for the app's own words
SOURCES: dict[str, str] = {
    "interview": "",
    "month": "",
    "setting": "interview.setting",
    "stages": "interview.stages",
    "themes": "theme.name",
    "passage": "coded_passage.text",
    "quote": "quote.wording",
    "attributed_to": "quote.attributed_to",
    "approved": "",
}
WIDTHS = (11, 12, 10, 24, 28, 70, 60, 24, 12)


def columns() -> list[str]:
    return [spec.name for spec in fields(PassageRow)]


def write_passages(rows: Sequence[PassageRow], path: Path) -> None:
    """Write the workbook to `path` (via a temporary file, so a failed write leaves nothing)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Coded passages"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in vars(row).values()])
    for number, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    partial = path.with_name(path.name + ".partial")
    try:
        book.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
