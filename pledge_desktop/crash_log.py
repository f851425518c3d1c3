"""The last resort, for what no plain message was written for: the details go to a log file in
the data folder, and the nurse is told, truthfully, that nothing was changed.

Every expected problem has its own PledgeError with its own message; this guard is only for bugs.
"Nothing was changed" holds because every change runs in one transaction that an exception rolls
back. Standard library only, so that it works however broken the rest is.
"""

from __future__ import annotations

import tempfile
import traceback
from datetime import datetime
from pathlib import Path

LOGS_FOLDER = "logs"
CRASH_EXIT_CODE = 2


def write_crash_log(
    data_dir: Path | None, error: BaseException, now: datetime | None = None
) -> Path:
    """Write `error`'s traceback to `<data dir>/logs/crash-YYYYmmdd-HHMMSS.txt`; return the path.

    Falls back to the system's temporary folder when the data folder cannot be written to.
    """
    now = now or datetime.now()
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    name = f"crash-{now:%Y%m%d-%H%M%S}.txt"
    folders = [data_dir / LOGS_FOLDER] if data_dir is not None else []
    folders.append(Path(tempfile.gettempdir()) / "pledge-desktop-logs")
    last_error: OSError | None = None
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            number = 1
            while path.exists():
                number += 1
                path = folder / f"crash-{now:%Y%m%d-%H%M%S}-{number}.txt"
            path.write_text(details, encoding="utf-8")
            return path
        except OSError as problem:
            last_error = problem
    assert last_error is not None
    raise last_error


def crash_message(log: Path | None) -> str:
    """The plain message shown for an unexpected error."""
    where = f"The details are in {log}." if log else "The details could not be saved."
    return f"Something unexpected went wrong; nothing was changed. {where}"


def report_crash(data_dir: Path | None, error: BaseException) -> str:
    """Write the log (if at all possible) and return the message to show."""
    try:
        log: Path | None = write_crash_log(data_dir, error)
    except OSError:
        log = None
    return crash_message(log)
