"""Sending data to the charity: what will be sent, the privacy rules applied before anything is
written, the package validated, written whole (optionally AES-encrypted), and recorded in the
audit trail with its SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from pledge_desktop import __version__
from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import SCHEMA_REVISION
from pledge_desktop.domain.anonymity import DEFAULT_K, Suppression, k_anonymise
from pledge_desktop.domain.errors import StorageError, ValidationError
from pledge_desktop.domain.identifiers import Finding, find_identifiers, redact
from pledge_desktop.exchange.package_format import MISSING_MEANING, README, Table
from pledge_desktop.exchange.package_io import package_files, validation_problems, zip_bytes
from pledge_desktop.services.exchange.export_tables import Gathered, export_key, gather
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole

MIN_PASSWORD = 10


@dataclass(frozen=True)
class CommentReview:
    """A written answer as the nurse reviews it: what was found, and the redacted words."""

    response_id: str
    question_code: str
    question_text: str
    text: str
    findings: tuple[Finding, ...]

    @property
    def key(self) -> tuple[str, str]:
        return (self.response_id, self.question_code)

    @property
    def redacted(self) -> str:
        return redact(self.text, self.findings)


@dataclass(frozen=True)
class ExportPlan:
    cycle_label: str
    tables: tuple[tuple[str, str, int], ...]  # name, title, rows
    comments: tuple[CommentReview, ...]
    suppression: Suppression
    quasi_identifiers: dict[str, str]  # code → question text
    identifying: tuple[dict[str, str], ...] = ()  # each form's answers to those questions

    def with_k(self, k: int) -> ExportPlan:
        """The same plan with another k: counted again from the answers it holds."""
        rows = [dict(row) for row in self.identifying]
        return replace(self, suppression=k_anonymise(rows, list(self.quasi_identifiers), k))


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    tables: tuple[tuple[str, str, int], ...]
    suppression: Suppression
    comments_sent: int
    comments_withheld: int
    quasi_identifiers: dict[str, str]  # code → question text
    encrypted: bool


@dataclass
class ExportChoices:
    k: int = DEFAULT_K
    comments: set[tuple[str, str]] = field(default_factory=set)  # reviewed and to be sent
    password: str | None = None


class ExportService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def plan(self, cycle_id: int, k: int = DEFAULT_K) -> ExportPlan:
        """What would be sent, with the written answers to review and what k-anonymity holds
        back. Nothing is written."""
        with self._db.transaction() as session:  # the id key is made on first use
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            gathered = gather(session, cycle_id, export_key(session))
        identifying = tuple(
            {code: row.get(code, "") for code in _quasi(gathered)} for row in gathered.answers
        )
        suppression = _apply_k(gathered, k)
        texts = {q.code: q.text for q in gathered.questionnaire.questions()}
        comments = tuple(
            CommentReview(
                c.response_id,
                c.question_code,
                texts.get(c.question_code, c.question_code),
                c.text,
                tuple(find_identifiers(c.text, gathered.names)),
            )
            for c in gathered.comments
        )
        return ExportPlan(
            gathered.about["cycle"],
            _counts(gathered, len(gathered.answers)),
            comments,
            suppression,
            _quasi(gathered),
            identifying,
        )

    def export(
        self, cycle_id: int, out: Path, choices: ExportChoices | None = None
    ) -> ExportResult:
        choices = choices or ExportChoices()
        if choices.password is not None and len(choices.password) < MIN_PASSWORD:
            raise ValidationError(
                {"password": f"Use a password of at least {MIN_PASSWORD} characters, or none."}
            )
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            gathered = gather(session, cycle_id, export_key(session))
            suppression = _apply_k(gathered, choices.k)
            sent = _apply_comments(gathered, choices.comments)
            _fill_responses(gathered)
            tables = list(gathered.tables.values())
            about = {
                **gathered.about,
                "title": f"Service Pledge data: {gathered.about['hospital']}, "
                f"{gathered.about['cycle']}",
                "app_version": __version__,
                "schema_revision": SCHEMA_REVISION,
                "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                "k_anonymity": choices.k,
            }
            files = package_files(tables, about, _readme(gathered, about, choices.k, sent))
            problems = validation_problems(files)
            if problems:
                raise StorageError(
                    "The data package did not pass its own checks, so nothing was written: "
                    + "; ".join(problems[:3])
                )
            data = zip_bytes(files, choices.password)
            digest = hashlib.sha256(data).hexdigest()
            counts = _counts(gathered, len(gathered.answers))
            # recorded first: if the file cannot be written, the record is rolled back with it
            session.execute(
                insert(m.AuditEntry).values(
                    at_utc=datetime.now(UTC).replace(tzinfo=None),
                    os_user=self._db.os_user,
                    action="insert",
                    entity="export",
                    entity_id=gathered.about["cycle"],
                    field="data package",
                    old_value=None,
                    new_value=f"{out.name}; SHA-256 {digest}; "
                    + ", ".join(f"{name} {rows}" for name, _title, rows in counts)
                    + ("; password protected" if choices.password else ""),
                )
            )
            write_whole(out, lambda part: part.write_bytes(data))
        self._changes.announce("exports")
        return ExportResult(
            out,
            digest,
            counts,
            suppression,
            sent,
            len(gathered.comments) - sent,
            _quasi(gathered),
            bool(choices.password),
        )


def _quasi(gathered: Gathered) -> dict[str, str]:
    """The questions that could help identify someone: code → question text."""
    return {q.code: q.text for q in gathered.questionnaire.questions() if q.quasi_identifier}


def _apply_k(gathered: Gathered, k: int) -> Suppression:
    return k_anonymise(gathered.answers, list(_quasi(gathered)), k)


def _apply_comments(gathered: Gathered, chosen: set[tuple[str, str]]) -> int:
    """Reviewed written answers go out redacted; every other one stays "withheld"."""
    rows = {row["response_id"]: row for row in gathered.answers}
    sent = 0
    for comment in gathered.comments:
        if (comment.response_id, comment.question_code) in chosen:
            findings = find_identifiers(comment.text, gathered.names)
            rows[comment.response_id][comment.question_code] = redact(comment.text, findings)
            sent += 1
    return sent


def _fill_responses(gathered: Gathered) -> None:
    table: Table = gathered.tables["responses"]
    header = table.header()
    table.rows = [[row.get(name, "") for name in header] for row in gathered.answers]


def _counts(gathered: Gathered, forms: int) -> tuple[tuple[str, str, int], ...]:
    return tuple(
        (name, t.title, forms if name == "responses" else len(t.rows))
        for name, t in gathered.tables.items()
    )


def _readme(gathered: Gathered, about: dict[str, object], k: int, sent: int) -> str:
    tables = "\n".join(f"- {t.path}: {t.title}" for t in gathered.tables.values())
    comments = (
        f"Written answers: {sent} reviewed by the nurse, with anything identifying replaced by "
        "a placeholder such as [phone number]; the rest are marked withheld."
        if sent
        else "Written answers are not included (marked withheld)."
    )
    return README.format(
        app_version=about["app_version"],
        site=about["hospital"],
        cycle=about["cycle"],
        exported=about["exported_at"],
        tables=tables,
        missing="; ".join(f"{key} = {meaning}" for key, meaning in MISSING_MEANING.items())
        + "; an empty cell = no answer recorded",
        k=k,
        comments=comments,
    )
