"""Sending data to the charity from the File menu, and combining packages, as a nurse and the
charity's staff would: by keyboard, with the result read back."""

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from pledge_desktop.db import models as m
from pledge_desktop.exchange.package_io import read_package
from pledge_desktop.services.exchange.export import ExportChoices
from tests.helpers import reactivate, when_dialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_wizard_reviews_comments_and_writes_a_protected_file(
    qtbot, open_window, demo_workspace, tmp_path
) -> None:
    window = open_window(demo_workspace)
    out = tmp_path / "to-the-charity.zip"
    seen: dict[str, object] = {}

    def walk(wizard) -> None:  # type: ignore[no-untyped-def]
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
        seen["tables"] = wizard.what.tables.count()
        seen["held back"] = wizard.what.held_back.text()
        wizard.what.k.setFocus()
        qtbot.keyClick(wizard.what.k, Qt.Key.Key_Up)  # k = 6
        assert "fewer than 6" in wizard.what.held_back.text()
        wizard.next()
        comments = wizard.comments.list
        comments.setFocus()
        comments.setCurrentRow(0)
        qtbot.keyClick(comments, Qt.Key.Key_Space)
        seen["sent"] = comments.item(0).text()
        wizard.next()
        findings = wizard.findings
        seen["findings"] = [findings.list.item(i).text() for i in range(findings.list.count())]
        assert not findings.isComplete()  # nothing is sent until each one is decided
        qtbot.keyClick(findings.list, Qt.Key.Key_N)  # the first: not an identifier
        while not findings.isComplete():
            qtbot.keyClick(findings.list, Qt.Key.Key_R)
        wizard.next()
        send = wizard.send
        qtbot.keyClicks(send.password, "a long passphrase")
        qtbot.keyClicks(send.again, "a long passphrase")
        send.path.setText(str(out))
        wizard.next()
        seen["done"] = wizard.done_page.summary.text()
        wizard.accept()

    when_dialog("exportWizard", walk)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "done" in seen, timeout=20000)
    assert seen["tables"] == 15
    found = seen["findings"]
    assert any("quotes" in line and "attributed_to" in line and "J***" in line for line in found)
    assert not any("Jean" in line for line in found)  # masked, never shown in full
    assert "could pick a patient out" in str(seen["held back"])
    assert "SHA-256" in str(seen["done"]) and "protected with your password" in str(seen["done"])
    assert out.exists()
    with zipfile.ZipFile(out) as archive:
        assert archive.infolist()[0].flag_bits & 0x1  # encrypted
    package = read_package(out, "a long passphrase")
    with demo_workspace.db.reading() as session:
        decided = session.execute(
            select(m.AuditEntry.os_user, m.AuditEntry.at_utc, m.AuditEntry.new_value).where(
                m.AuditEntry.entity == "privacy decision"
            )
        ).all()
    assert len(decided) == 1 and decided[0].os_user and decided[0].at_utc
    assert "Jean" not in decided[0].new_value
    assert package.about["k_anonymity"] == 6
    sent = [
        value
        for row in package.tables["responses"]
        for value in (row["improve_one_thing"], row["good_care"])
        if value not in ("", "withheld", "blank", "skipped")
    ]
    assert len(sent) == 1 and sent[0] in str(seen["sent"])


def test_the_charity_combines_packages_and_sees_rejections(
    qtbot, open_window, demo_workspace, tmp_path, monkeypatch
) -> None:
    good = tmp_path / "riverside.zip"
    demo_workspace.export.export(
        demo_workspace.cycles.find("2026").id, good, ExportChoices(remove_all=True)
    )
    bad = tmp_path / "broken.zip"
    bad.write_bytes(good.read_bytes()[:500])
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(bad)], "")
    )
    window = open_window(demo_workspace)
    out = tmp_path / "national"
    said: list[str] = []

    def combine(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.add_files()
        dialog.out.setText(str(out))
        dialog.combine()
        said.append(dialog.report.toPlainText())
        dialog.reject()

    when_dialog("mergeDialog", combine)
    window.merge_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert f"Taken: {good}" in said[0]
    assert f"REJECTED: {bad}" in said[0] and "truncated" in said[0]
    assert (out / "summary.xlsx").exists() and (out / "summary.pdf").exists()


def test_the_published_pledge_goes_too_when_ticked(
    qtbot, open_window, demo_workspace, tmp_path
) -> None:
    """Greyed out, saying why, until the pledge is signed off with consent; then ticked by
    Alt+P, its words join the findings to decide, and its files go in publication/."""
    from datetime import date

    from sqlalchemy import func, update

    from pledge_desktop.domain.pledge_year import SignOff

    window = open_window(demo_workspace)
    cycle_id = window.context.cycle_id  # the pledge chosen at the top
    with demo_workspace.db.transaction() as session:
        first = session.scalars(select(func.min(m.Goal.id)).where(m.Goal.cycle_id == cycle_id))
        session.execute(
            update(m.Goal).where(m.Goal.id == first.one()).values(title="Ring Mrs Margery Testcase")
        )
    seen: dict[str, object] = {}

    def look(wizard) -> None:  # type: ignore[no-untyped-def]
        seen["enabled"] = wizard.what.publication.isEnabled()
        seen["why"] = wizard.what.publication_note.text()
        wizard.reject()

    when_dialog("exportWizard", look)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "why" in seen)
    assert seen["enabled"] is False and "not been signed off" in str(seen["why"])
    demo_workspace.sign_off.save_sign_off(
        SignOff(cycle_id, "Dr Test", "Clinical Director", date(2026, 9, 1), publish_consent=True)
    )
    out = tmp_path / "with-publication.zip"

    def walk(wizard) -> None:  # type: ignore[no-untyped-def]
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
        assert wizard.what.publication.isEnabled()
        wizard.what.publication.setFocus()
        qtbot.keyClick(wizard.what.publication, Qt.Key.Key_Space)
        assert wizard.what.publication.isChecked()
        wizard.next()
        wizard.next()
        findings = wizard.findings
        seen["findings"] = [findings.list.item(i).text() for i in range(findings.list.count())]
        while not findings.isComplete():
            qtbot.keyClick(findings.list, Qt.Key.Key_R)
        wizard.next()
        wizard.send.path.setText(str(out))
        wizard.next()
        seen["done"] = True
        wizard.accept()

    reactivate(qtbot, window)
    when_dialog("exportWizard", walk)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "done" in seen, timeout=20000)
    assert any(line.startswith("[?] goal") and "M******" in line for line in seen["findings"]), seen
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        published = archive.read("publication/pledge.json").decode("utf-8")
    assert "publication/booklet.pdf" in names
    assert "Testcase" not in published and "[removed]" in published
