"""The warning where words that may leave the hospital are typed: a goal's title, why and
description, a standard of care, a quote's words and attribution, a theme's name. Typing an
identifier shows it, masked; ordinary words show nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pledge_desktop.domain.goals import Term
from pledge_desktop.domain.identifiers import Finding
from pledge_desktop.ui.common.identifier_warning import IdentifierWarning, warning_text
from tests.helpers import when_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
ORDINARY = "More time to talk with the nurse before surgery, and clearer letters"


def settled(qtbot, warning: IdentifierWarning) -> None:  # type: ignore[no-untyped-def]
    """Wait until the warning has looked at what is in its box now."""
    qtbot.waitUntil(
        lambda: not warning.timer.isActive() and warning.checked_words == warning.words()
    )


def type_over(qtbot, warning: IdentifierWarning, words: str) -> None:  # type: ignore[no-untyped-def]
    editor = warning.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)  # select all: the new words replace the old
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, words)
    settled(qtbot, warning)


def shows(qtbot, warning: IdentifierWarning, words: str, *expected: str) -> str:  # type: ignore[no-untyped-def]
    type_over(qtbot, warning, words)
    assert warning.isVisibleTo(warning.window()), words
    text = warning.text()
    assert text.startswith("⚠ This may identify someone: ")
    for part in expected:
        assert part in text, (part, text)
    assert warning.accessibleName().startswith("Possible identifier in ")
    assert warning.accessibleDescription() == text
    return text


def shows_nothing(qtbot, warning: IdentifierWarning, words: str = ORDINARY) -> None:  # type: ignore[no-untyped-def]
    type_over(qtbot, warning, words)
    assert not warning.isVisibleTo(warning.window()), warning.text()
    assert warning.text() == ""


def test_the_words_of_the_warning() -> None:
    assert warning_text([]) == ""
    found = [Finding("name", 0, 10, "Jane Smith"), Finding("phone number", 15, 27, "07700 900123")]
    assert warning_text(found).startswith(
        "⚠ This may identify someone: name “J*** S****”, phone number “0**** 9*****”."
    )
    many = [Finding("name", i, i + 1, "Ann") for i in range(6)]
    assert "and 2 more" in warning_text(many)


def test_a_goal_warns_under_its_title_why_and_description(
    qtbot, open_window, demo_workspace
) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    page = window.current_page()
    seen: list[str] = []

    def work(dialog: QDialog) -> None:
        title, why, description = (dialog.warnings[n] for n in ("title", "why", "description"))
        assert not title.isVisibleTo(dialog)
        seen.append(
            shows(
                qtbot,
                title,
                "Ring Jane Smith on 07700 900123",
                "name “J*** S****”",
                "phone number “0**** 9*****”",
            )
        )
        shows_nothing(qtbot, title, "A quiet room after clinic")
        seen.append(shows(qtbot, why, "As lena madeup said on 12/03/2026", "name", "date"))
        shows_nothing(qtbot, why)
        seen.append(shows(qtbot, description, "Post to 12 River Road, LS1 4AP", "address"))
        shows_nothing(qtbot, description)
        dialog.reject()

    when_dialog("goalDialog", work)
    qtbot.keyClick(page.board.lists[Term.SHORT], Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert not any(word in " ".join(seen) for word in ("Jane", "Smith", "900123", "madeup"))


def test_a_standard_of_care_warns(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    page = window.current_page()
    qtbot.keyClick(page.tabs, Qt.Key.Key_R, ALT)  # Standards of care
    standards = page.standards
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is standards)
    warning = standards.warnings["text"]
    shows(qtbot, warning, "Call Sister Grace Sample on 01632 960125", "name", "phone number")
    shows_nothing(qtbot, warning, "You will see a breast care nurse within a week")
    standards.form.dirty = False


def test_a_quote_warns_under_its_words_and_attribution(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    page = window.current_page()
    qtbot.keyClick(page.tabs, Qt.Key.Key_U, ALT)  # Quotes
    quotes = page.quotes
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is quotes)
    assert quotes.model.rowCount() > 0
    words, attributed = quotes.warnings["wording"], quotes.warnings["attributed_to"]
    shows(qtbot, words, "My husband Brian drove me, NHS number 943 476 5919", "NHS number")
    shows_nothing(qtbot, words, "Nobody told me how long the wait would be")
    shows(qtbot, attributed, "Mrs Patricia Oakley, 64", "name")
    shows_nothing(qtbot, attributed, "Patient, 2026")
    quotes.form.dirty = False


def test_a_theme_name_warns(qtbot, open_window, demo_workspace) -> None:
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    page = window.current_page()
    qtbot.keyClick(page.tabs, Qt.Key.Key_E, ALT)  # Themes
    themes = page.themes
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is themes)
    warning = themes.warnings["name"]
    shows(qtbot, warning, "What Dr Priya Imaginary said", "name")
    shows(qtbot, warning, "Joe dummy's scans", "name")  # the team's names in any case
    shows_nothing(qtbot, warning, "Waiting times")
    themes.form.dirty = False
