"""The main window's menus, backups from the GUI, and closing without losing anything."""

import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QTextBrowser

from pledge_desktop.domain.setup import Hospital
from tests.helpers import answer_next_dialog, reactivate, read_next_dialog


def menu_action(window, menu_title: str, text: str):
    for menu_action_ in window.menuBar().actions():
        if menu_action_.text().replace("&", "") == menu_title:
            for action in menu_action_.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"No {menu_title} → {text}")


def test_menus_offer_what_a_nurse_needs(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    for menu, item in [
        ("File", "Backup now"),
        ("File", "Restore from backup…"),
        ("File", "Open data folder"),
        ("File", "Quit"),
        ("Help", "User guide"),
        ("Help", "About Pledge Desktop"),
        ("Go", "Pledge cycles"),
    ]:
        assert menu_action(window, menu, item).isEnabled()


def test_backup_now_from_the_file_menu(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(
        window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    backups = demo_workspace.maintenance.backups()
    assert len(backups) == 1 and backups[0].kind == "manual"
    assert "Backed up to" in window.statusBar().currentMessage()


def test_about_shows_the_data_folder(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    shown: list[str] = []
    read_next_dialog(lambda d: d.findChild(QLabel, "aboutText").text(), shown)
    menu_action(window, "Help", "About Pledge Desktop").trigger()
    assert str(demo_workspace.data_dir) in shown[0]
    assert "fictional" in shown[0]


def test_user_guide_opens_inside_the_app(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    text: list[str] = []
    read_next_dialog(lambda d: d.findChild(QTextBrowser, "guideText").toPlainText(), text)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "Pledge Desktop user guide" in text[0]
    assert "Backups" in text[0]


def test_restore_from_the_file_menu(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    demo_workspace.maintenance.backup_now()
    demo_workspace.setup.save_hospital(Hospital(name="Renamed by mistake"))
    answer_next_dialog("Restore")  # the list of backups: the newest is chosen
    QTimer.singleShot(100, lambda: answer_next_dialog("Restore"))  # "Replace all the data…?"
    menu_action(window, "File", "Restore from backup…").trigger()
    qtbot.waitUntil(lambda: "Restored" in window.statusBar().currentMessage())
    assert demo_workspace.setup.hospital().name.startswith("Riverside General")
    assert "Riverside General" in window.current_page().where.text()
    kinds = sorted(b.kind for b in demo_workspace.maintenance.backups())
    assert kinds == ["before-restore", "manual"]
    reactivate(qtbot, window)


def test_closing_backs_up_what_changed(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    demo_workspace.setup.save_hospital(Hospital(name="Changed before closing"))
    data_dir = demo_workspace.data_dir
    window.close()
    autos = sorted((data_dir / "backups").glob("auto-*.sqlite3"))
    assert len(autos) == 1
    with sqlite3.connect(autos[0]) as c:
        assert c.execute("SELECT name FROM hospital").fetchone() == ("Changed before closing",)


def test_closing_with_unsaved_edits_asks_first(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    name = page.form.widget("name")
    name.selectAll()
    qtbot.keyClicks(name, "Typed but not saved")
    answer_next_dialog("Cancel")
    window.close()
    assert window.isVisible(), "Cancel keeps the window open with the typing intact"
    assert name.text() == "Typed but not saved"
    answer_next_dialog("Save")
    window.close()
    assert not window.isVisible()
    assert window.context is None
