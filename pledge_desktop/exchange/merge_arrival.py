"""What the charity checks again when a package arrives, whatever version of the app made it:
the data policy it was made under, k-anonymity on the answers that could identify someone
(worked out on the rows as they arrived), and every word in it passed through the identifier
gate again (a finding is removed, and the merge says how many and where)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from pledge_desktop.domain.anonymity import smallest_group
from pledge_desktop.domain.national import plural
from pledge_desktop.domain.policy import DataPolicy
from pledge_desktop.domain.privacy import REMOVED, OutgoingText, review_outgoing
from pledge_desktop.exchange.merge_stream import MISSING_TOKENS, Check
from pledge_desktop.exchange.package_read import LoadedPackage

POLICY_VERSION = ("policy_version", "data_policy_version")  # in `pledge` or site.csv
GOAL_CATEGORY = "national_category"
THEME_CODE = "national_code"
TEXT_KINDS = ("short_text", "long_text")
# words that leave a hospital, by table: checked again on arrival
LEAVING = {
    "goals": ("title", "description", "why"),
    "standards": ("text",),
    "quotes": ("wording", "attributed_to"),
    "interview_themes": ("theme",),
}


def first_of(row: dict[str, Any], names: Sequence[str]) -> str:
    return next((str(row[n]) for n in names if row.get(n) not in (None, "")), "")


def arrival_check(policy: DataPolicy | None, k: int = 5) -> Check:
    """The check `merge_stream.read_all` runs on each package before it is counted."""
    found_in: dict[str, list[Any]] = {}  # the gate's findings by text: the same words recur

    def check(package: LoadedPackage) -> str | dict[str, Any]:
        site = next(iter(package.tables.get("site", [])), {})
        version = first_of(package.about, POLICY_VERSION) or first_of(site, POLICY_VERSION)
        if policy is not None and version.isdigit() and int(version) > policy.version:
            return (
                f"It was made under data policy version {version}, newer than the version "
                f"{policy.version} this merge follows: import the charity's newest policy first."
            )
        needed = policy.k if policy is not None else k
        problem = _too_small_groups(package, policy, needed)
        if problem:
            return problem
        problem = _identifying_text_questions(package)
        if problem:
            return problem
        removed = _gate(package, found_in)
        return {
            "policy_version": version,
            "removed": removed,
            "goal_categories": Counter(
                row.get(GOAL_CATEGORY) or "" for row in package.tables.get("goals", [])
            ),
            "themes": _themes(package),
            "site": dict(site),
        }

    return check


def quasi_identifier_codes(package: LoadedPackage, policy: DataPolicy | None) -> list[str]:
    marked = {
        q["question_code"]
        for q in package.tables["questions"]
        if q.get("quasi_identifier") == "yes"
    }
    if policy is not None:
        marked |= {code for rule in policy.quasi_identifiers for code in rule.codes}
    columns = package.columns.get("responses")
    present = (
        set(columns)
        if columns is not None
        else set(next(iter(package.tables.get("responses", [])), {}))
    )
    return sorted(marked & present)


def _too_small_groups(package: LoadedPackage, policy: DataPolicy | None, k: int) -> str | None:
    codes = quasi_identifier_codes(package, policy)
    if not codes:
        return None
    columns = package.columns.get("responses")
    if columns is not None:
        rows = [
            dict(zip(codes, combo, strict=True))
            for combo in zip(*(columns[c] for c in codes), strict=True)
        ]
    else:
        rows = [{c: r.get(c, "") for c in codes} for r in package.tables.get("responses", [])]
    smallest = smallest_group(rows, codes)
    if 0 < smallest < k:
        return (
            f"Answers that could identify a patient ({', '.join(codes)}) are shared by only "
            f"{plural(smallest, 'form')} in one combination; the data policy needs at least {k}. "
            "Ask the hospital to export it again with an up-to-date Pledge Desktop."
        )
    return None


def _identifying_text_questions(package: LoadedPackage) -> str | None:
    """A written-answer question marked as identifying must never carry words."""
    marked = [
        q["question_code"]
        for q in package.tables["questions"]
        if q.get("type") in TEXT_KINDS and q.get("quasi_identifier") == "yes"
    ]
    columns = package.columns.get("responses", {})
    for code in marked:
        cells = (
            columns.get(code)
            if columns
            else [r.get(code, "") for r in package.tables.get("responses", [])]
        )
        if cells and any(c not in MISSING_TOKENS for c in set(cells)):
            return (
                f"It holds written answers to “{code}”, a question that identifies the patient: "
                "those are never sent. Ask the hospital to export it again."
            )
    return None


def _gate(
    package: LoadedPackage, found_in: dict[str, list[Any]]
) -> list[tuple[str, str, str, int]]:
    """Every leaving word reviewed again; findings replaced by a marker in place. Returns
    (table, field, kind, how many) for the merge's report."""
    removed: Counter[tuple[str, str, str]] = Counter()

    def cleaned(table: str, name: str, text: str) -> str:
        if text in MISSING_TOKENS:
            return text
        if text not in found_in:
            found_in[text] = review_outgoing([OutgoingText(table, "", name, text)])
        findings = found_in[text]
        if not findings:
            return text
        for finding in sorted(findings, key=lambda f: f.start, reverse=True):
            text = text[: finding.start] + REMOVED + text[finding.end :]
            removed[(table, name, finding.kind)] += 1
        return text

    text_codes = [
        q["question_code"] for q in package.tables["questions"] if q.get("type") in TEXT_KINDS
    ]
    columns = package.columns.get("responses")
    for code in text_codes:
        if columns is not None and code in columns:
            cells = columns[code]
            if any(c not in MISSING_TOKENS for c in set(cells)):
                columns[code] = [cleaned("responses", code, c) for c in cells]
        else:
            for row in package.tables.get("responses", []):
                if code in row:
                    row[code] = cleaned("responses", code, row[code])
    for table, names in LEAVING.items():
        for row in package.tables.get(table, []):
            for name in names:
                if row.get(name):
                    row[name] = cleaned(table, name, row[name])
    return [(t, f, kind, n) for (t, f, kind), n in sorted(removed.items())]


def _themes(package: LoadedPackage) -> dict[str, int]:
    """Interviews mentioning each national theme code."""
    seen: dict[str, set[str]] = {}
    for row in package.tables.get("interview_themes", []):
        code = row.get(THEME_CODE) or ""
        if code:
            seen.setdefault(code, set()).add(row.get("interview_id", ""))
    return {code: len(ids) for code, ids in seen.items()}
