"""The privacy gate on the charity package, tried as an outside tester would: identifiers planted
in every column that may leave (found by walking the classification, not a hand-made list) and
in written answers never reach the file; written questions asking who the patient is never
leave; rows carry no trace of serial order; the charity's data policy sets k."""

import csv
import io
import itertools
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, text, update

from pledge_desktop.db import models as m
from pledge_desktop.db.text_classes import columns_that_leave
from pledge_desktop.domain.errors import PolicyProblem, ValidationError
from pledge_desktop.domain.identifiers import find_identifiers
from pledge_desktop.domain.print_gate import PrintChoices
from pledge_desktop.exchange.package_format import option_column, question_fingerprint
from pledge_desktop.services.exchange.export import ExportChoices, FindingsRemain
from pledge_desktop.services.exchange.export_gate import name_lists
from pledge_desktop.services.exchange.export_tables import export_key, ref
from pledge_desktop.services.exchange.merge import merge_packages
from tests.pdfs import pdf_text
from tests.services.exchange.test_export import plant_form

CORPUS = Path(__file__).parents[2] / "data" / "identifiers_corpus.jsonl"
NOT_PLANTED = {"questionnaire.definition"}  # JSON: its wording is checked as questions.text


def found_whole(sentence: dict) -> bool:  # type: ignore[type-arg]
    """The sentences whose every identifier the detector finds on its own."""
    found = find_identifiers(sentence["text"], lists=name_lists(), every_date=True)
    return all(
        any(f.start <= i["start"] and i["end"] <= f.end for f in found)
        for i in sentence["identifiers"]
    )


@pytest.fixture(scope="module")
def corpus() -> list[dict]:  # type: ignore[type-arg]
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
    return [r for r in rows if r["identifiers"] and found_whole(r)]


@pytest.fixture
def cycle_id(demo_workspace) -> int:
    return demo_workspace.cycles.find("2026").id


def members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def rows_of(files: dict[str, str], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"])))


def test_no_planted_identifier_reaches_the_package(demo_workspace, cycle_id, corpus, tmp_path):
    """Planted everywhere: the package, what the charity's merge makes of it (CSV, XLSX cells,
    PDF text), and the booklet and poster printed from the same words."""
    planted: list[dict] = []  # type: ignore[type-arg]
    by_design: list[tuple[str, dict]] = []  # type: ignore[type-arg]
    sentences = itertools.cycle(corpus)
    with demo_workspace.db.transaction() as session:
        for table, columns in columns_that_leave().items():
            model = next(t for t in m.Base.metadata.sorted_tables if t.name == table)
            ids = [row[0] for row in session.execute(select(model.c.id))]
            for column in columns:
                if f"{table}.{column}" in NOT_PLANTED:
                    continue
                for row_id in ids:
                    sentence = next(sentences)
                    planted.append(sentence)
                    by_design.append((f"{table}.{column}", sentence))
                    session.execute(
                        update(model).where(model.c.id == row_id).values({column: sentence["text"]})
                    )
    assert len(planted) > 100
    cycle_id = demo_workspace.cycles.find(None).id  # the labels are planted too
    for serial in range(951, 971):
        sentence = next(sentences)
        planted.append(sentence)
        plant_form(demo_workspace, cycle_id, serial, sentence["text"])
    plan = demo_workspace.export.plan(cycle_id)
    every = {c.key for c in plan.comments}
    with pytest.raises(FindingsRemain) as refused:
        demo_workspace.export.export(cycle_id, tmp_path / "no.zip", ExportChoices(comments=every))
    assert {f.table for f in refused.value.findings} >= {
        "site", "goals", "standards", "quotes", "interview_themes", "responses"
    }  # fmt: skip
    out = tmp_path / "swept.zip"
    result = demo_workspace.export.export(
        cycle_id, out, ExportChoices(comments=every, remove_all=True)
    )
    assert result.comments_sent == len(every) and result.removed
    files = members(out)
    everything = "\n".join(files.values())
    assert "[removed]" in everything
    absent(planted, everything, "package")
    merged = tmp_path / "merged"
    assert merge_packages([out], merged).accepted
    absent(planted, "\n".join(merged_words(merged)), "merged")
    # the public print: the contact details it prints by design may hold their own kind
    printed = [
        (s, frozenset({"name"}) if column in NAMES_BY_DESIGN else PHONES_BY_DESIGN.get(column))
        for column, s in by_design
    ]
    booklet, poster = tmp_path / "booklet.pdf", tmp_path / "poster.pdf"
    everyone = PrintChoices(remove_all=True)
    with pytest.raises(FindingsRemain):
        demo_workspace.booklet.write(cycle_id, booklet)
    demo_workspace.booklet.write(cycle_id, booklet, choices=everyone)
    demo_workspace.booklet.write_poster(cycle_id, poster, choices=everyone)
    texts = {
        name: " ".join(pdf_text(path).split())
        for name, path in (("booklet", booklet), ("poster", poster))
    }
    assert "[removed]" in texts["booklet"]
    public = {  # a team member's name or the unit's phone may be printed wherever it is written
        identifier["text"]
        for sentence, kinds in printed
        for identifier in sentence["identifiers"]
        if kinds is not None and identifier["kind"] in kinds
    }
    public_words = {w.lower() for words in public for w in re.findall(r"\w+", words)}
    for sentence, kinds in printed:
        kept = [
            i
            for i in sentence["identifiers"]
            if (kinds is None or i["kind"] not in kinds)
            and not (
                i["kind"] in {"name", "phone number"}
                and set(re.findall(r"\w+", i["text"].lower())) <= public_words
            )
        ]
        for name, printed_text in texts.items():
            absent([{**sentence, "identifiers": kept}], printed_text, name)


NAMES_BY_DESIGN = {
    "team_member.name",
    "team_member.role",
    "patient_representative.name",
    "hospital.name",
    "hospital.trust_name",
    "hospital.address",
}
PHONES_BY_DESIGN = {
    column: frozenset({"phone number"})
    for column in ("team_member.phone", "hospital.unit_phone", "hospital.out_of_hours_phone")
}


def absent(planted: list[dict], everything: str, where: str) -> None:  # type: ignore[type-arg]
    for sentence in planted:
        for identifier in sentence["identifiers"]:
            words = identifier["text"]
            pattern = r"(?<![\w])" + re.escape(words) + r"(?![\w])"
            found = re.search(pattern, everything)
            assert not found, (where, words, everything[max(0, found.start() - 80) : found.end()])


def merged_words(folder: Path) -> list[str]:
    """Every word of the merge's outputs: CSV files, every XLSX cell, the PDF's text."""
    words: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix in {".csv", ".json", ".txt"}:
            words.append(path.read_text("utf-8"))
        elif path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            for sheet in book.worksheets:
                for row in sheet.iter_rows(values_only=True):
                    words.extend(str(cell) for cell in row if cell is not None)
        elif path.suffix == ".pdf":
            words.append(pdf_text(path))
    assert any(w for w in words), "the merge wrote nothing to read"
    return words


def test_rows_are_in_no_order_of_serials(demo_workspace, cycle_id, tmp_path) -> None:
    for serial in range(1001, 1241):
        plant_form(demo_workspace, cycle_id, serial, "", ages=1 + serial % 5)
    out = tmp_path / "order.zip"
    demo_workspace.export.export(cycle_id, out, ExportChoices(remove_all=True))
    with demo_workspace.db.reading() as session:
        key = export_key(session)
        label = session.get(m.PledgeCycle, cycle_id).label
        serials = list(
            session.scalars(
                select(m.SurveyResponse.serial).where(m.SurveyResponse.cycle_id == cycle_id)
            )
        )
    serial_of = {ref(key, "response", label, s): s for s in serials}
    written = [serial_of[row["response_id"]] for row in rows_of(members(out), "responses")]
    assert len(written) == 300
    ranks = {s: i for i, s in enumerate(sorted(written))}
    n = len(written)
    d2 = sum((i - ranks[s]) ** 2 for i, s in enumerate(written))
    spearman = 1 - 6 * d2 / (n * (n * n - 1))
    assert abs(spearman) < 0.25, spearman


def test_a_written_question_asking_who_is_never_sent(demo_workspace, cycle_id, tmp_path) -> None:
    with demo_workspace.db.transaction() as session:
        cycle = session.get(m.PledgeCycle, cycle_id)
        version = session.get(m.Questionnaire, cycle.questionnaire_id)
        definition = json.loads(version.definition)
        for section in definition["sections"]:
            for question in section["questions"]:
                if question["code"] == "improve_one_thing":
                    question["quasi_identifier"] = True
        version.definition = json.dumps(definition)
    plant_form(demo_workspace, cycle_id, 990, "Mrs Ann Example, 4 Acacia Avenue")
    plan = demo_workspace.export.plan(cycle_id)
    assert "improve_one_thing" in plan.never_sent
    assert not any(c.question_code == "improve_one_thing" for c in plan.comments)
    out = tmp_path / "who.zip"
    every = {c.key for c in plan.comments}
    demo_workspace.export.export(cycle_id, out, ExportChoices(comments=every, remove_all=True))
    files = members(out)
    assert "Acacia" not in "\n".join(files.values())
    assert "improve_one_thing" not in rows_of(files, "responses")[0]
    question = next(
        q for q in rows_of(files, "questions") if q["question_code"] == "improve_one_thing"
    )
    assert question["answers_sent"] == "no"


def test_the_policy_sets_k_and_a_hospital_can_only_raise_it(
    demo_workspace, cycle_id, tmp_path
) -> None:
    with pytest.raises(ValidationError, match="at least 2"):
        demo_workspace.export.export(cycle_id, tmp_path / "k1.zip", ExportChoices(k=1))
    out = tmp_path / "k3.zip"
    demo_workspace.export.export(cycle_id, out, ExportChoices(k=3, remove_all=True))
    descriptor = json.loads(members(out)["datapackage.json"])
    assert descriptor["pledge"]["k_anonymity"] == 5  # the policy's, not the lower one asked
    assert descriptor["pledge"]["data_policy_version"] == 1
    policy = demo_workspace.export.policy
    shipped = json.loads(Path("resources/policy/data-policy.json").read_text("utf-8"))
    newer = tmp_path / "policy-2.json"
    newer.write_text(json.dumps({**shipped, "version": 2, "k": 7}), "utf-8")
    weaker = tmp_path / "policy-3.json"
    weaker.write_text(json.dumps({**shipped, "version": 3, "k": 3}), "utf-8")
    assert policy.import_file(newer).k == 7
    with pytest.raises(PolicyProblem, match="stricter"):
        policy.import_file(weaker)
    with pytest.raises(PolicyProblem, match="already in use"):
        policy.import_file(newer)
    out = tmp_path / "k7.zip"
    demo_workspace.export.export(cycle_id, out, ExportChoices(remove_all=True))
    files = members(out)
    about = json.loads(files["datapackage.json"])["pledge"]
    assert (about["k_anonymity"], about["data_policy_version"]) == (7, 2)
    assert rows_of(files, "site")[0]["data_policy_version"] == "2"


def test_the_analyst_gets_denominators_options_and_fingerprints(
    demo_workspace, cycle_id, tmp_path
) -> None:
    with demo_workspace.db.transaction() as session:
        session.execute(
            text(
                "UPDATE pledge_cycle SET forms_handed_out = 150, hand_out_method = 'clinic', "
                "fieldwork_start = '2026-02-01', fieldwork_end = '2026-04-30' WHERE id = :id"
            ),
            {"id": cycle_id},
        )
    out = tmp_path / "site.zip"
    demo_workspace.export.export(cycle_id, out, ExportChoices(remove_all=True))
    files = members(out)
    site = rows_of(files, "site")[0]
    assert site["forms_handed_out"] == "150" and site["forms_returned"] == "60"
    assert site["forms_printed"].isdigit() and site["pledge_type"] == "primary"
    assert (site["fieldwork_start"], site["fieldwork_end"]) == ("2026-02-01", "2026-04-30")
    assert site["hand_out_method"] == "clinic" and site["nation"] in {"England", "unknown"}
    responses = rows_of(files, "responses")
    ticked = option_column("tx_received", 1)
    assert ticked in responses[0] and "tx_received" not in responses[0]
    assert {row[ticked] for row in responses} <= {"0", "1", "blank", "unreadable", "skipped"}
    plan = demo_workspace.export.plan(cycle_id)
    assert plan.tables
    question = next(q for q in rows_of(files, "questions") if q["question_code"] == "bcn_named")
    options = [
        (int(o["code"]), o["label"])
        for o in rows_of(files, "options")
        if o["question_code"] == "bcn_named"
    ]
    assert question["fingerprint"] == question_fingerprint(
        question["text"], question["type"], options
    )
    goals = rows_of(files, "goals")
    assert {"national_category", "agreed_on", "closed_on", "drop_reason"} <= set(goals[0])
    assert "national_code" in rows_of(files, "interview_themes")[0]
