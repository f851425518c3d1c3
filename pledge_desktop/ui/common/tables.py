"""How every table sizes its columns: to their content and their heading, never cutting a
heading short, with the last column taking what width is left."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

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
