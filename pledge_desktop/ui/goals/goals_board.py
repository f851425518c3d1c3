"""The goals board: short, medium and long term side by side, a card per goal, and the chosen
goal's status, progress and evidence beside them.

Keys on a card: Enter edits it, Ctrl+N adds a goal to its column, Alt+Up / Alt+Down change its
priority, Ctrl+Left / Ctrl+Right move it to the term before or after, Delete deletes it (after
asking), Tab goes to the next column.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.goals import Goal, GoalCard, Term
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import confirm, show_problem, show_status
from pledge_desktop.ui.common.theme import high_contrast, problem_colour, tint
from pledge_desktop.ui.common.widgets import describe, font_pt
from pledge_desktop.ui.common.words import are, plural
from pledge_desktop.ui.goals.goal_dialogs import (
    CarryForwardDialog,
    EvidenceDialog,
    GoalDialog,
    HorizonsDialog,
    LinkQuestionDialog,
    StatusDialog,
    UpdateDialog,
)

OVERDUE = Qt.ItemDataRole.UserRole + 1
TERMS = list(Term)


def card_text(card: GoalCard) -> str:
    """A card in words: no information is given by colour alone."""
    goal = card.goal
    facts = [goal.status.label]
    if card.owner:
        facts.append(card.owner)
    if goal.target_date:
        facts.append(f"by {goal.target_date:%d/%m/%Y}")
    lines = [f"{goal.priority}. {goal.title}", " · ".join(facts)]
    if card.overdue:
        lines.append("OVERDUE")
    if card.carried_from_cycle:
        lines.append(f"carried from {card.carried_from_cycle}")
    return "\n".join(lines)


def mark_overdue(item: QListWidgetItem) -> None:
    """An overdue card in bold and the problem red that reads on the palette in use; in high
    contrast, in the system's own text colour (the bold and the word OVERDUE still tell it)."""
    if high_contrast():
        item.setData(Qt.ItemDataRole.ForegroundRole, None)
    else:
        item.setForeground(QBrush(QColor(problem_colour())))


class CardDelegate(QStyledItemDelegate):
    """Cards as tall as their wrapped words at the column's width, so none is cut short."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # type: ignore[override]
        size = super().sizeHint(option, index)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        width = self.view.viewport().width() - 2 * self.view.spacing() - 2 * margin - 4
        words = QFontMetrics(item.font).boundingRect(
            QRect(0, 0, max(width, 40), 100_000), Qt.TextFlag.TextWordWrap, item.text
        )
        return QSize(size.width(), max(size.height(), words.height() + 2 * margin))


class TermList(QListWidget):
    """One column of cards; Ctrl+Left/Right is handled by the board."""

    def __init__(self, board: GoalsBoard, term: Term) -> None:
        super().__init__()
        self.board = board
        self.term = term
        self.setObjectName(f"goals_{term.value}")
        self.setAccessibleName(f"{term.label} goals")
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # cards re-wrap when the column narrows
        self.setItemDelegate(CardDelegate(self))
        self.setSpacing(3)
        self.setAlternatingRowColors(True)
        self.setMinimumWidth(140)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        key = event.key()
        if ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.board.move_to_term(-1 if key == Qt.Key.Key_Left else 1)
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.board.move_priority(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.board.edit_goal()
        elif key == Qt.Key.Key_Delete:
            self.board.delete_goal()
        else:
            super().keyPressEvent(event)


class GoalsBoard(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cards: dict[int, GoalCard] = {}
        self.current_id: int | None = None
        self.carry_note = QLabel()
        self.carry_note.setObjectName("carryNote")
        self.carry_note.setWordWrap(True)
        self.carry_button = QPushButton(self.tr("Carr&y forward…"))
        self.carry_button.setObjectName("carryForward")
        self.carry_button.clicked.connect(self.carry_forward)
        carry_row = QHBoxLayout()
        carry_row.addWidget(self.carry_note, 1)
        carry_row.addWidget(self.carry_button)
        self.carry_box = QWidget()
        self.carry_box.setLayout(carry_row)
        tint(self.carry_box, "note")
        self.lists: dict[Term, TermList] = {}
        self.boxes: dict[Term, QGroupBox] = {}
        self.horizons: dict[Term, QLabel] = {}
        columns = QHBoxLayout()
        for term in TERMS:
            column = TermList(self, term)
            column.currentItemChanged.connect(lambda item, _old, c=column: self._chosen(c, item))
            column.itemDoubleClicked.connect(lambda _item: self.edit_goal())
            box = QGroupBox()
            horizon = QLabel()
            horizon.setWordWrap(True)
            self.horizons[term] = horizon
            inside = QVBoxLayout(box)
            inside.addWidget(horizon)
            inside.addWidget(column)
            columns.addWidget(box, 1)
            self.lists[term] = column
            self.boxes[term] = box
        new_button = QPushButton(self.tr("&New goal…"))
        new_button.setObjectName("newGoal")
        new_button.setToolTip(self.tr("A new goal in the chosen column (Ctrl+N)"))
        new_button.clicked.connect(self.new_goal)
        new_key = QShortcut(QKeySequence.StandardKey.New, self)
        new_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_key.activated.connect(self.new_goal)
        board = QVBoxLayout()
        board.addWidget(self.carry_box)
        board.addLayout(columns, 1)
        keys = QLabel(
            self.tr(
                "Enter: edit · Ctrl+N: new · Alt+Up/Down: priority · Ctrl+Left/Right: other term "
                "· Delete: delete"
            )
        )
        tint(keys, "quiet")
        keys.setWordWrap(True)
        board.addWidget(keys)
        terms_button = QPushButton(self.tr("What the &terms mean…"))
        terms_button.setObjectName("changeHorizons")
        describe(
            terms_button,
            self.tr("Say what short, medium and long term mean here, as printed in the booklet."),
        )
        terms_button.clicked.connect(self.change_horizons)
        bottom = QHBoxLayout()
        bottom.addWidget(new_button, 1)
        bottom.addWidget(terms_button)
        board.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(board, 3)
        layout.addWidget(self._detail_panel(), 2)

    # --- the chosen goal --------------------------------------------------------------------
    def _detail_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Chosen goal"))
        panel.setMaximumWidth(340)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("goalTitle")
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet(f"font-size: {font_pt(12)}; font-weight: bold;")
        self.detail_status = QLabel()
        self.detail_status.setObjectName("goalStatus")
        self.detail_status.setWordWrap(True)
        self.detail_why = QLabel()
        self.detail_why.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("goalHistory")
        describe(
            self.history,
            self.tr("The goal's progress notes, newest first, including those of earlier cycles."),
        )
        self.history.setAccessibleName(self.tr("Progress updates, newest first"))
        self.history.setWordWrap(True)
        self.evidence = QListWidget()
        self.evidence.setObjectName("goalEvidence")
        describe(
            self.evidence,
            self.tr("The survey questions the goal rests on. Enter opens the results."),
        )
        self.evidence.setAccessibleName(self.tr("Evidence the goal rests on"))
        self.evidence.setWordWrap(True)
        self.evidence.itemActivated.connect(lambda _item: self.open_evidence())
        buttons = {}
        for name, text, slot in (
            ("status", self.tr("&Status…"), self.change_status),
            ("update", self.tr("Add &update…"), self.add_update),
            ("link", self.tr("&Link question…"), self.link_question),
            ("open", self.tr("&Open"), self.open_evidence),
            ("unlink", self.tr("Unlin&k"), self.unlink),
        ):
            button = QPushButton(text)
            button.setObjectName(f"goal_{name}")
            button.setAccessibleName(text.replace("&", "").replace("…", ""))
            button.clicked.connect(slot)
            buttons[name] = button
        self.detail_buttons = list(buttons.values())
        status_row = QHBoxLayout()
        status_row.addWidget(buttons["status"])
        status_row.addWidget(buttons["update"])
        evidence_row = QHBoxLayout()
        for name in ("link", "open", "unlink"):
            evidence_row.addWidget(buttons[name])
        layout = QVBoxLayout(panel)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_status)
        layout.addWidget(self.detail_why)
        layout.addLayout(status_row)
        layout.addWidget(QLabel(self.tr("Progress (newest first):")))
        layout.addWidget(self.history, 2)
        layout.addWidget(QLabel(self.tr("Evidence:")))
        layout.addWidget(self.evidence, 1)
        layout.addLayout(evidence_row)
        return panel

    def _chosen(self, column: TermList, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.current_id = item.data(Qt.ItemDataRole.UserRole)
        self._show_detail()

    def _show_detail(self) -> None:
        card = self.cards.get(self.current_id or -1)
        for button in self.detail_buttons:
            button.setEnabled(card is not None)
        self.history.clear()
        self.evidence.clear()
        if card is None:
            self.detail_title.setText(self.tr("No goal chosen."))
            self.detail_status.setText("")
            self.detail_why.setText("")
            return
        goal = card.goal
        self.detail_title.setText(goal.title)
        status = goal.status.label
        if goal.status_reason:
            status += f": {goal.status_reason}"
        if card.overdue:
            status += self.tr(" · OVERDUE (target %s)") % f"{goal.target_date:%d/%m/%Y}"
        self.detail_status.setText(status)
        self.detail_why.setText(self.tr("Why: %s") % goal.why if goal.why else "")
        goals = self.context.workspace.goals
        assert goal.id is not None
        for entry in goals.history(goal.id):
            update = entry.update
            self.history.addItem(
                f"{update.on_date:%d/%m/%Y} ({entry.cycle}) · {update.progress.label}: "
                f"{update.note}"
            )
        for link in goals.evidence(goal.id):
            item = QListWidgetItem(link.label)
            item.setData(Qt.ItemDataRole.UserRole, (link.id, link.kind, link.ref))
            self.evidence.addItem(item)
        if self.evidence.count():
            self.evidence.setCurrentRow(0)

    def changeEvent(self, event: QEvent) -> None:
        """Dark mode switched on or off: the overdue cards take the new palette's red."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for column in self.lists.values():
                for row in range(column.count()):
                    item = column.item(row)
                    if item.data(OVERDUE):
                        mark_overdue(item)
        super().changeEvent(event)

    # --- filling the board ------------------------------------------------------------------
    def refresh(self) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        goals = self.context.workspace.goals
        horizons = goals.horizons()
        try:
            cards = goals.board(cycle_id, date.today())
        except PledgeError as error:
            self.carry_note.setText("⚠ " + str(error))
            return
        self.cards = {card.goal.id or 0: card for card in cards}
        for term in TERMS:
            mine = [c for c in cards if c.goal.term is term]
            self.boxes[term].setTitle(f"{term.label} ({len(mine)})")
            self.horizons[term].setText(horizons[term].capitalize())
            column = self.lists[term]
            column.blockSignals(True)
            column.clear()
            for card in mine:
                item = QListWidgetItem(card_text(card))
                item.setData(Qt.ItemDataRole.UserRole, card.goal.id)
                if card.overdue:
                    item.setData(OVERDUE, True)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    mark_overdue(item)
                column.addItem(item)
                if card.goal.id == self.current_id:
                    column.setCurrentItem(item)
            column.blockSignals(False)
        if self.current_id not in self.cards:
            self.current_id = None
        label, unfinished = goals.unfinished_before(cycle_id)
        self.carry_note.setText(
            self.tr("%s of cycle %s %s not carried into this cycle yet.")
            % (plural(len(unfinished), "unfinished goal"), label, are(len(unfinished)))
        )
        self.carry_box.setVisible(bool(unfinished))
        self._show_detail()

    def focus_start(self) -> None:
        column = self._current_column() or self.lists[Term.SHORT]
        column.setFocus()
        if column.currentItem() is None and column.count():
            column.setCurrentRow(0)

    def _current_column(self) -> TermList | None:
        for column in self.lists.values():
            if column.hasFocus():
                return column
        card = self.cards.get(self.current_id or -1)
        return self.lists[card.goal.term] if card else None

    def _current_goal(self) -> Goal | None:
        card = self.cards.get(self.current_id or -1)
        return card.goal if card else None

    def _select(self, goal_id: int | None) -> None:
        self.current_id = goal_id
        self.refresh()
        card = self.cards.get(goal_id or -1)
        if card is not None:
            self.lists[card.goal.term].setFocus()

    # --- actions ------------------------------------------------------------------------------
    def new_goal(self) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        column = self._current_column()
        term = column.term if column else Term.SHORT
        dialog = GoalDialog(
            self.context, Goal(cycle_id, term, ""), self.context.workspace.goals.horizons(), self
        )
        if dialog.exec() and dialog.saved is not None:
            self._select(dialog.saved.id)

    def edit_goal(self) -> None:
        goal = self._current_goal()
        if goal is None:
            return
        dialog = GoalDialog(self.context, goal, self.context.workspace.goals.horizons(), self)
        if dialog.exec() and dialog.saved is not None:
            self._select(dialog.saved.id)

    def move_priority(self, step: int) -> None:
        goal = self._current_goal()
        if goal is None or goal.id is None:
            return
        self._run(lambda: self.context.workspace.goals.move(goal.id or 0, step))
        self._select(goal.id)

    def move_to_term(self, step: int) -> None:
        goal = self._current_goal()
        if goal is None:
            return
        index = TERMS.index(goal.term) + step
        if not 0 <= index < len(TERMS):
            return
        moved = replace(goal, term=TERMS[index])
        self._run(lambda: self.context.workspace.goals.save_goal(moved))
        self._select(goal.id)
        show_status(self, self.tr("Moved to %s.") % TERMS[index].label.lower())

    def delete_goal(self) -> None:
        goal = self._current_goal()
        if goal is None or goal.id is None:
            return
        question = (
            self.tr(
                'Delete the goal "%s", with its progress updates and evidence links? If it was '
                "agreed with patients, consider marking it dropped instead, with the reason."
            )
            % goal.title
        )
        if confirm(self, self.tr("Delete goal"), question, self.tr("Delete")):
            self._run(lambda: self.context.workspace.goals.delete_goal(goal.id or 0))
            self._select(None)

    def change_status(self) -> None:
        goal = self._current_goal()
        if goal is not None and StatusDialog(self.context, goal, self).exec():
            self._select(goal.id)

    def add_update(self) -> None:
        goal = self._current_goal()
        if goal is not None and UpdateDialog(self.context, goal, self).exec():
            self._select(goal.id)

    def link_question(self) -> None:
        goal = self._current_goal()
        if goal is not None and LinkQuestionDialog(self.context, goal, self).exec():
            self._select(goal.id)

    def open_evidence(self) -> None:
        item = self.evidence.currentItem()
        goal = self._current_goal()
        if item is None or goal is None:
            return
        _link_id, _kind, code = item.data(Qt.ItemDataRole.UserRole)
        workspace = self.context.workspace
        try:
            counts = workspace.results.question_counts(goal.cycle_id, code)
        except PledgeError:
            show_problem(
                self,
                self.tr("Evidence"),
                self.tr("That question is not in this cycle's survey."),
            )
            return
        EvidenceDialog(counts, workspace.goals.goals_for_question(code), self).exec()

    def unlink(self) -> None:
        item = self.evidence.currentItem()
        goal = self._current_goal()
        if item is None or goal is None:
            return
        link_id, _kind, _code = item.data(Qt.ItemDataRole.UserRole)
        self._run(lambda: self.context.workspace.goals.unlink(link_id))
        self._select(goal.id)

    def change_horizons(self) -> None:
        if HorizonsDialog(self.context, self).exec():
            self.refresh()

    def carry_forward(self) -> None:
        if self.context.cycle_id is None:
            return
        dialog = CarryForwardDialog(self.context, self.context.cycle_id, self)
        if dialog.exec():
            show_status(self, self.tr("%s carried forward.") % plural(dialog.carried, "goal"))
            self.refresh()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except PledgeError as error:
            show_problem(self, self.tr("Not done"), error)
