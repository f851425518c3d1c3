"""Fictional survey responses for the demo, with the spread real forms have: mostly content,
some not, a few boxes left blank or ticked twice, and comments in patients' own words (all
invented)."""

from __future__ import annotations

import random

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import Answer, AnswerState, FormEntry
from pledge_desktop.services.surveys.survey_entry import SurveyEntryService
from pledge_desktop.services.surveys.verification import VerificationService

COMMENTS = (
    "Shorter waits in clinic on the day of results.",
    "A quiet room to talk after being told.",
    "Being able to phone the breast care nurse and get a call back the same day.",
    "More information for my husband about what to expect.",
    "Parking near the unit.",
    "Information written for men with breast cancer.",
    "Someone to talk to who had been through it.",
    "Letters sent to me as well as to my GP.",
)


def _ticks(question: Question, rng: random.Random) -> tuple[int, ...]:
    codes = [o.code for o in question.options]
    return tuple(sorted(c for c in codes if rng.random() < 0.45)) or (codes[0],)


def _pick(question: Question, rng: random.Random, year_shift: float) -> int:
    codes = [o.code for o in question.options]
    # earlier options are the better ones on our forms: weight towards them, less so last year
    weights = [max(0.2, 3.0 - i * (1.0 + year_shift)) for i in range(len(codes))]
    return rng.choices(codes, weights)[0]


def add_demo_responses(
    service: SurveyEntryService,
    cycle_id: int,
    count: int,
    seed: int,
    year_shift: float = 0.0,
    first_serial: int = 1,
) -> None:
    rng = random.Random(seed)
    questionnaire = service.questionnaire(cycle_id)
    forms = []
    for serial in range(first_serial, first_serial + count):
        entry = FormEntry(questionnaire, serial)
        while not entry.finished:
            q = entry.current
            assert q is not None
            roll = rng.random()
            if roll < 0.04:
                entry.mark(AnswerState.LEFT_BLANK)
            elif roll < 0.05 and q.type.has_options:
                entry.mark(AnswerState.UNREADABLE)
            elif q.type is AnswerType.MULTIPLE:
                for code in _ticks(q, rng):
                    entry.press_digit(code)
                entry.press_enter()
            elif q.type.has_options:
                entry.press_digit(_pick(q, rng, year_shift))
            elif q.type is AnswerType.LONG_TEXT and rng.random() < 0.5:
                entry.press_enter(rng.choice(COMMENTS))
            else:
                entry.mark(AnswerState.LEFT_BLANK)
        forms.append(entry)
    service.add_new_forms(cycle_id, forms)


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
