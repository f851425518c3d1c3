"""The `pledge` command, driven as a user types it."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pledge_desktop import __version__
from pledge_desktop.cli import build_parser, main
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.services.workspace import open_workspace


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_cycles_lists_the_fictional_cycles(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "demo", "--data-dir", str(data_dir))
    assert code == 0 and "demo data set is ready" in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "cycles")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Cycle", "Pledge", "Status", "Starts", "Ends"]
    rows = [line.split() for line in lines[1:]]
    assert ["2026", "Primary", "Collecting", "views"] in [row[:4] for row in rows]
    assert rows[-1][:2] == ["2025", "Primary"]


def test_demo_goes_to_its_own_folder_by_default(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "Pledge Desktop demo" in out


def test_demo_refuses_to_overwrite_and_rebuilds_with_force(capsys, data_dir: Path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "demo", "--data-dir", str(data_dir))
    assert code == 0 and "--force" in out
    # things the nurse did in the demo since: printed forms, a half-typed one
    run(
        capsys,
        "forms",
        "--cycle",
        "2026",
        "--count",
        "2",
        "--out",
        str(data_dir / "f.pdf"),
        "--data-dir",
        str(data_dir),
    )
    code, out, _ = run(capsys, "demo", "--force", "--data-dir", str(data_dir))
    assert code == 0
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 0, out
    assert list((data_dir / "backups").glob("before-demo-rebuild-*"))


def test_demo_never_touches_real_data(capsys, workspace, data_dir: Path) -> None:
    from pledge_desktop.domain.setup import Hospital

    workspace.setup.save_hospital(Hospital(name="Real"))
    workspace.close()
    code, _, err = run(capsys, "demo", "--force", "--data-dir", str(data_dir))
    assert code == 1 and "real data" in err


def test_check_passes_on_a_sound_database_and_fails_on_a_broken_one(capsys, data_dir) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 0 and "All is well" in out
    with sqlite3.connect(data_dir / DATABASE_FILE) as c:
        c.execute("PRAGMA foreign_keys = OFF")
        c.execute("DELETE FROM pledge_cycle WHERE label = '2025'")
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 1
    assert "points to a pledge_cycle record that no longer exists" in out


def test_check_on_a_folder_without_a_database(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 1 and "no database" in out


def test_backup_to_a_file_and_restore_it(capsys, data_dir: Path, tmp_path: Path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    target = tmp_path / "usb-stick" / "pledge.sqlite3"
    target.parent.mkdir()
    code, out, _ = run(capsys, "backup", "--to", str(target), "--data-dir", str(data_dir))
    assert code == 0 and target.exists()
    with sqlite3.connect(data_dir / DATABASE_FILE) as c:
        c.execute("UPDATE hospital SET name = 'Changed later'")
    code, out, _ = run(capsys, "restore", str(target), "--data-dir", str(data_dir))
    assert code == 0 and "before-restore-" in out
    with sqlite3.connect(data_dir / DATABASE_FILE) as c:
        assert "fictional" in c.execute("SELECT name FROM hospital").fetchone()[0]


def test_restore_refuses_a_file_that_is_not_a_backup(capsys, data_dir, tmp_path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear team")
    code, _, err = run(capsys, "restore", str(letter), "--data-dir", str(data_dir))
    assert code == 1
    assert "not a Pledge Desktop database" in err


def test_a_write_command_is_refused_while_the_app_has_the_folder(capsys, data_dir) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    backup = open_workspace(data_dir, write=False).maintenance.backup_now()
    holder = open_workspace(data_dir)
    try:
        code, _, err = run(capsys, "restore", str(backup), "--data-dir", str(data_dir))
    finally:
        holder.close()
    assert code == 1 and "already open by" in err


def test_data_dir_comes_from_the_environment(capsys, data_dir, monkeypatch) -> None:
    monkeypatch.setenv("PLEDGE_DATA_DIR", str(data_dir))
    run(capsys, "demo", "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "cycles")
    assert code == 0 and "2026" in out


def test_cycles_explains_when_there_is_no_database(capsys, data_dir: Path) -> None:
    code, _, err = run(capsys, "cycles", "--data-dir", str(data_dir))
    assert code == 1 and "no Pledge Desktop database" in err


def test_version_and_complete_help(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out
    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(subcommands) >= {"cycles", "backup", "restore", "check", "demo"}
    for name, sub in subcommands.items():
        assert sub.description, f"pledge {name} has no description"
        for action in sub._actions:
            assert action.help, f"pledge {name} {action.option_strings} has no help"


def test_the_installed_console_script_runs() -> None:
    exe = Path(sys.executable).with_name("pledge")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "backup" in result.stdout and "--data-dir" in result.stdout


REDCAP = Path(__file__).resolve().parent / "data" / "redcap"


def test_questionnaire_import_list_and_export(capsys, data_dir: Path, tmp_path: Path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    code, out, _ = run(
        capsys,
        "questionnaire",
        "import",
        str(REDCAP / "survey-data-dictionary.csv"),
        "--name",
        "REDCap sample",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0 and 'Imported "REDCap sample": 24 questions.' in out
    code, out, _ = run(capsys, "questionnaire", "list", "--data-dir", str(data_dir))
    assert (
        "Primary breast cancer patient survey (version 1): 31 questions, used by 2025." in out
    )
    assert "Primary breast cancer patient survey (version 2): 40 questions, used by 2026." in out
    assert "REDCap sample (version 1): 24 questions, not used yet. From REDCap:" in out
    target = tmp_path / "out.csv"
    code, out, _ = run(
        capsys,
        "questionnaire",
        "export",
        "REDCap sample",
        "--out",
        str(target),
        "--data-dir",
        str(data_dir),
    )
    assert code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 1 + 24  # header, REDCap's record ID, the questions
    code, _, err = run(
        capsys,
        "questionnaire",
        "import",
        str(target),
        "--name",
        "REDCap sample",
        "--data-dir",
        str(data_dir),
    )
    assert code == 1 and "already a questionnaire called" in err


def test_questionnaire_import_refuses_all_of_a_file_it_cannot_take(capsys, data_dir) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    code, _, err = run(
        capsys,
        "questionnaire",
        "import",
        str(REDCAP / "validation-types-dictionary.csv"),
        "--name",
        "All types",
        "--data-dir",
        str(data_dir),
    )
    assert code == 1
    assert "Nothing was imported, because 30 field(s) cannot be used" in err
    assert "- Line 3 (f_calculated): calculated fields" in err
    code, out, _ = run(capsys, "questionnaire", "list", "--data-dir", str(data_dir))
    assert "All types" not in out


def test_questionnaire_export_names_what_exists(capsys, data_dir, tmp_path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    code, _, err = run(
        capsys,
        "questionnaire",
        "export",
        "Nope",
        "--out",
        str(tmp_path / "x.csv"),
        "--data-dir",
        str(data_dir),
    )
    assert code == 1 and 'no questionnaire called "Nope"' in err
    assert "Primary breast cancer patient survey" in err
    assert not (tmp_path / "x.csv").exists()


def _numbers_in_use(data_dir: Path, label: str) -> set[int]:
    """Every form number the demo knows for a cycle: typed in, being typed, or printed."""
    import sqlite3

    with sqlite3.connect(data_dir / "pledge.sqlite3") as db:
        return {
            serial
            for table in ("survey_response", "entry_draft", "check_draft", "form_serial")
            for (serial,) in db.execute(
                f"SELECT serial FROM {table} JOIN pledge_cycle ON pledge_cycle.id = cycle_id "
                "WHERE pledge_cycle.label = ?",
                (label,),
            )
        }


def test_forms_start_past_every_number_typed_printed_or_drafted(capsys, data_dir, tmp_path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    used = _numbers_in_use(data_dir, "2026")
    assert used, "the demo has typed-in forms"
    out = tmp_path / "forms.pdf"
    code, text, _ = run(
        capsys, "forms", "--count", "2", "--out", str(out), "--data-dir", str(data_dir)
    )
    first = max(used) + 1
    assert code == 0 and f"Wrote forms {first:05d} to {first + 1:05d} for cycle 2026" in text
    assert out.exists()
    code, text, _ = run(
        capsys, "forms", "--count", "1", "--out", str(out), "--data-dir", str(data_dir)
    )
    assert f"Wrote forms {first + 2:05d} to {first + 2:05d}" in text, "never the same twice"
    typed = min(_numbers_in_use(data_dir, "2026"))
    code, _, err = run(
        capsys,
        "forms",
        "--count",
        "1",
        "--start",
        str(typed),
        "--out",
        str(out),
        "--data-dir",
        str(data_dir),
    )
    assert code == 1 and f"{typed:05d}" in err and "never given out twice" in err
    for bad in ("0", "-3", str(10**20)):
        code, _, err = run(
            capsys,
            "forms",
            "--count",
            "1",
            "--start",
            bad,
            "--out",
            str(out),
            "--data-dir",
            str(data_dir),
        )
        assert code in (1, 2) and "Traceback" not in err and err.strip()
    code, _, err = run(
        capsys,
        "forms",
        "--cycle",
        "1999",
        "--count",
        "1",
        "--out",
        str(out),
        "--data-dir",
        str(data_dir),
    )
    assert code == 1 and 'no cycle called "1999"' in err


def test_python_dash_m_runs_the_command_too(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pledge_desktop.cli", "demo", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "demo data set is ready" in result.stdout


def test_responses_import_all_or_nothing(capsys, data_dir: Path, tmp_path: Path) -> None:
    run(capsys, "demo", "--data-dir", str(data_dir))
    good = tmp_path / "good.csv"
    good.write_text("serial,diag_private,overall_rating\n101,1,2\n102,2,1\n")
    code, out, _ = run(
        capsys, "responses", "import", str(good), "--cycle", "2025", "--data-dir", str(data_dir)
    )
    assert code == 0 and "Imported 2 forms into cycle 2025." in out
    bad = tmp_path / "bad.csv"
    bad.write_text("serial,overall_rating\n103,1\n104,9\n")
    code, _, err = run(
        capsys, "responses", "import", str(bad), "--cycle", "2025", "--data-dir", str(data_dir)
    )
    assert code == 1
    assert '- Row 3, column overall_rating: "9" is not one of the box numbers' in err
    v2 = tmp_path / "version-2.csv"
    v2.write_text("serial,diag_bcn_present,overall_care\n101,1,10\n")
    code, out, _ = run(capsys, "responses", "import", str(v2), "--data-dir", str(data_dir))
    assert code == 0 and "into cycle 2026" in out


def test_goals_for_a_team_meeting(capsys, data_dir: Path) -> None:
    import csv
    import io

    run(capsys, "demo", "--data-dir", str(data_dir))
    code, out, _ = run(capsys, "goals", "--cycle", "2026", "--data-dir", str(data_dir))
    assert code == 0
    assert out.startswith("# Our pledge: goals for cycle 2026")
    assert "## Long term (in 2 years or more)" in out
    code, out, _ = run(capsys, "goals", "--format", "csv", "--data-dir", str(data_dir))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 7
    assert {r["status"] for r in rows} >= {"In progress", "Proposed", "Agreed"}
    code, _, err = run(capsys, "goals", "--cycle", "1999", "--data-dir", str(data_dir))
    assert code == 1 and "1999" in err


def test_listing_the_cycles_needs_no_orm_and_matches_the_usual_way(
    demo_folder: str, tmp_path: Path
) -> None:
    """`pledge cycles` answers at once: it reads a closed, sound file with sqlite3 alone."""
    script = (
        "import sys\n"
        "from pledge_desktop.cli import main\n"
        f"code = main(['cycles', '--data-dir', {demo_folder!r}])\n"
        "print('ORM loaded' if 'sqlalchemy.orm' in sys.modules else 'no ORM')\n"
        "sys.exit(code)\n"
    )
    quick = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert quick.returncode == 0, quick.stderr
    assert quick.stdout.strip().endswith("no ORM")
    wal = Path(demo_folder) / "pledge.sqlite3-wal"
    from pledge_desktop.services.workspace import open_workspace

    with open_workspace(Path(demo_folder)):  # the app has it open: a WAL beside it
        assert wal.exists()
        usual = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
        )
    assert usual.returncode == 0, usual.stderr
    assert usual.stdout.strip().endswith("ORM loaded")
    listing = quick.stdout.strip().splitlines()[:-1]
    assert listing == usual.stdout.strip().splitlines()[:-1]
    assert listing[2].split()[:2] == ["2026", "Secondary"]
