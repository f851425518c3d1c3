"""About, the user guide, and restoring from a backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QImage,
    QPixmap,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pledge_desktop import APP_NAME, __version__
from pledge_desktop.ui.common.desktop import open_folder
from pledge_desktop.ui.common.widgets import sized

if TYPE_CHECKING:
    from pledge_desktop.services.maintenance import BackupInfo


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, is_demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %s") % APP_NAME)
        demo = (
            self.tr(" This is the demo data set: every record in it is fictional.")
            if is_demo
            else ""
        )
        text = QLabel(
            self.tr(
                "<h2>%s %s</h2><p>For the Breast Care Nurses who lead their hospital's Service "
                "Pledge for Breast Cancer. Works offline; sends nothing anywhere.</p>"
                "<p><b>Data folder:</b><br>%s</p><p>It holds the database and its backups.%s</p>"
            )
            % (APP_NAME, __version__, data_dir, demo)
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(
            text.textInteractionFlags() | text.textInteractionFlags().TextSelectableByMouse
        )
        open_button = QPushButton(self.tr("&Open data folder"))
        open_button.clicked.connect(lambda: open_folder(data_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(open_button)
        layout.addWidget(buttons)


class GuideBrowser(QTextBrowser):
    """The guide's text, its pictures shrunk to the width of the window (never enlarged)."""

    MARGIN = 24

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_images()

    def fit_images(self) -> None:
        room = max(self.viewport().width() - self.MARGIN, 100)
        document = self.document()
        block = document.begin()
        while block.isValid():
            for fragment in _fragments(block):
                fmt = fragment.charFormat()
                if not fmt.isImageFormat():
                    continue
                image = fmt.toImageFormat()
                natural = self._natural_width(image.name())
                width = min(natural, room) if natural > 0 else room
                if abs(image.width() - width) < 1:
                    continue
                image.setWidth(width)
                image.setHeight(0)  # keep the proportions
                image.clearProperty(QTextFormat.Property.ImageHeight)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(image)
            block = block.next()

    def _natural_width(self, name: str) -> int:
        picture = self.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        if picture is None:
            picture = self.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        return picture.width() if isinstance(picture, QImage | QPixmap) else 0


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    found = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            found.append(fragment)
        iterator += 1
    return found


class UserGuideDialog(QDialog):
    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        sized(self, 820, 640)
        browser = GuideBrowser()
        browser.setObjectName("guideText")
        browser.setOpenExternalLinks(False)
        browser.setSearchPaths([str(guide.parent)])  # for the guide's pictures
        browser.setMarkdown(guide.read_text(encoding="utf-8"))
        self.browser = browser
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)


class RestoreDialog(QDialog):
    """Pick a backup from the list, or any file; `chosen` is the file to restore."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.chosen: Path | None = None
        kinds = {
            "auto": self.tr("automatic"),
            "manual": self.tr("taken by hand"),
            "before-restore": self.tr("before a restore"),
            "before-upgrade": self.tr("before an upgrade"),
            "before-demo-rebuild": self.tr("before the demo was rebuilt"),
        }
        intro = QLabel(
            self.tr(
                "Choose the backup to go back to. Everything typed since then will be replaced, "
                "but the data as it is now is backed up first, so this can be undone."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        for backup in backups:
            when = f"{backup.taken_at:%A %d %B %Y, %H:%M}" if backup.taken_at else backup.path.name
            kind = kinds.get(backup.kind, backup.kind)
            item = QListWidgetItem(f"{when}  ({kind}, {backup.size_bytes // 1024} KB)")
            item.setData(256, str(backup.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._take_selected())
        other = QPushButton(self.tr("Choose another &file…"))
        other.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._take_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, other, buttons):
            layout.addWidget(widget)

    def _take_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(256))
            self.accept()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            "",
            self.tr("Pledge Desktop backups (*.sqlite3);;All files (*)"),
        )
        if name:
            self.chosen = Path(name)
            self.accept()
