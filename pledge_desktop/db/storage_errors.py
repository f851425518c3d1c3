"""Turn what SQLite and the operating system say into messages a nurse can act on.

Environment problems (disk full, database busy, folder read-only) become StorageError with a
plain message; anything else is a bug and is left to propagate unchanged.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from pledge_desktop.domain.errors import DatabaseProblem, StorageError

DISK_FULL = (
    "The computer's disk is full, so this was not saved. Everything saved before is safe. "
    "Free some space (or ask IT to), then try again."
)
BUSY = "The database is busy with another task. Nothing was changed; please try again in a moment."
READ_ONLY = (
    "The data folder cannot be written to, so this was not saved. Everything saved before "
    "is safe. Ask IT to check that you may write to the data folder."
)
IO_ERROR = (
    "The computer could not read or write the database file (a disk or network problem). "
    "Nothing was changed. Try again; if it keeps happening, restore from a backup."
)
CANNOT_OPEN = (
    "The computer could not open or create the file: its folder may be missing, or you may "
    "not be allowed to write there. Nothing was changed."
)
DAMAGED_WHILE_READING = (
    "Part of the database file is damaged, so this could not be read. Nothing was changed. "
    "Run `pledge check` to find the newest sound backup, then restore it from the File menu or "
    "with `pledge restore FILE`."
)
NOT_A_DATABASE = (
    "This file is not a Pledge Desktop database, or it is damaged. It has not been changed."
)


def describe_sqlite_error(error: BaseException) -> str | None:
    text = str(error).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DISK_FULL
    if "locked" in text or "busy" in text:
        return BUSY
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "disk i/o error" in text:
        return IO_ERROR
    if "unable to open" in text:
        return CANNOT_OPEN
    return None


def describe_os_error(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return DISK_FULL
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return READ_ONLY
    if error.errno == errno.ENOENT:
        return "There is no such file or folder. Check the name and try again."
    return f"The computer could not use the file ({error.strerror or error})."


def _database_errors() -> tuple[type[BaseException], ...]:
    """SQLite's errors, and SQLAlchemy's wrapping of them once it is in use (a command that reads
    with sqlite3 alone never imports it)."""
    orm = sys.modules.get("sqlalchemy.exc")
    if orm is None:
        return (sqlite3.DatabaseError,)
    return (orm.DBAPIError, sqlite3.DatabaseError)


@contextmanager
def storage_errors() -> Iterator[None]:
    try:
        yield
    except _database_errors() as error:
        original = getattr(error, "orig", None) or error
        text = str(original).lower()
        if "not a database" in text:
            raise DatabaseProblem(NOT_A_DATABASE) from error
        if any(word in text for word in ("malformed", "corrupt", "could not decode")):
            raise DatabaseProblem(DAMAGED_WHILE_READING) from error
        message = describe_sqlite_error(original)
        if message is None:
            raise
        raise StorageError(message) from error
    except OSError as error:
        raise StorageError(describe_os_error(error)) from error
