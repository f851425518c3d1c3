"""The main window: sections on the left, the chosen one on the right, the cycle at the top.

The window is shown before any database work starts (see app.py), then handed a Workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from pledge_desktop import APP_NAME
from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.ui.common.changes import ChangeHub
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.descriptions import describe_controls
from pledge_desktop.ui.common.icons import icon
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import describe, font_pt, tab_moves_on
from pledge_desktop.ui.shell.file_actions import FileActions
from pledge_desktop.ui.shell.lock_actions import LockActions
from pledge_desktop.ui.shell.placement import restore_placement, save_placement
from pledge_desktop.ui.shell.sections import (
    ENTRY_SECTION,
    LATER_KEYS,
    SECTION_ICONS,
    section_list,
)

if TYPE_CHECKING:
    from pledge_desktop.services.workspace import Workspace
    from pledge_desktop.ui.surveys.survey_entry_page import SurveyEntryPage

AUTO_BACKUP_MS = 30 * 60 * 1000
DemoOpener = Callable[[], "Workspace"]


class MainWindow(FileActions, LockActions, QMainWindow):
    def __init__(self, open_demo: DemoOpener | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._maximise = restore_placement(self)
        self._open_demo = open_demo
        self.context: ScreenContext | None = None
        # Each section is built the first time it is shown, so start-up builds only the first.
        self.sections: list[tuple[str, Callable[[], QWidget]]] = []
        self.pages: dict[int, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("sections")
        describe(
            self.nav,
            self.tr(
                "The sections of the app. Arrow keys browse; Enter or a click opens one. Ctrl+1 "
                "to Ctrl+0, Ctrl+I, Ctrl+R, Ctrl+B and Ctrl+M go straight to one."
            ),
        )
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(250)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            f"QListWidget {{ font-size: {font_pt(11)}; }} QListWidget::item {{ padding: 5px; }}"
        )
        self.nav.currentRowChanged.connect(self._section_chosen)
        # a click means "work here": the focus follows; arrow keys in the list only browse
        self.nav.itemClicked.connect(lambda _item: self.go_to(self.nav.currentRow()))
        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening your data…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        body = QWidget()
        row = QHBoxLayout(body)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        # the window's contents, or the lock screen that covers them on a shared PC
        self.outer = QStackedWidget()
        self.outer.addWidget(body)
        self.setCentralWidget(self.outer)
        self.lock_screen: QWidget | None = None
        self.guard: Any = None
        self.nav.hide()
        self._build_toolbar()
        self._build_menus()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(AUTO_BACKUP_MS)
        self.backup_timer.timeout.connect(self.auto_backup)
        self.statusBar().showMessage(self.tr("Opening your data…"))

    # --- frame ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Pledge cycle"))
        bar.setObjectName("cycleBar")
        bar.setMovable(False)
        label = QLabel(self.tr("  Pledge &cycle: "))
        self.cycle_choice = QComboBox()
        self.cycle_choice.setObjectName("cycleChoice")
        describe(
            self.cycle_choice,
            self.tr("The pledge cycle every screen shows. Choose another with the arrow keys."),
        )
        self.cycle_choice.setAccessibleName(self.tr("Pledge cycle you are working on"))
        self.cycle_choice.setMinimumWidth(200)
        label.setBuddy(self.cycle_choice)
        self.cycle_choice.currentIndexChanged.connect(self._cycle_chosen)
        self.demo_banner = QLabel()
        self.demo_banner.setObjectName("demoBanner")
        tint(self.demo_banner, "demo")
        self.demo_banner.hide()
        bar.addWidget(label)
        bar.addWidget(self.cycle_choice)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        bar.addWidget(spacer)
        self.demo_action = bar.addWidget(self.demo_banner)
        self.addToolBar(bar)
        self.cycle_bar = bar

    def _action(self, menu: Any, text: str, slot: Callable[[], Any], keys: Any = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = self._action(
            file_menu, self.tr("&Backup now"), self.backup_now, "Ctrl+Shift+B"
        )
        self.restore_action = self._action(
            file_menu, self.tr("&Restore from backup…"), self.restore
        )
        self.folder_action = self._action(
            file_menu, self.tr("Open &data folder"), self.open_data_folder
        )
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, self.tr("&Send data to the charity…"), self.send_data, "Ctrl+Shift+E"
        )
        self.merge_action = self._action(
            file_menu, self.tr("Co&mbine hospitals' data (for the charity)…"), self.combine_data
        )
        self.publish_action = self._action(file_menu, self.tr("&Publish…"), self.publish)
        self._action(file_menu, self.tr("Data polic&y from the charity…"), self.data_policy)
        self.lock_action = self._action(file_menu, self.tr("&Lock now"), self.lock_now, "Ctrl+L")
        self.lock_settings_action = self._action(
            file_menu, self.tr("Session loc&k settings…"), self.lock_settings
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.go_menu = go_menu
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&User guide"),
            self.show_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, self.tr("&About Pledge Desktop"), self.show_about)
        for action in (
            self.backup_action,
            self.restore_action,
            self.folder_action,
            self.export_action,
            self.publish_action,
            self.lock_action,
            self.lock_settings_action,
        ):
            action.setEnabled(False)

    # --- workspace ------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace) -> None:
        """Show the data of an opened workspace (replacing any shown before)."""
        if self.context is not None:
            self.context.workspace.close()
        self._drop_pages()
        self.nav.clear()
        self.go_menu.clear()
        self.context = ScreenContext(workspace, ChangeHub(self))
        self.context.hub.changed.connect(self._data_changed)
        self.context.hub.cycle_selected.connect(self._show_chosen_cycle)
        for action in (
            self.backup_action,
            self.restore_action,
            self.folder_action,
            self.export_action,
            self.publish_action,
            self.lock_action,
            self.lock_settings_action,
        ):
            action.setEnabled(True)
        self._start_guard(workspace)
        demo = workspace.is_demo
        self.demo_banner.setText(self.tr("DEMO: fictional data, kept apart from real data"))
        self.demo_action.setVisible(demo)
        title = APP_NAME + (self.tr(" (demo)") if demo else "")
        self.setWindowTitle(title)
        self.backup_timer.start()
        if workspace.setup.hospital() is None:
            self._show_welcome()
        else:
            self._show_sections()
        self.statusBar().showMessage(self.tr("Ready. Data folder: %s") % workspace.data_dir, 10000)

    def _show_welcome(self) -> None:
        from pledge_desktop.ui.setup.welcome import WelcomePage

        self.nav.hide()
        self.cycle_bar.hide()
        self.welcome = WelcomePage()
        self.welcome.set_up_requested.connect(self.run_first_setup)
        self.welcome.demo_requested.connect(self.switch_to_demo)
        self.welcome.demo_button.setVisible(self._open_demo is not None)
        self._drop_pages()
        self.pages = {0: self.welcome}
        self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.set_up_button.setFocus()

    def _show_sections(self) -> None:
        context = self.context
        assert context is not None
        self._drop_pages()
        self._reload_cycles()
        self.sections = section_list(context, self)
        self.nav.blockSignals(True)
        self.nav.clear()
        self.go_menu.clear()
        for number, (name, _make) in enumerate(self.sections, start=1):
            item = QListWidgetItem(name)
            if number <= len(SECTION_ICONS):
                item.setIcon(icon(SECTION_ICONS[number - 1]))
            self.nav.addItem(item)
            # the tenth is Ctrl+0; after that, the first letter of the section's name
            keys = f"Ctrl+{number % 10}" if number <= 10 else LATER_KEYS.get(number)
            self._action(self.go_menu, name, lambda _on=False, n=number - 1: self.go_to(n), keys)
        self.nav.blockSignals(False)
        self.nav.show()
        self.cycle_bar.show()
        self.go_to(0)

    def run_first_setup(self) -> None:
        from pledge_desktop.ui.setup.welcome import FirstSetupWizard

        assert self.context is not None
        wizard = FirstSetupWizard(self.context, self)
        if wizard.exec() and wizard.saved_cycle is not None:
            self.context.cycle_id = wizard.saved_cycle.id
            self._show_sections()
            self.statusBar().showMessage(self.tr("Your hospital is set up. Welcome!"), 10000)

    def correct_form(self, serial: int) -> None:
        """Open a typed-in form on the entry screen, to correct it."""
        page = self._entry_page()
        if page is not None:
            page.set_checking(False)
            page.open_form(serial)

    def check_form(self, serial: int | None) -> None:
        """The entry screen in checking mode, with form `serial` open if one is given."""
        page = self._entry_page()
        if page is not None:
            page.set_checking(True)
            if serial is not None:
                page.open_form(serial)

    def _entry_page(self) -> SurveyEntryPage | None:
        page = self.page(ENTRY_SECTION)
        self.go_to(ENTRY_SECTION)
        return page if self.current_page() is page else None  # type: ignore[return-value]

    def switch_to_demo(self) -> None:
        if self._open_demo is None:
            return
        try:
            workspace = self._open_demo()
        except PledgeError as error:
            show_problem(self, self.tr("The demo cannot be opened"), error)
            return
        self.set_workspace(workspace)

    # --- sections and cycles --------------------------------------------------------------
    def current_page(self) -> QWidget:
        shown = self.stack.currentWidget()
        inner = shown.widget() if isinstance(shown, QScrollArea) else None
        return inner.page if isinstance(inner, _PageHolder) else shown

    def page(self, index: int) -> QWidget:
        """The screen of section `index`, built on first use."""
        if index not in self.pages:
            page = self.sections[index][1]()
            page.setObjectName(f"section{index + 1}")
            describe_controls(page)
            tab_moves_on(page)
            self.stack.addWidget(_scrolling(page))
            self.pages[index] = page
        return self.pages[index]

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            holder = _holder(page)
            self.stack.removeWidget(holder)
            holder.deleteLater()
        self.pages = {}
        self.sections = []

    def go_to(self, index: int) -> None:
        """Show section `index` and put the keyboard focus in it (Ctrl+1, Ctrl+2, …)."""
        if 0 <= index < self.nav.count():
            self.nav.setCurrentRow(index)
            page = self.page(index)
            if self.current_page() is page:
                start = getattr(page, "focus_start", None)
                if callable(start):
                    start()

    def _section_chosen(self, index: int) -> None:
        if index < 0 or index >= len(self.sections):
            return
        current = self.current_page()
        if self.pages.get(index) is not current and not self._leave(current):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(next(i for i, p in self.pages.items() if p is current))
            self.nav.blockSignals(False)
            return
        page = self.page(index)
        self.stack.setCurrentWidget(_holder(page))

    def _leave(self, page: QWidget | None) -> bool:
        leave = getattr(page, "leave_form", None)
        return leave() if callable(leave) else True

    def _reload_cycles(self) -> None:
        assert self.context is not None
        cycles = self.context.workspace.cycles.cycles()
        wanted = self.context.cycle_id
        if wanted not in {c.id for c in cycles}:
            wanted = cycles[0].id if cycles else None
        self.cycle_choice.blockSignals(True)
        self.cycle_choice.clear()
        for cycle in cycles:
            self.cycle_choice.addItem(cycle.name, cycle.id)
        self.cycle_choice.setCurrentIndex(max(self.cycle_choice.findData(wanted), 0))
        self.cycle_choice.blockSignals(False)
        self.context.select_cycle(wanted)

    def _show_chosen_cycle(self, cycle_id: int) -> None:
        index = self.cycle_choice.findData(cycle_id)
        if index >= 0 and index != self.cycle_choice.currentIndex():
            self.cycle_choice.blockSignals(True)
            self.cycle_choice.setCurrentIndex(index)
            self.cycle_choice.blockSignals(False)

    def _cycle_chosen(self, index: int) -> None:
        if self.context is None or index < 0:
            return
        if not self._leave(self.current_page()):
            self.cycle_choice.blockSignals(True)
            self.cycle_choice.setCurrentIndex(self.cycle_choice.findData(self.context.cycle_id))
            self.cycle_choice.blockSignals(False)
            return
        self.context.select_cycle(self.cycle_choice.itemData(index))

    def _data_changed(self, topic: str) -> None:
        if topic in ("cycles", "everything"):
            self._reload_cycles()
        if topic == "everything" and self.context is not None:
            if self.context.workspace.setup.hospital() is None:
                self._show_welcome()
            elif self.nav.isHidden():
                self._show_sections()

    def show_placed(self) -> None:
        """Show the window where it was last time: maximised if it was."""
        if self._maximise:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave(self.current_page()):
            event.ignore()
            return
        save_placement(self)
        self.backup_timer.stop()
        if self.guard is not None:
            self.guard.stop()
        if self.context is not None:
            self.auto_backup()
            self.context.workspace.close()
            self.context = None
        event.accept()


class _PageHolder(QWidget):
    """Holds a section's screen at the size of the scrolling area, down to the screen's
    minimum size. Without a layout of its own, so the scrolling area does not grow to the
    screen's preferred height for its width (word-wrapped text would make it scroll at once)."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self.scroll: QScrollArea | None = None  # the scrolling area it is shown in
        page.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self.page.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.page.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.page.setGeometry(self.rect())
        super().resizeEvent(event)


def _scrolling(page: QWidget) -> QScrollArea:
    """A section's screen in a scrolling area: on a small screen (or with large text) it
    scrolls rather than pushing the window past the edge of the screen."""
    holder = QScrollArea()
    holder.setObjectName("sectionScroll")
    holder.setWidgetResizable(True)
    holder.setFrameShape(QScrollArea.Shape.NoFrame)
    holder.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    inner = _PageHolder(page)
    inner.scroll = holder
    holder.setWidget(inner)
    return holder


def _holder(page: QWidget) -> QWidget:
    """What the stack holds for `page`: its scrolling area, or the page itself."""
    inner = page.parentWidget()
    # kept rather than asked of Qt: to hand Python a widget made inside Qt (the viewport),
    # PySide6 tries each widget class it has, setting up every one (tens of milliseconds)
    if isinstance(inner, _PageHolder) and inner.scroll is not None:
        return inner.scroll
    return page
