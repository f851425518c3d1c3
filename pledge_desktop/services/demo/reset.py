"""Emptying the demo data set (never a real one: callers check the demo mark first)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database


def clear_demo_data(db: Database) -> None:
    """Delete every demo record in one transaction; the audit trail keeps one line for it."""
    with db.transaction() as session:
        kept = {m.AppSetting.__tablename__, m.AuditEntry.__tablename__}  # the demo mark, history
        for table in reversed(m.Base.metadata.sorted_tables):
            if table.name not in kept:
                session.execute(delete(table))
        session.execute(
            insert(m.AuditEntry).values(
                at_utc=datetime.now(UTC).replace(tzinfo=None),
                os_user=db.os_user,
                action="delete",
                entity="demo data set",
                entity_id="all",
                field=None,
                old_value="fictional demo data",
                new_value=None,
            )
        )
