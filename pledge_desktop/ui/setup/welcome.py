"""First run: a welcome that leads to setting up the hospital and first cycle, or the demo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pledge_desktop.domain.errors import PledgeError, ValidationError
from pledge_desktop.domain.setup import (
    TEAM_ROLES,
    FirstSetup,
    Hospital,
    PledgeCycle,
    TeamMember,
    validate_cycle,
    validate_hospital,
    validate_team_member,
)
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.record_form import DATE, EDITABLE_CHOICE, FormField, RecordForm
from pledge_desktop.ui.common.widgets import font_pt, page_title
from pledge_desktop.ui.setup.hospital_page import hospital_fields


class WelcomePage(QWidget):
    set_up_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = page_title(self.tr("Welcome to Pledge Desktop"), 22)
        text = QLabel(
            self.tr(
                "Pledge Desktop helps you run your hospital's Service Pledge for Breast Cancer: "
                "typing in patient surveys, recording interviews, agreeing goals and printing "
                "the Service Pledge booklet.\n\nTo begin, tell it about your hospital and your "
                "first pledge cycle. It takes about two minutes, and everything can be changed "
                "later. Or look around a demo hospital first: its data is fictional and kept "
                "apart from yours."
            )
        )
        text.setWordWrap(True)
        self.set_up_button = QPushButton(self.tr("&Set up my hospital"))
        self.set_up_button.setObjectName("setUpButton")
        self.set_up_button.setDefault(True)
        self.set_up_button.clicked.connect(self.set_up_requested)
        self.demo_button = QPushButton(self.tr("Look around the &demo first"))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.clicked.connect(self.demo_requested)
        text.setStyleSheet(f"font-size: {font_pt(13)};")
        for button in (self.set_up_button, self.demo_button):
            button.setMinimumHeight(44)
            button.setStyleSheet(f"font-size: {font_pt(13)}; padding: 6px 18px;")
        column = QWidget()
        column.setMaximumWidth(640)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        for widget in (title, text, self.set_up_button, self.demo_button):
            inner.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.addStretch()
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addStretch()


class _FormPage(QWizardPage):
    """A wizard page holding a RecordForm; Next is refused while the form has problems."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        fields: list[FormField],
        check: Callable[[dict[str, Any]], object],
        defaults: dict[str, Any],
    ) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = RecordForm(fields)
        self.form.set_values(defaults)
        self._check = check
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def initializePage(self) -> None:
        self.form.focus_first()

    def validatePage(self) -> bool:
        try:
            self._check(self.form.values())
        except ValidationError as problems:
            self.form.show_problems(problems.problems)
            return False
        self.form.clear_problems()
        return True


class FirstSetupWizard(QWizard):
    """Hospital → you, the Pledge Lead → the first cycle; saved together at the end."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("firstSetupWizard")
        self.setWindowTitle(self.tr("Set up your hospital"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.saved_cycle: PledgeCycle | None = None
        tr = self.tr
        self.hospital_page = _FormPage(
            tr("Your hospital"),
            tr("The hospital's name is needed; the rest can be added later."),
            hospital_fields(self),
            lambda v: validate_hospital(Hospital(**v)),
            {},
        )
        self.lead_page = _FormPage(
            tr("You, the Pledge Lead"),
            tr("The Pledge Lead co-ordinates the pledge. You can add the rest of the team later."),
            [
                FormField("name", tr("Your &name")),
                FormField(
                    "role",
                    tr("Your &role"),
                    EDITABLE_CHOICE,
                    tuple((r, r) for r in TEAM_ROLES),
                ),
                FormField("phone", tr("&Phone"), hint=tr("e.g. 01234 567890")),
                FormField("email", tr("&Email"), hint=tr("Optional")),
            ],
            lambda v: validate_team_member(TeamMember(cycle_id=0, **v)),
            {"role": TEAM_ROLES[1]},
        )
        today = date.today()
        self.cycle_page = _FormPage(
            tr("Your first pledge cycle"),
            tr("A cycle is usually a year: collecting views, agreeing goals, the booklet."),
            [
                FormField("label", tr("&Label"), hint=tr('Short, such as "2026"')),
                FormField("start_date", tr("&Starts"), DATE),
                FormField("end_date", tr("&Ends"), DATE),
            ],
            lambda v: validate_cycle(PledgeCycle(**v)),
            {
                "label": str(today.year),
                "start_date": today,
                "end_date": today.replace(year=today.year + 1) - timedelta(days=1),
            },
        )
        for page in (self.hospital_page, self.lead_page, self.cycle_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def accept(self) -> None:
        if not self.cycle_page.validatePage():
            return
        setup = FirstSetup(
            hospital=Hospital(**self.hospital_page.form.values()),
            lead=TeamMember(cycle_id=0, is_pledge_lead=True, **self.lead_page.form.values()),
            cycle=PledgeCycle(**self.cycle_page.form.values()),
        )
        try:
            self.saved_cycle = self.context.workspace.setup.complete_first_setup(setup)
        except ValidationError as problems:
            self.cycle_page.form.show_problems(problems.problems)
            return
        except PledgeError as error:
            show_problem(self, self.tr("Not saved"), error)
            return
        super().accept()
