"""`pledge booklet`, `pledge report` and `pledge poster`, driven as a user types them."""

from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from pledge_desktop.cli import main
from tests.pdfs import pdf_text


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_booklet_large_print_and_imposed(capsys, demo_folder: str, tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "booklet", "--cycle", "2026", "--out", str(out)
    )
    assert code == 0
    assert said.startswith("Plain English: Reading ease")
    assert "long sentence" in said  # a warning, and the booklet is written all the same
    assert "Wrote the booklet for cycle 2026: 12 pages" in said
    assert len(PdfReader(out).pages) % 4 == 0
    assert "Fictional demo" in pdf_text(out)
    large = tmp_path / "large.pdf"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "booklet", "--large-print", "--out", str(large)
    )
    assert code == 0
    with pdfplumber.open(large) as pdf:
        assert min(char["size"] for page in pdf.pages for char in page.chars) >= 16
    imposed = tmp_path / "imposed.pdf"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "booklet", "--imposed", "--out", str(imposed)
    )
    assert code == 0 and "A4 sheets" in said
    width, height = PdfReader(imposed).pages[0].mediabox.upper_right
    assert float(width) > float(height)


def test_report_and_poster(capsys, demo_folder: str, tmp_path: Path) -> None:
    report = tmp_path / "results.pdf"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "report", "--cycle", "2026", "--out", str(report)
    )
    assert code == 0 and "Wrote the results report for cycle 2026" in said
    assert "Survey results 2026" in pdf_text(report)
    poster = tmp_path / "poster.pdf"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "poster", "--size", "A3", "--out", str(poster)
    )
    assert code == 0 and "A3 poster" in said
    text = pdf_text(poster)
    assert "You said, we are doing" in text and "Under way:" in text and "Patients said" in text
    width, _height = PdfReader(poster).pages[0].mediabox.upper_right
    assert round(float(width)) == 842  # A3 portrait is 297 mm wide


def test_a_cycle_that_does_not_exist_is_named(capsys, demo_folder: str, tmp_path: Path) -> None:
    code, _, err = run(
        capsys,
        "--data-dir",
        demo_folder,
        "booklet",
        "--cycle",
        "1999",
        "--out",
        str(tmp_path / "b.pdf"),
    )
    assert code == 1 and "1999" in err
    assert not (tmp_path / "b.pdf").exists()


def test_booklet_editions_and_print_shop(capsys, demo_folder: str, tmp_path: Path) -> None:
    shop = tmp_path / "shop.pdf"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "booklet", "--print-shop", "--out", str(shop)
    )
    assert code == 0 and "with 3 mm bleed and crop marks" in said
    page = PdfReader(shop).pages[0]
    assert float(page.bleedbox.width) > float(page.trimbox.width)
    html = tmp_path / "booklet.html"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "booklet", "--format", "html", "--out", str(html)
    )
    assert code == 0 and "as a web page (HTML)" in said
    assert '<html lang="en-GB">' in html.read_text(encoding="utf-8")
    docx = tmp_path / "booklet.docx"
    code, said, _ = run(
        capsys, "--data-dir", demo_folder, "booklet", "--format", "docx", "--out", str(docx)
    )
    assert code == 0 and "as a Word document" in said
    assert docx.read_bytes()[:2] == b"PK"
    code, said, _ = run(
        capsys,
        "--data-dir",
        demo_folder,
        "booklet",
        "--format",
        "html",
        "--large-print",
        "--out",
        str(tmp_path / "large.html"),
    )
    assert code == 2 and "are for the PDF" in said
    with pytest.raises(SystemExit):  # one or the other: argparse says so
        run(capsys, "--data-dir", demo_folder, "booklet", "--imposed", "--print-shop", "--out", "x")
