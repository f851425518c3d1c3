"""The data package a hospital sends to the charity: a Frictionless Tabular Data Package of CSV
files, each with a Table Schema, plus a plain-language README and a manifest of checksums.
docs/export-format.md describes it for the charity's analysts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

FORMAT_VERSION = 1  # raised when the package changes in a way an older reader cannot take
MISSING = ("", "blank", "unreadable", "skipped", "suppressed", "withheld")
MISSING_MEANING = {
    "blank": "left blank on the paper form",
    "unreadable": "could not be read, or more than one box ticked",
    "skipped": "skipped, as the form told the patient to",
    "suppressed": "held back so that no patient can be picked out (k-anonymity)",
    "withheld": "a written answer not sent: not reviewed, or dropped by the nurse",
}
MEMBERS = ("datapackage.json", "manifest.json", "README.txt")
# the published pledge, when the team sends it with the package (optional)
PUBLICATION_FOLDER = "publication"
PUBLICATION_MEMBERS = tuple(
    f"{PUBLICATION_FOLDER}/{name}"
    for name in ("booklet.pdf", "booklet.html", "pledge.json", "consent-to-publish.txt")
)
# tables with one row per person (a form, an interview, a quote): written in the order of their
# random ids, never in the order of serial numbers or typing
PER_PERSON = ("responses", "interviews", "interview_themes", "quotes")
# UK nations, as the site table names them
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland", "unknown")


def option_column(question_code: str, option_code: int | str) -> str:
    """The responses column of one option of a multiple-choice question: 1 ticked, 0 not."""
    return f"{question_code}__{option_code}"


def question_fingerprint(
    wording: str, answer_type: str, options: Iterable[tuple[int | str, str]]
) -> str:
    """SHA-256 of a question's definition (wording, type, codes and labels), so packages can be
    pooled only where their questions agree. The charity's side computes it the same way from
    the questions and options tables."""
    definition = {
        "text": " ".join(wording.split()),
        "type": answer_type,
        "options": [[int(code), " ".join(label.split())] for code, label in options],
    }
    canonical = json.dumps(definition, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class Table:
    """One CSV file of the package: its Table Schema fields and its rows (as text)."""

    name: str
    title: str
    fields: list[dict[str, Any]]
    rows: list[list[str]] = field(default_factory=list)
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    def header(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def resource(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"fields": self.fields, "missingValues": list(MISSING)}
        if self.primary_key:
            schema["primaryKey"] = self.primary_key
        if self.foreign_keys:
            schema["foreignKeys"] = self.foreign_keys
        return {
            "name": self.name,
            "title": self.title,
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


def text(name: str, description: str, required: bool = False, **constraints: Any) -> dict[str, Any]:
    return _field(name, "string", description, required, **constraints)


def integer(
    name: str, description: str, required: bool = False, **constraints: Any
) -> dict[str, Any]:
    return _field(name, "integer", description, required, **constraints)


def _field(
    name: str, kind: str, description: str, required: bool, **constraints: Any
) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if required:
        constraints["required"] = True
    if constraints:
        spec["constraints"] = constraints
    return spec


def date_field(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "type": "date", "description": description}


def link(fields: list[str], resource: str, target: list[str]) -> dict[str, Any]:
    return {"fields": fields, "reference": {"resource": resource, "fields": target}}


def descriptor(tables: list[Table], about: dict[str, Any]) -> dict[str, Any]:
    """The datapackage.json of a package; `about` goes under the "pledge" key."""
    slug = "-".join(
        "".join(ch if ch.isalnum() else "-" for ch in str(about.get(key, "")).lower())
        for key in ("site_code", "cycle")
    )
    return {
        "profile": "tabular-data-package",
        "name": f"pledge-{slug}".strip("-") or "pledge",
        "title": about.get("title", "Service Pledge data"),
        "description": "Anonymised Service Pledge data sent by a hospital to the charity. "
        "Missing values: " + "; ".join(f"{k} = {v}" for k, v in MISSING_MEANING.items()) + ".",
        "licenses": [{"name": "other-closed", "title": "For the Service Pledge programme only"}],
        "pledge": about,
        "resources": [table.resource() for table in tables],
    }


README = """Service Pledge data package
===========================

This file was made by Pledge Desktop {app_version} at {site} for pledge cycle {cycle}, on
{exported}. It holds no names, no NHS numbers, no serial numbers and no notes of the team's own:
only anonymised answers, counts and the words the hospital chose to publish.

What is in it (one CSV file per table, UTF-8, first row the column names):
{tables}

- datapackage.json describes every column: its type, the allowed values, and what each answer
  code means. Any tool that reads Frictionless Data Packages can open and check it.
- manifest.json gives each file's SHA-256 checksum, so the charity can tell the file arrived
  whole.
- Empty or marked cells: {missing}.

Small groups: answers that could identify someone (age band, sex, time since diagnosis …) are
held back ("suppressed") wherever fewer than {k} forms share the same combination of them.
{comments}
"""
