"""Finding identifiers in free text: true and false examples of every kind."""

from datetime import date

import pytest

from pledge_desktop.domain.identifiers import (
    BIRTH_DATE,
    EMAIL,
    NAME,
    NHS_NUMBER,
    PHONE,
    POSTCODE,
    find_identifiers,
    name_patterns,
    nhs_number_is_valid,
    redact,
)

TODAY = date(2026, 11, 28)


def kinds(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_identifiers(text, names, TODAY)]


@pytest.mark.parametrize(
    ("number", "valid"),
    [("9434765919", True), ("9434765918", False), ("4010232137", True), ("1234567890", False)],
)
def test_nhs_number_check_digit(number: str, valid: bool) -> None:
    assert nhs_number_is_valid(number) is valid


@pytest.mark.parametrize("written", ["943 476 5919", "9434765919", "943-476-5919", "943 476 5918"])
def test_nhs_numbers_are_found_valid_or_not(written: str) -> None:
    (finding,) = find_identifiers(f"My number is {written}, she said.", today=TODAY)
    assert (finding.kind, finding.text) == (NHS_NUMBER, written)
    assert ("passes" in finding.note) is nhs_number_is_valid(
        written.replace(" ", "").replace("-", "")
    )


@pytest.mark.parametrize(
    "phone",
    [
        "01632 960123",
        "07700 900123",
        "+44 7700 900123",
        "(01632) 960123",
        "0800 123 4567",
        "020 7946 0018",
    ],
)
def test_uk_phone_numbers(phone: str) -> None:
    assert kinds(f"Ring me on {phone} after six.") == [(PHONE, phone)]


@pytest.mark.parametrize(
    "postcode",
    [
        "M1 1AE",
        "M60 1NW",
        "W1A 0AX",
        "CR2 6XH",
        "DN55 1PT",
        "EC1A 1BB",
        "SW1A1AA",
        "GIR 0AA",
        "ne1 4lp",
    ],
)
def test_postcodes_of_every_format(postcode: str) -> None:
    assert kinds(f"We live at {postcode} now.") == [(POSTCODE, postcode)]


@pytest.mark.parametrize(
    "harmless",
    [
        "I waited 3 weeks in 2026 and saw ward 12.",
        "Call 111 out of hours.",
        "She had 6 cycles of chemo and 15 sessions of radiotherapy.",
        "Seen on 12/03/2026 in clinic.",
        "I was diagnosed in March 2011.",
        "Q1 1AA is not a postcode, nor is AB1 on its own.",
        "An annual review with an example leaflet.",
    ],
)
def test_ordinary_words_and_numbers_are_left_alone(harmless: str) -> None:
    assert kinds(harmless, ("Sister Ann Example",)) == []


@pytest.mark.parametrize(
    ("text", "date_text"),
    [
        ("I was born on 12/03/1956.", "12/03/1956"),
        ("DOB 3.4.61", "3.4.61"),
        ("Date of birth: 1st March 1950", "1st March 1950"),
        ("It was 12 March 1950, a Sunday.", "12 March 1950"),
        ("born 02/05/2015", "02/05/2015"),  # recent, but said to be a birth date
    ],
)
def test_dates_of_birth(text: str, date_text: str) -> None:
    assert kinds(text) == [(BIRTH_DATE, date_text)]


def test_emails_and_names_of_staff_and_representatives() -> None:
    names = ("Sister Ann Example", "Margaret (fictional)", "D. R. (fictional)")
    text = "Ann Example emailed ann.example@example.org; Margaret came too. Ann was lovely."
    assert kinds(text, names) == [
        (NAME, "Ann Example"),
        (EMAIL, "ann.example@example.org"),
        (NAME, "Margaret"),
        (NAME, "Ann"),
    ]
    assert "D" not in name_patterns(names) and "Margaret" in name_patterns(names)


def test_redacting_puts_placeholders_in_place() -> None:
    text = "Call 07700 900123 or write to M60 1NW, NHS no 943 476 5919."
    assert redact(text, find_identifiers(text, today=TODAY)) == (
        "Call [phone number] or write to [postcode], NHS no [NHS number]."
    )


def test_name_lists_are_loaded_from_a_folder_and_can_be_the_default(tmp_path) -> None:
    from pledge_desktop.domain import identifiers

    (tmp_path / "first_names.txt").write_text("# a comment\nSusan\n", encoding="utf-8")
    (tmp_path / "surnames.txt").write_text("Jones\nHall\n", encoding="utf-8")
    (tmp_path / "everyday_words.txt").write_text("hall\n", encoding="utf-8")
    lists = identifiers.load_name_lists(tmp_path)
    assert lists.first_names == {"susan"} and "hall" in lists.everyday
    text = "susan jones waited in the hall"
    assert kinds(text) == []
    identifiers.use_name_lists(lists)
    try:
        assert kinds(text) == [(NAME, "susan jones")]
    finally:
        identifiers.use_name_lists(identifiers.NameLists())
    assert identifiers.load_name_lists(tmp_path / "missing") == identifiers.NameLists()
