"""The Booklet section's cover and back cover, by keyboard, and the web page and Word editions
written from the screen."""

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.helpers import reactivate, when_dialog
from tests.pdfs import pdf_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


@pytest.fixture
def page(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    booklet_page = window.current_page()
    booklet_page.window_ = window  # kept open for the test
    return booklet_page


def go_on(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.go_on.click()


def test_cover_line_helplines_and_language_saved_and_printed(
    qtbot, page, demo_workspace, cycle_id, monkeypatch, tmp_path
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_D, ALT)
    cover = page.cover_tab
    assert QApplication.focusWidget() is cover.cover_line
    assert cover.cover_line.placeholderText() == "For patients newly told they have breast cancer"
    qtbot.keyClicks(cover.cover_line, "For you and the people close to you")
    assert page.dirty
    # a helpline typed over, by keyboard: Alt+T reaches the table
    qtbot.keyClick(page, Qt.Key.Key_T, ALT)
    assert QApplication.focusWidget() is cover.helplines
    for column, text in ((0, "Llinell Gymorth Cymru"), (1, "0800 123 4567")):
        cover.helplines.setCurrentCell(3, column)
        qtbot.keyClick(cover.helplines, Qt.Key.Key_F2)  # edit the cell
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not cover.helplines)
        editor = QApplication.focusWidget()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is cover.helplines)
    qtbot.keyClick(page, Qt.Key.Key_V, ALT)  # "I have checked these helpline numbers"
    qtbot.waitUntil(cover.checked.isChecked)
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    assert not page.dirty
    details = demo_workspace.booklet.details(cycle_id)
    assert details.cover_line == "For you and the people close to you"
    assert details.helplines_checked
    assert details.helplines[-1].name == "Llinell Gymorth Cymru"
    assert details.helplines[-1].phone == "0800 123 4567"

    out = tmp_path / "booklet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    when_dialog("wordingDialog", go_on)
    qtbot.keyClick(page, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(out.exists)
    text = pdf_text(out)
    assert "For you and the people close to you" in text
    assert "Llinell Gymorth Cymru" in text and "0800 123 4567" in text
    assert "Check these numbers" not in text


def test_the_web_page_and_word_editions_written_from_the_screen(
    qtbot, page, demo_workspace, cycle_id, monkeypatch, tmp_path
) -> None:
    for key, suffix in (("html", "html"), ("docx", "docx")):
        page.edition.setCurrentIndex(page.edition.findData(key))
        assert not page.large_print.isEnabled() and not page.imposed.isEnabled()
        out = tmp_path / f"booklet.{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out, **k: (str(o), ""))
        when_dialog("wordingDialog", go_on)
        qtbot.keyClick(page, Qt.Key.Key_B, ALT)
        qtbot.waitUntil(out.exists)
        reactivate(qtbot, page.window_)
    html = (tmp_path / "booklet.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html and "What you told us" in html
    with zipfile.ZipFile(tmp_path / "booklet.docx") as docx:
        assert "What you told us" in docx.read("word/document.xml").decode("utf-8")
    assert demo_workspace.booklet.written_at(cycle_id) is not None
