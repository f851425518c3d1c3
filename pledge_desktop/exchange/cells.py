"""Cells the app writes into spreadsheets (CSV, XLSX): safe to open in Excel.

A cell starting with =, +, -, @ (or a tab or carriage return) would be read by a spreadsheet as a
formula, so such text is written with a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_cell(text: str) -> str:
    """A cell as it was before safe_cell guarded it (for reading back files the app wrote)."""
    guarded = text.startswith("'") and text[1:2] != "" and text[1:].startswith(FORMULA_STARTS)
    return text[1:] if guarded else text
