"""The privacy gate on the public print: the booklet (every edition), the waiting-room poster and
the published pledge are read by everyone, so every word of theirs that may leave the app
(db/text_classes.py) passes the same identifier check as the charity package before it is
printed.

What the booklet prints by design is not a finding: the team's names, roles and phones, the
representatives who agreed to be named, the unit's phones and address, the hospital's and
trust's names, the national helplines. Anything else the check finds (a patient's name in a
goal, a date of birth in a quote, a phone number in the welcome) is listed for the nurse to
remove or record as "not an identifier", exactly as for the package; nothing is printed while
one is undecided."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from pledge_desktop.domain.booklet import BookletContents, BookletWords, PrintedQuote
from pledge_desktop.domain.identifiers import NameLists, mask_words
from pledge_desktop.domain.privacy import (
    REMOVED,
    FindingsRemain,
    GateFinding,
    OutgoingText,
    apply_decisions,
    review_outgoing,
)
from pledge_desktop.domain.setup import TEAM_ROLES

WORDS = ("welcome", "contact", "out_of_hours", "get_involved", "other_formats")
_TITLES = frozenset(
    ("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "sister", "nurse", "professor", "prof",
     "sir", "dame", "lady", "lord")
)  # fmt: skip
T = TypeVar("T", bound=Any)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class PrintChoices:
    """The nurse's answer to the check: the findings to print as [removed] (by key), or all."""

    remove: frozenset[str] = frozenset()
    remove_all: bool = False

    def decided(self, findings: list[GateFinding], where: str) -> list[GateFinding]:
        """The findings to print as [removed]; FindingsRemain while any is undecided."""
        undecided = [f for f in findings if f.key not in self.remove]
        if undecided and not self.remove_all:
            raise FindingsRemain(undecided, where)
        return findings


@dataclass(frozen=True)
class PublicFacts:
    """What may be printed for everyone to read, by design."""

    names: tuple[frozenset[str], ...]  # each name that may be printed: its words, lower case
    phones: frozenset[str]  # digits only, in the national form (0…)
    places: tuple[str, ...]  # the unit's address and the hospital's names, folded

    def allows(self, kind: str, text: str) -> bool:
        """True when `text`, found as `kind`, is one of these public details: a phone number
        printed by design, a part of the unit's address, or a name whose words all belong to
        one person (or place) that may be named, never words taken from two of them."""
        if kind == "phone number":
            digits = _national(re.sub(r"\D", "", text))
            return len(digits) >= 6 and digits in self.phones
        folded = _fold(text)
        if kind in _ADDRESS and folded and any(folded in place for place in self.places):
            return True
        words = {w.lower() for w in _WORD.findall(text) if w.lower() not in _TITLES}
        return bool(words) and kind == "name" and any(words <= name for name in self.names)


def public_facts(contents: BookletContents, also_named: Iterable[str] = ()) -> PublicFacts:
    """What the booklet prints by design; `also_named`: other people who agreed to be named
    (representatives of the team's other pledges). The national helplines are printed by design
    in their own place only: their names and numbers do not let words through elsewhere."""
    names = [*(member.name for member in contents.team), *also_named]
    names += [*contents.representatives, contents.hospital, contents.trust]
    phones = [contents.unit_phone, contents.out_of_hours_phone]
    phones += [member.phone for member in contents.team]
    return PublicFacts(
        tuple(
            frozenset(w.lower() for w in _WORD.findall(name) if w.lower() not in _TITLES)
            for name in names
            if name
        ),
        frozenset(_national(re.sub(r"\D", "", p)) for p in phones if p and p.strip()),
        tuple(_fold(place) for place in (contents.address, contents.hospital, contents.trust)),
    )


# what the booklet prints by design, and the one kind of identifier each such field may hold
_ADDRESS = frozenset({"street address", "postcode"})
_NAME, _PHONE, _PLACE = (
    frozenset({"name"}),
    frozenset({"phone number"}),
    frozenset({"street address", "postcode", "name"}),
)
PUBLIC_KINDS = {
    ("team", "name"): _NAME,
    ("team", "role"): frozenset(),  # job titles that read like names: see _ROLE_WORDS
    ("team", "phone"): _PHONE,
    ("representative", "name"): _NAME,
    ("unit", "hospital"): _PLACE,
    ("unit", "trust"): _PLACE,
    ("unit", "address"): _ADDRESS,  # a name in it only when it is the hospital's
    ("unit", "phone"): _PHONE,
    ("unit", "out of hours phone"): _PHONE,
    ("helpline", "name"): _NAME,
    ("helpline", "phone"): _PHONE,
    ("helpline", "hours"): frozenset(),
    ("quote", "said by, named with consent"): _NAME,  # a first name or a staff member
}


# the words of job titles, which the name check can take for a name ("Consultant Oncologist")
_ROLE_WORDS = frozenset(
    word.lower()
    for role in TEAM_ROLES
    for word in _WORD.findall(role)
) | frozenset(
    ("specialist", "senior", "lead", "matron", "sister", "charge", "staff", "nurse", "clinical",
     "consultant", "surgeon", "oncologist", "radiologist", "radiographer", "physician",
     "registrar", "doctor", "secretary", "coordinator", "co-ordinator", "manager", "support",
     "worker", "therapist", "physiotherapist", "dietitian", "pharmacist", "pathologist",
     "plastic", "reconstructive", "breast", "care", "team", "psychologist", "counsellor",
     "practitioner", "advanced", "assistant", "associate", "administrator", "clerk", "head")
)  # fmt: skip


def _a_job_title(finding: GateFinding, text: str) -> bool:
    """A "name" the check found in a team member's role that is only words of job titles."""
    if (finding.table, finding.field, finding.kind) != ("team", "role", "name"):
        return False
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words) and words <= _ROLE_WORDS


def _said_by(quote: PrintedQuote) -> str:
    return "said by, named with consent" if quote.named_with_consent else "said by"


def public_words(contents: BookletContents) -> list[OutgoingText]:
    """The contact details the booklet prints by design: each may hold its own kind of
    identifier (a team member's name, the unit's phone) and nothing else."""
    values = [
        OutgoingText("unit", "", "hospital", contents.hospital),
        OutgoingText("unit", "", "trust", contents.trust),
        OutgoingText("unit", "", "address", contents.address),
        OutgoingText("unit", "", "phone", contents.unit_phone),
        OutgoingText("unit", "", "out of hours phone", contents.out_of_hours_phone),
    ]
    for number, member in enumerate(contents.team, 1):
        for name in ("name", "role", "phone"):
            values.append(OutgoingText("team", str(number), name, getattr(member, name)))
    for number, person in enumerate(contents.representatives, 1):
        values.append(OutgoingText("representative", str(number), "name", person))
    for number, line in enumerate(contents.helplines, 1):
        for name in ("name", "phone", "hours"):
            values.append(OutgoingText("helpline", str(number), name, getattr(line, name)))
    return [value for value in values if value.text and value.text.strip()]


def printed_words(contents: BookletContents) -> list[OutgoingText]:
    """Every word the booklet prints, with where it is: what the team or patients wrote, and
    the contact details printed by design (public_words)."""
    values = public_words(contents) + [
        OutgoingText("booklet", "words", name, getattr(contents.words, name)) for name in WORDS
    ]
    values.append(OutgoingText("pledge", "", "label", contents.cycle_label))
    values.append(OutgoingText("booklet", "cover", "cover line", contents.cover_line))
    values.append(OutgoingText("booklet", "cover", "credit line", contents.credit_line))
    for number, standard in enumerate(contents.standards, 1):
        values.append(OutgoingText("standard", str(number), "text", standard))
    for number, goal in enumerate(contents.goals, 1):
        for name in ("title", "description", "why", "progress"):
            values.append(OutgoingText("goal", str(number), name, getattr(goal, name)))
    for number, quote in enumerate(contents.quotes, 1):
        values.append(OutgoingText("quote", str(number), "words", quote.wording))
        values.append(OutgoingText("quote", str(number), _said_by(quote), quote.attributed_to))
    for number, finding in enumerate(contents.findings, 1):
        values.append(OutgoingText("what you told us", str(number), "sentence", finding.sentence))
    return [value for value in values if value.text and value.text.strip()]


def poster_words(
    rows: Iterable[tuple[str, str]], hospital: str = "", phone: str = "", label: str = ""
) -> list[OutgoingText]:
    """The poster's "You said" and "We are doing" lines, and the hospital, phone and pledge it
    names."""
    values = [
        OutgoingText("pledge", "", "label", label),
        OutgoingText("unit", "", "hospital", hospital),
        OutgoingText("unit", "", "phone", phone),
    ]
    for number, (said, doing) in enumerate(rows, 1):
        values.append(OutgoingText("poster", str(number), "you said", said))
        values.append(OutgoingText("poster", str(number), "we are doing", doing))
    return [value for value in values if value.text.strip()]


def review_print(
    values: Iterable[OutgoingText],
    facts: PublicFacts,
    *,
    not_to_be_named: Iterable[str] = (),
    lists: NameLists | None = None,
    not_identifiers: Collection[str] = (),
) -> list[GateFinding]:
    """Every identifier in `values` that is not printed by design and not already recorded as
    "not an identifier". `not_to_be_named`: representatives who did not agree to be named."""
    values = list(values)
    found = review_outgoing(
        values,
        tuple(not_to_be_named),
        lists=lists,
        every_date=True,  # as the package: an appointment date can point to one person
        not_identifiers=not_identifiers,
    )
    texts = {(v.table, v.row, v.field): v.text for v in values}
    kept = [
        f
        for f in found
        if f.kind not in PUBLIC_KINDS.get((f.table, f.field), frozenset())
        and not facts.allows(f.kind, texts[(f.table, f.row, f.field)][f.start : f.end])
        and not _a_job_title(f, texts[(f.table, f.row, f.field)][f.start : f.end])
    ]
    return [replace(f, note=_in_words(f, texts, kept)) for f in kept]


def _in_words(
    finding: GateFinding, texts: dict[tuple[str, str, str], str], found: list[GateFinding]
) -> str:
    """The words around a finding, every identifier in them masked, so the nurse can tell which
    goal or quote it is in: 'in “…call Mrs M****** T******* back on 0**** 9*****…”'."""
    place = (finding.table, finding.row, finding.field)
    text = texts[place]
    for other in found:
        if (other.table, other.row, other.field) == place:
            masked = mask_words(text[other.start : other.end])  # the same length
            text = text[: other.start] + masked + text[other.end :]
    start, end = max(0, finding.start - 30), min(len(text), finding.end + 30)
    words = " ".join(text[start:end].split())
    words = ("…" if start else "") + words + ("…" if end < len(text) else "")
    return "; ".join(part for part in (finding.note, f"in “{words}”") if part)


def cleaned(
    values: Iterable[OutgoingText], findings: Iterable[GateFinding]
) -> dict[tuple[str, str, str], str]:
    """Each value's words with every finding replaced by the marker, by (table, row, field)."""
    return {
        (v.table, v.row, v.field): v.text for v in apply_decisions(values, findings, marker=REMOVED)
    }


def cleaned_contents(contents: BookletContents, findings: Iterable[GateFinding]) -> BookletContents:
    """The booklet's contents with each of `findings` replaced by the marker."""
    findings = list(findings)
    if not findings:
        return contents
    text = cleaned(printed_words(contents), findings)

    def word(table: str, row: str, field: str, current: str) -> str:
        return text.get((table, row, field), current)

    words = contents.words
    new_words = BookletWords(
        **{name: word("booklet", "words", name, getattr(words, name)) for name in WORDS}
    )
    quotes = tuple(
        PrintedQuote(
            word("quote", str(n), "words", quote.wording),
            word("quote", str(n), _said_by(quote), quote.attributed_to),
            quote.named_with_consent,
        )
        for n, quote in enumerate(contents.quotes, 1)
    )
    def each(table: str, items: tuple[T, ...], fields: tuple[str, ...]) -> tuple[T, ...]:
        return tuple(
            replace(item, **{f: word(table, str(n), f, getattr(item, f)) for f in fields})  # type: ignore[type-var]
            for n, item in enumerate(items, 1)
        )

    return replace(
        contents,
        cycle_label=word("pledge", "", "label", contents.cycle_label),
        hospital=word("unit", "", "hospital", contents.hospital),
        trust=word("unit", "", "trust", contents.trust),
        address=word("unit", "", "address", contents.address),
        unit_phone=word("unit", "", "phone", contents.unit_phone),
        out_of_hours_phone=word("unit", "", "out of hours phone", contents.out_of_hours_phone),
        team=each("team", contents.team, ("name", "role", "phone")),
        helplines=each("helpline", contents.helplines, ("name", "phone", "hours")),
        representatives=tuple(
            word("representative", str(n), "name", person)
            for n, person in enumerate(contents.representatives, 1)
        ),
        words=new_words,
        cover_line=word("booklet", "cover", "cover line", contents.cover_line),
        credit_line=word("booklet", "cover", "credit line", contents.credit_line),
        standards=tuple(
            word("standard", str(n), "text", s) for n, s in enumerate(contents.standards, 1)
        ),
        goals=each("goal", contents.goals, ("title", "description", "why", "progress")),
        quotes=quotes,
        findings=tuple(
            replace(f, sentence=word("what you told us", str(n), "sentence", f.sentence))
            for n, f in enumerate(contents.findings, 1)
        ),
    )


def cleaned_poster(
    rows: list[tuple[str, str]],
    findings: Iterable[GateFinding],
    hospital: str,
    phone: str,
    label: str,
) -> tuple[tuple[str, str, str], list[tuple[str, str]]]:
    """The poster's (hospital, phone, pledge label) and lines with each finding replaced by
    the marker."""
    text = cleaned(poster_words(rows, hospital, phone, label), findings)
    named = (
        text.get(("unit", "", "hospital"), hospital),
        text.get(("unit", "", "phone"), phone),
        text.get(("pledge", "", "label"), label),
    )
    return named, [
        (
            text.get(("poster", str(n), "you said"), said),
            text.get(("poster", str(n), "we are doing"), doing),
        )
        for n, (said, doing) in enumerate(rows, 1)
    ]


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _national(digits: str) -> str:
    """01234 567890, +44 1234 567890 and 0044 1234 567890 as one number."""
    for prefix in ("0044", "44"):
        if digits.startswith(prefix) and len(digits) > 10:
            return "0" + digits[len(prefix) :].lstrip("0")
    return digits


__all__ = [
    "PrintChoices",
    "PublicFacts",
    "cleaned_contents",
    "cleaned_poster",
    "poster_words",
    "printed_words",
    "public_facts",
    "review_print",
]
