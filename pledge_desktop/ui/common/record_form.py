"""A form built from a list of fields, with a plain-English problem shown under each field.

Pages describe their fields as data (FormField); the form makes the widgets, reads and writes
values as a dict, tells when anything was edited, and shows validation problems in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.errors import PledgeError, ValidationError
from pledge_desktop.ui.common.theme import tint
from pledge_desktop.ui.common.widgets import describe

T = TypeVar("T")

LINE, TEXT, CHOICE, EDITABLE_CHOICE, DATE, CHECK, OPTIONAL_DATE, MULTI = (
    "line",
    "text",
    "choice",
    "editable_choice",
    "date",
    "check",
    "optional_date",
    "multi",
)
NO_DATE = QDate(2000, 1, 1)  # an optional date at its lowest reads "(none)"
# how each kind of box is worked, for screen readers and tips, when a field has no hint of its own
HOW = {
    LINE: "Type {label}. Enter saves.",
    TEXT: "Type {label}; Tab moves on.",
    CHOICE: "Choose {label} with the arrow keys, or type its first letters.",
    EDITABLE_CHOICE: "Choose {label} with the arrow keys, or type it.",
    DATE: "{label}: type the day, month and year, or change them with the arrow keys.",
    OPTIONAL_DATE: "{label}: type the date, or leave it at (none).",
    CHECK: "{label}: Space ticks or unticks it.",
    MULTI: "{label}: tick all that apply, with Space.",
}


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    kind: str = LINE
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, what the nurse sees)
    hint: str = ""  # placeholder and accessible description


class MultiChoice(QWidget):
    """Several of a few choices, as tick boxes in rows of three."""

    toggled = Signal()

    def __init__(self, choices: Sequence[tuple[str, str]], about: str = "") -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for index, (value, label) in enumerate(choices):
            box = QCheckBox(label)
            box.setAccessibleDescription(f"{about}: tick if it applies (Space)." if about else "")
            box.toggled.connect(lambda _on: self.toggled.emit())
            grid.addWidget(box, index // 3, index % 3)
            self.boxes[value] = box

    def chosen(self) -> tuple[str, ...]:
        return tuple(value for value, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, values: Sequence[str]) -> None:
        for value, box in self.boxes.items():
            box.setChecked(value in values)


class OptionalDateEdit(QDateEdit):
    """A date box that may read "(none)". Showing it, the box has no day, month or year to
    step through, so Tab would stay put: here it moves on, as everywhere else."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        if self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, forward)
        return super().focusNextPrevChild(forward)


class RecordForm(QWidget):
    edited = Signal()
    submitted = Signal()  # Enter pressed in a one-line field

    def __init__(self, fields: Sequence[FormField], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self._widgets: dict[str, QWidget] = {}
        self._problems: dict[str, QLabel] = {}
        self._loading = False
        self.dirty = False
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.fields:
            widget = self._make(spec)
            widget.setObjectName(spec.name)
            widget.setAccessibleName(spec.label.replace("&", ""))
            if spec.hint:
                describe(widget, spec.hint)
            else:
                widget.setAccessibleDescription(self.how(spec))
            problem = QLabel()
            problem.setObjectName(f"{spec.name}_problem")
            problem.setWordWrap(True)
            tint(problem, "problem")
            problem.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(problem)
            label = QLabel(spec.label)
            label.setBuddy(widget)
            layout.addRow(label, cell)
            self._widgets[spec.name] = widget
            self._problems[spec.name] = problem

    def _make(self, spec: FormField) -> QWidget:
        if spec.kind == TEXT:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText(spec.hint)
            text.setFixedHeight(90)
            text.textChanged.connect(self._changed)
            return text
        if spec.kind in (CHOICE, EDITABLE_CHOICE):
            combo = QComboBox()
            combo.setEditable(spec.kind == EDITABLE_CHOICE)
            for value, label in spec.choices:
                combo.addItem(label, value)
            combo.currentTextChanged.connect(self._changed)
            return combo
        if spec.kind in (DATE, OPTIONAL_DATE):
            edit = OptionalDateEdit() if spec.kind == OPTIONAL_DATE else QDateEdit()
            if spec.kind == OPTIONAL_DATE:
                edit.setMinimumDate(NO_DATE)
                edit.setSpecialValueText("(none)")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.dateChanged.connect(self._changed)
            return edit
        if spec.kind == MULTI:
            multi = MultiChoice(spec.choices, spec.label.replace("&", "").rstrip(":"))
            multi.toggled.connect(self._changed)
            return multi
        if spec.kind == CHECK:
            box = QCheckBox(spec.hint or spec.label)
            box.toggled.connect(self._changed)
            return box
        line = QLineEdit()
        line.setPlaceholderText(spec.hint)
        line.textEdited.connect(self._changed)
        line.returnPressed.connect(self.submitted)
        return line

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def set_choices(self, name: str, choices: Sequence[tuple[str, str]]) -> None:
        """New choices for a drop-down (e.g. the team of another cycle), keeping the choice."""
        combo = self._widgets[name]
        assert isinstance(combo, QComboBox)
        kept = combo.currentData()
        self._loading = True
        try:
            combo.clear()
            for value, label in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(kept), 0))
        finally:
            self._loading = False

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.dirty = True
            self.edited.emit()

    def set_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for spec in self.fields:
                self._set(spec, self._widgets[spec.name], values.get(spec.name))
        finally:
            self._loading = False
        self.dirty = False
        self.clear_problems()

    def _set(self, spec: FormField, widget: QWidget, value: Any) -> None:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0 and widget.isEditable():
                widget.setEditText(value or "")
            else:
                widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QDateEdit):
            if value is None and spec.kind == OPTIONAL_DATE:
                widget.setDate(NO_DATE)
                return
            day = value or date.today()
            widget.setDate(QDate(day.year, day.month, day.day))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, MultiChoice):
            widget.set_chosen(value or ())
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self._widgets[spec.name]
            if isinstance(widget, QPlainTextEdit):
                result[spec.name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                index = widget.findText(widget.currentText())
                data = widget.itemData(index) if index >= 0 else None
                result[spec.name] = data if data is not None else widget.currentText()
            elif isinstance(widget, QDateEdit):
                optional_none = spec.kind == OPTIONAL_DATE and widget.date() == NO_DATE
                result[spec.name] = None if optional_none else widget.date().toPython()
            elif isinstance(widget, QCheckBox):
                result[spec.name] = widget.isChecked()
            elif isinstance(widget, MultiChoice):
                result[spec.name] = widget.chosen()
            elif isinstance(widget, QLineEdit):
                result[spec.name] = widget.text()
        return result

    @staticmethod
    def how(spec: FormField) -> str:
        """How a field is worked, for a screen reader, when it has no hint of its own."""
        words = spec.label.replace("&", "").rstrip(":")
        if spec.kind in (LINE, TEXT, CHOICE, EDITABLE_CHOICE):
            words = words[:1].lower() + words[1:]
        return HOW[spec.kind].format(label=words)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show each problem under its field and put the cursor in the first one."""
        self.clear_problems()
        first = None
        for spec in self.fields:
            if spec.name in problems:
                label = self._problems[spec.name]
                label.setText("⚠ " + problems[spec.name])
                label.show()
                self._widgets[spec.name].setAccessibleDescription(
                    problems[spec.name] + " " + (spec.hint or self.how(spec))
                )
                first = first or self._widgets[spec.name]
        if first is not None:
            first.setFocus()

    def clear_problems(self) -> None:
        for spec in self.fields:
            self._problems[spec.name].hide()
            self._widgets[spec.name].setAccessibleDescription(spec.hint or self.how(spec))

    def problem_text(self, name: str) -> str:
        label = self._problems[name]
        return label.text() if label.isVisibleTo(self) else ""

    def attempt(self, save: Callable[[], T], failure_title: str) -> T | None:
        """Run a save; a validation problem is shown beside its field, any other plain-English
        problem in a box. Returns what the save returned, or None when it did not happen."""
        from pledge_desktop.ui.common.messages import show_problem

        try:
            return save()
        except ValidationError as problems:
            self.show_problems(problems.problems)
        except PledgeError as error:
            show_problem(self, failure_title, error)
        return None

    def focus_first(self) -> None:
        self._widgets[self.fields[0].name].setFocus()
