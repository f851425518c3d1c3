"""Add time given to the pledge: an activity, a day and the minutes it took."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.pledge_year import TimeActivity, TimeEntry
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.record_form import CHOICE, DATE, LINE, FormField, RecordForm


def whole_number(text: str, field: str, message: str) -> int:
    """A number typed in a box, or the problem shown beside it."""
    try:
        return int(str(text).replace(",", "").strip())
    except ValueError:
        raise ValidationError({field: message}) from None


class AddTimeDialog(QDialog):
    def __init__(self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addTimeDialog")
        self.setWindowTitle(self.tr("Add time"))
        self.context = context
        self.cycle_id = cycle_id
        self.saved: TimeEntry | None = None
        typing = TimeActivity.TYPING_SURVEYS
        others = [(a.value, a.label) for a in TimeActivity if a is not typing]
        choices = (*others, (typing.value, typing.label))
        self.form = RecordForm(
            [
                FormField("activity", self.tr("&What"), CHOICE, choices),
                FormField("on_date", self.tr("&Day"), DATE),
                FormField("minutes", self.tr("&Minutes"), LINE, hint=self.tr("e.g. 45")),
                FormField("note", self.tr("&Note"), LINE, hint=self.tr("Optional")),
            ]
        )
        self.form.set_values({"on_date": date.today(), "activity": TimeActivity.OTHER.value})
        self.form.submitted.connect(self.accept)
        about = QLabel(
            self.tr(
                "Typing in surveys is measured by the entry screen, interviews by their length "
                "and meetings by their records: add anything else here."
            )
        )
        about.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Add time"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.focus_first()

    def accept(self) -> None:
        values = self.form.values()

        def save() -> TimeEntry:
            minutes = whole_number(
                values["minutes"], "minutes", "Give the time as a whole number of minutes."
            )
            entry = TimeEntry(
                self.cycle_id,
                TimeActivity(values["activity"]),
                values["on_date"],
                minutes,
                values["note"],
            )
            return self.context.workspace.time_spent.add_time(entry)

        saved = self.form.attempt(save, self.tr("Time not added"))
        if saved is not None:
            self.saved = saved
            super().accept()
