"""Small counts in published tables: hidden, with enough others that the subtraction attack on
the totals recovers none of them."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pledge_desktop.domain.suppression import (
    TOTAL,
    CountTable,
    men_national_table,
    protect_small_counts,
    recover_by_subtraction,
)
from pledge_desktop.domain.suppression_graph import HiddenGraph


def test_the_attacker_finds_a_lone_small_count() -> None:
    table = CountTable.of([[3, 20, 15], [10, 9, 30]])
    assert recover_by_subtraction(table.counts, {(0, 0)}, table.margins) == {(0, 0): 3}
    # two hidden in a row but alone in their columns: found from the columns
    assert recover_by_subtraction(table.counts, {(0, 0), (0, 1)}, table.margins) == {
        (0, 0): 3,
        (0, 1): 20,
    }


def test_the_attacker_solves_equations_together() -> None:
    """A bridge between two protected rectangles: every line holds two hidden cells, yet the
    cell joining them follows from adding the equations."""
    table = CountTable.of(
        [[2, 3, 0, 0, 9], [4, 5, 6, 0, 9], [0, 0, 2, 3, 9], [0, 0, 4, 5, 9], [9, 9, 9, 9, 9]]
    )
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2)}
    assert (1, 2) in recover_by_subtraction(table.counts, hidden, table.margins)
    protected = protect_small_counts(table, 8)
    assert not recover_by_subtraction(table.counts, protected.cells, table.margins)


def test_smallest_cells_are_hidden_to_protect_a_small_one() -> None:
    table = CountTable.of([[3, 40, 15], [10, 90, 30], [12, 80, 60]])
    hidden = protect_small_counts(table, 8)
    assert hidden.primary == {(0, 0)}
    assert hidden.secondary == {(1, 0), (0, 2), (1, 2)}  # 10, 15 and 30: never 40, 80 or 90
    assert not recover_by_subtraction(table.counts, hidden.cells, table.margins)


def test_a_hospital_alone_in_a_row_takes_the_national_count_with_it() -> None:
    table = CountTable.of([[3], [40]])
    hidden = protect_small_counts(table, 8)
    assert (0, TOTAL) in hidden.cells
    assert not recover_by_subtraction(table.counts, hidden.cells, table.margins)


tables = st.integers(1, 6).flatmap(
    lambda rows: st.integers(1, 7).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.one_of(st.integers(0, 9), st.integers(0, 60)), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(tables, st.integers(2, 10))
def test_no_hidden_cell_can_be_worked_out(counts: list[list[int]], threshold: int) -> None:
    table = CountTable.of(counts)
    hidden = protect_small_counts(table, threshold)
    small = {
        (i, j) for i, row in enumerate(counts) for j, n in enumerate(row) if 1 <= n < threshold
    }
    assert hidden.primary == small
    assert all(table.value(cell) > 0 for cell in hidden.cells)
    assert recover_by_subtraction(table.counts, hidden.cells, table.margins) == {}


wide_tables = st.integers(2, 8).flatmap(
    lambda rows: st.integers(10, 40).flatmap(
        lambda cols: st.lists(
            st.lists(
                st.one_of(st.integers(0, 7), st.integers(0, 40)), min_size=cols, max_size=cols
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=40, deadline=None)
@given(wide_tables)
def test_no_hidden_cell_can_be_worked_out_among_many_hospitals(counts: list[list[int]]) -> None:
    table = CountTable.of(counts)
    hidden = protect_small_counts(table, 8)
    assert all(table.value(cell) > 0 for cell in hidden.cells)
    assert recover_by_subtraction(table.counts, hidden.cells, table.margins) == {}


def test_men_nationally_names_no_hospital_and_waits_for_enough_men() -> None:
    sites = {
        "A": {"bcn_contact": {"1": 2, "2": 1}},
        "B": {"bcn_contact": {"1": 3}, "support_groups": {"2": 1}},
        "C": {"bcn_contact": {"1": 2, "3": 1}},
    }
    men = {"A": 3, "B": 3, "C": 3}
    table = men_national_table(sites, men, 8)
    assert table is not None and (table.men, table.hospitals) == (9, 3)
    assert table.answered == {"bcn_contact": 9}
    assert table.withheld == ("support_groups",)
    shown = table.questions["bcn_contact"]
    assert shown["1"] == 7 or shown["1"] is None
    assert shown["2"] is None and shown["3"] is None  # 1 and 1: small, and two hidden
    assert men_national_table(sites, {"A": 3, "B": 3, "C": 1}, 8) is None
    assert men_national_table({"A": sites["A"]}, {"A": 9}, 8) is None  # one hospital alone
    one_small = men_national_table(
        {"A": {"q": {"1": 20, "2": 3, "3": 30}}}, {"A": 9, "B": 9, "C": 9}, 8
    )
    assert one_small is not None and one_small.questions["q"] == {"1": None, "2": None, "3": 30}


def test_the_same_small_count_at_many_hospitals_takes_the_next_smallest_answer_with_it() -> None:
    """Every hospital with one small count (a merge of hospitals alike): each hospital hides
    one more cell, from the smallest answer above the threshold, and no total is hidden."""
    column = [91, 60, 38, 9, 2, 0, 0]
    table = CountTable.of([[n] * 150 for n in column])
    hidden = protect_small_counts(table, 8)
    assert hidden.primary == {(4, j) for j in range(150)}
    assert hidden.secondary == {(3, j) for j in range(150)}
    assert not recover_by_subtraction(table.counts, hidden.cells, table.margins)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=25))
def test_the_bridges_are_known_as_cells_are_hidden(cells: list[tuple[int, int]]) -> None:
    """After each hidden cell, the cells that lie on no cycle of hidden cells are exactly
    those whose removal parts their row from their column."""
    graph = HiddenGraph([[1] * 7 for _ in range(7)])
    for cell in cells:
        graph.hide(cell)
        for each in graph.hidden:
            rest = graph.hidden - {each}
            assert graph.is_bridge(each) == (not _joined(rest, each[0], each[1]))


def _joined(cells: set[tuple[int, int]], row: int, column: int) -> bool:
    reached, todo = {("r", row)}, [("r", row)]
    while todo:
        side, at = todo.pop()
        for i, j in cells:
            if (side, at) in (("r", i), ("c", j)):
                other = ("c", j) if side == "r" else ("r", i)
                if other not in reached:
                    reached.add(other)
                    todo.append(other)
    return ("c", column) in reached
