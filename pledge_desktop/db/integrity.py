"""Deep checks of a database: SQLite's integrity and foreign keys, and the schema version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pledge_desktop.db.migrate import SCHEMA_REVISION, SchemaState, revision_state


def find_problems(path: Path) -> list[str]:
    """Plain-English problems found in the database at `path`; empty when all is well."""
    if not path.exists():
        return [f"There is no database at {path} yet. Open the app or run `pledge demo`."]
    problems: list[str] = []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
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
        elif revision_state(revision[0]) is SchemaState.NEWER:
            problems.append(
                f"The database was made by a newer version of Pledge Desktop (schema "
                f"{revision[0]}). Install that version to use it."
            )
        elif revision[0] != SCHEMA_REVISION:
            problems.append(
                f"The database is at schema version {revision[0]}, this app expects "
                f"{SCHEMA_REVISION}. Open the app to upgrade it (a backup is taken first)."
            )
    except sqlite3.DatabaseError as error:
        problems.append(f"The database file cannot be read: {error}.")
    finally:
        connection.close()
    return problems
