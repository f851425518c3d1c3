"""Written answers coded into the interview themes, and the results report that groups them by
theme with counts (answers not coded yet last), opens with the response rate, and counts
"does not apply" apart from the base."""

from dataclasses import replace

import pytest

from pledge_desktop.domain.errors import NotFound
from tests.pdfs import pdf_text


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def test_an_answer_coded_into_a_theme_and_out_again(demo_workspace, cycle_id) -> None:
    written = demo_workspace.results.written
    answers = written.answers(cycle_id, "improve_one_thing")
    assert (
        len(answers)
        == demo_workspace.results.question_counts(cycle_id, "improve_one_thing").answered
    )
    assert [a.serial for a in answers] == sorted(a.serial for a in answers)
    waiting = next(t for t in demo_workspace.coding.themes() if t.name == "Waiting")
    assert written.toggle_theme(answers[0].id, waiting.id) is True
    assert written.answers(cycle_id, "improve_one_thing")[0].theme_ids == {waiting.id}
    assert written.toggle_theme(answers[0].id, waiting.id) is False
    assert written.answers(cycle_id, "improve_one_thing")[0].theme_ids == frozenset()
    with pytest.raises(NotFound):
        written.toggle_theme(10**9, waiting.id)


def test_the_report_groups_written_answers_by_theme_and_opens_with_the_response_rate(
    demo_workspace, cycle_id, tmp_path
) -> None:
    cycle = demo_workspace.cycles.find("2026")
    demo_workspace.cycles.save_cycle(replace(cycle, forms_handed_out=150))
    written = demo_workspace.results.written
    answers = written.answers(cycle_id, "improve_one_thing")
    themes = {t.name: t for t in demo_workspace.coding.themes()}
    for answer in answers[:3]:
        written.toggle_theme(answer.id, themes["Waiting"].id)
    written.toggle_theme(answers[3].id, themes["Information"].id)
    out = tmp_path / "report.pdf"
    demo_workspace.team_report.write(cycle_id, out)
    text = pdf_text(out)
    assert "60 of 150 patients (40 %) filled in our survey." in text
    waiting = text.index("Waiting: 3 comments")
    information = text.index("Information: 1 comment")
    uncoded = text.index(f"Not coded to a theme yet: {len(answers) - 4} comments")
    assert waiting < information < uncoded
    assert answers[3].text[:30] in text[information:uncoded]
