"""Pledge cycles: a new cycle can take the team and representatives of an earlier one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton

from pledge_desktop.domain.errors import PledgeError, ValidationError
from pledge_desktop.domain.setup import (
    CYCLE_STATUS_LABELS,
    HAND_OUT_METHODS,
    CycleStatus,
    PledgeCycle,
    PledgeType,
)
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.record_form import (
    CHOICE,
    DATE,
    LINE,
    OPTIONAL_DATE,
    TEXT,
    FormField,
)
from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.table_model import Column
from pledge_desktop.ui.common.widgets import describe
from pledge_desktop.ui.setup.sign_off_dialog import SignOffDialog

NUMBERS = ("forms_handed_out", "eligible_patients")


class CyclesPage(RecordListPage):
    topics = ("cycles",)
    what = "pledge cycle"

    def __init__(self, context: ScreenContext) -> None:
        self.copy_check = QCheckBox()
        self.copy_from = QComboBox()
        super().__init__(context)
        self.copy_check.setText(self.tr("Copy the team and patient representatives from"))
        self.copy_check.setObjectName("copyTeam")
        self.copy_from.setObjectName("copyFrom")
        self.copy_from.setAccessibleName(self.tr("Cycle to copy the team from"))
        row = QHBoxLayout()
        row.addWidget(self.copy_check)
        row.addWidget(self.copy_from, 1)
        self.extra_area.addLayout(row)
        self.questionnaire = QComboBox()
        self.questionnaire.setObjectName("cycleQuestionnaire")
        describe(
            self.questionnaire,
            self.tr(
                "The questionnaire this cycle's paper forms use; fixed once forms are typed in."
            ),
        )
        self.questionnaire.setAccessibleName(self.tr("Questionnaire this cycle's surveys use"))
        self.questionnaire.activated.connect(self._questionnaire_chosen)
        chosen = QHBoxLayout()
        label = QLabel(self.tr("&Questionnaire:"))
        label.setBuddy(self.questionnaire)
        chosen.addWidget(label)
        chosen.addWidget(self.questionnaire, 1)
        self.extra_area.addLayout(chosen)
        self.sign_off_state = QLabel()
        self.sign_off_state.setObjectName("signOffState")
        self.sign_off_state.setWordWrap(True)
        self.sign_off_button = QPushButton(self.tr("Sign off…"))
        self.sign_off_button.setObjectName("signOff")
        describe(
            self.sign_off_button,
            self.tr("Record who signed this pledge off; it can be published only then"),
        )
        self.sign_off_button.clicked.connect(self.sign_off)
        signed = QHBoxLayout()
        signed.addWidget(self.sign_off_state, 1)
        signed.addWidget(self.sign_off_button)
        self.extra_area.addLayout(signed)
        context.hub.changed.connect(lambda topic: topic == "sign_off" and self._show_sign_off())
        self._update_copy_choice()

    def title(self) -> str:
        return self.tr("Pledge cycles")

    def intro(self) -> str:
        return self.tr(
            "A cycle is a year or so of pledge work: collecting views, agreeing goals, "
            "publishing the booklet and reviewing progress."
        )

    def fields(self) -> list[FormField]:
        return [
            FormField("label", self.tr("&Label"), hint=self.tr('Short, such as "2026"')),
            FormField(
                "pledge_type",
                self.tr("&Pledge"),
                CHOICE,
                tuple((t.value, t.label) for t in PledgeType),
            ),
            FormField("start_date", self.tr("&Starts"), DATE),
            FormField("end_date", self.tr("&Ends"), DATE),
            FormField(
                "status",
                self.tr("S&tatus"),
                CHOICE,
                tuple((s.value, label) for s, label in CYCLE_STATUS_LABELS.items()),
            ),
            FormField(
                "fieldwork_start",
                self.tr("Forms given out fro&m"),
                OPTIONAL_DATE,
                hint=self.tr("The first day surveys were given out, or (none)"),
            ),
            FormField(
                "fieldwork_end",
                self.tr("Forms given out &until"),
                OPTIONAL_DATE,
                hint=self.tr("The last day surveys were given out, or (none)"),
            ),
            FormField(
                "forms_handed_out",
                self.tr("Forms given out (ho&w many)"),
                LINE,
                hint=self.tr("How many survey forms patients were given; blank if not known"),
            ),
            FormField(
                "eligible_patients",
                self.tr("Patients el&igible"),
                LINE,
                hint=self.tr("How many patients could have been given one; blank if not known"),
            ),
            FormField(
                "hand_out_method",
                self.tr("Given out b&y"),
                CHOICE,
                (("", self.tr("(not said)")), *HAND_OUT_METHODS.items()),
            ),
            FormField(
                "notes", self.tr("N&otes"), TEXT, hint=self.tr("Anything the team should remember")
            ),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Cycle"), lambda c: c.label),
            Column(self.tr("Pledge"), lambda c: c.pledge_type.short),
            Column(self.tr("Status"), lambda c: CycleStatus(c.status).label),
            Column(self.tr("Starts"), lambda c: f"{c.start_date:%d/%m/%Y}"),
            Column(self.tr("Ends"), lambda c: f"{c.end_date:%d/%m/%Y}"),
        ]

    def load(self) -> list[Any]:
        return self.context.workspace.cycles.cycles()

    def blank(self) -> dict[str, Any]:
        """A new cycle starts the day after the latest one ends and runs for a year."""
        cycles = self.model.records()
        start = max((c.end_date for c in cycles), default=date.today() - timedelta(days=1))
        start += timedelta(days=1)
        labels = {c.label for c in cycles}
        middle_year = str((start + timedelta(days=182)).year)  # a Dec-to-Dec cycle is next year's
        label = middle_year if middle_year not in labels else ""
        return {
            "label": label,
            "start_date": start,
            "end_date": start.replace(year=start.year + 1) - timedelta(days=1),
            "status": CycleStatus.PLANNING.value,
            "pledge_type": PledgeType.PRIMARY.value,
        }

    def build(self, values: dict[str, Any], record_id: int | None) -> PledgeCycle:
        for name in NUMBERS:
            text = str(values[name] or "").replace(",", "").strip()
            if not text:
                values[name] = None
            elif text.isdigit():
                values[name] = int(text)
            else:
                raise ValidationError({name: "Give a whole number, or leave it blank."})
        return PledgeCycle(id=record_id, **values)

    def save(self, record: PledgeCycle) -> PledgeCycle:
        copy_from = None
        if record.id is None and self.copy_check.isChecked() and self.copy_from.count():
            copy_from = self.copy_from.currentData()
        saved = self.context.workspace.cycles.save_cycle(record, copy_team_from=copy_from)
        if record.id is None:  # saved: the screens now show the new cycle, asking nothing
            self.form.dirty = False
            self.current_id = saved.id
            self.context.select_cycle(saved.id)
        return saved

    def delete(self, record: PledgeCycle) -> None:
        assert record.id is not None
        self.context.workspace.cycles.delete_cycle(record.id)

    def describe(self, record: Any) -> str:
        return self.tr("Cycle %s") % record.name

    def sign_off(self) -> None:
        if self.current_id is None or not self.leave_form():
            return
        SignOffDialog(self.context, self.current_id, self).exec()
        self._show_sign_off()

    def _show_sign_off(self) -> None:
        if not hasattr(self, "sign_off_button"):
            return
        self.sign_off_button.setEnabled(self.current_id is not None)
        if self.current_id is None:
            self.sign_off_state.setText(self.tr("Signed off: after the cycle is saved."))
            return
        signed = self.context.workspace.sign_off.sign_off(self.current_id)
        self.sign_off_state.setText(
            self.tr("Not signed off yet.")
            if signed is None
            else self.tr("Signed off by %s, %s, on %s.")
            % (signed.signed_by, signed.role, f"{signed.signed_on:%d %B %Y}")
        )

    def _show_new(self) -> None:
        super()._show_new()
        self._update_copy_choice()

    def _show(self, record: Any) -> None:
        super()._show(record)
        self._update_copy_choice()

    def _show_questionnaire(self) -> None:
        service = self.context.workspace.questionnaires
        self.questionnaire.clear()
        self.questionnaire.addItems(service.names())
        if self.current_id is None:
            self.questionnaire.setEnabled(False)
            self.questionnaire.setToolTip(self.tr("Chosen after the cycle is saved"))
            return
        self.questionnaire.setEnabled(True)
        self.questionnaire.setCurrentText(service.name_for_cycle(self.current_id) or "")

    def _questionnaire_chosen(self, _index: int) -> None:
        if self.current_id is None:
            return
        try:
            self.context.workspace.questionnaires.use_for_cycle(
                self.current_id, self.questionnaire.currentText()
            )
        except PledgeError as error:
            show_problem(self, self.tr("Questionnaire not changed"), error)
        else:
            self._status(self.tr("The cycle now uses %s.") % self.questionnaire.currentText())
        self._show_questionnaire()

    def _update_copy_choice(self) -> None:
        cycles = self.model.records()
        self.copy_from.clear()
        for cycle in cycles:
            self.copy_from.addItem(cycle.name, cycle.id)
        is_new = self.current_id is None and bool(cycles)
        self.copy_check.setVisible(is_new)
        self.copy_from.setVisible(is_new)
        self.copy_check.setChecked(is_new)
        if hasattr(self, "questionnaire"):
            self._show_questionnaire()
        self._show_sign_off()
