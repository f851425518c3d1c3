"""Deciding what the identifier check found, wherever words leave the app (the export wizard,
the booklet, the poster, the published pledge): where each finding is, what kind, the identifier
masked. R (or Remove) replaces it by [removed] in what is written; N records that it is not an
identifier (kept with who and when, so it is not asked again while the words stay the same).
Nothing is written until each is decided."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.print_gate import PrintChoices
from pledge_desktop.domain.privacy import FindingsRemain, GateFinding
from pledge_desktop.ui.common.messages import show_problem

KEY = Qt.ItemDataRole.UserRole
T = TypeVar("T")
TO_DECIDE, REMOVE = "to decide", "remove"


class FindingsList(QListWidget):
    """The findings; R removes the current one, N records it as not an identifier."""

    def __init__(self, review: FindingsReview) -> None:
        super().__init__()
        self.review = review

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_R and not event.modifiers():
            self.review.remove_current()
        elif event.key() == Qt.Key.Key_N and not event.modifiers():
            self.review.not_an_identifier()
        else:
            super().keyPressEvent(event)


class FindingsReview(QWidget):
    """The list of findings with its three buttons; `decided` is emitted on every decision."""

    decided = Signal()

    def __init__(self, record: Callable[[list[GateFinding]], object]) -> None:
        super().__init__()
        self._record = record  # records "not an identifier" (a service call)
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
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.none)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def show_findings(self, findings: Iterable[GateFinding]) -> None:
        self.findings = list(findings)
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
        self.decided.emit()

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
            self._record([finding])
        except PledgeError as error:
            show_problem(self, self.tr("Not recorded"), error)
            return
        self._decide(row, self.tr("not an identifier"))
        self.list.setCurrentRow(min(row + 1, len(self.findings) - 1))

    def _decide(self, row: int, state: str) -> None:
        finding = self.findings[row]
        self.decisions[finding.key] = state
        self._show(self.list.item(row), finding)
        self.decided.emit()

    def all_decided(self) -> bool:
        return all(state != TO_DECIDE for state in self.decisions.values())

    def removed(self) -> frozenset[str]:
        return frozenset(key for key, state in self.decisions.items() if state == REMOVE)


class FindingsDialog(QDialog):
    """Before printing: each finding decided, then written with the removed ones as
    [removed]."""

    def __init__(
        self,
        findings: list[GateFinding],
        what: str,
        record: Callable[[list[GateFinding]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findingsDialog")
        self.setWindowTitle(self.tr("Anything that could identify someone"))
        intro = QLabel(
            self.tr(
                "The identifier check found these in %s. Everyone can read it, so decide each "
                "one: press R to print it as [removed], or N if it is not an identifier. Better "
                "still, change the words where they were typed."
            )
            % what
        )
        intro.setWordWrap(True)
        self.review = FindingsReview(record)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Write it"))
        ok.setAccessibleName(self.tr("Write it"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.review.decided.connect(lambda: ok.setEnabled(self.review.all_decided()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.review, 1)
        layout.addWidget(self.buttons)
        self.review.show_findings(findings)
        self.resize(640, 420)


def through_the_check(
    parent: QWidget,
    what: str,
    record: Callable[[list[GateFinding]], object],
    write: Callable[[PrintChoices], T],
) -> T | None:
    """Write with nothing removed; when the identifier check stops it, let the nurse decide
    each finding and write again with her choices. None when she cancels."""
    try:
        return write(PrintChoices())
    except FindingsRemain as remaining:
        dialog = FindingsDialog(remaining.findings, what, record, parent)
        if not dialog.exec():
            return None
        return write(PrintChoices(dialog.review.removed()))
