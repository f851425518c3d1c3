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


def test_self_test_on_a_damaged_database_names_it_exits_and_lets_go(
    tmp_path: Path, demo_folder: str
) -> None:
    folder = Path(demo_folder)
    database = folder / "pledge.sqlite3"
    data = bytearray(database.read_bytes())
    data[4096 * 3 : 4096 * 5] = bytes(8192)  # two pages zeroed
    database.write_bytes(bytes(data))
    before = database.read_bytes()
    result = run_gui("--self-test", "--data-dir", str(folder), tmp_path=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "pledge restore" in result.stderr or "backup" in result.stderr.lower()
    assert database.read_bytes() == before, "the damaged file is left exactly as it was"
    again = run_gui("--self-test", "--data-dir", str(folder), tmp_path=tmp_path)
    assert "another copy" not in again.stderr.lower(), "the folder's lock was let go"


def test_the_unexpected_in_the_window_is_a_plain_message_a_log_and_exit_2(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    broken = (
        "import sys\n"
        "from pledge_desktop import app\n"
        "from pledge_desktop.ui.shell.main_window import MainWindow\n"
        "def broken(self, workspace):\n"
        "    raise RuntimeError('a fault that nobody planned for')\n"
        "MainWindow.set_workspace = broken\n"
        f"sys.exit(app.main(['--self-test', '--data-dir', {str(folder)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "x")}
    result = subprocess.run(
        [sys.executable, "-c", broken], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert "Something unexpected went wrong" in result.stderr
    assert "Traceback" not in result.stderr
    logs = list((folder / "logs").glob("crash-*.txt"))
    assert logs and "a fault that nobody planned for" in logs[0].read_text()
