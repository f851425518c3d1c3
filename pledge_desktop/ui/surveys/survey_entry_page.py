"""Typing in returned paper forms, by keyboard alone, laid out like the paper.

The answer line at the bottom keeps the focus: a digit ticks a box, Enter moves on, F2 records
"left blank", F3 "unreadable", Up goes back, Ctrl+S saves, Esc puts the form aside (kept as a
draft). What is typed is saved as a draft within half a second, so a crash loses nothing.

In checking mode the same screen types a form in a second time, blind: nothing of the first
typing is shown, and saving compares the two (see ui/surveys/differences_dialog.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.entry_keys import BoxKeys, KeyOutcome
from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry, draft_to_json
from pledge_desktop.services.surveys.survey_entry import OpenedForm
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import describe, page_title
from pledge_desktop.ui.common.words import plural
from pledge_desktop.ui.surveys.batch_bar import BatchBar
from pledge_desktop.ui.surveys.entry_checking import EntryChecking
from pledge_desktop.ui.surveys.entry_saving import FormKeeping
from pledge_desktop.ui.surveys.entry_sheet import QuestionLabel, QuestionSheet
from pledge_desktop.ui.surveys.form_saver import FormSaver
from pledge_desktop.ui.surveys.typing_clock import TypingClock

DRAFT_DELAY_MS = 400
TYPING_SAVE_MS = 2000


class SurveyEntryPage(QuestionSheet, FormKeeping, EntryChecking, QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entry: FormEntry | None = None
        self.entry_cycle_id: int | None = None  # the cycle of the open form, kept if she switches
        self._as_opened = ""  # the form as opened: looking at a form and leaving makes no draft
        self.typing_clock = TypingClock()  # the time the pledge takes: typing in forms
        self.labels: dict[str, QuestionLabel] = {}
        self._shown_html: dict[str, str] = {}  # what each label shows now: redraw only changes
        self._highlighted: str | None = None
        self._sheet_for: object = None  # the questionnaire the sheet of labels was built for
        self.box_keys: BoxKeys | None = None  # what the keys of the current question's boxes do
        title = page_title(self.tr("Type in survey forms"))
        self.serial_input = QLineEdit()
        self.serial_input.setObjectName("serialInput")
        self.serial_input.setAccessibleName(self.tr("Form number"))
        self.serial_input.setPlaceholderText(self.tr("Type or scan it, then Enter"))
        self.serial_input.setMinimumWidth(220)
        self.serial_input.setMaximumWidth(260)
        self.serial_input.returnPressed.connect(self.open_typed_serial)
        serial_label = QLabel(self.tr("Form nu&mber:"))
        serial_label.setBuddy(self.serial_input)
        self.progress = QLabel()
        self.progress.setObjectName("entryProgress")
        # wraps, and never widens the window however many unfinished forms it lists
        self.progress.setWordWrap(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message = QLabel()
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-weight: bold;")
        # Fixed heights: a new message must not resize the form below it, since laying out
        # thirty word-wrapped questions again costs more than a screen frame.
        lines = self.message.fontMetrics().lineSpacing()
        self.message.setFixedHeight(lines * 2 + 6)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form_area.setWidget(QWidget())
        self.prompt = QLabel()
        self.prompt.setObjectName("entryPrompt")
        self.prompt.setFixedHeight(lines + 6)
        self.answer_input = QLineEdit()
        self.answer_input.setObjectName("answerInput")
        self.keys_description = self.tr(
            "A digit ticks a box (several boxes: top to bottom); + is 10 on a 0 to 10 scale; "
            "F2 left blank; F3 unreadable or more than one box; Enter moves on; Up goes back."
        )
        describe(self.answer_input, self.keys_description)
        self.answer_input.setAccessibleName(self.tr("Answer"))
        self.answer_input.installEventFilter(self)
        self.serial_input.installEventFilter(self)  # its keys count as typing time too
        keys = QLabel(
            self.tr(
                "Digit: tick (several: top to bottom) · +: 10 · Enter: next · F2: left blank · "
                "F3: unreadable or more than one box · Up: back · Ctrl+S: save · Esc: put aside"
            )
        )
        keys.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print blank forms…"))
        self.print_button.setObjectName("printForms")
        self.print_button.setToolTip(self.tr("Numbered forms for clinic, as a PDF (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_forms)
        print_key = QShortcut(QKeySequence.StandardKey.Print, self)
        print_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        print_key.activated.connect(self.print_forms)
        self.batches = BatchBar(context)
        self.batches.changed.connect(self.focus_start)
        self.checking = False
        self.check_box = QCheckBox(self.tr("Chec&king: type forms in again, blind"))
        self.check_box.setObjectName("checkingMode")
        self.check_box.setToolTip(
            self.tr(
                "Type a form a second time without seeing the first typing; the two are "
                "compared when you save (Ctrl+K)"
            )
        )
        self.check_box.toggled.connect(self.set_checking)
        check_key = QShortcut(QKeySequence("Ctrl+K"), self)
        check_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        check_key.activated.connect(self.check_box.toggle)
        self.check_banner = QLabel(
            self.tr(
                "CHECKING: you are typing forms in a second time. What was typed before is "
                "hidden; saving compares the two typings."
            )
        )
        self.check_banner.setObjectName("checkBanner")
        self.check_banner.setWordWrap(True)
        tint(self.check_banner, "checking")
        self.check_banner.hide()
        top = QHBoxLayout()
        top.addWidget(serial_label)
        top.addWidget(self.serial_input)
        top.addWidget(self.progress, 1)
        top.addWidget(self.check_box)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.check_banner)
        layout.addWidget(self.batches)
        layout.addWidget(self.message)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.prompt)
        layout.addWidget(self.answer_input)
        layout.addWidget(keys)
        # Between forms the sheet is hidden: this room below takes the height it leaves, so
        # the lines above keep their size rather than spreading down the screen.
        layout.addStretch(1)
        self.layout_below = layout.count() - 1
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        # While a written answer is typed without a pause the draft is still saved this often,
        # so a crash or power cut loses at most a few seconds of typing.
        self.typing_timer = QTimer(self)
        self.typing_timer.setSingleShot(True)
        self.typing_timer.setInterval(TYPING_SAVE_MS)
        self.typing_timer.timeout.connect(self.save_draft)
        self.answer_input.textEdited.connect(self._typed)
        self.saver = FormSaver(context.workspace.survey_entry, self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        context.hub.cycle_selected.connect(lambda _id: self.put_aside())
        context.hub.changed.connect(self._data_changed)
        self._show_waiting()

    # --- choosing a form ------------------------------------------------------------------
    def focus_start(self) -> None:
        (self.answer_input if self.entry else self.serial_input).setFocus()

    def _data_changed(self, topic: str) -> None:
        if topic in ("responses", "everything") and self.entry is None:
            self._show_waiting()

    def _show_waiting(self, note: str = "", recount: bool = True) -> None:
        """Ready for the next form's number. Counts are read again unless a save is under way
        (then they are read when it reports back, keeping the next form instant)."""
        self.entry = None
        # The sheet is hidden, not rebuilt, between forms: showing it again is cheap, while
        # repainting thirty questions would cost several screen frames after each save.
        self._show_sheet(False)
        self.answer_input.setEnabled(False)
        self.prompt.setText("")
        self.message.setText(note)
        self.serial_input.setEnabled(True)
        self.serial_input.selectAll()
        self.serial_input.setFocus()
        if recount:
            self._recount()

    def _show_sheet(self, shown: bool) -> None:
        self.form_area.setVisible(shown)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(self.layout_below, 0 if shown else 1)

    def _recount(self) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            self.progress.setText("")
            return
        workspace = self.context.workspace
        if self.checking:
            summary = workspace.verification.summary(cycle_id)
            drafts = workspace.verification.drafts(cycle_id)
            text = self.tr("%d of %d forms checked.") % (summary.verified, summary.typed)
            waiting = [s for s in summary.waiting if s not in drafts]
            if waiting:
                text += " " + self.tr("Picked to check: %s.") % ", ".join(
                    f"{s:05d}" for s in waiting[:12]
                )
        else:
            drafts = workspace.survey_entry.drafts(cycle_id)
            entered = workspace.survey_entry.count(cycle_id)
            text = self.tr("%s entered for this cycle.") % plural(entered, "form")
        if drafts:
            text += " " + self.tr("Unfinished: %s (type the number to carry on).") % ", ".join(
                f"{s:05d}" for s in drafts
            )
        self.progress.setText(text)
        self.batches.refresh()

    def open_typed_serial(self) -> None:
        typed = self.serial_input.text().strip().lstrip("0") or "0"
        if not typed.isdigit() or int(typed) < 1:
            self.message.setText(self.tr("⚠ A form number is the digits at the top of the form."))
            return
        self.open_form(int(typed))

    def open_form(self, serial: int) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        if (cycle_id, serial) in self.saver.pending:
            self.saver.finish()  # that very form is being saved: open what was saved
        kept = self.saver.kept(cycle_id, serial)
        workspace = self.context.workspace
        try:
            if self.checking:
                opened = workspace.verification.open_check(cycle_id, serial)
            elif kept is not None:
                opened = OpenedForm(kept, self.tr("This form could not be saved; try again."), True)
            else:
                opened = workspace.survey_entry.open_form(cycle_id, serial)
        except PledgeError as error:
            self.message.setText("⚠ " + str(error))
            return
        self.entry = opened.entry
        self.box_keys = BoxKeys(opened.entry)
        self.entry_cycle_id = self.context.cycle_id
        self.message.setText(("⚠ " + opened.warning) if opened.warning else "")
        if self._sheet_for != opened.entry.questionnaire:
            self._build_form()
        self._show_sheet(True)
        self.serial_input.setText(f"{serial:05d}")
        self.serial_input.setEnabled(False)
        self.answer_input.setEnabled(True)
        self.answer_input.setFocus()
        self._as_opened = draft_to_json(opened.entry)
        self._refresh()
        if opened.entry.typing:
            self.answer_input.setText(opened.entry.typing)
            self.answer_input.end(False)
        # the sheet is laid out only once shown: scroll to the nurse's place after that
        QTimer.singleShot(0, self._scroll_to_current)

    # --- keys -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (
            self.answer_input,
            self.serial_input,
        ):
            self.typing_clock.tick()
        if watched is self.answer_input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if (
            watched is self.answer_input
            and event.type() == QEvent.Type.FocusOut
            and self.entry is not None
            and self.draft_timer.isActive()
        ):
            self.save_draft()  # the focus left the answer line: keep what was typed
        return False

    def _key(self, event: QKeyEvent) -> bool:
        entry, keys = self.entry, self.box_keys
        if entry is None or keys is None:
            return False
        key, text = event.key(), event.text()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        current = entry.current
        boxes = current is not None and current.type.has_options
        if key == Qt.Key.Key_S and ctrl:
            keys.forget()
            self.save_form()
            return True
        if key == Qt.Key.Key_Escape:
            keys.forget()
            self.put_aside()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if current is None:
                self.save_form()
                return True
            if boxes:
                return self._outcome(keys.enter())
            return self._answered(entry.press_enter(self.answer_input.text()))
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
            keys.forget()
            entry.back()
        elif key == Qt.Key.Key_F2 or (text == "-" and boxes):
            keys.forget()
            entry.mark(AnswerState.LEFT_BLANK)
        elif key == Qt.Key.Key_F3 or (text == "*" and boxes):
            keys.forget()
            entry.mark(AnswerState.UNREADABLE)
        elif boxes and text.isdigit() and text.isascii():
            return self._outcome(keys.digit(int(text)))
        elif boxes and text == "+":
            return self._outcome(keys.ten())
        elif boxes and key == Qt.Key.Key_Backspace:
            return self._outcome(keys.backspace())
        elif boxes and text.strip():
            keys.forget()
            return self._answered(self.tr("Type the number beside the ticked box."))
        else:
            return False  # typing into a text, number or date answer
        return self._answered(None)

    def _outcome(self, outcome: KeyOutcome) -> bool:
        self._answered(outcome.problem)
        if outcome.carried:  # a digit that begins the next question's written answer
            self.answer_input.insert(outcome.carried)
        return True

    def _answered(self, problem: str | None) -> bool:
        self.message.setText(("⚠ " + problem) if problem else "")
        self._refresh()
        self.draft_timer.start()
        return True

    def print_forms(self) -> None:
        from pledge_desktop.ui.common.desktop import open_folder
        from pledge_desktop.ui.surveys.print_forms_dialog import PrintFormsDialog

        if self.context.cycle_id is None:
            return
        dialog = PrintFormsDialog(self.context, self.context.cycle_id, self)
        if dialog.exec() and dialog.written is not None:
            self.message.setText(self.tr("Forms saved in %s. Opening the folder…") % dialog.written)
            open_folder(dialog.written.parent)
        self.focus_start()
