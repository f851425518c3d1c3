"""Written answers on the survey forms, coded into the themes of the interview codebook, so
that the results report can group what patients wrote by theme, with counts."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound
from pledge_desktop.domain.results import ThemeGroup, WrittenAnswer, group_by_theme
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.services.records import ChangeFeed
from pledge_desktop.services.results.results import TEXT_TYPES, ResultsFilter, where_forms
from pledge_desktop.services.surveys.survey_store import cycle_questionnaire

ANSWER_THEMES = "answer_themes"


class WrittenAnswersService:
    def __init__(self, db: Database, changes: ChangeFeed | None = None) -> None:
        self._db = db
        self._changes = changes

    def answers(
        self, cycle_id: int, question_code: str, chosen: ResultsFilter | None = None
    ) -> list[WrittenAnswer]:
        """Every written answer to a question, in the order of the forms' serial numbers."""
        with self._db.reading() as session:
            return written_answers(session, cycle_id, question_code, chosen or ResultsFilter())

    def toggle_theme(self, answer_id: int, theme_id: int) -> bool:
        """Code the answer into the theme, or take it out if it is coded there already.
        Returns True when the answer is now coded into the theme."""
        with self._db.transaction() as session:
            answer = session.get(m.SurveyAnswer, answer_id)
            if answer is None or answer.text is None:
                raise NotFound("That written answer is no longer there: the form was changed.")
            if session.get(m.Theme, theme_id) is None:
                raise NotFound("That theme is no longer in the codebook.")
            found = session.scalars(
                select(m.AnswerTheme).where(
                    m.AnswerTheme.answer_id == answer_id, m.AnswerTheme.theme_id == theme_id
                )
            ).first()
            if found is not None:
                session.execute(delete(m.AnswerTheme).where(m.AnswerTheme.id == found.id))
            else:
                session.add(m.AnswerTheme(answer_id=answer_id, theme_id=theme_id))
        if self._changes:
            self._changes.announce(ANSWER_THEMES)
        return found is None

    def by_theme(
        self, cycle_id: int, chosen: ResultsFilter | None = None
    ) -> dict[str, tuple[ThemeGroup, ...]]:
        """For each written question with coded answers: its answers grouped by theme, the
        answers not coded yet last."""
        chosen = chosen or ResultsFilter()
        with self._db.reading() as session:
            names = {t.id: t.name for t in session.scalars(select(m.Theme))}
            questionnaire = cycle_questionnaire(session, cycle_id)
            grouped: dict[str, tuple[ThemeGroup, ...]] = {}
            for question in questionnaire.questions():
                if question.type in TEXT_TYPES:
                    answers = written_answers(session, cycle_id, question.code, chosen)
                    groups = group_by_theme(answers, names)
                    if groups:
                        grouped[question.code] = groups
            return grouped


def written_answers(
    session: Session, cycle_id: int, question_code: str, chosen: ResultsFilter
) -> list[WrittenAnswer]:
    answer, response = m.SurveyAnswer, m.SurveyResponse
    rows = session.execute(
        select(answer.id, response.serial, answer.text)
        .join(response, response.id == answer.response_id)
        .where(
            *where_forms(cycle_id, chosen),
            answer.question_code == question_code,
            answer.state == AnswerState.ANSWERED.value,
            answer.text.is_not(None),
        )
        .order_by(response.serial)
    ).all()
    ids = [row[0] for row in rows]
    themes: dict[int, set[int]] = {}
    for start in range(0, len(ids), 900):  # SQLite's limit on bound values
        for answer_id, theme_id in session.execute(
            select(m.AnswerTheme.answer_id, m.AnswerTheme.theme_id).where(
                m.AnswerTheme.answer_id.in_(ids[start : start + 900])
            )
        ):
            themes.setdefault(answer_id, set()).add(theme_id)
    return [
        WrittenAnswer(answer_id, serial, text, frozenset(themes.get(answer_id, ())))
        for answer_id, serial, text in rows
        if text and text.strip()
    ]
