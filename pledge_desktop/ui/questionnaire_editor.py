"""Editing one questionnaire: its sections and questions on the left, the chosen one on the
right. Every change can be undone (Ctrl+Z) and redone (Ctrl+Y) until it is saved (Ctrl+S).

Keys in the list: Ctrl+N a new question after the chosen one, Delete removes it, Alt+Up and
Alt+Down move it (across sections at their ends).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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
    Question,
    Questionnaire,
    check_questionnaire,
    standard_options,
)
from pledge_desktop.domain.questionnaire_edit import (
    add_question,
    add_section,
    edit_section,
    move_question,
    options_text,
    parse_options,
    parse_rule,
    place_of,
    remove_question,
    remove_section,
    replace_question,
    rule_text,
)
from pledge_desktop.ui.context import ScreenContext
from pledge_desktop.ui.messages import settle_unsaved, show_problem, show_status
from pledge_desktop.ui.widgets import describe, font_pt, styled

TYPE_WORDS = {
    AnswerType.SINGLE: "Single choice",
    AnswerType.MULTIPLE: "Multiple choice (tick all that apply)",
    AnswerType.AGREEMENT: "Agreement scale (5 points)",
    AnswerType.YES_NO_NA: "Yes / No / Does not apply",
    AnswerType.NUMBER: "Whole number",
    AnswerType.DATE: "Date",
    AnswerType.SHORT_TEXT: "Short text",
    AnswerType.LONG_TEXT: "Long free text",
}
SECTION, QUESTION = "section", "question"
Key = tuple[str, str, str]  # what was last changed, so that typing is one undo step


class QuestionnaireEditor(QWidget):
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
        styled(self.lock_note, "background: #fdf0d5; color: #3b2a00; padding: 6px;")
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
        styled(self.problem, "color: #a4262c; font-weight: bold;")
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
    def _section_form(self) -> QWidget:
        page = QWidget()
        self.section_title = QLineEdit()
        self.section_title.setObjectName("sectionTitle")
        describe(self.section_title, self.tr("The section's heading as printed on the form."))
        self.section_intro = QPlainTextEdit()
        self.section_intro.setObjectName("sectionIntro")
        describe(
            self.section_intro,
            self.tr("A few words printed under the section's heading (optional)."),
        )
        self.section_intro.setTabChangesFocus(True)
        self.section_title.textEdited.connect(lambda _t: self._section_changed("title"))
        self.section_intro.textChanged.connect(lambda: self._section_changed("intro"))
        form = QFormLayout(page)
        form.addRow(self.tr("Section &title"), self.section_title)
        form.addRow(self.tr("Introductio&n"), self.section_intro)
        return page

    def _question_form(self) -> QWidget:
        page = QWidget()
        self.q_text = QPlainTextEdit()
        self.q_text.setObjectName("questionText")
        self.q_text.setTabChangesFocus(True)
        self.q_text.setFixedHeight(self.q_text.fontMetrics().lineSpacing() * 3 + 12)
        self.q_code = QLineEdit()
        self.q_code.setObjectName("questionCode")
        self.q_code.setToolTip(
            self.tr("Results and exports join answers on this code: keep it when rewording.")
        )
        self.q_type = QComboBox()
        self.q_type.setObjectName("questionType")
        for answer_type, words in TYPE_WORDS.items():
            self.q_type.addItem(self.tr(words), answer_type.value)
        self.q_options = QPlainTextEdit()
        self.q_options.setObjectName("questionOptions")
        self.q_options.setTabChangesFocus(True)
        self.q_options.setPlaceholderText("1 Yes\n2 No")
        self.q_options.setMaximumHeight(self.q_options.fontMetrics().lineSpacing() * 7 + 12)
        self.q_required = QCheckBox(self.tr("An answer is expected"))
        self.q_quasi = QCheckBox(self.tr("Could help identify someone (age band, sex, ethnicity…)"))
        self.q_quasi.setObjectName("quasiIdentifier")
        self.q_range = QLineEdit()
        self.q_range.setObjectName("questionRange")
        self.q_range.setPlaceholderText(self.tr("e.g. 18 to 110"))
        self.q_hint = QLineEdit()
        self.q_rule = QLineEdit()
        self.q_rule.setObjectName("questionRule")
        self.q_rule.setPlaceholderText(self.tr("always; or e.g. bcn_named = 1"))
        self.q_text.textChanged.connect(lambda: self._question_changed("text"))
        for line, name in (
            (self.q_code, "code"),
            (self.q_range, "range"),
            (self.q_hint, "hint"),
            (self.q_rule, "rule"),
        ):
            line.textEdited.connect(lambda _t, n=name: self._question_changed(n))
        self.q_options.textChanged.connect(lambda: self._question_changed("options"))
        self.q_type.currentIndexChanged.connect(lambda _i: self._question_changed("type"))
        self.q_required.toggled.connect(lambda _on: self._question_changed("required"))
        self.q_quasi.toggled.connect(lambda _on: self._question_changed("quasi"))
        form = QFormLayout(page)
        form.addRow(self.tr("&Wording"), self.q_text)
        form.addRow(self.tr("&Answer type"), self.q_type)
        form.addRow(self.tr("Answer &list (number, then words)"), self.q_options)
        form.addRow(self.tr("&Number range"), self.q_range)
        form.addRow(self.tr("As&k only if"), self.q_rule)
        form.addRow(self.tr("Hint for the pa&tient"), self.q_hint)
        form.addRow(self.tr("Code"), self.q_code)
        form.addRow("", self.q_required)
        form.addRow("", self.q_quasi)
        self.q_goals = QLabel()
        self.q_goals.setObjectName("questionGoals")
        self.q_goals.setWordWrap(True)
        form.addRow(self.tr("Goals resting on it"), self.q_goals)
        return page

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

    def _show_question(self, question: Question) -> None:
        self.q_text.setPlainText(question.text)
        self.q_code.setText(question.code)
        self.q_type.setCurrentIndex(self.q_type.findData(question.type.value))
        self.q_options.setPlainText(options_text(question.options))
        self.q_required.setChecked(question.required)
        self.q_quasi.setChecked(question.quasi_identifier)
        low, high = question.minimum, question.maximum
        self.q_range.setText(f"{low:g} to {high:g}" if low is not None and high is not None else "")
        self.q_hint.setText(question.hint)
        self.q_rule.setText(rule_text(question.show_if))
        goals = self.context.workspace.goals.goals_for_question(question.code)
        self.q_goals.setText(
            "; ".join(f"{title} ({cycle})" for cycle, title in goals) or self.tr("none yet")
        )
        self._update_option_box(question.type)

    def _update_option_box(self, answer_type: AnswerType) -> None:
        fixed = answer_type in (AnswerType.AGREEMENT, AnswerType.YES_NO_NA)
        editable = not self.locked
        self.q_options.setEnabled(editable and answer_type.has_options)
        self.q_options.setReadOnly(fixed)
        self.q_range.setEnabled(editable and answer_type is AnswerType.NUMBER)

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
        if field == "type" and answer_type in (AnswerType.AGREEMENT, AnswerType.YES_NO_NA):
            self._loading = True
            self.q_options.setPlainText(options_text(standard_options(answer_type)))
            self._loading = False
        self._update_option_box(answer_type)
        question, problem = self._question_from_fields(answer_type)
        if problem or question is None:
            self.problem.setText("⚠ " + (problem or ""))
            return
        changed = replace_question(self.working, chosen[1], question)
        self._apply(changed, (QUESTION, chosen[1], field), (QUESTION, question.code))
        item = self.tree.currentItem()
        if item is not None and question.code != chosen[1]:
            item.setData(0, Qt.ItemDataRole.UserRole, (QUESTION, question.code))
            self._last_key = (QUESTION, question.code, field)

    def _question_from_fields(self, answer_type: AnswerType) -> tuple[Question | None, str]:
        options: tuple = ()
        if answer_type.has_options:
            options, problem = parse_options(self.q_options.toPlainText())
            if problem:
                return None, problem
        rule, problem = parse_rule(self.q_rule.text())
        if problem:
            return None, problem
        low = high = None
        if answer_type is AnswerType.NUMBER and self.q_range.text().strip():
            parts = self.q_range.text().lower().replace("-", " to ").split("to")
            try:
                low, high = (float(p) for p in parts)
            except ValueError:
                return None, self.tr('Give the range as two numbers, like "18 to 110".')
        code = self.q_code.text().strip()
        return (
            Question(
                code=code,
                text=" ".join(self.q_text.toPlainText().split()),
                type=answer_type,
                options=options,
                required=self.q_required.isChecked(),
                quasi_identifier=self.q_quasi.isChecked(),
                minimum=low,
                maximum=high,
                hint=self.q_hint.text().strip(),
                show_if=rule,
            ),
            "",
        )

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
