"""Questionnaire definitions: checks, show rules and answers."""

from datetime import date, timedelta

import pytest

from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowRule,
    check_answer,
    check_questionnaire,
    from_json,
    is_shown,
    to_json,
)
from pledge_desktop.paths import resource

YES_NO = (Option(1, "Yes"), Option(2, "No"))


def questionnaire(*questions: Question) -> Questionnaire:
    return Questionnaire("Test", (Section("Only", tuple(questions)),))


@pytest.mark.parametrize("name", ["primary-breast-cancer", "secondary-breast-cancer"])
def test_our_templates_are_sound_and_ask_about_you(name: str) -> None:
    template = from_json(resource("questionnaires", f"{name}.json").read_text("utf-8"))
    assert check_questionnaire(template) == []
    codes = [q.code for q in template.questions()]
    assert {"age_band", "sex"} <= set(codes)
    assert {q.code for q in template.questions() if q.quasi_identifier} >= {"age_band", "sex"}
    assert any("one thing would most improve" in q.text for q in template.questions())
    assert from_json(to_json(template)) == template


def test_primary_template_has_about_thirty_questions_and_welcomes_men() -> None:
    template = from_json(resource("questionnaires", "primary-breast-cancer.json").read_text())
    assert 28 <= len(template.questions()) <= 34
    assert "A man" in [o.label for o in template.question("sex").options]


def test_problems_are_found_and_named() -> None:
    bad = questionnaire(
        Question("q1", "Were you told?", AnswerType.SINGLE, (Option(1, "Yes"),)),
        Question("q1", "", AnswerType.NUMBER, (Option(1, "x"),)),
        Question(
            "Q 3", "Later", AnswerType.SHORT_TEXT, show_if=ShowRule((Condition("q9", "=", "1"),))
        ),
    )
    problems = "\n".join(check_questionnaire(bad))
    assert "Question 1 (q1) needs at least 2 answers" in problems
    assert "already used by question 1" in problems
    assert "Question 2 (q1) has no wording" in problems
    assert "small letters" in problems
    assert "'q9', which is not an earlier question" in problems


def test_show_rules_follow_earlier_answers() -> None:
    follow_up = Question(
        "q2", "How easy?", AnswerType.SINGLE, YES_NO, show_if=ShowRule((Condition("q1", "=", "1"),))
    )
    assert is_shown(follow_up, {"q1": 1})
    assert not is_shown(follow_up, {"q1": 2})
    assert not is_shown(follow_up, {}), "no answer: the follow-up is skipped"
    ticked = Question(
        "q3",
        "Surgery?",
        AnswerType.YES_NO_NA,
        YES_NO,
        show_if=ShowRule((Condition("treatments", "=", "1"),)),
    )
    assert is_shown(ticked, {"treatments": (1, 3)})
    assert not is_shown(ticked, {"treatments": (2,)})
    either = Question(
        "q4",
        "x",
        AnswerType.SHORT_TEXT,
        show_if=ShowRule((Condition("age", ">=", "70"), Condition("sex", "=", "2")), join="or"),
    )
    assert is_shown(either, {"age": 75, "sex": 1})
    assert is_shown(either, {"age": 50, "sex": 2})
    assert not is_shown(either, {"age": 50, "sex": 1})


def test_answers_are_checked_against_the_question() -> None:
    choice = Question("q1", "?", AnswerType.SINGLE, YES_NO)
    assert check_answer(choice, 1) is None
    assert check_answer(choice, 7) == "7 is not one of the answers (1, 2)."
    number = Question("n", "How many?", AnswerType.NUMBER, minimum=0, maximum=20)
    assert check_answer(number, 21) == "The number must be at most 20."
    day = Question("d", "When?", AnswerType.DATE)
    assert check_answer(day, date.today() + timedelta(days=2)) == "That date is in the future."
    many = Question("m", "Which?", AnswerType.MULTIPLE, YES_NO)
    assert check_answer(many, (1, 2)) is None
    assert check_answer(many, (1, 5)) is not None
