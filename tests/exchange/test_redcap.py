"""REDCap data dictionaries, tested against real exports kept in tests/data/redcap."""

from pathlib import Path

import pytest

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.questionnaire import AnswerType, Condition, from_json
from pledge_desktop.exchange.redcap import COLUMNS, read_dictionary, write_dictionary
from pledge_desktop.paths import resource

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "redcap"


def sample(name: str) -> str:
    path = SAMPLES / name
    assert path.is_file(), f"the REDCap samples are expected in {SAMPLES}"
    return path.read_text(encoding="utf-8")


def test_a_real_survey_dictionary_imports_with_its_types() -> None:
    result = read_dictionary(sample("survey-data-dictionary.csv"), "REDCap sample")
    q = {question.code: question for question in result.questionnaire.questions()}
    assert "participant_id" not in q, "REDCap's record ID is not a question"
    assert len(q) == 24
    assert q["ethnicity"].type is AnswerType.SINGLE
    assert [o.code for o in q["race"].options] == [0, 1, 2, 3, 4, 5, 6]
    assert q["consent"].type is AnswerType.MULTIPLE
    assert q["has_diabetes"].type is AnswerType.SINGLE  # truefalse
    assert [o.label for o in q["pmq3"].options] == ["Yes", "No"]  # yesno keeps REDCap's codes
    assert q["dob"].type is AnswerType.DATE
    assert (q["height"].type, q["height"].minimum, q["height"].maximum) == (
        AnswerType.NUMBER,
        130,
        215,
    )
    assert q["weight"].type is AnswerType.NUMBER
    assert q["address"].type is AnswerType.LONG_TEXT
    assert q["email"].quasi_identifier and q["first_name"].quasi_identifier
    assert not q["sex"].quasi_identifier
    assert any("email" in note for note in result.notes)
    titles = [s.title for s in result.questionnaire.sections]
    assert "This form is to be filled out by study personnel." in titles


def test_every_unsupported_field_is_listed_and_nothing_imported() -> None:
    with pytest.raises(ValidationError) as caught:
        read_dictionary(sample("validation-types-dictionary.csv"), "Everything")
    message = str(caught.value)
    assert message.startswith("Nothing was imported, because 30 field(s) cannot be used")
    for field in (
        "f_calculated",
        "f_file_upload",
        "f_signature",
        "f_slider",
        "f_sql",
        "v_datetime_ymd",
        "v_ssn",
        "v_zipcode",
        "v_time_mm_ss",
    ):
        assert f"({field})" in message
    for supported in ("f_checkbox", "f_radio", "f_notes", "v_integer", "v_date_dmy", "v_email"):
        assert f"({supported})" not in message


@pytest.mark.parametrize(
    "name",
    [
        "primary-breast-cancer",
        "secondary-breast-cancer",
        "primary-breast-cancer-v2",
        "secondary-breast-cancer-v2",
    ],
)
def test_our_templates_survive_a_trip_through_redcap(name: str) -> None:
    template = from_json(resource("questionnaires", f"{name}.json").read_text("utf-8"))
    text = write_dictionary(template)
    assert text.splitlines()[0].split(",")[0] == COLUMNS[0]
    assert text.splitlines()[1].startswith("record_id,")
    assert read_dictionary(text, template.name).questionnaire == template


def test_checkbox_branching_is_written_as_redcap_expects() -> None:
    template = from_json(resource("questionnaires", "primary-breast-cancer.json").read_text())
    text = write_dictionary(template)
    assert "[tx_received(2)] = '1'" in text
    assert "[bcn_named] = '1'" in text


def test_branching_logic_forms() -> None:
    head = ",".join(f'"{c}"' for c in COLUMNS)

    def one(rule: str) -> str:
        return (
            f"{head}\nrecord_id,f,,text,ID,,,,,,,,,,,,,\n"
            'a,f,,radio,A?,"1, Yes | 2, No",,,,,,,,,,,,\n'
            'b,f,,radio,B?,"1, Yes | 2, No",,,,,,,,,,,,\n'
            f'c,f,,notes,C?,,,,,,,"{rule}",,,,,,\n'
        )

    rule = read_dictionary(one("[a] = '1' and [b] <> '2'"), "x").questionnaire.question("c").show_if
    assert rule.join == "and"
    assert rule.conditions == (Condition("a", "=", "1"), Condition("b", "<>", "2"))
    assert (
        read_dictionary(one("[a] = 1 or [b] = 1"), "x").questionnaire.question("c").show_if.join
        == "or"
    )
    for bad in ("[a] = '1' and [b] = '1' or [a] = '2'", "([a] = '1')", "datediff([a],'today')"):
        with pytest.raises(ValidationError, match="show rule"):
            read_dictionary(one(bad), "x")


def test_a_file_that_is_not_a_dictionary_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a REDCap data dictionary"):
        read_dictionary("name,age\nAnn,54\n", "x")


def test_answers_apart_from_the_base_and_a_second_language_survive_redcap() -> None:
    from dataclasses import replace

    template = from_json(resource("questionnaires", "primary-breast-cancer-v2.json").read_text())
    first = template.sections[0]
    welsh = replace(first.questions[0], text_second_language="Sut ydych chi'n teimlo?")
    bilingual = replace(
        template,
        purpose="What the survey is for.",
        sections=(replace(first, questions=(welsh, *first.questions[1:])), *template.sections[1:]),
    )
    text = write_dictionary(bilingual)
    assert "@PLEDGE-NOT-IN-BASE=4" in text
    assert "@PLEDGE-SECOND-LANGUAGE=" in text and "Sut ydych chi'n teimlo?" in text
    back = read_dictionary(text, bilingual.name).questionnaire
    assert back == bilingual
    assert back.question("diag_test_wait").options[3].not_in_base
    assert back.patient_title == "Your experience of our breast care service"
