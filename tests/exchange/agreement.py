"""Shared by the agreement tests: a small package in the app's own style, and frictionless's
verdict on it (the independent check)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from pledge_desktop.exchange.package_format import MISSING

QUESTIONS = {
    "fields": [
        {
            "name": "question_code",
            "type": "string",
            "constraints": {"required": True, "unique": True, "pattern": "[a-z_]+"},
        },
        {"name": "number", "type": "integer", "constraints": {"required": True, "minimum": 1}},
        {
            "name": "type",
            "type": "string",
            "constraints": {"required": True, "enum": ["single_choice", "number"]},
        },
    ],
    "missingValues": list(MISSING),
    "primaryKey": ["question_code"],
}
OPTIONS = {
    "fields": [
        {"name": "question_code", "type": "string", "constraints": {"required": True}},
        {"name": "code", "type": "integer", "constraints": {"required": True}},
        {"name": "label", "type": "string", "constraints": {"required": True}},
    ],
    "missingValues": list(MISSING),
    "primaryKey": ["question_code", "code"],
    "foreignKeys": [
        {
            "fields": ["question_code"],
            "reference": {"resource": "questions", "fields": ["question_code"]},
        }
    ],
}
RESPONSES = {
    "fields": [
        {
            "name": "response_id",
            "type": "string",
            "constraints": {"required": True, "unique": True, "pattern": "[0-9a-f]{4}"},
        },
        {
            "name": "status",
            "type": "string",
            "constraints": {"required": True, "enum": ["entered", "verified"]},
        },
        {"name": "age", "type": "integer", "constraints": {"enum": [1, 2, 3]}},
        {"name": "weight", "type": "number"},
        {"name": "ticked", "type": "string", "constraints": {"pattern": r"\d+(;\d+)*"}},
        {"name": "month", "type": "string", "constraints": {"pattern": r"\d{4}-\d{2}"}},
        {"name": "on_date", "type": "date"},
        {"name": "minutes", "type": "integer", "constraints": {"minimum": 0}},
    ],
    "missingValues": list(MISSING),
    "primaryKey": ["response_id"],
}
SCHEMAS = {"questions": QUESTIONS, "options": OPTIONS, "responses": RESPONSES}
GOOD = {
    "questions": [["age", "1", "single_choice"], ["weight", "2", "number"]],
    "options": [["age", "1", "Under 50"], ["age", "2", "50 to 69"], ["age", "3", "70 or over"]],
    "responses": [
        ["00a1", "entered", "1", "61.5", "1;3", "2026-01", "2026-02-03", "12"],
        ["00a2", "verified", "blank", "", "2", "skipped", "", "0"],
        ["00a3", "entered", "suppressed", "70", "", "2025-12", "2025-12-31", ""],
    ],
}


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def good_files() -> dict[str, bytes]:
    return {
        f"data/{name}.csv": csv_text([[f["name"] for f in SCHEMAS[name]["fields"]], *rows]).encode()
        for name, rows in GOOD.items()
    }


def resources() -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "path": f"data/{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "encoding": "utf-8",
            "schema": schema,
        }
        for name, schema in SCHEMAS.items()
    ]


def frictionless_valid(files: dict[str, bytes]) -> tuple[bool, list[str]]:
    """frictionless's verdict, reading every CSV with a comma (as the app writes them)."""
    from frictionless import Package

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        descriptor = {
            "name": "sample",
            "resources": [{**r, "dialect": {"delimiter": ","}} for r in resources()],
        }
        (root / "datapackage.json").write_text(json.dumps(descriptor))
        report = Package(str(root / "datapackage.json")).validate()
        messages = [e.message for t in report.tasks for e in t.errors]
        messages += [e.message for e in report.errors]
        return report.valid, messages
