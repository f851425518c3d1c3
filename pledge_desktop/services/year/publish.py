"""Publishing a signed-off pledge: the booklet (PDF and web edition), its goals and standards
as a small JSON file for the charity's website, and the team's consent to publish."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import insert, select

from pledge_desktop import __version__
from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import GoalStatus, Term
from pledge_desktop.domain.setup import CycleStatus, PledgeType
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole

PUBLISHED = "published"
BOOKLET_PDF, BOOKLET_HTML, PLEDGE_JSON, CONSENT_TXT = (
    "booklet.pdf",
    "booklet.html",
    "pledge.json",
    "consent-to-publish.txt",
)
NOT_SIGNED = (
    "This pledge has not been signed off yet, so it cannot be published. Record who signed it "
    "off first (Pledge cycles, Sign off…)."
)
NO_CONSENT = (
    "The team has not agreed to publish this pledge on the charity's website. Tick “The team "
    "agrees to publish” in Sign off… first."
)


class BookletWriter(Protocol):
    def write(self, cycle_id: int, out: Path, *, fictional: bool = False) -> Any: ...

    def contents(self, cycle_id: int, fictional: bool = False) -> Any: ...


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

    def publish(self, cycle_id: int, folder: Path, *, fictional: bool = False) -> Published:
        """Write the pledge's published files into `folder` and mark the cycle published.
        Refused without a sign-off, or without the team's consent to publish."""
        with self._db.reading() as session:
            facts = _facts(session, cycle_id, fictional)
        folder.mkdir(parents=True, exist_ok=True)
        files = [folder / BOOKLET_PDF]
        self._booklet.write(cycle_id, files[0], fictional=fictional)
        from pledge_desktop.reports.booklet_html import write_booklet_html

        contents = self._booklet.contents(cycle_id, fictional)
        files.append(folder / BOOKLET_HTML)
        write_whole(files[-1], lambda part: write_booklet_html(contents, part))
        text = json.dumps(facts, ensure_ascii=False, indent=1)
        files.append(folder / PLEDGE_JSON)
        write_whole(files[-1], lambda part: part.write_text(text, encoding="utf-8"))
        files.append(folder / CONSENT_TXT)
        consent = _consent_text(facts)
        write_whole(files[-1], lambda part: part.write_text(consent, encoding="utf-8"))
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
            "by": signed.signed_by,
            "role": signed.role,
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


def _consent_text(facts: dict[str, Any]) -> str:
    signed = facts["signed_off"]
    return (
        f"Consent to publish\n\n"
        f"The breast care team of {facts['hospital']} agrees that its Service Pledge "
        f"({facts['cycle']}, {facts['pledge_type']} breast cancer) may be published on the "
        f"charity's website.\n\n"
        f"Signed off by {signed['by']}, {signed['role']}, on {signed['on']}.\n"
        + (
            f"Leaflet reference: {signed['leaflet_reference']}.\n"
            if signed["leaflet_reference"]
            else ""
        )
        + (f"Review date: {signed['review_date']}.\n" if signed["review_date"] else "")
    )
