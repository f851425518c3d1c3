"""Editing a questionnaire as values: add, remove, move, and options and rules as text."""

import pytest

from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowRule,
    check_questionnaire,
)
from pledge_desktop.domain.questionnaire_edit import (
    add_question,
    add_section,
    move_question,
    options_text,
    parse_options,
    parse_rule,
    remove_question,
    remove_section,
    rule_text,
)

YES_NO = (Option(1, "Yes"), Option(2, "No"))


def q(code: str, rule: ShowRule | None = None) -> Question:
    return Question(code, f"Question {code}?", AnswerType.SINGLE, YES_NO, show_if=rule)


FORM = Questionnaire(
    "Edit test",
    (
        Section("One", (q("a"), q("b", ShowRule((Condition("a", "=", "1"),))))),
        Section("Two", (q("c"),)),
    ),
)


def codes(questionnaire: Questionnaire) -> list[list[str]]:
    return [[x.code for x in s.questions] for s in questionnaire.sections]


def test_a_new_question_goes_after_the_chosen_one_with_a_fresh_code() -> None:
    changed, code = add_question(FORM, (0, 0))
    assert codes(changed) == [["a", code, "b"], ["c"]]
    assert code not in {"a", "b", "c"}
    assert check_questionnaire(changed) == []
    assert codes(FORM) == [["a", "b"], ["c"]], "the original is unchanged: undo keeps it"


def test_moving_crosses_into_the_next_section_at_the_end() -> None:
    down = move_question(FORM, "b", 1)
    assert codes(down) == [["a"], ["b", "c"]]
    assert codes(move_question(down, "b", -1)) == [["a", "b"], ["c"]]
    assert move_question(FORM, "a", -1) == FORM
    assert move_question(FORM, "c", 1) == FORM
    moved_above = move_question(FORM, "b", -1)
    assert codes(moved_above) == [["b", "a"], ["c"]]
    assert any("not an earlier question" in p for p in check_questionnaire(moved_above))


def test_a_question_others_depend_on_cannot_be_removed() -> None:
    with pytest.raises(ValueError, match="whether to ask b depends on its answer"):
        remove_question(FORM, "a")
    assert codes(remove_question(FORM, "b")) == [["a"], ["c"]]


def test_sections_are_added_and_only_empty_ones_removed() -> None:
    more = add_section(FORM, 0, "Middle")
    assert [s.title for s in more.sections] == ["One", "Middle", "Two"]
    assert [s.title for s in remove_section(more, 1).sections] == ["One", "Two"]
    with pytest.raises(ValueError, match="Only an empty section"):
        remove_section(FORM, 0)


def test_options_are_typed_one_per_line_number_first() -> None:
    options, problem = parse_options("1 Yes\n2. No\n\n3) Not sure")
    assert problem is None
    assert options == (Option(1, "Yes"), Option(2, "No"), Option(3, "Not sure"))
    assert options_text(options) == "1 Yes\n2 No\n3 Not sure"
    assert parse_options("Yes\n2 No")[1] == 'Line 1: start with the answer\'s number, like "1 Yes".'


def test_rules_are_typed_as_code_comparison_answer() -> None:
    rule, problem = parse_rule("a = 1 or c <> 2")
    assert problem is None and rule is not None
    assert rule.join == "or"
    assert rule.conditions == (Condition("a", "=", "1"), Condition("c", "<>", "2"))
    assert rule_text(rule) == "a = 1 or c <> 2"
    assert parse_rule("  ") == (None, None)
    assert "not a rule" in (parse_rule("when a is yes")[1] or "")
    assert "either" in (parse_rule("a = 1 and b = 2 or c = 1")[1] or "")
