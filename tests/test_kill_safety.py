"""Killed at any moment (SIGKILL, no chance to clean up), a backup, a restore or an upgrade
leaves a sound database and loses nothing that was acknowledged.

Each trial forks a child that does the work while counting its Python function calls; at the
chosen call it writes a marker to a pipe, and the parent kills it as soon as it reads the marker.
The kill points are spread over the whole operation (counted in a first, unkilled run), so the
trials are synchronised on events in the work, not on clocks.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from sqlalchemy import text

from pledge_desktop.db.database import Database
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.db.migrate import SCHEMA_REVISION, known_revisions, upgrade
from pledge_desktop.domain.setup import Hospital
from pledge_desktop.services.workspace import open_workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork"),
]
KILLS = int(os.environ.get("PLEDGE_KILLS", "24"))


def run_child(work: Callable[[], None], kill_at: int | None) -> tuple[bool, int]:
    """Run `work` in a child; kill it at its `kill_at`-th call. (finished, calls counted)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        calls = 0

        def count(_frame: FrameType, event: str, _arg: Any) -> None:
            nonlocal calls
            if event == "call":
                calls += 1
                if calls == kill_at:
                    os.write(write_end, b"k\n")

        code = 0
        try:
            sys.setprofile(count)
            work()
        except BaseException:
            code = 1
        finally:
            sys.setprofile(None)
        os.write(write_end, f"d {calls}\n".encode())
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        line = pipe.readline()
        if line.startswith(b"k"):
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if line.startswith(b"d"):
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the work itself failed"
        return True, int(line.split()[1])
    return False, 0


def kill_points(work: Callable[[], None], prepare: Callable[[], None]) -> list[int]:
    prepare()
    finished, total = run_child(work, None)
    assert finished and total > KILLS
    return [max(1, total * (2 * i + 1) // (2 * KILLS)) for i in range(KILLS)]


def sound(db_file: Path) -> None:
    with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def hospital_name(folder: Path) -> str:
    with open_workspace(folder, create=False) as ws:  # the next start: cleans, checks, opens
        hospital = ws.setup.hospital()
        assert ws.maintenance.problems() == []
    return hospital.name if hospital else ""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "data"
    with open_workspace(folder) as ws:
        ws.setup.save_hospital(Hospital(name="Backed up"))
        ws.maintenance.backup_now()
        ws.setup.save_hospital(Hospital(name="Current"))
    return folder


@pytest.mark.timeout(120)
def test_killed_backups_leave_the_database_and_every_kept_backup_sound(
    template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"

    def prepare() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template, folder, ignore=shutil.ignore_patterns("pledge.lock*"))

    def work() -> None:
        with open_workspace(folder, write=False) as ws:
            ws.maintenance.backup_now()

    for point in kill_points(work, prepare):
        prepare()
        before = (folder / DATABASE_FILE).read_bytes()
        finished, _ = run_child(work, point)
        assert (folder / DATABASE_FILE).read_bytes() == before  # a backup only reads
        backups = sorted((folder / "backups").glob("*.sqlite3"))
        assert len(backups) in (1, 2)
        if finished:
            assert len(backups) == 2
        for backup in backups:
            sound(backup)
        assert hospital_name(folder) == "Current"
        assert not list((folder / "backups").glob("*.partial*")) or not finished


@pytest.mark.timeout(120)
def test_killed_restores_leave_the_old_or_the_restored_database_never_a_mix(
    template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"

    def prepare() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(template, folder, ignore=shutil.ignore_patterns("pledge.lock*"))

    def work() -> None:
        backup = next((folder / "backups").glob("manual-*.sqlite3"))
        with open_workspace(folder) as ws:
            ws.maintenance.restore(backup)

    outcomes = set()
    for point in kill_points(work, prepare):
        prepare()
        finished, _ = run_child(work, point)
        sound(folder / DATABASE_FILE)
        name = hospital_name(folder)
        assert name in ("Current", "Backed up")
        if finished:
            assert name == "Backed up"
        if name == "Backed up":  # restored: with its record, and the trail carried forward
            with sqlite3.connect(folder / DATABASE_FILE) as connection:
                actions = [r[0] for r in connection.execute("SELECT action FROM audit_entry")]
                values = [r[0] for r in connection.execute("SELECT new_value FROM audit_entry")]
            assert actions[-1] == "restore" and "Current" in values
        outcomes.add(name)
    assert outcomes == {"Current", "Backed up"}


@pytest.fixture(scope="module")
def old_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("old") / "data"
    folder.mkdir()
    db = Database(folder / DATABASE_FILE)
    upgrade(db.engine, known_revisions()[-2])
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO hospital (name, trust_name, trust_code, site_code, unit_phone, "
                "out_of_hours_phone, address) VALUES ('Older version', '', '', '', '', '', '')"
            )
        )
        for number in range(50):
            connection.execute(
                text(
                    "INSERT INTO audit_entry (os_user, action, entity, entity_id, new_value) "
                    "VALUES ('x', 'insert', 'hospital', '1', :n)"
                ),
                {"n": str(number)},
            )
    db.close()
    return folder


@pytest.mark.timeout(120)
def test_killed_upgrades_leave_the_old_or_the_upgraded_database(
    old_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"

    def prepare() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(old_template, folder)

    def work() -> None:
        open_workspace(folder).close()

    revisions = set()
    for point in kill_points(work, prepare):
        prepare()
        run_child(work, point)
        sound(folder / DATABASE_FILE)
        with sqlite3.connect(f"file:{folder / DATABASE_FILE}?mode=ro", uri=True) as connection:
            revisions.add(connection.execute("SELECT version_num FROM alembic_version").fetchone())
        assert hospital_name(folder) == "Older version"  # upgrades now if it was stopped
    assert revisions == {(known_revisions()[-2],), (SCHEMA_REVISION,)}  # killed before and after
