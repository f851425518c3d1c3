"""The forms typed in for the chosen cycle: find one by its number, open it to correct it,
or delete it after asking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import confirm, show_problem
from pledge_desktop.ui.common.table_model import Column, RecordTableModel
from pledge_desktop.ui.common.tables import fit_columns
from pledge_desktop.ui.common.widgets import describe, page_title
from pledge_desktop.ui.common.words import plural

STATUS_WORDS = {"entered": "Entered", "verified": "Verified"}


class ResponsesPage(QWidget):
    def __init__(
        self,
        context: ScreenContext,
        open_form: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._open_form = open_form
        title = page_title(self.tr("Survey responses"))
        self.search = QLineEdit()
        self.search.setObjectName("responseSearch")
        self.search.setAccessibleName(self.tr("Find a form by its number"))
        self.search.setPlaceholderText(self.tr("Find a form by its number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.search.returnPressed.connect(self.open_selected)
        self.status = QComboBox()
        self.status.setObjectName("responseStatus")
        describe(
            self.status,
            self.tr("Show all typed-in forms, or only those checked or waiting to be checked."),
        )
        self.status.setAccessibleName(self.tr("Show forms with this status"))
        for label, value in (
            (self.tr("All forms"), None),
            (self.tr("Entered, not yet checked"), "entered"),
            (self.tr("Verified"), "verified"),
        ):
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(lambda _index: self.refresh())
        self.summary = QLabel()
        self.summary.setObjectName("responsesSummary")
        self.model = RecordTableModel(
            [
                Column(self.tr("Form"), lambda r: f"{r.serial:05d}"),
                Column(self.tr("Entered"), lambda r: f"{r.entered_at:%d/%m/%Y %H:%M}"),
                Column(self.tr("Batch"), lambda r: r.batch),
                Column(self.tr("Status"), lambda r: STATUS_WORDS.get(r.status, r.status)),
                Column(self.tr("Complete"), lambda r: f"{r.completeness}%"),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("responsesTable")
        describe(
            self.table,
            self.tr(
                "Typed-in forms: serial, batch, when, completeness. Enter opens one to correct."
            ),
        )
        self.table.setAccessibleName(self.tr("Survey responses"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda _index: self.open_selected())
        open_button = QPushButton(self.tr("&Open to correct"))
        open_button.clicked.connect(self.open_selected)
        delete_button = QPushButton(self.tr("&Delete…"))
        describe(open_button, self.tr("Open the chosen form on the entry screen to correct it."))
        describe(delete_button, self.tr("Delete the chosen form, after asking."))
        delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addStretch()
        buttons.addWidget(delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        context.hub.changed.connect(self._data_changed)
        context.hub.cycle_selected.connect(lambda _id: self.refresh())
        self.refresh()

    def focus_start(self) -> None:
        self.search.setFocus()

    def _data_changed(self, topic: str) -> None:
        if topic in ("responses", "everything"):
            self.refresh()

    def refresh(self) -> None:
        cycle_id = self.context.cycle_id
        listed = (
            self.context.workspace.survey_entry.responses(
                cycle_id, self.search.text(), self.status.currentData()
            )
            if cycle_id is not None
            else []
        )
        self.model.set_records(listed)
        if listed:
            self.table.selectRow(0)
        complete = sum(1 for r in listed if r.completeness == 100)
        self.summary.setText(
            self.tr("%s shown, %d fully answered.") % (plural(len(listed), "form"), complete)
        )

    def _selected_serial(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()).serial if index.isValid() else None

    def open_selected(self) -> None:
        serial = self._selected_serial()
        if serial is not None:
            self._open_form(serial)

    def delete_selected(self) -> None:
        serial = self._selected_serial()
        if serial is None or self.context.cycle_id is None:
            return
        question = (
            self.tr(
                "Delete form %05d and all its answers? Keep the paper form: the answers can only "
                "come back by typing them in again."
            )
            % serial
        )
        if not confirm(self, self.tr("Delete survey response"), question, self.tr("Delete")):
            return
        try:
            self.context.workspace.survey_entry.delete_response(self.context.cycle_id, serial)
        except PledgeError as error:
            show_problem(self, self.tr("Not deleted"), error)
