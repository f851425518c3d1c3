"""Forms typed into a spreadsheet, imported all or nothing."""

from pathlib import Path

import pytest

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.domain.survey_entry import AnswerState

HEADER = "serial,diag_private,bcn_named,bcn_contact,tx_received,surgery_ready,improve_one_thing"
GOOD = f"""{HEADER},age_band
301,1,1,2,1;3,1,More parking,3
302,2,2,,2,,,?
0303,,1,5,"1,2",2,"Quicker letters, please",6
"""


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "typed.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_good_spreadsheet_is_imported_whole(demo_workspace, tmp_path) -> None:
    cycle_id = demo_workspace.cycles.find("2025").id
    service = demo_workspace.survey_entry
    assert service.import_csv(cycle_id, write(tmp_path, GOOD)) == 3
    assert service.count(cycle_id) == 53
    first = service.open_form(cycle_id, 301).entry.answers
    assert first["tx_received"].value == (1, 3)
    assert first["improve_one_thing"].value == "More parking"
    assert first["chemo_info"].state is AnswerState.SKIPPED
    assert first["diag_companion"].state is AnswerState.LEFT_BLANK  # not in the sheet: blank
    second = service.open_form(cycle_id, 302).entry.answers
    assert second["bcn_contact"].state is AnswerState.SKIPPED
    assert second["age_band"].state is AnswerState.UNREADABLE
    third = service.open_form(cycle_id, 303).entry.answers
    assert third["diag_private"].state is AnswerState.LEFT_BLANK
    assert third["tx_received"].value == (1, 2)
    summaries = {r.serial: r for r in service.responses(cycle_id, "30")}
    assert summaries[301].asked > summaries[302].asked


def test_every_problem_is_named_and_nothing_imported(demo_workspace, tmp_path) -> None:
    cycle_id = demo_workspace.cycles.find("2025").id
    bad = """serial,diag_private,bcn_named,bcn_contact,tx_received
401,7,2,3,1;9
abc,1,1,1,1
401,1,1,1,1
"""
    with pytest.raises(ValidationError) as caught:
        demo_workspace.survey_entry.import_csv(cycle_id, write(tmp_path, bad))
    message = str(caught.value)
    assert message.startswith("Nothing was imported, because of 5 problem(s):")
    assert '- Row 2, column diag_private: "7" is not one of the box numbers (1, 2, 3).' in message
    assert "- Row 2, column bcn_contact: this question was not asked on this form" in message
    assert '- Row 2, column tx_received: "1;9" is not a list of the box numbers' in message
    assert '- Row 3, column serial: "abc" is not a form number.' in message
    assert "- Row 4, column serial: form 00401 is also on row 2." in message
    assert demo_workspace.survey_entry.count(cycle_id) == 50


def test_unknown_columns_and_forms_already_entered_are_refused(demo_workspace, tmp_path) -> None:
    cycle_id = demo_workspace.cycles.find("2025").id
    with pytest.raises(ValidationError, match='Column 2 \\("name"\\) is not a question'):
        demo_workspace.survey_entry.import_csv(cycle_id, write(tmp_path, "serial,name\n1,Ann\n"))
    with pytest.raises(ValidationError, match="forms 00012 are already entered for cycle 2025"):
        demo_workspace.survey_entry.import_csv(
            cycle_id, write(tmp_path, "serial,diag_private\n12,1\n500,1\n")
        )
    assert demo_workspace.survey_entry.count(cycle_id) == 50
    with pytest.raises(ValidationError, match='headed "serial"'):
        demo_workspace.survey_entry.import_csv(cycle_id, write(tmp_path, "form,q\n1,2\n"))


def test_a_spreadsheet_saved_in_windows_encoding(demo_workspace, tmp_path) -> None:
    cycle_id = demo_workspace.cycles.find("2025").id
    text = "serial,improve_one_thing\n600,A caf\u00e9 that opens before clinic\n"
    demo_workspace.survey_entry.import_csv(cycle_id, write(tmp_path, text, "cp1252"))
    answer = demo_workspace.survey_entry.open_form(cycle_id, 600).entry.answers
    assert answer["improve_one_thing"].value == "A caf\u00e9 that opens before clinic"
