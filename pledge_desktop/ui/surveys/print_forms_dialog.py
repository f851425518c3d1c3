"""Printing numbered blank survey forms for the chosen cycle into one PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.services.surveys.survey_forms import MOST_AT_ONCE
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.theme import tint


class PrintFormsDialog(QDialog):
    def __init__(self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("printFormsDialog")
        self.setWindowTitle(self.tr("Print blank survey forms"))
        self.context = context
        self.cycle_id = cycle_id
        self.written: Path | None = None
        forms = context.workspace.survey_forms
        intro = QLabel(
            self.tr(
                "Each form gets its own number, printed on every page with a barcode. Numbers "
                "already printed for this cycle are never used again."
            )
        )
        intro.setWordWrap(True)
        self.count = QSpinBox()
        self.count.setObjectName("formCount")
        self.count.setRange(1, MOST_AT_ONCE)
        self.count.setValue(60)
        self.start = QSpinBox()
        self.start.setObjectName("firstSerial")
        self.start.setRange(1, 999_999)
        self.start.setValue(forms.next_serial(cycle_id))
        self.path = QLineEdit(str(Path.home() / "survey-forms.pdf"))
        self.path.setObjectName("formsFile")
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        self.large_print = QCheckBox(self.tr("&Large print (16 pt text, bigger boxes)"))
        self.large_print.setObjectName("largePrint")
        self.large_print.setToolTip(
            self.tr("For patients who find small print hard to read; typed in the same way.")
        )
        self.purpose = QPlainTextEdit(forms.purpose(cycle_id))
        self.purpose.setObjectName("formPurpose")
        self.purpose.setAccessibleName(self.tr("What the survey is for"))
        self.purpose.setToolTip(
            self.tr(
                "Printed at the top of the form: what the survey is for, that it is anonymous, "
                "who sees the answers and how long the forms are kept. Kept for this cycle."
            )
        )
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMinimumHeight(self.purpose.fontMetrics().lineSpacing() * 6 + 12)
        return_by = forms.return_by(cycle_id)
        self.return_note = QLabel(
            self.tr("Forms ask to be given back by %s (the end of the cycle's fieldwork).")
            % f"{return_by:%d %B %Y}"
            if return_by
            else self.tr(
                "No return-by date is printed: set the cycle's fieldwork dates to add one."
            )
        )
        self.return_note.setObjectName("returnByNote")
        self.return_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("How &many forms"), self.count)
        form.addRow(self.tr("&First form number"), self.start)
        save_as = QLabel(self.tr("Save the PDF &as"))
        save_as.setBuddy(self.path)  # a row whose field is a layout gets no buddy by itself
        form.addRow(save_as, where)
        form.addRow("", self.large_print)
        form.addRow(self.tr("&Purpose and privacy"), self.purpose)
        form.addRow("", self.return_note)
        self.problem = QLabel()
        self.problem.setObjectName("printProblem")
        self.problem.setWordWrap(True)
        tint(self.problem, "problem")
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("&Make the PDF"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.count.setFocus()
        self.count.selectAll()

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the forms as"), self.path.text(), self.tr("PDF files (*.pdf)")
        )
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def make(self) -> None:
        target = Path(self.path.text()).expanduser()
        forms = self.context.workspace.survey_forms
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            forms.set_purpose(self.cycle_id, self.purpose.toPlainText())
            printed = forms.print_forms(
                self.cycle_id,
                self.count.value(),
                target,
                self.start.value(),
                large_print=self.large_print.isChecked(),
            )
        except PledgeError as error:
            self.problem.setText("⚠ " + str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.written = printed.path
        self.accept()
