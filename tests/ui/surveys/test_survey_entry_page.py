"""Typing in paper forms with the keyboard alone, from serial to save."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pledge_desktop.domain.survey_entry import AnswerState

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    entry_page = window.current_page()
    assert entry_page.objectName() == "section6"
    assert QApplication.focusWidget() is entry_page.serial_input
    return entry_page


def keys(qtbot, widget, sequence: str) -> None:
    for char in sequence:
        qtbot.keyClicks(widget, char)


def open_serial(qtbot, page, serial: str) -> None:
    page.serial_input.selectAll()
    qtbot.keyClicks(page.serial_input, serial)
    qtbot.keyClick(page.serial_input, Qt.Key.Key_Return)


class CountingKeys:
    """Key presses on the answer line, counted as the nurse makes them."""

    def __init__(self, qtbot, widget) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.widget, self.count = qtbot, widget, 0

    def chars(self, sequence: str) -> None:
        for char in sequence:
            self.qtbot.keyClicks(self.widget, char)
            self.count += 1

    def key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.widget, key)
        self.count += 1


def test_a_whole_version_2_form_from_serial_to_save(qtbot, page, demo_workspace) -> None:
    """A version-2 form is typed in at no more keys than its answers, plus Enter to save.

    "Answers" are what the nurse reads off the paper: each box ticked (three on the treatment
    question), and each other question the form asks, whether one box is ticked or it was left
    empty (a blank is read and recorded too, with F2). Questions the form told the patient to
    skip count nothing and cost no key. This form: 38 questions asked, one of them with three
    boxes ticked, so 40 answers, typed in 41 keys.

    Where the keys are saved, and why each is safe:
    - Several boxes are typed top to bottom, as printed. A box printed at or before the last one
      ticked cannot be a further tick, so it ends the question and answers the next one: no
      Enter after the ticks. Enter still ends them; a digit that is no box never does.
    - 10 on the 0 to 10 scale, the commonest answer, is + (one key; 1 then 0 still works).
    The prompt and the screen reader's description of the answer line say what the next key
    will do.
    """
    cycle_id = demo_workspace.cycles.find("2026").id
    open_serial(qtbot, page, "212")
    answer = page.answer_input
    assert QApplication.focusWidget() is answer
    assert "never printed" in page.message.text()
    typing = CountingKeys(qtbot, answer)
    typing.chars("1211121112")  # finding out, and deciding on treatment: one key each
    assert page.entry.current.code == "tx_received"
    typing.chars("134")  # an operation, radiotherapy and hormone tablets ticked
    assert page.entry.current.code == "tx_received"
    told = "ticked 1, 3, 4; 5 or 6 ticks another; 1 to 4 or Enter: next question"
    assert told in page.prompt.text()
    assert told in answer.accessibleDescription(), "a screen reader hears the same"
    typing.chars("13")  # 1 is before box 4: the ticks end, and 1 answers the operation's question
    assert page.entry.answers["tx_received"].value == (1, 3, 4)
    assert page.entry.answers["surgery_choice"].value == 1
    typing.chars("2")  # no breast care nurse named: her two questions are skipped
    assert page.entry.answers["bcn_contact"].state is AnswerState.SKIPPED
    typing.chars("114141")  # living with breast cancer
    typing.chars("2321132211")  # support, clinics, care plan, the pledge booklet kept
    assert page.entry.current.code == "overall_care"
    assert "+ is 10" in page.prompt.text()
    typing.chars("+")  # 10 out of 10, in one key
    assert page.entry.answers["overall_care"].value == 10
    typing.key(Qt.Key.Key_F2)  # nothing really good written
    typing.key(Qt.Key.Key_F2)  # nor one thing to improve
    typing.chars("15113")  # about you
    assert page.entry.finished
    assert "Press Enter" in page.prompt.text()
    typing.key(Qt.Key.Key_Return)
    assert page.entry is None, "the next blank form is ready at once"
    qtbot.waitUntil(lambda: "Form 00212 saved" in page.message.text())
    saved = demo_workspace.survey_entry.open_form(cycle_id, 212).entry.answers
    asked = [a for a in saved.values() if a.state is not AnswerState.SKIPPED]
    assert len(asked) == 38
    answers = sum(len(a.value) if isinstance(a.value, tuple) else 1 for a in asked)
    assert answers == 40
    assert typing.count <= answers + 1
    assert typing.count == 41
    assert saved["surgery_reconstruction"].value == 3
    assert saved["sex"].value == 1
    assert "61 forms entered" in page.progress.text()


def test_ticks_are_taken_back_with_backspace_and_a_wrong_digit_ends_nothing(qtbot, page) -> None:
    open_serial(qtbot, page, "213")
    page.entry.go_to("tx_received")
    page._refresh()
    answer = page.answer_input
    keys(qtbot, answer, "25")
    qtbot.keyClick(answer, Qt.Key.Key_Backspace)
    assert page.entry.ticks == {2}
    assert "Backspace unticks 2" in page.prompt.text()
    keys(qtbot, answer, "9")
    assert "9 is not a box on this question" in page.message.text()
    assert page.entry.current.code == "tx_received", "a digit that is no box ends nothing"
    keys(qtbot, answer, "3")
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    assert page.entry.answers["tx_received"].value == (2, 3)
    assert page.entry.current.code == "bcn_named"
    qtbot.keyClick(answer, Qt.Key.Key_Up)  # back to correct it
    assert "a digit ticks or unticks its box" in page.prompt.text()
    keys(qtbot, answer, "1")
    assert page.entry.current.code == "tx_received", "a correction is never the next answer"
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    assert page.entry.answers["tx_received"].value == (1, 2, 3)


def test_one_on_the_0_to_10_scale_takes_one_key_and_the_next_goes_on(qtbot, page) -> None:
    open_serial(qtbot, page, "213")
    page.entry.go_to("overall_care")
    page._refresh()
    keys(qtbot, page.answer_input, "1")
    assert page.entry.current.code == "overall_care", "1 could be the start of 10"
    assert "Enter for box 1" in page.prompt.text()
    assert page.answer_input.text() == "1"
    keys(qtbot, page.answer_input, "5")
    assert page.entry.answers["overall_care"].value == 1
    assert page.entry.current.code == "good_care"
    assert page.answer_input.text() == "5", "the 5 begins the next, written, answer"
    page.entry.go_to("overall_care")
    page._refresh()
    keys(qtbot, page.answer_input, "1")
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Return)
    assert page.entry.answers["overall_care"].value == 1
    page.entry.go_to("overall_care")
    page._refresh()
    keys(qtbot, page.answer_input, "10")
    assert page.entry.answers["overall_care"].value == 10, "1 then 0 is 10, as before"
    page.entry.go_to("overall_care")
    page._refresh()
    keys(qtbot, page.answer_input, "1")
    qtbot.keyClick(page.answer_input, Qt.Key.Key_F2)  # the waiting 1 is forgotten
    assert page.entry.answers["overall_care"].state is AnswerState.LEFT_BLANK
    page.entry.go_to("filled_in_by")
    page._refresh()
    keys(qtbot, page.answer_input, "+")
    assert "+ (box 10) is not a box on this question" in page.message.text()
    keys(qtbot, page.answer_input, "1")
    assert page.entry.answers["filled_in_by"].value == 1, "one-digit boxes never wait"


def test_a_whole_version_1_form_with_its_skips(qtbot, page, demo_workspace) -> None:
    previous = demo_workspace.cycles.find("2025").id
    page.context.select_cycle(previous)
    open_serial(qtbot, page, "212")
    answer = page.answer_input
    keys(qtbot, answer, "1211")  # four choices, one key each
    keys(qtbot, answer, "2")  # no breast care nurse named: her three questions are skipped
    assert page.entry.current.code == "tx_options"
    qtbot.keyClick(answer, Qt.Key.Key_F3)  # more than one box ticked
    qtbot.keyClick(answer, Qt.Key.Key_F2)  # left blank
    qtbot.keyClick(answer, Qt.Key.Key_Up)  # back to fix the last one
    assert page.entry.current.code == "tx_involved"
    keys(qtbot, answer, "2")
    keys(qtbot, answer, "1")  # tx_side_effects
    keys(qtbot, answer, "13")  # surgery and radiotherapy ticked
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    assert page.entry.answers["tx_received"].value == (1, 3)
    keys(qtbot, answer, "11")  # surgery questions
    keys(qtbot, answer, "1")  # radiotherapy information (chemotherapy skipped)
    assert page.entry.answers["chemo_info"].state is AnswerState.SKIPPED
    while page.entry.current.code != "improve_one_thing":
        qtbot.keyClick(answer, Qt.Key.Key_1)
    qtbot.keyClicks(answer, "Shorter waits in clinic")
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    qtbot.keyClick(answer, Qt.Key.Key_F2)  # nothing else to tell us
    keys(qtbot, answer, "312")  # about you
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Form 00212 saved" in page.message.text())
    saved = demo_workspace.survey_entry.open_form(previous, 212).entry.answers
    assert saved["tx_options"].state is AnswerState.UNREADABLE
    assert saved["tx_involved"].value == 2
    assert saved["improve_one_thing"].value == "Shorter waits in clinic"


def test_the_entry_screen_shows_the_main_language_only(qtbot, page, demo_workspace) -> None:
    """Second-language wording is for the paper; the nurse types from the main language."""
    from dataclasses import replace

    from pledge_desktop.domain.questionnaire_edit import replace_question

    open_serial(qtbot, page, "214")
    questionnaire = page.entry.questionnaire
    first = questionnaire.questions()[0]
    bilingual = replace(first, text_second_language="Pa mor hir oedd yr aros am eich canlyniadau?")
    page.entry.questionnaire = replace_question(questionnaire, first.code, bilingual)
    page.entry.questions = page.entry.questionnaire.questions()
    page._build_form()
    page._refresh()
    shown = page.labels[first.code].text()
    assert first.text in shown
    assert "Pa mor hir" not in shown


def test_a_wrong_key_is_explained_and_changes_nothing(qtbot, page) -> None:
    open_serial(qtbot, page, "203")
    keys(qtbot, page.answer_input, "7")
    assert "7 is not a box on this question" in page.message.text()
    keys(qtbot, page.answer_input, "x")
    assert "Type the number beside the ticked box" in page.message.text()
    assert page.entry.current.code == "diag_test_wait"
    assert page.entry.answers == {}


def test_a_form_entered_before_reopens_with_a_warning(qtbot, page) -> None:
    open_serial(qtbot, page, "204")
    keys(qtbot, page.answer_input, "2")
    qtbot.keyClick(page.answer_input, Qt.Key.Key_S, CTRL)
    open_serial(qtbot, page, "204")
    assert "already entered on" in page.message.text()
    assert "☒ <small>2</small> It was a bit too long" in page.labels["diag_test_wait"].text()


def test_typing_survives_as_a_draft_and_is_offered_back(qtbot, page, demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    open_serial(qtbot, page, "221")
    keys(qtbot, page.answer_input, "12")
    qtbot.waitUntil(lambda: demo_workspace.survey_entry.drafts(cycle_id) == [221], timeout=3000)
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Escape)  # put aside
    assert "Unfinished: 00221" in page.progress.text()
    open_serial(qtbot, page, "221")
    assert "was being typed and not saved" in page.message.text()
    assert page.entry.current.code == "diag_told_sensitively"
    assert page.entry.answers["diag_results_explained"].value == 2


def test_switching_cycle_puts_the_form_aside_in_its_own_cycle(qtbot, page, demo_workspace) -> None:
    current = demo_workspace.cycles.find("2026").id
    previous = demo_workspace.cycles.find("2025").id
    open_serial(qtbot, page, "230")
    keys(qtbot, page.answer_input, "1")
    window = page.window()
    window.cycle_choice.setCurrentIndex(window.cycle_choice.findText("2025 · Primary"))
    assert page.entry is None
    assert demo_workspace.survey_entry.drafts(current) == [230]
    assert demo_workspace.survey_entry.drafts(previous) == []
    assert "50 forms entered" in page.progress.text()


def test_print_blank_forms_from_the_entry_screen(qtbot, page, demo_workspace, tmp_path) -> None:
    from pypdf import PdfReader
    from PySide6.QtCore import QTimer

    from pledge_desktop.ui.surveys.print_forms_dialog import PrintFormsDialog

    target = tmp_path / "clinic.pdf"
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrintFormsDialog):
            QTimer.singleShot(10, fill)
            return
        seen.append(str(dialog.start.value()))
        dialog.count.selectAll()
        qtbot.keyClicks(dialog.count, "3")
        dialog.path.setText(str(target))
        qtbot.keyClick(dialog.count, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    page.open_folder_calls = []
    import pledge_desktop.ui.common.desktop as dialogs

    original = dialogs.open_folder
    dialogs.open_folder = lambda folder: page.open_folder_calls.append(folder) or True
    try:
        qtbot.keyClick(page.serial_input, Qt.Key.Key_P, CTRL)
    finally:
        dialogs.open_folder = original
    assert seen == ["61"], "the next number never used: the demo's 60 forms are typed in"
    assert "Forms saved in" in page.message.text()
    assert page.open_folder_calls == [tmp_path]
    text = PdfReader(target).pages[0].extract_text()
    assert "Form 00061" in text
    assert demo_workspace.survey_forms.next_serial(demo_workspace.cycles.find("2026").id) == 64


def test_a_new_batch_then_a_form_typed_into_it(qtbot, page, demo_workspace) -> None:
    from PySide6.QtCore import QTimer

    from pledge_desktop.ui.surveys.batch_dialog import NewBatchDialog

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewBatchDialog):
            QTimer.singleShot(10, fill)
            return
        qtbot.keyClicks(dialog.label, "Tuesday clinic")
        dialog.expected.selectAll()
        qtbot.keyClicks(dialog.expected, "18")
        qtbot.keyClick(dialog.label, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    page.batches.findChild(type(page.print_button), "newBatch").click()
    assert page.batches.choice.currentText() == "Tuesday clinic: 0 of 18 entered"
    open_serial(qtbot, page, "250")
    keys(qtbot, page.answer_input, "1")
    qtbot.keyClick(page.answer_input, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: page.batches.choice.currentText() == "Tuesday clinic: 1 of 18 entered")


def test_a_form_that_cannot_be_saved_is_kept(qtbot, page, demo_workspace, monkeypatch) -> None:
    from pledge_desktop.domain.errors import StorageError
    from tests.helpers import answer_next_dialog

    service = demo_workspace.survey_entry

    def disk_full(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise StorageError("The computer's disk is full, so this was not saved.")

    monkeypatch.setattr(service, "save_form", disk_full)
    open_serial(qtbot, page, "240")
    keys(qtbot, page.answer_input, "12")
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    qtbot.keyClick(page.answer_input, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(seen))
    assert "Form 00240 was not saved: The computer's disk is full" in seen[0]
    assert "It is kept" in seen[0]
    monkeypatch.undo()
    open_serial(qtbot, page, "240")
    assert page.entry.answers["diag_results_explained"].value == 2
    qtbot.keyClick(page.answer_input, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "Form 00240 saved" in page.message.text())
    cycle_id = demo_workspace.cycles.find("2026").id
    assert service.open_form(cycle_id, 240).entry.answers["diag_test_wait"].value == 1


def test_a_written_answer_half_typed_is_in_the_draft_and_comes_back(
    qtbot, page, demo_workspace
) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    open_serial(qtbot, page, "231")
    page.entry.go_to("improve_one_thing")
    page._refresh()
    qtbot.keyClicks(page.answer_input, "The car park is always fu")
    qtbot.waitUntil(lambda: demo_workspace.survey_entry.drafts(cycle_id) == [231], timeout=5000)
    # the app is gone before Enter: the draft alone must hold the half-typed words
    reopened = demo_workspace.survey_entry.open_form(cycle_id, 231)
    assert reopened.entry.typing == "The car park is always fu"
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Escape)
    open_serial(qtbot, page, "231")
    assert page.entry.current.code == "improve_one_thing"
    assert page.answer_input.text() == "The car park is always fu"
    qtbot.keyClicks(page.answer_input, "ll")
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Return)
    assert page.entry.answers["improve_one_thing"].value == "The car park is always full"
    assert page.entry.typing == ""


def test_looking_at_a_saved_form_and_leaving_makes_no_draft(qtbot, page, demo_workspace) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    open_serial(qtbot, page, "12")
    assert "already entered on" in page.message.text()
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Escape)
    assert demo_workspace.survey_entry.drafts(cycle_id) == []
    assert "left as it was" in page.message.text()
    assert "Unfinished" not in page.progress.text()


def test_a_reopened_draft_scrolls_to_where_the_nurse_was(qtbot, page, demo_workspace) -> None:
    open_serial(qtbot, page, "232")
    page.entry.go_to("improve_one_thing")  # far down the form
    page._refresh()
    qtbot.keyClicks(page.answer_input, "Kinder")
    qtbot.keyClick(page.answer_input, Qt.Key.Key_Escape)
    page.form_area.verticalScrollBar().setValue(0)
    open_serial(qtbot, page, "232")
    label = page.labels["improve_one_thing"]
    area = page.form_area

    def shown() -> bool:
        top = label.mapTo(area.widget(), label.rect().topLeft()).y()
        scrolled = area.verticalScrollBar().value()
        return scrolled <= top <= scrolled + area.viewport().height()

    qtbot.waitUntil(shown, timeout=3000)


def test_print_large_print_forms_with_the_teams_own_purpose(
    qtbot, page, demo_workspace, tmp_path
) -> None:
    import pdfplumber
    from PySide6.QtCore import QTimer

    from pledge_desktop.ui.surveys.print_forms_dialog import PrintFormsDialog

    target = tmp_path / "large.pdf"
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrintFormsDialog):
            QTimer.singleShot(10, fill)
            return
        seen.append(dialog.return_note.text())
        dialog.count.selectAll()
        qtbot.keyClicks(dialog.count, "1")
        dialog.path.setText(str(target))
        dialog.large_print.setFocus()
        qtbot.keyClick(dialog.large_print, Qt.Key.Key_Space)
        dialog.purpose.setFocus()
        dialog.purpose.selectAll()
        qtbot.keyClicks(dialog.purpose, "Tell us how we did. It is anonymous.")
        dialog.make()

    QTimer.singleShot(0, fill)
    import pledge_desktop.ui.common.desktop as dialogs

    original = dialogs.open_folder
    dialogs.open_folder = lambda folder: True
    try:
        page.print_forms()
    finally:
        dialogs.open_folder = original
    assert "24 April 2026" in seen[0]
    cycle_id = demo_workspace.cycles.find("2026").id
    assert demo_workspace.survey_forms.purpose(cycle_id) == "Tell us how we did. It is anonymous."
    with pdfplumber.open(target) as pdf:
        text = " ".join((p.extract_text() or "").replace("\n", " ") for p in pdf.pages)
        sizes = {round(c["size"]) for p in pdf.pages for c in p.chars}
    assert "Tell us how we did. It is anonymous." in text
    assert min(sizes) >= 16


def test_a_batch_records_forms_handed_out_and_the_bar_shows_returns(
    qtbot, page, demo_workspace
) -> None:
    from PySide6.QtCore import QTimer

    from pledge_desktop.ui.surveys.batch_dialog import NewBatchDialog

    assert page.batches.returns.text() == "Forms: 60 returned of 150 handed out (40%)"

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewBatchDialog):
            QTimer.singleShot(10, fill)
            return
        qtbot.keyClicks(dialog.label, "Oncology clinic")
        dialog.expected.selectAll()
        qtbot.keyClicks(dialog.expected, "9")
        dialog.handed_out.setFocus()
        dialog.handed_out.selectAll()
        qtbot.keyClicks(dialog.handed_out, "25")
        qtbot.keyClick(dialog.label, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    page.batches.findChild(type(page.print_button), "newBatch").click()
    assert page.batches.choice.currentText() == (
        "Oncology clinic: 0 of 9 entered, 9 returned of 25 handed out"
    )
