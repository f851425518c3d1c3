"""Pledge cycles: a year or so of collecting views, agreeing goals and publishing the pledge."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import NotFound, ValidationError
from pledge_desktop.domain.setup import (
    CycleStatus,
    PledgeCycle,
    PledgeType,
    label_matches,
    validate_cycle,
)
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    delete_if_free,
    get_or_add,
    get_or_explain,
    to_record,
)

CYCLES = "cycles"


def check_label_free(session: Session, cycle: PledgeCycle) -> None:
    clash = session.scalars(
        select(m.PledgeCycle.id).where(
            m.PledgeCycle.label == cycle.label,
            m.PledgeCycle.pledge_type == cycle.pledge_type.value,
            m.PledgeCycle.id != (cycle.id or -1),
        )
    ).first()
    if clash is not None:
        raise ValidationError(
            {
                "label": f"There is already a {cycle.pledge_type.short.lower()} pledge called "
                f'"{cycle.label}". Please pick another label.'
            }
        )


def check_sign_off(session: Session, cycle: PledgeCycle) -> None:
    """A pledge is published only once someone has signed it off."""
    if cycle.status is not CycleStatus.PUBLISHED or cycle.id is None:
        if cycle.status is CycleStatus.PUBLISHED:
            raise ValidationError(
                {"status": "Save the cycle first, then record its sign-off before publishing."}
            )
        return
    signed = session.scalars(select(m.SignOff.id).where(m.SignOff.cycle_id == cycle.id)).first()
    if signed is None:
        raise ValidationError(
            {
                "status": "A pledge is published only once it is signed off. Record who signed "
                "it off first (Sign off… on this screen)."
            }
        )


class CyclesService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def cycles(self) -> list[PledgeCycle]:
        """Newest first: the order a nurse looks for them in."""
        cycle = m.PledgeCycle.__table__  # the table itself: no ORM set-up at start-up
        with self._db.reading() as session:
            rows = session.execute(
                select(cycle).order_by(cycle.c.start_date.desc(), cycle.c.id.desc())
            )
            return [to_record(PledgeCycle, row) for row in rows]

    def find(self, label: str | None) -> PledgeCycle:
        """The cycle with this label, or the most recent one when no label is given."""
        cycles = self.cycles()
        if not cycles:
            raise NotFound("There are no pledge cycles yet. Set one up in the app first.")
        cycles = sorted(  # the newest first; in the same year, the primary pledge first
            cycles, key=lambda c: (c.start_date, c.pledge_type == PledgeType.PRIMARY), reverse=True
        )
        if label is None:
            return cycles[0]
        found = [c for c in cycles if label_matches(c, label)]
        if found:
            return found[0]
        known = ", ".join(_known_name(c, cycles) for c in cycles)
        raise NotFound(f'There is no cycle called "{label}". The cycles are: {known}.')

    def save_cycle(self, cycle: PledgeCycle, copy_team_from: int | None = None) -> PledgeCycle:
        """Add or change a cycle. A new cycle can take the team and representatives of another,
        in the same transaction, so a second year starts where the first left off."""
        tidy = validate_cycle(cycle)
        with self._db.transaction() as session:
            check_label_free(session, tidy)
            check_sign_off(session, tidy)
            row = get_or_add(session, m.PledgeCycle, tidy.id, "pledge cycle")
            apply_record(row, tidy)
            if tidy.id is None:
                row.questionnaire_id = default_questionnaire(
                    session, copy_team_from, tidy.pledge_type
                )
            session.flush()
            if copy_team_from is not None and tidy.id is None:
                _copy_people(session, copy_team_from, row.id)
            saved = to_record(PledgeCycle, row)
        self._changes.announce(CYCLES)
        if copy_team_from is not None:
            self._changes.announce("team")
            self._changes.announce("representatives")
        return saved

    def delete_cycle(self, cycle_id: int) -> None:
        with self._db.transaction() as session:
            delete_if_free(session, m.PledgeCycle, cycle_id, "pledge cycle")
        self._changes.announce(CYCLES)


DEFAULT_QUESTIONNAIRE = "Primary breast cancer patient survey"
SECONDARY_QUESTIONNAIRE = "Secondary breast cancer patient survey"


def default_questionnaire(
    session: Session,
    follow_cycle: int | None = None,
    pledge_type: PledgeType = PledgeType.PRIMARY,
) -> int | None:
    """A new cycle asks what the cycle it follows asked (when it is the same kind of pledge),
    else our questionnaire for its kind of pledge."""
    if follow_cycle is not None:
        earlier = session.get(m.PledgeCycle, follow_cycle)
        if (
            earlier is not None
            and earlier.questionnaire_id is not None
            and earlier.pledge_type == pledge_type.value
        ):
            return earlier.questionnaire_id
    name = SECONDARY_QUESTIONNAIRE if pledge_type is PledgeType.SECONDARY else DEFAULT_QUESTIONNAIRE
    return session.scalars(
        select(m.Questionnaire.id)
        .where(m.Questionnaire.name == name)
        .order_by(m.Questionnaire.version.desc())
    ).first()


def _known_name(cycle: PledgeCycle, cycles: list[PledgeCycle]) -> str:
    """A cycle's label, with its pledge type where another cycle shares the label."""
    shared = sum(c.label == cycle.label for c in cycles) > 1
    return f'"{cycle.label} {cycle.pledge_type.value}"' if shared else f'"{cycle.label}"'


def _copy_people(session: Session, source_id: int, target_id: int) -> None:
    get_or_explain(session, m.PledgeCycle, source_id, "pledge cycle")
    for member in session.scalars(select(m.TeamMember).where(m.TeamMember.cycle_id == source_id)):
        session.add(
            m.TeamMember(
                cycle_id=target_id,
                name=member.name,
                role=member.role,
                phone=member.phone,
                email=member.email,
                is_pledge_lead=member.is_pledge_lead,
            )
        )
    reps = session.scalars(
        select(m.PatientRepresentative).where(m.PatientRepresentative.cycle_id == source_id)
    )
    for rep in reps:
        session.add(
            m.PatientRepresentative(
                cycle_id=target_id,
                name=rep.name,
                contact=rep.contact,
                consent_to_be_named=rep.consent_to_be_named,
            )
        )
