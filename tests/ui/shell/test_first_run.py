"""First run: the welcome screen leads a nurse through setup, by keyboard alone."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from pledge_desktop.services.workspace import open_workspace


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll() if isinstance(widget, QLineEdit) else None
    qtbot.keyClicks(widget, text)


def test_welcome_then_setup_wizard_by_keyboard(qtbot, open_window, workspace) -> None:
    window = open_window(workspace)
    assert window.stack.currentWidget() is window.welcome
    assert window.nav.isHidden()
    steps: list[str] = []

    def fill_wizard() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, QWizard):
            QTimer.singleShot(10, fill_wizard)
            return
        hospital = wizard.hospital_page.form
        type_into(qtbot, hospital.widget("name"), "Riverside General (test)")
        type_into(qtbot, hospital.widget("site_code"), "rzz0")
        qtbot.keyClick(hospital.widget("site_code"), Qt.Key.Key_Return)  # Enter means Next
        steps.append(hospital.problem_text("site_code"))
        assert wizard.currentPage() is wizard.hospital_page, "bad site code keeps us here"
        type_into(qtbot, hospital.widget("site_code"), "rzz01")
        qtbot.keyClick(hospital.widget("site_code"), Qt.Key.Key_Return)
        lead = wizard.lead_page.form
        assert wizard.currentPage() is wizard.lead_page
        type_into(qtbot, lead.widget("name"), "Ann Tester")
        type_into(qtbot, lead.widget("phone"), "01632 960124")
        qtbot.keyClick(lead.widget("phone"), Qt.Key.Key_Return)
        cycle = wizard.cycle_page.form
        type_into(qtbot, cycle.widget("label"), "2026")
        steps.append("filled")
        qtbot.keyClick(cycle.widget("label"), Qt.Key.Key_Return)  # Enter on the last page: Finish

    QTimer.singleShot(0, fill_wizard)
    qtbot.keyClick(window.welcome.set_up_button, Qt.Key.Key_Space)
    assert steps[0].startswith("⚠ A site code has five")
    assert steps[1] == "filled"
    assert not window.nav.isHidden()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Overview",
        "Hospital",
        "Breast care team",
        "Patient representatives",
        "Pledge cycles",
        "Type in surveys",
        "Survey responses",
        "Check typed forms",
        "Questionnaires",
        "Goals and standards",
        "Interviews",
        "Results",
        "Booklet",
        "Meetings and involvement",
    ]
    hospital = workspace.setup.hospital()
    assert (hospital.name, hospital.site_code) == ("Riverside General (test)", "RZZ01")
    cycle = workspace.cycles.find(None)
    assert cycle.label == "2026"
    lead = workspace.setup.team(cycle.id)[0]
    assert (lead.name, lead.is_pledge_lead, lead.phone) == ("Ann Tester", True, "01632 960124")
    assert window.cycle_choice.currentText() == "2026 · Primary"
    questionnaire = workspace.questionnaires.for_cycle(cycle.id)
    assert questionnaire.name == "Primary breast cancer patient survey", "a sensible default"


def test_welcome_can_open_the_demo_instead(qtbot, open_window, workspace, tmp_path) -> None:
    demo_dir = tmp_path / "demo"

    def open_demo():
        from pledge_desktop.services.demo.build import fill_demo

        ws = open_workspace(demo_dir, demo=True)
        fill_demo(ws)
        return ws

    window = open_window(workspace, open_demo=open_demo)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.context.workspace.data_dir == demo_dir.resolve()
    assert window.demo_banner.isVisibleTo(window)
    assert "(demo)" in window.windowTitle()
    assert window.nav.count() == 14
    # the real folder was let go of, so the real data is not held open behind the demo
    open_workspace(workspace.data_dir).close()
