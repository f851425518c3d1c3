"""`pledge booklet` reads with sqlite3 alone: the same contents, the same plain-English check and
the same identifier check as the booklet service, on the demo and on a database planted with
people to find; its "last written" note leaves the same audit line, chained."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from pledge_desktop.db import models as m
from pledge_desktop.db.audit_chain import verify_audit_chain
from pledge_desktop.domain.booklet import Highlight
from pledge_desktop.domain.pledge_year import SignOff
from pledge_desktop.domain.print_gate import PrintChoices
from pledge_desktop.domain.privacy import FindingsRemain
from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.setup import PatientRepresentative
from pledge_desktop.services import maintenance, privacy_decisions
from pledge_desktop.services.goals import goals
from pledge_desktop.services.publishing import quick_booklet
from pledge_desktop.services.publishing.quick_booklet import QuickBooklet
from pledge_desktop.services.results import results
from pledge_desktop.services.workspace import open_workspace

PATIENT = "Mrs Margery Testcase"
PHONE = "07700 900461"
REDACT = PrintChoices(remove_all=True)


def usual_answers(folder: Path) -> dict[str, object]:
    """What the ORM path gives for every cycle, read-only."""
    found: dict[str, object] = {}
    with open_workspace(folder, write=False) as ws:
        for cycle in ws.cycles.cycles():
            key = f"{cycle.label} {cycle.pledge_type}"
            booklet = ws.booklet
            found[key] = (
                ws.cycles.find(f"{cycle.label} {cycle.pledge_type}").id,
                booklet.contents(cycle.id, True),
                booklet.check_wording(cycle.id),
                booklet.print_review(cycle.id),
                _printed(lambda c=cycle.id, b=booklet: b.printed(c, True, REDACT)),
                _printed(lambda c=cycle.id, b=booklet: b.printed(c, True)),
            )
        found["demo"] = ws.is_demo
    return found


def quick_answers(folder: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    quick = QuickBooklet.open(folder)
    assert quick is not None
    with quick:
        for cycle in quick._rows.cycles():
            key = f"{cycle.label} {cycle.pledge_type}"
            contents = quick.contents(cycle.id, True)
            found[key] = (
                quick.find_cycle(key).id,
                contents,
                quick.check_wording(cycle.id, contents),
                quick.review(cycle.id, contents),
                _printed(lambda c=cycle.id, k=contents: quick.printed(c, k, REDACT)),
                _printed(lambda c=cycle.id, k=contents: quick.printed(c, k, PrintChoices())),
            )
        found["demo"] = quick.is_demo
    return found


def _printed(make):  # type: ignore[no-untyped-def]
    try:
        return make()
    except FindingsRemain as remaining:
        return ("refused", remaining.findings, str(remaining))


def test_the_settings_keys_agree_with_the_services() -> None:
    assert quick_booklet.DEMO_SETTING == maintenance.DEMO_SETTING
    assert quick_booklet.SMALL_NUMBER_KEY == results.SMALL_NUMBER_KEY
    assert quick_booklet.NOT_IDENTIFIERS == privacy_decisions.NOT_IDENTIFIERS
    assert quick_booklet.HORIZON_SETTING == goals.HORIZON_SETTING


def test_the_demo_reads_the_same_both_ways(demo_folder: str) -> None:
    folder = Path(demo_folder)
    usual = usual_answers(folder)
    assert usual == quick_answers(folder)
    contents = usual["2026 primary"][1]  # type: ignore[index]
    assert contents.findings and contents.goals and contents.team and contents.standards


def test_a_planted_database_reads_and_is_checked_the_same_both_ways(demo_folder: str) -> None:
    folder = Path(demo_folder)
    with open_workspace(folder) as ws:
        cycle = ws.cycles.find("2026")
        booklet = ws.booklet
        with ws.db.transaction() as session:
            session.execute(
                update(m.Goal)
                .where(m.Goal.cycle_id == cycle.id)
                .values(title=m.Goal.title + f" ({PATIENT} asked, {PHONE})")
            )
            session.merge(m.AppSetting(key="goal_horizon_short", value="by Easter"))
            session.merge(m.AppSetting(key="small_number_threshold", value="12"))
        ws.setup.save_representative(
            PatientRepresentative(cycle.id, "Dora Unconsented", consent_to_be_named=False)
        )
        ws.sign_off.save_sign_off(
            SignOff(cycle.id, "Dr Test", "Clinical Director", date(2026, 2, 28))
        )
        questionnaire = ws.questionnaires.for_cycle(cycle.id)
        several = next(q for q in questionnaire.questions() if q.type is AnswerType.MULTIPLE)
        choices = booklet.choices(cycle.id)
        words = booklet.words(cycle.id)
        standards = booklet.standard_choices(cycle.id)
        booklet.save(
            cycle.id,
            replace(words, get_involved=words.get_involved + " Ask Dora Unconsented."),
            replace(
                choices,
                standards_left_out=frozenset({standards[0].id}),
                highlights=(
                    *choices.highlights,
                    Highlight(several.code, (several.options[0].code,), "ticked the first"),
                ),
            ),
        )
        ws.booklet.not_an_identifier(ws.booklet.print_review(cycle.id)[:1])
    usual = usual_answers(folder)
    assert usual == quick_answers(folder)
    refused = usual["2026 primary"][5]  # type: ignore[index]
    assert refused[0] == "refused"
    assert {"name", "phone number"} <= {f.kind for f in refused[1]}


def test_the_quick_note_of_writing_is_audited_and_chained(demo_folder: str, tmp_path) -> None:
    folder = Path(demo_folder)
    quick = QuickBooklet.open(folder)
    assert quick is not None
    with quick:
        cycle = quick.find_cycle("2026")
        contents = quick.contents(cycle.id, True)
        written = quick.write(
            cycle.id, quick.printed(cycle.id, contents, PrintChoices()), tmp_path / "b.pdf"
        )
    assert written.pages % 4 == 0 and (tmp_path / "b.pdf").exists()
    with sqlite3.connect(folder / "pledge.sqlite3") as connection:
        assert verify_audit_chain(connection) == []
    with open_workspace(folder, write=False) as ws:
        assert ws.booklet.written_at(cycle.id) is not None
        with ws.db.reading() as session:
            line = session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id.desc())).first()
            assert (line.entity, line.action, line.field) == ("booklet", "update", "written_at")
            assert line.new_value == ws.booklet.written_at(cycle.id).isoformat()
        assert ws.maintenance.problems() == []


def test_an_open_folder_takes_the_usual_way(demo_folder: str) -> None:
    with open_workspace(Path(demo_folder)):
        assert QuickBooklet.open(Path(demo_folder)) is None


@pytest.mark.parametrize("argv", [[], ["--cycle", "2026"]])
def test_pledge_booklet_never_imports_the_orm(demo_folder: str, tmp_path, argv) -> None:
    out = tmp_path / "booklet.pdf"
    probe = (
        "import sys; from pledge_desktop.cli import main; "
        f"code = main(['--data-dir', {demo_folder!r}, 'booklet', '--out', {str(out)!r}, "
        f"*{argv!r}]); "
        "print('ORM' if 'sqlalchemy' in sys.modules else 'no ORM'); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=Path(__file__).parents[3]
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("no ORM") and out.exists()
