"""The breast care team and the patient representatives of the chosen pledge cycle."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from pledge_desktop.domain.setup import TEAM_ROLES, PatientRepresentative, TeamMember
from pledge_desktop.ui.common.record_form import CHECK, EDITABLE_CHOICE, FormField
from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.table_model import Column
from pledge_desktop.ui.common.tables import keep_columns_whole
from pledge_desktop.ui.common.widgets import describe
from pledge_desktop.ui.setup.involvement_dialog import InvolvementDialog


class _CyclePage(RecordListPage):
    def can_edit(self) -> bool:
        return self.context.cycle_id is not None


class TeamPage(_CyclePage):
    topics = ("team", "cycles")
    what = "team member"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_columns_whole(self.table, wrap=(1,))  # a long role wraps; names and phones whole

    def title(self) -> str:
        return self.tr("Breast care team")

    def intro(self) -> str:
        return self.tr(
            "The people patients can reach, as printed in the booklet. One of them is the "
            "Pledge Lead, who co-ordinates the pledge. The team belongs to the cycle chosen at "
            "the top of the window."
        )

    def fields(self) -> list[FormField]:
        return [
            FormField("name", self.tr("Na&me"), hint=self.tr("As patients will see it")),
            FormField(
                "role",
                self.tr("&Role"),
                EDITABLE_CHOICE,
                tuple((role, role) for role in TEAM_ROLES),
                self.tr("Pick a role or type another"),
            ),
            FormField("phone", self.tr("&Phone"), hint=self.tr("e.g. 01234 567890")),
            FormField("email", self.tr("&Email"), hint=self.tr("Optional")),
            FormField(
                "is_pledge_lead",
                self.tr("Pledge &Lead"),
                CHECK,
                hint=self.tr("This person is the Pledge Lead"),
            ),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Name"), lambda m: m.name + (" (Pledge Lead)" if m.is_pledge_lead else "")
            ),
            Column(self.tr("Role"), lambda m: m.role),
            Column(self.tr("Phone"), lambda m: m.phone),
        ]

    def load(self) -> list[Any]:
        assert self.context.cycle_id is not None
        return self.context.workspace.setup.team(self.context.cycle_id)

    def blank(self) -> dict[str, Any]:
        return {"role": TEAM_ROLES[0]}

    def build(self, values: dict[str, Any], record_id: int | None) -> TeamMember:
        assert self.context.cycle_id is not None
        return TeamMember(cycle_id=self.context.cycle_id, id=record_id, **values)

    def save(self, record: TeamMember) -> TeamMember:
        return self.context.workspace.setup.save_team_member(record)

    def delete(self, record: TeamMember) -> None:
        assert record.id is not None
        self.context.workspace.setup.delete_team_member(record.id)


class RepresentativesPage(_CyclePage):
    topics = ("representatives", "cycles", "involvement")
    what = "patient representative"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.involvement_button = QPushButton(self.tr("&What they did…"))
        self.involvement_button.setObjectName("whatTheyDid")
        describe(
            self.involvement_button,
            self.tr("The chosen representative's involvement log: add what they did"),
        )
        self.involvement_button.clicked.connect(self.show_involvement)
        row = QHBoxLayout()
        row.addWidget(self.involvement_button)
        row.addStretch()
        self.extra_area.addLayout(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "involvement_button"):
            self.involvement_button.setEnabled(self.current_id is not None and not self.form.dirty)

    def show_involvement(self) -> None:
        row = self.model.row_of(self.current_id)
        if row >= 0:
            InvolvementDialog(self.context, self.model.record(row), self).exec()

    def title(self) -> str:
        return self.tr("Patient representatives")

    def intro(self) -> str:
        return self.tr(
            "Patients and carers who help shape the pledge. Name them in the booklet only if "
            "they have agreed to it."
        )

    def fields(self) -> list[FormField]:
        return [
            FormField("name", self.tr("Na&me"), hint=self.tr("Or initials, if they prefer")),
            FormField(
                "contact", self.tr("How to con&tact"), hint=self.tr("Phone, post, via the unit…")
            ),
            FormField(
                "consent_to_be_named",
                self.tr("Consent"),
                CHECK,
                hint=self.tr("Has agreed to be named in the booklet"),
            ),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("How to contact"), lambda r: r.contact),
            Column(
                self.tr("May be named"),
                lambda r: self.tr("Yes") if r.consent_to_be_named else self.tr("No"),
            ),
        ]

    def load(self) -> list[Any]:
        assert self.context.cycle_id is not None
        return self.context.workspace.setup.representatives(self.context.cycle_id)

    def build(self, values: dict[str, Any], record_id: int | None) -> PatientRepresentative:
        assert self.context.cycle_id is not None
        return PatientRepresentative(cycle_id=self.context.cycle_id, id=record_id, **values)

    def save(self, record: PatientRepresentative) -> PatientRepresentative:
        return self.context.workspace.setup.save_representative(record)

    def delete(self, record: PatientRepresentative) -> None:
        assert record.id is not None
        self.context.workspace.setup.delete_representative(record.id)
