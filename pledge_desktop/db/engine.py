"""The SQLite engine: WAL, synchronous=FULL, foreign keys on, a busy timeout.

pysqlite opens transactions lazily and never for DDL or SAVEPOINT, which breaks SQLAlchemy's
transaction model. As SQLAlchemy's documentation advises, we switch pysqlite's own handling
off (`isolation_level = None`) and emit BEGIN ourselves when SQLAlchemy begins.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000
DATABASE_FILE = "pledge.sqlite3"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def create_database_engine(path: Path) -> Engine:
    engine = create_engine(sqlite_url(path))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
