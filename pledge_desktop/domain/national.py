"""National figures the charity can publish without misleading anyone or exposing a patient.

Each question of one cycle becomes two tables of counts, hospitals across:

- its **base**: for every hospital, how many forms answered it, left it blank, were unreadable,
  skipped it as the form said, had the answer held back by k-anonymity (`suppressed`) or had a
  written answer not sent (`withheld`). Every distribution is shown with its whole base.
- its **answers**: for every hospital, how many forms ticked each answer.

Both are published with their totals (national counts, hospitals' numbers), so small counts
are hidden together with enough others that none can be worked out by subtraction
(`protect_small_counts`). When more than a fifth of a question's answers were held back, its
percentages are not drawn at all (nationally, or for that hospital): a distribution drawn from
the survivors would mislead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from pledge_desktop.domain.suppression import (
    TOTAL,
    CountTable,
    HiddenCells,
    Margins,
    protect_small_counts,
    recover_by_subtraction,
)

BASE_ROWS = ("answered", "blank", "unreadable", "skipped", "suppressed", "withheld", "banded")
BASE_LABELS = {
    "answered": "Answered",
    "blank": "Left blank",
    "unreadable": "Could not be read",
    "skipped": "Skipped, as the form said",
    "suppressed": "Held back to protect patients (k-anonymity)",
    "withheld": "Written answer not sent",
    # an answer the data policy sent as a broader band (such as "50 to 69" for an age): counted
    # here, with the bands themselves in the merged package's bands table
    "banded": "Sent in a broader band",
}
HELD_BACK = ("suppressed", "withheld")
MOST_HELD_BACK = 0.2  # more than this share of answers held back: no percentages drawn
CHOICE_KINDS = ("single_choice", "multiple_choice", "agreement_scale", "yes_no_na")


@dataclass(frozen=True)
class Figure:
    """One published cell: the count (None when held back) and its share (None when no
    percentage is drawn), as a fraction of 1."""

    count: int | None
    share: float | None = None


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 hospital", "2 hospitals" (the number written with thousands separators)."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def held_back_reason(held: int, asked: int) -> str | None:
    """Why a question's percentages are not drawn, or None when they can be."""
    if asked and held / asked > MOST_HELD_BACK:
        return (
            f"Percentages are not drawn: {held:,} of {asked:,} answers "
            f"({round(100 * held / asked)}%) were held back to protect patients or not sent, so "
            "the answers left would not stand for everyone who replied."
        )
    return None


@dataclass(frozen=True)
class PublishedQuestion:
    """One question of one cycle, as published: national figures and each hospital's.

    For a question with one answer per form, the answers and the ways of not answering make
    one table (their counts add up to the forms asked, which are published): the number
    answering is shown only where it follows from figures already shown. For multiple choice
    (a form may tick several answers) the base and the answers are two tables."""

    column: str  # the merged responses column (the code, or the code of a variant)
    code: str
    text: str
    kind: str
    sites: tuple[str, ...]  # "SITE CYCLE" of each hospital asked it, in order
    answers: tuple[str, ...]  # answer labels (none for number, date and written questions)
    base: CountTable  # joined: answers then BASE_ROWS[1:]; otherwise BASE_ROWS
    base_hidden: HiddenCells
    counts: CountTable  # joined: the same table as base; otherwise the answers
    counts_hidden: HiddenCells
    not_drawn: str | None  # nationally: why no percentages, or None
    site_not_drawn: tuple[bool, ...]  # per site: more than a fifth held back there
    threshold: int
    joined: bool = False
    answered_known: tuple[bool, ...] = ()  # joined: per site, then nationally

    # --- the base -------------------------------------------------------------------------
    def _base_row(self, row: int) -> int:
        return len(self.answers) + row - 1 if self.joined else row

    def base_national(self, row: int) -> Figure:
        if self.joined and row == 0:
            if not self.answered_known[-1]:  # shown only where it follows from what is shown
                return Figure(None)
            return Figure(sum(self.base.margins.rows[: len(self.answers)]))
        at = self._base_row(row)
        hidden = (at, TOTAL) in self.base_hidden.cells
        return Figure(None if hidden else self.base.margins.rows[at])

    def base_site(self, row: int, site: int) -> Figure:
        if self.joined and row == 0:
            if not self.answered_known[site]:
                return Figure(None)
            return Figure(sum(self.base.counts[i][site] for i in range(len(self.answers))))
        at = self._base_row(row)
        hidden = self.base_hidden.is_hidden(at, site)
        return Figure(None if hidden else self.base.counts[at][site])

    def asked(self, site: int | None = None) -> int:
        """Forms that were asked this question (the base's whole)."""
        if site is None:
            return self.base.margins.grand
        return self.base.margins.columns[site]

    def answered_shown(self, site: int | None = None) -> int | None:
        if site is None:
            return self.base_national(0).count
        return self.base_site(0, site).count

    # --- the answers ----------------------------------------------------------------------
    def national(self, row: int) -> Figure:
        if (row, TOTAL) in self.counts_hidden.cells:
            return Figure(None)
        count = self.counts.margins.rows[row]
        base = self.answered_shown()
        share = None
        if self.not_drawn is None and base:
            share = count / base
        return Figure(count, share)

    def site(self, row: int, site: int) -> Figure:
        if self.counts_hidden.is_hidden(row, site):
            return Figure(None)
        count = self.counts.counts[row][site]
        base = self.answered_shown(site)
        share = None
        if (
            base is not None
            and base >= self.threshold
            and self.not_drawn is None
            and not self.site_not_drawn[site]
        ):
            share = count / base
        return Figure(count, share)

    # --- proof ----------------------------------------------------------------------------
    def recoverable(self) -> dict[str, dict[tuple[int, int], int]]:
        """What an attacker can work out from the published figures (empty when safe)."""
        found: dict[str, dict[tuple[int, int], int]] = {}
        tables = [("base", self.base, self.base_hidden.cells)]
        if not self.joined and self.answers:
            tables.append(("answers", self.counts, self.counts_hidden.cells))
        for name, table, hidden in tables:
            if hidden:
                got = recover_by_subtraction(table.counts, hidden, table.margins)
                if got:
                    found[name] = got
        return found


def publish_question(
    column: str,
    code: str,
    text: str,
    kind: str,
    sites: Sequence[str],
    answers: Sequence[str],
    base: Sequence[Mapping[str, int]],  # per site: BASE_ROWS token → forms
    ticks: Sequence[Sequence[int]],  # per site: forms ticking each answer
    threshold: int,
) -> PublishedQuestion:
    """A question's tables with small counts, and what would give them away, hidden."""
    n = range(len(sites))
    joined = bool(answers) and kind != "multiple_choice"
    answer_counts = tuple(tuple(int(ticks[j][i]) for j in n) for i in range(len(answers)))
    ways = BASE_ROWS[1:] if joined else BASE_ROWS
    base_counts = tuple(tuple(int(base[j].get(row, 0)) for j in n) for row in ways)
    if joined:
        rows = (*answers, *ways)
        table = _Counts(tuple(rows), tuple(sites), answer_counts + base_counts)
        hidden = _protect(table, threshold)
        base_table, base_hidden, counts_table, counts_hidden = table, hidden, table, hidden
    else:
        base_table = _Counts(tuple(ways), tuple(sites), base_counts)
        base_hidden = _protect(base_table, threshold)
        counts_table = _Counts(tuple(answers), tuple(sites), answer_counts)
        counts_hidden = _protect(counts_table, threshold)
    held = [sum(base[j].get(t, 0) for t in HELD_BACK) for j in n]
    replied = [held[j] + base[j].get("answered", 0) + base[j].get("banded", 0) for j in n]
    return PublishedQuestion(
        column,
        code,
        text,
        kind,
        tuple(sites),
        tuple(answers),
        base_table,
        base_hidden,
        counts_table,
        counts_hidden,
        held_back_reason(sum(held), sum(replied)),
        tuple(held_back_reason(h, r) is not None for h, r in zip(held, replied, strict=True)),
        threshold,
        joined,
        _answered_known(base_table, base_hidden, len(answers)) if joined else (),
    )


def _answered_known(table: CountTable, hidden: HiddenCells, answers: int) -> tuple[bool, ...]:
    """Whether each hospital's number answering (and the national one, last) follows from the
    published figures by subtraction: then it is shown, as it tells nothing new; otherwise it
    is held back. Worked on the table with the answers added up into one row."""
    n_sites, n_ways = len(table.columns), len(table.rows) - answers
    margins = table.margins
    grid: dict[tuple[int, int], int | None] = {}  # (row, column), -1 the total; None unknown
    for j in range(n_sites):
        seen = not any(hidden.is_hidden(i, j) for i in range(answers))
        grid[(0, j)] = sum(table.counts[i][j] for i in range(answers)) if seen else None
        for w in range(n_ways):
            hid = hidden.is_hidden(answers + w, j)
            grid[(w + 1, j)] = None if hid else table.counts[answers + w][j]
        grid[(TOTAL, j)] = None if (TOTAL, j) in hidden.cells else margins.columns[j]
    seen = not any((i, TOTAL) in hidden.cells for i in range(answers))
    grid[(0, TOTAL)] = sum(margins.rows[:answers]) if seen else None
    for w in range(n_ways):
        hid = (answers + w, TOTAL) in hidden.cells
        grid[(w + 1, TOTAL)] = None if hid else margins.rows[answers + w]
    grid[(TOTAL, TOTAL)] = None if (TOTAL, TOTAL) in hidden.cells else margins.grand
    lines = [[(i, j) for j in [*range(n_sites), TOTAL]] for i in range(n_ways + 1)]
    lines += [[(i, j) for i in [*range(n_ways + 1), TOTAL]] for j in [*range(n_sites), TOTAL]]
    changed = True
    while changed:
        changed = False
        for line in lines:
            open_cells = [cell for cell in line if grid[cell] is None]
            if len(open_cells) == 1:  # the line's total less its other cells
                cell, total = open_cells[0], line[-1]
                others = sum(grid[c] or 0 for c in line[:-1])
                grid[cell] = others if cell == total else (grid[total] or 0) - others
                changed = True
    return (*(grid[(0, j)] is not None for j in range(n_sites)), grid[(0, TOTAL)] is not None)


class _Counts(CountTable):
    """A table of counts whose totals are added up once, not at every look."""

    @cached_property
    def margins(self) -> Margins:  # type: ignore[override]
        return CountTable.margins.fget(self)  # type: ignore[attr-defined,no-any-return]


def _protect(table: CountTable, threshold: int) -> HiddenCells:
    if not table.rows or not table.columns:
        return HiddenCells(frozenset(), frozenset())
    try:
        return protect_small_counts(table, threshold)
    except ValueError:  # no way to protect a cell by others: hide every non-zero count
        every = {
            (i, j) for i, row in enumerate(table.counts) for j, count in enumerate(row) if count
        }
        margins = {(i, TOTAL) for i in range(len(table.rows))}
        margins |= {(TOTAL, j) for j in range(len(table.columns))} | {(TOTAL, TOTAL)}
        small = {c for c in every if 0 < table.value(c) < threshold}
        return HiddenCells(frozenset(small), frozenset((every | margins) - small))


@dataclass(frozen=True)
class ResponseRate:
    """Forms returned out of forms handed out (None when the package did not say)."""

    label: str  # "RZZ01 2026", or "All hospitals 2026"
    returned: int
    handed_out: int | None

    @property
    def rate(self) -> float | None:
        return self.returned / self.handed_out if self.handed_out else None

    def describe(self) -> str:
        if not self.handed_out:
            return f"{plural(self.returned, 'form')} returned (forms handed out not given)"
        return (
            f"{self.returned:,} of {plural(self.handed_out, 'form')} handed out came back "
            f"({round(100 * self.returned / self.handed_out)}%)"
        )


@dataclass(frozen=True)
class CycleTables:
    """One cycle's national tables: never pooled with another cycle's."""

    cycle: str
    sites: tuple[str, ...]
    hospitals: int
    forms: int
    questions: tuple[PublishedQuestion, ...]


@dataclass(frozen=True)
class CodedCount:
    """Goals in a national category, or interviews touching a national theme."""

    code: str
    label: str
    count: int
    hospitals: int


MEN_COLUMNS = (
    "Cycle", "Question column", "Answer", "Men", "Men answering", "Men pooled", "Hospitals"
)  # fmt: skip
MEN_NOTE = (
    "Men's answers pooled over every hospital of the cycle, naming no hospital: only men whose "
    "sex travelled in their hospital's package count; small counts are held back."
)



@dataclass(frozen=True)
class NationalSummary:
    headline: tuple[tuple[str, int], ...]
    response_rates: tuple[ResponseRate, ...]  # nationally per cycle first, then per site
    cycles: tuple[CycleTables, ...]
    conformance: tuple[tuple[str, ...], ...]  # rows of conformance.csv, without its header
    goal_categories: tuple[CodedCount, ...]
    themes: tuple[CodedCount, ...]
    threshold: int
    notes: tuple[str, ...] = ()
    # rows of men_national.csv (cycle, question column, answer, count, men answering, men,
    # hospitals): men's answers pooled nationally, naming no hospital
    men: tuple[tuple[str, ...], ...] = ()

    def small_text(self) -> str:
        return f"fewer than {self.threshold}"
