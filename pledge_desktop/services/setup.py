"""Setting up: the hospital, its breast care team and patient representatives."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.setup import (
    FirstSetup,
    Hospital,
    PatientRepresentative,
    PledgeCycle,
    TeamMember,
    validate_cycle,
    validate_hospital,
    validate_representative,
    validate_team_member,
)
from pledge_desktop.paths import resource
from pledge_desktop.services.cycles import check_label_free, default_questionnaire
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    delete_if_free,
    get_or_add,
    get_or_explain,
    to_record,
)

if TYPE_CHECKING:
    from pledge_desktop.domain.identifiers import Finding, NameLists

HOSPITAL, TEAM, REPRESENTATIVES, CYCLES = "hospital", "team", "representatives", "cycles"


class SetupService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # --- hospital -------------------------------------------------------------------------
    def hospital(self) -> Hospital | None:
        hospital = m.Hospital.__table__  # the table itself: no ORM set-up at start-up
        with self._db.reading() as session:
            row = session.execute(select(hospital).order_by(hospital.c.id)).first()
            return to_record(Hospital, row) if row else None

    def save_hospital(self, hospital: Hospital) -> Hospital:
        tidy = validate_hospital(hospital)
        with self._db.transaction() as session:
            row = session.scalars(select(m.Hospital).order_by(m.Hospital.id)).first()
            if row is None:
                row = m.Hospital()
                session.add(row)
            apply_record(row, tidy)
            session.flush()
            saved = to_record(Hospital, row)
        self._changes.announce(HOSPITAL)
        return saved

    def complete_first_setup(self, setup: FirstSetup) -> PledgeCycle:
        """Hospital, first cycle and its Pledge Lead, saved together or not at all."""
        hospital = validate_hospital(setup.hospital)
        cycle = validate_cycle(setup.cycle)
        lead = validate_team_member(setup.lead)
        with self._db.transaction() as session:
            check_label_free(session, cycle)
            hospital_row = m.Hospital()
            apply_record(hospital_row, hospital)
            cycle_row = m.PledgeCycle()
            apply_record(cycle_row, cycle)
            cycle_row.questionnaire_id = default_questionnaire(session)
            session.add_all([hospital_row, cycle_row])
            session.flush()
            lead_row = m.TeamMember(cycle_id=cycle_row.id)
            apply_record(lead_row, lead, skip=("id", "cycle_id"))
            lead_row.is_pledge_lead = True
            session.add(lead_row)
            saved = to_record(PledgeCycle, cycle_row)
        for topic in (HOSPITAL, CYCLES, TEAM):
            self._changes.announce(topic)
        return saved

    # --- breast care team -----------------------------------------------------------------
    def team(self, cycle_id: int) -> list[TeamMember]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.TeamMember)
                .where(m.TeamMember.cycle_id == cycle_id)
                .order_by(m.TeamMember.is_pledge_lead.desc(), m.TeamMember.name)
            )
            return [to_record(TeamMember, row) for row in rows]

    def save_team_member(self, member: TeamMember) -> TeamMember:
        """Add or change a member; making one the Pledge Lead makes the others not."""
        tidy = validate_team_member(member)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            row = get_or_add(session, m.TeamMember, tidy.id, "team member")
            apply_record(row, tidy)
            session.flush()
            if tidy.is_pledge_lead:
                others = session.scalars(
                    select(m.TeamMember).where(
                        m.TeamMember.cycle_id == tidy.cycle_id,
                        m.TeamMember.id != row.id,
                        m.TeamMember.is_pledge_lead.is_(True),
                    )
                )
                for other in others:
                    other.is_pledge_lead = False
            saved = to_record(TeamMember, row)
        self._changes.announce(TEAM)
        return saved

    def delete_team_member(self, member_id: int) -> None:
        with self._db.transaction() as session:
            delete_if_free(session, m.TeamMember, member_id, "team member")
        self._changes.announce(TEAM)

    # --- patient representatives ----------------------------------------------------------
    def representatives(self, cycle_id: int) -> list[PatientRepresentative]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.PatientRepresentative)
                .where(m.PatientRepresentative.cycle_id == cycle_id)
                .order_by(m.PatientRepresentative.name)
            )
            return [to_record(PatientRepresentative, row) for row in rows]

    def save_representative(self, rep: PatientRepresentative) -> PatientRepresentative:
        tidy = validate_representative(rep)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            row = get_or_add(session, m.PatientRepresentative, tidy.id, "patient representative")
            apply_record(row, tidy)
            session.flush()
            saved = to_record(PatientRepresentative, row)
        self._changes.announce(REPRESENTATIVES)
        return saved

    def delete_representative(self, rep_id: int) -> None:
        with self._db.transaction() as session:
            delete_if_free(session, m.PatientRepresentative, rep_id, "patient representative")
        self._changes.announce(REPRESENTATIVES)

    # --- words that could identify someone ------------------------------------------------
    def known_names(self, cycle_id: int | None = None) -> list[str]:
        """The names of the team and the patient representatives (of one cycle, or of every
        cycle), looked for in any case wherever words are typed that may leave the app."""
        with self._db.reading() as session:
            return known_names(session, cycle_id)

    def identifiers_in(self, text: str, cycle_id: int | None = None) -> list[Finding]:
        """What in `text` could identify someone, as the privacy gate will see it when the
        words leave the app: every full date counts, and the team's and representatives'
        names are looked for (of `cycle_id`, or of every cycle)."""
        from pledge_desktop.domain.identifiers import find_identifiers  # (loaded when first used)

        if not text.strip():
            return []
        return find_identifiers(
            text, self.known_names(cycle_id), lists=common_names(), every_date=True
        )


@cache
def common_names() -> NameLists:
    """The common first names and surnames shipped in resources/names, read once."""
    from pledge_desktop.domain.identifiers import load_name_lists

    return load_name_lists(resource("names"))


def known_names(session: Session, cycle_id: int | None = None) -> list[str]:
    """The team's and patient representatives' names, of one cycle or of every cycle."""
    team = select(m.TeamMember.name)
    reps = select(m.PatientRepresentative.name)
    if cycle_id is not None:
        team = team.where(m.TeamMember.cycle_id == cycle_id)
        reps = reps.where(m.PatientRepresentative.cycle_id == cycle_id)
    names = [*session.scalars(team), *session.scalars(reps)]
    return sorted({name for name in names if name.strip()})
