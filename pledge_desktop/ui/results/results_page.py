"""Results: each question of the cycle's questionnaire with its counts, percentages of those who
answered (base n always shown; "does not apply" apart), a chart, the change since last cycle,
and the written answers, coded into the interview themes with Ctrl+1 … Ctrl+9."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.results import CycleResults, QuestionCounts, compare, option_changes
from pledge_desktop.services.results.results import TEXT_TYPES, ResultsFilter
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem, show_status
from pledge_desktop.ui.common.tables import keep_columns_whole, show_all_rows
from pledge_desktop.ui.common.widgets import describe, font_pt, page_title
from pledge_desktop.ui.results.result_chart import ResultChart
from pledge_desktop.ui.results.written_answers import WrittenAnswersPanel

LAST_CYCLE_COLUMNS = (3, 4)  # of the answer table: last cycle's per cent, and the change


class ResultsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.results: CycleResults | None = None
        self.previous: CycleResults | None = None
        self.summary = QLabel()
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)
        self.questions = QListWidget()
        self.questions.setObjectName("resultQuestions")
        describe(
            self.questions,
            self.tr("The questionnaire's questions with how many answered. Arrow keys show each."),
        )
        self.questions.setAccessibleName(self.tr("Questions"))
        self.questions.setWordWrap(True)
        self.questions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions.setStyleSheet("QListWidget::item { padding: 3px; }")
        self.questions.currentRowChanged.connect(self._show_question)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Survey results")))
        layout.addLayout(self._filters())
        layout.addWidget(self.summary)
        splitter = QSplitter()
        splitter.addWidget(self.questions)
        splitter.addWidget(self._detail())
        splitter.setSizes([380, 520])
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())
        context.hub.changed.connect(self._data_changed)
        context.hub.cycle_selected.connect(lambda _id: self.refresh())
        self.refresh()

    # --- building -------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        self.batch = QComboBox()
        self.batch.setObjectName("resultsBatch")
        describe(self.batch, self.tr("Count only the forms of one batch, or all."))
        self.batch.setAccessibleName(self.tr("Batch of forms"))
        batch_label = QLabel(self.tr("&Batch:"))
        batch_label.setBuddy(self.batch)
        self.dates = QCheckBox(self.tr("&Dates: only forms typed in between"))
        self.dates.setObjectName("resultsDates")
        describe(
            self.dates, self.tr("Count only the forms typed in between the two dates beside it.")
        )
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit, name in ((self.date_from, "first day"), (self.date_to, "last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(self.tr(name))
            describe(
                edit, self.tr("The %s of the forms counted, by when they were typed in.") % name
            )
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.refresh(filter_only=True))
            self.dates.toggled.connect(edit.setEnabled)
        self.batch.activated.connect(lambda _i: self.refresh(filter_only=True))
        self.dates.toggled.connect(lambda _on: self.refresh(filter_only=True))
        row = QHBoxLayout()
        row.addWidget(batch_label)
        row.addWidget(self.batch, 1)
        row.addSpacing(12)
        row.addWidget(self.dates)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("and")))
        row.addWidget(self.date_to)
        return row

    def _detail(self) -> QWidget:
        self.question_text = QLabel()
        self.question_text.setObjectName("questionText")
        self.question_text.setWordWrap(True)
        self.question_text.setStyleSheet(f"font-size: {font_pt(13)}; font-weight: bold;")
        self.base = QLabel()
        self.base.setObjectName("questionBase")
        self.base.setWordWrap(True)
        self.chart = ResultChart()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("answerTable")
        describe(
            self.table,
            self.tr(
                "Each answer: forms, per cent of those who answered, last cycle's per cent and "
                "the change."
            ),
        )
        self.table.setAccessibleName(self.tr("Answers: counts and percentages"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Answer"),
                self.tr("Forms"),
                self.tr("%"),
                self.tr("Last cycle"),
                self.tr("Change"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        keep_columns_whole(self.table, wrap=(0,))  # a long answer wraps
        show_all_rows(self.table)
        self.change = QLabel()
        self.change.setObjectName("questionChange")
        self.change.setWordWrap(True)
        self.written = WrittenAnswersPanel(self.context)
        self.comments = self.written.list
        inner = QWidget()
        column = QVBoxLayout(inner)
        for widget in (self.question_text, self.base, self.chart, self.table, self.change):
            column.addWidget(widget)
        column.addWidget(self.written, 1)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _buttons(self) -> QHBoxLayout:
        self.report_button = QPushButton(self.tr("Save results &report (PDF)…"))
        self.report_button.setObjectName("saveReport")
        describe(
            self.report_button,
            self.tr(
                "Save every question's results, comments, themes and goals as a PDF for a team "
                "meeting."
            ),
        )
        self.report_button.clicked.connect(self.save_report)
        self.small = QSpinBox()
        self.small.setObjectName("smallNumbers")
        describe(
            self.small,
            self.tr(
                "Outside the team, counts below this are written as 'fewer than' and no per cent "
                "is given on fewer answers."
            ),
        )
        self.small.setRange(2, 50)
        self.small.setAccessibleName(self.tr("Smallest count shown outside the team"))
        small_label = QLabel(self.tr("Outside the team, keep back counts &under:"))
        small_label.setBuddy(self.small)
        self.small.setValue(self.context.workspace.results.small_numbers().threshold)
        self.small.editingFinished.connect(self._save_small_numbers)
        row = QHBoxLayout()
        row.addWidget(small_label)
        row.addWidget(self.small)
        row.addStretch(1)
        row.addWidget(self.report_button)
        return row

    # --- showing --------------------------------------------------------------------------
    def focus_start(self) -> None:
        self.questions.setFocus()

    def _data_changed(self, topic: str) -> None:
        if topic in ("responses", "batches", "questionnaires", "cycles", "everything"):
            self.refresh()

    def chosen_filter(self) -> ResultsFilter:
        batch_id = self.batch.currentData()
        dates = self.dates.isChecked()
        return ResultsFilter(
            batch_id=batch_id,
            entered_from=self.date_from.date().toPython() if dates else None,  # type: ignore[arg-type]
            entered_to=self.date_to.date().toPython() if dates else None,  # type: ignore[arg-type]
            batch_label=self.batch.currentText() if batch_id is not None else "",
        )

    def refresh(self, filter_only: bool = False) -> None:
        """Count again; a new filter leaves the previous cycle's counts as they were."""
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        workspace = self.context.workspace
        self._reload_batches(cycle_id)
        try:
            self.results = workspace.results.cycle_results(cycle_id, self.chosen_filter())
            if not filter_only or self.previous is None:
                self.previous = workspace.results.previous_results(cycle_id)
        except PledgeError as error:
            self.results = None
            self.summary.setText("⚠ " + str(error))
            self.questions.clear()
            return
        text = self.tr("%s forms typed in for cycle %s") % (
            f"{self.results.forms:,}",
            self.results.cycle_label,
        )
        note = self.chosen_filter().describe()
        text += (f" ({note})" if note else "") + "."
        if self.previous is not None:
            text += " " + self.tr("Compared with %s (%s forms).") % (
                self.previous.cycle_label,
                f"{self.previous.forms:,}",
            )
        self.summary.setText(text)
        row = max(self.questions.currentRow(), 0)
        self.questions.blockSignals(True)
        self.questions.clear()
        for counts in self.results.questions:
            self.questions.addItem(f"{counts.number}. {counts.question.text}  (n={counts.base:,})")
        self.questions.blockSignals(False)
        self.questions.setCurrentRow(min(row, self.questions.count() - 1))

    def _reload_batches(self, cycle_id: int) -> None:
        chosen = self.batch.currentData()
        self.batch.blockSignals(True)
        self.batch.clear()
        self.batch.addItem(self.tr("All batches"), None)
        for batch in self.context.workspace.batches.batches(cycle_id):
            self.batch.addItem(batch.label, batch.id)
        self.batch.setCurrentIndex(max(self.batch.findData(chosen), 0))
        self.batch.blockSignals(False)

    def _show_question(self, row: int) -> None:
        if self.results is None or not 0 <= row < len(self.results.questions):
            return
        counts = self.results.questions[row]
        self.question_text.setText(f"{counts.number}. {counts.question.text}")
        base = self.tr(
            "n = %s answered (the base of the percentages). Apart: %s said it did not apply "
            "or did not know, %s left blank, %s unreadable or more than one box ticked, %s skipped "
            "by the form's rules."
        ) % tuple(
            f"{n:,}"
            for n in (
                counts.base,
                counts.left_out,
                counts.left_blank,
                counts.unreadable,
                counts.skipped,
            )
        )
        if counts.mean is not None:
            base += " " + self.tr("Mean score %s out of 10.") % f"{counts.mean:.1f}"
        self.base.setText(base)
        self.chart.show_counts(counts)
        before = self.previous.question(counts.question.code) if self.previous else None
        for column in LAST_CYCLE_COLUMNS:  # no empty columns when there is nothing to compare
            self.table.setColumnHidden(column, before is None)
        self._fill_table(counts, before)
        change = compare(before, counts) if before is not None else None
        if change is not None and self.previous is not None:
            self.change.setText(
                self.tr("Since %s: %s") % (self.previous.cycle_label, change.describe())
            )
        elif self.previous is not None and counts.options:
            self.change.setText(
                self.tr("Not asked in %s, so there is nothing to compare it with.")
                % self.previous.cycle_label
            )
        else:
            self.change.setText("")
        if counts.question.type in TEXT_TYPES and self.context.cycle_id is not None:
            self.written.show_answers(
                self.context.cycle_id, counts.question.code, self.chosen_filter()
            )
        else:
            self.written.hide()
        self.table.setVisible(bool(counts.options))

    def _fill_table(self, counts: QuestionCounts, before: QuestionCounts | None) -> None:
        changes = option_changes(before, counts) if before is not None else []
        rows = [*counts.in_base, *counts.apart]
        self.table.setRowCount(len(rows))
        for row, (option, count) in enumerate(rows):
            apart = row >= len(counts.in_base)
            share = self.tr("not in base") if apart else f"{counts.per_cent(count):.0f}%"
            cells = [option.label, f"{count:,}", share, "", ""]
            if changes and not apart:
                cells[3] = f"{changes[row].before:.0f}%"
                cells[4] = f"{changes[row].points:+.0f} points"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    # --- actions --------------------------------------------------------------------------
    def _save_small_numbers(self) -> None:
        try:
            self.context.workspace.results.set_small_number_threshold(self.small.value())
        except PledgeError as error:
            show_problem(self, self.tr("Setting not saved"), error)
            return
        show_status(
            self, self.tr("Counts under %d are kept back outside the team.") % self.small.value()
        )

    def save_report(self) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None or self.results is None:
            return
        suggested = Path.home() / f"results-{self.results.cycle_label}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the results report"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if not name:
            return
        try:
            pages = self.context.workspace.team_report.write(
                cycle_id, Path(name), self.chosen_filter()
            )
        except PledgeError as error:
            show_problem(self, self.tr("Report not saved"), error)
            return
        show_status(self, self.tr("Saved the results report (%d pages) to %s") % (pages, name))
