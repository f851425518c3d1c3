"""Numbered paper survey forms, drawn straight onto the ReportLab canvas (fast: a thousand forms
take about a second, where flowing tables would take eight).

Every page carries the form's serial number, in figures and as a Code 128 barcode that a
scanner gun types into the entry screen. Beside each tick box is the small code digit the nurse
types for that answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire

PAGE_W, PAGE_H = 595.27, 841.89  # A4 in points
MARGIN = 50
BODY = 12  # clear print: nothing a patient reads is smaller than 12 pt
TITLE = 16
LINE = BODY * 1.35
CONTENT_TOP = PAGE_H - 105


@dataclass(frozen=True)
class FormHeading:
    hospital: str
    cycle_label: str
    return_note: str


def serial_text(serial: int) -> str:
    return f"{serial:05d}"


def write_forms(
    path: Path, heading: FormHeading, questionnaire: Questionnaire, serials: Sequence[int]
) -> None:
    from reportlab import rl_config

    rl_config.useA85 = 0  # plain streams: several times faster, and the files stay small
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(
        f"{questionnaire.name}: forms {serial_text(serials[0])} to {serial_text(serials[-1])}"
    )
    canvas.setAuthor(heading.hospital)
    canvas.setSubject(f"Pledge cycle {heading.cycle_label}")
    for serial in serials:
        _Form(canvas, heading, questionnaire, serial).draw()
    canvas.save()


class _Form:
    def __init__(self, canvas, heading: FormHeading, questionnaire: Questionnaire, serial: int):  # type: ignore[no-untyped-def]
        self.c = canvas
        self.heading = heading
        self.q = questionnaire
        self.serial = serial
        self.page = 0
        self.y = 0.0
        self.numbers = {q.code: n for n, q in questionnaire.numbered()}

    def draw(self) -> None:
        self._new_page()
        self._text_block(self.q.name, TITLE, bold=True)
        if self.q.introduction:
            self._text_block(self.q.introduction, BODY)
        self._text_block(
            "Put a tick in one box for each question, unless it says otherwise. If you make a "
            "mistake, fill that box in completely and tick the right one.",
            BODY,
        )
        self.y -= 6
        for section in self.q.sections:
            first = section.questions[0] if section.questions else None
            self._need(LINE * 2 + (self._height(first) if first else 0))  # heading stays with it
            self.y -= 6
            self._text_block(section.title, BODY + 2, bold=True)
            if section.introduction:
                self._text_block(section.introduction, BODY)
            for question in section.questions:
                self._question(question)
        self._need(LINE * 4)
        self.y -= 10
        self._text_block("Thank you. " + self.heading.return_note, BODY, bold=True)
        if self.page % 2:  # printed double-sided, the next form must start on a new sheet
            self._new_page()
            self._text_block("This page is left blank on purpose.", BODY)
        self.c.showPage()

    # --- page furniture -----------------------------------------------------------------
    def _new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        from reportlab.graphics.barcode.code128 import Code128

        c = self.c
        c.setFont("Helvetica", 10)
        c.drawString(MARGIN, PAGE_H - 40, self.heading.hospital)
        c.drawString(MARGIN, PAGE_H - 54, f"Pledge cycle {self.heading.cycle_label}")
        c.setFont("Helvetica-Bold", 14)
        c.drawRightString(PAGE_W - MARGIN, PAGE_H - 40, f"Form {serial_text(self.serial)}")
        barcode = Code128(serial_text(self.serial), barHeight=22, barWidth=1.1, quiet=False)
        barcode.drawOn(c, PAGE_W - MARGIN - barcode.width, PAGE_H - 72)
        c.setFont("Helvetica", 9)
        c.drawString(MARGIN, 30, f"Form {serial_text(self.serial)} \u00b7 page {self.page}")
        c.drawRightString(PAGE_W - MARGIN, 30, "Please do not write your name on this form.")
        c.setLineWidth(0.5)
        c.line(MARGIN, PAGE_H - 82, PAGE_W - MARGIN, PAGE_H - 82)
        self.y = CONTENT_TOP

    def _need(self, height: float) -> None:
        if self.y - height < 60:
            self._new_page()

    def _text_block(self, text: str, size: float, bold: bool = False, indent: float = 0) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        for line in _wrap(text, font, size, PAGE_W - 2 * MARGIN - indent):
            self._need(size * 1.35)
            self.c.setFont(font, size)
            self.c.drawString(MARGIN + indent, self.y - size, line)
            self.y -= size * 1.35
        self.y -= 4

    # --- questions ------------------------------------------------------------------------
    def _question(self, q: Question) -> None:
        number = self.numbers[q.code]
        self._need(self._height(q))
        self.c.setFont("Helvetica-Bold", BODY)
        self.c.drawString(MARGIN, self.y - BODY, f"{number}.")
        self._text_block(q.text, BODY, bold=True, indent=26)
        if q.show_if:
            self._text_block(self._rule_text(q), BODY - 1, indent=26)
        if q.type.has_options:
            for option in q.options:
                self._tick_box(option.code, option.label)
            if q.type is AnswerType.MULTIPLE:
                self._text_block("Tick all that apply.", BODY - 1, indent=26)
        elif q.type is AnswerType.DATE:
            self._text_block("Day ____ / Month ____ / Year ________", BODY, indent=26)
        elif q.type is AnswerType.NUMBER:
            self._text_block("Number: ______________", BODY, indent=26)
        else:
            lines = 4 if q.type is AnswerType.LONG_TEXT else 1
            for _ in range(lines):
                self.y -= LINE + 2
                self.c.line(MARGIN + 26, self.y, PAGE_W - MARGIN, self.y)
            self.y -= 8
        self.y -= 6

    def _tick_box(self, code: int, label: str) -> None:
        lines = _wrap(label, "Helvetica", BODY, PAGE_W - 2 * MARGIN - 70)
        self._need(LINE * len(lines))
        box = 11
        top = self.y - 2
        self.c.rect(MARGIN + 30, top - box, box, box)
        self.c.setFont("Helvetica", 7)
        self.c.drawString(MARGIN + 44, top - box + 1, str(code))
        self.c.setFont("Helvetica", BODY)
        for line in lines:
            self.c.drawString(MARGIN + 56, self.y - BODY + 1, line)
            self.y -= LINE

    def _rule_text(self, q: Question) -> str:
        assert q.show_if is not None
        parts = []
        for condition in q.show_if.conditions:
            earlier = self.q.question(condition.question)
            label = next(
                (o.label for o in earlier.options if str(o.code) == condition.value),
                condition.value,
            )
            verb = "ticked" if condition.op == "=" else "did not tick"
            parts.append(f'you {verb} "{label}" at question {self.numbers[earlier.code]}')
        join = " and " if q.show_if.join == "and" else " or "
        return "Answer this only if " + join.join(parts) + "."

    def _height(self, q: Question) -> float:
        """Room for the whole question, so that its answers are never split over two pages."""
        width = PAGE_W - 2 * MARGIN - 26
        lines = len(_wrap(q.text, "Helvetica-Bold", BODY, width)) + (2 if q.show_if else 0)
        answers = sum(len(_wrap(o.label, "Helvetica", BODY, width - 44)) for o in q.options)
        if not q.type.has_options:
            answers = 5 if q.type is AnswerType.LONG_TEXT else 2
        return LINE * (lines + answers + 1)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        words, line = paragraph.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if stringWidth(trial, font, size) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines
