"""The small windows of the goals board: a goal's words, its status, a progress update, a link
to a survey question, what a question's answers say, and carrying goals forward."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError, ValidationError
from pledge_desktop.domain.goals import (
    NEEDS_REASON,
    TRANSITIONS,
    Goal,
    GoalStatus,
    GoalUpdate,
    Progress,
    Term,
)
from pledge_desktop.domain.policy import parse_policy
from pledge_desktop.paths import resource
from pledge_desktop.services.results.results import QuestionCounts
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.identifier_warning import warn_in_form
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.record_form import (
    CHOICE,
    LINE,
    OPTIONAL_DATE,
    TEXT,
    FormField,
    RecordForm,
)
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import sized


def national_categories() -> tuple[tuple[str, str], ...]:
    """The charity's goal categories from its data policy, so goals can be counted nationally."""
    try:
        text = resource("policy", "data-policy.json").read_text(encoding="utf-8")
        return tuple((c.code, c.label) for c in parse_policy(text).goal_categories)
    except (OSError, PledgeError):
        return ()


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class GoalDialog(QDialog):
    """A new goal, or the words, owner, target date and term of one."""

    def __init__(
        self,
        context: ScreenContext,
        goal: Goal,
        horizons: dict[Term, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goalDialog")
        self.setWindowTitle(self.tr("New goal") if goal.id is None else self.tr("Goal"))
        sized(self, 620, 520)
        self.context = context
        self.goal = goal
        self.saved: Goal | None = None
        team = context.workspace.setup.team(goal.cycle_id)
        self.form = RecordForm(
            [
                FormField(
                    "title",
                    self.tr("&Title"),
                    LINE,
                    hint=self.tr("In plain words, as it will be printed in the booklet"),
                ),
                FormField(
                    "term",
                    self.tr("Te&rm"),
                    CHOICE,
                    tuple((t.value, f"{t.label} ({horizons[t]})") for t in Term),
                ),
                FormField(
                    "owner_id",
                    self.tr("&Owner"),
                    CHOICE,
                    (
                        ("", self.tr("(nobody yet)")),
                        *((str(m.id), f"{m.name}, {m.role}") for m in team),
                    ),
                ),
                FormField(
                    "target_date",
                    self.tr("T&arget date"),
                    OPTIONAL_DATE,
                    hint=self.tr("Lowest date (none) means no target date yet"),
                ),
                FormField(
                    "next_review",
                    self.tr("&Next review"),
                    OPTIONAL_DATE,
                    hint=self.tr("When the team looks at this goal again; (none) if not set"),
                ),
                FormField(
                    "national_category",
                    self.tr("Nationa&l category"),
                    CHOICE,
                    (("", self.tr("(none)")), *national_categories()),
                ),
                FormField("why", self.tr("&Why: what patients told us"), TEXT),
                FormField("description", self.tr("&Description"), TEXT),
            ]
        )
        self.warnings = warn_in_form(
            self.form,
            ("title", "why", "description"),
            lambda text: context.workspace.setup.identifiers_in(text, goal.cycle_id),
        )
        values = vars(goal) | {
            "term": goal.term.value,
            "owner_id": str(goal.owner_id) if goal.owner_id else "",
        }
        self.form.set_values(values)
        self.form.submitted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(_buttons(self, self.tr("Save goal")))
        self.form.focus_first()

    def accept(self) -> None:
        values = self.form.values()
        owner = values.pop("owner_id")
        goal = replace(
            self.goal,
            title=values["title"],
            term=Term(values["term"]),
            owner_id=int(owner) if owner else None,
            target_date=values["target_date"],
            next_review=values["next_review"],
            national_category=values["national_category"],
            why=values["why"],
            description=values["description"],
        )
        saved = self.form.attempt(
            lambda: self.context.workspace.goals.save_goal(goal), self.tr("Goal not saved")
        )
        if saved is not None:
            self.saved = saved
            super().accept()


class StatusDialog(QDialog):
    """Move a goal on: only the next steps its status allows are offered."""

    def __init__(self, context: ScreenContext, goal: Goal, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.setWindowTitle(self.tr("Change the goal's status"))
        self.context = context
        self.goal = goal
        intro = QLabel(
            self.tr('"%s" is %s. It can now be:') % (goal.title, goal.status.label.lower())
        )
        intro.setWordWrap(True)
        self.choices = QListWidget()
        self.choices.setObjectName("statusChoices")
        for status in TRANSITIONS[goal.status]:
            item = QListWidgetItem(status.label)
            item.setData(Qt.ItemDataRole.UserRole, status.value)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.setMaximumHeight(110)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("statusReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("Why? Needed for 'not achieved' and 'dropped': the next cycle will ask.")
        )
        self.reason.setFixedHeight(80)
        self.problem = QLabel()
        self.problem.setObjectName("statusProblem")
        self.problem.setWordWrap(True)
        tint(self.problem, "problem")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.choices)
        layout.addWidget(QLabel(self.tr("Reason or note:")))
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Change status")))
        self.choices.setFocus()

    def chosen(self) -> GoalStatus:
        return GoalStatus(self.choices.currentItem().data(Qt.ItemDataRole.UserRole))

    def accept(self) -> None:
        status = self.chosen()
        if status in NEEDS_REASON and not self.reason.toPlainText().strip():
            self.problem.setText(self.tr("⚠ Please say why the goal is %s.") % status.label.lower())
            self.reason.setFocus()
            return
        try:
            self.context.workspace.goals.change_status(
                self.goal.id or 0, status, self.reason.toPlainText()
            )
        except PledgeError as error:
            problems = error.problems if isinstance(error, ValidationError) else {}
            self.problem.setText("⚠ " + (" ".join(problems.values()) or str(error)))
            return
        super().accept()


class UpdateDialog(QDialog):
    """A dated note on a goal's progress."""

    def __init__(self, context: ScreenContext, goal: Goal, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("updateDialog")
        self.setWindowTitle(self.tr("Progress update"))
        self.context = context
        self.goal = goal
        self.on_date = QDateEdit(QDate.currentDate())
        self.on_date.setDisplayFormat("dd/MM/yyyy")
        self.on_date.setCalendarPopup(True)
        self.progress = QComboBox()
        self.progress.setObjectName("updateProgress")
        for progress in Progress:
            self.progress.addItem(progress.label, progress.value)
        self.note = QPlainTextEdit()
        self.note.setObjectName("updateNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What has happened since the last update?"))
        self.problem = QLabel()
        self.problem.setObjectName("updateProblem")
        tint(self.problem, "problem")
        form = QFormLayout()
        form.addRow(self.tr("&What happened"), self.note)
        form.addRow(self.tr("&Progress"), self.progress)
        form.addRow(self.tr("&Date"), self.on_date)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr('Progress on "%s"') % goal.title))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Add update")))
        self.note.setFocus()

    def accept(self) -> None:
        update = GoalUpdate(
            self.goal.id or 0,
            self.on_date.date().toPython(),
            Progress(self.progress.currentData()),
            self.note.toPlainText(),
        )
        try:
            self.context.workspace.goals.add_update(update)
        except ValidationError as problems:
            self.problem.setText("⚠ " + " ".join(problems.problems.values()))
            return
        except PledgeError as error:
            self.problem.setText("⚠ " + str(error))
            return
        super().accept()


class LinkQuestionDialog(QDialog):
    """Choose the survey question a goal rests on."""

    def __init__(self, context: ScreenContext, goal: Goal, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkQuestionDialog")
        self.setWindowTitle(self.tr("Link a survey question"))
        sized(self, 700, 460)
        self.context = context
        self.goal = goal
        questionnaire = context.workspace.survey_entry.questionnaire(goal.cycle_id)
        self.questions = QListWidget()
        self.questions.setObjectName("questionChoices")
        for number, question in questionnaire.numbered():
            item = QListWidgetItem(f"Q{number}. {question.text}")
            item.setData(Qt.ItemDataRole.UserRole, question.code)
            self.questions.addItem(item)
        self.questions.setCurrentRow(0)
        self.questions.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr('Which question\'s answers does "%s" rest on?') % goal.title)
        )
        layout.addWidget(self.questions)
        layout.addWidget(_buttons(self, self.tr("Link")))
        self.questions.setFocus()

    def accept(self) -> None:
        code = self.questions.currentItem().data(Qt.ItemDataRole.UserRole)
        try:
            self.context.workspace.goals.link_question(self.goal.id or 0, code)
        except PledgeError as error:
            show_problem(self, self.tr("Not linked"), error)
            return
        super().accept()


def counts_text(counts: QuestionCounts) -> str:
    """A question's answers in plain lines, with the base and what was left out of it."""
    lines = [f"Q{counts.number}. {counts.question.text}", ""]
    if counts.question.options:
        for option, count in counts.options:
            share = f"{counts.per_cent(count):.0f}%" if counts.answered else "–"
            lines.append(f"{option.label}: {count} ({share})")
    lines += [
        "",
        f"Base: {counts.answered} forms answered this question.",
        f"Not in the base: {counts.left_blank} left blank, {counts.unreadable} unreadable, "
        f"{counts.skipped} skipped.",
    ]
    return "\n".join(lines)


class EvidenceDialog(QDialog):
    """What the answers to one linked question say, in this cycle."""

    def __init__(self, counts: QuestionCounts, goals: list[tuple[str, str]], parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(self.tr("Evidence: Q%d") % counts.number)
        text = QLabel(counts_text(counts))
        text.setObjectName("evidenceText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        resting = QLabel(
            self.tr("Goals resting on this question: ")
            + "; ".join(f"{title} ({cycle})" for cycle, title in goals)
        )
        resting.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(resting)
        layout.addWidget(close)


class CarryForwardDialog(QDialog):
    """Tick the unfinished goals of the cycle before to carry into this one."""

    def __init__(self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("carryForwardDialog")
        self.setWindowTitle(self.tr("Carry goals forward"))
        sized(self, 640, 400)
        self.context = context
        self.cycle_id = cycle_id
        self.carried = 0
        label, goals = context.workspace.goals.unfinished_before(cycle_id)
        intro = QLabel(
            self.tr(
                "These goals of cycle %s are not finished. Ticked ones are carried into this "
                "cycle with their history and evidence (Space ticks and unticks)."
            )
            % label
        )
        intro.setWordWrap(True)
        self.goals = QListWidget()
        self.goals.setObjectName("carryChoices")
        for goal in goals:
            item = QListWidgetItem(f"{goal.term.label}: {goal.title} ({goal.status.label})")
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.goals.addItem(item)
        self.goals.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.goals)
        layout.addWidget(_buttons(self, self.tr("Carry forward")))
        self.goals.setFocus()

    def accept(self) -> None:
        chosen = [
            self.goals.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.goals.count())
            if self.goals.item(i).checkState() == Qt.CheckState.Checked
        ]
        try:
            self.carried = len(self.context.workspace.goals.carry_forward(self.cycle_id, chosen))
        except PledgeError as error:
            show_problem(self, self.tr("Not carried forward"), error)
            return
        super().accept()


class HorizonsDialog(QDialog):
    """What short, medium and long term mean for this team, as printed in the booklet."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("horizonsDialog")
        self.setWindowTitle(self.tr("What the terms mean"))
        self.context = context
        self.lines: dict[Term, QLineEdit] = {}
        form = QFormLayout()
        for term, words in context.workspace.goals.horizons().items():
            line = QLineEdit(words)
            line.setObjectName(f"horizon_{term.value}")
            self.lines[term] = line
            form.addRow(term.label, line)
        self.problem = QLabel()
        tint(self.problem, "problem")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr('As printed in the booklet, e.g. "within 6 months":')))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Save")))

    def accept(self) -> None:
        try:
            self.context.workspace.goals.set_horizons(
                {term: line.text() for term, line in self.lines.items()}
            )
        except ValidationError as problems:
            self.problem.setText("⚠ " + " ".join(problems.problems.values()))
            return
        super().accept()
