"""Handing a folder or file to the operating system's own programs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_folder(folder: Path) -> bool:
    """Open a folder in the system's file manager; False when the system could not."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
