"""The audit trail's hash chain and its guards: REPLACE refused, edits and removals found."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from pledge_desktop.db import models as m
from pledge_desktop.db.audit import answers_snapshot, audit_rows_snapshot
from pledge_desktop.db.audit_chain import TRIGGER_NAMES, verify_audit_chain
from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import known_revisions, upgrade


@pytest.fixture
def db(tmp_path: Path):
    database = Database(tmp_path / "t.sqlite3", os_user="nurse.tester")
    upgrade(database.engine)
    yield database
    database.close()


def add_settings(db: Database, count: int) -> None:
    for number in range(count):
        with db.transaction() as session:
            session.add(m.Hospital(name=f"Hospital {number}"))


def problems(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return verify_audit_chain(connection)


def tamper(path: Path, statement: str) -> None:
    """What someone with a database browser could do: drop the guards, change the trail."""
    connection = sqlite3.connect(path)
    for name in TRIGGER_NAMES:
        connection.execute(f"DROP TRIGGER IF EXISTS {name}")
    connection.execute(statement)
    connection.commit()
    connection.close()


def test_every_line_is_chained_whoever_writes_it(db: Database) -> None:
    add_settings(db, 3)
    with db.transaction() as session:  # a summary line written directly, as services do
        session.execute(
            insert(m.AuditEntry).values(
                os_user="x", action="insert", entity="export", entity_id="2026"
            )
        )
    with sqlite3.connect(db.path) as connection:
        hashes = [r[0] for r in connection.execute("SELECT chain_hash FROM audit_entry")]
    assert len(hashes) > 3 and all(h and len(h) == 64 for h in hashes)
    assert problems(db.path) == []


@pytest.mark.parametrize(
    "statement",
    [
        "REPLACE INTO audit_entry (id, os_user, action, entity, entity_id, new_value) "
        "VALUES (1, 'x', 'insert', 'hospital', '1', 'forged')",
        "INSERT OR REPLACE INTO audit_entry (id, os_user, action, entity, entity_id) "
        "VALUES (1, 'x', 'insert', 'hospital', '1')",
        "UPDATE audit_entry SET new_value = 'forged'",
        "DELETE FROM audit_entry",
    ],
)
def test_the_trail_cannot_be_rewritten(db: Database, statement: str) -> None:
    add_settings(db, 2)
    with pytest.raises(IntegrityError, match="cannot be changed"), db.transaction() as session:
        session.execute(text(statement))
    assert problems(db.path) == []


def test_another_tool_cannot_add_a_line_without_the_chain(db: Database) -> None:
    add_settings(db, 1)
    with sqlite3.connect(db.path) as connection, pytest.raises(sqlite3.OperationalError):
        connection.execute(
            "INSERT INTO audit_entry (os_user, action, entity, entity_id) "
            "VALUES ('x', 'insert', 'hospital', '9')"
        )


def test_an_edited_line_is_found(db: Database) -> None:
    add_settings(db, 3)
    db.close()
    tamper(db.path, "UPDATE audit_entry SET new_value = 'Forged' WHERE id = 2")
    assert any("line 2 " in p for p in problems(db.path))


def test_a_removed_line_is_found(db: Database) -> None:
    add_settings(db, 3)
    db.close()
    tamper(db.path, "DELETE FROM audit_entry WHERE id = 2")
    assert any("line 3 " in p for p in problems(db.path))


def test_lines_removed_from_the_end_are_found(db: Database) -> None:
    add_settings(db, 3)
    db.close()
    tamper(db.path, "DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)")
    assert any("removed from the end" in p for p in problems(db.path))


def test_the_upgrade_chains_the_lines_already_written(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.sqlite3")
    upgrade(db.engine, known_revisions()[-2])
    with db.engine.begin() as connection:
        for number in range(5):
            connection.execute(
                text(
                    "INSERT INTO audit_entry (os_user, action, entity, entity_id, new_value) "
                    "VALUES ('x', 'insert', 'hospital', :n, :n)"
                ),
                {"n": str(number)},
            )
    upgrade(db.engine)
    add_settings(db, 1)
    db.close()
    assert problems(db.path) == []


def test_changed_and_deleted_answers_can_be_audited_with_what_they_were(db: Database) -> None:
    with db.transaction() as session:
        hospital = m.Hospital(name="Riverside")
        session.add(hospital)
        session.flush()
        before = {"q1": "answered: 2", "q2": "left blank"}
        after = {"q1": "answered: 3", "q2": "left blank"}
        assert audit_rows_snapshot(session, "survey_answer", "7", before, "update", after) == 1
        assert audit_rows_snapshot(session, "survey_answer", "7", after, "delete") == 2
        assert answers_snapshot(session, 999) == {}
    with db.reading() as session:
        lines = session.execute(
            text(
                "SELECT action, field, old_value, new_value FROM audit_entry "
                "WHERE entity = 'survey_answer' ORDER BY id"
            )
        ).all()
    assert [tuple(r) for r in lines] == [
        ("update", "q1", "answered: 2", "answered: 3"),
        ("delete", "q1", "answered: 3", None),
        ("delete", "q2", "left blank", None),
    ]
    assert problems(db.path) == []


def test_a_forms_answers_are_read_as_audit_text(demo_workspace) -> None:
    db = demo_workspace.db
    with db.reading() as session:
        response_id = session.scalar(text("SELECT min(response_id) FROM survey_answer"))
        snapshot = answers_snapshot(session, response_id)
        count = session.scalar(
            text("SELECT count(DISTINCT question_code) FROM survey_answer WHERE response_id = :r"),
            {"r": response_id},
        )
    assert len(snapshot) == count > 0
    assert all(value and value.split(":")[0] for value in snapshot.values())
