"""Charts drawn straight on the canvas as flowables: bars for choices, one stacked bar for an
agreement scale. Every bar is labelled with its words and figure, so that nothing is told by
colour alone."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.results import QuestionCounts
from pledge_desktop.reports.pdf_style import ACCENT, FONT, INK, PALE

# strongly agree … strongly disagree: dark to light, then two greys (readable in black and white)
SCALE_COLOURS = ("#4a1040", "#8e3c80", "#c9a6c2", "#8a8a8a", "#4d4d4d")


class ChoiceBars(Flowable):
    """One bar per answer: label on the left, bar, then "57% (34)"."""

    def __init__(self, counts: QuestionCounts, font_pt: float = 11) -> None:
        super().__init__()
        self.counts = counts
        self.pt = font_pt
        self.row = font_pt * 1.6

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.row * len(self.counts.in_base)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        label_width = self.width * 0.42
        bar_width = self.width * 0.38
        y = self.height
        for option, count in self.counts.in_base:
            y -= self.row
            share = self.counts.per_cent(count) / 100
            canvas.setFillColor(INK)
            canvas.setFont(FONT, self.pt)
            canvas.drawString(0, y + self.pt * 0.45, _fit(option.label, label_width, self.pt))
            canvas.setFillColor(PALE)
            canvas.rect(label_width, y + self.pt * 0.3, bar_width, self.pt, stroke=0, fill=1)
            canvas.setFillColor(ACCENT)
            canvas.rect(label_width, y + self.pt * 0.3, bar_width * share, self.pt, 0, 1)
            canvas.setFillColor(INK)
            canvas.drawString(
                label_width + bar_width + 6,
                y + self.pt * 0.45,
                f"{self.counts.per_cent(count):.0f}% ({count:,})",
            )


class ScaleBar(Flowable):
    """An agreement scale as one stacked bar, with a key giving each part in words."""

    def __init__(self, counts: QuestionCounts, font_pt: float = 11) -> None:
        super().__init__()
        self.counts = counts
        self.pt = font_pt

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.pt * 2.2 + self.pt * 1.5 * len(self.counts.in_base)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height - self.pt * 1.6
        x = 0.0
        for (_option, count), colour in zip(self.counts.in_base, SCALE_COLOURS, strict=False):
            part = self.width * self.counts.per_cent(count) / 100
            canvas.setFillColor(colour)
            canvas.rect(x, top, part, self.pt * 1.4, stroke=0, fill=1)
            x += part
        y = top - self.pt * 0.6
        for (option, count), colour in zip(self.counts.in_base, SCALE_COLOURS, strict=False):
            y -= self.pt * 1.5
            canvas.setFillColor(colour)
            canvas.rect(0, y, self.pt, self.pt, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.setFont(FONT, self.pt)
            canvas.drawString(
                self.pt * 1.6,
                y + self.pt * 0.1,
                f"{option.label}: {self.counts.per_cent(count):.0f}% ({count:,})",
            )


def chart_for(counts: QuestionCounts, font_pt: float = 11) -> Flowable | None:
    if not counts.in_base or not counts.base:
        return None
    if counts.question.type is AnswerType.AGREEMENT:
        return ScaleBar(counts, font_pt)
    return ChoiceBars(counts, font_pt)


def _fit(text: str, width: float, size: float) -> str:
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
