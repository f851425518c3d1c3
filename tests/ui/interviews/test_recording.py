"""Playing an interview's recording: Alt+P hands it to the computer's own media player; when
the computer has none, a plain message says where the recording is kept."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pledge_desktop.ui.interviews import transcript_dialog
from tests.helpers import when_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def read_message(into: list[str]) -> None:
    """When a message box opens (over the transcript dialog), note its text and close it."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        into.append(box.text())
        box.accept()

    QTimer.singleShot(0, look)


def press_play(qtbot, window, demo_workspace, tmp_path, monkeypatch, player_opens):  # type: ignore[no-untyped-def]
    """Attach a recording to a consenting interview, open its transcript, press Alt+P; return
    the paths handed to the player and the text of any message shown."""
    interviews = demo_workspace.interviews
    cycle_id = demo_workspace.cycles.find("2026").id
    recorded = next(i for i in interviews.interviews(cycle_id) if i.consent_recording)
    source = tmp_path / "interview.mp3"
    source.write_bytes(b"ID3 fictional audio bytes")
    interviews.attach_audio(recorded.id, source)
    handed: list[Path] = []
    monkeypatch.setattr(
        transcript_dialog, "open_recording", lambda path: handed.append(path) or player_opens
    )
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    page = window.current_page()
    listing = page.interviews
    row = next(
        r
        for r in range(listing.model.rowCount())
        if listing.model.record(r).pseudonym == recorded.pseudonym
    )
    listing.table.selectRow(row)
    messages: list[str] = []
    done: list[bool] = []

    def play(dialog: QDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        assert dialog.audio_note.text() == "Recording attached"
        if not player_opens:
            read_message(messages)
        qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)  # Play recording (clicks after 0.1 s)
        qtbot.waitUntil(lambda: bool(handed) and (player_opens or bool(messages)))
        dialog.close_dialog()
        done.append(True)

    when_dialog("transcriptDialog", play)
    listing.table.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_R, ALT)  # Open transcript and coding…
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    return handed, messages, demo_workspace.data_dir


def test_the_recording_goes_to_the_system_player(
    qtbot, open_window, demo_workspace, tmp_path, monkeypatch
) -> None:
    window = open_window(demo_workspace)
    handed, messages, data_dir = press_play(
        qtbot, window, demo_workspace, tmp_path, monkeypatch, player_opens=True
    )
    assert len(handed) == 1 and not messages
    assert handed[0].parent == data_dir / "audio"
    assert handed[0].read_bytes() == b"ID3 fictional audio bytes"


def test_no_player_says_where_the_recording_is(
    qtbot, open_window, demo_workspace, tmp_path, monkeypatch
) -> None:
    window = open_window(demo_workspace)
    handed, messages, _data_dir = press_play(
        qtbot, window, demo_workspace, tmp_path, monkeypatch, player_opens=False
    )
    assert len(handed) == 1
    assert len(messages) == 1 and "no program set to play this recording" in messages[0]
    assert str(handed[0]) in messages[0]
