"""Saving a typed-in form on a worker thread, so the next form is ready at once.

The save (a draft first, then the form, each one transaction) runs in order on one worker
thread. Until it reports back, the form is kept in memory; if saving fails, it is kept there
(and as a draft if the disk allows) and the nurse is told, so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.survey_entry import FormEntry

if TYPE_CHECKING:
    from pledge_desktop.services.surveys.survey_entry import SurveyEntryService


class FormSaver(QObject):
    saved = Signal(int)  # serial
    failed = Signal(int, str)  # serial, plain-English reason
    _finished = Signal(int, int, str)  # emitted on the worker thread, delivered on the GUI's

    def __init__(self, service: SurveyEntryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # saves land in the order they were typed
        self.pending: dict[tuple[int, int], FormEntry] = {}
        self.unsaved: dict[tuple[int, int], FormEntry] = {}
        self._finished.connect(self._done)

    def save(self, cycle_id: int, entry: FormEntry, batch_id: int | None) -> None:
        key = (cycle_id, entry.serial)
        self.pending[key] = entry
        self.unsaved.pop(key, None)
        self._pool.start(_SaveJob(self, cycle_id, entry, batch_id))

    def kept(self, cycle_id: int, serial: int) -> FormEntry | None:
        """A form whose save failed, still in memory."""
        return self.unsaved.get((cycle_id, serial))

    def finish(self) -> None:
        """Wait for every save under way (before closing, or reopening a form being saved)."""
        self._pool.waitForDone()

    def _done(self, cycle_id: int, serial: int, problem: str) -> None:
        entry = self.pending.pop((cycle_id, serial), None)
        if problem and entry is not None:
            self.unsaved[(cycle_id, serial)] = entry
            self.failed.emit(serial, problem)
        elif not problem:
            self.saved.emit(serial)


class _SaveJob(QRunnable):
    def __init__(
        self, saver: FormSaver, cycle_id: int, entry: FormEntry, batch_id: int | None
    ) -> None:
        super().__init__()
        self._saver = saver
        self._cycle_id = cycle_id
        self._entry = entry
        self._batch_id = batch_id

    def run(self) -> None:
        service = self._saver._service
        problem = ""
        try:
            service.save_draft(self._cycle_id, self._entry)  # the last keys are safe at once
            service.save_form(self._cycle_id, self._entry, self._batch_id)
        except PledgeError as error:
            problem = str(error)
        self._saver._finished.emit(self._cycle_id, self._entry.serial, problem)
