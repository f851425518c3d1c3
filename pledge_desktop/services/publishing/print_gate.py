"""The identifier check on what the booklet and poster print (domain/print_gate.py), with the
nurse's decisions: nothing is written while a finding is undecided; the findings she chose to
remove (or all of them, `--redact`) are printed as [removed]."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import Session

from pledge_desktop.domain.booklet import BookletContents
from pledge_desktop.domain.print_gate import (
    PrintChoices,
    cleaned_contents,
    cleaned_poster,
    poster_words,
    printed_words,
    public_facts,
    review_print,
)
from pledge_desktop.domain.privacy import GateFinding, OutgoingText
from pledge_desktop.services.privacy_decisions import (
    name_lists,
    named_people,
    not_identifier_keys,
)

__all__ = ["PrintChoices", "gated_contents", "gated_poster", "review"]


def review(
    session: Session,
    cycle_id: int,
    contents: BookletContents,
    values: Collection[OutgoingText] | None = None,
) -> list[GateFinding]:
    """The undecided findings in the booklet's words (or in `values`, e.g. the poster's
    lines); what the booklet prints by design (the team, the unit's details) is let through."""
    agreed, refused = named_people(session, cycle_id)
    return review_print(
        printed_words(contents) if values is None else values,
        public_facts(contents, agreed),
        not_to_be_named=refused,
        lists=name_lists(),
        not_identifiers=not_identifier_keys(session),
    )


def gated_contents(
    session: Session, cycle_id: int, contents: BookletContents, choices: PrintChoices
) -> BookletContents:
    findings = choices.decided(review(session, cycle_id, contents), "the booklet")
    return cleaned_contents(contents, findings)


def gated_poster(
    session: Session,
    cycle_id: int,
    contents: BookletContents,
    poster: tuple[list[tuple[str, str]], str, str, str],
    choices: PrintChoices,
) -> tuple[tuple[str, str, str], list[tuple[str, str]]]:
    """The poster's (hospital, phone, pledge label) and lines through the check."""
    rows, hospital, phone, label = poster
    findings = review(session, cycle_id, contents, poster_words(rows, hospital, phone, label))
    return cleaned_poster(rows, choices.decided(findings, "the poster"), hospital, phone, label)
