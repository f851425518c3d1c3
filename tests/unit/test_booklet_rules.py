"""Booklet rules: pages in fours, booklet order for imposition, small numbers, changes."""

import pytest

from pledge_desktop.domain.booklet import Highlight, finding_for, imposition, padded_page_count
from pledge_desktop.domain.questionnaire import AnswerType, Option, Question, standard_options
from pledge_desktop.domain.results import (
    Change,
    QuestionCounts,
    SmallNumbers,
    compare,
    option_changes,
)


@pytest.mark.parametrize(("pages", "padded"), [(1, 4), (4, 4), (5, 8), (13, 16), (16, 16)])
def test_pages_are_padded_to_a_multiple_of_four(pages: int, padded: int) -> None:
    assert padded_page_count(pages) == padded


def test_imposition_puts_pages_in_booklet_order() -> None:
    assert imposition(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    sides = imposition(16)
    assert sides[0] == (16, 1) and sides[1] == (2, 15) and sides[-1] == (8, 9)
    every = sorted(p for side in sides for p in side)
    assert every == list(range(1, 17))
    # each pair on a side adds up to n + 1: the pages facing each other once folded
    assert all(left + right == 17 for left, right in sides)
    with pytest.raises(ValueError):
        imposition(6)


def test_small_numbers_are_words_and_small_bases_give_no_percentage() -> None:
    small = SmallNumbers(8)
    assert small.count_text(0) == "0"
    assert small.count_text(3) == "fewer than 8"
    assert small.count_text(7) == "fewer than 8"
    assert small.count_text(8) == "8"
    assert small.per_cent_text(5, 100) is None  # a small count
    assert small.per_cent_text(6, 7) is None  # a small base
    assert small.per_cent_text(50, 100) == "50%"
    assert SmallNumbers(5).per_cent_text(6, 7) == "86%"


def _counts(question: Question, answered: int, ticks: dict[int, int]) -> QuestionCounts:
    return QuestionCounts(
        1, question, answered, 0, 0, 0, tuple((o, ticks.get(o.code, 0)) for o in question.options)
    )


AGREE = Question(
    "q", "Staff listened", AnswerType.AGREEMENT, standard_options(AnswerType.AGREEMENT)
)


def test_a_change_is_real_only_with_enough_answers_and_a_big_enough_difference() -> None:
    before = _counts(AGREE, 100, {1: 30, 2: 20})
    after = _counts(AGREE, 100, {1: 50, 2: 25})
    change = compare(before, after)
    assert change is not None
    assert change.label == "Agree or strongly agree"
    assert (change.before, change.now, round(change.points)) == (50, 75, 25)
    assert change.verdict == "Up, a real change"
    assert compare(before, _counts(AGREE, 100, {1: 30, 2: 22})).verdict == "No clear change"
    few = compare(_counts(AGREE, 20, {1: 5}), _counts(AGREE, 20, {1: 18}))
    assert few is not None and few.verdict == "Too few answers to say"
    assert Change("x", 80, 40, 200, 200).verdict == "Down, a real change"
    assert compare(_counts(AGREE, 0, {}), after) is None
    points = [round(c.points) for c in option_changes(before, after)]
    assert points == [20, 5, 0, 0, 0]


def test_a_highlight_is_not_printed_when_its_count_or_base_is_small() -> None:
    question = Question(
        "sex", "Are you…", AnswerType.SINGLE, (Option(1, "A woman"), Option(2, "A man"))
    )
    counts = _counts(question, 60, {1: 55, 2: 5})
    small = SmallNumbers(8)
    woman = finding_for(counts, Highlight("sex", (1,), "of you are women."), small)
    assert woman is not None and woman.figure == "92%" and woman.sentence == "of you are women"
    assert finding_for(counts, Highlight("sex", (2,), "of you are men"), small) is None
    tiny = _counts(question, 6, {1: 6})
    assert finding_for(tiny, Highlight("sex", (1,), "women"), small) is None
