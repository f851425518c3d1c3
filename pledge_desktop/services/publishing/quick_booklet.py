"""`pledge booklet` without the ORM: the same BookletContents, the same plain-English check and
the same identifier check as BookletService, read with sqlite3 alone (db/quick_booklet.py), so
the command answers in a fraction of the time. Taken only when the folder's lock is free, the
database is sound and of this app's schema, nothing an interrupted run left behind is there
to clear, and the booklet has been saved once; otherwise `QuickBooklet.open` returns None and
the caller takes the usual path.
tests/services/publishing/test_quick_booklet.py compares the two paths."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pledge_desktop.db.damage import probe_database
from pledge_desktop.db.file_facts import DATABASE_FILE, SCHEMA_REVISION
from pledge_desktop.db.lock import DataFolderLock
from pledge_desktop.db.os_user import current_os_user
from pledge_desktop.db.quick_booklet import BookletRows
from pledge_desktop.domain.booklet import (
    BookletContents,
    PrintedFinding,
    PrintedGoal,
    PrintedQuote,
    TeamContact,
    findings_for,
    goals_as_printed,
)
from pledge_desktop.domain.errors import DataFolderInUse, PledgeError
from pledge_desktop.domain.goals import DEFAULT_HORIZONS, Term
from pledge_desktop.domain.identifiers import load_name_lists
from pledge_desktop.domain.interviews import Attribution
from pledge_desktop.domain.plain_english import WordingCheck, check_wording
from pledge_desktop.domain.print_gate import (
    PrintChoices,
    cleaned_contents,
    printed_words,
    public_facts,
    review_print,
)
from pledge_desktop.domain.privacy import GateFinding
from pledge_desktop.domain.questionnaire import AnswerType, from_json
from pledge_desktop.domain.results import (
    DEFAULT_SMALL_NUMBER,
    QuestionCounts,
    SmallNumbers,
    tally,
)
from pledge_desktop.domain.setup import PledgeType, label_matches
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.paths import resource
from pledge_desktop.services.publishing.booklet_details import (
    choices_of,
    details_of,
    highlight_of,
    printed_dates,
    words_of,
)
from pledge_desktop.services.whole_file import write_whole

# the settings' keys, as the services keep them (tests check they agree)
DEMO_SETTING = "demo_data_set"
SMALL_NUMBER_KEY = "small_number_threshold"
NOT_IDENTIFIERS = "privacy_not_identifiers"
HORIZON_SETTING = "goal_horizon_{term}"


class QuickBooklet:
    def __init__(self, rows: BookletRows, lock: DataFolderLock | None) -> None:
        self._rows = rows
        self._lock = lock

    @classmethod
    def open(cls, data_dir: Path, *, lock: bool = True) -> QuickBooklet | None:
        """The folder opened the quick way, holding its lock, or None for the usual way."""
        data_dir = data_dir.expanduser().resolve()
        path = data_dir / DATABASE_FILE
        leftovers = [*data_dir.glob(f"{DATABASE_FILE}.*"), *data_dir.glob(".write-test-*")]
        if not path.exists() or leftovers:
            return None  # the usual way explains, or clears what an interrupted run left
        held = DataFolderLock(data_dir) if lock else None
        try:
            if held is not None:
                held.acquire()
        except DataFolderInUse:
            return None
        try:
            if probe_database(path, data_dir) != SCHEMA_REVISION:
                raise NotQuick
            return cls(BookletRows(path), held)
        except (NotQuick, PledgeError):
            if held is not None:
                held.release()
            return None

    def close(self) -> None:
        self._rows.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> QuickBooklet:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- as the Workspace and BookletService answer --------------------------------------------
    @property
    def is_demo(self) -> bool:
        return self._rows.setting(DEMO_SETTING) == "yes"

    def find_cycle(self, label: str | None) -> Any | None:
        """As CyclesService.find, or None (the usual path then explains what is wrong)."""
        cycles = sorted(
            self._rows.cycles(),
            key=lambda c: (c.start_date, c.id),
            reverse=True,
        )
        cycles.sort(key=lambda c: (c.start_date, c.pledge_type == PledgeType.PRIMARY), reverse=True)
        found = [c for c in cycles if label is None or label_matches(c, label)]
        return found[0] if found else None

    def has_booklet(self, cycle_id: int) -> bool:
        return self._rows.booklet(cycle_id) is not None

    def contents(self, cycle_id: int, fictional: bool = False) -> BookletContents:
        rows = self._rows
        cycle = next(c for c in rows.cycles() if c.id == cycle_id)
        hospital = rows.hospital()
        booklet = rows.booklet(cycle_id)
        choices = choices_of(
            booklet,
            (
                highlight_of(h.question_code, h.option_codes, h.wording, h.id)
                for h in rows.highlights(cycle_id)
            ),
        )
        details = details_of(booklet)
        published, review, reference = printed_dates(rows.sign_off(cycle_id))
        findings: tuple[PrintedFinding, ...] = ()
        forms = 0
        if cycle.questionnaire_id is not None and choices.highlights:
            counted = self._counts(cycle_id, cycle.questionnaire_id)
            forms = rows.forms(cycle_id) or 0
            findings = findings_for(choices.highlights, counted.get, self._small_numbers())
        return BookletContents(
            hospital=hospital.name if hospital else "",
            trust=hospital.trust_name if hospital else "",
            cycle_label=cycle.label,
            words=words_of(booklet),
            unit_phone=hospital.unit_phone if hospital else "",
            out_of_hours_phone=hospital.out_of_hours_phone if hospital else "",
            address=hospital.address if hospital else "",
            team=(
                tuple(TeamContact(r.name, r.role, r.phone) for r in rows.team(cycle_id))
                if choices.show_team
                else ()
            ),
            standards=tuple(
                s.text for s in rows.standards(cycle_id) if s.id not in choices.standards_left_out
            ),
            findings=findings,
            forms=forms,
            goals=self._goals(cycle_id, choices.goals_left_out),
            quotes=tuple(
                PrintedQuote(q.wording, q.attributed_to, q.attribution != Attribution.ANONYMOUS)
                for q in rows.approved_quotes(cycle_id)
                if q.id not in choices.quotes_left_out
            ),
            representatives=tuple(rows.named_representatives(cycle_id)),
            logo_png=choices.logo_png,
            photo_png=choices.photo_png,
            fictional=fictional,
            handed_out=cycle.forms_handed_out or rows.batches_handed_out(cycle_id) or None,
            pledge_type=cycle.pledge_type or "primary",
            **details.printed(published, review, reference),
        )

    def check_wording(self, cycle_id: int, contents: BookletContents) -> WordingCheck:
        representatives = [
            (name, agreed)
            for name, agreed, cycle in self._rows.representatives()
            if cycle == cycle_id
        ]
        return check_wording(
            contents.wording_parts(),
            may_be_named=[
                *self._rows.team_names(cycle_id),
                *(name for name, agreed in representatives if agreed),
            ],
            not_to_be_named=[name for name, agreed in representatives if not agreed],
        )

    def review(self, cycle_id: int, contents: BookletContents) -> list[GateFinding]:
        """As privacy_decisions.review_in_print: the undecided findings in the booklet's words."""
        everyone = self._rows.representatives()
        agreed = [name for name, consent, _cycle in everyone if consent and name]
        refused = [
            name
            for name, consent, cycle in everyone
            if not consent and cycle == cycle_id and name and name not in agreed
        ]
        return review_print(
            printed_words(contents),
            public_facts(contents, agreed),
            not_to_be_named=refused,
            lists=load_name_lists(resource("names")),
            not_identifiers=self._not_identifiers(),
        )

    def printed(
        self, cycle_id: int, contents: BookletContents, choices: PrintChoices
    ) -> BookletContents:
        """As print_gate.gated_contents."""
        findings = choices.decided(self.review(cycle_id, contents), "the booklet")
        return cleaned_contents(contents, findings)

    def write(self, cycle_id: int, printed: BookletContents, out: Path, **layout: bool) -> Any:
        from pledge_desktop.reports.booklet import write_booklet

        written = write_whole(out, lambda part: write_booklet(part, printed, **layout))
        booklet = self._rows.booklet(cycle_id)
        assert booklet is not None
        self._rows.note_written(
            booklet.id, current_os_user(), datetime.now(UTC).replace(tzinfo=None)
        )
        return written

    # --- the parts ------------------------------------------------------------------------------
    def _small_numbers(self) -> SmallNumbers:
        value = self._rows.setting(SMALL_NUMBER_KEY)
        try:
            return SmallNumbers(int(value) if value is not None else DEFAULT_SMALL_NUMBER)
        except ValueError:
            return SmallNumbers()

    def _counts(self, cycle_id: int, questionnaire_id: int) -> dict[str, QuestionCounts]:
        """As count_cycle over the whole cycle, comments left out."""
        definition = self._rows.questionnaire(questionnaire_id)
        if definition is None:
            raise NotQuick
        questionnaire = from_json(definition)
        tallied = tally(self._rows.answer_counts(cycle_id), AnswerState.ANSWERED.value)
        states, ticks, answered = tallied.states, tallied.ticks, tallied.answered
        several = [q.code for q in questionnaire.questions() if q.type is AnswerType.MULTIPLE]
        if several:
            answered.update(self._rows.forms_answering(cycle_id, several))
        return {
            q.code: QuestionCounts(
                number,
                q,
                answered.get(q.code, 0),
                states.get((q.code, AnswerState.LEFT_BLANK.value), 0),
                states.get((q.code, AnswerState.UNREADABLE.value), 0),
                states.get((q.code, AnswerState.SKIPPED.value), 0),
                tuple((option, ticks.get((q.code, option.code), 0)) for option in q.options),
                (),
            )
            for number, q in reversed(questionnaire.numbered())  # the first of a code wins
        }

    def _goals(self, cycle_id: int, left_out: frozenset[int]) -> tuple[PrintedGoal, ...]:
        stored = self._rows.settings_like(HORIZON_SETTING.format(term="%"))
        horizons = {
            term: stored.get(HORIZON_SETTING.format(term=term.value)) or DEFAULT_HORIZONS[term]
            for term in Term
        }
        goals = self._rows.goals(cycle_id)
        latest = {g.id: self._rows.latest_note(g.id) for g in goals if g.id not in left_out}
        return goals_as_printed(goals, horizons, latest, left_out)

    def _not_identifiers(self) -> dict[str, Any]:
        value = self._rows.setting(NOT_IDENTIFIERS)
        if not value:
            return {}
        try:
            kept = json.loads(value)
        except json.JSONDecodeError:
            return {}
        return kept if isinstance(kept, dict) else {}


class NotQuick(Exception):
    """The quick way cannot be taken: the usual way will answer (and explain any problem)."""
