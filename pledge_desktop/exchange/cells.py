"""Cells the app writes into spreadsheets (CSV, XLSX): safe to open in Excel.

A cell starting with =, +, -, @ (or a tab or carriage return) would be read by a spreadsheet as a
formula, so such text is written with a leading apostrophe, which spreadsheets show as text.

`safe_cell`/`plain_cell` are the guard of the data packages and workbooks, kept as they always
were so that packages written before still read back the same. `guard_cell`/`unguard_cell`
are the exact guard for files meant to be read back into other programs (the REDCap data
dictionary): the apostrophe only where a cell would really run as a formula, so `-1`, `-10`
and `-0.5` stay numbers, and `unguard_cell(guard_cell(text)) == text` for every text.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ALWAYS_FORMULA = ("=", "+", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_cell(text: str) -> str:
    """A cell as it was before safe_cell guarded it (for reading back files the app wrote)."""
    guarded = text.startswith("'") and text[1:2] != "" and text[1:].startswith(FORMULA_STARTS)
    return text[1:] if guarded else text


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet would run this cell as a formula: it starts with =, +, @, a tab or
    a carriage return, or with - followed by anything but a plain number."""
    if text.startswith(_ALWAYS_FORMULA):
        return True
    return text.startswith("-") and _PLAIN_NUMBER.fullmatch(text) is None


def _needs_guard(text: str) -> bool:
    # A text that itself starts with apostrophes before a formula is guarded too, so that
    # reading back removes exactly the one apostrophe added.
    return runs_as_formula(text.lstrip("'"))


def guard_cell(value: object) -> str:
    """The cell with an apostrophe in front only when it would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if _needs_guard(text) else text


def unguard_cell(text: str) -> str:
    """The cell as it was before guard_cell: the apostrophe it added, and only that, removed."""
    return text[1:] if text.startswith("'") and _needs_guard(text[1:]) else text
