"""Checking typed forms by typing them in again, blind, and keeping the error rates.

The second typing never shows the first. When it is finished the two are compared; where they
differ the nurse reads the paper and chooses, and the response becomes "verified". What was
found is kept per form (VerificationCheck, VerificationDifference), so error rates per question
and per batch survive later corrections.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.questionnaire import Questionnaire
from pledge_desktop.domain.survey_entry import FormEntry
from pledge_desktop.domain.verification import (
    FIRST,
    SECOND,
    Difference,
    ErrorRate,
    differences,
    sample,
    settle,
)
from pledge_desktop.services.records import ChangeFeed, get_or_explain
from pledge_desktop.services.surveys.survey_entry import RESPONSES, OpenedForm
from pledge_desktop.services.surveys.survey_store import (
    cycle_questionnaire,
    draft_serials,
    drop_draft,
    find_response,
    read_answers,
    read_draft,
    replace_answers,
    store_draft,
)

NO_BATCH = "Not in a batch"
Rows = Sequence[Any]  # rows of the queries in summary()


@dataclass(frozen=True)
class CheckOutcome:
    serial: int
    differences: int
    errors: int  # differences where the paper agreed with the second typing


@dataclass(frozen=True)
class CheckSummary:
    typed: int
    verified: int
    waiting: tuple[int, ...]  # picked to be checked, not checked yet
    overall: ErrorRate
    by_question: tuple[ErrorRate, ...]  # questions with at least one difference, worst first
    by_batch: tuple[ErrorRate, ...]


class VerificationService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # --- the second typing ------------------------------------------------------------------
    def open_check(self, cycle_id: int, serial: int) -> OpenedForm:
        """A blank form to type form `serial` in again (or the check typed so far)."""
        with self._db.reading() as session:
            questionnaire = cycle_questionnaire(session, cycle_id)
            response = find_response(session, cycle_id, serial)
            if response is None:
                raise NotFound(
                    f"Form {serial:05d} has not been typed in yet, so there is nothing to check "
                    "it against. Type it in first (Type in surveys)."
                )
            draft = read_draft(session, m.CheckDraft, cycle_id, serial, questionnaire)
            if draft is not None:
                return OpenedForm(
                    draft, f"Checking form {serial:05d}: carry on from where you were.", True
                )
            warning = (
                f"Form {serial:05d} was checked before; it is being checked again."
                if response.status == "verified"
                else ""
            )
            return OpenedForm(FormEntry(questionnaire, serial), warning, False)

    def compare(self, cycle_id: int, entry: FormEntry) -> list[Difference]:
        """Where the second typing differs from the first (read only)."""
        with self._db.reading() as session:
            questionnaire, response = _checked(session, cycle_id, entry.serial)
            first = read_answers(session, response.id, questionnaire)
        return differences(questionnaire, first, entry.answers)

    def finish_check(
        self, cycle_id: int, entry: FormEntry, paper_agrees_with_first: Iterable[str] = ()
    ) -> CheckOutcome:
        """Record the check in one transaction: the answers the paper gives, the differences
        found and who was right, and the status "verified"."""
        keep_first = set(paper_agrees_with_first)
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            questionnaire, response = _checked(session, cycle_id, entry.serial)
            first = read_answers(session, response.id, questionnaire)
            found = differences(questionnaire, first, entry.answers)
            unknown = keep_first - {d.question.code for d in found}
            if unknown:
                raise ValidationError(
                    {"check": "The choices do not match the differences; compare again."}
                )
            settled = settle(questionnaire, first, entry.answers, keep_first)
            replace_answers(session, response, FormEntry(questionnaire, entry.serial, settled))
            response.status = "verified"
            check = m.VerificationCheck(
                response_id=response.id,
                checked_at=now,
                checked_by=self._db.os_user,
                fields_compared=len(questionnaire.questions()),
                fields_differing=len(found),
            )
            session.add(check)
            session.flush()
            for difference in found:
                session.add(
                    m.VerificationDifference(
                        check_id=check.id,
                        question_code=difference.question.code,
                        first_typing=difference.first_words,
                        second_typing=difference.second_words,
                        paper_agrees_with=FIRST
                        if difference.question.code in keep_first
                        else SECOND,
                    )
                )
            drop_draft(session, m.CheckDraft, cycle_id, entry.serial)
        self._changes.announce(RESPONSES)
        errors = sum(1 for d in found if d.question.code not in keep_first)
        return CheckOutcome(entry.serial, len(found), errors)

    def save_draft(self, cycle_id: int, entry: FormEntry) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            store_draft(session, m.CheckDraft, cycle_id, entry, now)

    def drafts(self, cycle_id: int) -> list[int]:
        with self._db.reading() as session:
            return draft_serials(session, m.CheckDraft, cycle_id)

    # --- which forms to check ---------------------------------------------------------------
    def pick_sample(
        self, cycle_id: int, percent: float, batch_id: int | None = None, seed: int | None = None
    ) -> list[int]:
        """Pick `percent` of the forms not yet checked nor picked (of one batch, if given) to be
        typed in again. Returns the serials newly picked."""
        if not 0 < percent <= 100:
            raise ValidationError({"percent": "Choose a share between 1 and 100 per cent."})
        response = m.SurveyResponse
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            query = select(response.serial).where(
                response.cycle_id == cycle_id,
                response.status == "entered",
                response.picked_for_check.is_(False),
            )
            if batch_id is not None:
                query = query.where(response.batch_id == batch_id)
            candidates = list(session.scalars(query.order_by(response.serial)))
            picked = sample(candidates, percent, random.Random(seed))
            if picked:
                session.execute(
                    update(response)
                    .where(response.cycle_id == cycle_id, response.serial.in_(picked))
                    .values(picked_for_check=True)
                )
        if picked:
            self._changes.announce(RESPONSES)
        return picked

    def summary(self, cycle_id: int) -> CheckSummary:
        response, check = m.SurveyResponse, m.VerificationCheck
        with self._db.reading() as session:
            questionnaire = cycle_questionnaire(session, cycle_id)
            counts = dict(
                session.execute(
                    select(response.status, func.count())
                    .where(response.cycle_id == cycle_id)
                    .group_by(response.status)
                ).all()
            )
            waiting = tuple(
                session.scalars(
                    select(response.serial)
                    .where(
                        response.cycle_id == cycle_id,
                        response.picked_for_check.is_(True),
                        response.status == "entered",
                    )
                    .order_by(response.serial)
                )
            )
            checks = session.execute(
                select(
                    check.id,
                    check.fields_compared,
                    response.batch_id,
                )
                .join(response, response.id == check.response_id)
                .where(response.cycle_id == cycle_id)
            ).all()
            found = session.execute(
                select(
                    m.VerificationDifference.check_id,
                    m.VerificationDifference.question_code,
                    m.VerificationDifference.paper_agrees_with,
                ).where(m.VerificationDifference.check_id.in_([c.id for c in checks]))
            ).all()
            batch_names = dict(
                session.execute(
                    select(m.SurveyBatch.id, m.SurveyBatch.label).where(
                        m.SurveyBatch.cycle_id == cycle_id
                    )
                ).all()
            )
        return CheckSummary(
            typed=sum(counts.values()),
            verified=counts.get("verified", 0),
            waiting=waiting,
            overall=_rate("All checked forms", checks, found),
            by_question=_by_question(questionnaire, checks, found),
            by_batch=_by_batch(batch_names, checks, found),
        )


def _checked(
    session: Session, cycle_id: int, serial: int
) -> tuple[Questionnaire, m.SurveyResponse]:
    questionnaire = cycle_questionnaire(session, cycle_id)
    response = find_response(session, cycle_id, serial)
    if response is None:
        raise NotFound(f"Form {serial:05d} is no longer entered for this cycle.")
    return questionnaire, response


def _rate(label: str, checks: Rows, found: Rows) -> ErrorRate:
    ids = {c.id for c in checks}
    mine = [f for f in found if f.check_id in ids]
    return ErrorRate(
        label,
        forms_checked=len(checks),
        answers_checked=sum(c.fields_compared for c in checks),
        errors=sum(1 for f in mine if f.paper_agrees_with == SECOND),
        differences=len(mine),
    )


def _by_question(questionnaire: Questionnaire, checks: Rows, found: Rows) -> tuple[ErrorRate, ...]:
    errors = Counter(f.question_code for f in found if f.paper_agrees_with == SECOND)
    differing = Counter(f.question_code for f in found)
    rates = [
        ErrorRate(
            f"{number}. {question.text}",
            forms_checked=len(checks),
            answers_checked=len(checks),
            errors=errors[question.code],
            differences=differing[question.code],
        )
        for number, question in questionnaire.numbered()
        if differing[question.code]
    ]
    return tuple(sorted(rates, key=lambda r: (-r.errors, -r.differences)))


def _by_batch(names: dict[int, str], checks: Rows, found: Rows) -> tuple[ErrorRate, ...]:
    groups: dict[int | None, list[Any]] = {}
    for row in checks:
        groups.setdefault(row.batch_id, []).append(row)
    return tuple(
        _rate(names.get(batch_id, NO_BATCH) if batch_id else NO_BATCH, rows, found)
        for batch_id, rows in sorted(groups.items(), key=lambda item: names.get(item[0] or 0, ""))
    )
