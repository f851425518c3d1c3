"""Goals of the pledge, their progress updates and evidence, and the standards of care.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("term", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("team_member.id"), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("carried_from_id", sa.Integer(), sa.ForeignKey("goal.id"), nullable=True),
    )
    op.create_index("ix_goal_cycle_id", "goal", ["cycle_id"])
    op.create_table(
        "goal_update",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "goal_id", sa.Integer(), sa.ForeignKey("goal.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("progress", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_goal_update_goal_id", "goal_update", ["goal_id"])
    op.create_table(
        "goal_evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "goal_id", sa.Integer(), sa.ForeignKey("goal.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref", sa.String(100), nullable=False),
        sa.UniqueConstraint("goal_id", "kind", "ref", name="uq_goal_evidence_goal_kind_ref"),
    )
    op.create_index("ix_goal_evidence_goal_id", "goal_evidence", ["goal_id"])
    op.create_table(
        "care_standard",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_care_standard_cycle_id", "care_standard", ["cycle_id"])


def downgrade() -> None:
    op.drop_table("care_standard")
    op.drop_table("goal_evidence")
    op.drop_table("goal_update")
    op.drop_table("goal")
