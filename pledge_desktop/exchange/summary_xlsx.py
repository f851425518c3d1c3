"""summary.xlsx of the national merge: headline figures and response rates, then one sheet per
cycle (never pooled across cycles) with each question's whole base and answers, nationally and
for each hospital, and a sheet of questionnaire conformance.

Percentages are numbers with a percent format. A count that could expose a patient, or that
would let one be worked out by subtraction, reads "held back"; a question with more than a
fifth of its answers held back has no percentages, and says why. Every text cell goes through
the spreadsheet guard (headers too: a site code starting with = never becomes a formula)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from pledge_desktop.domain.national import (
    BASE_LABELS,
    BASE_ROWS,
    MEN_COLUMNS,
    MEN_NOTE,
    CycleTables,
    Figure,
    NationalSummary,
)
from pledge_desktop.exchange.cells import safe_cell
from pledge_desktop.exchange.merge_conformance import CONFORMANCE_HEADER
from pledge_desktop.exchange.xlsx_stream import XlsxBook

HELD = "held back"


def guarded(row: Iterable[object]) -> list[object]:
    """Every text cell through the spreadsheet guard; numbers stay numbers."""
    return [safe_cell(cell) if isinstance(cell, str) else cell for cell in row]


class _Sheet:
    def __init__(self, book: XlsxBook, title: str) -> None:
        self._sheet = book.sheet(title)

    def append(self, row: Iterable[object], percent: Iterable[int] = ()) -> None:
        self._sheet.append(guarded(row), percent)


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    title = re.sub(r"[\[\]:*?/\\']", "-", text)[:31] or "Sheet"
    base, n = title, 2
    while title.lower() in taken:
        title = f"{base[:27]} ({n})"
        n += 1
    taken.add(title.lower())
    return title


def write_summary_xlsx(path: Path, summary: NationalSummary) -> None:
    with XlsxBook(path) as book:
        taken: set[str] = set()
        head = _Sheet(book, sheet_title("Headlines", taken))
        head.append(["Service Pledge national summary"])
        for label, value in summary.headline:
            head.append([label, value])
        head.append([])
        head.append(["Response rates", "Forms returned", "Forms handed out", "Response rate"])
        for rate in summary.response_rates:
            head.append([rate.label, rate.returned, rate.handed_out, rate.rate], percent=[3])
        head.append([])
        head.append(["Goals by national category", "Goals", "Hospitals"])
        for item in summary.goal_categories:
            head.append([item.label, item.count, item.hospitals])
        head.append([])
        head.append(["Interview themes by national code", "Interviews", "Hospitals"])
        for item in summary.themes:
            shown: object = item.count if item.count >= summary.threshold else summary.small_text()
            head.append([item.label, shown, item.hospitals])
        head.append([])
        head.append(
            [
                f"“{HELD}”: a count under {summary.threshold}, or one hidden so that a count under "
                f"{summary.threshold} cannot be worked out from the totals."
            ]
        )
        for note in summary.notes:
            head.append([note])
        for cycle in summary.cycles:
            _cycle_sheet(_Sheet(book, sheet_title(f"Cycle {cycle.cycle}", taken)), cycle)
        sheet = _Sheet(book, sheet_title("Conformance", taken))
        sheet.append(CONFORMANCE_HEADER)
        for row in summary.conformance:
            sheet.append(row)
        if summary.men:
            men = _Sheet(book, sheet_title("Men nationally", taken))
            men.append([MEN_NOTE])
            men.append(list(MEN_COLUMNS))
            for row in summary.men:
                counts = [int(cell) if cell.isdigit() else cell for cell in row[3:]]
                men.append([*row[:3], *counts])


def _cell(figure: Figure) -> object:
    return HELD if figure.count is None else figure.count


def _cycle_sheet(sheet: _Sheet, cycle: CycleTables) -> None:
    sheet.append([f"Cycle {cycle.cycle}: {cycle.forms:,} forms from {len(cycle.sites)} pledges"])
    header: list[object] = ["Question", "Code", "Column", "Row", "National count", "National %"]
    sites = list(cycle.sites)
    for site in sites:
        header += [f"{site} count", f"{site} %"]
    sheet.append(header)
    width = len(header)
    percent = [5, *range(7, width, 2)]
    for question in cycle.questions:
        where = {site: j for j, site in enumerate(question.sites)}
        lead = [question.text, question.code, question.column]
        for row, token in enumerate(BASE_ROWS):
            line: list[object] = [
                *lead,
                BASE_LABELS[token],
                _cell(question.base_national(row)),
                None,
            ]
            for site in sites:
                j = where.get(site)
                line += (
                    ["not asked", None] if j is None else [_cell(question.base_site(row, j)), None]
                )
            sheet.append(line)
        if question.not_drawn:
            sheet.append([*lead, question.not_drawn])
        for i, answer in enumerate(question.answers):
            national = question.national(i)
            line = [*lead, answer, _cell(national), national.share]
            for site in sites:
                j = where.get(site)
                if j is None:
                    line += ["not asked", None]
                    continue
                figure = question.site(i, j)
                line += [_cell(figure), figure.share]
            sheet.append(line, percent=percent)
