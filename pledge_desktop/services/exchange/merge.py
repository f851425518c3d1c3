"""The charity's side: many hospitals' data packages checked one by one (a rejected one is named
with its reason and the rest carry on), a package sent twice counted once, questionnaire
versions combined by question code; then a merged data package (validated), summary.xlsx and
summary.pdf, all written whole or not at all."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pledge_desktop import __version__
from pledge_desktop.domain.errors import StorageError
from pledge_desktop.domain.questionnaire import AnswerType, Option, Question
from pledge_desktop.domain.results import DEFAULT_SMALL_NUMBER, CycleResults, QuestionCounts
from pledge_desktop.exchange.package_format import MISSING, Table, link, text
from pledge_desktop.exchange.package_io import (
    LoadedPackage,
    PackageRejected,
    package_files,
    read_package,
    validation_problems,
)
from pledge_desktop.exchange.summary_xlsx import SiteCounts, write_summary_xlsx
from pledge_desktop.services.exchange.export_tables import answer_field

SITE_FIELDS = [text("site_code", "ODS site code", True), text("cycle", "Pledge cycle", True)]
OTHER_TABLES = (
    "verification",
    "interviews",
    "interview_themes",
    "quotes",
    "goals",
    "goal_updates",
    "standards",
)


@dataclass(frozen=True)
class Rejected:
    source: str
    reason: str


@dataclass
class MergeResult:
    out: Path
    accepted: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # sent twice: counted once
    hospitals: int = 0
    pledges: int = 0
    surveys: int = 0
    interviews: int = 0


def package_paths(inputs: list[Path]) -> list[Path]:
    """Files as given; folders: the packages in them (ZIP files, or an unpacked package)."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir() and not (item / "datapackage.json").exists():
            found += sorted(p for p in item.iterdir() if p.suffix.lower() == ".zip")
        else:
            found.append(item)
    return found


def merge_packages(
    inputs: list[Path], out: Path, password: str | None = None, small: int = DEFAULT_SMALL_NUMBER
) -> MergeResult:
    result = MergeResult(out)
    kept: dict[tuple[str, str], LoadedPackage] = {}
    seen: dict[str, str] = {}
    for path in package_paths(inputs):
        if not path.exists():
            result.rejected.append(Rejected(str(path), "There is no such file or folder."))
            continue
        try:
            package = read_package(path, password)
        except PackageRejected as error:
            result.rejected.append(Rejected(str(path), str(error)))
            continue
        if package.fingerprint in seen:
            result.duplicates.append(f"{path} is the same package as {seen[package.fingerprint]}")
            continue
        seen[package.fingerprint] = str(path)
        about = package.about
        key = (str(about.get("site_code", "")), str(about.get("cycle", "")))
        earlier = kept.get(key)
        if earlier is not None:
            newer = str(about.get("exported_at", "")) >= str(earlier.about.get("exported_at", ""))
            older, package = (earlier, package) if newer else (package, earlier)
            result.duplicates.append(
                f"{older.source}: an earlier export of {key[0]} {key[1]}, replaced by "
                f"{package.source}"
            )
        kept[key] = package
    packages = [kept[key] for key in sorted(kept)]
    result.accepted = [p.source for p in packages]
    if packages:
        _write_outputs(packages, result, small)
    return result


def _write_outputs(packages: list[LoadedPackage], result: MergeResult, small: int) -> None:
    questions = _codebook(packages)
    tables = _merged_tables(packages, questions)
    national, per_site = _counts(packages, questions)
    result.hospitals = len({p.about.get("site_code") for p in packages})
    result.pledges = len(packages)
    result.surveys = national.forms
    result.interviews = len(tables["interviews"].rows)
    about = {
        "title": f"Service Pledge national data: {result.hospitals} hospitals",
        "site_code": "national",
        "cycle": "merged",
        "app_version": __version__,
        "sources": len(packages),
    }
    readme = (
        f"Merged Service Pledge data from {result.pledges} pledges at {result.hospitals} "
        f"hospitals, by Pledge Desktop {__version__}. Each table has site_code and cycle "
        "columns; questions are matched across questionnaire versions by question code.\n"
    )
    files = package_files(list(tables.values()), about, readme)
    problems = validation_problems(files)
    if problems:
        raise StorageError("The merged package did not pass its checks: " + problems[0])
    result.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".merge-", dir=result.out))
    try:
        for name, data in files.items():
            target = scratch / "merged" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        headline = _headline(packages, tables, result)
        write_summary_xlsx(scratch / "summary.xlsx", headline, national, per_site, small)
        _summary_pdf(scratch / "summary.pdf", national, tables, result)
        for name in ("merged", "summary.xlsx", "summary.pdf"):
            target = result.out / name
            if target.is_dir():
                shutil.rmtree(target)
            (scratch / name).replace(target)
    except OSError as error:
        raise StorageError(
            f"The merged files could not be written in {result.out}: {error}"
        ) from error
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _codebook(packages: list[LoadedPackage]) -> dict[str, Question]:
    """Every question by code; a later package's wording and answers win."""
    questions: dict[str, Question] = {}
    order: list[str] = []
    for package in packages:
        options: dict[str, list[Option]] = defaultdict(list)
        for row in package.tables.get("options", []):
            options[row["question_code"]].append(Option(int(row["code"]), row["label"]))
        for row in package.tables.get("questions", []):
            code = row["question_code"]
            try:
                kind = AnswerType(row["type"])
            except ValueError:
                continue
            if code not in questions:
                order.append(code)
            known = {o.code: o for o in questions[code].options} if code in questions else {}
            known.update({o.code: o for o in options[code]})
            questions[code] = Question(
                code,
                row["text"],
                kind,
                tuple(sorted(known.values(), key=lambda o: o.code)),
                quasi_identifier=row.get("quasi_identifier") == "yes",
            )
    return {code: questions[code] for code in order}


def _merged_tables(
    packages: list[LoadedPackage], questions: dict[str, Question]
) -> dict[str, Table]:
    first = packages[0].descriptor
    specs = {r["name"]: r.get("schema", {}) for r in first.get("resources", [])}
    tables: dict[str, Table] = {
        "sites": Table(
            "sites",
            "The pledges combined: one row per hospital and cycle",
            [*SITE_FIELDS, text("hospital", "Name"), text("forms", "Forms", pattern=r"\d+")],
            [
                [
                    str(p.about.get("site_code", "")),
                    str(p.about.get("cycle", "")),
                    str(p.about.get("hospital", "")),
                    str(len(p.tables.get("responses", []))),
                ]
                for p in packages
            ],
            primary_key=["site_code", "cycle"],
        ),
        "questions": Table(
            "questions",
            "Every question asked, by code, across questionnaire versions",
            [text("question_code", "Code", True), text("text", "Wording"), text("type", "Kind")],
            [[q.code, q.text, q.type.value] for q in questions.values()],
            primary_key=["question_code"],
        ),
        "options": Table(
            "options",
            "Answer codes",
            [
                text("question_code", "Code", True),
                text("code", "Answer code", True),
                text("label", "Answer"),
            ],
            [[q.code, str(o.code), o.label] for q in questions.values() for o in q.options],
            primary_key=["question_code", "code"],
            foreign_keys=[link(["question_code"], "questions", ["question_code"])],
        ),
    }
    responses = Table(
        "responses",
        "Survey responses from every hospital: one row per form",
        [
            *SITE_FIELDS,
            text("response_id", "Random id", True),
            text("status", "entered or verified"),
            text("entered_month", "YYYY-MM"),
            *[answer_field(q) for q in questions.values()],
        ],
        primary_key=["site_code", "cycle", "response_id"],
    )
    header = responses.header()
    for package in packages:
        site = {
            "site_code": str(package.about.get("site_code", "")),
            "cycle": str(package.about.get("cycle", "")),
        }
        for row in package.tables.get("responses", []):
            values = {**row, **site}
            responses.rows.append([values.get(name, "") for name in header])
    tables["responses"] = responses
    for name in OTHER_TABLES:
        schema = specs.get(name, {})
        fields = [f for f in schema.get("fields", []) if isinstance(f, dict)]
        table = Table(
            name,
            f"{name.replace('_', ' ').capitalize()} from every hospital",
            [*SITE_FIELDS, *fields],
            primary_key=["site_code", "cycle", *schema.get("primaryKey", [])]
            if schema.get("primaryKey")
            else [],
            foreign_keys=list(schema.get("foreignKeys", [])),
        )
        names = table.header()
        for package in packages:
            site = {
                "site_code": str(package.about.get("site_code", "")),
                "cycle": str(package.about.get("cycle", "")),
            }
            for row in package.tables.get(name, []):
                values = {**row, **site}
                table.rows.append([values.get(n, "") for n in names])
        tables[name] = table
    return tables


def _counts(
    packages: list[LoadedPackage], questions: dict[str, Question]
) -> tuple[CycleResults, dict[str, SiteCounts]]:
    national: dict[str, Counter[str]] = {code: Counter() for code in questions}
    per_site: dict[str, SiteCounts] = {}
    forms = 0
    for package in packages:
        label = f"{package.about.get('site_code', '')} {package.about.get('cycle', '')}"
        site: dict[str, Counter[str]] = {code: Counter() for code in questions}
        rows = package.tables.get("responses", [])
        forms += len(rows)
        for row in rows:
            for code, question in questions.items():
                for token in _tokens(row.get(code, ""), question):
                    site[code][token] += 1
                    national[code][token] += 1
        per_site[label] = SiteCounts(
            len(rows), {c: _to_counts(0, q, site[c]) for c, q in questions.items()}
        )
    counted = tuple(
        _to_counts(number, q, national[q.code])
        for number, q in enumerate(questions.values(), start=1)
    )
    return CycleResults("all hospitals", forms, counted), per_site


def _tokens(value: str, question: Question) -> list[str]:
    if value in MISSING:
        return [value or "none"]
    if question.type is AnswerType.MULTIPLE:
        return ["answered", *[f"code:{c}" for c in value.split(";") if c]]
    if question.type.has_options:
        return ["answered", f"code:{value}"]
    return ["answered", "comment"]


def _to_counts(number: int, question: Question, counted: Counter[str]) -> QuestionCounts:
    return QuestionCounts(
        number,
        question,
        counted["answered"],
        counted["blank"],
        counted["unreadable"],
        counted["skipped"],
        tuple((o, counted[f"code:{o.code}"]) for o in question.options),
    )


def _headline(
    packages: list[LoadedPackage], tables: dict[str, Table], result: MergeResult
) -> list[tuple[str, object]]:
    goals = Counter(_pairs(tables["goals"], "term", "status"))
    lines: list[tuple[str, object]] = [
        ("Hospitals", result.hospitals),
        ("Pledges (hospital and cycle)", result.pledges),
        ("Surveys", result.surveys),
        ("Patient interviews", result.interviews),
        ("Approved quotes", len(tables["quotes"].rows)),
        ("Goals", len(tables["goals"].rows)),
    ]
    lines += [
        (f"Goals: {term} term, {status.replace('_', ' ')}", n)
        for (term, status), n in sorted(goals.items())
    ]
    return lines


def _pairs(table: Table, first: str, second: str) -> list[tuple[str, str]]:
    header = table.header()
    a, b = header.index(first), header.index(second)
    return [(row[a], row[b]) for row in table.rows]


def _summary_pdf(
    path: Path, national: CycleResults, tables: dict[str, Table], result: MergeResult
) -> None:
    from pledge_desktop.reports.results_report import TeamReport, write_results_report

    themes: dict[str, tuple[set[str], int]] = {}
    for row in tables["interview_themes"].rows:
        site, cycle, interview, theme, passages = row[0], row[1], row[2], row[3], int(row[4] or 0)
        seen, count = themes.get(theme, (set(), 0))
        seen.add(f"{site}{cycle}{interview}")
        themes[theme] = (seen, count + passages)
    goal_counts = Counter(_pairs(tables["goals"], "term", "status"))
    report = TeamReport(
        hospital=f"National summary: {result.hospitals} hospitals, {result.pledges} pledges",
        results=national,
        previous=None,
        themes=tuple((name, len(seen), n) for name, (seen, n) in sorted(themes.items())),
        goals=(),
        comments_shown=0,
        goal_counts=tuple((term, status, n) for (term, status), n in sorted(goal_counts.items())),
        audience="Counts are national totals; see summary.xlsx for each hospital.",
    )
    write_results_report(path, report)
