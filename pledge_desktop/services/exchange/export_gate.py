"""The privacy gate on the charity package: every free-text cell of every table is reviewed by
domain/privacy.py before anything is written. A cell is free text when its field is a string
with neither a list of allowed values nor a pattern; only the few code columns named here are
let through unread, so a new column is checked without anyone remembering to add it.

What the nurse records as "not an identifier" is kept by services/privacy_decisions.py."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from pledge_desktop.domain.privacy import (
    GateFinding,
    OutgoingText,
    apply_decisions,
    review_outgoing,
)
from pledge_desktop.exchange.package_format import MISSING, Table
from pledge_desktop.services.privacy_decisions import name_lists

MARKER = "[removed]"
# string columns that hold codes chosen by the app, never typed words
CODE_COLUMNS = frozenset({"question_code", "evidence_questions", "site_code", "trust_code"})


def free_text_fields(table: Table) -> list[str]:
    """The columns of `table` whose words go through the gate."""
    return [
        spec["name"]
        for spec in table.fields
        if spec.get("type") == "string"
        and spec["name"] not in CODE_COLUMNS
        and not {"enum", "pattern"} & set(spec.get("constraints", {}))
    ]


def row_keys(table: Table) -> list[str]:
    """A stable name for each row: its primary key's values (ids are random and stable), so a
    decision made once holds at the next export."""
    header = table.header()
    key = [header.index(name) for name in table.primary_key if name in header]
    if not key:
        return [str(number) for number in range(1, len(table.rows) + 1)]
    return ["/".join(row[i] for i in key) for row in table.rows]


def outgoing(tables: Iterable[Table]) -> list[OutgoingText]:
    values: list[OutgoingText] = []
    for table in tables:
        header = table.header()
        columns = [(name, header.index(name)) for name in free_text_fields(table)]
        if not columns:
            continue
        for key, row in zip(row_keys(table), table.rows, strict=True):
            for name, index in columns:
                words = row[index]
                if words not in MISSING:  # "", blank, withheld …: words of the app's own
                    values.append(OutgoingText(table.name, key, name, words))
    return values


def review(
    tables: Iterable[Table], names: Iterable[str], not_identifiers: Collection[str]
) -> list[GateFinding]:
    return review_outgoing(
        outgoing(tables),
        names,
        lists=name_lists(),
        every_date=True,
        not_identifiers=not_identifiers,
    )


def remove(
    tables: dict[str, Table], findings: Iterable[GateFinding], not_identifiers: Collection[str]
) -> None:
    """Replace each finding's span by the marker, in the tables themselves."""
    findings = list(findings)
    places = {(f.table, f.row, f.field) for f in findings}
    touched = {f.table for f in findings}
    values = [
        v
        for v in outgoing(t for t in tables.values() if t.name in touched)
        if (v.table, v.row, v.field) in places
    ]
    positions = {name: {key: i for i, key in enumerate(row_keys(tables[name]))} for name in touched}
    for value in apply_decisions(values, findings, not_identifiers, MARKER):
        table = tables[value.table]
        row = table.rows[positions[value.table][value.row]]
        row[table.header().index(value.field)] = value.text
