"""The "You said, we are doing" poster: what patients told us beside each goal of the booklet
that is under way or done, with the date, the hospital's logo and the team's phone number."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.booklet import BookletChoices, finding_for
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import GoalStatus
from pledge_desktop.services.goals.goals import latest_updates
from pledge_desktop.services.publishing.booklet_details import month
from pledge_desktop.services.records import get_or_explain
from pledge_desktop.services.results.results import ResultsFilter, count_cycle, small_numbers_in

if TYPE_CHECKING:
    from pledge_desktop.reports.poster import Poster


def poster_for(
    session: Session, cycle_id: int, choices: BookletChoices, *, fictional: bool = False
) -> Poster:
    """The poster's contents, or a ValidationError saying what it still needs."""
    from pledge_desktop.reports.poster import Poster, PosterRow

    rows = tuple(
        PosterRow(said, did, achieved=did.startswith("Done"))
        for said, did in poster_rows(session, cycle_id, choices)
    )
    if not rows:
        raise ValidationError(
            {
                "poster": "There is nothing to put on the poster yet: it pairs what patients "
                "told you with goals in progress or achieved. Give a goal its reason "
                '("what patients told us") and move it to In progress.'
            }
        )
    hospital = session.scalars(select(m.Hospital)).first()
    return Poster(
        hospital.name if hospital else "",
        get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle").label,
        rows,
        fictional,
        updated=month(date.today()),
        logo_png=choices.logo_png,
        phone=hospital.unit_phone if hospital else "",
    )


def poster_rows(session: Session, cycle_id: int, choices: BookletChoices) -> list[tuple[str, str]]:
    """(You said, We are doing / Done) for each goal in the booklet that is under way or done:
    the booklet's highlights on the goal's evidence questions, else the goal's reason."""
    small = small_numbers_in(session)
    goals = [
        g
        for g in session.scalars(
            select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.priority)
        )
        if g.id not in choices.goals_left_out
        and g.status in (GoalStatus.IN_PROGRESS.value, GoalStatus.ACHIEVED.value)
    ]
    if not goals:
        return []
    latest = latest_updates(session, goals)
    evidence: dict[int, set[str]] = {}
    for goal_id, ref in session.execute(
        select(m.GoalEvidence.goal_id, m.GoalEvidence.ref).where(
            m.GoalEvidence.goal_id.in_([g.id for g in goals]),
            m.GoalEvidence.kind == "question",
        )
    ):
        evidence.setdefault(goal_id, set()).add(ref)
    results = None
    cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
    if choices.highlights and cycle.questionnaire_id:
        results = count_cycle(session, cycle_id, ResultsFilter(), comments_limit=0)
    rows = []
    for goal in goals:
        said = []
        for highlight in choices.highlights:
            counts = results.question(highlight.question_code) if results else None
            if counts and highlight.question_code in evidence.get(goal.id, set()):
                finding = finding_for(counts, highlight, small)
                if finding is not None:
                    said.append(f"{finding.figure} {finding.sentence}.")
        if not said and goal.why:
            said.append(goal.why)
        if not said:
            continue
        done = "Done: " if goal.status == GoalStatus.ACHIEVED.value else "Under way: "
        did = done + goal.title + "."
        if latest.get(goal.id):
            did += " " + latest[goal.id]
        rows.append((" ".join(said), did))
    return rows
