"""Finding what could identify someone in free text, before it is saved or sent anywhere:
NHS numbers (valid or not), phone numbers, postcodes, email addresses, dates of birth and the
names of staff and patient representatives. Each finding can be replaced by a placeholder.

The same detector guards transcripts and quotes here and free-text answers in the export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

NHS_NUMBER, PHONE, POSTCODE, EMAIL, BIRTH_DATE, NAME = (
    "NHS number",
    "phone number",
    "postcode",
    "email address",
    "date of birth",
    "name",
)
PLACEHOLDERS = {
    NHS_NUMBER: "[NHS number]",
    PHONE: "[phone number]",
    POSTCODE: "[postcode]",
    EMAIL: "[email]",
    BIRTH_DATE: "[date of birth]",
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


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# ten digits, together or grouped 3-3-4 with spaces, dots or hyphens
_NHS = re.compile(r"(?<![\d+])(\d{3})[ .-]?(\d{3})[ .-]?(\d{4})(?!\d)")
# UK numbers: 0 or +44, then 9 or 10 more digits in any grouping; brackets around the area code
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d[\s)-]{0,2}){8,9}\d(?!\d)")
# every UK format: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA (space optional), GIR 0AA
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d\d?)"
    r" ?\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{2}}|\d{{4}})"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\.?,?\s+(\d{{4}}))\b",
    re.IGNORECASE,
)
_BIRTH_WORDS = re.compile(r"\b(?:born|d\.?o\.?b\.?|date of birth|birthday)\b", re.IGNORECASE)
_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sister|nurse|sr)\.?\s+", re.I)


def nhs_number_is_valid(digits: str) -> bool:
    """The Modulus 11 check of an NHS number (ten digits)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def name_patterns(names: Iterable[str]) -> list[str]:
    """The words to look for from people's names: the whole name without a title or a note in
    brackets, and each part of three letters or more ("Ann Example" -> Ann Example, Ann,
    Example)."""
    found: set[str] = set()
    for name in names:
        plain = re.sub(r"\(.*?\)", "", name).strip()
        plain = _TITLES.sub("", plain).strip()
        if not plain:
            continue
        found.add(plain)
        found.update(part for part in re.split(r"[\s.]+", plain) if len(part) >= 3)
    return sorted(found, key=len, reverse=True)


def find_identifiers(
    text: str, names: Iterable[str] = (), today: date | None = None
) -> list[Finding]:
    """Everything in `text` that could identify someone, in order, never overlapping."""
    today = today or date.today()
    found: list[Finding] = []
    for match in _EMAIL.finditer(text):
        found.append(Finding(EMAIL, match.start(), match.end(), match.group()))
    for match in _NHS.finditer(text):
        digits = "".join(match.groups())
        valid = nhs_number_is_valid(digits)
        note = "passes the NHS number check" if valid else "ten digits, not a valid NHS number"
        found.append(Finding(NHS_NUMBER, match.start(), match.end(), match.group(), note))
    for match in _PHONE.finditer(text):
        found.append(Finding(PHONE, match.start(), match.end(), match.group().strip()))
    for match in _POSTCODE.finditer(text):
        found.append(Finding(POSTCODE, match.start(), match.end(), match.group()))
    for match in _DATE.finditer(text):
        if _looks_like_birth_date(text, match, today):
            found.append(Finding(BIRTH_DATE, match.start(), match.end(), match.group()))
    for word in name_patterns(names):
        pattern = re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])")
        for match in pattern.finditer(text):
            found.append(Finding(NAME, match.start(), match.end(), match.group()))
    return _without_overlaps(found)


def _looks_like_birth_date(text: str, match: re.Match[str], today: date) -> bool:
    """A full date is taken as a date of birth when "born", "DOB" and the like come just before
    it, or when its year makes the person at least 16 then (an interview is about recent
    care, so a date that far back is more likely someone's birthday than an appointment)."""
    before = text[max(0, match.start() - 30) : match.start()]
    if _BIRTH_WORDS.search(before):
        return True
    year_text = match.group(3) or match.group(6)
    year = int(year_text)
    if year < 100:
        year += 1900 if year > today.year % 100 else 2000
    return year <= today.year - 16


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep the longest finding where two overlap (an NHS number is not also a phone number)."""
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def redact(text: str, findings: Iterable[Finding]) -> str:
    """`text` with each finding replaced by its placeholder."""
    result = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        result = result[: finding.start] + finding.placeholder + result[finding.end :]
    return result
