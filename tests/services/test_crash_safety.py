"""Nothing committed is lost when the process is killed mid-work (SIGKILL, like a power cut
for the process; synchronous=FULL covers the operating system's side)."""

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pledge_desktop.db.engine import DATABASE_FILE
from pledge_desktop.services.workspace import open_workspace

SAVER = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from pledge_desktop.domain.setup import PledgeCycle, TeamMember
    from pledge_desktop.services.workspace import open_workspace

    ws = open_workspace(Path(sys.argv[1]))
    cycles = ws.cycles.cycles()
    cycle = cycles[0] if cycles else ws.cycles.save_cycle(
        PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)))
    n = int(sys.argv[2])
    while True:
        saved = ws.setup.save_team_member(TeamMember(cycle.id, f"Nurse {n}", "Breast Care Nurse"))
        print(saved.name, flush=True)   # reported only after the commit returned
        n += 1
""")


@pytest.mark.slow
def test_killed_mid_save_loses_nothing_that_was_committed(data_dir: Path) -> None:
    reported: list[str] = []
    start = 0
    for round_number in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(data_dir), str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        # Killed after a number of acknowledged saves that differs each round (waiting on the
        # child's own reports, never on the clock), so the kill lands at different moments.
        lines: list[str] = []
        for _ in range(3 + 2 * round_number):
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported += lines
        start += 100_000
    assert len(reported) > 20, "the child saved too little to prove anything"
    with sqlite3.connect(data_dir / DATABASE_FILE) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    ws = open_workspace(data_dir)
    try:
        names = {m.name for m in ws.setup.team(ws.cycles.find(None).id)}
        assert ws.maintenance.problems() == []
    finally:
        ws.close()
    missing = [name for name in reported if name not in names]
    assert missing == []
