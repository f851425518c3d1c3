"""Showing problems to the nurse in plain words, and asking before anything is destroyed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget


def show_problem(parent: QWidget | None, title: str, error: Exception | str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, str(error), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("problemBox")
    box.exec()


def confirm(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    """Ask before destroying anything; the safe answer (Cancel) is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("confirmBox")
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_to_save(parent: QWidget | None, what: str) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel for unsaved edits; Save is the default so Enter keeps the work."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        parent.tr("Unsaved changes") if parent else "Unsaved changes",
        f"You have changed {what} without saving. Save the changes?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsavedBox")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def settle_unsaved(
    parent: QWidget, what: str, dirty: bool, save: Callable[[], bool], discard: Callable[[], None]
) -> bool:
    """True when it is fine to move on: nothing unsaved, saved now, or discarded by choice."""
    if not dirty:
        return True
    answer = ask_to_save(parent, what)
    if answer == QMessageBox.StandardButton.Save:
        return save()
    if answer == QMessageBox.StandardButton.Discard:
        discard()
        return True
    return False


def show_status(widget: QWidget, message: str, milliseconds: int = 8000) -> None:
    """A passing note in the main window's status bar (nothing when shown outside it)."""
    bar = getattr(widget.window(), "statusBar", None)
    if callable(bar):
        bar().showMessage(message, milliseconds)


@contextmanager
def busy(parent: QWidget, what: str) -> Iterator[None]:
    """Say that something taking more than a moment is under way, until it is done."""
    note = QProgressDialog(what, "", 0, 0, parent)
    note.setCancelButton(None)  # type: ignore[arg-type]
    note.setWindowModality(Qt.WindowModality.WindowModal)
    note.show()
    QApplication.processEvents()
    try:
        yield
    finally:
        note.close()
