"""Questionnaire conformance: a question is pooled only with questions defined the same way.

Each package describes its questions (wording, kind, answer codes and labels); newer ones also
carry a fingerprint of each question's definition. Two hospitals' questions with the same code
are the same question only when their fingerprints agree (or, where a package has none, when
wording, kind, codes and labels agree, compared as a reader would: case, spacing and dash style
aside). Nothing is decided by which package came last: each different definition of a code gets
its own column in the merged responses (`q__v2`, `q__v3` …, the plain code going to the
definition most pledges used), and `conformance.csv` lists, per cycle and hospital, each
question reworded, re-coded, added or missing against what most hospitals of that cycle asked.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pledge_desktop.domain.policy import normalise

FINGERPRINT_COLUMNS = ("definition_fingerprint", "fingerprint")  # in the questions table
VARIANT = "__v"  # q__v2: the second definition of q met
OPTION = "__"  # q__3: 1 where answer 3 was ticked (multiple choice), 0 where not
CONFORMANCE_HEADER = [
    "cycle",
    "site_code",
    "question_code",
    "change",
    "this_hospital_asked",
    "most_hospitals_asked",
    "merged_column",
]


@dataclass(frozen=True)
class Definition:
    code: str
    text: str
    kind: str
    options: tuple[tuple[str, str], ...]  # (code, label)
    fingerprint: str  # the package's own, or "" in an older package
    quasi_identifier: bool = False

    @property
    def shape(self) -> str:
        """Kind, codes and labels: what re-coding changes."""
        opts = "|".join(f"{c}={normalise(label)}" for c, label in self.options)
        return f"{self.kind}|{opts}"

    @property
    def computed(self) -> str:
        joined = f"{normalise(self.text)}\x1f{self.shape}"
        return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]

    def option_labels(self) -> dict[str, str]:
        return dict(self.options)


def definitions(
    questions: Iterable[Mapping[str, str]], options: Iterable[Mapping[str, str]]
) -> dict[str, Definition]:
    """A package's questions by code, in its order."""
    by_question: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in options:
        by_question[row.get("question_code", "")].append(
            (row.get("code", ""), row.get("label", ""))
        )
    found: dict[str, Definition] = {}
    for row in questions:
        code = row.get("question_code", "")
        fingerprint = next((row[c] for c in FINGERPRINT_COLUMNS if row.get(c)), "")
        found[code] = Definition(
            code,
            row.get("text", ""),
            row.get("type", ""),
            tuple(sorted(by_question[code], key=lambda o: (_number(o[0]), o[0]))),
            fingerprint,
            row.get("quasi_identifier") == "yes",
        )
    return found


def _number(code: str) -> int:
    try:
        return int(code)
    except ValueError:
        return 10**9


@dataclass(frozen=True)
class Columns:
    """Which merged column each pledge's question goes to, and each column's definition."""

    by_pledge: dict[int, dict[str, str]]  # pledge index → code → merged column
    defined: dict[str, Definition]  # merged column → definition, in first-met order


def assign_columns(pledges: Sequence[Mapping[str, Definition]]) -> Columns:
    """One merged column per distinct definition of each code (see the module's note)."""
    keys = _keys(pledges)
    users: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], int] = {}
    for index, defs in enumerate(pledges):
        for code in defs:
            key = keys[index][code]
            users[code][key] += 1
            first.setdefault((code, key), index)
    column_of: dict[tuple[str, str], str] = {}
    for code, counted in users.items():
        ranked = sorted(counted, key=lambda k: (-counted[k], first[(code, k)]))
        for rank, key in enumerate(ranked, start=1):
            column_of[(code, key)] = code if rank == 1 else f"{code}{VARIANT}{rank}"
    by_pledge: dict[int, dict[str, str]] = {}
    defined: dict[str, Definition] = {}
    for index, defs in enumerate(pledges):
        by_pledge[index] = {}
        for code, definition in defs.items():
            column = column_of[(code, keys[index][code])]
            by_pledge[index][code] = column
            defined.setdefault(column, definition)
    return Columns(by_pledge, defined)


def _keys(pledges: Sequence[Mapping[str, Definition]]) -> list[dict[str, str]]:
    """Each pledge's definition key per code: the fingerprint where every package asking the
    code carries one, otherwise the definition as worked out here."""
    every_has: dict[str, bool] = {}
    for defs in pledges:
        for code, definition in defs.items():
            every_has[code] = every_has.get(code, True) and bool(definition.fingerprint)
    return [
        {
            code: (d.fingerprint if every_has[code] else d.computed) + "|" + d.shape
            for code, d in defs.items()
        }
        for defs in pledges
    ]


def conformance_rows(
    cycle: str,
    sites: Sequence[str],
    pledges: Sequence[Mapping[str, Definition]],
    columns: Sequence[Mapping[str, str]],
) -> list[list[str]]:
    """The rows of conformance.csv for one cycle's pledges (sites[i] asked pledges[i])."""
    asked: Counter[str] = Counter(code for defs in pledges for code in defs)
    common = {code for code, n in asked.items() if 2 * n > len(pledges)}
    usual: dict[str, Counter[str]] = defaultdict(Counter)
    for defs, cols in zip(pledges, columns, strict=True):
        for code in defs:
            usual[code][cols[code]] += 1
    reference: dict[str, tuple[str, Definition]] = {}
    for code, counted in usual.items():
        column = sorted(counted, key=lambda c: (-counted[c], len(c), c))[0]
        index = next(i for i, cols in enumerate(columns) if cols.get(code) == column)
        reference[code] = (column, pledges[index][code])
    rows: list[list[str]] = []
    for site, defs, cols in zip(sites, pledges, columns, strict=True):
        for code, definition in defs.items():
            column, usual_def = reference[code]
            if code not in common:
                rows.append([cycle, site, code, "added", definition.text, "", cols[code]])
            elif cols[code] != column:
                change = "re-coded" if definition.shape != usual_def.shape else "reworded"
                if change == "reworded" and normalise(definition.text) == normalise(usual_def.text):
                    change = "defined differently"
                rows.append(
                    [cycle, site, code, change, definition.text, usual_def.text, cols[code]]
                )
        for code in sorted(common - set(defs)):
            rows.append([cycle, site, code, "missing", "", reference[code][1].text, ""])
    return rows
