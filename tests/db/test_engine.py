"""The engine's settings and the pysqlite transaction fix."""

from pathlib import Path

import pytest
from sqlalchemy import select, text

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import upgrade


@pytest.fixture
def db(tmp_path: Path):
    database = Database(tmp_path / "t.sqlite3")
    upgrade(database.engine)
    yield database
    database.close()


def test_pragmas_for_safe_storage(db: Database) -> None:
    with db.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.execute(text(f"PRAGMA {name}")).scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_savepoints_roll_back_only_their_part(db: Database) -> None:
    with db.transaction() as session:
        session.add(m.AppSetting(key="kept", value="1"))
        nested = session.begin_nested()
        session.add(m.AppSetting(key="dropped", value="2"))
        session.flush()
        nested.rollback()
    with db.reading() as session:
        assert session.scalars(select(m.AppSetting.key)).all() == ["kept"]


def test_a_failed_action_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(m.AppSetting(key="half", value="done"))
        session.flush()
        raise RuntimeError("interrupted")
    with db.reading() as session:
        assert session.scalars(select(m.AppSetting)).all() == []


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(
            m.TeamMember(
                cycle_id=999, name="Nobody", role="", phone="", email="", is_pledge_lead=False
            )
        )
