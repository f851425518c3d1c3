"""summary.xlsx: no cell, headers included, can run as a formula in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pledge_desktop.domain.questionnaire import AnswerType, Option, Question
from pledge_desktop.domain.results import CycleResults, QuestionCounts
from pledge_desktop.exchange.summary_xlsx import SiteCounts, write_summary_xlsx


def test_no_cell_becomes_a_formula(tmp_path: Path) -> None:
    question = Question(
        "=cmd",
        '=HYPERLINK("http://x.example")',
        AnswerType.SINGLE,
        (Option(1, "@SUM(A1)"), Option(2, "+44 phone")),
    )
    counts = QuestionCounts(
        1, question, 10, 0, 0, 0, ((question.options[0], 6), (question.options[1], 4))
    )
    site = "=RZZ01 -2026"
    path = tmp_path / "summary.xlsx"
    write_summary_xlsx(
        path,
        [("=Hospitals", 1), ("Surveys", 10)],
        CycleResults("all", 10, (counts,)),
        {site: SiteCounts(10, {"=cmd": counts})},
        small_number=8,
    )
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [c for c in cells if c.data_type == "f"]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
    assert "'=RZZ01 -2026 count" in texts and "'=RZZ01 -2026" in texts
    assert "'@SUM(A1)" in texts and "'=Hospitals" in texts
    numbers = [c.value for c in book["Headlines"]["B"] if isinstance(c.value, int)]
    assert numbers == [1, 10, 10]  # counts stay numbers
