"""Signing a pledge off for publishing: who, their role, when, the trust's leaflet reference."""

from __future__ import annotations

from sqlalchemy import select

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.pledge_year import SignOff, validate_sign_off
from pledge_desktop.domain.setup import CycleStatus
from pledge_desktop.services.records import ChangeFeed, apply_record, get_or_explain, to_record

SIGN_OFF = "sign_off"


class SignOffService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def sign_off(self, cycle_id: int) -> SignOff | None:
        """The cycle's sign-off, or None while nobody has signed it off."""
        with self._db.reading() as session:
            row = session.scalars(select(m.SignOff).where(m.SignOff.cycle_id == cycle_id)).first()
            return to_record(SignOff, row) if row is not None else None

    def save_sign_off(self, sign_off: SignOff) -> SignOff:
        """Record (or correct) who signed the cycle's pledge off. One per cycle."""
        tidy = validate_sign_off(sign_off)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            row = session.scalars(
                select(m.SignOff).where(m.SignOff.cycle_id == tidy.cycle_id)
            ).first()
            if row is None:
                row = m.SignOff()
                session.add(row)
            apply_record(row, tidy)
            session.flush()
            saved = to_record(SignOff, row)
        self._changes.announce(SIGN_OFF)
        return saved

    def withdraw_sign_off(self, cycle_id: int) -> None:
        """Take a sign-off back (recorded by mistake); a published pledge keeps its own."""
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            if cycle.status == CycleStatus.PUBLISHED.value:
                raise ValidationError(
                    {
                        "status": "This pledge is published, so its sign-off stays. Change the "
                        "cycle's status first if it was published by mistake."
                    }
                )
            row = session.scalars(select(m.SignOff).where(m.SignOff.cycle_id == cycle_id)).first()
            if row is not None:
                session.delete(row)
        self._changes.announce(SIGN_OFF)
