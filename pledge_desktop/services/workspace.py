"""Opening a data folder: lock it, check the database, upgrade it if it is behind.

A Workspace bundles the open database with the services that work on it. The GUI and the
`pledge` command both open one; nothing else touches the data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pledge_desktop.db import models as m
from pledge_desktop.db.backup import backup_name, copy_database
from pledge_desktop.db.damage import probe_database
from pledge_desktop.db.database import Database
from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.db.lock import DataFolderLock
from pledge_desktop.db.migrate import SchemaState, read_schema, revision_state, upgrade
from pledge_desktop.db.storage_errors import storage_errors
from pledge_desktop.domain.errors import DatabaseProblem, DataFolderProblem
from pledge_desktop.services.cycles import CyclesService
from pledge_desktop.services.maintenance import (
    BACKUPS_FOLDER,
    DEMO_SETTING,
    NEW_SUFFIX,
    MaintenanceService,
    clean_leftovers,
    side_files,
)
from pledge_desktop.services.records import ChangeFeed
from pledge_desktop.services.session_lock import SessionLockService
from pledge_desktop.services.setup import SetupService

if TYPE_CHECKING:
    from pledge_desktop.services.exchange.export import ExportService
    from pledge_desktop.services.goals.goals import GoalsService
    from pledge_desktop.services.goals.standards import StandardsService
    from pledge_desktop.services.interviews.coding import CodingService
    from pledge_desktop.services.interviews.interviews import InterviewsService
    from pledge_desktop.services.overview import OverviewService
    from pledge_desktop.services.publishing.booklet import BookletService
    from pledge_desktop.services.results.results import ResultsService
    from pledge_desktop.services.results.team_report import TeamReportService
    from pledge_desktop.services.surveys.batches import BatchService
    from pledge_desktop.services.surveys.questionnaires import QuestionnaireService
    from pledge_desktop.services.surveys.survey_entry import SurveyEntryService
    from pledge_desktop.services.surveys.survey_forms import SurveyFormsService
    from pledge_desktop.services.surveys.verification import VerificationService
    from pledge_desktop.services.year.involvement import InvolvementService
    from pledge_desktop.services.year.meetings import MeetingsService
    from pledge_desktop.services.year.publish import PublishService
    from pledge_desktop.services.year.sign_off import SignOffService
    from pledge_desktop.services.year.time_spent import TimeSpentService

NEWER_APP = (
    "This database was made by a newer version of Pledge Desktop. It has been left exactly as "
    "it is. Please install the newer version (ask IT), or open another data folder."
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

        return ExportService(self.db, self.changes, self.publish, fictional=self.is_demo)

    @cached_property
    def team_report(self) -> TeamReportService:
        from pledge_desktop.services.results.team_report import TeamReportService

        return TeamReportService(self.results, self.goals, self.coding, self.setup)

    @cached_property
    def sign_off(self) -> SignOffService:
        from pledge_desktop.services.year.sign_off import SignOffService

        return SignOffService(self.db, self.changes)

    @cached_property
    def involvement(self) -> InvolvementService:
        from pledge_desktop.services.year.involvement import InvolvementService

        return InvolvementService(self.db, self.changes)

    @cached_property
    def meetings(self) -> MeetingsService:
        from pledge_desktop.services.year.meetings import MeetingsService

        return MeetingsService(self.db, self.changes)

    @cached_property
    def time_spent(self) -> TimeSpentService:
        from pledge_desktop.services.year.time_spent import TimeSpentService

        return TimeSpentService(self.db, self.changes)

    @cached_property
    def publish(self) -> PublishService:
        from pledge_desktop.services.year.publish import PublishService

        return PublishService(self.db, self.changes, self.booklet)

    @cached_property
    def overview(self) -> OverviewService:
        from pledge_desktop.services.overview import OverviewService

        return OverviewService(self.db, self.maintenance)

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
        probe = folder / f".write-test-{os.urandom(16).hex()}"
        probe.write_bytes(b"ok")
        probe.unlink(missing_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataFolderProblem(
            f"Pledge Desktop cannot use the folder {folder} to keep its data ({reason}). "
            "Nothing has been changed. Choose another folder with --data-dir, or ask IT for "
            "a folder you may write to."
        ) from error


NO_DATABASE_TO_READ = (
    "There is no Pledge Desktop database in {folder} yet. Check the folder's name; open the app, "
    "or run `pledge demo`, to make one."
)
NO_DATABASE_TO_WRITE = (
    "There is no Pledge Desktop database in {folder}, so nothing was done. Check the folder's "
    "name. To start a new, empty database there, run the command again with --create, or open "
    "the app and follow its first start."
)
EMPTY_FILE = (
    "The file {path} is an SQLite file with nothing in it, not a Pledge Desktop database. It has "
    "been left exactly as it is. Move it aside, or choose another data folder."
)
NEEDS_UPGRADE = (
    "The database needs upgrading to this version of the app first. Open the app once "
    "(it takes a backup, then upgrades)."
)


def open_workspace(
    data_dir: Path,
    *,
    demo: bool = False,
    write: bool = True,
    create: bool = True,
    templates: bool = True,
) -> Workspace:
    """Open the data folder.

    `write=False` opens it for reading only: no lock, no upgrade, and the database file is
    opened read-only, so it is never changed. `write=True` takes the folder's lock; when the
    folder has no database yet, one is made only if `create` is True (the app's first start,
    `pledge demo`, `--create`), otherwise the folder is refused with a plain message. Before
    anything is written the file is checked read-only (db/damage.py): a damaged or foreign
    database, or a `-wal` file that is not its own, is refused and left exactly as it is.
    The questionnaires we ship are added when opened for writing; `templates=False` leaves
    that to the caller (the app does it once its first screen is shown).
    """
    data_dir = data_dir.expanduser().resolve()
    db_path = data_dir / DATABASE_FILE
    if not write:
        if not db_path.exists():
            raise DataFolderProblem(NO_DATABASE_TO_READ.format(folder=data_dir))
        state = _state(db_path, data_dir)
        if state is SchemaState.BEHIND:
            raise DatabaseProblem(NEEDS_UPGRADE)
        return _workspace(data_dir, Database(db_path, read_only=True), None, None, demo)
    if not create and not db_path.exists():  # before anything is made: not even the folder
        raise DataFolderProblem(NO_DATABASE_TO_WRITE.format(folder=data_dir))
    prepare_folder(data_dir)
    lock = DataFolderLock(data_dir)
    lock.acquire()
    db: Database | None = None
    try:
        clean_leftovers(data_dir)
        if not db_path.exists():
            if not create:
                raise DataFolderProblem(NO_DATABASE_TO_WRITE.format(folder=data_dir))
            create_database(db_path)
        state = _state(db_path, data_dir)
        if state is SchemaState.BEHIND:
            backups = data_dir / BACKUPS_FOLDER
            backups.mkdir(exist_ok=True)
            copy_database(db_path, backups / backup_name("before-upgrade", datetime.now()))
        db = Database(db_path)
        upgraded_from = None
        if state is SchemaState.BEHIND:
            upgraded_from = _revision(db)
            with storage_errors():
                upgrade(db.engine)
        workspace = _workspace(data_dir, db, lock, upgraded_from, demo)
        if templates:
            workspace.questionnaires.install_templates()
        return workspace
    except BaseException:
        if db is not None:
            db.close()
        lock.release()
        raise


def _workspace(
    data_dir: Path, db: Database, lock: DataFolderLock | None, upgraded_from: str | None, demo: bool
) -> Workspace:
    try:
        workspace = Workspace(data_dir, db, lock, upgraded_from=upgraded_from)
        if demo and not workspace.is_demo:
            if workspace.setup.hospital() is not None:
                raise DataFolderProblem(REAL_DATA_IN_DEMO.format(folder=data_dir))
            if db.read_only:
                raise DataFolderProblem(NO_DATABASE_TO_READ.format(folder=data_dir))
            workspace.mark_as_demo()
        return workspace
    except BaseException:
        if lock is None:
            db.close()
        raise


def _state(db_path: Path, data_dir: Path) -> SchemaState:
    """Check the database read-only; refuse (touching nothing) one that cannot be used."""
    revision = probe_database(db_path, data_dir)
    if revision is None:
        raise DatabaseProblem(EMPTY_FILE.format(path=db_path))
    state = revision_state(revision)
    if state is SchemaState.NEWER:
        raise DatabaseProblem(NEWER_APP)
    return state


def _revision(db: Database) -> str | None:
    with storage_errors(), db.engine.connect() as connection:
        return read_schema(connection).revision


def create_database(db_path: Path) -> None:
    """Make a new, current database at `db_path`, whole or not at all.

    It is built beside the final name and renamed into place once complete, so a start that is
    interrupted never leaves an empty or half-made `pledge.sqlite3` behind.
    """
    partial = db_path.with_name(db_path.name + NEW_SUFFIX)
    for leftover in (partial, *side_files(partial)):
        leftover.unlink(missing_ok=True)
    db = Database(partial)
    try:
        with storage_errors():
            upgrade(db.engine)
    finally:
        db.close()
    with storage_errors():
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, db_path)
