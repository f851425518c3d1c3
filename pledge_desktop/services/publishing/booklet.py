"""The booklet's own words and choices (saved per cycle, in one transaction), and everything the
booklet prints, gathered in one read with small numbers kept back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.booklet import (
    DEFAULT_WORDS,
    BookletChoices,
    BookletContents,
    BookletDetails,
    BookletWords,
    Highlight,
    PrintedFinding,
    PrintedQuote,
    finding_for,
    findings_for,
    for_patients,
)
from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.goals import GoalStatus, Term
from pledge_desktop.domain.interviews import Attribution
from pledge_desktop.domain.plain_english import WordingCheck, check_wording
from pledge_desktop.domain.print_gate import poster_words
from pledge_desktop.domain.privacy import GateFinding
from pledge_desktop.services.privacy_decisions import record_not_identifiers, review_in_print
from pledge_desktop.services.publishing import print_gate
from pledge_desktop.services.publishing.booklet_details import (
    WORD_FIELDS,
    choices_of,
    details_of,
    highlight_of,
    store_details,
    words_of,
)
from pledge_desktop.services.publishing.poster import poster_for, poster_rows
from pledge_desktop.services.publishing.print_gate import PrintChoices
from pledge_desktop.services.publishing.printed_parts import (
    approved_quotes,
    printed_goals,
    printed_team,
    sign_off_dates,
)
from pledge_desktop.services.records import ChangeFeed, get_or_explain, write_whole
from pledge_desktop.services.results.results import (
    ResultsFilter,
    count_cycle,
    handed_out_in,
    small_numbers_in,
)

if TYPE_CHECKING:
    from pledge_desktop.reports.booklet import BookletPdf

BOOKLET = "booklet"
EDITIONS = ("pdf", "html", "docx")  # the printed booklet, a web page, a Word document
NOTHING_REMOVED = PrintChoices()


@dataclass(frozen=True)
class Choice:
    """Something that may go in the booklet, as the Booklet screen lists it."""

    id: int
    label: str
    included: bool


@dataclass(frozen=True)
class HighlightPreview:
    highlight: Highlight
    printed: PrintedFinding | None  # None: too few answers to print
    question_text: str


class BookletService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # --- the team's words and choices -----------------------------------------------------
    def words(self, cycle_id: int) -> BookletWords:
        with self._db.reading() as session:
            return _words(_row(session, cycle_id))

    def choices(self, cycle_id: int) -> BookletChoices:
        with self._db.reading() as session:
            return _choices(session, cycle_id)

    def details(self, cycle_id: int) -> BookletDetails:
        """The cover line, credit line, programme logo, helplines and language."""
        with self._db.reading() as session:
            return details_of(_row(session, cycle_id))

    def written_at(self, cycle_id: int) -> datetime | None:
        """When an edition of the booklet was last written."""
        with self._db.reading() as session:
            row = _row(session, cycle_id)
            return row.written_at if row else None

    def sign_off_facts(self, cycle_id: int) -> tuple[str, tuple[str, str, str]]:
        """The pledge type, and (published, review date, reference) from the sign-off."""
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            return cycle.pledge_type or "primary", sign_off_dates(session, cycle_id)

    def save(
        self,
        cycle_id: int,
        words: BookletWords,
        choices: BookletChoices,
        details: BookletDetails | None = None,
    ) -> None:
        """Save the team's words and choices (and the cover's details, when given) together.
        Highlight sentences are saved as said of patients ("of patients were told …")."""
        tidy = _check(words, choices)
        with self._db.transaction() as session:
            get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = _row(session, cycle_id)
            if row is None:
                row = m.Booklet(cycle_id=cycle_id)
                session.add(row)
            for name in WORD_FIELDS:
                setattr(row, name, getattr(tidy, name))
            row.show_team = choices.show_team
            row.goals_left_out = _ids_text(choices.goals_left_out)
            row.standards_left_out = _ids_text(choices.standards_left_out)
            row.quotes_left_out = _ids_text(choices.quotes_left_out)
            row.logo_png = choices.logo_png
            row.photo_png = choices.photo_png
            if details is not None:
                store_details(row, details)
            session.execute(
                delete(m.BookletHighlight).where(m.BookletHighlight.cycle_id == cycle_id)
            )
            for position, highlight in enumerate(choices.highlights):
                session.add(
                    m.BookletHighlight(
                        cycle_id=cycle_id,
                        question_code=highlight.question_code,
                        option_codes=",".join(str(c) for c in highlight.option_codes),
                        wording=for_patients(highlight.wording),
                        position=position,
                    )
                )
        self._changes.announce(BOOKLET)

    def goal_choices(self, cycle_id: int) -> list[Choice]:
        with self._db.reading() as session:
            left_out = _choices(session, cycle_id).goals_left_out
            rows = session.scalars(
                select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.priority)
            )
            return [
                Choice(g.id, f"{Term(g.term).label}: {g.title}", g.id not in left_out)
                for g in sorted(rows, key=lambda g: list(Term).index(Term(g.term)))
                if g.status != GoalStatus.DROPPED.value
            ]

    def standard_choices(self, cycle_id: int) -> list[Choice]:
        with self._db.reading() as session:
            left_out = _choices(session, cycle_id).standards_left_out
            return [
                Choice(s.id, s.text, s.id not in left_out)
                for s in session.scalars(
                    select(m.CareStandard)
                    .where(m.CareStandard.cycle_id == cycle_id)
                    .order_by(m.CareStandard.position)
                )
            ]

    def quote_choices(self, cycle_id: int) -> list[Choice]:
        """Approved quotes only: nothing else may be printed."""
        with self._db.reading() as session:
            left_out = _choices(session, cycle_id).quotes_left_out
            return [
                Choice(q.id, f"“{q.wording}” ({q.attributed_to})", q.id not in left_out)
                for q in approved_quotes(session, cycle_id)
            ]

    def preview_highlights(
        self, cycle_id: int, highlights: tuple[Highlight, ...] | None = None
    ) -> list[HighlightPreview]:
        """Each highlight (the saved ones, or those given) as it would print, or None for one
        with too few answers."""
        with self._db.reading() as session:
            small = small_numbers_in(session)
            results = count_cycle(session, cycle_id, ResultsFilter(), comments_limit=0)
            chosen = _choices(session, cycle_id).highlights if highlights is None else highlights
            previews = []
            for highlight in chosen:
                counts = results.question(highlight.question_code)
                previews.append(
                    HighlightPreview(
                        highlight,
                        finding_for(counts, highlight, small) if counts else None,
                        counts.question.text if counts else "",
                    )
                )
            return previews

    # --- writing --------------------------------------------------------------------------
    def check_wording(self, cycle_id: int) -> WordingCheck:
        """The plain-English check of everything the booklet would print, which also looks for
        people: a few written in words, and anyone named who has not agreed to be."""
        with self._db.reading() as session:
            team = session.scalars(
                select(m.TeamMember.name).where(m.TeamMember.cycle_id == cycle_id)
            ).all()
            representatives = session.execute(
                select(
                    m.PatientRepresentative.name, m.PatientRepresentative.consent_to_be_named
                ).where(m.PatientRepresentative.cycle_id == cycle_id)
            ).all()
        return check_wording(
            self.contents(cycle_id).wording_parts(),
            may_be_named=[*team, *(name for name, agreed in representatives if agreed)],
            not_to_be_named=[name for name, agreed in representatives if not agreed],
        )

    def write(
        self,
        cycle_id: int,
        out: Path,
        *,
        large_print: bool = False,
        imposed: bool = False,
        print_shop: bool = False,
        fictional: bool = False,
        choices: PrintChoices = NOTHING_REMOVED,
    ) -> BookletPdf:
        """Write the booklet as a PDF; the file appears only when complete. Refused
        (FindingsRemain) while the identifier check has findings the nurse has not decided."""
        from pledge_desktop.reports.booklet import write_booklet

        contents = self.printed(cycle_id, fictional, choices)
        written: BookletPdf = write_whole(
            out,
            lambda part: write_booklet(
                part, contents, large_print=large_print, imposed=imposed, print_shop=print_shop
            ),
        )
        self._written(cycle_id)
        return written

    def write_edition(
        self,
        cycle_id: int,
        out: Path,
        edition: str,
        *,
        fictional: bool = False,
        choices: PrintChoices = NOTHING_REMOVED,
    ) -> None:
        """Write the accessible web page ("html") or the Word document ("docx")."""
        from pledge_desktop.reports.booklet_docx import write_booklet_docx
        from pledge_desktop.reports.booklet_html import write_booklet_html

        writers = {"html": write_booklet_html, "docx": write_booklet_docx}
        if edition not in writers:
            raise ValidationError({"format": "Choose a PDF, a web page (HTML) or Word (DOCX)."})
        contents = self.printed(cycle_id, fictional, choices)
        write_whole(out, lambda part: writers[edition](contents, part))
        self._written(cycle_id)

    def _written(self, cycle_id: int) -> None:
        """Note when an edition was last written (the Overview's to-do list reads it). A folder
        opened for reading only (the app has it open) is left as it is."""
        if self._db.read_only:
            return
        with self._db.transaction() as session:
            row = _row(session, cycle_id)
            if row is None:
                row = m.Booklet(cycle_id=cycle_id, **_default_words())
                session.add(row)
            row.written_at = datetime.now(UTC).replace(tzinfo=None)  # as the audit trail
        self._changes.announce(BOOKLET)

    def write_poster(
        self,
        cycle_id: int,
        out: Path,
        size: str = "A4",
        *,
        fictional: bool = False,
        choices: PrintChoices = NOTHING_REMOVED,
    ) -> int:
        """The "You said, we are doing" poster; returns how many findings it pairs with
        actions. Refused (FindingsRemain) while the identifier check has undecided findings."""
        from pledge_desktop.reports.poster import write_poster

        contents = self.contents(cycle_id, fictional)
        with self._db.reading() as session:
            poster = poster_for(session, cycle_id, _choices(session, cycle_id), fictional=fictional)
            rows = [(row.you_said, row.we_did) for row in poster.rows]
            (hospital, phone, label), kept = print_gate.gated_poster(
                session,
                cycle_id,
                contents,
                (rows, poster.hospital, poster.phone, poster.cycle_label),
                choices,
            )
        poster = replace(
            poster,
            hospital=hospital,
            phone=phone,
            cycle_label=label,
            rows=tuple(
                replace(row, you_said=said, we_did=doing)
                for row, (said, doing) in zip(poster.rows, kept, strict=True)
            ),
        )
        write_whole(out, lambda part: write_poster(part, poster, size))
        return len(poster.rows)

    # --- the identifier check on what is printed ------------------------------------------
    def print_review(self, cycle_id: int, *, poster: bool = False) -> list[GateFinding]:
        """What the identifier check finds in the booklet's words (or the poster's), not yet
        recorded as "not an identifier"."""
        contents = self.contents(cycle_id)
        with self._db.reading() as session:
            if not poster:
                return review_in_print(session, cycle_id, contents)
            rows = poster_rows(session, cycle_id, _choices(session, cycle_id))
            lines = poster_words(rows, contents.hospital, contents.unit_phone, contents.cycle_label)
            return review_in_print(session, cycle_id, contents, lines)

    def not_an_identifier(self, findings: Iterable[GateFinding]) -> int:
        """Record that these findings are not identifiers (who and when, in the audit trail)."""
        with self._db.transaction() as session:
            added = record_not_identifiers(session, self._db.os_user, findings)
        self._changes.announce(BOOKLET)
        return added

    def printed(
        self, cycle_id: int, fictional: bool = False, choices: PrintChoices = NOTHING_REMOVED
    ) -> BookletContents:
        """Everything the booklet prints, through the identifier check."""
        contents = self.contents(cycle_id, fictional)
        with self._db.reading() as session:
            return print_gate.gated_contents(session, cycle_id, contents, choices)

    def poster_rows(self, cycle_id: int) -> list[tuple[str, str]]:
        """(You said, We are doing / Done) for each goal in the booklet under way or done."""
        with self._db.reading() as session:
            return poster_rows(session, cycle_id, _choices(session, cycle_id))

    # --- everything printed ---------------------------------------------------------------
    def contents(self, cycle_id: int, fictional: bool = False) -> BookletContents:
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            hospital = session.scalars(select(m.Hospital)).first()
            choices = _choices(session, cycle_id)
            small = small_numbers_in(session)
            details = details_of(_row(session, cycle_id))
            published, review, reference = sign_off_dates(session, cycle_id)
            findings: tuple[PrintedFinding, ...] = ()
            forms = 0
            if cycle.questionnaire_id is not None and choices.highlights:
                results = count_cycle(session, cycle_id, ResultsFilter(), comments_limit=0)
                forms = results.forms
                findings = findings_for(choices.highlights, results.question, small)
            return BookletContents(
                hospital=hospital.name if hospital else "",
                trust=hospital.trust_name if hospital else "",
                cycle_label=cycle.label,
                words=_words(_row(session, cycle_id)),
                unit_phone=hospital.unit_phone if hospital else "",
                out_of_hours_phone=hospital.out_of_hours_phone if hospital else "",
                address=hospital.address if hospital else "",
                team=printed_team(session, cycle_id) if choices.show_team else (),
                standards=tuple(
                    s.text
                    for s in session.scalars(
                        select(m.CareStandard)
                        .where(m.CareStandard.cycle_id == cycle_id)
                        .order_by(m.CareStandard.position)
                    )
                    if s.id not in choices.standards_left_out
                ),
                findings=findings,
                forms=forms,
                goals=printed_goals(session, cycle_id, choices.goals_left_out),
                quotes=tuple(
                    PrintedQuote(q.wording, q.attributed_to, q.attribution != Attribution.ANONYMOUS)
                    for q in approved_quotes(session, cycle_id)
                    if q.id not in choices.quotes_left_out
                ),
                representatives=tuple(
                    r.name
                    for r in session.scalars(
                        select(m.PatientRepresentative)
                        .where(
                            m.PatientRepresentative.cycle_id == cycle_id,
                            m.PatientRepresentative.consent_to_be_named.is_(True),
                        )
                        .order_by(m.PatientRepresentative.name)
                    )
                ),
                logo_png=choices.logo_png,
                photo_png=choices.photo_png,
                fictional=fictional,
                handed_out=handed_out_in(session, cycle_id),
                pledge_type=cycle.pledge_type or "primary",
                **details.printed(published, review, reference),
            )


def _default_words() -> dict[str, str]:
    return {name: getattr(DEFAULT_WORDS, name) for name in WORD_FIELDS}


def _row(session: Session, cycle_id: int) -> m.Booklet | None:
    return session.scalars(select(m.Booklet).where(m.Booklet.cycle_id == cycle_id)).first()


def _words(row: m.Booklet | None) -> BookletWords:
    return words_of(row)


def _choices(session: Session, cycle_id: int) -> BookletChoices:
    return choices_of(
        _row(session, cycle_id),
        (
            highlight_of(h.question_code, h.option_codes, h.wording, h.id)
            for h in session.scalars(
                select(m.BookletHighlight)
                .where(m.BookletHighlight.cycle_id == cycle_id)
                .order_by(m.BookletHighlight.position)
            )
        ),
    )


def _check(words: BookletWords, choices: BookletChoices) -> BookletWords:
    tidy = BookletWords(*("\n\n".join(_paragraphs(getattr(words, n))) for n in WORD_FIELDS))
    problems: dict[str, str] = {}
    if not tidy.welcome:
        problems["welcome"] = "The booklet needs a few words of welcome."
    if not tidy.contact:
        problems["contact"] = "Say how patients can contact the team."
    for number, highlight in enumerate(choices.highlights, start=1):
        if not highlight.wording.strip():
            problems[f"highlight{number}"] = f"Highlight {number} needs its sentence."
        if not highlight.option_codes:
            problems[f"highlight{number}"] = f"Choose the answers highlight {number} counts."
    if problems:
        raise ValidationError(problems)
    return tidy


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.replace("\r", "").split("\n\n") if p.strip()]


def _ids_text(ids: frozenset[int]) -> str:
    return ",".join(str(i) for i in sorted(ids))
