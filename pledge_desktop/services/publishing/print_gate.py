"""The identifier check on what the booklet and poster print (domain/print_gate.py), with the
nurse's decisions: nothing is written while a finding is undecided; the findings she chose to
remove (or all of them, `--redact`) are printed as [removed]."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pledge_desktop.domain.booklet import BookletContents
from pledge_desktop.domain.print_gate import (
    PrintChoices,
    cleaned_contents,
    cleaned_poster,
    poster_words,
)
from pledge_desktop.services.privacy_decisions import review_in_print

__all__ = ["PrintChoices", "gated_contents", "gated_poster"]


def gated_contents(
    session: Session, cycle_id: int, contents: BookletContents, choices: PrintChoices
) -> BookletContents:
    findings = choices.decided(review_in_print(session, cycle_id, contents), "the booklet")
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
    findings = review_in_print(
        session, cycle_id, contents, poster_words(rows, hospital, phone, label)
    )
    return cleaned_poster(rows, choices.decided(findings, "the poster"), hospital, phone, label)
