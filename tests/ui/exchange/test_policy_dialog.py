"""File → Data policy from the charity: the policy in use shown in full, a newer one taken, an
older or weaker one refused with the reason; all by keyboard."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from tests.helpers import reactivate, when_dialog
from tests.ui.shell.test_accessibility import unnamed
from tests.ui.shell.test_fit import fit_check, placed
from tests.ui.shell.test_main_window import menu_action
from tests.ui.shell.test_mnemonics import MNEMONIC

ALT = Qt.KeyboardModifier.AltModifier
SHIPPED = json.loads(
    (Path(__file__).resolve().parents[3] / "resources/policy/data-policy.json").read_text("utf-8")
)


def answer_problem(said: list[str]) -> None:
    """When a message box opens over the dialog, note its words and press OK."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def test_the_policy_is_shown_and_only_a_newer_stronger_one_is_taken(
    qtbot, open_window, demo_workspace, tmp_path, monkeypatch
) -> None:
    files = {
        "same": {**SHIPPED},
        "weaker": {**SHIPPED, "version": 2, "k": 3},
        "newer": {**SHIPPED, "version": 2, "date": "2027-01-08", "k": 6},
    }
    for name, policy in files.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(policy), "utf-8")
    chosen: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(tmp_path / f"{chosen[-1]}.json"), ""),
    )
    window = open_window(demo_workspace)
    placed(window)
    seen: dict[str, object] = {}

    def work(dialog: QDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        seen["fit"] = fit_check(dialog, "data policy")
        seen["unnamed"] = unnamed(dialog)
        letters = [
            MNEMONIC.search(b.text()) for b in dialog.findChildren(type(dialog.import_button))
        ]
        seen["letters"] = [m.group(1).lower() for m in letters if m]
        seen["summary"] = dialog.summary.text()
        seen["text"] = dialog.text.toPlainText()
        assert QApplication.focusWidget() is dialog.text
        qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)  # the policy, then Import, by Tab
        seen["tab"] = QApplication.focusWidget() is dialog.import_button
        said: list[str] = []
        for number, name in enumerate(("same", "weaker"), start=1):
            chosen.append(name)
            reactivate(qtbot, dialog)  # offscreen, nothing gives it back after a message box
            answer_problem(said)
            qtbot.keyClick(dialog, Qt.Key.Key_I, ALT)  # Import a newer policy…
            qtbot.waitUntil(lambda n=number: len(said) == n)  # the button clicks after 0.1 s
        seen["refused"] = said
        seen["outcome after refusal"] = dialog.outcome.text()
        chosen.append("newer")
        reactivate(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_I, ALT)
        qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Taken"))
        seen["taken"] = dialog.outcome.text()
        seen["summary after"] = dialog.summary.text()
        dialog.reject()

    when_dialog("policyDialog", work)
    menu_action(window, "File", "Data policy from the charity…").trigger()
    qtbot.waitUntil(lambda: "summary after" in seen)
    assert seen["fit"] == [] and seen["unnamed"] == []
    assert len(seen["letters"]) == len(set(seen["letters"]))  # type: ignore[arg-type]
    assert seen["summary"] == "In use: version 1 of 12 January 2026, k 5, counts under 8 held back."
    text = str(seen["text"])
    for part in (
        "Version 1 of 12 January 2026, from The Service Pledge charity.",
        "at least 5 forms (k = 5)",
        "“fewer than 8”",
        "1. Time since diagnosis (questions coded time_since_diagnosis",
        "Under 50 (Under 40, 40 to 49)",
        "National goal categories:",
        "National theme codebook:",
    ):
        assert part in text, part
    assert seen["tab"]
    refused = seen["refused"]
    assert isinstance(refused, list) and len(refused) == 2
    assert "already in use" in refused[0]
    assert "can only make the rules stricter" in refused[1]
    assert str(seen["outcome after refusal"]).startswith("Not taken: This policy would let")
    assert seen["taken"] == "Taken: version 2 of 08 January 2027 is now in use."
    assert "version 2" in str(seen["summary after"]) and "k 6" in str(seen["summary after"])
    assert demo_workspace.export.policy.current().k == 6
