"""File → Publish…: the signed-off pledge's booklet, its goals and standards for the charity's
website, and the team's consent to publish, written into a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.print_gate import PrintChoices
from pledge_desktop.services.year.publish import Published
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.findings_review import through_the_check
from pledge_desktop.ui.common.messages import busy, show_problem, show_status
from pledge_desktop.ui.common.widgets import describe


class PublishDialog(QDialog):
    def __init__(self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(self.tr("Publish the pledge"))
        self.resize(620, 300)
        self.context = context
        self.cycle_id = cycle_id
        self.result: Published | None = None
        ws = context.workspace
        cycle = next(c for c in ws.cycles.cycles() if c.id == cycle_id)
        signed = ws.sign_off.sign_off(cycle_id)
        if signed is None:
            state = self.tr(
                "This pledge has not been signed off yet: record the sign-off on the Pledge "
                "cycles screen (Sign off…) first."
            )
        else:
            state = self.tr("Signed off by %s, %s, on %s.") % (
                signed.signed_by,
                signed.role,
                f"{signed.signed_on:%d %B %Y}",
            )
            if not signed.publish_consent:
                state += " " + self.tr("The team has not yet agreed to publish it.")
        about = QLabel(
            self.tr(
                "Publishing the %s pledge writes the booklet (PDF and web page), its goals and "
                "standards of care as pledge.json for the charity's website, and the team's "
                "consent to publish, into the folder you choose. The cycle is then marked "
                "published."
            )
            % cycle.name
            + "\n\n"
            + state
        )
        about.setObjectName("publishAbout")
        about.setWordWrap(True)
        self.folder = QLineEdit(str(ws.data_dir.parent / f"pledge-{cycle.label}"))
        self.folder.setObjectName("publishFolder")
        self.folder.setAccessibleName(self.tr("Folder to publish into"))
        describe(self.folder, self.tr("Type the folder's path, or choose it"))
        label = QLabel(self.tr("&Folder:"))
        label.setBuddy(self.folder)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton(
            self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(row)
        layout.addStretch()
        layout.addWidget(buttons)
        self.folder.setFocus()

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Publish into"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def accept(self) -> None:
        text = self.folder.text().strip()
        if not text:
            show_problem(self, self.tr("Not published"), self.tr("Choose a folder first."))
            return
        ws = self.context.workspace
        try:
            result = through_the_check(
                self,
                self.tr("the published pledge"),
                ws.booklet.not_an_identifier,
                lambda choices: self._publish(Path(text).expanduser(), choices),
            )
        except PledgeError as error:
            show_problem(self, self.tr("Not published"), error)
            return
        if result is None:
            return
        self.result = result
        show_status(
            self.parentWidget() or self,
            self.tr("Published %d files to %s") % (len(self.result.files), self.result.folder),
            20000,
        )
        super().accept()

    def _publish(self, folder: Path, choices: PrintChoices) -> Published:
        ws = self.context.workspace
        with busy(self, self.tr("Publishing…")):
            return ws.publish.publish(self.cycle_id, folder, fictional=ws.is_demo, choices=choices)
