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
        date(2026, 3, 31),
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
        date(2027, 6, 30),
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
        date(2026, 10, 30),
        "agreed",
        "",
        ("improve_one_thing",),
        (),
    ),
    (
        S,
        "Tell patients how long they will wait in clinic",
        "Patients said waiting in clinic was hard because no one said how long it would be.",
        "Mr Tom Placeholder",
        date(2026, 12, 18),
        "in_progress",
        "",
        ("clinic_wait",),
        (
            (
                date(2026, 2, 10),
                Progress.STUCK,
                "The clinic screen cannot show waiting times yet; the estates team is asked.",
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
        ("body_image",),
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
        ("care_plan", "treatment_summary"),
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
# The secondary breast cancer pledge's own goals and promises, in plain words for people
# living with secondary breast cancer (all fictional)
SECONDARY_GOALS = (
    (
        S,
        "Scan results within a week",
        "People told us the wait for scan results was the hardest part of living with "
        "secondary breast cancer.",
        "Dr Priya Imaginary",
        date(2026, 9, 30),
        "in_progress",
        "",
        ("sec_told_well",),
        (
            (
                date(2026, 3, 17),
                Progress.ON_TRACK,
                "Results clinic moved to the week after each scan, on a trial basis.",
            ),
        ),
    ),
    (
        S,
        "A phone call between scans",
        "People felt forgotten in the months between scans.",
        "Grace Sample",
        date(2026, 11, 30),
        "agreed",
        "",
        ("sec_cns_contact",),
        (),
    ),
    (
        M,
        "A support group for people living with secondary breast cancer",
        "People said groups for the newly diagnosed did not feel right for them.",
        "Sister Ann Example",
        date(2027, 6, 30),
        "proposed",
        "",
        ("sec_support_emotional",),
        (),
    ),
    (
        L,
        "Plan care around what matters most to each person",
        "Some people said they were asked about scans but never about their own plans.",
        "Dr Priya Imaginary",
        date(2028, 3, 31),
        "proposed",
        "",
        ("sec_what_matters",),
        (),
    ),
)
SECONDARY_STANDARDS = (
    "You will have a named nurse who knows about secondary breast cancer, and a phone number "
    "that is answered every weekday.",
    "We will give you your scan results within two weeks, in the way you have told us you "
    "prefer.",
    "We will ask what matters most to you, and plan your treatment around it.",
    "We will offer you help with pain and other symptoms from the palliative care team at any "
    "time, not only near the end of life.",
    "We will tell you about research studies you may be able to join.",
    "We will help you and your family find support, including help with money and work.",
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


def add_secondary_goals(
    goals: GoalsService, standards: StandardsService, setup: SetupService, cycle_id: int
) -> None:
    _add(goals, setup, cycle_id, SECONDARY_GOALS, today=date(2026, 11, 1))
    for text in SECONDARY_STANDARDS:
        standards.save_standard(CareStandard(cycle_id, text))


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
