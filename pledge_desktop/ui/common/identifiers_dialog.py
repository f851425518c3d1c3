"""Before free text is saved: what in it could identify someone, each with a tick to replace it
by a placeholder such as [phone number]."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.identifiers import Finding, redact
from pledge_desktop.ui.common.widgets import sized
from pledge_desktop.ui.common.words import plural

REPLACE, KEEP = 1, 2


class IdentifiersDialog(QDialog):
    def __init__(self, text: str, findings: list[Finding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("identifiersDialog")
        self.setWindowTitle(self.tr("This could identify someone"))
        sized(self, 720, 420)
        self.text = text
        self.findings = findings
        self.choice = 0
        intro = QLabel(
            self.tr(
                "Pledge Desktop found %s that could identify a patient or a member of "
                "staff. Ticked ones are replaced by a placeholder; untick any that are fine "
                "(Space ticks and unticks)."
            )
            % plural(len(findings), "thing")
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("findings")
        for finding in findings:
            before = text[max(0, finding.start - 30) : finding.start].replace("\n", " ")
            after = text[finding.end : finding.end + 30].replace("\n", " ")
            note = f" ({finding.note})" if finding.note else ""
            item = QListWidgetItem(
                f"{finding.kind}{note}: …{before}[{finding.text}]{after}… → {finding.placeholder}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        replace_button = buttons.addButton(
            self.tr("Replace ticked and save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        keep_button = buttons.addButton(
            self.tr("Save as it is"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        replace_button.clicked.connect(lambda: self._done(REPLACE))
        keep_button.clicked.connect(lambda: self._done(KEEP))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus()

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def result_text(self) -> str:
        """The text to save, as the nurse chose."""
        if self.choice != REPLACE:
            return self.text
        ticked = [
            finding
            for index, finding in enumerate(self.findings)
            if self.list.item(index).checkState() == Qt.CheckState.Checked
        ]
        return redact(self.text, ticked)


def guarded(parent: QWidget, text: str, findings: list[Finding]) -> str | None:
    """The text to save after the nurse has seen what could identify someone (the text itself
    when nothing was found), or None when she cancelled."""
    if not findings:
        return text
    dialog = IdentifiersDialog(text, findings, parent)
    return dialog.result_text() if dialog.exec() else None
