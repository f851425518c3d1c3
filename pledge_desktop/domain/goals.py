"""The pledge: goals agreed with patients for the short, medium and long term, their progress,
and the standards of care the team promises every patient."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from pledge_desktop.domain.errors import ValidationError

TITLE_LIMIT = 120  # printed in the booklet as one or two lines


class Term(StrEnum):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"

    @property
    def label(self) -> str:
        return {"short": "Short term", "medium": "Medium term", "long": "Long term"}[self.value]


DEFAULT_HORIZONS = {
    Term.SHORT: "within 6 months",
    Term.MEDIUM: "within 12 months",
    Term.LONG: "in 1 to 3 years",
}


class GoalStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def finished(self) -> bool:
        return self in FINISHED


FINISHED = {GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED, GoalStatus.DROPPED}
NEEDS_REASON = {GoalStatus.NOT_ACHIEVED, GoalStatus.DROPPED}
# Where a goal can go next. Finished goals can be reopened, in case one was marked by mistake.
TRANSITIONS: dict[GoalStatus, tuple[GoalStatus, ...]] = {
    GoalStatus.PROPOSED: (GoalStatus.AGREED, GoalStatus.DROPPED),
    GoalStatus.AGREED: (GoalStatus.IN_PROGRESS, GoalStatus.PROPOSED, GoalStatus.DROPPED),
    GoalStatus.IN_PROGRESS: (GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED, GoalStatus.DROPPED),
    GoalStatus.ACHIEVED: (GoalStatus.IN_PROGRESS,),
    GoalStatus.NOT_ACHIEVED: (GoalStatus.IN_PROGRESS,),
    GoalStatus.DROPPED: (GoalStatus.PROPOSED,),
}


def check_transition(old: GoalStatus, new: GoalStatus, reason: str) -> str | None:
    """Why a goal cannot move from `old` to `new`, in plain words; None when it can."""
    if new is old:
        return f"The goal is already {old.label.lower()}."
    if new not in TRANSITIONS[old]:
        allowed = " or ".join(s.label.lower() for s in TRANSITIONS[old])
        return f"A goal that is {old.label.lower()} can next be {allowed}, not {new.label.lower()}."
    if new in NEEDS_REASON and not reason.strip():
        return f"Please say why the goal is {new.label.lower()}: the next cycle will ask."
    return None


class Progress(StrEnum):
    ON_TRACK = "on_track"
    SOME_DELAY = "some_delay"
    STUCK = "stuck"
    DONE = "done"

    @property
    def label(self) -> str:
        return {
            "on_track": "On track",
            "some_delay": "Some delay",
            "stuck": "Stuck: needs help",
            "done": "Done",
        }[self.value]


@dataclass(frozen=True)
class Goal:
    cycle_id: int
    term: Term
    title: str
    description: str = ""
    why: str = ""  # what patients told us
    owner_id: int | None = None
    target_date: date | None = None
    status: GoalStatus = GoalStatus.PROPOSED
    status_reason: str = ""
    priority: int = 0  # 1 first, within its term
    carried_from_id: int | None = None
    id: int | None = None
    next_review: date | None = None  # when the team looks at it again
    agreed_on: date | None = None  # set when it is agreed
    closed_on: date | None = None  # set when it is achieved, not achieved or dropped
    drop_reason: str = ""
    national_category: str = ""  # a code from the charity's data policy


def is_due_for_review(goal: Goal, today: date, within_days: int = 30) -> bool:
    """A goal still open whose review date has come or comes within `within_days`."""
    if goal.next_review is None or goal.status.finished:
        return False
    return (goal.next_review - today).days <= within_days


def validate_goal(goal: Goal) -> Goal:
    tidy = replace(
        goal,
        title=" ".join(goal.title.split()),
        description=goal.description.strip(),
        why=goal.why.strip(),
        term=Term(goal.term),
        status=GoalStatus(goal.status),
        national_category=goal.national_category.strip(),
    )
    problems: dict[str, str] = {}
    if tidy.national_category and len(tidy.national_category) > 40:
        problems["national_category"] = "Choose a national category from the list."
    if not tidy.title:
        problems["title"] = "Please give the goal a title, as it will be printed in the booklet."
    elif len(tidy.title) > TITLE_LIMIT:
        problems["title"] = (
            f"Keep the title to {TITLE_LIMIT} letters or fewer ({len(tidy.title)} now): put the "
            "detail in the description."
        )
    if problems:
        raise ValidationError(problems)
    return tidy


def is_overdue(goal: Goal, today: date) -> bool:
    return goal.target_date is not None and goal.target_date < today and not goal.status.finished


@dataclass(frozen=True)
class GoalUpdate:
    goal_id: int
    on_date: date
    progress: Progress
    note: str
    id: int | None = None


def validate_update(update: GoalUpdate, today: date) -> GoalUpdate:
    tidy = replace(update, note=update.note.strip(), progress=Progress(update.progress))
    problems: dict[str, str] = {}
    if not tidy.note:
        problems["note"] = "Please say in a few words what has happened."
    if tidy.on_date > today:
        problems["on_date"] = "An update is about what has happened: the date is in the future."
    if problems:
        raise ValidationError(problems)
    return tidy


@dataclass(frozen=True)
class GoalCard:
    """A goal as the board and the listings show it."""

    goal: Goal
    owner: str
    overdue: bool
    evidence: int  # how many links to what it rests on
    latest: GoalUpdate | None
    carried_from_cycle: str  # "" unless carried forward


@dataclass(frozen=True)
class CareStandard:
    cycle_id: int
    text: str
    reviewed: bool = False  # looked at again with patients this cycle
    review_note: str = ""
    position: int = 0
    id: int | None = None


def validate_standard(standard: CareStandard) -> CareStandard:
    tidy = replace(
        standard, text=" ".join(standard.text.split()), review_note=standard.review_note.strip()
    )
    if not tidy.text:
        raise ValidationError({"text": "Please write the promise, as patients will read it."})
    return tidy


# Written for Pledge Desktop, in the words of a promise to patients: a starting point that each
# team reviews with its patients.
DEFAULT_STANDARDS = (
    "You will be told your diagnosis in a private room, with time to ask questions, and you "
    "may bring someone with you.",
    "You will be given the name and phone number of your breast care nurse, and we will call "
    "you back by the end of the next working day.",
    "You will be given written information about your type of breast cancer and your treatment "
    "options, in a format that suits you.",
    "You will be involved, as much as you want to be, in decisions about your treatment.",
    "You will be told how long you are likely to wait for each stage of your treatment, and "
    "told if that changes.",
    "You will be offered support for how you are feeling, and told about local support groups.",
    "You will be told about the practical help available, such as benefits, travel costs and work.",
    "You will have a written plan of your follow-up care, and know who to contact between "
    "appointments.",
)
