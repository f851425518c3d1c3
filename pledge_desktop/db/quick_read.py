"""Listings read straight from the file with sqlite3, for commands that must answer at once
(`pledge cycles`): no ORM to import. Used only when the file is checked sound, of this app's
schema, and no one has it open (no WAL beside it); otherwise the caller takes the usual path."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import NamedTuple

from pledge_desktop.db.damage import connect_read_only, probe_database
from pledge_desktop.db.file_facts import SCHEMA_REVISION


class CycleLine(NamedTuple):
    label: str
    pledge_type: str
    status: str
    start_date: date
    end_date: date


def quick_cycles(path: Path, data_dir: Path) -> list[CycleLine] | None:
    """The cycles, newest first (as the app lists them), or None when the quick way cannot be
    taken. A damaged or foreign file raises the app's own error, as the usual path would."""
    revision = probe_database(path, data_dir)
    wal = path.with_name(path.name + "-wal")
    if revision != SCHEMA_REVISION or wal.exists():
        return None
    try:
        with closing(connect_read_only(path, immutable=True)) as connection:
            rows = connection.execute(
                "SELECT label, pledge_type, status, start_date, end_date FROM pledge_cycle "
                "ORDER BY start_date DESC, id DESC"
            ).fetchall()
    except sqlite3.Error:
        return None  # the usual path will say what is wrong, plainly
    return [
        CycleLine(label, kind, status, date.fromisoformat(start), date.fromisoformat(end))
        for label, kind, status, start, end in rows
    ]
