"""The File and Help menus' actions: backups, restore, sending and combining data, the guide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.paths import resource
from pledge_desktop.ui.common.messages import confirm, show_problem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from pledge_desktop.ui.common.context import ScreenContext


class FileActions:
    """Mixed into the main window, whose context, status bar and current screen it uses."""

    context: ScreenContext | None

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...

        def tr(self, text: str) -> str: ...

        def current_page(self) -> QWidget: ...

        def _leave(self, page: QWidget | None) -> bool: ...

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
        from pledge_desktop.ui.shell.dialogs import RestoreDialog

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

    def send_data(self) -> None:
        if self.context is None or self.context.cycle_id is None:
            return
        if not self._leave(self.current_page()):
            return
        from pledge_desktop.ui.exchange.export_wizard import ExportWizard

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

    def publish(self) -> None:
        """File → Publish…: the signed-off pledge's files for the charity's website."""
        from pledge_desktop.ui.year.publish_dialog import PublishDialog

        if self.context is not None and self.context.cycle_id is not None:
            PublishDialog(self.context, self.context.cycle_id, self).exec()

    def combine_data(self) -> None:
        from pledge_desktop.ui.exchange.merge_dialog import MergeDialog

        MergeDialog(self).exec()

    def data_policy(self) -> None:
        from pledge_desktop.ui.exchange.policy_dialog import PolicyDialog

        if self.context is not None:
            PolicyDialog(self.context, self).exec()

    def open_data_folder(self) -> None:
        from pledge_desktop.ui.common.desktop import open_folder

        if self.context is not None:
            open_folder(self.context.workspace.data_dir)

    def show_guide(self) -> None:
        from pledge_desktop.ui.shell.dialogs import UserGuideDialog

        UserGuideDialog(resource("help", "user-guide.md"), self).exec()

    def show_about(self) -> None:
        if self.context is None:
            return
        from pledge_desktop.ui.shell.dialogs import AboutDialog

        workspace = self.context.workspace
        AboutDialog(workspace.data_dir, workspace.is_demo, self).exec()
