"""The composition root of the GUI: `pledge-desktop` and `python -m pledge_desktop`.

Start-up order matters for speed: the window is shown first (PySide6 only), and the database
layer (SQLAlchemy, Alembic) is imported and opened after the first paint.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pledge_desktop.ui.shell.pyside_imports  # noqa: F401  (first: every later import is quicker)

# isort: split
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pledge_desktop import APP_NAME, __version__, paths
from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.ui.common.theme import apply_theme
from pledge_desktop.ui.shell.main_window import MainWindow

STARTUP_PROBE = "PLEDGE_STARTUP_PROBE"  # a file path: benchmarks/startup.py reads the times


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pledge-desktop", description=f"{APP_NAME}: the Service Pledge for Breast Cancer."
    )
    parser.add_argument("--data-dir", metavar="DIR", help="the data folder to open")
    parser.add_argument(
        "--demo", action="store_true", help="open the fictional demo data set, apart from real data"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open every section, close cleanly and exit 0 (for checking an installation)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def use_common_names() -> None:
    """Make the common first names and surnames (resources/names) the ones the identifier
    checks look for when a caller passes none."""
    from pledge_desktop.domain import identifiers

    identifiers.use_name_lists(identifiers.load_name_lists(paths.resource("names")))


def open_workspace_for(data_dir: Path, demo: bool, *, later: bool = False) -> Any:
    """Open (and for the demo, fill) a data folder. Imports the database layer on first use.
    With `later`, what the first screen does not need is left for `after_first_screen`: the
    questionnaires we ship and the common names (an empty demo folder gets both at once, to
    be filled)."""
    from pledge_desktop.services.workspace import open_workspace

    if not later:
        use_common_names()
    workspace = open_workspace(data_dir, demo=demo, templates=not later)
    if demo and workspace.setup.hospital() is None:  # an empty demo folder: fill it
        from pledge_desktop.services.demo.build import fill_demo

        try:
            if later:
                use_common_names()
                workspace.questionnaires.install_templates()
            fill_demo(workspace)
        except BaseException:
            workspace.close()
            raise
    return workspace


def after_first_screen(window: MainWindow) -> None:
    """Once the first screen is shown, before anything else is done: the common names for the
    identifier checks, and the questionnaires we ship that the open database lacks (a new
    version of the app may bring new ones)."""
    use_common_names()
    if window.context is not None:
        window.context.workspace.questionnaires.install_templates()


class _FirstPaint(QObject):
    """Runs `then` once, just after the window has painted for the first time."""

    def __init__(self, window: MainWindow, then: Any) -> None:
        super().__init__(window)
        self._then = then
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(500, self._fire)  # in case the platform never paints (no screen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._then()


def safe_place(window: QWidget, data_dir: Path) -> Path:
    """Warn when the data folder is on a network share or a synced folder, and offer to keep
    the database on this computer."""
    warning = paths.storage_warning(data_dir)
    local = paths.default_data_dir()
    if warning is None:
        return data_dir
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, warning, parent=window)
    box.setObjectName("storageWarning")
    keep_local = box.addButton(
        window.tr("Use a folder on this computer"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(window.tr("Carry on with this folder"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep_local)
    box.setInformativeText(window.tr("The folder on this computer would be %s.") % local)
    box.exec()
    if box.clickedButton() is keep_local and paths.storage_warning(local) is None:
        return local
    return data_dir


def main(argv: Sequence[str] | None = None) -> int:
    started = time.time()
    args = build_parser().parse_args(argv)
    probe = os.environ.get(STARTUP_PROBE)
    times: dict[str, float] = {}
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)  # where QSettings keeps the window's place
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_theme(app)
    try:
        data_dir = paths.resolve_data_dir(args.data_dir, demo=args.demo)
    except PledgeError as error:
        if not args.self_test:
            QMessageBox.critical(None, APP_NAME, str(error))
        print(f"pledge-desktop: {error}", file=sys.stderr)
        return 1
    window = MainWindow(open_demo=lambda: open_workspace_for(paths.demo_dir_beside(data_dir), True))
    window.show_placed()
    result = {"code": 0}

    def record(moment: str) -> None:
        times[moment] = time.time()

    def fail(error: Exception | str, code: int = 1) -> None:
        if args.self_test:
            print(f"pledge-desktop: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(window, APP_NAME, str(error))
        result["code"] = code
        window.close()
        app.quit()

    def guarded(step: Callable[[], None]) -> Callable[[], None]:
        """The last resort around each step: a plain message, the details in a log file in
        the data folder's logs/, exit code 2, and the folder's lock released on the way out."""

        def run() -> None:
            from pledge_desktop.domain.errors import PledgeError

            try:
                step()
            except PledgeError as error:
                fail(error)
            except Exception as error:
                from pledge_desktop.crash_log import report_crash

                fail(report_crash(data_dir, error), code=2)

        return run

    def open_data() -> None:
        from pledge_desktop.domain.errors import PledgeError

        record("first_paint")
        import pledge_desktop.services.workspace  # noqa: F401  (timed apart from opening)

        record("imported")
        chosen = data_dir if args.self_test or probe else safe_place(window, data_dir)
        try:
            workspace = open_workspace_for(chosen, args.demo, later=True)
        except PledgeError as error:
            fail(error)
            return
        record("opened")
        window.set_workspace(workspace)
        record("shown")
        QTimer.singleShot(0, guarded(after_open))

    def after_open() -> None:
        record("data_ready")
        after_first_screen(window)
        if probe:
            Path(probe).write_text(json.dumps({"started": started, **times}), encoding="utf-8")
            window.close()
            app.quit()
        elif args.self_test:
            visited = self_test(window)
            print(f"pledge-desktop self-test passed: opened {visited} sections")
            window.close()
            app.quit()

    _FirstPaint(window, guarded(open_data))
    app.exec()
    return result["code"]


def self_test(window: MainWindow) -> int:
    app = QApplication.instance()
    assert app is not None
    for index in range(len(window.sections)):
        window.go_to(index)
        app.processEvents()
        assert window.current_page() is window.pages[index], f"section {index + 1} did not open"
    app.processEvents()
    return len(window.sections) or 1  # a new folder shows the welcome screen only


if __name__ == "__main__":
    raise SystemExit(main())
