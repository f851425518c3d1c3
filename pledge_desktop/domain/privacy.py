"""One gate for every word that leaves the app.

Every text column is classed once (db/text_classes.py): it *stays* in the app, *leaves* through
this gate, or is *structural* (codes, choices, fingerprints). On its way into any output (the
charity package, summaries, the interviews spreadsheet, the booklet and poster) each leaving
text is reviewed here: the identifier check runs over it, and each finding says where it is
(table, row, field), what kind it is and the identifier masked, never the identifier itself.

The nurse decides each finding: remove it (the span becomes a marker) or record it as "not an
identifier". A decision is keyed by a fingerprint of the table, row, field and the words found,
so it holds when the review is run again and lapses when those words change.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.identifiers import Finding, NameLists, find_identifiers, mask_words

REMOVED = "[removed]"


class FindingsRemain(PledgeError):
    """Something on its way out could identify someone and the nurse has not decided it."""

    def __init__(self, findings: list[GateFinding], where: str = "the package") -> None:
        self.findings = findings
        super().__init__(
            f"Nothing was written: {len(findings)} thing(s) in {where} could identify "
            "someone. Remove each one, or record that it is not an identifier."
        )


class TextClass(Enum):
    STAYS = "stays"  # never leaves the app: notes, memos, transcripts, contact details
    LEAVES = "leaves"  # may leave, through the gate: goals, standards, quotes, written answers
    STRUCTURAL = "structural"  # codes, choices, fingerprints, file names


@dataclass(frozen=True)
class OutgoingText:
    """One text on its way out: which table, row (id or key) and field it comes from."""

    table: str
    row: str
    field: str
    text: str


@dataclass(frozen=True)
class GateFinding:
    table: str
    row: str
    field: str
    kind: str
    start: int
    end: int
    masked: str  # the identifier with all but each word's first letter hidden
    note: str
    key: str  # the decision fingerprint (see decision_key)

    @property
    def where(self) -> str:
        return f"{self.table} {self.row}, {self.field}"


def decision_key(table: str, row: str, field: str, found_words: str) -> str:
    """A stable fingerprint of one finding, for recording "not an identifier" against it."""
    joined = "\x1f".join((table, str(row), field, found_words))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def review_outgoing(
    values: Iterable[OutgoingText],
    names: Iterable[str] = (),
    today: date | None = None,
    *,
    lists: NameLists | None = None,
    every_date: bool = True,
    not_identifiers: Collection[str] = (),
) -> list[GateFinding]:
    """Every identifier found in `values`, in the order given, except those whose key the nurse
    has recorded as "not an identifier". `names` are the team's and representatives' names."""
    names = tuple(names)
    found: list[GateFinding] = []
    for value in values:
        if not value.text:
            continue
        for finding in _findings(value, names, today, lists, every_date):
            key = decision_key(value.table, value.row, value.field, finding.text)
            if key in not_identifiers:
                continue
            found.append(
                GateFinding(
                    value.table,
                    value.row,
                    value.field,
                    finding.kind,
                    finding.start,
                    finding.end,
                    mask_words(finding.text),
                    finding.note,
                    key,
                )
            )
    return found


def _findings(
    value: OutgoingText,
    names: tuple[str, ...],
    today: date | None,
    lists: NameLists | None,
    every_date: bool,
) -> list[Finding]:
    return find_identifiers(value.text, names, today, lists=lists, every_date=every_date)


def apply_decisions(
    values: Iterable[OutgoingText],
    findings: Iterable[GateFinding],
    not_identifiers: Collection[str] = (),
    marker: str = REMOVED,
) -> list[OutgoingText]:
    """`values` with every finding replaced by `marker`, except those recorded as "not an
    identifier". The findings must come from review_outgoing over the same values."""
    by_place: dict[tuple[str, str, str], list[GateFinding]] = defaultdict(list)
    for finding in findings:
        if finding.key not in not_identifiers:
            by_place[(finding.table, finding.row, finding.field)].append(finding)
    cleaned: list[OutgoingText] = []
    for value in values:
        text = value.text
        spans = by_place.get((value.table, value.row, value.field), [])
        for finding in sorted(spans, key=lambda f: f.start, reverse=True):
            text = text[: finding.start] + marker + text[finding.end :]
        cleaned.append(replace(value, text=text) if text != value.text else value)
    return cleaned


def clean_outgoing(
    values: Iterable[OutgoingText],
    names: Iterable[str] = (),
    today: date | None = None,
    *,
    lists: NameLists | None = None,
    every_date: bool = True,
    not_identifiers: Collection[str] = (),
    marker: str = REMOVED,
) -> tuple[list[OutgoingText], list[GateFinding]]:
    """Review and remove in one step (`pledge export --redact`): the cleaned values and what
    was removed, for saying how many and where."""
    values = list(values)
    found = review_outgoing(
        values, names, today, lists=lists, every_date=every_date, not_identifiers=not_identifiers
    )
    return apply_decisions(values, found, not_identifiers, marker), found


# --- small numbers of people, in words, for the booklet's plain-English check ---------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a single": 1,
    "only one": 1, "just one": 1, "a pair of": 2,
}  # fmt: skip
_PEOPLE = (
    r"(?:men|women|man|woman|patients?|people|persons?|ladies|lady|gentlemen|gentleman|"
    r"mothers?|mums?|fathers?|dads?|husbands?|wives|wife|partners?|carers?|daughters?|sons?|"
    r"respondents?|families|family|girls?|boys?|individuals?|survivors?|members?)"
)
_FEW_PEOPLE = re.compile(
    rf"\b(?P<count>\d{{1,3}}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
    rf"\s+(?:(?!of\b|in\b|out\b)[a-z-]+\s+){{0,2}}?{_PEOPLE}\b",
    re.IGNORECASE,
)
_RATIO_BEFORE = re.compile(r"(?:\bin|\bout of|\bof every|\bper|%)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class FewPeople:
    start: int
    end: int
    text: str
    count: int

    @property
    def advice(self) -> str:
        return (
            f"“{self.text}” speaks of {self.count} "
            f"{'person' if self.count == 1 else 'people'}: so few can be recognised by those "
            "who know them. Say “some patients” or give a share of everyone who answered."
        )


def words_about_few_people(text: str, fewer_than: int = 8) -> list[FewPeople]:
    """Places where `text` speaks of a small number of people ("two men told us", "3 patients
    said", "one woman"), which readers who know them could recognise."""
    found: list[FewPeople] = []
    for match in _FEW_PEOPLE.finditer(text):
        written = match.group("count").lower()
        count = int(written) if written.isdigit() else _NUMBER_WORDS[written]
        if not 1 <= count < fewer_than:
            continue
        if _RATIO_BEFORE.search(text[max(0, match.start() - 10) : match.start()]):
            continue  # "3 in 4 patients" is a share, not a count
        after = text[match.end() : match.end() + 8]
        if re.match(r"\s*(?:in|out of)\s+\d", after, re.IGNORECASE) or re.match(r"\s*%", after):
            continue
        found.append(FewPeople(match.start(), match.end(), match.group(), count))
    return found
