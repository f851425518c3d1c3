"""Checking the rows of a package's CSV files against their Table Schemas, fast.

frictionless checks a table row by row and cell by cell in Python (about 0.2 s for 30,000 survey
forms); this reads each CSV once with the csv module, turns it into columns, and checks each
column's *distinct* values once (a survey column holds a handful of codes however many forms
there are). It finds the same kinds of problems frictionless does: wrong header, missing or extra
cells, blank rows, a cell of the wrong type, a broken constraint (required, enum, pattern, length,
bounds), duplicates of a unique column or of the primary key, and foreign keys with nothing to
point at. The tests run both on damaged files and require them to agree.

It reads only what Pledge Desktop writes: the types string, integer, number and date in their
default formats. A schema with anything else raises `UnsupportedSchema`, and the caller asks
frictionless instead.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

DEFAULT_MISSING = ("",)
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
KNOWN_CONSTRAINTS = {"required", "unique", "pattern", "enum", "minLength", "maxLength", *BOUNDS}
FIELD_KEYS = {"name", "type", "format", "description", "title", "constraints", "missingValues"}
SHOWN = 3  # rows named for each problem


class UnsupportedSchema(ValueError):
    """The schema uses something this checker does not read: ask frictionless instead."""


@dataclass(frozen=True)
class Problem:
    table: str
    kind: str  # the frictionless name of the error, e.g. "type-error", "foreign-key"
    message: str
    rows: tuple[int, ...] = ()  # row numbers as a spreadsheet counts them (header = 1)

    def __str__(self) -> str:
        where = f" (row {', '.join(map(str, self.rows))})" if self.rows else ""
        return f"{self.table}: {self.message}{where}"


# --- reading cells as frictionless does -------------------------------------------------
def _read_string(cell: str) -> Any:
    return cell


def _read_integer(cell: str) -> Any:
    try:
        return int(cell.strip())
    except ValueError:
        return None


def _read_number(cell: str) -> Any:
    try:
        return Decimal(cell.strip())
    except ArithmeticError:  # decimal.InvalidOperation: not a number
        return None


def _read_date(cell: str) -> Any:
    try:
        return datetime.strptime(cell, "%Y-%m-%d").date()
    except ValueError:
        return None


READERS: dict[str, Callable[[str], Any]] = {
    "string": _read_string,
    "integer": _read_integer,
    "number": _read_number,
    "date": _read_date,
}
SUPPORTED = {
    "string": {"required", "unique", "pattern", "enum", "minLength", "maxLength"},
    "integer": {"required", "unique", "enum", *BOUNDS},
    "number": {"required", "unique", "enum", *BOUNDS},
    "date": {"required", "unique", "enum", *BOUNDS},
}


def _constant(reader: Callable[[str], Any], value: Any) -> Any:
    """A constraint's value as frictionless reads it (numbers and dates may be given as such)."""
    if isinstance(value, str):
        return reader(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal, date)):
        return value
    if isinstance(value, float):
        return (
            Decimal(str(value))
            if reader is _read_number
            else (int(value) if value.is_integer() else None)
        )
    return None


@dataclass
class _Column:
    """One field's rules, compiled once: `check(cell)` says what is wrong with a cell."""

    name: str
    reader: Callable[[str], Any]
    missing: frozenset[str]
    rules: list[tuple[str, Callable[[Any], bool]]] = field(default_factory=list)
    required: bool = False
    unique: bool = False
    kind: str = "string"

    def value(self, cell: str) -> tuple[Any, str | None]:
        """(value, problem kind or None): None stands for a missing value."""
        if cell in self.missing:
            return None, ("constraint-error" if self.required else None)
        value = self.reader(cell)
        if value is None:
            return None, "type-error"
        for _name, rule in self.rules:
            if not rule(value):
                return value, "constraint-error"
        return value, None


def _compile(spec: Any, schema_missing: frozenset[str]) -> _Column:
    if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
        raise UnsupportedSchema("a field without a name")
    kind = spec.get("type", "string")
    unknown = set(spec) - FIELD_KEYS
    if kind not in READERS or spec.get("format", "default") != "default" or unknown:
        raise UnsupportedSchema(f"field {spec['name']}: type {kind!r} or its options")
    constraints = spec.get("constraints", {})
    if not isinstance(constraints, dict) or set(constraints) - KNOWN_CONSTRAINTS:
        raise UnsupportedSchema(f"field {spec['name']}: constraints")
    missing = spec.get("missingValues")
    reader = READERS[kind]
    column = _Column(
        spec["name"],
        reader,
        frozenset(missing) if isinstance(missing, list) else schema_missing,
        kind=kind,
    )
    for name, value in constraints.items():
        if name not in SUPPORTED[kind] or value is None:
            continue  # frictionless ignores a constraint a type does not support
        if name == "required":
            column.required = bool(value)
        elif name == "unique":
            column.unique = bool(value)
        elif name == "pattern":
            column.rules.append((name, _pattern(re.compile(f"^{value}$"))))
        elif name == "enum":
            column.rules.append((name, _enum([_constant(reader, item) for item in value])))
        elif name in ("minLength", "maxLength"):
            column.rules.append((name, _length(name, value)))
        else:
            column.rules.append((name, _bound(name, _constant(reader, value))))
    return column


def _pattern(pattern: re.Pattern[str]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return pattern.match(value) is not None  # "^…$" and match(): as frictionless does

    return check


def _enum(allowed: list[Any]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return value in allowed

    return check


def _length(name: str, limit: int) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        return len(value) >= limit if name == "minLength" else len(value) <= limit

    return check


def _bound(name: str, limit: Any) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if value != value:  # NaN: never within bounds
            return False
        try:
            if name == "minimum":
                return bool(value >= limit)
            if name == "maximum":
                return bool(value <= limit)
            if name == "exclusiveMinimum":
                return bool(value > limit)
            return bool(value < limit)
        except (TypeError, ArithmeticError):  # a value of another type than its limit
            return False

    return check


# --- one table ------------------------------------------------------------------------------
@dataclass
class CheckedTable:
    """A table read and checked: its problems, and its values by column for the keys."""

    name: str
    schema: dict[str, Any]
    problems: list[Problem]
    values: dict[str, list[Any]]  # column → value of each row (None: missing or wrong type)
    rows: int
    cells: list[tuple[str, ...]] = field(default_factory=list)  # each column's cells as read


def read_rows(csv_bytes: bytes) -> list[list[str]]:
    """The CSV's rows (header first); UnicodeDecodeError or csv.Error when it cannot be read."""
    text = csv_bytes.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline="")))


def check_table(name: str, schema: dict[str, Any], csv_bytes: bytes) -> CheckedTable:
    """Check one table's rows against its schema (foreign keys apart: see `check_package`)."""
    if not isinstance(schema, dict) or not isinstance(schema.get("fields", []), list):
        raise UnsupportedSchema("a schema without a list of fields")
    raw_missing = schema.get("missingValues", list(DEFAULT_MISSING))
    if not isinstance(raw_missing, list) or not all(isinstance(m, str) for m in raw_missing):
        raise UnsupportedSchema("missingValues")
    columns = [_compile(spec, frozenset(raw_missing)) for spec in schema.get("fields", [])]
    problems: list[Problem] = []
    try:
        rows = read_rows(csv_bytes)
    except UnicodeDecodeError:
        return CheckedTable(
            name, schema, [Problem(name, "encoding-error", "not UTF-8 text")], {}, 0
        )
    except csv.Error as error:
        return CheckedTable(name, schema, [Problem(name, "source-error", str(error))], {}, 0)
    names = [c.name for c in columns]
    if not rows or not any(rows[0]):
        problems.append(Problem(name, "blank-header", "it has no header row"))
        return CheckedTable(name, schema, problems, {n: [] for n in names}, 0)
    header, body = rows[0], rows[1:]
    if header != names:
        problems.append(
            Problem(name, "header", f"its columns are {header[:8]}, not {names[:8]}", (1,))
        )
    width = len(columns)
    uneven = [n for n, row in enumerate(body, start=2) if len(row) != width]
    if uneven:
        problems.append(
            Problem(
                name, "row-length", "a row has too many or too few cells", tuple(uneven[:SHOWN])
            )
        )
        body = [row[:width] + [""] * (width - len(row)) for row in body]
    cells: list[tuple[str, ...]] = list(zip(*body, strict=True)) if body else [() for _ in columns]
    values: dict[str, list[Any]] = {}
    for column, column_cells in zip(columns, cells, strict=True):
        judged = {cell: column.value(cell) for cell in set(column_cells)}
        bad = [cell for cell, (_v, kind) in judged.items() if kind]
        if bad:
            kinds = sorted({judged[cell][1] or "" for cell in bad})
            bad_set = set(bad)
            where = [n for n, cell in enumerate(column_cells, start=2) if cell in bad_set]
            problems.append(
                Problem(
                    name,
                    kinds[0],
                    f"column {column.name} holds {bad[0]!r}, which its description does not allow",
                    tuple(where[:SHOWN]),
                )
            )
        read: dict[str, Any] = {
            cell: (None if kind else value) for cell, (value, kind) in judged.items()
        }
        column_values: list[Any]
        if column.kind == "string" and all(read[cell] == cell for cell in read):
            column_values = list(column_cells)  # nothing missing: the values are the cells
        else:
            column_values = list(map(read.__getitem__, column_cells))
        values[column.name] = column_values

        if column.unique:
            _duplicates(name, f"column {column.name}", column_values, problems)
    blank = list(range(len(body))) if columns else []
    for column, column_cells in zip(columns, cells, strict=True):  # rows of missing values only
        if not blank:
            break
        blank = [i for i in blank if column_cells[i] in column.missing]
    if blank:
        blank = [i + 2 for i in blank]
        if blank:
            problems.append(Problem(name, "blank-row", "a row is empty", tuple(blank[:SHOWN])))
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    if key and set(key) <= set(values):
        keys = key_column(values, key)
        empty = [n for n, k in enumerate(keys, start=2) if k is None]
        if empty:
            problems.append(Problem(name, "primary-key", "a row has no key", tuple(empty[:SHOWN])))
        _duplicates(name, "the key " + "+".join(key), keys, problems, "primary-key")
    return CheckedTable(name, schema, problems, values, len(body), cells)


def key_column(values: Mapping[str, list[Any]], fields: list[str]) -> list[Any]:
    """Each row's key: the value (one field) or the tuple of values; None when all are
    missing."""
    if len(fields) == 1:
        return values[fields[0]]
    width = len(fields)
    return [
        None if t.count(None) == width else t
        for t in zip(*(values[f] for f in fields), strict=True)
    ]


def _duplicates(
    table: str, what: str, column: list[Any], problems: list[Problem], kind: str = "unique-error"
) -> None:
    kept = [v for v in column if v is not None]
    if len(set(kept)) == len(kept):
        return
    seen: set[Any] = set()
    again: list[int] = []
    for number, value in enumerate(column, start=2):
        if value is None:
            continue
        if value in seen:
            again.append(number)
        seen.add(value)
    problems.append(Problem(table, kind, f"{what} is repeated", tuple(again[:SHOWN])))


# --- a package: every table, then the foreign keys between them ------------------------------
def check_package(resources: list[dict[str, Any]], files: Mapping[str, bytes]) -> list[Problem]:
    """Every resource's rows checked against its schema, and the foreign keys across them.
    UnsupportedSchema when a schema uses what this checker does not read."""
    return [p for t in check_tables(resources, files).values() for p in t.problems]


def check_tables(
    resources: list[dict[str, Any]], files: Mapping[str, bytes]
) -> dict[str, CheckedTable]:
    """Each table checked, foreign-key problems added to the table that holds the keys."""
    tables: dict[str, CheckedTable] = {}
    for resource in resources:
        name, path = resource.get("name"), resource.get("path")
        if not isinstance(name, str) or not isinstance(path, str) or path not in files:
            raise UnsupportedSchema("a resource without a name or data")
        if (
            resource.get("format", "csv") != "csv"
            or str(resource.get("encoding", "utf-8")).lower() not in ("utf-8", "utf8")
            or "dialect" in resource
            or name in tables
        ):
            raise UnsupportedSchema(f"resource {name}: its format, encoding or dialect")
        tables[name] = check_table(name, resource.get("schema", {}), files[path])
    for checked in tables.values():
        checked.problems += foreign_key_problems(checked, tables)
    return tables


def foreign_key_problems(
    checked: CheckedTable, tables: Mapping[str, CheckedTable]
) -> list[Problem]:
    problems: list[Problem] = []
    for link in checked.schema.get("foreignKeys", []) or []:
        try:
            fields = _names(link["fields"])
            target = link["reference"]
            source = tables[target.get("resource") or checked.name]
            source_fields = _names(target["fields"])
        except (KeyError, TypeError, AttributeError) as error:
            raise UnsupportedSchema("a foreign key this checker does not read") from error
        if not set(fields) <= set(checked.values) or not set(source_fields) <= set(source.values):
            continue  # the header is already wrong
        known = set(key_column(source.values, source_fields))
        orphans = [
            n
            for n, k in enumerate(key_column(checked.values, fields), start=2)
            if k is not None and k not in known
        ]
        if orphans:
            problems.append(
                Problem(
                    checked.name,
                    "foreign-key",
                    f"{'+'.join(fields)} points at nothing in {source.name}",
                    tuple(orphans[:SHOWN]),
                )
            )
    return problems


def _names(value: Any) -> list[str]:
    names = [value] if isinstance(value, str) else list(value)
    if not all(isinstance(n, str) for n in names):
        raise TypeError("field names")
    return names


def validate_table_rows(
    schema: dict[str, Any],
    csv_bytes: bytes,
    others: Mapping[str, tuple[dict[str, Any], bytes]] | None = None,
    name: str = "table",
) -> list[Problem]:
    """Problems of one table's rows against its Table Schema; [] when it is valid. Tables its
    foreign keys point at are given in `others` (name → (schema, csv bytes))."""
    checked = check_table(name, schema, csv_bytes)
    tables = {name: checked}
    for other, (other_schema, data) in (others or {}).items():
        tables[other] = check_table(other, other_schema, data)
    return checked.problems + foreign_key_problems(checked, tables)
