"""Printing forms for a cycle: the team's purpose words, the return-by date, large print."""

from datetime import date

import pytest
from pypdf import PdfReader

from pledge_desktop.domain.errors import ValidationError
from pledge_desktop.reports.survey_forms import DEFAULT_PURPOSE


def _text(path) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_form_says_what_the_survey_is_for_and_when_to_give_it_back(
    demo_workspace, tmp_path
) -> None:
    forms = demo_workspace.survey_forms
    cycle = demo_workspace.cycles.find("2026")
    assert forms.purpose(cycle.id) == DEFAULT_PURPOSE
    assert forms.return_by(cycle.id) == date(2026, 4, 24) == cycle.fieldwork_end
    ours = (
        "We are asking everyone treated in our breast unit this spring. It is anonymous: do "
        "not write your name. We share anonymous answers with the Service Pledge charity."
    )
    forms.set_purpose(cycle.id, ours)
    assert forms.purpose(cycle.id) == ours
    printed = forms.print_forms(cycle.id, 2, tmp_path / "forms.pdf")
    text = _text(printed.path)
    assert "We are asking everyone treated in our breast unit this spring." in text
    assert "Please give this form back by Friday 24 April 2026." in text
    assert "Pledge cycle" not in text
    other = demo_workspace.cycles.find("2025")
    assert forms.purpose(other.id) == DEFAULT_PURPOSE, "the words are kept per cycle"
    forms.set_purpose(cycle.id, "  ")
    assert forms.purpose(cycle.id) == DEFAULT_PURPOSE, "empty goes back to the usual words"
    with pytest.raises(ValidationError, match="1500 letters or fewer"):
        forms.set_purpose(cycle.id, "word " * 400)


def test_large_print_forms_are_bigger_and_typed_in_the_same_way(demo_workspace, tmp_path) -> None:
    import pdfplumber

    forms = demo_workspace.survey_forms
    cycle_id = demo_workspace.cycles.find("2026 secondary").id
    normal = forms.print_forms(cycle_id, 1, tmp_path / "normal.pdf", start=501)
    large = forms.print_forms(cycle_id, 1, tmp_path / "large.pdf", start=502, large_print=True)
    with pdfplumber.open(normal.path) as small_pdf, pdfplumber.open(large.path) as large_pdf:
        small_sizes = {round(c["size"]) for p in small_pdf.pages for c in p.chars}
        large_sizes = {round(c["size"]) for p in large_pdf.pages for c in p.chars}
        assert min(small_sizes) >= 12
        assert min(large_sizes) >= 16
        assert len(large_pdf.pages) > len(small_pdf.pages)
    text = _text(large.path)
    assert "00502" in text
    assert "Your experience of our breast care service" in text
