"""The charity's side: many hospitals' data packages combined into national tables.

Each package is read without trusting it and checked again against the charity's data policy
(a rejected one is named with its reason and the rest carry on); a package sent twice counts
once. The packages are streamed (`exchange/merge_stream.py`): their forms are counted and
spooled to disk, never all held at once. Then, into the output folder, all or nothing:

- `merged/`: a data package of every table with `site_code` and `cycle` columns;
- `conformance.csv`: per cycle and hospital, each question reworded, re-coded, added or missing;
- `men_national.csv`: men's answers pooled nationally per cycle, naming no hospital (where the
  data policy allows it);
- `summary.xlsx` and `summary.pdf`: national figures per cycle (never pooled across cycles),
  each question pooled only where hospitals defined it the same way, every distribution with
  its whole base, small counts protected against subtraction, response rates, goals by
  national category and interview themes by national code.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pledge_desktop import __version__
from pledge_desktop.domain.errors import PledgeError, StorageError, ValidationError
from pledge_desktop.domain.national import NationalSummary, plural
from pledge_desktop.domain.policy import DataPolicy, parse_policy
from pledge_desktop.domain.results import DEFAULT_SMALL_NUMBER
from pledge_desktop.exchange.merge_arrival import arrival_check
from pledge_desktop.exchange.merge_conformance import (
    CONFORMANCE_HEADER,
    OPTION,
    assign_columns,
    definitions,
)
from pledge_desktop.exchange.merge_stream import Pledge, read_all
from pledge_desktop.exchange.summary_xlsx import write_summary_xlsx
from pledge_desktop.services.exchange.merge_package import write_merged_package
from pledge_desktop.services.exchange.merge_tables import (
    MEN_HEADER,
    coded_counts,
    conformance,
    cycle_tables,
    men_nationally,
    response_rates,
)

OUTPUTS = ("merged", "conformance.csv", "men_national.csv", "summary.xlsx", "summary.pdf")


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
    notes: list[str] = field(default_factory=list)  # words removed on arrival, and the like
    conformance: list[list[str]] = field(default_factory=list)
    hospitals: int = 0
    pledges: int = 0
    surveys: int = 0
    interviews: int = 0

    def describe(self) -> str:
        return (
            f"Combined {plural(self.pledges, 'pledge')} from "
            f"{plural(self.hospitals, 'hospital')}: {plural(self.surveys, 'survey')}, "
            f"{plural(self.interviews, 'interview')}, in {self.out}"
        )


def charity_policy() -> DataPolicy | None:
    """The data policy shipped with the app (None if it cannot be read)."""
    from pledge_desktop.paths import resource

    try:
        return parse_policy(resource("policy", "data-policy.json").read_text(encoding="utf-8"))
    except (OSError, PledgeError):
        return None


def merge_packages(
    inputs: list[Path],
    out: Path,
    password: str | None = None,
    small: int = DEFAULT_SMALL_NUMBER,
    policy: DataPolicy | None = None,
) -> MergeResult:
    if small < 1:
        raise ValidationError(
            {"small": f"Counts below {small} cannot be held back: give 1 or more (8 is usual)."}
        )
    policy = policy or charity_policy()
    threshold = max(small, policy.small_number_threshold) if policy else small
    result = MergeResult(out)
    parent = out.parent if out.parent.exists() else None
    scratch = Path(tempfile.mkdtemp(prefix=".pledge-merge-", dir=parent))
    try:
        sex = [c for rule in (policy.quasi_identifiers if policy else ()) if rule.role == "sex"
               for c in rule.codes]  # fmt: skip
        stream = read_all(inputs, scratch / "spool", password, arrival_check(policy), sex)
        result.rejected = [Rejected(r.path, r.reason) for r in stream.rejected]
        result.duplicates = list(stream.duplicates)
        pledges = stream.pledges
        result.accepted = [p.source for p in pledges]
        if pledges:
            _write_outputs(pledges, result, scratch / "result", threshold, policy)
            out.mkdir(parents=True, exist_ok=True)
            for name in OUTPUTS:
                target = out / name
                if target.is_dir():
                    shutil.rmtree(target)
                (scratch / "result" / name).replace(target)
    except OSError as error:
        raise StorageError(f"The merged files could not be written in {out}: {error}") from error
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result


def _write_outputs(
    pledges: list[Pledge],
    result: MergeResult,
    folder: Path,
    threshold: int,
    policy: DataPolicy | None,
) -> None:
    defs = [definitions(p.questions, p.options) for p in pledges]
    columns = assign_columns(defs)
    for index, pledge in enumerate(pledges):
        rename: dict[str, str] = {}
        for code, column in columns.by_pledge[index].items():
            if column != code:
                rename[code] = column
                for answer, _label in defs[index][code].options:
                    rename[f"{code}{OPTION}{answer}"] = f"{column}{OPTION}{answer}"
        pledge.rename = rename
    for pledge in pledges:
        for table, where, kind, n in pledge.kept.get("removed", []):
            result.notes.append(
                f"{pledge.label}: {plural(n, 'identifier')} ({kind}) removed from {table} {where}"
            )
    result.hospitals = len({p.key[0] for p in pledges})
    result.pledges = len(pledges)
    result.surveys = sum(p.forms for p in pledges)
    result.interviews = sum(p.rows.get("interviews", 0) for p in pledges)
    result.conformance = conformance(pledges, defs, columns)
    folder.mkdir(parents=True)
    about = {
        "title": f"Service Pledge national data: {plural(result.hospitals, 'hospital')}",
        "site_code": "national",
        "cycle": "merged",
        "app_version": __version__,
        "sources": len(pledges),
        "policy_version": policy.version if policy else "",
    }
    write_merged_package(folder / "merged", pledges, columns, about)
    with (folder / "conformance.csv").open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(CONFORMANCE_HEADER)
        writer.writerows(result.conformance)
    men = men_nationally(pledges, threshold) if policy and policy.men_national_table else []
    with (folder / "men_national.csv").open("w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(MEN_HEADER)
        writer.writerows(men)
    goals, themes = coded_counts(pledges, policy)
    summary = NationalSummary(
        headline=(
            ("Hospitals", result.hospitals),
            ("Pledges (hospital and cycle)", result.pledges),
            ("Surveys", result.surveys),
            ("Patient interviews", result.interviews),
            ("Approved quotes", sum(p.rows.get("quotes", 0) for p in pledges)),
            ("Goals", sum(p.rows.get("goals", 0) for p in pledges)),
        ),
        response_rates=tuple(response_rates(pledges)),
        cycles=tuple(cycle_tables(pledges, defs, columns, threshold)),
        conformance=tuple(tuple(row) for row in result.conformance),
        goal_categories=tuple(goals),
        themes=tuple(themes),
        threshold=threshold,
        notes=tuple(result.notes),
        men=tuple(tuple(row) for row in men),
    )
    write_summary_xlsx(folder / "summary.xlsx", summary)
    from pledge_desktop.reports.national_summary import write_national_summary

    write_national_summary(folder / "summary.pdf", summary)
