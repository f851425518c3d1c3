"""The session lock for shared PCs: after some minutes without a key press or a click (or when
Windows locks), patient data is covered until the app's passphrase is typed. Nothing is closed
or saved away: every screen keeps what was being typed, and unlocking goes back to it."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.ui.common.theme import problem_colour
from pledge_desktop.ui.common.widgets import font_pt, styled

if TYPE_CHECKING:
    from pledge_desktop.services.session_lock import SessionLockService

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}
CHECK_EVERY_MS = 15_000
WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK = 0x02B1, 0x7


class LockScreen(QWidget):
    """What shows while locked: no patient data, just the passphrase box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Pledge Desktop is locked"))
        title.setStyleSheet(f"font-size: {font_pt(20)}; font-weight: bold;")
        explain = QLabel(
            self.tr(
                "Patient data is hidden while nobody is using the app. Everything you were "
                "doing is kept. Type the app's passphrase to carry on."
            )
        )
        explain.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setMaximumWidth(360)
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.passphrase)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        styled(self.message, f"color: {problem_colour()}; font-weight: bold;")
        self.message.setWordWrap(True)
        # One centred column of a readable width: the words wrap inside it rather than being
        # squeezed to the width of the title.
        column = QWidget()
        column.setObjectName("lockColumn")
        column.setFixedWidth(480)
        inner = QVBoxLayout(column)
        inner.setSpacing(10)
        title.setWordWrap(True)
        for widget in (title, explain, label, self.passphrase):
            inner.addWidget(widget)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class SessionGuard(QObject):
    """Watches for input; locks the window after the idle time when a passphrase is set."""

    def __init__(self, window: QWidget, service: SessionLockService) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.locked = False
        self.last_input = time.monotonic()
        self._focus: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(lambda: self.check_idle())
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check_idle(self, now: float | None = None) -> bool:
        """Lock if idle for long enough; True when it locked."""
        if self.locked or not self.service.enabled():
            return False
        idle = (now if now is not None else time.monotonic()) - self.last_input
        if idle >= self.service.idle_minutes() * 60:
            self.lock()
            return True
        return False

    def lock(self) -> bool:
        if self.locked or not self.service.enabled():
            return False
        self._focus = QApplication.focusWidget()
        self.locked = True
        self.window.show_lock_screen(True)  # type: ignore[attr-defined]
        return True

    def try_unlock(self, passphrase: str) -> bool:
        try:
            right = self.service.unlocks(passphrase)
        except PledgeError:
            right = False
        if not right:
            return False
        self.locked = False
        self.last_input = time.monotonic()
        self.window.show_lock_screen(False)  # type: ignore[attr-defined]
        if self._focus is not None:
            self._focus.setFocus()
        return True


def register_for_windows_lock(window: QWidget) -> None:
    """Ask Windows to tell this window when the session locks (WM_WTSSESSION_CHANGE)."""
    if sys.platform != "win32":
        return
    import contextlib
    import ctypes

    with contextlib.suppress(AttributeError, OSError):  # older Windows: idle locking still works
        ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(window.winId()), 0)  # type: ignore[attr-defined]


def is_windows_lock(message: object) -> bool:
    """True when a native Windows message says the session has just been locked."""
    if sys.platform != "win32":
        return False
    import ctypes.wintypes

    msg = ctypes.wintypes.MSG.from_address(int(message))  # type: ignore[call-overload]
    return msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK


class LockSettingsDialog(QDialog):
    """Set, change or remove the passphrase, and the idle minutes."""

    def __init__(self, service: SessionLockService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockSettings")
        self.setWindowTitle(self.tr("Session lock"))
        self.service = service
        explain = QLabel(
            self.tr(
                "On a shared PC, the app can hide patient data after a while without use, and "
                "ask for a passphrase to carry on. The passphrase is kept only as a scrambled "
                "fingerprint: if it is forgotten, IT can remove it with the data folder's "
                "owner."
            )
        )
        explain.setWordWrap(True)
        self.current = self._secret("currentPassphrase")
        self.new = self._secret("newPassphrase")
        self.again = self._secret("againPassphrase")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("idleMinutes")
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setValue(service.idle_minutes())
        self.message = QLabel()
        self.message.setObjectName("lockSettingsMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        rows = [
            (self.tr("Current passphrase:"), self.current),
            (self.tr("New passphrase:"), self.new),
            (self.tr("New passphrase again:"), self.again),
            (self.tr("Lock after:"), self.minutes),
        ]
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.current.setEnabled(service.enabled())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove = buttons.addButton(
            self.tr("Remove the passphrase"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove.setEnabled(service.enabled())
        self.remove.clicked.connect(self._remove)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _save(self) -> None:
        try:
            if self.new.text() or not self.service.enabled():
                self.service.set_passphrase(self.new.text(), self.again.text(), self.current.text())
            self.service.set_idle_minutes(self.minutes.value())
        except PledgeError as error:
            self.message.setText(str(error))
            return
        self.accept()

    def _remove(self) -> None:
        try:
            self.service.remove_passphrase(self.current.text())
        except PledgeError as error:
            self.message.setText(str(error))
            return
        self.accept()
