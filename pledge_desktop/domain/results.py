"""What the typed-in forms say, and the rules for showing it: counts and percentages with a
visible base, small numbers kept back when results leave the team, and whether a change since
the previous cycle is big enough to mean something."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from pledge_desktop.domain.questionnaire import AnswerType, Option, Question

DEFAULT_SMALL_NUMBER = 8  # counts below this are not shown outside the team
MIN_BASE_TO_COMPARE = 30  # fewer answers than this in either cycle: too few to say


@dataclass(frozen=True)
class QuestionCounts:
    number: int
    question: Question
    answered: int  # forms with an answer: the base of the percentages
    left_blank: int
    unreadable: int
    skipped: int
    options: tuple[tuple[Option, int], ...]  # forms ticking each box
    comments: tuple[str, ...] = ()  # written answers, for text questions

    @property
    def in_base(self) -> tuple[tuple[Option, int], ...]:
        """The answers that count towards a percentage."""
        return tuple((o, n) for o, n in self.options if not is_apart(o))

    @property
    def apart(self) -> tuple[tuple[Option, int], ...]:
        """Answers such as "Does not apply to me" or "Don't know": shown apart, as counts."""
        return tuple((o, n) for o, n in self.options if is_apart(o))

    @property
    def left_out(self) -> int:
        """Forms whose answer is left out of the base (does not apply, don't know)."""
        return sum(n for _, n in self.apart)

    @property
    def base(self) -> int:
        """The base of the percentages: answers that count, as the national survey scores."""
        return self.base_for(frozenset())

    def base_for(self, chosen: frozenset[int] | set[int]) -> int:
        """The base when `chosen` answers are counted even if they would be left out."""
        left_out = sum(n for o, n in self.apart if o.code not in chosen)
        return max(self.answered - left_out, 0)

    def per_cent(self, count: int) -> float:
        """A count as a share of the base (answers that do not apply are not in it)."""
        base = self.base
        return 100 * count / base if base else 0.0

    def count_of(self, codes: frozenset[int] | set[int]) -> int:
        """Forms ticking any of `codes` (exact for single-choice questions)."""
        return sum(count for option, count in self.options if option.code in codes)

    @property
    def mean(self) -> float | None:
        """The mean score of a 0 to 10 rating (None for any other question)."""
        if not is_rating(self.question):
            return None
        counted = [(o.code, n) for o, n in self.in_base]
        total = sum(n for _, n in counted)
        return sum(code * n for code, n in counted) / total if total else None


@dataclass(frozen=True)
class CycleResults:
    cycle_label: str
    forms: int
    questions: tuple[QuestionCounts, ...]

    def question(self, code: str) -> QuestionCounts | None:
        return next((q for q in self.questions if q.question.code == code), None)


NON_SPECIFIC = (
    "does not apply",
    "doesn't apply",
    "not applicable",
    "don't know",
    "do not know",
    "can't remember",
    "cannot remember",
    "not sure",
    "prefer not to say",
)
RATING_CODES = frozenset(range(11))  # the national survey's overall care: 0 to 10
RATING_POSITIVE = frozenset({9, 10})  # "9 or 10 out of 10", a very good rating


def is_non_specific(label: str) -> bool:
    """An answer that scores neither way ("Does not apply to me", "Don't know"): as in NCPES
    scoring, it is left out of the base of a percentage."""
    text = label.lower().replace("’", "'")
    return any(words in text for words in NON_SPECIFIC)


def is_apart(option: Option) -> bool:
    """Left out of the base: marked so on the questionnaire, or worded as not applying."""
    return option.not_in_base or is_non_specific(option.label)


def is_rating(question: Question) -> bool:
    """A 0 to 10 rating, such as "Overall, how would you rate your care?"."""
    codes = {o.code for o in question.options if not is_apart(o)}
    return question.type is AnswerType.SINGLE and codes == RATING_CODES


def positive_codes(question: Question) -> frozenset[int]:
    """The answers a headline counts: "agree" on an agreement scale (strongly or not), 9 or 10
    on a 0 to 10 rating, the first (best) answer otherwise, as our forms put it first."""
    if question.type is AnswerType.AGREEMENT:
        return frozenset({1, 2})
    if is_rating(question):
        return RATING_POSITIVE
    return frozenset({question.options[0].code}) if question.options else frozenset()


def positive_label(question: Question) -> str:
    if question.type is AnswerType.AGREEMENT:
        return "Agree or strongly agree"
    if is_rating(question):
        return "9 or 10 out of 10"
    return question.options[0].label if question.options else ""


@dataclass(frozen=True)
class SmallNumbers:
    """Counts from 1 to threshold-1 read "fewer than N"; no percentage on a base under N."""

    threshold: int = DEFAULT_SMALL_NUMBER

    def is_small(self, count: int) -> bool:
        return 0 < count < self.threshold

    def count_text(self, count: int) -> str:
        return f"fewer than {self.threshold}" if self.is_small(count) else f"{count:,}"

    def per_cent_text(self, count: int, base: int) -> str | None:
        """The percentage to print, or None when the base (or the count) is too small."""
        if base < self.threshold or self.is_small(count):
            return None
        return f"{round(100 * count / base)}%"


@dataclass(frozen=True)
class Change:
    label: str
    before: float  # per cent
    now: float
    before_base: int
    now_base: int

    @property
    def points(self) -> float:
        return self.now - self.before

    @property
    def verdict(self) -> str:
        if min(self.before_base, self.now_base) < MIN_BASE_TO_COMPARE:
            return "Too few answers to say"
        if _z(self.before, self.before_base, self.now, self.now_base) >= 1.96:
            return "Up, a real change" if self.points > 0 else "Down, a real change"
        return "No clear change"

    def describe(self) -> str:
        sign = "+" if self.points > 0 else ""
        return (
            f"{self.label}: {self.before:.0f}% (n={self.before_base}) then, "
            f"{self.now:.0f}% (n={self.now_base}) now, {sign}{self.points:.0f} points. "
            f"{self.verdict}."
        )


def _z(p1: float, n1: int, p2: float, n2: int) -> float:
    """Two-proportion z statistic (absolute), from percentages."""
    a, b = p1 / 100, p2 / 100
    pooled = (a * n1 + b * n2) / (n1 + n2)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return abs(b - a) / spread if spread else 0.0


def compare(before: QuestionCounts, now: QuestionCounts) -> Change | None:
    """The headline answer of a question then and now; None when it cannot be compared."""
    codes = positive_codes(now.question)
    if not codes or not before.answered or not now.answered:
        return None
    if not before.base or not now.base:
        return None
    return Change(
        positive_label(now.question),
        before.per_cent(before.count_of(codes)),
        now.per_cent(now.count_of(codes)),
        before.base,
        now.base,
    )


def option_changes(before: QuestionCounts, now: QuestionCounts) -> list[Change]:
    """Each answer of the question then and now, matched by its code."""
    then = {option.code: count for option, count in before.options}
    return [
        Change(
            option.label,
            before.per_cent(then.get(option.code, 0)),
            now.per_cent(count),
            before.base,
            now.base,
        )
        for option, count in now.in_base
    ]


@dataclass(frozen=True)
class WrittenAnswer:
    """A written answer on a form, with the interview themes it is coded into."""

    id: int
    serial: int  # the form's serial number
    text: str
    theme_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ThemeGroup:
    """Written answers coded into one theme (theme "" holds those not coded yet)."""

    theme: str
    answers: tuple[str, ...]


def group_by_theme(
    answers: list[WrittenAnswer], theme_names: dict[int, str]
) -> tuple[ThemeGroup, ...]:
    """Themes with the most answers first (an answer coded twice counts in both), then the
    answers not coded yet, last. Empty when nothing is coded."""
    grouped: dict[str, list[str]] = {}
    uncoded: list[str] = []
    for answer in answers:
        names = [theme_names[t] for t in answer.theme_ids if t in theme_names]
        for name in names:
            grouped.setdefault(name, []).append(answer.text)
        if not names:
            uncoded.append(answer.text)
    if not grouped:
        return ()
    ordered = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0].lower()))
    groups = [ThemeGroup(name, tuple(texts)) for name, texts in ordered]
    if uncoded:
        groups.append(ThemeGroup("", tuple(uncoded)))
    return tuple(groups)


@dataclass
class Tally:
    """A cycle's answers counted per question: forms per state other than answered, ticks per
    box, and answers per question (forms, once multiple choice is counted by form)."""

    states: dict[tuple[str, str], int]
    ticks: dict[tuple[str, int], int]
    answered: dict[str, int]


def tally(rows: Iterable[tuple[str, str, int | None, int]], answered_state: str) -> Tally:
    """Counts from rows of (question code, state, box code or None, how many)."""
    counted = Tally({}, {}, {})
    for code, state, option, count in rows:
        if state == answered_state:
            counted.answered[code] = counted.answered.get(code, 0) + count
            if option is not None:
                counted.ticks[(code, option)] = count
        else:
            counted.states[(code, state)] = count
    return counted
