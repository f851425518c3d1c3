"""The pledge: the goals board and the standards of care, as two tabs of one section."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.widgets import page_title
from pledge_desktop.ui.goals.goals_board import GoalsBoard
from pledge_desktop.ui.goals.standards_page import StandardsPage


class GoalsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.board = GoalsBoard(context)
        self.standards = StandardsPage(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pledgeTabs")
        self.tabs.addTab(self.board, self.tr("Goals &board"))
        self.tabs.addTab(self.standards, self.tr("Standards of ca&re"))
        self.tabs.currentChanged.connect(lambda _index: self.focus_start())
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Our pledge: goals and standards of care")))
        layout.addWidget(self.tabs, 1)
        context.hub.changed.connect(self._data_changed)
        context.hub.cycle_selected.connect(lambda _id: self.board.refresh())
        self.board.refresh()

    def _data_changed(self, topic: str) -> None:
        if topic in ("goals", "team", "cycles", "responses", "everything"):
            self.board.refresh()

    def focus_start(self) -> None:
        page = self.tabs.currentWidget()
        start = getattr(page, "focus_start", None)
        if callable(start):
            start()

    def leave_form(self) -> bool:
        return self.standards.leave_form()
