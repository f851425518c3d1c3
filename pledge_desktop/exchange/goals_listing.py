"""The goals of a cycle for a team meeting: as CSV for a spreadsheet, or as Markdown."""

from __future__ import annotations

import csv
import io

from pledge_desktop.domain.goals import GoalCard, Term
from pledge_desktop.exchange.cells import safe_cell

COLUMNS = (
    "term",
    "priority",
    "title",
    "status",
    "owner",
    "target_date",
    "overdue",
    "latest_progress",
    "latest_update",
    "carried_from",
)


def goals_csv(cards: list[GoalCard]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in cards:
        goal, latest = card.goal, card.latest
        writer.writerow(
            safe_cell(value)
            for value in (
                goal.term.label,
                goal.priority,
                goal.title,
                goal.status.label,
                card.owner,
                goal.target_date.isoformat() if goal.target_date else "",
                "yes" if card.overdue else "no",
                latest.progress.label if latest else "",
                f"{latest.on_date.isoformat()}: {latest.note}" if latest else "",
                card.carried_from_cycle,
            )
        )
    return out.getvalue()


def goals_markdown(cards: list[GoalCard], cycle: str, horizons: dict[Term, str]) -> str:
    lines = [f"# Our pledge: goals for cycle {cycle}", ""]
    for term in Term:
        mine = [c for c in cards if c.goal.term is term]
        lines += [f"## {term.label} ({horizons[term]})", ""]
        if not mine:
            lines += ["No goals yet.", ""]
            continue
        for card in mine:
            goal = card.goal
            facts = [goal.status.label]
            if card.owner:
                facts.append(f"owner {card.owner}")
            if goal.target_date:
                facts.append(f"target {goal.target_date:%d/%m/%Y}")
            if card.overdue:
                facts.append("**overdue**")
            if card.carried_from_cycle:
                facts.append(f"carried from {card.carried_from_cycle}")
            lines.append(f"{goal.priority}. **{goal.title}**: {', '.join(facts)}.")
            if goal.status_reason:
                lines.append(f"   Reason: {goal.status_reason}")
            if card.latest:
                latest = card.latest
                lines.append(
                    f"   Latest ({latest.on_date:%d/%m/%Y}, {latest.progress.label.lower()}): "
                    f"{latest.note}"
                )
        lines.append("")
    return "\n".join(lines)
