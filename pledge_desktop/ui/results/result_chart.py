"""A question's answers as a chart: a bar per answer, or one stacked bar for an agreement scale.
Each bar carries its words and figure, so nothing is told by colour alone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.results import QuestionCounts
from pledge_desktop.ui.common.widgets import high_contrast

ACCENT = QColor("#6b1f5c")
PALE = QColor("#efe4ec")
SCALE = ("#4a1040", "#8e3c80", "#c9a6c2", "#8a8a8a", "#4d4d4d")


class ResultChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultChart")
        self.setAccessibleName(self.tr("Chart of the answers"))
        self.counts: QuestionCounts | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_counts(self, counts: QuestionCounts | None) -> None:
        self.counts = counts
        rows = len(counts.in_base) if counts and counts.base else 0
        stacked = counts is not None and counts.question.type is AnswerType.AGREEMENT
        line = self.fontMetrics().height() + 8
        self.setFixedHeight((rows + (2 if stacked else 0)) * line + 4 if rows else 0)
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers."""
        if not self.counts or not self.counts.base:
            return ""
        return "; ".join(
            f"{option.label}: {self.counts.per_cent(count):.0f}% ({count})"
            for option, count in self.counts.in_base
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        counts = self.counts
        if counts is None or not counts.base or not counts.in_base:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.bar, self.empty = ACCENT, PALE
        if high_contrast():  # the system's colours; the figures are written beside every bar
            self.bar = self.palette().highlight().color()
            self.empty = self.palette().base().color()
        line = self.fontMetrics().height() + 8
        width = self.width() - 8
        if counts.question.type is AnswerType.AGREEMENT:
            self._stacked(painter, counts, width, line)
        else:
            self._bars(painter, counts, width, line)
        painter.end()

    def _bars(self, painter: QPainter, counts: QuestionCounts, width: int, line: int) -> None:
        label_w, bar_w = int(width * 0.42), int(width * 0.4)
        for row, (option, count) in enumerate(counts.in_base):
            y = row * line + 2
            text = self.fontMetrics().elidedText(option.label, Qt.TextElideMode.ElideRight, label_w)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w, line), Qt.AlignmentFlag.AlignVCenter, text)
            bar = QRectF(label_w + 6, y + 4, bar_w, line - 8)
            painter.fillRect(bar, self.empty)
            filled = QRectF(bar.x(), bar.y(), bar_w * counts.per_cent(count) / 100, bar.height())
            painter.fillRect(filled, self.bar)
            painter.drawText(
                QRectF(label_w + bar_w + 14, y, width - label_w - bar_w - 14, line),
                Qt.AlignmentFlag.AlignVCenter,
                f"{counts.per_cent(count):.0f}% ({count:,})",
            )

    def _stacked(self, painter: QPainter, counts: QuestionCounts, width: int, line: int) -> None:
        x = 0.0
        for (_option, count), colour in zip(counts.in_base, SCALE, strict=False):
            part = width * counts.per_cent(count) / 100
            painter.fillRect(QRectF(x, 2, part, line * 1.2), QColor(colour))
            x += part
        painter.setPen(self.palette().windowText().color())
        for row, ((option, count), colour) in enumerate(zip(counts.in_base, SCALE, strict=False)):
            y = (row + 2) * line
            painter.fillRect(QRectF(0, y + 6, line - 12, line - 12), QColor(colour))
            painter.drawText(
                QRectF(line, y, width - line, line),
                Qt.AlignmentFlag.AlignVCenter,
                f"{option.label}: {counts.per_cent(count):.0f}% ({count:,})",
            )
