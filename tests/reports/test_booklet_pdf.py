"""The booklet read back from its PDF: sections, clear print, only approved quotes, small
numbers kept back, pages in fours, booklet order when imposed, metadata and bookmarks."""

import struct
import zlib
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from pledge_desktop.domain.booklet import SECTIONS, Highlight
from pledge_desktop.domain.errors import StorageError
from tests.pdfs import pdf_text


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def font_sizes(path: Path) -> set[float]:
    with pdfplumber.open(path) as pdf:
        return {round(char["size"], 1) for page in pdf.pages for char in page.chars}


def png(width: int = 40, height: int = 20) -> bytes:
    """A small plain PNG picture, made here so that no file is needed."""
    rows = b"".join(b"\x00" + b"\x6b\x1f\x5c" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_booklet_has_every_section_in_clear_print(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "booklet.pdf"
    written = demo_workspace.booklet.write(cycle_id, out, fictional=True)
    assert written.pages % 4 == 0 and written.pages >= 12
    text = pdf_text(out)
    for section in SECTIONS:
        assert section in text, section
    assert "Riverside General Hospital" in text
    assert "01632 960999" in text  # out of hours
    assert "Call back on the same day" in text  # a goal
    assert "Short term: within a year" in text
    assert "You will be told your diagnosis in a private room" in text  # a standard
    assert "Notes" in text  # padding pages to make up the fours
    assert f"Page 2 of {written.pages}" in text
    assert "Fictional demo" in text
    sizes = font_sizes(out)
    assert min(sizes) >= 14, sorted(sizes)
    with pdfplumber.open(out) as pdf:
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
        assert len(PdfReader(out).pages) == written.pages
    assert all("AtkinsonHyperlegible" in name for name in fonts), fonts
    assert not any("Italic" in name or "Oblique" in name for name in fonts)


def test_large_print_is_sixteen_points_or_more(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "large.pdf"
    written = demo_workspace.booklet.write(cycle_id, out, large_print=True)
    assert min(font_sizes(out)) >= 16
    assert written.pages % 4 == 0
    assert "(large print)" in (PdfReader(out).metadata.title or "")


def test_only_approved_quotes_are_printed(demo_workspace, cycle_id, tmp_path) -> None:
    quotes = demo_workspace.coding.quotes(cycle_id)
    approved = [q.quote.wording for q in quotes if q.quote.approved]
    not_approved = [q.quote.wording for q in quotes if not q.quote.approved]
    assert approved and not_approved
    out = tmp_path / "booklet.pdf"
    demo_workspace.booklet.write(cycle_id, out)
    text = pdf_text(out)
    for wording in approved:
        assert wording[:30] in text
    for wording in not_approved:
        assert wording[:30] not in text
    listed = [c.label for c in demo_workspace.booklet.quote_choices(cycle_id)]
    assert len(listed) == len(approved)


def test_small_numbers_never_appear(demo_workspace, cycle_id, tmp_path) -> None:
    booklet = demo_workspace.booklet
    results = demo_workspace.results.cycle_results(cycle_id, comments_limit=0)
    sex = results.question("sex")
    men = next(count for option, count in sex.options if option.code == 2)
    assert 0 < men < 8  # one or two forms: few enough to pick someone out
    listened = results.question("bcn_answers")
    choices = booklet.choices(cycle_id)
    planted = Highlight("sex", (2,), "of you who filled in the form are men")
    booklet.save(
        cycle_id,
        booklet.words(cycle_id),
        replace(choices, highlights=(*choices.highlights, planted)),
    )
    out = tmp_path / "booklet.pdf"
    booklet.write(cycle_id, out)
    text = pdf_text(out)
    assert "filled in the form are men" not in text
    assert "always got answers they understood" in text
    # a stricter setting keeps back a whole question answered by fewer people
    demo_workspace.results.set_small_number_threshold(listened.answered + 1)
    booklet.write(cycle_id, out)
    text = pdf_text(out)
    assert "always got answers they understood" not in text
    assert "were given the name of a breast care nurse" in text
    previews = booklet.preview_highlights(cycle_id)
    kept_back = {p.highlight.question_code for p in previews if p.printed is None}
    assert {"bcn_answers", "sex"} <= kept_back
    assert "bcn_named" not in kept_back


def test_imposed_sheets_are_in_booklet_order(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "imposed.pdf"
    written = demo_workspace.booklet.write(cycle_id, out, imposed=True)
    n = written.pages
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2 + n // 2 == 2 + written.sheets * 2
        assert "How to print this booklet" in pdf.pages[0].extract_text()
        first, second = pdf.pages[2], pdf.pages[3]
        assert first.width == pytest.approx(841.9, abs=1) and first.height == pytest.approx(
            595.3, abs=1
        )
        half = first.width / 2

        def halves(page):  # type: ignore[no-untyped-def]
            left = page.crop((0, 0, half, page.height)).extract_text()
            right = page.crop((half, 0, page.width, page.height)).extract_text()
            return " ".join(left.split()), " ".join(right.split())

        left, right = halves(first)
        assert "How to contact us" in left and "Our Service Pledge to you" in right
        left, right = halves(second)
        assert f"Page 2 of {n}" in left and f"Page {n - 1} of {n}" in right
    reader = PdfReader(out)
    assert "two pages to a sheet" in (reader.metadata.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_metadata_and_bookmarks(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "booklet.pdf"
    demo_workspace.booklet.write(cycle_id, out)
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta.title.startswith("Our Service Pledge to you: Riverside General Hospital")
    assert "breast care team" in meta.author
    assert "Service Pledge" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    marks = [item.title for item in reader.outline]
    assert marks[0] == "Cover"
    for section in SECTIONS:
        assert section in marks
    assert marks.count("Notes") <= 1


def test_what_goes_in_is_the_teams_choice(demo_workspace, cycle_id, tmp_path) -> None:
    booklet = demo_workspace.booklet
    goal = booklet.goal_choices(cycle_id)[0]
    standard = booklet.standard_choices(cycle_id)[0]
    words = replace(booklet.words(cycle_id), welcome="Hello from the breast unit.\n\nWe are here.")
    choices = replace(
        booklet.choices(cycle_id),
        goals_left_out=frozenset({goal.id}),
        standards_left_out=frozenset({standard.id}),
        show_team=False,
        logo_png=png(),
    )
    booklet.save(cycle_id, words, choices)
    out = tmp_path / "booklet.pdf"
    booklet.write(cycle_id, out)
    text = pdf_text(out)
    assert "Hello from the breast unit." in text
    assert goal.label.split(": ", 1)[1] not in text
    assert standard.label[:40] not in text
    assert "Grace Sample" not in text
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].images  # the logo on the cover
    assert booklet.choices(cycle_id).logo_png == png()


def test_a_booklet_that_cannot_be_written_leaves_nothing(
    demo_workspace, cycle_id, tmp_path
) -> None:
    out = tmp_path / "no such folder" / "booklet.pdf"
    with pytest.raises(StorageError, match="could not be written"):
        demo_workspace.booklet.write(cycle_id, out)
    assert not out.parent.exists()


def test_the_wording_is_checked_in_plain_english(demo_workspace, cycle_id) -> None:
    booklet = demo_workspace.booklet
    words = replace(
        booklet.words(cycle_id),
        welcome="Prior to commencing adjuvant therapy the MDT will facilitate a discussion.",
    )
    booklet.save(cycle_id, words, booklet.choices(cycle_id))
    check = booklet.check_wording(cycle_id)
    found = {(f.where, f.text) for f in check.findings}
    assert ("Welcome", "adjuvant") in found and ("Welcome", "mdt") in found
    assert 0 <= check.reading_ease <= 100 and check.words > 100
