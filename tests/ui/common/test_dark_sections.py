"""Dark mode and high contrast in Results, Goals, Interviews and the entry screen: the chart's
bars, the overdue goals, the coded passages of a transcript, the question being typed and the
checking banner take their colours from the palette, and the words on them read at 4.5:1 or
better, measured on the pixels drawn."""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from pledge_desktop.domain.goals import Goal, Term
from pledge_desktop.domain.interviews import PALETTE
from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.ui.common.theme import (
    ACCENT,
    ACCENT_ON_DARK,
    apply_theme,
    contrast_ratio,
    is_dark,
    readable_on,
)
from pledge_desktop.ui.interviews.passage_colours import passage_background, passage_format
from pledge_desktop.ui.interviews.transcript_dialog import TranscriptDialog
from pledge_desktop.ui.results.result_chart import chart_colours

CTRL = Qt.KeyboardModifier.ControlModifier
DARK = {  # a whole dark palette, as Windows 11 or a dark desktop theme fills it
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#26272a",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2e31",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.ToolTipBase: "#2d2e31",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.Light: "#3c3d41",
    QPalette.ColorRole.Midlight: "#333438",
    QPalette.ColorRole.Mid: "#28292c",
    QPalette.ColorRole.Dark: "#111214",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.BrightText: "#ffffff",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def go_dark(app: QApplication) -> None:
    app.setPalette(dark_palette())
    apply_theme(app, contrast=False)
    assert is_dark()


def go_light(app: QApplication) -> None:
    app.setPalette(QPalette())
    apply_theme(app, contrast=False)
    assert not is_dark()


def colour_at(image: QImage, x: int, y: int) -> QColor:
    return image.pixelColor(int(x * image.devicePixelRatio()), int(y * image.devicePixelRatio()))


def words_on(image: QImage, rect: QRect) -> tuple[QColor, QColor, float]:
    """Within `rect` (logical pixels): the background (the commonest colour), the text (the
    pixel that stands out from it most) and their contrast ratio."""
    ratio = image.devicePixelRatio()
    seen: Counter[int] = Counter()
    for y in range(int(rect.top() * ratio), int((rect.bottom() + 1) * ratio)):
        for x in range(int(rect.left() * ratio), int((rect.right() + 1) * ratio)):
            if 0 <= x < image.width() and 0 <= y < image.height():
                seen[image.pixel(x, y)] += 1
    background = QColor.fromRgb(seen.most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in seen), key=lambda c: contrast_ratio(c, background))
    return background, text, contrast_ratio(text, background)


def close_to(one: QColor, other: QColor, within: int = 6) -> bool:
    return all(
        abs(a - b) <= within for a, b in zip(one.getRgb()[:3], other.getRgb()[:3], strict=True)
    )


# --- Results: the chart -----------------------------------------------------------------------
def chart_of(qtbot, page, stacked: bool):  # type: ignore[no-untyped-def]
    """Show the first question with a stacked bar (agreement) or bars whose top answer is
    between 10% and 90%."""
    assert page.results is not None
    for row, counts in enumerate(page.results.questions):
        top = max((count for _option, count in counts.in_base), default=0)
        agreement = counts.question.type is AnswerType.AGREEMENT
        if agreement == stacked and 10 < counts.per_cent(top) < 90:
            page.questions.setCurrentRow(row)
            qtbot.waitUntil(lambda: page.chart.height() > 0)
            return page.chart, counts
    raise AssertionError("no such question in the demo")


def test_the_chart_follows_the_palette_into_dark_mode(qtbot, app, open_window, demo_workspace):
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    page = window.current_page()
    go_dark(app)
    chart, counts = chart_of(qtbot, page, stacked=False)
    image = chart.grab().toImage()
    line = chart.fontMetrics().height() + 8
    width = chart.width() - 8
    label_w, bar_w = int(width * 0.42), int(width * 0.4)
    middle = 2 + line // 2
    bar = colour_at(image, label_w + 8, middle)
    track = colour_at(image, label_w + 6 + bar_w - 3, middle)
    window_colour = chart.palette().window().color()
    assert close_to(bar, QColor(ACCENT_ON_DARK)), bar.name()
    assert contrast_ratio(bar, track) >= 3  # the bar against its empty part
    assert contrast_ratio(bar, window_colour) >= 3  # and against the dark window
    _background, _text, label_ratio = words_on(image, QRect(0, 2, label_w, line))
    _background, _text, figure_ratio = words_on(
        image, QRect(label_w + bar_w + 14, 2, width - label_w - bar_w - 14, line)
    )
    assert label_ratio >= 4.5 and figure_ratio >= 4.5

    go_light(app)
    image = chart.grab().toImage()
    assert close_to(colour_at(image, label_w + 8, middle), QColor(ACCENT))

    go_dark(app)  # the agreement scale: every part stands apart from its neighbours
    chart, counts = chart_of(qtbot, page, stacked=True)
    image = chart.grab().toImage()
    parts, x = [], 0.0
    for _option, count in counts.in_base:
        part = width * counts.per_cent(count) / 100
        if part > 6:
            parts.append(colour_at(image, int(x + part / 2), 2 + line // 2))
        x += part
    assert len(parts) >= 2
    assert all(contrast_ratio(a, b) > 1.3 for a, b in pairwise(parts))
    assert all(a.lightness() > 60 or b.lightness() > 60 for a, b in pairwise(parts))
    legend = QRect(line, 2 * line, width - line, line)
    assert words_on(image, legend)[2] >= 4.5


def test_high_contrast_chart_uses_the_system_colours_and_patterns(app) -> None:
    palette = dark_palette()
    colours = chart_colours(palette, contrast=True)
    ink = palette.color(QPalette.ColorRole.WindowText)
    assert colours.bar.color() == palette.color(QPalette.ColorRole.Highlight)
    assert colours.outline == ink
    assert {brush.color().name() for brush in colours.scale} == {ink.name()}
    assert len({brush.style() for brush in colours.scale}) == len(colours.scale)


# --- Goals: the overdue cards -----------------------------------------------------------------
def overdue_item(qtbot, window, demo_workspace):  # type: ignore[no-untyped-def]
    cycle_id = demo_workspace.cycles.find("2026").id
    demo_workspace.goals.save_goal(
        Goal(cycle_id, Term.SHORT, "Reply to every letter", target_date=date(2020, 1, 6))
    )
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    board = window.current_page().board
    board.refresh()
    column = board.lists[Term.SHORT]
    item = next(
        column.item(row)
        for row in range(column.count())
        if "Reply to every letter" in column.item(row).text()
    )
    column.clearSelection()
    board.lists[Term.LONG].setFocus()
    return board, column, item


def test_overdue_goals_are_bold_and_a_red_that_reads_on_dark(
    qtbot, app, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    _board, column, item = overdue_item(qtbot, window, demo_workspace)
    assert item.font().bold() and "OVERDUE" in item.text()
    for mode in (go_dark, go_light):
        mode(app)
        column.viewport().update()
        image = column.viewport().grab().toImage()
        background, text, ratio = words_on(image, column.visualItemRect(item))
        assert ratio >= 4.5, (mode.__name__, background.name(), text.name(), ratio)
        assert text.red() > text.green() + 50, text.name()  # red, not the ordinary text
        assert (background.lightness() < 80) == (mode is go_dark)


def test_overdue_goals_in_high_contrast_keep_the_system_colour_and_bold(
    qtbot, app, open_window, demo_workspace, monkeypatch
) -> None:
    monkeypatch.setattr("pledge_desktop.ui.goals.goals_board.high_contrast", lambda: True)
    window = open_window(demo_workspace)
    _board, _column, item = overdue_item(qtbot, window, demo_workspace)
    assert item.data(Qt.ItemDataRole.ForegroundRole) is None
    assert item.font().bold() and "OVERDUE" in item.text()


# --- Interviews: coded passages ---------------------------------------------------------------
def test_every_theme_colour_reads_as_a_highlight_in_light_and_dark(app) -> None:
    for palette in (QPalette(), dark_palette()):
        for colour in (*PALETTE, "#dddddd"):
            background = passage_background(colour, palette)
            ratio = contrast_ratio(readable_on(background, palette), background)
            assert ratio >= 4.5, (colour, ratio)
    dark = dark_palette()
    assert passage_background("#ffe08a", dark).lightness() < 110  # a dim tint, not a glare


def open_transcript(qtbot, window, demo_workspace) -> TranscriptDialog:  # type: ignore[no-untyped-def]
    cycle_id = demo_workspace.cycles.find("2026").id
    interview = next(
        i
        for i in demo_workspace.interviews.interviews(cycle_id)
        if demo_workspace.coding.passages(i.id)
    )
    dialog = TranscriptDialog(window.context, interview, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def passage_line(dialog: TranscriptDialog) -> QRect:
    """A line of the first coded passage, as drawn in the transcript: its start to its end
    when on one line, else its last line up to its end."""
    passage = dialog.context.workspace.coding.passages(dialog.interview.id)[0]
    cursor = QTextCursor(dialog.text.document())
    cursor.setPosition(passage.start)
    start = dialog.text.cursorRect(cursor)
    cursor.setPosition(passage.end)
    end = dialog.text.cursorRect(cursor)
    if end.top() == start.top():
        return QRect(start.left() + 2, start.top(), end.left() - start.left() - 4, start.height())
    assert end.left() > 40
    return QRect(8, end.top(), end.left() - 10, end.height())


def test_coded_passages_read_in_dark_mode(qtbot, app, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    dialog = open_transcript(qtbot, window, demo_workspace)
    dialog.text.setTextCursor(QTextCursor(dialog.text.document()))  # nothing selected
    for mode in (go_dark, go_light):
        mode(app)
        viewport: QWidget = dialog.text.viewport()
        image = viewport.grab().toImage()
        background, text, ratio = words_on(image, passage_line(dialog))
        theme_colour = dialog.themes[0].colour  # any theme: the highlight is not the page
        assert background != dialog.text.palette().base().color(), theme_colour
        assert ratio >= 4.5, (mode.__name__, background.name(), text.name(), ratio)
        assert (background.lightness() < 110) == (mode is go_dark), background.name()


def test_coded_passages_in_high_contrast_are_underlined_not_coloured(app, monkeypatch) -> None:
    monkeypatch.setattr("pledge_desktop.ui.interviews.passage_colours.high_contrast", lambda: True)
    fmt = passage_format("#ffe08a", dark_palette())
    assert fmt.fontUnderline()
    assert fmt.background().style() == Qt.BrushStyle.NoBrush


# --- Type in surveys: the question being typed, and the checking banner ----------------------
def entry_page(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    page = window.current_page()
    assert page.objectName() == "section6"
    return page


def test_the_question_being_typed_reads_in_dark_and_light(
    qtbot, app, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    page = entry_page(qtbot, window)
    qtbot.keyClicks(page.serial_input, "61")
    qtbot.keyClick(page.serial_input, Qt.Key.Key_Return)
    qtbot.keyClick(page.answer_input, Qt.Key.Key_1)  # question 1 ticked: question 2 is current
    label = page.labels[page.entry.current.code]
    plain = page.labels[page.entry.questions[0].code]
    for mode in (go_dark, go_light, go_dark):  # switched while the form is open
        mode(app)
        QApplication.processEvents()
        image = label.grab().toImage()
        inside = label.rect().adjusted(6, 6, -6, -6)
        background, text, ratio = words_on(image, inside)
        assert ratio >= 4.5, (mode.__name__, background.name(), text.name(), ratio)
        assert (background.lightness() < 110) == (mode is go_dark), background.name()
        frame = colour_at(image, 0, label.height() // 2)
        assert contrast_ratio(frame, background) >= 3, (frame.name(), background.name())
        # the highlight stands out from the questions around it
        around = words_on(plain.grab().toImage(), plain.rect().adjusted(6, 6, -6, -6))[0]
        assert background != around


def test_the_checking_banner_reads_in_dark_and_light(qtbot, app, open_window, demo_workspace):
    window = open_window(demo_workspace)
    page = entry_page(qtbot, window)
    qtbot.keyClick(page.serial_input, Qt.Key.Key_K, CTRL)
    banner = page.check_banner
    assert banner.isVisible()
    for mode in (go_dark, go_light):
        mode(app)
        QApplication.processEvents()
        image = banner.grab().toImage()
        background, text, ratio = words_on(image, banner.rect())
        assert ratio >= 4.5, (mode.__name__, background.name(), text.name(), ratio)
        assert (background.lightness() < 110) == (mode is go_dark), background.name()
