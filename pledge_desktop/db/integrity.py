"""Deep checks of a database: SQLite's integrity and foreign keys, the schema version and the
audit trail's hash chain. Read-only throughout: the file is never changed by a check."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pledge_desktop.db.audit_chain import verify_audit_chain
from pledge_desktop.db.damage import connect_read_only, probe_database, restore_advice
from pledge_desktop.db.migrate import SCHEMA_REVISION, SchemaState, revision_state
from pledge_desktop.domain.errors import DatabaseProblem


def find_problems(path: Path, data_dir: Path | None = None) -> list[str]:
    """Plain-English problems found in the database at `path`; empty when all is well."""
    if not path.exists():
        return [f"There is no database at {path} yet. Open the app or run `pledge demo`."]
    data_dir = data_dir or path.parent
    try:
        probe_database(path, data_dir)
    except DatabaseProblem as error:
        return [str(error)]
    problems: list[str] = []
    has_wal = path.with_name(path.name + "-wal").exists()
    try:
        with closing(connect_read_only(path, immutable=not has_wal)) as connection:
            problems += _deep_check(connection)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        problems.append(f"The database file cannot be read: {error}.")
    if problems:
        problems.append(restore_advice(data_dir))
    return problems


def _deep_check(connection: sqlite3.Connection) -> list[str]:
    problems: list[str] = []
    rows = [r[0] for r in connection.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems += [f"Damage found in the database file: {row}" for row in rows[:20]]
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
        problems.append(
            f"Row {rowid} of {table} points to a {parent} record that no longer exists."
        )
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        revision = None
    if revision is None:
        problems.append("The database has no schema version: it is not a Pledge Desktop one.")
        return problems
    if revision_state(revision[0]) is SchemaState.NEWER:
        problems.append(
            f"The database was made by a newer version of Pledge Desktop (schema "
            f"{revision[0]}). Install that version to use it."
        )
    elif revision[0] != SCHEMA_REVISION:
        problems.append(
            f"The database is at schema version {revision[0]}, this app expects "
            f"{SCHEMA_REVISION}. Open the app to upgrade it (a backup is taken first)."
        )
    problems += verify_audit_chain(connection)
    return problems
