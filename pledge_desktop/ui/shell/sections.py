"""The sections a nurse sees, in the order of the list on the left, their keys and icons.

Each screen's module is imported when its screen is first built, not when the list is made, so
start-up loads only the first screen's code. A new section goes in its own package under `ui/`
and gets one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pledge_desktop.ui.common.context import ScreenContext
    from pledge_desktop.ui.shell.main_window import MainWindow

# The tenth section is Ctrl+0; after that, the first letter of the section's name.
LATER_KEYS = {11: "Ctrl+I", 12: "Ctrl+R", 13: "Ctrl+B", 14: "Ctrl+M"}  # … Booklet, Meetings
ENTRY_SECTION = 5  # "Type in surveys", where the responses and checks screens send a form
# where the Overview's to-do lines lead: a section's place in the list
PLACES = {"cycles": 4, "entry": 5, "checks": 7, "goals": 9, "interviews": 10, "booklet": 12}


def go_to_place(window: MainWindow, where: str, serial: int | None = None) -> None:
    """Open where an Overview line's work is: a section, a form, or a File menu action."""
    if where == "entry" and serial is not None:
        window.correct_form(serial)
    elif where == "send":
        window.send_data()
    elif where == "backup":
        window.backup_now()
    elif where in PLACES:
        window.go_to(PLACES[where])


# resources/icons/<name>.svg for each section, in the order of the list
SECTION_ICONS = (
    "overview",
    "hospital",
    "team",
    "representatives",
    "cycles",
    "type-in",
    "responses",
    "check",
    "questionnaires",
    "goals",
    "interviews",
    "results",
    "booklet",
    "meetings",
)


def section_list(
    context: ScreenContext, window: MainWindow
) -> list[tuple[str, Callable[[], QWidget]]]:
    """(name, build the screen) for every section, in the order of the list."""

    def overview() -> QWidget:
        from pledge_desktop.ui.overview.home_page import HomePage

        return HomePage(context, lambda where, serial: go_to_place(window, where, serial))

    def hospital() -> QWidget:
        from pledge_desktop.ui.setup.hospital_page import HospitalPage

        return HospitalPage(context)

    def team() -> QWidget:
        from pledge_desktop.ui.setup.people_pages import TeamPage

        return TeamPage(context)

    def representatives() -> QWidget:
        from pledge_desktop.ui.setup.people_pages import RepresentativesPage

        return RepresentativesPage(context)

    def cycles() -> QWidget:
        from pledge_desktop.ui.setup.cycles_page import CyclesPage

        return CyclesPage(context)

    def entry() -> QWidget:
        from pledge_desktop.ui.surveys.survey_entry_page import SurveyEntryPage

        return SurveyEntryPage(context)

    def responses() -> QWidget:
        from pledge_desktop.ui.surveys.responses_page import ResponsesPage

        return ResponsesPage(context, window.correct_form)

    def checks() -> QWidget:
        from pledge_desktop.ui.surveys.checks_page import ChecksPage

        return ChecksPage(context, window.check_form)

    def questionnaires() -> QWidget:
        from pledge_desktop.ui.surveys.questionnaires_page import QuestionnairesPage

        return QuestionnairesPage(context)

    def goals() -> QWidget:
        from pledge_desktop.ui.goals.goals_page import GoalsPage

        return GoalsPage(context)

    def interviews() -> QWidget:
        from pledge_desktop.ui.interviews.interviews_page import InterviewsPage

        return InterviewsPage(context)

    def results() -> QWidget:
        from pledge_desktop.ui.results.results_page import ResultsPage

        return ResultsPage(context)

    def booklet() -> QWidget:
        from pledge_desktop.ui.booklet.booklet_page import BookletPage

        return BookletPage(context)

    def year() -> QWidget:
        from pledge_desktop.ui.year.year_page import YearPage

        return YearPage(context)

    tr = window.tr
    return [
        (tr("Overview"), overview),
        (tr("Hospital"), hospital),
        (tr("Breast care team"), team),
        (tr("Patient representatives"), representatives),
        (tr("Pledge cycles"), cycles),
        (tr("Type in surveys"), entry),
        (tr("Survey responses"), responses),
        (tr("Check typed forms"), checks),
        (tr("Questionnaires"), questionnaires),
        (tr("Goals and standards"), goals),
        (tr("Interviews"), interviews),
        (tr("Results"), results),
        (tr("Booklet"), booklet),
        (tr("Meetings and involvement"), year),
    ]
