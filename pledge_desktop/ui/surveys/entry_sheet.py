"""The entry screen's sheet: each question drawn as on paper, the current one highlighted."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
)

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import AnswerState

CURRENT = "background: #fff3c4; border: 2px solid #1d4f91; padding: 4px;"
PLAIN = "padding: 4px;"
STATE_WORDS = {
    AnswerState.LEFT_BLANK: "left blank",
    AnswerState.UNREADABLE: "unreadable / more than one box",
    AnswerState.SKIPPED: "skipped",
}


class QuestionLabel(QLabel):
    """A question on the sheet. It remembers its height for a width until its own text or
    style changes: otherwise every key press would make the layout measure all thirty
    word-wrapped questions again, several screen frames' worth of work."""

    def __init__(self) -> None:
        super().__init__()
        self._heights: dict[int, int] = {}
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(PLAIN)

    def show_html(self, html: str) -> None:
        self._heights.clear()
        self.setText(html)

    def show_style(self, style: str) -> None:
        self._heights.clear()
        self.setStyleSheet(style)

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = super().heightForWidth(width)
        return self._heights[width]


class QuestionSheet:
    """Part of the screen that uses it; kept apart to keep each module small."""

    def _question_html(self, question: Question, is_current: bool) -> str:
        entry = self.entry
        assert entry is not None
        answer = entry.answers.get(question.code)
        ticked: set[int] = set()
        if is_current and question.type is AnswerType.MULTIPLE:
            ticked = set(entry.ticks)
        elif answer and answer.state is AnswerState.ANSWERED and question.type.has_options:
            ticked = set(answer.value) if isinstance(answer.value, tuple) else {answer.value}
        parts = [f"<b>{entry.number(question)}. {escape(question.text)}</b>"]
        if answer and answer.state is not AnswerState.ANSWERED:
            parts.append(f"<br><i>({escape(STATE_WORDS[answer.state])})</i>")
        for option in question.options:
            box = "☒" if option.code in ticked else "☐"
            weight = "bold" if option.code in ticked else "normal"
            parts.append(
                f"<br>&nbsp;&nbsp;<span style='font-weight:{weight}'>{box} "
                f"<small>{option.code}</small> {escape(option.label)}</span>"
            )
        if not question.options and answer and answer.state is AnswerState.ANSWERED:
            value = answer.value
            shown = value.strftime("%d/%m/%Y") if question.type is AnswerType.DATE else value
            parts.append(f"<br>&nbsp;&nbsp;<b>{escape(str(shown))}</b>")
        return "".join(parts)
