"""Fictional goals and standards of care for the demo: last year's pledge, some of it done,
some carried into this year, and this year's new goals with their evidence and progress."""

from __future__ import annotations

from datetime import date

from pledge_desktop.domain.goals import CareStandard, Goal, GoalStatus, GoalUpdate, Progress, Term
from pledge_desktop.services.goals.goals import GoalsService
from pledge_desktop.services.goals.standards import StandardsService
from pledge_desktop.services.setup import SetupService

S, M, L = Term.SHORT, Term.MEDIUM, Term.LONG
# (term, title, why, owner, target, status path, reason, evidence, updates)
LAST_YEAR = (
    (
        S,
        "A quiet room for giving results",
        "Patients told us being told in a busy corridor bay felt exposed.",
        "Sister Ann Example",
        date(2025, 5, 30),
        "achieved",
        "",
        ("diag_private",),
        (
            (
                date(2025, 4, 2),
                Progress.DONE,
                "Room 4 is now kept free on clinic days for results conversations.",
            ),
        ),
    ),
    (
        S,
        "Call back on the same day",
        "Patients found it hard to reach the breast care nurses.",
        "Grace Sample",
        date(2025, 7, 31),
        "in_progress",
        "",
        ("bcn_contact", "bcn_answers"),
        (
            (
                date(2025, 6, 20),
                Progress.SOME_DELAY,
                "Answerphone checked three times a day; same-day call back reached 70% of calls.",
            ),
        ),
    ),
    (
        M,
        "Information written for men with breast cancer",
        "Two men told us the leaflets spoke only to women.",
        "Sister Ann Example",
        date(2025, 12, 1),
        "in_progress",
        "",
        ("diag_written_info",),
        (
            (
                date(2025, 9, 15),
                Progress.ON_TRACK,
                "Draft leaflet reviewed by Keith (patient representative).",
            ),
        ),
    ),
    (
        L,
        "A support group that meets in the evening",
        "Patients who work could not come to the daytime group.",
        "Grace Sample",
        None,
        "dropped",
        "The local charity now runs an evening group; we point patients to it.",
        ("support_groups",),
        (),
    ),
)
THIS_YEAR = (
    (
        S,
        "Free parking for patients coming for results",
        "Parking came up in one in five comments.",
        "Sam Invented",
        date(2027, 1, 29),
        "agreed",
        "",
        ("improve_one_thing",),
        (),
    ),
    (
        S,
        "Tell patients how long they will wait",
        "Patients said the wait for surgery was hard because no one said how long it would be.",
        "Mr Tom Placeholder",
        date(2026, 12, 18),
        "in_progress",
        "",
        ("tx_wait",),
        (
            (
                date(2026, 2, 10),
                Progress.STUCK,
                "Waiting times are not yet published by the booking team.",
            ),
        ),
    ),
    (
        M,
        "Advice on changes to appearance before chemotherapy",
        "Fewer than half were offered advice about hair loss.",
        "Dr Priya Imaginary",
        date(2027, 3, 31),
        "in_progress",
        "",
        ("support_appearance",),
        (
            (
                date(2026, 3, 3),
                Progress.ON_TRACK,
                "Look Good Feel Better sessions booked monthly (fictional).",
            ),
        ),
    ),
    (
        M,
        "A written follow-up plan for everyone",
        "Patients did not know whom to call after treatment.",
        "Sister Ann Example",
        date(2027, 6, 30),
        "proposed",
        "",
        ("followup_plan", "followup_signs"),
        (),
    ),
    (
        L,
        "A breast care nurse for secondary breast cancer",
        "People living with secondary breast cancer told us they felt forgotten.",
        "Sister Ann Example",
        date(2028, 6, 30),
        "proposed",
        "",
        (),
        (),
    ),
)
PATHS = {
    "proposed": (),
    "agreed": (GoalStatus.AGREED,),
    "in_progress": (GoalStatus.AGREED, GoalStatus.IN_PROGRESS),
    "achieved": (GoalStatus.AGREED, GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED),
    "dropped": (GoalStatus.DROPPED,),
}


def add_demo_goals(
    goals: GoalsService,
    standards: StandardsService,
    setup: SetupService,
    previous_id: int,
    current_id: int,
) -> None:
    for cycle_id, planned in ((previous_id, LAST_YEAR), (current_id, ())):
        _add(goals, setup, cycle_id, planned, today=date(2025, 12, 19))
    _, unfinished = goals.unfinished_before(current_id)
    goals.carry_forward(current_id, [g.id for g in unfinished if g.id is not None])
    _add(goals, setup, current_id, THIS_YEAR, today=date(2026, 11, 1))
    standards.start_list(previous_id)
    standards.start_list(current_id)
    first = standards.standards(current_id)[1]
    standards.save_standard(
        CareStandard(
            current_id,
            first.text,
            reviewed=True,
            review_note="Reviewed with Margaret and Keith (fictional) in March.",
            id=first.id,
        )
    )


def _add(
    goals: GoalsService, setup: SetupService, cycle_id: int, planned: tuple, today: date
) -> None:
    owners = {member.name: member.id for member in setup.team(cycle_id)}
    for term, title, why, owner, target, path, reason, evidence, updates in planned:
        goal = goals.save_goal(
            Goal(cycle_id, term, title, why=why, owner_id=owners.get(owner), target_date=target)
        )
        assert goal.id is not None
        for status in PATHS[path]:
            goals.change_status(goal.id, status, reason)
        for code in evidence:
            goals.link_question(goal.id, code)
        for on_date, progress, note in updates:
            goals.add_update(GoalUpdate(goal.id, on_date, progress, note), today=today)
