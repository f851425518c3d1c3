"""The Booklet section, by keyboard: the team's words, what goes in, highlights, the plain-
English check, the preview, and the booklet and poster written as PDFs."""

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.helpers import answer_next_dialog, reactivate, when_dialog
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
    assert booklet_page.objectName() == "section13"
    booklet_page.window_ = window
    return booklet_page


def test_words_typed_saved_and_printed(
    qtbot, page, demo_workspace, cycle_id, monkeypatch, tmp_path
) -> None:
    welcome = page.edits["welcome"]
    assert QApplication.focusWidget() is welcome
    qtbot.keyClick(welcome, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(welcome, "Welcome to the breast unit. We are here for you and your family.")
    assert page.dirty
    qtbot.keyClick(welcome, Qt.Key.Key_S, CTRL)
    assert not page.dirty
    words = demo_workspace.booklet.words(cycle_id)
    assert words.welcome == "Welcome to the breast unit. We are here for you and your family."

    # leave a quote out, by keyboard
    qtbot.keyClick(page, Qt.Key.Key_I, ALT)
    quotes = page.choices_tab.quotes
    quotes.setFocus()
    quotes.setCurrentRow(0)
    left_out = quotes.item(0).text()
    qtbot.keyClick(quotes, Qt.Key.Key_Space)
    assert quotes.item(0).checkState() == Qt.CheckState.Unchecked
    assert page.dirty

    # write it: the plain-English check comes first, and the edits are saved with it
    out = tmp_path / "booklet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list[str] = []

    def read_and_go_on(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append(
            dialog.findChild(type(dialog.go_on.parent().parent()), "").objectName() if False else ""
        )
        seen.append(dialog.findings.item(0).text())
        dialog.go_on.click()

    when_dialog("wordingDialog", read_and_go_on)
    qtbot.keyClick(page, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(out.exists)
    assert "long sentence" in seen[-1]
    assert not page.dirty
    text = pdf_text(out)
    assert "Welcome to the breast unit." in text
    wording = left_out.split("”")[0].lstrip("“")
    assert wording[:25] not in text
    quote_id = demo_workspace.booklet.choices(cycle_id).quotes_left_out
    assert len(quote_id) == 1


def test_going_back_from_the_check_writes_nothing(qtbot, page, monkeypatch, tmp_path) -> None:
    out = tmp_path / "booklet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    when_dialog("wordingDialog", lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    qtbot.keyClick(page, Qt.Key.Key_B, ALT)
    qtbot.wait(200)
    assert not out.exists()


def test_a_highlight_added_and_its_figure_shown(qtbot, page, demo_workspace, cycle_id) -> None:
    qtbot.keyClick(page, Qt.Key.Key_U, ALT)
    highlights = page.highlights_tab
    assert QApplication.focusWidget() is highlights.list
    before = highlights.list.count()

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        index = dialog.question.findData("teamwork")
        dialog.question.setCurrentIndex(index)
        dialog.boxes[1][1].setChecked(True)  # always, or most of the time
        qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
        qtbot.keyClicks(dialog.wording, "of you said our team worked well together")
        assert "%" in dialog.figure.text()
        qtbot.keyClick(dialog.wording, Qt.Key.Key_Return)

    when_dialog("highlightDialog", fill)
    qtbot.keyClick(page, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: highlights.list.count() == before + 1)
    reactivate(qtbot, page.window_)
    assert "of patients said our team worked well together" in highlights.list.item(before).text()
    # move it to the top, then save
    highlights.list.setFocus()
    for _ in range(before):
        qtbot.keyClick(highlights.list, Qt.Key.Key_Up, CTRL)
    assert "worked well together" in highlights.list.item(0).text()
    qtbot.keyClick(highlights.list, Qt.Key.Key_S, CTRL)
    saved = demo_workspace.booklet.choices(cycle_id).highlights
    assert saved[0].wording == "of patients said our team worked well together"
    assert saved[0].option_codes == (1, 2)


def test_a_small_count_is_not_offered_for_printing(qtbot, page) -> None:
    qtbot.keyClick(page, Qt.Key.Key_U, ALT)
    shown: list[str] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.question.setCurrentIndex(dialog.question.findData("sex"))
        for code, box in dialog.boxes:
            box.setChecked(code == 2)  # "A man": one form
        shown.append(dialog.figure.text())
        dialog.reject()

    when_dialog("highlightDialog", look)
    qtbot.keyClick(page, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].startswith("Not printed: fewer than 8")


def test_preview_shows_the_pages(qtbot, page) -> None:
    pages: list[str] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        pages.append(dialog.pages.text())
        assert dialog.document.pageCount() % 4 == 0
        dialog.reject()

    when_dialog("bookletPreview", look)
    qtbot.keyClick(page, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: bool(pages))
    assert pages[0].startswith("12 pages (A5)")


def test_a_logo_chosen_and_unsaved_changes_kept(
    qtbot, page, demo_workspace, cycle_id, monkeypatch, tmp_path
) -> None:
    picture = tmp_path / "logo.png"
    image = QImage(300, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#005eb8"))
    assert image.save(str(picture))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    qtbot.keyClick(page, Qt.Key.Key_I, ALT)
    qtbot.keyClick(page, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: not page.choices_tab.logo.pixmap().isNull())
    assert page.dirty
    answer_next_dialog("Save")
    qtbot.keyClick(page.window_, Qt.Key.Key_1, CTRL)  # leave: the nurse is asked, and saves
    qtbot.waitUntil(lambda: page.window_.current_page() is not page)
    logo = demo_workspace.booklet.choices(cycle_id).logo_png
    assert logo is not None and QImage.fromData(logo).width() == 300


def test_the_poster_is_written(qtbot, page, monkeypatch, tmp_path) -> None:
    out = tmp_path / "poster.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.keyClick(page, Qt.Key.Key_3, ALT)
    qtbot.waitUntil(page.poster_a3.isChecked)
    qtbot.keyClick(page, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(out.exists)
    assert "You said, we are doing" in pdf_text(out)
    with pdfplumber.open(out) as pdf:
        assert round(pdf.pages[0].width) == 842  # A3 portrait
