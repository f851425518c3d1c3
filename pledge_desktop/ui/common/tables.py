"""How every table sizes its columns: to their content and their heading, never cutting a
heading short, with the last column taking what width is left; a table that keeps all its
columns in sight, and a short table that shows all its rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableView

WIDEST_COLUMN = 360  # beyond this a long value is cut (its tooltip shows it whole)


def fit_columns(table: QTableView, widest: int = WIDEST_COLUMN) -> None:
    """Columns as wide as their widest value or heading (up to `widest`); the last one
    stretches to fill the table. Only the first thousand rows are measured, so a long list
    stays quick."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMaximumSectionSize(widest)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(1000)


def keep_columns_whole(table: QTableView, wrap: Sequence[int] = (), least: int = 120) -> None:
    """The table is never narrower than its columns, so every heading and value shows whole and
    no column hides past the right edge. The columns in `wrap` (of long text: a quote, an
    answer) share the width left over and wrap onto more lines rather than being cut; each
    keeps at least `least` pixels, or its heading's width. Call once the table has its model;
    the table's least width follows the rows as they change."""
    header = table.horizontalHeader()
    for column in range(header.count()):
        if column not in wrap:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if wrap:
        header.setStretchLastSection(False)
        for column in wrap:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    _follow_the_rows(table, lambda: table.setMinimumWidth(_whole_width(table, wrap, least)))


def show_all_rows(table: QTableView) -> None:
    """The table as tall as all its rows, with no scroll bar of its own: for a short table on a
    page that scrolls as a whole (the answers to one question). With `keep_columns_whole`, so
    that nothing needs scrolling sideways either."""
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(table.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)
    rows = table.verticalHeader()

    def fit() -> None:
        heading = table.horizontalHeader()
        height = heading.sizeHint().height() if heading.isVisibleTo(table) else 0
        table.setFixedHeight(height + rows.length() + 2 * table.frameWidth())

    rows.sectionResized.connect(lambda *_args: fit())
    rows.sectionCountChanged.connect(lambda *_args: fit())
    _follow_the_rows(table, fit)


def _whole_width(table: QTableView, wrap: Sequence[int], least: int) -> int:
    header = table.horizontalHeader()
    width = 2 * table.frameWidth()
    if table.verticalHeader().isVisibleTo(table):
        width += table.verticalHeader().width()
    if table.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        width += table.verticalScrollBar().sizeHint().width()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        heading = header.sectionSizeHint(column)
        if column in wrap:
            width += max(heading, min(least, table.sizeHintForColumn(column)))
        else:
            content = max(heading, table.sizeHintForColumn(column))
            width += min(content, header.maximumSectionSize())
    return width


def _follow_the_rows(table: QTableView, update: Callable[[], None]) -> None:
    """Run `update` once the table's rows or headings have changed (once per round of
    changes, after they are laid out), and now."""
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(update)
    model = table.model()
    for signal in (
        model.modelReset,
        model.layoutChanged,
        model.rowsInserted,
        model.rowsRemoved,
        model.dataChanged,
        model.headerDataChanged,
        model.columnsInserted,
    ):
        signal.connect(timer.start)
    update()
