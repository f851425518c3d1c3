"""The demo data set: a fictional hospital, so that a newcomer sees a working app at once.

Every name, number and address here is invented. Phone numbers use Ofcom's range reserved for
drama (01632 960xxx), and email addresses the example.org domain, so none can reach anyone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.booklet import BookletChoices, Highlight
from pledge_desktop.domain.errors import DataFolderProblem
from pledge_desktop.domain.goals import Term
from pledge_desktop.domain.setup import (
    CycleStatus,
    FirstSetup,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    PledgeType,
    TeamMember,
)
from pledge_desktop.services.demo.goals import add_demo_goals, add_secondary_goals
from pledge_desktop.services.demo.interviews import add_demo_interviews
from pledge_desktop.services.demo.reset import clear_demo_data
from pledge_desktop.services.demo.responses import add_demo_checks, add_demo_responses
from pledge_desktop.services.demo.year import add_demo_year
from pledge_desktop.services.workspace import Workspace

PRIMARY_QUESTIONNAIRE = "Primary breast cancer patient survey"
SECONDARY_QUESTIONNAIRE = "Secondary breast cancer patient survey"
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

HIGHLIGHTS = (  # on the 2026 survey (version 2)
    Highlight(
        "diag_bcn_present", (1,), "of you had a breast care nurse with you when you were told"
    ),
    Highlight(
        "bcn_named", (1,), "of you were given the name of a breast care nurse to support you"
    ),
    Highlight(
        "bcn_answers",
        (1,),
        "of you who asked your breast care nurse questions always got answers you understood",
    ),
    Highlight("overall_care", (9, 10), "of you rated your care 9 or 10 out of 10"),
)

PREVIOUS_CYCLE = PledgeCycle(
    label="2025",
    start_date=date(2025, 1, 6),
    end_date=date(2025, 12, 19),
    status=CycleStatus.REVIEWING,
    notes="Fictional demo cycle. Booklet published in September.",
    fieldwork_start=date(2025, 2, 3),
    fieldwork_end=date(2025, 4, 25),
    forms_handed_out=140,
    eligible_patients=165,
    hand_out_method="clinic",
)

CURRENT_CYCLE = PledgeCycle(
    label="2026",
    start_date=date(2026, 1, 5),
    end_date=date(2026, 12, 18),
    status=CycleStatus.COLLECTING_VIEWS,
    notes="Fictional demo cycle. Surveys handed out in Tuesday and Thursday clinics.",
    fieldwork_start=date(2026, 2, 2),
    fieldwork_end=date(2026, 4, 24),
    forms_handed_out=150,
    eligible_patients=180,
    hand_out_method="both",
)

SECONDARY_CYCLE = PledgeCycle(
    label="2026",
    pledge_type=PledgeType.SECONDARY,
    start_date=date(2026, 1, 5),
    end_date=date(2026, 12, 18),
    status=CycleStatus.COLLECTING_VIEWS,
    notes="Fictional demo cycle: our first pledge for people living with secondary breast "
    "cancer. Surveys handed out in the oncology clinic and posted to those treated at home.",
    fieldwork_start=date(2026, 2, 2),
    fieldwork_end=date(2026, 5, 29),
    forms_handed_out=70,
    eligible_patients=85,
    hand_out_method="both",
)

# The demo's cycles: (cycle, forms typed in, how much less content than this year, version)
FORMS = {"2025": (50, 0.4), "2026 · Primary": (60, 0.0), "2026 · Secondary": (30, 0.1)}


def fill_demo(workspace: Workspace) -> None:
    """Fill an empty, demo-marked workspace with the fictional data set: 2025 on the first
    version of the primary survey, 2026 on the second (to show the change of version), and a
    secondary breast cancer pledge in 2026 beside the primary one."""
    workspace.questionnaires.install_templates()
    first = workspace.setup.complete_first_setup(
        FirstSetup(hospital=DEMO_HOSPITAL, lead=PLEDGE_LEAD, cycle=PREVIOUS_CYCLE)
    )
    assert first.id is not None
    with workspace.db.transaction() as session:  # 2025 was set up before version 2 came out
        _use_version(session, first.id, PRIMARY_QUESTIONNAIRE, 1)
    for member in TEAM:
        workspace.setup.save_team_member(_in_cycle(member, first.id))
    for rep in REPRESENTATIVES[:2]:
        workspace.setup.save_representative(_in_cycle(rep, first.id))
    # the secondary pledge first, so that the primary pledge is the one the app opens on
    secondary = workspace.cycles.save_cycle(SECONDARY_CYCLE, copy_team_from=first.id)
    current = workspace.cycles.save_cycle(CURRENT_CYCLE, copy_team_from=first.id)
    assert current.id is not None and secondary.id is not None
    workspace.questionnaires.use_for_cycle(current.id, PRIMARY_QUESTIONNAIRE)  # version 2
    workspace.setup.save_representative(_in_cycle(REPRESENTATIVES[2], current.id))
    workspace.setup.save_representative(_in_cycle(REPRESENTATIVES[0], secondary.id))
    for cycle in (first, current, secondary):
        assert cycle.id is not None
        count, shift = FORMS[cycle.name if cycle.label == "2026" else cycle.label]
        is_secondary = cycle.pledge_type is PledgeType.SECONDARY
        add_demo_responses(
            workspace.survey_entry,
            cycle.id,
            count,
            seed=cycle.id,
            year_shift=shift,
            secondary=is_secondary,
        )
        add_demo_checks(workspace.survey_entry, workspace.verification, cycle.id, seed=cycle.id)
    workspace.goals.set_horizons(HORIZONS)
    add_demo_goals(workspace.goals, workspace.standards, workspace.setup, first.id, current.id)
    add_secondary_goals(workspace.goals, workspace.standards, workspace.setup, secondary.id)
    add_demo_interviews(workspace.interviews, workspace.coding, workspace.setup, current.id)
    workspace.booklet.save(
        current.id, workspace.booklet.words(current.id), BookletChoices(highlights=HIGHLIGHTS)
    )
    add_demo_year(workspace, first.id, current.id)


# what the demo's terms mean, as its goals' target dates keep them
HORIZONS = {
    Term.SHORT: "within a year",
    Term.MEDIUM: "in 1 to 2 years",
    Term.LONG: "in 2 years or more",
}


def _use_version(session: Session, cycle_id: int, name: str, version: int) -> None:
    cycle = session.get(m.PledgeCycle, cycle_id)
    assert cycle is not None
    cycle.questionnaire_id = session.scalars(
        select(m.Questionnaire.id).where(
            m.Questionnaire.name == name, m.Questionnaire.version == version
        )
    ).one()


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
