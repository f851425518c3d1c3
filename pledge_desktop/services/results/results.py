"""What the typed-in forms say, question by question: counts of each answer, with blanks,
unreadable and skipped answers kept apart from the base the percentages are taken of.

A whole cycle is counted from one covering index (survey_answer's cycle, question, state,
code), however many forms it has; filters by batch or date join the responses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.pledge_year import response_rate
from pledge_desktop.domain.questionnaire import AnswerType, Questionnaire
from pledge_desktop.domain.results import (
    DEFAULT_SMALL_NUMBER,
    CycleResults,
    QuestionCounts,
    SmallNumbers,
    tally,
)
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.services.records import ChangeFeed, previous_cycle
from pledge_desktop.services.surveys.survey_store import cycle_questionnaire

SMALL_NUMBER_KEY = "small_number_threshold"
TEXT_TYPES = (AnswerType.SHORT_TEXT, AnswerType.LONG_TEXT)


@dataclass(frozen=True)
class ResultsFilter:
    batch_id: int | None = None
    entered_from: date | None = None
    entered_to: date | None = None
    batch_label: str = ""  # for describing the filter

    def describe(self) -> str:
        parts = [f"batch {self.batch_label}"] if self.batch_id is not None else []
        if self.entered_from:
            parts.append(f"typed in from {self.entered_from:%d %b %Y}")
        if self.entered_to:
            parts.append(f"up to {self.entered_to:%d %b %Y}")
        return ", ".join(parts)


class ResultsService:
    def __init__(self, db: Database, changes: ChangeFeed | None = None) -> None:
        from pledge_desktop.services.results.written_answers import WrittenAnswersService

        self._db = db
        self._changes = changes
        self.written = WrittenAnswersService(db, changes)  # coding written answers to themes

    # --- the setting ----------------------------------------------------------------------
    def small_numbers(self) -> SmallNumbers:
        with self._db.reading() as session:
            return small_numbers_in(session)

    def set_small_number_threshold(self, threshold: int) -> None:
        if not 2 <= threshold <= 50:
            raise ValidationError(
                {"threshold": "The smallest number to show must be between 2 and 50."}
            )
        with self._db.transaction() as session:
            session.merge(m.AppSetting(key=SMALL_NUMBER_KEY, value=str(threshold)))
        if self._changes:
            self._changes.announce("settings")

    # --- counting -------------------------------------------------------------------------
    def question_counts(self, cycle_id: int, question_code: str) -> QuestionCounts:
        results = self.cycle_results(cycle_id)
        found = results.question(question_code)
        if found is None:
            raise NotFound(f"Question {question_code} is not on this cycle's questionnaire.")
        return found

    def cycle_results(
        self,
        cycle_id: int,
        chosen: ResultsFilter | None = None,
        comments_limit: int | None = None,
    ) -> CycleResults:
        with self._db.reading() as session:
            return count_cycle(session, cycle_id, chosen or ResultsFilter(), comments_limit)

    def response_rate(self, cycle_id: int, chosen: ResultsFilter | None = None) -> str:
        """ "60 of 150 patients (40 %) filled in our survey.", or the count alone."""
        chosen = chosen or ResultsFilter()
        with self._db.reading() as session:
            forms = session.scalar(
                select(func.count(m.SurveyResponse.id)).where(*where_forms(cycle_id, chosen))
            )
            return response_rate(forms or 0, handed_out_in(session, cycle_id, chosen.batch_id))

    def previous_results(
        self, cycle_id: int, comments_limit: int | None = 0
    ) -> CycleResults | None:
        """The cycle before this one, counted the same way (None when there is none or it
        has no questionnaire)."""
        with self._db.reading() as session:
            before = previous_cycle(session, cycle_id)
            if before is None or before.questionnaire_id is None:
                return None
            return count_cycle(session, before.id, ResultsFilter(), comments_limit)


def small_numbers_in(session: Session) -> SmallNumbers:
    row = session.get(m.AppSetting, SMALL_NUMBER_KEY)
    try:
        return SmallNumbers(int(row.value) if row else DEFAULT_SMALL_NUMBER)
    except ValueError:
        return SmallNumbers()


def handed_out_in(session: Session, cycle_id: int, batch_id: int | None = None) -> int | None:
    """Forms given out: the batch's own count, else the cycle's, else its batches' together."""
    if batch_id is not None:
        batch = session.get(m.SurveyBatch, batch_id)
        return batch.handed_out if batch else None
    cycle = session.get(m.PledgeCycle, cycle_id)
    if cycle is not None and cycle.forms_handed_out:
        return cycle.forms_handed_out
    total = session.scalar(
        select(func.sum(m.SurveyBatch.handed_out)).where(m.SurveyBatch.cycle_id == cycle_id)
    )
    return int(total) if total else None


def count_cycle(
    session: Session, cycle_id: int, chosen: ResultsFilter, comments_limit: int | None = None
) -> CycleResults:
    answer, response = m.SurveyAnswer, m.SurveyResponse
    cycle = session.get(m.PledgeCycle, cycle_id)
    questionnaire = cycle_questionnaire(session, cycle_id)
    where = where_forms(cycle_id, chosen)
    forms = session.scalar(select(func.count(response.id)).where(*where)) or 0
    if len(where) == 1:  # the whole cycle: read the covering index alone, no join
        counting = select(answer.question_code, answer.state, answer.code, func.count()).where(
            answer.cycle_id == cycle_id
        )
    else:
        counting = (
            select(answer.question_code, answer.state, answer.code, func.count())
            .join(response, response.id == answer.response_id)
            .where(*where)
        )
    rows = session.execute(counting.group_by(answer.question_code, answer.state, answer.code))
    tallied = tally(rows, AnswerState.ANSWERED.value)
    states, ticks, answered = tallied.states, tallied.ticks, tallied.answered
    several = [q.code for q in questionnaire.questions() if q.type is AnswerType.MULTIPLE]
    if several:  # a form ticking three boxes has three rows: count forms, not rows
        answered.update(
            session.execute(
                select(answer.question_code, func.count(distinct(answer.response_id)))
                .join(response, response.id == answer.response_id)
                .where(
                    *where,
                    answer.question_code.in_(several),
                    answer.state == AnswerState.ANSWERED.value,
                )
                .group_by(answer.question_code)
            ).all()
        )
    comments = _comments(session, questionnaire, where, comments_limit)
    counted = tuple(
        QuestionCounts(
            number,
            q,
            answered.get(q.code, 0),
            states.get((q.code, AnswerState.LEFT_BLANK.value), 0),
            states.get((q.code, AnswerState.UNREADABLE.value), 0),
            states.get((q.code, AnswerState.SKIPPED.value), 0),
            tuple((option, ticks.get((q.code, option.code), 0)) for option in q.options),
            tuple(comments.get(q.code, ())),
        )
        for number, q in questionnaire.numbered()
    )
    return CycleResults(cycle.label if cycle else "", forms, counted)


def where_forms(cycle_id: int, chosen: ResultsFilter) -> list[Any]:
    response = m.SurveyResponse
    where: list[Any] = [response.cycle_id == cycle_id]
    if chosen.batch_id is not None:
        where.append(response.batch_id == chosen.batch_id)
    if chosen.entered_from is not None:
        where.append(response.entered_at >= datetime.combine(chosen.entered_from, time.min))
    if chosen.entered_to is not None:
        end = datetime.combine(chosen.entered_to + timedelta(days=1), time.min)
        where.append(response.entered_at < end)
    return where


def _comments(
    session: Session, questionnaire: Questionnaire, where: list[Any], limit: int | None
) -> dict[str, list[str]]:
    codes = [q.code for q in questionnaire.questions() if q.type in TEXT_TYPES]
    if not codes or limit == 0:
        return {}
    answer, response = m.SurveyAnswer, m.SurveyResponse
    found: dict[str, list[str]] = {code: [] for code in codes}
    for code in codes:
        query = (
            select(answer.text)
            .join(response, response.id == answer.response_id)
            .where(
                *where,
                answer.question_code == code,
                answer.state == AnswerState.ANSWERED.value,
                answer.text.is_not(None),
            )
            .order_by(response.serial)
        )
        if limit is not None:
            query = query.limit(limit)
        found[code] = [text for text in session.scalars(query) if text and text.strip()]
    return found
