"""Quotes chosen from interviews: the wording as it will be printed, how it is attributed, and
approval for the booklet, which the interview's consent must cover."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from pledge_desktop.domain.errors import PledgeError, ValidationError
from pledge_desktop.domain.interviews import Attribution, Quote
from pledge_desktop.ui.common.identifier_warning import warn_in_form
from pledge_desktop.ui.common.identifiers_dialog import guarded
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.record_form import CHOICE, LINE, TEXT, FormField
from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.table_model import Column
from pledge_desktop.ui.common.widgets import describe
from pledge_desktop.ui.interviews.list_layout import lay_out_list


class QuotesPage(RecordListPage):
    topics = ("quotes", "themes", "interviews", "cycles")
    what = "quote"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lay_out_list(self, wrap=(1, 3))  # the words and any reason wrap
        self.new_button.hide()  # quotes are made from coded passages
        self.spoken = QLabel()
        self.spoken.setObjectName("spokenWords")
        self.spoken.setWordWrap(True)
        self.approval = QLabel()
        self.approval.setObjectName("approvalNote")
        self.approval.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Appro&ve for the booklet"))
        self.approve_button.setObjectName("approveQuote")
        describe(
            self.approve_button,
            self.tr(
                "Approve the quote for the booklet; refused, with the reason, if consent does not"
                " cover it."
            ),
        )
        self.approve_button.clicked.connect(lambda: self.set_approved(True))
        self.withdraw_button = QPushButton(self.tr("&Withdraw approval"))
        describe(self.withdraw_button, self.tr("Take the quote out of the booklet."))
        self.withdraw_button.clicked.connect(lambda: self.set_approved(False))
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.withdraw_button)
        row.addStretch()
        self.extra_area.addWidget(self.spoken)
        self.extra_area.addWidget(self.approval)
        self.extra_area.addLayout(row)
        self.warnings = warn_in_form(
            self.form,
            ("wording", "attributed_to"),
            lambda words: self.context.workspace.setup.identifiers_in(words, self.context.cycle_id),
        )
        self.refresh(keep_form=False)

    def title(self) -> str:
        return self.tr("Quotes")

    def intro(self) -> str:
        return self.tr(
            "Quotes are made from coded passages (Make a quote, in an interview's transcript). "
            "Edit the words as they will be printed: trim with […] and take out anything that "
            "could identify someone. Changed words need approving again."
        )

    def can_edit(self) -> bool:
        return self.context.cycle_id is not None

    def fields(self) -> list[FormField]:
        return [
            FormField("wording", self.tr("Words as &printed"), TEXT),
            FormField(
                "attribution",
                self.tr("Attri&bution"),
                CHOICE,
                tuple((a.value, a.label) for a in Attribution),
            ),
            FormField(
                "attributed_to", self.tr("Attributed &to"), LINE, self.tr("e.g. Patient, 2026")
            ),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Interview"), lambda v: v.pseudonym),
            Column(self.tr("Quote"), lambda v: v.quote.wording),
            Column(self.tr("Attributed to"), lambda v: v.quote.attributed_to),
            Column(self.tr("In the booklet"), _approval_words),
        ]

    def load(self) -> list[Any]:
        assert self.context.cycle_id is not None
        return [_Row(view) for view in self.context.workspace.coding.quotes(self.context.cycle_id)]

    def _show(self, record: Any) -> None:
        if not hasattr(self, "withdraw_button"):
            return  # still being built: refreshed at the end of __init__
        self.current_id = record.id
        quote = record.quote
        self.form.set_values(
            {
                "wording": quote.wording,
                "attribution": quote.attribution.value,
                "attributed_to": quote.attributed_to,
            }
        )
        self.heading.setText(self.tr("Quote from %s") % record.pseudonym)
        self.spoken.setText(self.tr("As spoken: “%s”") % record.passage)
        self.approval.setText(_approval_words(record))
        self.approve_button.setEnabled(not quote.approved)
        self.withdraw_button.setEnabled(quote.approved)
        self._update_buttons()

    def build(self, values: dict[str, Any], record_id: int | None) -> Quote:
        row = self.model.record(self.model.row_of(record_id))
        wording = guarded(
            self,
            values["wording"],
            self.context.workspace.interviews.identifiers_in(
                self.context.cycle_id or 0, values["wording"]
            ),
        )
        if wording is None:
            raise ValidationError({"wording": self.tr("Not saved: check the words first.")})
        return replace(
            row.quote,
            wording=wording,
            attribution=Attribution(values["attribution"]),
            attributed_to=values["attributed_to"],
        )

    def save(self, record: Quote) -> Quote:
        return self.context.workspace.coding.save_quote(record)

    def delete(self, record: Any) -> None:
        self.context.workspace.coding.delete_quote(record.id)

    def describe(self, record: Any) -> str:
        return self.tr("this quote")

    def set_approved(self, approved: bool) -> None:
        if self.current_id is None or not self.leave_form():
            return
        try:
            self.context.workspace.coding.set_approved(self.current_id, approved)
        except ValidationError as problems:
            show_problem(self, self.tr("Not approved"), " ".join(problems.problems.values()))
            return
        except PledgeError as error:
            show_problem(self, self.tr("Not approved"), error)
            return
        self._status(
            self.tr("Approved for the booklet.") if approved else self.tr("Approval withdrawn.")
        )


class _Row:
    """A quote as the table lists it (the table needs an id)."""

    def __init__(self, view: Any) -> None:
        self.view = view
        self.id = view.quote.id
        self.quote = view.quote
        self.pseudonym = view.pseudonym
        self.passage = view.passage
        self.refused_because = view.refused_because


def _approval_words(row: Any) -> str:
    if row.quote.approved:
        return "Approved"
    if row.refused_because:
        return "Not allowed: " + row.refused_because
    return "Not yet approved"
