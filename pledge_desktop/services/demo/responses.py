"""Fictional survey responses for the demo, drawn as a real breast service's forms look: nearly
all from women, most aged 50 to 79, mostly content with some not, a few boxes left blank or
ticked twice, and comments in patients' own words (all invented, see comments.py)."""

from __future__ import annotations

import random
from collections import deque

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import Answer, AnswerState, FormEntry
from pledge_desktop.services.demo.comments import (
    GOOD,
    IMPROVE,
    SECONDARY_GOOD,
    SECONDARY_IMPROVE,
)
from pledge_desktop.services.surveys.survey_entry import SurveyEntryService
from pledge_desktop.services.surveys.verification import VerificationService

Weights = dict[int, float]
# Who fills in a breast service's survey (weights per option code): about 1 in 100 is a man,
# most are 50 to 79, few under 40.
SEX: Weights = {1: 990, 2: 7, 3: 1, 4: 2}
AGE: Weights = {1: 3, 2: 12, 3: 24, 4: 31, 5: 22, 6: 8}
SECONDARY_AGE: Weights = {1: 2, 2: 10, 3: 22, 4: 30, 5: 26, 6: 10}
ETHNICITY: Weights = {1: 86, 2: 2, 3: 6, 4: 3, 5: 1, 6: 2}
TIME_SINCE: Weights = {1: 22, 2: 38, 3: 26, 4: 14}
FILLED_IN_BY: Weights = {1: 88, 2: 4, 3: 5, 4: 3}
# 0 to 10 overall, as national surveys find for breast services: mostly 8 to 10
OVERALL: Weights = {
    10: 38, 9: 26, 8: 18, 7: 8, 6: 4, 5: 2.5, 4: 1.2, 3: 0.8, 2: 0.6, 1: 0.5, 0: 0.4
}
FIXED: dict[str, Weights] = {
    "sex": SEX,
    "age_band": AGE,
    "ethnicity": ETHNICITY,
    "time_since_diagnosis": TIME_SINCE,
    "sec_time_since": TIME_SINCE,
    "filled_in_by": FILLED_IN_BY,
    "overall_care": OVERALL,
    "sec_overall_care": OVERALL,
}
# how likely each treatment box is ticked: most have an operation, many radiotherapy and
# hormone tablets, fewer chemotherapy
TREATMENTS = {1: 0.92, 2: 0.36, 3: 0.68, 4: 0.72, 5: 0.12, 6: 0.14}
GOOD_CARE = ("good_care", "sec_good_care", "comments")
BLANK, UNREADABLE = 0.03, 0.007
NOT_IN_BASE_SHARE = 0.08  # "Does not apply to me", "Don't know", together


class _Comments:
    """Comments drawn without putting one back, so a cycle's forms rarely repeat one."""

    def __init__(self, rng: random.Random, secondary: bool) -> None:
        self._rng = rng
        self._banks = {
            True: list(GOOD + SECONDARY_GOOD * 2 if secondary else GOOD),
            False: list(IMPROVE + SECONDARY_IMPROVE * 2 if secondary else IMPROVE),
        }
        self._left: dict[bool, deque[str]] = {True: deque(), False: deque()}

    def draw(self, good: bool) -> str:
        if not self._left[good]:
            bank = list(dict.fromkeys(self._banks[good]))
            self._rng.shuffle(bank)
            self._left[good].extend(bank)
        return self._left[good].popleft()


def _weighted(weights: dict[int, float], rng: random.Random) -> int:
    return rng.choices(list(weights), list(weights.values()))[0]


def _pick(question: Question, rng: random.Random, year_shift: float, secondary: bool) -> int:
    fixed = FIXED.get(question.code)
    if question.code == "age_band" and secondary:
        fixed = SECONDARY_AGE
    if fixed is not None and {o.code for o in question.options} >= set(fixed):
        return _weighted(fixed, rng)
    # earlier options are the better ones on our forms: most patients tick the first, fewer
    # the next; last year a little less content
    ratio = 0.3 + 0.15 * year_shift
    counted = [o.code for o in question.options if not o.not_in_base]
    apart = [o.code for o in question.options if o.not_in_base]
    weights = {code: ratio**i for i, code in enumerate(counted)}
    share = sum(weights.values()) * NOT_IN_BASE_SHARE / max(len(apart), 1)
    weights.update({code: share for code in apart})
    return _weighted(weights, rng)


def _ticks(question: Question, rng: random.Random) -> tuple[int, ...]:
    codes = [o.code for o in question.options]
    chance = TREATMENTS if question.code == "tx_received" else {}
    ticked = tuple(c for c in codes if rng.random() < chance.get(c, 0.4))
    return ticked or (codes[0],)


def demo_forms(
    entries: list[FormEntry], seed: int, year_shift: float = 0.0, secondary: bool = False
) -> list[FormEntry]:
    """Fill blank forms with believable answers, the same for the same seed."""
    rng = random.Random(seed)
    comments = _Comments(rng, secondary)
    for entry in entries:
        while not entry.finished:
            q = entry.current
            assert q is not None
            roll = rng.random()
            if roll < BLANK and q.type is not AnswerType.LONG_TEXT:
                entry.mark(AnswerState.LEFT_BLANK)
            elif roll < BLANK + UNREADABLE and q.type.has_options:
                entry.mark(AnswerState.UNREADABLE)
            elif q.type is AnswerType.MULTIPLE:
                for code in _ticks(q, rng):
                    entry.press_digit(code)
                entry.press_enter()
            elif q.type.has_options:
                entry.press_digit(_pick(q, rng, year_shift, secondary))
            elif q.type is AnswerType.LONG_TEXT and rng.random() < 0.5:
                entry.press_enter(comments.draw(good=q.code in GOOD_CARE))
            else:
                entry.mark(AnswerState.LEFT_BLANK)
    return entries


def add_demo_responses(
    service: SurveyEntryService,
    cycle_id: int,
    count: int,
    seed: int,
    year_shift: float = 0.0,
    first_serial: int = 1,
    secondary: bool = False,
) -> None:
    questionnaire = service.questionnaire(cycle_id)
    blank = [FormEntry(questionnaire, s) for s in range(first_serial, first_serial + count)]
    service.add_new_forms(cycle_id, demo_forms(blank, seed, year_shift, secondary))


def add_demo_checks(
    entry_service: SurveyEntryService, checks: VerificationService, cycle_id: int, seed: int
) -> None:
    """Pick a tenth of the forms to be typed in again and check most of them, as a nurse would:
    a few answers typed differently the second time, and the paper settling who was right."""
    rng = random.Random(seed)
    picked = checks.pick_sample(cycle_id, 10, seed=seed)
    for number, serial in enumerate(picked[:-2]):  # two are left for the nurse to do
        first = entry_service.open_form(cycle_id, serial).entry
        second = FormEntry(first.questionnaire, serial, dict(first.answers))
        if number % 2 == 0:
            agreement = [
                q
                for q in first.questions
                if q.type is AnswerType.AGREEMENT
                and first.answers.get(q.code, Answer(AnswerState.SKIPPED)).state
                is AnswerState.ANSWERED
            ]
            question = rng.choice(agreement)
            typed = first.answers[question.code].value
            second.answers[question.code] = Answer(AnswerState.ANSWERED, typed % 5 + 1)
            # the first typing was wrong on even checks but one, right on that one
            right_first = [question.code] if number == 2 else []
        else:
            right_first = []
        checks.finish_check(cycle_id, second, right_first)
