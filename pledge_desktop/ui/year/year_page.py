"""Meetings and involvement: the pledge's goal-setting and review meetings, and what patient
representatives have done for it this cycle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.pledge_year import Meeting, hours_and_minutes
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import confirm, show_problem, show_status
from pledge_desktop.ui.common.widgets import describe, font_pt, page_title
from pledge_desktop.ui.year.meeting_dialog import MeetingDialog, new_meeting

TOPICS = ("meetings", "involvement", "goals", "team", "representatives", "cycles", "everything")


class YearPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meetings: list[Meeting] = []
        self.list = QListWidget()
        self.list.setObjectName("meetingList")
        self.list.setAccessibleName(self.tr("Meetings"))
        describe(self.list, self.tr("The cycle's meetings, newest first. Enter opens one."))
        self.list.itemActivated.connect(lambda _item: self.open_meeting())
        self.new_button = QPushButton(self.tr("&New meeting…"))
        self.new_button.setObjectName("newMeeting")
        describe(self.new_button, self.tr("Record a goal-setting or review meeting (Ctrl+N)"))
        self.new_button.clicked.connect(self.add_meeting)
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setObjectName("openMeeting")
        describe(self.open_button, self.tr("Show or correct the chosen meeting (Enter)"))
        self.open_button.clicked.connect(self.open_meeting)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("deleteMeeting")
        describe(self.delete_button, self.tr("Delete the chosen meeting's record, after asking"))
        self.delete_button.clicked.connect(self.delete_meeting)
        self.involvement = QLabel()
        self.involvement.setObjectName("involvementSummary")
        self.involvement.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Meetings and involvement")))
        intro = QLabel(
            self.tr(
                "Goal-setting and review meetings: who came and what was decided about each "
                "goal. Decisions move the goals on the Goals screen too."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._heading(self.tr("Meetings")))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self._heading(self.tr("What patient representatives did")))
        layout.addWidget(self.involvement)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_meeting)
        context.hub.changed.connect(lambda topic: topic in TOPICS and self.refresh())
        context.hub.cycle_selected.connect(lambda _id: self.refresh())
        self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"font-size: {font_pt(13)}; font-weight: bold; margin-top: 8px;")
        return label

    def focus_start(self) -> None:
        (self.list if self.list.count() else self.new_button).setFocus()

    def refresh(self) -> None:
        ws = self.context.workspace
        cycle_id = self.context.cycle_id
        self.list.clear()
        self.meetings = ws.meetings.meetings(cycle_id) if cycle_id is not None else []
        for meeting in self.meetings:
            people = len(meeting.team_member_ids) + len(meeting.representative_ids)
            text = self.tr("%s: %s, %d people, %d decisions, %s") % (
                f"{meeting.held_on:%d %B %Y}",
                meeting.kind.label,
                people,
                len(meeting.decisions),
                hours_and_minutes(meeting.minutes),
            )
            self.list.addItem(QListWidgetItem(text))
        if self.meetings:
            self.list.setCurrentRow(0)
        has = bool(self.meetings)
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.new_button.setEnabled(cycle_id is not None)
        self.involvement.setText(self._involvement_text())

    def _involvement_text(self) -> str:
        ws = self.context.workspace
        if self.context.cycle_id is None:
            return ""
        summary = ws.involvement.summary(self.context.cycle_id)
        if not summary.representatives:
            return self.tr(
                "Nothing recorded yet. Record what each representative did on the Patient "
                "representatives screen (What they did…)."
            )
        lines = [
            self.tr("%d patient representatives took part:") % summary.representatives
            if summary.representatives != 1
            else self.tr("1 patient representative took part:")
        ]
        lines += [f"• {activity.label}: {count}" for activity, count in summary.by_activity.items()]
        if summary.minutes:
            lines.append(self.tr("Time given: %s") % hours_and_minutes(summary.minutes))
        if summary.expenses_pence:
            lines.append(self.tr("Expenses paid: £%.2f") % (summary.expenses_pence / 100))
        return "\n".join(lines)

    def _chosen(self) -> Meeting | None:
        row = self.list.currentRow()
        return self.meetings[row] if 0 <= row < len(self.meetings) else None

    def add_meeting(self) -> None:
        if self.context.cycle_id is not None:
            self._edit(new_meeting(self.context.cycle_id))

    def open_meeting(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self._edit(chosen)

    def _edit(self, meeting: Meeting) -> None:
        dialog = MeetingDialog(self.context, meeting, self)
        if dialog.exec() and dialog.saved is not None:
            show_status(self, self.tr("Meeting of %s saved.") % f"{dialog.saved.held_on:%d %B %Y}")

    def delete_meeting(self) -> None:
        chosen = self._chosen()
        if chosen is None or chosen.id is None:
            return
        question = self.tr(
            "Delete the record of the %s of %s? The goals keep the statuses it gave them."
        ) % (chosen.kind.label.lower(), f"{chosen.held_on:%d %B %Y}")
        if not confirm(self, self.tr("Delete meeting"), question, self.tr("Delete")):
            return
        try:
            self.context.workspace.meetings.delete_meeting(chosen.id)
        except PledgeError as error:
            show_problem(self, self.tr("Not deleted"), error)
