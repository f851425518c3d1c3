"""Patient interviews: the list and each interview's record and consent; the transcript and
its coding open in their own window. Themes and quotes are tabs beside it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.interviews import SETTINGS, STAGES, Interview
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.record_form import (
    CHECK,
    CHOICE,
    DATE,
    LINE,
    MULTI,
    OPTIONAL_DATE,
    FormField,
)
from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.table_model import Column
from pledge_desktop.ui.common.widgets import describe, page_title
from pledge_desktop.ui.interviews.list_layout import lay_out_list


class InterviewListPage(RecordListPage):
    topics = ("interviews", "team", "cycles")
    what = "interview"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lay_out_list(self, wrap=(2,), least=0)  # "with first name" may wrap
        self.transcript_button = QPushButton(self.tr("Open t&ranscript and coding…"))
        self.transcript_button.setObjectName("openTranscript")
        describe(
            self.transcript_button,
            self.tr("Open the chosen interview's transcript to type, import or code it."),
        )
        self.transcript_button.clicked.connect(self.open_transcript)
        self.extra_area.addWidget(self.transcript_button)
        self.table.activated.connect(lambda _index: self.open_transcript())

    def title(self) -> str:
        return self.tr("Interviews")

    def intro(self) -> str:
        return self.tr(
            "Each interview is known by a code such as P07, never by the patient's name or NHS "
            "number. Record what the consent covers: quotes can only be approved for the "
            "booklet when it covers them."
        )

    def can_edit(self) -> bool:
        return self.context.cycle_id is not None

    def fields(self) -> list[FormField]:
        return [
            FormField(
                "pseudonym", self.tr("&Pseudonym code"), LINE, self.tr("e.g. P07: never a name")
            ),
            FormField("interview_date", self.tr("Date"), DATE),
            FormField("interviewer_id", self.tr("Inter&viewer"), CHOICE, (("", "(not said)"),)),
            FormField(
                "setting", self.tr("Se&tting"), CHOICE, tuple((s, s.capitalize()) for s in SETTINGS)
            ),
            FormField(
                "stages",
                self.tr("Pathway stages"),
                MULTI,
                tuple((s, s.capitalize()) for s in STAGES),
            ),
            FormField("length_minutes", self.tr("&Length (minutes)"), LINE, self.tr("e.g. 40")),
            FormField("consent_date", self.tr("Consent given &on"), OPTIONAL_DATE),
            FormField(
                "consent_how", self.tr("Consent given ho&w"), LINE, self.tr("e.g. written form")
            ),
            FormField(
                "consent_recording",
                self.tr("Consent covers"),
                CHECK,
                hint=self.tr("Recording the interview"),
            ),
            FormField(
                "consent_quotes_anonymous",
                "",
                CHECK,
                hint=self.tr("Quotes in the booklet, anonymously"),
            ),
            FormField(
                "consent_quotes_first_name", "", CHECK, hint=self.tr("Quotes with a first name")
            ),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Code"), lambda i: i.pseudonym),
            Column(self.tr("Date"), lambda i: f"{i.interview_date:%d/%m/%Y}"),
            Column(self.tr("Quotes\nallowed"), _quotes_allowed),
            Column(
                self.tr("Transcript"),
                lambda i: self.tr("yes") if i.transcript.strip() else self.tr("not yet"),
            ),
        ]

    def load(self) -> list[Any]:
        assert self.context.cycle_id is not None
        team = self.context.workspace.setup.team(self.context.cycle_id)
        self.form.set_choices(
            "interviewer_id",
            (("", self.tr("(not said)")), *((str(m.id), m.name) for m in team)),
        )
        return self.context.workspace.interviews.interviews(self.context.cycle_id)

    def blank(self) -> dict[str, Any]:
        taken = {i.pseudonym for i in self.model.records()}
        number = 1
        while f"P{number:02d}" in taken:
            number += 1
        return {"pseudonym": f"P{number:02d}", "interview_date": date.today(), "setting": "clinic"}

    def _show(self, record: Any) -> None:
        super()._show(record)
        self.form.set_values(vars(record) | {"interviewer_id": str(record.interviewer_id or "")})

    def build(self, values: dict[str, Any], record_id: int | None) -> Interview:
        assert self.context.cycle_id is not None
        length = str(values.pop("length_minutes") or "").strip()
        if length and not length.isdigit():
            raise ValidationError({"length_minutes": self.tr("Give the length in whole minutes.")})
        interviewer = values.pop("interviewer_id")
        kept = self._current()
        return Interview(
            cycle_id=self.context.cycle_id,
            id=record_id,
            length_minutes=int(length) if length else None,
            interviewer_id=int(interviewer) if interviewer else None,
            transcript=kept.transcript if kept else "",
            **values,
        )

    def _current(self) -> Interview | None:
        row = self.model.row_of(self.current_id)
        return self.model.record(row) if row >= 0 else None

    def save(self, record: Interview) -> Interview:
        return self.context.workspace.interviews.save_interview(record)

    def delete(self, record: Interview) -> None:
        assert record.id is not None
        self.context.workspace.interviews.delete_interview(record.id)

    def describe(self, record: Any) -> str:
        return getattr(record, "pseudonym", "") or self.tr("a new interview")

    def open_transcript(self) -> None:
        from pledge_desktop.ui.interviews.transcript_dialog import TranscriptDialog

        interview = self._current()
        if interview is None or not self.leave_form():
            return
        dialog = TranscriptDialog(self.context, replace(interview), self)
        dialog.exec()
        self.refresh()


def _quotes_allowed(interview: Interview) -> str:
    if interview.consent_quotes_first_name:
        return "with first name"
    return "anonymously" if interview.consent_quotes_anonymous else "no"


class InterviewsPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from pledge_desktop.ui.interviews.quotes_page import QuotesPage
        from pledge_desktop.ui.interviews.themes_page import ThemesPage

        self.interviews = InterviewListPage(context)
        self.themes = ThemesPage(context)
        self.quotes = QuotesPage(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("interviewTabs")
        self.tabs.addTab(self.interviews, self.tr("&Interviews"))
        self.tabs.addTab(self.themes, self.tr("Th&emes"))
        self.tabs.addTab(self.quotes, self.tr("Q&uotes"))
        self.tabs.currentChanged.connect(lambda _index: self.focus_start())
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Patient interviews")))
        layout.addWidget(self.tabs, 1)

    def focus_start(self) -> None:
        page = self.tabs.currentWidget()
        start = getattr(page, "focus_start", None)
        if callable(start):
            start()

    def leave_form(self) -> bool:
        return all(p.leave_form() for p in (self.interviews, self.themes, self.quotes))
