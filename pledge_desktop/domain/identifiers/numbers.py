"""Numbers that identify someone: NHS, hospital and National Insurance numbers, phone numbers,
and email addresses, however they are grouped or written."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pledge_desktop.domain.identifiers.kinds import (
    EMAIL,
    HOSPITAL_NUMBER,
    NHS_NUMBER,
    NI_NUMBER,
    PHONE,
    Finding,
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# an email address written to dodge the @ and the dots: "ann.smith[at]example.com",
# "ann dot smith at example dot co dot uk"; it must end in a common domain ending
_DOT = r"(?:\s*(?:\.|\[dot\]|\(dot\))\s*|\s+dot\s+)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*\s*(?:\[at\]|\(at\)|\s+at\s+)\s*[\w-]+"
    rf"(?:{_DOT}[\w-]+)*{_DOT}(?:com|org|net|uk|nhs|gov|info|me|io)\b",
    re.IGNORECASE,
)
# a UK number written with its country code but no + or 00: "447700900128"
_BARE_44 = re.compile(r"(?<![\w+])44\s?[1237]\d{3}\s?\d{6}(?!\d)")

# a run of digit groups joined by single spaces, dots or hyphens: "943 476 5919", "94-34-76-59-19"
_DIGIT_RUN = re.compile(r"(?<![\w+/.:-])\d+(?:[ .-]\d+)*(?![\w/])")

# letters then digits, the shape of most hospital (PAS) numbers: "RXH1234567", "K1234567"
_HOSPITAL_SHAPE = re.compile(r"(?<![\w-])(?:[A-Z]{1,4}\d{5,10}|[A-Z]{2,4}[ -]\d{6,10})(?![\w-])")
# the words people put before a hospital number
_HOSPITAL_CUE = re.compile(
    r"\b(?:hospital|hosp|unit|patient|case|pas|medical record|mrn|crn)"
    r"(?:\s*(?:number|num|no|nos|#|id))?\.?\s*(?:is|was|:|=|-)?\s*"
    r"(?P<number>(?-i:[A-Z]{1,4})?\d(?:[ -]?\d){4,11})(?![\w])",
    re.IGNORECASE,
)
# National Insurance numbers: two letters (not D, F, I, Q, U or V; not O second), six digits
# in any grouping, and a letter A to D
_NI = re.compile(
    r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D](?![\w])",
    re.IGNORECASE,
)
# a phone number: an international prefix (+44, 0044, +353 …) with an optional "(0)", or a
# leading 0 (perhaps in brackets); then digits with spaces, hyphens, dots or brackets between
_PHONE = re.compile(
    r"(?<![\w+])(?:(?P<intl>(?:\+|00)\s?\d{1,3})[\s.-]?(?:\(\s?0\s?\)[\s.-]?|\()?|\(?0)"
    r"\d(?:[\s().-]{0,2}\d){5,13}(?!\d)"
)


def nhs_number_is_valid(digits: str) -> bool:
    """The Modulus 11 check of an NHS number (ten digits)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_numbers(text: str) -> Iterator[Finding]:
    """Emails, NHS, hospital and National Insurance numbers and phone numbers, overlapping as
    they may (the caller keeps the longest)."""
    for match in _EMAIL.finditer(text):
        yield Finding(EMAIL, match.start(), match.end(), match.group())
    for match in _SPELLED_EMAIL.finditer(text):
        yield Finding(EMAIL, match.start(), match.end(), match.group())
    for match in _BARE_44.finditer(text):
        yield Finding(PHONE, match.start(), match.end(), match.group())
    yield from _nhs_numbers(text)
    for match in _HOSPITAL_SHAPE.finditer(text):
        yield Finding(HOSPITAL_NUMBER, match.start(), match.end(), match.group())
    for match in _HOSPITAL_CUE.finditer(text):
        number = match.group("number").rstrip()
        start = match.start("number")
        digits = re.sub(r"\D", "", number)
        if not (digits.startswith("0") and len(digits) in (10, 11)):  # a phone number
            yield Finding(HOSPITAL_NUMBER, start, start + len(number), number)
    for match in _NI.finditer(text):
        yield Finding(NI_NUMBER, match.start(), match.end(), match.group())
    yield from _phone_numbers(text)


def _nhs_numbers(text: str) -> Iterator[Finding]:
    """Ten digits in any grouping of two or more digits: "9434765919", "943 476 5919",
    "9434 765 919", "94 34 76 59 19". Groups of one digit are more likely a list of counts, so
    "9 4 3 4 7 6 5 9 1 9" is taken only when it passes the NHS number check."""
    for match in _DIGIT_RUN.finditer(text):
        groups = re.split(r"[ .-]", match.group())
        # a run may hold more than the number ("seen 2 times 943 476 5919"): try every window
        for first in range(len(groups)):
            total = 0
            for last in range(first, len(groups)):
                total += len(groups[last])
                if total >= 10:
                    break
            if total != 10:
                continue
            single = any(len(g) < 2 for g in groups[first : last + 1])
            if single and not nhs_number_is_valid("".join(groups[first : last + 1])):
                continue  # single digits apart are counts, unless they pass the NHS check
            start = match.start() + sum(len(g) + 1 for g in groups[:first])
            written = " ".join(groups[first : last + 1])
            end = start + len(written)
            written = text[start:end]
            digits = "".join(groups[first : last + 1])
            if digits.startswith("0"):
                break  # ten digits from 0 is a phone number
            valid = nhs_number_is_valid(digits)
            note = "passes the NHS number check" if valid else "ten digits, not a valid NHS number"
            yield Finding(NHS_NUMBER, start, end, written, note)
            break


def _phone_numbers(text: str) -> Iterator[Finding]:
    for match in _PHONE.finditer(text):
        written = match.group().rstrip(" .-(")
        # trim trailing groups until the digits count as a phone number ("07700 900123 2 times")
        while written:
            if _is_phone(written, international=bool(match.group("intl"))):
                start = match.start()
                yield Finding(PHONE, start, start + len(written), written)
                break
            cut = max(written.rfind(" "), written.rfind("-"), written.rfind("."))
            if cut <= 0:
                break
            written = written[:cut].rstrip(" .-(")


def _is_phone(written: str, *, international: bool) -> bool:
    digits = re.sub(r"\D", "", written)
    if international:
        return 9 <= len(digits) <= 15
    return digits.startswith("0") and len(digits) in (10, 11) and not digits.startswith("00")
