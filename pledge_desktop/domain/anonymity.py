"""k-anonymity over the questions that could help identify someone (age band, sex, time since
diagnosis …): before rows leave the hospital, every combination of those answers must be shared
by at least k rows. Where a row's combination is rarer, its answers are suppressed one question
at a time, the most revealing (the question with the most different answers) first, until its
group is large enough or nothing identifying is left in it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

DEFAULT_K = 5
SUPPRESSED = "suppressed"

Row = dict[str, str]  # question code → the exported value ("" when missing)


@dataclass(frozen=True)
class Suppression:
    k: int
    rows_changed: int
    values_suppressed: dict[str, int]  # question code → values suppressed

    @property
    def total(self) -> int:
        return sum(self.values_suppressed.values())

    def describe(self, labels: dict[str, str] | None = None) -> str:
        if not self.total:
            return (
                f"Every combination of answers that could identify someone is shared by at "
                f"least {self.k} forms: nothing needs to be held back."
            )
        parts = [
            f"{count} answer(s) to “{(labels or {}).get(code, code)}”"
            for code, count in self.values_suppressed.items()
            if count
        ]
        return (
            f"{self.rows_changed} form(s) had a combination of answers shared by fewer than "
            f"{self.k} forms, which could pick a patient out. Held back: " + "; ".join(parts) + "."
        )


def _key(row: Row, codes: list[str]) -> tuple[str, ...]:
    return tuple(row.get(code, "") for code in codes)


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
