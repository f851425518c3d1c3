"""Survey responses typed in from paper, their answers, and drafts of forms being typed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_response",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("cycle_id", "serial", name="uq_survey_response_cycle_serial"),
    )
    op.create_table(
        "survey_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "response_id",
            sa.Integer(),
            sa.ForeignKey("survey_response.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("question_code", sa.String(100), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("code", sa.Integer(), nullable=True),
        sa.Column("number", sa.Float(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
    )
    op.create_index("ix_survey_answer_response_id", "survey_answer", ["response_id"])
    op.create_index(
        "ix_survey_answer_question_value", "survey_answer", ["question_code", "state", "code"]
    )
    op.create_table(
        "entry_draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("cycle_id", "serial", name="uq_entry_draft_cycle_serial"),
    )


def downgrade() -> None:
    op.drop_table("entry_draft")
    op.drop_table("survey_answer")
    op.drop_table("survey_response")
