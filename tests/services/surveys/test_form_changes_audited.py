"""What a form said before it was changed or deleted stays in the audit trail."""

from sqlalchemy import select

from pledge_desktop.db import models as m


def _trail(workspace, response_id: int) -> list[tuple[str, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    with workspace.db.reading() as session:
        return [
            (row.action, row.field or "", row.old_value, row.new_value)
            for row in session.scalars(
                select(m.AuditEntry)
                .where(m.AuditEntry.entity == "survey_answer")
                .where(m.AuditEntry.entity_id == str(response_id))
                .order_by(m.AuditEntry.id)
            )
        ]


def test_a_changed_form_records_what_it_was_and_what_it_became(demo_workspace) -> None:
    service = demo_workspace.survey_entry
    cycle_id = demo_workspace.cycles.find("2025").id
    entry = service.open_form(cycle_id, 7).entry
    was = entry.answers["diag_private"]
    entry.go_to("diag_private")
    entry.press_digit(2 if was.value != 2 else 1)
    response_id = service.save_form(cycle_id, entry)
    trail = _trail(demo_workspace, response_id)
    assert len(trail) == 1, "only the answer that changed"
    action, field, old, new = trail[0]
    assert (action, field) == ("update", "diag_private")
    assert old == f"answered: {was.value}"
    assert new == f"answered: {entry.answers['diag_private'].value}"


def test_the_audit_trail_keeps_the_answers_of_a_deleted_form(demo_workspace) -> None:
    service = demo_workspace.survey_entry
    cycle_id = demo_workspace.cycles.find("2025").id
    answers = service.open_form(cycle_id, 9).entry.answers
    with demo_workspace.db.reading() as session:
        response_id = session.scalar(
            select(m.SurveyResponse.id).where(
                m.SurveyResponse.cycle_id == cycle_id, m.SurveyResponse.serial == 9
            )
        )
    service.delete_response(cycle_id, 9)
    kept = {field: old for action, field, old, _new in _trail(demo_workspace, response_id)}
    assert {action for action, *_ in _trail(demo_workspace, response_id)} == {"delete"}
    assert set(kept) == set(answers), "every question of the form is kept"
    age = answers["age_band"]
    assert kept["age_band"].startswith(age.state.value)
    if age.value is not None:
        assert kept["age_band"] == f"answered: {age.value}"
