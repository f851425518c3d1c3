"""The layer rules of docs/architecture.md, enforced."""

import json
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pledge_desktop"
ROOT = PACKAGE.parent


def test_import_linter_contracts_hold() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_only_the_unit_of_work_commits() -> None:
    """Commits happen in db/database.py's transaction(); nowhere else calls commit(), but for
    the one note `pledge booklet` writes without the ORM (db/quick_booklet.py, with its audit
    line, tested against the ORM's in tests/services/publishing/test_quick_booklet.py)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"\.commit\(\)", path.read_text(encoding="utf-8"))
        and path != PACKAGE / "db" / "quick_booklet.py"
    ]
    assert offenders == []


def test_qt_and_sqlalchemy_stay_in_their_layers() -> None:
    """A plain scan, in case a module hides an import where import-linter cannot see it."""
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        part = path.relative_to(PACKAGE).parts[0]
        if "PySide6" in text:
            assert part in ("ui", "app.py"), f"Qt used in {path}"
        if re.search(r"^\s*(from|import) (sqlalchemy|alembic)", text, re.M):
            assert part in ("db", "services"), f"SQLAlchemy used in {path}"


def test_importing_does_no_work(tmp_path: Path) -> None:
    """No engine, folder, file or QApplication is made by importing any module."""
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    ]
    script = (
        "import importlib, json, os, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "print(json.dumps({'app': QApplication.instance() is not None,"
        " 'files': os.listdir('.')}))\n"
    )
    env = {
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"app": False, "files": []}
    assert not (tmp_path / "xdg").exists()


def test_the_window_is_shown_before_the_database_layer_is_imported() -> None:
    script = (
        "import sys\n"
        "import pledge_desktop.app\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
