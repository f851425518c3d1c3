"""The paper form as a patient holds it, read back from the PDF: sizes, routing, pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from pledge_desktop.domain.questionnaire import Questionnaire, from_json
from pledge_desktop.paths import resource
from pledge_desktop.reports.survey_forms import DEFAULT_PURPOSE, FormHeading, write_forms

MM = 72 / 25.4
HEADING = FormHeading(
    "Riverside General Hospital (fictional demo)",
    "2026",
    "Please give this form back to the breast care nurses.",
)
RETURN_BY = date(2026, 6, 30)


def template(name: str) -> Questionnaire:
    return from_json(resource("questionnaires", f"{name}.json").read_text("utf-8"))


def printed(
    tmp_path: Path, questionnaire: Questionnaire, large_print: bool = False, forms: int = 2
) -> Path:
    out = tmp_path / ("large.pdf" if large_print else "forms.pdf")
    serials = list(range(41, 41 + forms))
    write_forms(out, HEADING, questionnaire, serials, return_by=RETURN_BY, large_print=large_print)
    return out


def lines_of(page) -> list[str]:  # type: ignore[no-untyped-def]
    return (page.extract_text() or "").splitlines()


@pytest.fixture(scope="module", params=["primary-breast-cancer-v2", "secondary-breast-cancer-v2"])
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_every_page_says_which_form_and_page_it_is(tmp_path: Path, name: str) -> None:
    with pdfplumber.open(printed(tmp_path, template(name))) as pdf:
        total = len(pdf.pages)
        assert total % 2 == 0, "two forms, each on whole sheets printed double-sided"
        per_form = total // 2
        for index, page in enumerate(pdf.pages):
            text = page.extract_text()
            serial = 41 + index // per_form
            assert text.count(f"Form {serial:05d}") == 2  # at the top, by the barcode, and foot
            assert f"Page {index % per_form + 1} of {per_form}" in text
            assert "Pledge cycle" not in text
            assert page.rects, "the barcode's bars"


def test_nothing_is_printed_under_12_pt_and_boxes_are_at_least_5_mm(
    tmp_path: Path, name: str
) -> None:
    with pdfplumber.open(printed(tmp_path, template(name), forms=1)) as pdf:
        sizes = [round(c["size"], 1) for page in pdf.pages for c in page.chars]
        assert min(sizes) >= 12
        boxes = [r for page in pdf.pages for r in page.rects if r["width"] > 3]
        squares = [r for r in boxes if abs(r["width"] - r["height"]) < 0.5]
        assert len(squares) >= len(template(name).questions())
        assert min(r["width"] for r in squares) >= 5 * MM
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
        assert not [f for f in fonts if "Helvetica" in f], "the embedded font, with Welsh letters"


def test_large_print_is_16_pt_with_bigger_boxes_and_keeps_the_serials(
    tmp_path: Path, name: str
) -> None:
    with pdfplumber.open(printed(tmp_path, template(name), large_print=True, forms=1)) as pdf:
        sizes = [round(c["size"], 1) for page in pdf.pages for c in page.chars]
        assert min(sizes) >= 16
        squares = [
            r
            for page in pdf.pages
            for r in page.rects
            if r["width"] > 3 and abs(r["width"] - r["height"]) < 0.5
        ]
        assert min(r["width"] for r in squares) >= 7 * MM
        first = pdf.pages[0].extract_text()
        assert "Form 00041" in first and "1 Yes" in " ".join(p.extract_text() for p in pdf.pages)


def test_go_to_is_printed_beside_the_answers_that_skip(tmp_path: Path) -> None:
    primary = template("primary-breast-cancer-v2")
    number = {q.code: n for n, q in primary.numbered()}
    after_nurse = number["bcn_answers"] + 1
    after_pledge = number["pledge_kept"] + 1
    with pdfplumber.open(printed(tmp_path, primary, forms=1)) as pdf:
        lines = [line for page in pdf.pages for line in lines_of(page)]
    assert f"2 No Go to question {after_nurse}" in lines
    assert f"3 Don't know / can't remember Go to question {after_nurse}" in lines
    assert f"2 No Go to question {after_pledge}" in lines
    assert "1 Yes Go to" not in " ".join(lines)
    text = " ".join(lines)
    # said once, beside the answers, not again on the questions they skip
    assert 'Answer this only if you ticked "Yes"' not in text
    assert 'Answer this only if you ticked "An operation (surgery)" at question' in text


def test_hints_purpose_return_date_and_title_are_printed(tmp_path: Path, name: str) -> None:
    questionnaire = template(name)
    with pdfplumber.open(printed(tmp_path, questionnaire, forms=1)) as pdf:
        text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert text.count("Your experience of our breast care service") == 1
    for q in questionnaire.questions():
        if q.hint:
            assert " ".join(q.hint.split()) in text, q.code
    assert "Men get breast cancer too" in text
    assert " ".join(DEFAULT_PURPOSE.split()) in text
    assert "Please give this form back by Tuesday 30 June 2026." in text
    assert text.count("Tick one box for each question") == 1
    assert text.count("Tick all that apply") <= 1


def test_the_teams_own_purpose_and_a_second_language_line(tmp_path: Path) -> None:
    primary = template("primary-breast-cancer-v2")
    first = primary.sections[0]
    welsh = replace(
        first.questions[0],
        text_second_language="Sut ydych chi'n teimlo am yr amser y bu'n rhaid i chi aros?",
    )
    bilingual = replace(
        primary, sections=(replace(first, questions=(welsh, *first.questions[1:])),)
    )
    out = tmp_path / "welsh.pdf"
    write_forms(out, HEADING, bilingual, [1], purpose="Our own words about the survey.")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        assert "Our own words about the survey." in text
        assert DEFAULT_PURPOSE[:40] not in text
        assert "Sut ydych chi'n teimlo am yr amser y bu'n rhaid i chi aros?" in text
        words = {w["text"]: w for w in page.extract_words(extra_attrs=["fontname", "size"])}
        english, welsh = words["waited"], words["teimlo"]
        assert (english["fontname"], english["size"]) == (welsh["fontname"], welsh["size"])
        assert english["top"] < welsh["top"]  # beneath the main language
        assert "Please give this form back by" not in text  # no date given, none printed


def test_overall_care_prints_0_to_10_in_a_row(tmp_path: Path) -> None:
    with pdfplumber.open(printed(tmp_path, template("secondary-breast-cancer-v2"), forms=1)) as pdf:
        for page in pdf.pages:
            text = page.extract_text()
            if "how would you rate your care?" in text:
                assert "0 1 2 3 4 5 6 7 8 9 10" in text
                assert "Very poor" in text and "Very good" in text
                break
        else:
            pytest.fail("the overall rating was not printed")
