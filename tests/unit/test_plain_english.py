"""The booklet's plain-English check: reading ease, long sentences, jargon, capitals."""

from pledge_desktop.domain.plain_english import (
    LONG_SENTENCE,
    check_wording,
    reading_ease,
    sentences,
    syllables,
)


def test_syllables_are_counted_closely_enough() -> None:
    assert syllables("nurse") == 1
    assert syllables("care") == 1
    assert syllables("cancer") == 2
    assert syllables("information") == 4
    assert syllables("multidisciplinary") >= 6


def test_short_plain_words_read_more_easily_than_long_clinical_ones() -> None:
    plain = "We are here to help you. Ring us if you are worried. We will call you back."
    hard = (
        "Multidisciplinary consultation facilitates individualised therapeutic "
        "decision-making regarding neoadjuvant chemotherapeutic interventions."
    )
    assert reading_ease(plain) >= 80
    assert reading_ease(hard) < 30
    assert check_wording({"Welcome": plain}).easy_enough
    assert not check_wording({"Welcome": hard}).easy_enough


def test_sentences_split_on_stops_and_blank_lines() -> None:
    assert sentences("One. Two?\n\nThree") == ["One.", "Two?", "Three"]


def test_long_sentences_jargon_and_capitals_are_flagged_with_where_they_are() -> None:
    long = " ".join(["word"] * (LONG_SENTENCE + 3)) + "."
    check = check_wording(
        {
            "Welcome": long,
            "How to contact us": "Prior to your MDT meeting we will commence treatment.",
            "Other formats": "PLEASE ASK US for large print.",
        }
    )
    kinds = {(f.where, f.kind, f.text) for f in check.findings}
    assert ("Welcome", "long sentence", long) in kinds
    assert ("How to contact us", "jargon", "prior to") in kinds
    assert ("How to contact us", "jargon", "mdt") in kinds
    assert ("How to contact us", "jargon", "commence") in kinds
    assert ("Other formats", "capitals", "PLEASE ASK US") in kinds
    advice = {f.text: f.advice for f in check.findings}
    assert advice["commence"] == "Say instead: start."


def test_plain_text_has_nothing_to_flag_and_words_inside_other_words_are_not_jargon() -> None:
    check = check_wording({"Welcome": "Our team will help you. We care about your family."})
    assert check.findings == ()
    # "pathways" is a different word from "pathway" only by its ending: still jargon; but
    # "committed" does not contain the word "commence", and "NHS" alone is not a block
    assert not check_wording({"x": "We are committed to the NHS."}).findings
    assert "words" in check.summary() and "Reading ease" in check.summary()
