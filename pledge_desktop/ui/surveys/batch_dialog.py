"""Starting a batch: the pile of forms about to be typed in, and how many are in it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.services.surveys.batches import Batch
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.theme import tint


class NewBatchDialog(QDialog):
    def __init__(self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newBatchDialog")
        self.setWindowTitle(self.tr("New batch of forms"))
        self.context = context
        self.cycle_id = cycle_id
        self.batch: Batch | None = None
        self.label = QLineEdit()
        self.label.setObjectName("batchLabel")
        self.label.setPlaceholderText(self.tr("e.g. Tuesday clinic"))
        self.expected = QSpinBox()
        self.expected.setObjectName("batchExpected")
        self.expected.setRange(1, 5000)
        self.expected.setValue(20)
        self.handed_out = QSpinBox()
        self.handed_out.setObjectName("batchHandedOut")
        self.handed_out.setRange(0, 50_000)
        self.handed_out.setSpecialValueText(self.tr("not known"))
        self.handed_out.setAccessibleName(self.tr("Forms handed out"))
        self.handed_out.setToolTip(
            self.tr(
                "How many forms were given to patients for this pile, so the response rate "
                "can be worked out. Leave it at 0 if you do not know."
            )
        )
        self.clinic_date = QDateEdit(QDate.currentDate())
        self.clinic_date.setDisplayFormat("dd/MM/yyyy")
        self.clinic_date.setCalendarPopup(True)
        self.problem = QLabel()
        self.problem.setObjectName("batchProblem")
        self.problem.setWordWrap(True)
        tint(self.problem, "problem")
        form = QFormLayout()
        form.addRow(self.tr("&Name of the pile"), self.label)
        form.addRow(self.tr("How &many forms"), self.expected)
        form.addRow(self.tr("Forms &handed out"), self.handed_out)
        form.addRow(self.tr("&Clinic date"), self.clinic_date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def start(self) -> None:
        day: date = self.clinic_date.date().toPython()
        try:
            self.batch = self.context.workspace.batches.start(
                self.cycle_id,
                self.label.text(),
                self.expected.value(),
                day,
                self.handed_out.value() or None,
            )
        except ValidationError as problems:
            self.problem.setText("⚠ " + " ".join(problems.problems.values()))
            return
        self.accept()
