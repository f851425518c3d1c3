"""summary.xlsx: no cell, headers included, can run as a formula in a spreadsheet; counts and
percentages stay numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pledge_desktop.domain.national import (
    CycleTables,
    NationalSummary,
    ResponseRate,
    publish_question,
)
from pledge_desktop.exchange.summary_xlsx import write_summary_xlsx


def test_no_cell_becomes_a_formula(tmp_path: Path) -> None:
    site = "=RZZ01 -2026"
    question = publish_question(
        "=cmd",
        "=cmd",
        '=HYPERLINK("http://x.example")',
        "single_choice",
        [site, "RYY01 2026"],
        ["@SUM(A1)", "+44 phone"],
        [{"answered": 20}, {"answered": 30}],
        [[12, 8], [15, 15]],
        threshold=8,
    )
    summary = NationalSummary(
        headline=(("=Hospitals", 2), ("Surveys", 50)),
        response_rates=(ResponseRate(site, 20, 40),),
        cycles=(CycleTables("=2026", (site, "RYY01 2026"), 2, 50, (question,)),),
        conformance=(("=2026", site, "=cmd", "reworded", "-x", "y", "=cmd__v2"),),
        goal_categories=(),
        themes=(),
        threshold=8,
    )
    path = tmp_path / "summary.xlsx"
    write_summary_xlsx(path, summary)
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [c for c in cells if c.data_type == "f"]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
    assert "'=RZZ01 -2026 count" in texts and "'=RZZ01 -2026" in texts
    assert "'@SUM(A1)" in texts and "'=Hospitals" in texts
    numbers = [c.value for c in book["Headlines"]["B"] if isinstance(c.value, int)]
    assert numbers[:2] == [2, 50]  # counts stay numbers
    rate = next(c for c in book["Headlines"]["D"] if isinstance(c.value, float))
    assert rate.value == 0.5 and rate.number_format == "0.0%"
