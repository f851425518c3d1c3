"""The sections a nurse sees, in the order of the list on the left, and their keys.

Each screen's module is imported here, when the sections are first listed (after the window's
first paint), to keep start-up fast. A new section goes in its own package under `ui/` and gets
one line here.
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


def section_list(
    context: ScreenContext, window: MainWindow
) -> list[tuple[str, Callable[[], QWidget]]]:
    """(name, build the screen) for every section, in the order of the list."""
    from pledge_desktop.ui.booklet.booklet_page import BookletPage
    from pledge_desktop.ui.goals.goals_page import GoalsPage
    from pledge_desktop.ui.interviews.interviews_page import InterviewsPage
    from pledge_desktop.ui.overview.home_page import HomePage
    from pledge_desktop.ui.results.results_page import ResultsPage
    from pledge_desktop.ui.setup.cycles_page import CyclesPage
    from pledge_desktop.ui.setup.hospital_page import HospitalPage
    from pledge_desktop.ui.setup.people_pages import RepresentativesPage, TeamPage
    from pledge_desktop.ui.surveys.checks_page import ChecksPage
    from pledge_desktop.ui.surveys.questionnaires_page import QuestionnairesPage
    from pledge_desktop.ui.surveys.responses_page import ResponsesPage
    from pledge_desktop.ui.surveys.survey_entry_page import SurveyEntryPage
    from pledge_desktop.ui.year.year_page import YearPage

    tr = window.tr
    return [
        (tr("Overview"), lambda: HomePage(context, lambda w, s: go_to_place(window, w, s))),
        (tr("Hospital"), lambda: HospitalPage(context)),
        (tr("Breast care team"), lambda: TeamPage(context)),
        (tr("Patient representatives"), lambda: RepresentativesPage(context)),
        (tr("Pledge cycles"), lambda: CyclesPage(context)),
        (tr("Type in surveys"), lambda: SurveyEntryPage(context)),
        (tr("Survey responses"), lambda: ResponsesPage(context, window.correct_form)),
        (tr("Check typed forms"), lambda: ChecksPage(context, window.check_form)),
        (tr("Questionnaires"), lambda: QuestionnairesPage(context)),
        (tr("Goals and standards"), lambda: GoalsPage(context)),
        (tr("Interviews"), lambda: InterviewsPage(context)),
        (tr("Results"), lambda: ResultsPage(context)),
        (tr("Booklet"), lambda: BookletPage(context)),
        (tr("Meetings and involvement"), lambda: YearPage(context)),
    ]
