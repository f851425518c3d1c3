"""The pledge's own tables in the charity package: interviews (never words or pseudonyms),
approved quotes, goals and their updates, the standards of care, and the year's work: time
given per activity and what patient representatives took part in."""

from __future__ import annotations

import hmac
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db import models_pledge_year as y
from pledge_desktop.domain.goals import GoalStatus, Progress, Term
from pledge_desktop.domain.interviews import SETTINGS, STAGES, Attribution
from pledge_desktop.domain.pledge_year import Activity, TimeActivity
from pledge_desktop.domain.policy import DataPolicy
from pledge_desktop.exchange.package_format import Table, date_field, integer, link, text

RANDOM_ID = r"[0-9a-f]{16}"


def ref(key: bytes, *parts: object) -> str:
    """A random-looking id, stable between exports: a keyed hash kept at the hospital."""
    message = ":".join(str(p) for p in parts).encode("utf-8")
    return hmac.digest(key, message, "sha256").hex()[:16]  # HMAC-SHA256, in one call


def time_table(session: Session, cycle_id: int) -> Table:
    table = Table(
        "time_spent",
        "Minutes given to the pledge, summed per activity",
        [
            text("activity", "The activity", True, enum=[a.value for a in TimeActivity]),
            integer("minutes", "Minutes in all", True, minimum=0),
        ],
        primary_key=["activity"],
    )
    entry = y.TimeEntry
    for activity, minutes in session.execute(
        select(entry.activity, func.coalesce(func.sum(entry.minutes), 0))
        .where(entry.cycle_id == cycle_id)
        .group_by(entry.activity)
        .order_by(entry.activity)
    ):
        if activity in TimeActivity._value2member_map_:
            table.rows.append([activity, str(minutes)])
    return table


def representatives_table(session: Session, cycle_id: int) -> Table:
    table = Table(
        "representatives",
        "How many patient representatives took part, and in what (never who)",
        [
            text("activity", "What they did", True, enum=[a.value for a in Activity]),
            integer("representatives", "Different representatives who did it", True, minimum=0),
            integer("times", "How many times it was done", True, minimum=0),
            integer("minutes", "Minutes in all", True, minimum=0),
        ],
        primary_key=["activity"],
    )
    part = y.RepresentativeInvolvement
    for activity, people, times, minutes in session.execute(
        select(
            part.activity,
            func.count(func.distinct(part.representative_id)),
            func.count(),
            func.coalesce(func.sum(part.minutes), 0),
        )
        .where(part.cycle_id == cycle_id)
        .group_by(part.activity)
        .order_by(part.activity)
    ):
        if activity in Activity._value2member_map_:
            table.rows.append([activity, str(people), str(times), str(minutes)])
    return table


def interview_tables(
    session: Session, cycle_id: int, key: bytes, policy: DataPolicy
) -> dict[str, Table]:
    themes_list = ["", *(c.code for c in policy.themes)]
    interviews = Table(
        "interviews",
        "Patient interviews: when, where and at which stage; never words or pseudonyms",
        [
            text("interview_id", "Random id", True, unique=True, pattern=RANDOM_ID),
            text("month", "Month of the interview (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("setting", "Where it took place", enum=list(SETTINGS)),
            text("stages", f"Stages of care talked about, joined by ';' ({', '.join(STAGES)})"),
            integer("length_minutes", "How long it lasted", minimum=0),
            integer("themes_counted", "Different themes coded in it", minimum=0),
        ],
        primary_key=["interview_id"],
    )
    themes = Table(
        "interview_themes",
        "Themes coded in each interview, with how many passages",
        [
            text("interview_id", "The interview", True, pattern=RANDOM_ID),
            text("theme", "The theme", True),
            text(
                "national_code",
                "The theme's code in the charity's national codebook (empty: none chosen)",
                enum=themes_list,
            ),
            integer("passages", "Passages coded to it", minimum=1),
        ],
        primary_key=["interview_id", "theme"],
        foreign_keys=[link(["interview_id"], "interviews", ["interview_id"])],
    )
    quotes = Table(
        "quotes",
        "Quotes approved for publication, within each patient's consent",
        [
            text("quote_id", "Random id", True, unique=True, pattern=RANDOM_ID),
            text("wording", "The words as published", True),
            text("attribution", "How it is attributed", True, enum=[a.value for a in Attribution]),
            text("attributed_to", "As printed, e.g. Patient, 2026"),
        ],
        primary_key=["quote_id"],
    )
    coded = defaultdict(lambda: defaultdict(int))  # type: ignore[var-annotated]
    national: dict[str, str] = {}
    for interview_id, theme, code in session.execute(
        select(m.CodedPassage.interview_id, m.Theme.name, m.Theme.national_code)
        .join(m.PassageTheme, m.PassageTheme.passage_id == m.CodedPassage.id)
        .join(m.Theme, m.Theme.id == m.PassageTheme.theme_id)
        .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
        .where(m.Interview.cycle_id == cycle_id)
    ):
        coded[interview_id][theme] += 1
        national[theme] = code if code in themes_list else ""
    for row in session.scalars(
        select(m.Interview).where(m.Interview.cycle_id == cycle_id).order_by(m.Interview.id)
    ):
        rid = ref(key, "interview", row.id)
        interviews.rows.append(
            [
                rid,
                f"{row.interview_date:%Y-%m}",
                row.setting,
                row.stages,
                "" if row.length_minutes is None else str(row.length_minutes),
                str(len(coded[row.id])),
            ]
        )
        themes.rows += [
            [rid, name, national[name], str(n)] for name, n in sorted(coded[row.id].items())
        ]
    for quote in session.scalars(
        select(m.Quote)
        .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
        .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
        .where(m.Interview.cycle_id == cycle_id, m.Quote.approved.is_(True))
        .order_by(m.Quote.id)
    ):
        quotes.rows.append(
            [ref(key, "quote", quote.id), quote.wording, quote.attribution, quote.attributed_to]
        )
    return {"interviews": interviews, "interview_themes": themes, "quotes": quotes}


def goal_tables(
    session: Session, cycle_id: int, key: bytes, policy: DataPolicy
) -> dict[str, Table]:
    categories = ["", *(c.code for c in policy.goal_categories)]
    goals = Table(
        "goals",
        "The pledge's goals with their status (the team's progress notes stay at the hospital)",
        [
            text("goal_id", "Random id", True, unique=True, pattern=RANDOM_ID),
            text("term", "short, medium or long term", True, enum=[t.value for t in Term]),
            text("title", "The goal as printed in the booklet", True),
            text("description", "What will be done"),
            text("why", "What patients told us"),
            text("status", "Where it stands", True, enum=[s.value for s in GoalStatus]),
            text("target_month", "Target month (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("carried_forward", "yes: carried from an earlier cycle", enum=["yes", "no"]),
            text("evidence_questions", "Question codes it rests on, joined by ';'"),
            text(
                "national_category",
                "The goal's category in the charity's national list (empty: none chosen)",
                enum=categories,
            ),
            date_field("agreed_on", "The date the goal was agreed"),
            date_field("closed_on", "The date it was achieved or closed"),
            text("drop_reason", "Why a dropped goal was dropped (a category)", pattern=r"[a-z_]*"),
        ],
        primary_key=["goal_id"],
    )
    updates = Table(
        "goal_updates",
        "Dated progress judgements of each goal",
        [
            text("goal_id", "The goal", True, pattern=RANDOM_ID),
            {"name": "on_date", "type": "date", "description": "Date of the update"},
            text("progress", "The judgement", True, enum=[p.value for p in Progress]),
        ],
        foreign_keys=[link(["goal_id"], "goals", ["goal_id"])],
    )
    rows = list(
        session.scalars(select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.id))
    )
    evidence: dict[int, list[str]] = defaultdict(list)
    for goal_id, kind, target in session.execute(
        select(m.GoalEvidence.goal_id, m.GoalEvidence.kind, m.GoalEvidence.ref).where(
            m.GoalEvidence.goal_id.in_([g.id for g in rows])
        )
    ):
        if kind == "question":
            evidence[goal_id].append(target)
    for goal in rows:
        gid = ref(key, "goal", goal.id)
        goals.rows.append(
            [
                gid,
                goal.term,
                goal.title,
                goal.description,
                goal.why,
                goal.status,
                f"{goal.target_date:%Y-%m}" if goal.target_date else "",
                "yes" if goal.carried_from_id else "no",
                ";".join(sorted(evidence[goal.id])),
                goal.national_category if goal.national_category in categories else "other",
                goal.agreed_on.isoformat() if goal.agreed_on else "",
                goal.closed_on.isoformat() if goal.closed_on else "",
                goal.drop_reason or "",
            ]
        )
        for update in session.scalars(
            select(m.GoalUpdate)
            .where(m.GoalUpdate.goal_id == goal.id)
            .order_by(m.GoalUpdate.on_date)
        ):
            updates.rows.append([gid, update.on_date.isoformat(), update.progress])
    return {"goals": goals, "goal_updates": updates}


def standards_table(session: Session, cycle_id: int) -> Table:
    table = Table(
        "standards",
        "The standards of care the team promises every patient",
        [
            integer("position", "Order in the list", True),
            text("text", "The promise as printed", True),
            text("reviewed", "yes: reviewed with patients this cycle", enum=["yes", "no"]),
        ],
        primary_key=["position"],
    )
    for number, row in enumerate(
        session.scalars(
            select(m.CareStandard)
            .where(m.CareStandard.cycle_id == cycle_id)
            .order_by(m.CareStandard.position)
        ),
        start=1,
    ):
        table.rows.append([str(number), row.text, "yes" if row.reviewed else "no"])
    return table
