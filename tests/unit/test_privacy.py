"""The privacy gate: every leaving text is reviewed, findings say where and what (masked), and
the nurse's decisions (remove, or "not an identifier") hold when the review runs again."""

from datetime import date
from pathlib import Path

import pytest

from pledge_desktop.domain.identifiers import (
    NAME,
    PHONE,
    find_identifiers,
    load_name_lists,
    mask,
    mask_words,
)
from pledge_desktop.domain.privacy import (
    REMOVED,
    OutgoingText,
    apply_decisions,
    clean_outgoing,
    decision_key,
    review_outgoing,
    words_about_few_people,
)

TODAY = date(2026, 11, 28)
LISTS = load_name_lists(Path(__file__).resolve().parents[2] / "resources" / "names")
VALUES = [
    OutgoingText("goal", "12", "title", "Ring Susan Jones on 07700 900123 about the leaflet"),
    OutgoingText("theme", "3", "name", "Waiting times"),
    OutgoingText("quote", "7", "attributed_to", "Patient, 2026"),
    OutgoingText("care_standard", "2", "text", ""),
]


def review(**options: object) -> list:
    return review_outgoing(VALUES, today=TODAY, lists=LISTS, **options)  # type: ignore[arg-type]


def test_findings_say_where_what_and_show_the_identifier_masked() -> None:
    found = review()
    assert [(f.where, f.kind, f.masked) for f in found] == [
        ("goal 12, title", NAME, "S**** J****"),
        ("goal 12, title", PHONE, "0**** 9*****"),
    ]
    assert all("Susan" not in f.masked and "900123" not in f.masked for f in found)


def test_removing_puts_a_marker_where_each_identifier_was() -> None:
    found = review()
    cleaned = apply_decisions(VALUES, found)
    assert cleaned[0].text == f"Ring {REMOVED} on {REMOVED} about the leaflet"
    assert cleaned[1:] == VALUES[1:]


def test_not_an_identifier_is_kept_and_holds_on_the_next_review() -> None:
    found = review()
    keep = {f.key for f in found if f.kind == NAME}
    cleaned = apply_decisions(VALUES, found, keep)
    assert cleaned[0].text == f"Ring Susan Jones on {REMOVED} about the leaflet"
    # run again: the kept name is no longer a finding, the phone number still is
    assert [f.kind for f in review(not_identifiers=keep)] == [PHONE]


def test_a_decision_lapses_when_the_words_change() -> None:
    key = decision_key("goal", "12", "title", "Susan Jones")
    assert key == decision_key("goal", "12", "title", "Susan Jones")
    assert key != decision_key("goal", "12", "title", "Susan Smith")
    assert key != decision_key("goal", "13", "title", "Susan Jones")
    assert key != decision_key("goal", "12", "why", "Susan Jones")


def test_clean_outgoing_reviews_and_removes_in_one_step() -> None:
    cleaned, removed = clean_outgoing(VALUES, today=TODAY, lists=LISTS, marker="[x]")
    assert cleaned[0].text == "Ring [x] on [x] about the leaflet"
    assert len(removed) == 2


def test_the_gate_reports_appointment_dates_but_not_plans() -> None:
    values = [
        OutgoingText("survey_answer", "5", "Q20", "I was seen on 12/03/2026 in clinic."),
        OutgoingText("goal", "1", "why", "Have the audit finished by 31 March 2027."),
    ]
    found = review_outgoing(values, today=TODAY, lists=LISTS)
    assert [(f.table, f.masked) for f in found] == [("survey_answer", "1*/0*/2***")]


def test_mask_keeps_only_the_first_letter_of_each_word() -> None:
    text = "Email ann.example@example.org today"
    (finding,) = find_identifiers(text, today=TODAY)
    assert mask(text, finding) == "a**.e******@e******.o**"
    assert mask_words("Jane Smith") == "J*** S****"
    assert finding.masked == mask(text, finding)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Two men told us they felt rushed.", ["Two men"]),
        ("3 patients said the clinic ran late.", ["3 patients"]),
        ("One woman asked for a leaflet in Polish.", ["One woman"]),
        ("A couple of older ladies found the stairs hard.", ["A couple of older ladies"]),
        ("1 in 4 women said yes, and 9 in 10 patients were happy.", []),
        ("Seven out of ten patients agreed.", []),
        ("Over 200 patients answered; 12 women came to the group.", []),
        ("One of the women said it was too loud.", []),
        ("We offer one-to-one support to every patient.", []),
    ],
)
def test_words_about_few_people(text: str, said: list[str]) -> None:
    assert [f.text for f in words_about_few_people(text)] == said


def test_few_people_advice_is_plain() -> None:
    (found,) = words_about_few_people("Two men told us.")
    assert found.count == 2 and "2 people" in found.advice
