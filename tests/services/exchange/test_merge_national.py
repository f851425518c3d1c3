"""The national merge driven as the charity's analyst would: two cycles of two hospitals, one of
which reworded a question, merged; then the files read back as she would read them."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from pledge_desktop.domain.national import BASE_LABELS, BASE_ROWS
from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
from pledge_desktop.domain.suppression import TOTAL, Margins, recover_by_subtraction
from pledge_desktop.services.demo.build import PRIMARY_QUESTIONNAIRE
from pledge_desktop.services.demo.responses import add_demo_responses
from pledge_desktop.services.exchange.merge import merge_packages
from pledge_desktop.services.workspace import open_workspace

REWORDED = "bcn_named"
FORMS = 45
HELD = "held back"


def hospital(folder: Path, site: str, reword: bool, seed: int) -> list[Path]:
    """One hospital's two cycles, typed in and exported through the services."""
    ws = open_workspace(folder / site)
    first = ws.setup.complete_first_setup(
        FirstSetup(
            Hospital(name=f"{site} Hospital (fictional)", site_code=site, trust_code=site[:3]),
            TeamMember(0, "Nurse Example"),
            PledgeCycle("2025", date(2025, 1, 1), date(2025, 12, 31)),
        )
    )
    second = ws.cycles.save_cycle(PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)))
    ws.questionnaires.install_templates()
    ws.questionnaires.use_for_cycle(first.id, PRIMARY_QUESTIONNAIRE)
    if reword:
        newest = [s for s in ws.questionnaires.summaries() if s.name == PRIMARY_QUESTIONNAIRE]
        original = newest[-1]  # the version the other cycles ask
        copy = ws.questionnaires.copy(original.id, "Our survey")
        definition = ws.questionnaires.definition(copy)
        sections = tuple(
            replace(
                section,
                questions=tuple(
                    replace(q, text="Did you get the name of your own breast care nurse?")
                    if q.code == REWORDED
                    else q
                    for q in section.questions
                ),
            )
            for section in definition.sections
        )
        ws.questionnaires.save_definition(copy, replace(definition, sections=sections))
        ws.questionnaires.use_for_cycle(second.id, "Our survey")
    else:
        ws.questionnaires.use_for_cycle(second.id, PRIMARY_QUESTIONNAIRE)
    sent = []
    for number, cycle in enumerate((first, second)):
        add_demo_responses(ws.survey_entry, cycle.id, FORMS, seed=seed + number, first_serial=1)
        path = folder / "sent" / f"{site}-{cycle.label}.zip"
        path.parent.mkdir(exist_ok=True)
        ws.export.export(cycle.id, path)
        sent.append(path)
    ws.close()
    return sent


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("national")
    hospital(folder, "RAA01", reword=False, seed=3)
    hospital(folder, "RBB01", reword=True, seed=7)
    out = folder / "national"
    return out, merge_packages([folder / "sent"], out)


def sheet_rows(out: Path, name: str) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(out / "summary.xlsx")
    return list(book[name].iter_rows(values_only=True))


def test_everything_is_taken_and_named(merged) -> None:
    out, result = merged
    assert result.rejected == [] and (result.hospitals, result.pledges) == (2, 4)
    assert result.surveys == 4 * FORMS
    assert "from 2 hospitals" in result.describe() and "4 pledges" in result.describe()
    assert sorted(p.name for p in out.iterdir()) == [
        "conformance.csv",
        "men_national.csv",
        "merged",
        "summary.pdf",
        "summary.xlsx",
    ]


def test_the_conformance_report_names_the_reworded_question(merged) -> None:
    out, _ = merged
    with (out / "conformance.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    assert [(r["cycle"], r["site_code"], r["question_code"], r["change"]) for r in rows] == [
        ("2026", "RBB01", REWORDED, "reworded")
    ]
    assert rows[0]["this_hospital_asked"].startswith("Did you get the name")
    text = pdf_text(out / "summary.pdf")
    assert "Questionnaire conformance" in text and "reworded" in text


def test_tables_are_per_cycle_and_the_reworded_question_is_not_pooled(merged) -> None:
    out, _ = merged
    book = openpyxl.load_workbook(out / "summary.xlsx")
    assert book.sheetnames == [
        "Headlines",
        "Cycle 2025",
        "Cycle 2026",
        "Conformance",
        "Men nationally",
    ]
    rows = sheet_rows(out, "Cycle 2026")
    header = rows[1]
    assert header[6:10] == ("RAA01 2026 count", "RAA01 2026 %", "RBB01 2026 count", "RBB01 2026 %")
    variant = [r for r in rows[2:] if r[1] == REWORDED and r[2] != REWORDED]
    usual = [r for r in rows[2:] if r[2] == REWORDED]
    assert variant and usual
    assert all(r[header.index("RAA01 2026 count")] == "not asked" for r in variant)
    assert all(r[header.index("RBB01 2026 count")] == "not asked" for r in usual)
    answered = next(r for r in rows if r[2] == REWORDED and r[3] == "Answered")
    assert answered[4] in (FORMS, HELD) or answered[4] <= FORMS  # one hospital, one cycle
    merged_header = (out / "merged" / "data" / "responses.csv").read_text().splitlines()[0]
    assert f"{REWORDED}__v2" in merged_header.split(",")


def test_every_distribution_shows_its_whole_base_and_no_survivors_are_drawn(merged) -> None:
    out, _ = merged
    with (out / "merged" / "data" / "responses.csv").open(encoding="utf-8") as source:
        forms = list(csv.DictReader(source))
    for cycle in ("2025", "2026"):
        rows = sheet_rows(out, f"Cycle {cycle}")
        columns = {r[2] for r in rows[2:] if r[2]}
        for column in columns:
            block = [r for r in rows[2:] if r[2] == column]
            labels = [r[3] for r in block]
            assert [BASE_LABELS[t] for t in BASE_ROWS] == labels[: len(BASE_ROWS)], column
            cells = [f[column] for f in forms if f["cycle"] == cycle and f.get(column)]
            held = sum(c in ("suppressed", "withheld") for c in cells)
            replied = held + sum(
                c not in ("blank", "unreadable", "skipped", "suppressed", "withheld") for c in cells
            )
            shares = [r[5] for r in block[len(BASE_ROWS) :] if isinstance(r[5], float)]
            if replied and held / replied > 0.2:
                assert not shares, column
                assert any(str(r[3]).startswith("Percentages are not drawn") for r in block)
    # the answers held back by k-anonymity are shown, not hidden in a smaller n
    ages = [r for r in sheet_rows(out, "Cycle 2026") if r[2] == "age_band"]
    suppressed = next(r for r in ages if r[3] == BASE_LABELS["suppressed"])
    assert suppressed[4] == HELD or suppressed[4] > 0


def test_percentages_are_numbers_with_a_percent_format(merged) -> None:
    out, _ = merged
    book = openpyxl.load_workbook(out / "summary.xlsx")
    shares = [
        cell
        for row in book["Cycle 2025"].iter_rows()
        for cell in row
        if isinstance(cell.value, float)
    ]
    assert shares and all(c.number_format == "0.0%" and 0 <= c.value <= 1 for c in shares)


def test_multiple_choice_has_one_column_per_answer(merged) -> None:
    out, _ = merged
    with (out / "merged" / "data" / "responses.csv").open(encoding="utf-8") as source:
        forms = list(csv.DictReader(source))
    assert "tx_received" not in forms[0], "no cell of several codes joined together"
    columns = [f"tx_received__{answer}" for answer in "123456"]
    ticked = [f for f in forms if f[columns[0]] in ("0", "1")]
    assert ticked
    for form in ticked:
        assert {form[c] for c in columns} <= {"0", "1"}
        assert "1" in {form[c] for c in columns}, "an answered question has a ticked box"
    for form in forms:
        if form not in ticked:  # blank, unreadable or skipped: said in every column alike
            assert len({form[c] for c in columns}) == 1


def published(rows: list[tuple[object, ...]], sites: list[str], column: str):  # type: ignore[no-untyped-def]
    """The base and answers tables of one question as printed, with their totals."""
    header = rows[1]
    block = [r for r in rows[2:] if r[2] == column and not str(r[3]).startswith("Percentages")]
    where = [header.index(f"{s} count") for s in sites]
    asked = [j for j, w in enumerate(where) if block[0][w] != "not asked"]
    return block, [where[j] for j in asked], [sites[j] for j in asked]


def attack(block, where, national_col, col_totals, grand):  # type: ignore[no-untyped-def]
    hidden = set()
    table = []
    for i, row in enumerate(block):
        line = []
        for j, w in enumerate(where):
            if row[w] == HELD:
                hidden.add((i, j))
                line.append(0)
            else:
                line.append(int(row[w]))
        table.append(line)
        if row[national_col] == HELD:
            hidden.add((i, TOTAL))
    rows_total = [0 if r[national_col] == HELD else int(r[national_col]) for r in block]
    columns_total = []
    for j, total in enumerate(col_totals):
        if total is None:
            hidden.add((TOTAL, j))
        columns_total.append(total or 0)
    if grand is None:
        hidden.add((TOTAL, TOTAL))
    found = recover_by_subtraction(
        table, hidden, Margins(tuple(rows_total), tuple(columns_total), grand or 0)
    )
    return {cell: n for cell, n in found.items() if cell in hidden}


def test_no_hidden_count_can_be_worked_out_from_the_summary(merged) -> None:
    out, _ = merged
    forms = {
        r[0]: r[1] for r in sheet_rows(out, "Headlines") if r and isinstance(r[1], int) and r[0]
    }
    tried = 0
    for cycle in ("2025", "2026"):
        rows = sheet_rows(out, f"Cycle {cycle}")
        sites = [str(h)[: -len(" count")] for h in rows[1][6::2]]
        for column in {r[2] for r in rows[2:] if r[2]}:
            block, where, asked = published(rows, sites, column)
            base, answers = block[: len(BASE_ROWS)], block[len(BASE_ROWS) :]
            totals = [forms[s] for s in asked]
            assert attack(base, where, 4, totals, sum(totals)) == {}, column
            if answers and not column.startswith("tx_received"):  # single choice
                answered = [None if v == HELD else int(v) for v in (base[0][w] for w in where)]
                national = None if base[0][4] == HELD else int(base[0][4])
                assert attack(answers, where, 4, answered, national) == {}, column
            tried += 1
    assert tried > 40


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_the_pdf_footer_never_touches_the_page_number(merged) -> None:
    out, _ = merged
    with pdfplumber.open(out / "summary.pdf") as pdf:
        assert len(pdf.pages) > 2
        for page in pdf.pages:
            words = page.extract_words()
            bottom = max(w["bottom"] for w in words)
            line = [w for w in words if w["bottom"] > bottom - 3]
            number = [w for w in line if w["text"] == "Page"]
            assert number, page.page_number
            others = [w for w in line if w["x0"] < number[0]["x0"]]
            assert max(w["x1"] for w in others) + 6 < number[0]["x0"]
    text = pdf_text(out / "summary.pdf")
    assert "from 2 hospitals" in text and "1 hospitals" not in text
    assert "Cycle 2025" in text and "Cycle 2026" in text


def test_the_national_summary_passes_the_layout_check(merged) -> None:
    from tests.reports.layout import Rules, check_pdf

    out, _ = merged
    assert check_pdf(out / "summary.pdf", Rules(body_pt=10, footer=40)) == []
