"""The pledge year's records beyond the surveys: sign-off, representatives' involvement,
meetings with their decisions, and the time the pledge takes. Imported by models.py, so that
`Base.metadata` holds them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pledge_desktop.db.models import Base


class SignOff(Base):
    """Who signed the pledge off for publishing, with the trust's leaflet reference."""

    __tablename__ = "sign_off"
    __table_args__ = {"info": {"label": ("sign-off", "sign-offs")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), unique=True)
    signed_by: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    leaflet_reference: Mapped[str] = mapped_column(String(60), default="")
    review_date: Mapped[date | None] = mapped_column(Date)
    publish_consent: Mapped[bool] = mapped_column(Boolean, default=False)


class RepresentativeInvolvement(Base):
    """Something a patient representative did for the pledge."""

    __tablename__ = "representative_involvement"
    __table_args__ = {"info": {"label": ("involvement", "involvements")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    representative_id: Mapped[int] = mapped_column(ForeignKey("patient_representative.id"))
    on_date: Mapped[date] = mapped_column(Date)
    activity: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    expenses_pence: Mapped[int] = mapped_column(Integer, default=0)


class Meeting(Base):
    """A goal-setting or review meeting."""

    __tablename__ = "meeting"
    __table_args__ = {"info": {"label": ("meeting", "meetings")}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer, default=60)
    notes: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendee(Base):
    """Who came to a meeting: a team member or a patient representative."""

    __tablename__ = "meeting_attendee"
    __table_args__ = {"info": {"label": ("attendee", "attendees"), "audited": False}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    team_member_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    representative_id: Mapped[int | None] = mapped_column(ForeignKey("patient_representative.id"))


class MeetingDecision(Base):
    """What a meeting decided about one goal."""

    __tablename__ = "meeting_decision"
    __table_args__ = (
        UniqueConstraint("meeting_id", "goal_id", name="uq_meeting_decision_meeting_goal"),
        {"info": {"label": ("meeting decision", "meeting decisions")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id"))
    decision: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class TimeEntry(Base):
    """Time given to the pledge, typed in or measured (the entry screen's sessions)."""

    __tablename__ = "time_entry"
    __table_args__ = {"info": {"label": ("time record", "time records"), "audited": False}}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("pledge_cycle.id"), index=True)
    activity: Mapped[str] = mapped_column(String(30))
    on_date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class AnswerTheme(Base):
    """A written answer on a survey form coded into a theme of the interview codebook."""

    __tablename__ = "answer_theme"
    __table_args__ = (
        UniqueConstraint("answer_id", "theme_id", name="uq_answer_theme"),
        {"info": {"label": ("coded written answer", "coded written answers")}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("survey_answer.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), index=True)
