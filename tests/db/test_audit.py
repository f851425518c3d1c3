"""The audit trail: one row per changed field, written in the same transaction; append-only."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import upgrade


@pytest.fixture
def db(tmp_path: Path):
    database = Database(tmp_path / "t.sqlite3", os_user="nurse.tester")
    upgrade(database.engine)
    yield database
    database.close()


def entries(db: Database) -> list[tuple]:
    with db.reading() as session:
        rows = session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id))
        return [(r.os_user, r.action, r.entity, r.field, r.old_value, r.new_value) for r in rows]


def add_cycle(db: Database) -> int:
    with db.transaction() as session:
        cycle = m.PledgeCycle(
            label="2026",
            start_date=date(2026, 1, 1),
            end_date=date(2026, 12, 31),
            status="planning",
            notes="",
        )
        session.add(cycle)
        session.flush()
        return cycle.id


def test_insert_update_and_delete_are_each_recorded(db: Database) -> None:
    cycle_id = add_cycle(db)
    inserted = entries(db)
    assert ("nurse.tester", "insert", "pledge_cycle", "label", None, "2026") in inserted
    assert ("nurse.tester", "insert", "pledge_cycle", "start_date", None, "2026-01-01") in inserted

    with db.transaction() as session:
        session.get(m.PledgeCycle, cycle_id).status = "published"
    assert entries(db)[-1] == (
        "nurse.tester",
        "update",
        "pledge_cycle",
        "status",
        "planning",
        "published",
    )

    with db.transaction() as session:
        session.delete(session.get(m.PledgeCycle, cycle_id))
    deleted = [e for e in entries(db) if e[1] == "delete"]
    assert ("nurse.tester", "delete", "pledge_cycle", "label", "2026", None) in deleted


def test_a_rolled_back_change_leaves_no_audit_row(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(m.AppSetting(key="x", value="y"))
        session.add(
            m.Hospital(
                name="H",
                trust_name="",
                trust_code="",
                site_code="",
                unit_phone="",
                out_of_hours_phone="",
                address="",
            )
        )
        session.flush()
        raise RuntimeError
    assert entries(db) == []


def test_the_audit_trail_cannot_be_changed_or_deleted(db: Database) -> None:
    add_cycle(db)
    for statement in ("UPDATE audit_entry SET new_value = 'forged'", "DELETE FROM audit_entry"):
        with (
            pytest.raises(IntegrityError, match="audit trail cannot be changed"),
            db.engine.begin() as c,
        ):
            c.execute(text(statement))
    assert entries(db)[0][5] == "2026"


def test_settings_are_not_audited(db: Database) -> None:
    with db.transaction() as session:
        session.add(m.AppSetting(key="demo_data_set", value="yes"))
    assert entries(db) == []
