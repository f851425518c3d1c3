"""Each survey answer carries its response's cycle, so that a cycle's results are counted from
one covering index instead of a join over every answer.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("survey_answer") as batch:
        batch.add_column(sa.Column("cycle_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE survey_answer SET cycle_id = "
        "(SELECT cycle_id FROM survey_response WHERE survey_response.id = response_id)"
    )
    with op.batch_alter_table("survey_answer") as batch:
        batch.alter_column("cycle_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(
            "fk_survey_answer_cycle_id_pledge_cycle", "pledge_cycle", ["cycle_id"], ["id"]
        )
        batch.drop_index("ix_survey_answer_question_value")
        batch.create_index(
            "ix_survey_answer_counts", ["cycle_id", "question_code", "state", "code"]
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_answer") as batch:
        batch.drop_index("ix_survey_answer_counts")
        batch.create_index("ix_survey_answer_question_value", ["question_code", "state", "code"])
        batch.drop_constraint("fk_survey_answer_cycle_id_pledge_cycle", type_="foreignkey")
        batch.drop_column("cycle_id")
