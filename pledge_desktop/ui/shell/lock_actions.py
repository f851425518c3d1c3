"""Locking the app on a shared PC: the guard, the lock screen, and Windows' own lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pledge_desktop.ui.common.messages import show_problem

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QListWidget,
        QMenuBar,
        QStackedWidget,
        QStatusBar,
        QToolBar,
        QWidget,
    )

    from pledge_desktop.services.workspace import Workspace
    from pledge_desktop.ui.common.context import ScreenContext


class LockActions:
    """Mixed into the main window: covers its sections, cycle bar and menus while locked."""

    context: ScreenContext | None
    guard: Any
    lock_screen: QWidget | None
    outer: QStackedWidget
    nav: QListWidget
    cycle_bar: QToolBar

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...

        def menuBar(self) -> QMenuBar: ...

        def tr(self, text: str) -> str: ...

    def _start_guard(self, workspace: Workspace) -> None:
        from pledge_desktop.ui.shell.session_guard import SessionGuard, register_for_windows_lock

        if self.guard is not None:
            self.guard.stop()
        self.guard = SessionGuard(self, workspace.session_lock)
        register_for_windows_lock(self)

    def show_lock_screen(self, locked: bool) -> None:
        """Cover (or uncover) everything: the sections, the cycle bar and the menus."""
        from pledge_desktop.ui.shell.session_lock import LockScreen

        if self.lock_screen is None:
            screen = LockScreen()
            screen.unlock_button.clicked.connect(self._unlock)
            screen.passphrase.returnPressed.connect(self._unlock)
            self.outer.addWidget(screen)
            self.lock_screen = screen
        screen = self.lock_screen
        assert isinstance(screen, LockScreen)
        self.outer.setCurrentIndex(1 if locked else 0)
        self.menuBar().setEnabled(not locked)
        self.cycle_bar.setVisible(not locked and not self.nav.isHidden())
        screen.passphrase.clear()
        screen.message.clear()
        if locked:
            screen.passphrase.setFocus()
            self.statusBar().showMessage(self.tr("Locked."))

    def _unlock(self) -> None:
        screen = self.lock_screen
        if screen is None or self.guard is None:
            return
        if not self.guard.try_unlock(screen.passphrase.text()):  # type: ignore[attr-defined]
            screen.passphrase.clear()  # type: ignore[attr-defined]
            screen.message.setText(self.tr("That is not the passphrase. Try again."))  # type: ignore[attr-defined]
            return
        self.statusBar().showMessage(self.tr("Unlocked: carry on where you were."), 8000)

    def lock_now(self) -> None:
        if self.guard is None:
            return
        if not self.guard.lock() and not self.guard.locked:
            show_problem(
                self,
                self.tr("No passphrase yet"),
                self.tr("Set the app's passphrase first, in File → Session lock settings."),
            )

    def lock_settings(self) -> None:
        if self.context is None:
            return
        from pledge_desktop.ui.shell.session_lock import LockSettingsDialog

        LockSettingsDialog(self.context.workspace.session_lock, self).exec()

    def nativeEvent(self, event_type: Any, message: Any) -> Any:
        from pledge_desktop.ui.shell.session_guard import is_windows_lock

        if self.guard is not None and is_windows_lock(message):
            self.guard.lock()
        return super().nativeEvent(event_type, message)
