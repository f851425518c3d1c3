"""k-anonymity over the questions that could help identify someone (age band, sex, time since
diagnosis …): before rows leave the hospital, every combination of those answers must be shared
by at least k rows.

`anonymise` follows the charity's data policy: generalise first, suppress last. A form whose
combination is too rare first has its answers put into the policy's coarser bands (age 50 to
69 rather than 50 to 59), or is joined by forms from a larger group shown in the same bands;
only then are answers given up, in the policy's order (time since diagnosis before ethnic group
before age, sex last). Forms whose combination is common enough keep every detail.

`k_anonymise` is the older rule, kept for comparison: it suppresses answers one question at a
time, the one with the most different answers first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pledge_desktop.domain.policy import DataPolicy
    from pledge_desktop.domain.questionnaire import Question

DEFAULT_K = 5
SUPPRESSED = "suppressed"

Row = dict[str, str]  # question code → the exported value ("" when missing)


@dataclass(frozen=True)
class Suppression:
    k: int
    rows_changed: int
    values_suppressed: dict[str, int]  # question code → values suppressed
    values_generalised: dict[str, int] = field(default_factory=dict)  # code → put into bands
    answers: int = 0  # forms × questions that could identify someone

    @property
    def total(self) -> int:
        return sum(self.values_suppressed.values())

    @property
    def generalised(self) -> int:
        return sum(self.values_generalised.values())

    def describe(self, labels: dict[str, str] | None = None) -> str:
        if not self.total and not self.generalised:
            return (
                f"Every combination of answers that could identify someone is shared by at "
                f"least {self.k} forms: nothing needs to be held back."
            )
        parts = [
            f"{count} answer(s) to “{(labels or {}).get(code, code)}”"
            for code, count in self.values_suppressed.items()
            if count
        ]
        coarser = [
            f"{count} answer(s) to “{(labels or {}).get(code, code)}”"
            for code, count in self.values_generalised.items()
            if count
        ]
        said = (
            f"{self.rows_changed} form(s) had a combination of answers shared by fewer than "
            f"{self.k} forms, which could pick a patient out."
        )
        if coarser:
            said += " Sent in broader bands: " + "; ".join(coarser) + "."
        if parts:
            said += " Held back: " + "; ".join(parts) + "."
        return said


def _key(row: Row, codes: list[str]) -> tuple[str, ...]:
    return tuple(row.get(code, "") for code in codes)


def _keys(rows: list[Row], codes: list[str]) -> list[tuple[str, ...]]:
    """Each row's answers to `codes` ("" where it has none), as `_key` gives them."""
    if len(codes) < 2:
        return [_key(row, codes) for row in rows]
    pick = itemgetter(*codes)
    try:
        return list(map(pick, rows))
    except KeyError:  # a row without some of the answers
        return [_key(row, codes) for row in rows]


def k_anonymise(rows: list[Row], codes: list[str], k: int = DEFAULT_K) -> Suppression:
    """Suppress quasi-identifier values in `rows` (changed in place) until every combination
    is shared by at least `k` rows; say what was held back."""
    if k < 2:
        raise ValueError("k must be 2 or more")
    changed: set[int] = set()
    suppressed: Counter[str] = Counter()
    # the most revealing question first: the one with the most different answers
    order = sorted(codes, key=lambda c: -len({row.get(c, "") for row in rows}))
    for _round in range(len(codes)):
        groups = Counter(_key(row, codes) for row in rows)
        small = [i for i, row in enumerate(rows) if groups[_key(row, codes)] < k]
        if not small:
            break
        for index in small:
            row = rows[index]
            for code in order:
                if row.get(code, "") not in ("", SUPPRESSED):
                    row[code] = SUPPRESSED
                    suppressed[code] += 1
                    changed.add(index)
                    break
    return Suppression(k, len(changed), {code: suppressed[code] for code in codes})


def smallest_group(rows: list[Row], codes: list[str]) -> int:
    """The size of the rarest combination of answers to `codes` that still tells anything."""
    groups = Counter(_key(row, codes) for row in rows)
    telling = [size for key, size in groups.items() if any(v not in ("", SUPPRESSED) for v in key)]
    return min(telling, default=0)


# --- generalise first, suppress last ------------------------------------------------------

Combo = tuple[str, ...]
_TOP = ("", SUPPRESSED)  # nothing left to give up


@dataclass(frozen=True)
class QuasiIdentifier:
    """A question whose answer could help identify someone, with its ladder of coarser values:
    `coarser` maps an answer (an option code, or a band code) to the next band up. An answer
    with no coarser band can only be given up ("suppressed")."""

    code: str
    coarser: dict[str, str] = field(default_factory=dict)
    band_labels: dict[str, str] = field(default_factory=dict)  # band code → its label

    def step(self, value: str) -> str | None:
        """The next coarser value, or None when nothing is left to give up."""
        if value in _TOP:
            return None
        return self.coarser.get(value, SUPPRESSED)

    def reaches(self, value: str, target: str) -> bool:
        """Whether `value` becomes `target` by going up its ladder (or already is it)."""
        return target in self.ladder(value)

    def ladder(self, value: str) -> tuple[str, ...]:
        """`value` and every coarser value above it."""
        found = [value]
        while (up := self.step(found[-1])) is not None:
            found.append(up)
        return tuple(found)


def quasi_identifiers_for(
    policy: DataPolicy, questions: Iterable[Question]
) -> list[QuasiIdentifier]:
    """The questions that could help identify someone, in the order they are given up: the
    questionnaire's own marks and the policy's codes together (the policy cannot be unticked).
    Questions the policy does not know are given up first."""
    unknown: list[QuasiIdentifier] = []
    known: dict[str, list[QuasiIdentifier]] = {}
    for question in questions:
        rule = policy.rule_for(question.code)
        if rule is None:
            if question.quasi_identifier:
                unknown.append(QuasiIdentifier(question.code))
            continue
        coarser: dict[str, str] = {}
        labels: dict[str, str] = {}
        for option in question.options:
            value, label = str(option.code), option.label
            for level in range(len(rule.levels)):
                band = rule.band_of(label, level)
                if band is None:
                    break
                coarser[value] = band.code
                labels[band.code] = band.label
                value = band.code
        known.setdefault(rule.role, []).append(QuasiIdentifier(question.code, coarser, labels))
    return unknown + [q for role in policy.give_up_order for q in known.get(role, [])]


def anonymise(
    rows: list[Row], policy: DataPolicy, questions: Iterable[Question], k: int | None = None
) -> Suppression:
    """Apply the policy to `rows` (changed in place): a hospital may ask for a larger k than
    the policy's, never a smaller one."""
    return generalise_then_suppress(
        rows, quasi_identifiers_for(policy, questions), max(policy.k, k or 0)
    )


def generalise_then_suppress(
    rows: list[Row], identifiers: Sequence[QuasiIdentifier], k: int = DEFAULT_K
) -> Suppression:
    """Make every combination of answers to `identifiers` that still tells anything shared by
    at least `k` rows (changed in place): bands first, answers given up last, and only on the
    forms that need it. Of the ways to start (each question in full detail, or all of its
    answers in the first bands) the one holding back fewest answers is kept."""
    if k < 2:
        raise ValueError("k must be 2 or more")
    codes = [q.code for q in identifiers]
    originals = _keys(rows, codes)
    counts = Counter(originals)
    best: tuple[tuple[int, int], dict[Combo, Counter[Combo]]] | None = None
    choices = [(False, True) if q.coarser else (False,) for q in identifiers]
    for start in product(*choices):
        plan = _recode(counts, identifiers, k, start)
        cost = _cost(plan, len(codes))
        if best is None or cost < best[0]:
            best = (cost, plan)
    plan = best[1] if best else {}
    suppressed: Counter[str] = Counter()
    generalised: Counter[str] = Counter()
    changed = 0
    handed = {orig: sorted(outs.elements()) for orig, outs in plan.items()}
    # which of the forms sharing a combination gets the coarser answers follows their random
    # id where there is one, not the order the forms were typed in
    ids = [row.get("response_id", "") for row in rows]
    order = sorted(range(len(rows)), key=ids.__getitem__)  # a stable sort: ties keep i's order
    for index in order:
        orig = originals[index]
        new = handed[orig].pop()
        if new == orig:
            continue
        changed += 1
        for code, before, after in zip(codes, orig, new, strict=True):
            if after != before:
                (suppressed if after == SUPPRESSED else generalised)[code] += 1
                rows[index][code] = after
    return Suppression(
        k,
        changed,
        {code: suppressed[code] for code in codes},
        {code: generalised[code] for code in codes},
        len(rows) * len(codes),
    )


def _telling(combo: Combo) -> bool:
    return any(value not in _TOP for value in combo)


def _cost(plan: dict[Combo, Counter[Combo]], width: int) -> tuple[int, int]:
    """(answers suppressed, answers generalised) of a plan."""
    held = coarser = 0
    for orig, outs in plan.items():
        for out, n in outs.items():
            for i in range(width):
                if out[i] != orig[i]:
                    if out[i] == SUPPRESSED:
                        held += n
                    else:
                        coarser += n
    return held, coarser


class _Groups:
    """Forms counted by (combination sent, combination given): the recoding works on counts,
    so a cycle of thousands of forms costs no more than its few hundred combinations."""

    def __init__(self, counts: Counter[Combo]) -> None:
        self.by_sent: dict[Combo, Counter[Combo]] = {}
        self.sizes: Counter[Combo] = Counter()
        self._ladders: dict[tuple[int, str], tuple[str, ...]] = {}
        self._below: list[dict[str, set[str]]] | None = None
        for orig, n in counts.items():
            self.by_sent.setdefault(orig, Counter())[orig] += n
            self.sizes[orig] += n

    def size(self, sent: Combo) -> int:
        return self.sizes.get(sent, 0)

    def move(self, sent: Combo, to: Combo, rows: int | None = None) -> None:
        """Move `rows` forms (all when None) now sent as `sent` to be sent as `to`."""
        source = self.by_sent[sent]
        target = self.by_sent.setdefault(to, Counter())
        left = self.size(sent) if rows is None else rows
        for orig, n in sorted(source.items(), key=lambda item: -item[1]):
            if left <= 0:
                break
            taken = min(n, left)
            source[orig] -= taken
            target[orig] += taken
            self.sizes[sent] -= taken
            self.sizes[to] += taken
            left -= taken
        self.by_sent[sent] = +source
        if not self.by_sent[sent]:
            del self.by_sent[sent]
            del self.sizes[sent]

    def finer(self, target: Combo, ids: Sequence[QuasiIdentifier]) -> list[Combo]:
        """The combinations now sent that become `target` by going up their ladders."""
        if self._below is None:
            self._below = [{} for _ in ids]
            for orig in list(self.by_sent):
                for i, (q, value) in enumerate(zip(ids, orig, strict=True)):
                    steps = self.ladder(i, q, value)
                    for m, up in enumerate(steps):
                        self._below[i].setdefault(up, set()).update(steps[: m + 1])
        choices = [self._below[i].get(t, {t}) for i, t in enumerate(target)]
        size = 1
        for values in choices:
            size *= len(values)
        if size > len(self.by_sent):
            return [
                sent
                for sent in self.by_sent
                if all(v in values for v, values in zip(sent, choices, strict=True))
            ]
        return [combo for combo in product(*choices) if combo in self.sizes]

    def ladder(self, i: int, q: QuasiIdentifier, value: str) -> tuple[str, ...]:
        key = (i, value)
        if key not in self._ladders:
            self._ladders[key] = q.ladder(value)
        return self._ladders[key]

    def plan(self) -> dict[Combo, Counter[Combo]]:
        result: dict[Combo, Counter[Combo]] = {}
        for sent, origins in self.by_sent.items():
            for orig, n in origins.items():
                result.setdefault(orig, Counter())[sent] += n
        return result


def _recode(
    counts: Counter[Combo], ids: Sequence[QuasiIdentifier], k: int, start: tuple[bool, ...]
) -> dict[Combo, Counter[Combo]]:
    groups = _Groups(counts)
    for sent in list(groups.by_sent):  # the questions put into bands for every form
        coarse = tuple(
            (q.coarser.get(v, v) if whole else v)
            for q, v, whole in zip(ids, sent, start, strict=True)
        )
        if coarse != sent:
            groups.move(sent, coarse)
    while True:
        small = sorted(
            ((sent, groups.size(sent)) for sent in groups.by_sent),
            key=lambda item: (-item[1], item[0]),
        )
        small = [(sent, n) for sent, n in small if n < k and _telling(sent)]
        if not small:
            return groups.plan()
        for sent, _n in small:
            size = groups.size(sent)
            if size == 0 or size >= k or _join(groups, sent, sent, ids, k, 0):
                continue
            # one question in a broader band may be enough: try each, in the giving-up order
            if any(_join(groups, sent, wider, ids, k, 0) for wider in _one_band_wider(sent, ids)):
                continue
            step = _next_step(sent, ids)
            gives_up = sum(v == SUPPRESSED for v in step) > sum(v == SUPPRESSED for v in sent)
            if not (gives_up and _join(groups, sent, sent, ids, k, size)):
                groups.move(sent, step)


def _one_band_wider(sent: Combo, ids: Sequence[QuasiIdentifier]) -> list[Combo]:
    return [
        (*sent[:i], q.coarser[sent[i]], *sent[i + 1 :])
        for i, q in enumerate(ids)
        if sent[i] in q.coarser
    ]


def _join(
    groups: _Groups,
    sent: Combo,
    target: Combo,
    ids: Sequence[QuasiIdentifier],
    k: int,
    allowance: int,
) -> bool:
    """Send the forms now sent as `sent` as `target` instead, if with those already there and
    forms borrowed from other groups (see `_borrow`) they make at least k."""
    need = k - groups.size(sent) - (groups.size(target) if target != sent else 0)
    if need > 0 and not _borrow(groups, target, need, ids, k, allowance, sent):
        return False
    if target != sent:
        groups.move(sent, target)
    return True


def _next_step(sent: Combo, ids: Sequence[QuasiIdentifier]) -> Combo:
    """One step coarser: a band for the first question (in the giving-up order) that has one;
    failing that, give up the first question still answered."""
    for i, q in enumerate(ids):
        if sent[i] in q.coarser:
            return (*sent[:i], q.coarser[sent[i]], *sent[i + 1 :])
    for i, value in enumerate(sent):
        if value not in _TOP:
            return (*sent[:i], SUPPRESSED, *sent[i + 1 :])
    return sent


def _borrow(
    groups: _Groups,
    target: Combo,
    need: int,
    ids: Sequence[QuasiIdentifier],
    k: int,
    allowance: int,
    joining: Combo,
) -> bool:
    """Fill a too-small group with forms from groups that can spare them and can be shown the
    same way (putting them into the same bands), if that gives up no more than `allowance`
    answers. Whole small groups are taken too: merging two small groups solves both."""
    offers = []
    for sent in groups.finer(target, ids):
        if sent in (target, joining):
            continue
        size = groups.size(sent)
        cost = sum(1 for v, t in zip(sent, target, strict=True) if t == SUPPRESSED != v)
        offers.append((cost, size >= k, -(size % k if size >= k else size), sent, size))
    offers.sort()
    taken: list[tuple[Combo, int | None]] = []
    spent = 0
    for cost, big, _s, sent, size in offers:
        if need <= 0:
            break
        spare = size - k if big else size
        if big and spare < need and allowance and not cost:
            moved = size  # a whole group shown more broadly, rather than answers given up
        elif big:
            moved = min(spare, need)
        else:
            moved = size
        if moved <= 0:
            continue
        spent += cost * moved
        taken.append((sent, moved))
        need -= moved
    if need > 0 or spent > allowance:
        return False
    for sent, rows in taken:
        groups.move(sent, target, rows)
    return True
