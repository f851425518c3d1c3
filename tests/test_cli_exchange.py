"""`pledge export` and `pledge merge`, driven as a user types them."""

import zipfile
from pathlib import Path

from pledge_desktop.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_merge(capsys, demo_folder: str, tmp_path: Path, monkeypatch) -> None:
    sent = tmp_path / "sent"
    sent.mkdir()
    code, said, err = run(
        capsys, "--data-dir", demo_folder, "export", "--out", str(sent / "2026.zip")
    )
    assert code == 1 and not (sent / "2026.zip").exists()  # a quote is signed with a name
    assert "quotes / " in err and "attributed_to: name, J***" in err and "Jean" not in err
    code, said, err = run(
        capsys, "--data-dir", demo_folder, "export", "--k", "1", "--out", str(sent / "k.zip")
    )
    assert code == 1 and "--k must be 2 or more" in err and "Traceback" not in err
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "export", "--redact", "--out", str(sent / "2026.zip")
    )
    assert code == 0 and "responses" in said and "SHA-256" in said
    assert "Removed 1 thing(s)" in said and "attributed_to: name, J*** → [removed]" in said
    assert "written answers were left out" in said
    monkeypatch.setenv("PLEDGE_PACKAGE_PASSWORD", "a long passphrase")
    code, said, _ = run(
        capsys,
        "--data-dir",
        demo_folder,
        "export",
        "--redact",
        "--cycle",
        "2025",
        "--password",
        "--out",
        str(sent / "2025.zip"),
    )
    assert code == 0 and "password protected" in said
    with zipfile.ZipFile(sent / "2025.zip") as archive:
        assert all(info.flag_bits & 0x1 for info in archive.infolist())
    (sent / "notes.zip").write_bytes(b"not a package")
    out = tmp_path / "national"
    code, said, err = run(capsys, "merge", str(sent), "--out", str(out), "--password")
    assert code == 1  # one file was rejected
    assert "rejected:" in err and "notes.zip" in err
    assert "Combined 2 pledges from 1 hospital: 110 surveys" in said
    assert (out / "summary.xlsx").exists() and (out / "merged" / "datapackage.json").exists()
    code, said, err = run(capsys, "merge", str(sent / "2026.zip"), "--out", str(tmp_path / "one"))
    assert code == 0 and "60 surveys" in said


def test_merge_of_nothing_usable_writes_nothing(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    code, _, err = run(capsys, "merge", str(bad), "--out", str(tmp_path / "out"))
    assert code == 1 and "nothing was written" in err
    assert not (tmp_path / "out").exists()


def test_policy_show_and_import(capsys, demo_folder: str, tmp_path: Path) -> None:
    import json

    code, said, _ = run(capsys, "--data-dir", demo_folder, "policy", "show")
    assert code == 0 and "Data policy version 1" in said and "Age (age_band" in said
    shipped = json.loads(Path("resources/policy/data-policy.json").read_text("utf-8"))
    weaker = tmp_path / "weaker.json"
    weaker.write_text(json.dumps({**shipped, "version": 2, "k": 3}), "utf-8")
    code, _, err = run(capsys, "--data-dir", demo_folder, "policy", "import", str(weaker))
    assert code == 1 and "can only make the rules stricter" in err
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**shipped, "version": 2, "k": 6}), "utf-8")
    code, said, _ = run(capsys, "--data-dir", demo_folder, "policy", "import", str(newer))
    assert code == 0 and "version 2" in said
    code, _, err = run(capsys, "--data-dir", demo_folder, "policy", "import", str(newer))
    assert code == 1 and "already in use" in err
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "export", "--redact", "--k", "3",
        "--out", str(tmp_path / "k.zip"),
    )  # fmt: skip
    assert code == 0 and "Data policy version 2: groups of at least 6 forms" in said


def test_merge_refuses_a_small_number_below_one(capsys, tmp_path: Path) -> None:
    code, said, err = run(
        capsys, "merge", str(tmp_path), "--out", str(tmp_path / "o"), "--small", "0"
    )
    assert code == 1 and "--small 0" in err and "Traceback" not in said + err
    assert not (tmp_path / "o").exists()


def test_merge_names_a_folder_without_packages(capsys, demo_folder: str, tmp_path: Path) -> None:
    sent = tmp_path / "sent"
    sent.mkdir()
    run(capsys, "--data-dir", demo_folder, "export", "--redact", "--out", str(sent / "2026.zip"))
    empty = tmp_path / "nothing here"
    empty.mkdir()
    code, said, err = run(capsys, "merge", str(sent), str(empty), "--out", str(tmp_path / "o"))
    assert code == 1 and "nothing here" in err and "holds no data package" in err
    assert "Combined 1 pledge from 1 hospital: 60 surveys" in said
    assert (tmp_path / "o" / "conformance.csv").exists()
