"""The setup screens, driven by keyboard as a nurse would."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.modeltest import ModelTester

from tests.helpers import answer_next_dialog, reactivate

CTRL = Qt.KeyboardModifier.ControlModifier


def go(window, qtbot, number: int):
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), CTRL)
    return window.current_page()


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_add_a_team_member_by_keyboard(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 3)
    assert page.title() == "Breast care team"
    before = page.model.rowCount()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is page.form.widget("name")
    qtbot.keyClicks(page.form.widget("name"), "Chris Newcomer")
    qtbot.keyClick(page.form.widget("name"), Qt.Key.Key_Tab)
    role = page.form.widget("role")
    role.lineEdit().selectAll()
    qtbot.keyClicks(role, "Psychologist")
    retype(qtbot, page.form.widget("phone"), "01632 960199")
    qtbot.keyClick(page.form.widget("phone"), Qt.Key.Key_S, CTRL)
    assert page.model.rowCount() == before + 1
    cycle = demo_workspace.cycles.find(None)
    saved = [m for m in demo_workspace.setup.team(cycle.id) if m.name == "Chris Newcomer"]
    assert [(m.role, m.phone) for m in saved] == [("Psychologist", "01632 960199")]
    assert "Saved Chris Newcomer" in window.statusBar().currentMessage()


def test_bad_values_are_shown_beside_the_field_and_nothing_is_saved(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 3)
    before = page.model.rowCount()
    page.start_new()
    qtbot.keyClicks(page.form.widget("name"), "Pat")
    retype(qtbot, page.form.widget("email"), "pat@")
    qtbot.keyClick(page.form.widget("email"), Qt.Key.Key_Return)
    assert "email address does not look complete" in page.form.problem_text("email")
    assert QApplication.focusWidget() is page.form.widget("email")
    assert page.model.rowCount() == before
    retype(qtbot, page.form.widget("email"), "pat@example.org")
    qtbot.keyClick(page.form.widget("email"), Qt.Key.Key_Return)
    assert page.model.rowCount() == before + 1
    assert page.form.problem_text("email") == ""


def test_making_someone_pledge_lead_moves_the_role(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 3)
    grace_row = next(
        r for r in range(page.model.rowCount()) if page.model.record(r).name == "Grace Sample"
    )
    page.table.setFocus()
    page.table.selectRow(grace_row)
    lead_box = page.form.widget("is_pledge_lead")
    lead_box.setFocus()
    qtbot.keyClick(lead_box, Qt.Key.Key_Space)
    qtbot.keyClick(lead_box, Qt.Key.Key_S, CTRL)
    leads = [m.name for m in page.model.records() if m.is_pledge_lead]
    assert leads == ["Grace Sample"]


def test_delete_asks_first_and_cancel_keeps_the_member(qtbot, open_window, demo_workspace) -> None:
    from pledge_desktop.domain.setup import TeamMember

    cycle_id = demo_workspace.cycles.find("2026").id
    # someone new, so that no goal, meeting or decision points at them
    demo_workspace.setup.save_team_member(TeamMember(cycle_id, "Pat Newstarter", "Radiographer"))
    window = open_window(demo_workspace)
    page = go(window, qtbot, 3)
    page.table.setFocus()
    row = [m.name for m in page.model.records()].index("Pat Newstarter")
    page.table.selectRow(row)
    name = page.model.record(row).name
    seen: list[str] = []
    answer_next_dialog("Cancel", seen)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert seen == [f"Delete {name}? This cannot be undone."]
    assert name in [m.name for m in page.model.records()]
    reactivate(qtbot, window)
    answer_next_dialog("Delete")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert name not in [m.name for m in page.model.records()]


def test_unsaved_edits_are_not_lost_when_moving_away(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 3)
    page.table.selectRow(1)
    retype(qtbot, page.form.widget("phone"), "01632 960777")
    seen: list[str] = []
    answer_next_dialog("Save", seen)
    go(window, qtbot, 1)
    assert seen and "without saving" in seen[0]
    assert window.current_page().objectName() == "section1"
    assert "01632 960777" in [m.phone for m in page.model.records()]
    # Cancel keeps the nurse where she was, edits intact
    reactivate(qtbot, window)
    page = go(window, qtbot, 3)
    page.table.selectRow(2)
    retype(qtbot, page.form.widget("phone"), "01632 960778")
    answer_next_dialog("Cancel")
    go(window, qtbot, 5)
    assert window.current_page() is page
    assert page.form.widget("phone").text() == "01632 960778"
    reactivate(qtbot, window)
    qtbot.keyClick(page.form.widget("phone"), Qt.Key.Key_Escape)  # discard, as she decides
    assert page.form.widget("phone").text() != "01632 960778"
    assert not page.form.dirty


def test_hospital_details_saved_by_keyboard_with_code_check(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 2)
    site = page.form.widget("site_code")
    retype(qtbot, site, "12")
    qtbot.keyClick(site, Qt.Key.Key_S, CTRL)
    assert "five letters or digits" in page.form.problem_text("site_code")
    assert demo_workspace.setup.hospital().site_code == "RZZ01"
    retype(qtbot, site, "rzz02")
    qtbot.keyClick(site, Qt.Key.Key_Return)
    assert demo_workspace.setup.hospital().site_code == "RZZ02"
    assert not page.save_button.isEnabled()


def test_new_cycle_takes_the_team_and_becomes_current(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 5)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert page.form.widget("label").text() == "2027", "next year is suggested"
    assert page.copy_check.isChecked() and page.copy_from.currentText() == "2026 · Primary"
    qtbot.keyClick(page.form.widget("label"), Qt.Key.Key_Return)
    assert window.cycle_choice.currentText() == "2027 · Primary"
    new = demo_workspace.cycles.find("2027")
    assert len(demo_workspace.setup.team(new.id)) == 7
    team_page = go(window, qtbot, 3)
    assert team_page.model.rowCount() == 7


def test_deleting_a_cycle_with_a_team_is_refused_plainly(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 5)
    page.table.setFocus()
    page.table.selectRow(0)
    refusal: list[str] = []
    answer_next_dialog("Delete")
    QTimer.singleShot(50, lambda: answer_next_dialog("OK", refusal))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(refusal))
    assert refusal[0].startswith("This pledge cycle cannot be deleted because")
    assert "7 team members" in refusal[0]
    assert [c.name for c in demo_workspace.cycles.cycles()] == [
        "2026 · Primary",
        "2026 · Secondary",
        "2025 · Primary",
    ]


def test_switching_cycle_shows_that_cycles_team(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 4)
    assert page.model.rowCount() == 3
    window.cycle_choice.setFocus()
    window.cycle_choice.setCurrentIndex(window.cycle_choice.findText("2025 · Primary"))
    assert page.model.rowCount() == 2


def test_table_model_is_well_behaved(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 3)
    ModelTester(None).check(page.model)


def test_add_a_patient_representative_with_consent(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 4)
    assert page.title() == "Patient representatives"
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.form.widget("name"), "Ruth (test)")
    qtbot.keyClick(page.form.widget("name"), Qt.Key.Key_Tab)
    qtbot.keyClicks(page.form.widget("contact"), "By post, via the unit")
    qtbot.keyClick(page.form.widget("contact"), Qt.Key.Key_Tab)
    consent = page.form.widget("consent_to_be_named")
    assert QApplication.focusWidget() is consent
    qtbot.keyClick(consent, Qt.Key.Key_Space)
    qtbot.keyClick(consent, Qt.Key.Key_S, CTRL)
    cycle = demo_workspace.cycles.find(None)
    ruth = [r for r in demo_workspace.setup.representatives(cycle.id) if r.name == "Ruth (test)"]
    assert [(r.contact, r.consent_to_be_named) for r in ruth] == [("By post, via the unit", True)]


def test_choose_the_questionnaire_of_a_new_cycle(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    page = go(window, qtbot, 5)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert not page.questionnaire.isEnabled(), "chosen once the cycle exists"
    qtbot.keyClick(page.form.widget("label"), Qt.Key.Key_Return)
    assert page.questionnaire.currentText() == "Primary breast cancer patient survey"
    page.questionnaire.setFocus()
    qtbot.keyClick(page.questionnaire, Qt.Key.Key_Down)  # a closed combo box steps to the next
    new = demo_workspace.cycles.find("2027")
    assert demo_workspace.questionnaires.name_for_cycle(new.id).startswith("Secondary")
