"""The entry screen's sheet: each question drawn as on paper, the current one highlighted as
with a highlighter pen, in light mode, dark mode and high contrast alike."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
)

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.ui.common.theme import accent, blend, high_contrast, is_dark, readable_on

HIGHLIGHTER = "#ffd54a"  # a highlighter pen's yellow, laid thinly on the page
ON_LIGHT, ON_DARK = 0.3, 0.22  # how thickly: a pale yellow on white, a dim one on a dark page
PLAIN = "padding: 4px;"
STATE_WORDS = {
    AnswerState.LEFT_BLANK: "left blank",
    AnswerState.UNREADABLE: "unreadable / more than one box",
    AnswerState.SKIPPED: "skipped",
}


def current_style(palette: QPalette | None = None) -> str:
    """The current question's look for the palette in use: the highlighter's yellow laid on the
    page, the words in whichever colour reads at 4.5:1 or better on it, framed in the accent
    colour. In high contrast only a frame, in the system's own highlight colour."""
    if high_contrast():
        return "border: 3px solid palette(highlight); padding: 3px;"
    palette = palette or QGuiApplication.palette()
    dark = is_dark(palette)
    page = palette.color(QPalette.ColorRole.Base)
    background = blend(page, QColor(HIGHLIGHTER), ON_DARK if dark else ON_LIGHT)
    words = readable_on(background, palette)
    return (
        f"background: {background.name()}; color: {words.name()}; "
        f"border: 2px solid {accent()}; padding: 4px;"
    )


class QuestionLabel(QLabel):
    """A question on the sheet. It remembers its height for a width until its own text or
    style changes: otherwise every key press would make the layout measure all thirty
    word-wrapped questions again, several screen frames' worth of work."""

    def __init__(self) -> None:
        super().__init__()
        self.current = False
        self._heights: dict[int, int] = {}
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(PLAIN)

    def show_html(self, html: str) -> None:
        self._heights.clear()
        self.setText(html)

    def show_current(self, current: bool) -> None:
        """Highlight the question as the one being typed, or take the highlight off."""
        self.current = current
        self._restyle()

    def _restyle(self) -> None:
        style = current_style() if self.current else PLAIN
        if self.styleSheet() != style:  # setting it again would relayout the sheet
            self._heights.clear()
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self.current and event.type() in (
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.PaletteChange,
        ):
            self._restyle()  # dark mode switched on or off while typing

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
