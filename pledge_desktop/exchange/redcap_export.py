"""A questionnaire written as a REDCap data dictionary that REDCap accepts and that reads back
into the very same questionnaire (see redcap_format.py for how the two sides agree)."""

from __future__ import annotations

import csv
import io

from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire
from pledge_desktop.exchange.cells import guard_cell
from pledge_desktop.exchange.redcap_format import (
    COLUMNS,
    PURPOSE_FIELD,
    RECORD_ID,
    TITLE_FIELD,
    as_html,
    choice_html,
    form_name_for,
    number_text,
    second_language_tag,
    usual_validation,
)


def write_dictionary(questionnaire: Questionnaire) -> str:
    """A REDCap data dictionary, with our own answer types kept in field annotations. Cells
    that a spreadsheet would run as formulas carry a leading apostrophe (exchange/cells.py)."""
    usual_form = form_name_for(questionnaire.name)
    forms = [section.form or usual_form for section in questionnaire.sections]
    first_form = forms[0] if forms else usual_form
    multiple = {q.code for q in questionnaire.questions() if q.type is AnswerType.MULTIPLE}
    taken = {q.code for q in questionnaire.questions()}
    record_id = questionnaire.record_id or RECORD_ID
    rows = [list(COLUMNS), _row(record_id, first_form, field_type="text", label="Record ID")]
    for field, text in (
        (TITLE_FIELD, questionnaire.patient_title),
        (PURPOSE_FIELD, questionnaire.purpose),
    ):
        if text:
            rows.append(_row(field, first_form, "", "descriptive", as_html(text)))
    if questionnaire.introduction:
        name = _free("survey_introduction", taken)
        rows.append(_row(name, first_form, "", "descriptive", as_html(questionnaire.introduction)))
    for number, (section, form) in enumerate(
        zip(questionnaire.sections, forms, strict=True), start=1
    ):
        header = as_html(section.title)
        if section.introduction:
            name = _free(f"section_{number}_intro", taken)
            rows.append(_row(name, form, header, "descriptive", as_html(section.introduction)))
            header = ""
        for question in section.questions:
            rows.append(_question_row(question, form, header, multiple))
            header = ""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows([guard_cell(cell) for cell in row] for row in rows[1:])
    return out.getvalue()


def _free(name: str, taken: set[str]) -> str:
    """A field name for a block of text that no question uses."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    taken.add(candidate)
    return candidate


def _question_row(q: Question, form: str, header: str, multiple: set[str]) -> list[str]:
    field_type, tag = "text", ""
    if q.type in (AnswerType.SINGLE, AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
        field_type = "radio"
        if q.type is not AnswerType.SINGLE:
            tag = f"@PLEDGE-TYPE={q.type.value}"
    elif q.type is AnswerType.MULTIPLE:
        field_type = "checkbox"
    elif q.type is AnswerType.LONG_TEXT:
        field_type = "notes"
    row = _row(q.code, form, header, field_type, as_html(q.text))
    row[5] = " | ".join(f"{o.code}, {choice_html(o.label)}" for o in q.options)
    row[6] = as_html(q.hint)
    if field_type == "text":
        row[7] = q.validation or usual_validation(q)
    if q.type is AnswerType.NUMBER:
        row[8], row[9] = number_text(q.minimum), number_text(q.maximum)
    elif q.type is AnswerType.DATE:
        row[8], row[9] = q.earliest, q.latest
    row[10] = "y" if q.quasi_identifier else ""
    row[11] = _write_rule(q, multiple)
    row[12] = "y" if q.required else ""
    apart = ",".join(str(o.code) for o in q.options if o.not_in_base)
    ours = [
        tag,
        f"@PLEDGE-NOT-IN-BASE={apart}" if apart else "",
        second_language_tag(q.text_second_language) if q.text_second_language else "",
    ]
    row[17] = " ".join(part for part in (*ours, q.annotation) if part)
    return row


def _write_rule(q: Question, multiple: set[str]) -> str:
    if q.show_if is None:
        return ""
    parts = []
    for c in q.show_if.conditions:
        if c.question in multiple:  # REDCap asks about one box: [field(code)] = '1'
            parts.append(f"[{c.question}({c.value})] = '{'1' if c.op == '=' else '0'}'")
        else:
            quote = '"' if "'" in c.value else "'"
            parts.append(f"[{c.question}] {c.op} {quote}{c.value}{quote}")
    return f" {q.show_if.join} ".join(parts)


def _row(
    field: str, form: str, header: str = "", field_type: str = "", label: str = ""
) -> list[str]:
    return [field, form, header, field_type, label] + [""] * (len(COLUMNS) - 5)
