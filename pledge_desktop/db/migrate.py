"""Bring a database up to this version of the app, or refuse one from a newer version.

Starting the app must stay fast, so the usual case (schema already current) is answered by
reading `alembic_version` with plain SQL against SCHEMA_REVISION; Alembic itself is imported
only when there is something to upgrade. tests/db/test_migrations.py keeps SCHEMA_REVISION equal
to Alembic's head.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from pledge_desktop.db.file_facts import SCHEMA_REVISION

__all__ = ["SCHEMA_REVISION"]
MIGRATIONS = Path(__file__).parent / "migrations"


class SchemaState(Enum):
    EMPTY = "empty"  # a new file: no tables at all
    CURRENT = "current"
    BEHIND = "behind"  # made by an older version of the app: upgrade after a backup
    NEWER = "newer"  # made by a newer version of the app: refuse, touch nothing
    FOREIGN = "foreign"  # an SQLite file that is not ours


@dataclass(frozen=True)
class SchemaReport:
    state: SchemaState
    revision: str | None


def _alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def known_revisions() -> list[str]:
    """Every revision this app knows, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def read_schema(connection: Connection) -> SchemaReport:
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return SchemaReport(SchemaState.EMPTY, None)
    if "alembic_version" not in tables:
        return SchemaReport(SchemaState.FOREIGN, None)
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return SchemaReport(revision_state(revision), revision)


def revision_state(revision: str | None) -> SchemaState:
    """Where a database stamped with `revision` stands against this app."""
    if revision is None:
        return SchemaState.FOREIGN
    if revision == SCHEMA_REVISION:
        return SchemaState.CURRENT
    if revision in known_revisions():
        return SchemaState.BEHIND
    return SchemaState.NEWER


def upgrade(engine: Engine, to_revision: str = "head") -> None:
    """Create or upgrade the app's own database; the one place that sets WAL mode."""
    from alembic import command

    from pledge_desktop.db.engine import use_wal

    use_wal(engine)
    config = _alembic_config()
    with engine.connect() as connection:
        # SQLite's own recipe for changing a table: foreign keys off (which only works outside
        # a transaction) while a table is rebuilt, then every key checked before the commit.
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, to_revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"An upgrade step broke {len(broken)} links between records")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
