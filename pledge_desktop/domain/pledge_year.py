"""The Pledge Lead's year beyond the surveys: sign-off, what patient representatives did,
meetings and their decisions, the time the pledge takes, and what needs doing next."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from pledge_desktop.domain.errors import ValidationError


# --- sign-off -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SignOff:
    """Who signed the pledge off for publishing, and the trust's leaflet details."""

    cycle_id: int
    signed_by: str
    role: str
    signed_on: date
    leaflet_reference: str = ""
    review_date: date | None = None
    publish_consent: bool = False  # the team agrees the pledge may appear on the charity's site
    id: int | None = None


def validate_sign_off(sign_off: SignOff) -> SignOff:
    tidy = replace(
        sign_off,
        signed_by=" ".join(sign_off.signed_by.split()),
        role=" ".join(sign_off.role.split()),
        leaflet_reference=sign_off.leaflet_reference.strip(),
    )
    problems: dict[str, str] = {}
    if not tidy.signed_by:
        problems["signed_by"] = "Who signed the pledge off? Give their name."
    if not tidy.role:
        problems["role"] = "Give their role, such as Lead Cancer Nurse or Clinical Director."
    if tidy.review_date is not None and tidy.review_date <= tidy.signed_on:
        problems["review_date"] = "The review date comes after the date it was signed off."
    if len(tidy.leaflet_reference) > 60:
        problems["leaflet_reference"] = "Keep the leaflet reference to 60 characters or fewer."
    if problems:
        raise ValidationError(problems)
    return tidy


def default_review_date(signed_on: date, years: int = 2) -> date:
    """Trusts commonly review patient leaflets every two to three years."""
    try:
        return signed_on.replace(year=signed_on.year + years)
    except ValueError:  # 29 February
        return signed_on.replace(year=signed_on.year + years, day=28)


# --- patient representatives' involvement ---------------------------------------------------
class Activity(StrEnum):
    """What a patient representative did for the pledge."""

    SURVEY_DESIGN = "survey_design"
    HANDING_OUT = "handing_out"
    INTERVIEWING = "interviewing"
    GOAL_MEETING = "goal_meeting"
    REVIEW_MEETING = "review_meeting"
    BOOKLET_REVIEW = "booklet_review"
    OTHER = "other"

    @property
    def label(self) -> str:
        return ACTIVITY_LABELS[self]


ACTIVITY_LABELS = {
    Activity.SURVEY_DESIGN: "Helped design the survey",
    Activity.HANDING_OUT: "Handed out surveys",
    Activity.INTERVIEWING: "Interviewed patients",
    Activity.GOAL_MEETING: "Sat on the goal-setting meeting",
    Activity.REVIEW_MEETING: "Sat on a review meeting",
    Activity.BOOKLET_REVIEW: "Reviewed the booklet",
    Activity.OTHER: "Something else",
}


@dataclass(frozen=True)
class Involvement:
    cycle_id: int
    representative_id: int
    on_date: date
    activity: Activity
    description: str = ""
    minutes: int = 0  # time given
    expenses_pence: int = 0  # expenses paid, in pence
    id: int | None = None


def validate_involvement(item: Involvement) -> Involvement:
    tidy = replace(item, activity=Activity(item.activity), description=item.description.strip())
    problems: dict[str, str] = {}
    if not 0 <= tidy.minutes <= 24 * 60:
        problems["minutes"] = "Give the time as minutes in one day: 0 to 1,440."
    if not 0 <= tidy.expenses_pence <= 100_000_00:
        problems["expenses_pence"] = "Expenses are a sum of money from £0 upwards."
    if tidy.activity is Activity.OTHER and not tidy.description:
        problems["description"] = "Say in a few words what they did."
    if problems:
        raise ValidationError(problems)
    return tidy


# --- meetings -------------------------------------------------------------------------------
class MeetingKind(StrEnum):
    GOAL_SETTING = "goal_setting"
    REVIEW = "review"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            MeetingKind.GOAL_SETTING: "Goal-setting meeting",
            MeetingKind.REVIEW: "Review meeting",
            MeetingKind.OTHER: "Other meeting",
        }[self]


class Decision(StrEnum):
    AGREED = "agreed"
    CHANGED = "changed"
    DROPPED = "dropped"
    REVIEWED = "reviewed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class MeetingDecision:
    goal_id: int
    decision: Decision
    note: str = ""


@dataclass(frozen=True)
class Meeting:
    cycle_id: int
    kind: MeetingKind
    held_on: date
    minutes: int = 60  # how long it took
    notes: str = ""
    team_member_ids: tuple[int, ...] = ()
    representative_ids: tuple[int, ...] = ()
    decisions: tuple[MeetingDecision, ...] = ()
    id: int | None = None


def validate_meeting(meeting: Meeting) -> Meeting:
    tidy = replace(
        meeting,
        kind=MeetingKind(meeting.kind),
        notes=meeting.notes.strip(),
        decisions=tuple(replace(d, decision=Decision(d.decision)) for d in meeting.decisions),
    )
    problems: dict[str, str] = {}
    if not tidy.team_member_ids and not tidy.representative_ids:
        problems["attendees"] = "Tick who came to the meeting."
    if not 0 < tidy.minutes <= 24 * 60:
        problems["minutes"] = "Give how long the meeting took, in minutes."
    if len({d.goal_id for d in tidy.decisions}) != len(tidy.decisions):
        problems["decisions"] = "Record one decision per goal."
    if problems:
        raise ValidationError(problems)
    return tidy


# --- time the pledge takes ------------------------------------------------------------------
class TimeActivity(StrEnum):
    TYPING_SURVEYS = "typing_surveys"
    INTERVIEWS = "interviews"
    MEETINGS = "meetings"
    HANDING_OUT = "handing_out"
    BOOKLET = "booklet"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            TimeActivity.TYPING_SURVEYS: "Typing in surveys",
            TimeActivity.INTERVIEWS: "Patient interviews",
            TimeActivity.MEETINGS: "Meetings",
            TimeActivity.HANDING_OUT: "Handing out surveys",
            TimeActivity.BOOKLET: "Writing the booklet",
            TimeActivity.OTHER: "Other pledge work",
        }[self]


@dataclass(frozen=True)
class TimeEntry:
    cycle_id: int
    activity: TimeActivity
    on_date: date
    minutes: int
    note: str = ""
    id: int | None = None


def validate_time_entry(entry: TimeEntry) -> TimeEntry:
    tidy = replace(entry, activity=TimeActivity(entry.activity), note=entry.note.strip())
    if not 0 < tidy.minutes <= 24 * 60:
        raise ValidationError({"minutes": "Give the time in minutes: 1 to 1,440 for one day."})
    return tidy


def hours_and_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


# --- the Overview: what needs doing next ----------------------------------------------------
@dataclass(frozen=True)
class YearFacts:
    """What the Overview needs to know of a cycle, gathered in one read."""

    today: date
    cycle_label: str
    goals_overdue: tuple[str, ...] = ()
    goals_due_for_review: tuple[str, ...] = ()  # review date within 30 days or passed
    forms_returned: int = 0
    forms_handed_out: int | None = None
    batches_not_checked: int = 0
    unfinished_forms: tuple[int, ...] = ()
    interviews_not_coded: int = 0
    quotes_waiting: int = 0
    booklet_written: bool = False
    booklet_out_of_date: bool = False
    signed_off: bool = False
    sent_to_charity: bool = False
    last_backup: date | None = None
    minutes_by_activity: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ToDo:
    """One line of the nurse's to-do list: what, why, and where the work is."""

    text: str
    where: str  # the section to open: see ui/shell/sections.py's names
    urgent: bool = False
    serial: int | None = None  # an unfinished form to open


BACKUP_STALE_DAYS = 7
REVIEW_WITHIN = timedelta(days=30)


def to_do_list(facts: YearFacts) -> list[ToDo]:
    """The Overview's list, most pressing first; empty when nothing needs doing."""
    items: list[ToDo] = []
    for serial in facts.unfinished_forms[:3]:
        items.append(
            ToDo(
                f"Form {serial:05d} was being typed and is not finished. Carry on with it.",
                "entry",
                urgent=True,
                serial=serial,
            )
        )
    if len(facts.unfinished_forms) > 3:
        items.append(ToDo(f"{len(facts.unfinished_forms) - 3} more unfinished forms.", "entry"))
    if facts.goals_overdue:
        items.append(
            ToDo(
                f"{_count(len(facts.goals_overdue), 'goal is', 'goals are')} past "
                f"{'its' if len(facts.goals_overdue) == 1 else 'their'} target date: "
                + _names(facts.goals_overdue),
                "goals",
                urgent=True,
            )
        )
    if facts.goals_due_for_review:
        items.append(
            ToDo(
                f"{_count(len(facts.goals_due_for_review), 'goal is', 'goals are')} due for "
                "review within 30 days: " + _names(facts.goals_due_for_review),
                "goals",
            )
        )
    if facts.batches_not_checked:
        items.append(
            ToDo(
                f"{_count(facts.batches_not_checked, 'batch has', 'batches have')} typed-in "
                "forms not yet checked.",
                "checks",
            )
        )
    if facts.interviews_not_coded:
        items.append(
            ToDo(
                f"{_count(facts.interviews_not_coded, 'interview is', 'interviews are')} not "
                "yet coded into themes.",
                "interviews",
            )
        )
    if facts.quotes_waiting:
        items.append(
            ToDo(
                f"{_count(facts.quotes_waiting, 'quote is', 'quotes are')} waiting for "
                "approval.",
                "interviews",
            )
        )
    if not facts.booklet_written:
        items.append(ToDo("The booklet has not been written for this pledge yet.", "booklet"))
    elif facts.booklet_out_of_date:
        items.append(
            ToDo(
                "The booklet is out of date: goals or standards changed since it was written.",
                "booklet",
            )
        )
    if not facts.signed_off:
        items.append(ToDo("The pledge has not been signed off yet.", "cycles"))
    if not facts.sent_to_charity and facts.forms_returned:
        items.append(ToDo("This pledge's data has not been sent to the charity yet.", "send"))
    if facts.last_backup is None or (facts.today - facts.last_backup).days >= BACKUP_STALE_DAYS:
        when = (
            "No backup has been made yet."
            if facts.last_backup is None
            else f"The last backup is {(facts.today - facts.last_backup).days} days old."
        )
        items.append(ToDo(when + " Back up now.", "backup", urgent=True))
    return items


def response_rate(returned: int, handed_out: int | None) -> str:
    """ "60 of 150 patients (40 %) filled in our survey", or what is known."""
    people = "patient" if returned == 1 else "patients"
    if not handed_out:
        return f"{returned} {people} filled in our survey."
    share = round(100 * returned / handed_out)
    return f"{returned} of {handed_out} {people} ({share} %) filled in our survey."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _names(titles: tuple[str, ...]) -> str:
    shown = [f"“{t}”" for t in titles[:3]]
    more = len(titles) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "") + "."
