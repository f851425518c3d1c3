"""A question's answers as a chart: a bar per answer, or one stacked bar for an agreement scale.
Each bar carries its words and figure, so nothing is told by colour alone.

Colours follow the palette: plum bars on a pale track in light mode, pale plum on a dim track
in dark mode, and in high contrast the system's own colours, the agreement scale told apart by
fill patterns, each shape outlined."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.results import QuestionCounts
from pledge_desktop.ui.common.theme import ACCENT, ACCENT_ON_DARK, blend, is_dark
from pledge_desktop.ui.common.widgets import high_contrast

PALE = "#efe4ec"
# Strongly agree … strongly disagree: the strongest answers stand out most from the window.
SCALE = ("#4a1040", "#8e3c80", "#c9a6c2", "#8a8a8a", "#4d4d4d")
SCALE_ON_DARK = ("#f2cdea", "#c47bb8", "#74426a", "#8f8f8f", "#d4d4d4")
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.Dense4Pattern,
    Qt.BrushStyle.NoBrush,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.DiagCrossPattern,
)


@dataclass(frozen=True)
class ChartColours:
    bar: QBrush
    track: QBrush
    scale: tuple[QBrush, ...]
    outline: QColor | None  # shapes are outlined in high contrast


def chart_colours(palette: QPalette, contrast: bool = False) -> ChartColours:
    """The chart's colours for a palette: light, dark, or the system's high-contrast one."""
    window = palette.color(QPalette.ColorRole.Window)
    ink = palette.color(QPalette.ColorRole.WindowText)
    if contrast:
        return ChartColours(
            QBrush(palette.color(QPalette.ColorRole.Highlight)),
            QBrush(palette.color(QPalette.ColorRole.Base)),
            tuple(QBrush(ink, pattern) for pattern in PATTERNS),
            ink,
        )
    if is_dark(palette):
        return ChartColours(
            QBrush(QColor(ACCENT_ON_DARK)),
            QBrush(blend(window, ink, 0.16)),
            tuple(QBrush(QColor(colour)) for colour in SCALE_ON_DARK),
            None,
        )
    return ChartColours(
        QBrush(QColor(ACCENT)),
        QBrush(QColor(PALE)),
        tuple(QBrush(QColor(colour)) for colour in SCALE),
        None,
    )


class ResultChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultChart")
        self.setAccessibleName(self.tr("Chart of the answers"))
        self.counts: QuestionCounts | None = None
        self.colours = chart_colours(self.palette())
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
        self.colours = chart_colours(self.palette(), high_contrast())
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
            self._box(painter, bar, self.colours.track)
            filled = QRectF(bar.x(), bar.y(), bar_w * counts.per_cent(count) / 100, bar.height())
            self._box(painter, filled, self.colours.bar)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(label_w + bar_w + 14, y, width - label_w - bar_w - 14, line),
                Qt.AlignmentFlag.AlignVCenter,
                f"{counts.per_cent(count):.0f}% ({count:,})",
            )

    def _stacked(self, painter: QPainter, counts: QuestionCounts, width: int, line: int) -> None:
        x = 0.0
        scale = self.colours.scale
        for (_option, count), brush in zip(counts.in_base, scale, strict=False):
            part = width * counts.per_cent(count) / 100
            self._box(painter, QRectF(x, 2, part, line * 1.2), brush, apart=x > 0)
            x += part
        for row, ((option, count), brush) in enumerate(zip(counts.in_base, scale, strict=False)):
            y = (row + 2) * line
            self._box(painter, QRectF(0, y + 6, line - 12, line - 12), brush)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(line, y, width - line, line),
                Qt.AlignmentFlag.AlignVCenter,
                f"{option.label}: {counts.per_cent(count):.0f}% ({count:,})",
            )

    def _box(self, painter: QPainter, box: QRectF, brush: QBrush, apart: bool = False) -> None:
        """A filled shape; outlined in high contrast, and kept apart from the one before it."""
        if box.width() <= 0:
            return
        painter.fillRect(box, brush)
        if self.colours.outline is not None:
            painter.setPen(QPen(self.colours.outline, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
        elif apart:  # a thin line of the window between two parts of the stacked bar
            painter.setPen(QPen(self.palette().window().color(), 1))
            painter.drawLine(box.topLeft(), box.bottomLeft())
