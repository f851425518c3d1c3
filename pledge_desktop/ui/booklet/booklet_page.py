"""The Booklet section: the team's own words, what goes in, the results highlights; then a
plain-English check, a preview, and the booklet and poster written as PDFs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop.domain.booklet import BookletChoices, BookletWords
from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.services.publishing.booklet import WORD_FIELDS
from pledge_desktop.ui.booklet import booklet_printing as printing
from pledge_desktop.ui.booklet.booklet_cover import CoverTab
from pledge_desktop.ui.booklet.booklet_dialogs import HighlightDialog
from pledge_desktop.ui.booklet.booklet_parts import ChoicesTab, HighlightsTab
from pledge_desktop.ui.booklet.booklet_printing import EDITIONS
from pledge_desktop.ui.common.context import ScreenContext
from pledge_desktop.ui.common.messages import settle_unsaved, show_problem, show_status
from pledge_desktop.ui.common.widgets import describe, page_title

WORD_LABELS = (
    "&Welcome",
    "How to contact the &team",
    "Out of hours (eve&nings, nights, weekends)",
    "How to get in&volved",
    "Other formats &available",
)
PICTURE_SIDE = 1200  # pixels: plenty for print at the booklet's sizes, and a small database


class BookletPage(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dirty = False
        self.choices = BookletChoices()
        self.edits: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bookletTabs")
        self.tabs.addTab(self._words_tab(), self.tr("Our w&ords"))
        self.choices_tab = ChoicesTab(self)
        self.tabs.addTab(self.choices_tab, self.tr("What goes &in"))
        self.highlights_tab = HighlightsTab(self)
        self.tabs.addTab(self.highlights_tab, self.tr("Res&ults highlights"))
        self.cover_tab = CoverTab(self)
        self.tabs.addTab(self.cover_tab, self.tr("Cover an&d back cover"))
        self.tabs.currentChanged.connect(lambda _i: self.focus_start())
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("The Service Pledge booklet")))
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._buttons())
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        context.hub.changed.connect(self._data_changed)
        context.hub.cycle_selected.connect(lambda _id: self.load())
        self.load()

    # --- building -------------------------------------------------------------------------
    def _words_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        intro = QLabel(
            self.tr(
                "The booklet's own words, in plain English. Short sentences; leave a blank "
                "line between paragraphs. The hospital's phone numbers and address come from "
                "the Hospital section."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        for name, text in zip(WORD_FIELDS, WORD_LABELS, strict=True):
            edit = QPlainTextEdit()
            edit.setObjectName(f"words_{name}")
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(text.replace("&", ""))
            edit.textChanged.connect(self._changed)
            label = QLabel(self.tr(text) + ":")
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        return tab

    def _buttons(self) -> QVBoxLayout:
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveBooklet")
        describe(self.save_button, self.tr("Save the booklet's words and choices (Ctrl+S)."))
        self.save_button.clicked.connect(self.save)
        self.check_button = QPushButton(self.tr("Chec&k the wording"))
        self.check_button.setObjectName("checkWording")
        describe(
            self.check_button,
            self.tr(
                "Score the booklet's words for reading ease and list long sentences and jargon."
            ),
        )
        self.check_button.clicked.connect(self.check_wording)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("previewBooklet")
        describe(self.preview_button, self.tr("Show the booklet's pages as they will print."))
        self.preview_button.clicked.connect(self.preview)
        self.large_print = QCheckBox(self.tr("Large p&rint"))
        self.large_print.setObjectName("largePrint")
        describe(self.large_print, self.tr("Write the large-print edition (17 point text)."))
        self.imposed = QCheckBox(self.tr("Two pages to a sheet (i&mposed)"))
        self.imposed.setObjectName("imposed")
        describe(
            self.imposed,
            self.tr(
                "Two pages to each A4 sheet in booklet order: print double-sided, flip on the "
                "short edge, fold and staple."
            ),
        )
        self.imposed.setToolTip(
            self.tr("For an office printer: print double-sided, flip on the short edge, fold.")
        )
        self.print_shop = QCheckBox(self.tr("Print shop (e&xtra 3 mm bleed, crop marks)"))
        self.print_shop.setObjectName("printShop")
        describe(
            self.print_shop,
            self.tr("A5 pages with 3 mm bleed and crop marks, for a print shop to trim."),
        )
        self.imposed.toggled.connect(lambda on: on and self.print_shop.setChecked(False))
        self.print_shop.toggled.connect(lambda on: on and self.imposed.setChecked(False))
        self.edition = QComboBox()
        self.edition.setObjectName("bookletEdition")
        self.edition.setAccessibleName(self.tr("Edition of the booklet"))
        describe(
            self.edition,
            self.tr(
                "The printed PDF; a web page a screen reader reads in order, for the trust's "
                "website; or a Word document to make easy read, audio or a translation from."
            ),
        )
        for key, name, _pattern in EDITIONS:
            self.edition.addItem(self.tr(name), key)
        self.edition.currentIndexChanged.connect(lambda _i: self._edition_changed())
        self.write_button = QPushButton(self.tr("Write the &booklet…"))
        self.write_button.setObjectName("writeBooklet")
        describe(
            self.write_button,
            self.tr("Check the wording, then save the booklet in the edition chosen beside it."),
        )
        self.write_button.clicked.connect(self.write_booklet)
        self.poster_button = QPushButton(self.tr("&You said, we are doing poster…"))
        self.poster_button.setObjectName("writePoster")
        describe(
            self.poster_button,
            self.tr("Save the You said, we are doing poster for the clinic waiting room as a PDF."),
        )
        self.poster_button.clicked.connect(self.write_poster)
        self.poster_a3 = QCheckBox(self.tr("Poster on A&3"))
        self.poster_a3.setObjectName("posterA3")
        describe(self.poster_a3, self.tr("Make the poster A3 instead of A4."))
        rows = QVBoxLayout()
        for widgets in (
            (self.save_button, self.check_button, self.preview_button),
            (self.large_print, self.imposed, self.print_shop),
            (self.edition, self.write_button, self.poster_button, self.poster_a3),
        ):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            rows.addLayout(row)
        return rows

    # --- loading and saving ---------------------------------------------------------------
    def focus_start(self) -> None:
        page = self.tabs.currentWidget()
        if page in (self.choices_tab, self.highlights_tab, self.cover_tab):
            page.focus_start()  # type: ignore[attr-defined]
        else:
            self.edits["welcome"].setFocus()

    def _data_changed(self, topic: str) -> None:
        if topic in ("goals", "standards", "quotes", "themes", "responses", "team", "everything"):
            self.choices_tab.refresh()
            self.highlights_tab.refresh()

    def _changed(self) -> None:
        self.dirty = True

    def load(self) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        booklet = self.context.workspace.booklet
        words = booklet.words(cycle_id)
        self.choices = booklet.choices(cycle_id)
        for name, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setPlainText(getattr(words, name))
            edit.blockSignals(False)
        self.choices_tab.refresh()
        self.highlights_tab.refresh()
        pledge_type, dates = booklet.sign_off_facts(cycle_id)
        self.cover_tab.show_details(booklet.details(cycle_id), pledge_type, dates)
        self.dirty = False

    def _edition_changed(self) -> None:
        """Large print and the print layouts belong to the PDF: the web page and the Word
        document let the reader choose the size of the text."""
        pdf = self.edition.currentData() == "pdf"
        for box in (self.large_print, self.imposed, self.print_shop):
            box.setEnabled(pdf)

    def current_words(self) -> BookletWords:
        return BookletWords(*(self.edits[name].toPlainText() for name in WORD_FIELDS))

    def current_choices(self) -> BookletChoices:
        return replace(
            self.choices_tab.apply(self.choices), highlights=self.highlights_tab.highlights
        )

    def save(self) -> bool:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return False
        try:
            self.context.workspace.booklet.save(
                cycle_id, self.current_words(), self.current_choices(), self.cover_tab.details()
            )
        except PledgeError as error:
            show_problem(self, self.tr("Booklet not saved"), error)
            return False
        self.load()
        show_status(self, self.tr("Booklet saved."))
        return True

    def leave_form(self) -> bool:
        return settle_unsaved(
            self, self.tr("the booklet"), self.dirty, self.save, lambda: self.load()
        )

    # --- the printed booklet (booklet_printing.py) ---------------------------------------
    def check_wording(self, action: str | None = None) -> bool:
        """Show the plain-English check; True when the nurse goes on."""
        return printing.check_wording(self, action)

    def preview(self) -> None:
        printing.preview(self)

    def write_booklet(self) -> None:
        printing.write_booklet(self)

    def write_poster(self) -> None:
        printing.write_poster(self)

    # --- pictures -------------------------------------------------------------------------
    def choose_picture(self, which: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a picture"),
            str(Path.home()),
            self.tr("Pictures (*.png *.jpg *.jpeg)"),
        )
        if not name:
            return
        image = QImage(name)
        if image.isNull():
            show_problem(
                self,
                self.tr("Picture not used"),
                self.tr("%s is not a picture this app can read. Use a PNG or JPEG file.")
                % Path(name).name,
            )
            return
        if max(image.width(), image.height()) > PICTURE_SIDE:
            image = image.scaled(
                PICTURE_SIDE,
                PICTURE_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        self.set_picture(which, bytes(data.data()))

    def set_picture(self, which: str, png: bytes | None) -> None:
        if which == "programme_logo":
            self.cover_tab.set_logo(png)
            self.dirty = True
            return
        self.choices = replace(self.choices, **{f"{which}_png": png})
        self.choices_tab.show_pictures(self.choices)
        self.dirty = True

    def edit_highlight(self, row: int | None) -> None:
        cycle_id = self.context.cycle_id
        if cycle_id is None:
            return
        results = self.context.workspace.results
        try:
            counted = results.cycle_results(cycle_id, comments_limit=0)
        except PledgeError as error:
            show_problem(self, self.tr("No results yet"), error)
            return
        current = self.highlights_tab.highlights
        dialog = HighlightDialog(
            counted, results.small_numbers(), current[row] if row is not None else None, self
        )
        if dialog.exec() and dialog.highlight is not None:
            chosen = list(current)
            if row is None:
                chosen.append(dialog.highlight)
            else:
                chosen[row] = dialog.highlight
            shown = len(chosen) - 1 if row is None else row
            self.highlights_tab.set_highlights(tuple(chosen), shown)
            self.dirty = True
