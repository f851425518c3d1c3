"""A plain-English check of the booklet's own words: reading ease, long sentences, jargon and
blocks of capitals. It warns; the nurse decides.

Reading ease is the Flesch score (higher is easier; 60 and above suits most readers), with
syllables counted by a rule of thumb that is close enough for a warning. (The usual libraries
fetch pronouncing dictionaries from the internet on first use, which this app must never do.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

EASY_ENOUGH = 60.0
LONG_SENTENCE = 25  # words

# Words patients told programmes they stumble on, with what to say instead.
JARGON: dict[str, str] = {
    "adjuvant": "treatment given after surgery",
    "neoadjuvant": "treatment given before surgery",
    "metastatic": "secondary (spread to other parts of the body)",
    "metastases": "secondary cancer",
    "oncology": "cancer care",
    "oncologist": "cancer doctor",
    "multidisciplinary": "the whole team",
    "mdt": "the team who plan your care",
    "histology": "the test results on the tissue",
    "prognosis": "what is likely to happen",
    "pathway": "the steps of your care",
    "facilitate": "help",
    "utilise": "use",
    "commence": "start",
    "in order to": "to",
    "prior to": "before",
    "subsequent": "later",
    "regarding": "about",
    "endeavour": "try",
    "stakeholders": "people involved",
    "service users": "patients",
    "holistic": "whole-person",
    "signposting": "pointing you to help",
    "signpost": "point you to",
    "cohort": "group",
    "modality": "type of treatment",
    "asymptomatic": "without symptoms",
    "contralateral": "the other breast",
    "mastectomy": "mastectomy (removing the breast) - explain it the first time",
}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=[-•*]\s)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CAPITALS = re.compile(r"\b(?:[A-Z]{2,}\s+){2,}[A-Z]{2,}\b")  # three or more capital words
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Finding:
    where: str  # the part of the booklet, e.g. "Welcome"
    kind: str  # "long sentence", "jargon", "capitals", "reading ease"
    text: str  # the words concerned
    advice: str


@dataclass(frozen=True)
class WordingCheck:
    reading_ease: float
    words: int
    sentences: int
    findings: tuple[Finding, ...]

    @property
    def easy_enough(self) -> bool:
        return self.reading_ease >= EASY_ENOUGH

    def summary(self) -> str:
        verdict = "easy to read" if self.easy_enough else "harder to read than we would like"
        return (
            f"Reading ease {self.reading_ease:.0f} out of 100 ({verdict}; aim for "
            f"{EASY_ENOUGH:.0f} or more). {self.words} words in {self.sentences} sentences; "
            f"{len(self.findings)} thing(s) to look at."
        )


def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(_VOWEL_GROUPS.findall(word)))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def reading_ease(text: str) -> float:
    parts = sentences(text)
    words = _WORD.findall(text)
    if not parts or not words:
        return 100.0
    syllable_count = sum(syllables(w) for w in words)
    score = 206.835 - 1.015 * (len(words) / len(parts)) - 84.6 * (syllable_count / len(words))
    return max(0.0, min(100.0, score))


def check_wording(
    parts: dict[str, str],
    *,
    may_be_named: Iterable[str] = (),
    not_to_be_named: Iterable[str] = (),
) -> WordingCheck:
    """Check each named part of the booklet (name → its text) and the whole together.

    Besides plain English, what is printed for everyone to read is checked for people: a small
    number of people written in words ("two men told us") and a person's name, unless they are
    in `may_be_named` (the team, representatives who agreed to be named); `not_to_be_named`
    (representatives who did not agree) are found in any case."""
    findings: list[Finding] = []
    findings += _people(parts, tuple(may_be_named), tuple(not_to_be_named))
    for where, text in parts.items():
        for sentence in sentences(text):
            count = len(_WORD.findall(sentence))
            if count > LONG_SENTENCE:
                findings.append(
                    Finding(
                        where,
                        "long sentence",
                        sentence,
                        f"{count} words: try splitting it (aim for {LONG_SENTENCE} or fewer).",
                    )
                )
        lowered = f" {text.lower()} "
        for term, plain in JARGON.items():
            if re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", lowered):
                findings.append(Finding(where, "jargon", term, f"Say instead: {plain}."))
        for match in _CAPITALS.finditer(text):
            findings.append(
                Finding(
                    where,
                    "capitals",
                    match.group(0),
                    "Blocks of capitals are hard to read: use ordinary letters.",
                )
            )
    whole = "\n\n".join(parts.values())
    return WordingCheck(
        reading_ease(whole), len(_WORD.findall(whole)), len(sentences(whole)), tuple(findings)
    )


def _people(
    parts: dict[str, str], may_be_named: tuple[str, ...], not_to_be_named: tuple[str, ...]
) -> list[Finding]:
    from pledge_desktop.domain.identifiers import find_identifiers
    from pledge_desktop.domain.identifiers.kinds import NAME
    from pledge_desktop.domain.privacy import words_about_few_people

    allowed = {" ".join(n.lower().split()) for n in may_be_named if n.strip()}
    allowed_words = {word for name in allowed for word in name.split() if len(word) > 2}
    found: list[Finding] = []
    for where, text in parts.items():
        for few in words_about_few_people(text):
            found.append(Finding(where, "few people", few.text, few.advice))
        for finding in find_identifiers(text, names=not_to_be_named):
            if finding.kind != NAME:
                continue
            spoken = " ".join(finding.text.lower().split())
            named_words = {w.strip(".,") for w in spoken.split()} - TITLES
            if spoken in allowed or (named_words and named_words <= allowed_words):
                continue
            found.append(
                Finding(
                    where,
                    "name",
                    finding.text,
                    "A person is named here who has not agreed to be named in print: "
                    "leave the name out, or ask them first.",
                )
            )
    return found


TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sister", "nurse", "mx"}
