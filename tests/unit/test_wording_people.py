"""What is printed for everyone is checked for people: few people in words, names not agreed."""

from pledge_desktop.domain.plain_english import check_wording


def kinds(parts, **names) -> list[tuple[str, str]]:
    return [
        (f.kind, f.text)
        for f in check_wording(parts, **names).findings
        if f.kind in ("few people", "name")
    ]


def test_a_small_number_of_people_in_words_is_flagged() -> None:
    found = kinds({"What you told us": "Two men told us they felt left out of clinic."})
    assert found == [("few people", "Two men")]


def test_shares_and_many_people_are_not_flagged() -> None:
    text = "Most patients told us the clinic was calm. 1 in 4 women waited too long."
    assert kinds({"What you told us": text}) == []


def test_a_representative_who_did_not_agree_is_found_in_any_case() -> None:
    found = kinds(
        {"How to get involved": "Ask jean testcase about joining our group."},
        not_to_be_named=["Jean Testcase"],
    )
    assert [k for k, _ in found] == ["name"]


def test_the_team_and_consenting_representatives_may_be_named() -> None:
    text = "Call Sister Ann Example or Grace Sample. Our representative Rosa Agreed can help."
    assert (
        kinds({"Contact": text}, may_be_named=["Sister Ann Example", "Grace Sample", "Rosa Agreed"])
        == []
    )


def test_a_patient_named_in_a_quote_is_flagged() -> None:
    found = kinds({"Your words": "My nurse called Margaret Fictional held my hand."})
    assert found == [("name", "Margaret Fictional")]
