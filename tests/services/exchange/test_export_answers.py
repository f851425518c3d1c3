"""The responses table is read fast (SQLite joins each form's answers into one string); it must
hold exactly what reading every answer one by one gives, for every kind of answer and state."""

from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.questionnaire import AnswerType, Option, Question, Section
from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.exchange.package_format import option_column
from pledge_desktop.services.demo.build import PRIMARY_QUESTIONNAIRE
from pledge_desktop.services.demo.responses import add_demo_responses
from pledge_desktop.services.exchange.export_answers import STATES, Comment, read_answers
from pledge_desktop.services.exchange.export_pledge import ref
from pledge_desktop.services.exchange.export_tables import export_key, never_sent

EXTRA = Section(
    "About your visits",
    (
        Question("visits", "How many times did you visit the clinic?", AnswerType.NUMBER),
        Question("first_seen", "When were you first seen?", AnswerType.DATE),
        Question(
            "helped",
            "Who helped you?",
            AnswerType.MULTIPLE,
            (Option(1, "Nurse"), Option(2, "Doctor"), Option(3, "Family")),
        ),
    ),
)
TYPED = (
    "serial,visits,first_seen,helped,improve_one_thing\n"
    "90001,3,2026-03-14,1;3,Kinder parking\n"
    "90002,2.5,14/03/2026,,\n"
    "90003,?,?,?,?\n"
    "90004,1000000,2025-12-01,2,   \n"
)


def one_by_one(session: Session, cycle_id: int, asked: dict[str, Question], key: bytes, label: str):  # type: ignore[no-untyped-def]
    """Every answer read and written into its row one at a time: the plain way."""
    rows: dict[int, dict[str, str]] = {}
    for rid, serial, status, entered in session.execute(
        select(
            m.SurveyResponse.id,
            m.SurveyResponse.serial,
            m.SurveyResponse.status,
            m.SurveyResponse.entered_at,
        )
        .where(m.SurveyResponse.cycle_id == cycle_id)
        .order_by(m.SurveyResponse.serial)
    ):
        rows[rid] = {
            "response_id": ref(key, "response", label, serial),
            "status": status,
            "entered_month": f"{entered:%Y-%m}",
        }
    ticks: dict[tuple[int, str], list[int]] = defaultdict(list)
    comments: list[Comment] = []
    for answer in session.scalars(
        select(m.SurveyAnswer)
        .where(m.SurveyAnswer.cycle_id == cycle_id)
        .order_by(m.SurveyAnswer.id)
    ):
        q, row = asked.get(answer.question_code), rows.get(answer.response_id)
        if q is None or row is None:
            continue
        code = q.code
        if answer.state != AnswerState.ANSWERED.value:
            missing = STATES.get(answer.state, "")
            if q.type is AnswerType.MULTIPLE:
                for o in q.options:
                    row[option_column(code, o.code)] = missing
            else:
                row[code] = missing
        elif q.type is AnswerType.MULTIPLE:
            if answer.code is not None:
                ticks[(answer.response_id, code)].append(answer.code)
        elif answer.code is not None:
            row[code] = str(answer.code)
        elif q.type is AnswerType.NUMBER:
            row[code] = f"{answer.number:g}" if answer.number is not None else ""
        elif q.type is AnswerType.DATE:
            row[code] = (answer.text or "")[:7]
        else:
            row[code] = "withheld"
            if answer.text and answer.text.strip():
                comments.append(Comment(row["response_id"], code, answer.text))
    for (rid, code), ticked in ticks.items():
        for o in asked[code].options:
            rows[rid][option_column(code, o.code)] = "1" if o.code in ticked else "0"
    return list(rows.values()), comments


def test_the_fast_reading_agrees_with_reading_answers_one_by_one(workspace, tmp_path: Path) -> None:
    cycle = workspace.setup.complete_first_setup(
        FirstSetup(
            Hospital(name="Lakeside Hospital (fictional)", site_code="RZZ01", trust_code="RZZ"),
            TeamMember(0, "Nurse Example"),
            PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
        )
    )
    questionnaires = workspace.questionnaires
    questionnaires.install_templates()
    template = next(s for s in questionnaires.summaries() if s.name == PRIMARY_QUESTIONNAIRE)
    copy = questionnaires.copy(template.id, "Lakeside survey")
    base = questionnaires.definition(copy)
    questionnaires.save_definition(copy, replace(base, sections=(*base.sections, EXTRA)))
    questionnaires.use_for_cycle(cycle.id, "Lakeside survey")
    add_demo_responses(workspace.survey_entry, cycle.id, 300, seed=5)
    typed = tmp_path / "typed.csv"
    typed.write_text(TYPED, encoding="utf-8")
    assert workspace.survey_entry.import_csv(cycle.id, typed) == 4

    with workspace.db.transaction() as session:
        questionnaire = workspace.survey_entry.questionnaire(cycle.id)
        asked = {q.code: q for q in questionnaire.questions() if not never_sent(q)}
        key = export_key(session)
        fast = read_answers(session, cycle.id, asked, key, "2026")
        plain = one_by_one(session, cycle.id, asked, key, "2026")
    assert fast == plain
    rows = {row["visits"]: row for row in fast[0] if row.get("visits") not in (None, "")}
    assert rows["3"]["first_seen"] == "2026-03"
    assert (rows["3"]["helped__1"], rows["3"]["helped__2"], rows["3"]["helped__3"]) == (
        "1",
        "0",
        "1",
    )
    assert rows["2.5"]["helped__1"] == "blank" and rows["1e+06"]["first_seen"] == "2025-12"
    assert rows["unreadable"]["helped__3"] == "unreadable"
    assert Comment(rows["3"]["response_id"], "improve_one_thing", "Kinder parking") in fast[1]
    kinds = {row.get("improve_one_thing") for row in fast[0]}
    assert {"withheld", "blank", "unreadable"} <= kinds
