"""Survey responses typed into a spreadsheet, read as a CSV: one row per form.

The first column is `serial`; the others are question codes (any subset, in any order). In a
cell: the option code; several codes separated by `;` for a multiple choice; a number; a date
as day/month/year or YYYY-MM-DD; words. An empty cell means the question was left blank, `?`
that it could not be read. Questions not asked (by a show rule) must be left empty.

Reading is all or nothing: every problem is listed with its row, column and reason.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire, is_shown
from pledge_desktop.domain.survey_entry import Answer, AnswerState, parse_typed

MOST_PROBLEMS_LISTED = 40


@dataclass(frozen=True)
class TypedForm:
    serial: int
    answers: dict[str, Answer]


def read_responses(text: str, questionnaire: Questionnaire) -> list[TypedForm]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or not rows[0] or rows[0][0].strip().lower() != "serial":
        raise ValidationError({"file": 'The first column must be headed "serial".'})
    header = [h.strip() for h in rows[0]]
    known = {q.code: q for q in questionnaire.questions()}
    problems = [
        f'Column {i + 1} ("{code}") is not a question of "{questionnaire.name}".'
        for i, code in enumerate(header[1:], start=1)
        if code not in known
    ]
    if problems:
        raise ValidationError({"file": _refusal(problems)})
    forms: list[TypedForm] = []
    seen: dict[int, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, [c.strip() for c in row], strict=False))
        serial_text = cells.get("serial", "").lstrip("0") or "0"
        if not serial_text.isdigit() or int(serial_text) < 1:
            problems.append(
                f'Row {line}, column serial: "{cells.get("serial", "")}" is not a form number.'
            )
            continue
        serial = int(serial_text)
        if serial in seen:
            problems.append(
                f"Row {line}, column serial: form {serial:05d} is also on row {seen[serial]}."
            )
            continue
        seen[serial] = line
        answers: dict[str, Answer] = {}
        for question in questionnaire.questions():
            raw = cells.get(question.code, "")
            values = {c: a.value for c, a in answers.items() if a.state is AnswerState.ANSWERED}
            if not is_shown(question, values):
                if raw:
                    problems.append(
                        f"Row {line}, column {question.code}: this question was not "
                        "asked on this form (an earlier answer skips it); leave it "
                        "empty."
                    )
                answers[question.code] = Answer(AnswerState.SKIPPED)
                continue
            answer, problem = _cell(question, raw)
            if problem:
                problems.append(f"Row {line}, column {question.code}: {problem}")
            elif answer is not None:
                answers[question.code] = answer
        forms.append(TypedForm(serial, answers))
    if problems:
        raise ValidationError({"file": _refusal(problems)})
    return forms


def _cell(question: Question, raw: str) -> tuple[Answer | None, str | None]:
    if raw == "":
        return Answer(AnswerState.LEFT_BLANK), None
    if raw == "?":
        return Answer(AnswerState.UNREADABLE), None
    codes = {o.code for o in question.options}
    if question.type is AnswerType.MULTIPLE:
        parts = [p.strip() for p in raw.replace(",", ";").split(";") if p.strip()]
        if not all(p.lstrip("-").isdigit() and int(p) in codes for p in parts):
            return None, f'"{raw}" is not a list of the box numbers ({_codes(question)}).'
        return Answer(AnswerState.ANSWERED, tuple(sorted({int(p) for p in parts}))), None
    if question.type.has_options:
        if not raw.lstrip("-").isdigit() or int(raw) not in codes:
            return None, f'"{raw}" is not one of the box numbers ({_codes(question)}).'
        return Answer(AnswerState.ANSWERED, int(raw)), None
    if question.type is AnswerType.DATE and len(raw) == 10 and raw[4] == "-":
        try:
            return Answer(AnswerState.ANSWERED, date.fromisoformat(raw)), None
        except ValueError:
            return None, f'"{raw}" is not a date.'
    value, problem = parse_typed(question, raw)
    if problem:
        return None, problem
    return Answer(AnswerState.ANSWERED, value), None


def _codes(question: Question) -> str:
    return ", ".join(str(o.code) for o in question.options)


def _refusal(problems: list[str]) -> str:
    shown = problems[:MOST_PROBLEMS_LISTED]
    more = len(problems) - len(shown)
    listed = "\n".join(f"- {p}" for p in shown)
    tail = f"\n… and {more} more." if more else ""
    return f"Nothing was imported, because of {len(problems)} problem(s):\n{listed}{tail}"
