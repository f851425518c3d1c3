"""Every sub-command met with hostile arguments: a plain answer and an exit code, never a
traceback, and nothing made where nothing should be."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledge_desktop.cli import main

# {folder}: a copy of the demo data folder; {tmp}: an empty temporary folder.
HOSTILE: list[tuple[str, ...]] = [
    ("cycles", "--data-dir", "{tmp}/no-such-folder"),
    ("cycles", "--data-dir", ""),
    ("cycles", "--data-dir", "{folder}/pledge.sqlite3"),
    ("check", "--data-dir", "{tmp}/no-such-folder"),
    ("backup", "--data-dir", "{tmp}/no-such-folder"),
    ("backup", "--data-dir", "{folder}", "--to", "{tmp}/" + "x" * 300 + ".sqlite3"),
    ("backup", "--data-dir", "{folder}", "--to", "{tmp}/missing/deeper/b.sqlite3"),
    ("restore", "{tmp}/nothing.sqlite3", "--data-dir", "{folder}"),
    ("restore", "{tmp}/random.bin", "--data-dir", "{folder}"),
    ("restore", "{tmp}", "--data-dir", "{folder}"),
    ("forms", "--count", "0", "--out", "{tmp}/f.pdf", "--data-dir", "{folder}"),
    ("forms", "--count", "-1", "--out", "{tmp}/f.pdf", "--data-dir", "{folder}"),
    ("forms", "--count", str(10**20), "--out", "{tmp}/f.pdf", "--data-dir", "{folder}"),
    (
        "forms",
        "--count",
        "2",
        "--start",
        str(10**20),
        "--out",
        "{tmp}/f.pdf",
        "--data-dir",
        "{folder}",
    ),
    ("forms", "--count", "two", "--out", "{tmp}/f.pdf", "--data-dir", "{folder}"),
    ("forms", "--count", "1", "--cycle", "=1+1", "--out", "{tmp}/f.pdf", "--data-dir", "{folder}"),
    ("forms", "--count", "1", "--out", "{tmp}/missing/f.pdf", "--data-dir", "{folder}"),
    ("forms", "--count", "1", "--out", "{tmp}/f.pdf", "--data-dir", "{tmp}/empty"),
    ("goals", "--cycle", "1999", "--data-dir", "{folder}"),
    ("goals", "--format", "xml", "--data-dir", "{folder}"),
    ("questionnaire", "import", "{tmp}/random.bin", "--name", "X", "--data-dir", "{folder}"),
    ("questionnaire", "import", "{tmp}/book.csv", "--name", "X", "--data-dir", "{folder}"),
    ("questionnaire", "import", "{tmp}/nothing.csv", "--name", "X", "--data-dir", "{folder}"),
    ("questionnaire", "export", "Nope", "--out", "{tmp}/q.csv", "--data-dir", "{folder}"),
    ("responses", "import", "{tmp}/random.bin", "--data-dir", "{folder}"),
    ("responses", "import", "{tmp}/nothing.csv", "--data-dir", "{folder}"),
    ("report", "--out", "{tmp}/missing/r.pdf", "--data-dir", "{folder}"),
    ("booklet", "--out", "{tmp}/b.pdf", "--cycle", "@SUM(1)", "--data-dir", "{folder}"),
    ("poster", "--size", "A0", "--out", "{tmp}/p.pdf", "--data-dir", "{folder}"),
    ("export", "--k", "0", "--out", "{tmp}/e.zip", "--data-dir", "{folder}"),
    ("export", "--k", "-3", "--out", "{tmp}/e.zip", "--data-dir", "{folder}"),
    ("export", "--out", "{tmp}/e.zip", "--data-dir", "{tmp}/empty"),
    ("merge", "{tmp}/empty", "--out", "{tmp}/merged"),
    ("merge", "{tmp}/random.bin", "--out", "{tmp}/merged"),
    ("merge", "{tmp}/empty", "--small", "0", "--out", "{tmp}/merged"),
    ("demo", "--data-dir", "{folder}/pledge.sqlite3"),
    ("no-such-command",),
]


@pytest.mark.parametrize("argv", HOSTILE, ids=lambda a: " ".join(a)[:60])
def test_hostile_arguments_get_a_plain_answer(
    argv: tuple[str, ...], demo_folder: str, tmp_path: Path, capsys
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "random.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "book.csv").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    args = [a.format(folder=demo_folder, tmp=tmp_path) for a in argv]
    before = _snapshot(Path(demo_folder) / "pledge.sqlite3")
    try:
        code = main(args)
    except SystemExit as stop:  # argparse: a mistyped command
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (1, 2), f"{args}: exit {code}\n{out}{err}"
    assert (out + err).strip(), "a refusal says why"
    assert "Something unexpected" not in err, f"no plain answer of its own: {err}"
    assert not (tmp_path / "empty" / "pledge.sqlite3").exists(), "no database made by mistake"
    if argv[0] in ("cycles", "check", "backup", "goals", "report", "booklet", "poster"):
        assert _snapshot(Path(demo_folder) / "pledge.sqlite3") == before, "read-only is read-only"


def _snapshot(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""
