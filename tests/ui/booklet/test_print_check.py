"""Writing the booklet when the identifier check finds something: the nurse decides each
finding by keyboard (R: print it as [removed]; N: not an identifier, remembered), then the
booklet is written with her choices."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select, update

from pledge_desktop.db import models as m
from tests.helpers import when_dialog
from tests.pdfs import pdf_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(qtbot, open_window, demo_workspace):
    cycle_id = demo_workspace.cycles.find("2026").id
    with demo_workspace.db.transaction() as session:
        first = session.scalars(select(func.min(m.Goal.id)).where(m.Goal.cycle_id == cycle_id))
        session.execute(
            update(m.Goal)
            .where(m.Goal.id == first.one())
            .values(title="Call Mrs Margery Testcase back on 07700 900461")
        )
    window = open_window(demo_workspace)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    return window.current_page()


def test_each_finding_decided_by_key_then_written(
    qtbot, page, demo_workspace, monkeypatch, tmp_path
) -> None:
    out = tmp_path / "booklet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list[str] = []

    def decide(dialog) -> None:  # type: ignore[no-untyped-def]
        listed = dialog.review.list
        seen.extend(listed.item(i).text() for i in range(listed.count()))
        ok = dialog.buttons.buttons()[0]
        assert not dialog.review.all_decided()
        qtbot.keyClick(listed, Qt.Key.Key_R)  # the name: printed as [removed]
        qtbot.keyClick(listed, Qt.Key.Key_N)  # the phone: not an identifier, remembered
        assert dialog.review.all_decided()
        qtbot.waitUntil(ok.isEnabled)
        dialog.accept()

    when_dialog("wordingDialog", lambda d: (when_dialog("findingsDialog", decide), d.go_on.click()))
    qtbot.keyClick(page, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(out.exists)
    assert len(seen) == 2
    assert seen[0].startswith("[?] goal") and "name" in seen[0] and "Testcase" not in seen[0]
    assert "phone number" in seen[1] and "900461" not in seen[1]
    text = pdf_text(out)
    assert "Call Mrs [removed] back on 07700 900461" in " ".join(text.split())
    cycle_id = demo_workspace.cycles.find("2026").id
    left = demo_workspace.booklet.print_review(cycle_id)
    assert [f.kind for f in left] == ["name"], "the phone is remembered as not an identifier"


def test_cancelling_the_check_writes_nothing(qtbot, page, monkeypatch, tmp_path) -> None:
    out = tmp_path / "booklet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    closed: list[bool] = []

    def cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.reject()
        closed.append(True)

    when_dialog("wordingDialog", lambda d: (when_dialog("findingsDialog", cancel), d.go_on.click()))
    qtbot.keyClick(page, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: bool(closed))
    assert not out.exists()
