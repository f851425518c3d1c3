"""Keeping what is typed on the entry screen: the draft saved as the nurse types (the written
answer being typed too, at least every few seconds), the form handed to the saver at the end,
a form put aside as a draft, and the minutes spent typing added to the cycle's time."""

from __future__ import annotations

from contextlib import suppress

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.survey_entry import draft_to_json
from pledge_desktop.ui.common.messages import show_problem


class FormKeeping:
    """Part of the screen that uses it; kept apart to keep each module small."""

    def _unchanged(self) -> bool:
        """Nothing was typed since the form was opened (looking at it makes no draft)."""
        return self.entry is not None and draft_to_json(self.entry) == self._as_opened

    def save_draft(self) -> None:
        self.draft_timer.stop()
        self.typing_timer.stop()
        if self._unchanged():
            return
        if self.entry is not None and self.entry_cycle_id is not None:
            workspace = self.context.workspace
            service = workspace.verification if self.checking else workspace.survey_entry
            try:
                service.save_draft(self.entry_cycle_id, self.entry)
            except PledgeError as error:
                self.message.setText("⚠ " + str(error))

    def save_form(self) -> bool:
        """Hand the form to the saver and show the next blank form at once."""
        entry = self.entry
        if entry is None or self.entry_cycle_id is None:
            return False
        self.draft_timer.stop()
        self.typing_timer.stop()
        if self.checking:
            return self._finish_check(self.entry_cycle_id, entry)
        self.saver.save(self.entry_cycle_id, entry, self.batches.current_id())
        self.serial_input.setText(f"{entry.serial + 1:05d}")
        self._show_waiting(self.tr("Saving form %05d…") % entry.serial, recount=False)
        return True

    def _saved(self, serial: int) -> None:
        self._recount()
        if self.entry is None:
            self.message.setText(
                self.tr("Form %05d saved. Next form: type or scan its number.") % serial
            )

    def _save_failed(self, serial: int, problem: str) -> None:
        show_problem(
            self,
            self.tr("Form not saved"),
            self.tr("Form %05d was not saved: %s It is kept: type its number to carry on.")
            % (serial, problem),
        )
        self._recount()

    def put_aside(self) -> None:
        """Leave the form without saving it as a response; what was typed stays as a draft."""
        if self.entry is not None:
            unchanged = self._unchanged()
            self.save_draft()
            serial = self.entry.serial
            self._show_waiting(
                self.tr("Form %05d left as it was.") % serial
                if unchanged
                else self.tr("Form %05d put aside, unfinished. Type its number to carry on.")
                % serial
            )
            self.serial_input.setText(f"{serial:05d}")
            self.serial_input.selectAll()

    def record_typing_time(self) -> None:
        """Add the minutes spent typing since last time to the cycle's time record."""
        cycle_id = self.context.cycle_id
        minutes = self.typing_clock.take_minutes()
        if cycle_id is None or minutes < 1:
            return
        # a read-only folder or a busy disk: the typing itself is what matters
        with suppress(PledgeError):
            self.context.workspace.time_spent.add_typing_session(cycle_id, minutes)

    def leave_form(self) -> bool:
        """Moving to another section keeps the typing as a draft: nothing is lost."""
        self.record_typing_time()
        self.saver.finish()
        if self.entry is not None:
            self.save_draft()
        return True

    def _typed(self, text: str) -> None:
        """A written answer is being typed: keep it for the draft."""
        if self.entry is None:
            return
        self.entry.typing = text
        self.draft_timer.start()
        if not self.typing_timer.isActive():
            self.typing_timer.start()
