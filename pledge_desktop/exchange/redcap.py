"""REDCap data dictionaries (the standard 18-column CSV) to and from our questionnaires.

Import is all or nothing: every row REDCap offers that we cannot represent is listed, in plain
words, and then nothing is imported. REDCap's first field is always the record ID, not a
question, so it is left out on import and written back on export.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from pledge_desktop.domain.errors import ValidationError
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
from pledge_desktop.exchange.cells import safe_cell

COLUMNS = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
NUMBER_VALIDATIONS = {"integer", "number", "number_1dp", "number_2dp", "number_3dp", "number_4dp"}
DATE_VALIDATIONS = {"date_ymd", "date_dmy", "date_mdy"}
TEXT_VALIDATIONS = {"email": "An email address", "phone": "A phone number"}
TYPE_TAG = re.compile(r"@PLEDGE-TYPE=(\w+)")
# answers left out of the base, and the question in the team's second language: our own
# annotations, which REDCap keeps but does not act on
NOT_IN_BASE_TAG = re.compile(r"@PLEDGE-NOT-IN-BASE=([\d,-]+)")
SECOND_LANGUAGE_TAG = re.compile(r"@PLEDGE-SECOND-LANGUAGE=(.*)")
# descriptive fields that carry the form's title for patients and its purpose paragraph
TITLE_FIELD, PURPOSE_FIELD = "survey_title", "survey_purpose"
_CONDITION = re.compile(
    r"^\[(?P<field>[a-z][a-z0-9_]*)(?:\((?P<box>[^)]+)\))?\]\s*(?P<op><>|!=|>=|<=|=|>|<)\s*"
    r"(?:'(?P<q>[^']*)'|\"(?P<qq>[^\"]*)\"|(?P<bare>-?[\d.]+))$"
)


@dataclass(frozen=True)
class ImportResult:
    questionnaire: Questionnaire
    notes: tuple[str, ...]  # what was adapted on the way in, for the nurse to know


def read_dictionary(text: str, name: str) -> ImportResult:
    """Turn a REDCap data dictionary into a questionnaire, or raise ValidationError listing
    every row that cannot be taken."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or [c.strip() for c in rows[0][:5]] != list(COLUMNS[:5]):
        raise ValidationError(
            {
                "file": "This is not a REDCap data dictionary: its first line should start with "
                '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label".'
            }
        )
    body = [row + [""] * (len(COLUMNS) - len(row)) for row in rows[1:] if any(row)]
    if not body:
        raise ValidationError({"file": "The data dictionary has no fields in it."})
    problems: list[str] = []
    notes = [f"The first field, {body[0][0]}, is REDCap's record ID and is not a question."]
    sections: list[Section] = []
    title, intro = "", ""
    questions: list[Question] = []
    form = None
    about = {TITLE_FIELD: "", PURPOSE_FIELD: ""}
    for line_number, row in enumerate(body[1:], start=3):
        field, form_name, header, field_type, label = (c.strip() for c in row[:5])
        where = f"Line {line_number} ({field})"
        if field_type == "descriptive" and field in about:
            about[field] = _clean(label)
            continue
        if header or form_name != form:
            if questions or intro:
                sections.append(Section(title or _title(form or ""), tuple(questions), intro))
            title, intro, questions = _clean(header) or _title(form_name), "", []
            form = form_name
        if field_type == "descriptive":
            intro = (intro + "\n" + _clean(label)).strip()
            continue
        try:
            questions.append(_question(row, notes))
        except ValueError as problem:
            problems.append(f"{where}: {problem}")
    if questions or intro:
        sections.append(Section(title, tuple(questions), intro))
    if problems:
        raise ValidationError({"file": _refusal(problems)})
    introduction = ""
    if sections and not sections[0].questions:  # text before the first question: a welcome
        introduction = sections.pop(0).introduction
    questionnaire = Questionnaire(
        name=name.strip(),
        sections=tuple(sections),
        introduction=introduction,
        patient_title=about[TITLE_FIELD],
        purpose=about[PURPOSE_FIELD],
    )
    definition_problems = check_questionnaire(questionnaire)
    if definition_problems:
        raise ValidationError({"file": _refusal(definition_problems)})
    return ImportResult(questionnaire, tuple(notes))


def _refusal(problems: list[str]) -> str:
    listed = "\n".join(f"- {p}" for p in problems)
    return f"Nothing was imported, because {len(problems)} field(s) cannot be used:\n{listed}"


def _question(row: list[str], notes: list[str]) -> Question:
    field, _form, _header, field_type, label, choices, note, validation, low, high = (
        c.strip() for c in row[:10]
    )
    identifier, branching, required, annotation = (row[10], row[11], row[12], row[17])
    base = Question(
        code=field,
        text=_clean(label),
        type=AnswerType.SHORT_TEXT,
        hint=_clean(note),
        required=required.strip().lower() == "y",
        quasi_identifier=identifier.strip().lower() == "y",
        show_if=_branching(branching.strip()),
    )
    tagged = TYPE_TAG.search(annotation)
    second = SECOND_LANGUAGE_TAG.search(annotation)
    if second:
        base = replace(base, text_second_language=second.group(1).strip())
    if field_type in ("radio", "dropdown", "checkbox", "yesno", "truefalse"):
        options: tuple[Option, ...]
        if field_type == "yesno":
            options = (Option(1, "Yes"), Option(0, "No"))
        elif field_type == "truefalse":
            options = (Option(1, "True"), Option(0, "False"))
        else:
            options = _choices(choices)
        answer_type = AnswerType.MULTIPLE if field_type == "checkbox" else AnswerType.SINGLE
        if tagged and tagged.group(1) in (AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
            answer_type = AnswerType(tagged.group(1))
        apart = NOT_IN_BASE_TAG.search(annotation)
        if apart:
            codes = {int(c) for c in apart.group(1).split(",") if c.strip("-").isdigit()}
            options = tuple(replace(o, not_in_base=o.code in codes) for o in options)
        return replace(base, type=answer_type, options=options)
    if field_type == "notes":
        return replace(base, type=AnswerType.LONG_TEXT)
    if field_type == "text":
        if not validation:
            return base
        if validation in NUMBER_VALIDATIONS:
            return replace(
                base, type=AnswerType.NUMBER, minimum=_number(low), maximum=_number(high)
            )
        if validation in DATE_VALIDATIONS:
            return replace(base, type=AnswerType.DATE)
        if validation in TEXT_VALIDATIONS:
            notes.append(f"{field}: kept as short text; REDCap checked it as {validation}.")
            return replace(base, hint=base.hint or TEXT_VALIDATIONS[validation])
        raise ValueError(f'text checked as "{validation}" is not a kind of answer we support.')
    if field_type == "file" and validation == "signature":
        raise ValueError("signatures cannot be collected on a paper survey.")
    explained = {
        "calc": "calculated fields are worked out by REDCap, not answered by a patient.",
        "file": "file uploads cannot be part of a paper survey.",
        "slider": "sliders (visual scales) are not a kind of answer we support.",
        "sql": "database queries (sql fields) are not a kind of answer we support.",
    }
    raise ValueError(explained.get(field_type, f'the field type "{field_type}" is not supported.'))


def _choices(text: str) -> tuple[Option, ...]:
    options = []
    for part in text.split("|"):
        code, _, label = part.strip().partition(",")
        if not code.strip().lstrip("-").isdigit():
            raise ValueError(f'answer code "{code.strip()}" is not a whole number.')
        options.append(Option(int(code), label.strip()))
    return tuple(options)


def _branching(text: str) -> ShowRule | None:
    if not text:
        return None
    lowered = f" {text} ".lower()
    outside_fields = re.sub(r"\[[^\]]*\]", "", text)
    if (" and " in lowered and " or " in lowered) or "(" in outside_fields:
        raise ValueError(f"the show rule {text!r} mixes and/or or uses brackets.")
    join = "or" if " or " in lowered else "and"
    conditions = []
    for part in re.split(rf"\s+{join}\s+", text, flags=re.IGNORECASE):
        match = _CONDITION.match(part.strip())
        if not match:
            raise ValueError(
                f"the show rule {part.strip()!r} is not of the form [field] = 'value'."
            )
        op = "<>" if match["op"] == "!=" else match["op"]
        value = match["q"] if match["q"] is not None else match["qq"] or match["bare"] or ""
        if match["box"]:  # [field(code)] = '1': the box `code` is ticked (or '0': not)
            ticked = (value == "1") == (op == "=")
            conditions.append(Condition(match["field"], "=" if ticked else "<>", match["box"]))
        else:
            conditions.append(Condition(match["field"], op, value))
    return ShowRule(tuple(conditions), join)


def _number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text or "").strip()


def _title(form_name: str) -> str:
    return form_name.replace("_", " ").strip().capitalize()


# --- export -----------------------------------------------------------------------------------


def write_dictionary(questionnaire: Questionnaire) -> str:
    """A REDCap data dictionary that REDCap accepts, with our own types kept in annotations."""
    form = re.sub(r"[^a-z0-9]+", "_", questionnaire.name.lower()).strip("_")[:50] or "survey"
    multiple = {q.code for q in questionnaire.questions() if q.type is AnswerType.MULTIPLE}
    out = io.StringIO()
    writer = _SafeWriter(csv.writer(out, lineterminator="\n"))
    writer.writerow(COLUMNS)
    writer.writerow(_row("record_id", form, field_type="text", label="Record ID"))
    for field, text in (
        (TITLE_FIELD, questionnaire.patient_title),
        (PURPOSE_FIELD, questionnaire.purpose),
    ):
        if text:
            writer.writerow(_row(field, form, "", "descriptive", text))
    if questionnaire.introduction:
        writer.writerow(
            _row("survey_introduction", form, "", "descriptive", questionnaire.introduction)
        )
    for number, section in enumerate(questionnaire.sections, start=1):
        header = section.title
        if section.introduction:
            writer.writerow(
                _row(f"section_{number}_intro", form, header, "descriptive", section.introduction)
            )
            header = ""
        for question in section.questions:
            writer.writerow(_question_row(question, form, header, multiple))
            header = ""
    return out.getvalue()


class _SafeWriter:
    """Every cell safe to open in a spreadsheet (see exchange/cells.py)."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Sequence[str]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])


def _question_row(q: Question, form: str, header: str, multiple: set[str]) -> list[str]:
    validation, field_type, annotation = "", "text", ""
    if q.type in (AnswerType.SINGLE, AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
        field_type = "radio"
        if q.type is not AnswerType.SINGLE:
            annotation = f"@PLEDGE-TYPE={q.type.value}"
    elif q.type is AnswerType.MULTIPLE:
        field_type = "checkbox"
    elif q.type is AnswerType.LONG_TEXT:
        field_type = "notes"
    elif q.type is AnswerType.NUMBER:
        whole = all(v is None or float(v).is_integer() for v in (q.minimum, q.maximum))
        validation = "integer" if whole else "number"
    elif q.type is AnswerType.DATE:
        validation = "date_dmy"
    row = _row(q.code, form, header, field_type, q.text)
    row[5] = " | ".join(f"{o.code}, {o.label}" for o in q.options)
    row[6], row[7], row[8], row[9] = q.hint, validation, _fmt(q.minimum), _fmt(q.maximum)
    row[10] = "y" if q.quasi_identifier else ""
    row[11] = _write_rule(q, multiple)
    row[12] = "y" if q.required else ""
    apart = [str(o.code) for o in q.options if o.not_in_base]
    tags = [annotation] if annotation else []
    if apart:
        tags.append(f"@PLEDGE-NOT-IN-BASE={','.join(apart)}")
    if q.text_second_language:
        tags.append(f"@PLEDGE-SECOND-LANGUAGE={' '.join(q.text_second_language.split())}")
    row[17] = "\n".join(tags)
    return row


def _write_rule(q: Question, multiple: set[str]) -> str:
    if q.show_if is None:
        return ""
    parts = []
    for c in q.show_if.conditions:
        if c.question in multiple:  # REDCap asks about one box: [field(code)] = '1'
            parts.append(f"[{c.question}({c.value})] = '{'1' if c.op == '=' else '0'}'")
        else:
            parts.append(f"[{c.question}] {c.op} '{c.value}'")
    return f" {q.show_if.join} ".join(parts)


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _row(
    field: str, form: str, header: str = "", field_type: str = "", label: str = ""
) -> list[str]:
    return [field, form, header, field_type, label] + [""] * (len(COLUMNS) - 5)
