"""The merge reads files from outside: every hostile or broken one is rejected in plain words,
nothing is unpacked from it, and no output is written from it."""

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledge_desktop.exchange.package_io import PackageRejected, read_package
from pledge_desktop.services.exchange.export import ExportChoices
from pledge_desktop.services.exchange.merge import merge_packages
from pledge_desktop.services.workspace import open_workspace


@pytest.fixture(scope="module")
def good(tmp_path_factory, demo_template) -> bytes:  # type: ignore[no-untyped-def]
    """A real package exported from the demo data, made once for these tests."""
    folder = tmp_path_factory.mktemp("export")
    copy = folder / "demo"
    shutil.copytree(demo_template, copy, ignore=shutil.ignore_patterns("pledge.lock*"))
    out = folder / "good.zip"
    with open_workspace(copy, demo=True) as workspace:
        choices = ExportChoices(remove_all=True)  # the identifier check's findings removed
        workspace.export.export(workspace.cycles.find("2026").id, out, choices)
    return out.read_bytes()


def members(data: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(path: Path, files: dict[str, bytes], fix_manifest: bool = False) -> Path:
    if fix_manifest:
        manifest = json.loads(files["manifest.json"])
        manifest["files"] = {
            n: hashlib.sha256(d).hexdigest() for n, d in files.items() if n != "manifest.json"
        }
        files = {**files, "manifest.json": json.dumps(manifest).encode()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def rejected(path: Path, tmp_path: Path, words: str) -> None:
    with pytest.raises(PackageRejected, match=words):
        read_package(path)
    out = tmp_path / "national"
    result = merge_packages([path], out)
    assert result.accepted == [] and len(result.rejected) == 1
    assert words.lower() in result.rejected[0].reason.lower()
    assert not out.exists()  # touches nothing


def test_the_good_package_is_taken(good, tmp_path) -> None:
    path = tmp_path / "good.zip"
    path.write_bytes(good)
    assert len(read_package(path).tables["responses"]) == 60


def test_a_path_climbing_out_is_refused(good, tmp_path) -> None:
    files = {**members(good), "../../evil.txt": b"gotcha"}
    rejected(rezip(tmp_path / "climb.zip", files), tmp_path, "points outside")
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_zip_bomb_is_refused(good, tmp_path) -> None:
    files = {**members(good), "data/responses.csv": b"0" * (60 * 1024 * 1024)}
    rejected(rezip(tmp_path / "bomb.zip", files, fix_manifest=True), tmp_path, "zip bomb")


def test_a_truncated_file_is_refused(good, tmp_path) -> None:
    path = tmp_path / "cut.zip"
    path.write_bytes(good[: len(good) // 2])
    rejected(path, tmp_path, "truncated")


def test_a_huge_file_is_refused(tmp_path, monkeypatch) -> None:
    import pledge_desktop.exchange.package_io as io_module

    monkeypatch.setattr(io_module, "MAX_FILE", 1000)
    path = tmp_path / "huge.zip"
    path.write_bytes(b"PK" + b"\0" * 5000)
    rejected(path, tmp_path, "far larger")


def test_another_encoding_is_refused(good, tmp_path) -> None:
    files = members(good)
    text = (
        files["data/standards.csv"].decode("utf-8") + '9,"Café for carers, run by volunteers",no\n'
    )
    files["data/standards.csv"] = text.encode("cp1252")
    rejected(rezip(tmp_path / "cp1252.zip", files, fix_manifest=True), tmp_path, "not UTF-8")


def test_a_package_from_a_newer_version_is_refused(good, tmp_path) -> None:
    files = members(good)
    manifest = json.loads(files["manifest.json"])
    manifest["format_version"] = 99
    manifest["app_version"] = "9.0"
    files["manifest.json"] = json.dumps(manifest).encode()
    rejected(rezip(tmp_path / "newer.zip", files), tmp_path, "newer version")


def test_a_changed_file_fails_its_checksum(good, tmp_path) -> None:
    files = members(good)
    files["data/goals.csv"] = files["data/goals.csv"].replace(b"short", b"long", 1)
    rejected(rezip(tmp_path / "changed.zip", files), tmp_path, "checksum")


def test_a_file_that_breaks_its_schema_is_refused(good, tmp_path) -> None:
    files = members(good)
    lines = files["data/responses.csv"].decode().splitlines()
    cells = lines[1].split(",")
    cells[3] = "7"  # diag_private allows 1, 2, 3
    lines[1] = ",".join(cells)
    files["data/responses.csv"] = ("\n".join(lines) + "\n").encode()
    rejected(rezip(tmp_path / "broken.zip", files, fix_manifest=True), tmp_path, "description")


def test_an_unexpected_file_is_refused(good, tmp_path) -> None:
    files = {**members(good), "run-me.exe": b"MZ"}
    rejected(rezip(tmp_path / "extra.zip", files, fix_manifest=True), tmp_path, "never has")


def test_one_bad_package_does_not_stop_the_rest(good, tmp_path) -> None:
    fine = tmp_path / "fine.zip"
    fine.write_bytes(good)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip at all")
    result = merge_packages([bad, fine], tmp_path / "out")
    assert result.accepted == [str(fine)] and [r.source for r in result.rejected] == [str(bad)]
    assert (tmp_path / "out" / "summary.xlsx").exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_fuzzed_packages_never_crash_the_reader(good, tmp_path, data) -> None:
    """Random damage to a real package: the reader either takes it or rejects it in words;
    it never crashes and the merge writes nothing from a rejected file."""
    blob = bytearray(good)
    for _ in range(data.draw(st.integers(1, 8))):
        where = data.draw(st.integers(0, len(blob) - 1))
        blob[where] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(blob)))
    path = tmp_path / "fuzzed.zip"
    path.write_bytes(bytes(blob[: max(cut, len(blob) // 2)]))
    try:
        read_package(path, validate=False)
    except PackageRejected as error:
        assert str(error)
    out = tmp_path / "fuzz-out"
    shutil.rmtree(out, ignore_errors=True)
    result = merge_packages([path], out)
    if result.rejected:
        assert not out.exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000))
def test_random_bytes_are_rejected_in_words(tmp_path, blob) -> None:
    path = tmp_path / "random.zip"
    path.write_bytes(blob)
    with pytest.raises(PackageRejected):
        read_package(path)
