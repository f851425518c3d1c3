"""Helpers for GUI tests: answer the next modal dialog as a nurse would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget


def answer_next_dialog(button_text: str, seen: list[str] | None = None) -> None:
    """When the next modal dialog appears, note its text and press the button `button_text`."""

    tries = [0]

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 300:  # give up after about three seconds: no dialog came
                QTimer.singleShot(10, press)
            return
        if seen is not None:
            seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle())
        for button in dialog.findChildren(QAbstractButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
        dialog.reject()  # never leave a dialog open: the test would hang instead of failing
        raise AssertionError(f"No button {button_text!r} in {dialog.windowTitle()!r}: {texts}")

    QTimer.singleShot(0, press)


def reactivate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The offscreen platform has no window manager to give focus back after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def read_next_dialog(read: Callable[[QWidget], object], into: list) -> None:
    """When the next modal dialog appears, append `read(dialog)` to `into`, then close it."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, look)
            return
        into.append(read(dialog))
        dialog.reject()

    QTimer.singleShot(0, look)


def when_dialog(name: str, act: Callable[[QWidget], None]) -> None:
    """When the modal dialog named `name` opens, run `act` on it (key presses, checks). If `act`
    fails, the dialog is closed, so the test fails instead of waiting for ever."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != name:
            QTimer.singleShot(10, look)
            return
        try:
            act(dialog)
        except BaseException:
            if dialog.isVisible():
                dialog.done(0)  # type: ignore[attr-defined]
            raise

    QTimer.singleShot(0, look)
