"""`pledge publish`: refused without a sign-off; then the booklet, pledge.json and consent."""

import json
from datetime import date
from pathlib import Path

from pledge_desktop.cli import main
from pledge_desktop.domain.pledge_year import SignOff
from pledge_desktop.services.workspace import open_workspace


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_publish_needs_a_sign_off_then_writes_the_files(capsys, demo_folder, tmp_path) -> None:
    out = tmp_path / "site"
    code, _out, err = run(
        capsys, "publish", "--data-dir", demo_folder, "--cycle", "2026", "--out", str(out)
    )
    assert code == 1 and "not been signed off" in err
    assert not (out / "pledge.json").exists()
    with open_workspace(Path(demo_folder)) as ws:
        cycle = ws.cycles.find("2026")
        ws.sign_off.save_sign_off(
            SignOff(
                cycle.id, "Dr Test", "Clinical Director", date(2026, 9, 1), publish_consent=True
            )
        )
    code, printed, _err = run(
        capsys, "publish", "--data-dir", demo_folder, "--cycle", "2026", "--out", str(out)
    )
    assert code == 0 and "Published the primary pledge 2026" in printed
    facts = json.loads((out / "pledge.json").read_text(encoding="utf-8"))
    assert facts["fictional"] is True and "by" not in facts["signed_off"]
    assert "Dr Test" not in (out / "pledge.json").read_text(encoding="utf-8")  # for the web
    assert "Signed off by Dr Test" in (out / "consent-to-publish.txt").read_text("utf-8")
    assert facts["goals"] and all(g["status"] != "dropped" for g in facts["goals"])
    assert (out / "booklet.html").read_text(encoding="utf-8").lstrip().startswith("<!")
    code, printed, _err = run(capsys, "cycles", "--data-dir", demo_folder)
    assert "Published" in printed.splitlines()[1]
