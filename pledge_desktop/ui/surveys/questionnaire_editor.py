"""Editing one questionnaire: its sections and questions on the left, the chosen one on the
right. Every change can be undone (Ctrl+Z) and redone (Ctrl+Y) until it is saved (Ctrl+S).

Keys in the list: Ctrl+N a new question after the chosen one, Delete removes it, Alt+Up and
Alt+Down move it (across sections at their ends).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.questionnaire import (
    AnswerType,
    Questionnaire,
    check_questionnaire,
)
from pledge_desktop.domain.questionnaire_edit import (
    add_question,
    add_section,
    edit_section,
    move_question,
    options_text,
    place_of,
    remove_question,
    remove_section,
    replace_question,
)
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import settle_unsaved, show_problem, show_status
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import describe, font_pt
from pledge_desktop.ui.surveys.questionnaire_fields import QuestionFields, fixed_options

SECTION, QUESTION = "section", "question"
Key = tuple[str, str, str]  # what was last changed, so that typing is one undo step


class QuestionnaireEditor(QuestionFields, QWidget):
    saved = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.questionnaire_id: int | None = None
        self.working: Questionnaire | None = None
        self.saved_state: Questionnaire | None = None
        self.undo_stack: list[Questionnaire] = []
        self.redo_stack: list[Questionnaire] = []
        self.locked = True
        self._last_key: Key | None = None
        self._loading = False
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        self.heading.setStyleSheet(f"font-size: {font_pt(13)}; font-weight: bold;")
        self.lock_note = QLabel()
        self.lock_note.setObjectName("lockNote")
        self.lock_note.setWordWrap(True)
        tint(self.lock_note, "caution")
        self.tree = QTreeWidget()
        self.tree.setObjectName("questionTree")
        describe(
            self.tree,
            self.tr(
                "Sections and their questions. Arrow keys move; Ctrl+Up and Ctrl+Down reorder."
            ),
        )
        self.tree.setAccessibleName(self.tr("Sections and questions"))
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda *_: self._show_chosen())
        self.detail = QStackedWidget()
        self.detail.addWidget(QLabel(self.tr("Choose a section or a question on the left.")))
        self.detail.addWidget(self._section_form())
        self.detail.addWidget(self._question_form())
        self.problem = QLabel()
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        tint(self.problem, "problem")
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for text, slot, keys in (
            (self.tr("New &question"), self.new_question, "Ctrl+N"),
            (self.tr("New s&ection"), self.new_section, None),
            (self.tr("&Remove"), self.remove_chosen, None),
            (self.tr("Move up"), lambda: self.move_chosen(-1), "Alt+Up"),
            (self.tr("Move down"), lambda: self.move_chosen(1), "Alt+Down"),
            (self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo),
            (self.tr("Red&o"), self.redo, QKeySequence.StandardKey.Redo),
            (self.tr("&Save questionnaire"), self.save, QKeySequence.StandardKey.Save),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons.append(button)
            if keys is not None:
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
                button.setToolTip(
                    QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
                )
            button.setAccessibleDescription(
                self.tr("%s the chosen question or section.") % text.replace("&", "")
                if keys is None
                else self.tr("Shortcut: %s")
                % QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            )
        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.tree)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_chosen)
        self.save_button = self.buttons[-1]
        row.addStretch()
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([470, 470])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.lock_note)
        layout.addWidget(split, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        self._set_editable(False)

    # --- the forms on the right -----------------------------------------------------------

    # --- loading and showing --------------------------------------------------------------
    def load(self, questionnaire_id: int | None) -> None:
        self.questionnaire_id = questionnaire_id
        self.undo_stack, self.redo_stack, self._last_key = [], [], None
        self.problem.setText("")
        if questionnaire_id is None:
            self.working = self.saved_state = None
            self.heading.setText("")
            self.lock_note.hide()
            self.tree.clear()
            self._set_editable(False)
            return
        service = self.context.workspace.questionnaires
        summary = service.summary(questionnaire_id)
        self.working = self.saved_state = service.definition(questionnaire_id)
        self.heading.setText(self.tr("%s, version %d") % (summary.name, summary.version))
        self.locked = bool(summary.locked_because)
        self.lock_note.setText(self.tr("Locked. ") + summary.locked_because)
        self.lock_note.setVisible(self.locked)
        self._set_editable(not self.locked)
        self._fill_tree(None)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))

    @property
    def dirty(self) -> bool:
        return self.working is not None and self.working != self.saved_state

    def _set_editable(self, on: bool) -> None:
        for widget in (
            self.section_title,
            self.section_intro,
            self.q_text,
            self.q_code,
            self.q_type,
            self.q_options,
            self.q_required,
            self.q_quasi,
            self.q_range,
            self.q_hint,
            self.q_rule,
            *self.buttons,
        ):
            widget.setEnabled(on)

    def _fill_tree(self, choose: tuple[str, str] | None) -> None:
        assert self.working is not None
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        chosen = None
        number = 0
        for s, section in enumerate(self.working.sections):
            top = QTreeWidgetItem([section.title or self.tr("(untitled section)")])
            top.setFont(0, bold)
            top.setData(0, Qt.ItemDataRole.UserRole, (SECTION, str(s)))
            self.tree.addTopLevelItem(top)
            if choose == (SECTION, str(s)):
                chosen = top
            for question in section.questions:
                number += 1
                item = QTreeWidgetItem([f"{number}. {question.text}"])
                item.setToolTip(0, f"{question.text} ({question.code})")
                item.setData(0, Qt.ItemDataRole.UserRole, (QUESTION, question.code))
                top.addChild(item)
                if choose == (QUESTION, question.code):
                    chosen = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._show_chosen()

    def _chosen(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_chosen(self) -> None:
        chosen = self._chosen()
        self._last_key = None
        self._loading = True
        try:
            if chosen is None or self.working is None:
                self.detail.setCurrentIndex(0)
            elif chosen[0] == SECTION:
                section = self.working.sections[int(chosen[1])]
                self.section_title.setText(section.title)
                self.section_intro.setPlainText(section.introduction)
                self.detail.setCurrentIndex(1)
            else:
                self._show_question(self.working.question(chosen[1]))
                self.detail.setCurrentIndex(2)
        finally:
            self._loading = False

    # --- changes ----------------------------------------------------------------------------
    def _apply(self, changed: Questionnaire, key: Key | None, choose: tuple[str, str]) -> None:
        assert self.working is not None
        if changed == self.working:
            return
        if key is None or key != self._last_key:
            self.undo_stack.append(self.working)
        self._last_key = key
        self.redo_stack.clear()
        self.working = changed
        self.problem.setText("")
        if key is None:
            self._fill_tree(choose)
        else:  # typing in a field: relabel the tree, keep the focus where it is
            self._relabel()

    def _relabel(self) -> None:
        assert self.working is not None
        numbered = {q.code: n for n, q in self.working.numbered()}
        for s in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(s)
            top.setText(0, self.working.sections[s].title or self.tr("(untitled section)"))
            for i in range(top.childCount()):
                item = top.child(i)
                kind, code = item.data(0, Qt.ItemDataRole.UserRole)
                if code not in numbered:  # the code itself was changed
                    code = self.working.sections[s].questions[i].code
                    item.setData(0, Qt.ItemDataRole.UserRole, (kind, code))
                question = self.working.question(code)
                item.setText(0, f"{numbered[code]}. {question.text}")

    def _section_changed(self, field: str) -> None:
        chosen = self._chosen()
        if self._loading or self.working is None or chosen is None or chosen[0] != SECTION:
            return
        index = int(chosen[1])
        changed = edit_section(
            self.working, index, self.section_title.text(), self.section_intro.toPlainText()
        )
        self._apply(changed, (SECTION, chosen[1], field), chosen)

    def _question_changed(self, field: str) -> None:
        chosen = self._chosen()
        if self._loading or self.working is None or chosen is None or chosen[0] != QUESTION:
            return
        answer_type = AnswerType(self.q_type.currentData())
        existing = self.working.question(chosen[1])
        if field == "type" and answer_type in (AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
            self._loading = True
            self.q_options.setPlainText(options_text(fixed_options(answer_type, existing)))
            self._loading = False
        self._update_option_box(answer_type)
        question, problem = self._question_from_fields(answer_type, existing)
        if problem or question is None:
            self.problem.setText("⚠ " + (problem or ""))
            return
        changed = replace_question(self.working, chosen[1], question)
        self._apply(changed, (QUESTION, chosen[1], field), (QUESTION, question.code))
        item = self.tree.currentItem()
        if item is not None and question.code != chosen[1]:
            item.setData(0, Qt.ItemDataRole.UserRole, (QUESTION, question.code))
            self._last_key = (QUESTION, question.code, field)

    # --- actions ----------------------------------------------------------------------------
    def new_question(self) -> None:
        if self.locked or self.working is None:
            return
        chosen = self._chosen()
        after = None
        if chosen and chosen[0] == QUESTION:
            after = place_of(self.working, chosen[1])
        elif chosen:
            section = int(chosen[1])
            after = (section, len(self.working.sections[section].questions))
        changed, code = add_question(self.working, after)
        self._apply(changed, None, (QUESTION, code))
        self.q_text.setFocus()
        self.q_text.selectAll()

    def new_section(self) -> None:
        if self.locked or self.working is None:
            return
        chosen = self._chosen()
        after = None
        if chosen is not None:
            after = int(chosen[1]) if chosen[0] == SECTION else place_of(self.working, chosen[1])[0]
        changed = add_section(self.working, after, self.tr("New section"))
        index = len(changed.sections) - 1 if after is None else after + 1
        self._apply(changed, None, (SECTION, str(index)))
        self.section_title.setFocus()
        self.section_title.selectAll()

    def remove_chosen(self) -> None:
        chosen = self._chosen()
        if self.locked or self.working is None or chosen is None:
            return
        try:
            if chosen[0] == QUESTION:
                changed = remove_question(self.working, chosen[1])
            else:
                changed = remove_section(self.working, int(chosen[1]))
        except ValueError as problem:
            self.problem.setText("⚠ " + str(problem))
            return
        self._apply(changed, None, (SECTION, "0"))
        show_status(self, self.tr("Removed. Ctrl+Z brings it back."))

    def move_chosen(self, step: int) -> None:
        chosen = self._chosen()
        if self.locked or self.working is None or chosen is None or chosen[0] != QUESTION:
            return
        self._apply(move_question(self.working, chosen[1], step), None, chosen)
        self.tree.setFocus()

    def undo(self) -> None:
        self._step(self.undo_stack, self.redo_stack)

    def redo(self) -> None:
        self._step(self.redo_stack, self.undo_stack)

    def _step(self, source: list[Questionnaire], target: list[Questionnaire]) -> None:
        if self.locked or not source or self.working is None:
            return
        chosen = self._chosen()
        target.append(self.working)
        self.working = source.pop()
        self._last_key = None
        self._fill_tree(chosen)

    def save(self) -> bool:
        if self.locked or self.working is None or self.questionnaire_id is None:
            return False
        problems = check_questionnaire(self.working)
        if problems:
            self.problem.setText("⚠ " + self.tr("Not saved yet: ") + " ".join(problems[:3]))
            return False
        try:
            self.context.workspace.questionnaires.save_definition(
                self.questionnaire_id, self.working
            )
        except PledgeError as error:
            show_problem(self, self.tr("Questionnaire not saved"), error)
            return False
        self.saved_state = self.working
        self.problem.setText("")
        show_status(self, self.tr("Questionnaire saved."))
        self.saved.emit()
        return True

    def leave_form(self) -> bool:
        def discard() -> None:
            self.working = self.saved_state

        return settle_unsaved(self, self.tr("this questionnaire"), self.dirty, self.save, discard)
