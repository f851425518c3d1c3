"""The rules of goals: statuses and their order, reasons, overdue, titles, updates."""

from datetime import date

import pytest

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import (
    TITLE_LIMIT,
    Goal,
    GoalStatus,
    GoalUpdate,
    Progress,
    Term,
    check_transition,
    is_overdue,
    validate_goal,
    validate_update,
)

S = GoalStatus


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.PROPOSED, S.AGREED),
        (S.AGREED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.ACHIEVED),
        (S.ACHIEVED, S.IN_PROGRESS),  # reopened: marked achieved by mistake
        (S.DROPPED, S.PROPOSED),
    ],
)
def test_a_goal_moves_on_step_by_step(old: GoalStatus, new: GoalStatus) -> None:
    assert check_transition(old, new, "") is None


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        (S.PROPOSED, S.ACHIEVED, "can next be agreed or dropped, not achieved"),
        (S.PROPOSED, S.IN_PROGRESS, "not in progress"),
        (S.ACHIEVED, S.DROPPED, "can next be in progress"),
        (S.AGREED, S.AGREED, "already agreed"),
    ],
)
def test_leaps_are_refused_in_plain_words(old: GoalStatus, new: GoalStatus, words: str) -> None:
    assert words in (check_transition(old, new, "") or "")


@pytest.mark.parametrize("new", [S.NOT_ACHIEVED, S.DROPPED])
def test_not_achieved_and_dropped_need_a_reason(new: GoalStatus) -> None:
    assert "Please say why" in (check_transition(S.IN_PROGRESS, new, "  ") or "")
    assert check_transition(S.IN_PROGRESS, new, "The ward closed") is None


def test_overdue_is_past_the_target_and_unfinished() -> None:
    goal = Goal(1, Term.SHORT, "Parking", target_date=date(2026, 3, 31), status=S.IN_PROGRESS)
    assert is_overdue(goal, date(2026, 4, 1))
    assert not is_overdue(goal, date(2026, 3, 31))
    assert not is_overdue(
        Goal(1, Term.SHORT, "x", target_date=date(2026, 1, 1), status=S.ACHIEVED), date(2026, 4, 1)
    )
    assert not is_overdue(Goal(1, Term.SHORT, "No date"), date(2030, 1, 1))


def test_a_title_is_tidied_and_must_fit_the_booklet() -> None:
    assert validate_goal(Goal(1, Term.LONG, "  A   quiet room ")).title == "A quiet room"
    with pytest.raises(ValidationError) as empty:
        validate_goal(Goal(1, Term.LONG, "   "))
    assert "title" in empty.value.problems
    with pytest.raises(ValidationError) as long:
        validate_goal(Goal(1, Term.LONG, "x" * (TITLE_LIMIT + 1)))
    assert "description" in long.value.problems["title"]


def test_an_update_says_what_happened_and_is_not_in_the_future() -> None:
    today = date(2026, 6, 1)
    with pytest.raises(ValidationError) as problems:
        validate_update(GoalUpdate(1, date(2026, 6, 2), Progress.ON_TRACK, " "), today)
    assert set(problems.value.problems) == {"note", "on_date"}
    assert validate_update(GoalUpdate(1, today, Progress.DONE, " Done. "), today).note == "Done."
