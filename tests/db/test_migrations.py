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


def test_numbers_of_typed_forms_never_printed_are_recorded_as_in_use(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.sqlite3")
    upgrade(db.engine, "0011")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO pledge_cycle (id, label, start_date, end_date, status, notes) "
                "VALUES (1, '2026', '2026-01-01', '2026-12-31', 'open', '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO form_serial (cycle_id, serial, printed_at) "
                "VALUES (1, 3, '2026-02-01 10:00:00')"
            )
        )
        for serial in (3, 7):
            connection.execute(
                text(
                    "INSERT INTO survey_response (cycle_id, serial, status, entered_at, "
                    "picked_for_check) VALUES (1, :s, 'entered', '2026-03-01 10:00:00', 0)"
                ),
                {"s": serial},
            )
        connection.execute(
            text(
                "INSERT INTO entry_draft (cycle_id, serial, payload, updated_at) "
                "VALUES (1, 9, '{}', '2026-03-02 10:00:00')"
            )
        )
    upgrade(db.engine, "0012")
    with db.engine.connect() as connection:
        recorded = sorted(
            s for (s,) in connection.execute(text("SELECT serial FROM form_serial"))
        )
    db.close()
    assert recorded == [3, 7, 9]


def test_cycles_there_already_become_primary_pledges_and_keep_their_records(
    tmp_path: Path,
) -> None:
    db = Database(tmp_path / "t.sqlite3")
    upgrade(db.engine, "0012")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO pledge_cycle (id, label, start_date, end_date, status, notes) "
                "VALUES (4, '2025', '2025-01-01', '2025-12-31', 'published', 'kept')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO team_member (cycle_id, name, role, phone, email, is_pledge_lead) "
                "VALUES (4, 'Sister Example', 'Breast Care Nurse', '', '', 1)"
            )
        )
    upgrade(db.engine)
    with db.engine.begin() as connection:
        row = connection.execute(
            text("SELECT label, pledge_type, status, notes FROM pledge_cycle WHERE id = 4")
        ).one()
        assert tuple(row) == ("2025", "primary", "published", "kept")
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        connection.execute(
            text(
                "INSERT INTO pledge_cycle (label, pledge_type, start_date, end_date, status, "
                "notes, hand_out_method) VALUES ('2025', 'secondary', '2025-01-01', "
                "'2025-12-31', 'planning', '', '')"
            )
        )
    db.close()
