"""The pledge's goals: agree them, order them, move them through their statuses, record
progress, link the evidence they rest on, and carry unfinished ones into the next cycle."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import (
    DEFAULT_HORIZONS,
    Goal,
    GoalCard,
    GoalStatus,
    GoalUpdate,
    Progress,
    Term,
    check_transition,
    is_overdue,
    validate_goal,
    validate_update,
)
from pledge_desktop.services.records import (
    ChangeFeed,
    apply_record,
    delete_if_free,
    get_or_add,
    get_or_explain,
    previous_cycle,
    to_record,
)
from pledge_desktop.services.surveys.survey_store import cycle_questionnaire

GOALS = "goals"
QUESTION = "question"
HORIZON_SETTING = "goal_horizon_{term}"


@dataclass(frozen=True)
class HistoryEntry:
    cycle: str
    update: GoalUpdate


@dataclass(frozen=True)
class Evidence:
    id: int
    kind: str
    ref: str
    label: str  # "Q6. How easy is it to contact your breast care nurse?"


class GoalsService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # --- reading ----------------------------------------------------------------------------
    def board(self, cycle_id: int, today: date | None = None) -> list[GoalCard]:
        """The cycle's goals by term and priority, with what the board shows of each."""
        today = today or date.today()
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.priority)
            ).all()
            owners = dict(
                session.execute(
                    select(m.TeamMember.id, m.TeamMember.name).where(
                        m.TeamMember.cycle_id == cycle_id
                    )
                ).all()
            )
            ids = [row.id for row in rows]
            evidence = dict(
                session.execute(
                    select(m.GoalEvidence.goal_id, func.count())
                    .where(m.GoalEvidence.goal_id.in_(ids))
                    .group_by(m.GoalEvidence.goal_id)
                ).all()
            )
            latest: dict[int, GoalUpdate] = {}
            for update in session.scalars(
                select(m.GoalUpdate)
                .where(m.GoalUpdate.goal_id.in_(ids))
                .order_by(m.GoalUpdate.on_date, m.GoalUpdate.id)
            ):
                latest[update.goal_id] = _update(update)
            cards = []
            for row in rows:
                goal = _goal(row)
                came_from = ""
                if row.carried_from_id is not None:
                    came_from = _cycle_of_goal(session, row.carried_from_id)
                    if row.id not in latest:  # nothing new yet: the last word of the cycle before
                        latest_before = _latest_in_chain(session, row.carried_from_id)
                        if latest_before is not None:
                            latest[row.id] = latest_before
                cards.append(
                    GoalCard(
                        goal,
                        owners.get(row.owner_id, "") if row.owner_id else "",
                        is_overdue(goal, today),
                        evidence.get(row.id, 0),
                        latest.get(row.id),
                        came_from,
                    )
                )
        order = list(Term)
        return sorted(cards, key=lambda c: (order.index(c.goal.term), c.goal.priority))

    def goal(self, goal_id: int) -> Goal:
        with self._db.reading() as session:
            return _goal(get_or_explain(session, m.Goal, goal_id, "goal"))

    def history(self, goal_id: int) -> list[HistoryEntry]:
        """The goal's progress updates, newest first, including those of the cycles it was
        carried forward from."""
        with self._db.reading() as session:
            entries: list[HistoryEntry] = []
            row = get_or_explain(session, m.Goal, goal_id, "goal")
            while row is not None:
                label = session.get(m.PledgeCycle, row.cycle_id).label  # type: ignore[union-attr]
                updates = session.scalars(
                    select(m.GoalUpdate).where(m.GoalUpdate.goal_id == row.id)
                )
                entries += [HistoryEntry(label, _update(u)) for u in updates]
                row = session.get(m.Goal, row.carried_from_id) if row.carried_from_id else None
        return sorted(entries, key=lambda e: (e.update.on_date, e.update.id or 0), reverse=True)

    def horizons(self) -> dict[Term, str]:
        """What each term means here, as printed ("within 6 months")."""
        with self._db.reading() as session:
            return horizons_in(session)

    def set_horizons(self, horizons: dict[Term, str]) -> None:
        """Say what each term means here, all together."""
        tidy = {term: " ".join(words.split()) for term, words in horizons.items()}
        empty = [term.label for term, words in tidy.items() if not words]
        if empty:
            raise ValidationError(
                {"horizon": f'Say what {empty[0].lower()} means, like "within 6 months".'}
            )
        with self._db.transaction() as session:
            for term, words in tidy.items():
                session.merge(
                    m.AppSetting(key=HORIZON_SETTING.format(term=term.value), value=words)
                )
        self._changes.announce(GOALS)

    # --- changing ---------------------------------------------------------------------------
    def save_goal(self, goal: Goal) -> Goal:
        """Add a goal (last in its term) or change its words, owner, target date or term.
        Its status changes only through change_status."""
        tidy = validate_goal(goal)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, tidy.cycle_id, "pledge cycle")
            _check_owner(session, tidy)
            last = _last_priority(session, tidy.cycle_id, tidy.term)
            row = get_or_add(session, m.Goal, tidy.id, "goal")
            if tidy.id is None:
                row.status = GoalStatus.PROPOSED.value
                row.status_reason = ""
                row.carried_from_id = None
                row.priority = last + 1
            elif row.term != tidy.term.value:
                row.priority = last + 1
            apply_record(
                row,
                tidy,
                skip=(
                    "id",
                    "status",
                    "status_reason",
                    "priority",
                    "carried_from_id",
                    "agreed_on",
                    "closed_on",
                    "drop_reason",
                ),
            )
            session.flush()
            saved = _goal(row)
        self._changes.announce(GOALS)
        return saved

    def change_status(self, goal_id: int, status: GoalStatus, reason: str = "") -> Goal:
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Goal, goal_id, "goal")
            problem = check_transition(GoalStatus(row.status), status, reason)
            if problem:
                raise ValidationError({"status": problem})
            set_status(row, status, reason)
            saved = _goal(row)
        self._changes.announce(GOALS)
        return saved

    def move(self, goal_id: int, step: int) -> None:
        """Up (-1) or down (+1) in its term's priority order."""
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Goal, goal_id, "goal")
            siblings = list(
                session.scalars(
                    select(m.Goal)
                    .where(m.Goal.cycle_id == row.cycle_id, m.Goal.term == row.term)
                    .order_by(m.Goal.priority, m.Goal.id)
                )
            )
            index = siblings.index(row)
            target = index + step
            if not 0 <= target < len(siblings):
                return
            siblings[index], siblings[target] = siblings[target], siblings[index]
            for priority, sibling in enumerate(siblings, start=1):
                sibling.priority = priority
        self._changes.announce(GOALS)

    def delete_goal(self, goal_id: int) -> None:
        with self._db.transaction() as session:
            delete_if_free(session, m.Goal, goal_id, "goal")
        self._changes.announce(GOALS)

    def add_update(self, update: GoalUpdate, today: date | None = None) -> GoalUpdate:
        tidy = validate_update(update, today or date.today())
        with self._db.transaction() as session:
            get_or_explain(session, m.Goal, tidy.goal_id, "goal")
            row = m.GoalUpdate()
            apply_record(row, tidy)
            session.add(row)
            session.flush()
            saved = _update(row)
        self._changes.announce(GOALS)
        return saved

    # --- evidence -----------------------------------------------------------------------------
    def evidence(self, goal_id: int) -> list[Evidence]:
        with self._db.reading() as session:
            row = get_or_explain(session, m.Goal, goal_id, "goal")
            questions = cycle_questionnaire(session, row.cycle_id).numbered()
            numbered = {q.code: f"Q{n}. {q.text}" for n, q in questions}
            order = {q.code: n for n, q in questions}
            links = session.scalars(
                select(m.GoalEvidence)
                .where(m.GoalEvidence.goal_id == goal_id)
                .order_by(m.GoalEvidence.id)
            )
            found = [
                Evidence(
                    link.id,
                    link.kind,
                    link.ref,
                    numbered.get(link.ref, f"Question {link.ref} (not in this questionnaire)"),
                )
                for link in links
            ]
        return sorted(found, key=lambda e: order.get(e.ref, len(order) + 1))  # the form's order

    def link_question(self, goal_id: int, question_code: str) -> None:
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Goal, goal_id, "goal")
            questionnaire = cycle_questionnaire(session, row.cycle_id)
            try:
                questionnaire.question(question_code)
            except KeyError:
                raise ValidationError(
                    {"evidence": f"There is no question {question_code} in this cycle's survey."}
                ) from None
            exists = session.scalar(
                select(func.count()).where(
                    m.GoalEvidence.goal_id == goal_id,
                    m.GoalEvidence.kind == QUESTION,
                    m.GoalEvidence.ref == question_code,
                )
            )
            if not exists:
                session.add(m.GoalEvidence(goal_id=goal_id, kind=QUESTION, ref=question_code))
        self._changes.announce(GOALS)

    def unlink(self, evidence_id: int) -> None:
        with self._db.transaction() as session:
            session.execute(delete(m.GoalEvidence).where(m.GoalEvidence.id == evidence_id))
        self._changes.announce(GOALS)

    def goals_for_question(self, question_code: str) -> list[tuple[str, str]]:
        """(cycle, goal title) of every goal resting on a survey question."""
        with self._db.reading() as session:
            return [
                (label, title)
                for label, title in session.execute(
                    select(m.PledgeCycle.label, m.Goal.title)
                    .join(m.Goal, m.Goal.cycle_id == m.PledgeCycle.id)
                    .join(m.GoalEvidence, m.GoalEvidence.goal_id == m.Goal.id)
                    .where(m.GoalEvidence.kind == QUESTION, m.GoalEvidence.ref == question_code)
                    .order_by(m.PledgeCycle.start_date, m.Goal.priority)
                )
            ]

    # --- carrying forward ---------------------------------------------------------------------
    def unfinished_before(self, cycle_id: int) -> tuple[str, list[Goal]]:
        """The cycle before this one, and its unfinished goals not carried into this one yet."""
        with self._db.reading() as session:
            previous = previous_cycle(session, cycle_id)
            if previous is None:
                return "", []
            carried = set(
                session.scalars(
                    select(m.Goal.carried_from_id).where(
                        m.Goal.cycle_id == cycle_id, m.Goal.carried_from_id.is_not(None)
                    )
                )
            )
            rows = session.scalars(
                select(m.Goal)
                .where(m.Goal.cycle_id == previous.id)
                .order_by(m.Goal.term, m.Goal.priority)
            )
            goals = [
                _goal(row)
                for row in rows
                if not GoalStatus(row.status).finished and row.id not in carried
            ]
            return previous.label, goals

    def carry_forward(self, cycle_id: int, goal_ids: list[int]) -> list[Goal]:
        """Copy unfinished goals into this cycle, together: same words, status, evidence; the
        owner is the team member of the same name in this cycle, if there is one."""
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            names = {
                name: member_id
                for member_id, name in session.execute(
                    select(m.TeamMember.id, m.TeamMember.name).where(
                        m.TeamMember.cycle_id == cycle_id
                    )
                )
            }
            copies = []
            for goal_id in goal_ids:
                old = get_or_explain(session, m.Goal, goal_id, "goal")
                if GoalStatus(old.status).finished:
                    raise ValidationError(
                        {
                            "goals": f'"{old.title}" is {old.status.replace("_", " ")}: only '
                            "unfinished goals are carried forward."
                        }
                    )
                owner = session.get(m.TeamMember, old.owner_id) if old.owner_id else None
                new = m.Goal()
                apply_record(
                    new,
                    replace(
                        _goal(old),
                        cycle_id=cycle_id,
                        owner_id=names.get(owner.name) if owner else None,
                        priority=_last_priority(session, cycle_id, Term(old.term)) + 1,
                        carried_from_id=old.id,
                    ),
                )
                session.add(new)
                session.flush()
                for link in session.scalars(
                    select(m.GoalEvidence).where(m.GoalEvidence.goal_id == old.id)
                ):
                    session.add(m.GoalEvidence(goal_id=new.id, kind=link.kind, ref=link.ref))
                copies.append(_goal(new))
        self._changes.announce(GOALS)
        return copies


def set_status(row: m.Goal, status: GoalStatus, reason: str, on: date | None = None) -> None:
    """Move a goal (already checked) to `status`, dating its agreement or its close."""
    on = on or date.today()
    row.status = status.value
    row.status_reason = reason.strip()
    if status is GoalStatus.AGREED:
        row.agreed_on = on
    if status.finished:
        row.closed_on = on
    elif row.closed_on is not None:
        row.closed_on = None


def _goal(row: m.Goal) -> Goal:
    goal = to_record(Goal, row)
    return replace(goal, term=Term(goal.term), status=GoalStatus(goal.status))


def _update(row: m.GoalUpdate) -> GoalUpdate:
    update = to_record(GoalUpdate, row)
    return replace(update, progress=Progress(update.progress))


def _last_priority(session: Session, cycle_id: int, term: Term) -> int:
    return (
        session.scalar(
            select(func.max(m.Goal.priority)).where(
                m.Goal.cycle_id == cycle_id, m.Goal.term == term.value
            )
        )
        or 0
    )


def _check_owner(session: Session, goal: Goal) -> None:
    if goal.owner_id is None:
        return
    owner = session.get(m.TeamMember, goal.owner_id)
    if owner is None or owner.cycle_id != goal.cycle_id:
        raise ValidationError({"owner_id": "Choose the owner from this cycle's team."})


def _latest_in_chain(session: Session, goal_id: int | None) -> GoalUpdate | None:
    while goal_id is not None:
        row = session.scalars(
            select(m.GoalUpdate)
            .where(m.GoalUpdate.goal_id == goal_id)
            .order_by(m.GoalUpdate.on_date.desc(), m.GoalUpdate.id.desc())
        ).first()
        if row is not None:
            return _update(row)
        goal_id = session.scalar(select(m.Goal.carried_from_id).where(m.Goal.id == goal_id))
    return None


def _cycle_of_goal(session: Session, goal_id: int) -> str:
    row = session.get(m.Goal, goal_id)
    cycle = session.get(m.PledgeCycle, row.cycle_id) if row else None
    return cycle.label if cycle else ""


def horizons_in(session: Session) -> dict[Term, str]:
    stored = dict(
        session.execute(
            select(m.AppSetting.key, m.AppSetting.value).where(
                m.AppSetting.key.like(HORIZON_SETTING.format(term="%"))
            )
        ).all()
    )
    return {
        term: stored.get(HORIZON_SETTING.format(term=term.value)) or DEFAULT_HORIZONS[term]
        for term in Term
    }


def latest_updates(session: Session, goals: list[m.Goal]) -> dict[int, str]:
    """The latest progress note of each goal, looking back along a carried goal's history."""
    found = {}
    for goal in goals:
        update = _latest_in_chain(session, goal.id)
        if update is not None:
            found[goal.id] = update.note
    return found
