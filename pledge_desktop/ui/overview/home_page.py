"""The Overview: the nurse's to-do list for the chosen pledge, opened first.

Each line says what needs doing and opens where the work is (Enter or a double-click), through
the `go` callback the shell passes in. When all is well it says so, and nothing else shouts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.pledge_year import (
    TimeActivity,
    ToDo,
    hours_and_minutes,
    response_rate,
    to_do_list,
)
from pledge_desktop.domain.setup import CycleStatus
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.widgets import describe, font_pt, page_title

GoTo = Callable[[str, "int | None"], None]
NOTHING = "Nothing needs doing today."
TODO_ROLE = Qt.ItemDataRole.UserRole


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("overviewHeading")
    label.setStyleSheet(f"font-size: {font_pt(13)}; font-weight: bold; margin-top: 10px;")
    return label


class HomePage(QWidget):
    def __init__(
        self, context: ScreenContext, go: GoTo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.go = go
        self.items: list[ToDo] = []
        self.where = QLabel()
        self.where.setObjectName("overviewWhere")
        self.where.setWordWrap(True)
        self.todo = QListWidget()
        self.todo.setObjectName("todoList")
        self.todo.setAccessibleName(self.tr("What needs doing"))
        describe(
            self.todo,
            self.tr("What needs doing, most pressing first. Enter opens where the work is."),
        )
        self.todo.setStyleSheet(
            f"QListWidget {{ font-size: {font_pt(11)}; }} QListWidget::item {{ padding: 6px; }}"
        )
        self.todo.setWordWrap(True)
        self.todo.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.todo.itemActivated.connect(self._open)
        self.nothing = QLabel(self.tr(NOTHING))
        self.nothing.setObjectName("nothingToDo")
        self.nothing.setStyleSheet(f"font-size: {font_pt(13)}; padding: 8px 0;")
        self.progress = QLabel()
        self.progress.setObjectName("overviewProgress")
        self.progress.setWordWrap(True)
        self.time = QLabel()
        self.time.setObjectName("timeThisCycle")
        self.time.setWordWrap(True)
        self.add_time = QPushButton(self.tr("&Add time…"))
        self.add_time.setObjectName("addTime")
        describe(self.add_time, self.tr("Record time given to the pledge, in minutes"))
        self.add_time.clicked.connect(self.add_time_spent)
        self.footer = QLabel()
        self.footer.setObjectName("overview")
        self.footer.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Overview")))
        layout.addWidget(self.where)
        layout.addWidget(heading(self.tr("What needs doing")))
        layout.addWidget(self.nothing)
        layout.addWidget(self.todo, 1)
        layout.addWidget(heading(self.tr("This pledge so far")))
        layout.addWidget(self.progress)
        layout.addWidget(heading(self.tr("Time this cycle")))
        row = QHBoxLayout()
        row.addWidget(self.time, 1)
        row.addWidget(self.add_time, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.footer)
        context.hub.changed.connect(lambda _topic: self.refresh())
        context.hub.cycle_selected.connect(lambda _id: self.refresh())
        self.refresh()

    def focus_start(self) -> None:
        if self.todo.count():
            self.todo.setCurrentRow(0)
            self.todo.setFocus()
        else:
            self.add_time.setFocus()

    def refresh(self) -> None:
        ws = self.context.workspace
        hospital = ws.setup.hospital()
        cycle = next((c for c in ws.cycles.cycles() if c.id == self.context.cycle_id), None)
        hospital_name = hospital.name if hospital else ""
        if cycle is None or cycle.id is None:
            self.where.setText(hospital_name)
            self._show_items([])
            self.progress.setText(self.tr("Choose or set up a pledge cycle to start."))
            self.time.setText("")
            self.add_time.setEnabled(False)
            self._footer()
            return
        self.add_time.setEnabled(True)
        self.where.setText(
            f"{hospital_name}: {cycle.name} pledge, {CycleStatus(cycle.status).label.lower()}"
        )
        minutes = ws.time_spent.summary(cycle.id)
        facts = ws.overview.facts(cycle.id, minutes_by_activity=minutes)
        self._show_items(to_do_list(facts))
        reps = ws.involvement.summary(cycle.id).representatives
        self.progress.setText(
            response_rate(facts.forms_returned, facts.forms_handed_out)
            + " "
            + (
                self.tr("%d patient representatives have taken part.") % reps
                if reps != 1
                else self.tr("1 patient representative has taken part.")
            )
        )
        self.time.setText(_time_text(minutes) or self.tr("No time recorded yet."))
        self._footer()

    def _footer(self) -> None:
        ws = self.context.workspace
        backups = ws.maintenance.backups()
        last = backups[0].taken_at if backups and backups[0].taken_at else None
        self.footer.setText(
            self.tr("Last backup: %s.")
            % (f"{last:%d %B %Y at %H:%M}" if last else self.tr("none yet"))
            + " "
            + self.tr("Data folder: %s") % ws.data_dir
        )

    def _show_items(self, items: list[ToDo]) -> None:
        self.items = items
        self.todo.clear()
        for number, item in enumerate(items):
            line = QListWidgetItem(("⚠ " if item.urgent else "• ") + item.text)
            line.setData(TODO_ROLE, number)
            line.setToolTip(self.tr("Enter opens where the work is"))
            if item.urgent:
                font = QFont(line.font())
                font.setBold(True)
                line.setFont(font)
            self.todo.addItem(line)
        self.todo.setVisible(bool(items))
        self.nothing.setVisible(not items)

    def _open(self, line: QListWidgetItem) -> None:
        item = self.items[int(line.data(TODO_ROLE))]
        if self.go is not None:
            self.go(item.where, item.serial)

    def add_time_spent(self) -> None:
        if self.context.cycle_id is None:
            return
        from pledge_desktop.ui.overview.time_dialog import AddTimeDialog  # (loaded when first used)

        try:
            AddTimeDialog(self.context, self.context.cycle_id, self).exec()
        except PledgeError as error:
            show_problem(self, self.tr("Time not added"), error)


def _time_text(minutes: dict[TimeActivity, int]) -> str:
    lines = [f"{activity.label}: {hours_and_minutes(n)}" for activity, n in minutes.items()]
    if len(lines) > 1:
        lines.append(f"In all: {hours_and_minutes(sum(minutes.values()))}")
    return "\n".join(lines)
