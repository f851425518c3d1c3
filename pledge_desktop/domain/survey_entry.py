"""Typing in a paper form: the rules of the keyboard, apart from any screen.

FormEntry walks the questions in order. A digit answers a single-choice question and moves on;
digits tick and untick the boxes of a multiple-choice question and Enter moves on; numbers,
dates and text are typed and committed with Enter. Any question can be recorded as left blank
or as unreadable (more than one box ticked, or illegible). Questions whose show rule does not
hold are recorded as skipped and passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Question,
    Questionnaire,
    check_answer,
    is_shown,
)


class AnswerState(StrEnum):
    ANSWERED = "answered"
    LEFT_BLANK = "left_blank"
    UNREADABLE = "unreadable"  # more than one box ticked, or cannot be read
    SKIPPED = "skipped"  # not asked, by a show rule


@dataclass(frozen=True)
class Answer:
    state: AnswerState
    value: Any = None  # int code; tuple of codes; float; date; str


@dataclass
class FormEntry:
    questionnaire: Questionnaire
    serial: int
    answers: dict[str, Answer] = field(default_factory=dict)
    position: int = 0
    ticks: set[int] = field(default_factory=set)  # boxes ticked so far on a multiple choice
    # what is typed in the answer line for the current question before Enter: kept in the
    # draft so that a crash in the middle of a written answer loses none of it
    typing: str = ""

    def __post_init__(self) -> None:
        self.questions = self.questionnaire.questions()
        self.position = self._shown_from(self.position, step=1)
        self._load_ticks()

    # --- where we are ---------------------------------------------------------------------
    @property
    def current(self) -> Question | None:
        return self.questions[self.position] if self.position < len(self.questions) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    def number(self, question: Question) -> int:
        return self.questions.index(question) + 1

    def values(self) -> dict[str, Any]:
        return {c: a.value for c, a in self.answers.items() if a.state is AnswerState.ANSWERED}

    # --- keys -----------------------------------------------------------------------------
    def press_digit(self, digit: int) -> str | None:
        """A digit on a choice question. Returns a problem to show, or None."""
        q = self.current
        if q is None or not q.type.has_options:
            return None
        if digit not in {o.code for o in q.options}:
            codes = ", ".join(str(o.code) for o in q.options)
            return f"{digit} is not a box on this question. The boxes are {codes}."
        if q.type is AnswerType.MULTIPLE:
            self.ticks ^= {digit}
            return None
        self._record(q, Answer(AnswerState.ANSWERED, digit))
        self._advance()
        return None

    def press_enter(self, typed: str = "") -> str | None:
        """Enter: commit typed text, the ticks of a multiple choice, or pass an empty optional
        question as left blank."""
        q = self.current
        if q is None:
            return None
        if q.type is AnswerType.MULTIPLE:
            if not self.ticks:
                return "Tick at least one box, or press F2 if the question was left blank."
            self._record(q, Answer(AnswerState.ANSWERED, tuple(sorted(self.ticks))))
        elif q.type.has_options:
            return "Type the number beside the ticked box."
        elif not typed.strip():
            return "Type the answer, or press F2 if the question was left blank."
        else:
            value, problem = parse_typed(q, typed)
            if problem:
                return problem
            self._record(q, Answer(AnswerState.ANSWERED, value))
        self._advance()
        return None

    def mark(self, state: AnswerState) -> None:
        """F2 left blank, F3 unreadable: for the current question, then move on."""
        q = self.current
        if q is not None:
            self._record(q, Answer(state))
            self._advance()

    def back(self) -> None:
        """Up / Shift+Tab: to the previous question that was asked; its answer is kept."""
        previous = self._shown_from(self.position - 1, step=-1)
        if previous >= 0:
            self.position = previous
            self.typing = ""
            self._load_ticks()

    def go_to(self, question_code: str) -> None:
        self.position = next(i for i, q in enumerate(self.questions) if q.code == question_code)
        self.typing = ""
        self._load_ticks()

    # --- inside ---------------------------------------------------------------------------
    def _record(self, question: Question, answer: Answer) -> None:
        self.answers[question.code] = answer

    def _advance(self) -> None:
        nxt = self._shown_from(self.position + 1, step=1)
        self.position = nxt
        self.typing = ""
        self._load_ticks()

    def _shown_from(self, index: int, step: int) -> int:
        """The next question (forward or back) that is asked; skipped ones are recorded."""
        values = self.values()
        while 0 <= index < len(self.questions):
            q = self.questions[index]
            if is_shown(q, values):
                if self.answers.get(q.code, Answer(AnswerState.ANSWERED)).state is (
                    AnswerState.SKIPPED
                ):
                    del self.answers[q.code]  # asked after all, since an earlier answer changed
                return index
            self.answers[q.code] = Answer(AnswerState.SKIPPED)
            index += step
        return index if step > 0 else -1

    def _load_ticks(self) -> None:
        q = self.current
        answer = self.answers.get(q.code) if q else None
        self.ticks = set(answer.value) if answer and isinstance(answer.value, tuple) else set()


_DATE = re.compile(r"^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})\s*$")


def parse_typed(question: Question, typed: str) -> tuple[Any, str | None]:
    """The value typed for a number, date or text question, or the reason it is not one."""
    text = typed.strip()
    if question.type is AnswerType.NUMBER:
        try:
            value: Any = float(text.replace(",", ""))
        except ValueError:
            return None, "Type a number, like 12."
        if value.is_integer():
            value = int(value)
    elif question.type is AnswerType.DATE:
        match = _DATE.match(text)
        if not match:
            return None, "Type the date as day/month/year, like 14/03/2026."
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
        try:
            value = date(year, month, day)
        except ValueError:
            return None, "That date does not exist. Type it as day/month/year."
    else:
        value = text
    return value, check_answer(question, value)


# --- drafts: what is being typed, kept so that a crash loses nothing -------------------------


def draft_to_json(entry: FormEntry) -> str:
    import json

    return json.dumps(
        {
            "serial": entry.serial,
            "position": entry.position,
            "ticks": sorted(entry.ticks),
            "typing": entry.typing,
            "answers": {
                code: [a.state.value, _plain(a.value)] for code, a in entry.answers.items()
            },
        }
    )


def draft_from_json(questionnaire: Questionnaire, text: str) -> FormEntry:
    import json

    data = json.loads(text)
    answers = {}
    for code, (state, value) in data["answers"].items():
        try:
            question = questionnaire.question(code)
        except KeyError:
            continue  # the questionnaire changed since: that answer cannot be placed
        answers[code] = Answer(AnswerState(state), _typed(question, value))
    entry = FormEntry(questionnaire, data["serial"], answers, position=data["position"])
    entry.ticks = set(data.get("ticks", ()))
    typing = data.get("typing", "")
    current = entry.current
    if isinstance(typing, str) and current is not None and not current.type.has_options:
        entry.typing = typing
    return entry


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _typed(question: Question, value: Any) -> Any:
    if value is None:
        return None
    if question.type is AnswerType.DATE:
        return date.fromisoformat(value)
    if question.type is AnswerType.MULTIPLE:
        return tuple(value)
    return value
