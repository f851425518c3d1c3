"""Send data to the charity: what will be sent, the written answers to review, everything the
identifier check found in any table (R removes it, N records "not an identifier"), the small
groups held back, then a password and where to save the file; the file's SHA-256 at the end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.privacy import GateFinding
from pledge_desktop.services.exchange.export import ExportChoices, ExportPlan, ExportResult
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import busy, show_problem
from pledge_desktop.ui.common.widgets import sized
from pledge_desktop.ui.common.words import plural
from pledge_desktop.ui.exchange.export_findings import FindingsPage

KEY = Qt.ItemDataRole.UserRole


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ExportWizard(QWizard):
    def __init__(
        self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportWizard")
        self.setWindowTitle(self.tr("Send data to the charity"))
        self.context = context
        self.cycle_id = cycle_id
        self.plan: ExportPlan = context.workspace.export.plan(cycle_id)
        self.result: ExportResult | None = None
        self.what = WhatPage(self)
        self.comments = CommentsPage(self)
        self.findings = FindingsPage(self)
        self.send = SendPage(self)
        self.done_page = DonePage(self)
        for page in (self.what, self.comments, self.findings, self.send, self.done_page):
            self.addPage(page)
        sized(self, 760, 560)

    def plan_findings(self) -> list[GateFinding]:
        """The findings to decide for what is chosen: the tables, the written answers ticked,
        and the published pledge when it goes too."""
        return self.plan.findings_for(self.comments.chosen(), self.what.with_publication())


class WhatPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("What will be sent"))
        self.setSubTitle(
            self.tr(
                "Cycle %s, anonymised: no names, NHS numbers, serial numbers, transcripts or "
                "notes of your own ever leave."
            )
            % wizard.plan.cycle_label
        )
        self.tables = QListWidget()
        self.tables.setObjectName("exportTables")
        self.tables.setAccessibleName(self.tr("Tables and how many rows each"))
        for _name, title, rows in wizard.plan.tables:
            self.tables.addItem(f"{title}: {rows:,}")
        self.k = QSpinBox()
        self.k.setObjectName("exportK")
        self.k.setRange(wizard.plan.least_k, max(20, wizard.plan.least_k))
        self.k.setSuffix(self.tr(" forms"))
        self.k.setValue(wizard.plan.suppression.k)
        self.k.setAccessibleName(self.tr("Smallest group of forms allowed"))
        self.k.valueChanged.connect(self._k_changed)
        self.held_back = _label(wizard.plan.suppression.describe(wizard.plan.quasi_identifiers))
        self.held_back.setObjectName("exportHeldBack")
        form = QFormLayout()
        k_label = QLabel(self.tr("&Hold back answers that could identify someone when fewer than"))
        k_label.setBuddy(self.k)
        form.addRow(k_label, self.k)
        self.publication = QCheckBox(
            self.tr("Also &send the published pledge (booklet, goals, standards and consent)")
        )
        self.publication.setObjectName("exportPublication")
        self.publication.setAccessibleName(self.publication.text().replace("&", ""))
        refused = wizard.plan.publication_refused
        self.publication.setEnabled(refused is None)
        self.publication.setToolTip(
            refused
            or self.tr("The charity can put your booklet on its website without asking again.")
        )
        self.publication_note = _label(refused or "")
        self.publication_note.setVisible(bool(refused))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tables, 1)
        layout.addLayout(form)
        layout.addWidget(self.held_back)
        layout.addWidget(self.publication)
        layout.addWidget(self.publication_note)

    def with_publication(self) -> bool:
        return self.publication.isEnabled() and self.publication.isChecked()

    def _k_changed(self, k: int) -> None:
        self.w.plan = self.w.plan.with_k(k)  # no need to read the database again
        self.held_back.setText(self.w.plan.suppression.describe(self.w.plan.quasi_identifiers))


class CommentsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Written answers"))
        self.setSubTitle(
            self.tr(
                "Patients' written answers are sent only if you tick them. On the next page you "
                "decide each thing in them that could identify someone. Read each one."
            )
        )
        self.list = QListWidget()
        self.list.setObjectName("exportComments")
        self.list.setAccessibleName(self.tr("Written answers: tick the ones to send"))
        self.list.setWordWrap(True)
        for comment in wizard.plan.comments:
            found = ", ".join(sorted({f.kind for f in comment.findings}))
            note = self.tr("  (replaced: %s)") % found if found else ""
            item = QListWidgetItem(f"{comment.question_text}\n“{comment.redacted}”{note}")
            item.setData(KEY, comment.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        tick_all = QPushButton(self.tr("&Tick all"))
        tick_all.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        untick = QPushButton(self.tr("&Untick all"))
        untick.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        buttons = QHBoxLayout()
        buttons.addWidget(tick_all)
        buttons.addWidget(untick)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if not wizard.plan.comments:
            layout.addWidget(_label(self.tr("There are no written answers in this cycle.")))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _tick(self, state: Qt.CheckState) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def chosen(self) -> set[tuple[str, str]]:
        return {
            tuple(self.list.item(row).data(KEY))  # type: ignore[misc]
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        }


class SendPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Password and file"))
        self.setSubTitle(
            self.tr(
                "A password protects the file (AES) if you send it by email or on a USB stick. "
                "Tell the charity the password another way, such as by phone."
            )
        )
        self.password = QLineEdit()
        self.password.setObjectName("exportPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 10 characters, or leave empty"))
        self.again = QLineEdit()
        self.again.setObjectName("exportPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.path = QLineEdit(str(Path.home() / f"service-pledge-{wizard.plan.cycle_label}.zip"))
        self.path.setObjectName("exportPath")
        choose = QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        form = QFormLayout(self)
        for text, widget in (
            (self.tr("&Password:"), self.password),
            (self.tr("The same p&assword again:"), self.again),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        file_label = QLabel(self.tr("Save as:"))
        form.addRow(file_label, row)

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the data package"), self.path.text(), self.tr("ZIP (*.zip)")
        )
        if name:
            self.path.setText(name)

    def validatePage(self) -> bool:
        password = self.password.text()
        if password != self.again.text():
            show_problem(
                self, self.tr("Passwords differ"), self.tr("The two passwords are not the same.")
            )
            return False
        choices = ExportChoices(
            k=self.w.what.k.value(),
            comments=self.w.comments.chosen(),
            password=password or None,
            remove=self.w.findings.removed(),
            publication=self.w.what.with_publication(),
        )
        try:
            with busy(self, self.tr("Checking and writing the data package…")):
                self.w.result = self.w.context.workspace.export.export(
                    self.w.cycle_id, Path(self.path.text()).expanduser(), choices
                )
        except PledgeError as error:
            show_problem(self, self.tr("Nothing was written"), error)
            return False
        return True


class DonePage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Written"))
        self.summary = _label("")
        self.summary.setObjectName("exportDone")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.summary)

    def initializePage(self) -> None:
        result = self.w.result
        if result is None:
            return
        locked = self.tr(" It is protected with your password.") if result.encrypted else ""
        self.summary.setText(
            self.tr(
                "The data package is saved as %s.%s\n\n%s sent, reviewed; %s that could "
                "identify someone removed.\n\nIts SHA-256 fingerprint, for the charity to check "
                "it arrived whole:\n%s\n\nThe export is recorded in the audit trail."
            )
            % (
                result.path,
                locked,
                plural(result.comments_sent, "written answer"),
                plural(len(result.removed), "thing"),
                result.sha256,
            )
        )
