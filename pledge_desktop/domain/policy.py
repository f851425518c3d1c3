"""The charity's data policy: one versioned set of rules for everything that leaves a hospital.

It says how many forms must share each combination of answers that could help identify someone
(k), below which count a figure reads "fewer than N", which questions are such identifiers
(by question code, and by role: age, sex, ethnic group, time since diagnosis), the coarser bands
their answers go into before any answer is held back, the order in which they are given up when
a group is still too small, and the national lists of goal categories and interview themes.

The policy ships with the app as JSON and can be replaced by a newer one the charity sends; a
hospital can never make it weaker. This module reads and checks the text; reading the file is the
services' job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pledge_desktop.domain.errors import PolicyProblem

MIN_K = 2
MIN_THRESHOLD = 2
_CODE = re.compile(r"^[a-z0-9][a-z0-9_]{0,59}$")
_RESERVED = {"", "blank", "unreadable", "skipped", "suppressed", "withheld"}


@dataclass(frozen=True)
class Category:
    """A code with its plain label: a goal category, an interview theme, a band."""

    code: str
    label: str


@dataclass(frozen=True)
class Band:
    code: str
    label: str
    members: tuple[str, ...]  # the answer labels (as printed on the forms) it stands for


@dataclass(frozen=True)
class QuasiIdentifierRule:
    """One kind of answer that could help identify someone, and its coarser bands: each level
    of `levels` is coarser than the one before, and every band lies within one band of the
    next level."""

    role: str
    label: str
    codes: tuple[str, ...]
    levels: tuple[tuple[Band, ...], ...] = ()

    def band_of(self, answer_label: str, level: int) -> Band | None:
        """The band (at `level`, from 0) an answer printed as `answer_label` falls into."""
        wanted = normalise(answer_label)
        for band in self.levels[level]:
            if wanted in {normalise(m) for m in band.members}:
                return band
        return None


@dataclass(frozen=True)
class DataPolicy:
    version: int
    date: date
    issued_by: str
    k: int
    small_number_threshold: int
    quasi_identifiers: tuple[QuasiIdentifierRule, ...]  # in the order they are given up
    goal_categories: tuple[Category, ...] = ()
    themes: tuple[Category, ...] = ()
    men_national_table: bool = False
    about: str = ""

    def rule_for(self, question_code: str) -> QuasiIdentifierRule | None:
        for rule in self.quasi_identifiers:
            if question_code in rule.codes:
                return rule
        return None

    @property
    def give_up_order(self) -> tuple[str, ...]:
        return tuple(rule.role for rule in self.quasi_identifiers)

    def describe(self) -> str:
        return (
            f"Data policy version {self.version} of {self.date:%d %B %Y}, from {self.issued_by}: "
            f"every combination of answers that could identify someone is shared by at least "
            f"{self.k} forms; counts under {self.small_number_threshold} are shown as "
            f"“fewer than {self.small_number_threshold}”."
        )


def normalise(label: str) -> str:
    """Labels compared as a reader would: case, spacing and dash style do not matter."""
    return " ".join(label.replace("–", "-").replace("—", "-").casefold().split())


def parse_policy(text: str) -> DataPolicy:
    """The policy in `text` (JSON), checked; PolicyProblem says in plain English what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PolicyProblem(
            f"This is not a data policy file: it could not be read as JSON ({error.msg})."
        ) from None
    if not isinstance(data, dict) or data.get("policy") != "Service Pledge data policy":
        raise PolicyProblem("This file is not a Service Pledge data policy.")
    version = _whole(data, "version", 1)
    k = _whole(data, "k", MIN_K)
    threshold = _whole(data, "small_number_threshold", MIN_THRESHOLD)
    issued = data.get("date")
    try:
        when = date.fromisoformat(issued) if isinstance(issued, str) else None
    except ValueError:
        when = None
    if when is None:
        raise PolicyProblem("The policy's date is missing or not a date (write it as 2026-01-31).")
    issued_by = data.get("issued_by")
    if not isinstance(issued_by, str) or not issued_by.strip():
        raise PolicyProblem("The policy does not say who issued it.")
    rules = [_rule(item) for item in _list(data, "quasi_identifiers")]
    if not rules:
        raise PolicyProblem("The policy names no questions that could help identify someone.")
    roles = [rule.role for rule in rules]
    if len(set(roles)) != len(roles):
        raise PolicyProblem("The policy names the same kind of identifying answer twice.")
    codes = [code for rule in rules for code in rule.codes]
    if len(set(codes)) != len(codes):
        raise PolicyProblem("A question code is listed under two kinds of identifying answer.")
    order = data.get("give_up_order", roles)
    if not isinstance(order, list) or sorted(map(str, order)) != sorted(roles):
        raise PolicyProblem(
            "The order in which identifying answers are given up must name each of them once: "
            + ", ".join(roles)
            + "."
        )
    by_role = {rule.role: rule for rule in rules}
    men = data.get("men_national_table", False)
    if not isinstance(men, bool):
        raise PolicyProblem("“men_national_table” must be true or false.")
    about = data.get("about", "")
    return DataPolicy(
        version=version,
        date=when,
        issued_by=issued_by.strip(),
        k=k,
        small_number_threshold=threshold,
        quasi_identifiers=tuple(by_role[role] for role in order),
        goal_categories=_categories(data, "goal_categories", "goal category"),
        themes=_categories(data, "themes", "theme"),
        men_national_table=men,
        about=about if isinstance(about, str) else "",
    )


def replacement_problem(new: DataPolicy, current: DataPolicy) -> str | None:
    """Why `new` may not replace `current`, in plain English; None when it may.

    A newer version replaces an older one; an older or the same version is refused; and no
    policy, whoever it claims to come from, may lower k or the small-number threshold or stop
    treating an answer as identifying."""
    if new.version < current.version:
        return (
            f"This policy is version {new.version}, older than the version {current.version} "
            "already in use, so it was not taken."
        )
    if new.version == current.version:
        return f"Version {new.version} of the data policy is already in use."
    if new.k < current.k:
        return (
            f"This policy would let groups of {new.k} forms be sent where {current.k} are needed "
            "now. A policy can only make the rules stricter."
        )
    if new.small_number_threshold < current.small_number_threshold:
        return (
            f"This policy would show counts from {new.small_number_threshold} where counts under "
            f"{current.small_number_threshold} are held back now. A policy can only make the "
            "rules stricter."
        )
    kept = {code for rule in new.quasi_identifiers for code in rule.codes}
    dropped = [c for rule in current.quasi_identifiers for c in rule.codes if c not in kept]
    if dropped:
        return (
            "This policy would stop treating these answers as able to identify someone: "
            + ", ".join(dropped)
            + ". A policy can only make the rules stricter."
        )
    return None


def policy_is_not_weaker(new: DataPolicy, current: DataPolicy) -> bool:
    """True when `new` may replace `current` (see `replacement_problem`)."""
    return replacement_problem(new, current) is None


def _whole(data: dict[str, Any], key: str, least: int) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise PolicyProblem(f"The policy's “{key}” must be a whole number of at least {least}.")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise PolicyProblem(f"The policy's “{key}” must be a list.")
    return value


def _code(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _CODE.match(value) or value in _RESERVED:
        raise PolicyProblem(
            f"“{value}” cannot be the code of a {what}: use lower-case letters, digits and "
            "underscores, starting with a letter or digit."
        )
    return value


def _label(item: dict[str, Any], what: str) -> str:
    label = item.get("label")
    if not isinstance(label, str) or not label.strip():
        raise PolicyProblem(f"A {what} in the policy has no label.")
    return label.strip()


def _categories(data: dict[str, Any], key: str, what: str) -> tuple[Category, ...]:
    found = []
    for item in _list(data, key):
        if not isinstance(item, dict):
            raise PolicyProblem(f"Each {what} in the policy needs a code and a label.")
        found.append(Category(_code(item.get("code"), what), _label(item, what)))
    if len({c.code for c in found}) != len(found):
        raise PolicyProblem(f"Two {what} entries in the policy share a code.")
    return tuple(found)


def _rule(item: Any) -> QuasiIdentifierRule:
    if not isinstance(item, dict):
        raise PolicyProblem("Each identifying answer in the policy needs a role and codes.")
    role = _code(item.get("role"), "role")
    codes = item.get("codes")
    if not isinstance(codes, list) or not codes:
        raise PolicyProblem(f"The policy lists no question codes for “{role}”.")
    levels: list[tuple[Band, ...]] = []
    for level in item.get("bands", []) or []:
        if not isinstance(level, list) or not level:
            raise PolicyProblem(f"Each level of bands for “{role}” must be a list of bands.")
        levels.append(tuple(_band(band, role) for band in level))
    rule = QuasiIdentifierRule(
        role, _label(item, "role"), tuple(_code(c, "question") for c in codes), tuple(levels)
    )
    _check_bands(rule)
    return rule


def _band(item: Any, role: str) -> Band:
    if not isinstance(item, dict):
        raise PolicyProblem(f"A band for “{role}” needs a code, a label and what it stands for.")
    members = item.get("from")
    if (
        not isinstance(members, list)
        or not members
        or not all(isinstance(m, str) and m.strip() for m in members)
    ):
        raise PolicyProblem(f"A band for “{role}” does not say which answers it stands for.")
    code = _code(item.get("code"), "band")
    if code.isdigit():
        raise PolicyProblem(f"The band code “{code}” for “{role}” could be read as an answer code.")
    return Band(code, _label(item, "band"), tuple(members))


def _check_bands(rule: QuasiIdentifierRule) -> None:
    """No answer in two bands of one level; each band within one band of the next level."""
    codes: set[str] = set()
    for number, level in enumerate(rule.levels):
        seen: set[str] = set()
        for band in level:
            members = {normalise(m) for m in band.members}
            if members & seen:
                raise PolicyProblem(f"An answer about “{rule.label}” is in two bands at once.")
            seen |= members
            if band.code in codes:
                raise PolicyProblem(
                    f"The band code “{band.code}” is used twice for “{rule.label}”."
                )
            codes.add(band.code)
        if number + 1 < len(rule.levels):
            for band in level:
                above = {rule.band_of(m, number + 1) for m in band.members}
                if len(above) != 1 or None in above:
                    raise PolicyProblem(
                        f"The band “{band.label}” for “{rule.label}” does not fit inside one "
                        "band of the next, coarser level."
                    )
