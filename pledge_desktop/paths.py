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
    if given is not None:
        if not str(given).strip():
            from pledge_desktop.domain.errors import DataFolderProblem

            raise DataFolderProblem(
                "The data folder's name is empty. Give the folder after --data-dir, or leave "
                "--data-dir out to use your usual data folder. Nothing was changed."
            )
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


SYNCED_FOLDERS = ("OneDrive", "Dropbox", "Google Drive", "GoogleDrive", "iCloudDrive", "Box")
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afs", "9p", "davfs"}


def storage_warning(
    folder: Path,
    *,
    platform: str = sys.platform,
    mounts: list[tuple[str, str]] | None = None,
    remote_drive: bool | None = None,
    install_dir: Path | None = None,
) -> str | None:
    """Why `folder` is not a safe place for the database (a network share, a mapped network
    drive, a synced folder), in plain words; None when it is on this computer's own disk."""
    text = str(folder)
    why = None
    install_dir = install_dir or (
        Path(sys.executable).parent if getattr(sys, "frozen", False) else None
    )
    if install_dir is not None and (folder == install_dir or install_dir in folder.parents):
        return (
            f"The data folder {folder} is inside the app's own folder, where an upgrade or "
            "uninstall would remove it. Keep the database in a folder of its own on this computer."
        )
    if text.startswith(("\\\\", "//")):
        why = "on a network share"
    elif platform == "win32" and (
        remote_drive if remote_drive is not None else _remote_drive(text)
    ):
        why = f"on a network drive ({text[:2]})"
    elif any(part in SYNCED_FOLDERS or part.startswith("OneDrive -") for part in folder.parts):
        why = "in a folder that is synced to the cloud (such as OneDrive)"
    else:
        for point, kind in sorted(
            mounts if mounts is not None else _mounts(), key=lambda m: -len(m[0])
        ):
            if text == point or text.startswith(point.rstrip("/") + "/"):
                if kind in NETWORK_FILESYSTEMS:
                    why = f"on a network file system ({kind})"
                break
    if why is None:
        return None
    return (
        f"The data folder {folder} is {why}. The database can be damaged there if the network "
        "drops or two computers use it at once, and it is slower. Keep the database on this "
        "computer instead (backups can still be copied to a shared drive)."
    )


def _remote_drive(text: str) -> bool:
    if len(text) < 2 or text[1] != ":":
        return False
    import ctypes

    try:
        return bool(ctypes.windll.kernel32.GetDriveTypeW(text[:2] + "\\") == 4)  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def _mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8") as table:
            return [(line.split()[1], line.split()[2]) for line in table if len(line.split()) > 2]
    except OSError:
        return []
