"""A goal-setting or review meeting: when, who came (ticked from the team and the patient
representatives), and what it decided about each goal, with the goal's next review date."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError, ValidationError
from pledge_desktop.domain.goals import Goal
from pledge_desktop.domain.pledge_year import Decision, Meeting, MeetingDecision, MeetingKind
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.record_form import (
    CHOICE,
    DATE,
    LINE,
    MULTI,
    NO_DATE,
    TEXT,
    FormField,
    RecordForm,
)
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import describe, font_pt


class MeetingDialog(QDialog):
    def __init__(
        self, context: ScreenContext, meeting: Meeting, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.setWindowTitle(self.tr("New meeting") if meeting.id is None else self.tr("Meeting"))
        self.resize(760, 680)
        self.context = context
        self.meeting = meeting
        self.saved: Meeting | None = None
        ws = context.workspace
        team = ws.setup.team(meeting.cycle_id)
        reps = ws.setup.representatives(meeting.cycle_id)
        self.goals: list[Goal] = [card.goal for card in ws.goals.board(meeting.cycle_id)]
        self.form = RecordForm(
            [
                FormField(
                    "kind", self.tr("&Kind"), CHOICE, tuple((k.value, k.label) for k in MeetingKind)
                ),
                FormField("held_on", self.tr("&Held on"), DATE),
                FormField("minutes", self.tr("&Minutes it took"), LINE, hint=self.tr("e.g. 60")),
                FormField(
                    "team_member_ids",
                    self.tr("&Team who came"),
                    MULTI,
                    tuple((str(p.id), p.name) for p in team),
                ),
                FormField(
                    "representative_ids",
                    self.tr("&Representatives who came"),
                    MULTI,
                    tuple((str(p.id), p.name) for p in reps),
                ),
                FormField("notes", self.tr("N&otes"), TEXT),
            ]
        )
        self.form.set_values(
            {
                "kind": meeting.kind.value,
                "held_on": meeting.held_on,
                "minutes": str(meeting.minutes),
                "team_member_ids": tuple(str(i) for i in meeting.team_member_ids),
                "representative_ids": tuple(str(i) for i in meeting.representative_ids),
                "notes": meeting.notes,
            }
        )
        self.problem = QLabel()
        self.problem.setObjectName("decisionsProblem")
        self.problem.setWordWrap(True)
        tint(self.problem, "problem")
        self.problem.hide()
        self.decisions: dict[int, QComboBox] = {}
        self.reviews: dict[int, QDateEdit] = {}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel(self.tr("Goal")), 0, 0)
        grid.addWidget(QLabel(self.tr("Decision")), 0, 1)
        grid.addWidget(QLabel(self.tr("Next review")), 0, 2)
        decided = {d.goal_id: d.decision for d in meeting.decisions}
        for row, goal in enumerate(self.goals, start=1):
            assert goal.id is not None
            title = QLabel(f"{goal.title} ({goal.status.label.lower()})")
            title.setWordWrap(True)
            choice = QComboBox()
            choice.setObjectName(f"decision{goal.id}")
            choice.addItem(self.tr("(no decision)"), "")
            for decision in Decision:
                choice.addItem(decision.label, decision.value)
            choice.setCurrentIndex(max(choice.findData(decided.get(goal.id, "")), 0))
            choice.setAccessibleName(self.tr("Decision on %s") % goal.title)
            describe(choice, self.tr("Choose with the arrow keys: agreed, changed, dropped…"))
            title.setBuddy(choice)
            review = QDateEdit()
            review.setObjectName(f"review{goal.id}")
            review.setMinimumDate(NO_DATE)
            review.setSpecialValueText(self.tr("(none)"))
            review.setDisplayFormat("dd/MM/yyyy")
            review.setCalendarPopup(True)
            when = goal.next_review
            review.setDate(QDate(when.year, when.month, when.day) if when else NO_DATE)
            review.setAccessibleName(self.tr("Next review of %s") % goal.title)
            describe(review, self.tr("When the team looks at this goal again, or (none)"))
            grid.addWidget(title, row, 0)
            grid.addWidget(choice, row, 1)
            grid.addWidget(review, row, 2)
            self.decisions[goal.id] = choice
            self.reviews[goal.id] = review
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(self.goals) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Save meeting"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        heading = QLabel(self.tr("Decisions on the goals"))
        heading.setStyleSheet(f"font-weight: bold; font-size: {font_pt(12)};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(heading)
        if not self.goals:
            layout.addWidget(QLabel(self.tr("This pledge has no goals yet.")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.form.focus_first()

    def set_review(self, goal_id: int, day: date) -> None:
        self.reviews[goal_id].setDate(QDate(day.year, day.month, day.day))

    def accept(self) -> None:
        values = self.form.values()
        decisions = tuple(
            MeetingDecision(goal_id, Decision(choice.currentData()))
            for goal_id, choice in self.decisions.items()
            if choice.currentData()
        )
        reviews = {
            goal_id: edit.date().toPython()
            for goal_id, edit in self.reviews.items()
            if edit.date() != NO_DATE
        }
        unchanged = {g.id: g.next_review for g in self.goals}
        reviews = {i: d for i, d in reviews.items() if d != unchanged.get(i)}

        def save() -> Meeting:
            text = str(values["minutes"]).strip()
            if not text.isdigit():
                raise ValidationError({"minutes": "Give how long the meeting took, in minutes."})
            meeting = Meeting(
                cycle_id=self.meeting.cycle_id,
                kind=MeetingKind(values["kind"]),
                held_on=values["held_on"],
                minutes=int(text),
                notes=values["notes"],
                team_member_ids=tuple(int(i) for i in values["team_member_ids"]),
                representative_ids=tuple(int(i) for i in values["representative_ids"]),
                decisions=decisions,
                id=self.meeting.id,
            )
            return self.context.workspace.meetings.save_meeting(meeting, reviews)

        self.problem.hide()
        try:
            saved = save()
        except ValidationError as problems:
            self.form.show_problems(problems.problems)
            fields = {f.name for f in self.form.fields}
            others = [text for name, text in problems.problems.items() if name not in fields]
            if others:
                self.problem.setText("⚠ " + " ".join(others))
                self.problem.show()
            return
        except PledgeError as error:
            show_problem(self, self.tr("Meeting not saved"), error)
            return
        self.saved = saved
        super().accept()


def new_meeting(cycle_id: int) -> Meeting:
    return Meeting(cycle_id, MeetingKind.GOAL_SETTING, date.today(), 60)


def default_review(held_on: date) -> date:
    return held_on + timedelta(days=182)
