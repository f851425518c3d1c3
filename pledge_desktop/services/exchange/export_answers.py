"""A cycle's survey answers as the rows of the package's responses table, read fast.

A cycle of 30,000 forms holds over a million answers: too many to bring into Python one by
one. SQLite joins each form's coded answers into one string (`group_concat`, one row per form),
and Python splits it into the row; only answers without a code (numbers, dates, written
answers) come one by one, and those are few. What each answer becomes:

- not answered (left blank, unreadable, skipped): "blank", "unreadable", "skipped" (every
  option column of a multiple-choice question);
- a code: the code; multiple choice: 1 in each ticked option's column, 0 in the others;
- a number: written as Python's `g` format; a date: its month (YYYY-MM);
- a written answer: "withheld", and the words kept aside for the nurse's review."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.exchange.package_format import option_column
from pledge_desktop.services.exchange.export_pledge import ref

MULTIPLE, NUMBER, DATE = AnswerType.MULTIPLE, AnswerType.NUMBER, AnswerType.DATE
STATES = {
    AnswerState.LEFT_BLANK.value: "blank",
    AnswerState.UNREADABLE.value: "unreadable",
    AnswerState.SKIPPED.value: "skipped",
}
SEP = "\x1f"  # never in a question code ([a-z][a-z0-9_]*), a code or a state


@dataclass
class Comment:
    """A written answer, held back unless the nurse reviews it."""

    response_id: str
    question_code: str
    text: str


def read_answers(
    session: Session, cycle_id: int, asked: dict[str, Question], key: bytes, label: str
) -> tuple[list[dict[str, str]], list[Comment]]:
    """One row per form (column name → cell), in serial order, and the written answers."""
    rows: dict[int, dict[str, str]] = {}
    forms = session.connection().exec_driver_sql(
        # the month as stored: SQLAlchemy keeps a date and time as "YYYY-MM-DD HH:MM:SS…"
        "SELECT id, serial, status, substr(entered_at, 1, 7) FROM survey_response "
        "WHERE cycle_id = ? ORDER BY serial",
        (cycle_id,),
    )
    for rid, serial, status, month in forms:
        rows[rid] = {
            "response_id": ref(key, "response", label, serial),
            "status": status,
            "entered_month": month,
        }
    if not asked:
        return list(rows.values()), []
    codes = list(asked)
    multiple = {code: q for code, q in asked.items() if q.type is MULTIPLE}
    _coded(session, cycle_id, codes, asked, list(multiple), rows)
    comments = _uncoded(session, cycle_id, [c for c in codes if c not in multiple], asked, rows)
    return list(rows.values()), comments


def _marks(count: int) -> str:
    return ",".join("?" * count)


def _coded(
    session: Session,
    cycle_id: int,
    codes: list[str],
    asked: dict[str, Question],
    multiple: list[str],
    rows: dict[int, dict[str, str]],
) -> None:
    """Answers with a code, and answers not given, joined per form by SQLite into one string:
    column, cell, column, cell … A tick of a multiple-choice question is its option's column
    with 1, and a mark that the question was answered (the column `code__`), so that the
    options not ticked are 0."""
    missing = " ".join("WHEN ? THEN ?" for _ in STATES)
    columns = {
        code: [option_column(code, o.code) for o in asked[code].options] for code in multiple
    }
    known = [column for names in columns.values() for column in names]
    tick = "question_code || '__' || code"  # option_column(question_code, code)
    sql = (
        "SELECT response_id, group_concat("
        f"CASE WHEN state <> ? THEN question_code || ? || CASE state {missing} ELSE '' END "
        f"WHEN question_code IN ({_marks(len(multiple))}) THEN "
        f"CASE WHEN {tick} IN ({_marks(len(known))}) THEN {tick} || ? || '1' || ? ELSE '' END "
        "|| question_code || '__' || ? || '1' "
        "ELSE question_code || ? || code END, ?) "
        "FROM survey_answer "
        f"WHERE +cycle_id = ? AND question_code IN ({_marks(len(codes))}) "
        "AND NOT (state = ? AND code IS NULL) "
        "GROUP BY response_id"
    )
    answered = AnswerState.ANSWERED.value
    states = [value for pair in STATES.items() for value in pair]
    params = [
        answered, SEP, *states, *multiple, *known, SEP, SEP, SEP, SEP, SEP,
        cycle_id, *codes, answered,
    ]  # fmt: skip
    spread = [(code, option_column(code, ""), names) for code, names in columns.items()]
    for rid, cells in session.connection().exec_driver_sql(sql, tuple(params)):
        row = rows.get(rid)
        if row is None or not cells:
            continue
        parts = cells.split(SEP)
        row.update(zip(parts[::2], parts[1::2], strict=True))
        for code, answered_mark, names in spread:
            if answered_mark in row:  # ticks win over a state given for the same question
                del row[answered_mark]
                row.pop(code, None)
                for column in names:
                    row.setdefault(column, "0")
            elif code in row:  # not answered: said in every option's column
                state = row.pop(code)
                for column in names:
                    row[column] = state


def _uncoded(
    session: Session,
    cycle_id: int,
    codes: list[str],
    asked: dict[str, Question],
    rows: dict[int, dict[str, str]],
) -> list[Comment]:
    """Answers without a code (numbers, dates, written answers), in the order they were
    saved; a written answer is "withheld" until the nurse reviews its words."""
    comments: list[Comment] = []
    if not codes:
        return comments
    found = session.connection().exec_driver_sql(
        "SELECT response_id, question_code, number, text FROM survey_answer "
        f"WHERE cycle_id = ? AND question_code IN ({_marks(len(codes))}) "
        "AND state = ? AND code IS NULL ORDER BY id",
        (cycle_id, *codes, AnswerState.ANSWERED.value),
    )
    for rid, code, number, words in found:
        row = rows.get(rid)
        if row is None:
            continue
        kind = asked[code].type
        if kind is NUMBER:
            row[code] = f"{number:g}" if number is not None else ""
        elif kind is DATE:
            row[code] = (words or "")[:7]
        else:
            row[code] = "withheld"  # until the nurse reviews it
            if words and words.strip():
                comments.append(Comment(row["response_id"], code, words))
    return comments
