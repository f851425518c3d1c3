"""The booklet service fills what the cover and back cover print: the cover line by pledge type,
the credit line, helplines (the defaults marked to check), the language, the publication and
review dates and the leaflet reference from the sign-off, the response rate; and it notes when
an edition was last written."""

from dataclasses import replace
from datetime import date

import pytest

from pledge_desktop.db import models as m
from pledge_desktop.domain.booklet import BookletDetails, Helpline
from pledge_desktop.domain.errors import ValidationError
from tests.pdfs import pdf_text


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def sign_off(workspace, cycle_id: int, review: date | None) -> None:  # type: ignore[no-untyped-def]
    with workspace.db.transaction() as session:
        session.add(
            m.SignOff(
                cycle_id=cycle_id,
                signed_by="Ann Example",
                role="Pledge Lead",
                signed_on=date(2026, 3, 12),
                leaflet_reference="BC-PL-2026-1",
                review_date=review,
                publish_consent=True,
            )
        )


def test_the_contents_carry_the_sign_off_and_the_response_rate(
    demo_workspace, cycle_id, tmp_path
) -> None:
    booklet = demo_workspace.booklet
    before = booklet.contents(cycle_id)
    assert (before.published, before.review_date, before.leaflet_reference) == ("", "", "")
    assert before.cover_words == "For patients newly told they have breast cancer"
    assert not before.helplines_checked and before.helplines  # the defaults, to be checked
    sign_off(demo_workspace, cycle_id, None)
    cycle = demo_workspace.cycles.find("2026")
    demo_workspace.cycles.save_cycle(replace(cycle, forms_handed_out=150))
    contents = booklet.contents(cycle_id)
    assert contents.published == "March 2026"
    assert contents.review_date == "March 2028"  # two years on, when none was given
    assert contents.leaflet_reference == "BC-PL-2026-1"
    assert contents.survey_line == "60 of 150 patients (40 %) filled in our survey in 2026."
    assert booklet.written_at(cycle_id) is None
    out = tmp_path / "booklet.pdf"
    booklet.write(cycle_id, out)
    assert booklet.written_at(cycle_id) is not None
    text = pdf_text(out)
    assert "Published March 2026." in text and "Reference BC-PL-2026-1." in text
    assert "60 of 150 patients (40 %) filled in our survey" in text


def test_the_cover_and_helplines_saved_in_one_go_with_the_words(demo_workspace, cycle_id) -> None:
    booklet = demo_workspace.booklet
    details = BookletDetails(
        cover_line="  Ar gyfer cleifion  a’u teuluoedd ",
        credit_line="Wedi’i ysgrifennu gyda’n cleifion.",
        helplines=(Helpline("Llinell Gymorth", "0800 123 4567", "bob dydd"), Helpline("", "")),
        helplines_checked=True,
        language="cy",
    )
    booklet.save(cycle_id, booklet.words(cycle_id), booklet.choices(cycle_id), details)
    saved = booklet.details(cycle_id)
    assert saved.cover_line == "Ar gyfer cleifion a’u teuluoedd"
    assert saved.credit_line == "Wedi’i ysgrifennu gyda’n cleifion"
    assert saved.helplines == (Helpline("Llinell Gymorth", "0800 123 4567", "bob dydd"),)
    contents = booklet.contents(cycle_id)
    assert contents.language == "cy" and contents.helplines_checked
    for wrong, field in (
        (replace(details, language="fr"), "language"),
        (replace(details, helplines=(Helpline("Helpline", ""),)), "helpline1"),
        (replace(details, helplines=(Helpline("Helpline", "ring us"),)), "helpline1"),
    ):
        with pytest.raises(ValidationError) as raised:
            booklet.save(cycle_id, booklet.words(cycle_id), booklet.choices(cycle_id), wrong)
        assert field in raised.value.problems


def test_a_secondary_pledge_has_its_own_cover_line(demo_workspace, cycle_id) -> None:
    secondary = demo_workspace.cycles.find("2026 secondary").id
    contents = demo_workspace.booklet.contents(secondary)
    assert contents.cover_words == "For patients living with secondary breast cancer"
