"""Sending data to the charity: the package validates, nothing identifying leaves, small groups
are held back, the file is written whole or not at all; and the merge's numbers are the
database's own."""

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from pledge_desktop.db import models as m
from pledge_desktop.domain.anonymity import smallest_group
from pledge_desktop.domain.errors import StorageError, ValidationError
from pledge_desktop.domain.goals import Goal, Term
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry
from pledge_desktop.exchange.package_io import PackageRejected, read_package
from pledge_desktop.services.exchange.export import ExportChoices
from pledge_desktop.services.exchange.merge import merge_packages

SWEPT = ExportChoices(remove_all=True)  # every finding of the identifier check removed
PLANTED = (
    "Ring me on 07700 900123 or write to jo.bloggs@example.com, NHS 943 476 5919, "
    "I live at NE1 4ST. Sister Ann Example was lovely."
)


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def unpacked(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def table(files: dict[str, str], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"])))


def plant_form(workspace, cycle_id: int, serial: int, comment: str, ages: int = 1) -> None:  # type: ignore[no-untyped-def]
    service = workspace.survey_entry
    entry = FormEntry(service.questionnaire(cycle_id), serial)
    while not entry.finished:
        question = entry.current
        if question.code == "improve_one_thing" and comment:
            entry.press_enter(comment)
        elif question.code == "age_band":
            entry.press_digit(ages)
        elif question.code == "sex":
            entry.press_digit(2)
        else:
            entry.mark(AnswerState.LEFT_BLANK)
    service.save_form(cycle_id, entry)


def test_the_package_holds_every_table_and_validates(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "riverside-2026.zip"
    result = demo_workspace.export.export(cycle_id, out, SWEPT)
    loaded = read_package(out)  # checksums, format version and frictionless validation
    names = {name for name, _title, _rows in result.tables}
    assert names == {
        "site",
        "questions",
        "options",
        "responses",
        "verification",
        "interviews",
        "interview_themes",
        "quotes",
        "goals",
        "goal_updates",
        "standards",
        "bands",
        "batches",
        "time_spent",
        "representatives",
    }
    assert len(loaded.tables["responses"]) == 60
    assert loaded.manifest["format_version"] == 1 and loaded.manifest["app_version"]
    files = unpacked(out)
    assert "no names, no NHS numbers" in files["README.txt"]
    descriptor = loaded.descriptor
    responses = next(r for r in descriptor["resources"] if r["name"] == "responses")
    private = next(f for f in responses["schema"]["fields"] if f["name"] == "diag_bcn_present")
    assert private["constraints"]["enum"] == [1, 2, 3] and "1 = Yes" in private["description"]
    audit = demo_workspace.db
    with audit.reading() as session:
        said = session.scalars(
            select(m.AuditEntry.new_value).where(m.AuditEntry.entity == "export")
        ).one()
    assert result.sha256 in said and "responses 60" in said


def test_nothing_identifying_leaves(demo_workspace, cycle_id, tmp_path) -> None:
    plant_form(demo_workspace, cycle_id, 901, PLANTED)
    plan = demo_workspace.export.plan(cycle_id)
    planted = next(c for c in plan.comments if c.text == PLANTED)
    kinds = {f.kind for f in planted.findings}
    assert {"NHS number", "phone number", "email address", "postcode", "name"} <= kinds, kinds
    # not reviewed: not sent
    out = tmp_path / "plain.zip"
    demo_workspace.export.export(cycle_id, out, SWEPT)
    everything = "\n".join(unpacked(out).values())
    for secret in ("07700 900123", "jo.bloggs", "943 476 5919", "NE1 4ST", "Ring me"):
        assert secret not in everything
    # reviewed and sent: redacted
    out = tmp_path / "reviewed.zip"
    result = demo_workspace.export.export(
        cycle_id, out, ExportChoices(comments={planted.key}, remove_all=True)
    )
    assert result.comments_sent == 1
    everything = "\n".join(unpacked(out).values())
    assert "Ring me on" in everything and "was lovely" in everything
    for secret in ("07700 900123", "jo.bloggs", "943 476 5919", "NE1 4ST", "Ann Example"):
        assert secret not in everything
    # the team's own words and keys never leave
    with demo_workspace.db.reading() as session:
        memos = [p.memo for p in session.scalars(select(m.CodedPassage)) if p.memo]
        transcripts = [i.transcript for i in session.scalars(select(m.Interview))]
        pseudonyms = [i.pseudonym for i in session.scalars(select(m.Interview))]
        notes = [u.note for u in session.scalars(select(m.GoalUpdate))]
    assert memos and transcripts and notes
    for words in memos + notes:
        assert words not in everything
    for transcript in transcripts:
        assert transcript[:60] not in everything
    responses = table(unpacked(out), "responses")
    assert not {p for p in pseudonyms} & {v for row in responses for v in row.values()}
    assert all(len(row["response_id"]) == 16 for row in responses)
    assert "901" not in {row["response_id"] for row in responses}


def test_small_groups_are_held_back(demo_workspace, cycle_id, tmp_path) -> None:
    plant_form(demo_workspace, cycle_id, 902, "", ages=6)  # a man aged 80 or over: unique
    out = tmp_path / "k.zip"
    result = demo_workspace.export.export(cycle_id, out, ExportChoices(k=5, remove_all=True))
    assert result.suppression.total > 0
    rows = table(unpacked(out), "responses")
    codes = ["age_band", "sex", "time_since_diagnosis"]
    assert smallest_group(rows, codes) >= 5
    assert not any(row["age_band"] == "6" and row["sex"] == "2" for row in rows)
    assert any(row["age_band"] == "suppressed" for row in rows)
    plan = demo_workspace.export.plan(cycle_id, 5)
    assert "fewer than 5 forms" in plan.suppression.describe(plan.quasi_identifiers)


def test_an_invalid_package_is_never_written(
    demo_workspace, cycle_id, tmp_path, monkeypatch
) -> None:
    import pledge_desktop.services.exchange.export as export

    monkeypatch.setattr(export, "validation_problems", lambda files: ["responses: type error"])
    out = tmp_path / "never.zip"
    with pytest.raises(StorageError, match="nothing was written"):
        demo_workspace.export.export(cycle_id, out, SWEPT)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_a_password_protects_the_file(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "locked.zip"
    with pytest.raises(ValidationError):
        demo_workspace.export.export(cycle_id, out, ExportChoices(password="short"))
    demo_workspace.export.export(
        cycle_id, out, ExportChoices(password="a long passphrase", remove_all=True)
    )
    with zipfile.ZipFile(out) as archive, pytest.raises(RuntimeError):
        archive.read("README.txt")
    with pytest.raises(PackageRejected, match="password"):
        read_package(out)
    with pytest.raises(PackageRejected, match="does not open"):
        read_package(out, "the wrong passphrase")
    assert len(read_package(out, "a long passphrase").tables["responses"]) == 60


def test_cells_are_safe_in_a_spreadsheet(demo_workspace, cycle_id, tmp_path) -> None:
    goals = demo_workspace.goals
    goals.save_goal(Goal(cycle_id, Term.SHORT, '=HYPERLINK("http://x.example","click")'))
    out = tmp_path / "cells.zip"
    demo_workspace.export.export(cycle_id, out, SWEPT)
    titles = [row["title"] for row in table(unpacked(out), "goals")]
    assert '\'=HYPERLINK("http://x.example","click")' in titles
    assert not any(t.startswith(("=", "+", "-", "@")) for t in titles)


def test_round_trip_the_merge_counts_what_the_database_holds(demo_workspace, tmp_path) -> None:
    cycles = [demo_workspace.cycles.find(label).id for label in ("2025", "2026")]
    files = []
    for cycle in cycles:
        out = tmp_path / f"sent-{cycle}.zip"
        demo_workspace.export.export(cycle, out, SWEPT)
        files.append(out)
    duplicate = tmp_path / "again" / files[0].name
    duplicate.parent.mkdir()
    duplicate.write_bytes(files[0].read_bytes())
    result = merge_packages([*files, duplicate.parent], tmp_path / "national")
    assert result.rejected == [] and len(result.duplicates) == 1
    assert (result.hospitals, result.pledges) == (1, 2)
    expected = {c: demo_workspace.results.cycle_results(c) for c in cycles}
    assert result.surveys == sum(r.forms for r in expected.values()) == 110
    assert result.interviews == 4
    merged = read_package(tmp_path / "national" / "merged")
    assert len(merged.tables["responses"]) == 110
    book = openpyxl.load_workbook(tmp_path / "national" / "summary.xlsx", read_only=True)
    headline = {
        row[0]: row[1]
        for row in book["Headlines"].iter_rows(values_only=True)
        if row and len(row) > 1
    }
    assert headline["Surveys"] == 110 and headline["Hospitals"] == 1
    for cycle, cycle_label in zip(cycles, ("2025", "2026"), strict=True):
        rows = [
            (*r, None, None, None, None)[:6]
            for r in book[f"Cycle {cycle_label}"].iter_rows(values_only=True)
        ]
        header = rows[1]
        for code in ("tx_options", "bcn_contact", "support_emotional"):
            counts = expected[cycle].question(code)
            for option, want in counts.options:
                line = next(r for r in rows[2:] if r[1] == code and r[3] == option.label)
                shown = line[header.index("National count")]
                assert shown == want or (shown == "held back" and want > 0), (code, option)
            line = next(r for r in rows[2:] if r[1] == code and r[3] == "Answered")
            shown = line[header.index("National count")]
            assert shown in (counts.answered, "held back"), code
    assert (tmp_path / "national" / "summary.pdf").stat().st_size > 1000


def test_a_newer_export_of_the_same_pledge_replaces_the_older(
    demo_workspace, cycle_id, tmp_path
) -> None:
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    demo_workspace.export.export(cycle_id, first, SWEPT)
    plant_form(demo_workspace, cycle_id, 903, "")
    demo_workspace.export.export(cycle_id, second, SWEPT)
    result = merge_packages([second, first], tmp_path / "out")
    assert result.surveys == 61 and len(result.duplicates) == 1
    assert "replaced by" in result.duplicates[0]


def test_a_cycle_that_is_gone_is_named(demo_workspace, tmp_path) -> None:
    from pledge_desktop.domain.errors import NotFound

    with pytest.raises(NotFound):
        demo_workspace.export.export(9999, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()
