"""Counts in words: "1 form", "2 forms", never "1 forms"."""

from __future__ import annotations


def plural(count: int, one: str, many: str | None = None) -> str:
    """`count` with the noun that agrees with it: plural(1, "place") is "1 place",
    plural(3, "place") "3 places"; irregular nouns give their plural: plural(2, "is", "are")."""
    return f"{count} {one if count == 1 else (many if many is not None else one + 's')}"


def are(count: int) -> str:
    """The verb that agrees with `count`: "1 goal is", "2 goals are"."""
    return "is" if count == 1 else "are"
