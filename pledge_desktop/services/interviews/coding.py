"""Coding interviews: the codebook of themes, passages coded into them, quotes chosen from the
passages, a summary per theme, search across transcripts, and a spreadsheet of it all."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import DeleteRefused, ValidationError
from pledge_desktop.domain.interviews import (
    SUGGESTED_THEMES,
    Attribution,
    Passage,
    Quote,
    Theme,
    approval_refused,
    validate_quote,
    validate_theme,
)
from pledge_desktop.services.interviews.interviews import interview_record
from pledge_desktop.services.interviews.spreadsheet import SpreadsheetSaved, export_passages
from pledge_desktop.services.records import ChangeFeed, get_or_explain, to_record

THEMES, QUOTES = "themes", "quotes"


@dataclass(frozen=True)
class ThemeSummary:
    theme: Theme
    interviews: int
    passages: int


@dataclass(frozen=True)
class QuoteView:
    quote: Quote
    pseudonym: str
    passage: str  # the words as spoken
    refused_because: str  # why it may not be approved; "" when it may


@dataclass(frozen=True)
class SearchHit:
    interview_id: int
    pseudonym: str
    start: int
    context: str  # a few words either side


class CodingService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    # --- the codebook -----------------------------------------------------------------------
    def themes(self) -> list[Theme]:
        """Parents first, each followed by its children, alphabetically."""
        with self._db.reading() as session:
            rows = [to_record(Theme, row) for row in session.scalars(select(m.Theme))]
        tops = sorted((t for t in rows if t.parent_id is None), key=lambda t: t.name.lower())
        ordered: list[Theme] = []
        for top in tops:
            ordered.append(top)
            ordered += sorted(
                (t for t in rows if t.parent_id == top.id), key=lambda t: t.name.lower()
            )
        return ordered

    def seed_themes(self) -> int:
        """Add the suggested themes when the codebook is empty."""
        with self._db.transaction() as session:
            if session.scalar(select(func.count()).select_from(m.Theme)):
                return 0
            for name, description, colour in SUGGESTED_THEMES:
                session.add(m.Theme(name=name, description=description, colour=colour))
        self._changes.announce(THEMES)
        return len(SUGGESTED_THEMES)

    def save_theme(self, theme: Theme) -> Theme:
        tidy = validate_theme(theme)
        with self._db.transaction() as session:
            clash = session.scalars(
                select(m.Theme).where(
                    func.lower(m.Theme.name) == tidy.name.lower(), m.Theme.id != (tidy.id or -1)
                )
            ).first()
            if clash is not None:
                raise ValidationError({"name": f'There is already a theme "{clash.name}".'})
            if tidy.parent_id is not None:
                parent = get_or_explain(session, m.Theme, tidy.parent_id, "theme")
                children = (
                    session.scalar(select(func.count()).where(m.Theme.parent_id == tidy.id))
                    if tidy.id is not None
                    else 0
                )
                if parent.parent_id is not None or parent.id == tidy.id or children:
                    raise ValidationError(
                        {"parent_id": "Themes nest one level only: choose a top-level theme."}
                    )
            row = (
                m.Theme() if tidy.id is None else get_or_explain(session, m.Theme, tidy.id, "theme")
            )
            if tidy.id is None:
                session.add(row)
            row.name, row.description, row.colour = tidy.name, tidy.description, tidy.colour
            row.parent_id = tidy.parent_id
            row.national_code = tidy.national_code.strip()
            session.flush()
            saved = to_record(Theme, row)
        self._changes.announce(THEMES)
        return saved

    def merge_themes(self, source_id: int, target_id: int) -> None:
        """Fold theme `source` into `target`: its passages and sub-themes move, it goes."""
        if source_id == target_id:
            raise ValidationError({"theme": "Choose another theme to merge into."})
        with self._db.transaction() as session:
            source = get_or_explain(session, m.Theme, source_id, "theme")
            target = get_or_explain(session, m.Theme, target_id, "theme")
            if target.parent_id == source.id:
                target.parent_id = None
            already = set(
                session.scalars(
                    select(m.PassageTheme.passage_id).where(m.PassageTheme.theme_id == target_id)
                )
            )
            session.execute(
                delete(m.PassageTheme).where(
                    m.PassageTheme.theme_id == source_id, m.PassageTheme.passage_id.in_(already)
                )
            )
            session.execute(
                update(m.PassageTheme)
                .where(m.PassageTheme.theme_id == source_id)
                .values(theme_id=target_id)
            )
            new_parent = target.id if target.parent_id is None else None
            session.execute(
                update(m.Theme).where(m.Theme.parent_id == source_id).values(parent_id=new_parent)
            )
            session.delete(source)
        self._changes.announce(THEMES)

    def delete_theme(self, theme_id: int) -> int:
        """Delete a theme: its passages lose it (a passage left with no theme goes, unless it
        is a quote). Sub-themes become top-level. Returns how many passages lost it."""
        with self._db.transaction() as session:
            theme = get_or_explain(session, m.Theme, theme_id, "theme")
            passage_ids = list(
                session.scalars(
                    select(m.PassageTheme.passage_id).where(m.PassageTheme.theme_id == theme_id)
                )
            )
            session.execute(delete(m.PassageTheme).where(m.PassageTheme.theme_id == theme_id))
            session.execute(
                update(m.Theme).where(m.Theme.parent_id == theme_id).values(parent_id=None)
            )
            for passage_id in passage_ids:
                left = session.scalar(
                    select(func.count()).where(m.PassageTheme.passage_id == passage_id)
                )
                quoted = session.scalar(
                    select(func.count()).where(m.Quote.passage_id == passage_id)
                )
                if not left and not quoted:
                    session.execute(delete(m.CodedPassage).where(m.CodedPassage.id == passage_id))
            session.delete(theme)
        self._changes.announce(THEMES)
        return len(passage_ids)

    # --- coding passages -----------------------------------------------------------------------
    def passages(self, interview_id: int) -> list[Passage]:
        with self._db.reading() as session:
            return _passages(session, [interview_id])

    def code_passage(self, passage: Passage) -> Passage:
        """Code a stretch of a transcript; the same stretch coded again gains the themes."""
        if not passage.theme_ids:
            raise ValidationError({"themes": "Choose at least one theme."})
        with self._db.transaction() as session:
            interview = get_or_explain(session, m.Interview, passage.interview_id, "interview")
            if not 0 <= passage.start < passage.end <= len(interview.transcript):
                raise ValidationError({"passage": "Select some words of the transcript first."})
            words = interview.transcript[passage.start : passage.end]
            row = session.scalars(
                select(m.CodedPassage).where(
                    m.CodedPassage.interview_id == passage.interview_id,
                    m.CodedPassage.start == passage.start,
                    m.CodedPassage.end == passage.end,
                )
            ).first()
            if row is None:
                row = m.CodedPassage(
                    interview_id=passage.interview_id,
                    start=passage.start,
                    end=passage.end,
                    text=words,
                    memo=passage.memo.strip(),
                )
                session.add(row)
                session.flush()
            have = set(
                session.scalars(
                    select(m.PassageTheme.theme_id).where(m.PassageTheme.passage_id == row.id)
                )
            )
            for theme_id in passage.theme_ids:
                get_or_explain(session, m.Theme, theme_id, "theme")
                if theme_id not in have:
                    session.add(m.PassageTheme(passage_id=row.id, theme_id=theme_id))
            session.flush()
            (saved,) = [p for p in _passages(session, [passage.interview_id]) if p.id == row.id]
        self._changes.announce(THEMES)
        return saved

    def uncode(self, passage_id: int, theme_ids: tuple[int, ...] = ()) -> Passage | None:
        """Take themes off a passage (all of them when none are named); a passage left with no
        theme goes, unless it is a quote. Returns the passage as it was, for undo."""
        with self._db.transaction() as session:
            row = get_or_explain(session, m.CodedPassage, passage_id, "coded passage")
            (before,) = [p for p in _passages(session, [row.interview_id]) if p.id == row.id]
            remove = set(theme_ids) or set(before.theme_ids)
            session.execute(
                delete(m.PassageTheme).where(
                    m.PassageTheme.passage_id == passage_id, m.PassageTheme.theme_id.in_(remove)
                )
            )
            left = set(before.theme_ids) - remove
            quoted = session.scalar(select(func.count()).where(m.Quote.passage_id == passage_id))
            if not left:
                if quoted:
                    raise DeleteRefused(
                        "This passage is a quote: keep at least one theme, or delete the quote "
                        "first."
                    )
                session.delete(row)
        self._changes.announce(THEMES)
        return replace(before, theme_ids=tuple(sorted(remove)))

    def set_memo(self, passage_id: int, memo: str) -> None:
        with self._db.transaction() as session:
            row = get_or_explain(session, m.CodedPassage, passage_id, "coded passage")
            row.memo = memo.strip()
        self._changes.announce(THEMES)

    # --- quotes --------------------------------------------------------------------------------
    def quotes(self, cycle_id: int, approved_only: bool = False) -> list[QuoteView]:
        with self._db.reading() as session:
            rows = session.execute(
                select(m.Quote, m.CodedPassage.text, m.Interview)
                .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
                .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
                .where(m.Interview.cycle_id == cycle_id)
                .order_by(m.Interview.pseudonym, m.CodedPassage.start)
            ).all()
            views = []
            for quote_row, words, interview_row in rows:
                quote = _quote(quote_row)
                if approved_only and not quote.approved:
                    continue
                refused = approval_refused(quote, interview_record(interview_row)) or ""
                views.append(QuoteView(quote, interview_row.pseudonym, words, refused))
            return views

    def promote(self, passage_id: int) -> Quote:
        """Make a coded passage a quote, its words as spoken to start with."""
        with self._db.transaction() as session:
            passage = get_or_explain(session, m.CodedPassage, passage_id, "coded passage")
            existing = session.scalars(
                select(m.Quote).where(m.Quote.passage_id == passage_id)
            ).first()
            if existing is not None:
                return _quote(existing)
            interview = session.get(m.Interview, passage.interview_id)
            year = interview.interview_date.year if interview else ""
            row = m.Quote(
                passage_id=passage_id,
                wording=" ".join(passage.text.split()),
                attribution=Attribution.ANONYMOUS.value,
                attributed_to=f"Patient, {year}",
                approved=False,
            )
            session.add(row)
            session.flush()
            saved = _quote(row)
        self._changes.announce(QUOTES)
        return saved

    def save_quote(self, quote: Quote) -> Quote:
        """Change a quote's wording or attribution. A change takes its approval away: the new
        words are approved afresh."""
        tidy = validate_quote(quote)
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Quote, tidy.id, "quote")
            changed = (row.wording, row.attribution, row.attributed_to) != (
                tidy.wording,
                tidy.attribution.value,
                tidy.attributed_to,
            )
            row.wording, row.attribution = tidy.wording, tidy.attribution.value
            row.attributed_to = tidy.attributed_to
            if changed:
                row.approved = False
            saved = _quote(row)
        self._changes.announce(QUOTES)
        return saved

    def set_approved(self, quote_id: int, approved: bool) -> Quote:
        """Approve a quote for the booklet, only when the interview's consent covers it."""
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Quote, quote_id, "quote")
            if approved:
                passage = session.get(m.CodedPassage, row.passage_id)
                interview = session.get(m.Interview, passage.interview_id) if passage else None
                if interview is None:
                    raise ValidationError({"quote": "The interview of this quote is gone."})
                refused = approval_refused(_quote(row), interview_record(interview))
                if refused:
                    raise ValidationError({"approved": refused})
            row.approved = approved
            saved = _quote(row)
        self._changes.announce(QUOTES)
        return saved

    def delete_quote(self, quote_id: int) -> None:
        with self._db.transaction() as session:
            session.delete(get_or_explain(session, m.Quote, quote_id, "quote"))
        self._changes.announce(QUOTES)

    # --- reading across interviews ----------------------------------------------------------------
    def summary(self, cycle_id: int) -> list[ThemeSummary]:
        """Per theme, how many interviews and passages of this cycle are coded into it."""
        with self._db.reading() as session:
            counts = {
                theme_id: (interviews, passages)
                for theme_id, interviews, passages in session.execute(
                    select(
                        m.PassageTheme.theme_id,
                        func.count(func.distinct(m.CodedPassage.interview_id)),
                        func.count(func.distinct(m.CodedPassage.id)),
                    )
                    .join(m.CodedPassage, m.CodedPassage.id == m.PassageTheme.passage_id)
                    .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
                    .where(m.Interview.cycle_id == cycle_id)
                    .group_by(m.PassageTheme.theme_id)
                )
            }
        return [ThemeSummary(t, *counts.get(t.id or -1, (0, 0))) for t in self.themes()]

    def passages_for_theme(self, cycle_id: int, theme_id: int) -> list[tuple[str, Passage]]:
        """(pseudonym, passage) of every passage of this cycle coded into the theme."""
        with self._db.reading() as session:
            interviews = dict(
                session.execute(
                    select(m.Interview.id, m.Interview.pseudonym).where(
                        m.Interview.cycle_id == cycle_id
                    )
                ).all()
            )
            found = _passages(session, list(interviews))
        return [(interviews[p.interview_id], p) for p in found if theme_id in p.theme_ids]

    def search(self, cycle_id: int, words: str) -> list[SearchHit]:
        """Where `words` occur in this cycle's transcripts (ignoring case)."""
        needle = words.strip().lower()
        if len(needle) < 2:
            return []
        with self._db.reading() as session:
            rows = session.execute(
                select(m.Interview.id, m.Interview.pseudonym, m.Interview.transcript)
                .where(m.Interview.cycle_id == cycle_id)
                .order_by(m.Interview.pseudonym)
            ).all()
        hits = []
        for interview_id, pseudonym, transcript in rows:
            lowered = transcript.lower()
            start = lowered.find(needle)
            while start >= 0:
                left = max(0, start - 40)
                context = " ".join(transcript[left : start + len(needle) + 40].split())
                hits.append(SearchHit(interview_id, pseudonym, start, f"…{context}…"))
                start = lowered.find(needle, start + len(needle))
        return hits

    def export_xlsx(self, cycle_id: int, path: Path) -> SpreadsheetSaved:
        """Write the cycle's coded passages and quotes, with interview attributes, to a
        spreadsheet that may leave the hospital: through the privacy gate, without the
        interviews' codes or the memos (services/interviews/spreadsheet.py)."""
        themes = {t.id: t.name for t in self.themes()}
        with self._db.reading() as session:
            interview_ids = list(
                session.scalars(select(m.Interview.id).where(m.Interview.cycle_id == cycle_id))
            )
            passages = _passages(session, interview_ids)
            return export_passages(session, cycle_id, passages, themes, path)


def _passages(session: Session, interview_ids: list[int]) -> list[Passage]:
    rows = session.scalars(
        select(m.CodedPassage)
        .where(m.CodedPassage.interview_id.in_(interview_ids))
        .order_by(m.CodedPassage.interview_id, m.CodedPassage.start)
    ).all()
    themes: dict[int, list[int]] = defaultdict(list)
    for passage_id, theme_id in session.execute(
        select(m.PassageTheme.passage_id, m.PassageTheme.theme_id).where(
            m.PassageTheme.passage_id.in_([r.id for r in rows])
        )
    ):
        themes[passage_id].append(theme_id)
    return [
        Passage(r.interview_id, r.start, r.end, r.text, tuple(sorted(themes[r.id])), r.memo, r.id)
        for r in rows
    ]


def _quote(row: m.Quote) -> Quote:
    return Quote(
        row.passage_id,
        row.wording,
        Attribution(row.attribution),
        row.attributed_to,
        row.approved,
        row.id,
    )
