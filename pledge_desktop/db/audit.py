"""The audit trail: every insert, update and delete of user data, written in the same flush.

Runs as a session `after_flush` hook, when new rows have their ids and the attribute history
still shows what changed. Tables whose `info` says `audited: False` are skipped.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from pledge_desktop.db.models import AuditEntry
from pledge_desktop.db.os_user import current_os_user

__all__ = ["as_text", "audit_rows_snapshot", "current_os_user", "record_changes"]


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


def audit_rows_snapshot(
    session: Session,
    entity: str,
    entity_id: str,
    fields: dict[str, str | None],
    action: str,
    new_fields: dict[str, str | None] | None = None,
) -> int:
    """Audit rows the ORM hook does not see (bulk deletes, database cascades); return the count.

    `fields` is what the record held before the change. For `action="delete"` every field is
    written with its old value; for `"update"`, `new_fields` is what it holds after, and only
    fields that differ are written. Call it inside the service's transaction, so the lines are
    committed with the change or not at all.
    """
    stamp = {
        "at_utc": datetime.now(UTC).replace(tzinfo=None),
        "os_user": session.info.get("os_user") or current_os_user(),
        "action": action,
        "entity": entity,
        "entity_id": entity_id[:80],
    }
    after = new_fields or {}
    rows = []
    for key in sorted(set(fields) | set(after)):
        old, new = fields.get(key), after.get(key) if action != "delete" else None
        if action == "delete" or old != new:
            rows.append({**stamp, "field": key[:80], "old_value": old, "new_value": new})
    if rows:
        session.connection().execute(insert(AuditEntry), rows)
    return len(rows)


def answers_snapshot(session: Session, response_id: int) -> dict[str, str | None]:
    """A form's answers as audit text, one entry per question: 'answered: 2, 5' and the like."""
    from pledge_desktop.db.models import SurveyAnswer

    rows = session.execute(
        select(
            SurveyAnswer.question_code,
            SurveyAnswer.state,
            SurveyAnswer.code,
            SurveyAnswer.number,
            SurveyAnswer.text,
        )
        .where(SurveyAnswer.response_id == response_id)
        .order_by(SurveyAnswer.question_code, SurveyAnswer.id)
    ).all()
    found: dict[str, list[str]] = {}
    for code, state, choice, number, text in rows:
        values = found.setdefault(code, [state])
        for value in (choice, number, text):
            if value not in (None, ""):
                values.append(as_text(value) or "")
    return {
        code: f"{v[0]}: {', '.join(v[1:])}" if len(v) > 1 else v[0] for code, v in found.items()
    }
