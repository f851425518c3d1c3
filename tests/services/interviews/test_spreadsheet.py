"""The interviews spreadsheet leaves the hospital: identifiers planted in every word that may
leave are replaced by "[removed]", and what stays in the app (the interviews' codes, memos) is
not in it at all. Read back with openpyxl."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook

from pledge_desktop.domain.interviews import Passage, Theme
from pledge_desktop.exchange.interviews_xlsx import HEADERS, SOURCES
from pledge_desktop.services.interviews.spreadsheet import columns_to_check

# fictional identifiers, as a nurse or patient might write them
PLANTED = {
    "passage": "My NHS number is 943 476 5919 and I live at 12 River Road, LS1 4AP.",
    "quote": "Ring me on 07700 900123 or write to jane.smith@example.org, said Jane Smith.",
    "attributed_to": "Mrs Patricia Oakley, born 03/04/1961",
    "theme": "Sister Grace Sample's clinic",
}
IDENTIFIERS = (
    "943 476 5919",
    "12 River Road",
    "LS1 4AP",
    "07700 900123",
    "jane.smith@example.org",
    "Jane Smith",
    "Patricia Oakley",
    "03/04/1961",
    "Grace Sample",
)
MEMO = "Memo kept in the app: her daughter drives her"


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def plant(workspace, cycle_id) -> None:  # type: ignore[no-untyped-def]
    interviews, coding = workspace.interviews, workspace.coding
    interview = interviews.interview(interviews.interviews(cycle_id)[0].id)
    transcript = interview.transcript + "\n" + PLANTED["passage"]
    interviews.save_transcript(interview.id, transcript)
    theme = coding.save_theme(Theme(PLANTED["theme"], "Planted for the test", "#1f77b4"))
    start = transcript.index(PLANTED["passage"])
    passage = coding.code_passage(
        Passage(interview.id, start, start + len(PLANTED["passage"]), "", (theme.id,))
    )
    coding.set_memo(passage.id, MEMO)
    quote = coding.promote(passage.id)
    coding.save_quote(
        replace(quote, wording=PLANTED["quote"], attributed_to=PLANTED["attributed_to"])
    )


def cells(path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    sheet = load_workbook(path).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_the_spreadsheet_holds_no_identifier_no_code_and_no_memo(
    demo_workspace, cycle_id, tmp_path
) -> None:
    plant(demo_workspace, cycle_id)
    path = tmp_path / "interviews.xlsx"
    saved = demo_workspace.coding.export_xlsx(cycle_id, path)
    rows = cells(path)
    assert rows[0] == list(HEADERS) and "Memo" not in rows[0]
    text = "\n".join("\t".join(row) for row in rows)
    for identifier in IDENTIFIERS:
        assert identifier.lower() not in text.lower(), identifier
    assert MEMO not in text and "daughter" not in text
    codes = {i.pseudonym for i in demo_workspace.interviews.interviews(cycle_id)}
    assert not any(code in cell for code in codes for row in rows for cell in row)
    # every removal is said, and each left its marker where it was
    assert text.count("[removed]") == len(saved.removed) >= len(IDENTIFIERS)
    assert {f.field for f in saved.removed} >= {"passage", "quote", "attributed_to", "themes"}
    assert all("*" in f.masked for f in saved.removed)  # said masked, never in full
    planted_row = next(r for r in rows if "[removed]" in r[5])
    assert planted_row[5].startswith("My NHS number is [removed]")
    assert saved.places and all(p.startswith("row ") for p in saved.places)
    # ordinary words went through untouched
    assert any("Nobody" in r[5] or "nurse" in r[5].lower() for r in rows[1:])


def test_the_interview_numbers_follow_no_code(demo_workspace, cycle_id, tmp_path) -> None:
    seen = set()
    for attempt in range(12):
        path = tmp_path / f"interviews{attempt}.xlsx"
        demo_workspace.coding.export_xlsx(cycle_id, path)
        seen.add(tuple(row[0] for row in cells(path)[1:]))
    assert len(seen) > 1, "the numbering is drawn afresh each time"


def test_only_columns_that_may_leave_are_written() -> None:
    from pledge_desktop.db.text_classes import TextClass, text_class

    for column, source in SOURCES.items():
        if source:
            assert text_class(*source.split(".", 1)) is not TextClass.STAYS, column
    assert set(columns_to_check()) == {
        "stages",
        "themes",
        "passage",
        "quote",
        "attributed_to",
    }
