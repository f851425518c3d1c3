"""What the REDCap data dictionary reader and writer agree on.

The writer leaves out what the reader would take as the usual (a form named after the survey,
`integer` for a number with whole limits, `date_dmy`), and the reader stores only what differs
from it, so that a questionnaire written and read back is equal to the one written.

REDCap shows labels, notes, section headers and choice labels as HTML: the writer escapes
`&`, `<`, `>` (and `|` in choices, REDCap's separator), and the reader removes tags and undoes
entities, so that text means the same on both sides.
"""

from __future__ import annotations

import html
import math
import re

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.exchange.text_files import MB, CsvLimits

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
DICTIONARY_LIMITS = CsvLimits("a data dictionary", 10 * MB, 5_000, row_word="fields")
RECORD_ID = "record_id"
TYPE_TAG = re.compile(r"@PLEDGE-TYPE=(\w+)")
# Our own action tags, which REDCap keeps but does not act on: answers left out of the base
# ("does not apply", "don't know"), and the question in the team's second language.
NOT_IN_BASE_TAG = re.compile(r"\s*@PLEDGE-NOT-IN-BASE=(-?\d+(?:,-?\d+)*)")
SECOND_LANGUAGE_TAG = re.compile(r'\s*@PLEDGE-SECOND-LANGUAGE="((?:[^"]|"")*)"')
# descriptive fields that carry the form's title for patients and its purpose paragraph
TITLE_FIELD, PURPOSE_FIELD = "survey_title", "survey_purpose"


def second_language_tag(text: str) -> str:
    return '@PLEDGE-SECOND-LANGUAGE="' + text.replace('"', '""') + '"'
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def form_name_for(survey_name: str) -> str:
    """The REDCap form (instrument) name a survey's questions go in unless they say otherwise."""
    return re.sub(r"[^a-z0-9]+", "_", survey_name.lower()).strip("_")[:50] or "survey"


def usual_validation(question: Question) -> str:
    """The REDCap text validation written when the question names none."""
    if question.type is AnswerType.NUMBER:
        limits = (question.minimum, question.maximum)
        whole = all(v is None or float(v).is_integer() for v in limits)
        return "integer" if whole else "number"
    if question.type is AnswerType.DATE:
        return "date_dmy"
    return ""


def as_html(text: str) -> str:
    return html.escape(text, quote=False)


def choice_html(text: str) -> str:
    return as_html(text).replace("|", "&#124;")


def from_html(text: str) -> str:
    """Text as REDCap shows it: tags removed, entities undone, spaces at the ends trimmed."""
    return html.unescape(_TAG.sub("", text or "")).strip()


def number_text(value: float | None) -> str:
    """A limit written so that reading it back gives the same number."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def read_number(text: str) -> float | None:
    """A limit as a finite number, or None when there is none or it is not one."""
    try:
        number = float(text.replace("_", "?"))  # float() would take 1_000
    except ValueError:
        return None
    return number if math.isfinite(number) else None
