"""The export wizard's page of everything the identifier check found, in every table that would
leave (ui/common/findings_review.py does the deciding). Nothing is sent until each is decided."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWizardPage

from pledge_desktop.domain.privacy import GateFinding
from pledge_desktop.ui.common.findings_review import FindingsReview

if TYPE_CHECKING:
    from pledge_desktop.ui.exchange.export_wizard import ExportWizard


class FindingsPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Anything that could identify someone"))
        self.setSubTitle(
            self.tr(
                "Every word that would leave was checked: goals, standards, quotes, theme "
                "names, the hospital's name and the written answers you ticked. Press R to "
                "remove a finding (it is sent as [removed]) or N if it is not an identifier."
            )
        )
        self.review = FindingsReview(wizard.context.workspace.export.not_an_identifier)
        self.review.decided.connect(self.completeChanged.emit)
        QVBoxLayout(self).addWidget(self.review)

    @property
    def findings(self) -> list[GateFinding]:
        return self.review.findings

    @property
    def list(self) -> QListWidget:
        return self.review.list

    def initializePage(self) -> None:
        self.review.show_findings(self.w.plan_findings())

    def remove_current(self) -> None:
        self.review.remove_current()

    def remove_all_left(self) -> None:
        self.review.remove_all_left()

    def not_an_identifier(self) -> None:
        self.review.not_an_identifier()

    def isComplete(self) -> bool:
        return self.review.all_decided()

    def removed(self) -> set[str]:
        return set(self.review.removed())
