"""Opening a data folder: new, current, behind, newer, foreign, damaged, locked, full."""

import hashlib
import socket
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from pledge_desktop.db.audit import current_os_user
from pledge_desktop.db.database import Database
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.db.migrate import SCHEMA_REVISION, known_revisions, upgrade
from pledge_desktop.domain.errors import (
    DatabaseProblem,
    DataFolderInUse,
    DataFolderProblem,
    StorageError,
)
from pledge_desktop.domain.setup import Hospital
from pledge_desktop.services.workspace import open_workspace


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_folder_gets_a_current_database(data_dir: Path) -> None:
    ws = open_workspace(data_dir)
    ws.close()
    with sqlite3.connect(data_dir / DATABASE_FILE) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_REVISION,)


def test_a_database_from_an_older_version_is_backed_up_then_upgraded(data_dir: Path) -> None:
    data_dir.mkdir()
    old = Database(data_dir / DATABASE_FILE)
    upgrade(old.engine, known_revisions()[0])
    with old.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO pledge_cycle (label, start_date, end_date, status, notes) "
                "VALUES ('2011', '2011-01-01', '2011-12-31', 'published', '')"
            )
        )
    old.close()
    ws = open_workspace(data_dir)
    try:
        assert ws.upgraded_from == known_revisions()[0]
        assert [c.label for c in ws.cycles.cycles()] == ["2011"]
    finally:
        ws.close()
    backups = list((data_dir / "backups").glob("before-upgrade-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (
            known_revisions()[0],
        )


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(data_dir: Path) -> None:
    ws = open_workspace(data_dir)
    ws.close()
    db_file = data_dir / DATABASE_FILE
    with sqlite3.connect(db_file) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(db_file)
    with pytest.raises(DatabaseProblem, match="newer version of Pledge Desktop"):
        open_workspace(data_dir)
    assert digest(db_file) == before
    assert not (data_dir / "backups").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    db_file = data_dir / DATABASE_FILE
    db_file.write_text("Dear Ann, minutes of the team meeting…")
    before = digest(db_file)
    with pytest.raises(DatabaseProblem, match="not a Pledge Desktop database"):
        open_workspace(data_dir)
    assert digest(db_file) == before


def test_an_sqlite_file_of_another_program_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    with sqlite3.connect(data_dir / DATABASE_FILE) as c:
        c.execute("CREATE TABLE recipes (name)")
    with pytest.raises(DatabaseProblem, match="not a Pledge Desktop database"):
        open_workspace(data_dir)


def test_a_folder_that_cannot_be_made_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderProblem, match="cannot use the folder"):
        open_workspace(blocker / "data")
    assert blocker.read_text() == "not a folder"


def test_a_second_writer_is_told_who_holds_the_folder(data_dir: Path) -> None:
    first = open_workspace(data_dir)
    try:
        with pytest.raises(DataFolderInUse) as caught:
            open_workspace(data_dir)
        message = str(caught.value)
        assert current_os_user() in message
        assert socket.gethostname() in message
        assert "since" in message
        reader = open_workspace(data_dir, write=False)  # reading alongside is fine
        reader.close()
    finally:
        first.close()
    open_workspace(data_dir).close()  # free again once the first has closed


def test_a_lock_left_by_a_killed_process_is_taken_over(data_dir: Path) -> None:
    open_workspace(data_dir).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from pledge_desktop.services.workspace import open_workspace
            ws = open_workspace(Path({str(data_dir)!r}))
            print("locked", flush=True)
            time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DataFolderInUse):
            open_workspace(data_dir)
    finally:
        holder.kill()
        holder.wait()
    ws = open_workspace(data_dir)
    ws.close()


def test_a_full_disk_gives_a_plain_message_and_keeps_earlier_data(workspace) -> None:
    workspace.setup.save_hospital(Hospital(name="Riverside"))
    engine = workspace.db.engine

    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _tiny(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    with pytest.raises(StorageError, match="disk is full"):
        workspace.setup.save_hospital(Hospital(name="Riverside", address="x" * 200_000))
    event.remove(engine, "connect", _tiny)
    engine.dispose()
    assert workspace.setup.hospital().name == "Riverside"
    assert workspace.setup.hospital().address == ""
    assert workspace.maintenance.problems() == []


def test_the_demo_never_opens_on_real_data(workspace, data_dir: Path) -> None:
    workspace.setup.save_hospital(Hospital(name="Real Hospital"))
    workspace.close()
    with pytest.raises(DataFolderProblem, match="never mixed with real data"):
        open_workspace(data_dir, demo=True)
