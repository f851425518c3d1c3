"""Where things live: the data folder and the app's own resources.

The data folder is, in order: `--data-dir DIR`, the PLEDGE_DATA_DIR environment variable, or
the platform's per-user data folder. The demo has a folder of its own, never the real one.
Resources are found the same way in a checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from pledge_desktop import APP_NAME

DATA_DIR_VARIABLE = "PLEDGE_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, roaming=False)


def demo_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(f"{APP_NAME} demo", appauthor=False, roaming=False)


def resolve_data_dir(
    given: str | os.PathLike[str] | None,
    *,
    demo: bool = False,
    environ: Mapping[str, str] = os.environ,
) -> Path:
    if given:
        return Path(given).expanduser().resolve()
    if demo:
        return demo_data_dir()
    if environ.get(DATA_DIR_VARIABLE):
        return Path(environ[DATA_DIR_VARIABLE]).expanduser().resolve()
    return default_data_dir()


def resources_dir() -> Path:
    """The resources folder: inside the bundle, the installed package, or the checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    package = Path(__file__).resolve().parent
    candidates = [package / "resources", package.parent / "resources"]
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The app's resources folder is missing: please reinstall the app.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def demo_dir_beside(data_dir: Path) -> Path:
    """Where the demo lives when the real data folder was given by hand: a sibling folder."""
    if data_dir == default_data_dir():
        return demo_data_dir()
    return data_dir.with_name(data_dir.name + "-demo")
