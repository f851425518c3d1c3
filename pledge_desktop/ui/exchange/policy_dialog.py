"""File → Data policy from the charity: the rules in use for everything that leaves the hospital
(its version and date, k, the small-number threshold, the answers that could help identify
someone and their coarser bands, the national goal categories and theme codebook), and taking a
newer policy file the charity sent. An older or weaker one is refused with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.policy import Category, DataPolicy, QuasiIdentifierRule
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.widgets import describe, sized

LEVELS = ("First put into", "If a group is still too small,", "Then,", "Then,", "Then,")


def policy_lines(policy: DataPolicy) -> list[str]:
    """The policy in plain lines, as the dialog shows it."""
    lines = [
        f"Version {policy.version} of {policy.date:%d %B %Y}, from {policy.issued_by}.",
        "",
        f"Every combination of answers that could help identify someone is shared by at least "
        f"{policy.k} forms (k = {policy.k}) in anything sent to the charity.",
        f"Counts under {policy.small_number_threshold} are shown as “fewer than "
        f"{policy.small_number_threshold}” outside the hospital team.",
        "",
        "Answers that could help identify someone, in the order they are given up when a group "
        "is still too small:",
    ]
    for number, rule in enumerate(policy.quasi_identifiers, start=1):
        lines += _rule_lines(number, rule)
    lines += ["", *_category_lines("National goal categories", policy.goal_categories)]
    lines += ["", *_category_lines("National theme codebook", policy.themes)]
    if policy.men_national_table:
        lines += ["", "Answers from men are also counted in a national table of their own."]
    if policy.about:
        lines += ["", policy.about]
    return lines


def _rule_lines(number: int, rule: QuasiIdentifierRule) -> list[str]:
    lines = [f"{number}. {rule.label} (questions coded {', '.join(rule.codes)})"]
    if not rule.levels:
        lines.append("   kept as answered; held back when a group is too small")
    for level, bands in enumerate(rule.levels):
        lead = LEVELS[min(level, len(LEVELS) - 1)]
        shown = "; ".join(f"{band.label} ({', '.join(band.members)})" for band in bands)
        lines.append(f"   {lead} bands: {shown}")
    return lines


def _category_lines(title: str, categories: tuple[Category, ...]) -> list[str]:
    if not categories:
        return [f"{title}: none listed."]
    return [f"{title}:", *(f"   {c.label} ({c.code})" for c in categories)]


class PolicyDialog(QDialog):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyDialog")
        self.setWindowTitle(self.tr("Data policy from the charity"))
        self.context = context
        self.summary = QLabel()
        self.summary.setObjectName("policySummary")
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("policyText")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("The data policy in use"))
        describe(
            self.text,
            self.tr(
                "The charity's rules for everything that leaves the hospital. Arrow keys "
                "scroll; Tab moves on."
            ),
        )
        self.outcome = QLabel()
        self.outcome.setObjectName("policyOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("What happened to the last policy file"))
        self.import_button = QPushButton(self.tr("&Import a newer policy…"))
        self.import_button.setObjectName("importPolicy")
        describe(
            self.import_button,
            self.tr(
                "Take a newer policy file (.json) the charity sent. An older one, or one that "
                "would make the rules weaker, is refused with the reason."
            ),
        )
        self.import_button.clicked.connect(self.choose_file)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        close = box.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closePolicy")
        describe(close, self.tr("Close the data policy (Esc)."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(box)
        QWidget.setTabOrder(self.text, self.import_button)
        QWidget.setTabOrder(self.import_button, close)
        sized(self, 760, 600)
        self.show_policy(context.workspace.export.policy.current())
        self.text.setFocus()

    def show_policy(self, policy: DataPolicy) -> None:
        self.policy = policy
        self.summary.setText(
            self.tr("In use: version %d of %s, k %d, counts under %d held back.")
            % (policy.version, f"{policy.date:%d %B %Y}", policy.k, policy.small_number_threshold)
        )
        self.text.setPlainText("\n".join(policy_lines(policy)))

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the policy file the charity sent"),
            str(Path.home()),
            self.tr("Data policy (*.json)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Take the policy in `path`, or say plainly why not. True when it was taken."""
        try:
            policy = self.context.workspace.export.policy.import_file(path)
        except PledgeError as error:
            self.outcome.setText(self.tr("Not taken: %s") % error)
            self.outcome.setAccessibleDescription(self.outcome.text())
            show_problem(self, self.tr("Policy not taken"), error)
            return False
        self.show_policy(policy)
        self.outcome.setText(
            self.tr("Taken: version %d of %s is now in use.")
            % (policy.version, f"{policy.date:%d %B %Y}")
        )
        self.outcome.setAccessibleDescription(self.outcome.text())
        return True
