"""Sign off…: who signed the pledge off for publishing, with the trust's leaflet details."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from pledge_desktop.domain.pledge_year import SignOff, default_review_date
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.record_form import (
    CHECK,
    DATE,
    EDITABLE_CHOICE,
    LINE,
    OPTIONAL_DATE,
    FormField,
    RecordForm,
)

ROLES = (
    "Lead Cancer Nurse",
    "Clinical Director",
    "Director of Nursing",
    "Cancer Services Manager",
    "Patient Information Lead",
)


class SignOffDialog(QDialog):
    def __init__(self, context: ScreenContext, cycle_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signOffDialog")
        self.setWindowTitle(self.tr("Sign off the pledge"))
        self.resize(560, 420)
        self.context = context
        self.saved: SignOff | None = None
        today = date.today()
        self.current = context.workspace.sign_off.sign_off(cycle_id) or SignOff(
            cycle_id, "", "", today, review_date=default_review_date(today)
        )
        self.form = RecordForm(
            [
                FormField("signed_by", self.tr("Signed off &by"), LINE, hint=self.tr("Their name")),
                FormField(
                    "role",
                    self.tr("Their &role"),
                    EDITABLE_CHOICE,
                    tuple((r, r) for r in ROLES),
                    self.tr("Pick a role or type another"),
                ),
                FormField("signed_on", self.tr("&On"), DATE),
                FormField(
                    "leaflet_reference",
                    self.tr("&Leaflet reference"),
                    LINE,
                    hint=self.tr("The trust's patient information number, if it has one"),
                ),
                FormField(
                    "review_date",
                    self.tr("Re&view date"),
                    OPTIONAL_DATE,
                    hint=self.tr("When the trust reviews the leaflet; (none) if not set"),
                ),
                FormField(
                    "publish_consent",
                    self.tr("&Publishing"),
                    CHECK,
                    hint=self.tr("The team agrees to publish the pledge on the charity's website"),
                ),
            ]
        )
        self.form.set_values(vars(self.current))
        self.form.submitted.connect(self.accept)
        about = QLabel(
            self.tr(
                "A pledge is published only once it is signed off. The booklet prints the "
                "reference and dates given here."
            )
        )
        about.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Save sign-off"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.focus_first()

    def accept(self) -> None:
        record = replace(self.current, **self.form.values())
        saved = self.form.attempt(
            lambda: self.context.workspace.sign_off.save_sign_off(record),
            self.tr("Sign-off not saved"),
        )
        if saved is not None:
            self.saved = saved
            super().accept()
