"""Hospital, pledge cycles, breast care team, patient representatives, settings, audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "hospital",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("trust_name", sa.String(200), nullable=False),
        sa.Column("trust_code", sa.String(3), nullable=False),
        sa.Column("site_code", sa.String(5), nullable=False),
        sa.Column("unit_phone", sa.String(40), nullable=False),
        sa.Column("out_of_hours_phone", sa.String(40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
    )
    op.create_table(
        "pledge_cycle",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("label", sa.String(40), nullable=False, unique=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_table(
        "team_member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("is_pledge_lead", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_team_member_cycle_id", "team_member", ["cycle_id"])
    op.create_table(
        "patient_representative",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("consent_to_be_named", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_patient_representative_cycle_id", "patient_representative", ["cycle_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "at_utc", sa.DateTime(), nullable=False, server_default=sa.text("CURRENT_TIMESTAMP")
        ),
        sa.Column("os_user", sa.String(200), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("entity", sa.String(80), nullable=False),
        sa.Column("entity_id", sa.String(80), nullable=False),
        sa.Column("field", sa.String(80), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_entry_no_delete")
    op.execute("DROP TRIGGER audit_entry_no_update")
    for table in (
        "audit_entry",
        "patient_representative",
        "team_member",
        "pledge_cycle",
        "hospital",
        "app_setting",
    ):
        op.drop_table(table)
