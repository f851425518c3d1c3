"""Typing in returned paper forms: open a form by its serial, save it, keep drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, case, cast, distinct, func, insert, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.audit import answers_snapshot, audit_rows_snapshot
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.questionnaire import Questionnaire
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry
from pledge_desktop.exchange.responses_csv import TypedForm, read_responses_file
from pledge_desktop.services.records import ChangeFeed, get_or_explain
from pledge_desktop.services.surveys.survey_store import (
    answer_rows,
    cycle_questionnaire,
    draft_serials,
    drop_draft,
    find_response,
    read_answers,
    read_draft,
    replace_answers,
    store_draft,
)

RESPONSES = "responses"


@dataclass(frozen=True)
class ResponseSummary:
    serial: int
    entered_at: datetime
    status: str  # entered, verified
    answered: int  # questions with an answer
    asked: int  # questions not skipped by a show rule
    batch: str = ""  # the batch's name, if the form was typed in as part of one

    @property
    def completeness(self) -> int:
        """Per cent of the questions asked that have an answer (not blank, not unreadable)."""
        return round(100 * self.answered / self.asked) if self.asked else 0


@dataclass(frozen=True)
class OpenedForm:
    entry: FormEntry
    warning: str  # "" when all is as expected
    from_draft: bool


class SurveyEntryService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def questionnaire(self, cycle_id: int) -> Questionnaire:
        with self._db.reading() as session:
            return cycle_questionnaire(session, cycle_id)

    def open_form(self, cycle_id: int, serial: int) -> OpenedForm:
        """The form with this serial: a draft if one was being typed, the saved response if it
        was entered before (with a warning), else a blank form."""
        with self._db.reading() as session:
            questionnaire = cycle_questionnaire(session, cycle_id)
            draft = read_draft(session, m.EntryDraft, cycle_id, serial, questionnaire)
            if draft is not None:
                return OpenedForm(
                    draft,
                    f"Form {serial:05d} was being typed and not saved; carry on from where "
                    "you were.",
                    True,
                )
            response = find_response(session, cycle_id, serial)
            if response is not None:
                entry = FormEntry(
                    questionnaire, serial, read_answers(session, response.id, questionnaire)
                )
                return OpenedForm(
                    entry,
                    f"Form {serial:05d} was already entered on {response.entered_at:%d %B %Y}. "
                    "You are changing it.",
                    False,
                )
            printed = session.scalar(
                select(func.count()).where(
                    m.FormSerial.cycle_id == cycle_id, m.FormSerial.serial == serial
                )
            )
            warning = (
                ""
                if printed
                else (
                    f"Form {serial:05d} was never printed for this cycle. Check the number on the "
                    "form; carry on if it is right."
                )
            )
            return OpenedForm(FormEntry(questionnaire, serial), warning, False)

    def save_form(self, cycle_id: int, entry: FormEntry, batch_id: int | None = None) -> int:
        """Save the whole form in one transaction; its draft goes. Returns the response id.
        A form entered for the first time joins `batch_id`, if given."""
        return self.save_forms(cycle_id, [entry], batch_id)[0]

    def save_forms(
        self, cycle_id: int, entries: list[FormEntry], batch_id: int | None = None
    ) -> list[int]:
        """Save several forms together, or none of them."""
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            ids = [_save(session, cycle_id, entry, now, batch_id) for entry in entries]
        self._changes.announce(RESPONSES)
        return ids

    def add_new_forms(self, cycle_id: int, forms: Sequence[FormEntry | TypedForm]) -> None:
        """Many forms never entered before, in one transaction, without the ORM's cost per row
        (for imports and the demo). A form already entered makes the whole call fail."""
        with self._db.reading() as session:
            questionnaire = cycle_questionnaire(session, cycle_id)
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            _bulk_save(session, cycle_id, questionnaire, forms, now)
        self._changes.announce(RESPONSES)

    def import_csv(self, cycle_id: int, path: Path) -> int:
        """Import forms typed into a spreadsheet: all of them, or none (see
        exchange/responses_csv.py for the format). Returns how many were imported."""
        with self._db.reading() as session:
            questionnaire = cycle_questionnaire(session, cycle_id)
        forms = read_responses_file(path, questionnaire)
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            serials = [f.serial for f in forms]
            taken = sorted(
                session.scalars(
                    select(m.SurveyResponse.serial).where(
                        m.SurveyResponse.cycle_id == cycle_id,
                        m.SurveyResponse.serial.in_(serials),
                    )
                )
            )
            if taken:
                listed = ", ".join(f"{s:05d}" for s in taken[:20])
                raise ValidationError(
                    {
                        "file": f"Nothing was imported: forms {listed} are already entered for "
                        f"cycle {cycle.label}. Leave those rows out, or delete the forms first."
                    }
                )
            _bulk_save(session, cycle_id, questionnaire, forms, now)
            session.execute(
                insert(m.AuditEntry).values(
                    at_utc=now,
                    os_user=self._db.os_user,
                    action="insert",
                    entity="survey_response",
                    entity_id=f"{cycle.label}: {path.name}",
                    field=None,
                    old_value=None,
                    new_value=f"{len(forms)} forms imported",
                )
            )
        self._changes.announce(RESPONSES)
        return len(forms)

    def save_draft(self, cycle_id: int, entry: FormEntry) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            store_draft(session, m.EntryDraft, cycle_id, entry, now)

    def drafts(self, cycle_id: int) -> list[int]:
        """Serials of forms left unfinished (after a crash, or a closed window)."""
        with self._db.reading() as session:
            return draft_serials(session, m.EntryDraft, cycle_id)

    def discard_draft(self, cycle_id: int, serial: int) -> None:
        with self._db.transaction() as session:
            drop_draft(session, m.EntryDraft, cycle_id, serial)

    def responses(
        self, cycle_id: int, serial_contains: str = "", status: str | None = None
    ) -> list[ResponseSummary]:
        """The cycle's typed-in forms, newest serial first, optionally those whose number
        contains the digits typed in the search box, or with one status (entered, verified)."""
        answer = m.SurveyAnswer
        answered = func.count(
            distinct(case((answer.state == AnswerState.ANSWERED.value, answer.question_code)))
        )
        asked = func.count(
            distinct(case((answer.state != AnswerState.SKIPPED.value, answer.question_code)))
        )
        query = (
            select(
                m.SurveyResponse.serial,
                m.SurveyResponse.entered_at,
                m.SurveyResponse.status,
                answered,
                asked,
                func.coalesce(m.SurveyBatch.label, ""),
            )
            .outerjoin(answer, answer.response_id == m.SurveyResponse.id)
            .outerjoin(m.SurveyBatch, m.SurveyBatch.id == m.SurveyResponse.batch_id)
            .where(m.SurveyResponse.cycle_id == cycle_id)
            .group_by(m.SurveyResponse.id)
            .order_by(m.SurveyResponse.serial.desc())
        )
        digits = "".join(ch for ch in serial_contains if ch.isdigit()).lstrip("0")
        if digits:
            query = query.where(cast(m.SurveyResponse.serial, String).contains(digits))
        if status is not None:
            query = query.where(m.SurveyResponse.status == status)
        with self._db.reading() as session:
            return [ResponseSummary(*row) for row in session.execute(query)]

    def delete_response(self, cycle_id: int, serial: int) -> None:
        """Delete a typed-in form and its answers (the audit trail keeps what it was)."""
        with self._db.transaction() as session:
            response = find_response(session, cycle_id, serial)
            if response is None:
                raise NotFound(f"Form {serial:05d} is not entered for this cycle.")
            audit_rows_snapshot(
                session,
                "survey_answer",
                str(response.id),
                answers_snapshot(session, response.id),
                "delete",
            )
            session.delete(response)
        self._changes.announce(RESPONSES)

    def count(self, cycle_id: int) -> int:
        with self._db.reading() as session:
            return (
                session.scalar(select(func.count()).where(m.SurveyResponse.cycle_id == cycle_id))
                or 0
            )


def _save(
    session: Session, cycle_id: int, entry: FormEntry, now: datetime, batch_id: int | None = None
) -> int:
    response = find_response(session, cycle_id, entry.serial)
    if response is None:
        response = m.SurveyResponse(
            cycle_id=cycle_id,
            serial=entry.serial,
            status="entered",
            entered_at=now,
            batch_id=batch_id,
        )
        session.add(response)
        session.flush()
        replace_answers(session, response, entry)
    else:
        response.status = "entered"  # changed after verification: to be verified again
        # the answers are written in bulk, which the audit hook does not see: record what the
        # form said and what it says now
        before = answers_snapshot(session, response.id)
        replace_answers(session, response, entry)
        after = answers_snapshot(session, response.id)
        audit_rows_snapshot(session, "survey_answer", str(response.id), before, "update", after)
    drop_draft(session, m.EntryDraft, cycle_id, entry.serial)
    return response.id


def _bulk_save(
    session: Session,
    cycle_id: int,
    questionnaire: Questionnaire,
    forms: Sequence[FormEntry | TypedForm],
    now: datetime,
) -> None:
    """Many new forms at once, with Core inserts: the ORM would take minutes for thousands."""
    if not forms:
        return
    session.execute(
        insert(m.SurveyResponse),
        [
            {"cycle_id": cycle_id, "serial": f.serial, "status": "entered", "entered_at": now}
            for f in forms
        ],
    )
    ids = dict(
        session.execute(
            select(m.SurveyResponse.serial, m.SurveyResponse.id).where(
                m.SurveyResponse.cycle_id == cycle_id,
                m.SurveyResponse.serial.in_([f.serial for f in forms]),
            )
        ).all()
    )
    rows: list[dict[str, Any]] = []
    for form in forms:
        entry = FormEntry(questionnaire, form.serial, dict(form.answers))
        rows += answer_rows(ids[form.serial], entry, cycle_id)
    if rows:
        session.execute(insert(m.SurveyAnswer), rows)
