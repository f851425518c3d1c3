"""The audit trail's hash chain: each line stores SHA-256 of the line before's hash and its own
content, so a line edited or removed outside the app shows up in `pledge check`.

The hash is computed inside SQLite, by a trigger calling `pledge_audit_hash` (registered on
every connection the app opens), so that every line is chained whoever writes it: the ORM's
audit hook and the services that insert summary lines directly alike. A tool that does not know
the function cannot add lines at all. The `audit_chain_head` setting keeps the newest line's id
and hash, so that removing the last lines is noticed too. This is tamper-evident, not
tamper-proof: there is no secret key, so someone who rewrites the whole chain and the head can
hide an edit.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

AUDIT_HASH_FUNCTION = "pledge_audit_hash"
HEAD_SETTING = "audit_chain_head"  # in app_setting: "<newest line's id> <its hash>"
CONTENT_COLUMNS = (
    "id",
    "at_utc",
    "os_user",
    "action",
    "entity",
    "entity_id",
    "field",
    "old_value",
    "new_value",
)


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, float):
        return {"real": repr(value)}
    return value


def audit_hash(previous: str | None, *content: Any) -> str:
    """SHA-256 of the previous line's hash and this line's content, in a canonical form."""
    canonical = json.dumps([_plain(v) for v in content], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(((previous or "") + canonical).encode("utf-8")).hexdigest()


CHAIN_TRIGGERS = (
    # REPLACE and INSERT OR REPLACE delete the old row without firing DELETE triggers (recursive
    # triggers are off), so an insert over an existing line is refused here instead
    "CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_entry "
    "WHEN EXISTS (SELECT 1 FROM audit_entry WHERE id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END",
    # the one change allowed: the chain trigger filling in a new line's hash
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "WHEN OLD.chain_hash IS NOT NULL "
    + "".join(f"OR NEW.{c} IS NOT OLD.{c} " for c in CONTENT_COLUMNS)
    + "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed'); END",
    "CREATE TRIGGER audit_entry_chain AFTER INSERT ON audit_entry BEGIN "
    f"UPDATE audit_entry SET chain_hash = {AUDIT_HASH_FUNCTION}("
    "(SELECT chain_hash FROM audit_entry WHERE id < NEW.id ORDER BY id DESC LIMIT 1), "
    + ", ".join(f"NEW.{c}" for c in CONTENT_COLUMNS)
    + ") WHERE id = NEW.id; "
    f"INSERT OR REPLACE INTO app_setting (key, value) VALUES ('{HEAD_SETTING}', "
    "NEW.id || ' ' || (SELECT chain_hash FROM audit_entry WHERE id = NEW.id)); END",
)
TRIGGER_NAMES = (
    "audit_entry_no_replace",
    "audit_entry_no_update",
    "audit_entry_no_delete",
    "audit_entry_chain",
)


def verify_audit_chain(connection: sqlite3.Connection) -> list[str]:
    """Plain-English problems with the audit trail's chain; empty when it is whole.

    `connection` is a plain sqlite3 connection (read-only is enough). A database from before the
    chain (no chain_hash column) has nothing to verify. Text that cannot even be read (damage to
    the file) is reported as a problem, not raised.
    """
    try:
        return _chain_problems(connection)
    except sqlite3.DatabaseError as error:
        return [f"The audit trail cannot be read back whole: {error}."]


def _chain_problems(connection: sqlite3.Connection) -> list[str]:
    columns = {row[1] for row in connection.execute("PRAGMA table_info(audit_entry)")}
    if "chain_hash" not in columns:
        return []
    problems: list[str] = []
    previous: str | None = None
    last_id: int | None = None
    query = f"SELECT {', '.join(CONTENT_COLUMNS)}, chain_hash FROM audit_entry ORDER BY id"
    for row in connection.execute(query):
        *content, stored = row
        expected = audit_hash(previous, *content)
        if stored != expected:
            problems.append(
                f"Audit trail line {content[0]} does not match the chain: it, or the line "
                "before it, was changed or removed outside Pledge Desktop."
            )
            if len(problems) >= 20:
                return problems
        previous = stored
        last_id = content[0]
    setting = connection.execute(
        "SELECT value FROM app_setting WHERE key = ?", (HEAD_SETTING,)
    ).fetchone()
    head = setting[0].split(" ") if setting and setting[0] else None
    if head is None and last_id is not None:
        problems.append("The audit trail's record of its newest line is missing.")
    elif head is not None and head != [str(last_id), previous]:
        problems.append(
            f"The audit trail ends at line {last_id}, but its newest line was {head[0]}: "
            "lines were removed from the end outside Pledge Desktop."
        )
    return problems
