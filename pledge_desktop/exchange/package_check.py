"""Is a data package valid against its own description? frictionless checks the description
(datapackage.json and its Table Schemas: about 1 ms); the rows are checked by `table_check`,
which finds the same problems many times faster. `frictionless_problems` is the full check by
frictionless alone, used where the fast checker does not read a schema and in the tests."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pledge_desktop.exchange.table_check import CheckedTable, UnsupportedSchema, check_tables

NAME = re.compile(r"^([-a-z0-9._/])+$")  # frictionless's pattern for a package's name
_judged: dict[str, list[str]] = {}  # descriptor (without what differs by hospital) → problems


def descriptor_problems(descriptor: dict[str, Any]) -> list[str]:
    """frictionless's judgement of datapackage.json alone (not its data); [] when valid.

    frictionless takes about 0.1 s over a package's eleven schemas, and every hospital's
    schemas are the same: the judgement is kept for each descriptor with the hospital's own
    words (`pledge`, name, title) set aside, those being checked here instead."""
    normal = {**descriptor, "pledge": {}}
    name, title = descriptor.get("name"), descriptor.get("title")
    if "name" in descriptor:
        if not isinstance(name, str) or not NAME.match(name):
            return [f"The package's name {name!r} is not a valid name."]
        normal["name"] = "pledge"
    if isinstance(title, str):
        normal["title"] = ""
    try:
        key = json.dumps(normal, sort_keys=True)
    except (TypeError, ValueError):
        return ["datapackage.json holds values that are not JSON."]
    if key not in _judged:
        if len(_judged) > 64:
            _judged.clear()
        _judged[key] = _frictionless_descriptor(normal)
    return list(_judged[key])


def _frictionless_descriptor(descriptor: dict[str, Any]) -> list[str]:
    from frictionless import Package

    try:
        return [error.message for error in Package.metadata_validate(descriptor)]
    except Exception as error:  # frictionless raises its own exception for unknown types
        return [str(error) or type(error).__name__]


def checked_tables(
    files: Mapping[str, bytes], limit: int = 10
) -> tuple[list[str], dict[str, CheckedTable] | None]:
    """(problems, the tables as read); the tables are None when frictionless had to do the
    whole check (a schema the fast checker does not read)."""
    try:
        descriptor = json.loads(files["datapackage.json"].decode("utf-8"))
    except (KeyError, UnicodeDecodeError, json.JSONDecodeError):
        return ["datapackage.json is missing or cannot be read."], None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        return ["datapackage.json lists no tables."], None
    problems = descriptor_problems(descriptor)
    if problems:
        return problems[:limit], None
    try:
        tables = check_tables(descriptor["resources"], files)
    except UnsupportedSchema:
        return frictionless_problems(files, limit), None
    found = [str(p) for t in tables.values() for p in t.problems]
    return found[:limit], tables


def validation_problems(files: Mapping[str, bytes], limit: int = 10) -> list[str]:
    """Problems of the package against its own description; [] when it is valid."""
    return checked_tables(files, limit)[0]


def frictionless_problems(files: Mapping[str, bytes], limit: int = 10) -> list[str]:
    """Validate the package with frictionless alone, from a scratch folder; [] when valid."""
    from frictionless import Package

    with tempfile.TemporaryDirectory(prefix="pledge-package-") as scratch:
        root = Path(scratch)
        for name, data in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        try:
            package = Package(str(root / "datapackage.json"))  # untrusted: no paths outside it
            report = package.validate()
        except Exception as error:  # frictionless raises its own kinds on broken descriptors
            return [f"It could not be checked: {error}"]
        if report.valid:
            return []
        problems = [
            f"{task.name}: {error.message}" for task in report.tasks for error in task.errors
        ] + [error.message for error in report.errors]
        return problems[:limit] or ["The package does not meet its own description."]
