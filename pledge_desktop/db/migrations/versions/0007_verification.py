"""Verification: forms typed in again blind, the differences found, and the sample picked.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE survey_response ADD COLUMN picked_for_check BOOLEAN NOT NULL DEFAULT 0")
    op.create_table(
        "check_draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("cycle_id", "serial", name="uq_check_draft_cycle_serial"),
    )
    op.create_table(
        "verification_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "response_id",
            sa.Integer(),
            sa.ForeignKey("survey_response.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_by", sa.String(200), nullable=False),
        sa.Column("fields_compared", sa.Integer(), nullable=False),
        sa.Column("fields_differing", sa.Integer(), nullable=False),
    )
    op.create_index("ix_verification_check_response_id", "verification_check", ["response_id"])
    op.create_table(
        "verification_difference",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "check_id",
            sa.Integer(),
            sa.ForeignKey("verification_check.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("question_code", sa.String(100), nullable=False),
        sa.Column("first_typing", sa.Text(), nullable=False),
        sa.Column("second_typing", sa.Text(), nullable=False),
        sa.Column("paper_agrees_with", sa.String(10), nullable=False),
    )
    op.create_index("ix_verification_difference_check_id", "verification_difference", ["check_id"])


def downgrade() -> None:
    op.drop_table("verification_difference")
    op.drop_table("verification_check")
    op.drop_table("check_draft")
    with op.batch_alter_table("survey_response") as batch:
        batch.drop_column("picked_for_check")
