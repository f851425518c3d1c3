"""The entry screen's sheet: each question drawn as on paper, the current one highlighted as
with a highlighter pen, in light mode, dark mode and high contrast alike."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from pledge_desktop.domain.questionnaire import AnswerType, Question
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.ui.common.theme import accent, blend, high_contrast, is_dark, readable_on
from pledge_desktop.ui.common.widgets import font_pt

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
    """The sheet of the screen that uses it: built once per questionnaire, redrawn where it
    changed after each key, with the prompt saying what the next key will do."""

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

    def _scroll_to_current(self) -> None:
        entry = self.entry
        current = entry.current if entry is not None else None
        if current is not None and current.code in self.labels:
            self.form_area.ensureWidgetVisible(self.labels[current.code], 0, 60)

    def _build_form(self) -> None:
        assert self.entry is not None
        sheet = QWidget()
        column = QVBoxLayout(sheet)
        self.labels, self._shown_html, self._highlighted = {}, {}, None
        self._sheet_for = self.entry.questionnaire
        for section in self.entry.questionnaire.sections:
            heading = QLabel(section.title)
            heading.setStyleSheet(f"font-size: {font_pt(13)}; font-weight: bold; margin-top: 8px;")
            column.addWidget(heading)
            for question in section.questions:
                label = QuestionLabel()
                column.addWidget(label)
                self.labels[question.code] = label
        column.addStretch()
        self.form_area.setWidget(sheet)

    def _refresh(self) -> None:
        entry = self.entry
        assert entry is not None
        current = entry.current
        for question in entry.questions:
            is_current = current is not None and question.code == current.code
            html = self._question_html(question, is_current)
            if self._shown_html.get(question.code) != html:
                self.labels[question.code].show_html(html)
                self._shown_html[question.code] = html
        highlight = current.code if current is not None else None
        if highlight != self._highlighted:
            if self._highlighted in self.labels:
                self.labels[self._highlighted].show_current(False)
            if highlight is not None:
                self.labels[highlight].show_current(True)
            self._highlighted = highlight
        if current is None:
            self._show_prompt(self.tr("End of the form. Press Enter (or Ctrl+S) to save it."))
            self.answer_input.setPlaceholderText("")
            return
        self.form_area.ensureWidgetVisible(self.labels[current.code], 0, 60)
        number = entry.number(current)
        keys = self.box_keys
        if current.type.has_options and keys is not None:
            hint = keys.next_keys()
        else:
            hint = self.tr("type the answer, then Enter")
        self._show_prompt(self.tr("Question %d of %d: %s") % (number, len(entry.questions), hint))
        answer = entry.answers.get(current.code)
        typed = ""
        if answer and answer.state is AnswerState.ANSWERED and not current.type.has_options:
            typed = (
                answer.value.strftime("%d/%m/%Y")
                if current.type is AnswerType.DATE
                else str(answer.value)
            )
        elif keys is not None and keys.waiting is not None:
            typed = str(keys.waiting)  # the first digit of 10, shown while it waits
        self.answer_input.setText(typed)
        if keys is not None and keys.waiting is not None:
            self.answer_input.end(False)
        else:
            self.answer_input.selectAll()

    def _show_prompt(self, text: str) -> None:
        """The prompt says what the next key will do; a screen reader reads the same."""
        self.prompt.setText(text)
        self.answer_input.setAccessibleDescription(f"{text}. {self.keys_description}")
