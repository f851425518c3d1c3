"""Writing a data package (validated before anything is written, then zipped, optionally with
AES encryption). Reading one back without trusting it is `package_read`; the checks against
the package's own description are `package_check`. Both are re-exported here for callers."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from itertools import repeat
from typing import Any

from pledge_desktop.exchange.cells import FORMULA_STARTS, safe_cell
from pledge_desktop.exchange.package_check import (
    frictionless_problems,
    validation_problems,
)
from pledge_desktop.exchange.package_format import FORMAT_VERSION, Table, descriptor
from pledge_desktop.exchange.package_read import (
    LoadedPackage,
    PackageRejected,
    Rejection,
    find_packages,
    read_one,
    read_package,
)

__all__ = [
    "LoadedPackage",
    "PackageRejected",
    "Rejection",
    "csv_bytes",
    "find_packages",
    "frictionless_problems",
    "package_files",
    "read_one",
    "read_package",
    "validation_problems",
    "zip_bytes",
]


# --- writing ------------------------------------------------------------------------------
def csv_bytes(table: Table) -> bytes:
    """The table as CSV; text that a spreadsheet would run as a formula is guarded (safe_cell).
    Worked a column at a time: most columns hold nothing to guard, and are written as they are."""
    kinds = [f["type"] for f in table.fields]
    if set(map(len, table.rows)) - {len(kinds)}:
        raise ValueError(f"a row of {table.name} does not have one cell per column")
    columns = list(zip(*table.rows, strict=True))
    guarded = False
    for i, kind in enumerate(kinds):
        if kind == "string" and columns and not _nothing_to_guard(columns[i]):
            columns[i] = tuple(map(safe_cell, columns[i]))
            guarded = True
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header())
    writer.writerows(zip(*columns, strict=True) if guarded else table.rows)
    return out.getvalue().encode("utf-8")


def _nothing_to_guard(cells: tuple[Any, ...]) -> bool:
    """Every cell is text that safe_cell leaves as it is."""
    return set(map(type, cells)) == {str} and not any(
        map(str.startswith, cells, repeat(FORMULA_STARTS))
    )


def package_files(
    tables: list[Table],
    about: dict[str, Any],
    readme: str,
    extra: dict[str, bytes] | None = None,
) -> dict[str, bytes]:
    """Every file of the package, by its path inside the ZIP; `extra`: the published pledge's
    files, when they go with it (listed in the manifest like every other)."""
    files = {table.path: csv_bytes(table) for table in tables}
    files.update(extra or {})
    about = {**about, "format_version": FORMAT_VERSION}  # said twice: the two must agree
    files["datapackage.json"] = json.dumps(descriptor(tables, about), indent=2).encode("utf-8")
    files["README.txt"] = readme.encode("utf-8")
    files["manifest.json"] = json.dumps(
        {
            "format_version": FORMAT_VERSION,
            "app_version": about.get("app_version", ""),
            "schema_revision": about.get("schema_revision", ""),
            "files": {
                name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())
            },
        },
        indent=2,
    ).encode("utf-8")
    return files


def zip_bytes(files: dict[str, bytes], password: str | None = None) -> bytes:
    buffer = io.BytesIO()
    if password:
        import pyzipper

        with pyzipper.AESZipFile(
            buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        ) as archive:
            archive.setpassword(password.encode("utf-8"))
            for name, data in files.items():
                archive.writestr(name, data)
    else:
        # level 3: a fifth of the time of the default level, for a file about 15 % larger
        with zipfile.ZipFile(
            buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=3
        ) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
    return buffer.getvalue()
