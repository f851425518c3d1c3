"""Publishing a signed-off pledge: the booklet (PDF and web edition), its goals and standards
as a small JSON file for the charity's website, and the team's consent to publish."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import insert, select

from pledge_desktop import __version__
from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import GoalStatus, Term
from pledge_desktop.domain.print_gate import (
    PrintChoices,
    cleaned,
    printed_words,
)
from pledge_desktop.domain.privacy import GateFinding, OutgoingText
from pledge_desktop.domain.setup import CycleStatus, PledgeType
from pledge_desktop.services.privacy_decisions import review_in_print
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole

PUBLISHED = "published"
BOOKLET_PDF, BOOKLET_HTML, PLEDGE_JSON, CONSENT_TXT = (
    "booklet.pdf",
    "booklet.html",
    "pledge.json",
    "consent-to-publish.txt",
)
NOTHING_REMOVED = PrintChoices()
NOT_SIGNED = (
    "This pledge has not been signed off yet, so it cannot be published. Record who signed it "
    "off first (Pledge cycles, Sign off…)."
)
NO_CONSENT = (
    "The team has not agreed to publish this pledge on the charity's website. Tick “The team "
    "agrees to publish” in Sign off… first."
)


class BookletWriter(Protocol):
    def write(
        self, cycle_id: int, out: Path, *, fictional: bool = False, choices: PrintChoices = ...
    ) -> Any: ...

    def contents(self, cycle_id: int, fictional: bool = False) -> Any: ...

    def printed(
        self, cycle_id: int, fictional: bool = False, choices: PrintChoices = ...
    ) -> Any: ...


@dataclass(frozen=True)
class Published:
    folder: Path
    files: tuple[Path, ...]
    goals: int
    standards: int


class PublishService:
    def __init__(self, db: Database, changes: ChangeFeed, booklet: BookletWriter) -> None:
        self._db = db
        self._changes = changes
        self._booklet = booklet

    def review(self, cycle_id: int) -> list[GateFinding]:
        """What the identifier check finds in everything published (the booklet's words, the
        goals and standards of pledge.json) that the nurse has not decided."""
        with self._db.reading() as session:
            facts = _facts(session, cycle_id, False)
        return self._findings(cycle_id, facts)

    def files(
        self, cycle_id: int, *, fictional: bool = False, choices: PrintChoices = NOTHING_REMOVED
    ) -> dict[str, bytes]:
        """The published files by name, made in memory, through the identifier check. Refused
        without a sign-off or the team's consent, and while a finding is undecided."""
        with self._db.reading() as session:
            facts = _facts(session, cycle_id, fictional)
            signed = session.scalars(select(m.SignOff).where(m.SignOff.cycle_id == cycle_id)).one()
            signatory = (signed.signed_by, signed.role)
        findings = choices.decided(self._findings(cycle_id, facts), "the published pledge")
        texts = cleaned(_published_words(facts), findings)
        for number, goal in enumerate(facts["goals"], 1):
            for name in GOAL_WORDS:
                goal[name] = texts.get(("published goal", str(number), name), goal[name])
        facts["standards"] = [
            texts.get(("published standard", str(number), "text"), text)
            for number, text in enumerate(facts["standards"], 1)
        ]
        from pledge_desktop.reports.booklet_html import write_booklet_html

        booklet_only = PrintChoices(choices.remove | {f.key for f in findings}, choices.remove_all)
        with tempfile.TemporaryDirectory(prefix="pledge-publish-") as folder:
            pdf = Path(folder) / BOOKLET_PDF
            self._booklet.write(cycle_id, pdf, fictional=fictional, choices=booklet_only)
            contents = self._booklet.printed(cycle_id, fictional, booklet_only)
            html = Path(folder) / BOOKLET_HTML
            write_booklet_html(contents, html)
            return {
                BOOKLET_PDF: pdf.read_bytes(),
                BOOKLET_HTML: html.read_bytes(),
                PLEDGE_JSON: json.dumps(facts, ensure_ascii=False, indent=1).encode("utf-8"),
                CONSENT_TXT: _consent_text(facts, *signatory).encode("utf-8"),
            }

    def publish(
        self,
        cycle_id: int,
        folder: Path,
        *,
        fictional: bool = False,
        choices: PrintChoices = NOTHING_REMOVED,
    ) -> Published:
        """Write the pledge's published files into `folder` and mark the cycle published.
        Refused without a sign-off, or without the team's consent to publish, or while the
        identifier check has undecided findings."""
        made = self.files(cycle_id, fictional=fictional, choices=choices)
        folder.mkdir(parents=True, exist_ok=True)
        files = [folder / name for name in made]
        for path in files:
            write_whole(path, partial(Path.write_bytes, data=made[path.name]))
        facts = json.loads(made[PLEDGE_JSON])
        now = datetime.now(UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            order = list(CycleStatus)
            if order.index(CycleStatus(cycle.status)) < order.index(CycleStatus.PUBLISHED):
                cycle.status = CycleStatus.PUBLISHED.value
            booklet = session.scalars(
                select(m.Booklet).where(m.Booklet.cycle_id == cycle_id)
            ).first()
            if booklet is None:
                booklet = m.Booklet(cycle_id=cycle_id)
                session.add(booklet)
            booklet.written_at = now
            session.execute(
                insert(m.AuditEntry).values(
                    at_utc=now,
                    os_user=self._db.os_user,
                    action="insert",
                    entity="publish",
                    entity_id=str(cycle_id),
                    field="published files",
                    old_value=None,
                    new_value=f"{folder}; " + ", ".join(f.name for f in files),
                )
            )
        for topic in (PUBLISHED, "cycles", "booklet"):
            self._changes.announce(topic)
        return Published(folder, tuple(files), len(facts["goals"]), len(facts["standards"]))

    def _findings(self, cycle_id: int, facts: dict[str, Any]) -> list[GateFinding]:
        contents = self._booklet.contents(cycle_id)
        with self._db.reading() as session:
            words = [*printed_words(contents), *_published_words(facts)]
            return review_in_print(session, cycle_id, contents, words)


GOAL_WORDS = ("title", "why")


def _published_words(facts: dict[str, Any]) -> list[OutgoingText]:
    values = [
        OutgoingText("published goal", str(number), name, goal[name] or "")
        for number, goal in enumerate(facts["goals"], 1)
        for name in GOAL_WORDS
    ]
    values += [
        OutgoingText("published standard", str(number), "text", text)
        for number, text in enumerate(facts["standards"], 1)
    ]
    return [value for value in values if value.text.strip()]


def _facts(session: Any, cycle_id: int, fictional: bool) -> dict[str, Any]:
    cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
    signed = session.scalars(select(m.SignOff).where(m.SignOff.cycle_id == cycle_id)).first()
    if signed is None:
        raise ValidationError({"sign_off": NOT_SIGNED})
    if not signed.publish_consent:
        raise ValidationError({"sign_off": NO_CONSENT})
    hospital = session.scalars(select(m.Hospital)).first()
    goals = session.scalars(
        select(m.Goal)
        .where(m.Goal.cycle_id == cycle_id, m.Goal.status != GoalStatus.DROPPED.value)
        .order_by(m.Goal.priority)
    ).all()
    order = list(Term)
    goals = sorted(goals, key=lambda g: (order.index(Term(g.term)), g.priority))
    standards = session.scalars(
        select(m.CareStandard.text)
        .where(m.CareStandard.cycle_id == cycle_id)
        .order_by(m.CareStandard.position, m.CareStandard.id)
    ).all()
    return {
        "format": "service-pledge-published",
        "version": 1,
        "fictional": fictional,
        "made_by": f"Pledge Desktop {__version__}",
        "hospital": hospital.name if hospital else "",
        "trust": hospital.trust_name if hospital else "",
        "site_code": hospital.site_code if hospital else "",
        "cycle": cycle.label,
        "pledge_type": PledgeType(cycle.pledge_type).value,
        "signed_off": {
            "on": signed.signed_on.isoformat(),
            "leaflet_reference": signed.leaflet_reference,
            "review_date": signed.review_date.isoformat() if signed.review_date else None,
        },
        "consent_to_publish": True,
        "goals": [
            {
                "term": g.term,
                "title": g.title,
                "why": g.why,
                "status": g.status,
                "target_date": g.target_date.isoformat() if g.target_date else None,
                "next_review": g.next_review.isoformat() if g.next_review else None,
                "national_category": g.national_category or None,
            }
            for g in goals
        ],
        "standards": list(standards),
    }


def _consent_text(facts: dict[str, Any], signed_by: str, role: str) -> str:
    """The team's consent, with who gave it: sent to the charity, not printed on its website
    (pledge.json does not name them)."""
    signed = facts["signed_off"]
    return (
        f"Consent to publish\n\n"
        f"The breast care team of {facts['hospital']} agrees that its Service Pledge "
        f"({facts['cycle']}, {facts['pledge_type']} breast cancer) may be published on the "
        f"charity's website.\n\n"
        f"Signed off by {signed_by}, {role}, on {signed['on']}.\n"
        + (
            f"Leaflet reference: {signed['leaflet_reference']}.\n"
            if signed["leaflet_reference"]
            else ""
        )
        + (f"Review date: {signed['review_date']}.\n" if signed["review_date"] else "")
    )
