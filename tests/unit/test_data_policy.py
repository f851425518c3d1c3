"""The charity's data policy: the shipped file, what a broken file is told, and that a hospital
can never make the rules weaker."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from pledge_desktop.domain.errors import PolicyProblem
from pledge_desktop.domain.policy import parse_policy, policy_is_not_weaker, replacement_problem

POLICY = Path(__file__).parents[2] / "resources" / "policy" / "data-policy.json"


def shipped() -> dict:
    return json.loads(POLICY.read_text(encoding="utf-8"))


def test_the_shipped_policy_reads_and_keeps_sex_last() -> None:
    policy = parse_policy(POLICY.read_text(encoding="utf-8"))
    assert (policy.k, policy.small_number_threshold) == (5, 8)
    assert policy.give_up_order[0] == "time_since_diagnosis"
    assert policy.give_up_order[-1] == "sex"
    assert policy.rule_for("sec_time_since").role == "time_since_diagnosis"
    assert policy.rule_for("overall_rating") is None
    age = policy.rule_for("age_band")
    assert age.band_of("60 to 69", 0).label == "50 to 69"
    assert age.band_of("60 TO 69", 1).code == "under_70"
    assert {c.code for c in policy.goal_categories} >= {"bcn_access", "men", "secondary"}
    assert any(t.label == "Lymphoedema" for t in policy.themes)
    assert "version 1" in policy.describe()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.update(k=1), "“k” must be a whole number of at least 2"),
        (lambda d: d.update(k="5"), "“k” must be a whole number"),
        (lambda d: d.update(small_number_threshold=True), "small_number_threshold"),
        (lambda d: d.update(date="12/01/2026"), "date is missing or not a date"),
        (lambda d: d.update(issued_by=" "), "does not say who issued it"),
        (lambda d: d.update(policy="something else"), "not a Service Pledge data policy"),
        (lambda d: d.update(quasi_identifiers=[]), "names no questions"),
        (lambda d: d.update(give_up_order=["sex", "age"]), "must name each of them once"),
        (
            lambda d: d["quasi_identifiers"][0]["bands"][0][1]["from"].append("40 to 49"),
            "is in two bands at once",
        ),
        (
            lambda d: d["quasi_identifiers"][0]["bands"][1][0]["from"].remove("50 to 59"),
            "does not fit inside one band",
        ),
        (lambda d: d["quasi_identifiers"][0]["bands"][0][0].update(code="1"), "could be read"),
        (lambda d: d["quasi_identifiers"][1]["codes"].append("age_band"), "listed under two"),
        (lambda d: d["goal_categories"].append({"code": "men", "label": "x"}), "share a code"),
        (lambda d: d["themes"].append({"code": "Bad Code", "label": "x"}), "cannot be the code"),
    ],
)
def test_a_broken_policy_is_refused_in_plain_words(change, said: str) -> None:
    data = shipped()
    change(data)
    with pytest.raises(PolicyProblem, match=said):
        parse_policy(json.dumps(data))


def test_a_file_that_is_not_json_is_refused() -> None:
    with pytest.raises(PolicyProblem, match="could not be read as JSON"):
        parse_policy("{not json")


def test_newer_replaces_older_but_never_weakens() -> None:
    current = parse_policy(POLICY.read_text(encoding="utf-8"))
    newer = replace(current, version=2)
    assert policy_is_not_weaker(newer, current)
    assert "older than the version 2" in replacement_problem(current, newer)
    assert "already in use" in replacement_problem(current, current)
    assert "groups of 3 forms" in replacement_problem(replace(newer, k=3), current)
    assert "counts from 5" in replacement_problem(replace(newer, small_number_threshold=5), current)
    assert policy_is_not_weaker(replace(newer, k=10, small_number_threshold=11), current)
    fewer = replace(newer, quasi_identifiers=newer.quasi_identifiers[1:])
    assert "stop treating these answers" in replacement_problem(fewer, current)
    assert not policy_is_not_weaker(fewer, current)
