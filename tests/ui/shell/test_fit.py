"""Fits every screen it will meet: the main window, every section and tab, and every dialog
fit a 1280 × 720 work area (a 1366 × 768 screen less a task bar), with the app's own look.

Each top-level window is laid out at the size it would open at on such a screen; its minimum
size must fit the work area, and every visible control must lie inside the window (controls
inside a scrolling area are checked by their scrolling area, which must itself be inside)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QTabWidget,
    QWidget,
    QWizard,
)

from pledge_desktop.ui.shell.placement import FRAME_ALLOWANCE, first_size

WORK_AREA = QRect(0, 0, 1280, 720)
ROOM = QSize(
    WORK_AREA.width() - FRAME_ALLOWANCE.width(), WORK_AREA.height() - FRAME_ALLOWANCE.height()
)


@pytest.fixture(autouse=True)
def app_look(qtbot) -> Iterator[None]:
    """The app's own style, font and style sheet, as app.py gives them; put back after."""
    from pledge_desktop.ui.common.theme import apply_theme

    app = QApplication.instance()
    before = (app.style().name(), app.font(), app.palette(), app.styleSheet())
    apply_theme(app, contrast=False)
    yield
    app.setStyle(before[0])
    app.setFont(before[1])
    app.setPalette(before[2])
    app.setStyleSheet(before[3])


def _inside_scrolling(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            return True
        parent = parent.parentWidget()
    return False


def misfits(top: QWidget) -> list[str]:
    """What does not fit: the window's minimum size or size, and controls outside it."""
    found = []
    hint = top.minimumSizeHint()
    if hint.width() > ROOM.width() or hint.height() > ROOM.height():
        found.append(f"minimum size {hint.width()}×{hint.height()} exceeds the screen")
    if top.width() > ROOM.width() or top.height() > ROOM.height():
        found.append(f"size {top.width()}×{top.height()} exceeds the screen")
    frame = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _inside_scrolling(widget, top):
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        where = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
        if not frame.adjusted(-1, -1, 1, 1).contains(where):
            name = widget.objectName() or getattr(widget, "text", lambda: "")() or ""
            found.append(f"{type(widget).__name__} {name!r} at {where.getRect()} is outside")
    return found


def fit_check(top: QWidget, where: str) -> list[str]:
    QApplication.processEvents()
    return [f"{where}: {problem}" for problem in misfits(top)]


def placed(window: QWidget) -> None:
    """Lay the window out at the size it opens at on a 1280 × 720 work area."""
    window.resize(first_size(WORK_AREA))
    QApplication.processEvents()


def test_first_size_and_a_lost_window_fit_the_work_area() -> None:
    from pledge_desktop.ui.shell.placement import brought_on_screen

    assert first_size(WORK_AREA) == QSize(1180, 680)
    assert first_size(QRect(0, 0, 1920, 1040)) == QSize(1180, 760)
    # a window left on a second monitor that is no longer there comes back, whole
    lost = brought_on_screen(QRect(2400, 100, 1180, 760), [WORK_AREA])
    assert WORK_AREA.contains(lost.adjusted(0, 0, 0, 0).topLeft())
    assert lost.width() <= ROOM.width() and lost.height() <= ROOM.height()
    # one still on screen stays where it was
    assert brought_on_screen(QRect(40, 30, 900, 600), [WORK_AREA]) == QRect(40, 30, 900, 600)
    # above the top edge, where its title bar cannot be grabbed: brought back too
    assert brought_on_screen(QRect(100, -500, 900, 600), [WORK_AREA]).top() >= 0


def test_the_window_remembers_its_size_place_and_maximised_state(qtbot, tmp_path: Path) -> None:
    from pledge_desktop.ui.shell.placement import restore_placement, save_placement

    settings = QSettings(str(tmp_path / "place.ini"), QSettings.Format.IniFormat)
    first = QWidget()
    qtbot.addWidget(first)
    assert restore_placement(first, settings) is False  # nothing saved: not maximised
    first.setGeometry(QRect(30, 40, 700, 500))  # fits the offscreen screen
    save_placement(first, settings)
    again = QWidget()
    qtbot.addWidget(again)
    assert restore_placement(again, settings) is False
    assert again.size() == QSize(700, 500)
    settings.setValue("mainWindow/maximised", True)
    assert restore_placement(again, settings) is True


def test_the_main_window_and_every_section_and_tab_fit(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    placed(window)
    problems = fit_check(window, "main window")
    for index in range(window.nav.count()):
        window.go_to(index)
        page = window.current_page()
        name = window.nav.item(index).text()
        problems += fit_check(window, name)
        holder = page.parentWidget().parentWidget().parentWidget()  # the scrolling area
        if page.minimumSizeHint().width() > holder.viewport().width():
            problems.append(f"{name}: needs scrolling sideways ({page.minimumSizeHint().width()})")
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                problems += fit_check(window, f"{name}, tab {tabs.tabText(tab)!r}")
    window.show_lock_screen(True)
    problems += fit_check(window, "lock screen")
    window.show_lock_screen(False)
    assert not problems, "\n".join(problems)


def test_unfinished_forms_wrap_rather_than_widen_the_window(qtbot, open_window, demo_workspace):
    window = open_window(demo_workspace)
    placed(window)
    window.go_to(5)
    page = window.current_page()
    page.progress.setText("Unfinished: " + ", ".join(f"{n:05d}" for n in range(1, 80)))
    QApplication.processEvents()
    assert window.width() <= ROOM.width()
    assert window.minimumSizeHint().width() <= ROOM.width()


def dialogs(window, workspace) -> list[tuple[str, Callable[[], QWidget]]]:  # type: ignore[no-untyped-def]
    """Every dialog the app opens, made as the app makes it, from the demo's data."""
    from pledge_desktop.domain.plain_english import check_wording
    from pledge_desktop.domain.print_gate import public_facts, review_print
    from pledge_desktop.domain.privacy import OutgoingText
    from pledge_desktop.domain.verification import Difference
    from pledge_desktop.paths import resource
    from pledge_desktop.ui.booklet.booklet_dialogs import HighlightDialog, WordingDialog
    from pledge_desktop.ui.common.findings_review import FindingsDialog
    from pledge_desktop.ui.common.identifiers_dialog import IdentifiersDialog
    from pledge_desktop.ui.exchange.export_wizard import ExportWizard
    from pledge_desktop.ui.exchange.merge_dialog import MergeDialog
    from pledge_desktop.ui.goals.goal_dialogs import (
        CarryForwardDialog,
        EvidenceDialog,
        GoalDialog,
        HorizonsDialog,
        LinkQuestionDialog,
        StatusDialog,
        UpdateDialog,
    )
    from pledge_desktop.ui.interviews.transcript_dialog import TranscriptDialog
    from pledge_desktop.ui.setup.welcome import FirstSetupWizard
    from pledge_desktop.ui.shell.dialogs import AboutDialog, RestoreDialog, UserGuideDialog
    from pledge_desktop.ui.shell.session_lock import LockSettingsDialog
    from pledge_desktop.ui.surveys.batch_dialog import NewBatchDialog
    from pledge_desktop.ui.surveys.differences_dialog import DifferencesDialog
    from pledge_desktop.ui.surveys.print_forms_dialog import PrintFormsDialog

    context = window.context
    cycle = context.cycle_id
    ws = workspace
    goal = ws.goals.board(cycle)[0].goal
    interview = ws.interviews.interviews(cycle)[0]
    results = ws.results.cycle_results(cycle, comments_limit=0)
    counts = next(q for q in results.questions if q.options)
    question = counts.question
    long_text = "Mrs Jane Example of 12 River Road, NHS number 943 476 5919, said… " * 3
    findings = ws.interviews.identifiers_in(cycle, long_text)
    many_findings = review_print(
        [OutgoingText("goal", "1", "title", long_text)], public_facts(ws.booklet.contents(cycle))
    )
    made: list[tuple[str, Callable[[], QWidget]]] = [
        ("about", lambda: AboutDialog(ws.data_dir, True, window)),
        ("user guide", lambda: UserGuideDialog(resource("help", "user-guide.md"), window)),
        ("restore", lambda: RestoreDialog(ws.maintenance.backups(), window)),
        ("lock settings", lambda: LockSettingsDialog(ws.session_lock, window)),
        ("export wizard", lambda: ExportWizard(context, cycle, window)),
        ("merge", lambda: MergeDialog(window)),
        ("goal", lambda: GoalDialog(context, goal, ws.goals.horizons(), window)),
        ("goal status", lambda: StatusDialog(context, goal, window)),
        ("goal update", lambda: UpdateDialog(context, goal, window)),
        ("link a question", lambda: LinkQuestionDialog(context, goal, window)),
        (
            "evidence",
            lambda: EvidenceDialog(counts, ws.goals.goals_for_question(question.code), window),
        ),
        ("carry forward", lambda: CarryForwardDialog(context, cycle, window)),
        ("terms", lambda: HorizonsDialog(context, window)),
        ("new batch", lambda: NewBatchDialog(context, cycle, window)),
        ("print forms", lambda: PrintFormsDialog(context, cycle, window)),
        ("transcript", lambda: TranscriptDialog(context, interview, window)),
        ("identifiers", lambda: IdentifiersDialog(long_text, findings, window)),
        ("highlight", lambda: HighlightDialog(results, ws.results.small_numbers(), None, window)),
        (
            "plain English",
            lambda: WordingDialog(
                check_wording({"intro": long_text * 4}), "Write the booklet", window
            ),
        ),
        ("first setup", lambda: FirstSetupWizard(context, window)),
        (
            "identifiers in print",
            lambda: FindingsDialog(
                [replace(f, masked=f.masked * 6) for f in many_findings] * 12,
                "the booklet",
                ws.booklet.not_an_identifier,
                window,
            ),
        ),
    ]
    diffs = [Difference(n, question, None, None) for n in range(1, 30)]
    made.append(("differences", lambda: DifferencesDialog(12, diffs, window)))
    return made


def test_every_dialog_fits(qtbot, open_window, demo_workspace, tmp_path: Path) -> None:
    window = open_window(demo_workspace)
    placed(window)
    problems = []
    for name, make in dialogs(window, demo_workspace):
        dialog = make()
        assert isinstance(dialog, QDialog), name
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += fit_check(dialog, name)
        if isinstance(dialog, QWizard):  # its later pages, without doing what they do
            for page_id in dialog.pageIds():
                hint = dialog.page(page_id).minimumSizeHint()
                if hint.width() > ROOM.width() or hint.height() > ROOM.height():
                    problems.append(f"{name}, page {page_id}: minimum size {hint.toTuple()}")
        dialog.reject()
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_the_booklet_preview_fits(qtbot, open_window, demo_workspace, tmp_path: Path) -> None:
    from pledge_desktop.ui.booklet.booklet_dialogs import PreviewDialog

    window = open_window(demo_workspace)
    placed(window)
    pdf = tmp_path / "booklet.pdf"
    demo_workspace.booklet.write(window.context.cycle_id, pdf, fictional=True)
    dialog = PreviewDialog(pdf, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = fit_check(dialog, "booklet preview")
    dialog.reject()
    assert not problems, "\n".join(problems)
