"""Backups, restore and checks, as the services offer them."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.domain.errors import DatabaseProblem
from pledge_desktop.domain.setup import Hospital
from pledge_desktop.services.workspace import open_workspace


def test_backup_now_makes_a_checked_copy(workspace) -> None:
    workspace.setup.save_hospital(Hospital(name="Riverside"))
    path = workspace.maintenance.backup_now()
    assert path.parent == workspace.data_dir / "backups"
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT name FROM hospital").fetchone() == ("Riverside",)
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_automatic_backups_only_when_something_changed(workspace) -> None:
    workspace.setup.save_hospital(Hospital(name="Riverside"))
    assert workspace.maintenance.auto_backup() is not None
    assert workspace.maintenance.auto_backup() is None
    workspace.setup.save_hospital(Hospital(name="Riverside General"))
    newest = workspace.maintenance.auto_backup()
    assert newest is not None
    with sqlite3.connect(newest) as c:
        assert c.execute("SELECT name FROM hospital").fetchone() == ("Riverside General",)


def test_backups_taken_in_the_same_second_never_overwrite_each_other(workspace) -> None:
    workspace.setup.save_hospital(Hospital(name="Riverside"))
    paths = {workspace.maintenance.backup_now() for _ in range(3)}
    assert len(paths) == 3 and all(p.exists() for p in paths)


def test_restore_brings_back_the_old_data_and_keeps_the_current(workspace) -> None:
    workspace.setup.save_hospital(Hospital(name="Before"))
    old = workspace.maintenance.backup_now()
    workspace.setup.save_hospital(Hospital(name="After"))
    safety = workspace.maintenance.restore(old)
    assert workspace.setup.hospital().name == "Before"
    with sqlite3.connect(safety) as c:
        assert c.execute("SELECT name FROM hospital").fetchone() == ("After",)
    assert workspace.maintenance.problems() == []


@pytest.mark.parametrize(
    "content", [b"", b"just some text", b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_restore_refuses_what_is_not_a_pledge_database(
    workspace, tmp_path: Path, content: bytes
) -> None:
    workspace.setup.save_hospital(Hospital(name="Kept"))
    bad = tmp_path / "holiday-photos.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(DatabaseProblem):
        workspace.maintenance.restore(bad)
    assert workspace.setup.hospital().name == "Kept"
    assert not list((workspace.data_dir / "backups").glob("before-restore-*"))


def test_restore_refuses_a_backup_of_another_program(workspace, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE recipes (name)")
    with pytest.raises(DatabaseProblem, match="not a Pledge Desktop database"):
        workspace.maintenance.restore(other)


def test_restore_never_mixes_demo_and_real_data(workspace, demo_workspace) -> None:
    demo_backup = demo_workspace.maintenance.backup_now()
    with pytest.raises(DatabaseProblem, match="never mixed"):
        workspace.maintenance.restore(demo_backup)


def test_check_finds_broken_links(workspace) -> None:
    workspace.close()
    with sqlite3.connect(workspace.data_dir / DATABASE_FILE) as c:
        c.execute("PRAGMA foreign_keys = OFF")
        c.execute(
            "INSERT INTO team_member (cycle_id, name, role, phone, email, is_pledge_lead) "
            "VALUES (42, 'Orphan', '', '', '', 0)"
        )
    ws = open_workspace(workspace.data_dir)
    try:
        problems = ws.maintenance.problems()
    finally:
        ws.close()
    assert any("team_member points to a pledge_cycle record" in p for p in problems)


def test_backups_are_listed_newest_first(workspace) -> None:
    workspace.setup.save_hospital(Hospital(name="Riverside"))
    folder = workspace.data_dir / "backups"
    folder.mkdir()
    for stamp in ("20260101-090000", "20261001-090000", "20260601-090000"):
        (folder / f"auto-{stamp}.sqlite3").write_bytes(b"x")
    taken = [b.taken_at for b in workspace.maintenance.backups()]
    assert taken == sorted(taken, reverse=True)
    assert taken[0] == datetime(2026, 10, 1, 9, 0)
