"""Checking typed forms: pick the forms to type in again, see which are waiting, and read the
error rates of the first typing per question and per batch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.verification import ErrorRate
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.table_model import Column, RecordTableModel
from pledge_desktop.ui.common.widgets import describe, font_pt, page_title
from pledge_desktop.ui.common.words import plural


def _rate_table(
    name: str, first: Column, columns: list[Column]
) -> tuple[QTableView, RecordTableModel]:
    model = RecordTableModel([first, *columns])
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table, model


def _per_cent(rate: ErrorRate) -> str:
    return f"{rate.per_cent:.1f}%" if rate.answers_checked else "–"


class ChecksPage(QWidget):
    def __init__(
        self,
        context: ScreenContext,
        check_form: Callable[[int | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._check_form = check_form
        title = page_title(self.tr("Check typed forms"))
        explain = QLabel(
            self.tr(
                "To know the data can be trusted, some forms are typed in a second time without "
                "looking at the first typing. Where the two differ you look at the paper and "
                "choose; the form is then verified. The error rate is how often the first "
                "typing disagreed with the paper."
            )
        )
        explain.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("checksSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"font-size: {font_pt(12)};")
        # --- picking
        self.percent = QSpinBox()
        self.percent.setObjectName("samplePercent")
        describe(
            self.percent,
            self.tr("How many forms in every hundred to type in again, to check the typing."),
        )
        self.percent.setAccessibleName(self.tr("Share of forms to pick, per cent"))
        self.percent.setRange(1, 100)
        self.percent.setValue(10)
        self.percent.setSuffix(" %")
        self.batch = QComboBox()
        self.batch.setObjectName("sampleBatch")
        describe(self.batch, self.tr("Pick forms from all batches, or from one."))
        self.batch.setAccessibleName(self.tr("Pick from which batch"))
        pick = QPushButton(self.tr("&Pick forms to check"))
        pick.setObjectName("pickSample")
        describe(pick, self.tr("Choose forms at random to be typed in again."))
        pick.clicked.connect(self.pick)
        pick_row = QHBoxLayout()
        percent_label = QLabel(self.tr("Pick"))
        pick_row.addWidget(percent_label)
        pick_row.addWidget(self.percent)
        pick_row.addWidget(QLabel(self.tr("of the forms not yet checked, from")))
        pick_row.addWidget(self.batch, 1)
        pick_row.addWidget(pick)
        # --- waiting
        self.waiting = QListWidget()
        self.waiting.setObjectName("formsToCheck")
        describe(
            self.waiting,
            self.tr("Forms picked to be typed in again. Enter starts checking the chosen one."),
        )
        self.waiting.setAccessibleName(self.tr("Forms picked to be checked"))
        self.waiting.setMaximumHeight(64)
        self.waiting.setFlow(QListWidget.Flow.LeftToRight)
        self.waiting.setWrapping(True)
        self.waiting.itemActivated.connect(lambda item: self._check_form(int(item.text())))
        start = QPushButton(self.tr("&Type in again to check…"))
        start.setObjectName("startChecking")
        describe(
            start,
            self.tr("Type the chosen form in again, without seeing the first typing (Ctrl+K)."),
        )
        start.clicked.connect(self.start_checking)
        waiting_box = QGroupBox(self.tr("Forms picked to check: take them from the pile"))
        waiting_layout = QVBoxLayout(waiting_box)
        waiting_layout.addLayout(pick_row)
        waiting_layout.addWidget(self.waiting)
        waiting_layout.addWidget(start)
        # --- rates
        counts = [
            Column(self.tr("Typed differently"), lambda r: str(r.differences)),
            Column(self.tr("First typing wrong"), lambda r: str(r.errors)),
        ]
        self.by_question, self.question_model = _rate_table(
            "errorsByQuestion",
            Column(self.tr("Question"), lambda r: r.label),
            [*counts, Column(self.tr("Of forms checked"), _per_cent)],
        )
        self.by_batch, self.batch_model = _rate_table(
            "errorsByBatch",
            Column(self.tr("Batch"), lambda r: r.label),
            [
                Column(self.tr("Forms checked"), lambda r: str(r.forms_checked)),
                Column(self.tr("Answers checked"), lambda r: str(r.answers_checked)),
                *counts,
                Column(self.tr("Error rate"), _per_cent),
            ],
        )
        self.by_batch.setMaximumHeight(140)
        rates = QVBoxLayout()
        for heading, table, stretch in (
            (self.tr("Error rate by batch"), self.by_batch, 0),
            (
                self.tr("Error rate by question (questions typed differently at least once)"),
                self.by_question,
                1,
            ),
        ):
            box = QGroupBox(heading)
            QVBoxLayout(box).addWidget(table)
            rates.addWidget(box, stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.summary)
        layout.addWidget(waiting_box)
        layout.addLayout(rates, 1)
        context.hub.changed.connect(self._data_changed)
        context.hub.cycle_selected.connect(lambda _id: self.refresh())
        self.refresh()

    def focus_start(self) -> None:
        (self.waiting if self.waiting.count() else self.percent).setFocus()

    def _data_changed(self, topic: str) -> None:
        if topic in ("responses", "batches", "everything"):
            self.refresh()

    def refresh(self) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        workspace = self.context.workspace
        try:
            summary = workspace.verification.summary(cycle_id)
        except PledgeError as error:
            self.summary.setText("⚠ " + str(error))
            return
        overall = summary.overall
        share = 100 * summary.verified / summary.typed if summary.typed else 0
        text = self.tr("%s typed in; %d checked (%.0f%%).") % (
            plural(summary.typed, "form"),
            summary.verified,
            share,
        )
        if overall.answers_checked:
            text += " " + self.tr(
                "The first typing disagreed with the paper in %d of %s checked (%s)."
            ) % (
                overall.errors,
                plural(overall.answers_checked, "answer"),
                _per_cent(overall),
            )
        self.summary.setText(text)
        self.waiting.clear()
        self.waiting.addItems([f"{serial:05d}" for serial in summary.waiting])
        if summary.waiting:
            self.waiting.setCurrentRow(0)
        self.question_model.set_records(summary.by_question)
        self.by_question.resizeRowsToContents()
        self.batch_model.set_records(summary.by_batch)
        chosen = self.batch.currentData()
        self.batch.clear()
        self.batch.addItem(self.tr("all batches"), None)
        for batch in workspace.batches.batches(cycle_id):
            self.batch.addItem(batch.describe, batch.id)
        self.batch.setCurrentIndex(max(self.batch.findData(chosen), 0))

    def pick(self) -> None:
        if self.context.cycle_id is None:
            return
        try:
            picked = self.context.workspace.verification.pick_sample(
                self.context.cycle_id, self.percent.value(), self.batch.currentData()
            )
        except PledgeError as error:
            show_problem(self, self.tr("No forms picked"), error)
            return
        if not picked:
            show_problem(
                self,
                self.tr("No forms picked"),
                self.tr("Every form there is already checked or picked to be checked."),
            )
        self.waiting.setFocus()

    def start_checking(self) -> None:
        item = self.waiting.currentItem()
        self._check_form(int(item.text()) if item is not None else None)
