"""The graph of hidden cells behind secondary suppression, kept up to date as cells are hidden.

A table with its totals is a grid with an extra total row and column. Its lines are the nodes
(rows first, the total row last among them, then the columns, the total column last) and every
hidden cell is an edge between its row and its column. A hidden cell can be worked out from the
published figures exactly when it is a bridge: when it lies on no cycle of hidden cells.

The bridges are kept as cells are hidden, by union-find over the graph's 2-edge-connected
parts (a forest of those parts, joined by the bridges, merged along a path when a new cell
closes a cycle), so each hiding costs about a logarithm and the cheapest bridge is always at
hand without walking the whole graph again. The cheapest cycle through a bridge is searched
from the smaller of the two sides the bridge joins, which is usually a single line.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence

Cell = tuple[int, int]  # (row, column); n_rows and n_cols for the totals
MARGIN_COST = 10**9  # a published total is hidden only when no ordinary cell will do


class HiddenGraph:
    def __init__(self, values: Sequence[Sequence[int]]) -> None:
        """`values`: the grid with its totals, the total row and column last."""
        self._n_rows = len(values) - 1
        n_cols = len(values[0]) - 1
        size = self._n_rows + n_cols + 2
        self._values = values
        self.hidden: set[Cell] = set()
        self._near: list[list[tuple[int, Cell]]] = [[] for _ in range(size)]
        # every cell that could be hidden (never a zero), with its price: (other line, cell, price)
        self._lines: list[list[tuple[int, Cell, int]]] = [[] for _ in range(size)]
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                if value > 0:
                    price = value + (MARGIN_COST if i == self._n_rows or j == n_cols else 0)
                    column = self._column(j)
                    self._lines[i].append((column, (i, j), price))
                    self._lines[column].append((i, (i, j), price))
        self._parent = [-1] * size  # in the forest of 2-edge-connected parts
        self._part = list(range(size))  # union-find: the 2-edge-connected part
        self._tree = list(range(size))  # union-find: the connected part (the tree's root)
        self._tree_size = [1] * size
        self._seen_in = [0] * size
        self._round = 0
        self._bridges: list[tuple[int, Cell]] = []  # every cell hidden as a bridge: a heap

    def _column(self, j: int) -> int:
        return self._n_rows + 1 + j

    # --- hiding cells ---------------------------------------------------------------------
    def hide(self, cell: Cell) -> None:
        if cell in self.hidden:
            return
        self.hidden.add(cell)
        row, column = cell[0], self._column(cell[1])
        self._near[row].append((column, cell))
        self._near[column].append((row, cell))
        if self._join(row, column):
            heapq.heappush(self._bridges, (self._values[cell[0]][cell[1]], cell))

    def is_bridge(self, cell: Cell) -> bool:
        """Whether a hidden cell lies on no cycle of hidden cells."""
        return self._find_part(cell[0]) != self._find_part(self._column(cell[1]))

    def cheapest_bridge(self) -> Cell | None:
        """The smallest hidden cell that could be worked out, or None when none can."""
        while self._bridges:
            cell = self._bridges[0][1]
            if self.is_bridge(cell):
                return cell
            heapq.heappop(self._bridges)  # on a cycle now, and for good
        return None

    def cheapest_cycle(self, bridge: Cell) -> list[Cell]:
        """The cells to hide so that `bridge` lies on a cycle: the cheapest path between the
        two sides it joins, not using it, where hidden cells cost nothing and others their
        count (a total: its count and a heavy penalty)."""
        row, column = bridge[0], self._column(bridge[1])
        start = self._smaller_side(row, column, bridge)
        whole = self._find_tree(row)
        best = dict.fromkeys(start, 0)
        back: dict[int, tuple[int, Cell]] = {}
        queue = [(0, node) for node in sorted(start)]
        hidden = self.hidden
        while queue:
            distance, node = heapq.heappop(queue)
            if distance > best[node]:
                continue
            if node not in start and self._find_tree(node) == whole:
                path = []
                while node in back:
                    node, cell = back[node]
                    path.append(cell)
                return path
            for other, cell, price in self._lines[node]:
                if cell == bridge:
                    continue
                further = distance if cell in hidden else distance + price
                if further < best.get(other, further + 1):
                    best[other] = further
                    back[other] = (node, cell)
                    heapq.heappush(queue, (further, other))
        raise ValueError("no way to protect this cell")  # a table of zeros around it

    def _smaller_side(self, a: int, b: int, bridge: Cell) -> set[int]:
        """The lines reached from `a`, or from `b`, by hidden cells other than `bridge`:
        whichever is found whole first (both searched a cell at a time)."""
        searches = [self._reach(b, bridge), self._reach(a, bridge)]
        while True:
            for search in searches:
                try:
                    next(search)
                except StopIteration as done:
                    found: set[int] = done.value
                    return found

    def _reach(self, start: int, bridge: Cell) -> Iterator[None]:
        seen = {start}
        stack = [iter(self._near[start])]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                continue
            other, cell = step
            if cell != bridge and other not in seen:
                seen.add(other)
                stack.append(iter(self._near[other]))
            yield
        return seen  # type: ignore[return-value]

    # --- union-find over the forest of 2-edge-connected parts -----------------------------
    def _find_part(self, node: int) -> int:
        part = self._part
        root = node
        while part[root] != root:
            root = part[root]
        while part[node] != root:
            part[node], node = root, part[node]
        return root

    def _find_tree(self, node: int) -> int:
        node = self._find_part(node)
        passed = []
        while self._tree[node] != node:
            passed.append(node)
            node = self._find_part(self._tree[node])
        for each in passed:
            self._tree[each] = node
        return node

    def _join(self, a: int, b: int) -> bool:
        """Add the edge a–b; True when it is a bridge (it joins two trees)."""
        a, b = self._find_part(a), self._find_part(b)
        if a == b:
            return False
        tree_a, tree_b = self._find_tree(a), self._find_tree(b)
        if tree_a != tree_b:
            if self._tree_size[tree_a] > self._tree_size[tree_b]:
                a, b, tree_a, tree_b = b, a, tree_b, tree_a
            self._make_root(a)
            self._parent[a] = self._tree[a] = b
            self._tree_size[tree_b] += self._tree_size[a]
            return True
        self._merge_path(a, b)
        return False

    def _make_root(self, node: int) -> None:
        node = self._find_part(node)
        root, child = node, -1
        while node != -1:
            up = self._parent[node]
            up = self._find_part(up) if up != -1 else -1
            self._parent[node] = child
            self._tree[node] = root
            child, node = node, up
        self._tree_size[root] = self._tree_size[child]

    def _merge_path(self, a: int, b: int) -> None:
        """a and b in one tree: every part on the path between them becomes one."""
        self._round += 1
        mark = self._round
        paths: tuple[list[int], list[int]] = ([], [])
        ends = [a, b]
        meet = -1
        while meet == -1:
            for side in (0, 1):
                node = ends[side]
                if node == -1:
                    continue
                node = self._find_part(node)
                paths[side].append(node)
                if self._seen_in[node] == mark:
                    meet = node
                    break
                self._seen_in[node] = mark
                ends[side] = self._parent[node]
        for path in paths:
            for node in path:
                self._part[node] = meet
                if node == meet:
                    break
