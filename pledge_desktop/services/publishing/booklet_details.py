"""The booklet's words, choices and cover settings (cover line, credit, programme logo, national
helplines, language) as stored with the booklet, and what the sign-off adds to the printed
booklet: publication and review dates and the leaflet reference. Read from any row with the
stored columns as attributes (the ORM's, or sqlite3's for `pledge booklet`): no SQLAlchemy."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from pledge_desktop.domain.booklet import (
    DEFAULT_CREDIT_LINE,
    DEFAULT_HELPLINES,
    DEFAULT_WORDS,
    LANGUAGES,
    BookletChoices,
    BookletDetails,
    BookletWords,
    Helpline,
    Highlight,
)
from pledge_desktop.domain.errors import ValidationError

REVIEW_AFTER_YEARS = 2  # when the sign-off names no review date
WORD_FIELDS = ("welcome", "contact", "out_of_hours", "get_involved", "other_formats")


def words_of(row: Any | None) -> BookletWords:
    if row is None:
        return DEFAULT_WORDS
    return BookletWords(*(getattr(row, name) for name in WORD_FIELDS))


def highlight_of(question_code: str, option_codes: str, wording: str, id_: int) -> Highlight:
    codes = tuple(int(c) for c in option_codes.split(",") if c)
    return Highlight(question_code, codes, wording, id_)


def choices_of(row: Any | None, highlights: Iterable[Highlight]) -> BookletChoices:
    highlights = tuple(highlights)
    if row is None:
        return BookletChoices(highlights=highlights)
    return BookletChoices(
        goals_left_out=ids_in(row.goals_left_out),
        standards_left_out=ids_in(row.standards_left_out),
        quotes_left_out=ids_in(row.quotes_left_out),
        show_team=bool(row.show_team),
        logo_png=row.logo_png,
        photo_png=row.photo_png,
        highlights=highlights,
    )


def ids_in(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",") if part.strip().isdigit())


def details_of(row: Any | None) -> BookletDetails:
    if row is None:
        return BookletDetails()
    return BookletDetails(
        cover_line=row.cover_line or "",
        credit_line=DEFAULT_CREDIT_LINE if row.credit_line is None else row.credit_line,
        programme_logo_png=row.programme_logo_png,
        helplines=_helplines(row.helplines),
        helplines_checked=bool(row.helplines_checked),
        language=row.language or "en-GB",
    )


def store_details(row: Any, details: BookletDetails) -> None:
    tidy = checked(details)
    row.cover_line = tidy.cover_line
    row.credit_line = tidy.credit_line
    row.programme_logo_png = tidy.programme_logo_png
    row.helplines = (
        None
        if tidy.helplines == DEFAULT_HELPLINES
        else json.dumps([[h.name, h.phone, h.hours] for h in tidy.helplines])
    )
    row.helplines_checked = tidy.helplines_checked
    row.language = tidy.language


def checked(details: BookletDetails) -> BookletDetails:
    """The details tidied, or a ValidationError naming what to put right."""
    problems: dict[str, str] = {}
    if details.language not in LANGUAGES:
        problems["language"] = "Choose English, or Welsh (Cymraeg)."
    lines = tuple(
        Helpline(" ".join(h.name.split()), " ".join(h.phone.split()), " ".join(h.hours.split()))
        for h in details.helplines
        if h.name.strip() or h.phone.strip()
    )
    for number, line in enumerate(lines, start=1):
        if not line.name or not line.phone:
            problems[f"helpline{number}"] = f"Helpline {number} needs both a name and a number."
        elif not re.search(r"\d", line.phone):
            problems[f"helpline{number}"] = f"Helpline {number}'s number has no digits in it."
    if problems:
        raise ValidationError(problems)
    return BookletDetails(
        cover_line=" ".join(details.cover_line.split()),
        credit_line=" ".join(details.credit_line.split()).rstrip("."),
        programme_logo_png=details.programme_logo_png,
        helplines=lines,
        helplines_checked=details.helplines_checked,
        language=details.language,
    )


def _helplines(text: str | None) -> tuple[Helpline, ...]:
    if text is None:
        return DEFAULT_HELPLINES
    try:
        return tuple(Helpline(str(a), str(b), str(c)) for a, b, c in json.loads(text))
    except (ValueError, TypeError):
        return DEFAULT_HELPLINES


def month(day: date | None) -> str:
    return f"{day:%B %Y}" if day else ""


def printed_dates(sign_off: Any | None) -> tuple[str, str, str]:
    """(published, review date, leaflet reference) from the pledge's sign-off, or blanks."""
    if sign_off is None:
        return "", "", ""
    review = sign_off.review_date or _years_after(sign_off.signed_on, REVIEW_AFTER_YEARS)
    return month(sign_off.signed_on), month(review), sign_off.leaflet_reference


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
