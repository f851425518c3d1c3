"""Our REDCap export reads back into exactly the questionnaire written, and damaged or foreign
files get plain refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledge_desktop.domain.errors import FileRefused, ValidationError
from pledge_desktop.domain.questionnaire import (
    OPERATORS,
    VALIDATIONS,
    AnswerType,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowRule,
    check_questionnaire,
    from_json,
    to_json,
)
from pledge_desktop.exchange.redcap import (
    COLUMNS,
    read_dictionary,
    read_dictionary_file,
    write_dictionary,
)
from pledge_desktop.exchange.redcap_format import usual_validation
from pledge_desktop.paths import resource

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "redcap"
HEAD = ",".join(f'"{c}"' for c in COLUMNS)

words = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
        min_size=1,
        max_size=25,
    )
    .map(lambda t: " ".join(t.split()))
    .filter(bool)
)
maybe_words = st.one_of(st.just(""), words)
limits = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
date_limits = st.sampled_from(["", "today", "2020-01-31", "1999-12-01"])


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    codes = draw(
        st.lists(
            st.from_regex(r"q_[a-z0-9]{1,6}", fullmatch=True), min_size=1, max_size=12, unique=True
        )
    )
    earlier: list[Question] = []
    for code in codes:
        earlier.append(draw(question(code, tuple(earlier))))
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(codes) - 1)), max_size=3)))
    groups = [earlier[a:b] for a, b in zip([0, *cuts], [*cuts, len(earlier)], strict=True)]
    sections = tuple(
        Section(
            title=draw(words),
            questions=tuple(group),
            introduction="\n".join(draw(st.lists(words, max_size=2))),
            form=draw(st.sampled_from(["", "form_a", "intake", "follow_up"])),
        )
        for group in groups
        if group
    )
    return Questionnaire(
        name=draw(words),
        sections=sections,
        introduction=draw(maybe_words),
        record_id=draw(st.sampled_from(["", "participant_id"])),
    )


@st.composite
def question(draw: st.DrawFn, code: str, earlier: tuple[Question, ...]) -> Question:
    answer_type = draw(st.sampled_from(list(AnswerType)))
    q = Question(
        code=code,
        text=draw(words),
        type=answer_type,
        required=draw(st.booleans()),
        quasi_identifier=draw(st.booleans()),
        hint=draw(maybe_words),
        annotation=draw(maybe_words.filter(lambda a: "@PLEDGE" not in a)),
        show_if=draw(rule(earlier)),
    )
    if answer_type.has_options:
        fewest = 1 if answer_type is AnswerType.MULTIPLE else 2
        codes = draw(st.lists(st.integers(-99, 9999), min_size=fewest, max_size=5, unique=True))
        options = tuple(Option(c, draw(words)) for c in codes)
        q = Question(**{**vars(q), "options": options})
    if answer_type is AnswerType.NUMBER:
        q = Question(**{**vars(q), "minimum": draw(limits), "maximum": draw(limits)})
    if answer_type is AnswerType.DATE:
        q = Question(**{**vars(q), "earliest": draw(date_limits), "latest": draw(date_limits)})
    choices = ["", *VALIDATIONS.get(answer_type, ())]
    validation = draw(st.sampled_from(choices))
    if validation == usual_validation(q):  # the usual one is kept as ""
        validation = ""
    return Question(**{**vars(q), "validation": validation})


@st.composite
def rule(draw: st.DrawFn, earlier: tuple[Question, ...]) -> ShowRule | None:
    usable = [q for q in earlier if q.type.has_options]
    if not usable or draw(st.booleans()):
        return None
    conditions = []
    for _ in range(draw(st.integers(1, 3))):
        q = draw(st.sampled_from(usable))
        ops = ("=", "<>") if q.type is AnswerType.MULTIPLE else OPERATORS
        value = str(draw(st.sampled_from(q.options)).code)
        conditions.append(Condition(q.code, draw(st.sampled_from(ops)), value))
    # one condition is written "and", as the editor writes it: "or" would mean the same
    join = draw(st.sampled_from(["and", "or"])) if len(conditions) > 1 else "and"
    return ShowRule(tuple(conditions), join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questionnaires())
def test_any_questionnaire_reads_back_exactly(questionnaire: Questionnaire) -> None:
    assert check_questionnaire(questionnaire) == []
    text = write_dictionary(questionnaire)
    assert read_dictionary(text, questionnaire.name).questionnaire == questionnaire
    assert from_json(to_json(questionnaire)) == questionnaire  # and the database keeps it all


@pytest.mark.parametrize("name", ["primary-breast-cancer", "secondary-breast-cancer"])
def test_the_bundled_templates_read_back_exactly(name: str, tmp_path: Path) -> None:
    template = from_json(resource("questionnaires", f"{name}.json").read_text("utf-8"))
    path = tmp_path / "dictionary.csv"
    path.write_text(write_dictionary(template), encoding="utf-8", newline="")
    assert read_dictionary_file(path, template.name).questionnaire == template


def test_a_real_redcap_dictionary_goes_out_as_it_came_in() -> None:
    first = read_dictionary_file(SAMPLES / "survey-data-dictionary.csv", "Sample").questionnaire
    again = read_dictionary(write_dictionary(first), "Sample").questionnaire
    assert again == first
    q = {question.code: question for question in first.questions()}
    assert q["dob"].validation == "date_ymd"
    assert (q["height"].validation, q["weight"].validation) == ("number", "")  # integer: usual
    assert q["email"].validation == "email"
    assert first.record_id == "participant_id"
    assert first.sections[0].form == "prescreening_survey"
    assert "participant_info_survey" in [s.form for s in first.sections]
    exported = list(csv.reader(io.StringIO(write_dictionary(first))))
    assert exported[1][:2] == ["participant_id", "prescreening_survey"]
    assert {row[0]: row[7] for row in exported}["dob"] == "date_ymd"


def one_field(cells: str) -> str:
    return f"{HEAD}\nrecord_id,f,,text,ID,,,,,,,,,,,,,\n{cells}\n"


def test_negative_codes_and_limits_are_not_guarded() -> None:
    questionnaire = read_dictionary(
        one_field(
            'a,f,,radio,"-Sure?","-1, -Not sure | 1, Yes",,,,,,,,,,,,\n'
            "b,f,,text,Dose,,,number,-10,-0.5,,,,,,,,"
        ),
        "x",
    ).questionnaire
    text = write_dictionary(questionnaire)
    assert "-1, -Not sure | 1, Yes" in text and ",number,-10,-0.5," in text
    assert "'-Sure?" in text  # a label that would run as a formula keeps its guard
    again = read_dictionary(text, "x").questionnaire
    assert again == questionnaire
    a, b = again.questions()
    assert a.text == "-Sure?" and a.options == (Option(-1, "-Not sure"), Option(1, "Yes"))
    assert (b.minimum, b.maximum, b.validation) == (-10, -0.5, "")


def test_date_limits_annotations_and_html_are_kept() -> None:
    questionnaire = read_dictionary(
        one_field(
            'd,visit,,text,"Date of <b>surgery</b> &amp; clinic",,,date_ymd,2020-01-01,today,'
            ",,,,,,,@HIDDEN-SURVEY"
        ),
        "x",
    ).questionnaire
    (d,) = questionnaire.questions()
    assert (d.type, d.validation, d.earliest, d.latest) == (
        AnswerType.DATE,
        "date_ymd",
        "2020-01-01",
        "today",
    )
    assert d.text == "Date of surgery & clinic" and d.annotation == "@HIDDEN-SURVEY"
    assert questionnaire.sections[0].form == "visit"
    assert read_dictionary(write_dictionary(questionnaire), "x").questionnaire == questionnaire


def test_unreadable_limits_are_left_out_with_a_note() -> None:
    result = read_dictionary(one_field("n,f,,text,N,,,integer,nan,ten,,,,,,,,"), "x")
    assert result.questionnaire.questions()[0].minimum is None
    assert any('"nan" is not one we can use' in note for note in result.notes)


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, "This is an Excel workbook, not a CSV|Excel workbook"),
        (HEAD.encode() + b"\nrecord_id,f,,text,\x81\x8d caf\xc3,,,,,,,,,,,,,\n", "on line 2"),
        (
            (HEAD + "\nrecord_id,f,,text,ID\n" + "a,f,,notes," + "x" * 140_000 + "\n").encode(),
            "Row 3, column Field Label: the cell holds 140,000 characters",
        ),
        ((HEAD + "\n" + "a,f,,notes,A\n" * 5_001).encode(), "more than 5,000 fields"),
        (b"x" * (10 * 1024 * 1024 + 1), "can be at most 10 MB"),
    ],
)
def test_files_that_cannot_be_dictionaries_get_plain_refusals(
    raw: bytes, named: str, tmp_path: Path
) -> None:
    path = tmp_path / "dictionary.csv"
    path.write_bytes(raw)
    with pytest.raises(FileRefused, match=named):
        read_dictionary_file(path, "x")
    assert path.read_bytes() == raw


def test_rows_longer_than_a_dictionary_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"Line 3 \(a\): it has 19 cells"):
        read_dictionary(one_field("a,f,,notes,A,,,,,,,,,,,,,,surplus"), "x")
