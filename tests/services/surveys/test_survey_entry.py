"""Saving typed-in forms, reopening them, and drafts that survive a crash."""

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from pledge_desktop.domain.setup import PledgeCycle
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.services.workspace import open_workspace


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2025").id  # on the first version of the survey


def type_some(entry) -> None:  # type: ignore[no-untyped-def]
    for digit in (1, 2, 1, 1, 2):  # q5 "No": the nurse's three questions are skipped
        entry.press_digit(digit)
    entry.mark(AnswerState.UNREADABLE)
    entry.go_to("tx_received")
    entry.press_digit(1)
    entry.press_digit(3)
    entry.press_enter()
    entry.go_to("improve_one_thing")
    entry.press_enter("More parking")


def test_a_saved_form_reopens_with_every_answer(demo_workspace, cycle_id) -> None:
    service = demo_workspace.survey_entry
    opened = service.open_form(cycle_id, 201)
    assert "never printed" in opened.warning
    type_some(opened.entry)
    service.save_form(cycle_id, opened.entry)
    assert service.count(cycle_id) == 51  # the demo's 50, and this one
    again = service.open_form(cycle_id, 201)
    assert "already entered on" in again.warning
    answers = again.entry.answers
    assert answers["diag_private"].value == 1
    assert answers["bcn_named"].value == 2
    assert answers["bcn_contact"].state is AnswerState.SKIPPED
    assert answers["tx_options"].state is AnswerState.UNREADABLE
    assert answers["tx_received"].value == (1, 3)
    assert answers["improve_one_thing"].value == "More parking"
    assert again.entry.answers == opened.entry.answers


def test_a_printed_form_opens_without_warning(demo_workspace, cycle_id, tmp_path) -> None:
    demo_workspace.survey_forms.print_forms(cycle_id, 3, tmp_path / "f.pdf", start=301)
    assert demo_workspace.survey_entry.open_form(cycle_id, 302).warning == ""


def test_a_single_tick_on_a_multiple_choice_reads_back_as_a_tick(demo_workspace, cycle_id):
    service = demo_workspace.survey_entry
    entry = service.open_form(cycle_id, 205).entry
    entry.go_to("tx_received")
    entry.press_digit(2)
    entry.press_enter()
    service.save_form(cycle_id, entry)
    assert service.open_form(cycle_id, 205).entry.answers["tx_received"].value == (2,)


def test_drafts_are_offered_back_and_go_when_saved(demo_workspace, cycle_id) -> None:
    service = demo_workspace.survey_entry
    entry = service.open_form(cycle_id, 207).entry
    entry.press_digit(2)
    service.save_draft(cycle_id, entry)
    assert service.drafts(cycle_id) == [207]
    reopened = service.open_form(cycle_id, 207)
    assert reopened.from_draft and reopened.entry.answers["diag_private"].value == 2
    assert reopened.entry.current.code == "diag_companion"
    service.save_form(cycle_id, reopened.entry)
    assert service.drafts(cycle_id) == []


@pytest.mark.slow
def test_a_draft_survives_the_process_being_killed(demo_workspace, cycle_id) -> None:
    data_dir = demo_workspace.data_dir
    demo_workspace.close()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import os, signal
            from pathlib import Path
            from pledge_desktop.services.workspace import open_workspace
            ws = open_workspace(Path({str(data_dir)!r}))
            entry = ws.survey_entry.open_form({cycle_id}, 212).entry
            entry.press_digit(1); entry.press_digit(2)
            entry.go_to("improve_one_thing"); entry.press_enter("Typed before the power cut")
            ws.survey_entry.save_draft({cycle_id}, entry)
            os.kill(os.getpid(), signal.SIGKILL)
        """),
        ],
        capture_output=True,
        timeout=60,
    )
    assert child.returncode == -9
    ws = open_workspace(Path(data_dir))
    try:
        assert ws.survey_entry.drafts(cycle_id) == [212]
        entry = ws.survey_entry.open_form(cycle_id, 212).entry
        assert entry.answers["improve_one_thing"].value == "Typed before the power cut"
        assert entry.answers["diag_companion"].value == 2
    finally:
        ws.close()


def test_dates_and_numbers_are_stored_as_such(demo_workspace, tmp_path) -> None:
    head = (
        '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label",'
        '"Choices, Calculations, OR Slider Labels","Field Note",'
        '"Text Validation Type OR Show Slider Number","Text Validation Min",'
        '"Text Validation Max"'
    )
    path = tmp_path / "d.csv"
    path.write_text(
        f"{head}\nrecord_id,f,,text,ID,,,,,\nseen,f,,text,When?,,,date_dmy,,\n"
        "visits,f,,text,How many visits?,,,integer,0,50\n"
    )
    ws = demo_workspace
    ws.questionnaires.import_redcap(path, "Dates")
    cycle = ws.cycles.save_cycle(PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17)))
    ws.questionnaires.use_for_cycle(cycle.id, "Dates")
    entry = ws.survey_entry.open_form(cycle.id, 201).entry
    assert entry.press_enter("3/4/2025") is None
    assert entry.press_enter("51") == "The number must be at most 50."
    entry.press_enter("12")
    ws.survey_entry.save_form(cycle.id, entry)
    answers = ws.survey_entry.open_form(cycle.id, 201).entry.answers
    assert answers["seen"].value == date(2025, 4, 3)
    assert answers["visits"].value == 12
