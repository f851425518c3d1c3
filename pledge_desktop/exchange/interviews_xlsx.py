"""Quotes and coded passages, with the interviews' attributes, as a spreadsheet (XLSX)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pledge_desktop.exchange.cells import safe_cell


@dataclass(frozen=True)
class PassageRow:
    pseudonym: str
    interview_date: str
    setting: str
    stages: str
    themes: str
    passage: str
    memo: str
    quote: str  # "" unless chosen as a quote
    attributed_to: str
    approved: str


HEADERS = (
    "Interview",
    "Date",
    "Setting",
    "Stages",
    "Themes",
    "Passage",
    "Memo",
    "Quote as printed",
    "Attributed to",
    "Approved for the booklet",
)


def write_passages(rows: Sequence[PassageRow], path: Path) -> None:
    """Write the workbook to `path` (via a temporary file, so a failed write leaves nothing)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Coded passages"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in vars(row).values()])
    for column, width in zip("ABCDEFGHIJ", (10, 12, 10, 24, 28, 70, 30, 60, 24, 12), strict=True):
        sheet.column_dimensions[column].width = width
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
