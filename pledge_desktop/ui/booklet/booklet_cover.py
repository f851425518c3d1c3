"""The Booklet section's cover and back cover tab: the cover line (with the default for a
primary or a secondary pledge), the credit line, the programme's logo, the language, and the
national helplines printed on the back cover, marked "check these numbers" until ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pledge_desktop.domain.booklet import (
    DEFAULT_CREDIT_LINE,
    LANGUAGES,
    BookletDetails,
    Helpline,
    cover_line_for,
)
from pledge_desktop.ui.booklet.booklet_parts import BookletEditor
from pledge_desktop.ui.common.widgets import describe

HELPLINE_ROWS = 5


class CoverTab(QWidget):
    def __init__(self, page: BookletEditor) -> None:
        super().__init__()
        self.page = page
        self.logo_png: bytes | None = None
        self.cover_line = QLineEdit()
        self.cover_line.setObjectName("coverLine")
        self.cover_line.setAccessibleName(self.tr("Cover line"))
        describe(
            self.cover_line,
            self.tr("Who the booklet is for, printed on the cover. Leave empty for the default."),
        )
        self.credit_line = QLineEdit()
        self.credit_line.setObjectName("creditLine")
        self.credit_line.setAccessibleName(self.tr("Credit line"))
        describe(self.credit_line, self.tr("The credit printed on the cover."))
        self.language = QComboBox()
        self.language.setObjectName("bookletLanguage")
        self.language.setAccessibleName(self.tr("Language of the booklet"))
        describe(
            self.language,
            self.tr(
                "The language you write the booklet's words in. For a bilingual booklet choose "
                "Welsh and write both languages in each box."
            ),
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.programme_logo = QLabel()
        self.programme_logo.setObjectName("programmeLogoPreview")
        choose = QPushButton(self.tr("Choose progr&amme logo…"))
        choose.setObjectName("choose_programme_logo")
        describe(choose, self.tr("A logo of the Service Pledge programme for the cover."))
        choose.clicked.connect(lambda: page.choose_picture("programme_logo"))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("remove_programme_logo")
        remove.setAccessibleName(self.tr("Remove the programme logo"))
        describe(remove, self.tr("Print the cover without the programme's logo."))
        remove.clicked.connect(lambda: page.set_picture("programme_logo", None))
        logo_row = QHBoxLayout()
        for widget in (self.programme_logo, choose, remove):
            logo_row.addWidget(widget)
        logo_row.addStretch(1)
        self.helplines = QTableWidget(HELPLINE_ROWS, 3)
        self.helplines.setObjectName("helplines")
        self.helplines.setAccessibleName(self.tr("National helplines"))
        describe(
            self.helplines,
            self.tr(
                "Up to five national helplines for the back cover: name, number and when to "
                "call. Type over a cell to change it; an empty row is left out."
            ),
        )
        self.helplines.setHorizontalHeaderLabels(
            [self.tr("Helpline"), self.tr("Number"), self.tr("When to call")]
        )
        self.helplines.horizontalHeader().setStretchLastSection(True)
        self.helplines.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.helplines.setColumnWidth(0, 240)
        self.helplines.setColumnWidth(1, 140)
        self.checked = QCheckBox(self.tr("I ha&ve checked these helpline numbers"))
        self.checked.setObjectName("helplinesChecked")
        describe(
            self.checked,
            self.tr(
                "Until this is ticked, the booklet says beside the helplines that they are the "
                "app's defaults and to check them."
            ),
        )
        self.from_sign_off = QLabel()
        self.from_sign_off.setObjectName("fromSignOff")
        self.from_sign_off.setWordWrap(True)
        form = QFormLayout(self)
        for text, widget in (
            ("Cover &line:", self.cover_line),
            ("Cr&edit line:", self.credit_line),
            ("La&nguage:", self.language),
        ):
            label = QLabel(self.tr(text))
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.tr("Programme logo:"), logo_row)
        helplines_label = QLabel(self.tr("Na&tional helplines (back cover):"))
        helplines_label.setBuddy(self.helplines)
        form.addRow(helplines_label, self.helplines)
        form.addRow("", self.checked)
        form.addRow(self.tr("Dates and reference:"), self.from_sign_off)
        for edit in (self.cover_line, self.credit_line):
            edit.textEdited.connect(lambda _t: self._changed())
        self.language.activated.connect(lambda _i: self._changed())
        self.checked.toggled.connect(lambda _on: self._changed())
        self.helplines.itemChanged.connect(lambda _item: self._changed())

    def focus_start(self) -> None:
        self.cover_line.setFocus()

    def _changed(self) -> None:
        self.page.dirty = True

    def show_details(
        self, details: BookletDetails, pledge_type: str, dates: tuple[str, str, str]
    ) -> None:
        self.blockSignals(True)
        self.helplines.blockSignals(True)
        self.cover_line.setText(details.cover_line)
        self.cover_line.setPlaceholderText(cover_line_for(pledge_type))
        self.credit_line.setText(details.credit_line)
        self.credit_line.setPlaceholderText(DEFAULT_CREDIT_LINE)
        self.language.setCurrentIndex(max(self.language.findData(details.language), 0))
        self.checked.blockSignals(True)
        self.checked.setChecked(details.helplines_checked)
        self.checked.blockSignals(False)
        self.helplines.clearContents()
        for row, line in enumerate(details.helplines[:HELPLINE_ROWS]):
            for column, text in enumerate((line.name, line.phone, line.hours)):
                self.helplines.setItem(row, column, QTableWidgetItem(text))
        self.helplines.blockSignals(False)
        self.blockSignals(False)
        self.set_logo(details.programme_logo_png)
        published, review, reference = dates
        self.from_sign_off.setText(
            self.tr("Published %s, review date %s, reference %s: from the pledge's sign-off.")
            % (published, review, reference or self.tr("none given"))
            if published
            else self.tr(
                "Not signed off yet: the publication date, review date and leaflet reference "
                "are printed once the pledge is signed off."
            )
        )

    def set_logo(self, png: bytes | None) -> None:
        self.logo_png = png
        if png:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.programme_logo.setPixmap(pixmap.scaled(80, 48, Qt.AspectRatioMode.KeepAspectRatio))
            self.programme_logo.setAccessibleName(self.tr("Programme logo chosen"))
        else:
            self.programme_logo.clear()
            self.programme_logo.setText(self.tr("No logo"))
            self.programme_logo.setAccessibleName(self.tr("No programme logo"))

    def details(self) -> BookletDetails:
        lines = []
        for row in range(self.helplines.rowCount()):
            cells = [self.helplines.item(row, c) for c in range(3)]
            name, phone, hours = (cell.text().strip() if cell else "" for cell in cells)
            if name or phone:
                lines.append(Helpline(name, phone, hours))
        return BookletDetails(
            cover_line=self.cover_line.text(),
            credit_line=self.credit_line.text(),
            programme_logo_png=self.logo_png,
            helplines=tuple(lines),
            helplines_checked=self.checked.isChecked(),
            language=self.language.currentData() or "en-GB",
        )
