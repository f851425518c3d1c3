"""The paper survey forms through the same layout check as the booklet: every template, in
ordinary and large print, with Welsh beside the English. No overlapping words, nothing off the
page, no heading left at the foot of a page, no missing glyph."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from pledge_desktop.domain.questionnaire import Questionnaire
from tests.reports.layout import Rules, check_pdf
from tests.reports.test_survey_forms_pdf import printed, template

TEMPLATES = (
    "primary-breast-cancer",
    "primary-breast-cancer-v2",
    "secondary-breast-cancer-v2",
)


def in_welsh_too(questionnaire: Questionnaire) -> Questionnaire:
    """Every question with a Welsh line beneath it, as a bilingual form prints."""
    sections = tuple(
        replace(
            section,
            questions=tuple(
                replace(q, text_second_language="Ŵyr a ŷd: sut oedd eich gofal? Dewiswch un.")
                for q in section.questions
            ),
        )
        for section in questionnaire.sections
    )
    return replace(questionnaire, sections=sections)


@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize("large_print", (False, True), ids=("ordinary", "large print"))
def test_every_form_lays_out_cleanly(name: str, large_print: bool, tmp_path: Path) -> None:
    out = printed(tmp_path, in_welsh_too(template(name)), large_print=large_print, forms=1)
    assert check_pdf(out, Rules(16 if large_print else 12, safe=6.0)) == []
