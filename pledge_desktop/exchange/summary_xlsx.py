"""summary.xlsx of the national merge: headline figures, and each question's answers nationally
with a column pair per hospital. Below national level, counts from 1 to the small-number
threshold are shown as "fewer than N" and no percentage is given on a small base."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pledge_desktop.domain.results import CycleResults, QuestionCounts, SmallNumbers
from pledge_desktop.exchange.cells import safe_cell


@dataclass(frozen=True)
class SiteCounts:
    forms: int
    questions: dict[str, QuestionCounts]


def guarded(row: Iterable[object]) -> list[object]:
    """Every text cell through the spreadsheet guard (headers too: a site code or cycle label
    starting with = must not become a formula); numbers stay numbers."""
    return [safe_cell(cell) if isinstance(cell, str) else cell for cell in row]


class _GuardedSheet:
    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet

    def append(self, row: Iterable[object]) -> None:
        self._sheet.append(guarded(row))


def write_summary_xlsx(
    path: Path,
    headline: list[tuple[str, object]],
    national: CycleResults,
    per_site: dict[str, SiteCounts],
    small_number: int,
) -> None:
    from openpyxl import Workbook

    small = SmallNumbers(small_number)
    book = Workbook(write_only=True)
    sheet = _GuardedSheet(book.create_sheet("Headlines"))
    sheet.append(["Service Pledge national summary"])
    for label, value in headline:
        sheet.append([label, value])
    sheet.append([])
    sheet.append(["Surveys by hospital and cycle"])
    for site, site_counts in per_site.items():
        sheet.append([site, site_counts.forms])

    questions = _GuardedSheet(book.create_sheet("Questions"))
    sites = list(per_site)
    header = [
        "No.",
        "Question code",
        "Question",
        "Answer",
        "National n",
        "National count",
        "National %",
    ]
    for site in sites:
        header += [f"{site} count", f"{site} %"]
    questions.append(header)
    for counts in national.questions:
        if not counts.options:
            continue
        for option, count in counts.options:
            row: list[object] = [
                counts.number,
                counts.question.code,
                counts.question.text,
                option.label,
                counts.answered,
                count,
                round(counts.per_cent(count), 1) if counts.answered else None,
            ]
            for site in sites:
                here = per_site[site].questions.get(counts.question.code)
                tick = dict((o.code, n) for o, n in here.options).get(option.code, 0) if here else 0
                base = here.answered if here else 0
                row.append(small.count_text(tick) if small.is_small(tick) else tick)
                share = small.per_cent_text(tick, base)
                row.append(share or "")
            questions.append(row)
    book.save(str(path))
