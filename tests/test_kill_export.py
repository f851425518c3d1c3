"""`pledge export` killed at any moment: the package appears under its name only once the audit
line recording it is committed, and the database stays sound. The kill is triggered by what the
child leaves on disk (its half-written file, then the finished one), never by the clock."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

KILLS = int(os.environ.get("PLEDGE_KILLS", "6"))


def _export_lines(folder: Path) -> list[str]:
    with sqlite3.connect(f"file:{folder / 'pledge.sqlite3'}?mode=ro", uri=True) as db:
        return [
            v for (v,) in db.execute("SELECT new_value FROM audit_entry WHERE entity = 'export'")
        ]


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["partial", "finished"])
def test_a_killed_export_never_leaves_a_package_without_its_audit_line(
    demo_folder: str, tmp_path: Path, moment: str
) -> None:
    folder = Path(demo_folder)
    for round_number in range(KILLS // 2):
        out = tmp_path / f"package-{round_number}.zip"
        partial = out.with_name(out.name + ".partial")
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pledge_desktop.cli",
                "export",
                "--redact",
                "--out",
                str(out),
                "--data-dir",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        watched = partial if moment == "partial" else out
        while child.poll() is None and not watched.exists():
            os.sched_yield()
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.wait()
        with sqlite3.connect(folder / "pledge.sqlite3") as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        if out.exists():
            digest = hashlib.sha256(out.read_bytes()).hexdigest()
            assert any(digest in line for line in _export_lines(folder)), (
                "a package under its name has its audit line"
            )
