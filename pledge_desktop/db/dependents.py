"""What depends on a record: found from the foreign keys, so new tables are covered as added."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db.models import Base


def count_dependents(session: Session, record: Any) -> list[tuple[str, int]]:
    """[(plain description, count)] for every table with rows pointing at `record`."""
    found = []
    target = record.__table__
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not target or (fk.ondelete or "").upper() == "CASCADE":
                continue  # rows that go with the record (a form's answers) do not block it
            count = session.scalar(
                select(func.count()).select_from(table).where(fk.parent == record.id)
            )
            if count:
                one, many = table.info.get("label", (table.name, table.name))
                found.append((f"{count} {one if count == 1 else many}", count))
    return found


def describe_dependents(found: list[tuple[str, int]]) -> str:
    words = [text for text, _ in found]
    if len(words) > 1:
        return ", ".join(words[:-1]) + " and " + words[-1]
    return words[0] if words else ""
