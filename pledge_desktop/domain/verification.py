"""Checking typed forms: a form is typed in a second time without seeing the first typing,
the two are compared question by question, and where they differ the nurse looks at the paper
and says which was right. How often the first typing was wrong is the error rate.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire, is_shown
from pledge_desktop.domain.survey_entry import Answer, AnswerState

FIRST, SECOND = "first", "second"
NOTHING = "(nothing typed)"
STATE_WORDS = {
    AnswerState.LEFT_BLANK: "left blank",
    AnswerState.UNREADABLE: "unreadable / more than one box",
    AnswerState.SKIPPED: "skipped",
}


@dataclass(frozen=True)
class Difference:
    number: int  # the question's printed number
    question: Question
    first: Answer | None
    second: Answer | None

    @property
    def first_words(self) -> str:
        return describe(self.question, self.first)

    @property
    def second_words(self) -> str:
        return describe(self.question, self.second)


def differences(
    questionnaire: Questionnaire, first: dict[str, Answer], second: dict[str, Answer]
) -> list[Difference]:
    """The questions answered differently in the two typings, in the form's order."""
    return [
        Difference(number, q, first.get(q.code), second.get(q.code))
        for number, q in questionnaire.numbered()
        if first.get(q.code) != second.get(q.code)
    ]


def describe(question: Question, answer: Answer | None) -> str:
    """An answer in words, as the nurse would read it off the paper: "2 Agree"."""
    if answer is None:
        return NOTHING
    if answer.state is not AnswerState.ANSWERED:
        return STATE_WORDS[answer.state]
    labels = {o.code: o.label for o in question.options}
    value = answer.value
    if question.type is AnswerType.MULTIPLE:
        return "; ".join(f"{code} {labels.get(code, '?')}" for code in value)
    if question.type.has_options:
        return f"{value} {labels.get(value, '?')}"
    if question.type is AnswerType.DATE:
        return value.strftime("%d/%m/%Y")
    return str(value)


def settle(
    questionnaire: Questionnaire,
    first: dict[str, Answer],
    second: dict[str, Answer],
    paper_agrees_with_first: Iterable[str],
) -> dict[str, Answer]:
    """The answers the paper gives: the second typing, except where the nurse found the first
    right. Skip rules are applied again, so the result is a form that could have been typed:
    a question asked after all takes the other typing's answer, or is recorded as left blank."""
    keep_first = set(paper_agrees_with_first)
    settled: dict[str, Answer] = {}
    values: dict[str, object] = {}
    for q in questionnaire.questions():
        chosen, other = (first, second) if q.code in keep_first else (second, first)
        answer = chosen.get(q.code)
        if not is_shown(q, values):
            settled[q.code] = Answer(AnswerState.SKIPPED)
            continue
        if answer is None or answer.state is AnswerState.SKIPPED:
            answer = other.get(q.code)
            if answer is None or answer.state is AnswerState.SKIPPED:
                answer = Answer(AnswerState.LEFT_BLANK)
        settled[q.code] = answer
        if answer.state is AnswerState.ANSWERED:
            values[q.code] = answer.value
    return settled


def sample(serials: Sequence[int], percent: float, rng: random.Random) -> list[int]:
    """A random `percent` of the forms (rounded up, so a small pile still gets one), sorted."""
    if not serials or percent <= 0:
        return []
    size = min(len(serials), math.ceil(len(serials) * percent / 100))
    return sorted(rng.sample(list(serials), size))


@dataclass(frozen=True)
class ErrorRate:
    """How often the first typing disagreed with the paper, for a question or a batch."""

    label: str
    forms_checked: int
    answers_checked: int
    errors: int  # answers where the paper agreed with the second typing
    differences: int  # all answers typed differently, whichever typing was wrong

    @property
    def per_cent(self) -> float:
        return 100 * self.errors / self.answers_checked if self.answers_checked else 0.0
