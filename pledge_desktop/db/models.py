"""SQLAlchemy typed models. Schema changes go through Alembic (db/migrations/versions).

Each table's `info` carries the words a nurse would use for one and for many of its rows;
delete refusals are phrased with them (see db/dependents.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class AppSetting(Base):
    """Small per-installation settings, such as whether this is the demo data set."""

    __tablename__ = "app_setting"
    __table_args__ = {"info": {"label": ("setting", "settings"), "audited": False}}

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Hospital(Base):
    __tablename__ = "hospital"
    __table_args__ = {"info": {"label": ("hospital", "hospitals")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    trust_name: Mapped[str] = mapped_column(String(200), default="")
    trust_code: Mapped[str] = mapped_column(String(3), default="")
    site_code: Mapped[str] = mapped_column(String(5), default="")
    unit_phone: Mapped[str] = mapped_column(String(40), default="")
    out_of_hours_phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")


class Questionnaire(Base):
    """One version of a questionnaire; the definition is domain.questionnaire's JSON."""

    __tablename__ = "questionnaire"
    __table_args__ = (
        UniqueConstraint("name", "version", name="uq_questionnaire_name_version"),
        {"info": {"label": ("questionnaire", "questionnaires")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    definition: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200), default="")


class PledgeCycle(Base):
    __tablename__ = "pledge_cycle"
    __table_args__ = (
        # a primary and a secondary pledge can share a year's label
        UniqueConstraint("label", "pledge_type", name="uq_pledge_cycle_label_type"),
        {"info": {"label": ("pledge cycle", "pledge cycles")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(40))
    pledge_type: Mapped[str] = mapped_column(String(20), default="primary")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(30), default="planning")
    notes: Mapped[str] = mapped_column(Text, default="")
    questionnaire_id: Mapped[int | None] = mapped_column(ForeignKey("questionnaire.id"))
    fieldwork_start: Mapped[date | None] = mapped_column(Date)
    fieldwork_end: Mapped[date | None] = mapped_column(Date)
    forms_handed_out: Mapped[int | None] = mapped_column(Integer)
    eligible_patients: Mapped[int | None] = mapped_column(Integer)
    hand_out_method: Mapped[str] = mapped_column(String(20), default="")


class FormSerial(Base):
    """A serial number printed on a paper form for a cycle: never printed twice."""

    __tablename__ = "form_serial"
    __table_args__ = (
        UniqueConstraint("cycle_id", "serial", name="uq_form_serial_cycle_serial"),
        # one audit line per print job is written by the service, not one per form
        {"info": {"label": ("printed form", "printed forms"), "audited": False}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"))
    serial: Mapped[int] = mapped_column(Integer)
    printed_at: Mapped[datetime] = mapped_column(DateTime)


class SurveyBatch(Base):
    """A pile of returned forms typed in together, such as one clinic's."""

    __tablename__ = "survey_batch"
    __table_args__ = {"info": {"label": ("batch", "batches")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"))
    label: Mapped[str] = mapped_column(String(200))
    clinic_date: Mapped[date | None] = mapped_column(Date)
    expected: Mapped[int] = mapped_column(Integer)
    handed_out: Mapped[int | None] = mapped_column(Integer)  # forms given out for this batch
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    close_reason: Mapped[str] = mapped_column(Text, default="")


class SurveyResponse(Base):
    """One returned paper form, as typed in."""

    __tablename__ = "survey_response"
    __table_args__ = (
        UniqueConstraint("cycle_id", "serial", name="uq_survey_response_cycle_serial"),
        {"info": {"label": ("survey response", "survey responses")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"))
    serial: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="entered")  # entered, verified
    entered_at: Mapped[datetime] = mapped_column(DateTime)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("survey_batch.id"))
    # chosen in a random sample to be typed in again blind (see services/surveys/verification.py)
    picked_for_check: Mapped[bool] = mapped_column(Boolean, default=False)


class SurveyAnswer(Base):
    """One answer on a form; a multiple choice has one row per ticked box."""

    __tablename__ = "survey_answer"
    __table_args__ = (
        # covering index: a cycle's per-question counts read the index alone
        Index("ix_survey_answer_counts", "cycle_id", "question_code", "state", "code"),
        # the response's own audit line says what was saved; not one line per answer
        {"info": {"label": ("survey answer", "survey answers"), "audited": False}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_response.id", ondelete="CASCADE"), index=True
    )
    # the response's cycle, repeated here so that counting a cycle needs no join
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"))
    question_code: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(20))
    code: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str | None] = mapped_column(Text)


class EntryDraft(Base):
    """A form being typed, saved as the nurse goes, so that a crash loses nothing."""

    __tablename__ = "entry_draft"
    __table_args__ = (
        UniqueConstraint("cycle_id", "serial", name="uq_entry_draft_cycle_serial"),
        {"info": {"label": ("unfinished form", "unfinished forms"), "audited": False}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"))
    serial: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CheckDraft(Base):
    """A form being typed in a second time to check it, kept as the nurse goes."""

    __tablename__ = "check_draft"
    __table_args__ = (
        UniqueConstraint("cycle_id", "serial", name="uq_check_draft_cycle_serial"),
        {"info": {"label": ("unfinished check", "unfinished checks"), "audited": False}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"))
    serial: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class VerificationCheck(Base):
    """A form typed in again, blind, and compared with its first typing. Kept after the
    response changes, so error rates stay known."""

    __tablename__ = "verification_check"
    __table_args__ = {"info": {"label": ("check of a typed form", "checks of typed forms")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_response.id", ondelete="CASCADE"), index=True
    )
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    checked_by: Mapped[str] = mapped_column(String(200), default="")
    fields_compared: Mapped[int] = mapped_column(Integer)
    fields_differing: Mapped[int] = mapped_column(Integer)


class VerificationDifference(Base):
    """A question answered differently the two times, and which typing the paper agreed with."""

    __tablename__ = "verification_difference"
    __table_args__ = {"info": {"label": ("checked difference", "checked differences")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    check_id: Mapped[int] = mapped_column(
        ForeignKey("verification_check.id", ondelete="CASCADE"), index=True
    )
    question_code: Mapped[str] = mapped_column(String(100))
    first_typing: Mapped[str] = mapped_column(Text)
    second_typing: Mapped[str] = mapped_column(Text)
    paper_agrees_with: Mapped[str] = mapped_column(String(10))  # first, second


class TeamMember(Base):
    __tablename__ = "team_member"
    __table_args__ = {"info": {"label": ("team member", "team members")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    is_pledge_lead: Mapped[bool] = mapped_column(Boolean, default=False)


class PatientRepresentative(Base):
    __tablename__ = "patient_representative"
    __table_args__ = {"info": {"label": ("patient representative", "patient representatives")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(Text, default="")
    consent_to_be_named: Mapped[bool] = mapped_column(Boolean, default=False)


class Goal(Base):
    """One goal of the pledge, in one cycle; a goal carried into the next cycle is a new row
    pointing back at the one it came from, so its history is kept."""

    __tablename__ = "goal"
    __table_args__ = {"info": {"label": ("goal", "goals")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    term: Mapped[str] = mapped_column(String(10))  # short, medium, long
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id"))
    next_review: Mapped[date | None] = mapped_column(Date)
    agreed_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    drop_reason: Mapped[str] = mapped_column(String(30), default="")  # a category
    national_category: Mapped[str] = mapped_column(String(40), default="")


class GoalUpdate(Base):
    """A dated note on a goal's progress."""

    __tablename__ = "goal_update"
    __table_args__ = {"info": {"label": ("progress update", "progress updates")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[date] = mapped_column(Date)
    progress: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)


class GoalEvidence(Base):
    """What a goal rests on: a survey question (by code), later an interview theme or quote."""

    __tablename__ = "goal_evidence"
    __table_args__ = (
        UniqueConstraint("goal_id", "kind", "ref", name="uq_goal_evidence_goal_kind_ref"),
        {"info": {"label": ("evidence link", "evidence links")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # question, theme, quote
    ref: Mapped[str] = mapped_column(String(100))


class CareStandard(Base):
    """One of the team's promises to every patient, reviewed each cycle."""

    __tablename__ = "care_standard"
    __table_args__ = {"info": {"label": ("standard of care", "standards of care")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    review_note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Booklet(Base):
    """A cycle's booklet: the team's own words and what is left out of it."""

    __tablename__ = "booklet"
    __table_args__ = {"info": {"label": ("booklet", "booklets")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), unique=True)
    welcome: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    out_of_hours: Mapped[str] = mapped_column(Text, default="")
    get_involved: Mapped[str] = mapped_column(Text, default="")
    other_formats: Mapped[str] = mapped_column(Text, default="")
    show_team: Mapped[bool] = mapped_column(Boolean, default=True)
    goals_left_out: Mapped[str] = mapped_column(Text, default="")  # ids joined by ","
    standards_left_out: Mapped[str] = mapped_column(Text, default="")
    quotes_left_out: Mapped[str] = mapped_column(Text, default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    written_at: Mapped[datetime | None] = mapped_column(DateTime)  # last PDF or edition made
    cover_line: Mapped[str] = mapped_column(Text, default="")  # "" prints the pledge's default
    credit_line: Mapped[str | None] = mapped_column(Text)  # None prints the default credit
    programme_logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    helplines: Mapped[str | None] = mapped_column(Text)  # JSON; None prints the defaults
    helplines_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(10), default="en-GB")  # "en-GB" or "cy"


class BookletHighlight(Base):
    """A headline finding for the booklet: a question's answers and a plain sentence."""

    __tablename__ = "booklet_highlight"
    __table_args__ = {"info": {"label": ("results highlight", "results highlights")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    question_code: Mapped[str] = mapped_column(String(100))
    option_codes: Mapped[str] = mapped_column(String(100))  # codes joined by ","
    wording: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Interview(Base):
    """A patient interview, known only by a pseudonym; its transcript and consent."""

    __tablename__ = "interview"
    __table_args__ = (
        UniqueConstraint("cycle_id", "pseudonym", name="uq_interview_cycle_pseudonym"),
        {"info": {"label": ("interview", "interviews")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    pseudonym: Mapped[str] = mapped_column(String(10))
    interview_date: Mapped[date] = mapped_column(Date)
    interviewer_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    setting: Mapped[str] = mapped_column(String(20))
    stages: Mapped[str] = mapped_column(Text, default="")  # names joined by ";"
    length_minutes: Mapped[int | None] = mapped_column(Integer)
    consent_date: Mapped[date | None] = mapped_column(Date)
    consent_how: Mapped[str] = mapped_column(Text, default="")
    consent_recording: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_quotes_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_quotes_first_name: Mapped[bool] = mapped_column(Boolean, default=False)
    transcript: Mapped[str] = mapped_column(Text, default="")
    audio_file: Mapped[str] = mapped_column(String(200), default="")
    audio_sha256: Mapped[str] = mapped_column(String(64), default="")


class Theme(Base):
    """A theme of the codebook; themes nest one level."""

    __tablename__ = "theme"
    __table_args__ = {"info": {"label": ("theme", "themes")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))
    national_code: Mapped[str] = mapped_column(String(40), default="")


class CodedPassage(Base):
    """A stretch of a transcript coded into themes (see passage_theme), with a memo."""

    __tablename__ = "coded_passage"
    __table_args__ = {"info": {"label": ("coded passage", "coded passages")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interview.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    memo: Mapped[str] = mapped_column(Text, default="")


class PassageTheme(Base):
    """Which themes a passage is coded into."""

    __tablename__ = "passage_theme"
    __table_args__ = (
        UniqueConstraint("passage_id", "theme_id", name="uq_passage_theme"),
        {"info": {"label": ("coding", "codings")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    passage_id: Mapped[int] = mapped_column(
        ForeignKey("coded_passage.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), index=True)


class Quote(Base):
    """A passage chosen as a quote, in the words to be printed, and whether it is approved."""

    __tablename__ = "quote"
    __table_args__ = {"info": {"label": ("quote", "quotes")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("coded_passage.id"), index=True)
    wording: Mapped[str] = mapped_column(Text)
    attribution: Mapped[str] = mapped_column(String(20))
    attributed_to: Mapped[str] = mapped_column(String(200))
    approved: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEntry(Base):
    """One changed field of one record. Append-only: triggers refuse UPDATE, DELETE and REPLACE,
    and chain each line to the one before (see db/audit_chain.py)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_record", "entity", "entity_id"),
        {"info": {"label": ("audit entry", "audit entries"), "audited": False}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(DateTime, server_default=text("CURRENT_TIMESTAMP"))
    os_user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    entity: Mapped[str] = mapped_column(String(80))
    entity_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str | None] = mapped_column(String(80))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    chain_hash: Mapped[str | None] = mapped_column(String(64))  # filled in by a trigger


# The pledge year's governance tables and the coding of written answers live beside these.
from pledge_desktop.db.models_pledge_year import (  # noqa: E402
    AnswerTheme,
    Meeting,
    MeetingAttendee,
    MeetingDecision,
    RepresentativeInvolvement,
    SignOff,
    TimeEntry,
)

__all__ = [
    "AnswerTheme",
    "Meeting",
    "MeetingAttendee",
    "MeetingDecision",
    "RepresentativeInvolvement",
    "SignOff",
    "TimeEntry",
]
