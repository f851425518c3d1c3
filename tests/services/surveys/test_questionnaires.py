"""Questionnaires through the services: templates, the cycle's questionnaire, import."""

from pathlib import Path

import pytest

from pledge_desktop.domain.errors import NotFound, StorageError, ValidationError

PRIMARY = "Primary breast cancer patient survey"


def test_both_templates_are_there_once_in_two_versions(workspace) -> None:
    shipped = [(s.name, s.version, s.is_template) for s in workspace.questionnaires.summaries()]
    assert shipped == [
        ("Primary breast cancer patient survey", 1, True),
        ("Primary breast cancer patient survey", 2, True),
        ("Secondary breast cancer patient survey", 1, True),
        ("Secondary breast cancer patient survey", 2, True),
    ]
    assert workspace.questionnaires.install_templates() == 0
    newest = workspace.questionnaires.latest("Primary breast cancer patient survey")
    assert "diag_bcn_present" in {q.code for q in newest.questions()}


def test_version_2_joins_a_database_that_had_only_version_1(workspace) -> None:
    """An older database gains version 2 on opening; its cycles keep what they asked."""
    from datetime import date

    from sqlalchemy import delete

    from pledge_desktop.db import models as m
    from pledge_desktop.domain.setup import PledgeCycle

    with workspace.db.transaction() as session:
        session.execute(delete(m.Questionnaire).where(m.Questionnaire.version == 2))
    old = workspace.cycles.save_cycle(PledgeCycle("2025", date(2025, 1, 6), date(2025, 12, 19)))
    assert workspace.questionnaires.install_templates() == 2
    versions = [(s.name[:7], s.version) for s in workspace.questionnaires.summaries()]
    assert versions == [("Primary", 1), ("Primary", 2), ("Seconda", 1), ("Seconda", 2)]
    kept = {q.code for q in workspace.questionnaires.for_cycle(old.id).questions()}
    assert "diag_private" in kept
    following = workspace.cycles.save_cycle(
        PledgeCycle("2026", date(2026, 1, 5), date(2026, 12, 18)), copy_team_from=old.id
    )
    brand_new = workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17))
    )
    follows = {q.code for q in workspace.questionnaires.for_cycle(following.id).questions()}
    assert "diag_private" in follows, "a following cycle keeps its questionnaire"
    newest = {q.code for q in workspace.questionnaires.for_cycle(brand_new.id).questions()}
    assert "diag_bcn_present" in newest, "a brand-new cycle gets the newest version"
    workspace.questionnaires.use_for_cycle(following.id, "Primary breast cancer patient survey")
    chosen = {q.code for q in workspace.questionnaires.for_cycle(following.id).questions()}
    assert "diag_bcn_present" in chosen, "the team chooses the new version"


def test_a_version_the_team_made_keeps_its_number(workspace) -> None:
    """A team's own version 2 stays version 2; ours goes in after it."""
    from sqlalchemy import delete

    from pledge_desktop.db import models as m

    with workspace.db.transaction() as session:
        session.execute(delete(m.Questionnaire).where(m.Questionnaire.version == 2))
    first = workspace.questionnaires.summaries()[0]
    ours = workspace.questionnaires.new_version(first.id)
    assert workspace.questionnaires.install_templates() == 2
    primary = [s for s in workspace.questionnaires.summaries() if s.name == first.name]
    assert [(s.version, s.is_template) for s in primary] == [(1, True), (2, False), (3, True)]
    assert primary[1].id == ours


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
        first, second = session.query(m.Questionnaire).filter_by(name=PRIMARY).order_by("version")
        assert count_dependents(session, first) == [("1 pledge cycle", 1)]  # 2025
        assert count_dependents(session, second) == [("1 pledge cycle", 1)]  # 2026


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
    with pytest.raises(StorageError, match="There is no file"):
        workspace.questionnaires.import_redcap(tmp_path / "missing.csv", "Missing")


def test_a_cycle_with_forms_typed_in_keeps_its_questionnaire(demo_workspace) -> None:
    cycle = demo_workspace.cycles.find("2026")
    with pytest.raises(ValidationError, match="already has 60 forms typed in"):
        demo_workspace.questionnaires.use_for_cycle(
            cycle.id, "Secondary breast cancer patient survey"
        )
    assert demo_workspace.questionnaires.name_for_cycle(cycle.id).startswith("Primary")
