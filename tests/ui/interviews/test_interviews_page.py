"""Interviews on screen: a new interview, a Word transcript, coding with undo and redo, a
quote refused without consent and approved with it."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from tests.helpers import reactivate, when_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_interviews(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    page = window.current_page()
    assert page.objectName() == "section11"
    return page


def test_interview_transcript_coding_and_quote(
    qtbot, open_window, demo_workspace, tmp_path, monkeypatch
) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("[Fictional test transcript]")
    document.add_paragraph("Nobody told me how long the wait would be.")
    path = tmp_path / "p05.docx"
    document.save(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    window = open_window(demo_workspace)
    page = open_interviews(qtbot, window)
    listing = page.interviews
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_N, CTRL)
    assert listing.form.widget("pseudonym").text() == "P05"  # the next free code
    stages = listing.form.widget("stages")
    qtbot.keyClick(stages.boxes["surgery"], Qt.Key.Key_Space)
    qtbot.keyClick(listing.form.widget("pseudonym"), Qt.Key.Key_Return)  # save
    cycle_id = demo_workspace.cycles.find("2026").id
    (p05,) = [i for i in demo_workspace.interviews.interviews(cycle_id) if i.pseudonym == "P05"]
    assert p05.stages == ("surgery",) and not p05.consent_quotes_anonymous

    seen: dict[str, object] = {}

    def work(dialog: QDialog) -> None:
        dialog.activateWindow()  # no window manager offscreen: give it the keyboard
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_I, ALT)  # Import .txt or .docx…
        qtbot.waitUntil(lambda: "how long the wait" in dialog.text.toPlainText())
        text = dialog.text
        text.setFocus()
        qtbot.keyClick(text, Qt.Key.Key_End, CTRL)
        qtbot.keyClick(text, Qt.Key.Key_Up)
        qtbot.keyClick(text, Qt.Key.Key_Home)
        qtbot.keyClick(text, Qt.Key.Key_End, SHIFT)  # select the patient's sentence
        waiting = next(i for i, t in enumerate(dialog.themes) if t.name == "Waiting")
        qtbot.keyClick(text, getattr(Qt.Key, f"Key_{waiting + 1}"), CTRL)
        seen["coded"] = dialog.passage_list.count()
        qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)
        seen["undone"] = dialog.passage_list.count()
        qtbot.keyClick(text, Qt.Key.Key_Y, CTRL)
        seen["redone"] = dialog.passage_list.item(0).text()
        dialog.passage_list.setCurrentRow(0)
        qtbot.keyClick(dialog, Qt.Key.Key_Q, ALT)  # Make a quote
        qtbot.waitUntil(lambda: len(demo_workspace.coding.quotes(cycle_id)) == 5)
        dialog.close_dialog()

    when_dialog("transcriptDialog", work)
    listing.table.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_R, ALT)  # Open transcript and coding…
    qtbot.waitUntil(lambda: "redone" in seen, timeout=10000)  # a button clicks after 0.1 s
    assert (seen["coded"], seen["undone"]) == (1, 0)
    assert str(seen["redone"]).startswith("“Nobody told me how long the wait would be.” — Waiting")

    # the quote: refused without consent, approved once the consent covers it
    reactivate(qtbot, window)
    qtbot.keyClick(page.tabs, Qt.Key.Key_U, ALT)  # Quotes tab
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.quotes)
    quotes = page.quotes
    row = next(
        r for r in range(quotes.model.rowCount()) if quotes.model.record(r).pseudonym == "P05"
    )
    quotes.table.selectRow(row)
    assert "did not agree to be quoted" in quotes.approval.text()
    refused: list[str] = []

    def read(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        refused.append(box.text())
        box.accept()

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            read(box)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    quotes.approve_button.click()
    assert refused and "did not agree to be quoted" in refused[0]
    from dataclasses import replace

    demo_workspace.interviews.save_interview(
        replace(p05, consent_date=p05.interview_date, consent_quotes_anonymous=True)
    )
    quotes.table.selectRow(row)
    quotes.approve_button.click()
    (approved,) = [v for v in demo_workspace.coding.quotes(cycle_id) if v.pseudonym == "P05"]
    assert approved.quote.approved
