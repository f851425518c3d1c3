"""The row-by-row XLSX writer: what a spreadsheet reads back is what was written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from pledge_desktop.exchange.xlsx_stream import XlsxBook, column_letter


def test_a_workbook_reads_back_with_its_numbers_words_and_percentages(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with XlsxBook(path) as book:
        first = book.sheet("Cycle 2026 & <more>")
        first.append(["Question", "Count", "%"])
        first.append(['Tom\'s "care" & <support>\x07', 12, 0.125], percent=[2])
        first.append([])
        first.append([None, 3, 7], percent=[2])  # a whole number is never a percentage
        wide = book.sheet("Wide")
        wide.append(list(range(30)))
    read = openpyxl.load_workbook(path)
    assert read.sheetnames == ["Cycle 2026 & <more>", "Wide"]
    sheet = read["Cycle 2026 & <more>"]
    assert sheet["A2"].value == 'Tom\'s "care" & <support>'  # no character XML forbids
    assert sheet["B2"].value == 12 and sheet["C2"].value == 0.125
    assert sheet["C2"].number_format == "0.0%"
    assert sheet["A4"].value is None and sheet["B4"].value == 3
    assert sheet["C4"].number_format == "General"
    assert [c.value for c in read["Wide"][1]] == list(range(30))
    assert read["Wide"]["AD1"].value == 29
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert "[Content_Types].xml" in archive.namelist()


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
