"""The identifier check on a labelled corpus of fictional sentences (tests/data): it finds at
least 98 % of each kind of identifier, and raises an alarm on at most 2 % of ordinary pledge
sentences (goals, standards, comments, theme names)."""

import pytest

from benchmarks.identifiers import Score, corpus_detector, load_corpus, score
from pledge_desktop.domain.identifiers import KINDS


@pytest.fixture(scope="module")
def result() -> Score:
    return score(load_corpus(), corpus_detector())


def test_the_corpus_is_big_enough_and_has_every_kind(result: Score) -> None:
    assert result.ordinary >= 150
    assert sum(result.expected.values()) >= 150
    assert all(result.expected[kind] >= 8 for kind in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_recall_of_each_kind(result: Score, kind: str) -> None:
    missed = [(words, text) for k, words, text in result.missed if k == kind]
    assert result.recall(kind) >= 0.98, missed


def test_few_false_alarms_on_ordinary_sentences(result: Score) -> None:
    assert result.false_alarm_rate <= 0.02, result.alarmed


def test_the_corpus_is_labelled_consistently() -> None:
    for row in load_corpus():
        for found in row["identifiers"]:
            assert row["text"][found["start"] : found["end"]] == found["text"]
            assert found["kind"] in KINDS
