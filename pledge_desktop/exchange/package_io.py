"""Writing a data package (validated with frictionless before anything is written, then zipped,
optionally with AES encryption), and reading one back without trusting it: size limits, no
paths that climb out, no zip bombs, checksums, UTF-8 only, and the format version."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pledge_desktop.exchange.cells import plain_cell, safe_cell
from pledge_desktop.exchange.package_format import FORMAT_VERSION, MEMBERS, Table, descriptor

MAX_FILE = 200 * 1024 * 1024  # bytes: far more than any hospital's year of data
MAX_UNPACKED = 400 * 1024 * 1024
MAX_RATIO = 200  # unpacked size / packed size of one member: more than this is a zip bomb


class PackageRejected(Exception):
    """A package that cannot be taken; the message says why in plain words."""


@dataclass(frozen=True)
class LoadedPackage:
    source: str
    descriptor: dict[str, Any]
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, str]]]
    fingerprint: str  # SHA-256 of the manifest: the same package sent twice has the same one

    @property
    def about(self) -> dict[str, Any]:
        return dict(self.descriptor.get("pledge", {}))


# --- writing ------------------------------------------------------------------------------
def csv_bytes(table: Table) -> bytes:
    kinds = [f["type"] for f in table.fields]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header())
    for row in table.rows:
        writer.writerow(
            [safe_cell(v) if kind == "string" else v for v, kind in zip(row, kinds, strict=True)]
        )
    return out.getvalue().encode("utf-8")


def package_files(tables: list[Table], about: dict[str, Any], readme: str) -> dict[str, bytes]:
    """Every file of the package, by its path inside the ZIP."""
    files = {table.path: csv_bytes(table) for table in tables}
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


def validation_problems(files: dict[str, bytes], limit: int = 10) -> list[str]:
    """Validate the package with frictionless, from a scratch folder; [] when it is valid."""
    from frictionless import Package

    with tempfile.TemporaryDirectory(prefix="pledge-package-") as scratch:
        root = Path(scratch)
        for name, data in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        package = Package(str(root / "datapackage.json"))  # untrusted: no paths outside it
        report = package.validate()
        if report.valid:
            return []
        problems = [
            f"{task.name}: {error.message}" for task in report.tasks for error in task.errors
        ] + [error.message for error in report.errors]
        return problems[:limit] or ["The package does not meet its own description."]


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
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
    return buffer.getvalue()


# --- reading ------------------------------------------------------------------------------
def read_package(path: Path, password: str | None = None, validate: bool = True) -> LoadedPackage:
    """Read and check one package (a .zip file, or a folder holding an unpacked one)."""
    try:
        files = _folder_files(path) if path.is_dir() else _zip_files(path, password)
    except PackageRejected:
        raise
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, ValueError, RuntimeError) as error:
        raise PackageRejected(
            f"It could not be read as a ZIP file ({type(error).__name__}): it may be "
            "truncated or damaged. Ask the hospital to send it again."
        ) from error
    return _checked(str(path), files, validate)


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
            try:
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)
            except RuntimeError as error:
                raise PackageRejected("The password does not open it.") from error
            if len(data) > info.file_size:
                raise PackageRejected("A file inside it is larger than it claims to be.")
            files[info.filename] = data
        return files


def _check_name(name: str) -> None:
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(part in ("..", "") for part in pure.parts)
    ):
        raise PackageRejected(
            f"It holds a file named {name!r} that points outside the package: nothing was unpacked."
        )
    allowed = name in MEMBERS or (pure.parent.as_posix() == "data" and pure.suffix == ".csv")
    if not allowed and not name.endswith("/"):
        raise PackageRejected(f"It holds a file a Pledge package never has: {name!r}.")


def _checked(source: str, files: dict[str, bytes], validate: bool) -> LoadedPackage:
    for member in MEMBERS:
        if member not in files:
            raise PackageRejected(f"It has no {member}: it is not a Pledge Desktop data package.")
    manifest = _json(files["manifest.json"], "manifest.json")
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise PackageRejected("Its manifest does not say which format it is in.")
    if version > FORMAT_VERSION:
        raise PackageRejected(
            f"It was made by a newer version of Pledge Desktop ({manifest.get('app_version')}, "
            f"format {version}); this one reads format {FORMAT_VERSION}. Update Pledge Desktop."
        )
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
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in package.get("resources", []):
        path = resource.get("path") if isinstance(resource, dict) else None
        if not isinstance(path, str) or path not in files:
            raise PackageRejected("Its datapackage.json names a file it does not hold.")
        try:
            content = files[path].decode("utf-8")
        except UnicodeDecodeError as error:
            raise PackageRejected(
                f"{path} is not UTF-8 text: it was saved in another encoding after export."
            ) from error
        tables[str(resource.get("name"))] = [
            {
                key: plain_cell(value) if isinstance(value, str) else ""
                for key, value in row.items()
                if key is not None  # cells beyond the header: frictionless reports them
            }
            for row in csv.DictReader(io.StringIO(content))
        ]
    if validate:
        problems = validation_problems(files)
        if problems:
            raise PackageRejected("It does not match its own description: " + problems[0])
    fingerprint = hashlib.sha256(files["manifest.json"]).hexdigest()
    return LoadedPackage(source, package, manifest, tables, fingerprint)


def _json(data: bytes, name: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageRejected(f"Its {name} cannot be read.") from error
    if not isinstance(value, dict):
        raise PackageRejected(f"Its {name} is not what a Pledge package holds.")
    return value
