"""Two tabs of the Booklet section: what goes in (goals, standards, approved quotes, the team,
pictures) and the results highlights with their figures as they would print."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.booklet import BookletChoices, Highlight
from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.services.publishing.booklet import Choice, HighlightPreview
from pledge_desktop.ui.common.widgets import describe

if TYPE_CHECKING:
    from pledge_desktop.ui.common.context import ScreenContext


class BookletEditor(Protocol):
    """What the tabs need of the screen that holds them (the Booklet screen)."""

    context: ScreenContext
    choices: BookletChoices
    dirty: bool

    def choose_picture(self, which: str) -> None: ...

    def set_picture(self, which: str, png: bytes | None) -> None: ...

    def edit_highlight(self, row: int | None) -> None: ...


ID = Qt.ItemDataRole.UserRole


class ChoicesTab(QWidget):
    def __init__(self, page: BookletEditor) -> None:
        super().__init__()
        self.page = page
        self.show_team = QCheckBox(self.tr("Show the team's names, roles and phone numb&ers"))
        self.show_team.setObjectName("showTeam")
        describe(
            self.show_team,
            self.tr("Print the team's names, roles and phone numbers in the booklet."),
        )
        self.show_team.toggled.connect(lambda _on: self._changed())
        self.goals = self._list("bookletGoals", self.tr("Goals to print"))
        self.standards = self._list("bookletStandards", self.tr("Standards of care to print"))
        self.quotes = self._list("bookletQuotes", self.tr("Quotes to print"))
        explain = QLabel(
            self.tr(
                "Untick anything to leave it out. New goals, standards and approved quotes go "
                "in by themselves. Only quotes approved in Interviews are listed; dropped goals "
                "are never printed."
            )
        )
        explain.setWordWrap(True)
        grid = QGridLayout()
        for column, (title, widget) in enumerate(
            (
                (self.tr("Goals"), self.goals),
                (self.tr("Standards of care"), self.standards),
                (self.tr("Approved quotes"), self.quotes),
            )
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            grid.addWidget(box, 0, column)
        self.logo = QLabel()
        self.logo.setObjectName("logoPreview")
        self.photo = QLabel()
        self.photo.setObjectName("photoPreview")
        pictures = QHBoxLayout()
        for which, shown, choose_text in (
            ("logo", self.logo, self.tr("Choose hospital &logo…")),
            ("photo", self.photo, self.tr("Choose team pho&to…")),
        ):
            choose = QPushButton(choose_text)
            choose.setObjectName(f"choose_{which}")
            choose.clicked.connect(lambda _on=False, w=which: page.choose_picture(w))
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName(f"remove_{which}")
            remove.setAccessibleName(self.tr("Remove the %s") % which)
            remove.clicked.connect(lambda _on=False, w=which: page.set_picture(w, None))
            pictures.addWidget(shown)
            pictures.addWidget(choose)
            pictures.addWidget(remove)
            pictures.addSpacing(16)
        pictures.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.show_team)
        layout.addLayout(grid, 1)
        layout.addLayout(pictures)

    def _list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setWordWrap(True)
        widget.setStyleSheet("QListWidget::item { padding: 3px; }")
        widget.itemChanged.connect(lambda _item: self._changed())
        return widget

    def _changed(self) -> None:
        if not self.signalsBlocked():
            self.page.dirty = True

    def focus_start(self) -> None:
        self.show_team.setFocus()

    def refresh(self) -> None:
        cycle_id = self.page.context.cycle_id
        if cycle_id is None:
            return
        booklet = self.page.context.workspace.booklet
        kept = self.apply(self.page.choices) if self.goals.count() else self.page.choices
        self.blockSignals(True)
        self.show_team.setChecked(kept.show_team)
        _fill(self.goals, booklet.goal_choices(cycle_id), kept.goals_left_out)
        _fill(self.standards, booklet.standard_choices(cycle_id), kept.standards_left_out)
        _fill(self.quotes, booklet.quote_choices(cycle_id), kept.quotes_left_out)
        self.blockSignals(False)
        self.show_pictures(kept)

    def show_pictures(self, choices: BookletChoices) -> None:
        for label, png, what in (
            (self.logo, choices.logo_png, self.tr("No logo")),
            (self.photo, choices.photo_png, self.tr("No team photo")),
        ):
            if png:
                pixmap = QPixmap()
                pixmap.loadFromData(png)
                label.setPixmap(
                    pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
                )
            else:
                label.setText(what)

    def apply(self, choices: BookletChoices) -> BookletChoices:
        return replace(
            choices,
            show_team=self.show_team.isChecked(),
            goals_left_out=_unticked(self.goals),
            standards_left_out=_unticked(self.standards),
            quotes_left_out=_unticked(self.quotes),
        )


def _fill(widget: QListWidget, choices: list[Choice], left_out: frozenset[int]) -> None:
    widget.blockSignals(True)
    widget.clear()
    for choice in choices:
        item = QListWidgetItem(choice.label)
        item.setData(ID, choice.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        ticked = choice.id not in left_out
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.blockSignals(False)


def _unticked(widget: QListWidget) -> frozenset[int]:
    return frozenset(
        widget.item(row).data(ID)
        for row in range(widget.count())
        if widget.item(row).checkState() != Qt.CheckState.Checked
    )


class HighlightsTab(QWidget):
    def __init__(self, page: BookletEditor) -> None:
        super().__init__()
        self.page = page
        self.highlights: tuple[Highlight, ...] = ()
        explain = QLabel(
            self.tr(
                'A few headline findings for "What you told us": each a plain sentence printed '
                "after its figure. Figures on fewer answers than the small-number setting are "
                "not printed."
            )
        )
        explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("highlightList")
        describe(
            self.list,
            self.tr(
                "Headline findings printed in What you told us, with their figures. Enter edits; "
                "Delete removes; Ctrl+Up and Ctrl+Down reorder."
            ),
        )
        self.list.setAccessibleName(self.tr("Results highlights"))
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget::item { padding: 4px; }")
        self.list.itemActivated.connect(lambda _item: self.edit())
        buttons = QVBoxLayout()
        for text, name, slot in (
            (self.tr("&Add highlight…"), "addHighlight", self.add),
            (self.tr("&Edit…"), "editHighlight", self.edit),
            (self.tr("Remo&ve"), "removeHighlight", self.remove),
            (self.tr("Move up (Ctrl+Up)"), "highlightUp", lambda: self.move(-1)),
            (self.tr("Move down (Ctrl+Down)"), "highlightDown", lambda: self.move(1)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for keys, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.move(s))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row, 1)

    def focus_start(self) -> None:
        self.list.setFocus()

    def refresh(self) -> None:
        self.set_highlights(
            self.page.choices.highlights if not self.page.dirty else self.highlights
        )

    def set_highlights(self, highlights: tuple[Highlight, ...], current: int | None = None) -> None:
        self.highlights = highlights
        cycle_id = self.page.context.cycle_id
        texts = [h.wording for h in highlights]
        if cycle_id is not None and highlights:
            try:
                previews = self.page.context.workspace.booklet.preview_highlights(
                    cycle_id, highlights
                )
                texts = [_printed(p) for p in previews]
            except PledgeError:
                pass
        row = self.list.currentRow() if current is None else current
        self.list.clear()
        self.list.addItems(texts)
        if texts:
            self.list.setCurrentRow(min(max(row, 0), len(texts) - 1))

    def add(self) -> None:
        self.page.edit_highlight(None)

    def edit(self) -> None:
        if self.list.currentRow() >= 0:
            self.page.edit_highlight(self.list.currentRow())

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        chosen = list(self.highlights)
        del chosen[row]
        self.set_highlights(tuple(chosen))
        self.page.dirty = True

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.highlights):
            return
        chosen = list(self.highlights)
        chosen[row], chosen[target] = chosen[target], chosen[row]
        self.set_highlights(tuple(chosen), target)
        self.page.dirty = True


def _printed(preview: HighlightPreview) -> str:
    wording = preview.highlight.wording
    if not preview.question_text:
        return f"(question no longer on the questionnaire) {wording}"
    if preview.printed is None:
        return f"Not printed, too few answers: {wording}"
    finding = preview.printed
    return f"{finding.figure} {finding.sentence}.   (n = {finding.base})"
