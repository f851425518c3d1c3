"""What the nurse decided about the identifier check's findings, shared by everything that
sends words out of the app (the charity package, the booklet, the poster, the published pledge):
the findings recorded as "not an identifier", kept in the app's settings with who and when and
a line in the audit trail (the identifier masked, never in full), and the name lists the check
reads."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.booklet import BookletContents
from pledge_desktop.domain.identifiers import NameLists, load_name_lists
from pledge_desktop.domain.print_gate import printed_words, public_facts, review_print
from pledge_desktop.domain.privacy import GateFinding, OutgoingText
from pledge_desktop.paths import resource

NOT_IDENTIFIERS = "privacy_not_identifiers"


@cache
def name_lists() -> NameLists:
    """The common first names and surnames shipped in resources/names, read once."""
    return load_name_lists(resource("names"))


def named_people(session: Session, cycle_id: int) -> tuple[list[str], list[str]]:
    """Patient representatives who agreed to be named (in any of the team's pledges), and this
    pledge's representatives who did not: the identifier check on print finds the latter in any
    case and lets the former through."""
    representatives = session.execute(
        select(
            m.PatientRepresentative.name,
            m.PatientRepresentative.consent_to_be_named,
            m.PatientRepresentative.cycle_id,
        )
    ).all()
    agreed = [name for name, consent, _cycle in representatives if consent and name]
    refused = [
        name
        for name, consent, cycle in representatives
        if not consent and cycle == cycle_id and name and name not in agreed
    ]
    return agreed, refused


def audit_line(
    session: Session, os_user: str, entity: str, entity_id: str, field: str, new_value: str
) -> None:
    """One line of the audit trail written by a service (for settings the hook does not see)."""
    session.execute(
        insert(m.AuditEntry).values(
            at_utc=datetime.now(UTC).replace(tzinfo=None),
            os_user=os_user,
            action="insert",
            entity=entity,
            entity_id=entity_id,
            field=field,
            old_value=None,
            new_value=new_value,
        )
    )


def not_identifier_keys(session: Session) -> dict[str, Any]:
    row = session.get(m.AppSetting, NOT_IDENTIFIERS)
    if row is None or not row.value:
        return {}
    try:
        kept = json.loads(row.value)
    except json.JSONDecodeError:
        return {}
    return kept if isinstance(kept, dict) else {}


def record_not_identifiers(session: Session, os_user: str, findings: Iterable[GateFinding]) -> int:
    """Record each finding as "not an identifier": who and when, and a line of the audit
    trail. Returns how many were new."""
    kept = not_identifier_keys(session)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    new = 0
    for finding in findings:
        if finding.key in kept:
            continue
        kept[finding.key] = {
            "by": os_user,
            "at": now,
            "where": finding.where,
            "kind": finding.kind,
            "masked": finding.masked,
        }
        audit_line(
            session,
            os_user,
            "privacy decision",
            finding.where,
            "not an identifier",
            f"{finding.kind}: {finding.masked}",
        )
        new += 1
    row = session.get(m.AppSetting, NOT_IDENTIFIERS)
    value = json.dumps(kept, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(m.AppSetting(key=NOT_IDENTIFIERS, value=value))
    else:
        row.value = value
    return new


def review_in_print(
    session: Session,
    cycle_id: int,
    contents: BookletContents,
    values: Collection[OutgoingText] | None = None,
) -> list[GateFinding]:
    """The undecided findings in the booklet's words (or in `values`, e.g. the poster's
    lines, the published pledge's goals); what the booklet prints by design (the team, the
    unit's details) is let through."""
    agreed, refused = named_people(session, cycle_id)
    return review_print(
        printed_words(contents) if values is None else values,
        public_facts(contents, agreed),
        not_to_be_named=refused,
        lists=name_lists(),
        not_identifiers=not_identifier_keys(session),
    )
