"""The goals listing for a team meeting, as CSV read back and as Markdown; safe cells."""

import csv
import io
from datetime import date

from pledge_desktop.domain.goals import (
    DEFAULT_HORIZONS,
    Goal,
    GoalCard,
    GoalStatus,
    GoalUpdate,
    Progress,
    Term,
)
from pledge_desktop.exchange.cells import safe_cell
from pledge_desktop.exchange.goals_listing import goals_csv, goals_markdown

CARDS = [
    GoalCard(
        Goal(
            1,
            Term.SHORT,
            '=HYPERLINK("http://x")',
            priority=1,
            target_date=date(2026, 3, 1),
            status=GoalStatus.IN_PROGRESS,
            id=1,
        ),
        "Grace Sample",
        True,
        1,
        GoalUpdate(1, date(2026, 2, 1), Progress.STUCK, "Waiting for the booking team"),
        "2025",
    ),
    GoalCard(Goal(1, Term.LONG, "Evening clinics", priority=1, id=2), "", False, 0, None, ""),
]


def test_csv_reads_back_one_row_per_goal_with_formulas_neutralised() -> None:
    rows = list(csv.DictReader(io.StringIO(goals_csv(CARDS))))
    assert [r["term"] for r in rows] == ["Short term", "Long term"]
    first = rows[0]
    assert first["title"] == '\'=HYPERLINK("http://x")'
    assert (first["status"], first["owner"], first["overdue"]) == (
        "In progress",
        "Grace Sample",
        "yes",
    )
    assert first["latest_update"] == "2026-02-01: Waiting for the booking team"
    assert first["carried_from"] == "2025"


def test_markdown_lists_every_term_with_its_horizon() -> None:
    text = goals_markdown(CARDS, "2026", DEFAULT_HORIZONS)
    assert "## Medium term (within 12 months)\n\nNo goals yet." in text
    assert "**overdue**" in text and "carried from 2025" in text
    assert "Latest (01/02/2026, stuck: needs help): Waiting for the booking team" in text


def test_safe_cells() -> None:
    assert [safe_cell(v) for v in ("=1+1", "+44", "-3", "@SUM", "plain", None, 5)] == [
        "'=1+1",
        "'+44",
        "'-3",
        "'@SUM",
        "plain",
        "",
        "5",
    ]
