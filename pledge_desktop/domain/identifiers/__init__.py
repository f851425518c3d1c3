"""Finding what could identify someone in free text, before it is saved or sent anywhere:
people's names, NHS, hospital and National Insurance numbers, dates of birth (and, on request,
any full date), postcodes, forces and street addresses, phone numbers and email addresses.
Each finding can be replaced by a placeholder, or shown masked ("J*** S****").

The same detector guards transcripts and quotes, free-text answers in the export and every
other word that leaves the app (see domain/privacy.py).

The common first names and surnames come from resources/names: the app loads them once with
`load_name_lists(paths.resource("names"))` and either passes them as `lists=` or makes them the
default with `use_name_lists`. Without them, names are still found from the team and
representative lists, titles ("Dr", "Sister") and cues ("called", "my husband").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pledge_desktop.domain.identifiers.addresses import find_addresses
from pledge_desktop.domain.identifiers.dates import find_dates
from pledge_desktop.domain.identifiers.kinds import (
    BIRTH_DATE,
    DATE,
    EMAIL,
    FORCES_ADDRESS,
    HOSPITAL_NUMBER,
    KINDS,
    NAME,
    NHS_NUMBER,
    NI_NUMBER,
    PHONE,
    PLACEHOLDERS,
    POSTCODE,
    STREET_ADDRESS,
    Finding,
    mask,
    mask_words,
)
from pledge_desktop.domain.identifiers.names import (
    NameLists,
    find_names,
    load_name_lists,
    name_patterns,
)
from pledge_desktop.domain.identifiers.numbers import find_numbers, nhs_number_is_valid

__all__ = [
    "BIRTH_DATE",
    "DATE",
    "EMAIL",
    "FORCES_ADDRESS",
    "HOSPITAL_NUMBER",
    "KINDS",
    "NAME",
    "NHS_NUMBER",
    "NI_NUMBER",
    "PHONE",
    "PLACEHOLDERS",
    "POSTCODE",
    "STREET_ADDRESS",
    "Finding",
    "NameLists",
    "find_identifiers",
    "load_name_lists",
    "mask",
    "mask_words",
    "name_patterns",
    "nhs_number_is_valid",
    "redact",
    "use_name_lists",
]

_default_lists = NameLists()


def use_name_lists(lists: NameLists) -> None:
    """Make `lists` the name lists used when a caller passes none (set once at start-up)."""
    global _default_lists
    _default_lists = lists


def find_identifiers(
    text: str,
    names: Iterable[str] = (),
    today: date | None = None,
    *,
    lists: NameLists | None = None,
    every_date: bool = False,
) -> list[Finding]:
    """Everything in `text` that could identify someone, in order, never overlapping.

    `names` are the team's and patient representatives' names; `lists` the common first names
    and surnames (the default set by use_name_lists when not given); `every_date` reports every
    full date, not only those that look like a date of birth."""
    today = today or date.today()
    text = text.translate(_SPACES)  # the same length: every span still points into the original
    found: list[Finding] = []
    found.extend(find_numbers(text))
    found.extend(find_addresses(text))
    found.extend(find_dates(text, today, every_date=every_date))
    found.extend(find_names(text, names, lists if lists is not None else _default_lists))
    return _without_overlaps(found)


# no-break, thin, figure and zero-width spaces and the like, read as a plain space, so that
# "943\u00a0476\u00a05919" or "Ethel\u200bBrownlow" are found as written with ordinary spaces
_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
        "\u2009\u200a\u200b\u200c\u200d\u2060\u202f\u205f\u3000\ufeff"
    }
)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep the longest finding where two overlap (an NHS number is not also a phone number)."""
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in ordered:
        if kept and finding.start < kept[-1].end:
            if finding.end - finding.start > kept[-1].end - kept[-1].start:
                kept[-1] = finding
            continue
        kept.append(finding)
    return kept


def redact(text: str, findings: Iterable[Finding], marker: str | None = None) -> str:
    """`text` with each finding replaced by its placeholder, or by `marker` when given."""
    result = text
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        replacement = finding.placeholder if marker is None else marker
        result = result[: finding.start] + replacement + result[finding.end :]
    return result
