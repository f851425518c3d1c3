"""Dates in every common written form: day-first and month-first with slashes, dots or hyphens,
year-first, two- or four-digit years, month names and ordinals ("3rd of March 1961").

A full date (day, month and year) is a date of birth when "born", "DOB" and the like come just
before it, or when it is at least sixteen years ago (care asked about is recent, so a date that
far back is more likely a birthday). With `every_date`, any other full date is reported too, as a
date (an appointment, an operation): with a hospital's name it can point to one person. Dates
that say when the team will have done something ("by 31 March 2027") are plans, not people.
A day and month without a year, or a month and year, count only after "born" or "DOB".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from pledge_desktop.domain.identifiers.kinds import BIRTH_DATE, DATE, Finding

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month_name>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>'?\d{2}|\d{4})"
_FORMS = (
    # 12/03/1956, 3.4.61, 12-03-56 (day-first or month-first)
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})",
    # 1956-03-12, 1956/3/12, 1956.03.12
    r"(?P<year>\d{4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<a>\d{1,2})",
    # 12 March 1950, 3rd of March 1961, 12-Mar-61, the 1st March, 1950
    rf"(?P<a>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]+{_MONTH},?[\s-]+{_YEAR}",
    # March 12, 1950; March 12th 1950; Mar 3 '61
    rf"{_MONTH}\s+(?P<a>\d{{1,2}}){_ORDINAL},?\s+{_YEAR}",
)
_FULL_DATES = [re.compile(rf"(?<![\w/.-]){form}(?![\w/]|[.-]\d)", re.I) for form in _FORMS]
# part dates: day and month ("3rd March", "12/03") or month and year ("March 1961", "03/1961")
_PART_DATES = [
    re.compile(rf"(?<![\w/.-])(?P<a>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+{_MONTH}(?!\w)", re.I),
    re.compile(rf"(?<![\w/.-]){_MONTH}\s+(?P<a>\d{{1,2}}){_ORDINAL}(?!\w)", re.I),
    re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/])"),
    re.compile(rf"(?<![\w/.-]){_MONTH}\s+(?P<year>\d{{4}})(?!\w)", re.I),
    re.compile(r"(?<![\w/.-])(?P<b>\d{1,2})/(?P<year>\d{4})(?![\w/])"),
]
_BIRTH_WORDS = re.compile(
    r"\b(?:born|d\.?o\.?b\.?|date of birth|birth ?date|birthday|b\.)\W*(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_PLAN_WORDS = re.compile(
    r"\b(?:by|before|until|till|from|starting|starts?|due|deadline|target|ends?|review(?:ed)?"
    r"(?: on)?|launch(?:es|ed)?(?: on)?|complete(?:d)?(?: by)?|cycle|week (?:of|beginning)|"
    r"w/c|no later than)\W*(?:the\s+|on\s+)?$",
    re.IGNORECASE,
)


def find_dates(text: str, today: date, *, every_date: bool = False) -> Iterator[Finding]:
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            year = _full_year(match.group("year"), today)
            if year is None or not _is_day_and_month(match):
                continue
            before = text[max(0, match.start() - 40) : match.start()]
            if _BIRTH_WORDS.search(before) or year <= today.year - 16:
                yield Finding(BIRTH_DATE, match.start(), match.end(), match.group())
            elif every_date and not _PLAN_WORDS.search(before[-25:]):
                yield Finding(DATE, match.start(), match.end(), match.group())
    for pattern in _PART_DATES:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            if _BIRTH_WORDS.search(before) and _part_is_valid(match):
                yield Finding(BIRTH_DATE, match.start(), match.end(), match.group())


def _full_year(written: str, today: date) -> int | None:
    year = int(written.lstrip("'"))
    if len(written.lstrip("'")) == 2:
        return year + (1900 if year > today.year % 100 else 2000)
    return year if 1900 <= year <= today.year + 20 else None


def _month(match: re.Match[str]) -> int | None:
    name = match.groupdict().get("month_name")
    if name:
        return _MONTH_NUMBERS[name[:3].lower()]
    written = match.groupdict().get("b")
    return int(written) if written else None


def _is_day_and_month(match: re.Match[str]) -> bool:
    """A valid day and month, either way round when both are numbers."""
    day = int(match.group("a"))
    month = _month(match)
    if month is None:
        return False
    if match.groupdict().get("month_name"):
        return 1 <= day <= 31
    return (1 <= day <= 31 and 1 <= month <= 12) or (1 <= month <= 31 and 1 <= day <= 12)


def _part_is_valid(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    if groups.get("a") is not None:
        return _is_day_and_month(match)
    month = _month(match)
    return month is not None and 1 <= month <= 12
