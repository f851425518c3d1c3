"""Questionnaires: the templates we ship, REDCap import and export, and which cycle uses which."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.db.storage_errors import describe_os_error
from pledge_desktop.domain.errors import DeleteRefused, NotFound, StorageError, ValidationError
from pledge_desktop.domain.questionnaire import (
    Questionnaire,
    check_questionnaire,
    from_json,
    to_json,
)
from pledge_desktop.exchange.redcap import read_dictionary_file, write_dictionary
from pledge_desktop.paths import resource
from pledge_desktop.services.records import ChangeFeed, delete_if_free, get_or_explain

QUESTIONNAIRES = "questionnaires"
# The questionnaires we ship, oldest version first: a later file is the next version of the
# questionnaire of the same name. A cycle keeps the version it has until the team chooses another.
TEMPLATES = (
    "primary-breast-cancer.json",
    "secondary-breast-cancer.json",
    "primary-breast-cancer-v2.json",
    "secondary-breast-cancer-v2.json",
)
TEMPLATE_SOURCE = "Pledge Desktop template"


@dataclass(frozen=True)
class QuestionnaireSummary:
    id: int
    name: str
    version: int
    questions: int
    source: str
    cycles: tuple[str, ...]
    forms_typed: int = 0

    @property
    def is_template(self) -> bool:
        return self.source == TEMPLATE_SOURCE

    @property
    def locked_because(self) -> str:
        """Why this version cannot be changed; empty when it can."""
        if self.is_template:
            return (
                "This is a template that comes with Pledge Desktop, so it stays as it is. "
                "Make a copy to change it."
            )
        if self.forms_typed:
            return (
                f"{self.forms_typed} forms have been typed in with this version (cycle "
                f"{', '.join(self.cycles)}), so it is locked: changing it would change what "
                "those answers mean. Make a new version to change it; the next cycle can use it."
            )
        return ""


class QuestionnaireService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def install_templates(self) -> int:
        """Add the questionnaires we ship that this database does not have yet: each new version
        of a template goes in as the next version of that name, and no cycle moves to it."""
        templates = [
            from_json(resource("questionnaires", name).read_text("utf-8")) for name in TEMPLATES
        ]
        added = 0
        with self._db.transaction() as session:
            installed: dict[str, int] = {}  # template versions already in, per name
            newest: dict[str, int] = {}  # the newest version of each name, whoever made it
            for name, version, source in session.execute(
                select(m.Questionnaire.name, m.Questionnaire.version, m.Questionnaire.source)
            ):
                newest[name] = max(newest.get(name, 0), version)
                if source == TEMPLATE_SOURCE:
                    installed[name] = installed.get(name, 0) + 1
            seen: dict[str, int] = {}
            for template in templates:
                seen[template.name] = seen.get(template.name, 0) + 1
                if seen[template.name] <= installed.get(template.name, 0):
                    continue
                version = newest.get(template.name, 0) + 1
                newest[template.name] = version
                installed[template.name] = seen[template.name]
                session.add(_row(template, version=version, source=TEMPLATE_SOURCE))
                added += 1
        if added:
            self._changes.announce(QUESTIONNAIRES)
        return added

    def summaries(self) -> list[QuestionnaireSummary]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(m.Questionnaire).order_by(m.Questionnaire.name, m.Questionnaire.version)
            ).all()
            uses: dict[int, list[str]] = {}
            typed: dict[int, int] = {}
            for label, questionnaire_id, forms in session.execute(
                select(
                    m.PledgeCycle.label,
                    m.PledgeCycle.questionnaire_id,
                    select(func.count())
                    .where(m.SurveyResponse.cycle_id == m.PledgeCycle.id)
                    .scalar_subquery(),
                )
            ):
                if questionnaire_id is not None:
                    uses.setdefault(questionnaire_id, []).append(label)
                    typed[questionnaire_id] = typed.get(questionnaire_id, 0) + forms
            return [
                QuestionnaireSummary(
                    row.id,
                    row.name,
                    row.version,
                    len(from_json(row.definition).questions()),
                    row.source,
                    tuple(sorted(uses.get(row.id, []))),
                    typed.get(row.id, 0),
                )
                for row in rows
            ]

    def summary(self, questionnaire_id: int) -> QuestionnaireSummary:
        for summary in self.summaries():
            if summary.id == questionnaire_id:
                return summary
        raise NotFound("That questionnaire is no longer there.")

    def definition(self, questionnaire_id: int) -> Questionnaire:
        with self._db.reading() as session:
            row = get_or_explain(session, m.Questionnaire, questionnaire_id, "questionnaire")
            return from_json(row.definition)

    def copy(self, questionnaire_id: int, name: str) -> int:
        """A copy under a new name, version 1, to edit. Returns its id."""
        name = name.strip()
        if not name:
            raise ValidationError({"name": "Please give the copy a name."})
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Questionnaire, questionnaire_id, "questionnaire")
            _refuse_taken_name(session, name)
            copied = replace(from_json(row.definition), name=name)
            new = _row(copied, version=1, source=f"Copy of {row.name} (version {row.version})")
            session.add(new)
            session.flush()
            new_id = new.id
        self._changes.announce(QUESTIONNAIRES)
        return new_id

    def new_version(self, questionnaire_id: int) -> int:
        """The next version of a questionnaire, the same to start with, to edit."""
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Questionnaire, questionnaire_id, "questionnaire")
            newest = _latest_row(session, row.name).version
            new = m.Questionnaire(
                name=row.name,
                version=newest + 1,
                definition=row.definition,
                source=f"New version of {row.name} (version {row.version})",
            )
            session.add(new)
            session.flush()
            new_id = new.id
        self._changes.announce(QUESTIONNAIRES)
        return new_id

    def save_definition(self, questionnaire_id: int, questionnaire: Questionnaire) -> None:
        """Save an edited questionnaire: refused when locked, or when it has problems."""
        summary = self.summary(questionnaire_id)
        if summary.locked_because:
            raise ValidationError({"questionnaire": summary.locked_because})
        problems = check_questionnaire(questionnaire)
        if problems:
            raise ValidationError({"questionnaire": " ".join(problems)})
        with self._db.transaction() as session:
            row = get_or_explain(session, m.Questionnaire, questionnaire_id, "questionnaire")
            typed = session.scalar(
                select(func.count())
                .select_from(m.SurveyResponse)
                .join(m.PledgeCycle, m.PledgeCycle.id == m.SurveyResponse.cycle_id)
                .where(m.PledgeCycle.questionnaire_id == questionnaire_id)
            )
            if typed:  # forms typed in since the editor opened
                raise ValidationError(
                    {
                        "questionnaire": "Forms have just been typed in with this version, so it "
                        "is now locked. Make a new version to change it."
                    }
                )
            if questionnaire.name != row.name:
                if row.version > 1:
                    raise ValidationError(
                        {
                            "name": "A new version keeps its questionnaire's name. Make a copy to "
                            "use another name."
                        }
                    )
                _refuse_taken_name(session, questionnaire.name)
                row.name = questionnaire.name
            row.definition = to_json(questionnaire)
        self._changes.announce(QUESTIONNAIRES)

    def delete(self, questionnaire_id: int) -> None:
        """Delete a questionnaire no cycle uses (templates stay)."""
        if self.summary(questionnaire_id).is_template:
            raise DeleteRefused("The templates that come with Pledge Desktop cannot be deleted.")
        with self._db.transaction() as session:
            delete_if_free(session, m.Questionnaire, questionnaire_id, "questionnaire")
        self._changes.announce(QUESTIONNAIRES)

    def latest(self, name: str) -> Questionnaire:
        with self._db.reading() as session:
            return from_json(_latest_row(session, name).definition)

    def for_cycle(self, cycle_id: int) -> Questionnaire | None:
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = session.get(m.Questionnaire, cycle.questionnaire_id or -1)
            return from_json(row.definition) if row is not None else None

    def name_for_cycle(self, cycle_id: int) -> str | None:
        with self._db.reading() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = session.get(m.Questionnaire, cycle.questionnaire_id or -1)
            return row.name if row is not None else None

    def names(self) -> list[str]:
        with self._db.reading() as session:
            return list(
                session.scalars(
                    select(m.Questionnaire.name).distinct().order_by(m.Questionnaire.name)
                )
            )

    def use_for_cycle(self, cycle_id: int, name: str) -> None:
        """The cycle's surveys follow the newest version of questionnaire `name`. Refused once
        forms are typed in: their answers belong to the questionnaire they were typed against."""
        with self._db.transaction() as session:
            cycle = get_or_explain(session, m.PledgeCycle, cycle_id, "pledge cycle")
            row = _latest_row(session, name)
            if row.id == cycle.questionnaire_id:
                return
            typed = session.scalar(
                select(func.count()).where(m.SurveyResponse.cycle_id == cycle_id)
            )
            if typed:
                raise ValidationError(
                    {
                        "questionnaire": f"Cycle {cycle.label} already has {typed} forms typed in "
                        "with its questionnaire, so it keeps that questionnaire. Start a new cycle "
                        "to use another."
                    }
                )
            cycle.questionnaire_id = row.id
        self._changes.announce("cycles")

    def import_redcap(self, path: Path, name: str) -> tuple[QuestionnaireSummary, tuple[str, ...]]:
        """Import a REDCap data dictionary as a new questionnaire; all or nothing."""
        if not name.strip():
            raise ValidationError({"name": "Please give the questionnaire a name (--name)."})
        result = read_dictionary_file(path, name)
        with self._db.transaction() as session:
            _refuse_taken_name(session, result.questionnaire.name)
            row = _row(result.questionnaire, version=1, source=f"REDCap: {path.name}")
            session.add(row)
            session.flush()
            summary = QuestionnaireSummary(
                row.id, row.name, 1, len(result.questionnaire.questions()), row.source, ()
            )
        self._changes.announce(QUESTIONNAIRES)
        return summary, result.notes

    def export_redcap(self, name: str, path: Path) -> Path:
        text = write_dictionary(self.latest(name))
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_text(text, encoding="utf-8", newline="")
            partial.replace(path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StorageError(describe_os_error(error)) from error
        return path


def _row(questionnaire: Questionnaire, version: int, source: str) -> m.Questionnaire:
    return m.Questionnaire(
        name=questionnaire.name,
        version=version,
        definition=to_json(questionnaire),
        source=source,
    )


def _refuse_taken_name(session: Session, name: str) -> None:
    if session.scalar(select(func.count()).where(m.Questionnaire.name == name)):
        raise ValidationError(
            {"name": f'There is already a questionnaire called "{name}". Choose another name.'}
        )


def _latest_row(session: Session, name: str) -> m.Questionnaire:
    row = session.scalars(
        select(m.Questionnaire)
        .where(m.Questionnaire.name == name)
        .order_by(m.Questionnaire.version.desc())
    ).first()
    if row is None:
        names = ", ".join(
            f'"{n}"' for n in session.scalars(select(m.Questionnaire.name).distinct())
        )
        raise NotFound(f'There is no questionnaire called "{name}". There are: {names}.')
    return row
