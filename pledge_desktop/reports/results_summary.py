"""The results report's first page: the whole picture at a glance, from the records the report
already holds: response rate (when known), best and worst scoring questions, real changes since
the last cycle, and goals past their target date."""

from __future__ import annotations

from dataclasses import dataclass

from pledge_desktop.domain.goals import GoalCard
from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.results import CycleResults, QuestionCounts, compare, positive_codes

SCORED = (AnswerType.AGREEMENT, AnswerType.YES_NO_NA, AnswerType.SINGLE)
MIN_BASE = 10  # fewer answers than this: a score too shaky to rank


@dataclass(frozen=True)
class Score:
    number: int
    text: str
    per_cent: float  # of the answers that count (not "does not apply")
    base: int


def score(counts: QuestionCounts) -> Score | None:
    """The share giving the best answer(s), leaving out answers that do not apply."""
    question = counts.question
    if question.quasi_identifier or question.type not in SCORED:
        return None  # "How old are you?" has no better or worse answer
    codes = positive_codes(question)
    if not codes or not counts.options:
        return None
    base = counts.base_for(codes)
    if base < MIN_BASE:
        return None
    return Score(counts.number, counts.question.text, 100 * counts.count_of(codes) / base, base)


def best_and_worst(results: CycleResults, most: int = 3) -> tuple[list[Score], list[Score]]:
    scores = sorted(
        (s for s in (score(q) for q in results.questions) if s is not None),
        key=lambda s: (-s.per_cent, s.number),
    )
    best = scores[:most]
    worst = [s for s in reversed(scores[-most:]) if s not in best]
    return best, worst


def real_changes(results: CycleResults, previous: CycleResults | None) -> list[str]:
    if previous is None:
        return []
    found = []
    for counts in results.questions:
        then = previous.question(counts.question.code)
        change = compare(then, counts) if then is not None else None
        if change is not None and change.verdict.endswith("a real change"):
            found.append(f"{counts.number}. {counts.question.text}: {change.describe()}")
    return found


def overdue(goals: tuple[GoalCard, ...]) -> list[str]:
    return [
        f"{card.goal.title} (owner {card.owner or 'not set'}, target "
        f"{card.goal.target_date:%d %b %Y})"
        if card.goal.target_date
        else f"{card.goal.title} (owner {card.owner or 'not set'})"
        for card in goals
        if card.overdue
    ]
