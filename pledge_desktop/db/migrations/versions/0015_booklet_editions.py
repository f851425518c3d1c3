"""The booklet's editions: its cover line, credit line, programme logo, national helplines (and
whether the team has checked them) and language; and written answers coded into the themes of
the interview codebook.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Columns that default to NULL or a constant are added in place (no table copy).
    op.execute("ALTER TABLE booklet ADD COLUMN cover_line TEXT NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE booklet ADD COLUMN credit_line TEXT")
    op.execute("ALTER TABLE booklet ADD COLUMN programme_logo_png BLOB")
    op.execute("ALTER TABLE booklet ADD COLUMN helplines TEXT")
    op.execute("ALTER TABLE booklet ADD COLUMN helplines_checked BOOLEAN NOT NULL DEFAULT 0")
    op.execute("ALTER TABLE booklet ADD COLUMN language VARCHAR(10) NOT NULL DEFAULT 'en-GB'")
    op.create_table(
        "answer_theme",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "answer_id",
            sa.Integer(),
            sa.ForeignKey("survey_answer.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "theme_id", sa.Integer(), sa.ForeignKey("theme.id", ondelete="CASCADE"), nullable=False
        ),
        sa.UniqueConstraint("answer_id", "theme_id", name="uq_answer_theme"),
    )
    op.create_index("ix_answer_theme_answer_id", "answer_theme", ["answer_id"])
    op.create_index("ix_answer_theme_theme_id", "answer_theme", ["theme_id"])


def downgrade() -> None:
    raise NotImplementedError(
        "A database is never taken back to an older version; restore a backup."
    )
