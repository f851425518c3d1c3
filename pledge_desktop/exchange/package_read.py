"""Reading a hospital's data package without trusting it: size limits (on the bytes really
read, not on what the ZIP claims), no paths that climb out, no zip bombs, only the files and
tables a package has, checksums, datapackage.json and manifest.json agreeing, UTF-8 only, the
format version, and every row valid against its description.

`read_one` is what the merge calls for each package: it returns the package or a `Rejection`
naming the reason, and never raises.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pledge_desktop.exchange.cells import plain_cell
from pledge_desktop.exchange.package_check import checked_tables
from pledge_desktop.exchange.package_format import (
    FORMAT_VERSION,
    MEMBERS,
    PUBLICATION_FOLDER,
    PUBLICATION_MEMBERS,
)
from pledge_desktop.exchange.table_check import CheckedTable

MAX_FILE = 200 * 1024 * 1024  # bytes: far more than any hospital's year of data
MAX_UNPACKED = 400 * 1024 * 1024
MAX_RATIO = 200  # unpacked size / packed size of one member: more than this is a zip bomb
TABLES = (
    "site",
    "questions",
    "options",
    "responses",
    "verification",
    "interviews",
    "interview_themes",
    "quotes",
    "goals",
    "goal_updates",
    "standards",
)
# Tables a newer package carries and an older one may not: answer bands of the data policy,
# batches with forms handed out, time the pledge took, what representatives did.
LATER_TABLES = ("bands", "batches", "time_spent", "representatives")
MERGED_TABLES = ("sites", *(t for t in TABLES if t != "site"))  # the charity's merged package
NATIONAL = ("national", "merged")  # site_code and cycle of a merged package
CONTENT = ("responses", "interviews", "quotes", "goals")  # at least one holds a row
DAMAGED = (
    "It could not be read as a ZIP file ({kind}): it may be truncated or damaged. Ask the "
    "hospital to send it again."
)


class PackageRejected(Exception):
    """A package that cannot be taken; the message says why in plain words."""


@dataclass(frozen=True)
class Rejection:
    path: str
    reason: str


@dataclass(frozen=True)
class LoadedPackage:
    source: str
    descriptor: dict[str, Any]
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, str]]]
    fingerprint: str  # SHA-256 of the manifest: the same package sent twice has the same one
    # tables read as columns only (`read_one(..., as_columns=...)`): name → column → cells
    columns: dict[str, dict[str, Sequence[str]]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        if table in self.columns:
            return len(next(iter(self.columns[table].values()), ()))
        return len(self.tables.get(table, []))

    @property
    def about(self) -> dict[str, Any]:
        return dict(self.descriptor.get("pledge", {}))


def read_one(
    path: Path, password: str | None = None, as_columns: Iterable[str] = ()
) -> LoadedPackage | Rejection:
    """One package read and checked, or the reason it cannot be taken. Never raises: whatever
    goes wrong inside one package rejects that package alone. Tables named in `as_columns` are
    given as columns (`LoadedPackage.columns`), not rows: lighter for a large merge."""
    try:
        if not path.exists():
            return Rejection(str(path), "There is no such file or folder.")
        package = read_package(path, password, as_columns=frozenset(as_columns))
        if (package.about.get("site_code"), package.about.get("cycle")) == NATIONAL:
            return Rejection(
                str(path), "It is a national merge, not a hospital's package: give the packages."
            )
        return package
    except PackageRejected as error:
        return Rejection(str(path), str(error))
    except MemoryError:
        return Rejection(str(path), "It is too large to read on this computer.")
    except Exception as error:  # the last resort: a file from outside can break any library
        return Rejection(
            str(path), f"It could not be read ({type(error).__name__}): {error}".rstrip(": ")
        )


def find_packages(inputs: Iterable[Path]) -> tuple[list[Path], list[Rejection]]:
    """The packages to read: files as given; in a folder, its ZIP files (or the folder itself
    when it is an unpacked package). A folder holding no package is named, not passed over."""
    found: list[Path] = []
    empty: list[Rejection] = []
    for item in inputs:
        if item.is_dir() and not (item / "datapackage.json").exists():
            inside = sorted(p for p in item.iterdir() if p.suffix.lower() == ".zip")
            if not inside:
                empty.append(Rejection(str(item), "This folder holds no data package (.zip)."))
            found += inside
        else:
            found.append(item)
    return found, empty


def read_package(
    path: Path,
    password: str | None = None,
    validate: bool = True,
    as_columns: frozenset[str] = frozenset(),
) -> LoadedPackage:
    """Read and check one package (a .zip file, or a folder holding an unpacked one)."""
    try:
        files = _folder_files(path) if path.is_dir() else _zip_files(path, password)
    except PackageRejected:
        raise
    except (
        OSError,
        zipfile.BadZipFile,
        zlib.error,
        struct.error,
        EOFError,
        ValueError,
        NotImplementedError,
        IndexError,
        KeyError,
    ) as error:
        raise PackageRejected(DAMAGED.format(kind=type(error).__name__)) from error
    except Exception as error:
        if type(error).__name__ == "BadZipFile":  # pyzipper's own, not zipfile's
            raise PackageRejected(DAMAGED.format(kind="BadZipFile")) from error
        raise
    return checked(str(path), files, validate, as_columns)


def _folder_files(folder: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for item in sorted(folder.rglob("*")):
        if item.is_symlink():
            raise PackageRejected(f"It holds a link ({item.name}), which a package never has.")
        if item.is_file():
            name = item.relative_to(folder).as_posix()
            _check_name(name)
            total += item.stat().st_size
            if total > MAX_UNPACKED:
                raise PackageRejected("It is far larger than any hospital's data could be.")
            files[name] = item.read_bytes()
    return files


def _zip_files(path: Path, password: str | None) -> dict[str, bytes]:
    size = path.stat().st_size
    if size > MAX_FILE:
        raise PackageRejected(
            f"It is {size // (1024 * 1024)} MB, far larger than any hospital's data could be."
        )
    if not zipfile.is_zipfile(path):
        raise PackageRejected(
            "It is not a ZIP file, or it is truncated: ask the hospital to send it again."
        )
    import pyzipper

    with pyzipper.AESZipFile(path) as archive:
        infos = archive.infolist()
        total = 0
        for info in infos:
            _check_name(info.filename)
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > MAX_UNPACKED or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
                raise PackageRejected(
                    "It would unpack to far more than it holds (a “zip bomb”): nothing was "
                    "unpacked."
                )
        if len({info.filename for info in infos}) != len(infos):
            raise PackageRejected("It holds the same file twice, which a package never does.")
        encrypted = any(info.flag_bits & 0x1 for info in infos)
        if encrypted:
            if not password:
                raise PackageRejected(
                    "It is protected with a password. Give the password the hospital sent "
                    "separately (--password)."
                )
            archive.setpassword(password.encode("utf-8"))
        files: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            files[info.filename] = _member(archive, info)
        return files


def _member(archive: Any, info: Any) -> bytes:
    """A member's bytes, never more than it claims: read in pieces with a hard cap, so a
    header that understates the size cannot make us unpack more."""
    cap = info.file_size
    pieces: list[bytes] = []
    got = 0
    try:
        with archive.open(info) as member:
            while True:
                piece = member.read(min(1024 * 1024, cap + 1 - got))
                if not piece:
                    break
                pieces.append(piece)
                got += len(piece)
                if got > cap:
                    raise PackageRejected("A file inside it is larger than it claims to be.")
    except RuntimeError as error:
        raise PackageRejected("The password does not open it.") from error
    return b"".join(pieces)


def _check_name(name: str) -> None:
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or "\0" in name
        or any(part in ("..", "") for part in pure.parts)
    ):
        raise PackageRejected(
            f"It holds a file named {name!r} that points outside the package: nothing was unpacked."
        )
    allowed = (
        name in MEMBERS
        or name in PUBLICATION_MEMBERS
        or name in {f"data/{t}.csv" for t in (*TABLES, *LATER_TABLES, "sites")}
        or name in ("data/", f"{PUBLICATION_FOLDER}/")
    )
    if not allowed:
        raise PackageRejected(f"It holds a file a Pledge package never has: {name!r}.")


def checked(
    source: str,
    files: dict[str, bytes],
    validate: bool = True,
    as_columns: frozenset[str] = frozenset(),
) -> LoadedPackage:
    """The files of one package checked and read into tables."""
    for member in MEMBERS:
        if member not in files:
            raise PackageRejected(f"It has no {member}: it is not a Pledge Desktop data package.")
    manifest = _json(files["manifest.json"], "manifest.json")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageRejected("Its manifest does not say which format it is in.")
    _not_newer(version, manifest.get("app_version"))
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        raise PackageRejected("Its manifest lists no files.")
    for name, data in files.items():
        if name == "manifest.json":
            continue
        expected = listed.get(name)
        if expected is None:
            raise PackageRejected(f"{name} is not in its manifest: it was changed after export.")
        if hashlib.sha256(data).hexdigest() != expected:
            raise PackageRejected(
                f"{name} does not match its checksum: the file was changed or damaged on the way."
            )
    for name in listed:
        if name not in files:
            raise PackageRejected(f"{name} is missing from it.")
    package = _json(files["datapackage.json"], "datapackage.json")
    about = _agreeing(package, manifest)
    national = (about.get("site_code"), about.get("cycle")) == NATIONAL
    _known_tables(package, MERGED_TABLES if national else TABLES)
    for name, data in files.items():
        if name.endswith(".csv"):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:
                raise PackageRejected(
                    f"{name} is not UTF-8 text: it was saved in another encoding after export."
                ) from error
    problems, tables = checked_tables(files) if validate else ([], None)
    if problems:
        raise PackageRejected("It does not match its own description: " + problems[0])
    columns: dict[str, dict[str, Sequence[str]]] = {}
    if tables is not None:
        for name in as_columns & set(tables):
            header = [f["name"] for f in tables[name].schema["fields"]]
            columns[name] = dict(
                zip(header, (_unguarded(c) for c in tables[name].cells), strict=True)
            )
    rows = _rows(package, files, tables, skip=set(columns))
    if not any(rows[name] or any(columns.get(name, {}).values()) for name in CONTENT):
        raise PackageRejected(
            f"It holds no forms, interviews, quotes or goals for {about['site_code']} "
            f"{about['cycle']}: nothing to combine. Ask the hospital whether it exported the "
            "right cycle."
        )
    fingerprint = hashlib.sha256(files["manifest.json"]).hexdigest()
    return LoadedPackage(source, package, manifest, rows, fingerprint, columns)


def _not_newer(version: int, app_version: object) -> None:
    if version > FORMAT_VERSION:
        raise PackageRejected(
            f"It was made by a newer version of Pledge Desktop ({app_version}, "
            f"format {version}); this one reads format {FORMAT_VERSION}. Update Pledge Desktop."
        )


def _agreeing(package: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """The `pledge` object, checked: an object naming the site and cycle, and saying the same
    as the manifest about the format, the app and the database schema."""
    about = package.get("pledge")
    if not isinstance(about, dict):
        raise PackageRejected("Its datapackage.json does not say which hospital and cycle it is.")
    for key in ("site_code", "cycle"):
        if not isinstance(about.get(key), str) or not about[key].strip():
            raise PackageRejected(f"Its datapackage.json gives no {key.replace('_', ' ')}.")
    claimed = about.get("format_version", 1)
    if not isinstance(claimed, int) or isinstance(claimed, bool):
        raise PackageRejected("Its datapackage.json gives a format version that is not a number.")
    _not_newer(claimed, about.get("app_version"))
    for key, theirs in (
        ("format_version", claimed),
        ("app_version", about.get("app_version")),
        ("schema_revision", about.get("schema_revision")),
    ):
        if str(manifest.get(key) or "") != str(theirs or ""):
            raise PackageRejected(
                f"Its datapackage.json and manifest.json disagree about the {key.replace('_', ' ')}"
                f" ({theirs} and {manifest.get(key)}): it was changed after export."
            )
    return about


def _known_tables(package: dict[str, Any], known: tuple[str, ...]) -> None:
    resources = package.get("resources")
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        raise PackageRejected("Its datapackage.json lists no tables.")
    names = [r.get("name") for r in resources]
    for resource in resources:
        name = resource.get("name")
        if name not in (*known, *LATER_TABLES) or resource.get("path") != f"data/{name}.csv":
            raise PackageRejected(
                f"Its datapackage.json lists a table a Pledge package never has: {name!r}."
            )
    if len(set(names)) != len(names):
        raise PackageRejected("Its datapackage.json lists a table twice.")
    missing = [t for t in known if t not in names]
    if missing:
        raise PackageRejected(
            f"It has no {missing[0].replace('_', ' ')} table: it is not a whole Pledge package."
        )


def _rows(
    package: dict[str, Any],
    files: dict[str, bytes],
    tables: dict[str, CheckedTable] | None,
    skip: set[str],
) -> dict[str, list[dict[str, str]]]:
    """Each table's rows by column name, the spreadsheet guard undone."""
    from pledge_desktop.exchange.table_check import read_rows

    rows: dict[str, list[dict[str, str]]] = {}
    for resource in package["resources"]:
        name = resource["name"]
        if name in skip:
            rows[name] = []
            continue
        if tables is not None and name in tables and tables[name].cells:
            header = [f["name"] for f in resource["schema"]["fields"]]
            columns = [_unguarded(column) for column in tables[name].cells]
            rows[name] = [dict(zip(header, row, strict=True)) for row in zip(*columns, strict=True)]
            continue
        read = read_rows(files[resource["path"]]) if resource["path"] in files else []
        header = read[0] if read else []
        rows[name] = [
            {key: plain_cell(value) for key, value in zip(header, row, strict=False)}
            for row in read[1:]
        ]
    return rows


def _unguarded(column: tuple[str, ...]) -> tuple[str, ...] | list[str]:
    guarded = {cell for cell in set(column) if cell.startswith("'")}
    if not guarded:
        return column
    plain = {cell: plain_cell(cell) for cell in guarded}
    return [plain.get(cell, cell) for cell in column]


def _json(data: bytes, name: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise PackageRejected(f"Its {name} cannot be read.") from error
    if not isinstance(value, dict):
        raise PackageRejected(f"Its {name} is not what a Pledge package holds.")
    return value
