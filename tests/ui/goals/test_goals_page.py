"""The goals board and standards of care, by keyboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from pledge_desktop.domain.goals import GoalStatus, Term
from tests.helpers import answer_next_dialog, reactivate, when_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    goals_page = window.current_page()
    assert goals_page.objectName() == "section10"
    goals_page.window_ = window
    return goals_page


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def goal_titled(workspace, cycle_id, title):  # type: ignore[no-untyped-def]
    return next(c.goal for c in workspace.goals.board(cycle_id) if c.goal.title == title)


def test_a_new_goal_typed_agreed_updated_and_linked(qtbot, page, demo_workspace, cycle_id) -> None:
    board = page.board
    assert QApplication.focusWidget() is board.lists[Term.SHORT]
    assert "OVERDUE" in board.lists[Term.SHORT].item(0).text()  # not by colour alone

    def fill_goal(dialog: QDialog) -> None:
        title = dialog.form.widget("title")
        qtbot.keyClicks(title, "A quiet room after clinic")
        qtbot.keyClick(title, Qt.Key.Key_Return)

    when_dialog("goalDialog", fill_goal)
    qtbot.keyClick(board.lists[Term.SHORT], Qt.Key.Key_N, CTRL)
    goal = goal_titled(demo_workspace, cycle_id, "A quiet room after clinic")
    assert (goal.term, goal.status, goal.priority) == (Term.SHORT, GoalStatus.PROPOSED, 4)
    reactivate(qtbot, page.window_)
    assert board.detail_title.text() == "A quiet room after clinic"

    # a leap is not offered; agreeing is
    offered: list[str] = []

    def agree(dialog: QDialog) -> None:
        offered.extend(dialog.choices.item(i).text() for i in range(dialog.choices.count()))
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)

    when_dialog("statusDialog", agree)
    qtbot.keyClick(board, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "Agreed" in board.detail_status.text())
    assert offered == ["Agreed", "Dropped"]

    # dropping needs a reason
    reactivate(qtbot, page.window_)
    said: list[str] = []

    def drop_without_reason(dialog: QDialog) -> None:
        dialog.choices.setCurrentRow(2)  # agreed → in progress, proposed, dropped
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)
        said.append(dialog.problem.text())
        dialog.reject()

    when_dialog("statusDialog", drop_without_reason)
    qtbot.keyClick(board, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["⚠ Please say why the goal is dropped."]
    assert (
        goal_titled(demo_workspace, cycle_id, "A quiet room after clinic").status
        is GoalStatus.AGREED
    )

    # a progress update
    reactivate(qtbot, page.window_)

    def update(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.note, "Room 4 booked on Tuesdays")
        dialog.accept()

    when_dialog("updateDialog", update)
    qtbot.keyClick(board, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: board.history.count() == 1)
    assert "On track: Room 4 booked on Tuesdays" in board.history.item(0).text()

    # evidence: link question 1 by keys, then open it
    reactivate(qtbot, page.window_)

    def link(dialog: QDialog) -> None:
        qtbot.keyClick(dialog.questions, Qt.Key.Key_Return)

    when_dialog("linkQuestionDialog", link)
    qtbot.keyClick(board, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: board.evidence.count() == 1)
    assert board.evidence.item(0).text().startswith("Q1. How do you feel about how long")
    reactivate(qtbot, page.window_)
    shown: list[str] = []

    def read(dialog: QDialog) -> None:
        shown.append(dialog.findChild(type(board.detail_title), "evidenceText").text())
        dialog.reject()

    when_dialog("evidenceDialog", read)
    board.evidence.setFocus()
    qtbot.keyClick(board.evidence, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    assert "Base: " in shown[0] and "forms answered this question" in shown[0]
    assert "left blank" in shown[0]


def test_priority_and_term_by_keys_and_delete_asks(qtbot, page, demo_workspace, cycle_id) -> None:
    board = page.board
    short = board.lists[Term.SHORT]
    short.setCurrentRow(0)
    first = short.item(0).text()
    qtbot.keyClick(short, Qt.Key.Key_Down, ALT)
    assert board.lists[Term.SHORT].item(1).text().split("\n")[0][3:] == first.split("\n")[0][3:]
    moving = board._current_goal().title
    qtbot.keyClick(board.lists[Term.SHORT], Qt.Key.Key_Right, CTRL)
    assert goal_titled(demo_workspace, cycle_id, moving).term is Term.MEDIUM
    assert QApplication.focusWidget() is board.lists[Term.MEDIUM]
    seen: list[str] = []
    answer_next_dialog("Cancel", seen)
    qtbot.keyClick(board.lists[Term.MEDIUM], Qt.Key.Key_Delete)
    assert seen and seen[0].startswith(f'Delete the goal "{moving}"')
    assert goal_titled(demo_workspace, cycle_id, moving)


def test_carry_forward_from_the_cycle_before(qtbot, open_window, demo_workspace) -> None:
    from datetime import date

    from pledge_desktop.domain.setup import PledgeCycle

    demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17)),
        copy_team_from=demo_workspace.cycles.find("2026").id,
    )
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    board = window.current_page().board
    window.cycle_choice.setCurrentIndex(window.cycle_choice.findText("2027 · Primary"))
    assert board.carry_box.isVisible()
    assert "7 unfinished goals of cycle 2026" in board.carry_note.text()

    def untick_one(dialog: QDialog) -> None:
        qtbot.keyClick(dialog.goals, Qt.Key.Key_Space)  # the first is left behind
        dialog.accept()

    when_dialog("carryForwardDialog", untick_one)
    qtbot.keyClick(board, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: sum(board.lists[t].count() for t in Term) == 6)
    assert "1 unfinished goal of cycle 2026 is" in board.carry_note.text()


def test_standards_of_care_start_and_are_reviewed(qtbot, page, demo_workspace) -> None:
    from datetime import date

    from pledge_desktop.domain.setup import PledgeCycle

    demo_workspace.cycles.save_cycle(PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17)))
    window = page.window_
    window.cycle_choice.setCurrentIndex(window.cycle_choice.findText("2027 · Primary"))
    qtbot.keyClick(page.tabs, Qt.Key.Key_R, ALT)  # Standards of care
    standards = page.standards
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is standards)
    assert standards.model.rowCount() == 0 and standards.start_button.isEnabled()
    qtbot.keyClick(standards, Qt.Key.Key_T, ALT)  # Start the list
    qtbot.waitUntil(lambda: standards.model.rowCount() == 8)
    reviewed = standards.form.widget("reviewed")
    reviewed.setFocus()
    qtbot.keyClick(reviewed, Qt.Key.Key_Space)
    qtbot.keyClick(reviewed, Qt.Key.Key_S, CTRL)
    cycle_id = demo_workspace.cycles.find("2027").id
    assert demo_workspace.standards.standards(cycle_id)[0].reviewed


def test_what_the_terms_mean_is_the_teams_choice(qtbot, page, demo_workspace) -> None:
    board = page.board

    def rename(dialog: QDialog) -> None:
        line = dialog.lines[Term.SHORT]
        line.setFocus()
        line.selectAll()
        qtbot.keyClicks(line, "within 3 months")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    when_dialog("horizonsDialog", rename)
    qtbot.keyClick(board, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: board.horizons[Term.SHORT].text() == "Within 3 months")
    assert demo_workspace.goals.horizons()[Term.SHORT] == "within 3 months"


def test_every_card_is_tall_enough_for_its_wrapped_words(qtbot, page) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    window = page.window_
    for width in (1280, 1000):
        window.resize(width, 700)
        QApplication.processEvents()
        for column in page.board.lists.values():
            column.doItemsLayout()  # the cards laid out again at the column's new width
            for row in range(column.count()):
                item = column.item(row)
                shown = column.visualItemRect(item)
                words = QFontMetrics(item.font()).boundingRect(
                    QRect(0, 0, shown.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text()
                )
                assert shown.height() >= words.height(), item.text()
