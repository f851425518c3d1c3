"""Starts fast: the app imports only what its screens need; the libraries that write PDFs,
spreadsheets, Word files and data packages load when something first uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LOADED_WHEN_USED = ("reportlab", "frictionless", "openpyxl", "docx", "pypdf", "pyzipper")
LESS_USED_SERVICES = (
    "pledge_desktop.services.exchange.export",
    "pledge_desktop.services.publishing.booklet",
    "pledge_desktop.services.results.team_report",
    "pledge_desktop.services.interviews.coding",
)

RUN_THE_APP = """
import json, sys
from pledge_desktop import app
code = app.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def started(tmp_path: Path, *args: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", RUN_THE_APP, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    return set(report["modules"])


def test_the_demo_opens_every_section_without_the_heavy_libraries(
    tmp_path: Path, demo_folder: str
) -> None:
    modules = started(tmp_path, "--demo", "--self-test", "--data-dir", demo_folder)
    assert "pledge_desktop.ui.booklet.booklet_page" in modules  # every section was opened
    loaded = [m for m in LOADED_WHEN_USED if m in modules]
    assert not loaded, f"imported at start-up: {loaded}"


def test_the_first_screen_loads_only_its_own_screens_and_services(
    tmp_path: Path, demo_folder: str
) -> None:
    probe = tmp_path / "times.json"
    os.environ["PLEDGE_STARTUP_PROBE"] = str(probe)
    try:
        modules = started(tmp_path, "--demo", "--data-dir", demo_folder)
    finally:
        del os.environ["PLEDGE_STARTUP_PROBE"]
    assert "data_ready" in json.loads(probe.read_text())
    early = [m for m in (*LOADED_WHEN_USED, *LESS_USED_SERVICES) if m in modules]
    assert not early, f"imported before they were needed: {early}"
    other_sections = [m for m in modules if m.startswith("pledge_desktop.ui.booklet")]
    assert not other_sections, other_sections
    assert "alembic" not in modules  # the schema is current: nothing to upgrade


PRINT_THE_BOOKLET = """
import json, sys
from pledge_desktop import cli
code = cli.main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_the_booklet_command_loads_no_pdf_reader_and_no_questionnaire_code(
    tmp_path: Path, demo_folder: str
) -> None:
    out = tmp_path / "booklet.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PRINT_THE_BOOKLET,
            "booklet",
            "--data-dir",
            demo_folder,
            "--out",
            out,
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0 and out.stat().st_size > 0
    early = {"pypdf", "pledge_desktop.services.surveys.questionnaires"} & set(report["modules"])
    assert not early, f"imported for the standard booklet: {sorted(early)}"


def test_pyside_hears_the_same_about_each_module_from_the_quicker_check() -> None:
    """PySide6 asks of every imported module whether it names PySide6; the app answers from
    the file's bytes, and the answer is the one PySide6's own check gives."""
    import inspect
    import types

    import pledge_desktop.app  # noqa: F401  (puts the quicker check in place)
    import pledge_desktop.ui.overview.home_page as with_qt
    from pledge_desktop.db import models as without_qt
    from pledge_desktop.ui.shell import pyside_imports

    feature = sys.modules[pyside_imports.FEATURE_MODULE]
    assert getattr(getattr(feature, pyside_imports.CHECK), "quick", False)
    asked: list[types.ModuleType] = []

    def pyside_own(module: types.ModuleType) -> bool:
        asked.append(module)
        return False

    check = pyside_imports.quick_check(pyside_own)
    for module in (with_qt, without_qt, pyside_imports):
        assert check(module) == ("PySide6" in inspect.getsource(module)), module
    assert check(with_qt) and not check(without_qt)
    assert not asked
    for module in (sys, types.ModuleType("made_in_memory")):  # no source file: PySide6 asks
        check(module)
    assert len(asked) == 2
