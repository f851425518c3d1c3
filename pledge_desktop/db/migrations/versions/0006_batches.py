"""Batches: piles of returned forms typed in together, each with the number expected.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_batch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("clinic_date", sa.Date(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("close_reason", sa.Text(), nullable=False),
    )
    op.execute(
        "ALTER TABLE survey_response ADD COLUMN batch_id INTEGER REFERENCES survey_batch (id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("survey_response") as batch:
        batch.drop_column("batch_id")
    op.drop_table("survey_batch")
