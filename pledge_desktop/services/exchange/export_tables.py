"""The tables of the charity's data package, read from the database in one session. Nothing of
the team's own words (notes, memos, transcripts, progress notes), no serial numbers and no
pseudonyms: ids in the package are random and stable (a keyed hash, the key kept here).

Written answers to questions marked as identifying (a name, an address) are never read; the
other written answers wait for the nurse's review. Multiple choice is one 0/1 column per option;
answers that could help identify someone are written as text, so that the policy's coarser
bands can stand in their place."""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.anonymity import QuasiIdentifier, quasi_identifiers_for
from pledge_desktop.domain.policy import DataPolicy
from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire
from pledge_desktop.exchange.package_format import (
    Table,
    integer,
    link,
    option_column,
    question_fingerprint,
    text,
)
from pledge_desktop.services.exchange.export_answers import Comment, read_answers
from pledge_desktop.services.exchange.export_pledge import (
    RANDOM_ID,
    goal_tables,
    interview_tables,
    ref,
    representatives_table,
    standards_table,
    time_table,
)
from pledge_desktop.services.exchange.export_site import batches_table, site_table
from pledge_desktop.services.exchange.policy import shipped_policy
from pledge_desktop.services.surveys.survey_store import cycle_questionnaire

SECRET_KEY = "export_id_key"
MULTIPLE = AnswerType.MULTIPLE
WRITTEN = (AnswerType.SHORT_TEXT, AnswerType.LONG_TEXT)

__all__ = ["Comment", "Gathered", "answer_field", "export_key", "gather", "never_sent", "ref"]


@dataclass
class Gathered:
    questionnaire: Questionnaire
    policy: DataPolicy
    about: dict[str, str]
    tables: dict[str, Table]
    answers: list[dict[str, str]]  # responses, by column name, before privacy rules
    comments: list[Comment]
    names: list[str]  # staff and representatives, looked for in every outgoing word
    quasi: list[QuasiIdentifier] = field(default_factory=list)
    never_sent: list[str] = field(default_factory=list)  # identifying written questions


def never_sent(q: Question) -> bool:
    """A written question marked as identifying (surname, address …): never exported."""
    return q.quasi_identifier and q.type in WRITTEN


def export_key(session: Session) -> bytes:
    row = session.get(m.AppSetting, SECRET_KEY)
    if row is None:
        row = m.AppSetting(key=SECRET_KEY, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def gather(session: Session, cycle_id: int, key: bytes, policy: DataPolicy) -> Gathered:
    cycle = session.get(m.PledgeCycle, cycle_id)
    assert cycle is not None
    questionnaire = cycle_questionnaire(session, cycle_id)
    questions = [q for q in questionnaire.questions() if not never_sent(q)]
    quasi = [
        q
        for q in quasi_identifiers_for(policy, questions)
        if next(x for x in questions if x.code == q.code).type.has_options
        and next(x for x in questions if x.code == q.code).type is not MULTIPLE
    ]
    asked = {q.code: q for q in questions}
    answers, comments = read_answers(session, cycle_id, asked, key, cycle.label)
    site, about = site_table(session, cycle, questionnaire, len(answers), policy)
    names = list(
        session.scalars(select(m.TeamMember.name).where(m.TeamMember.cycle_id == cycle_id))
    ) + list(
        session.scalars(
            select(m.PatientRepresentative.name).where(m.PatientRepresentative.cycle_id == cycle_id)
        )
    )
    quasi_codes = {q.code for q in quasi}
    tables = {
        "site": site,
        **_codebook(questionnaire, quasi),
        "responses": response_table(questionnaire, quasi),
        "batches": batches_table(session, cycle_id, key),
        "verification": _verification(session, cycle_id),
        **interview_tables(session, cycle_id, key, policy),
        **goal_tables(session, cycle_id, key, policy),
        "standards": standards_table(session, cycle_id),
        "time_spent": time_table(session, cycle_id),
        "representatives": representatives_table(session, cycle_id),
    }
    tables["questions"].rows = [
        [*row[:5], "yes" if row[0] in quasi_codes else row[5], *row[6:]]
        for row in tables["questions"].rows
    ]
    return Gathered(
        questionnaire,
        policy,
        about,
        tables,
        answers,
        comments,
        names,
        quasi,
        [q.code for q in questionnaire.questions() if never_sent(q)],
    )


def _codebook(questionnaire: Questionnaire, quasi: list[QuasiIdentifier]) -> dict[str, Table]:
    questions = Table(
        "questions",
        "The questionnaire's questions (the codebook)",
        [
            text("question_code", "Stable code of the question: columns of responses", True),
            integer("number", "Its number on the printed form", True),
            text("section", "The form's section"),
            text("text", "The question as printed", True),
            text("type", "Kind of answer", True, enum=[t.value for t in AnswerType]),
            text("quasi_identifier", "yes: could help identify someone", enum=["yes", "no"]),
            text(
                "answers_sent",
                "no: a written question asking who the patient is; its answers never leave",
                enum=["yes", "no"],
            ),
            text(
                "fingerprint",
                "SHA-256 of the question's wording, type, codes and labels",
                True,
                pattern=r"[0-9a-f]{64}",
            ),
        ],
        primary_key=["question_code"],
    )
    options = Table(
        "options",
        "The answer codes of each question and what they mean",
        [
            text("question_code", "The question", True),
            integer("code", "The code typed and exported", True),
            text("label", "The answer as printed", True),
        ],
        primary_key=["question_code", "code"],
        foreign_keys=[link(["question_code"], "questions", ["question_code"])],
    )
    bands = Table(
        "bands",
        "Coarser bands the data policy may send instead of an answer that could identify someone",
        [
            text("question_code", "The question", True),
            text("band", "The band's code, as it appears in responses", True),
            text("label", "What it means", True),
            text("codes", "The answer codes it stands for, joined by ';'", True),
        ],
        primary_key=["question_code", "band"],
        foreign_keys=[link(["question_code"], "questions", ["question_code"])],
    )
    number = 0
    for section in questionnaire.sections:
        for q in section.questions:
            number += 1
            questions.rows.append(
                [
                    q.code,
                    str(number),
                    section.title,
                    q.text,
                    q.type.value,
                    "yes" if q.quasi_identifier else "no",
                    "no" if never_sent(q) else "yes",
                    question_fingerprint(
                        q.text, q.type.value, [(o.code, o.label) for o in q.options]
                    ),
                ]
            )
            options.rows += [[q.code, str(o.code), o.label] for o in q.options]
    for qi in quasi:
        reached: dict[str, list[str]] = defaultdict(list)
        for value in qi.coarser:
            if value.isdigit():
                for band in qi.ladder(value)[1:]:
                    if band in qi.band_labels:
                        reached[band].append(value)
        bands.rows += [
            [qi.code, band, qi.band_labels[band], ";".join(sorted(codes, key=int))]
            for band, codes in reached.items()
        ]
    return {"questions": questions, "options": options, "bands": bands}


def answer_field(q: Question) -> dict[str, object]:
    """One column per question, multiple choice joined by ';': the merged package's form,
    until the merge takes one column per option (see answer_columns)."""
    labels = "; ".join(f"{o.code} = {o.label}" for o in q.options)
    if q.type is AnswerType.MULTIPLE:
        return text(
            q.code, f"{q.text} Codes ticked, joined by ';': {labels}", pattern=r"\d+(;\d+)*"
        )
    if q.type.has_options and (q.quasi_identifier or shipped_policy().rule_for(q.code)):
        return text(q.code, f"{q.text} {labels} (or a band of the data policy)")
    return answer_columns(q, {})[0]


def answer_columns(q: Question, quasi: dict[str, QuasiIdentifier]) -> list[dict[str, object]]:
    labels = "; ".join(f"{o.code} = {o.label}" for o in q.options)
    if q.type is AnswerType.MULTIPLE:
        return [
            integer(option_column(q.code, o.code), f"{q.text} {o.label}: 1 ticked, 0 not",
                    enum=[0, 1])
            for o in q.options
        ]  # fmt: skip
    if q.code in quasi:
        allowed = [str(o.code) for o in q.options] + list(quasi[q.code].band_labels)
        return [text(q.code, f"{q.text} {labels} (or a band: see bands)", enum=allowed)]
    if q.type.has_options:
        return [integer(q.code, f"{q.text} {labels}", enum=[o.code for o in q.options])]
    if q.type is AnswerType.NUMBER:
        return [{"name": q.code, "type": "number", "description": q.text}]
    if q.type is AnswerType.DATE:
        return [text(q.code, f"{q.text} (month only, YYYY-MM)", pattern=r"\d{4}-\d{2}")]
    return [text(q.code, f"{q.text} (written answer, reviewed and redacted before sending)")]


def response_table(questionnaire: Questionnaire, quasi: list[QuasiIdentifier]) -> Table:
    by_code = {q.code: q for q in quasi}
    return Table(
        "responses",
        "Survey responses: one row per form, in no particular order",
        [
            text(
                "response_id",
                "Random id, stable between exports; never the serial",
                True,
                unique=True,
                pattern=RANDOM_ID,
            ),
            text(
                "status",
                "entered, or verified by typing it twice",
                True,
                enum=["entered", "verified"],
            ),
            text("entered_month", "Month the form was typed in (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            *[
                column
                for q in questionnaire.questions()
                if not never_sent(q)
                for column in answer_columns(q, by_code)
            ],
        ],
        primary_key=["response_id"],
    )


def _verification(session: Session, cycle_id: int) -> Table:
    table = Table(
        "verification",
        "How often the first typing disagreed with the paper, in forms typed twice",
        [
            text("scope", "overall, or one question", True),
            integer("forms_checked", "Forms typed twice", minimum=0),
            integer("answers_checked", "Answers compared", minimum=0),
            integer("errors", "Answers where the first typing was wrong", minimum=0),
        ],
        primary_key=["scope"],
    )
    check, difference = m.VerificationCheck, m.VerificationDifference
    forms, compared = session.execute(
        select(func.count(check.id), func.coalesce(func.sum(check.fields_compared), 0))
        .join(m.SurveyResponse, m.SurveyResponse.id == check.response_id)
        .where(m.SurveyResponse.cycle_id == cycle_id)
    ).one()
    wrong = dict(
        session.execute(
            select(difference.question_code, func.count())
            .join(check, check.id == difference.check_id)
            .join(m.SurveyResponse, m.SurveyResponse.id == check.response_id)
            .where(m.SurveyResponse.cycle_id == cycle_id, difference.paper_agrees_with == "second")
            .group_by(difference.question_code)
        ).all()
    )
    table.rows.append(["overall", str(forms), str(compared), str(sum(wrong.values()))])
    table.rows += [[code, str(forms), str(forms), str(n)] for code, n in sorted(wrong.items())]
    return table
