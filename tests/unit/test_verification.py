"""The rules of checking a form by typing it in again."""

import random
from datetime import date

from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowRule,
    standard_options,
)
from pledge_desktop.domain.survey_entry import Answer, AnswerState
from pledge_desktop.domain.verification import describe, differences, sample, settle

YES, NO = 1, 2
FORM = Questionnaire(
    "Check test",
    (
        Section(
            "All",
            (
                Question(
                    "seen",
                    "Did you see a nurse?",
                    AnswerType.YES_NO_NA,
                    options=standard_options(AnswerType.YES_NO_NA),
                ),
                Question(
                    "nurse_kind",
                    "Was the nurse kind?",
                    AnswerType.AGREEMENT,
                    options=standard_options(AnswerType.AGREEMENT),
                    show_if=ShowRule((Condition("seen", "=", "1"),)),
                ),
                Question(
                    "help",
                    "What helped?",
                    AnswerType.MULTIPLE,
                    options=(Option(1, "Leaflets"), Option(2, "Calls"), Option(3, "Groups")),
                ),
                Question("when", "When were you told?", AnswerType.DATE),
            ),
        ),
    ),
)


def a(value=None, state=AnswerState.ANSWERED) -> Answer:  # type: ignore[no-untyped-def]
    return Answer(state, value)


def test_identical_typings_have_no_differences() -> None:
    typed = {"seen": a(YES), "nurse_kind": a(2), "help": a((1, 3)), "when": a(date(2026, 3, 4))}
    assert differences(FORM, typed, dict(typed)) == []


def test_differences_come_in_the_forms_order_and_in_words() -> None:
    first = {"seen": a(YES), "nurse_kind": a(2), "help": a((1, 3))}
    second = {"seen": a(YES), "nurse_kind": a(4), "help": a((1,)), "when": a(date(2026, 3, 4))}
    found = differences(FORM, first, second)
    assert [(d.number, d.question.code) for d in found] == [
        (2, "nurse_kind"),
        (3, "help"),
        (4, "when"),
    ]
    assert (found[0].first_words, found[0].second_words) == ("2 Agree", "4 Disagree")
    assert found[1].first_words == "1 Leaflets; 3 Groups"
    assert (found[2].first_words, found[2].second_words) == ("(nothing typed)", "04/03/2026")


def test_blank_and_unreadable_are_described_as_the_nurse_recorded_them() -> None:
    question = FORM.question("seen")
    assert describe(question, a(state=AnswerState.LEFT_BLANK)) == "left blank"
    assert describe(question, a(state=AnswerState.UNREADABLE)).startswith("unreadable")


def test_settling_takes_the_second_typing_unless_the_paper_agrees_with_the_first() -> None:
    first = {"seen": a(YES), "nurse_kind": a(2), "help": a((1,))}
    second = {"seen": a(YES), "nurse_kind": a(4), "help": a((2,))}
    settled = settle(FORM, first, second, {"help"})
    assert settled["nurse_kind"] == a(4)
    assert settled["help"] == a((1,))


def test_settling_applies_the_skip_rules_again() -> None:
    # first typing: "No", so the kindness question was skipped; second: "Yes" and answered
    first = {"seen": a(NO), "nurse_kind": a(state=AnswerState.SKIPPED), "help": a((1,))}
    second = {"seen": a(YES), "nurse_kind": a(1), "help": a((1,))}
    assert settle(FORM, first, second, {"seen"})["nurse_kind"].state is AnswerState.SKIPPED
    assert settle(FORM, first, second, ())["nurse_kind"] == a(1)
    # the paper says "Yes" but neither typing answered the question: asked, so left blank
    neither = second | {"nurse_kind": a(state=AnswerState.SKIPPED)}
    assert settle(FORM, neither, first, {"seen"})["nurse_kind"].state is AnswerState.LEFT_BLANK


def test_a_sample_rounds_up_so_a_small_pile_still_gets_a_check() -> None:
    rng = random.Random(1)
    assert len(sample(list(range(1, 61)), 10, rng)) == 6
    assert len(sample([1, 2, 3], 10, rng)) == 1
    assert sample([4, 2, 9], 100, rng) == [2, 4, 9]
    assert sample([], 10, rng) == []
    picked = sample(list(range(100)), 25, rng)
    assert len(set(picked)) == 25 and picked == sorted(picked)
