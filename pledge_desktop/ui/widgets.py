"""Small pieces every screen uses the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def page_title(text: str, size_pt: int = 18) -> QLabel:
    """A screen's heading, named so that tests and screen readers can find it."""
    title = QLabel(text)
    title.setObjectName("pageTitle")
    title.setStyleSheet(f"font-size: {size_pt}pt; font-weight: bold;")
    return title
