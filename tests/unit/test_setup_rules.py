from datetime import date

import pytest

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.setup import (
    CycleStatus,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    TeamMember,
    check_email,
    check_phone,
    validate_cycle,
    validate_hospital,
    validate_representative,
    validate_team_member,
)


def test_hospital_codes_are_tidied_to_capitals() -> None:
    tidy = validate_hospital(Hospital(name=" Riverside ", trust_code="rzz", site_code="rzz 01"))
    assert (tidy.name, tidy.trust_code, tidy.site_code) == ("Riverside", "RZZ", "RZZ01")


@pytest.mark.parametrize("code", ["RZZ", "7A1", "R1H"])
def test_trust_codes_of_three_characters_pass(code: str) -> None:
    assert validate_hospital(Hospital(name="H", trust_code=code)).trust_code == code


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("trust_code", "RZ"),
        ("trust_code", "RZZ01"),
        ("site_code", "RZZ0"),
        ("site_code", "R-Z01"),
        ("site_code", "RZZ0123"),
        ("unit_phone", "12345"),
        ("out_of_hours_phone", "call the ward"),
    ],
)
def test_bad_hospital_values_are_refused_with_the_field_named(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_hospital(Hospital(name="H", **{field: value}))
    assert field in caught.value.problems
    assert caught.value.problems[field].endswith(".")


def test_hospital_needs_a_name() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_hospital(Hospital(name="   "))
    assert caught.value.problems == {"name": "Please give the hospital's name."}


@pytest.mark.parametrize(
    "phone",
    ["01632 960123", "(01632) 960123", "+44 1632 960123", "07700900123", "01632 960123 ext 42"],
)
def test_uk_phone_numbers_pass(phone: str) -> None:
    assert check_phone(phone) is None


@pytest.mark.parametrize("email", ["ann@example", "ann example@example.org", "@example.org"])
def test_incomplete_emails_are_refused(email: str) -> None:
    assert check_email(email) is not None


def test_team_member_needs_a_name_and_sound_contact_details() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_team_member(TeamMember(cycle_id=1, name="", phone="123", email="x"))
    assert set(caught.value.problems) == {"name", "phone", "email"}


def test_representative_needs_a_name() -> None:
    with pytest.raises(ValidationError):
        validate_representative(PatientRepresentative(cycle_id=1, name=" "))


def test_cycle_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_cycle(PledgeCycle("2026", date(2026, 5, 1), date(2026, 4, 30)))
    assert "end_date" in caught.value.problems


def test_cycle_status_has_plain_labels_in_order() -> None:
    assert [s.label for s in CycleStatus] == [
        "Planning",
        "Collecting views",
        "Agreeing goals",
        "Published",
        "Reviewing",
    ]
