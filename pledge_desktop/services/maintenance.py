"""Looking after the data: backups, restore, and checks."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from pledge_desktop.db import models as m
from pledge_desktop.db.audit_chain import verify_audit_chain
from pledge_desktop.db.backup import (
    BACKUP_SUFFIX,
    backup_kind,
    backup_name,
    check_candidate,
    copy_database,
    restore_into,
    taken_at,
    thin_backups,
)
from pledge_desktop.db.database import Database
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.db.integrity import find_problems
from pledge_desktop.db.migrate import SchemaState, revision_state
from pledge_desktop.db.restore import stage_restore, staged_files
from pledge_desktop.db.storage_errors import describe_os_error
from pledge_desktop.domain.errors import DatabaseProblem, StorageError
from pledge_desktop.services.records import ChangeFeed

BACKUPS_FOLDER = "backups"
AUTO_BACKUP_MINUTES = 30
DEMO_SETTING = "demo_data_set"
NEW_SUFFIX = ".new"  # a new database being made, renamed into place when complete
STALE_AFTER_SECONDS = 600  # a backup still being written by a `pledge backup` is younger
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def side_files(path: Path) -> list[Path]:
    """The files SQLite may keep beside a database file."""
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def clean_leftovers(data_dir: Path, now: float | None = None) -> list[Path]:
    """Remove what an interrupted run left behind; return what was removed.

    Call only while holding the folder's lock: a new database or a staged restore is only ever
    made under it. Half-written backups (`.partial`) are removed once they are a few minutes
    old, since `pledge backup` writes them without the lock. The `-shm` and empty `-wal` files
    that opening a backup leaves beside it are removed; a `-wal` with something in it is kept.
    """
    now = time.time() if now is None else now
    found: list[Path] = list(data_dir.glob(".write-test-*"))
    new = data_dir / (DATABASE_FILE + NEW_SUFFIX)
    found += [p for p in (new, *side_files(new), *staged_files(data_dir / DATABASE_FILE))]
    backups = data_dir / BACKUPS_FOLDER
    if backups.is_dir():
        for path in backups.iterdir():
            if ".partial" in path.name:
                if _age(path, now) > STALE_AFTER_SECONDS:
                    found.append(path)
            elif path.name.endswith(f"{BACKUP_SUFFIX}-shm") or (
                path.name.endswith(f"{BACKUP_SUFFIX}-wal") and _size(path) == 0
            ):
                found.append(path)
    removed = []
    for path in found:
        try:
            if path.is_file():
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # in use, or not ours to remove: tried again next time
    return removed


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime | None
    kind: str
    size_bytes: int


def free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or with -2, -3… added, so that no backup ever overwrites another."""
    path = folder / name
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{Path(name).stem}-{number}{BACKUP_SUFFIX}"
    return path

DAMAGED_BACKUP = (
    "That backup is damaged and cannot be restored: part of it cannot be read. Nothing was "
    "changed; choose an older backup."
)


class MaintenanceService:
    def __init__(self, db: Database, data_dir: Path, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes
        self.data_dir = data_dir
        self.backups_dir = data_dir / BACKUPS_FOLDER
        self._backed_up_at_change = self.last_change()

    def last_change(self) -> int:
        """A number that grows with every audited change: the newest audit entry's id."""
        audit = m.AuditEntry.__table__  # the table itself: no ORM set-up at start-up
        with self._db.reading() as session:
            return session.scalar(select(func.max(audit.c.id))) or 0

    def has_unbacked_changes(self) -> bool:
        return self.last_change() != self._backed_up_at_change

    def backup_now(self, kind: str = "manual", to: Path | None = None) -> Path:
        """Copy the database to `to`, or into the backups folder; return where it went."""
        change = self.last_change()
        if to is None:
            try:
                self.backups_dir.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError(describe_os_error(error)) from error
            to = free_name(self.backups_dir, backup_name(kind, datetime.now()))
        else:
            try:
                if to.is_dir():
                    to = free_name(to, backup_name(kind, datetime.now()))
            except OSError as error:  # a name too long, a folder we may not look in
                raise StorageError(f"{to} cannot be used: {describe_os_error(error)}") from error
        copy_database(self._db.path, to)
        self._backed_up_at_change = change
        return to

    def auto_backup(self, now: datetime | None = None) -> Path | None:
        """Back up if anything changed since the last backup, then thin the old ones."""
        if not self.has_unbacked_changes():
            return None
        path = self.backup_now("auto")
        thin_backups(self.backups_dir, now or datetime.now())
        return path

    def backups(self) -> list[BackupInfo]:
        if not self.backups_dir.is_dir():
            return []
        found = [
            BackupInfo(p, taken_at(p), backup_kind(p), p.stat().st_size)
            for p in self.backups_dir.glob(f"*{BACKUP_SUFFIX}")
        ]
        return sorted(found, key=lambda b: b.taken_at or datetime.min, reverse=True)

    def restore(self, candidate: Path) -> Path:
        """Replace the database with `candidate`, after backing up the current one.

        Returns the path of that safety backup. Refuses, touching nothing, a file that is not
        a Pledge Desktop database, a damaged one, one from a newer version of the app, or one
        that would mix the demo with real data. The audit trail is kept: the restored database
        gets the current trail's lines newer than the backup's and a line recording the restore
        (db/restore.py); the safety backup keeps the replaced database with its whole trail.
        """
        candidate = candidate.resolve()
        connection = check_candidate(candidate)
        try:
            is_demo = connection.execute(
                "SELECT value FROM app_setting WHERE key = ?", (DEMO_SETTING,)
            ).fetchone()
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            chain_problems = verify_audit_chain(connection)
        except (sqlite3.Error, UnicodeDecodeError, ValueError) as error:
            raise DatabaseProblem(DAMAGED_BACKUP) from error
        finally:
            connection.close()
        if chain_problems:
            raise DatabaseProblem(
                "That backup has been changed or damaged since it was made: its audit trail "
                "does not match its own record of itself. Nothing was restored; choose another "
                "backup."
            )
        if bool(is_demo and is_demo[0] == "yes") != self.is_demo():
            raise DatabaseProblem(
                "That backup is of the demo data set, and this folder holds real data (or the "
                "other way round). They are never mixed, so nothing was restored."
            )
        state = revision_state(revision[0] if revision else None)
        if state is SchemaState.NEWER:
            raise DatabaseProblem(
                "That backup was made by a newer version of Pledge Desktop. Install the newer "
                "version to restore it. Nothing was changed."
            )
        safety = self.backup_now("before-restore")
        try:
            staged = stage_restore(candidate, self._db.path, safety, self._db.os_user)
        except (sqlite3.Error, UnicodeDecodeError, ValueError) as error:
            for path in staged_files(self._db.path):
                path.unlink(missing_ok=True)
            raise DatabaseProblem(DAMAGED_BACKUP) from error
        try:
            self._db.close()
            restore_into(staged, self._db.path)
        finally:
            for path in staged_files(self._db.path):
                path.unlink(missing_ok=True)
        self._backed_up_at_change = self.last_change()
        self._changes.announce("everything")
        return safety

    def is_demo(self) -> bool:
        settings = m.AppSetting.__table__  # the table itself: no ORM set-up at start-up
        with self._db.reading() as session:
            value = session.scalar(select(settings.c.value).where(settings.c.key == DEMO_SETTING))
            return value == "yes"

    def problems(self) -> list[str]:
        return find_problems(self._db.path, self.data_dir)
