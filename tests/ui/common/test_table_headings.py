"""Table columns fit their headings: at the size the window opens at on a 1280 × 720 work area,
no visible table in any section or tab cuts a heading short ("Quotes allo…") or hides a column
past its right edge, and the Results answer table shows every row without scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTabWidget, QWidget

from tests.ui.shell.test_fit import app_look, placed  # noqa: F401  (app_look is a fixture)

# Lists still laid out the old way: their screens are to call keep_columns_whole
# (ui/common/tables.py) on their tables, then leave this list.
NOT_YET: tuple[str, ...] = ()


def cut_headings(top: QWidget, where: str) -> list[str]:
    """Each visible heading drawn narrower than its words, or beyond the table's visible
    width (so its column can only be seen by scrolling sideways)."""
    QApplication.processEvents()
    found = []
    for header in top.findChildren(QHeaderView):
        table = header.parentWidget()
        if (
            header.orientation() is not Qt.Orientation.Horizontal
            or not header.isVisible()
            or not isinstance(table, QAbstractItemView)
            or header.model() is None
        ):
            continue
        seen = header.viewport().width()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            words = str(header.model().headerData(column, Qt.Orientation.Horizontal) or "")
            left = header.sectionViewportPosition(column)
            width = header.sectionSize(column)
            name = f"{where}: {table.objectName() or type(table).__name__} column {words!r}"
            if width < header.sectionSizeHint(column):
                needs = header.sectionSizeHint(column)
                found.append(f"{name} is {width} wide, its heading needs {needs}")
            elif left + width > seen + 1:
                found.append(f"{name} runs past the table's edge ({left + width} > {seen})")
    return found


def test_no_visible_table_heading_is_cut_short(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    placed(window)
    problems = cut_headings(window, "main window")
    for index in range(window.nav.count()):
        window.go_to(index)
        page = window.current_page()
        name = window.nav.item(index).text()
        if name in NOT_YET:
            continue
        problems += cut_headings(window, name)
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                problems += cut_headings(window, f"{name}, tab {tabs.tabText(tab)!r}")
    assert not problems, "\n".join(problems)


def test_the_answer_table_shows_every_row(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    placed(window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    table = page.table
    for row in range(page.questions.count()):
        page.questions.setCurrentRow(row)
        QApplication.processEvents()
        if not table.isVisible():
            continue
        rows = table.verticalHeader()
        assert rows.length() > 0
        assert table.viewport().height() >= rows.length(), (row, table.viewport().height())
        assert not table.horizontalScrollBar().isVisible()
        last = table.rowCount() - 1
        assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
