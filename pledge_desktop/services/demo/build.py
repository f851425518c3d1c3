"""The demo data set: a fictional hospital, so that a newcomer sees a working app at once.

Every name, number and address here is invented. Phone numbers use Ofcom's range reserved for
drama (01632 960xxx), and email addresses the example.org domain, so none can reach anyone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TypeVar

from pledge_desktop.domain.booklet import BookletChoices, Highlight
from pledge_desktop.domain.errors import DataFolderProblem
from pledge_desktop.domain.setup import (
    CycleStatus,
    FirstSetup,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    TeamMember,
)
from pledge_desktop.services.demo.goals import add_demo_goals
from pledge_desktop.services.demo.interviews import add_demo_interviews
from pledge_desktop.services.demo.reset import clear_demo_data
from pledge_desktop.services.demo.responses import add_demo_checks, add_demo_responses
from pledge_desktop.services.workspace import Workspace

PRIMARY_QUESTIONNAIRE = "Primary breast cancer patient survey"
_Person = TypeVar("_Person", TeamMember, PatientRepresentative)

DEMO_HOSPITAL = Hospital(
    name="Riverside General Hospital (fictional demo)",
    trust_name="Northdale Hospitals NHS Foundation Trust (fictional)",
    trust_code="RZZ",
    site_code="RZZ01",
    unit_phone="01632 960123",
    out_of_hours_phone="01632 960999",
    address="Breast Unit, Level 2\nRiverside General Hospital\nRiver Road\nNorthdale",
)

PLEDGE_LEAD = TeamMember(
    cycle_id=0,
    name="Sister Ann Example",
    role="Breast Care Nurse Specialist",
    phone="01632 960124",
    email="ann.example@example.org",
    is_pledge_lead=True,
)

TEAM = (
    TeamMember(0, "Grace Sample", "Breast Care Nurse", "01632 960125", "grace.sample@example.org"),
    TeamMember(0, "Mr Tom Placeholder", "Consultant Breast Surgeon", "01632 960130", ""),
    TeamMember(0, "Dr Priya Imaginary", "Consultant Oncologist", "01632 960131", ""),
    TeamMember(0, "Dr Lena Madeup", "Consultant Radiologist", "", ""),
    TeamMember(0, "Joe Dummy", "Radiographer", "", ""),
    TeamMember(0, "Sam Invented", "Multidisciplinary Team Co-ordinator", "01632 960140", ""),
)

REPRESENTATIVES = (
    PatientRepresentative(0, "Margaret (fictional)", "Via the breast care nurses", True),
    PatientRepresentative(0, "D. R. (fictional)", "Prefers letters, via the unit", False),
    PatientRepresentative(0, "Keith (fictional)", "01632 960150, evenings", True),
)

HIGHLIGHTS = (
    Highlight("diag_private", (1,), "of you were told you had breast cancer in private"),
    Highlight(
        "bcn_named", (1,), "of you were given the name of a breast care nurse to support you"
    ),
    Highlight("bcn_listened", (1, 2), "of you agreed that your breast care nurse listened to you"),
    Highlight("overall_rating", (1, 2), "of you rated your care as excellent or very good"),
)

PREVIOUS_CYCLE = PledgeCycle(
    label="2025",
    start_date=date(2025, 1, 6),
    end_date=date(2025, 12, 19),
    status=CycleStatus.REVIEWING,
    notes="Fictional demo cycle. Booklet published in September.",
)

CURRENT_CYCLE = PledgeCycle(
    label="2026",
    start_date=date(2026, 1, 5),
    end_date=date(2026, 12, 18),
    status=CycleStatus.COLLECTING_VIEWS,
    notes="Fictional demo cycle. Surveys handed out in Tuesday and Thursday clinics.",
)


def fill_demo(workspace: Workspace) -> None:
    """Fill an empty, demo-marked workspace with the fictional data set."""
    workspace.questionnaires.install_templates()
    first = workspace.setup.complete_first_setup(
        FirstSetup(hospital=DEMO_HOSPITAL, lead=PLEDGE_LEAD, cycle=PREVIOUS_CYCLE)
    )
    for member in TEAM:
        workspace.setup.save_team_member(_in_cycle(member, first.id))
    for rep in REPRESENTATIVES[:2]:
        workspace.setup.save_representative(_in_cycle(rep, first.id))
    current = workspace.cycles.save_cycle(CURRENT_CYCLE, copy_team_from=first.id)
    workspace.setup.save_representative(_in_cycle(REPRESENTATIVES[2], current.id))
    for cycle, count, shift in ((first, 50, 0.4), (current, 60, 0.0)):
        assert cycle.id is not None
        workspace.questionnaires.use_for_cycle(cycle.id, PRIMARY_QUESTIONNAIRE)
        add_demo_responses(workspace.survey_entry, cycle.id, count, seed=cycle.id, year_shift=shift)
        add_demo_checks(workspace.survey_entry, workspace.verification, cycle.id, seed=cycle.id)
    assert first.id is not None and current.id is not None
    add_demo_goals(workspace.goals, workspace.standards, workspace.setup, first.id, current.id)
    add_demo_interviews(workspace.interviews, workspace.coding, workspace.setup, current.id)
    workspace.booklet.save(
        current.id, workspace.booklet.words(current.id), BookletChoices(highlights=HIGHLIGHTS)
    )


def _in_cycle(record: _Person, cycle_id: int | None) -> _Person:
    assert cycle_id is not None
    return replace(record, cycle_id=cycle_id)


def demo_has_data(workspace: Workspace) -> bool:
    return workspace.setup.hospital() is not None


def rebuild_demo(workspace: Workspace) -> None:
    """Empty a demo folder and fill it afresh, after a backup. Refuses a folder of real data."""
    if not workspace.is_demo:
        raise DataFolderProblem(
            f"The folder {workspace.data_dir} holds real data. The demo never replaces real "
            "data, so nothing was changed. Give the demo its own folder with --data-dir."
        )
    workspace.maintenance.backup_now("before-demo-rebuild")
    clear_demo_data(workspace.db)
    fill_demo(workspace)
