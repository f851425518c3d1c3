"""Changing a questionnaire: add, remove, move and reword questions, as pure functions.

Questionnaires are immutable values, so each edit returns a new one and undo is a list of the
ones before. Options and show rules are edited as short plain lines ("1 Yes", "q5 = 2").
"""

from __future__ import annotations

import re
from dataclasses import replace

from pledge_desktop.domain.questionnaire import (
    OPERATORS,
    AnswerType,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowRule,
    standard_options,
)

Place = tuple[int, int]  # (section index, question index within it)


def place_of(questionnaire: Questionnaire, code: str) -> Place:
    for s, section in enumerate(questionnaire.sections):
        for q, question in enumerate(section.questions):
            if question.code == code:
                return s, q
    raise KeyError(code)


def _with_questions(
    questionnaire: Questionnaire, section: int, questions: tuple[Question, ...]
) -> Questionnaire:
    sections = list(questionnaire.sections)
    sections[section] = replace(sections[section], questions=questions)
    return replace(questionnaire, sections=tuple(sections))


def new_code(questionnaire: Questionnaire) -> str:
    taken = {q.code for q in questionnaire.questions()}
    number = len(taken) + 1
    while f"q{number}" in taken:
        number += 1
    return f"q{number}"


def add_question(questionnaire: Questionnaire, after: Place | None) -> tuple[Questionnaire, str]:
    """A new single-choice question after `after` (or at the end of the first section).
    Returns the questionnaire and the new question's code."""
    code = new_code(questionnaire)
    question = Question(
        code=code,
        text="New question",
        type=AnswerType.YES_NO_NA,
        options=standard_options(AnswerType.YES_NO_NA),
    )
    if not questionnaire.sections:
        return replace(questionnaire, sections=(Section("Questions", (question,)),)), code
    section, index = after if after is not None else (0, len(questionnaire.sections[0].questions))
    questions = list(questionnaire.sections[section].questions)
    questions.insert(min(index + 1, len(questions)), question)
    return _with_questions(questionnaire, section, tuple(questions)), code


def remove_question(questionnaire: Questionnaire, code: str) -> Questionnaire:
    """Without question `code`. Refused while a later question's show rule depends on it."""
    users = [
        q.code
        for q in questionnaire.questions()
        if q.show_if and any(c.question == code for c in q.show_if.conditions)
    ]
    if users:
        raise ValueError(
            f"Question {code} cannot be removed: whether to ask {', '.join(users)} depends on "
            "its answer. Change those rules first."
        )
    section, index = place_of(questionnaire, code)
    questions = list(questionnaire.sections[section].questions)
    del questions[index]
    return _with_questions(questionnaire, section, tuple(questions))


def replace_question(questionnaire: Questionnaire, code: str, question: Question) -> Questionnaire:
    section, index = place_of(questionnaire, code)
    questions = list(questionnaire.sections[section].questions)
    questions[index] = question
    return _with_questions(questionnaire, section, tuple(questions))


def move_question(questionnaire: Questionnaire, code: str, step: int) -> Questionnaire:
    """One place up (-1) or down (+1); past the end of a section it joins the next one."""
    section, index = place_of(questionnaire, code)
    sections = [list(s.questions) for s in questionnaire.sections]
    here = sections[section]
    if step < 0 and index > 0:
        here[index - 1], here[index] = here[index], here[index - 1]
    elif step < 0 and section > 0:
        sections[section - 1].append(here.pop(index))
    elif step > 0 and index < len(here) - 1:
        here[index + 1], here[index] = here[index], here[index + 1]
    elif step > 0 and section + 1 < len(sections):
        sections[section + 1].insert(0, here.pop(index))
    else:
        return questionnaire  # already first or last
    return replace(
        questionnaire,
        sections=tuple(
            replace(s, questions=tuple(qs))
            for s, qs in zip(questionnaire.sections, sections, strict=True)
        ),
    )


def add_section(questionnaire: Questionnaire, after: int | None, title: str) -> Questionnaire:
    sections = list(questionnaire.sections)
    sections.insert(len(sections) if after is None else after + 1, Section(title, ()))
    return replace(questionnaire, sections=tuple(sections))


def edit_section(
    questionnaire: Questionnaire, index: int, title: str, introduction: str
) -> Questionnaire:
    sections = list(questionnaire.sections)
    sections[index] = replace(sections[index], title=title, introduction=introduction)
    return replace(questionnaire, sections=tuple(sections))


def remove_section(questionnaire: Questionnaire, index: int) -> Questionnaire:
    if questionnaire.sections[index].questions:
        raise ValueError("Only an empty section can be removed: move or remove its questions.")
    sections = list(questionnaire.sections)
    del sections[index]
    return replace(questionnaire, sections=tuple(sections))


# --- options and rules as text ---------------------------------------------------------------

_OPTION = re.compile(r"^\s*(\d{1,3})[\s.:)=-]+(.+?)\s*$")


def options_text(options: tuple[Option, ...]) -> str:
    return "\n".join(f"{o.code} {o.label}" for o in options)


def parse_options(text: str) -> tuple[tuple[Option, ...], str | None]:
    """One answer per line, its code first: "1 Yes". Returns the options or the problem."""
    options = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _OPTION.match(line)
        if not match:
            return (), f'Line {number}: start with the answer\'s number, like "1 Yes".'
        options.append(Option(int(match.group(1)), match.group(2)))
    return tuple(options), None


_CONDITION = re.compile(r"^\s*([a-z][a-z0-9_]*)\s*(<>|>=|<=|=|>|<)\s*(\S+)\s*$")


def rule_text(rule: ShowRule | None) -> str:
    if rule is None:
        return ""
    return f" {rule.join} ".join(f"{c.question} {c.op} {c.value}" for c in rule.conditions)


def parse_rule(text: str) -> tuple[ShowRule | None, str | None]:
    """ "q5 = 2", or several joined by "and" or by "or". Empty: always asked."""
    if not text.strip():
        return None, None
    lowered = f" {text.strip()} "
    joins = {j for j in ("and", "or") if f" {j} " in lowered.lower()}
    if len(joins) > 1:
        return None, 'Use either "and" or "or" in one rule, not both.'
    join = joins.pop() if joins else "and"
    parts = re.split(rf"\s+{join}\s+", text.strip(), flags=re.IGNORECASE)
    conditions = []
    for part in parts:
        match = _CONDITION.match(part)
        if not match or match.group(2) not in OPERATORS:
            return None, (
                f'"{part.strip()}" is not a rule. Write the question code, =, and the answer '
                'number, like "q5 = 2".'
            )
        conditions.append(Condition(match.group(1), match.group(2), match.group(3)))
    return ShowRule(tuple(conditions), join), None
