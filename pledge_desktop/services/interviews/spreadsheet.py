"""The interviews spreadsheet: coded passages and quotes with the interviews' attributes.

It leaves the hospital like the charity package does, so it is made the same way: only columns
that may leave are written (never a column the classification keeps in the app, such as the
interview's code or a memo), and every word that may leave goes through the privacy gate, each
identifier found replaced by "[removed]"."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.storage_errors import describe_os_error
from pledge_desktop.db.text_classes import text_class
from pledge_desktop.domain.errors import StorageError
from pledge_desktop.domain.interviews import Passage
from pledge_desktop.domain.privacy import (
    REMOVED,
    GateFinding,
    OutgoingText,
    TextClass,
    clean_outgoing,
)
from pledge_desktop.exchange.interviews_xlsx import SOURCES, PassageRow, columns, write_passages
from pledge_desktop.services.setup import common_names, known_names

TABLE = "interviews spreadsheet"


@dataclass(frozen=True)
class SpreadsheetSaved:
    rows: int
    removed: tuple[GateFinding, ...]  # what the gate took out, masked, with where it was

    @property
    def places(self) -> list[str]:
        """Where things were taken out: "row 3, passage", one each."""
        return sorted({f"row {f.row}, {f.field.replace('_', ' ')}" for f in self.removed})


def columns_to_check() -> list[str]:
    """The spreadsheet's columns whose words go through the gate. A column whose source is
    kept in the app is refused outright: it must not be in the spreadsheet at all."""
    checked = []
    for name in columns():
        source = SOURCES[name]
        if not source:
            continue
        table, column = source.split(".", 1)
        kind = text_class(table, column)
        if kind is TextClass.STAYS:
            raise AssertionError(f"{source} stays in the app; it cannot be a spreadsheet column")
        if kind is TextClass.LEAVES:
            checked.append(name)
    return checked


def export_passages(
    session: Session,
    cycle_id: int,
    passages: list[Passage],
    themes: dict[int | None, str],
    path: Path,
) -> SpreadsheetSaved:
    """Write the cycle's coded passages (with their quotes) to `path`, through the gate."""
    interviews = {
        row.id: row
        for row in session.scalars(select(m.Interview).where(m.Interview.cycle_id == cycle_id))
    }
    quotes = {
        row.passage_id: row
        for row in session.scalars(
            select(m.Quote).where(m.Quote.passage_id.in_([p.id for p in passages]))
        )
    }
    numbers = _numbers(interviews)
    rows = []
    for passage in sorted(passages, key=lambda p: (numbers[p.interview_id], p.start)):
        interview = interviews[passage.interview_id]
        quote = quotes.get(passage.id or -1)
        rows.append(
            PassageRow(
                f"Interview {numbers[passage.interview_id]}",
                interview.interview_date.strftime("%B %Y"),
                interview.setting,
                interview.stages.replace(";", ", "),
                ", ".join(themes.get(t, "?") for t in passage.theme_ids),
                passage.text,
                quote.wording if quote else "",
                quote.attributed_to if quote else "",
                ("yes" if quote.approved else "no") if quote else "",
            )
        )
    cleaned, removed = _through_the_gate(rows, known_names(session, cycle_id))
    try:
        write_passages(cleaned, path)
    except OSError as error:
        raise StorageError(f"The spreadsheet was not saved: {describe_os_error(error)}") from error
    return SpreadsheetSaved(len(cleaned), tuple(removed))


def _numbers(interviews: dict[int, m.Interview]) -> dict[int, int]:
    """Each interview's number in this spreadsheet: 1, 2, 3 … in a random order, so that the
    numbers say nothing of the team's codes or of the order the interviews were done in."""
    ids = list(interviews)
    random.SystemRandom().shuffle(ids)
    return {interview_id: number for number, interview_id in enumerate(ids, start=1)}


def _through_the_gate(
    rows: list[PassageRow], names: Iterable[str]
) -> tuple[list[PassageRow], list[GateFinding]]:
    checked = columns_to_check()
    values = [  # numbered as the spreadsheet's rows are, under its heading row
        OutgoingText(TABLE, str(number), name, getattr(row, name))
        for number, row in enumerate(rows, start=2)
        for name in checked
        if getattr(row, name)
    ]
    cleaned, removed = clean_outgoing(
        values, names, lists=common_names(), every_date=True, marker=REMOVED
    )
    changed = {(int(v.row), v.field): v.text for v in cleaned}
    return [
        replace(row, **{name: changed.get((number, name), getattr(row, name)) for name in checked})
        for number, row in enumerate(rows, start=2)
    ], removed
