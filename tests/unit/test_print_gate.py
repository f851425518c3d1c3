"""The identifier check on print: what the booklet prints by design passes when it holds its own
kind of identifier only; everything else the team or patients wrote is a finding."""

from pledge_desktop.domain.booklet import (
    DEFAULT_WORDS,
    BookletContents,
    Helpline,
    PrintedQuote,
    TeamContact,
)
from pledge_desktop.domain.identifiers import NameLists, find_identifiers
from pledge_desktop.domain.print_gate import (
    cleaned_contents,
    printed_words,
    public_facts,
    review_print,
)

LISTS = NameLists(frozenset({"margery", "jean"}), frozenset({"testcase"}))


def booklet(**changes) -> BookletContents:  # type: ignore[no-untyped-def]
    base = dict(
        hospital="Riverside General Hospital",
        trust="Northdale Hospitals NHS Foundation Trust",
        cycle_label="2026",
        words=DEFAULT_WORDS,
        unit_phone="01632 960000",
        out_of_hours_phone="01632 960999",
        address="Riverside General Hospital, 1 River Road, Northdale NE1 1AA",
        team=(TeamContact("Grace Sample", "Breast Care Nurse", "01632 960125"),),
        standards=("We will ring you back on the same working day.",),
        findings=(),
        forms=0,
        goals=(),
        quotes=(),
        representatives=("Keith Person",),
    )
    return BookletContents(**{**base, **changes})  # type: ignore[arg-type]


def findings(contents: BookletContents) -> list[tuple[str, str, str]]:
    found = review_print(printed_words(contents), public_facts(contents), lists=LISTS)
    return [(f.table, f.field, f.kind) for f in found]


def test_the_team_and_the_unit_pass_where_they_are_printed_and_where_they_are_written() -> None:
    words = DEFAULT_WORDS.__class__(
        **{
            **{n: getattr(DEFAULT_WORDS, n) for n in ("welcome", "get_involved", "other_formats")},
            "contact": "Ring Grace Sample on 01632 960125 or the unit on +44 1632 960000.",
            "out_of_hours": "Out of hours, ring 01632 960999.",
        }
    )
    assert findings(booklet(words=words)) == []


def test_a_patient_in_a_standard_and_a_date_in_a_phone_field_are_found() -> None:
    contents = booklet(
        standards=("Margery Testcase asked us to ring her on 07700 900461.",),
        team=(TeamContact("Grace Sample", "Breast Care Nurse", "seen on 12/03/2026"),),
    )
    assert findings(contents) == [
        ("team", "phone", "date"),
        ("standard", "text", "name"),
        ("standard", "text", "phone number"),
    ]
    found = review_print(printed_words(contents), public_facts(contents), lists=LISTS)
    clean = cleaned_contents(contents, found)
    assert clean.standards == ("[removed] asked us to ring her on [removed].",)
    assert clean.team[0].phone == "seen on [removed]"
    assert "“[removed] asked" not in found[1].note and "M****** T*******" in found[1].note


def test_a_first_name_under_a_quote_passes_only_with_consent() -> None:
    agreed = PrintedQuote("They listened.", "Jean, 2026", named_with_consent=True)
    anonymous = PrintedQuote("They listened.", "Jean, 2026")
    dated = PrintedQuote("They listened.", "Jean, born 02/04/1950", named_with_consent=True)
    assert findings(booklet(quotes=(agreed,))) == []
    assert findings(booklet(quotes=(anonymous,))) == [("quote", "said by", "name")]
    assert findings(booklet(quotes=(dated,))) == [
        ("quote", "said by, named with consent", "date of birth")
    ]


def test_no_borrowing_from_helplines_or_mixing_two_peoples_names() -> None:
    """Found by an outside tester: a name hidden in a helpline's name, or a name made of one
    team member's first name and another's surname, was let through elsewhere."""
    lists = NameLists(frozenset({"margery", "grace", "ethel"}), frozenset({"testcase", "sample"}))
    contents = booklet(
        helplines=(Helpline("Macmillan Ethel Testcase", "07700 900111"),),
        team=(
            TeamContact("Grace Sample", "Breast Care Nurse", "01632 960125"),
            TeamContact("Margery Placeholder", "Consultant Breast Surgeon", ""),
        ),
        standards=(
            "Ethel Testcase will ring you on 07700 900111.",
            "Grace Sample or Margery Placeholder will ring you.",
            "Margery Sample will ring you.",
        ),
    )
    found = review_print(printed_words(contents), public_facts(contents), lists=lists)
    assert [(f.row, f.kind) for f in found if f.table == "standard"] == [
        ("1", "name"),
        ("1", "phone number"),
        ("3", "name"),
    ]


def test_a_patient_in_a_team_members_role_is_found_but_a_job_title_is_not() -> None:
    contents = booklet(
        team=(
            TeamContact("Grace Sample", "Consultant Oncologist", ""),
            TeamContact("Tom Example", "Nurse (patient Mrs Margery Testcase)", ""),
        )
    )
    assert findings(contents) == [("team", "role", "name")]


def test_unusual_spaces_and_single_digits_do_not_hide_an_nhs_number() -> None:
    for written in ("943\u00a0476\u00a05919", "9 4 3 4 7 6 5 9 1 9", "943\u202f476\u202f5919"):
        found = find_identifiers(f"My number is {written}.")
        assert [f.kind for f in found] == ["NHS number"], written
    assert find_identifiers("Scores: 1 2 3 4 5 6 7 8 9 0") == []


def test_a_name_in_the_units_address_and_spelled_out_contacts_are_found() -> None:
    contents = booklet(address="Riverside General Hospital, c/o Mrs Margery Testcase, NE1 1AA")
    assert findings(contents) == [("unit", "address", "name")]
    for written, kind in (
        ("ethel dot brownlow at example dot com", "email address"),
        ("ethel.brownlow[at]example.co.uk", "email address"),
        ("447700900128", "phone number"),
    ):
        assert [f.kind for f in find_identifiers(f"Write to {written} today.")] == [kind], written
    assert find_identifiers("We met at the clinic. Dot came too; she scored 44 points.") == []
