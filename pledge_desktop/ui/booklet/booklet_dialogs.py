"""The Booklet section's dialogs: a results highlight, the plain-English check, and the preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.booklet import Highlight, for_patients
from pledge_desktop.domain.plain_english import WordingCheck
from pledge_desktop.domain.results import CycleResults, SmallNumbers
from pledge_desktop.ui.common.widgets import sized


class HighlightDialog(QDialog):
    """A headline finding: the question, the answers it counts, and its plain sentence. The
    figure is shown as it would be printed, or why it would not be."""

    def __init__(
        self,
        results: CycleResults,
        small: SmallNumbers,
        highlight: Highlight | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("highlightDialog")
        self.setWindowTitle(self.tr("Results highlight"))
        self.results = results
        self.small = small
        self.highlight: Highlight | None = None
        self.question = QComboBox()
        self.question.setObjectName("highlightQuestion")
        for counts in results.questions:
            if counts.options:
                self.question.addItem(
                    f"{counts.number}. {counts.question.text}", counts.question.code
                )
        self.answers = QWidget()
        self.answers_layout = QVBoxLayout(self.answers)
        self.answers_layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[int, QCheckBox]] = []
        self.wording = QLineEdit()
        self.wording.setObjectName("highlightWording")
        self.wording.setPlaceholderText(
            self.tr("of patients said they were given … (printed after the figure)")
        )
        self.figure = QLabel()
        self.figure.setObjectName("highlightFigure")
        self.figure.setWordWrap(True)
        form = QFormLayout()
        question_label = QLabel(self.tr("&Question:"))
        question_label.setBuddy(self.question)
        wording_label = QLabel(self.tr("&Sentence:"))
        wording_label.setBuddy(self.wording)
        form.addRow(question_label, self.question)
        form.addRow(self.tr("Answers counted:"), self.answers)
        form.addRow(wording_label, self.wording)
        form.addRow(self.tr("Printed as:"), self.figure)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.question.currentIndexChanged.connect(lambda _i: self._show_answers(()))
        self.wording.textChanged.connect(lambda _t: self._preview())
        if highlight is not None:
            self.question.setCurrentIndex(max(self.question.findData(highlight.question_code), 0))
            self.wording.setText(highlight.wording)
            self._show_answers(highlight.option_codes)
        else:
            self._show_answers(())
        sized(self, 640, 360)

    def _show_answers(self, ticked: tuple[int, ...]) -> None:
        for _code, box in self.boxes:
            box.deleteLater()
        self.boxes = []
        counts = self.results.question(self.question.currentData() or "")
        if counts is None:
            return
        default = ticked or (counts.question.options[0].code,)
        for option, _count in counts.options:
            box = QCheckBox(option.label)
            box.setChecked(option.code in default)
            box.toggled.connect(lambda _on: self._preview())
            self.answers_layout.addWidget(box)
            self.boxes.append((option.code, box))
        self._preview()

    def chosen_codes(self) -> tuple[int, ...]:
        return tuple(code for code, box in self.boxes if box.isChecked())

    def _preview(self) -> None:
        counts = self.results.question(self.question.currentData() or "")
        if counts is None:
            return
        chosen = frozenset(self.chosen_codes())
        count = counts.count_of(chosen)
        base = counts.base_for(chosen)
        figure = self.small.per_cent_text(count, base)
        sentence = for_patients(self.wording.text()) or "…"
        if figure is None:
            self.figure.setText(
                self.tr(
                    "Not printed: %s of %s who answered. Below %d, numbers are kept back so "
                    "that no patient can be picked out."
                )
                % (
                    self.small.count_text(count),
                    self.small.count_text(base),
                    self.small.threshold,
                )
            )
        else:
            apart = counts.answered - base
            note = self.tr(", not counting %d who said it did not apply") % apart if apart else ""
            self.figure.setText(f"{figure} {sentence}  ({count} of {base} who answered{note})")

    def _accept(self) -> None:
        code = self.question.currentData()
        if not code or not self.chosen_codes() or not self.wording.text().strip():
            self.figure.setText(
                self.tr("Choose a question, tick the answers to count, and write the sentence.")
            )
            return
        self.highlight = Highlight(code, self.chosen_codes(), for_patients(self.wording.text()))
        self.accept()


class WordingDialog(QDialog):
    """The plain-English check: shown before the booklet is written; it warns, never stops."""

    def __init__(self, check: WordingCheck, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordingDialog")
        self.setWindowTitle(self.tr("Plain English check"))
        summary = QLabel(check.summary())
        summary.setObjectName("wordingSummary")
        summary.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("wordingFindings")
        self.findings.setAccessibleName(self.tr("Things to look at"))
        self.findings.setWordWrap(True)
        for finding in check.findings:
            self.findings.addItem(
                f"{finding.where}: {finding.kind}: “{finding.text}”\n{finding.advice}"
            )
        if not check.findings:
            self.findings.addItem(self.tr("Nothing to look at: well done."))
        buttons = QDialogButtonBox()
        self.go_on = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_on.setObjectName("wordingGoOn")
        back = buttons.addButton(
            self.tr("Go back and edit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        back.setObjectName("wordingBack")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.go_on.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.findings, 1)
        layout.addWidget(buttons)
        sized(self, 640, 420)


class PreviewDialog(QDialog):
    """The booklet as it will print, page after page."""

    def __init__(self, pdf: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setObjectName("bookletPreview")
        self.setWindowTitle(self.tr("Booklet preview"))
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setObjectName("previewView")
        self.view.setAccessibleName(self.tr("Booklet pages"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages = QLabel(
            self.tr("%d pages (A5), ready to fold and staple.") % self.document.pageCount()
        )
        self.pages.setObjectName("previewPages")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        sized(self, 560, 660)
