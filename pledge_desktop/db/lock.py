"""One writer per data folder.

The operating system's file lock (filelock) is held for as long as the app or a `pledge` write
command runs, and is released by the OS when the process ends, however it ends: a lock left by
a killed process is simply free again. Beside it, a small JSON file says who holds it, so that a
second user is told whose session is open, on which computer, since when.

The owner file is written whole (to a temporary name, then renamed over the old one), right
after the lock is taken. A second starter that finds the folder locked waits a moment for the
new holder's details, and names a holder only when the details are of a process that is still
running on this computer (or of another computer, which cannot be asked): never a dead one.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from pledge_desktop.db.os_user import current_os_user
from pledge_desktop.domain.errors import DataFolderInUse

LOCK_FILE = "pledge.lock"
OWNER_FILE = "pledge.lock.owner.json"
OWNER_WAIT_SECONDS = 2.0  # how long a second starter waits for the holder to say who it is


class DataFolderLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = FileLock(folder / LOCK_FILE, timeout=0, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise DataFolderInUse(self._in_use_message()) from None
        owner = {
            "user": current_os_user(),
            "computer": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        # the lock itself is what keeps writers apart; the name is a courtesy
        with contextlib.suppress(OSError):
            write_whole(self.folder / OWNER_FILE, json.dumps(owner))

    def release(self) -> None:
        if self._lock.is_locked:
            owner = read_owner(self.folder / OWNER_FILE)
            if owner is not None and owner.get("pid") == os.getpid() and _here(owner):
                (self.folder / OWNER_FILE).unlink(missing_ok=True)
            self._lock.release()

    def _in_use_message(self) -> str:
        deadline = time.monotonic() + OWNER_WAIT_SECONDS
        who = None
        while who is None:
            who = describe_holder(read_owner(self.folder / OWNER_FILE))
            if who is None:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
        return (
            f"This data folder is already open by {who or 'another copy of Pledge Desktop'}. "
            "Only one person can make changes at a time, so nothing can be lost. Close Pledge "
            "Desktop there first, then try again."
        )


def write_whole(path: Path, content: str) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(content, encoding="utf-8")
    os.replace(partial, path)


def read_owner(path: Path) -> dict[str, Any] | None:
    try:
        owner = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return owner if isinstance(owner, dict) else None


def _here(owner: dict[str, Any]) -> bool:
    return bool(owner.get("computer") == socket.gethostname())


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _alive_on_windows(pid)
    try:  # signal 0 only asks whether the process exists (never on Windows: it would end it)
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists, but belongs to someone else
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def describe_holder(owner: dict[str, Any] | None) -> str | None:
    """'ann on the computer WARD-PC, since …' for a living holder; None for none or a dead one."""
    if owner is None:
        return None
    try:
        since = datetime.fromisoformat(owner["since"]).strftime("%d %B %Y at %H:%M")
        who = f"{owner['user']} on the computer {owner['computer']}, since {since}"
    except (KeyError, TypeError, ValueError):
        return None
    if _here(owner) and not _alive(owner.get("pid")):
        return None
    return who
