"""Look at a database file before using it, read-only, and name what is wrong in plain words.

`probe_database` reads the file's header and the `-wal` beside it from their bytes, then opens
the file read-only (SQLite's `mode=ro`, or `immutable=1` when no WAL could hold newer pages) to
run SQLite's quick check and read the schema version. Nothing it does writes to the file, so a
damaged or foreign database is left byte for byte as it was, and the messages say so.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from pledge_desktop.db.file_facts import APPLICATION_ID, BUSY_TIMEOUT_MS
from pledge_desktop.db.side_files import foreign_wal, read_header
from pledge_desktop.domain.errors import DatabaseProblem

BACKUPS_FOLDER = "backups"
BACKUP_SUFFIX = ".sqlite3"


class DatabaseDamaged(DatabaseProblem):
    """The database file is damaged; `backup` is the newest backup that passed its check."""

    def __init__(self, message: str, backup: Path | None = None) -> None:
        super().__init__(message)
        self.backup = backup


class ForeignDatabase(DatabaseProblem):
    """The file, or a `-wal` file beside it, belongs to another program or another database."""


UNCHANGED = "It has been left exactly as it is."


def restore_advice(data_dir: Path) -> str:
    """What to do about a damaged database: restore, naming the newest good backup."""
    backup = newest_good_backup(data_dir)
    if backup is None:
        return (
            "No sound backup was found in the backups folder. Run `pledge restore FILE` with a "
            "backup kept elsewhere, or ask IT to restore the data folder."
        )
    return (
        f"Restore the newest sound backup, {backup.name}, from the File menu, or run "
        f"`pledge restore {backup}`."
    )


def damaged(data_dir: Path, path: Path, what: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"The database file {path} is damaged ({what}). {UNCHANGED} {restore_advice(data_dir)}",
        newest_good_backup(data_dir),
    )


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest file in `<data dir>/backups` that opens and passes SQLite's quick check."""
    folder = data_dir / BACKUPS_FOLDER
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.name, reverse=True):
        if sound_copy(path):
            return path
    return None


def sound_copy(path: Path) -> bool:
    """Whether a closed copy of a database (a backup) opens and passes the quick check."""
    try:
        with path.open("rb") as handle:
            header = read_header(handle.read(100))
        if header is None or path.stat().st_size % header.page_size:
            return False
        with closing(connect_read_only(path, immutable=True)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        return [r[0] for r in rows] == ["ok"] and "alembic_version" in tables
    except (OSError, sqlite3.Error, UnicodeDecodeError):
        return False


def connect_read_only(path: Path, *, immutable: bool) -> sqlite3.Connection:
    flag = "immutable=1" if immutable else "mode=ro"
    connection = sqlite3.connect(
        f"file:{quote(str(path.resolve()))}?{flag}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    connection.text_factory = lambda data: data.decode("utf-8", "replace")
    return connection


def probe_database(path: Path, data_dir: Path | None = None) -> str | None:
    """Check the database at `path` without changing it; return its schema revision.

    Raises DatabaseDamaged, ForeignDatabase or DatabaseProblem with a plain message. Returns
    None for a database with no tables yet, the revision string otherwise.
    """
    data_dir = data_dir or path.parent
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            first = handle.read(100)
    except OSError as error:
        raise DatabaseProblem(
            f"The database file {path} cannot be read ({error.strerror or error}). "
            "Nothing was changed."
        ) from error
    if size == 0:
        raise damaged(data_dir, path, "it is empty: 0 bytes")
    header = read_header(first)
    if header is None:
        if first.startswith(b"SQLite format 3"):
            raise damaged(data_dir, path, "its first page is damaged")
        raise ForeignDatabase(
            f"The file {path} is not a Pledge Desktop database (it is not an SQLite file). "
            f"{UNCHANGED} Move it aside, or choose another data folder."
        )
    if header.application_id not in (0, APPLICATION_ID):
        raise ForeignDatabase(
            f"The file {path} is another program's database, not a Pledge Desktop one. "
            f"{UNCHANGED} Move it aside, or choose another data folder."
        )
    has_wal = path.with_name(path.name + "-wal").exists()
    if size % header.page_size or (
        not has_wal  # with a WAL, the pages may still be there
        and header.valid_for == header.change_counter
        and size < header.page_count * header.page_size
    ):
        raise damaged(data_dir, path, "it has been cut short")
    wal_problem = foreign_wal(path)
    if wal_problem is not None:
        wal = path.with_name(path.name + "-wal")
        raise ForeignDatabase(
            f"The file {wal} beside the database does not belong to it: {wal_problem}. Both "
            f"files have been left exactly as they are. Move {wal.name} (and {wal.name[:-4]}-shm "
            "if there is one) to another folder, then try again."
        )
    try:
        with closing(connect_read_only(path, immutable=not has_wal)) as connection:
            rows = [r[0] for r in connection.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise damaged(data_dir, path, "; ".join(str(r) for r in rows[:3]))
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise ForeignDatabase(
                    f"The file {path} is not a Pledge Desktop database. {UNCHANGED} Move it "
                    "aside, or choose another data folder."
                )
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except UnicodeDecodeError as error:  # SQLite's own message quoted damaged bytes
        raise damaged(data_dir, path, "its structure is damaged") from error
    except sqlite3.DatabaseError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseProblem(
                "The database is busy with another task. Nothing was changed; please try again "
                "in a moment."
            ) from error
        raise damaged(data_dir, path, str(error)) from error
    if row is None:
        raise damaged(data_dir, path, "it has no schema version")
    return str(row[0])
