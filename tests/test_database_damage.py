"""A damaged or foreign database, or a WAL file that is not its own, gets a plain answer and is
left byte for byte as it was; read-only opens never write; leftovers are cleaned at start."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledge_desktop.crash_log import crash_message, write_crash_log
from pledge_desktop.db.damage import DatabaseDamaged, ForeignDatabase, newest_good_backup
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.db.integrity import find_problems
from pledge_desktop.db.lock import describe_holder
from pledge_desktop.domain.errors import DataFolderProblem, PledgeError
from pledge_desktop.domain.setup import Hospital
from pledge_desktop.services.maintenance import clean_leftovers
from pledge_desktop.services.workspace import open_workspace


def fingerprint(folder: Path) -> dict[str, str]:
    """The database and its WAL, byte for byte. An empty WAL (which a read-only open may leave
    beside a database in WAL mode) holds nothing, and the -shm is an index SQLite rebuilds."""
    found = {}
    for name in ("", "-wal"):
        path = folder / (DATABASE_FILE + name)
        if path.exists() and (name == "" or path.stat().st_size):
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def frozen_wal(folder: Path, rows: int, *, name: str = "Riverside") -> tuple[bytes, bytes]:
    """The database file and its WAL as a killed session leaves them (nothing checkpointed)."""
    db_file = folder / DATABASE_FILE
    connection = sqlite3.connect(db_file, isolation_level=None)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    for number in range(rows):
        connection.execute(
            "INSERT INTO app_setting (key, value) VALUES (?, ?)", (f"k{number}", name * 50)
        )
    frozen = db_file.read_bytes(), (folder / (DATABASE_FILE + "-wal")).read_bytes()
    connection.close()
    return frozen


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damage") / "data"
    with open_workspace(folder) as ws:
        ws.setup.save_hospital(Hospital(name="Riverside"))
        ws.maintenance.backup_now()
    return folder


@pytest.fixture
def folder(tmp_path: Path, template: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(template, copy, ignore=shutil.ignore_patterns("pledge.lock*"))
    return copy


def attempt(folder: Path, *, write: bool) -> None:
    """Open as a command would and read something; PledgeError is the only acceptable failure."""
    with open_workspace(folder, write=write, create=False) as ws:
        ws.cycles.cycles()
        ws.setup.hospital()


def test_read_only_opens_never_change_the_file(folder: Path) -> None:
    frozen_db, frozen = frozen_wal(folder, 3)
    (folder / DATABASE_FILE).write_bytes(frozen_db)
    (folder / (DATABASE_FILE + "-wal")).write_bytes(frozen)
    before = fingerprint(folder)
    with open_workspace(folder, write=False) as ws:  # a killed session's own WAL is read
        ws.maintenance.backup_now()
        assert ws.setup.hospital() is not None
    assert find_problems(folder / DATABASE_FILE) == []
    assert fingerprint(folder) == before


def test_a_wal_of_another_database_is_refused_and_both_files_kept(
    folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    with open_workspace(other):
        pass
    _, foreign = frozen_wal(other, 40, name="Other")
    (folder / (DATABASE_FILE + "-wal")).write_bytes(foreign)
    before = fingerprint(folder)
    for write in (False, True):
        with pytest.raises(
            ForeignDatabase, match=r"does not belong to it.*Move pledge\.sqlite3-wal"
        ):
            attempt(folder, write=write)
    assert "does not belong" in find_problems(folder / DATABASE_FILE)[0]
    assert fingerprint(folder) == before


def test_a_wal_left_beside_a_backup_copied_over_by_hand_is_refused(folder: Path) -> None:
    backup = next((folder / "backups").glob("*.sqlite3")).read_bytes()
    _, newer = frozen_wal(folder, 40)
    (folder / DATABASE_FILE).write_bytes(backup)
    (folder / (DATABASE_FILE + "-wal")).write_bytes(newer)
    before = fingerprint(folder)
    with pytest.raises(ForeignDatabase):
        attempt(folder, write=False)
    assert fingerprint(folder) == before


def test_another_programs_wal_is_refused(folder: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "recipes.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("CREATE TABLE recipes (name)")
    wal = (tmp_path / "recipes.db-wal").read_bytes()
    connection.close()
    (folder / (DATABASE_FILE + "-wal")).write_bytes(wal)
    before = fingerprint(folder)
    with pytest.raises(ForeignDatabase):
        attempt(folder, write=True)
    assert fingerprint(folder) == before


@pytest.mark.parametrize("write", [False, True])
def test_an_empty_file_is_named_and_not_made_into_a_database(folder: Path, write: bool) -> None:
    (folder / DATABASE_FILE).write_bytes(b"")
    with pytest.raises(DatabaseDamaged, match=r"0 bytes.*pledge restore") as caught:
        attempt(folder, write=write)
    assert caught.value.backup is not None and caught.value.backup.parent.name == "backups"
    assert (folder / DATABASE_FILE).read_bytes() == b""


def test_a_writing_command_on_a_folder_without_a_database_asks_for_create(tmp_path: Path) -> None:
    with pytest.raises(DataFolderProblem, match="--create"):
        open_workspace(tmp_path / "mistyped", create=False)
    assert not (tmp_path / "mistyped").exists()
    with open_workspace(tmp_path / "mistyped", create=True):
        pass
    assert (tmp_path / "mistyped" / DATABASE_FILE).exists()


def test_an_empty_data_folder_name_is_refused_not_replaced_by_the_usual_folder() -> None:
    from pledge_desktop.paths import resolve_data_dir

    with pytest.raises(DataFolderProblem, match="name is empty"):
        resolve_data_dir("")
    with pytest.raises(DataFolderProblem, match="name is empty"):
        resolve_data_dir("  ")


def test_newest_good_backup_skips_damaged_ones(folder: Path) -> None:
    good = next((folder / "backups").glob("*.sqlite3"))
    bad = folder / "backups" / "manual-29991231-000000-000000.sqlite3"
    data = bytearray(good.read_bytes())
    data[4096 : 4096 * 2] = bytes(4096)
    bad.write_bytes(bytes(data))
    assert newest_good_backup(folder) == good
    (folder / DATABASE_FILE).write_bytes(bytes(data))
    assert any(good.name in p for p in find_problems(folder / DATABASE_FILE, folder))


def test_leftovers_of_killed_runs_are_cleaned_at_the_next_start(folder: Path) -> None:
    backups = folder / "backups"
    stale = [
        folder / ".write-test-abc",
        folder / (DATABASE_FILE + ".new"),
        folder / (DATABASE_FILE + ".restoring-wal"),
        backups / "manual-x.sqlite3.partial",
        backups / "manual-x.sqlite3.partial-wal",
        backups / "auto-x.sqlite3-shm",
        backups / "auto-x.sqlite3-wal",
    ]
    for path in stale:
        path.write_bytes(b"")
    fresh = backups / "manual-y.sqlite3.partial"
    fresh.write_bytes(b"x")
    for path in stale:
        os.utime(path, (0, 0))
    kept_wal = backups / "auto-y.sqlite3-wal"
    kept_wal.write_bytes(b"something")
    with open_workspace(folder):
        pass
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists() and kept_wal.exists()
    assert clean_leftovers(folder) == []


def test_a_dead_holder_is_never_named() -> None:
    import socket

    dead = {"user": "ann", "computer": socket.gethostname(), "pid": 2**22 + 1, "since": "2026"}
    assert describe_holder(dead) is None
    alive = {**dead, "pid": os.getpid(), "since": "2026-11-29T10:00:00"}
    assert describe_holder(alive) == f"ann on the computer {socket.gethostname()}, since " + (
        "29 November 2026 at 10:00"
    )


def test_the_last_resort_writes_the_details_and_says_nothing_changed(tmp_path: Path) -> None:
    try:
        raise RuntimeError("a bug")
    except RuntimeError as error:
        log = write_crash_log(tmp_path, error)
    assert log.parent == tmp_path / "logs" and log.name.startswith("crash-")
    assert "RuntimeError: a bug" in log.read_text(encoding="utf-8")
    assert crash_message(log) == (
        f"Something unexpected went wrong; nothing was changed. The details are in {log}."
    )


# --- property tests: random damage to the pages and to a WAL beside them -------------------


EXAMPLES = int(os.environ.get("PLEDGE_DAMAGE_EXAMPLES", "80"))


@pytest.fixture(scope="module")
def live_template(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template with a killed session's WAL beside it, as damage targets."""
    folder = tmp_path_factory.mktemp("live") / "data"
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns("pledge.lock*"))
    frozen_db, wal = frozen_wal(folder, 5)
    (folder / DATABASE_FILE).write_bytes(frozen_db)
    (folder / (DATABASE_FILE + "-wal")).write_bytes(wal)
    return folder


@pytest.fixture
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def damage(data: bytes, flips: list[tuple[float, int]], zero_page: float | None, cut: float | None):
    out = bytearray(data)
    if not out:
        return bytes(out)
    for where, xor in flips:
        out[int(where * (len(out) - 1))] ^= xor
    if zero_page is not None:
        start = int(zero_page * len(out)) // 4096 * 4096
        out[start : start + 4096] = bytes(len(out[start : start + 4096]))
    if cut is not None:
        out = out[: int(cut * len(out))]
    return bytes(out)


damages = st.tuples(
    st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)), max_size=4),
    st.none() | st.floats(0, 1),
    st.none() | st.floats(0, 1),
)


@pytest.mark.slow
@pytest.mark.timeout(60 + EXAMPLES // 10)
@settings(
    max_examples=int(os.environ.get("PLEDGE_DAMAGE_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(db_damage=damages, wal_damage=st.none() | damages, write=st.booleans())
def test_any_damage_gets_the_apps_own_answer_and_leaves_the_files_as_they_were(
    live_template: Path, scratch: Path, db_damage, wal_damage, write: bool
) -> None:
    folder = scratch / f"case-{len(list(scratch.iterdir()))}"
    shutil.copytree(live_template, folder)
    db_file, wal_file = folder / DATABASE_FILE, folder / (DATABASE_FILE + "-wal")
    db_file.write_bytes(damage(db_file.read_bytes(), *db_damage))
    if wal_damage is None:
        wal_file.unlink()
    else:
        wal_file.write_bytes(damage(wal_file.read_bytes(), *wal_damage))
    before = fingerprint(folder)
    try:
        attempt(folder, write=write)
    except PledgeError as error:
        assert "Traceback" not in str(error)
        assert fingerprint(folder) == before, f"changed after refusing: {error}"
    else:
        if not write:
            assert fingerprint(folder) == before
    problems = find_problems(db_file, folder)  # pledge check: a list, never an exception
    assert all(isinstance(p, str) for p in problems)
    if not write:
        assert fingerprint(folder) == before


@pytest.mark.slow
@pytest.mark.timeout(60 + EXAMPLES // 10)
@settings(
    max_examples=int(os.environ.get("PLEDGE_DAMAGE_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(backup_damage=damages)
def test_restoring_a_damaged_backup_refuses_plainly_and_harms_nothing(
    template: Path, scratch: Path, backup_damage
) -> None:
    """The backup file handed to `pledge restore` is a reader's input like any other: a damaged
    one is refused with the app's own answer, and neither it nor the live database changes."""
    folder = scratch / f"case-{len(list(scratch.iterdir()))}"
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns("pledge.lock*"))
    good = next((folder / "backups").glob("*.sqlite3"))
    handed = scratch / f"{folder.name}-handed.sqlite3"
    handed.write_bytes(damage(good.read_bytes(), *backup_damage))
    handed_before = hashlib.sha256(handed.read_bytes()).hexdigest()
    live_before = fingerprint(folder)
    try:
        with open_workspace(folder, create=False) as ws:
            ws.maintenance.restore(handed)
            assert ws.setup.hospital() is not None, "a restore that succeeds leaves good data"
    except PledgeError as error:
        assert "Traceback" not in str(error)
        assert fingerprint(folder) == live_before, f"the live database changed: {error}"
    assert hashlib.sha256(handed.read_bytes()).hexdigest() == handed_before
    assert find_problems(folder / DATABASE_FILE, folder) == []
