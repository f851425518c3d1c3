"""The fast row checker against frictionless, the independent check: on many damaged tables
both must agree whether the package is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pledge_desktop.exchange.table_check import check_package, validate_table_rows
from tests.exchange.agreement import (
    GOOD,
    OPTIONS,
    QUESTIONS,
    RESPONSES,
    SCHEMAS,
    csv_text,
    frictionless_valid,
    good_files,
    resources,
)

TRICKY = [
    "",
    "blank",
    "suppressed",
    "withheld",
    "7",
    "01",
    " 1",
    "+2",
    "1.0",
    "1e3",
    "NaN",
    "-0",
    "x",
    "00a1",
    "00A1",
    "00a4 ",
    "2026-1",
    "2026-01\n",
    "2026-13-01",
    "2026-02-30",
    "1;;2",
    "1;2;",
    "١",
    "1_0",
    "verified",
    "Entered",
    "age",
    "weight",
    "zz",
    "0",
    "-1",
    "=1+1",
    '"',
    "a,b",
    "é",
    "\t",
    "single_choice",
    "number",
    "Infinity",
]


@st.composite
def damaged(draw: st.DrawFn) -> dict[str, list[list[str]]]:
    tables = {
        name: [[f["name"] for f in SCHEMAS[name]["fields"]], *[list(r) for r in rows]]
        for name, rows in GOOD.items()
    }
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(tables)))
        rows = tables[name]
        where = draw(st.integers(0, len(rows) - 1))
        action = draw(
            st.sampled_from(
                ["cell", "cell", "cell", "drop", "add", "copy", "blank", "delete", "header"]
            )
        )
        row = rows[where]
        if action == "cell" and row:
            column = draw(st.integers(0, len(row) - 1))
            row[column] = draw(st.sampled_from(TRICKY) | st.text(max_size=4))
        elif action == "drop" and row:
            row.pop(draw(st.integers(0, len(row) - 1)))
        elif action == "add":
            row.append(draw(st.sampled_from(TRICKY)))
        elif action == "copy":
            rows.append(list(row))
        elif action == "blank":
            rows[where] = [draw(st.sampled_from(["", "blank", "skipped"]))] * len(row)
        elif action == "delete" and len(rows) > 1:
            rows.pop(where)
        elif action == "header":
            rows[0] = list(reversed(rows[0])) if draw(st.booleans()) else rows[0][:-1]
    return tables


def as_files(tables: dict[str, list[list[str]]]) -> dict[str, bytes]:
    return {f"data/{name}.csv": csv_text(rows).encode("utf-8") for name, rows in tables.items()}


def test_the_sample_is_valid_for_both() -> None:
    assert frictionless_valid(good_files())[0]
    assert check_package(resources(), good_files()) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_both_agree_on_damaged_tables(tables: dict[str, list[list[str]]]) -> None:
    files = as_files(tables)
    valid, messages = frictionless_valid(files)
    problems = check_package(resources(), files)
    assert valid == (problems == []), (messages[:3], problems[:3])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=60), st.integers(0, 200))
@example(b"\t", 0)  # a tab before the first column's name: frictionless strips it, we refuse
def test_both_agree_on_damaged_bytes(noise: bytes, where: int) -> None:
    files = good_files()
    data = files["data/responses.csv"]
    where = min(where, len(data))
    files["data/responses.csv"] = data[:where] + noise + data[where:]
    valid, messages = frictionless_valid(files)
    problems = check_package(resources(), files)
    if valid and problems and all(p.kind == "header" for p in problems):
        # frictionless strips spaces and tabs around column names; we refuse them, since the
        # merge reads columns by their exact names: stricter, never looser
        first = files["data/responses.csv"].split(b"\n", 1)[0].decode("utf-8", "replace")
        names = [f["name"] for f in RESPONSES["fields"]]
        assert [cell.strip() for cell in first.lstrip("\ufeff").split(",")] == names
        return
    assert valid == (problems == []), (messages[:3], problems[:3])


def test_each_kind_of_problem_is_named() -> None:
    header = csv_text([[f["name"] for f in RESPONSES["fields"]]])

    def kinds(body: str) -> set[str]:
        return {p.kind for p in validate_table_rows(RESPONSES, (header + body).encode())}

    good = "00a1,entered,1,61.5,1;3,2026-01,2026-02-03,12\n"
    assert kinds(good) == set()
    assert kinds(good.replace(",1,61.5", ",x,61.5")) == {"type-error"}
    assert kinds(good.replace(",1,61.5", ",7,61.5")) == {"constraint-error"}
    assert kinds(good.replace("00a1,entered", "blank,entered")) == {
        "constraint-error",
        "primary-key",
    }
    assert kinds(good + good) == {"unique-error", "primary-key"}
    assert kinds(good.replace(",12\n", ",12,extra\n")) == {"row-length"}
    assert "header" in {p.kind for p in validate_table_rows(RESPONSES, ("a,b\n" + good).encode())}
    orphan = "question_code,code,label\nsex,1,Woman\n"
    questions = csv_text([[f["name"] for f in QUESTIONS["fields"]], *GOOD["questions"]])
    found = validate_table_rows(
        OPTIONS, orphan.encode(), {"questions": (QUESTIONS, questions.encode())}, name="options"
    )
    assert [p.kind for p in found] == ["foreign-key"]
