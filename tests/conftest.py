"""Shared fixtures: a fresh data folder per test, Qt offscreen, and dialog answering."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from pledge_desktop.services.demo.build import fill_demo
from pledge_desktop.services.workspace import Workspace, open_workspace

# CI runs the property tests with a fixed seed, so that a run can be repeated exactly; on a
# developer's machine they explore new examples each time (and remember any that fail).
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _no_real_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may touch the real per-user data folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("PLEDGE_DATA_DIR", raising=False)
    _settings_in(tmp_path / "settings")


@pytest.fixture(autouse=True)
def _no_name_lists_left_behind() -> Iterator[None]:
    """The `pledge` command loads the common name lists for the whole process; each test starts
    without them unless it loads them itself."""
    from pledge_desktop.domain import identifiers

    identifiers.use_name_lists(identifiers.NameLists())
    yield
    identifiers.use_name_lists(identifiers.NameLists())


def _settings_in(folder: Path) -> None:
    """The app's settings (the window's place) go to a folder of the test's own, never to the
    user's real settings."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data set, made once per test run; each test gets its own copy."""
    folder = tmp_path_factory.mktemp("demo-template") / "demo"
    ws = open_workspace(folder, demo=True)
    fill_demo(ws)
    ws.close()
    return folder


@pytest.fixture
def demo_workspace(tmp_path: Path, demo_template: Path) -> Iterator[Workspace]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder, ignore=shutil.ignore_patterns("pledge.lock*"))
    ws = open_workspace(folder, demo=True)
    yield ws
    ws.close()


@pytest.fixture
def demo_folder(tmp_path: Path, demo_template: Path) -> str:
    """A copy of the demo data folder, not opened: for driving the `pledge` command."""
    copy = tmp_path / "demo-folder"
    shutil.copytree(demo_template, copy, ignore=shutil.ignore_patterns("pledge.lock*"))
    return str(copy)
