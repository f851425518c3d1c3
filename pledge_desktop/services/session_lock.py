"""The session lock's settings: an optional passphrase (stored only as a scrypt hash) and the
minutes of idleness after which the app covers patient data."""

from __future__ import annotations

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.passphrase import check_new, hash_passphrase, verify
from pledge_desktop.services.records import ChangeFeed

PASSPHRASE_KEY = "lock_passphrase"
IDLE_KEY = "lock_idle_minutes"
DEFAULT_IDLE_MINUTES = 10


class SessionLockService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def enabled(self) -> bool:
        return bool(self._stored())

    def idle_minutes(self) -> int:
        with self._db.reading() as session:
            row = session.get(m.AppSetting, IDLE_KEY)
            value = row.value if row else ""
        return int(value) if value.isdigit() else DEFAULT_IDLE_MINUTES

    def set_passphrase(self, new: str, again: str, current: str = "") -> None:
        """Set or change the passphrase; changing it needs the current one."""
        stored = self._stored()
        if stored and not verify(current, stored):
            raise ValidationError({"current": "The current passphrase is not right."})
        hashed = hash_passphrase(check_new(new, again))
        with self._db.transaction() as session:
            session.merge(m.AppSetting(key=PASSPHRASE_KEY, value=hashed))
        self._changes.announce("settings")

    def remove_passphrase(self, current: str) -> None:
        stored = self._stored()
        if stored and not verify(current, stored):
            raise ValidationError({"current": "The current passphrase is not right."})
        with self._db.transaction() as session:
            row = session.get(m.AppSetting, PASSPHRASE_KEY)
            if row is not None:
                session.delete(row)
        self._changes.announce("settings")

    def set_idle_minutes(self, minutes: int) -> None:
        if not 1 <= minutes <= 240:
            raise ValidationError({"minutes": "Lock after between 1 and 240 minutes."})
        with self._db.transaction() as session:
            session.merge(m.AppSetting(key=IDLE_KEY, value=str(minutes)))
        self._changes.announce("settings")

    def unlocks(self, passphrase: str) -> bool:
        stored = self._stored()
        return bool(stored) and verify(passphrase, stored)

    def _stored(self) -> str:
        with self._db.reading() as session:
            row = session.get(m.AppSetting, PASSPHRASE_KEY)
            return row.value if row else ""
