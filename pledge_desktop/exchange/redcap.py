"""REDCap data dictionaries (the standard 18-column CSV) to and from our questionnaires.

Import is all or nothing: every row REDCap offers that we cannot represent is listed, in plain
words, and then nothing is imported. REDCap's first field is always the record ID, not a
question, so it is left out on import and written back on export. What only REDCap uses (form
names, text validations, date limits, field annotations) is kept on the questionnaire so that
our own export reads back exactly (see redcap_format.py and redcap_export.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.questionnaire import (
    VALIDATIONS,
    AnswerType,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowRule,
    check_questionnaire,
)
from pledge_desktop.exchange.cells import unguard_cell
from pledge_desktop.exchange.redcap_export import write_dictionary
from pledge_desktop.exchange.redcap_format import (
    COLUMNS,
    DICTIONARY_LIMITS,
    NOT_IN_BASE_TAG,
    PURPOSE_FIELD,
    RECORD_ID,
    SECOND_LANGUAGE_TAG,
    TITLE_FIELD,
    TYPE_TAG,
    form_name_for,
    from_html,
    read_number,
    usual_validation,
)
from pledge_desktop.exchange.text_files import csv_rows, read_csv_file

T = TypeVar("T")
TEXT_VALIDATIONS = {"email": "an email address", "phone": "a phone number"}
_CODE = re.compile(r"-?\d{1,9}", re.ASCII)
_DATE_LIMIT = re.compile(r"\d{4}-\d{2}-\d{2}|today|now", re.ASCII)
_CONDITION = re.compile(
    r"^\[(?P<field>[a-z][a-z0-9_]*)(?:\((?P<box>[^)]+)\))?\]\s*(?P<op><>|!=|>=|<=|=|>|<)\s*"
    r"(?:'(?P<q>[^']*)'|\"(?P<qq>[^\"]*)\"|(?P<bare>-?[\d.]+))$"
)
__all__ = ["COLUMNS", "ImportResult", "read_dictionary", "read_dictionary_file", "write_dictionary"]


@dataclass(frozen=True)
class ImportResult:
    questionnaire: Questionnaire
    notes: tuple[str, ...]  # what was adapted on the way in, for the nurse to know


def read_dictionary_file(path: Path, name: str) -> ImportResult:
    """Read the data dictionary saved at `path` (never changing it); FileRefused when it is not
    a readable CSV (a workbook, binary, an unknown encoding, too big), StorageError when it
    cannot be read at all, ValidationError listing every field we cannot take."""
    return read_dictionary(read_csv_file(path, DICTIONARY_LIMITS), name)


def read_dictionary(text: str, name: str) -> ImportResult:
    """Turn a REDCap data dictionary into a questionnaire, or raise ValidationError listing
    every row that cannot be taken."""
    rows = csv_rows(text, DICTIONARY_LIMITS)
    if not rows or [c.strip() for c in rows[0][:5]] != list(COLUMNS[:5]):
        raise ValidationError(
            {
                "file": "This is not a REDCap data dictionary: its first line should start with "
                '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label".'
            }
        )
    body = [
        (line, [unguard_cell(cell) for cell in row])
        for line, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    if not body:
        raise ValidationError({"file": "The data dictionary has no fields in it."})
    problems = [
        f"Line {line} ({row[0].strip()}): it has {len(row)} cells; a data dictionary has "
        f"{len(COLUMNS)}."
        for line, row in body
        if any(cell.strip() for cell in row[len(COLUMNS) :])
    ]
    body = [(line, row + [""] * (len(COLUMNS) - len(row))) for line, row in body]
    name = name.strip()
    usual_form = form_name_for(name)
    record_id = body[0][1][0].strip()
    notes = [f"The first field, {record_id}, is REDCap's record ID and is not a question."]
    sections: list[Section] = []
    title, intro, form = "", "", None
    questions: list[Question] = []
    about = {TITLE_FIELD: "", PURPOSE_FIELD: ""}  # the form's title for patients, its purpose

    def close_section() -> None:
        if questions or intro:
            kept_form = "" if form in (None, usual_form) else form
            sections.append(Section(title, tuple(questions), intro, form=kept_form or ""))

    for line, row in body[1:]:
        field, form_name, header, field_type, label = (c.strip() for c in row[:5])
        if field_type == "descriptive" and field in about and not header:
            about[field] = from_html(label)
            continue
        if header or form_name != form:
            close_section()
            title, intro, questions = from_html(header) or _title(form_name), "", []
            form = form_name
        if field_type == "descriptive":
            intro = (intro + "\n" + from_html(label)).strip()
            continue
        try:
            questions.append(_question(row, notes))
        except ValueError as problem:
            problems.append(f"Line {line} ({field}): {problem}")
    close_section()
    if problems:
        raise ValidationError({"file": _refusal(problems)})
    introduction = ""
    if sections and not sections[0].questions:  # text before the first question: a welcome
        introduction = sections.pop(0).introduction
    questionnaire = Questionnaire(
        name=name,
        sections=tuple(sections),
        introduction=introduction,
        record_id="" if record_id == RECORD_ID else record_id,
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
    identifier, branching, required, annotation = (row[10], row[11], row[12], row[17].strip())
    second_language, not_in_base = "", set[int]()
    found = SECOND_LANGUAGE_TAG.search(annotation)
    if found:
        second_language = found.group(1).replace('""', '"')
        annotation = (annotation[: found.start()] + annotation[found.end() :]).strip()
    found = NOT_IN_BASE_TAG.search(annotation)
    if found:
        not_in_base = {int(code) for code in found.group(1).split(",")}
        annotation = (annotation[: found.start()] + annotation[found.end() :]).strip()
    base = Question(
        code=field,
        text=from_html(label),
        type=AnswerType.SHORT_TEXT,
        hint=from_html(note),
        required=required.strip().lower() == "y",
        quasi_identifier=identifier.strip().lower() == "y",
        show_if=_branching(branching.strip()),
        annotation=annotation,
        text_second_language=second_language,
    )
    if field_type in ("radio", "dropdown", "checkbox", "yesno", "truefalse"):
        options: tuple[Option, ...]
        if field_type == "yesno":
            options = (Option(1, "Yes"), Option(0, "No"))
        elif field_type == "truefalse":
            options = (Option(1, "True"), Option(0, "False"))
        else:
            options = _choices(choices)
        answer_type = AnswerType.MULTIPLE if field_type == "checkbox" else AnswerType.SINGLE
        tagged = TYPE_TAG.search(annotation)
        ours = (AnswerType.AGREEMENT, AnswerType.YES_NO_NA)
        if field_type == "radio" and tagged and tagged.group(1) in ours:
            answer_type = AnswerType(tagged.group(1))
            annotation = (annotation[: tagged.start()] + annotation[tagged.end() :]).strip()
        options = tuple(replace(o, not_in_base=o.code in not_in_base) for o in options)
        return replace(base, type=answer_type, options=options, annotation=annotation)
    if field_type == "notes":
        return replace(base, type=AnswerType.LONG_TEXT)
    if field_type != "text":
        raise ValueError(_unsupported(field_type, validation))
    if not validation:
        return base
    if validation in VALIDATIONS[AnswerType.NUMBER]:
        number = replace(base, type=AnswerType.NUMBER)
        number = replace(
            number,
            minimum=_limit(low, read_number, field, "minimum", notes),
            maximum=_limit(high, read_number, field, "maximum", notes),
        )
        return _with_validation(number, validation)
    if validation in VALIDATIONS[AnswerType.DATE]:
        day = replace(
            base,
            type=AnswerType.DATE,
            earliest=_limit(low, _date_limit, field, "earliest date", notes) or "",
            latest=_limit(high, _date_limit, field, "latest date", notes) or "",
        )
        return _with_validation(day, validation)
    if validation in TEXT_VALIDATIONS:
        notes.append(
            f"{field}: kept as short text; REDCap checks it as {TEXT_VALIDATIONS[validation]}."
        )
        return replace(base, validation=validation)
    raise ValueError(f'text checked as "{validation}" is not a kind of answer we support.')


def _with_validation(question: Question, validation: str) -> Question:
    kept = "" if validation == usual_validation(question) else validation
    return replace(question, validation=kept)


def _limit(
    text: str, read: Callable[[str], T | None], field: str, what: str, notes: list[str]
) -> T | None:
    """A limit read with `read`; a limit we cannot read is left out, and the nurse told."""
    if not text:
        return None
    value = read(text)
    if value is None:
        notes.append(f'{field}: its {what} "{text}" is not one we can use, so it was left out.')
    return value


def _date_limit(text: str) -> str | None:
    return text.lower() if _DATE_LIMIT.fullmatch(text.lower()) else None


def _unsupported(field_type: str, validation: str) -> str:
    if field_type == "file" and validation == "signature":
        return "signatures cannot be collected on a paper survey."
    explained = {
        "calc": "calculated fields are worked out by REDCap, not answered by a patient.",
        "file": "file uploads cannot be part of a paper survey.",
        "slider": "sliders (visual scales) are not a kind of answer we support.",
        "sql": "database queries (sql fields) are not a kind of answer we support.",
    }
    return explained.get(field_type, f'the field type "{field_type}" is not supported.')


def _choices(text: str) -> tuple[Option, ...]:
    options = []
    for part in text.split("|"):
        code, _, label = part.strip().partition(",")
        if not _CODE.fullmatch(code.strip()):
            raise ValueError(f'answer code "{code.strip()[:20]}" is not a whole number.')
        options.append(Option(int(code), from_html(label)))
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


def _title(form_name: str) -> str:
    return form_name.replace("_", " ").strip().capitalize()
