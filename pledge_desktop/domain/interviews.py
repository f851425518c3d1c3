"""Patient interviews: who was interviewed (by pseudonym only), with what consent, the
transcript, the themes it is coded into, and the quotes chosen from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from pledge_desktop.domain.errors import ValidationError

SETTINGS = ("clinic", "home", "phone", "video")
STAGES = (
    "diagnosis",
    "surgery",
    "chemotherapy",
    "radiotherapy",
    "reconstruction",
    "follow-up",
    "secondary breast cancer",
)
_PSEUDONYM = re.compile(r"^[A-Z]{1,3}\d{1,4}$")


@dataclass(frozen=True)
class Interview:
    cycle_id: int
    pseudonym: str  # "P07": never a name
    interview_date: date
    interviewer_id: int | None = None
    setting: str = "clinic"
    stages: tuple[str, ...] = ()
    length_minutes: int | None = None
    consent_date: date | None = None
    consent_how: str = ""  # written form, verbally on the recording, …
    consent_recording: bool = False
    consent_quotes_anonymous: bool = False
    consent_quotes_first_name: bool = False
    transcript: str = ""
    audio_file: str = ""  # a name inside the data folder's audio/ folder
    audio_sha256: str = ""
    id: int | None = None


def validate_interview(interview: Interview, today: date) -> Interview:
    tidy = replace(
        interview,
        pseudonym=interview.pseudonym.strip().upper(),
        consent_how=interview.consent_how.strip(),
        stages=tuple(s for s in STAGES if s in interview.stages),
    )
    problems: dict[str, str] = {}
    if not _PSEUDONYM.match(tidy.pseudonym):
        problems["pseudonym"] = (
            'Give a code such as "P07": one to three letters, then a number. Never a name.'
        )
    if tidy.setting not in SETTINGS:
        problems["setting"] = f"Choose one of: {', '.join(SETTINGS)}."
    if tidy.interview_date > today:
        problems["interview_date"] = "The interview date is in the future."
    if tidy.length_minutes is not None and not 1 <= tidy.length_minutes <= 600:
        problems["length_minutes"] = "Give the length in minutes, between 1 and 600."
    consents = (
        tidy.consent_recording,
        tidy.consent_quotes_anonymous,
        tidy.consent_quotes_first_name,
    )
    if any(consents) and tidy.consent_date is None:
        problems["consent_date"] = "Say when consent was given."
    if tidy.consent_date is not None and tidy.consent_date > today:
        problems["consent_date"] = "The consent date is in the future."
    if problems:
        raise ValidationError(problems)
    return tidy


@dataclass(frozen=True)
class Theme:
    name: str
    description: str = ""
    colour: str = "#ffe08a"
    parent_id: int | None = None  # themes nest one level
    id: int | None = None
    national_code: str = ""  # the charity's theme it counts as nationally (its data policy)


# A starting codebook, written for Pledge Desktop from what patients commonly raise.
SUGGESTED_THEMES = (
    ("Information", "What patients were told, in writing or in person, and when.", "#ffe08a"),
    ("Communication", "How staff spoke and listened; being kept informed.", "#b8e0f6"),
    ("Waiting", "Waits for results, appointments and treatment.", "#f9c6c9"),
    ("Emotional support", "Feelings, worries, having someone to talk to.", "#d4c4f0"),
    ("Practical support", "Money, travel, work, childcare, help at home.", "#c8ecc0"),
    ("Environment", "Rooms, privacy, parking, comfort.", "#f7d7b0"),
    ("Needs of men", "Men with breast cancer: information and care that fit them.", "#c0e4e0"),
    ("Follow-up", "After treatment: plans, contacts, signs to look out for.", "#e6e0a8"),
    ("Family and friends", "Support for those close to the patient.", "#f0c8e4"),
)
PALETTE = tuple(colour for _name, _description, colour in SUGGESTED_THEMES)


def validate_theme(theme: Theme) -> Theme:
    tidy = replace(theme, name=" ".join(theme.name.split()), description=theme.description.strip())
    if not tidy.name:
        raise ValidationError({"name": "Please name the theme."})
    if not re.match(r"^#[0-9a-fA-F]{6}$", tidy.colour):
        raise ValidationError({"colour": "Choose a colour from the list."})
    return tidy


@dataclass(frozen=True)
class Passage:
    """A stretch of a transcript coded into one or more themes."""

    interview_id: int
    start: int
    end: int
    text: str  # the words themselves, so the passage can be found again after an edit
    theme_ids: tuple[int, ...] = ()
    memo: str = ""
    id: int | None = None


class Attribution(StrEnum):
    ANONYMOUS = "anonymous"  # "Patient, 2011"
    FIRST_NAME = "first_name"  # "Margaret, 2011"
    STAFF = "staff"  # a staff member's name and role, as the poster quotes a nurse

    @property
    def label(self) -> str:
        return {
            "anonymous": "Anonymous (e.g. Patient, 2011)",
            "first_name": "With the patient's first name",
            "staff": "A staff member, by name and role",
        }[self.value]


@dataclass(frozen=True)
class Quote:
    passage_id: int
    wording: str  # as it will be printed: trimmed with […], anything identifying removed
    attribution: Attribution = Attribution.ANONYMOUS
    attributed_to: str = "Patient"  # "Patient, 2026", "Margaret", "Sister Ann Example, BCN"
    approved: bool = False
    id: int | None = None


def validate_quote(quote: Quote) -> Quote:
    tidy = replace(
        quote,
        wording=" ".join(quote.wording.split()),
        attributed_to=" ".join(quote.attributed_to.split()),
        attribution=Attribution(quote.attribution),
    )
    problems: dict[str, str] = {}
    if not tidy.wording:
        problems["wording"] = "A quote needs its words."
    if not tidy.attributed_to:
        problems["attributed_to"] = 'Say how it is attributed, e.g. "Patient, 2026".'
    if problems:
        raise ValidationError(problems)
    return tidy


def approval_refused(quote: Quote, interview: Interview) -> str | None:
    """Why this quote may not be approved for the booklet under the interview's consent."""
    if quote.attribution is Attribution.STAFF:
        return None  # a staff member's own words, given with their agreement
    if quote.attribution is Attribution.FIRST_NAME and not interview.consent_quotes_first_name:
        return (
            f"{interview.pseudonym} did not agree to be quoted with a first name. Make the quote "
            "anonymous, or record that consent first."
        )
    if not (interview.consent_quotes_anonymous or interview.consent_quotes_first_name):
        return (
            f"{interview.pseudonym} did not agree to be quoted in the booklet. Record that "
            "consent on the interview first, or leave the quote out."
        )
    return None
