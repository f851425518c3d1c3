"""Dark mode: the tinted parts of the screens (the demo banner, problem and warning lines,
notes, the lock screen's message) follow the palette when it turns dark, and back again."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from pledge_desktop.ui.common.theme import TINTS, apply_theme, is_dark, tint
from pledge_desktop.ui.shell.main_window import MainWindow
from pledge_desktop.ui.shell.session_lock import LockScreen


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#2d2e31"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def lightness_of_background(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return image.pixelColor(2, 2).lightness()


def text_colour(widget: QWidget) -> QColor:
    widget.ensurePolished()
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_tinted_widgets_follow_the_palette_into_dark_mode_and_back(qtbot, app) -> None:
    assert not is_dark(app.palette())
    window = MainWindow()
    qtbot.addWidget(window)
    banner = window.demo_banner
    banner.setText("DEMO: fictional data")
    banner.resize(300, 30)
    lock = LockScreen()
    qtbot.addWidget(lock)
    lock.message.setText("That is not the passphrase.")
    note = QLabel("Goals can be carried forward")
    qtbot.addWidget(note)
    tint(note, "note")
    note.resize(300, 30)
    assert lightness_of_background(banner) > 160  # the pale yellow banner on a light window
    assert lightness_of_background(note) > 200
    assert text_colour(lock.message).lightness() < 128  # dark red on light

    app.setPalette(dark_palette())
    apply_theme(app)
    assert is_dark()
    assert lightness_of_background(banner) < 100  # a deep amber, not a pale block
    assert text_colour(banner).lightness() > 160
    assert lightness_of_background(note) < 100
    assert text_colour(lock.message).lightness() > 128  # a light red, readable on dark
    assert lock.message.styleSheet() == TINTS["problem"][1]

    app.setPalette(QPalette())
    apply_theme(app)
    assert lightness_of_background(banner) > 160
    assert text_colour(lock.message).lightness() < 128


def test_high_contrast_keeps_weight_and_spacing_but_no_colours(qtbot, app, monkeypatch) -> None:
    monkeypatch.setattr("pledge_desktop.ui.common.theme.high_contrast", lambda: True)
    label = QLabel("Check this")
    qtbot.addWidget(label)
    tint(label, "demo")
    sheet = label.styleSheet()
    assert "bold" in sheet and "padding" in sheet
    assert "color" not in sheet and "background" not in sheet


def test_every_tint_has_a_light_and_a_dark_version() -> None:
    for kind, (light, dark) in TINTS.items():
        assert light != dark, kind
