"""One writer per data folder.

The operating system's file lock (filelock) is held for as long as the app or a `pledge` write
command runs, and is released by the OS when the process ends, however it ends: a lock left by
a killed process is simply free again. Beside it, a small JSON file says who holds it, so that a
second user is told whose session is open, on which computer, since when.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from pledge_desktop.db.audit import current_os_user
from pledge_desktop.domain.errors import DataFolderInUse

LOCK_FILE = "pledge.lock"
OWNER_FILE = "pledge.lock.owner.json"


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
        (self.folder / OWNER_FILE).write_text(json.dumps(owner), encoding="utf-8")

    def release(self) -> None:
        if self._lock.is_locked:
            (self.folder / OWNER_FILE).unlink(missing_ok=True)
            self._lock.release()

    def _in_use_message(self) -> str:
        try:
            owner = json.loads((self.folder / OWNER_FILE).read_text(encoding="utf-8"))
            since = datetime.fromisoformat(owner["since"]).strftime("%d %B %Y at %H:%M")
            who = f"{owner['user']} on the computer {owner['computer']}, since {since}"
        except (OSError, ValueError, KeyError):
            who = "another copy of Pledge Desktop"
        return (
            f"This data folder is already open by {who}. Only one person can make changes at a "
            "time, so nothing can be lost. Close Pledge Desktop there first, then try again."
        )
