"""Numbered paper survey forms, drawn straight onto the ReportLab canvas.

Every form of a print run has the same pages; only the serial number differs. So the pages are
laid out once, each kept as a reusable drawing (a PDF form XObject), and every form is those
drawings plus its own page furniture: the serial in figures and as a Code 128 barcode that a
scanner gun types into the entry screen, and "Page x of y". A thousand forms take about a second.

Clear print for patients: the app's embedded font (it has the Welsh letters), nothing smaller
than 12 pt (16 pt in large print), tick boxes of at least 5 mm with the small code digit the nurse
types beside each, and "Go to question N" beside every answer that skips questions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pledge_desktop.domain.form_routing import Routing, routing
from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire
from pledge_desktop.reports.pdf_style import BOLD, FONT, INK, prepare_reportlab

PAGE_W, PAGE_H = 595.27, 841.89  # A4 in points
MM = 72 / 25.4
MARGIN = 50
BODY = 12  # clear print: nothing a patient reads is smaller than 12 pt
TITLE = 20
BOTTOM = 62  # the footer sits below this
DIGIT_GREY = "#4a4a4a"  # the code digits: there for the nurse, quieter for the patient (8:1)

DEFAULT_TITLE = "Your experience of our breast care service"
DEFAULT_PURPOSE = (
    "We want to know what our breast care service is like for you, so that we can keep what "
    "works and put right what does not. The survey is anonymous: please do not write your name "
    "on this form, and nobody will know which answers are yours. We share the answers, with "
    "nothing that could identify you, with the charity that runs the Service Pledge, so that "
    "breast services can learn from each other. Taking part is up to you and will not change "
    "your care. We keep the paper forms for one year after the survey closes, then shred them."
)


@dataclass(frozen=True)
class FormHeading:
    hospital: str
    cycle_label: str
    return_note: str


@dataclass(frozen=True)
class _Sizes:
    body: float
    title: float
    box: float  # tick box side, in points
    indent: float  # question text starts here, right of its number

    @property
    def line(self) -> float:
        return self.body * 1.4


NORMAL = _Sizes(body=BODY, title=TITLE, box=15.0, indent=28)  # box 5.3 mm
LARGE = _Sizes(body=16, title=24, box=20.0, indent=36)  # box 7.1 mm


def serial_text(serial: int) -> str:
    return f"{serial:05d}"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def write_forms(
    path: Path,
    heading: FormHeading,
    questionnaire: Questionnaire,
    serials: Sequence[int],
    *,
    purpose: str | None = None,
    return_by: date | None = None,
    large_print: bool = False,
) -> None:
    """Write one form per serial to `path`.

    `purpose`: what the survey is for and how answers are kept (None: the questionnaire's own,
    else DEFAULT_PURPOSE); `return_by`: printed as "Please give this form back by …";
    `large_print`: 16 pt text and 7 mm boxes, with the same serials, barcodes and code digits.
    """
    prepare_reportlab()
    from reportlab.pdfgen.canvas import Canvas

    sizes = LARGE if large_print else NORMAL
    purpose_text = purpose if purpose is not None else questionnaire.purpose or DEFAULT_PURPOSE
    pages = _Layout(sizes, questionnaire, heading, purpose_text.strip(), return_by).pages()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(
        f"{questionnaire.name}: forms {serial_text(serials[0])} to {serial_text(serials[-1])}"
        + (" (large print)" if large_print else "")
    )
    canvas.setAuthor(heading.hospital)
    canvas.setSubject(f"{questionnaire.patient_title or DEFAULT_TITLE}, {heading.cycle_label}")
    subtitle = f"{questionnaire.name}, {heading.cycle_label}"
    for number, page in enumerate(pages, start=1):  # each page, all but the serial, drawn once
        canvas.beginForm(f"page{number}")
        _page_furniture(canvas, sizes, heading.hospital, subtitle, number, len(pages))
        for draw in page:
            draw(canvas)
        canvas.endForm()
    for serial in serials:
        canvas.beginForm(f"serial{serial}")  # the serial and its barcode, drawn once a form
        _serial(canvas, sizes, serial)
        canvas.endForm()
        for number in range(1, len(pages) + 1):
            canvas.doForm(f"page{number}")
            canvas.doForm(f"serial{serial}")
            canvas.showPage()
    canvas.save()


def _page_furniture(  # type: ignore[no-untyped-def]
    c, sizes: _Sizes, hospital: str, subtitle: str, page: int, pages: int
) -> None:
    c.setFillColor(INK)
    c.setFont(FONT, sizes.body)
    c.drawString(MARGIN, PAGE_H - 40, hospital)
    c.drawString(MARGIN, PAGE_H - 40 - sizes.line, subtitle)
    c.drawRightString(PAGE_W - MARGIN, 30, f"Page {page} of {pages}")
    c.setStrokeColor(INK)
    c.setLineWidth(0.5)
    c.line(MARGIN, _content_top(sizes) + 8, PAGE_W - MARGIN, _content_top(sizes) + 8)


def _serial(c, sizes: _Sizes, serial: int) -> None:  # type: ignore[no-untyped-def]
    from reportlab.graphics.barcode.code128 import Code128

    c.setFillColor(INK)
    c.setFont(BOLD, sizes.body + 2)
    c.drawRightString(PAGE_W - MARGIN, PAGE_H - 40, f"Form {serial_text(serial)}")
    barcode = Code128(serial_text(serial), barHeight=22, barWidth=1.1, quiet=False)
    barcode.drawOn(c, PAGE_W - MARGIN - barcode.width, PAGE_H - 46 - sizes.body - 22)
    c.setFont(FONT, sizes.body)
    c.drawString(MARGIN, 30, f"Form {serial_text(serial)}")


def _content_top(sizes: _Sizes) -> float:
    return PAGE_H - 46 - sizes.body - 22 - 14


_Draw = Callable[..., None]


class _Layout:
    """Places everything once, page by page, as drawing steps to replay."""

    def __init__(
        self,
        sizes: _Sizes,
        questionnaire: Questionnaire,
        heading: FormHeading,
        purpose: str,
        return_by: date | None,
    ) -> None:
        self.s = sizes
        self.q = questionnaire
        self.heading = heading
        self.purpose = purpose
        self.return_by = return_by
        self.route: Routing = routing(questionnaire)
        self.numbers = {q.code: n for n, q in questionnaire.numbered()}
        self.done: list[list[_Draw]] = []
        self.page: list[_Draw] = []
        self.y = _content_top(sizes)

    def pages(self) -> list[list[_Draw]]:
        s = self.s
        self._place(self._text(self.q.patient_title or DEFAULT_TITLE, s.title, BOLD))
        if self.purpose:
            self._place(self._text(self.purpose, s.body, FONT))
        if self.return_by:
            when = f"Please give this form back by {long_date(self.return_by)}."
            self._place(self._text(when, s.body, BOLD))
        self._place(self._text(self._instructions(), s.body, FONT), space=s.body)
        for section in self.q.sections:
            block = self._text(section.title, s.body + 2, BOLD)
            if section.introduction:
                block = _stack(block, self._text(section.introduction, s.body, FONT))
            first = section.questions[0] if section.questions else None
            if first is not None:  # a heading never sits alone at the foot of a page
                block = _stack(block, self._question(first))
            self._place(block, space=s.body * 0.8)
            for question in section.questions[1:]:
                self._place(self._question(question), space=s.body * 0.8)
        self._place(self._text("Thank you. " + self.heading.return_note, s.body, BOLD), s.body)
        self.done.append(self.page)
        if len(self.done) % 2:  # printed double-sided, the next form starts on a new sheet
            self.page, self.y = [], _content_top(s)
            self._place(self._text("This page is left blank on purpose.", s.body, FONT))
            self.done.append(self.page)
        return self.done

    def _instructions(self) -> str:
        """The welcome, and how to tick, each said once."""
        intro = self.q.introduction.strip()
        how = "Tick one box for each question unless it says otherwise."
        told = "tick one box" in intro.lower() or "put a tick in one box" in intro.lower()
        mistake = "If you tick the wrong box, fill it in completely and tick the right one."
        return " ".join(part for part in (intro, "" if told else how, mistake) if part)

    # --- placing blocks -----------------------------------------------------------------
    def _place(self, block: tuple[float, list[_Draw]], space: float = 6) -> None:
        height, steps = block
        if self.y - height < BOTTOM and self.page:
            self.done.append(self.page)
            self.page, self.y = [], _content_top(self.s)
        top = self.y
        self.page.extend(_moved(step, top) for step in steps)
        self.y = top - height - space

    def _text(
        self, text: str, size: float, font: str, indent: float = 0, width: float | None = None
    ) -> tuple[float, list[_Draw]]:
        """A wrapped paragraph as steps relative to its top (y = 0), and its height."""
        room = width if width is not None else PAGE_W - 2 * MARGIN - indent
        steps: list[_Draw] = []
        y = 0.0
        for line in _wrap(text, font, size, room):
            steps.append(_string(font, size, MARGIN + indent, y - size, line))
            y -= size * 1.35
        return -y, steps

    # --- questions ------------------------------------------------------------------------
    def _question(self, q: Question) -> tuple[float, list[_Draw]]:
        s = self.s
        number = self.numbers[q.code]
        block = self._text(q.text, s.body, BOLD, indent=s.indent)
        block[1].append(_string(BOLD, s.body, MARGIN, -s.body, f"{number}."))
        if q.text_second_language:
            block = _stack(block, self._text(q.text_second_language, s.body, BOLD, s.indent), 2)
        if q.hint:
            block = _stack(block, self._text(q.hint, s.body, FONT, indent=s.indent), 2)
        if q.show_if and q.code not in self.route.told_by_go_to:
            block = _stack(block, self._text(self._rule_text(q), s.body, FONT, s.indent), 2)
        if q.type is AnswerType.MULTIPLE and "tick all" not in q.text.lower():
            block = _stack(block, self._text("Tick all that apply.", s.body, FONT, s.indent), 2)
        if q.type.has_options and _is_scale(q):
            return _stack(block, self._scale(q), 4)
        if q.type.has_options:
            for option in q.options:
                block = _stack(block, self._tick_box(q, option.code, option.label), 3)
            return block
        if q.type is AnswerType.DATE:
            return _stack(
                block, self._text("Day ____ / Month ____ / Year ________", s.body, FONT, s.indent)
            )
        if q.type is AnswerType.NUMBER:
            return _stack(block, self._text("Number: ______________", s.body, FONT, s.indent))
        lines = 5 if q.type is AnswerType.LONG_TEXT else 1
        gap = s.line * 1.5
        steps = [
            _rule_line(MARGIN + s.indent, -gap * (n + 1), PAGE_W - MARGIN) for n in range(lines)
        ]
        return _stack(block, (gap * lines + 4, steps))

    def _tick_box(self, q: Question, code: int, label: str) -> tuple[float, list[_Draw]]:
        s = self.s
        box_x = MARGIN + s.indent
        digit_x = box_x + s.box + 4
        label_x = digit_x + s.body * 1.3
        go_to = self.route.target(q.code, code)
        go_text = ""
        if go_to is not False:
            go_text = "Go to the end" if go_to is None else f"Go to question {go_to}"
        room = PAGE_W - MARGIN - label_x - (_width(go_text, BOLD, s.body) + 10 if go_text else 0)
        lines = _wrap(label, FONT, s.body, room)
        baseline = -(s.box + s.body * 0.7) / 2  # text centred on the box
        steps: list[_Draw] = [_box(box_x, -s.box, s.box)]
        steps.append(_string(FONT, s.body, digit_x, baseline, str(code), DIGIT_GREY))
        for n, line in enumerate(lines):
            steps.append(_string(FONT, s.body, label_x, baseline - n * s.line, line))
        if go_text:
            go_x = label_x + _width(lines[0], FONT, s.body) + s.body * 1.5  # beside its answer
            steps.append(_string(BOLD, s.body, go_x, baseline, go_text))
        return max(s.box, s.box / 2 - baseline + (len(lines) - 1) * s.line + 3), steps

    def _scale(self, q: Question) -> tuple[float, list[_Draw]]:
        """0 to 10 in a row, as the national survey prints it, the figure under each box."""
        s = self.s
        left = MARGIN + s.indent
        cell = (PAGE_W - MARGIN - left) / len(q.options)
        steps: list[_Draw] = []
        for n, option in enumerate(q.options):
            x = left + n * cell + (cell - s.box) / 2
            steps.append(_box(x, -s.box, s.box))
            steps.append(
                _string(
                    FONT, s.body, x + s.box / 2, -s.box - s.body - 3, str(option.code), centre=True
                )
            )
        ends = -s.box - s.body * 2 - 8
        first, last = q.options[0].label, q.options[-1].label
        steps.append(_string(FONT, s.body, left, ends, _words_after_figure(first).capitalize()))
        steps.append(
            _string(
                FONT,
                s.body,
                PAGE_W - MARGIN,
                ends,
                _words_after_figure(last).capitalize(),
                right=True,
            )
        )
        return s.box + s.body * 2 + 12, steps

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


def _is_scale(q: Question) -> bool:
    """A rating such as 0 to 10: every answer starts with its own figure."""
    return len(q.options) >= 5 and all(o.label.split(" ")[0] == str(o.code) for o in q.options)


def _words_after_figure(label: str) -> str:
    return label.partition(" ")[2].strip("() ")


# --- drawing steps: closures over positions relative to the block's top ----------------------


def _string(
    font: str,
    size: float,
    x: float,
    y: float,
    text: str,
    colour: str = INK,
    right: bool = False,
    centre: bool = False,
) -> _Draw:
    def draw(c, top: float) -> None:  # type: ignore[no-untyped-def]
        c.setFont(font, size)
        c.setFillColor(colour)
        if right:
            c.drawRightString(x, top + y, text)
        elif centre:
            c.drawCentredString(x, top + y, text)
        else:
            c.drawString(x, top + y, text)

    return draw


def _box(x: float, y: float, side: float) -> _Draw:
    def draw(c, top: float) -> None:  # type: ignore[no-untyped-def]
        c.setStrokeColor(INK)
        c.setLineWidth(1)
        c.rect(x, top + y, side, side)

    return draw


def _rule_line(x1: float, y: float, x2: float) -> _Draw:
    def draw(c, top: float) -> None:  # type: ignore[no-untyped-def]
        c.setStrokeColor("#8a8a8a")
        c.setLineWidth(0.5)
        c.line(x1, top + y, x2, top + y)

    return draw


def _moved(step: _Draw, top: float) -> _Draw:
    return lambda c: step(c, top)


def _stack(
    upper: tuple[float, list[_Draw]], lower: tuple[float, list[_Draw]], gap: float = 0
) -> tuple[float, list[_Draw]]:
    """Two blocks as one, the second under the first."""
    shift = upper[0] + gap
    moved = [_shifted(step, shift) for step in lower[1]]
    return upper[0] + gap + lower[0], upper[1] + moved


def _shifted(step: _Draw, shift: float) -> _Draw:
    return lambda c, top: step(c, top - shift)


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        words, line = paragraph.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if _width(trial, font, size) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines
