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
    import pledge_desktop.exchange.package_read as io_module

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


# --- every failure inside one package is that package's plain rejection --------------------
def recomputed(files: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(files["manifest.json"])
    manifest["files"] = {
        n: hashlib.sha256(d).hexdigest() for n, d in files.items() if n != "manifest.json"
    }
    return {**files, "manifest.json": json.dumps(manifest).encode()}


def with_descriptor(files: dict[str, bytes], change) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    descriptor = json.loads(files["datapackage.json"])
    change(descriptor)
    return recomputed({**files, "datapackage.json": json.dumps(descriptor).encode()})


def refused_by_read_one(path: Path, words: str) -> None:
    from pledge_desktop.exchange.package_io import Rejection, read_one

    found = read_one(path)
    assert isinstance(found, Rejection) and words.lower() in found.reason.lower(), found


def test_a_damaged_deflate_stream_is_a_rejection_not_a_crash(good, tmp_path) -> None:
    """pyzipper raises its own BadZipFile (a bad CRC), which is not zipfile's."""
    path = rezip(tmp_path / "crc.zip", members(good))
    blob = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("data/responses.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 40
    blob[start] ^= 0xFF
    path.write_bytes(bytes(blob))
    refused_by_read_one(path, "could not be read")


def test_a_member_larger_than_it_claims_is_refused(good, tmp_path) -> None:
    path = rezip(tmp_path / "liar.zip", members(good))
    blob = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("data/responses.csv")
    claimed = info.file_size // 4
    local = info.header_offset + 22  # uncompressed size in the local header
    blob[local : local + 4] = claimed.to_bytes(4, "little")
    central = bytes(blob).rfind(b"data/responses.csv")  # the name in the central directory
    assert central > info.header_offset + 30
    at = central - 46 + 24  # uncompressed size in the central directory entry
    blob[at : at + 4] = claimed.to_bytes(4, "little")
    path.write_bytes(bytes(blob))
    from pledge_desktop.exchange.package_io import Rejection, read_one

    assert isinstance(read_one(path), Rejection)


def test_a_package_without_its_goals_table_is_refused(good, tmp_path) -> None:
    files = {n: d for n, d in members(good).items() if n != "data/goals.csv"}
    files = with_descriptor(
        files, lambda d: d.update(resources=[r for r in d["resources"] if r["name"] != "goals"])
    )
    rejected(rezip(tmp_path / "nogoals.zip", files), tmp_path, "no goals table")


def test_a_pledge_that_is_not_an_object_is_refused(good, tmp_path) -> None:
    files = with_descriptor(members(good), lambda d: d.update(pledge=["RZZ01", "2026"]))
    rejected(rezip(tmp_path / "list.zip", files), tmp_path, "which hospital")


def test_an_extra_table_in_a_recomputed_manifest_is_refused(good, tmp_path) -> None:
    files = {**members(good), "data/extra.csv": b"a\n1\n"}
    files = with_descriptor(
        files,
        lambda d: d["resources"].append(
            {"name": "extra", "path": "data/extra.csv", "schema": {"fields": [{"name": "a"}]}}
        ),
    )
    rejected(rezip(tmp_path / "extra-table.zip", files), tmp_path, "never has")


def test_a_datapackage_claiming_a_newer_format_is_refused(good, tmp_path) -> None:
    files = with_descriptor(members(good), lambda d: d["pledge"].update(format_version=7))
    rejected(rezip(tmp_path / "newer-inside.zip", files), tmp_path, "newer version")


def test_datapackage_and_manifest_must_agree(good, tmp_path) -> None:
    files = with_descriptor(members(good), lambda d: d["pledge"].update(app_version="0.0.1"))
    rejected(rezip(tmp_path / "disagree.zip", files), tmp_path, "disagree")


def test_an_empty_package_is_named(good, tmp_path) -> None:
    files = members(good)
    for name in ("responses", "interviews", "interview_themes", "quotes", "goals", "goal_updates"):
        files[f"data/{name}.csv"] = files[f"data/{name}.csv"].split(b"\n", 1)[0] + b"\n"
    rejected(rezip(tmp_path / "empty.zip", recomputed(files)), tmp_path, "holds no forms")


def test_a_folder_without_a_package_is_named(tmp_path) -> None:
    from pledge_desktop.exchange.package_io import find_packages

    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.txt").write_text("hello")
    found, empty = find_packages([tmp_path / "nothing"])
    assert found == [] and "holds no data package" in empty[0].reason


def test_the_fast_check_and_frictionless_agree_on_the_real_package(good) -> None:
    from pledge_desktop.exchange.package_io import frictionless_problems, validation_problems

    files = members(good)
    assert validation_problems(files) == [] == frictionless_problems(files)
    lines = files["data/responses.csv"].decode().splitlines()
    lines.append(lines[1])  # the same form twice
    files["data/responses.csv"] = ("\n".join(lines) + "\n").encode()
    assert validation_problems(files) and frictionless_problems(files)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_read_one_never_raises(good, tmp_path, data) -> None:
    from pledge_desktop.exchange.package_io import LoadedPackage, Rejection, read_one

    blob = bytearray(good)
    for _ in range(data.draw(st.integers(1, 6))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path / "fuzzed.zip"
    path.write_bytes(bytes(blob))
    found = read_one(path)
    assert isinstance(found, (LoadedPackage, Rejection))
    if isinstance(found, Rejection):
        assert found.reason and "Traceback" not in found.reason


def test_the_streaming_core_counts_and_writes_every_form(good, tmp_path) -> None:
    from collections import Counter

    from pledge_desktop.exchange.merge_stream import read_all, union_header, write_table

    sent = tmp_path / "sent"
    sent.mkdir()
    (sent / "a.zip").write_bytes(good)
    (sent / "again.zip").write_bytes(good)
    (sent / "broken.zip").write_bytes(good[:500])
    (tmp_path / "nothing").mkdir()
    result = read_all([sent, tmp_path / "nothing"], tmp_path / "scratch")
    assert result.forms == 60 and len(result.duplicates) == 1
    assert sorted(Path(r.path).name for r in result.rejected) == ["broken.zip", "nothing"]
    out = tmp_path / "responses.csv"
    header = union_header("responses", result.pledges)
    assert write_table(out, "responses", header, result.pledges) == 60
    import csv

    with out.open(encoding="utf-8", newline="") as written:
        assert len(list(csv.reader(written))) == 61  # the header and every form once
    rows = read_package(sent / "a.zip").tables["responses"]
    assert result.national["bcn_named"]["code:1"] == Counter(r["bcn_named"] for r in rows)["1"]
