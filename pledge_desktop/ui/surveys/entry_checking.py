"""Checking mode of the entry screen: a form typed in a second time, blind, then compared."""

from __future__ import annotations

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.survey_entry import FormEntry
from pledge_desktop.ui.common.messages import show_problem
from pledge_desktop.ui.common.words import plural


class EntryChecking:
    """Part of the screen that uses it; kept apart to keep each module small."""

    def set_checking(self, on: bool) -> None:
        """Switch between typing in and checking; a form open in the other mode is put aside."""
        if on == self.checking:
            return
        self.put_aside()
        self.saver.finish()
        self.checking = on
        self.check_box.blockSignals(True)
        self.check_box.setChecked(on)
        self.check_box.blockSignals(False)
        self.check_banner.setVisible(on)
        self.batches.setVisible(not on)
        self._show_waiting(
            self.tr("Checking: type the number of a form to type it in again.") if on else ""
        )

    def start_check(self, serial: int) -> None:
        self.set_checking(True)
        self.open_form(serial)

    def _finish_check(self, cycle_id: int, entry: FormEntry) -> bool:
        from pledge_desktop.ui.surveys.differences_dialog import DifferencesDialog

        self.save_draft()  # the second typing is safe while the nurse compares
        verification = self.context.workspace.verification
        try:
            found = verification.compare(cycle_id, entry)
            first_right: set[str] = set()
            if found:
                dialog = DifferencesDialog(entry.serial, found, self)
                if not dialog.exec():
                    self.answer_input.setFocus()
                    return False
                first_right = dialog.first_right()
            outcome = verification.finish_check(cycle_id, entry, first_right)
        except PledgeError as error:
            show_problem(self, self.tr("Check not recorded"), error)
            return False
        waiting = [s for s in verification.summary(cycle_id).waiting if s != entry.serial]
        self.serial_input.setText(f"{waiting[0] if waiting else entry.serial + 1:05d}")
        if outcome.differences:
            note = self.tr("Form %05d verified: %s; the first typing was wrong in %d.") % (
                entry.serial,
                plural(outcome.differences, "answer differed", "answers differed"),
                outcome.errors,
            )
        else:
            note = self.tr("Form %05d verified: both typings agree.") % entry.serial
        self._show_waiting(note)
        return True
