"""Questionnaires through the services: templates, the cycle's questionnaire, import."""

from pathlib import Path

import pytest

from pledge_desktop.domain.errors import NotFound, StorageError, ValidationError


def test_the_two_templates_are_there_once(workspace) -> None:
    names = [s.name for s in workspace.questionnaires.summaries()]
    assert names == [
        "Primary breast cancer patient survey",
        "Secondary breast cancer patient survey",
    ]
    assert workspace.questionnaires.install_templates() == 0


def test_a_cycle_uses_a_questionnaire(demo_workspace) -> None:
    from datetime import date

    from pledge_desktop.domain.setup import PledgeCycle

    cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17))
    )
    assert demo_workspace.questionnaires.for_cycle(cycle.id).name.startswith("Primary")
    demo_workspace.questionnaires.use_for_cycle(cycle.id, "Secondary breast cancer patient survey")
    assert demo_workspace.questionnaires.for_cycle(cycle.id).name.startswith("Secondary")
    with pytest.raises(NotFound, match='no questionnaire called "Tertiary"'):
        demo_workspace.questionnaires.use_for_cycle(cycle.id, "Tertiary")


def test_a_questionnaire_in_use_cannot_be_deleted_from_under_a_cycle(demo_workspace) -> None:
    from pledge_desktop.db import models as m
    from pledge_desktop.db.dependents import count_dependents

    with demo_workspace.db.reading() as session:
        row = session.query(m.Questionnaire).filter_by(version=1).first()
        assert count_dependents(session, row) == [("2 pledge cycles", 2)]


def test_import_from_a_spreadsheet_saved_in_windows_encoding(workspace, tmp_path: Path) -> None:
    head = (
        '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label",'
        '"Choices, Calculations, OR Slider Labels"'
    )
    text = (
        f"{head}\nrecord_id,f,,text,ID,\n"
        'cafe,f,Caf\u00e9,radio,"Was the caf\u00e9 open?","1, Yes | 2, No"\n'
    )
    path = tmp_path / "dictionary.csv"
    path.write_bytes(text.encode("cp1252"))
    summary, _ = workspace.questionnaires.import_redcap(path, "Caf\u00e9 survey")
    assert summary.questions == 1
    assert workspace.questionnaires.latest("Caf\u00e9 survey").sections[0].title == "Caf\u00e9"


def test_import_needs_a_name_and_a_readable_file(workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="give the questionnaire a name"):
        workspace.questionnaires.import_redcap(tmp_path / "x.csv", " ")
    with pytest.raises(StorageError, match="cannot be read: There is no such file"):
        workspace.questionnaires.import_redcap(tmp_path / "missing.csv", "Missing")


def test_a_cycle_with_forms_typed_in_keeps_its_questionnaire(demo_workspace) -> None:
    cycle = demo_workspace.cycles.find("2026")
    with pytest.raises(ValidationError, match="already has 60 forms typed in"):
        demo_workspace.questionnaires.use_for_cycle(
            cycle.id, "Secondary breast cancer patient survey"
        )
    assert demo_workspace.questionnaires.name_for_cycle(cycle.id).startswith("Primary")
