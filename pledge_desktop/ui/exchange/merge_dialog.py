"""For the charity's programme staff: combine hospitals' data packages into national tables."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.services.exchange.merge import MergeResult, merge_packages
from pledge_desktop.ui.common.messages import busy, show_problem
from pledge_desktop.ui.common.widgets import sized


class MergeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Combine hospitals' data (for the charity)"))
        self.result: MergeResult | None = None
        self.inputs = QListWidget()
        self.inputs.setObjectName("mergeInputs")
        self.inputs.setAccessibleName(self.tr("Data packages to combine"))
        add_files = QPushButton(self.tr("Add &files…"))
        add_files.clicked.connect(self.add_files)
        add_folder = QPushButton(self.tr("Add a f&older…"))
        add_folder.clicked.connect(self.add_folder)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(lambda: self.inputs.takeItem(self.inputs.currentRow()))
        self.out = QLineEdit(str(Path.home() / "service-pledge-national"))
        self.out.setObjectName("mergeOut")
        self.password = QLineEdit()
        self.password.setObjectName("mergePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("only if the files are password protected"))
        self.report = QPlainTextEdit()
        self.report.setObjectName("mergeReport")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("What was combined and what was rejected"))
        buttons = QHBoxLayout()
        for button in (add_files, add_folder, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        out_label = QLabel(self.tr("Write to fol&der:"))
        out_label.setBuddy(self.out)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(out_label, self.out)
        form.addRow(password_label, self.password)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.combine_button = box.addButton(
            self.tr("&Combine"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.combine_button.setObjectName("combine")
        self.combine_button.clicked.connect(self.combine)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Packages sent by hospitals (.zip), or folders of them:")))
        layout.addWidget(self.inputs, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.report, 1)
        layout.addWidget(box)
        sized(self, 760, 600)

    def add_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose data packages"), str(Path.home()), self.tr("ZIP (*.zip)")
        )
        self.inputs.addItems(names)

    def add_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of packages"))
        if name:
            self.inputs.addItem(name)

    def paths(self) -> list[Path]:
        return [Path(self.inputs.item(row).text()) for row in range(self.inputs.count())]

    def combine(self) -> None:
        if not self.paths():
            show_problem(
                self, self.tr("Nothing to combine"), self.tr("Add the hospitals' files first.")
            )
            return
        try:
            with busy(self, self.tr("Checking and combining the packages…")):
                self.result = merge_packages(
                    self.paths(), Path(self.out.text()).expanduser(), self.password.text() or None
                )
        except PledgeError as error:
            show_problem(self, self.tr("Not combined"), error)
            return
        lines = [self.tr("Taken: %s") % source for source in self.result.accepted]
        lines += [self.tr("Counted once: %s") % note for note in self.result.duplicates]
        lines += [self.tr("REJECTED: %s: %s") % (r.source, r.reason) for r in self.result.rejected]
        lines += [self.tr("Cleaned: %s") % note for note in self.result.notes]
        lines += [
            self.tr("Asked differently: %s %s: %s %s") % (row[1], row[0], row[2], row[3])
            for row in self.result.conformance
        ]
        if self.result.accepted:
            lines.append(self.result.describe())
        else:
            lines.append(self.tr("No package could be taken, so nothing was written."))
        self.report.setPlainText("\n".join(lines))
