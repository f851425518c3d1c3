"""The pledge year: pledge types (primary or secondary, side by side in one year), response
rates (fieldwork dates, forms handed out), sign-off, representatives' involvement, meetings and
their decisions, goals' review and closing dates and national categories, themes' national
codes, the time the pledge takes, and when the booklet was last written.

Every cycle there already is becomes a primary pledge.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

CYCLE_COLUMNS = "id, label, start_date, end_date, status, notes, questionnaire_id"


def upgrade() -> None:
    # The label was unique on its own: a year's label is now unique per pledge type. SQLite
    # cannot drop an unnamed constraint, so the table is rebuilt, with foreign keys off and
    # every key checked before the commit (db/migrate.py).
    op.execute(
        "CREATE TABLE pledge_cycle_rebuilt ("
        "id INTEGER NOT NULL PRIMARY KEY, "
        "label VARCHAR(40) NOT NULL, "
        "pledge_type VARCHAR(20) NOT NULL DEFAULT 'primary', "
        "start_date DATE NOT NULL, "
        "end_date DATE NOT NULL, "
        "status VARCHAR(30) NOT NULL, "
        "notes TEXT NOT NULL, "
        "questionnaire_id INTEGER REFERENCES questionnaire (id), "
        "fieldwork_start DATE, "
        "fieldwork_end DATE, "
        "forms_handed_out INTEGER, "
        "eligible_patients INTEGER, "
        "hand_out_method VARCHAR(20) NOT NULL DEFAULT '', "
        "CONSTRAINT uq_pledge_cycle_label_type UNIQUE (label, pledge_type))"
    )
    op.execute(
        f"INSERT INTO pledge_cycle_rebuilt ({CYCLE_COLUMNS}) "
        f"SELECT {CYCLE_COLUMNS} FROM pledge_cycle"
    )
    op.execute("DROP TABLE pledge_cycle")
    op.execute("ALTER TABLE pledge_cycle_rebuilt RENAME TO pledge_cycle")

    # New columns that default to NULL or a constant are added in place (no table copy).
    op.execute("ALTER TABLE survey_batch ADD COLUMN handed_out INTEGER")
    for column in ("next_review DATE", "agreed_on DATE", "closed_on DATE"):
        op.execute(f"ALTER TABLE goal ADD COLUMN {column}")
    op.execute("ALTER TABLE goal ADD COLUMN drop_reason VARCHAR(30) NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE goal ADD COLUMN national_category VARCHAR(40) NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE theme ADD COLUMN national_code VARCHAR(40) NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE booklet ADD COLUMN written_at DATETIME")

    cycle = sa.ForeignKey("pledge_cycle.id")
    op.create_table(
        "sign_off",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), cycle, nullable=False, unique=True),
        sa.Column("signed_by", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("leaflet_reference", sa.String(60), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("publish_consent", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "representative_involvement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column(
            "representative_id",
            sa.Integer(),
            sa.ForeignKey("patient_representative.id"),
            nullable=False,
        ),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("activity", sa.String(30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("expenses_pence", sa.Integer(), nullable=False),
    )
    op.create_index(
        "ix_representative_involvement_cycle_id", "representative_involvement", ["cycle_id"]
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_meeting_cycle_id", "meeting", ["cycle_id"])
    op.create_table(
        "meeting_attendee",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("team_member_id", sa.Integer(), sa.ForeignKey("team_member.id")),
        sa.Column("representative_id", sa.Integer(), sa.ForeignKey("patient_representative.id")),
    )
    op.create_index("ix_meeting_attendee_meeting_id", "meeting_attendee", ["meeting_id"])
    op.create_table(
        "meeting_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer(),
            sa.ForeignKey("meeting.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("goal_id", sa.Integer(), sa.ForeignKey("goal.id"), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.UniqueConstraint("meeting_id", "goal_id", name="uq_meeting_decision_meeting_goal"),
    )
    op.create_index("ix_meeting_decision_meeting_id", "meeting_decision", ["meeting_id"])
    op.create_table(
        "time_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cycle_id", sa.Integer(), sa.ForeignKey("pledge_cycle.id"), nullable=False),
        sa.Column("activity", sa.String(30), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_time_entry_cycle_id", "time_entry", ["cycle_id"])


def downgrade() -> None:
    raise NotImplementedError(
        "A database is never taken back to an older version; restore a backup."
    )
