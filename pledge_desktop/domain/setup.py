"""The hospital, its breast care team, patient representatives and pledge cycles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pledge_desktop.domain.errors import ValidationError


class CycleStatus(StrEnum):
    """Where a pledge cycle stands, in the order a year of pledge work goes."""

    PLANNING = "planning"
    COLLECTING_VIEWS = "collecting_views"
    AGREEING_GOALS = "agreeing_goals"
    PUBLISHED = "published"
    REVIEWING = "reviewing"

    @property
    def label(self) -> str:
        return CYCLE_STATUS_LABELS[self]


class PledgeType(StrEnum):
    """A hospital can run a primary and a secondary breast cancer pledge in the same year."""

    PRIMARY = "primary"
    SECONDARY = "secondary"

    @property
    def short(self) -> str:
        return "Primary" if self is PledgeType.PRIMARY else "Secondary"

    @property
    def label(self) -> str:
        return (
            "Primary breast cancer"
            if self is PledgeType.PRIMARY
            else "Secondary (metastatic) breast cancer"
        )


HAND_OUT_METHODS = {"clinic": "In clinic", "post": "By post", "both": "In clinic and by post"}


CYCLE_STATUS_LABELS = {
    CycleStatus.PLANNING: "Planning",
    CycleStatus.COLLECTING_VIEWS: "Collecting views",
    CycleStatus.AGREEING_GOALS: "Agreeing goals",
    CycleStatus.PUBLISHED: "Published",
    CycleStatus.REVIEWING: "Reviewing",
}

TEAM_ROLES = (
    "Breast Care Nurse",
    "Breast Care Nurse Specialist",
    "Consultant Breast Surgeon",
    "Consultant Oncologist",
    "Consultant Radiologist",
    "Radiographer",
    "Clinical Nurse Specialist (secondary breast cancer)",
    "Multidisciplinary Team Co-ordinator",
    "Patient Experience Lead",
    "Psychologist",
)


@dataclass(frozen=True)
class Hospital:
    name: str
    trust_name: str = ""
    trust_code: str = ""
    site_code: str = ""
    unit_phone: str = ""
    out_of_hours_phone: str = ""
    address: str = ""
    id: int | None = None


@dataclass(frozen=True)
class TeamMember:
    cycle_id: int
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""
    is_pledge_lead: bool = False
    id: int | None = None


@dataclass(frozen=True)
class PatientRepresentative:
    cycle_id: int
    name: str
    contact: str = ""
    consent_to_be_named: bool = False
    id: int | None = None


@dataclass(frozen=True)
class PledgeCycle:
    label: str
    start_date: date
    end_date: date
    status: CycleStatus = CycleStatus.PLANNING
    notes: str = ""
    id: int | None = None
    pledge_type: PledgeType = PledgeType.PRIMARY
    # response rates: when forms were given out, how, and how many (forms printed and
    # returned are known from the serials and the typed-in forms)
    fieldwork_start: date | None = None
    fieldwork_end: date | None = None
    forms_handed_out: int | None = None
    eligible_patients: int | None = None
    hand_out_method: str = ""  # clinic, post, both

    def __post_init__(self) -> None:
        # rows read back from the database carry plain strings
        object.__setattr__(self, "pledge_type", PledgeType(self.pledge_type))

    @property
    def name(self) -> str:
        """How the cycle bar and lists name it: "2026 · Primary"."""
        return f"{self.label} · {self.pledge_type.short}"


@dataclass(frozen=True)
class FirstSetup:
    """What the welcome screen gathers: enough to start work on the first cycle."""

    hospital: Hospital
    lead: TeamMember
    cycle: PledgeCycle


# ODS codes: NHS trusts have three characters (e.g. "RXX", Welsh boards "7A1"); a hospital site
# is the trust's code plus two more (e.g. "RXX01"). We check the shape, not the register.
_TRUST_CODE = re.compile(r"^[A-Z0-9]{3}$")
_SITE_CODE = re.compile(r"^[A-Z0-9]{3}([A-Z0-9]{2})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[0-9 ()+\-]*(ext\.? ?[0-9]+)?$", re.IGNORECASE)


def normalise_code(code: str) -> str:
    return re.sub(r"\s+", "", code).upper()


def check_phone(value: str) -> str | None:
    digits = re.sub(r"\D", "", value.split("ext")[0])
    if not value.strip():
        return None
    if not _PHONE_CHARS.match(value.strip()) or not 10 <= len(digits) <= 13:
        return "A phone number has 10 or 11 digits, like 01234 567890."
    return None


def check_email(value: str) -> str | None:
    if value.strip() and not _EMAIL.match(value.strip()):
        return "That email address does not look complete (it needs an @ and a domain)."
    return None


def validate_hospital(hospital: Hospital) -> Hospital:
    """Return the hospital tidied up (codes upper-case), or raise ValidationError."""
    tidy = Hospital(
        id=hospital.id,
        name=hospital.name.strip(),
        trust_name=hospital.trust_name.strip(),
        trust_code=normalise_code(hospital.trust_code),
        site_code=normalise_code(hospital.site_code),
        unit_phone=hospital.unit_phone.strip(),
        out_of_hours_phone=hospital.out_of_hours_phone.strip(),
        address=hospital.address.strip(),
    )
    problems: dict[str, str] = {}
    if not tidy.name:
        problems["name"] = "Please give the hospital's name."
    if tidy.trust_code and not _TRUST_CODE.match(tidy.trust_code):
        problems["trust_code"] = "A trust code has three letters or digits, like RXX."
    if tidy.site_code and not _SITE_CODE.match(tidy.site_code):
        problems["site_code"] = "A site code has five letters or digits, like RXX01."
    for name in ("unit_phone", "out_of_hours_phone"):
        message = check_phone(getattr(tidy, name))
        if message:
            problems[name] = message
    if problems:
        raise ValidationError(problems)
    return tidy


def validate_team_member(member: TeamMember) -> TeamMember:
    tidy = TeamMember(
        id=member.id,
        cycle_id=member.cycle_id,
        name=member.name.strip(),
        role=member.role.strip(),
        phone=member.phone.strip(),
        email=member.email.strip(),
        is_pledge_lead=member.is_pledge_lead,
    )
    problems: dict[str, str] = {}
    if not tidy.name:
        problems["name"] = "Please give the team member's name."
    message = check_phone(tidy.phone)
    if message:
        problems["phone"] = message
    message = check_email(tidy.email)
    if message:
        problems["email"] = message
    if problems:
        raise ValidationError(problems)
    return tidy


def validate_representative(rep: PatientRepresentative) -> PatientRepresentative:
    tidy = PatientRepresentative(
        id=rep.id,
        cycle_id=rep.cycle_id,
        name=rep.name.strip(),
        contact=rep.contact.strip(),
        consent_to_be_named=rep.consent_to_be_named,
    )
    if not tidy.name:
        raise ValidationError(
            {"name": "Please give the representative's name (or initials, if they prefer)."}
        )
    return tidy


def validate_cycle(cycle: PledgeCycle) -> PledgeCycle:
    tidy = PledgeCycle(
        id=cycle.id,
        label=cycle.label.strip(),
        start_date=cycle.start_date,
        end_date=cycle.end_date,
        status=CycleStatus(cycle.status),
        notes=cycle.notes.strip(),
        pledge_type=PledgeType(cycle.pledge_type),
        fieldwork_start=cycle.fieldwork_start,
        fieldwork_end=cycle.fieldwork_end,
        forms_handed_out=cycle.forms_handed_out,
        eligible_patients=cycle.eligible_patients,
        hand_out_method=cycle.hand_out_method.strip(),
    )
    problems: dict[str, str] = {}
    if tidy.fieldwork_start and tidy.fieldwork_end and tidy.fieldwork_end < tidy.fieldwork_start:
        problems["fieldwork_end"] = "Giving out forms cannot end before it starts."
    for name in ("forms_handed_out", "eligible_patients"):
        value = getattr(tidy, name)
        if value is not None and not 0 <= value <= 100_000:
            problems[name] = "Please give a number of forms between 0 and 100,000."
    if tidy.hand_out_method and tidy.hand_out_method not in HAND_OUT_METHODS:
        problems["hand_out_method"] = "Choose in clinic, by post, or both."
    if not tidy.label:
        problems["label"] = 'Please give the cycle a short label, such as "2026".'
    elif len(tidy.label) > 40:
        problems["label"] = "Please keep the label to 40 characters or fewer."
    if tidy.end_date < tidy.start_date:
        problems["end_date"] = "The cycle cannot end before it starts."
    if problems:
        raise ValidationError(problems)
    return tidy


def label_matches(cycle: Any, wanted: str) -> bool:
    """ "2026" is the primary pledge of 2026 when there are two; "2026 secondary",
    "2026 · Secondary" or "2026-secondary" name either one."""
    text = wanted.strip().lower().replace("·", " ").replace("-", " ")
    words = text.split()
    kind = PledgeType(cycle.pledge_type)
    if words and words[-1] in ("primary", "secondary"):
        return " ".join(words[:-1]) == cycle.label.lower() and words[-1] == kind.value
    return " ".join(words) == cycle.label.lower()
