from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from pledge_desktop.services.workspace import Workspace
from pledge_desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[[Workspace], MainWindow]]:
    windows: list[MainWindow] = []

    def make(workspace: Workspace, open_demo=None) -> MainWindow:
        window = MainWindow(open_demo=open_demo)  # closed below, not by qtbot: see teardown
        window.show()
        window.set_workspace(workspace)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        # A test that failed half-way may leave edits; don't let the close prompt block teardown.
        for page in window.pages.values():
            form = getattr(page, "form", None)
            if form is not None:
                form.dirty = False
            if hasattr(page, "dirty"):
                page.dirty = False
            editor = getattr(page, "editor", None)
            if editor is not None:
                editor.saved_state = editor.working
        window.close()
        window.deleteLater()
        if window.context is not None:
            window.context.workspace.close()
            window.context = None
