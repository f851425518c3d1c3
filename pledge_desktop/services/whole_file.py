"""Writing a file whole: it appears only when complete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pledge_desktop.db.storage_errors import describe_os_error
from pledge_desktop.domain.errors import StorageError


def write_whole(out: Path, write: Callable[[Path], Any]) -> Any:
    """Let `write` make a file beside `out`, then put it in place: the file appears only when
    complete (a full disk or a file open in another program leaves nothing behind)."""
    partial = out.with_name(out.name + ".partial")
    try:
        result = write(partial)
        partial.replace(out)
        return result
    except OSError as error:
        raise StorageError(f"{out} could not be written. {describe_os_error(error)}") from error
    finally:
        partial.unlink(missing_ok=True)
