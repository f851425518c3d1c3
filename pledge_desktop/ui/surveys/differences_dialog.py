"""After a form is typed in again: the answers that differ, side by side, and which one the
paper shows. Keys: 1 the first typing is right, 2 this typing is right (then on to the next
difference); Enter records the check once every difference is settled; Esc goes back to the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.verification import FIRST, SECOND, Difference
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import sized
from pledge_desktop.ui.common.words import plural

COLUMNS = ("Question", "First typing (1)", "This typing (2)", "The paper shows")
CHOSEN = "font-weight: bold;"


class DifferencesTable(QTableWidget):
    """The differences; 1 or 2 settles the current row and moves down."""

    def __init__(self, found: list[Difference], parent: QWidget | None = None) -> None:
        super().__init__(len(found), len(COLUMNS), parent)
        self.found = found
        self.choices: dict[int, str] = {}
        self.setObjectName("differencesTable")
        self.setAccessibleName("Answers that differ between the two typings")
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, difference in enumerate(found):
            cells = (
                f"{difference.number}. {difference.question.text}",
                difference.first_words,
                difference.second_words,
                "? press 1 or 2",
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeRowsToContents()
        self.cellClicked.connect(self._clicked)
        if found:
            self.setCurrentCell(0, 0)

    def choose(self, row: int, which: str) -> None:
        self.choices[row] = which
        shown = self.item(row, 3)
        shown.setText("1: first typing" if which == FIRST else "2: this typing")
        for column in (1, 2):
            font = self.item(row, column).font()
            font.setBold((column == 1) == (which == FIRST))
            font.setStrikeOut((column == 1) != (which == FIRST))
            self.item(row, column).setFont(font)
        if row + 1 < self.rowCount():
            self.setCurrentCell(row + 1, 0)

    def settled(self) -> bool:
        return len(self.choices) == self.rowCount()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        if event.text() in ("1", "2") and row >= 0:
            self.choose(row, FIRST if event.text() == "1" else SECOND)
            return
        super().keyPressEvent(event)

    def _clicked(self, row: int, column: int) -> None:
        if column in (1, 2):
            self.choose(row, FIRST if column == 1 else SECOND)


class DifferencesDialog(QDialog):
    def __init__(self, serial: int, found: list[Difference], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("differencesDialog")
        self.setWindowTitle(self.tr("Form %05d: answers that differ") % serial)
        sized(self, 900, 420)
        intro = QLabel(
            self.tr(
                "Form %05d was typed differently this time in %s. Look at the paper form "
                "and, for each, press 1 if the first typing is right or 2 if this typing is "
                "right (or click the right answer). Enter records the check."
            )
            % (serial, plural(len(found), "place"))
        )
        intro.setWordWrap(True)
        self.table = DifferencesTable(found)
        self.table.cellChanged.connect(lambda *_: self._update())
        self.problem = QLabel()
        self.problem.setObjectName("differencesProblem")
        tint(self.problem, "problem")
        self.buttons = QDialogButtonBox()
        self.record = self.buttons.addButton(
            self.tr("Record the check"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Back to the form"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.table.setFocus()
        self._update()

    def first_right(self) -> set[str]:
        """Codes of the questions where the paper agrees with the first typing."""
        return {
            self.table.found[row].question.code
            for row, which in self.table.choices.items()
            if which == FIRST
        }

    def _update(self) -> None:
        self.record.setEnabled(self.table.settled())
        if self.table.settled():
            self.problem.setText("")

    def accept(self) -> None:
        if not self.table.settled():
            left = self.table.rowCount() - len(self.table.choices)
            self.problem.setText(self.tr("⚠ %d still to settle: press 1 or 2 for each.") % left)
            return
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)
