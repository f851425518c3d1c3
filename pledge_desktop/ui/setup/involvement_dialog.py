"""What they did…: the involvement log of one patient representative, and a new line in it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.pledge_year import Activity, Involvement, hours_and_minutes
from pledge_desktop.domain.setup import PatientRepresentative
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.record_form import CHOICE, DATE, LINE, FormField, RecordForm
from pledge_desktop.ui.common.widgets import describe


def _number(text: str, field: str, message: str, scale: int = 1) -> int:
    cleaned = str(text).replace("£", "").replace(",", "").strip()
    if not cleaned:
        return 0
    try:
        return round(float(cleaned) * scale)
    except ValueError:
        raise ValidationError({field: message}) from None


class InvolvementDialog(QDialog):
    def __init__(
        self,
        context: ScreenContext,
        representative: PatientRepresentative,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("involvementDialog")
        self.setWindowTitle(self.tr("What %s did") % representative.name)
        self.resize(620, 560)
        self.context = context
        self.representative = representative
        self.added: list[Involvement] = []
        self.log = QListWidget()
        self.log.setObjectName("involvementLog")
        self.log.setAccessibleName(self.tr("What they did so far"))
        describe(self.log, self.tr("Their involvement in this cycle, newest first"))
        self.form = RecordForm(
            [
                FormField(
                    "activity",
                    self.tr("&What they did"),
                    CHOICE,
                    tuple((a.value, a.label) for a in Activity),
                ),
                FormField("on_date", self.tr("&Day"), DATE),
                FormField(
                    "description",
                    self.tr("D&etails"),
                    LINE,
                    hint=self.tr("Optional, unless something else"),
                ),
                FormField(
                    "minutes", self.tr("&Time given (minutes)"), LINE, hint=self.tr("e.g. 90")
                ),
                FormField(
                    "expenses_pence",
                    self.tr("E&xpenses paid (£)"),
                    LINE,
                    hint=self.tr("e.g. 12.50"),
                ),
            ]
        )
        self._blank()
        self.form.submitted.connect(self.add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(
            self.tr("&Add to the log"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.add_button.setObjectName("addInvolvement")
        self.add_button.clicked.connect(self.add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("So far this cycle:")))
        layout.addWidget(self.log, 1)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self._show_log()
        self.form.focus_first()

    def _blank(self) -> None:
        self.form.set_values({"activity": Activity.SURVEY_DESIGN.value, "on_date": date.today()})

    def _show_log(self) -> None:
        self.log.clear()
        for item in self.context.workspace.involvement.involvement(self.representative.cycle_id):
            if item.representative_id != self.representative.id:
                continue
            extra = [item.description] if item.description else []
            if item.minutes:
                extra.append(hours_and_minutes(item.minutes))
            if item.expenses_pence:
                extra.append(f"£{item.expenses_pence / 100:.2f}")
            self.log.addItem(
                f"{item.on_date:%d %B %Y}: {item.activity.label}"
                + (f" ({', '.join(extra)})" if extra else "")
            )
        if not self.log.count():
            self.log.addItem(self.tr("Nothing recorded yet."))

    def add(self) -> None:
        values = self.form.values()
        assert self.representative.id is not None

        def save() -> Involvement:
            item = Involvement(
                self.representative.cycle_id,
                self.representative.id or 0,
                values["on_date"],
                Activity(values["activity"]),
                values["description"],
                _number(values["minutes"], "minutes", "Give the time in whole minutes."),
                _number(
                    values["expenses_pence"], "expenses_pence", "Give the expenses in pounds.", 100
                ),
            )
            return self.context.workspace.involvement.save_involvement(item)

        saved = self.form.attempt(save, self.tr("Not added"))
        if saved is not None:
            self.added.append(saved)
            self._blank()
            self._show_log()
            self.form.focus_first()
