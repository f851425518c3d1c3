"""Setting up a hospital, its team, representatives and cycles, through the services."""

from dataclasses import replace
from datetime import date

import pytest

from pledge_desktop.domain.errors import DeleteRefused, ValidationError
from pledge_desktop.domain.setup import (
    FirstSetup,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    TeamMember,
)

CYCLE = PledgeCycle("2026", date(2026, 1, 5), date(2026, 12, 18))


def first_setup(workspace) -> PledgeCycle:
    return workspace.setup.complete_first_setup(
        FirstSetup(Hospital(name="Riverside"), TeamMember(0, "Ann", "Breast Care Nurse"), CYCLE)
    )


def test_first_setup_saves_hospital_cycle_and_lead_together(workspace) -> None:
    cycle = first_setup(workspace)
    assert workspace.setup.hospital().name == "Riverside"
    team = workspace.setup.team(cycle.id)
    assert [(m.name, m.is_pledge_lead) for m in team] == [("Ann", True)]


def test_first_setup_saves_nothing_when_any_part_is_wrong(workspace) -> None:
    with pytest.raises(ValidationError):
        workspace.setup.complete_first_setup(
            FirstSetup(Hospital(name="Riverside"), TeamMember(0, "Ann", email="ann@"), CYCLE)
        )
    assert workspace.setup.hospital() is None
    assert workspace.cycles.cycles() == []


def test_only_one_pledge_lead_per_cycle(workspace) -> None:
    cycle = first_setup(workspace)
    grace = workspace.setup.save_team_member(TeamMember(cycle.id, "Grace", is_pledge_lead=True))
    leads = [m.name for m in workspace.setup.team(cycle.id) if m.is_pledge_lead]
    assert leads == ["Grace"]
    workspace.setup.save_team_member(replace(grace, phone="01632 960125"))
    assert workspace.setup.team(cycle.id)[0].phone == "01632 960125"


def test_cycle_labels_are_unique_for_each_kind_of_pledge(workspace) -> None:
    from pledge_desktop.domain.setup import PledgeType

    first_setup(workspace)
    with pytest.raises(ValidationError, match="already a primary pledge called"):
        workspace.cycles.save_cycle(
            replace(CYCLE, start_date=date(2027, 1, 1), end_date=date(2027, 12, 1))
        )
    secondary = workspace.cycles.save_cycle(replace(CYCLE, pledge_type=PledgeType.SECONDARY))
    assert secondary.name == f"{CYCLE.label} · Secondary"
    assert workspace.cycles.find(CYCLE.label).pledge_type is PledgeType.PRIMARY
    assert workspace.cycles.find(f"{CYCLE.label} secondary").id == secondary.id
    assert workspace.cycles.find(f"{CYCLE.label} · Secondary").id == secondary.id
    assert workspace.cycles.find(None).pledge_type is PledgeType.PRIMARY
    with pytest.raises(ValidationError, match="already a secondary pledge"):
        workspace.cycles.save_cycle(replace(CYCLE, pledge_type=PledgeType.SECONDARY))


def test_a_cycle_with_people_is_not_deleted_and_says_why(workspace) -> None:
    cycle = first_setup(workspace)
    workspace.setup.save_representative(PatientRepresentative(cycle.id, "Margaret"))
    with pytest.raises(DeleteRefused) as caught:
        workspace.cycles.delete_cycle(cycle.id)
    message = str(caught.value)
    assert message.startswith("This pledge cycle cannot be deleted because")
    assert "1 team member" in message and "1 patient representative" in message
    assert message.endswith("are linked to it. Delete or move those first.")
    assert workspace.cycles.cycles() == [cycle]


def test_a_new_cycle_can_take_the_team_of_the_last(workspace) -> None:
    first = first_setup(workspace)
    workspace.setup.save_representative(PatientRepresentative(first.id, "Margaret", "", True))
    second = workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17)), copy_team_from=first.id
    )
    assert [m.name for m in workspace.setup.team(second.id)] == ["Ann"]
    assert workspace.setup.team(second.id)[0].is_pledge_lead
    assert [r.name for r in workspace.setup.representatives(second.id)] == ["Margaret"]
    assert workspace.cycles.find(None).label == "2027"  # the most recent is the default


def test_deleting_a_team_member_is_recorded_in_the_audit_trail(workspace) -> None:
    cycle = first_setup(workspace)
    joe = workspace.setup.save_team_member(TeamMember(cycle.id, "Joe", "Radiographer"))
    before = workspace.maintenance.last_change()
    workspace.setup.delete_team_member(joe.id)
    assert workspace.maintenance.last_change() > before
    assert [m.name for m in workspace.setup.team(cycle.id)] == ["Ann"]


def test_every_change_is_announced(workspace) -> None:
    heard: list[str] = []
    workspace.changes.subscribe(heard.append)
    cycle = first_setup(workspace)
    workspace.setup.save_team_member(TeamMember(cycle.id, "Joe"))
    assert {"hospital", "cycles", "team"} <= set(heard)
