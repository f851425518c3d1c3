"""Shared by the theme tests: the application, its palette and style sheet put back after each."""

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


@pytest.fixture
def app(qtbot) -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, sheet = QPalette(app.palette()), app.styleSheet()
    yield app
    app.setPalette(before)
    app.setStyleSheet(sheet)
