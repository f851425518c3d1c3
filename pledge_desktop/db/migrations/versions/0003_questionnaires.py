"""Questionnaires (versioned definitions), and the questionnaire each cycle uses.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questionnaire",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.UniqueConstraint("name", "version", name="uq_questionnaire_name_version"),
    )
    # SQLite adds a column with a foreign key in place when it defaults to NULL; no table copy.
    op.execute(
        "ALTER TABLE pledge_cycle ADD COLUMN questionnaire_id INTEGER REFERENCES questionnaire (id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("pledge_cycle") as batch:
        batch.drop_column("questionnaire_id")
    op.drop_table("questionnaire")
