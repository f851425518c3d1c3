"""The codebook of themes: name, description, colour and parent, with how many interviews and
passages of the cycle are coded into each; the passages of the chosen theme; search across the
cycle's transcripts; and a spreadsheet of everything coded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
)

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.interviews import PALETTE, SUGGESTED_THEMES, Theme
from pledge_desktop.ui.common.identifier_warning import warn_in_form
from pledge_desktop.ui.common.messages import confirm, show_problem, show_status
from pledge_desktop.ui.common.national_lists import national_themes
from pledge_desktop.ui.common.record_form import CHOICE, LINE, TEXT, FormField
from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.table_model import Column
from pledge_desktop.ui.common.widgets import describe
from pledge_desktop.ui.common.words import plural
from pledge_desktop.ui.interviews.list_layout import lay_out_list

COLOUR_NAMES = tuple(
    (colour, f"{name}'s colour") for name, _description, colour in SUGGESTED_THEMES
)


class ThemesPage(RecordListPage):
    topics = ("themes", "interviews", "quotes", "cycles")
    what = "theme"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.counts: dict[int, tuple[int, int]] = {}
        super().__init__(*args, **kwargs)
        lay_out_list(self)
        merge = QPushButton(self.tr("Merge int&o…"))
        merge.setObjectName("mergeTheme")
        describe(
            merge, self.tr("Move every passage of the chosen theme into another, then remove it.")
        )
        merge.clicked.connect(self.merge)
        suggest = QPushButton(self.tr("&Add suggested themes"))
        suggest.setObjectName("seedThemes")
        describe(suggest, self.tr("Add the suggested themes that are not in the codebook yet."))
        suggest.clicked.connect(self.seed)
        row = QHBoxLayout()
        row.addWidget(merge)
        row.addWidget(suggest)
        row.addStretch()
        self.extra_area.addLayout(row)
        self.passages = QListWidget()
        self.passages.setObjectName("themePassages")
        describe(
            self.passages,
            self.tr("The passages coded into the chosen theme, with their interview."),
        )
        self.passages.setAccessibleName(self.tr("Passages coded into the chosen theme"))
        self.passages.setWordWrap(True)
        self.extra_area.addWidget(QLabel(self.tr("Passages in this theme, this cycle:")))
        self.extra_area.addWidget(self.passages)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("transcriptSearch")
        self.search_box.setPlaceholderText(self.tr("Search all transcripts of this cycle"))
        self.search_box.setAccessibleName(self.tr("Search all transcripts"))
        self.search_box.returnPressed.connect(self.search)
        export = QPushButton(self.tr("E&xport to spreadsheet…"))
        export.setObjectName("exportPassages")
        describe(
            export,
            self.tr(
                "Save coded passages and quotes, with the interviews' details, as a spreadsheet."
            ),
        )
        export.clicked.connect(self.export)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(export)
        self.extra_area.addLayout(search_row)
        self.hits = QListWidget()
        self.hits.setObjectName("searchHits")
        describe(
            self.hits, self.tr("Where the words searched for appear in this cycle's transcripts.")
        )
        self.hits.setAccessibleName(self.tr("Places the words were found"))
        self.hits.setWordWrap(True)
        self.extra_area.addWidget(self.hits)
        # the codebook serves every cycle: every cycle's team and representatives are looked for
        self.warnings = warn_in_form(
            self.form, ("name", "description"), self.context.workspace.setup.identifiers_in
        )
        self.refresh(keep_form=False)

    def title(self) -> str:
        return self.tr("Themes")

    def fields(self) -> list[FormField]:
        return [
            FormField("name", self.tr("Theme na&me"), LINE),
            FormField("description", self.tr("Desc&ription"), TEXT),
            FormField("colour", self.tr("Co&lour"), CHOICE, COLOUR_NAMES),
            FormField("parent_id", self.tr("&Within theme"), CHOICE, (("", "(top level)"),)),
            FormField(
                "national_code",
                self.tr("Na&tional theme"),
                CHOICE,
                (("", self.tr("(none)")), *national_themes()),
                hint=self.tr("The charity's theme it counts as, so themes add up across hospitals"),
            ),
        ]

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Theme"), lambda t: ("    " if t.parent_id else "") + t.name),
            Column(self.tr("Interviews"), lambda t: str(self.counts.get(t.id, (0, 0))[0])),
            Column(self.tr("Passages"), lambda t: str(self.counts.get(t.id, (0, 0))[1])),
        ]

    def load(self) -> list[Any]:
        coding = self.context.workspace.coding
        summary = coding.summary(self.context.cycle_id) if self.context.cycle_id else []
        self.counts = {s.theme.id or 0: (s.interviews, s.passages) for s in summary}
        themes = [s.theme for s in summary] or coding.themes()
        tops = [t for t in themes if t.parent_id is None]
        self.form.set_choices(
            "parent_id", (("", self.tr("(top level)")), *((str(t.id), t.name) for t in tops))
        )
        return themes

    def blank(self) -> dict[str, Any]:
        used = {t.colour for t in self.model.records()}
        free = [c for c in PALETTE if c not in used]
        return {"colour": (free or list(PALETTE))[0], "parent_id": ""}

    def _show(self, record: Any) -> None:
        super()._show(record)
        self.form.set_values(vars(record) | {"parent_id": str(record.parent_id or "")})
        self._show_passages(record)

    def _show_passages(self, theme: Theme) -> None:
        if not hasattr(self, "hits"):
            return  # still being built: refreshed at the end of __init__
        self.passages.clear()
        if self.context.cycle_id is None or theme.id is None:
            return
        found = self.context.workspace.coding.passages_for_theme(self.context.cycle_id, theme.id)
        for pseudonym, passage in found:
            self.passages.addItem(f"{pseudonym}: “{passage.text}”")

    def build(self, values: dict[str, Any], record_id: int | None) -> Theme:
        parent = values.pop("parent_id")
        return Theme(id=record_id, parent_id=int(parent) if parent else None, **values)

    def save(self, record: Theme) -> Theme:
        return self.context.workspace.coding.save_theme(record)

    def delete_current(self) -> None:
        """Deleting a theme says how many passages lose it, and asks."""
        row = self.model.row_of(self.current_id)
        if row < 0:
            return
        theme = self.model.record(row)
        passages = self.counts.get(theme.id, (0, 0))[1]
        question = self.tr(
            'Delete the theme "%s"? %s of this cycle coded into it (and maybe some '
            "of other cycles): they lose this theme, and a passage left with no theme is no "
            "longer coded. Merging it into another theme keeps the coding."
        ) % (theme.name, plural(passages, "passage is", "passages are"))
        if not confirm(self, self.tr("Delete theme"), question, self.tr("Delete")):
            return
        try:
            self.context.workspace.coding.delete_theme(theme.id)
        except PledgeError as error:
            show_problem(self, self.tr("Not deleted"), error)
            return
        self.current_id = None
        self.form.dirty = False
        self.refresh(keep_form=False)

    def merge(self) -> None:
        row = self.model.row_of(self.current_id)
        if row < 0 or not self.leave_form():
            return
        source = self.model.record(row)
        others = [t for t in self.model.records() if t.id != source.id]
        names = [t.name for t in others]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Merge theme"),
            self.tr('Merge "%s" into which theme? Its passages move there.') % source.name,
            names,
            0,
            False,
        )
        if not ok:
            return
        target = others[names.index(chosen)]
        try:
            self.context.workspace.coding.merge_themes(source.id, target.id)
        except PledgeError as error:
            show_problem(self, self.tr("Not merged"), error)
            return
        self.current_id = target.id
        self.refresh(keep_form=False)

    def seed(self) -> None:
        added = self.context.workspace.coding.seed_themes()
        if not added:
            show_problem(
                self,
                self.tr("Suggested themes"),
                self.tr(
                    "The codebook already has themes; the suggestions are added only to an "
                    "empty one."
                ),
            )

    def search(self) -> None:
        self.hits.clear()
        if self.context.cycle_id is None:
            return
        found = self.context.workspace.coding.search(self.context.cycle_id, self.search_box.text())
        for hit in found:
            self.hits.addItem(f"{hit.pseudonym}: {hit.context}")
        if not found:
            self.hits.addItem(self.tr("Not found in this cycle's transcripts."))

    def export(self) -> None:
        if self.context.cycle_id is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save coded passages and quotes"),
            "interviews.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return
        try:
            saved = self.context.workspace.coding.export_xlsx(self.context.cycle_id, Path(path))
        except PledgeError as error:
            show_problem(self, self.tr("Not saved"), error)
            return
        message = self.tr("%s saved in %s.") % (plural(saved.rows, "passage"), path)
        if saved.removed:
            message += self.tr(" %s that could identify someone replaced by [removed] (%s).") % (
                plural(len(saved.removed), "thing"),
                "; ".join(saved.places[:5]) + ("; …" if len(saved.places) > 5 else ""),
            )
        show_status(self, message, 30000)
