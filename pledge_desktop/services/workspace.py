"""Opening a data folder: lock it, check the database, upgrade it if it is behind.

A Workspace bundles the open database with the services that work on it. The GUI and the
`pledge` command both open one; nothing else touches the data folder.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from pledge_desktop.db import models as m
from pledge_desktop.db.backup import backup_name, copy_database, looks_like_sqlite
from pledge_desktop.db.database import Database
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.db.lock import DataFolderLock
from pledge_desktop.db.migrate import SchemaState, read_schema, upgrade
from pledge_desktop.db.storage_errors import NOT_A_DATABASE, storage_errors
from pledge_desktop.domain.errors import DatabaseProblem, DataFolderProblem
from pledge_desktop.services.cycles import CyclesService
from pledge_desktop.services.maintenance import BACKUPS_FOLDER, DEMO_SETTING, MaintenanceService
from pledge_desktop.services.records import ChangeFeed
from pledge_desktop.services.session_lock import SessionLockService
from pledge_desktop.services.setup import SetupService

if TYPE_CHECKING:
    from pledge_desktop.services.exchange.export import ExportService
    from pledge_desktop.services.goals.goals import GoalsService
    from pledge_desktop.services.goals.standards import StandardsService
    from pledge_desktop.services.interviews.coding import CodingService
    from pledge_desktop.services.interviews.interviews import InterviewsService
    from pledge_desktop.services.publishing.booklet import BookletService
    from pledge_desktop.services.results.results import ResultsService
    from pledge_desktop.services.results.team_report import TeamReportService
    from pledge_desktop.services.surveys.batches import BatchService
    from pledge_desktop.services.surveys.questionnaires import QuestionnaireService
    from pledge_desktop.services.surveys.survey_entry import SurveyEntryService
    from pledge_desktop.services.surveys.survey_forms import SurveyFormsService
    from pledge_desktop.services.surveys.verification import VerificationService

NEWER_APP = (
    "This database was made by a newer version of Pledge Desktop. It has been left exactly as "
    "it is. Please install the newer version (ask IT), or open another data folder."
)
FOREIGN = (
    "The data folder holds a database that is not a Pledge Desktop database. It has been left "
    "untouched. Choose another data folder."
)
DAMAGED = (
    "The database file is damaged ({detail}). It has been left as it is. Restore the most "
    "recent backup from the File menu, or run `pledge restore FILE`."
)
REAL_DATA_IN_DEMO = (
    "The folder {folder} holds real data, and the demo is never mixed with real data. "
    "Choose an empty folder for the demo."
)


@dataclass
class Workspace:
    data_dir: Path
    db: Database
    lock: DataFolderLock | None
    changes: ChangeFeed = field(default_factory=ChangeFeed)
    upgraded_from: str | None = None

    def __post_init__(self) -> None:
        # What opening and the first screen need; the other services are made (and their
        # modules imported) the first time a screen or command uses them, for a quick start.
        self.setup = SetupService(self.db, self.changes)
        self.cycles = CyclesService(self.db, self.changes)
        self.maintenance = MaintenanceService(self.db, self.data_dir, self.changes)
        self.session_lock = SessionLockService(self.db, self.changes)

    @cached_property
    def questionnaires(self) -> QuestionnaireService:
        from pledge_desktop.services.surveys.questionnaires import QuestionnaireService

        return QuestionnaireService(self.db, self.changes)

    @cached_property
    def survey_forms(self) -> SurveyFormsService:
        from pledge_desktop.services.surveys.survey_forms import SurveyFormsService

        return SurveyFormsService(self.db, self.changes)

    @cached_property
    def survey_entry(self) -> SurveyEntryService:
        from pledge_desktop.services.surveys.survey_entry import SurveyEntryService

        return SurveyEntryService(self.db, self.changes)

    @cached_property
    def batches(self) -> BatchService:
        from pledge_desktop.services.surveys.batches import BatchService

        return BatchService(self.db, self.changes)

    @cached_property
    def verification(self) -> VerificationService:
        from pledge_desktop.services.surveys.verification import VerificationService

        return VerificationService(self.db, self.changes)

    @cached_property
    def goals(self) -> GoalsService:
        from pledge_desktop.services.goals.goals import GoalsService

        return GoalsService(self.db, self.changes)

    @cached_property
    def standards(self) -> StandardsService:
        from pledge_desktop.services.goals.standards import StandardsService

        return StandardsService(self.db, self.changes)

    @cached_property
    def results(self) -> ResultsService:
        from pledge_desktop.services.results.results import ResultsService

        return ResultsService(self.db, self.changes)

    @cached_property
    def booklet(self) -> BookletService:
        from pledge_desktop.services.publishing.booklet import BookletService

        return BookletService(self.db, self.changes)

    @cached_property
    def interviews(self) -> InterviewsService:
        from pledge_desktop.services.interviews.interviews import InterviewsService

        return InterviewsService(self.db, self.data_dir, self.changes)

    @cached_property
    def coding(self) -> CodingService:
        from pledge_desktop.services.interviews.coding import CodingService

        return CodingService(self.db, self.changes)

    @cached_property
    def export(self) -> ExportService:
        from pledge_desktop.services.exchange.export import ExportService

        return ExportService(self.db, self.changes)

    @cached_property
    def team_report(self) -> TeamReportService:
        from pledge_desktop.services.results.team_report import TeamReportService

        return TeamReportService(self.results, self.goals, self.coding, self.setup)

    @property
    def is_demo(self) -> bool:
        return self.maintenance.is_demo()

    def mark_as_demo(self) -> None:
        with self.db.transaction() as session:
            session.merge(m.AppSetting(key=DEMO_SETTING, value="yes"))

    def close(self) -> None:
        self.db.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def prepare_folder(folder: Path) -> None:
    """Make sure the data folder exists and can be written to, or explain plainly."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{uuid.uuid4().hex}"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataFolderProblem(
            f"Pledge Desktop cannot use the folder {folder} to keep its data ({reason}). "
            "Nothing has been changed. Choose another folder with --data-dir, or ask IT for "
            "a folder you may write to."
        ) from error


def open_workspace(data_dir: Path, *, demo: bool = False, write: bool = True) -> Workspace:
    """Open the data folder. `write=False` opens it for reading only: no lock, no upgrade."""
    data_dir = data_dir.expanduser().resolve()
    if write:
        prepare_folder(data_dir)
    elif not (data_dir / DATABASE_FILE).exists():
        raise DataFolderProblem(
            f"There is no Pledge Desktop database in {data_dir} yet. Open the app, or run "
            "`pledge demo`, to make one."
        )
    lock = DataFolderLock(data_dir) if write else None
    if lock is not None:
        lock.acquire()
    db: Database | None = None
    try:
        db_path = data_dir / DATABASE_FILE
        if db_path.exists() and db_path.stat().st_size > 0 and not looks_like_sqlite(db_path):
            raise DatabaseProblem(NOT_A_DATABASE)
        db = Database(db_path)
        upgraded_from = _bring_up_to_date(db, data_dir, write)
        workspace = Workspace(data_dir, db, lock, upgraded_from=upgraded_from)
        if write:
            workspace.questionnaires.install_templates()
        if demo and not workspace.is_demo:
            if workspace.setup.hospital() is not None:
                raise DataFolderProblem(REAL_DATA_IN_DEMO.format(folder=data_dir))
            workspace.mark_as_demo()
        return workspace
    except BaseException:
        if db is not None:
            db.close()
        if lock is not None:
            lock.release()
        raise


def _bring_up_to_date(db: Database, data_dir: Path, write: bool) -> str | None:
    with storage_errors(), db.engine.connect() as connection:
        rows = [r[0] for r in connection.execute(text("PRAGMA quick_check")).fetchall()]
        if rows != ["ok"]:
            raise DatabaseProblem(DAMAGED.format(detail="; ".join(rows[:3])))
        report = read_schema(connection)
    if report.state is SchemaState.CURRENT:
        return None
    if report.state is SchemaState.NEWER:
        raise DatabaseProblem(NEWER_APP)
    if report.state is SchemaState.FOREIGN:
        raise DatabaseProblem(FOREIGN)
    if not write:
        raise DatabaseProblem(
            "The database needs upgrading to this version of the app first. Open the app once "
            "(it takes a backup, then upgrades)."
        )
    if report.state is SchemaState.BEHIND:
        backups = data_dir / BACKUPS_FOLDER
        backups.mkdir(exist_ok=True)
        copy_database(db.path, backups / backup_name("before-upgrade", datetime.now()))
    with storage_errors():
        upgrade(db.engine)
    return report.revision
