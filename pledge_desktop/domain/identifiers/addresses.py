"""Where someone lives: postcodes in any case and spacing, forces (BFPO) addresses, and street
addresses (a house number and a street word: "12 Acacia Avenue", "Flat 3, 4 Mill Lane")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pledge_desktop.domain.identifiers.kinds import (
    FORCES_ADDRESS,
    POSTCODE,
    STREET_ADDRESS,
    Finding,
)

# every UK format: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA (space optional), GIR 0AA
_POSTCODE = re.compile(
    r"\b(?:GIR\s?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|\d\d|[A-HK-Y]\d[ABEHMNPRVWXY]?|[A-HK-Y]\d\d?)"
    r"\s{0,2}\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_FORCES = re.compile(
    r"\b(?:BFPO|British\s+Forces\s+Post\s+Office)\s*(?:No\.?\s*)?\d{1,4}\b", re.IGNORECASE
)

_STREET_WORDS = (
    "street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|"
    "gardens|gdns|grove|terrace|hill|park|row|walk|square|sq|mews|view|rise|green|vale|parade|"
    "wharf|gate|fields|meadows?|croft|chase|villas|cottages|brow|bank|boulevard|yard|heights|"
    "approach|circus|embankment|broadway|esplanade|promenade|causeway|passage|wynd"
)
# the words that say an address follows, when the street is written in small letters
_ADDRESS_CUE = r"(?:live|lives|living|lived|address|addressed|moved|move|stay|staying|at)"
_FLAT = r"(?:(?:flat|apartment|apt|unit|room)\s+\d{1,4}[a-z]?(?:/\d{1,3})?,?\s+)?"
_HOUSE = r"\d{1,4}[A-Za-z]?(?:\s?[-/]\s?\d{1,4}[A-Za-z]?)?,?\s+"
_STREET_CAPITALISED = re.compile(
    rf"(?<![\w/.:,-])(?i:{_FLAT}){_HOUSE}"
    r"(?:[Tt]he\s+(?:[A-Z][\w'’.-]*\s+){0,2}|(?:[A-Z][\w'’.-]*\s+){1,3})"
    rf"(?i:{_STREET_WORDS})\b\.?"
)
_STREET_SMALL = re.compile(
    rf"(?i:\b{_ADDRESS_CUE}\s+(?:to\s+|at\s+|is\s+|:\s*)?)(?P<address>(?i:{_FLAT}){_HOUSE}"
    r"(?:[a-z][\w'’-]*\s+){1,3}"
    r"(?i:street|st|road|rd|avenue|ave|lane|drive|crescent|terrace|gardens|mews|grove|close|"
    r"court|way|place)\b\.?)",
)


def find_addresses(text: str) -> Iterator[Finding]:
    for match in _POSTCODE.finditer(text):
        yield Finding(POSTCODE, match.start(), match.end(), match.group())
    for match in _FORCES.finditer(text):
        yield Finding(FORCES_ADDRESS, match.start(), match.end(), match.group())
    for match in _STREET_CAPITALISED.finditer(text):
        if _is_number_of_things(match.group()):
            continue
        yield Finding(STREET_ADDRESS, match.start(), match.end(), match.group().rstrip("."))
    for match in _STREET_SMALL.finditer(text):
        found = match.group("address").rstrip(".")
        yield Finding(
            STREET_ADDRESS, match.start("address"), match.start("address") + len(found), found
        )


# "12 Breast Care Nurses walk", "3 Macmillan nurses" look like numbers of people or things, not
# houses: a house number is followed by a street's name, which is not a plural noun of people
_NOT_STREET_NAMES = re.compile(
    r"^\D*\d+[a-z]?,?\s+(?:The\s+)?(?:Nurses?|Patients?|Women|Men|People|Weeks?|Days?|Months?|"
    r"Years?|Times?|Hours?|Minutes?|Clinics?|Staff|Members?|Forms?|Questions?|Goals?)\b"
)


def _is_number_of_things(found: str) -> bool:
    return bool(_NOT_STREET_NAMES.match(found))
