"""The installed GUI commands, run as a user (or hospital IT) would run them."""

import os
import subprocess
import sys
from pathlib import Path


def run_gui(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    return subprocess.run(
        [sys.executable, "-m", "pledge_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_on_a_new_folder(tmp_path: Path) -> None:
    result = run_gui("--self-test", "--data-dir", str(tmp_path / "new"), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert (tmp_path / "new" / "pledge.sqlite3").exists()


def test_self_test_on_the_demo_opens_every_section(tmp_path: Path) -> None:
    result = run_gui("--demo", "--self-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "opened 14 sections" in result.stdout
    assert (tmp_path / "xdg" / "Pledge Desktop demo" / "pledge.sqlite3").exists()
    assert not (tmp_path / "xdg" / "Pledge Desktop").exists(), "real folder untouched"


def test_self_test_fails_plainly_on_a_folder_it_cannot_use(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run_gui("--self-test", "--data-dir", str(blocker / "data"), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "cannot use the folder" in result.stderr


def test_gui_script_is_installed() -> None:
    exe = Path(sys.executable).with_name("pledge-desktop")
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Pledge Desktop" in result.stdout
