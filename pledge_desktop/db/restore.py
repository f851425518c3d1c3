"""Restoring a backup without losing the audit trail.

The backup is copied to a staging file beside the database, brought up to this version of the
app, and given the current trail's newer lines (those after the backup's last line) and one line
recording the restore, which names the safety backup that keeps the replaced database with its
whole trail. Only then is the staged file copied over the live database, in one SQLite
transaction: a restore interrupted at any point leaves either the old database or the restored
one, never a mix, and never a restored database without its record.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from pledge_desktop.db.audit_chain import CONTENT_COLUMNS
from pledge_desktop.db.backup import copy_database
from pledge_desktop.db.damage import connect_read_only
from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import SCHEMA_REVISION, upgrade
from pledge_desktop.db.storage_errors import storage_errors

RESTORING_SUFFIX = ".restoring"
CARRIED = CONTENT_COLUMNS  # the id too: carried lines keep their numbers


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stage_restore(candidate: Path, live: Path, safety: Path, os_user: str) -> Path:
    """Build the database that will replace `live`; return the staged file's path.

    `safety` is the backup of `live` just taken: the current trail is read from it.
    """
    staged = live.with_name(live.name + RESTORING_SUFFIX)
    copy_database(candidate, staged)
    db = Database(staged, os_user=os_user)
    try:
        with storage_errors(), db.engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if revision != SCHEMA_REVISION:
            with storage_errors():
                upgrade(db.engine)
        with db.transaction() as session:
            connection = session.connection()
            last = connection.execute(text("SELECT max(id) FROM audit_entry")).scalar() or 0
            newer = _lines_after(safety, last)
            columns = ", ".join(CARRIED)
            marks = ", ".join(f":{c}" for c in CARRIED)
            for line in newer:
                connection.execute(
                    text(f"INSERT INTO audit_entry ({columns}) VALUES ({marks})"),
                    dict(zip(CARRIED, line, strict=True)),
                )
            connection.execute(
                text(
                    "INSERT INTO audit_entry (at_utc, os_user, action, entity, entity_id, "
                    "field, old_value, new_value) "
                    "VALUES (:at, :user, 'restore', 'database', :name, NULL, :old, :new)"
                ),
                {
                    "at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"),
                    "user": os_user,
                    "name": candidate.name[:80],
                    "old": f"the database as it was, with its whole audit trail, is kept in "
                    f"{safety.name}; {len(newer)} later audit lines carried forward",
                    "new": f"{candidate.name}; SHA-256 {file_digest(candidate)}",
                },
            )
    finally:
        db.close()
    with storage_errors(), staged.open("rb") as handle:
        os.fsync(handle.fileno())
    return staged


def _lines_after(safety: Path, last_id: int) -> list[tuple[object, ...]]:
    with closing(connect_read_only(safety, immutable=True)) as connection:
        connection.text_factory = str
        return connection.execute(
            f"SELECT {', '.join(CARRIED)} FROM audit_entry WHERE id > ? ORDER BY id", (last_id,)
        ).fetchall()


def staged_files(live: Path) -> list[Path]:
    staged = live.with_name(live.name + RESTORING_SUFFIX)
    return [staged, *(staged.with_name(staged.name + s) for s in ("-wal", "-shm", "-journal"))]
