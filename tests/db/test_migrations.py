"""Migrations: from empty to head, a linear chain, and models that match what they build."""

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import (
    SCHEMA_REVISION,
    SchemaState,
    _alembic_config,
    known_revisions,
    read_schema,
    upgrade,
)
from pledge_desktop.db.models import Base


def test_upgrade_from_empty_builds_every_table(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    upgrade(db.engine)
    with db.engine.connect() as connection:
        assert read_schema(connection).state is SchemaState.CURRENT
        tables = set(inspect(connection).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.close()


def test_revision_chain_is_linear_and_head_is_what_the_app_expects() -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    assert len(script.get_heads()) == 1
    assert script.get_current_head() == SCHEMA_REVISION
    for revision in script.walk_revisions():
        assert not revision.is_merge_point
        assert len(revision.nextrev) <= 1
    assert known_revisions()[-1] == SCHEMA_REVISION


def test_models_match_what_the_migrations_build(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    upgrade(db.engine)
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    db.close()
    assert diff == []


def test_each_step_upgrades_from_the_previous_revision(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    revisions = known_revisions()
    for revision in revisions:
        upgrade(db.engine, revision)
        with db.engine.connect() as connection:
            stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert stamped == revision
    db.close()
