"""Copies and versions of questionnaires, and the lock once forms are typed in."""

from dataclasses import replace
from datetime import date

import pytest

from pledge_desktop.domain.errors import DeleteRefused, ValidationError
from pledge_desktop.domain.questionnaire_edit import add_question, remove_question
from pledge_desktop.domain.setup import PledgeCycle
from pledge_desktop.domain.survey_entry import FormEntry

PRIMARY = "Primary breast cancer patient survey"


def template_id(workspace) -> int:  # type: ignore[no-untyped-def]
    summary, _version_2 = [s for s in workspace.questionnaires.summaries() if s.name == PRIMARY]
    return summary.id


def test_a_template_is_copied_then_changed(demo_workspace) -> None:
    service = demo_workspace.questionnaires
    template = service.summary(template_id(demo_workspace))
    assert template.is_template and "Make a copy" in template.locked_because
    with pytest.raises(ValidationError, match="template"):
        service.save_definition(template.id, service.definition(template.id))
    copy_id = service.copy(template.id, "Our survey")
    copied = service.summary(copy_id)
    assert (copied.name, copied.version, copied.locked_because) == ("Our survey", 1, "")
    edited, code = add_question(service.definition(copy_id), (0, 0))
    edited = remove_question(edited, "diag_written_info")
    service.save_definition(copy_id, edited)
    again = service.definition(copy_id)
    assert again.name == "Our survey"
    assert again.questions()[1].code == code
    assert "diag_written_info" not in {q.code for q in again.questions()}
    assert len(service.definition(template.id).questions()) == template.questions


def test_a_copy_needs_a_name_of_its_own(demo_workspace) -> None:
    service = demo_workspace.questionnaires
    with pytest.raises(ValidationError, match="already a questionnaire called"):
        service.copy(template_id(demo_workspace), PRIMARY)
    with pytest.raises(ValidationError, match="name"):
        service.copy(template_id(demo_workspace), "  ")


def test_a_questionnaire_with_problems_is_not_saved(demo_workspace) -> None:
    service = demo_workspace.questionnaires
    copy_id = service.copy(template_id(demo_workspace), "Our survey")
    definition = service.definition(copy_id)
    first = definition.sections[0]
    broken_question = replace(first.questions[0], text=" ")
    broken = replace(
        definition,
        sections=(
            replace(first, questions=(broken_question, *first.questions[1:])),
            *definition.sections[1:],
        ),
    )
    with pytest.raises(ValidationError, match="has no wording"):
        service.save_definition(copy_id, broken)
    assert service.definition(copy_id) == definition


def test_forms_typed_in_lock_a_version_and_a_new_version_is_offered(demo_workspace) -> None:
    service = demo_workspace.questionnaires
    copy_id = service.copy(template_id(demo_workspace), "Our survey")
    cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17))
    )
    service.use_for_cycle(cycle.id, "Our survey")
    entry = FormEntry(service.definition(copy_id), 1)
    entry.press_digit(1)
    demo_workspace.survey_entry.save_form(cycle.id, entry)
    locked = service.summary(copy_id)
    assert locked.forms_typed == 1
    assert "1 forms have been typed in with this version (cycle 2027)" in locked.locked_because
    with pytest.raises(ValidationError, match="locked"):
        service.save_definition(copy_id, service.definition(copy_id))
    version_2 = service.new_version(copy_id)
    summary = service.summary(version_2)
    assert (summary.name, summary.version, summary.locked_because) == ("Our survey", 2, "")
    changed, _code = add_question(service.definition(version_2), None)
    service.save_definition(version_2, changed)
    assert len(service.definition(copy_id).questions()) == locked.questions
    assert service.for_cycle(cycle.id) == service.definition(copy_id), "2027 keeps version 1"
    renamed = replace(changed, name="Another name")
    with pytest.raises(ValidationError, match="keeps its questionnaire's name"):
        service.save_definition(version_2, renamed)


def test_delete_spares_templates_and_questionnaires_in_use(demo_workspace) -> None:
    service = demo_workspace.questionnaires
    with pytest.raises(DeleteRefused, match="templates"):
        service.delete(template_id(demo_workspace))
    spare = service.copy(template_id(demo_workspace), "Spare")
    cycle = demo_workspace.cycles.save_cycle(
        PledgeCycle("2027", date(2027, 1, 4), date(2027, 12, 17))
    )
    service.use_for_cycle(cycle.id, "Spare")
    with pytest.raises(DeleteRefused, match="cannot be deleted"):
        service.delete(spare)
    service.use_for_cycle(cycle.id, PRIMARY)
    service.delete(spare)
    assert "Spare" not in service.names()
