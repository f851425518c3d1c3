"""Backups through SQLite's backup API: into a temporary file, checked, then renamed in place.

Automatic backups ("auto-…") are thinned to the newest of each of the last 7 days, 5 weeks and
12 months. Backups taken by hand or before an upgrade or restore are never thinned.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from pledge_desktop.db.engine import BUSY_TIMEOUT_MS, read_only_uri
from pledge_desktop.db.file_facts import APPLICATION_ID
from pledge_desktop.db.side_files import read_header
from pledge_desktop.db.storage_errors import NOT_A_DATABASE, storage_errors
from pledge_desktop.domain.errors import DatabaseProblem, StorageError

BACKUP_SUFFIX = ".sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 5, 12


DAMAGED = "That backup is damaged and cannot be restored. Try an older backup."


def backup_name(kind: str, when: datetime) -> str:
    """e.g. auto-20261128-153434-120533.sqlite3: sorts by time, to the microsecond."""
    return f"{kind}-{when:%Y%m%d-%H%M%S-%f}{BACKUP_SUFFIX}"


_NAME = re.compile(r"^(?P<kind>.+?)-(?P<stamp>\d{8}-\d{6})")


def taken_at(path: Path) -> datetime | None:
    match = _NAME.match(path.stem)
    return datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S") if match else None


def backup_kind(path: Path) -> str:
    """What made the backup: auto, manual, before-upgrade, before-restore, …"""
    match = _NAME.match(path.stem)
    return match["kind"] if match else "other"


def quick_check(connection: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def copy_database(source: Path, target: Path) -> Path:
    """Copy a live database to `target` safely; `target` appears only when complete and sound."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with storage_errors():
            src = sqlite3.connect(read_only_uri(source), uri=True)  # never checkpoints on close
            try:
                dst = sqlite3.connect(partial)
                try:
                    src.backup(dst)
                    problems = quick_check(dst)
                finally:
                    dst.close()
            finally:
                src.close()
            if problems:
                raise StorageError(
                    "The backup copy did not pass its check, so it was not kept: "
                    + "; ".join(problems[:3])
                )
            _fsync(partial)
            os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore_into(candidate: Path, live: Path) -> None:
    """Overwrite the live database page by page with `candidate` (one SQLite transaction)."""
    with storage_errors():
        src = sqlite3.connect(read_only_uri(candidate), uri=True)
        try:
            dst = sqlite3.connect(live, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()


def check_candidate(candidate: Path) -> sqlite3.Connection:
    """Open a file someone offers to restore, read-only, or say plainly why it will not do."""
    if not candidate.is_file():
        raise DatabaseProblem(f"There is no file at {candidate}.")
    if not looks_like_sqlite(candidate):
        raise DatabaseProblem(NOT_A_DATABASE)
    _check_header(candidate)
    connection = sqlite3.connect(read_only_uri(candidate), uri=True)
    try:
        with storage_errors():
            problems = quick_check(connection)
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    except UnicodeDecodeError as error:  # text in it that is not text: damaged
        connection.close()
        raise DatabaseProblem(DAMAGED) from error
    except Exception:
        connection.close()
        raise
    if problems:
        connection.close()
        raise DatabaseProblem(DAMAGED)
    if not {"alembic_version", "hospital", "pledge_cycle"} <= tables:
        connection.close()
        raise DatabaseProblem(NOT_A_DATABASE)
    return connection


def _check_header(candidate: Path) -> None:
    """Refuse a backup whose first page says it is not ours or is not whole: restored, it would
    leave the folder with a database the app no longer recognises."""
    with storage_errors():
        size = candidate.stat().st_size
        with candidate.open("rb") as handle:
            header = read_header(handle.read(100))
    if header is None or header.application_id not in (0, APPLICATION_ID):
        raise DatabaseProblem(DAMAGED)
    whole = (
        header.valid_for != header.change_counter or size >= header.page_count * header.page_size
    )
    if size % header.page_size or not whole:
        raise DatabaseProblem(DAMAGED)


def thin_backups(folder: Path, now: datetime) -> list[Path]:
    """Delete automatic backups beyond 7 daily, 5 weekly and 12 monthly; return those deleted."""
    autos = sorted(
        (p for p in folder.glob(f"auto-*{BACKUP_SUFFIX}") if taken_at(p)),
        key=lambda p: p.name,  # the name sorts by time, to the microsecond
        reverse=True,
    )
    keep: set[Path] = set()
    for limit, bucket in (
        (KEEP_DAYS, lambda t: t.date()),
        (KEEP_WEEKS, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHS, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for path in autos:
            key = bucket(taken_at(path) or now)
            if key not in seen:
                if len(seen) == limit:
                    break
                seen.append(key)
                keep.add(path)
    removed = [p for p in autos if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
