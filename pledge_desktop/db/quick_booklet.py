"""The rows the booklet prints, read with sqlite3 alone for `pledge booklet` (no ORM to import),
and its "last written" note with the audit line the ORM's hook would write. Each query is the
one the services' SQLAlchemy path runs, in the same order; tests compare the two.

Used only while holding the folder's lock (as every writer does), on a sound database of this
app's schema (see services/publishing/quick_booklet.py)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pledge_desktop.db.audit_chain import AUDIT_HASH_FUNCTION, audit_hash
from pledge_desktop.db.file_facts import BUSY_TIMEOUT_MS

SQL_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # as SQLAlchemy stores a DateTime in SQLite


class Row:
    """A row whose columns are attributes, as an ORM row's are."""

    def __init__(self, names: tuple[str, ...], values: tuple[Any, ...]) -> None:
        self.__dict__.update(zip(names, values, strict=True))

    def __getattr__(self, name: str) -> Any:  # for type checkers: any column
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:  # a column read as its type
        self.__dict__[name] = value


class BookletRows:
    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        self.connection.isolation_level = None
        self.connection.create_function(AUDIT_HASH_FUNCTION, 10, audit_hash, deterministic=True)
        self.connection.execute("PRAGMA synchronous = FULL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("BEGIN")

    def close(self) -> None:
        if self.connection.in_transaction:
            self.connection.rollback()
        self.connection.close()

    def rows(self, sql: str, *params: Any) -> list[Row]:
        cursor = self.connection.execute(sql, params)
        names = tuple(d[0] for d in cursor.description)
        return [Row(names, tuple(values)) for values in cursor.fetchall()]

    def row(self, sql: str, *params: Any) -> Row | None:
        found = self.rows(sql, *params)
        return found[0] if found else None

    def value(self, sql: str, *params: Any) -> Any:
        found = self.connection.execute(sql, params).fetchone()
        return found[0] if found else None

    # --- what the booklet reads -------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        return self.value("SELECT value FROM app_setting WHERE key = ?", key)

    def settings_like(self, pattern: str) -> dict[str, str]:
        found = self.connection.execute(
            "SELECT key, value FROM app_setting WHERE key LIKE ?", (pattern,)
        )
        return dict(found.fetchall())

    def cycles(self) -> list[Row]:
        rows = self.rows(
            "SELECT id, label, pledge_type, start_date, questionnaire_id, forms_handed_out "
            "FROM pledge_cycle"
        )
        for cycle in rows:
            cycle.start_date = date.fromisoformat(cycle.start_date)
        return rows

    def hospital(self) -> Row | None:
        return self.row(
            "SELECT name, trust_name, unit_phone, out_of_hours_phone, address FROM hospital LIMIT 1"
        )

    def booklet(self, cycle_id: int) -> Row | None:
        return self.row("SELECT * FROM booklet WHERE cycle_id = ? LIMIT 1", cycle_id)

    def highlights(self, cycle_id: int) -> list[Row]:
        return self.rows(
            "SELECT id, question_code, option_codes, wording FROM booklet_highlight "
            "WHERE cycle_id = ? ORDER BY position",
            cycle_id,
        )

    def sign_off(self, cycle_id: int) -> Row | None:
        found = self.row(
            "SELECT signed_on, review_date, leaflet_reference FROM sign_off WHERE cycle_id = ? "
            "LIMIT 1",
            cycle_id,
        )
        if found is not None:
            found.signed_on = date.fromisoformat(found.signed_on)
            found.review_date = found.review_date and date.fromisoformat(found.review_date)
        return found

    def questionnaire(self, questionnaire_id: int) -> str | None:
        return self.value("SELECT definition FROM questionnaire WHERE id = ?", questionnaire_id)

    def answer_counts(self, cycle_id: int) -> list[tuple[str, str, int | None, int]]:
        return self.connection.execute(
            "SELECT question_code, state, code, count(*) FROM survey_answer WHERE cycle_id = ? "
            "GROUP BY question_code, state, code",
            (cycle_id,),
        ).fetchall()

    def forms(self, cycle_id: int) -> int:
        return self.value("SELECT count(id) FROM survey_response WHERE cycle_id = ?", cycle_id)

    def forms_answering(self, cycle_id: int, codes: list[str]) -> list[tuple[str, int]]:
        marks = ", ".join("?" for _ in codes)
        return self.connection.execute(
            "SELECT survey_answer.question_code, count(DISTINCT survey_answer.response_id) "
            "FROM survey_answer JOIN survey_response "
            "ON survey_response.id = survey_answer.response_id "
            f"WHERE survey_response.cycle_id = ? AND survey_answer.question_code IN ({marks}) "
            "AND survey_answer.state = 'answered' GROUP BY survey_answer.question_code",
            (cycle_id, *codes),
        ).fetchall()

    def batches_handed_out(self, cycle_id: int) -> int | None:
        return self.value("SELECT sum(handed_out) FROM survey_batch WHERE cycle_id = ?", cycle_id)

    def team(self, cycle_id: int) -> list[Row]:
        return self.rows(
            "SELECT name, role, phone FROM team_member WHERE cycle_id = ? "
            "ORDER BY is_pledge_lead DESC, name",
            cycle_id,
        )

    def team_names(self, cycle_id: int) -> list[str]:
        found = self.connection.execute(
            "SELECT name FROM team_member WHERE cycle_id = ?", (cycle_id,)
        )
        return [name for (name,) in found.fetchall()]

    def representatives(self) -> list[tuple[str, bool, int]]:
        found = self.connection.execute(
            "SELECT name, consent_to_be_named, cycle_id FROM patient_representative"
        )
        return [(name, bool(consent), cycle) for name, consent, cycle in found.fetchall()]

    def standards(self, cycle_id: int) -> list[Row]:
        return self.rows(
            "SELECT id, text FROM care_standard WHERE cycle_id = ? ORDER BY position", cycle_id
        )

    def goals(self, cycle_id: int) -> list[Row]:
        return self.rows(
            "SELECT id, term, title, description, why, status, priority FROM goal "
            "WHERE cycle_id = ? ORDER BY priority",
            cycle_id,
        )

    def latest_note(self, goal_id: int | None) -> str | None:
        """The latest progress note, looking back along a carried goal's history."""
        while goal_id is not None:
            note = self.value(
                "SELECT note FROM goal_update WHERE goal_id = ? "
                "ORDER BY on_date DESC, id DESC LIMIT 1",
                goal_id,
            )
            if note is not None:
                return str(note)
            goal_id = self.value("SELECT carried_from_id FROM goal WHERE id = ?", goal_id)
        return None

    def approved_quotes(self, cycle_id: int) -> list[Row]:
        return self.rows(
            "SELECT quote.id, quote.wording, quote.attributed_to, quote.attribution FROM quote "
            "JOIN coded_passage ON coded_passage.id = quote.passage_id "
            "JOIN interview ON interview.id = coded_passage.interview_id "
            "WHERE interview.cycle_id = ? AND quote.approved = 1 "
            "ORDER BY interview.pseudonym, coded_passage.start",
            cycle_id,
        )

    def named_representatives(self, cycle_id: int) -> list[str]:
        found = self.connection.execute(
            "SELECT name FROM patient_representative WHERE cycle_id = ? "
            "AND consent_to_be_named = 1 ORDER BY name",
            (cycle_id,),
        )
        return [name for (name,) in found.fetchall()]

    # --- the one thing written ----------------------------------------------------------------
    def note_written(self, booklet_id: int, os_user: str, now: datetime) -> None:
        """Set the booklet's "last written" time, with its line in the audit trail (chained by
        the trigger), in one transaction, as the ORM path does."""
        old = self.value("SELECT written_at FROM booklet WHERE id = ?", booklet_id)
        new = now.strftime(SQL_DATETIME)
        self.connection.execute("UPDATE booklet SET written_at = ? WHERE id = ?", (new, booklet_id))
        self.connection.execute(
            "INSERT INTO audit_entry (at_utc, os_user, action, entity, entity_id, field, "
            "old_value, new_value) VALUES (?, ?, 'update', 'booklet', ?, 'written_at', ?, ?)",
            (
                new,
                os_user,
                str(booklet_id),
                datetime.fromisoformat(old).isoformat() if old else None,
                now.isoformat(),
            ),
        )
        self.connection.commit()
