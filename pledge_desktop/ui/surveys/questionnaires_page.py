"""The questionnaires: the templates, the nurse's own copies and versions, REDCap files in and
out, and the editor for the one chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.services.surveys.questionnaires import QuestionnaireSummary
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import confirm, show_problem, show_status
from pledge_desktop.ui.common.table_model import Column, RecordTableModel
from pledge_desktop.ui.common.widgets import describe, page_title
from pledge_desktop.ui.common.words import plural
from pledge_desktop.ui.surveys.questionnaire_editor import QuestionnaireEditor


def _state(summary: QuestionnaireSummary) -> str:
    if summary.is_template:
        return "Template"
    return "Locked" if summary.forms_typed else "Can be changed"


class QuestionnairesPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current_id: int | None = None
        title = page_title(self.tr("Questionnaires"))
        self.model = RecordTableModel(
            [
                Column(self.tr("Name"), lambda s: s.name),
                Column(self.tr("Version"), lambda s: str(s.version)),
                Column(self.tr("Questions"), lambda s: str(s.questions)),
                Column(self.tr("Used by cycles"), lambda s: ", ".join(s.cycles) or "–"),
                Column(self.tr("Forms typed in"), lambda s: str(s.forms_typed)),
                Column(self.tr("State"), _state),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("questionnairesTable")
        describe(
            self.table,
            self.tr("The questionnaires and their versions. A version with typed forms is locked."),
        )
        self.table.setAccessibleName(self.tr("Questionnaires"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_chosen())
        self.editor = QuestionnaireEditor(context)
        self.editor.saved.connect(self.refresh)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Make a co&py…"), self.copy_chosen, "copyQuestionnaire"),
            (self.tr("Make a new &version"), self.new_version, "newVersion"),
            (self.tr("&Delete…"), self.delete_chosen, "deleteQuestionnaire"),
            (self.tr("&Import from REDCap…"), self.import_redcap, "importRedcap"),
            (self.tr("E&xport for REDCap…"), self.export_redcap, "exportRedcap"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(top)
        split.addWidget(self.editor)
        split.setSizes([190, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(split, 1)
        context.hub.changed.connect(self._data_changed)
        self.refresh()

    def focus_start(self) -> None:
        self.table.setFocus()

    def _data_changed(self, topic: str) -> None:
        if topic in ("questionnaires", "responses", "cycles", "everything"):
            self.refresh()

    def refresh(self, choose: int | None = None) -> None:
        wanted = choose if choose is not None else self.current_id
        self.model.set_records(self.context.workspace.questionnaires.summaries())
        row = max(self.model.row_of(wanted), 0)
        if self.model.rowCount():
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            chosen = self.model.record(row).id
            if chosen != self.current_id or not self.editor.dirty:
                self.current_id = chosen
                self.editor.load(chosen)

    def _row_chosen(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        chosen = self.model.record(index.row()).id
        if chosen == self.current_id:
            return
        if not self.editor.leave_form():
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(self.model.row_of(self.current_id))
            self.table.selectionModel().blockSignals(False)
            return
        self.current_id = chosen
        self.editor.load(chosen)

    def leave_form(self) -> bool:
        return self.editor.leave_form()

    def _chosen(self) -> QuestionnaireSummary | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def copy_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is None or not self.editor.leave_form():
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Make a copy"),
            self.tr("Name of the copy (it becomes a questionnaire of your own):"),
            text=self.tr("%s (our version)") % chosen.name,
        )
        if not ok:
            return
        try:
            new_id = self.context.workspace.questionnaires.copy(chosen.id, name)
        except PledgeError as error:
            show_problem(self, self.tr("No copy made"), error)
            return
        self._open(new_id, self.tr("Copied. Change it below, then save (Ctrl+S)."))

    def new_version(self) -> None:
        chosen = self._chosen()
        if chosen is None or not self.editor.leave_form():
            return
        if chosen.is_template:
            show_problem(
                self,
                self.tr("No new version made"),
                self.tr("The templates stay as they are. Make a copy instead."),
            )
            return
        try:
            new_id = self.context.workspace.questionnaires.new_version(chosen.id)
        except PledgeError as error:
            show_problem(self, self.tr("No new version made"), error)
            return
        self._open(new_id, self.tr("New version made. Change it below, then save (Ctrl+S)."))

    def _open(self, questionnaire_id: int, note: str) -> None:
        self.current_id = None
        self.refresh(choose=questionnaire_id)
        self.editor.tree.setFocus()
        show_status(self, note)

    def delete_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        question = self.tr('Delete the questionnaire "%s", version %d?') % (
            chosen.name,
            chosen.version,
        )
        if not confirm(self, self.tr("Delete questionnaire"), question, self.tr("Delete")):
            return
        try:
            self.context.workspace.questionnaires.delete(chosen.id)
        except PledgeError as error:
            show_problem(self, self.tr("Not deleted"), error)
            return
        self.editor.load(None)
        self.current_id = None
        self.refresh()

    def import_redcap(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("REDCap data dictionary"), "", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Import from REDCap"), self.tr("Name for the questionnaire:")
        )
        if not ok:
            return
        try:
            summary, notes = self.context.workspace.questionnaires.import_redcap(Path(path), name)
        except PledgeError as error:
            show_problem(self, self.tr("Not imported"), error)
            return
        self._open(summary.id, self.tr("Imported %s.") % plural(summary.questions, "question"))
        if notes:
            show_problem(self, self.tr("Imported, with notes"), "\n".join(notes))

    def export_redcap(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the REDCap data dictionary"),
            f"{chosen.name}.csv",
            self.tr("CSV files (*.csv)"),
        )
        if not path:
            return
        try:
            self.context.workspace.questionnaires.export_redcap(chosen.name, Path(path))
        except PledgeError as error:
            show_problem(self, self.tr("Not exported"), error)
            return
        show_status(self, self.tr("Saved %s") % path)
