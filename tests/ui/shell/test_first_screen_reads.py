"""The first screen's reads go to the tables themselves (SQLAlchemy Core), so the app shows the
Overview without the ORM's set-up. What they read is what the ORM reads, and the Overview is
shown before the ORM is set up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import exists, func, select

from pledge_desktop.db import models as m
from pledge_desktop.domain.goals import FINISHED, Goal, GoalStatus, Term
from pledge_desktop.domain.pledge_year import REVIEW_WITHIN, SignOff, TimeActivity, TimeEntry
from pledge_desktop.domain.setup import Hospital, PledgeCycle
from pledge_desktop.domain.survey_entry import FormEntry
from pledge_desktop.services.maintenance import DEMO_SETTING
from pledge_desktop.services.records import to_record
from pledge_desktop.services.workspace import Workspace

TODAY = date.today()


def the_orm_way(ws: Workspace, cycle_id: int) -> dict[str, Any]:
    """What the first screen shows, read through the ORM's mapped classes."""
    open_goals = [s.value for s in GoalStatus if s not in FINISHED]
    with ws.db.reading() as s:
        hospital = s.scalars(select(m.Hospital).order_by(m.Hospital.id)).first()
        cycles = s.scalars(
            select(m.PledgeCycle).order_by(m.PledgeCycle.start_date.desc(), m.PledgeCycle.id.desc())
        )
        demo = s.get(m.AppSetting, DEMO_SETTING)
        cycle = s.get(m.PledgeCycle, cycle_id)
        goals = s.execute(
            select(m.Goal.title, m.Goal.target_date, m.Goal.next_review)
            .where(m.Goal.cycle_id == cycle_id, m.Goal.status.in_(open_goals))
            .order_by(m.Goal.priority)
        ).all()
        overdue = tuple(t for t, target, _r in goals if target is not None and target < TODAY)
        written = s.scalar(select(m.Booklet.written_at).where(m.Booklet.cycle_id == cycle_id))
        goal_ids = [str(i) for i in s.scalars(select(m.Goal.id).where(m.Goal.cycle_id == cycle_id))]
        standard_ids = [
            str(i)
            for i in s.scalars(select(m.CareStandard.id).where(m.CareStandard.cycle_id == cycle_id))
        ]
        audit = m.AuditEntry
        changed = s.scalar(
            select(func.max(audit.at_utc)).where(
                ((audit.entity == "goal") & audit.entity_id.in_(goal_ids))
                | ((audit.entity == "care_standard") & audit.entity_id.in_(standard_ids))
            )
        )
        typed = select(m.SurveyResponse.batch_id).where(m.SurveyResponse.cycle_id == cycle_id)
        checked = (
            select(m.SurveyResponse.batch_id)
            .join(m.VerificationCheck, m.VerificationCheck.response_id == m.SurveyResponse.id)
            .where(m.SurveyResponse.cycle_id == cycle_id)
        )
        coded = select(m.CodedPassage.interview_id)
        time = Counter(
            {
                TimeActivity(a): int(n)
                for a, n in s.execute(
                    select(m.TimeEntry.activity, func.sum(m.TimeEntry.minutes))
                    .where(m.TimeEntry.cycle_id == cycle_id)
                    .group_by(m.TimeEntry.activity)
                )
            }
        )
        time[TimeActivity.INTERVIEWS] += (
            s.scalar(
                select(func.sum(m.Interview.length_minutes)).where(m.Interview.cycle_id == cycle_id)
            )
            or 0
        )
        time[TimeActivity.MEETINGS] += (
            s.scalar(select(func.sum(m.Meeting.minutes)).where(m.Meeting.cycle_id == cycle_id)) or 0
        )
        involvement = s.scalars(
            select(m.RepresentativeInvolvement).where(
                m.RepresentativeInvolvement.cycle_id == cycle_id
            )
        )
        return {
            "hospital": to_record(Hospital, hospital) if hospital else None,
            "cycles": [to_record(PledgeCycle, c) for c in cycles],
            "demo": demo is not None and demo.value == "yes",
            "last change": s.scalar(select(func.max(m.AuditEntry.id))) or 0,
            "goals overdue": overdue,
            "goals due": tuple(
                t
                for t, _target, review in goals
                if review is not None and review - TODAY <= REVIEW_WITHIN and t not in overdue
            ),
            "forms returned": s.scalar(
                select(func.count()).where(m.SurveyResponse.cycle_id == cycle_id)
            ),
            "forms handed out": cycle.forms_handed_out,
            "batches not checked": s.scalar(
                select(func.count()).where(
                    m.SurveyBatch.cycle_id == cycle_id,
                    m.SurveyBatch.id.in_(typed),
                    m.SurveyBatch.id.not_in(checked),
                )
            ),
            "unfinished forms": tuple(
                s.scalars(
                    select(m.EntryDraft.serial)
                    .where(m.EntryDraft.cycle_id == cycle_id)
                    .order_by(m.EntryDraft.updated_at.desc())
                )
            ),
            "interviews not coded": s.scalar(
                select(func.count()).where(
                    m.Interview.cycle_id == cycle_id,
                    m.Interview.transcript != "",
                    m.Interview.id.not_in(coded),
                )
            ),
            "quotes waiting": s.scalar(
                select(func.count())
                .select_from(m.Quote)
                .join(m.CodedPassage, m.CodedPassage.id == m.Quote.passage_id)
                .join(m.Interview, m.Interview.id == m.CodedPassage.interview_id)
                .where(m.Interview.cycle_id == cycle_id, m.Quote.approved.is_(False))
            ),
            "booklet": (
                written is not None,
                written is not None and changed is not None and changed > written,
            ),
            "signed off": s.scalar(select(exists().where(m.SignOff.cycle_id == cycle_id))),
            "sent": s.scalar(
                select(
                    exists().where(
                        m.AuditEntry.entity == "export", m.AuditEntry.entity_id == cycle.label
                    )
                )
            ),
            "time": {a: time[a] for a in TimeActivity if time[a]},
            "representatives": len({i.representative_id for i in involvement}),
        }


def as_the_app_reads_it(ws: Workspace, cycle_id: int) -> dict[str, Any]:
    facts = ws.overview.facts(cycle_id, TODAY)
    return {
        "hospital": ws.setup.hospital(),
        "cycles": ws.cycles.cycles(),
        "demo": ws.is_demo,
        "last change": ws.maintenance.last_change(),
        "goals overdue": facts.goals_overdue,
        "goals due": facts.goals_due_for_review,
        "forms returned": facts.forms_returned,
        "forms handed out": facts.forms_handed_out,
        "batches not checked": facts.batches_not_checked,
        "unfinished forms": facts.unfinished_forms,
        "interviews not coded": facts.interviews_not_coded,
        "quotes waiting": facts.quotes_waiting,
        "booklet": (facts.booklet_written, facts.booklet_out_of_date),
        "signed off": facts.signed_off,
        "sent": facts.sent_to_charity,
        "time": ws.time_spent.summary(cycle_id),
        "representatives": ws.involvement.summary(cycle_id).representatives,
    }


def test_the_first_screen_reads_what_the_orm_reads(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    ws = demo_workspace
    cycles = ws.cycles.cycles()
    for cycle in cycles:
        assert as_the_app_reads_it(ws, cycle.id or 0) == the_orm_way(ws, cycle.id or 0)
    # the same with the work the Overview lists waiting: drafts, goals due, a booklet written
    # and changed since, a sign-off, an interview not coded, time typed in
    cycle_id = cycles[0].id or 0
    questionnaire = ws.survey_entry.questionnaire(cycle_id)
    for serial in (71, 72):
        ws.survey_entry.save_draft(cycle_id, FormEntry(questionnaire, serial))
    ws.goals.save_goal(Goal(cycle_id, Term.SHORT, "Ring back", next_review=TODAY + timedelta(9)))
    late = ws.goals.save_goal(
        Goal(cycle_id, Term.MEDIUM, "Leaflets in Polish", target_date=TODAY - timedelta(1))
    )
    ws.time_spent.add_time(TimeEntry(cycle_id, TimeActivity.OTHER, TODAY, 25))
    ws.sign_off.save_sign_off(
        SignOff(cycle_id, "Dr Chair", "Clinical Director", TODAY, "PIL-1", publish_consent=True)
    )
    ws.publish.publish(cycle_id, tmp_path / "out", fictional=True)
    ws.goals.save_goal(replace(late, title="Leaflets in Polish and Urdu"))
    app_reads = as_the_app_reads_it(ws, cycle_id)
    assert app_reads == the_orm_way(ws, cycle_id)
    assert app_reads["unfinished forms"] == (72, 71)
    assert app_reads["booklet"] == (True, True) and app_reads["signed off"]
    assert app_reads["goals due"] and app_reads["time"][TimeActivity.OTHER] >= 25


SHOW_THE_FIRST_SCREEN = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QLabel, QListWidget
from pledge_desktop.app import open_workspace_for
from pledge_desktop.db import models
from pledge_desktop.ui.shell.main_window import MainWindow
app = QApplication(sys.argv[:1])
window = MainWindow()
window.show()
window.set_workspace(open_workspace_for(Path(sys.argv[1]), True, later=True))
app.processEvents()
page = window.current_page()
print(json.dumps({
    "orm set up": models.Hospital.__mapper__.configured,
    "where": page.findChild(QLabel, "overviewWhere").text(),
    "to do": page.findChild(QListWidget, "todoList").count(),
    "demo banner": window.demo_banner.isVisibleTo(window),
}))
window.close()
"""


def test_the_overview_is_shown_before_the_orm_is_set_up(demo_folder: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_THE_FIRST_SCREEN, demo_folder],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[3],
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["orm set up"] is False
    assert "Primary pledge" in shown["where"] and shown["to do"] > 0
    assert shown["demo banner"] is True
