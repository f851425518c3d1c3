"""Copying between ORM rows and the domain's frozen records, and change announcements."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.dependents import count_dependents, describe_dependents
from pledge_desktop.db.storage_errors import describe_os_error
from pledge_desktop.domain.errors import DeleteRefused, NotFound, StorageError
from pledge_desktop.services.whole_file import write_whole  # noqa: F401  (re-exported)

R = TypeVar("R")


def to_record(record_type: type[R], row: Any) -> R:
    names = [f.name for f in dataclasses.fields(record_type)]  # type: ignore[arg-type]
    return record_type(**{name: getattr(row, name) for name in names})


def apply_record(row: Any, record: Any, skip: tuple[str, ...] = ("id",)) -> None:
    for f in dataclasses.fields(record):
        if f.name not in skip:
            setattr(row, f.name, getattr(record, f.name))


def get_or_explain(session: Session, model: type, record_id: int | None, what: str) -> Any:
    row = session.get(model, record_id) if record_id is not None else None
    if row is None:
        raise NotFound(f"That {what} no longer exists: it may have been deleted meanwhile.")
    return row


def get_or_add(session: Session, model: type, record_id: int | None, what: str) -> Any:
    """The row to save into: a new one (added to the session) or the existing one."""
    if record_id is None:
        row = model()
        session.add(row)
        return row
    return get_or_explain(session, model, record_id, what)


def delete_if_free(session: Session, model: type, record_id: int, what: str) -> None:
    row = get_or_explain(session, model, record_id, what)
    found = count_dependents(session, row)
    if found:
        raise DeleteRefused(
            f"This {what} cannot be deleted because {describe_dependents(found)} "
            f"{'is' if len(found) == 1 and found[0][1] == 1 else 'are'} linked to it. "
            "Delete or move those first."
        )
    session.delete(row)


class ChangeFeed:
    """Tells whoever listens (the GUI) which kind of data a service call just changed."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[str], None]] = []

    def subscribe(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def announce(self, topic: str) -> None:
        for listener in list(self._listeners):
            listener(topic)


def previous_cycle(session: Session, cycle_id: int) -> Any:
    """The cycle of the same pledge (primary or secondary) that started before `cycle_id`,
    or None: a secondary pledge is compared with the secondary one before it."""
    cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
    return session.scalars(
        select(m.PledgeCycle)
        .where(
            m.PledgeCycle.start_date < cycle.start_date,
            m.PledgeCycle.pledge_type == cycle.pledge_type,
        )
        .order_by(m.PledgeCycle.start_date.desc())
    ).first()


def write_partial(out: Path, data: bytes) -> Path:
    """Write `data` beside `out` as NAME.partial, on disk for good (fsync); the caller puts it
    in place with `put_in_place` once what records it has been committed."""
    partial = out.with_name(out.name + ".partial")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageError(f"{out} could not be written. {describe_os_error(error)}") from error
    return partial


def put_in_place(partial: Path, out: Path) -> None:
    try:
        partial.replace(out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageError(f"{out} could not be written. {describe_os_error(error)}") from error
