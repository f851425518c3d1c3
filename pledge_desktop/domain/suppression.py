"""Small numbers in published tables, kept back so they cannot be worked out again.

A table of counts (answers down the side, hospitals across) is published with its totals: each
answer's national count, each hospital's number answering, the national number answering.
Counts from 1 to one less than the small-number threshold are hidden ("primary" cells). Hiding
one cell is not enough: it is the row's total less the other cells. So other cells are hidden
too ("secondary" cells), the smallest that will do, until no hidden cell can be worked out.

The table with its totals is seen as a grid with an extra total row and column, in which every
line sums to its total. A hidden cell can be worked out from the published figures exactly when
it is a bridge in the graph whose nodes are the lines and whose edges are the hidden cells, so
every hidden cell is put on a cycle of hidden cells. Totals are hidden only when nothing else
will do (a hospital alone in its row, say). `recover_by_subtraction` is the attacker the tests
use: it solves the published equations and reports every hidden cell it can pin down.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from pledge_desktop.domain.suppression_graph import HiddenGraph

TOTAL = -1  # as a row or column index: the total of that line
Cell = tuple[int, int]  # (row, column); TOTAL for a margin


@dataclass(frozen=True)
class CountTable:
    rows: tuple[str, ...]  # e.g. answer labels
    columns: tuple[str, ...]  # e.g. hospitals
    counts: tuple[tuple[int, ...], ...]  # counts[row][column], 0 or more

    @classmethod
    def of(cls, counts: Sequence[Sequence[int]]) -> CountTable:
        return cls(
            tuple(str(i) for i in range(len(counts))),
            tuple(str(j) for j in range(len(counts[0]) if counts else 0)),
            tuple(tuple(row) for row in counts),
        )

    @property
    def margins(self) -> Margins:
        return Margins(
            tuple(sum(row) for row in self.counts),
            tuple(sum(col) for col in zip(*self.counts, strict=True)) or (0,) * len(self.columns),
            sum(map(sum, self.counts)),
        )

    def value(self, cell: Cell) -> int:
        row, column = cell
        margins = self.margins
        if row == TOTAL and column == TOTAL:
            return margins.grand
        if row == TOTAL:
            return margins.columns[column]
        if column == TOTAL:
            return margins.rows[row]
        return self.counts[row][column]


@dataclass(frozen=True)
class Margins:
    rows: tuple[int, ...]  # each row's total (e.g. the national count of an answer)
    columns: tuple[int, ...]  # each column's total (e.g. a hospital's number answering)
    grand: int


@dataclass(frozen=True)
class HiddenCells:
    primary: frozenset[Cell]  # small counts
    secondary: frozenset[Cell]  # hidden so that the small ones cannot be worked out

    @property
    def cells(self) -> frozenset[Cell]:
        return self.primary | self.secondary

    def is_hidden(self, row: int, column: int) -> bool:
        return (row, column) in self.primary or (row, column) in self.secondary


def protect_small_counts(table: CountTable, threshold: int) -> HiddenCells:
    """Hide counts from 1 to `threshold`-1, and enough others that none can be worked out from
    the published cells and totals. Zeros are never hidden (a hidden zero among hidden
    cells that sum to nothing would be found at once).

    All the small counts of the table are protected in one pass: the hidden cells are kept as
    a graph whose bridges are known at every step (`HiddenGraph`), the cheapest bridge is
    taken first and put on the cheapest cycle, searched from the smaller of its two sides."""
    n_rows, n_cols = len(table.rows), len(table.columns)
    values = _values(table)
    primary = {
        (i, j) for i in range(n_rows) for j in range(n_cols) if 1 <= table.counts[i][j] < threshold
    }
    graph = HiddenGraph(values)
    for cell in sorted(primary):
        graph.hide(cell)
    while True:
        bridge = graph.cheapest_bridge()
        if bridge is None:
            break
        for cell in graph.cheapest_cycle(bridge):
            graph.hide(cell)
    outside = {_outer(cell, n_rows, n_cols) for cell in graph.hidden - primary}
    return HiddenCells(frozenset(primary), frozenset(outside))


def recover_by_subtraction(
    table: Sequence[Sequence[int]], hidden: Collection[Cell], totals: Margins
) -> dict[Cell, int]:
    """What an attacker works out from the published figures: every hidden cell whose value
    follows from the lines' totals, by subtraction along one line or by solving all the lines'
    equations together (cells never below zero). The values at hidden cells of `table` and
    hidden totals are not read."""
    n_rows, n_cols = len(table), len(totals.columns)
    unknown = {_inner(cell, n_rows, n_cols) for cell in hidden}
    known: dict[Cell, Fraction] = {}
    for i in range(n_rows + 1):
        for j in range(n_cols + 1):
            if (i, j) in unknown:
                continue
            if i < n_rows and j < n_cols:
                known[(i, j)] = Fraction(table[i][j])
            elif i < n_rows:
                known[(i, j)] = Fraction(totals.rows[i])
            elif j < n_cols:
                known[(i, j)] = Fraction(totals.columns[j])
            else:
                known[(i, j)] = Fraction(totals.grand)
    lines = [[(i, j) for j in range(n_cols + 1)] for i in range(n_rows + 1)]
    lines += [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols + 1)]
    found: dict[Cell, Fraction] = {}
    while True:
        equations = []
        for line in lines:
            # every line: its cells add up to its total (the last cell of the line)
            terms = {cell: Fraction(1 if cell != line[-1] else -1) for cell in line}
            rest = sum(
                (
                    c * known.get(cell, found.get(cell, Fraction(0)))
                    for cell, c in terms.items()
                    if cell not in unknown or cell in found
                ),
                Fraction(0),
            )
            open_terms = {cell: c for cell, c in terms.items() if cell in unknown - found.keys()}
            if open_terms:
                equations.append((open_terms, -rest))
        new = _solve(equations) | _zero_sums(equations)
        new = {cell: value for cell, value in new.items() if cell not in found}
        if not new:
            break
        found.update(new)
    return {_outer(cell, n_rows, n_cols): int(value) for cell, value in found.items()}


# --- the table as a grid ----------------------------------------------------------------


def _values(table: CountTable) -> list[list[int]]:
    """The table with its totals: a total column on every row, then the total row."""
    margins = table.margins
    grid = [[*row, total] for row, total in zip(table.counts, margins.rows, strict=True)]
    return [*grid, [*margins.columns, margins.grand]]


def _inner(cell: Cell, n_rows: int, n_cols: int) -> Cell:
    return (n_rows if cell[0] == TOTAL else cell[0], n_cols if cell[1] == TOTAL else cell[1])


def _outer(cell: Cell, n_rows: int, n_cols: int) -> Cell:
    return (TOTAL if cell[0] == n_rows else cell[0], TOTAL if cell[1] == n_cols else cell[1])


# --- the attacker's arithmetic ------------------------------------------------------------


Equation = tuple[dict[Cell, Fraction], Fraction]


def _solve(equations: list[Equation]) -> dict[Cell, Fraction]:
    """Cells the linear equations pin down: reduced row echelon form over fractions, and a
    cell is fixed when its pivot row holds no free unknown."""
    cells = sorted({cell for terms, _ in equations for cell in terms})
    at = {cell: n for n, cell in enumerate(cells)}
    matrix = []
    for terms, rhs in equations:
        row = [Fraction(0)] * (len(cells) + 1)
        for cell, c in terms.items():
            row[at[cell]] = c
        row[-1] = rhs
        matrix.append(row)
    pivots: list[int] = []
    r = 0
    for col in range(len(cells)):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][col]
        matrix[r] = [v / lead for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append(col)
        r += 1
    fixed: dict[Cell, Fraction] = {}
    for row_number, col in enumerate(pivots):
        row = matrix[row_number]
        if all(row[c] == 0 for c in range(len(cells)) if c != col):
            fixed[cells[col]] = row[-1]
    return fixed


def _zero_sums(equations: list[Equation]) -> dict[Cell, Fraction]:
    """Cells never below zero: unknowns of one sign that must add up to nothing are all 0."""
    fixed: dict[Cell, Fraction] = {}
    for terms, rhs in equations:
        signs = {c > 0 for c in terms.values()}
        if rhs == 0 and len(signs) == 1:
            fixed.update(dict.fromkeys(terms, Fraction(0)))
    return fixed


# --- men's answers, nationally ------------------------------------------------------------


@dataclass(frozen=True)
class MenNationally:
    """Men's answers pooled over every hospital, with no hospital named: per question, each
    answer's count (None where held back) and the number of men answering."""

    men: int
    hospitals: int
    questions: dict[str, dict[str, int | None]]
    answered: dict[str, int]
    withheld: tuple[str, ...]  # questions too few men answered to show at all


def men_national_table(
    per_site: Mapping[str, Mapping[str, Mapping[str, int]]],
    men_per_site: Mapping[str, int],
    threshold: int,
    min_hospitals: int = 3,
) -> MenNationally | None:
    """Pool each hospital's counts of men's answers (site → question → answer → count) into
    one national table that names no hospital. None unless at least `threshold` men from at
    least `min_hospitals` hospitals took part; a question fewer than `threshold` men answered
    is withheld; within a question, small counts and enough others are hidden so that none
    follows from the number answering."""
    men = sum(men_per_site.values())
    hospitals = sum(1 for n in men_per_site.values() if n > 0)
    if men < threshold or hospitals < min_hospitals:
        return None
    pooled: dict[str, dict[str, int]] = {}
    for questions in per_site.values():
        for code, answers in questions.items():
            into = pooled.setdefault(code, {})
            for answer, count in answers.items():
                into[answer] = into.get(answer, 0) + count
    shown: dict[str, dict[str, int | None]] = {}
    answered: dict[str, int] = {}
    withheld = []
    for code, answers in pooled.items():
        total = sum(answers.values())
        if total < threshold:
            withheld.append(code)
            continue
        answered[code] = total
        shown[code] = _hide_in_line(answers, threshold)
    return MenNationally(men, hospitals, shown, answered, tuple(withheld))


def _hide_in_line(answers: Mapping[str, int], threshold: int) -> dict[str, int | None]:
    """One line with a published total: small counts hidden, and never exactly one hidden."""
    hidden = {a for a, n in answers.items() if 1 <= n < threshold}
    if len(hidden) == 1:
        others = sorted((n, a) for a, n in answers.items() if a not in hidden and n > 0)
        hidden.add(others[0][1])  # there is one: the total is at least the threshold
    return {a: (None if a in hidden else n) for a, n in answers.items()}
