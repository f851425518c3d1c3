"""The booklet's own words and choices, and its results highlights.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booklet",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False, unique=True
        ),
        sa.Column("welcome", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("out_of_hours", sa.Text(), nullable=False),
        sa.Column("get_involved", sa.Text(), nullable=False),
        sa.Column("other_formats", sa.Text(), nullable=False),
        sa.Column("show_team", sa.Boolean(), nullable=False),
        sa.Column("goals_left_out", sa.Text(), nullable=False),
        sa.Column("standards_left_out", sa.Text(), nullable=False),
        sa.Column("quotes_left_out", sa.Text(), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("photo_png", sa.LargeBinary(), nullable=True),
    )
    op.create_table(
        "booklet_highlight",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("question_code", sa.String(100), nullable=False),
        sa.Column("option_codes", sa.String(100), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_booklet_highlight_cycle_id", "booklet_highlight", ["cycle_id"])


def downgrade() -> None:
    op.drop_index("ix_booklet_highlight_cycle_id", "booklet_highlight")
    op.drop_table("booklet_highlight")
    op.drop_table("booklet")
