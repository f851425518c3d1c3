"""Men's answers, nationally: a hospital's few men cannot travel with their sex and site, so
the merge counts only the men whose sex travelled (their hospital had enough of them) and
publishes their answers pooled over hospitals, naming none, small counts held back."""

import csv
import io
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl

from pledge_desktop.domain.questionnaire import AnswerType
from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
from pledge_desktop.domain.survey_entry import AnswerState, FormEntry
from pledge_desktop.services.demo.build import PRIMARY_QUESTIONNAIRE
from pledge_desktop.services.demo.responses import add_demo_responses
from pledge_desktop.services.exchange.export import ExportChoices
from pledge_desktop.services.exchange.merge import charity_policy, merge_packages
from pledge_desktop.services.workspace import open_workspace
from tests.pdfs import pdf_text

HOSPITALS = (("RZA01", 6), ("RZB01", 9), ("RZC01", 12), ("RZD01", 2))  # site, men who replied


def add_men(workspace, cycle_id: int, men: int) -> None:  # type: ignore[no-untyped-def]
    """Men who answered alike about themselves (so that enough of them make a group); in turn
    yes, no, yes … to the nurse's name; one man per hospital with the other answer about the
    clinic's wait."""
    service = workspace.survey_entry
    forms = []
    for number in range(men):
        entry = FormEntry(service.questionnaire(cycle_id), 9000 + number)
        while not entry.finished:
            question = entry.current
            if question.code == "sex":
                entry.press_digit(2)
            elif question.code == "bcn_named":
                entry.press_digit(1 if number % 3 != 1 else 2)
            elif question.code == "clinic_wait":
                entry.press_digit(2 if number == 0 else 1)
            elif question.code == "age_band":
                entry.press_digit(4)
            elif question.type is AnswerType.SINGLE and question.code not in ("ethnicity",):
                entry.press_digit(1)
            else:
                entry.mark(AnswerState.LEFT_BLANK)
        forms.append(entry)
    service.save_forms(cycle_id, forms)


def export_hospital(folder: Path, site: str, men: int, seed: int) -> Path:
    workspace = open_workspace(folder / site)
    try:
        cycle = workspace.setup.complete_first_setup(
            FirstSetup(
                Hospital(
                    name=f"Hospital {site[2]} (fictional)", site_code=site, trust_code=site[:3]
                ),
                TeamMember(0, "Nurse Example"),
                PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
            )
        )
        workspace.questionnaires.install_templates()
        workspace.questionnaires.use_for_cycle(cycle.id, PRIMARY_QUESTIONNAIRE)
        add_demo_responses(workspace.survey_entry, cycle.id, 40, seed=seed)
        add_men(workspace, cycle.id, men)
        out = folder / "sent" / f"{site}.zip"
        out.parent.mkdir(exist_ok=True)
        workspace.export.export(cycle.id, out, ExportChoices(remove_all=True))
        return out
    finally:
        workspace.close()


def sent_rows(path: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        text = archive.read("data/responses.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_men_are_counted_nationally_only_where_their_sex_travelled(tmp_path: Path) -> None:
    packages = [
        export_hospital(tmp_path, site, men, seed)
        for seed, (site, men) in enumerate(HOSPITALS, start=3)
    ]
    travelled = {p.stem: [r for r in sent_rows(p) if r["sex"] == "2"] for p in packages}
    assert len(travelled["RZD01"]) == 0, "two men at one hospital: their sex is held back"
    assert all(len(travelled[site]) >= 5 for site in ("RZA01", "RZB01", "RZC01"))

    result = merge_packages([tmp_path / "sent"], tmp_path / "national")
    assert result.rejected == []
    text = (tmp_path / "national" / "men_national.csv").read_text(encoding="utf-8")
    for site, _men in HOSPITALS:
        assert site not in text and f"Hospital {site[2]}" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert set(rows[0]) == {
        "cycle", "question_column", "answer", "count", "men_answering", "men", "hospitals"
    }  # fmt: skip
    men = sum(len(found) for found in travelled.values())
    assert {(r["cycle"], r["men"], r["hospitals"]) for r in rows} == {("2026", str(men), "3")}

    named = {r["answer"]: r for r in rows if r["question_column"] == "bcn_named"}
    said = [r["bcn_named"] for found in travelled.values() for r in found]
    for answer, row in named.items():
        expected = said.count(answer)
        if row["count"] == "held back":
            assert expected < 8 or sum(1 for r in named.values() if r["count"] == "held back") > 1
        else:
            assert int(row["count"]) == expected >= 8
    assert (named["1"]["count"], named["2"]["count"]) == ("18", "9")
    assert named["1"]["men_answering"] == "27"
    wait = {r["answer"]: r["count"] for r in rows if r["question_column"] == "clinic_wait"}
    assert list(wait.values()).count("held back") >= 2, "3 men alone, and one more to hide them"

    # the same figures in the summaries the analyst opens, numbers as numbers
    book = openpyxl.load_workbook(tmp_path / "national" / "summary.xlsx", read_only=True)
    sheet = [list(r) for r in book["Men nationally"].iter_rows(values_only=True)]
    assert sheet[1] == ["Cycle", "Question column", "Answer", "Men", "Men answering",
                        "Men pooled", "Hospitals"]  # fmt: skip
    in_sheet = {(r[1], r[2]): r[3] for r in sheet[2:]}
    assert in_sheet[("bcn_named", "1")] == 18 and in_sheet[("bcn_named", "2")] == 9
    assert len(sheet) - 2 == len(rows)
    summary = " ".join(pdf_text(tmp_path / "national" / "summary.pdf").split())
    assert "Men's experience nationally" in summary
    for site, _men in HOSPITALS:
        assert site not in str(sheet)

    policy = charity_policy()
    assert policy is not None and policy.men_national_table
    merge_packages(
        [tmp_path / "sent"], tmp_path / "no-men", policy=replace(policy, men_national_table=False)
    )
    refused = (tmp_path / "no-men" / "men_national.csv").read_text(encoding="utf-8")
    assert refused.splitlines() == [",".join(rows[0])], "a policy without it: the heading alone"
    book = openpyxl.load_workbook(tmp_path / "no-men" / "summary.xlsx", read_only=True)
    assert "Men nationally" not in book.sheetnames
