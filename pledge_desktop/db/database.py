"""One database file, its engine and the unit of work that services run their actions in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from pledge_desktop.db.audit import current_os_user, record_changes
from pledge_desktop.db.engine import create_database_engine
from pledge_desktop.db.storage_errors import storage_errors


class Database:
    """The engine and session factory for one SQLite file.

    `transaction()` is the only way to change data: it opens a session, begins, yields, and
    commits when the block ends (rolls back on error), with storage failures turned into
    plain-English StorageError. Services own the transaction; repositories never commit.
    A read-only Database (`read_only=True`) opens the file with SQLite's `mode=ro`: any attempt
    to write fails, and closing it never folds a `-wal` file into the database.
    """

    def __init__(self, path: Path, os_user: str | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.os_user = os_user or current_os_user()
        self.read_only = read_only
        self.engine = create_database_engine(path, read_only=read_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "after_flush", record_changes)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with storage_errors(), self._sessions() as session, session.begin():
            session.info["os_user"] = self.os_user
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view; rolled back at the end so nothing can be written by accident."""
        with storage_errors(), self._sessions() as session, session.begin():
            yield session
            session.rollback()

    def close(self) -> None:
        self.engine.dispose()
