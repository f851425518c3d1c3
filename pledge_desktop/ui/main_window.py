"""The main window: sections on the left, the chosen one on the right, the cycle at the top.

The window is shown before any database work starts (see app.py), then handed a Workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from pledge_desktop import APP_NAME
from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.paths import resource
from pledge_desktop.ui.changes import ChangeHub
from pledge_desktop.ui.context import ScreenContext
from pledge_desktop.ui.descriptions import describe_controls
from pledge_desktop.ui.messages import confirm, show_problem
from pledge_desktop.ui.widgets import describe, font_pt, styled, tab_moves_on

if TYPE_CHECKING:
    from pledge_desktop.services.workspace import Workspace
    from pledge_desktop.ui.survey_entry_page import SurveyEntryPage

AUTO_BACKUP_MS = 30 * 60 * 1000
LATER_KEYS = {11: "Ctrl+I", 12: "Ctrl+R", 13: "Ctrl+B"}  # Interviews, Results, Booklet
DemoOpener = Callable[[], "Workspace"]


class MainWindow(QMainWindow):
    def __init__(self, open_demo: DemoOpener | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1180, 760)
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
                "to Ctrl+0, Ctrl+I, Ctrl+R and Ctrl+B go straight to one."
            ),
        )
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(240)
        self.nav.setStyleSheet(
            f"QListWidget {{ font-size: {font_pt(12)}; }} QListWidget::item {{ padding: 6px; }}"
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
        styled(
            self.demo_banner,
            "background: #ffe08a; color: #1b1b1b; font-weight: bold; padding: 4px 10px;",
        )
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
        from pledge_desktop.ui.welcome import WelcomePage

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
        # The screens are imported here, after the window's first paint, to keep start-up fast.
        from pledge_desktop.ui.booklet_page import BookletPage
        from pledge_desktop.ui.checks_page import ChecksPage
        from pledge_desktop.ui.cycles_page import CyclesPage
        from pledge_desktop.ui.goals_page import GoalsPage
        from pledge_desktop.ui.home_page import HomePage
        from pledge_desktop.ui.hospital_page import HospitalPage
        from pledge_desktop.ui.interviews_page import InterviewsPage
        from pledge_desktop.ui.people_pages import RepresentativesPage, TeamPage
        from pledge_desktop.ui.questionnaires_page import QuestionnairesPage
        from pledge_desktop.ui.responses_page import ResponsesPage
        from pledge_desktop.ui.results_page import ResultsPage
        from pledge_desktop.ui.survey_entry_page import SurveyEntryPage

        context = self.context
        assert context is not None
        self._drop_pages()
        self._reload_cycles()
        self.sections = [
            (self.tr("Overview"), lambda: HomePage(context)),
            (self.tr("Hospital"), lambda: HospitalPage(context)),
            (self.tr("Breast care team"), lambda: TeamPage(context)),
            (self.tr("Patient representatives"), lambda: RepresentativesPage(context)),
            (self.tr("Pledge cycles"), lambda: CyclesPage(context)),
            (self.tr("Type in surveys"), lambda: SurveyEntryPage(context)),
            (self.tr("Survey responses"), lambda: ResponsesPage(context, self.correct_form)),
            (self.tr("Check typed forms"), lambda: ChecksPage(context, self.check_form)),
            (self.tr("Questionnaires"), lambda: QuestionnairesPage(context)),
            (self.tr("Goals and standards"), lambda: GoalsPage(context)),
            (self.tr("Interviews"), lambda: InterviewsPage(context)),
            (self.tr("Results"), lambda: ResultsPage(context)),
            (self.tr("Booklet"), lambda: BookletPage(context)),
        ]
        self.nav.blockSignals(True)
        self.nav.clear()
        self.go_menu.clear()
        for number, (name, _make) in enumerate(self.sections, start=1):
            self.nav.addItem(name)
            # the tenth is Ctrl+0; after that, the first letter of the section's name
            keys = f"Ctrl+{number % 10}" if number <= 10 else LATER_KEYS.get(number)
            self._action(self.go_menu, name, lambda _on=False, n=number - 1: self.go_to(n), keys)
        self.nav.blockSignals(False)
        self.nav.show()
        self.cycle_bar.show()
        self.go_to(0)

    def run_first_setup(self) -> None:
        from pledge_desktop.ui.welcome import FirstSetupWizard

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
        entry_section = 5
        page = self.page(entry_section)
        self.go_to(entry_section)
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
        return self.stack.currentWidget()

    def page(self, index: int) -> QWidget:
        """The screen of section `index`, built on first use."""
        if index not in self.pages:
            page = self.sections[index][1]()
            page.setObjectName(f"section{index + 1}")
            describe_controls(page)
            tab_moves_on(page)
            self.stack.addWidget(page)
            self.pages[index] = page
        return self.pages[index]

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self.sections = []

    def go_to(self, index: int) -> None:
        """Show section `index` and put the keyboard focus in it (Ctrl+1, Ctrl+2, …)."""
        if 0 <= index < self.nav.count():
            self.nav.setCurrentRow(index)
            page = self.page(index)
            if self.stack.currentWidget() is page:
                start = getattr(page, "focus_start", None)
                if callable(start):
                    start()

    def _section_chosen(self, index: int) -> None:
        if index < 0 or index >= len(self.sections):
            return
        current = self.stack.currentWidget()
        if self.pages.get(index) is not current and not self._leave(current):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(next(i for i, p in self.pages.items() if p is current))
            self.nav.blockSignals(False)
            return
        page = self.page(index)
        self.stack.setCurrentWidget(page)

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
            self.cycle_choice.addItem(cycle.label, cycle.id)
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

    # --- file and help --------------------------------------------------------------------
    def backup_now(self) -> None:
        if self.context is None:
            return
        try:
            path = self.context.workspace.maintenance.backup_now("manual")
        except PledgeError as error:
            show_problem(self, self.tr("Backup not made"), error)
            return
        self.statusBar().showMessage(self.tr("Backed up to %s") % path, 15000)
        self.context.hub.announce("backups")

    def auto_backup(self) -> None:
        if self.context is None:
            return
        try:
            path = self.context.workspace.maintenance.auto_backup()
        except PledgeError as error:
            self.statusBar().showMessage(self.tr("Automatic backup failed: %s") % error)
            return
        if path is not None:
            self.statusBar().showMessage(self.tr("Backed up automatically."), 8000)

    def restore(self) -> None:
        if self.context is None or not self._leave(self.current_page()):
            return
        from pledge_desktop.ui.dialogs import RestoreDialog

        maintenance = self.context.workspace.maintenance
        dialog = RestoreDialog(maintenance.backups(), self)
        if not dialog.exec() or dialog.chosen is None:
            return
        question = (
            self.tr(
                "Replace all the data with the backup %s? The data as it is now is backed up first."
            )
            % dialog.chosen.name
        )
        if not confirm(self, self.tr("Restore from backup"), question, self.tr("Restore")):
            return
        try:
            safety = maintenance.restore(dialog.chosen)
        except PledgeError as error:
            show_problem(self, self.tr("Not restored"), error)
            return
        self.statusBar().showMessage(
            self.tr("Restored. The data as it was before is kept in %s") % safety.name, 20000
        )

    # --- session lock -----------------------------------------------------------------------
    def _start_guard(self, workspace: Workspace) -> None:
        from pledge_desktop.ui.session_lock import SessionGuard, register_for_windows_lock

        if self.guard is not None:
            self.guard.stop()
        self.guard = SessionGuard(self, workspace.session_lock)
        register_for_windows_lock(self)

    def show_lock_screen(self, locked: bool) -> None:
        """Cover (or uncover) everything: the sections, the cycle bar and the menus."""
        from pledge_desktop.ui.session_lock import LockScreen

        if self.lock_screen is None:
            screen = LockScreen()
            screen.unlock_button.clicked.connect(self._unlock)
            screen.passphrase.returnPressed.connect(self._unlock)
            self.outer.addWidget(screen)
            self.lock_screen = screen
        screen = self.lock_screen
        assert isinstance(screen, LockScreen)
        self.outer.setCurrentIndex(1 if locked else 0)
        self.menuBar().setEnabled(not locked)
        self.cycle_bar.setVisible(not locked and not self.nav.isHidden())
        screen.passphrase.clear()
        screen.message.clear()
        if locked:
            screen.passphrase.setFocus()
            self.statusBar().showMessage(self.tr("Locked."))

    def _unlock(self) -> None:
        screen = self.lock_screen
        if screen is None or self.guard is None:
            return
        if not self.guard.try_unlock(screen.passphrase.text()):  # type: ignore[attr-defined]
            screen.passphrase.clear()  # type: ignore[attr-defined]
            screen.message.setText(self.tr("That is not the passphrase. Try again."))  # type: ignore[attr-defined]
            return
        self.statusBar().showMessage(self.tr("Unlocked: carry on where you were."), 8000)

    def lock_now(self) -> None:
        if self.guard is None:
            return
        if not self.guard.lock() and not self.guard.locked:
            show_problem(
                self,
                self.tr("No passphrase yet"),
                self.tr("Set the app's passphrase first, in File → Session lock settings."),
            )

    def lock_settings(self) -> None:
        if self.context is None:
            return
        from pledge_desktop.ui.session_lock import LockSettingsDialog

        LockSettingsDialog(self.context.workspace.session_lock, self).exec()

    def nativeEvent(self, event_type: Any, message: Any) -> Any:
        from pledge_desktop.ui.session_lock import is_windows_lock

        if self.guard is not None and is_windows_lock(message):
            self.guard.lock()
        return super().nativeEvent(event_type, message)

    def send_data(self) -> None:
        if self.context is None or self.context.cycle_id is None:
            return
        if not self._leave(self.current_page()):
            return
        from pledge_desktop.ui.export_wizard import ExportWizard

        try:
            wizard = ExportWizard(self.context, self.context.cycle_id, self)
        except PledgeError as error:
            show_problem(self, self.tr("Nothing to send yet"), error)
            return
        wizard.exec()
        if wizard.result is not None:
            self.statusBar().showMessage(
                self.tr("Data package saved as %s") % wizard.result.path, 20000
            )

    def combine_data(self) -> None:
        from pledge_desktop.ui.merge_dialog import MergeDialog

        MergeDialog(self).exec()

    def open_data_folder(self) -> None:
        from pledge_desktop.ui.dialogs import open_folder

        if self.context is not None:
            open_folder(self.context.workspace.data_dir)

    def show_guide(self) -> None:
        from pledge_desktop.ui.dialogs import UserGuideDialog

        UserGuideDialog(resource("help", "user-guide.md"), self).exec()

    def show_about(self) -> None:
        if self.context is None:
            return
        from pledge_desktop.ui.dialogs import AboutDialog

        workspace = self.context.workspace
        AboutDialog(workspace.data_dir, workspace.is_demo, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave(self.current_page()):
            event.ignore()
            return
        self.backup_timer.stop()
        if self.guard is not None:
            self.guard.stop()
        if self.context is not None:
            self.auto_backup()
            self.context.workspace.close()
            self.context = None
        event.accept()
