"""A whole pledge year, driven as a nurse would: a secondary pledge beside the primary one,
two representatives' involvement, a goal-setting meeting that agrees the goals with review
dates, the sign-off, publishing, and the Overview's list shrinking to nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from pledge_desktop.domain.goals import Goal, GoalStatus, Term
from pledge_desktop.domain.pledge_year import Activity
from pledge_desktop.domain.setup import (
    FirstSetup,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    PledgeType,
    TeamMember,
)
from tests.helpers import reactivate, when_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def go(window, qtbot, key: Qt.Key):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, key, CTRL)
    return window.current_page()


def overview_lines(window, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    page = go(window, qtbot, Qt.Key.Key_1)
    if page.nothing.isVisibleTo(page):
        return [page.nothing.text()]
    return [page.todo.item(i).text() for i in range(page.todo.count())]


@pytest.fixture
def hospital(workspace):  # type: ignore[no-untyped-def]
    year = date.today().year
    primary = workspace.setup.complete_first_setup(
        FirstSetup(
            Hospital(name="Testford General (fictional)"),
            TeamMember(0, "Ann Tester", "Breast Care Nurse", is_pledge_lead=True),
            PledgeCycle(str(year), date(year, 1, 1), date(year, 12, 31)),
        )
    )
    for name in ("Margaret (fictional)", "Keith (fictional)"):
        workspace.setup.save_representative(PatientRepresentative(primary.id, name))
    return workspace


def test_a_whole_year_as_a_nurse_works(qtbot, open_window, hospital, tmp_path: Path) -> None:
    ws = hospital
    year = date.today().year
    window = open_window(ws)
    assert any("signed off" in line for line in overview_lines(window, qtbot))

    # a secondary pledge beside the primary one, taking its team and representatives
    cycles = go(window, qtbot, Qt.Key.Key_5)
    qtbot.keyClick(cycles.table, Qt.Key.Key_N, CTRL)
    label = cycles.form.widget("label")
    label.selectAll()
    qtbot.keyClicks(label, str(year))
    qtbot.keyClick(label, Qt.Key.Key_Tab)
    kind = cycles.form.widget("pledge_type")
    assert QApplication.focusWidget() is kind
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    cycles.form.widget("start_date").setDate(QDate(year, 1, 1))
    cycles.form.widget("end_date").setDate(QDate(year, 12, 31))
    qtbot.keyClick(label, Qt.Key.Key_S, CTRL)
    secondary = ws.cycles.find(f"{year} secondary")
    assert secondary.pledge_type is PledgeType.SECONDARY
    assert window.cycle_choice.currentText() == f"{year} · Secondary"
    assert [window.cycle_choice.itemText(i) for i in range(2)] == [
        f"{year} · Secondary",
        f"{year} · Primary",
    ] or [window.cycle_choice.itemText(i) for i in range(2)] == [
        f"{year} · Primary",
        f"{year} · Secondary",
    ]
    reps = ws.setup.representatives(secondary.id)
    assert len(reps) == 2, "the team and representatives came along"

    # two representatives' involvement, in the log of each
    people = go(window, qtbot, Qt.Key.Key_4)
    for row, minutes in ((0, "90"), (1, "45")):
        people.table.selectRow(row)

        def log(dialog, minutes=minutes):  # type: ignore[no-untyped-def]
            field = dialog.form.widget("minutes")
            field.setFocus()
            qtbot.keyClicks(field, minutes)
            qtbot.keyClick(dialog.add_button, Qt.Key.Key_Space)
            assert "Helped design the survey" in dialog.log.item(0).text()
            dialog.reject()

        when_dialog("involvementDialog", log)
        qtbot.keyClick(people.involvement_button, Qt.Key.Key_Space)
        reactivate(qtbot, window)
    logged = ws.involvement.involvement(secondary.id)
    assert sorted(i.minutes for i in logged) == [45, 90]
    assert {i.activity for i in logged} == {Activity.SURVEY_DESIGN}

    # goals proposed on the goals board, then agreed at the goal-setting meeting
    far = date.today() + timedelta(days=300)
    goals = [
        ws.goals.save_goal(Goal(secondary.id, Term.SHORT, title, target_date=far))
        for title in ("A named nurse for everyone living with secondary cancer", "A support day")
    ]
    review = date.today() + timedelta(days=120)
    meetings = go(window, qtbot, Qt.Key.Key_M)
    assert meetings.objectName() == "section14"

    def meet(dialog):  # type: ignore[no-untyped-def]
        team = dialog.form.widget("team_member_ids")
        for box in team.boxes.values():
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)
        for box in dialog.form.widget("representative_ids").boxes.values():
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)
        for goal in goals:
            choice = dialog.decisions[goal.id]
            choice.setFocus()
            qtbot.keyClicks(choice, "A")  # Agreed
            assert choice.currentText() == "Agreed"
            dialog.set_review(goal.id, review)
        dialog.accept()

    when_dialog("meetingDialog", meet)
    qtbot.keyClick(meetings, Qt.Key.Key_N, CTRL)
    reactivate(qtbot, window)
    assert meetings.list.count() == 1
    for goal in goals:
        agreed = ws.goals.goal(goal.id)
        assert agreed.status is GoalStatus.AGREED and agreed.next_review == review
    assert "2 patient representatives took part" in meetings.involvement.text()
    lines = overview_lines(window, qtbot)
    assert any("not been signed off" in line for line in lines)

    # the sign-off, on the cycles screen
    cycles = go(window, qtbot, Qt.Key.Key_5)
    cycles.table.selectRow(cycles.model.row_of(secondary.id))

    def sign(dialog):  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.form.widget("signed_by"), "Dr Helen Fictional")
        role = dialog.form.widget("role")
        role.lineEdit().selectAll()
        qtbot.keyClicks(role, "Clinical Director")
        consent = dialog.form.widget("publish_consent")
        consent.setFocus()
        qtbot.keyClick(consent, Qt.Key.Key_Space)
        dialog.accept()

    when_dialog("signOffDialog", sign)
    qtbot.keyClick(cycles.sign_off_button, Qt.Key.Key_Space)
    reactivate(qtbot, window)
    assert "Dr Helen Fictional" in cycles.sign_off_state.text()
    assert not any("signed off" in line for line in overview_lines(window, qtbot))

    # File → Publish…
    out = tmp_path / "published"

    def publish(dialog):  # type: ignore[no-untyped-def]
        dialog.folder.selectAll()
        qtbot.keyClicks(dialog.folder, str(out))
        qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)

    when_dialog("publishDialog", publish)
    window.publish_action.trigger()
    reactivate(qtbot, window)
    published = json.loads((out / "pledge.json").read_text(encoding="utf-8"))
    assert published["pledge_type"] == "secondary"
    assert [g["title"] for g in published["goals"]] == [g.title for g in goals]
    assert (out / "booklet.pdf").stat().st_size > 0
    assert "Dr Helen Fictional" in (out / "consent-to-publish.txt").read_text(encoding="utf-8")

    # a backup, and then nothing needs doing
    lines = overview_lines(window, qtbot)
    assert [line for line in lines if "backup" in line.lower()] == lines
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL | SHIFT)
    assert overview_lines(window, qtbot) == ["Nothing needs doing today."]
