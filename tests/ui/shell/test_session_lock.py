"""The session lock on a shared PC: idle → locked (patient data covered) → unlocked, with what
was being typed still there."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.passphrase import hash_passphrase, verify

CTRL = Qt.KeyboardModifier.ControlModifier


def test_passphrases_are_kept_only_as_scrypt_hashes(demo_workspace) -> None:
    stored = hash_passphrase("correct horse")
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert verify("correct horse", stored) and not verify("wrong horse", stored)
    assert not verify("anything", "garbage")
    lock = demo_workspace.session_lock
    with pytest.raises(ValidationError):
        lock.set_passphrase("short", "short")
    with pytest.raises(ValidationError):
        lock.set_passphrase("long enough", "not the same")
    lock.set_passphrase("long enough", "long enough")
    with pytest.raises(ValidationError):  # changing it needs the current one
        lock.set_passphrase("another one", "another one", "a wrong guess")
    lock.set_passphrase("another one", "another one", "long enough")
    assert lock.unlocks("another one") and not lock.unlocks("long enough")


def test_idle_locks_and_the_passphrase_unlocks_with_typing_kept(
    qtbot, open_window, demo_workspace
) -> None:
    demo_workspace.session_lock.set_passphrase("tea at four", "tea at four")
    demo_workspace.session_lock.set_idle_minutes(5)
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)  # type in surveys
    entry = window.current_page()
    serial = entry.serial_input
    qtbot.keyClicks(serial, "12")
    guard = window.guard
    assert not guard.check_idle(time.monotonic() + 4 * 60)  # not yet
    assert guard.check_idle(time.monotonic() + 5 * 60 + 1)
    assert window.outer.currentWidget() is window.lock_screen
    assert not window.menuBar().isEnabled()
    assert not entry.isVisible()  # nothing of the form shows
    screen = window.lock_screen
    assert QApplication.focusWidget() is screen.passphrase
    qtbot.keyClicks(screen.passphrase, "coffee at ten")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert guard.locked and "not the passphrase" in screen.message.text()
    qtbot.keyClicks(screen.passphrase, "tea at four")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert not guard.locked
    assert window.outer.currentIndex() == 0 and window.menuBar().isEnabled()
    assert entry.isVisible() and serial.text() == "12"
    assert QApplication.focusWidget() is serial  # back where the nurse was


def test_lock_now_needs_a_passphrase_first(qtbot, open_window, demo_workspace) -> None:
    from tests.helpers import answer_next_dialog, reactivate

    window = open_window(demo_workspace)
    answer_next_dialog("OK")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert not window.guard.locked
    demo_workspace.session_lock.set_passphrase("tea at four", "tea at four")
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert window.guard.locked


def test_keys_and_clicks_at_the_window_or_a_dialog_keep_the_app_awake(
    qtbot, open_window, demo_workspace
) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    window = open_window(demo_workspace)
    guard = window.guard
    guard.last_input = 0.0
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Down)  # as the system delivers a key
    assert guard.last_input > 0
    guard.last_input = 0.0
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton)
    assert guard.last_input > 0
    dialog = QDialog(window)
    box = QLineEdit()
    QVBoxLayout(dialog).addWidget(box)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.windowHandle() in guard.watched)
    guard.last_input = 0.0
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert guard.last_input > 0 and box.text() == "a"
    dialog.close()
    guard.stop()
    assert guard.watched == []
