"""What the typed-in forms say, question by question: counts of each answer, with blanks,
unreadable and skipped answers kept apart from the base the percentages are taken of."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.questionnaire import Option, Question
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.services.survey_store import cycle_questionnaire


@dataclass(frozen=True)
class QuestionCounts:
    number: int
    question: Question
    answered: int  # forms with an answer: the base of the percentages
    left_blank: int
    unreadable: int
    skipped: int
    options: tuple[tuple[Option, int], ...]  # forms ticking each box

    def per_cent(self, count: int) -> float:
        return 100 * count / self.answered if self.answered else 0.0


class ResultsService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def question_counts(self, cycle_id: int, question_code: str) -> QuestionCounts:
        answer, response = m.SurveyAnswer, m.SurveyResponse
        with self._db.reading() as session:
            questionnaire = cycle_questionnaire(session, cycle_id)
            number, question = next(
                (n, q) for n, q in questionnaire.numbered() if q.code == question_code
            )
            base = (
                select(answer.state, answer.code, func.count(distinct(answer.response_id)))
                .join(response, response.id == answer.response_id)
                .where(response.cycle_id == cycle_id, answer.question_code == question_code)
                .group_by(answer.state, answer.code)
            )
            states: dict[str, int] = {}
            ticks: dict[int, int] = {}
            for state, code, count in session.execute(base):
                states[state] = states.get(state, 0) + count
                if state == AnswerState.ANSWERED.value and code is not None:
                    ticks[code] = ticks.get(code, 0) + count
            answered = session.scalar(
                select(func.count(distinct(answer.response_id)))
                .join(response, response.id == answer.response_id)
                .where(
                    response.cycle_id == cycle_id,
                    answer.question_code == question_code,
                    answer.state == AnswerState.ANSWERED.value,
                )
            )
        return QuestionCounts(
            number,
            question,
            answered or 0,
            states.get(AnswerState.LEFT_BLANK.value, 0),
            states.get(AnswerState.UNREADABLE.value, 0),
            states.get(AnswerState.SKIPPED.value, 0),
            tuple((option, ticks.get(option.code, 0)) for option in question.options),
        )
