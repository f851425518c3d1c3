"""A questionnaire: sections of numbered questions, answer types, option codes and show rules.

A question may carry a show rule (`show_if`): conditions on earlier answers, all or any of which
must hold for the question to be asked. A paper form's "If No, go to question 7" is the same
thing seen from the other side, and REDCap's branching logic maps onto it directly.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pledge_desktop.domain.errors import ValidationError


class AnswerType(StrEnum):
    SINGLE = "single_choice"
    MULTIPLE = "multiple_choice"
    AGREEMENT = "agreement_scale"  # 5 points, strongly agree … strongly disagree
    YES_NO_NA = "yes_no_na"
    NUMBER = "number"
    DATE = "date"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"

    @property
    def has_options(self) -> bool:
        return self in CHOICE_TYPES


CHOICE_TYPES = {AnswerType.SINGLE, AnswerType.MULTIPLE, AnswerType.AGREEMENT, AnswerType.YES_NO_NA}

AGREEMENT_OPTIONS = (
    (1, "Strongly agree"),
    (2, "Agree"),
    (3, "Neither agree nor disagree"),
    (4, "Disagree"),
    (5, "Strongly disagree"),
)
YES_NO_NA_OPTIONS = ((1, "Yes"), (2, "No"), (3, "Does not apply to me"))


@dataclass(frozen=True)
class Option:
    code: int
    label: str
    # A non-specific answer ("I did not need…", "Don't know", "Does not apply to me"): counted
    # apart, and left out of the base a percentage is worked out on, as the national survey does.
    not_in_base: bool = False


@dataclass(frozen=True)
class Condition:
    """`question` `op` `value`; for a multiple-choice question, `value` is an option code and
    the condition asks whether that box was ticked (=) or not (<>)."""

    question: str
    op: str  # one of OPERATORS
    value: str


OPERATORS = ("=", "<>", ">", "<", ">=", "<=")


@dataclass(frozen=True)
class ShowRule:
    conditions: tuple[Condition, ...]
    join: str = "and"  # "and": all must hold; "or": any


@dataclass(frozen=True)
class Question:
    code: str  # stable across versions: results and exports join on it
    text: str
    type: AnswerType
    options: tuple[Option, ...] = ()
    required: bool = False
    quasi_identifier: bool = False
    minimum: float | None = None
    maximum: float | None = None
    hint: str = ""
    show_if: ShowRule | None = None
    # the same question in the team's second language (e.g. Welsh), printed beneath the first
    text_second_language: str = ""
    # Kept for the way back to REDCap (see exchange/redcap.py); empty means the usual:
    validation: str = ""  # REDCap's text validation, one of VALIDATIONS[type]
    earliest: str = ""  # a date question's earliest date: YYYY-MM-DD, or "today"
    latest: str = ""  # its latest date, likewise
    annotation: str = ""  # REDCap's field annotation (action tags such as @HIDDEN)


@dataclass(frozen=True)
class Section:
    title: str
    questions: tuple[Question, ...]
    introduction: str = ""
    form: str = ""  # the REDCap form (instrument) it belongs to; empty: named after the survey


@dataclass(frozen=True)
class Questionnaire:
    name: str
    sections: tuple[Section, ...]
    introduction: str = ""
    fictional_note: str = ""
    # what patients see as the form's title, in their words ("Your experience of our breast
    # care service"); the name stays the team's own label for the questionnaire
    patient_title: str = ""
    # what the survey is for and how answers are kept, printed at the top of the paper form
    purpose: str = ""
    record_id: str = ""  # REDCap's record ID field; empty: record_id

    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    def numbered(self) -> list[tuple[int, Question]]:
        """Questions with their printed numbers, 1, 2, 3… through all sections."""
        return list(enumerate(self.questions(), start=1))

    def question(self, code: str) -> Question:
        for q in self.questions():
            if q.code == code:
                return q
        raise KeyError(code)


_CODE = re.compile(r"^[a-z][a-z0-9_]{0,99}$")
_DATE_LIMIT = re.compile(r"^(today|now|\d{4}-\d{2}-\d{2})$", re.ASCII)

# REDCap's text validations each kind of answer can carry ("" is the usual one: integer when
# the limits are whole numbers, else number; date_dmy; no check for text).
VALIDATIONS: dict[AnswerType, tuple[str, ...]] = {
    AnswerType.NUMBER: (
        "integer",
        "number",
        "number_1dp",
        "number_2dp",
        "number_3dp",
        "number_4dp",
    ),
    AnswerType.DATE: ("date_dmy", "date_ymd", "date_mdy"),
    AnswerType.SHORT_TEXT: ("email", "phone"),
}


def standard_options(answer_type: AnswerType) -> tuple[Option, ...]:
    if answer_type is AnswerType.AGREEMENT:
        return tuple(Option(c, label) for c, label in AGREEMENT_OPTIONS)
    if answer_type is AnswerType.YES_NO_NA:
        return tuple(Option(c, label) for c, label in YES_NO_NA_OPTIONS)
    return ()


def check_questionnaire(questionnaire: Questionnaire) -> list[str]:
    """Plain-English problems with a definition; empty when it can be used."""
    problems: list[str] = []
    if not questionnaire.name.strip():
        problems.append("The questionnaire needs a name.")
    seen: dict[str, int] = {}
    for number, q in questionnaire.numbered():
        where = f"Question {number} ({q.code})"
        if not _CODE.match(q.code):
            problems.append(
                f"{where}: a question code uses small letters, digits and _, "
                "starting with a letter."
            )
        if q.code in seen:
            problems.append(f"{where}: the code is already used by question {seen[q.code]}.")
        seen.setdefault(q.code, number)
        if not q.text.strip():
            problems.append(f"{where} has no wording.")
        if q.type.has_options:
            codes = [o.code for o in q.options]
            fewest = 1 if q.type is AnswerType.MULTIPLE else 2  # one tick box is a question too
            if len(codes) < fewest:
                problems.append(f"{where} needs at least {fewest} answers to choose from.")
            if len(set(codes)) != len(codes):
                problems.append(f"{where}: two answers share the same code.")
        elif q.options:
            problems.append(f"{where}: a {q.type.value} question has no answers to choose from.")
        problems.extend(f"{where}: {p}" for p in _redcap_problems(q))
        if q.show_if:
            for condition in q.show_if.conditions:
                if condition.question not in seen or condition.question == q.code:
                    problems.append(
                        f"{where}: its rule refers to {condition.question!r}, which is not an "
                        "earlier question."
                    )
                if condition.op not in OPERATORS:
                    problems.append(f"{where}: {condition.op!r} is not a comparison we know.")
    if not questionnaire.questions():
        problems.append("The questionnaire has no questions.")
    for s in questionnaire.sections:
        if s.form and not _CODE.match(s.form):
            problems.append(
                f'Section "{s.title}": the form name {s.form!r} uses small letters, digits '
                "and _, starting with a letter."
            )
    if questionnaire.record_id and not _CODE.match(questionnaire.record_id):
        problems.append(f"The record ID field {questionnaire.record_id!r} is not a field name.")
    return problems


def _redcap_problems(q: Question) -> list[str]:
    problems = []
    if q.validation and q.validation not in VALIDATIONS.get(q.type, ()):
        problems.append(f'a {q.type.value} question cannot be checked as "{q.validation}".')
    for limit in (q.earliest, q.latest):
        if limit and (q.type is not AnswerType.DATE or not _date_limit(limit)):
            problems.append(f'"{limit}" is not a date limit (YYYY-MM-DD or today).')
    return problems


def _date_limit(text: str) -> date | None:
    """The date a limit stands for today (YYYY-MM-DD, "today" or "now"), None if it is none."""
    if not _DATE_LIMIT.match(text):
        return None
    if text in ("today", "now"):
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# --- answering ------------------------------------------------------------------------------


def check_answer(question: Question, value: Any) -> str | None:
    """Why `value` is not a possible answer to `question`, or None when it is fine.

    Values: an option code (int) for single choice, agreement and yes/no; a tuple of codes for
    multiple choice; a number; a date; a string for text.
    """
    if value is None:
        return None
    if question.type in (AnswerType.SINGLE, AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
        if value not in {o.code for o in question.options}:
            return f"{value} is not one of the answers ({_codes(question)})."
    elif question.type is AnswerType.MULTIPLE:
        unknown = [v for v in value if v not in {o.code for o in question.options}]
        if unknown:
            return f"{unknown[0]} is not one of the answers ({_codes(question)})."
    elif question.type is AnswerType.NUMBER:
        if question.minimum is not None and value < question.minimum:
            return f"The number must be at least {question.minimum:g}."
        if question.maximum is not None and value > question.maximum:
            return f"The number must be at most {question.maximum:g}."
        if question.validation == "integer" and not float(value).is_integer():
            return "The number must be a whole number."
    elif question.type is AnswerType.DATE:
        if not isinstance(value, date):
            return "Please give a date as day/month/year."
        if value > date.today():
            return "That date is in the future."
        earliest, latest = _date_limit(question.earliest), _date_limit(question.latest)
        if earliest is not None and value < earliest:
            return f"The date must be on or after {earliest:%d/%m/%Y}."
        if latest is not None and value > latest:
            return f"The date must be on or before {latest:%d/%m/%Y}."
    return None


def _codes(question: Question) -> str:
    return ", ".join(str(o.code) for o in question.options)


def is_shown(question: Question, answers: dict[str, Any]) -> bool:
    """Whether the question is asked, given the answers so far (missing answers fail)."""
    rule = question.show_if
    if rule is None:
        return True
    results = [_holds(c, answers.get(c.question)) for c in rule.conditions]
    return all(results) if rule.join == "and" else any(results)


def _holds(condition: Condition, answer: Any) -> bool:
    if answer is None:
        return False
    if isinstance(answer, tuple | list | set | frozenset):  # multiple choice: ticked or not
        ticked = _as_number(condition.value) in set(answer)
        return ticked if condition.op == "=" else not ticked if condition.op == "<>" else False
    left, right = _as_number(answer), _as_number(condition.value)
    if isinstance(left, float) and isinstance(right, float):
        return {
            "=": left == right,
            "<>": left != right,
            ">": left > right,
            "<": left < right,
            ">=": left >= right,
            "<=": left <= right,
        }[condition.op]
    same = str(answer) == condition.value
    return same if condition.op == "=" else not same if condition.op == "<>" else False


def _as_number(value: Any) -> Any:
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


# --- storing --------------------------------------------------------------------------------


def to_json(questionnaire: Questionnaire) -> str:
    return json.dumps(asdict(questionnaire), ensure_ascii=False, indent=1)


def from_json(text: str) -> Questionnaire:
    """Read a definition written by to_json (or by hand, as the shipped templates are)."""
    try:
        data = json.loads(text)
        sections = tuple(
            Section(
                title=s["title"],
                introduction=s.get("introduction", ""),
                questions=tuple(_question(q) for q in s["questions"]),
                form=s.get("form", ""),
            )
            for s in data["sections"]
        )
        return Questionnaire(
            name=data["name"],
            sections=sections,
            introduction=data.get("introduction", ""),
            fictional_note=data.get("fictional_note", ""),
            patient_title=data.get("patient_title", ""),
            purpose=data.get("purpose", ""),
            record_id=data.get("record_id", ""),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            {"definition": f"The questionnaire file is not complete or not readable ({error})."}
        ) from error


def _question(q: dict[str, Any]) -> Question:
    answer_type = AnswerType(q["type"])
    options = tuple(
        Option(int(o["code"]), o["label"], bool(o.get("not_in_base", False)))
        for o in q.get("options", ())
    )
    rule = q.get("show_if")
    return Question(
        code=q["code"],
        text=q["text"],
        type=answer_type,
        options=options or standard_options(answer_type),
        required=bool(q.get("required", False)),
        quasi_identifier=bool(q.get("quasi_identifier", False)),
        minimum=q.get("minimum"),
        maximum=q.get("maximum"),
        hint=q.get("hint", ""),
        text_second_language=q.get("text_second_language", ""),
        show_if=ShowRule(
            conditions=tuple(Condition(**c) for c in rule["conditions"]),
            join=rule.get("join", "and"),
        )
        if rule
        else None,
        validation=q.get("validation", ""),
        earliest=q.get("earliest", ""),
        latest=q.get("latest", ""),
        annotation=q.get("annotation", ""),
    )


__all__ = [
    "VALIDATIONS",
    "AnswerType",
    "Condition",
    "Option",
    "Question",
    "Questionnaire",
    "Section",
    "ShowRule",
    "check_answer",
    "check_questionnaire",
    "from_json",
    "is_shown",
    "standard_options",
    "to_json",
]
