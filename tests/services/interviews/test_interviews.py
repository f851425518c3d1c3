"""Interviews through the services: records and consent, transcripts from files, coding,
themes, quotes and their approval, search and the spreadsheet."""

from datetime import date
from pathlib import Path

import pytest

from pledge_desktop.domain.errors import DeleteRefused, StorageError, ValidationError
from pledge_desktop.domain.interviews import Attribution, Interview, Passage, Theme

TODAY = date(2026, 11, 28)


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def new_interview(workspace, cycle_id, **consent) -> Interview:  # type: ignore[no-untyped-def]
    return workspace.interviews.save_interview(
        Interview(cycle_id, "p09", date(2026, 6, 1), stages=("surgery", "diagnosis"), **consent),
        today=TODAY,
    )


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_an_interview_is_known_by_a_code_only(demo_workspace, cycle_id) -> None:
    saved = new_interview(demo_workspace, cycle_id)
    assert saved.pseudonym == "P09"
    assert saved.stages == ("diagnosis", "surgery"), "in the pathway's order"
    for bad in ("Mary Smith", "9434765919", ""):
        with pytest.raises(ValidationError) as problems:
            demo_workspace.interviews.save_interview(
                Interview(cycle_id, bad, date(2026, 6, 1)), today=TODAY
            )
        assert "pseudonym" in problems.value.problems
    with pytest.raises(ValidationError, match="already used"):
        demo_workspace.interviews.save_interview(
            Interview(cycle_id, "P01", date(2026, 6, 1)), today=TODAY
        )
    with pytest.raises(ValidationError) as problems:
        demo_workspace.interviews.save_interview(
            Interview(cycle_id, "P10", date(2026, 6, 1), consent_recording=True), today=TODAY
        )
    assert "consent_date" in problems.value.problems


def test_a_transcript_comes_from_a_word_file(demo_workspace, cycle_id, tmp_path) -> None:
    saved = new_interview(demo_workspace, cycle_id)
    path = write_docx(tmp_path / "p09.docx", ["Q: How was it?", "A: The waiting was hard."])
    text = demo_workspace.interviews.import_transcript(saved.id, path)
    assert text == "Q: How was it?\nA: The waiting was hard.\n"
    assert demo_workspace.interviews.interview(saved.id).transcript == text
    with pytest.raises(ValidationError, match="already has a transcript"):
        demo_workspace.interviews.import_transcript(saved.id, path)


def test_broken_and_foreign_files_are_explained(demo_workspace, cycle_id, tmp_path) -> None:
    saved = new_interview(demo_workspace, cycle_id)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(ValidationError, match="not a Word document that can be read"):
        demo_workspace.interviews.import_transcript(saved.id, broken)
    with pytest.raises(ValidationError, match=r"not a \.txt or \.docx"):
        demo_workspace.interviews.import_transcript(saved.id, tmp_path / "notes.pdf")
    windows = tmp_path / "notes.txt"
    windows.write_bytes("Caf\xe9 by the unit\r\nwas good".encode("cp1252"))
    assert demo_workspace.interviews.import_transcript(saved.id, windows) == (
        "Café by the unit\nwas good"
    )
    assert demo_workspace.interviews.interview(saved.id).transcript.startswith("Café")


def test_coded_passages_follow_their_words_through_edits(demo_workspace, cycle_id) -> None:
    interviews, coding = demo_workspace.interviews, demo_workspace.coding
    saved = new_interview(demo_workspace, cycle_id)
    interviews.save_transcript(saved.id, "A: The waiting was hard. The nurse was kind.")
    themes = {t.name: t.id for t in coding.themes()}
    start = len("A: The waiting was hard. ")
    passage = coding.code_passage(
        Passage(saved.id, start, start + len("The nurse was kind"), "", (themes["Communication"],))
    )
    assert passage.text == "The nurse was kind"
    interviews.save_transcript(
        saved.id, "Q: How was it?\nA: The waiting was hard. The nurse was kind."
    )
    (moved,) = coding.passages(saved.id)
    assert (moved.start, moved.text) == (start + len("Q: How was it?\n"), "The nurse was kind")
    with pytest.raises(ValidationError, match="no longer in the transcript"):
        interviews.save_transcript(saved.id, "A: The waiting was hard.")
    assert "nurse was kind" in interviews.interview(saved.id).transcript, "nothing half-saved"


def test_coding_undo_and_themes_merged_and_deleted(demo_workspace, cycle_id) -> None:
    interviews, coding = demo_workspace.interviews, demo_workspace.coding
    saved = new_interview(demo_workspace, cycle_id)
    interviews.save_transcript(saved.id, "Parking was impossible and nobody called me back.")
    themes = {t.name: t.id for t in coding.themes()}
    first = coding.code_passage(Passage(saved.id, 0, 22, "", (themes["Environment"],)))
    both = coding.code_passage(Passage(saved.id, 0, 22, "", (themes["Waiting"],)))
    assert both.id == first.id and set(both.theme_ids) == {themes["Environment"], themes["Waiting"]}
    coding.uncode(both.id, (themes["Waiting"],))  # undo of the second coding
    assert coding.passages(saved.id)[0].theme_ids == (themes["Environment"],)
    environment = coding.save_theme(
        Theme("Parking", colour="#f7d7b0", parent_id=themes["Environment"])
    )
    coding.code_passage(Passage(saved.id, 0, 22, "", (environment.id,)))
    coding.merge_themes(environment.id, themes["Environment"])
    assert coding.passages(saved.id)[0].theme_ids == (themes["Environment"],)
    assert "Parking" not in {t.name for t in coding.themes()}
    with pytest.raises(ValidationError, match="one level"):
        waiting = next(t for t in coding.themes() if t.name == "Waiting")
        child = coding.save_theme(Theme("Results", parent_id=waiting.id))
        coding.save_theme(Theme("Deeper", parent_id=child.id))
    assert coding.delete_theme(themes["Environment"]) >= 1
    assert coding.passages(saved.id) == [], "left with no theme, the passage is no longer coded"


def test_a_quote_is_approved_only_within_consent(demo_workspace, cycle_id) -> None:
    interviews, coding = demo_workspace.interviews, demo_workspace.coding
    saved = new_interview(demo_workspace, cycle_id)
    interviews.save_transcript(saved.id, "Having a named nurse made all the difference.")
    theme = coding.themes()[0].id
    passage = coding.code_passage(Passage(saved.id, 0, 45, "", (theme,)))
    quote = coding.promote(passage.id)
    assert (quote.wording, quote.attributed_to) == (
        "Having a named nurse made all the difference.",
        "Patient, 2026",
    )
    with pytest.raises(ValidationError, match="did not agree to be quoted"):
        coding.set_approved(quote.id, True)
    interviews.save_interview(
        Interview(
            cycle_id,
            "P09",
            date(2026, 6, 1),
            consent_date=date(2026, 6, 1),
            consent_quotes_anonymous=True,
            id=saved.id,
        ),
        today=TODAY,
    )
    named = coding.save_quote(
        type(quote)(
            quote.passage_id,
            "A named nurse made all the difference.",
            Attribution.FIRST_NAME,
            "Jo, 2026",
            id=quote.id,
        )
    )
    with pytest.raises(ValidationError, match="with a first name"):
        coding.set_approved(named.id, True)
    anonymous = coding.save_quote(
        type(quote)(
            quote.passage_id,
            "A named nurse […] made all the difference.",
            Attribution.ANONYMOUS,
            "Patient, 2026",
            id=quote.id,
        )
    )
    assert coding.set_approved(anonymous.id, True).approved
    edited = coding.save_quote(
        type(quote)(
            quote.passage_id,
            "A named nurse made the difference.",
            Attribution.ANONYMOUS,
            "Patient, 2026",
            id=quote.id,
        )
    )
    assert not edited.approved, "changed words are approved afresh"
    with pytest.raises(DeleteRefused):
        coding.uncode(passage.id)  # a quote keeps its passage
    with pytest.raises(DeleteRefused, match="quotes come from it"):
        interviews.delete_interview(saved.id)


def test_summary_search_and_spreadsheet(demo_workspace, cycle_id, tmp_path) -> None:
    from openpyxl import load_workbook

    coding = demo_workspace.coding
    summary = {s.theme.name: (s.interviews, s.passages) for s in coding.summary(cycle_id)}
    assert summary["Information"] == (3, 3) and summary["Practical support"] == (0, 0)
    hits = coding.search(cycle_id, "NURSE")
    assert [h.pseudonym for h in hits] == ["P01", "P01"]
    assert "breast care nurse" in hits[1].context
    path = tmp_path / "passages.xlsx"
    assert coding.export_xlsx(cycle_id, path).rows == 9
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Interview", "Month", "Setting")
    assert all(row[0].startswith("Interview ") for row in rows[1:])
    assert any("Environment" in row[4] and row[8] == "yes" for row in rows[1:])
    with pytest.raises(StorageError):
        coding.export_xlsx(cycle_id, tmp_path / "no such folder" / "x.xlsx")


def test_a_recording_is_copied_with_its_checksum(demo_workspace, cycle_id, tmp_path) -> None:
    interviews = demo_workspace.interviews
    recorded = interviews.interview(
        next(i.id for i in interviews.interviews(cycle_id) if i.consent_recording)
    )
    source = tmp_path / "interview.mp3"
    source.write_bytes(b"ID3 fictional audio bytes")
    saved = interviews.attach_audio(recorded.id, source)
    kept = interviews.audio_path(saved)
    assert kept is not None and kept.read_bytes() == source.read_bytes()
    assert kept.parent == demo_workspace.data_dir / "audio"
    kept.write_bytes(b"changed")
    with pytest.raises(StorageError, match="checksum"):
        interviews.audio_path(saved)
    no_consent = next(i for i in interviews.interviews(cycle_id) if not i.consent_recording)
    with pytest.raises(ValidationError, match="did not agree to be recorded"):
        interviews.attach_audio(no_consent.id, source)
    assert len(list((demo_workspace.data_dir / "audio").iterdir())) == 1, "no copy left behind"
