"""The merged data package, written from the packages' spools without holding the forms:
each table's CSV streamed, then its description, README and manifest of checksums. The
description is checked by frictionless; the rows, where the merge is small enough to hold,
by the same checker a hospital's package meets."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pledge_desktop import __version__
from pledge_desktop.domain.errors import StorageError
from pledge_desktop.exchange.merge_conformance import OPTION, Columns
from pledge_desktop.exchange.merge_stream import Pledge, union_header, write_table
from pledge_desktop.exchange.package_check import descriptor_problems, validation_problems
from pledge_desktop.exchange.package_format import FORMAT_VERSION, Table, descriptor, text
from pledge_desktop.exchange.package_read import TABLES

SITE_FIELDS = [text("site_code", "ODS site code", True), text("cycle", "Pledge cycle", True)]
KEYS = {
    "responses": ["response_id"],
    "interviews": ["interview_id"],
    "goals": ["goal_id"],
    "quotes": ["quote_id"],
}
CHECK_ROWS_UP_TO = 20 * 1024 * 1024  # bytes of CSV: larger merges are checked by description


def write_merged_package(
    folder: Path, pledges: Sequence[Pledge], columns: Columns, about: dict[str, Any]
) -> None:
    data = folder / "data"
    data.mkdir(parents=True)
    tables: list[Table] = [_sites(pledges), *_codebook(columns)]
    for table in tables:
        _write_rows(data / f"{table.name}.csv", table)
    for name in (t for t in TABLES if t not in ("site", "questions", "options")):
        header = union_header(name, pledges)
        if not header:
            header = ["site_code", "cycle"]
        write_table(data / f"{name}.csv", name, header, pledges)
        tables.append(_table(name, header, pledges, columns))
    readme = (
        f"Merged Service Pledge data from {len(pledges)} pledges, by Pledge Desktop "
        f"{__version__}. Each table has site_code and cycle columns. A question is one column "
        "only where every hospital defined it the same way; a different definition has its "
        "own column (code__v2 …), listed in questions.csv and in conformance.csv beside this "
        "folder. Multiple-choice answers are also given one 0/1 column per answer (code__3).\n"
    )
    described = descriptor(tables, {**about, "format_version": FORMAT_VERSION})
    problems = descriptor_problems(described)
    files = {"datapackage.json": json.dumps(described, indent=2).encode("utf-8")}
    files["README.txt"] = readme.encode("utf-8")
    for name, data_bytes in files.items():
        (folder / name).write_bytes(data_bytes)
    sums = {name: hashlib.sha256(b).hexdigest() for name, b in files.items()}
    total = 0
    for table in tables:
        sums[table.path], size = _sha256(folder / table.path)
        total += size
    if not problems and total <= CHECK_ROWS_UP_TO:
        everything = {name: (folder / name).read_bytes() for name in sums}
        problems = validation_problems(everything)
    if problems:
        raise StorageError("The merged package did not pass its checks: " + problems[0])
    manifest = {
        "format_version": FORMAT_VERSION,
        "app_version": about.get("app_version", ""),
        "schema_revision": about.get("schema_revision", ""),
        "files": dict(sorted(sums.items())),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as source:
        while piece := source.read(1024 * 1024):
            digest.update(piece)
            size += len(piece)
    return digest.hexdigest(), size


def _write_rows(path: Path, table: Table) -> None:
    from pledge_desktop.exchange.package_io import csv_bytes

    path.write_bytes(csv_bytes(table))


def _sites(pledges: Sequence[Pledge]) -> Table:
    extra: dict[str, None] = {}
    for pledge in pledges:
        extra.update(dict.fromkeys(c for c in pledge.site if c not in ("site_code", "cycle")))
    names = [c for c in extra if c not in ("hospital", "forms")]
    fields = [
        *SITE_FIELDS,
        text("hospital", "Name"),
        text("forms", "Forms received", pattern=r"\d+"),
        text("policy_version", "The data policy the package was made under"),
        *[text(name, f"From the hospital's site.csv: {name}") for name in names],
    ]
    rows = [
        [
            str(p.key[0]),
            str(p.key[1]),
            str(p.about.get("hospital", "")),
            str(p.forms),
            str(p.kept.get("policy_version", "")),
            *[str(p.site.get(name, "")) for name in names],
        ]
        for p in pledges
    ]
    return Table(
        "sites",
        "The pledges combined: one row per hospital and cycle",
        fields,
        rows,
        primary_key=["site_code", "cycle"],
    )


def _codebook(columns: Columns) -> tuple[Table, Table]:
    questions = Table(
        "questions",
        "Every merged column of responses: a question as one definition of it",
        [
            text("question_code", "The merged column", True),
            text("code", "The question's code on the forms"),
            text("text", "Wording"),
            text("type", "Kind"),
            text("definition", "Fingerprint of the definition (wording, kind, codes, labels)"),
            text("quasi_identifier", "yes: could help identify someone"),
        ],
        [
            [
                column,
                d.code,
                d.text,
                d.kind,
                d.fingerprint or d.computed,
                "yes" if d.quasi_identifier else "no",
            ]
            for column, d in columns.defined.items()
        ],
        primary_key=["question_code"],
    )
    options = Table(
        "options",
        "Answer codes of each merged column",
        [
            text("question_code", "The merged column", True),
            text("code", "Answer code", True),
            text("label", "Answer"),
        ],
        [[column, c, label] for column, d in columns.defined.items() for c, label in d.options],
        primary_key=["question_code", "code"],
    )
    return questions, options


def _table(name: str, header: list[str], pledges: Sequence[Pledge], columns: Columns) -> Table:
    specs: dict[str, dict[str, Any]] = {}
    everywhere = set(header)
    for pledge in pledges:
        theirs = pledge.fields.get(name, {})
        mine = set(pledge.headers.get(name, [])) | {"site_code", "cycle"}
        if name == "responses":
            theirs = {pledge.rename.get(c, c): f for c, f in theirs.items()}
            mine = {pledge.rename.get(c, c) for c in mine}
        everywhere &= mine
        for column, spec in theirs.items():
            specs.setdefault(column, spec)
    fields = []
    for column in header:
        if column in ("site_code", "cycle"):
            fields.append(next(f for f in SITE_FIELDS if f["name"] == column))
            continue
        spec = dict(specs.get(column) or _made(column, columns))
        spec["name"] = column
        if "constraints" in spec:  # unique only within a hospital's cycle: the key says so
            dropped = ("unique",) if column in everywhere else ("unique", "required")
            spec["constraints"] = {k: v for k, v in spec["constraints"].items() if k not in dropped}
        fields.append(spec)
    key = KEYS.get(name, [])
    return Table(
        name,
        f"{name.replace('_', ' ').capitalize()} from every hospital",
        fields,
        primary_key=["site_code", "cycle", *key] if key and set(key) <= set(header) else [],
    )


def _made(column: str, columns: Columns) -> dict[str, Any]:
    if OPTION in column:
        question = column.rsplit(OPTION, 1)[0]
        if question in columns.defined:
            return text(
                column,
                f"1 where this answer to {question} was ticked, 0 where not",
                enum=["0", "1"],
            )
    return text(column, column)


def read_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as source:
        return next(csv.reader(source), [])
