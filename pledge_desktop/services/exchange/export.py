"""Sending data to the charity: what will be sent, the privacy rules applied before anything is
written, the package validated, written whole (optionally AES-encrypted), and recorded in the
audit trail with its SHA-256.

The order is the privacy rule: the written answers the nurse chose go into the rows; every
free-text cell of every table passes the identifier gate (each finding removed or recorded as
"not an identifier", or nothing is written); only then, on the final rows, does the charity's
data policy put answers into coarser bands and hold back what is still too rare (k-anonymity);
and per-person tables are written in the order of their random ids, never serial order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol

from pledge_desktop import __version__
from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.db.migrate import SCHEMA_REVISION
from pledge_desktop.domain.anonymity import QuasiIdentifier, Suppression, generalise_then_suppress
from pledge_desktop.domain.errors import StorageError, ValidationError
from pledge_desktop.domain.identifiers import Finding, find_identifiers, redact
from pledge_desktop.domain.policy import DataPolicy
from pledge_desktop.domain.print_gate import PrintChoices
from pledge_desktop.domain.privacy import FindingsRemain, GateFinding
from pledge_desktop.exchange.package_format import (
    MISSING_MEANING,
    PER_PERSON,
    PUBLICATION_FOLDER,
    README,
    Table,
)
from pledge_desktop.exchange.package_io import package_files, validation_problems, zip_bytes
from pledge_desktop.services import privacy_decisions as decisions
from pledge_desktop.services.exchange import export_gate as gate
from pledge_desktop.services.exchange.export_tables import Gathered, export_key, gather
from pledge_desktop.services.exchange.policy import PolicyService, audit_line, policy_in_use
from pledge_desktop.services.records import (
    ChangeFeed,
    get_or_explain,
    put_in_place,
    write_partial,
)

MIN_PASSWORD = 10
MIN_K = 2


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
    findings: tuple[GateFinding, ...] = ()  # in every table, written answers as if sent
    policy: DataPolicy | None = None
    quasi: tuple[QuasiIdentifier, ...] = ()
    never_sent: tuple[str, ...] = ()  # written questions asking who the patient is
    # the published pledge (booklet, pledge.json, consent), when it may go with the package
    publication_findings: tuple[GateFinding, ...] = ()
    publication_refused: str | None = "The app was not asked about the published pledge."

    @property
    def least_k(self) -> int:
        return self.policy.k if self.policy else MIN_K

    def with_k(self, k: int) -> ExportPlan:
        """The same plan with another k (never below the policy's): counted again."""
        rows = [dict(row) for row in self.identifying]
        k = max(k, self.least_k)
        return replace(self, suppression=generalise_then_suppress(rows, self.quasi, k))

    def findings_for(
        self, comments: Iterable[tuple[str, str]], publication: bool = False
    ) -> list[GateFinding]:
        """The findings to decide when the written answers `comments` are sent (and the
        published pledge, when it goes too)."""
        sent = set(comments)
        found = [f for f in self.findings if f.table != "responses" or (f.row, f.field) in sent]
        return found + list(self.publication_findings) if publication else found


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
    removed: tuple[GateFinding, ...] = ()  # identifiers replaced by a marker
    policy_version: int = 0
    never_sent: tuple[str, ...] = ()
    publication: tuple[str, ...] = ()  # the published pledge's files in the package


@dataclass
class ExportChoices:
    k: int | None = None  # None: the data policy's; a larger k may be asked for, never smaller
    comments: set[tuple[str, str]] = field(default_factory=set)  # reviewed and to be sent
    password: str | None = None
    remove: set[str] = field(default_factory=set)  # finding keys to replace by a marker
    remove_all: bool = False  # `pledge export --redact`
    publication: bool = False  # the published pledge goes with the package


class Publication(Protocol):
    """The published pledge's files (services/year/publish.py)."""

    def review(self, cycle_id: int) -> list[GateFinding]: ...

    def files(
        self, cycle_id: int, *, fictional: bool = False, choices: PrintChoices = ...
    ) -> dict[str, bytes]: ...


class ExportService:
    def __init__(
        self,
        db: Database,
        changes: ChangeFeed,
        publication: Publication | None = None,
        fictional: bool = False,
    ) -> None:
        self._db = db
        self._changes = changes
        self._publication = publication
        self._fictional = fictional
        self.policy = PolicyService(db, changes)

    def plan(self, cycle_id: int, k: int | None = None) -> ExportPlan:
        """What would be sent, with the written answers to review, every finding of the
        identifier check and what k-anonymity holds back. Nothing is written."""
        _check_k(k)
        with self._db.transaction() as session:  # the id key is made on first use
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            gathered = gather(session, cycle_id, export_key(session), policy_in_use(session))
            kept = decisions.not_identifier_keys(session)
        codes = [q.code for q in gathered.quasi]
        identifying = tuple(
            {"response_id": row["response_id"], **{c: row.get(c, "") for c in codes}}
            for row in gathered.answers
        )
        texts = {q.code: q.text for q in gathered.questionnaire.questions()}
        comments = tuple(
            CommentReview(
                c.response_id,
                c.question_code,
                texts.get(c.question_code, c.question_code),
                c.text,
                tuple(
                    find_identifiers(
                        c.text, gathered.names, lists=decisions.name_lists(), every_date=True
                    )
                ),
            )
            for c in gathered.comments
        )
        _put_comments(gathered, {c.key for c in comments})
        _fill_responses(gathered)
        findings = gate.review(gathered.tables.values(), gathered.names, kept)
        plan = ExportPlan(
            gathered.about["cycle"],
            _counts(gathered),
            comments,
            Suppression(gathered.policy.k, 0, {}),
            _quasi(gathered),
            identifying,
            tuple(findings),
            gathered.policy,
            tuple(gathered.quasi),
            tuple(gathered.never_sent),
        )
        plan = replace(plan, **self._publication_plan(cycle_id))
        return plan.with_k(k or gathered.policy.k)

    def _publication_plan(self, cycle_id: int) -> dict[str, Any]:
        if self._publication is None:
            return {}
        try:
            found = tuple(self._publication.review(cycle_id))
        except ValidationError as refused:
            return {"publication_refused": str(refused)}
        return {"publication_findings": found, "publication_refused": None}

    def not_an_identifier(self, findings: Iterable[GateFinding]) -> int:
        """Record that these findings are not identifiers (who and when, in the audit trail),
        so they are not asked about again while their words stay the same."""
        with self._db.transaction() as session:
            added = decisions.record_not_identifiers(session, self._db.os_user, findings)
        self._changes.announce("exports")
        return added

    def export(
        self, cycle_id: int, out: Path, choices: ExportChoices | None = None
    ) -> ExportResult:
        choices = choices or ExportChoices()
        _check_k(choices.k)
        if choices.password is not None and len(choices.password) < MIN_PASSWORD:
            raise ValidationError(
                {"password": f"Use a password of at least {MIN_PASSWORD} characters, or none."}
            )
        published = self._published(cycle_id, choices)
        partial: Path | None = None
        try:
            with self._db.transaction() as session:
                get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
                policy = policy_in_use(session)
                gathered = gather(session, cycle_id, export_key(session), policy)
                k = max(policy.k, choices.k or 0)
                sent = _put_comments(gathered, choices.comments)
                _fill_responses(gathered)
                kept = decisions.not_identifier_keys(session)
                findings = gate.review(gathered.tables.values(), gathered.names, kept)
                undecided = [f for f in findings if f.key not in choices.remove]
                if undecided and not choices.remove_all:
                    raise FindingsRemain(undecided)
                gate.remove(gathered.tables, findings, kept)
                suppression = _anonymise(gathered, k)  # on the final rows
                _shuffle(gathered.tables)
                tables = list(gathered.tables.values())
                site_table = gathered.tables["site"]
                site = dict(zip(site_table.header(), site_table.rows[0], strict=True))
                # the names in the descriptor are the site table's, after the gate
                gathered.about |= {"hospital": site["hospital"], "cycle": site["cycle"]}
                about = {
                    **gathered.about,
                    "title": f"Service Pledge data: {gathered.about['hospital']}, "
                    f"{gathered.about['cycle']}",
                    "app_version": __version__,
                    "schema_revision": SCHEMA_REVISION,
                    "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "k_anonymity": k,
                    "data_policy_version": policy.version,
                    "data_policy_date": policy.date.isoformat(),
                    "identifiers_removed": len(findings),
                    "publication": sorted(published),
                }
                readme = _readme(gathered, about, k, sent) + _publication_note(published)
                files = package_files(tables, about, readme, published)
                problems = validation_problems(files)
                if problems:
                    raise StorageError(
                        "The data package did not pass its own checks, so nothing was written: "
                        + "; ".join(problems[:3])
                    )
                data = zip_bytes(files, choices.password)
                digest = hashlib.sha256(data).hexdigest()
                counts = _counts(gathered)
                # The file is written beside its name first; if that fails, the audit line is rolled
                # back with it. It takes its name only after the line is committed, so a package
                # under its name always has its line in the audit trail.
                partial = write_partial(out, data)
                audit_line(
                    session,
                    self._db.os_user,
                    "export",
                    gathered.about["cycle"],
                    "data package",
                    f"{out.name}; SHA-256 {digest}; "
                    + ", ".join(f"{name} {rows}" for name, _title, rows in counts)
                    + f"; data policy {policy.version}, k {k}"
                    + (f"; {len(findings)} identifier(s) removed" if findings else "")
                    + ("; password protected" if choices.password else ""),
                )
        except BaseException:
            if partial is not None:  # the transaction did not commit: nothing is left behind
                partial.unlink(missing_ok=True)
            raise
        put_in_place(partial, out)
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
            tuple(findings),
            policy.version,
            tuple(gathered.never_sent),
            tuple(sorted(published)),
        )

    def _published(self, cycle_id: int, choices: ExportChoices) -> dict[str, bytes]:
        """The published pledge's files, under publication/, when asked for: made before the
        package's transaction, through the same identifier check and the nurse's decisions."""
        if not choices.publication:
            return {}
        if self._publication is None:
            raise ValidationError({"publication": "The published pledge cannot be added here."})
        made = self._publication.files(
            cycle_id,
            fictional=self._fictional,
            choices=PrintChoices(frozenset(choices.remove), choices.remove_all),
        )
        return {f"{PUBLICATION_FOLDER}/{name}": data for name, data in made.items()}


def _publication_note(published: dict[str, bytes]) -> str:
    if not published:
        return ""
    return (
        "\n\nThe published pledge is included in publication/: the booklet (PDF and web page), "
        "its goals and standards (pledge.json) and the team's consent to publish, through the "
        "same identifier check as every table.\n"
    )


def _check_k(k: int | None) -> None:
    if k is not None and k < MIN_K:
        raise ValidationError(
            {
                "k": f"The smallest group must be at least {MIN_K} forms: a group of one is a "
                "single patient. The charity's data policy sets the least allowed."
            }
        )


def _quasi(gathered: Gathered) -> dict[str, str]:
    """The questions that could help identify someone: code → question text."""
    texts = {q.code: q.text for q in gathered.questionnaire.questions()}
    return {q.code: texts.get(q.code, q.code) for q in gathered.quasi}


def _anonymise(gathered: Gathered, k: int) -> Suppression:
    """Generalise first, suppress last, on the responses table as it will be written."""
    table = gathered.tables["responses"]
    header = table.header()
    columns = [(q.code, header.index(q.code)) for q in gathered.quasi if q.code in header]
    rows = [{"response_id": row[0], **{code: row[i] for code, i in columns}} for row in table.rows]
    suppression = generalise_then_suppress(rows, gathered.quasi, k)
    for row, values in zip(table.rows, rows, strict=True):
        for code, i in columns:
            row[i] = values[code]
    return suppression


def _shuffle(tables: dict[str, Table]) -> None:
    """Per-person tables in the order of their random ids: nothing of serial or typing order."""
    for name in PER_PERSON:
        if name in tables:
            tables[name].rows.sort()


def _put_comments(gathered: Gathered, chosen: set[tuple[str, str]]) -> int:
    """Reviewed written answers go into the rows as written, for the gate to check; every
    other one stays "withheld"."""
    rows = {row["response_id"]: row for row in gathered.answers}
    sent = 0
    for comment in gathered.comments:
        if (comment.response_id, comment.question_code) in chosen:
            rows[comment.response_id][comment.question_code] = comment.text
            sent += 1
    return sent


def _fill_responses(gathered: Gathered) -> None:
    table: Table = gathered.tables["responses"]
    header, blank = table.header(), dict.fromkeys(table.header(), "")
    pick = itemgetter(*header)  # the responses table has always several columns
    table.rows = [list(pick({**blank, **row})) for row in gathered.answers]


def _counts(gathered: Gathered) -> tuple[tuple[str, str, int], ...]:
    forms = len(gathered.answers)
    return tuple(
        (name, t.title, forms if name == "responses" else len(t.rows))
        for name, t in gathered.tables.items()
    )


def _readme(gathered: Gathered, about: dict[str, object], k: int, sent: int) -> str:
    tables = "\n".join(f"- {t.path}: {t.title}" for t in gathered.tables.values())
    comments = (
        f"Written answers: {sent} reviewed by the nurse; everything the identifier check found "
        "in them, and in every other word of the package, was removed (shown as [removed]) or "
        "checked by the nurse. The rest are marked withheld."
        if sent
        else "Written answers are not included (marked withheld)."
    )
    if gathered.never_sent:
        comments += (
            " Written questions asking who the patient is are never sent: "
            + ", ".join(gathered.never_sent)
            + "."
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
        comments=comments
        + f"\nThe charity's data policy version {about['data_policy_version']} applies.",
    )
