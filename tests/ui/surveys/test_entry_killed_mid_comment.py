"""The app killed while a nurse types a written answer: at most a few seconds of typing lost.

A child process runs the real entry screen (offscreen) and types a comment a character at a
time, at a steady typist's pace, reporting each character as it goes. It is killed (SIGKILL,
like a power cut for the process) after a number of characters that differs each round; the
draft left in the database must hold every character typed up to 5 seconds before the kill.
The test waits on the child's reports, never on the clock; the clock only measures what was lost.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TYPIST = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from pledge_desktop.services.workspace import open_workspace
    from pledge_desktop.ui.common.changes import ChangeHub
    from pledge_desktop.ui.common.context import ScreenContext
    from pledge_desktop.ui.surveys.survey_entry_page import SurveyEntryPage

    app = QApplication([])
    workspace = open_workspace(Path(sys.argv[1]), demo=True)
    context = ScreenContext(workspace, ChangeHub())
    context.select_cycle(workspace.cycles.find("2026").id)
    page = SurveyEntryPage(context)
    page.resize(1000, 700)
    page.show()
    page.open_form(int(sys.argv[2]))
    page.entry.go_to("improve_one_thing")
    page._refresh()
    page.answer_input.setFocus()
    print("ready", flush=True)
    words = "the waiting room is cramped and there is nowhere private to talk " * 20
    for count, char in enumerate(words, start=1):
        QTest.keyClick(page.answer_input, char)
        app.processEvents()
        print(count, time.monotonic(), flush=True)
        time.sleep(0.02)  # a quick typist: fifty characters a second
""")


def _draft_typing(folder: Path, serial: int) -> str:
    with sqlite3.connect(f"file:{folder / 'pledge.sqlite3'}?mode=ro", uri=True) as db:
        row = db.execute(
            "SELECT payload FROM entry_draft WHERE serial = ?", (serial,)
        ).fetchone()
    return json.loads(row[0]).get("typing", "") if row else ""


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [150, 450])
def test_killed_mid_comment_loses_at_most_five_seconds(
    demo_folder: str, kill_after: int
) -> None:
    folder = Path(demo_folder)
    serial = 400 + kill_after
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(folder), str(serial)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    typed_at: dict[int, float] = {}
    while len(typed_at) < kill_after:
        line = child.stdout.readline()
        assert line, "the typist stopped before it was killed"
        count, when = line.split()
        typed_at[int(count)] = float(when)
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    for line in rest.splitlines():  # characters reported between our reading and the kill
        count, when = line.split()
        typed_at[int(count)] = float(when)
    last = max(typed_at)
    kept = len(_draft_typing(folder, serial))
    assert kept <= last
    # what was lost is the typing after the last character the draft holds
    lost_seconds = typed_at[last] - typed_at[kept] if kept else typed_at[last] - typed_at[1]
    assert lost_seconds <= 5.0, f"{last - kept} characters ({lost_seconds:.1f} s) lost"
