"""Every kind of PDF the booklet, poster and results report make, from the demo and from a
stress data set, checked page by page: no overlapping words, nothing off the page or across the
fold, no heading or label left at the foot of a page, no nearly empty page, no missing glyph."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from pledge_desktop.domain.booklet import BODY_PT, LARGE_PRINT_PT, BookletContents
from pledge_desktop.reports.booklet import write_booklet
from tests.reports.layout import Rules, check_pdf
from tests.reports.stress import stress_contents
from tests.reports.test_booklet_pdf import png

EDITIONS = {
    "normal": ({}, Rules(BODY_PT, footer=45, check_thin=True)),
    "large print": ({"large_print": True}, Rules(LARGE_PRINT_PT, footer=48, check_thin=True)),
    "imposed": ({"imposed": True}, Rules(BODY_PT, fold=True, skip_pages=2)),
    "print shop": ({"print_shop": True}, Rules(BODY_PT, footer=45, check_thin=True)),
}


@pytest.fixture
def demo_contents(demo_workspace) -> BookletContents:
    cycle_id = demo_workspace.cycles.find("2026").id
    return demo_workspace.booklet.contents(cycle_id, fictional=True)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_demo_booklet_lays_out_cleanly(demo_contents, edition, tmp_path: Path) -> None:
    options, rules = EDITIONS[edition]
    contents = replace(demo_contents, logo_png=png(), programme_logo_png=png(60, 30))
    out = tmp_path / "booklet.pdf"
    written = write_booklet(out, contents, **options)  # type: ignore[arg-type]
    assert check_pdf(out, rules) == []
    if edition in ("normal", "print shop"):
        assert written.pages == 12


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_crowded_booklet_lays_out_cleanly(edition, tmp_path: Path) -> None:
    options, rules = EDITIONS[edition]
    out = tmp_path / "booklet.pdf"
    written = write_booklet(out, stress_contents(), **options)  # type: ignore[arg-type]
    assert written.pages % 4 == 0
    assert check_pdf(out, rules) == []


def test_the_print_shop_edition_has_bleed_and_crop_marks(demo_contents, tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    write_booklet(out, demo_contents, print_shop=True)
    page = PdfReader(out).pages[0]
    media = [float(v) for v in page.mediabox]
    trim = [float(v) for v in page.trimbox]
    bleed = [float(v) for v in page.bleedbox]
    assert trim[2] - trim[0] == pytest.approx(419.53, abs=0.1)  # A5
    assert trim[3] - trim[1] == pytest.approx(595.28, abs=0.1)
    assert trim[0] - bleed[0] == pytest.approx(8.5, abs=0.1)  # 3 mm of bleed
    assert media[0] < bleed[0] and media[2] > bleed[2]  # room for the crop marks


def test_the_layout_check_finds_real_faults(tmp_path: Path) -> None:
    """The check is not a formality: a heading at the foot of a page, overlapping words and a
    missing glyph are each caught."""
    from reportlab.pdfgen.canvas import Canvas

    from pledge_desktop.reports.pdf_style import BOLD, FONT, prepare_reportlab

    prepare_reportlab()
    out = tmp_path / "faulty.pdf"
    canvas = Canvas(str(out), pagesize=(419.53, 595.28))
    canvas.setFont(FONT, 14)
    canvas.drawString(40, 500, "Some body text here")
    canvas.drawString(60, 500, "overlapping words")
    canvas.setFont(BOLD, 20)
    canvas.drawString(40, 100, "A stranded heading")
    canvas.setFont("Helvetica", 14)
    canvas.drawString(40, 300, "Welsh: ŵ")
    canvas.showPage()
    canvas.setFont(FONT, 14)
    canvas.drawString(40, 500, "The text under the heading, overleaf")
    canvas.drawString(-20, 400, "off the page")
    canvas.save()
    problems = "\n".join(check_pdf(out, Rules(BODY_PT)))
    assert "overlaps" in problems
    assert "the heading 'A stranded heading' ends the page" in problems
    assert "no glyph for" in problems and "ZapfDingbats" in problems  # the box in place of ŵ
    assert "'off' leaves the page" in problems


def test_the_poster_lays_out_cleanly(demo_workspace, tmp_path: Path) -> None:
    from pledge_desktop.reports.poster import Poster, PosterRow, write_poster

    cycle_id = demo_workspace.cycles.find("2026").id
    out = tmp_path / "poster.pdf"
    demo_workspace.booklet.write_poster(cycle_id, out, fictional=True)
    assert check_pdf(out, Rules(16.0)) == []
    assert len(PdfReader(out).pages) == 1
    stress = stress_contents()
    rows = tuple(
        PosterRow(q.wording, f"Under way: {g.title}. {g.progress}")
        for q, g in zip(stress.quotes[:12], stress.goals, strict=False)
    )
    for size in ("A4", "A3"):
        poster = Poster(stress.hospital, "2026", rows, True, "March 2026", png(), stress.unit_phone)
        write_poster(out, poster, size)
        assert check_pdf(out, Rules(16.0)) == []
        text = " ".join(PdfReader(out).pages[0].extract_text().split())
        assert "You said, we are doing" in text and "Updated March 2026" in text
        assert "01632 960123" in text and len(PdfReader(out).pages) == 1
    done = Poster("Hospital", "2026", (PosterRow("We waited.", "Done: no more waiting."),))
    assert done.title == "You said, we did"


def test_the_results_report_lays_out_cleanly(demo_workspace, tmp_path: Path) -> None:
    cycle_id = demo_workspace.cycles.find("2026").id
    out = tmp_path / "report.pdf"
    demo_workspace.team_report.write(cycle_id, out)
    assert check_pdf(out, Rules(12.0, footer=30)) == []
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "At a glance" in first and "Best scoring" in first and "Lowest scoring" in first
    assert "Goals past their target date" in first
    assert "How old are you" not in first
    last = " ".join(PdfReader(out).pages[-1].extract_text().split())
    assert "Owner" in last and "Target" in last
