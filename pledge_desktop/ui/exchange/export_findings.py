"""The export wizard's page of everything the identifier check found, in every table that would
leave: where it is, what kind, the identifier masked. R (or the Remove button) replaces it by
[removed] in what is sent; N records that it is not an identifier (kept with who and when, so it
is not asked again while the words stay the same). Nothing is sent until each is decided."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.privacy import GateFinding
from pledge_desktop.ui.common.messages import show_problem

if TYPE_CHECKING:
    from pledge_desktop.ui.exchange.export_wizard import ExportWizard

KEY = Qt.ItemDataRole.UserRole
TO_DECIDE, REMOVE = "to decide", "remove"


class FindingsList(QListWidget):
    """The findings; R removes the current one, N records it as not an identifier."""

    def __init__(self, page: FindingsPage) -> None:
        super().__init__()
        self.page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_R and not event.modifiers():
            self.page.remove_current()
        elif event.key() == Qt.Key.Key_N and not event.modifiers():
            self.page.not_an_identifier()
        else:
            super().keyPressEvent(event)


class FindingsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Anything that could identify someone"))
        self.setSubTitle(
            self.tr(
                "Every word that would leave was checked: goals, standards, quotes, theme "
                "names, the hospital's name and the written answers you ticked. Press R to "
                "remove a finding (it is sent as [removed]) or N if it is not an identifier."
            )
        )
        self.findings: list[GateFinding] = []
        self.decisions: dict[str, str] = {}
        self.list = FindingsList(self)
        self.list.setObjectName("exportFindings")
        self.list.setAccessibleName(
            self.tr("Findings: R removes one, N records it is not an identifier")
        )
        self.list.setWordWrap(True)
        self.none = QLabel(self.tr("Nothing that could identify someone was found."))
        self.none.setWordWrap(True)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(self.remove_current)
        keep = QPushButton(self.tr("&Not an identifier"))
        keep.clicked.connect(self.not_an_identifier)
        remove_left = QPushButton(self.tr("Remove a&ll left"))
        remove_left.clicked.connect(self.remove_all_left)
        buttons = QHBoxLayout()
        for button in (remove, keep, remove_left):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.none)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.findings = self.w.plan.findings_for(self.w.comments.chosen())
        self.decisions = {f.key: self.decisions.get(f.key, TO_DECIDE) for f in self.findings}
        self.list.clear()
        for finding in self.findings:
            item = QListWidgetItem()
            item.setData(KEY, finding.key)
            self.list.addItem(item)
            self._show(item, finding)
        self.none.setVisible(not self.findings)
        self.list.setCurrentRow(0)
        self.list.setFocus()
        self.completeChanged.emit()

    def _show(self, item: QListWidgetItem, finding: GateFinding) -> None:
        state = self.decisions[finding.key]
        mark = {TO_DECIDE: "?", REMOVE: self.tr("remove")}.get(state, state)
        note = f" ({finding.note})" if finding.note else ""
        item.setText(f"[{mark}] {finding.where}: {finding.kind}{note}, “{finding.masked}”")

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.findings):
            self._decide(row, REMOVE)
            self.list.setCurrentRow(min(row + 1, len(self.findings) - 1))

    def remove_all_left(self) -> None:
        for row, finding in enumerate(self.findings):
            if self.decisions[finding.key] == TO_DECIDE:
                self._decide(row, REMOVE)

    def not_an_identifier(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.findings):
            return
        finding = self.findings[row]
        try:
            self.w.context.workspace.export.not_an_identifier([finding])
        except PledgeError as error:
            show_problem(self, self.tr("Not recorded"), error)
            return
        self._decide(row, self.tr("not an identifier"))
        self.list.setCurrentRow(min(row + 1, len(self.findings) - 1))

    def _decide(self, row: int, state: str) -> None:
        finding = self.findings[row]
        self.decisions[finding.key] = state
        self._show(self.list.item(row), finding)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(state != TO_DECIDE for state in self.decisions.values())

    def removed(self) -> set[str]:
        return {key for key, state in self.decisions.items() if state == REMOVE}
