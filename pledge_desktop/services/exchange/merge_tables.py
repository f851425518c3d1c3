"""The national figures of a merge, cycle by cycle: each question pooled only over the
hospitals that defined it the same way, with its whole base and small counts protected."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from pledge_desktop.domain.national import (
    BASE_ROWS,
    CHOICE_KINDS,
    CodedCount,
    CycleTables,
    PublishedQuestion,
    ResponseRate,
    publish_question,
)
from pledge_desktop.domain.policy import DataPolicy
from pledge_desktop.domain.suppression import men_national_table
from pledge_desktop.exchange.merge_arrival import first_of
from pledge_desktop.exchange.merge_conformance import Columns, Definition, conformance_rows
from pledge_desktop.exchange.merge_stream import Pledge

HANDED_OUT = ("forms_handed_out", "handed_out")
RETURNED = ("forms_returned", "returned")


def cycles_of(pledges: Sequence[Pledge]) -> dict[str, list[int]]:
    """Cycle label → the indexes of its pledges, cycles in order."""
    found: dict[str, list[int]] = defaultdict(list)
    for index, pledge in enumerate(pledges):
        found[pledge.key[1]].append(index)
    return {cycle: found[cycle] for cycle in sorted(found)}


def cycle_tables(
    pledges: Sequence[Pledge],
    defs: Sequence[dict[str, Definition]],
    columns: Columns,
    threshold: int,
) -> list[CycleTables]:
    tables = []
    for cycle, members in cycles_of(pledges).items():
        order: dict[str, None] = {}
        for index in members:
            order.update(dict.fromkeys(columns.by_pledge[index][c] for c in defs[index]))
        asking: dict[str, list[tuple[int, str]]] = defaultdict(list)  # column → who asked it
        for index in members:
            for code, column in columns.by_pledge[index].items():
                asking[column].append((index, code))
        questions = [
            _question(column, columns.defined[column], asking[column], pledges, threshold)
            for column in order
        ]
        tables.append(
            CycleTables(
                cycle,
                tuple(pledges[i].label for i in members),
                len({pledges[i].key[0] for i in members}),
                sum(pledges[i].forms for i in members),
                tuple(questions),
            )
        )
    return tables


def _question(
    column: str,
    definition: Definition,
    asked: list[tuple[int, str]],
    pledges: Sequence[Pledge],
    threshold: int,
) -> PublishedQuestion:
    answers = definition.options if definition.kind in CHOICE_KINDS else ()
    base: list[dict[str, int]] = []
    ticks: list[list[int]] = []
    for index, code in asked:
        counted = pledges[index].counts.get(code, Counter())
        base.append({row: counted[row] for row in BASE_ROWS})
        ticks.append([counted[f"code:{answer}"] for answer, _label in answers])
    return publish_question(
        column,
        definition.code,
        definition.text,
        definition.kind,
        [pledges[index].label for index, _ in asked],
        [label for _code, label in answers],
        base,
        ticks,
        threshold,
    )


def conformance(
    pledges: Sequence[Pledge], defs: Sequence[dict[str, Definition]], columns: Columns
) -> list[list[str]]:
    rows: list[list[str]] = []
    for cycle, members in cycles_of(pledges).items():
        rows += conformance_rows(
            cycle,
            [pledges[i].key[0] for i in members],
            [defs[i] for i in members],
            [columns.by_pledge[i] for i in members],
        )
    return rows


def response_rates(pledges: Sequence[Pledge]) -> list[ResponseRate]:
    """Nationally for each cycle, then for each hospital and cycle."""
    per_site = []
    for pledge in pledges:
        site = pledge.kept.get("site") or pledge.site
        handed = first_of(site, HANDED_OUT)
        returned = first_of(site, RETURNED)
        per_site.append(
            ResponseRate(
                pledge.label,
                int(returned) if returned.isdigit() else pledge.forms,
                int(handed) if handed.isdigit() else None,
            )
        )
    national = []
    for cycle, members in cycles_of(pledges).items():
        known = [per_site[i] for i in members if per_site[i].handed_out]
        national.append(
            ResponseRate(
                f"All hospitals {cycle}",
                sum(r.returned for r in known)
                if known
                else sum(per_site[i].returned for i in members),
                sum(r.handed_out or 0 for r in known) or None,
            )
        )
    return national + per_site


def coded_counts(
    pledges: Sequence[Pledge], policy: DataPolicy | None
) -> tuple[list[CodedCount], list[CodedCount]]:
    """Goals by national category and interviews by national theme, with hospitals."""
    goal_labels = {c.code: c.label for c in (policy.goal_categories if policy else ())}
    theme_labels = {c.code: c.label for c in (policy.themes if policy else ())}
    goals: Counter[str] = Counter()
    goal_sites: dict[str, set[str]] = defaultdict(set)
    themes: Counter[str] = Counter()
    theme_sites: dict[str, set[str]] = defaultdict(set)
    for pledge in pledges:
        for code, n in pledge.kept.get("goal_categories", Counter()).items():
            goals[code] += n
            goal_sites[code].add(pledge.key[0])
        for code, n in pledge.kept.get("themes", {}).items():
            themes[code] += n
            theme_sites[code].add(pledge.key[0])

    def listed(
        counts: Counter[str], sites: dict[str, set[str]], labels: dict[str, str]
    ) -> list[CodedCount]:
        codes = [c for c in labels if c in counts] + sorted(c for c in counts if c not in labels)
        return [
            CodedCount(
                code or "none",
                labels.get(code, code or "No national category given"),
                counts[code],
                len(sites[code]),
            )
            for code in codes
        ]

    return listed(goals, goal_sites, goal_labels), listed(themes, theme_sites, theme_labels)


MEN_HEADER = ["cycle", "question_column", "answer", "count", "men_answering", "men", "hospitals"]
HELD_BACK = "held back"


def men_nationally(pledges: Sequence[Pledge], threshold: int) -> list[list[str]]:
    """Men's answers pooled over every hospital of each cycle, naming no hospital: the rows of
    `men_national.csv`. Only forms whose sex travelled in their hospital's package count (see
    `merge_stream.men_counts`). A cycle with fewer than `threshold` such men, or from fewer than
    three hospitals, has one line saying so; a question fewer than `threshold` men answered is
    held back whole; within a question, small counts and enough others read "held back", so
    that none follows from the number answering."""
    rows: list[list[str]] = []
    for cycle, indexes in cycles_of(pledges).items():
        per_site: dict[str, dict[str, dict[str, int]]] = {}
        men_per_site: dict[str, int] = {}
        for index in indexes:
            pledge = pledges[index]
            site = pledge.key[0]
            men_per_site[site] = men_per_site.get(site, 0) + pledge.men
            answers = per_site.setdefault(site, {})
            for code, counted in pledge.men_counts.items():
                column = pledge.rename.get(code, code)
                into = answers.setdefault(column, {})
                for token, n in counted.items():
                    if token.startswith("code:"):
                        into[token[5:]] = into.get(token[5:], 0) + n
        table = men_national_table(per_site, men_per_site, threshold)
        if table is None:
            men = sum(men_per_site.values())
            rows.append([cycle, "", "", HELD_BACK, "", str(men) if men >= threshold else
                         HELD_BACK, str(sum(1 for n in men_per_site.values() if n))])
            continue
        pooled, sites = str(table.men), str(table.hospitals)
        for column in sorted(table.questions):
            shown = table.questions[column]
            for answer in sorted(shown, key=_as_number):
                count = shown[answer]
                rows.append([
                    cycle, column, answer, HELD_BACK if count is None else str(count),
                    str(table.answered[column]), pooled, sites,
                ])
        rows += [[cycle, column, "", HELD_BACK, HELD_BACK, pooled, sites]
                 for column in sorted(table.withheld)]
    return rows  # fmt: skip


def _as_number(answer: str) -> tuple[int, str]:
    return (int(answer), "") if answer.lstrip("-").isdigit() else (0, answer)
