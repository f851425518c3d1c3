"""The written answers to a question on the Results screen, coded into the interview themes
with the same keys as a transcript: Ctrl+1 … Ctrl+9 code the chosen answer into that theme of
the codebook (or take it out again)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.interviews import Theme
from pledge_desktop.domain.results import WrittenAnswer
from pledge_desktop.services.results.results import ResultsFilter
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem, show_status
from pledge_desktop.ui.common.widgets import describe

ANSWER_ID = Qt.ItemDataRole.UserRole
DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class AnswerList(QListWidget):
    """A list where Ctrl+1 … Ctrl+9 code the chosen answer: while it has the keyboard, those
    keys are its own, not the window's keys for moving between sections."""

    def __init__(self, code: Callable[[int], None]) -> None:
        super().__init__()
        self._code = code

    @staticmethod
    def _number(event: QEvent) -> int | None:
        if not isinstance(event, QKeyEvent):
            return None
        if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
            return None
        return DIGITS.get(Qt.Key(event.key()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._number(event):
            event.accept()  # delivered as a key press here, not as the window's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = self._number(event)
        if number:
            self._code(number - 1)
            return
        super().keyPressEvent(event)


class WrittenAnswersPanel(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.themes: list[Theme] = []
        self.answers: list[WrittenAnswer] = []
        self.keys = QLabel()
        self.keys.setObjectName("answerThemeKeys")
        self.keys.setWordWrap(True)
        self.list = AnswerList(self.code_with_theme)
        self.list.setObjectName("comments")
        self.list.setAccessibleName(self.tr("Written answers"))
        describe(
            self.list,
            self.tr(
                "What patients wrote. Ctrl+1 to Ctrl+9 code the chosen answer into that theme "
                "of the interview codebook; the same key again takes it out."
            ),
        )
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keys)
        layout.addWidget(self.list, 1)

    def show_answers(self, cycle_id: int, question_code: str, chosen: ResultsFilter) -> None:
        workspace = self.context.workspace
        self.themes = workspace.coding.themes()
        self.answers = workspace.results.written.answers(cycle_id, question_code, chosen)
        shown = [f"Ctrl+{n} {t.name}" for n, t in enumerate(self.themes[:9], start=1)]
        self.keys.setText(
            self.tr("Code an answer into a theme: %s.") % "; ".join(shown)
            if shown
            else self.tr("Add themes in Interviews to code these answers into them.")
        )
        self._fill()
        self.setVisible(bool(self.answers))

    def _fill(self, current: int = 0) -> None:
        names = {t.id: t.name for t in self.themes}
        self.list.clear()
        for answer in self.answers:
            coded = sorted(names[t] for t in answer.theme_ids if t in names)
            prefix = f"[{', '.join(coded)}] " if coded else ""
            item = QListWidgetItem(f"{prefix}{answer.text}")
            item.setData(ANSWER_ID, answer.id)
            self.list.addItem(item)
        if self.answers:
            self.list.setCurrentRow(min(current, len(self.answers) - 1))

    def code_with_theme(self, index: int) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.answers) or not 0 <= index < len(self.themes):
            return
        answer, theme = self.answers[row], self.themes[index]
        assert theme.id is not None
        try:
            now_in = self.context.workspace.results.written.toggle_theme(answer.id, theme.id)
        except PledgeError as error:
            show_problem(self, self.tr("Not coded"), error)
            return
        ids = set(answer.theme_ids)
        ids.symmetric_difference_update({theme.id})
        self.answers[row] = WrittenAnswer(answer.id, answer.serial, answer.text, frozenset(ids))
        self._fill(row)
        show_status(
            self,
            (self.tr("Coded into %s.") if now_in else self.tr("Taken out of %s.")) % theme.name,
        )
