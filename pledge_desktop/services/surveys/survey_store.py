"""Reading and writing typed-in forms, shared by typing in and checking: a response's
answers as rows and back, and the drafts that keep what is being typed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.errors import NotFound
from pledge_desktop.domain.questionnaire import AnswerType, Questionnaire, from_json
from pledge_desktop.domain.survey_entry import (
    Answer,
    AnswerState,
    FormEntry,
    draft_from_json,
    draft_to_json,
)
from pledge_desktop.services.records import get_or_explain

Draft = type[m.EntryDraft] | type[m.CheckDraft]


def cycle_questionnaire(session: Session, cycle_id: int) -> Questionnaire:
    cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
    row = session.get(m.Questionnaire, cycle.questionnaire_id or -1)
    if row is None:
        raise NotFound(f"Cycle {cycle.label} has no questionnaire yet. Choose one for it first.")
    return from_json(row.definition)


def find_response(session: Session, cycle_id: int, serial: int) -> m.SurveyResponse | None:
    return session.scalars(
        select(m.SurveyResponse).where(
            m.SurveyResponse.cycle_id == cycle_id, m.SurveyResponse.serial == serial
        )
    ).first()


def answer_rows(response_id: int, entry: FormEntry, cycle_id: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for question in entry.questions:
        answer = entry.answers.get(question.code)
        if answer is None:
            continue
        base = {
            "response_id": response_id,
            "cycle_id": cycle_id,
            "question_code": question.code,
            "state": answer.state.value,
            "code": None,
            "number": None,
            "text": None,
        }
        value = answer.value
        if answer.state is not AnswerState.ANSWERED:
            rows.append(base)
        elif question.type is AnswerType.MULTIPLE:
            rows += [{**base, "code": code} for code in value]
        elif question.type.has_options:
            rows.append({**base, "code": value})
        elif question.type is AnswerType.NUMBER:
            rows.append({**base, "number": value})
        elif question.type is AnswerType.DATE:
            rows.append({**base, "text": value.isoformat()})
        else:
            rows.append({**base, "text": value})
    return rows


def read_answers(
    session: Session, response_id: int, questionnaire: Questionnaire
) -> dict[str, Answer]:
    """A saved response's answers, read back by each question's type."""
    grouped: dict[str, list[m.SurveyAnswer]] = {}
    for row in session.scalars(
        select(m.SurveyAnswer).where(m.SurveyAnswer.response_id == response_id)
    ):
        grouped.setdefault(row.question_code, []).append(row)
    answers: dict[str, Answer] = {}
    for code, rows in grouped.items():
        try:
            kind = questionnaire.question(code).type
        except KeyError:
            continue
        state = AnswerState(rows[0].state)
        first = rows[0]
        if state is not AnswerState.ANSWERED:
            answers[code] = Answer(state)
        elif kind is AnswerType.MULTIPLE:
            answers[code] = Answer(state, tuple(sorted(r.code for r in rows if r.code is not None)))
        elif kind.has_options:
            answers[code] = Answer(state, first.code)
        elif kind is AnswerType.NUMBER and first.number is not None:
            whole = first.number.is_integer()
            answers[code] = Answer(state, int(first.number) if whole else first.number)
        elif kind is AnswerType.DATE:
            answers[code] = Answer(state, date.fromisoformat(first.text or ""))
        else:
            answers[code] = Answer(state, first.text or "")
    return answers


def find_draft(session: Session, model: Draft, cycle_id: int, serial: int) -> Any:
    return session.scalars(
        select(model).where(model.cycle_id == cycle_id, model.serial == serial)
    ).first()


def read_draft(
    session: Session, model: Draft, cycle_id: int, serial: int, questionnaire: Questionnaire
) -> FormEntry | None:
    draft = find_draft(session, model, cycle_id, serial)
    return draft_from_json(questionnaire, draft.payload) if draft is not None else None


def store_draft(
    session: Session, model: Draft, cycle_id: int, entry: FormEntry, now: datetime
) -> None:
    draft = find_draft(session, model, cycle_id, entry.serial)
    if draft is None:
        draft = model(cycle_id=cycle_id, serial=entry.serial)
        session.add(draft)
    draft.payload = draft_to_json(entry)
    draft.updated_at = now


def drop_draft(session: Session, model: Draft, cycle_id: int, serial: int) -> None:
    session.execute(delete(model).where(model.cycle_id == cycle_id, model.serial == serial))


def draft_serials(session: Session, model: Draft, cycle_id: int) -> list[int]:
    return list(
        session.scalars(
            select(model.serial).where(model.cycle_id == cycle_id).order_by(model.updated_at)
        )
    )


def replace_answers(session: Session, response: m.SurveyResponse, entry: FormEntry) -> None:
    response_id = response.id
    session.execute(delete(m.SurveyAnswer).where(m.SurveyAnswer.response_id == response_id))
    rows = answer_rows(response_id, entry, response.cycle_id)
    if rows:
        session.execute(insert(m.SurveyAnswer), rows)
