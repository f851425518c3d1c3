"""The base of a percentage leaves out answers that do not apply (as NCPES scoring does); a
0 to 10 rating counts 9 or 10 as positive and has a mean; highlight sentences are said of
patients; the booklet states the response rate."""

from pledge_desktop.domain.booklet import (
    BookletContents,
    BookletWords,
    Highlight,
    finding_for,
    for_patients,
)
from pledge_desktop.domain.questionnaire import AnswerType, Option, Question
from pledge_desktop.domain.results import (
    QuestionCounts,
    SmallNumbers,
    compare,
    positive_codes,
    positive_label,
)


def counts_of(question: Question, ticks: dict[int, int], number: int = 1) -> QuestionCounts:
    answered = sum(ticks.values())
    options = tuple((o, ticks.get(o.code, 0)) for o in question.options)
    return QuestionCounts(number, question, answered, 0, 0, 0, options)


INFORMED = Question(
    "told_side_effects",
    "Were you told about side effects?",
    AnswerType.SINGLE,
    options=(
        Option(1, "Yes, definitely"),
        Option(2, "Yes, to some extent"),
        Option(3, "No"),
        Option(4, "I did not need this", not_in_base=True),
    ),
)
RATING = Question(
    "overall_care",
    "Overall, how would you rate your care?",
    AnswerType.SINGLE,
    options=tuple(Option(n, str(n)) for n in range(11)),
)


def test_answers_that_do_not_apply_are_counted_apart_from_the_base() -> None:
    counts = counts_of(INFORMED, {1: 30, 2: 10, 3: 10, 4: 50})
    assert counts.answered == 100 and counts.base == 50 and counts.left_out == 50
    assert counts.per_cent(30) == 60
    assert [o.code for o, _ in counts.in_base] == [1, 2, 3]
    assert [o.code for o, _ in counts.apart] == [4]
    # a highlight of "Yes, definitely": 60 %, not 30 %
    finding = finding_for(
        counts, Highlight("told_side_effects", (1,), "of you were told"), SmallNumbers()
    )
    assert finding is not None and finding.figure == "60%" and finding.base == 50
    # a change compares the bases, not every answer
    then = counts_of(INFORMED, {1: 20, 2: 10, 3: 10, 4: 10})
    change = compare(then, counts)
    assert change is not None and (change.before_base, change.now_base) == (40, 50)


def test_a_0_to_10_rating_counts_9_or_10_and_has_a_mean() -> None:
    assert positive_codes(RATING) == {9, 10}
    assert positive_label(RATING) == "9 or 10 out of 10"
    counts = counts_of(RATING, {10: 20, 9: 10, 8: 10, 5: 10})
    assert counts.mean == (200 + 90 + 80 + 50) / 50
    assert counts.per_cent(counts.count_of(positive_codes(RATING))) == 60
    assert counts_of(INFORMED, {1: 3}).mean is None


def test_highlight_sentences_are_said_of_patients() -> None:
    assert for_patients("of you were told you had breast cancer in private") == (
        "of patients were told they had breast cancer in private"
    )
    assert for_patients("of you agreed that your breast care nurse listened to you") == (
        "of patients agreed that their breast care nurse listened to them"
    )
    assert for_patients("of patients rated their care 9 or 10") == (
        "of patients rated their care 9 or 10"
    )


def test_the_booklet_states_the_response_rate() -> None:
    words = BookletWords("w", "c", "o", "g", "f")
    base = dict(
        hospital="H",
        trust="T",
        cycle_label="2026",
        words=words,
        unit_phone="1",
        out_of_hours_phone="2",
        address="",
        team=(),
        standards=(),
        findings=(),
        goals=(),
        quotes=(),
        representatives=(),
    )
    rated = BookletContents(forms=60, handed_out=150, **base)  # type: ignore[arg-type]
    assert rated.survey_line == "60 of 150 patients (40 %) filled in our survey in 2026."
    plain = BookletContents(forms=60, **base)  # type: ignore[arg-type]
    assert plain.survey_line == "60 patients filled in our survey in 2026."


def test_the_report_gives_the_rating_its_mean_and_leaves_does_not_apply_apart(tmp_path) -> None:
    from pledge_desktop.domain.results import CycleResults
    from pledge_desktop.reports.results_report import TeamReport, write_results_report
    from tests.pdfs import pdf_text

    results = CycleResults(
        "2026",
        100,
        (
            counts_of(INFORMED, {1: 30, 2: 10, 3: 10, 4: 50}, number=1),
            counts_of(RATING, {10: 20, 9: 10, 8: 10, 5: 10}, number=2),
        ),
    )
    report = TeamReport("Riverside (fictional)", results, None, (), (), 60)
    out = tmp_path / "report.pdf"
    write_results_report(out, report)
    text = pdf_text(out)
    assert "Mean score 8.4 out of 10; 60% gave 9 or 10 (n=50)." in text
    assert "n = 50 answered. Apart: I did not need this: 50;" in text
    assert "Yes, definitely 60% (30)" in text
