"""An interview's transcript and its coding.

Select words (Shift+arrows or the mouse), then Ctrl+1 … Ctrl+9 codes them into that theme of
the list, or Ctrl+E into the themes chosen in the list. Passages are shown in their theme's
colour. Ctrl+Z / Ctrl+Y undo and redo coding. The transcript is read-only until "Edit
transcript" is pressed, so that coded passages cannot be changed by a stray key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.interviews import Interview, Passage, Theme
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.identifiers_dialog import guarded
from pledge_desktop.ui.common.messages import settle_unsaved, show_problem, show_status
from pledge_desktop.ui.common.widgets import font_pt, sized
from pledge_desktop.ui.interviews.passage_colours import passage_format


def open_recording(path: Path) -> bool:
    """Open a recording in the system's own media player; False when the system could not."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CodeCommand(QUndoCommand):
    """Coding a passage into themes, already done when pushed; undo takes those themes off."""

    def __init__(self, dialog: TranscriptDialog, passage: Passage, added: tuple[int, ...]):
        super().__init__("coding")
        self.dialog = dialog
        self.passage = passage  # as saved: its id, and the themes it has now
        self.added = added
        self.first = True

    def redo(self) -> None:
        if self.first:  # done by the dialog before pushing, where problems can be shown
            self.first = False
            return
        coding = self.dialog.context.workspace.coding

        def again() -> None:
            self.passage = coding.code_passage(replace(self.passage, theme_ids=self.added))

        self.dialog.safely(again)

    def undo(self) -> None:
        coding = self.dialog.context.workspace.coding
        self.dialog.safely(lambda: coding.uncode(self.passage.id or 0, self.added))


class UncodeCommand(QUndoCommand):
    """Taking all themes off a passage, already done when pushed; undo codes it again."""

    def __init__(self, dialog: TranscriptDialog, passage: Passage) -> None:
        super().__init__("remove coding")
        self.dialog = dialog
        self.passage = passage
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        coding = self.dialog.context.workspace.coding
        self.dialog.safely(lambda: coding.uncode(self.passage.id or 0))

    def undo(self) -> None:
        coding = self.dialog.context.workspace.coding

        def again() -> None:
            self.passage = replace(coding.code_passage(self.passage), memo=self.passage.memo)

        self.dialog.safely(again)


class TranscriptDialog(QDialog):
    def __init__(self, context: ScreenContext, interview: Interview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("transcriptDialog")
        self.context = context
        self.interview = interview
        self.undo_stack = QUndoStack(self)
        self.themes: list[Theme] = []
        self.setWindowTitle(self.tr("%s: transcript and coding") % interview.pseudonym)
        sized(self, 1100, 660)
        self.text = QPlainTextEdit()
        self.text.setObjectName("transcript")
        self.text.setAccessibleName(self.tr("Transcript"))
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setPlainText(interview.transcript)
        self.text.setStyleSheet(f"font-size: {font_pt(12)};")
        self.edit_button = QPushButton(self.tr("&Edit transcript"))
        self.edit_button.setObjectName("editTranscript")
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self.set_editing)
        import_button = QPushButton(self.tr("&Import .txt or .docx…"))
        import_button.setObjectName("importTranscript")
        import_button.clicked.connect(self.import_file)
        audio_button = QPushButton(self.tr("Attach &recording…"))
        audio_button.clicked.connect(self.attach_audio)
        play_button = QPushButton(self.tr("&Play recording"))
        play_button.setObjectName("playRecording")
        play_button.clicked.connect(self.play)
        top = QHBoxLayout()
        for button in (self.edit_button, import_button, audio_button, play_button):
            top.addWidget(button)
        top.addStretch()
        self.audio_note = QLabel()
        self.audio_note.setObjectName("audioNote")
        top.addWidget(self.audio_note)
        # --- themes and passages
        self.theme_list = QListWidget()
        self.theme_list.setObjectName("codingThemes")
        self.theme_list.setAccessibleName(self.tr("Themes to code into"))
        self.theme_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        code_button = QPushButton(self.tr("&Code selection (Ctrl+E)"))
        code_button.setObjectName("codeSelection")
        code_button.clicked.connect(self.code_with_chosen)
        self.passage_list = QListWidget()
        self.passage_list.setObjectName("passages")
        self.passage_list.setAccessibleName(self.tr("Coded passages"))
        self.passage_list.setWordWrap(True)
        self.passage_list.itemActivated.connect(lambda _item: self.go_to_passage())
        memo_button = QPushButton(self.tr("&Memo…"))
        memo_button.clicked.connect(self.edit_memo)
        uncode_button = QPushButton(self.tr("Remove codin&g"))
        uncode_button.clicked.connect(self.uncode_chosen)
        quote_button = QPushButton(self.tr("Make a &quote"))
        quote_button.setObjectName("makeQuote")
        quote_button.clicked.connect(self.make_quote)
        passage_buttons = QHBoxLayout()
        for button in (memo_button, uncode_button, quote_button):
            passage_buttons.addWidget(button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("Themes (Ctrl+1 … Ctrl+9 codes the selection):")))
        side_layout.addWidget(self.theme_list, 2)
        side_layout.addWidget(code_button)
        side_layout.addWidget(QLabel(self.tr("Coded passages:")))
        side_layout.addWidget(self.passage_list, 3)
        side_layout.addLayout(passage_buttons)
        split = QSplitter()
        split.addWidget(self.text)
        split.addWidget(side)
        split.setSizes([700, 380])
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close_dialog)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Ctrl+Z undoes coding, Ctrl+Y redoes it.")))
        bottom.addStretch()
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._shortcuts()
        self.show_themes()
        self.show_passages()
        self._show_audio()
        self.text.setFocus()

    def _shortcuts(self) -> None:
        pairs = [
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            (QKeySequence("Ctrl+E"), self.code_with_chosen),
        ]
        pairs += [
            (QKeySequence(f"Ctrl+{n}"), lambda n=n: self.code_with_theme(n - 1))
            for n in range(1, 10)
        ]
        for keys, slot in pairs:
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)

    def safely(self, action: Callable[[], object]) -> None:
        """Run an undo or redo step; a refusal is shown (Qt would otherwise swallow it)."""
        try:
            action()
        except PledgeError as error:
            show_problem(self, self.tr("Not done"), error)
        self.show_passages()

    # --- showing ------------------------------------------------------------------------------
    def show_themes(self) -> None:
        self.themes = self.context.workspace.coding.themes()
        self.theme_list.clear()
        for number, theme in enumerate(self.themes, start=1):
            indent = "    " if theme.parent_id else ""
            key = f"Ctrl+{number}  " if number <= 9 else ""
            item = QListWidgetItem(f"{indent}{key}{theme.name}")
            item.setIcon(self._swatch(theme))
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            self.theme_list.addItem(item)

    def _swatch(self, theme: Theme) -> QIcon:
        """The theme's colour, as its passages are underlined in dark mode and highlighted in
        light mode."""
        swatch = QPixmap(14, 14)
        swatch.fill(QColor(theme.colour))
        return QIcon(swatch)

    def show_passages(self) -> None:
        """The passage list, and the passages highlighted in the transcript."""
        coding = self.context.workspace.coding
        names = {t.id: t for t in self.themes}
        chosen = self._chosen_passage()
        self.passage_list.clear()
        highlights = []
        for passage in coding.passages(self.interview.id or 0):
            themes = [names[t] for t in passage.theme_ids if t in names]
            label = ", ".join(t.name for t in themes)
            words = passage.text if len(passage.text) < 90 else passage.text[:87] + "…"
            memo = f"\n    memo: {passage.memo}" if passage.memo else ""
            item = QListWidgetItem(f"“{words}” — {label}{memo}")
            item.setData(Qt.ItemDataRole.UserRole, passage)
            self.passage_list.addItem(item)
            if chosen is not None and passage.id == chosen.id:
                self.passage_list.setCurrentItem(item)
            highlight = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(passage.start)
            cursor.setPosition(passage.end, QTextCursor.MoveMode.KeepAnchor)
            highlight.cursor = cursor  # type: ignore[attr-defined]
            fmt = passage_format(themes[0].colour if themes else None, self.text.palette())
            fmt.setToolTip(label)
            highlight.format = fmt  # type: ignore[attr-defined]
            highlights.append(highlight)
        self.text.setExtraSelections(highlights)

    def _chosen_passage(self) -> Passage | None:
        item = self.passage_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_audio(self) -> None:
        self.audio_note.setText(
            self.tr("Recording attached") if self.interview.audio_file else self.tr("No recording")
        )

    # --- coding -------------------------------------------------------------------------------
    def _selection(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            show_status(self.parentWidget() or self, self.tr("Select some words first."))
            return None
        if self.edit_button.isChecked():
            show_problem(
                self,
                self.tr("Save the transcript first"),
                self.tr("Finish editing (press Edit transcript again to save) before coding."),
            )
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def code_with_theme(self, index: int) -> None:
        if 0 <= index < len(self.themes):
            self._code((self.themes[index].id or 0,))

    def code_with_chosen(self) -> None:
        chosen = tuple(
            item.data(Qt.ItemDataRole.UserRole) for item in self.theme_list.selectedItems()
        )
        if not chosen:
            show_problem(self, self.tr("No theme chosen"), self.tr("Choose a theme in the list."))
            return
        self._code(chosen)

    def _code(self, theme_ids: tuple[int, ...]) -> None:
        span = self._selection()
        if span is None:
            return
        start, end = span
        words = self.text.toPlainText()[start:end]
        passage = Passage(self.interview.id or 0, start, end, words, theme_ids)
        coding = self.context.workspace.coding
        before = {p.id: set(p.theme_ids) for p in coding.passages(passage.interview_id)}
        try:
            saved = coding.code_passage(passage)
        except PledgeError as error:
            show_problem(self, self.tr("Not coded"), error)
            return
        added = tuple(sorted(set(saved.theme_ids) - before.get(saved.id, set())))
        if added:
            self.undo_stack.push(CodeCommand(self, saved, added))
        self.show_passages()

    def uncode_chosen(self) -> None:
        passage = self._chosen_passage()
        if passage is None:
            return
        try:
            self.context.workspace.coding.uncode(passage.id or 0)
        except PledgeError as error:
            show_problem(self, self.tr("Coding not removed"), error)
            return
        self.undo_stack.push(UncodeCommand(self, passage))
        self.show_passages()

    def edit_memo(self) -> None:
        passage = self._chosen_passage()
        if passage is None or passage.id is None:
            return
        memo, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Memo"),
            self.tr("Your note on this passage (it never leaves):"),
            passage.memo,
        )
        if ok:
            self.context.workspace.coding.set_memo(passage.id, memo)
            self.show_passages()

    def go_to_passage(self) -> None:
        passage = self._chosen_passage()
        if passage is None:
            return
        cursor = self.text.textCursor()
        cursor.setPosition(passage.start)
        cursor.setPosition(passage.end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def make_quote(self) -> None:
        passage = self._chosen_passage()
        if passage is None or passage.id is None:
            return
        try:
            self.context.workspace.coding.promote(passage.id)
        except PledgeError as error:
            show_problem(self, self.tr("No quote made"), error)
            return
        show_status(
            self.parentWidget() or self,
            self.tr("Quote made: edit its wording and approve it on the Quotes tab."),
        )

    # --- the transcript itself ----------------------------------------------------------------
    def set_editing(self, on: bool) -> None:
        if on:
            self.text.setReadOnly(False)
            self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
            self.edit_button.setText(self.tr("Save &edits"))
            self.text.setFocus()
            return
        if not self.save_transcript():
            self.edit_button.blockSignals(True)
            self.edit_button.setChecked(True)
            self.edit_button.blockSignals(False)
            return
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.edit_button.setText(self.tr("&Edit transcript"))

    @property
    def dirty(self) -> bool:
        return self.text.toPlainText() != self.interview.transcript

    def save_transcript(self) -> bool:
        if not self.dirty:
            return True
        interviews = self.context.workspace.interviews
        text = self.text.toPlainText()
        checked = guarded(self, text, interviews.identifiers_in(self.interview.cycle_id, text))
        if checked is None:
            return False
        try:
            interviews.save_transcript(self.interview.id or 0, checked)
        except PledgeError as error:
            show_problem(self, self.tr("Transcript not saved"), error)
            return False
        self.interview = interviews.interview(self.interview.id or 0)
        if checked != text:
            self.text.setPlainText(checked)
        self.show_passages()
        return True

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Notes or transcript"), "", self.tr("Text or Word (*.txt *.docx)")
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        interviews = self.context.workspace.interviews
        try:
            text = interviews.import_transcript(self.interview.id or 0, path)
        except PledgeError as error:
            show_problem(self, self.tr("Not imported"), error)
            return
        self.interview = interviews.interview(self.interview.id or 0)
        self.text.setPlainText(text)
        findings = interviews.identifiers_in(self.interview.cycle_id, text)
        if findings:
            checked = guarded(self, text, findings)
            if checked is not None and checked != text:
                self.text.setPlainText(checked)
                self.save_transcript()
        self.show_passages()

    def attach_audio(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Recording"), "", self.tr("Audio (*.mp3 *.m4a *.wav *.ogg *.wma *.aac)")
        )
        if not path:
            return
        try:
            self.interview = self.context.workspace.interviews.attach_audio(
                self.interview.id or 0, Path(path)
            )
        except PledgeError as error:
            show_problem(self, self.tr("Recording not attached"), error)
            return
        self._show_audio()

    def play(self) -> None:
        """Hand the recording to the computer's own media player; if there is none, say where
        the recording is."""
        try:
            path = self.context.workspace.interviews.audio_path(self.interview)
        except PledgeError as error:
            show_problem(self, self.tr("Cannot play"), error)
            return
        if path is None:
            show_problem(self, self.tr("No recording"), self.tr("No recording is attached."))
            return
        if not open_recording(path):
            show_problem(
                self,
                self.tr("Cannot play here"),
                self.tr(
                    "This computer has no program set to play this recording. It is kept "
                    "safely at %s: open it with your usual media player."
                )
                % path,
            )

    def changeEvent(self, event: QEvent) -> None:
        """Dark mode switched on or off: the coded passages take the new palette."""
        palette_events = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_events and hasattr(self, "passage_list"):
            self.show_passages()
        super().changeEvent(event)

    def close_dialog(self) -> None:
        if settle_unsaved(
            self, self.tr("the transcript"), self.dirty, self.save_transcript, lambda: None
        ):
            self.accept()

    def reject(self) -> None:  # Esc
        self.close_dialog()
