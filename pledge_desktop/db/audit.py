"""The audit trail: every insert, update and delete of user data, written in the same flush.

Runs as a session `after_flush` hook, when new rows have their ids and the attribute history
still shows what changed. Tables whose `info` says `audited: False` are skipped.
"""

from __future__ import annotations

import getpass
import hashlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from pledge_desktop.db.models import AuditEntry


def current_os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):  # a picture: its size and fingerprint, not its bytes
        return f"{len(value):,} bytes, SHA-256 {hashlib.sha256(value).hexdigest()[:16]}"
    return str(value)


def _audited(obj: Any) -> bool:
    table = getattr(obj, "__table__", None)
    return table is not None and table.info.get("audited", True)


def _entries_for(obj: Any, action: str, stamp: dict[str, Any]) -> list[dict[str, Any]]:
    state = inspect(obj)
    base = {**stamp, "action": action, "entity": obj.__tablename__, "entity_id": str(obj.id)}
    rows = []
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key == "id":
            continue
        if action == "insert":
            new = as_text(getattr(obj, key))
            if new not in (None, ""):
                rows.append({**base, "field": key, "old_value": None, "new_value": new})
        elif action == "delete":
            old = as_text(state.attrs[key].loaded_value)
            rows.append({**base, "field": key, "old_value": old, "new_value": None})
        else:
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = as_text(history.deleted[0]) if history.deleted else None
            new = as_text(history.added[0]) if history.added else None
            if old != new:
                rows.append({**base, "field": key, "old_value": old, "new_value": new})
    return rows


def record_changes(session: Session, _flush: UOWTransaction) -> None:
    stamp = {
        "at_utc": datetime.now(UTC).replace(tzinfo=None),
        "os_user": session.info.get("os_user") or current_os_user(),
    }
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if _audited(obj):
            rows += _entries_for(obj, "insert", stamp)
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            rows += _entries_for(obj, "update", stamp)
    for obj in session.deleted:
        if _audited(obj):
            rows += _entries_for(obj, "delete", stamp)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)
