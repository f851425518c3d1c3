"""The standards of care of the chosen cycle: the team's promises to every patient, in the
order they are printed, each marked when it has been reviewed with patients this cycle."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.goals import CareStandard
from pledge_desktop.ui.common.identifier_warning import warn_in_form
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.record_form import CHECK, TEXT, FormField
from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.table_model import Column
from pledge_desktop.ui.common.tables import keep_columns_whole
from pledge_desktop.ui.common.widgets import describe
from pledge_desktop.ui.common.words import plural


class StandardsPage(RecordListPage):
    topics = ("standards", "cycles")
    what = "standard of care"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_button = QPushButton(self.tr("S&tart the list"))
        self.start_button.setObjectName("startStandards")
        self.start_button.setToolTip(
            self.tr("Copy last cycle's standards to review, or take the suggested ones")
        )
        self.start_button.clicked.connect(self.start_list)
        up = QPushButton(self.tr("Move &up"))
        up.clicked.connect(lambda: self.move(-1))
        down = QPushButton(self.tr("Move do&wn"))
        down.clicked.connect(lambda: self.move(1))
        describe(up, self.tr("Move the chosen standard up the list, as it will be printed."))
        describe(down, self.tr("Move the chosen standard down the list."))
        row = QHBoxLayout()
        for button in (self.start_button, up, down):
            row.addWidget(button)
        row.addStretch()
        self.extra_area.addLayout(row)
        self.warnings = warn_in_form(
            self.form,
            ("text",),
            lambda words: self.context.workspace.setup.identifiers_in(words, self.context.cycle_id),
        )
        self.warnings["text"].check_now()  # the standard shown first
        keep_columns_whole(self.table, wrap=(0,))  # the standard's words wrap; "Reviewed" whole
        self._update_start()

    def title(self) -> str:
        return self.tr("Standards of care")

    def intro(self) -> str:
        return self.tr(
            "The team's promises to every patient, printed in the booklet in this order. Review "
            "them with your patient representatives each cycle and tick each one reviewed."
        )

    def can_edit(self) -> bool:
        return self.context.cycle_id is not None

    def fields(self) -> list[FormField]:
        return [
            FormField("text", self.tr("The &promise"), TEXT, self.tr("As patients will read it")),
            FormField(
                "reviewed",
                self.tr("Reviewed"),
                CHECK,
                hint=self.tr("Reviewed with patients this cycle"),
            ),
            FormField("review_note", self.tr("Re&view note"), TEXT, self.tr("Optional")),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Standard"), lambda s: s.text),
            Column(
                self.tr("Reviewed"), lambda s: self.tr("Yes") if s.reviewed else self.tr("Not yet")
            ),
        ]

    def load(self) -> list[Any]:
        assert self.context.cycle_id is not None
        return self.context.workspace.standards.standards(self.context.cycle_id)

    def build(self, values: dict[str, Any], record_id: int | None) -> CareStandard:
        assert self.context.cycle_id is not None
        return CareStandard(cycle_id=self.context.cycle_id, id=record_id, **values)

    def save(self, record: CareStandard) -> CareStandard:
        return self.context.workspace.standards.save_standard(record)

    def delete(self, record: CareStandard) -> None:
        assert record.id is not None
        self.context.workspace.standards.delete_standard(record.id)

    def describe(self, record: Any) -> str:
        text = str(getattr(record, "text", ""))
        return self.tr("this standard") if not text else f'"{text[:40]}…"'

    def refresh(self, keep_form: bool = True) -> None:
        super().refresh(keep_form)
        if hasattr(self, "start_button"):
            self._update_start()

    def _update_start(self) -> None:
        self.start_button.setEnabled(self.can_edit() and self.model.rowCount() == 0)

    def start_list(self) -> None:
        if self.context.cycle_id is None:
            return
        try:
            source, count = self.context.workspace.standards.start_list(self.context.cycle_id)
        except PledgeError as error:
            show_problem(self, self.tr("List not started"), error)
            return
        if count:
            self._status(
                self.tr("%s added from %s: review each one.") % (plural(count, "standard"), source)
            )

    def move(self, step: int) -> None:
        if self.current_id is None or not self.leave_form():
            return
        try:
            self.context.workspace.standards.move(self.current_id, step)
        except PledgeError as error:
            show_problem(self, self.tr("Not moved"), error)
