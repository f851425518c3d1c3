"""Version 2 of the templates: short, plain, scored as the national survey scores."""

from __future__ import annotations

import pytest

from pledge_desktop.domain.form_routing import routing
from pledge_desktop.domain.plain_english import EASY_ENOUGH, check_wording
from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Questionnaire,
    check_questionnaire,
    from_json,
    to_json,
)
from pledge_desktop.paths import resource

MOST_QUESTIONS = {"primary-breast-cancer-v2": 40, "secondary-breast-cancer-v2": 30}
NOT_APPLICABLE = "Does not apply to me"


def template(name: str) -> Questionnaire:
    return from_json(resource("questionnaires", f"{name}.json").read_text("utf-8"))


@pytest.fixture(params=sorted(MOST_QUESTIONS))
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_it_is_a_usable_questionnaire_that_a_patient_finishes_in_ten_minutes(name: str) -> None:
    questionnaire = template(name)
    assert check_questionnaire(questionnaire) == []
    assert 20 <= len(questionnaire.questions()) <= MOST_QUESTIONS[name]
    assert from_json(to_json(questionnaire)) == questionnaire
    assert questionnaire.patient_title == "Your experience of our breast care service"


def test_every_question_is_in_plain_english(name: str) -> None:
    hard = []
    for q in template(name).questions():
        for part in (q.text, q.hint):
            check = check_wording({q.code: part}) if part else None
            if check and (not check.easy_enough or check.findings):
                hard.append((q.code, part, round(check.reading_ease), check.findings))
    assert hard == [], f"reading ease under {EASY_ENOUGH:.0f} or other findings: {hard}"


def test_every_agreement_statement_can_be_answered_does_not_apply(name: str) -> None:
    agreements = [q for q in template(name).questions() if q.type is AnswerType.AGREEMENT]
    assert agreements
    for q in agreements:
        labels = [o.label for o in q.options]
        assert labels[:5] == [
            "Strongly agree",
            "Agree",
            "Neither agree nor disagree",
            "Disagree",
            "Strongly disagree",
        ]
        assert labels[5] == NOT_APPLICABLE and q.options[5].not_in_base, q.code


def test_non_specific_answers_are_left_out_of_the_base(name: str) -> None:
    non_specific = (
        "Don't know",
        "I did not",
        "I do not",
        "I have not",
        "I have no ",
        "Does not apply",
        "rather not",
        "by choice",
        "only one choice",
        "has not ended",
    )
    for q in template(name).questions():
        for option in q.options:
            looks_non_specific = any(words in option.label for words in non_specific)
            assert option.not_in_base == looks_non_specific, (q.code, option.label)
        if q.type.has_options:
            assert any(not o.not_in_base for o in q.options), q.code


def test_does_not_apply_is_not_offered_where_it_cannot_apply(name: str) -> None:
    for code in ("told_well", "told_sensitively", "pledge_booklet", "overall_care"):
        for q in template(name).questions():
            if q.code.endswith(code):
                assert NOT_APPLICABLE not in [o.label for o in q.options], q.code


def test_overall_care_is_rated_from_0_to_10(name: str) -> None:
    [overall] = [q for q in template(name).questions() if q.code.endswith("overall_care")]
    assert [o.code for o in overall.options] == list(range(11))
    assert overall.options[0].label == "0 (very poor)"
    assert overall.options[-1].label == "10 (very good)"
    assert overall.required


def test_the_service_pledge_loop_and_the_sex_hint(name: str) -> None:
    questionnaire = template(name)
    texts = [q.text for q in questionnaire.questions()]
    assert "Were you given our Service Pledge booklet?" in texts
    assert "Did we do what the booklet promised?" in texts
    assert questionnaire.question("sex").hint.startswith("Men get breast cancer too")
    assert questionnaire.question("ethnicity").hint.startswith("You do not have to answer")
    assert not questionnaire.question("ethnicity").required


def test_herceptin_is_named_as_patients_know_it() -> None:
    labels = [o.label for o in template("primary-breast-cancer-v2").question("tx_received").options]
    assert "Herceptin or another targeted drug" in labels
    assert not any("trastuzumab" in label for label in labels)


def test_the_filters_send_other_answers_past_their_questions() -> None:
    primary = template("primary-breast-cancer-v2")
    number = {q.code: n for n, q in primary.numbered()}
    route = routing(primary)
    after_nurse = number["bcn_answers"] + 1
    assert route.target("bcn_named", 2) == after_nurse  # No
    assert route.target("bcn_named", 3) == after_nurse  # Don't know
    assert route.target("bcn_named", 1) is False  # Yes: on to the next question
    assert route.target("pledge_booklet", 2) == number["pledge_kept"] + 1
    assert {"bcn_contact", "bcn_answers", "pledge_kept"} <= route.told_by_go_to
    # a rule on a tick-all-that-apply question is told on the question itself
    assert "surgery_choice" not in route.told_by_go_to


def test_version_one_still_loads_as_it_did() -> None:
    primary = template("primary-breast-cancer")
    assert len(primary.questions()) == 31
    assert not any(o.not_in_base for q in primary.questions() for o in q.options)
    assert primary.patient_title == "" and primary.purpose == ""
