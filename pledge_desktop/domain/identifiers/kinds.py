"""The kinds of identifier the check finds, one finding, and how a finding is shown masked."""

from __future__ import annotations

from dataclasses import dataclass

NHS_NUMBER = "NHS number"
HOSPITAL_NUMBER = "hospital number"
NI_NUMBER = "National Insurance number"
PHONE = "phone number"
POSTCODE = "postcode"
FORCES_ADDRESS = "forces address"
STREET_ADDRESS = "street address"
EMAIL = "email address"
BIRTH_DATE = "date of birth"
DATE = "date"
NAME = "name"

KINDS = (
    NAME,
    NHS_NUMBER,
    HOSPITAL_NUMBER,
    NI_NUMBER,
    BIRTH_DATE,
    DATE,
    POSTCODE,
    FORCES_ADDRESS,
    STREET_ADDRESS,
    PHONE,
    EMAIL,
)

PLACEHOLDERS = {
    NHS_NUMBER: "[NHS number]",
    HOSPITAL_NUMBER: "[hospital number]",
    NI_NUMBER: "[National Insurance number]",
    PHONE: "[phone number]",
    POSTCODE: "[postcode]",
    FORCES_ADDRESS: "[address]",
    STREET_ADDRESS: "[address]",
    EMAIL: "[email]",
    BIRTH_DATE: "[date of birth]",
    DATE: "[date]",
    NAME: "[name]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    note: str = ""  # e.g. whether an NHS number passes its check digit

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.kind]

    @property
    def masked(self) -> str:
        """The identifier as it may be shown on screen or in a log: "J*** S****"."""
        return mask_words(self.text)


def mask_words(text: str) -> str:
    """Keep the first letter or digit of each word and hide the rest, keeping spaces and
    punctuation, so a nurse can tell which identifier is meant without it being repeated:
    "Jane Smith" -> "J*** S****", "943 476 5919" -> "9** 4** 5***"."""
    shown: list[str] = []
    in_word = False
    for char in text:
        if char.isalnum():
            shown.append("*" if in_word else char)
            in_word = True
        else:
            shown.append(char)
            in_word = False
    return "".join(shown)


def mask(text: str, finding: Finding) -> str:
    """The finding's words in `text`, masked (see mask_words)."""
    return mask_words(text[finding.start : finding.end])
