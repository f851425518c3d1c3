"""Printed survey forms, read back from the PDF."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from pledge_desktop.domain.errors import DeleteRefused, NotFound, ValidationError
from pledge_desktop.domain.setup import PledgeCycle
from tests.pdfs import pdf_text


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def test_each_form_has_its_serial_on_every_page(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "forms.pdf"
    printed = demo_workspace.survey_forms.print_forms(cycle_id, 3, out)
    assert (printed.first, printed.last) == (61, 63), "after the demo's 60 typed-in forms"
    pages = pages_text(out)
    assert len(pages) % 3 == 0 and (len(pages) // 3) % 2 == 0, "each form fills whole sheets"
    per_form = len(pages) // 3
    for number in range(3):
        for page in pages[number * per_form : (number + 1) * per_form]:
            assert f"Form {number + 61:05d}" in page
            assert "Riverside General Hospital (fictional demo)" in page
            assert "Primary breast cancer patient survey, 2026" in page
            assert "Pledge cycle" not in page
    first_form = "\n".join(pages[:per_form])
    assert "Your experience of our breast care service" in first_form
    assert "Was a breast care nurse with you when you were told?" in first_form
    assert "Go to question 17" in first_form  # beside "No" at question 14
    assert "Answer this only if" in first_form  # the rules on a tick-all-that-apply question
    assert "What one thing would most improve our service?" in first_form
    assert "Call the breast unit on 01632 960123" in first_form
    metadata = PdfReader(out).metadata
    assert metadata.title == "Primary breast cancer patient survey: forms 00061 to 00063"


def test_answer_boxes_carry_the_code_to_type(demo_workspace, cycle_id, tmp_path) -> None:
    out = tmp_path / "forms.pdf"
    demo_workspace.survey_forms.print_forms(cycle_id, 1, out)
    text = pdf_text(out)
    for code, label in ((1, "Yes"), (2, "No"), (3, "Does not apply to me")):
        assert f"{code} {label}" in text


def test_serials_are_never_printed_twice(demo_workspace, cycle_id, tmp_path) -> None:
    forms = demo_workspace.survey_forms
    forms.print_forms(cycle_id, 5, tmp_path / "a.pdf")  # 00061 to 00065
    second = forms.print_forms(cycle_id, 2, tmp_path / "b.pdf")
    assert (second.first, second.last) == (66, 67)
    with pytest.raises(ValidationError) as caught:
        forms.print_forms(cycle_id, 3, tmp_path / "c.pdf", start=64)
    message = str(caught.value)
    assert "00064 (printed), 00065 (printed), 00066 (printed)" in message
    assert "never given out twice" in message
    assert not (tmp_path / "c.pdf").exists()
    with pytest.raises(ValidationError) as caught:
        forms.print_forms(cycle_id, 1, tmp_path / "c.pdf", start=12)
    assert "00012 (typed in)" in str(caught.value), "a typed-in form's number is never printed"
    assert forms.next_serial(cycle_id) == 68
    later = forms.print_forms(cycle_id, 1, tmp_path / "d.pdf", start=100)
    assert later.first == 100 and forms.next_serial(cycle_id) == 101


def test_a_failed_write_remembers_no_serials(demo_workspace, cycle_id, tmp_path) -> None:
    from pledge_desktop.domain.errors import StorageError

    with pytest.raises(StorageError):
        demo_workspace.survey_forms.print_forms(cycle_id, 2, tmp_path / "missing" / "x.pdf")
    assert demo_workspace.survey_forms.next_serial(cycle_id) == 61
    assert not list(tmp_path.rglob("*.partial"))


def test_sensible_limits_and_plain_refusals(demo_workspace, cycle_id, tmp_path) -> None:
    forms = demo_workspace.survey_forms
    with pytest.raises(ValidationError, match="between 1 and 2000"):
        forms.print_forms(cycle_id, 0, tmp_path / "x.pdf")
    from datetime import date

    bare = demo_workspace.cycles.save_cycle(
        PledgeCycle("2030", date(2030, 1, 1), date(2030, 12, 31))
    )
    from pledge_desktop.db import models as m

    with demo_workspace.db.transaction() as session:  # as a cycle made before questionnaires
        session.get(m.PledgeCycle, bare.id).questionnaire_id = None
    with pytest.raises(NotFound, match="Cycle 2030 has no questionnaire yet"):
        forms.print_forms(bare.id, 1, tmp_path / "x.pdf")


def test_a_cycle_with_printed_forms_is_not_deleted(demo_workspace, tmp_path) -> None:
    from datetime import date

    cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2031", date(2031, 1, 1), date(2031, 12, 31))
    )
    demo_workspace.questionnaires.use_for_cycle(cycle.id, "Secondary breast cancer patient survey")
    demo_workspace.survey_forms.print_forms(cycle.id, 4, tmp_path / "x.pdf")
    with pytest.raises(DeleteRefused, match="4 printed forms"):
        demo_workspace.cycles.delete_cycle(cycle.id)
