"""A warning under a field whose words may leave the hospital (a goal, a standard of care, a
quote, a theme's name): as the nurse types, what in them could identify someone is named, with
the identifier masked ("This may identify someone: name “J*** S****”"), so it is put right
where it is written rather than found at export. Nothing is shown while nothing is found."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.identifiers import Finding
from pledge_desktop.ui.common.record_form import RecordForm
from pledge_desktop.ui.common.theme import tint

PAUSE_MS = 300  # the check runs this long after the last key press
SHOWN = 4  # findings named in full; the rest are counted

Check = Callable[[str], list[Finding]]


def warning_text(findings: Iterable[Finding]) -> str:
    """The warning's words: "This may identify someone: name “J*** S****”, …"."""
    found = list(findings)
    if not found:
        return ""
    named = [f"{f.kind} “{f.masked}”" for f in found[:SHOWN]]
    more = len(found) - SHOWN
    if more > 0:
        named.append(f"and {more} more")
    return (
        "⚠ This may identify someone: "
        + ", ".join(named)
        + ". Please take it out or say it another way: it would be removed before the data "
        "is sent to the charity."
    )


class IdentifierWarning(QLabel):
    """The warning for one text box. `check` finds the identifiers in the box's words."""

    checked = Signal(int)  # how many were found, after each check

    def __init__(
        self,
        editor: QLineEdit | QPlainTextEdit,
        check: Check,
        about: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.check = check
        self.about = about
        self.findings: list[Finding] = []
        self.checked_words = ""  # the words the warning speaks of
        self.setObjectName(f"{editor.objectName() or 'text'}_identifiers")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        tint(self, "warning")
        self.setAccessibleName(f"Possible identifier in {about}")
        self.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.check_now)
        editor.textChanged.connect(self.timer.start)

    def words(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def check_now(self) -> None:
        self.timer.stop()
        self.checked_words = self.words()
        try:
            self.findings = self.check(self.checked_words)
        except PledgeError:
            self.findings = []  # a busy database: the export's own check still runs
        text = warning_text(self.findings)
        self.setText(text)
        self.setAccessibleDescription(text or f"Nothing in {self.about} looks identifying.")
        self.setVisible(bool(text))
        self.checked.emit(len(self.findings))


def warn_under(editor: QLineEdit | QPlainTextEdit, check: Check, about: str) -> IdentifierWarning:
    """Put a warning directly under `editor`, in the box layout that holds it (as each field of
    a RecordForm is held, above its problem line)."""
    holder = editor.parentWidget()
    layout = holder.layout() if holder is not None else None
    if not isinstance(layout, QBoxLayout) or layout.indexOf(editor) < 0:
        raise ValueError("warn_under needs the text box to sit in a box layout")
    warning = IdentifierWarning(editor, check, about, holder)
    layout.insertWidget(layout.indexOf(editor) + 1, warning)
    return warning


def warn_in_form(
    form: RecordForm, fields: Iterable[str], check: Check
) -> dict[str, IdentifierWarning]:
    """Warnings under the named fields of a RecordForm, each named after its field's label."""
    warnings: dict[str, IdentifierWarning] = {}
    for name in fields:
        editor = form.widget(name)
        assert isinstance(editor, QLineEdit | QPlainTextEdit), name
        warnings[name] = warn_under(editor, check, editor.accessibleName() or name)
    return warnings
