"""Patient interviews, the codebook of themes, coded passages and quotes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("pseudonym", sa.String(10), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=False),
        sa.Column("interviewer_id", sa.Integer(), sa.ForeignKey("team_member.id"), nullable=True),
        sa.Column("setting", sa.String(20), nullable=False),
        sa.Column("stages", sa.Text(), nullable=False),
        sa.Column("length_minutes", sa.Integer(), nullable=True),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("consent_how", sa.Text(), nullable=False),
        sa.Column("consent_recording", sa.Boolean(), nullable=False),
        sa.Column("consent_quotes_anonymous", sa.Boolean(), nullable=False),
        sa.Column("consent_quotes_first_name", sa.Boolean(), nullable=False),
        sa.Column("transcript", sa.Text(), nullable=False),
        sa.Column("audio_file", sa.String(200), nullable=False),
        sa.Column("audio_sha256", sa.String(64), nullable=False),
        sa.UniqueConstraint("cycle_id", "pseudonym", name="uq_interview_cycle_pseudonym"),
    )
    op.create_index("ix_interview_cycle_id", "interview", ["cycle_id"])
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(7), nullable=False),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("theme.id"), nullable=True),
    )
    op.create_table(
        "coded_passage",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "interview_id",
            sa.Integer(),
            sa.ForeignKey("interview.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
    )
    op.create_index("ix_coded_passage_interview_id", "coded_passage", ["interview_id"])
    op.create_table(
        "passage_theme",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "passage_id",
            sa.Integer(),
            sa.ForeignKey("coded_passage.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "theme_id", sa.Integer(), sa.ForeignKey("theme.id", ondelete="CASCADE"), nullable=False
        ),
        sa.UniqueConstraint("passage_id", "theme_id", name="uq_passage_theme"),
    )
    op.create_index("ix_passage_theme_passage_id", "passage_theme", ["passage_id"])
    op.create_index("ix_passage_theme_theme_id", "passage_theme", ["theme_id"])
    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("passage_id", sa.Integer(), sa.ForeignKey("coded_passage.id"), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("attribution", sa.String(20), nullable=False),
        sa.Column("attributed_to", sa.String(200), nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_quote_passage_id", "quote", ["passage_id"])


def downgrade() -> None:
    op.drop_table("quote")
    op.drop_table("passage_theme")
    op.drop_table("coded_passage")
    op.drop_table("theme")
    op.drop_table("interview")
