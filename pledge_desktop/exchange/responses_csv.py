"""Survey responses typed into a spreadsheet, read as a CSV: one row per form.

The first column is `serial`; the others are question codes (any subset, in any order, each
once). In a cell: the option code; several codes separated by `;` for a multiple choice; a
number; a date as day/month/year or YYYY-MM-DD; words. An empty cell means the question was
left blank, `?` that it could not be read. Questions not asked (by a show rule) must be left
empty. Every row has as many cells as the heading row: a row cut short (a line broken off at
the end of a damaged file, say) is refused, not read as blanks.

Reading is all or nothing: every problem is listed with its row, column and reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Question,
    Questionnaire,
    check_answer,
    is_shown,
)
from pledge_desktop.domain.survey_entry import Answer, AnswerState, parse_typed
from pledge_desktop.exchange.text_files import MB, CsvLimits, csv_rows, read_csv_file

MOST_PROBLEMS_LISTED = 40
RESPONSES_LIMITS = CsvLimits("a spreadsheet of typed forms", 50 * MB, 100_000)
LARGEST_SERIAL = 999_999_999  # nine digits: far beyond any pile of paper forms
LARGEST_INTEGER = 2**63 - 1  # what SQLite can store as a whole number
_SERIAL = re.compile(r"0*\d{1,9}", re.ASCII)
_CODE = re.compile(r"-?\d{1,9}", re.ASCII)
_NUMBER = re.compile(r"[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d{1,3})?", re.ASCII)


@dataclass(frozen=True)
class TypedForm:
    serial: int
    answers: dict[str, Answer]


def read_responses_file(path: Path, questionnaire: Questionnaire) -> list[TypedForm]:
    """Read the forms in the CSV at `path` (never changing it): FileRefused when it is not a
    readable CSV, StorageError when it cannot be read, ValidationError listing every problem."""
    return read_responses(read_csv_file(path, RESPONSES_LIMITS), questionnaire)


def read_responses(text: str, questionnaire: Questionnaire) -> list[TypedForm]:
    rows = csv_rows(text, RESPONSES_LIMITS)
    if not rows or not rows[0] or rows[0][0].strip().lower() != "serial":
        raise ValidationError({"file": 'The first column must be headed "serial".'})
    header = [h.strip() for h in rows[0]]
    header[0] = "serial"
    problems = _header_problems(header, questionnaire)
    if problems:
        raise ValidationError({"file": _refusal(problems)})
    forms: list[TypedForm] = []
    seen: dict[int, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(_length_problem(line, len(row), len(header)))
            continue
        cells = dict(zip(header, [c.strip() for c in row], strict=True))
        serial_text = cells["serial"]
        if not _SERIAL.fullmatch(serial_text) or int(serial_text) < 1:
            too_long = serial_text.isascii() and serial_text.isdigit() and serial_text.strip("0")
            reason = f" (form numbers have at most {len(str(LARGEST_SERIAL))} digits)"
            problems.append(
                f'Row {line}, column serial: "{_shown(serial_text)}" is not a form number'
                f"{reason if too_long else ''}."
            )
            continue
        serial = int(serial_text)
        if serial in seen:
            problems.append(
                f"Row {line}, column serial: form {serial:05d} is also on row {seen[serial]}."
            )
            continue
        seen[serial] = line
        forms.append(TypedForm(serial, _answers(questionnaire, cells, line, problems)))
    if problems:
        raise ValidationError({"file": _refusal(problems)})
    return forms


def _header_problems(header: list[str], questionnaire: Questionnaire) -> list[str]:
    known = {q.code for q in questionnaire.questions()}
    problems = []
    first: dict[str, int] = {}
    for number, code in enumerate(header, start=1):
        if not code:
            problems.append(f"Column {number} has no heading.")
        elif code in first:
            problems.append(
                f'Column {number} ("{_shown(code)}") repeats column {first[code]}: each '
                "question may have one column only."
            )
        elif number > 1 and code not in known:
            problems.append(
                f'Column {number} ("{_shown(code)}") is not a question of "{questionnaire.name}".'
            )
        first.setdefault(code, number)
    return problems


def _length_problem(line: int, cells: int, expected: int) -> str:
    if cells < expected:
        return (
            f"Row {line} has {cells} cells but the heading row has {expected}: the row is cut "
            "short (a line broken off, perhaps). Check the row and save the file again."
        )
    return (
        f"Row {line} has {cells} cells but the heading row has {expected}: the cells after "
        f"column {expected} have no heading."
    )


def _answers(
    questionnaire: Questionnaire, cells: dict[str, str], line: int, problems: list[str]
) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for question in questionnaire.questions():
        raw = cells.get(question.code, "")
        values = {c: a.value for c, a in answers.items() if a.state is AnswerState.ANSWERED}
        if not is_shown(question, values):
            if raw:
                problems.append(
                    f"Row {line}, column {question.code}: this question was not asked on this "
                    "form (an earlier answer skips it); leave it empty."
                )
            answers[question.code] = Answer(AnswerState.SKIPPED)
            continue
        answer, problem = _cell(question, raw)
        if problem:
            problems.append(f"Row {line}, column {question.code}: {problem}")
        elif answer is not None:
            answers[question.code] = answer
    return answers


def _cell(question: Question, raw: str) -> tuple[Answer | None, str | None]:
    if raw == "":
        return Answer(AnswerState.LEFT_BLANK), None
    if raw == "?":
        return Answer(AnswerState.UNREADABLE), None
    codes = {o.code for o in question.options}
    if question.type is AnswerType.MULTIPLE:
        parts = [p.strip() for p in raw.replace(",", ";").split(";") if p.strip()]
        if not all(_CODE.fullmatch(p) and int(p) in codes for p in parts):
            return None, f'"{_shown(raw)}" is not a list of the box numbers ({_codes(question)}).'
        return Answer(AnswerState.ANSWERED, tuple(sorted({int(p) for p in parts}))), None
    if question.type.has_options:
        if not _CODE.fullmatch(raw) or int(raw) not in codes:
            return None, f'"{_shown(raw)}" is not one of the box numbers ({_codes(question)}).'
        return Answer(AnswerState.ANSWERED, int(raw)), None
    if question.type is AnswerType.NUMBER:
        problem = _number_problem(raw)
        if problem:
            return None, problem
    if question.type is AnswerType.DATE and len(raw) == 10 and raw[4] == "-":
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            return None, f'"{_shown(raw)}" is not a date.'
        problem = check_answer(question, value)
        return (None, problem) if problem else (Answer(AnswerState.ANSWERED, value), None)
    value, problem = parse_typed(question, raw)
    if problem:
        return None, problem
    return Answer(AnswerState.ANSWERED, value), None


def _number_problem(raw: str) -> str | None:
    """Why a cell is not a number we can keep: words (nan, infinity), or too large."""
    if not _NUMBER.fullmatch(raw):
        return f'"{_shown(raw)}" is not a number.'
    number = float(raw.replace(",", ""))
    if not math.isfinite(number) or abs(number) > LARGEST_INTEGER:
        return f'"{_shown(raw)}" is too large a number to keep.'
    return None


def _shown(raw: str) -> str:
    """A cell as quoted in a message: long cells cut short."""
    return raw if len(raw) <= 40 else raw[:37] + "…"


def _codes(question: Question) -> str:
    return ", ".join(str(o.code) for o in question.options)


def _refusal(problems: list[str]) -> str:
    shown = problems[:MOST_PROBLEMS_LISTED]
    more = len(problems) - len(shown)
    listed = "\n".join(f"- {p}" for p in shown)
    tail = f"\n… and {more} more." if more else ""
    return f"Nothing was imported, because of {len(problems)} problem(s):\n{listed}{tail}"
