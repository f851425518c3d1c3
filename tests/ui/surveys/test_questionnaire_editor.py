"""The questionnaire editor by keyboard: copy a template, change it, undo, save; the lock."""

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.setup import PledgeCycle
from pledge_desktop.domain.survey_entry import FormEntry
from tests.helpers import answer_next_dialog, reactivate

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def type_into_next_input(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, fill)
            return
        line = dialog.findChild(QLineEdit)
        line.selectAll()
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def open_page(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_9, CTRL)
    page = window.current_page()
    assert page.objectName() == "section9"
    return page


def test_copy_a_template_change_it_undo_and_save(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = open_page(qtbot, window)
    editor = page.editor
    assert editor.locked and "Make a copy" in editor.lock_note.text()
    type_into_next_input(qtbot, "Our survey")
    qtbot.keyClick(page.table, Qt.Key.Key_P, ALT)  # Make a copy… (a button clicks after 0.1 s)
    qtbot.waitUntil(lambda: "Our survey" in demo_workspace.questionnaires.names())
    reactivate(qtbot, window)
    assert page.model.record(page.table.currentIndex().row()).name == "Our survey"
    assert not editor.locked and editor.lock_note.isHidden()
    tree = editor.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the first question
    assert editor.q_code.text() == "diag_private"
    assert editor.q_goals.text() == "A quiet room for giving results (2025)"  # the demo's
    for _ in range(6):  # down to Q6, past the heading of the next section
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert editor.q_code.text() == "bcn_contact"
    assert "Call back on the same day (2025); Call back on the same day (2026)" in (
        editor.q_goals.text()
    )
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    # reword it
    editor.q_text.setFocus()
    editor.q_text.selectAll()
    qtbot.keyClicks(editor.q_text, "How were you told?")
    assert tree.currentItem().text(0) == "1. How were you told?"
    qtbot.keyClick(editor.q_text, Qt.Key.Key_Z, CTRL)  # undo the rewording in one step
    assert editor.working.question("diag_private").text.startswith("When you were told")
    qtbot.keyClick(editor.q_text, Qt.Key.Key_Y, CTRL)  # and redo it
    assert editor.working.question("diag_private").text == "How were you told?"
    # a new question, typed in
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is editor.q_text
    qtbot.keyClicks(editor.q_text, "Did you have to wait more than an hour?")
    editor.q_type.setFocus()
    editor.q_type.setCurrentIndex(editor.q_type.findData(AnswerType.SINGLE.value))
    editor.q_options.setFocus()
    editor.q_options.selectAll()
    for number, line in enumerate(("1 No", "2 Yes, up to two hours", "3 Yes, longer")):
        if number:
            qtbot.keyClick(editor.q_options, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.q_options, line)
    new_code = editor.q_code.text()
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, ALT)  # move it above question 1
    assert tree.currentItem().text(0) == "1. Did you have to wait more than an hour?"
    qtbot.keyClick(tree, Qt.Key.Key_S, CTRL)
    saved = demo_workspace.questionnaires.definition(page.current_id)
    first, second = saved.questions()[:2]
    assert (first.code, second.text) == (new_code, "How were you told?")
    assert [o.label for o in first.options] == ["No", "Yes, up to two hours", "Yes, longer"]
    assert not editor.dirty


def test_a_wrong_rule_is_explained_and_unsaved_work_is_not_dropped(
    qtbot, open_window, demo_workspace
) -> None:
    service = demo_workspace.questionnaires
    template = next(s for s in service.summaries() if s.is_template)
    copy_id = service.copy(template.id, "Our survey")
    window = open_window(demo_workspace)
    page = open_page(qtbot, window)
    page.table.selectRow(page.model.row_of(copy_id))
    editor = page.editor
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down)
    editor.q_rule.setFocus()
    qtbot.keyClicks(editor.q_rule, "if yes")
    assert "is not a rule" in editor.problem.text()
    editor.q_rule.clear()
    qtbot.keyClicks(editor.q_rule, "sex = 2")  # a later question: caught when saving
    assert editor.problem.text() == ""
    qtbot.keyClick(editor.q_rule, Qt.Key.Key_S, CTRL)
    assert "not an earlier question" in editor.problem.text()
    seen: list[str] = []
    answer_next_dialog("Cancel", seen)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # leaving asks first
    assert seen and "without saving" in seen[0]
    assert window.current_page() is page


def test_a_version_with_forms_is_locked_and_a_new_version_can_be_made(
    qtbot, open_window, demo_workspace
) -> None:
    service = demo_workspace.questionnaires
    template = next(s for s in service.summaries() if s.is_template)
    copy_id = service.copy(template.id, "Our survey")
    cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17))
    )
    service.use_for_cycle(cycle.id, "Our survey")
    entry = FormEntry(service.definition(copy_id), 1)
    entry.press_digit(1)
    demo_workspace.survey_entry.save_form(cycle.id, entry)
    window = open_window(demo_workspace)
    page = open_page(qtbot, window)
    page.table.selectRow(page.model.row_of(copy_id))
    assert page.editor.locked
    assert "1 forms have been typed in with this version" in page.editor.lock_note.text()
    assert not page.editor.q_text.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_V, ALT)  # Make a new version
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)  # 4 templates, a copy, its new version
    summary = page.model.record(page.table.currentIndex().row())
    assert (summary.name, summary.version) == ("Our survey", 2)
    assert not page.editor.locked


def _choose_question(tree, code: str) -> None:  # type: ignore[no-untyped-def]
    for s in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(s)
        for i in range(top.childCount()):
            if top.child(i).data(0, Qt.ItemDataRole.UserRole)[1] == code:
                tree.setCurrentItem(top.child(i))
                return
    raise KeyError(code)


def test_rewording_keeps_what_the_fields_do_not_show(qtbot, open_window, demo_workspace) -> None:
    """Answers counted apart, "Does not apply to me", the second language and REDCap's checks
    all stay when a question of version 2 is reworded."""
    from dataclasses import replace

    from pledge_desktop.domain.questionnaire_edit import replace_question

    service = demo_workspace.questionnaires
    version_2 = next(s for s in service.summaries() if s.is_template and s.version == 2)
    copy_id = service.copy(version_2.id, "Our bilingual survey")
    definition = service.definition(copy_id)
    wait = definition.question("diag_test_wait")
    welsh = replace(
        wait, text_second_language="Sut oeddech chi'n teimlo am yr aros?", annotation="@HIDDEN-PDF"
    )
    service.save_definition(copy_id, replace_question(definition, wait.code, welsh))
    window = open_window(demo_workspace)
    page = open_page(qtbot, window)
    page.table.selectRow(page.model.row_of(copy_id))
    editor = page.editor
    assert not editor.locked
    _choose_question(editor.tree, "support_emotional")
    assert editor.q_options.isReadOnly()
    editor.q_text.setFocus()
    editor.q_text.selectAll()
    qtbot.keyClicks(editor.q_text, "Staff gave me the support I needed with my feelings.")
    _choose_question(editor.tree, "diag_test_wait")
    editor.q_text.setFocus()
    editor.q_text.selectAll()
    qtbot.keyClicks(editor.q_text, "How did you feel about the wait for your results?")
    editor.q_options.setFocus()
    qtbot.keyClick(editor.q_options, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(editor.q_options, " at all")  # "Don't know / can't remember at all"
    qtbot.keyClick(editor.tree, Qt.Key.Key_S, CTRL)
    saved = service.definition(copy_id)
    agreement = saved.question("support_emotional")
    assert agreement.text == "Staff gave me the support I needed with my feelings."
    assert agreement.options == definition.question("support_emotional").options
    assert agreement.options[-1].label == "Does not apply to me"
    assert agreement.options[-1].not_in_base
    reworded = saved.question("diag_test_wait")
    assert reworded.text == "How did you feel about the wait for your results?"
    assert reworded.text_second_language == "Sut oeddech chi'n teimlo am yr aros?"
    assert reworded.annotation == "@HIDDEN-PDF"
    assert reworded.options[-1].label.endswith("at all")
    assert [o.not_in_base for o in reworded.options] == [False, False, False, True]
