"""The SQLite engine: synchronous=FULL, foreign keys on, a bounded busy timeout.

pysqlite opens transactions lazily and never for DDL or SAVEPOINT, which breaks SQLAlchemy's
transaction model. As SQLAlchemy's documentation advises, we switch pysqlite's own handling
off (`isolation_level = None`) and emit BEGIN ourselves when SQLAlchemy begins.

Read-only means read-only: a read-only engine opens the file through SQLite's `mode=ro` URI and
changes nothing, not even the journal mode, and so can never checkpoint a `-wal` file into the
database on close. WAL mode is not set on connect either: `use_wal` sets it once, when the app
creates or upgrades its own database (the mode is kept in the file itself).
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event

from pledge_desktop.db.audit_chain import AUDIT_HASH_FUNCTION, audit_hash
from pledge_desktop.db.file_facts import APPLICATION_ID, BUSY_TIMEOUT_MS, DATABASE_FILE

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT_MS", "DATABASE_FILE"]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def read_only_uri(path: Path) -> str:
    """SQLite's URI for opening `path` without ever writing to it."""
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def create_database_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        engine = create_engine(f"sqlite:///{read_only_uri(path)}&uri=true")
    else:
        engine = create_engine(sqlite_url(path))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function(AUDIT_HASH_FUNCTION, 10, audit_hash, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
            else:
                cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def use_wal(engine: Engine) -> None:
    """Put the app's own database in WAL mode and mark it as ours and as itself (all three are
    kept in the file's header)."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()  # outside any transaction: the journal mode cannot change inside one
        cursor.execute("PRAGMA journal_mode = WAL")
        if cursor.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            cursor.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if cursor.execute("PRAGMA user_version").fetchone()[0] == 0:
            # this database's own identity, carried by every page-1 image in its WAL, so a
            # WAL of another database is told apart (db/side_files.py); copies share it
            cursor.execute(f"PRAGMA user_version = {secrets.randbelow(2**31 - 1) + 1}")
        cursor.close()
    finally:
        raw.close()
