"""Form numbers typed in (or being typed) but never printed are recorded as in use, so that
printing never hands out the number of a form already typed in.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table, when in (
        ("survey_response", "entered_at"),
        ("entry_draft", "updated_at"),
        ("check_draft", "updated_at"),
    ):
        op.execute(
            f"INSERT INTO form_serial (cycle_id, serial, printed_at) "
            f"SELECT DISTINCT t.cycle_id, t.serial, t.{when} FROM {table} AS t "
            f"WHERE NOT EXISTS (SELECT 1 FROM form_serial AS f "
            f"WHERE f.cycle_id = t.cycle_id AND f.serial = t.serial)"
        )


def downgrade() -> None:
    """The numbers stay recorded: forgetting them would let a number be printed twice."""
