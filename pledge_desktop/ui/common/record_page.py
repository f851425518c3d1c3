"""A screen for a list of records: a table on the left, the chosen record's form on the right.

Keyboard: Ctrl+N new, Ctrl+S (or Enter in a one-line field) save, Esc discard changes,
Delete (in the table) delete after asking. Edits are never dropped silently: moving away from
a changed record asks first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import confirm, settle_unsaved, show_problem, show_status
from pledge_desktop.ui.common.record_form import FormField, RecordForm
from pledge_desktop.ui.common.table_model import Column, RecordTableModel
from pledge_desktop.ui.common.tables import fit_columns
from pledge_desktop.ui.common.widgets import font_pt, page_title


class RecordListPage(QWidget):
    topics: tuple[str, ...] = ()
    what = "record"  # singular, in the nurse's words

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current_id: int | None = None
        self.model = RecordTableModel(self.columns(), self)
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setAccessibleName(self.title())
        self.table.setAccessibleDescription(
            self.tr(
                "The list: arrow keys choose one to show in the form beside it; Ctrl+N adds one; "
                "Delete deletes the chosen one, after asking."
            )
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.form = RecordForm(self.fields())
        self.form.submitted.connect(self.save_current)
        self.form.edited.connect(self._update_buttons)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setStyleSheet(f"font-weight: bold; font-size: {font_pt(14)};")
        self.new_button = QPushButton(self.tr("&New"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        for button, tip in (
            (self.new_button, self.tr("Add a new %s (Ctrl+N)") % self.what),
            (self.save_button, self.tr("Save this %s (Ctrl+S)") % self.what),
            (self.discard_button, self.tr("Put back what was saved (Esc)")),
            (self.delete_button, self.tr("Delete this %s, after asking (Delete)") % self.what),
        ):
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save_current)
        self.discard_button.clicked.connect(self.discard_changes)
        self.delete_button.clicked.connect(self.delete_current)
        self._layout()
        self._shortcuts()
        context.hub.changed.connect(self._data_changed)
        context.hub.cycle_selected.connect(lambda _id: self.refresh(keep_form=False))
        self.refresh(keep_form=False)

    # --- what a subclass says -------------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def intro(self) -> str:
        return ""

    def fields(self) -> list[FormField]:
        raise NotImplementedError

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self) -> list[Any]:
        raise NotImplementedError

    def blank(self) -> dict[str, Any]:
        return {}

    def build(self, values: dict[str, Any], record_id: int | None) -> Any:
        raise NotImplementedError

    def save(self, record: Any) -> Any:
        raise NotImplementedError

    def delete(self, record: Any) -> None:
        raise NotImplementedError

    def describe(self, record: Any) -> str:
        return str(getattr(record, "name", self.what))

    def can_edit(self) -> bool:
        return True

    # --- layout and keys ------------------------------------------------------------------
    def _layout(self) -> None:
        outer = QVBoxLayout(self)
        title = page_title(self.title())
        outer.addWidget(title)
        if self.intro():
            intro = QLabel(self.intro())
            intro.setWordWrap(True)
            outer.addWidget(intro)
        body = QHBoxLayout()
        body.addWidget(self.table, 5)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.form)
        self.extra_area = QVBoxLayout()
        right.addLayout(self.extra_area)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        right.addLayout(buttons)
        right.addStretch()
        body.addLayout(right, 4)
        outer.addLayout(body)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.start_new),
            (QKeySequence.StandardKey.Save, self.save_current),
            (QKeySequence(Qt.Key.Key_Escape), self.discard_changes),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

    # --- behaviour ------------------------------------------------------------------------
    def focus_start(self) -> None:
        self.table.setFocus()

    def refresh(self, keep_form: bool = True) -> None:
        records = self.load() if self.can_edit() else []
        self.table.selectionModel().blockSignals(True)
        self.model.set_records(records)
        self.table.selectionModel().blockSignals(False)
        if keep_form and self.form.dirty:
            self._update_buttons()
            return
        row = self.model.row_of(self.current_id)
        if row < 0 and records:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self._show(self.model.record(row))
        else:
            self._show_new()

    def _data_changed(self, topic: str) -> None:
        if topic in self.topics or topic == "everything":
            self.refresh()

    def _row_chosen(self, current: Any, previous: Any) -> None:
        if not current.isValid():
            return
        record = self.model.record(current.row())
        if record.id == self.current_id and not self.form.dirty:
            return
        if not self.leave_form():
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(self.model.row_of(self.current_id))
            self.table.selectionModel().blockSignals(False)
            return
        self._show(self.model.record(current.row()))

    def _show(self, record: Any) -> None:
        self.current_id = record.id
        self.form.set_values(vars(record))
        self.heading.setText(self.describe(record))
        self._update_buttons()

    def _show_new(self) -> None:
        self.current_id = None
        self.table.clearSelection()
        self.form.set_values(self.blank())
        self.heading.setText(self.tr("New %s") % self.what)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.can_edit()
        self.form.setEnabled(editable)
        self.new_button.setEnabled(editable)
        self.save_button.setEnabled(editable and (self.form.dirty or self.current_id is None))
        self.discard_button.setEnabled(self.form.dirty)
        self.delete_button.setEnabled(editable and self.current_id is not None)

    def leave_form(self) -> bool:
        """True when it is fine to show something else: nothing unsaved, or the nurse chose."""

        def discard() -> None:
            self.form.dirty = False

        what = self.tr("this %s") % self.what
        return settle_unsaved(self, what, self.form.dirty, self.save_current, discard)

    def start_new(self) -> None:
        if self.can_edit() and self.leave_form():
            self._show_new()
            self.form.focus_first()

    def save_current(self) -> bool:
        if not self.can_edit():
            return False
        record = self.form.attempt(
            lambda: self.save(self.build(self.form.values(), self.current_id)),
            self.tr("Not saved"),
        )
        if record is None:
            return False
        self.current_id = record.id
        self.form.dirty = False
        self.refresh(keep_form=False)
        self._status(self.tr("Saved %s.") % self.describe(record))
        return True

    def discard_changes(self) -> None:
        if self.form.dirty:
            self.form.dirty = False
            self.refresh(keep_form=False)
            self._status(self.tr("Changes discarded."))

    def delete_current(self) -> None:
        row = self.model.row_of(self.current_id)
        if row < 0:
            return
        record = self.model.record(row)
        question = self.tr("Delete %s? This cannot be undone.") % self.describe(record)
        if not confirm(self, self.tr("Delete %s") % self.what, question, self.tr("Delete")):
            return
        try:
            self.delete(record)
        except PledgeError as error:
            show_problem(self, self.tr("Not deleted"), error)
            return
        self.current_id = None
        self.form.dirty = False
        self.refresh(keep_form=False)
        self._status(self.tr("Deleted %s.") % self.describe(record))

    def _status(self, message: str) -> None:
        show_status(self, message)
