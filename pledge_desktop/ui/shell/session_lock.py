"""The session lock for shared PCs: after some minutes without a key press or a click (or when
Windows locks), patient data is covered until the app's passphrase is typed. Nothing is closed
or saved away: every screen keeps what was being typed, and unlocking goes back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import font_pt
from pledge_desktop.ui.shell.session_guard import (  # noqa: F401  (where they used to be)
    INPUT_EVENTS,
    SessionGuard,
    is_windows_lock,
    register_for_windows_lock,
)

if TYPE_CHECKING:
    from pledge_desktop.services.session_lock import SessionLockService


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
        tint(self.message, "problem")
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
