"""The hospital: name, trust, ODS codes, and the unit's phone numbers and address."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.setup import Hospital
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import settle_unsaved, show_status
from pledge_desktop.ui.common.record_form import TEXT, FormField, RecordForm
from pledge_desktop.ui.common.widgets import describe, page_title


def hospital_fields(widget: QWidget) -> list[FormField]:
    tr = widget.tr
    return [
        FormField("name", tr("Hospital &name"), hint=tr("As patients know it")),
        FormField("trust_name", tr("NHS &trust")),
        FormField("trust_code", tr("Trust co&de"), hint=tr("ODS code, three characters, e.g. RXX")),
        FormField("site_code", tr("&Site code"), hint=tr("ODS code, five characters, e.g. RXX01")),
        FormField("unit_phone", tr("Breast unit &phone"), hint=tr("e.g. 01234 567890")),
        FormField("out_of_hours_phone", tr("&Out-of-hours phone"), hint=tr("For the booklet")),
        FormField("address", tr("&Address"), TEXT, hint=tr("The breast unit's address")),
    ]


class HospitalPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._hospital_id: int | None = None
        title = page_title(self.tr("Hospital"))
        intro = QLabel(
            self.tr(
                "Your hospital's details. The phone numbers and address are printed in the "
                "booklet; the codes identify your data when it is sent to the charity."
            )
        )
        intro.setWordWrap(True)
        self.form = RecordForm(hospital_fields(self))
        self.form.submitted.connect(self.save)
        self.form.edited.connect(self._update_buttons)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the hospital's details (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        describe(self.discard_button, self.tr("Put back what was saved (Esc)."))
        self.discard_button.clicked.connect(self.load)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addStretch()
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        context.hub.changed.connect(self._data_changed)
        self.load()

    def focus_start(self) -> None:
        self.form.focus_first()

    def _data_changed(self, topic: str) -> None:
        if topic in ("hospital", "everything") and not self.form.dirty:
            self.load()

    def load(self) -> None:
        hospital = self.context.workspace.setup.hospital()
        self._hospital_id = hospital.id if hospital else None
        self.form.set_values(dataclasses.asdict(hospital) if hospital else {})
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.form.dirty)
        self.discard_button.setEnabled(self.form.dirty)

    def save(self) -> bool:
        saved = self.form.attempt(
            lambda: self.context.workspace.setup.save_hospital(
                Hospital(id=self._hospital_id, **self.form.values())
            ),
            self.tr("Not saved"),
        )
        if saved is None:
            return False
        self.form.dirty = False
        self.load()
        show_status(self, self.tr("Saved the details of %s.") % saved.name)
        return True

    def leave_form(self) -> bool:
        what = self.tr("the hospital's details")
        return settle_unsaved(self, what, self.form.dirty, self.save, self.load)
