"""Watching for input on a shared PC, so the app locks after some idle minutes (or when
Windows locks). Kept apart from the lock screen and its settings dialog, which load only when
first shown: the guard starts with the window.

Input is watched where the system delivers it: at the app's windows (the main window, and each
dialog as it takes the keyboard), not at every object in the app. A filter on the whole app
would bring every Qt object an event passes through into Python, and PySide6 sets up each
object's class on the way, which made showing the first screen a third slower."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget

from pledge_desktop.domain.errors import PledgeError

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
        self.watched: list[QWindow] = []
        self.watch(window.windowHandle())
        self.app = QApplication.instance()
        if isinstance(self.app, QApplication):
            self.app.focusWindowChanged.connect(self.watch)

    def watch(self, window: QWindow | None) -> None:
        """Count input to `window` (a window of the app: the main one, or a dialog)."""
        if window is not None and window not in self.watched:
            window.installEventFilter(self)
            window.destroyed.connect(lambda _gone=None, w=window: self._forget(w))
            self.watched.append(window)

    def _forget(self, window: QWindow) -> None:
        if window in self.watched:
            self.watched.remove(window)

    def stop(self) -> None:
        self.timer.stop()
        if isinstance(self.app, QApplication):
            self.app.focusWindowChanged.disconnect(self.watch)
            self.app = None
        for window in self.watched:
            window.removeEventFilter(self)
        self.watched = []

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
