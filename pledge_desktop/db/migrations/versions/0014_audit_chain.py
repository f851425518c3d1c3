"""A hash chain over the audit trail, a guard against REPLACE, and the app's mark in the file.

Each line gets `chain_hash`: SHA-256 of the line before's hash and its own content, computed
here for the lines already written and by a trigger for every new one (db/audit_chain.py).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from pledge_desktop.db.audit_chain import (
    CHAIN_TRIGGERS,
    CONTENT_COLUMNS,
    HEAD_SETTING,
    audit_hash,
)
from pledge_desktop.db.engine import APPLICATION_ID

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    op.add_column("audit_entry", sa.Column("chain_hash", sa.String(64), nullable=True))
    connection = op.get_bind()
    previous = None
    last_id = None
    rows = connection.exec_driver_sql(
        f"SELECT {', '.join(CONTENT_COLUMNS)} FROM audit_entry ORDER BY id"
    ).fetchall()
    for row in rows:
        previous = audit_hash(previous, *row)
        last_id = row[0]
        connection.exec_driver_sql(
            "UPDATE audit_entry SET chain_hash = ? WHERE id = ?", (previous, last_id)
        )
    if last_id is not None:
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO app_setting (key, value) VALUES (?, ?)",
            (HEAD_SETTING, f"{last_id} {previous}"),
        )
    for statement in CHAIN_TRIGGERS:
        op.execute(statement)
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    for name in ("audit_entry_chain", "audit_entry_no_replace", "audit_entry_no_update"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TRIGGER audit_entry_no_delete")
    op.execute(f"DELETE FROM app_setting WHERE key = '{HEAD_SETTING}'")
    op.drop_column("audit_entry", "chain_hash")
    op.execute(
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END"
    )
