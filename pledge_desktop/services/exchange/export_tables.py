"""The tables of the charity's data package, read from the database in one session. Nothing of
the team's own words (notes, memos, transcripts, progress notes), no serial numbers and no
pseudonyms: ids in the package are random and stable (a keyed hash, the key kept here)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.domain.goals import GoalStatus, Progress, Term
from pledge_desktop.domain.interviews import SETTINGS, STAGES, Attribution
from pledge_desktop.domain.questionnaire import AnswerType, Question, Questionnaire
from pledge_desktop.domain.survey_entry import AnswerState
from pledge_desktop.exchange.package_format import Table, integer, link, text
from pledge_desktop.services.surveys.survey_store import cycle_questionnaire

SECRET_KEY = "export_id_key"
MULTIPLE, NUMBER, DATE = AnswerType.MULTIPLE, AnswerType.NUMBER, AnswerType.DATE
STATES = {
    AnswerState.LEFT_BLANK.value: "blank",
    AnswerState.UNREADABLE.value: "unreadable",
    AnswerState.SKIPPED.value: "skipped",
}


@dataclass
class Comment:
    """A written answer, held back unless the nurse reviews it."""

    response_id: str
    question_code: str
    text: str


@dataclass
class Gathered:
    questionnaire: Questionnaire
    about: dict[str, str]
    tables: dict[str, Table]
    answers: list[dict[str, str]]  # responses, by column name, before privacy rules
    comments: list[Comment]
    names: list[str]  # staff and representatives, looked for in comments


def export_key(session: Session) -> bytes:
    row = session.get(m.AppSetting, SECRET_KEY)
    if row is None:
        row = m.AppSetting(key=SECRET_KEY, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def ref(key: bytes, *parts: object) -> str:
    message = ":".join(str(p) for p in parts).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:16]


def gather(session: Session, cycle_id: int, key: bytes) -> Gathered:
    cycle = session.get(m.PledgeCycle, cycle_id)
    assert cycle is not None
    hospital = session.scalars(select(m.Hospital)).first()
    questionnaire = cycle_questionnaire(session, cycle_id)
    version = session.get(m.Questionnaire, cycle.questionnaire_id)
    site_code = (hospital.site_code if hospital else "") or "UNKNOWN"
    answers, comments = _responses(session, cycle_id, questionnaire, key, cycle.label)
    about = {
        "site_code": site_code,
        "trust_code": hospital.trust_code if hospital else "",
        "hospital": hospital.name if hospital else "",
        "cycle": cycle.label,
    }
    site = Table(
        "site",
        "The hospital and pledge cycle",
        [
            text("site_code", "ODS site code of the hospital", True),
            text("trust_code", "ODS code of the trust"),
            text("hospital", "The hospital's name"),
            text("cycle", "The pledge cycle's label", True),
            text("cycle_start", "First month of the cycle (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("cycle_end", "Last month of the cycle (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("questionnaire", "The questionnaire used"),
            integer("questionnaire_version", "Its version"),
            integer("forms", "Survey forms typed in", minimum=0),
        ],
        [
            [
                site_code,
                about["trust_code"],
                about["hospital"],
                cycle.label,
                f"{cycle.start_date:%Y-%m}",
                f"{cycle.end_date:%Y-%m}",
                questionnaire.name,
                str(version.version if version else 1),
                str(len(answers)),
            ]
        ],
        primary_key=["site_code", "cycle"],
    )
    questions, options = _codebook(questionnaire)
    names = list(
        session.scalars(select(m.TeamMember.name).where(m.TeamMember.cycle_id == cycle_id))
    ) + list(
        session.scalars(
            select(m.PatientRepresentative.name).where(m.PatientRepresentative.cycle_id == cycle_id)
        )
    )
    tables = {
        "site": site,
        "questions": questions,
        "options": options,
        "responses": response_table(questionnaire),
        "verification": _verification(session, cycle_id),
        **_interviews(session, cycle_id, key),
        **_goals(session, cycle_id, key),
        "standards": _standards(session, cycle_id),
    }
    return Gathered(questionnaire, about, tables, answers, comments, names)


def _codebook(questionnaire: Questionnaire) -> tuple[Table, Table]:
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
                ]
            )
            options.rows += [[q.code, str(o.code), o.label] for o in q.options]
    return questions, options


def answer_field(q: Question) -> dict[str, object]:
    labels = "; ".join(f"{o.code} = {o.label}" for o in q.options)
    if q.type is AnswerType.MULTIPLE:
        return text(
            q.code, f"{q.text} Codes ticked, joined by ';': {labels}", pattern=r"\d+(;\d+)*"
        )
    if q.type.has_options:
        return integer(q.code, f"{q.text} {labels}", enum=[o.code for o in q.options])
    if q.type is AnswerType.NUMBER:
        return {"name": q.code, "type": "number", "description": q.text}
    if q.type is AnswerType.DATE:
        return text(q.code, f"{q.text} (month only, YYYY-MM)", pattern=r"\d{4}-\d{2}")
    return text(q.code, f"{q.text} (written answer, reviewed and redacted before sending)")


def response_table(questionnaire: Questionnaire) -> Table:
    return Table(
        "responses",
        "Survey responses: one row per form",
        [
            text(
                "response_id",
                "Random id, stable between exports; never the serial",
                True,
                unique=True,
                pattern=r"[0-9a-f]{16}",
            ),
            text(
                "status",
                "entered, or verified by typing it twice",
                True,
                enum=["entered", "verified"],
            ),
            text("entered_month", "Month the form was typed in (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            *[answer_field(q) for q in questionnaire.questions()],
        ],
        primary_key=["response_id"],
    )


def _responses(
    session: Session, cycle_id: int, questionnaire: Questionnaire, key: bytes, label: str
) -> tuple[list[dict[str, str]], list[Comment]]:
    kinds = {q.code: q.type for q in questionnaire.questions()}
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
    multiple: dict[tuple[int, str], list[int]] = defaultdict(list)
    comments: list[Comment] = []
    # streamed as plain rows: a year's answers are about a million, too many to build objects
    answers = session.connection().exec_driver_sql(
        "SELECT response_id, question_code, state, code, number, text FROM survey_answer "
        "WHERE +cycle_id = ?",  # "+": read the table in order, not through the index
        (cycle_id,),
    )
    answered = AnswerState.ANSWERED.value
    for rid, code, state, option, number, words in answers:
        kind = kinds.get(code)
        row = rows.get(rid)
        if kind is None or row is None:
            continue
        if state != answered:
            row[code] = STATES.get(state, "")
        elif kind is MULTIPLE:
            if option is not None:
                multiple[(rid, code)].append(option)
        elif option is not None:
            row[code] = str(option)
        elif kind is NUMBER:
            row[code] = f"{number:g}" if number is not None else ""
        elif kind is DATE:
            row[code] = (words or "")[:7]
        else:
            row[code] = "withheld"  # until the nurse reviews it
            if words and words.strip():
                comments.append(Comment(row["response_id"], code, words))
    for (rid, code), ticked in multiple.items():
        rows[rid][code] = ";".join(str(c) for c in sorted(ticked))
    return list(rows.values()), comments


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


def _interviews(session: Session, cycle_id: int, key: bytes) -> dict[str, Table]:
    interviews = Table(
        "interviews",
        "Patient interviews: when, where and at which stage; never words or pseudonyms",
        [
            text("interview_id", "Random id", True, unique=True),
            text("month", "Month of the interview (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("setting", "Where it took place", enum=list(SETTINGS)),
            text("stages", f"Stages of care talked about, joined by ';' ({', '.join(STAGES)})"),
            integer("length_minutes", "How long it lasted", minimum=0),
            integer("themes_counted", "Different themes coded in it", minimum=0),
        ],
        primary_key=["interview_id"],
    )
    themes = Table(
        "interview_themes",
        "Themes coded in each interview, with how many passages",
        [
            text("interview_id", "The interview", True),
            text("theme", "The theme", True),
            integer("passages", "Passages coded to it", minimum=1),
        ],
        primary_key=["interview_id", "theme"],
        foreign_keys=[link(["interview_id"], "interviews", ["interview_id"])],
    )
    quotes = Table(
        "quotes",
        "Quotes approved for publication, within each patient's consent",
        [
            text("quote_id", "Random id", True, unique=True),
            text("wording", "The words as published", True),
            text("attribution", "How it is attributed", True, enum=[a.value for a in Attribution]),
            text("attributed_to", "As printed, e.g. Patient, 2026"),
        ],
        primary_key=["quote_id"],
    )
    coded = defaultdict(lambda: defaultdict(int))  # type: ignore[var-annotated]
    for interview_id, theme in session.execute(
        select(m.CodedPassage.interview_id, m.Theme.name)
        .join(m.PassageTheme, m.PassageTheme.passage_id == m.CodedPassage.id)
        .join(m.Theme, m.Theme.id == m.PassageTheme.theme_id)
        .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
        .where(m.Interview.cycle_id == cycle_id)
    ):
        coded[interview_id][theme] += 1
    for row in session.scalars(
        select(m.Interview).where(m.Interview.cycle_id == cycle_id).order_by(m.Interview.id)
    ):
        rid = ref(key, "interview", row.id)
        interviews.rows.append(
            [
                rid,
                f"{row.interview_date:%Y-%m}",
                row.setting,
                row.stages,
                "" if row.length_minutes is None else str(row.length_minutes),
                str(len(coded[row.id])),
            ]
        )
        themes.rows += [[rid, name, str(n)] for name, n in sorted(coded[row.id].items())]
    for quote in session.scalars(
        select(m.Quote)
        .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
        .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
        .where(m.Interview.cycle_id == cycle_id, m.Quote.approved.is_(True))
        .order_by(m.Quote.id)
    ):
        quotes.rows.append(
            [ref(key, "quote", quote.id), quote.wording, quote.attribution, quote.attributed_to]
        )
    return {"interviews": interviews, "interview_themes": themes, "quotes": quotes}


def _goals(session: Session, cycle_id: int, key: bytes) -> dict[str, Table]:
    goals = Table(
        "goals",
        "The pledge's goals with their status (the team's progress notes stay at the hospital)",
        [
            text("goal_id", "Random id", True, unique=True),
            text("term", "short, medium or long term", True, enum=[t.value for t in Term]),
            text("title", "The goal as printed in the booklet", True),
            text("description", "What will be done"),
            text("why", "What patients told us"),
            text("status", "Where it stands", True, enum=[s.value for s in GoalStatus]),
            text("target_month", "Target month (YYYY-MM)", pattern=r"\d{4}-\d{2}"),
            text("carried_forward", "yes: carried from an earlier cycle", enum=["yes", "no"]),
            text("evidence_questions", "Question codes it rests on, joined by ';'"),
        ],
        primary_key=["goal_id"],
    )
    updates = Table(
        "goal_updates",
        "Dated progress judgements of each goal",
        [
            text("goal_id", "The goal", True),
            {"name": "on_date", "type": "date", "description": "Date of the update"},
            text("progress", "The judgement", True, enum=[p.value for p in Progress]),
        ],
        foreign_keys=[link(["goal_id"], "goals", ["goal_id"])],
    )
    rows = list(
        session.scalars(select(m.Goal).where(m.Goal.cycle_id == cycle_id).order_by(m.Goal.id))
    )
    evidence: dict[int, list[str]] = defaultdict(list)
    for goal_id, kind, target in session.execute(
        select(m.GoalEvidence.goal_id, m.GoalEvidence.kind, m.GoalEvidence.ref).where(
            m.GoalEvidence.goal_id.in_([g.id for g in rows])
        )
    ):
        if kind == "question":
            evidence[goal_id].append(target)
    for goal in rows:
        gid = ref(key, "goal", goal.id)
        goals.rows.append(
            [
                gid,
                goal.term,
                goal.title,
                goal.description,
                goal.why,
                goal.status,
                f"{goal.target_date:%Y-%m}" if goal.target_date else "",
                "yes" if goal.carried_from_id else "no",
                ";".join(sorted(evidence[goal.id])),
            ]
        )
        for update in session.scalars(
            select(m.GoalUpdate)
            .where(m.GoalUpdate.goal_id == goal.id)
            .order_by(m.GoalUpdate.on_date)
        ):
            updates.rows.append([gid, update.on_date.isoformat(), update.progress])
    return {"goals": goals, "goal_updates": updates}


def _standards(session: Session, cycle_id: int) -> Table:
    table = Table(
        "standards",
        "The standards of care the team promises every patient",
        [
            integer("position", "Order in the list", True),
            text("text", "The promise as printed", True),
            text("reviewed", "yes: reviewed with patients this cycle", enum=["yes", "no"]),
        ],
        primary_key=["position"],
    )
    for number, row in enumerate(
        session.scalars(
            select(m.CareStandard)
            .where(m.CareStandard.cycle_id == cycle_id)
            .order_by(m.CareStandard.position)
        ),
        start=1,
    ):
        table.rows.append([str(number), row.text, "yes" if row.reviewed else "no"])
    return table
