"""Forms typed into a spreadsheet: anything doubtful is refused, by row and column."""

from pathlib import Path

import pytest

from pledge_desktop.domain.errors import FileRefused, ValidationError
from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Option,
    Question,
    Questionnaire,
    Section,
)
from pledge_desktop.exchange.responses_csv import read_responses, read_responses_file

SURVEY = Questionnaire(
    "Test survey",
    (
        Section(
            "All",
            (
                Question("seen", "Seen?", AnswerType.SINGLE, (Option(1, "Yes"), Option(2, "No"))),
                Question("visits", "How many visits?", AnswerType.NUMBER),
                Question("comment", "Anything else?", AnswerType.LONG_TEXT),
            ),
        ),
    ),
)


def refusal(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        read_responses(text, SURVEY)
    return str(caught.value)


def test_a_good_file_is_read() -> None:
    forms = read_responses("serial,seen,visits,comment\n7,1,3,fine\n0008,2,,\n", SURVEY)
    assert [f.serial for f in forms] == [7, 8]
    assert forms[0].answers["visits"].value == 3


def test_a_row_cut_short_is_refused_naming_the_row() -> None:
    message = refusal("serial,seen,visits,comment\n7,1,3,fine\n8,1")
    assert "Row 3 has 2 cells but the heading row has 4: the row is cut short" in message


def test_extra_cells_and_repeated_columns_are_refused() -> None:
    assert "Row 2 has 5 cells but the heading row has 4" in refusal(
        "serial,seen,visits,comment\n7,1,3,fine,surplus\n"
    )
    message = refusal("serial,seen,comment,seen\n7,1,x,\n")
    assert 'Column 4 ("seen") repeats column 2' in message
    assert "Column 3 has no heading" in refusal("serial,seen,,comment\n7,1,,x\n")


@pytest.mark.parametrize(
    "cell", ["nan", "NaN", "inf", "-inf", "infinity", "Infinity", "1e999", "1_000", "0x10"]
)
def test_words_that_python_calls_numbers_are_not_numbers(cell: str) -> None:
    message = refusal(f"serial,visits\n7,{cell}\n")
    assert "Row 2, column visits:" in message


def test_numbers_beyond_what_sqlite_keeps_are_refused() -> None:
    assert "too large a number" in refusal("serial,visits\n7,9223372036854775808\n")
    assert read_responses("serial,visits\n7,9223372036854775000\n", SURVEY)


@pytest.mark.parametrize("serial", ["1" * 20, "9" * 30, "1234567890", "1" * 5000, "١٢"])
def test_long_or_foreign_serials_are_refused_plainly(serial: str) -> None:
    message = refusal(f"serial,seen\n{serial},1\n")
    assert "Row 2, column serial:" in message and "is not a form number" in message
    assert len(message) < 400


def test_huge_option_codes_are_refused_not_crashed_on() -> None:
    assert "is not one of the box numbers" in refusal(f"serial,seen\n7,{'1' * 5000}\n")


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"serial,comment\n7,caf\xe9 \x81\n", "on line 2"),
        (b"serial,comment\n7," + b"x" * (10 * 1024 * 1024) + b"\n", "Row 2, column comment"),
        (b"PK\x03\x04\x14\x00", "Excel workbook"),
    ],
)
def test_files_that_are_not_typed_forms_get_plain_refusals(
    raw: bytes, named: str, tmp_path: Path
) -> None:
    path = tmp_path / "typed.csv"
    path.write_bytes(raw)
    with pytest.raises(FileRefused, match=named):
        read_responses_file(path, SURVEY)
    assert path.read_bytes() == raw
