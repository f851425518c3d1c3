"""The batch row of the entry screen: which pile the forms belong to, with its count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.widgets import describe
from pledge_desktop.ui.common.words import plural


class BatchBar(QWidget):
    changed = Signal()  # a batch was started or closed

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choice = QComboBox()
        self.choice.setObjectName("batchChoice")
        describe(
            self.choice, self.tr("The batch the next typed forms join, such as one clinic's pile.")
        )
        self.choice.setAccessibleName(self.tr("Batch the forms belong to"))
        self.choice.setMinimumWidth(280)
        new_batch = QPushButton(self.tr("&New batch…"))
        new_batch.setObjectName("newBatch")
        describe(
            new_batch,
            self.tr("Start a batch for a pile of returned forms, with how many it holds."),
        )
        new_batch.clicked.connect(self.new_batch)
        self.close_button = QPushButton(self.tr("C&lose batch…"))
        describe(
            self.close_button,
            self.tr("Close the batch when its pile is typed in, or say why forms are missing."),
        )
        self.close_button.clicked.connect(self.close_batch)
        label = QLabel(self.tr("&Batch:"))
        label.setBuddy(self.choice)
        self.returns = QLabel()
        self.returns.setObjectName("formsReturned")
        self.returns.setAccessibleName(self.tr("Forms returned of those handed out"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.choice, new_batch, self.close_button):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(self.returns)

    def current_id(self) -> int | None:
        return self.choice.currentData()

    def refresh(self) -> None:
        chosen = self.choice.currentData()
        self.choice.clear()
        self.choice.addItem(self.tr("(no batch)"), None)
        if self.context.cycle_id is not None:
            for batch in self.context.workspace.batches.batches(self.context.cycle_id, True):
                self.choice.addItem(batch.describe, batch.id)
        self.choice.setCurrentIndex(max(self.choice.findData(chosen), 0))
        self.close_button.setEnabled(self.choice.count() > 1)
        if self.context.cycle_id is None:
            self.returns.setText("")
        else:
            returns = self.context.workspace.batches.returns(self.context.cycle_id)
            self.returns.setText(self.tr("Forms: %s") % returns.describe)

    def new_batch(self) -> None:
        from pledge_desktop.ui.surveys.batch_dialog import NewBatchDialog

        if self.context.cycle_id is None:
            return
        dialog = NewBatchDialog(self.context, self.context.cycle_id, self)
        if dialog.exec() and dialog.batch is not None:
            self.refresh()
            self.choice.setCurrentIndex(self.choice.findData(dialog.batch.id))
        self.changed.emit()

    def close_batch(self) -> None:
        batch_id = self.choice.currentData()
        if batch_id is None:
            return
        batches = self.context.workspace.batches
        batch = batches.get(batch_id)
        reason = ""
        if batch.entered != batch.expected:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Close batch"),
                self.tr("%s expected and %d entered. Why close it all the same?")
                % (plural(batch.expected, "form was", "forms were"), batch.entered),
            )
            if not ok:
                return
        try:
            batches.close(batch_id, reason)
        except PledgeError as error:
            show_problem(self, self.tr("Batch not closed"), error)
            return
        self.refresh()
        self.changed.emit()
