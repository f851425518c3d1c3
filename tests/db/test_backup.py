"""Backups: complete or absent, checked, thinned to 7 daily, 5 weekly and 12 monthly."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pledge_desktop.db.backup import backup_name, copy_database, thin_backups
from pledge_desktop.domain.errors import StorageError


def test_a_backup_is_a_sound_copy(tmp_path: Path) -> None:
    source = tmp_path / "live.sqlite3"
    with sqlite3.connect(source) as c:
        c.execute("CREATE TABLE t (x)")
        c.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    target = copy_database(source, tmp_path / "copy.sqlite3")
    with sqlite3.connect(target) as c:
        assert c.execute("SELECT count(*) FROM t").fetchone() == (100,)
    assert not list(tmp_path.glob("*.partial"))


def test_a_failed_backup_leaves_no_file(tmp_path: Path) -> None:
    missing_folder = tmp_path / "nowhere" / "copy.sqlite3"
    source = tmp_path / "live.sqlite3"
    sqlite3.connect(source).close()
    with pytest.raises(StorageError):
        copy_database(source, missing_folder)
    assert not missing_folder.exists()
    assert not list(tmp_path.rglob("*.partial"))


def test_thinning_keeps_daily_weekly_and_monthly_backups(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 18, 0)
    made = []
    for hours in range(0, 24 * 400, 6):  # four a day for over a year
        when = now - timedelta(hours=hours)
        path = tmp_path / backup_name("auto", when)
        path.write_bytes(b"x")
        made.append(path)
    manual = tmp_path / backup_name("manual", now - timedelta(days=300))
    manual.write_bytes(b"x")
    removed = thin_backups(tmp_path, now)
    kept = sorted(p.name for p in tmp_path.glob("auto-*"))
    assert manual.exists(), "backups taken by hand are never thinned"
    assert len(kept) <= 7 + 5 + 12
    assert len(kept) >= 12
    assert (tmp_path / backup_name("auto", now)).exists(), "the newest is always kept"
    assert len(removed) == len(made) - len(kept)


def test_thinning_keeps_everything_when_there_are_few(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 18, 0)
    for days in range(3):
        (tmp_path / backup_name("auto", now - timedelta(days=days))).write_bytes(b"x")
    assert thin_backups(tmp_path, now) == []
