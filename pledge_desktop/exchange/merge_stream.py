"""The core of a large merge, package by package: each package is read and checked, its
answers counted column by column (a handful of distinct codes per question, however many
forms), and its rows spooled to a scratch file; nothing of a package is kept in memory once it
is counted. Every package's rows of one table go into one scratch file, one stretch after
another (thousands of small files are slow to make and slower to delete). At the end the kept
packages' stretches are written into the merged CSV files, one after another, under the union
of every package's columns.

Memory holds the counts and each package's codebook, not the forms: 300,000 forms merge in the
memory one package needs. Which of two exports of the same hospital and cycle is kept, and a
package sent twice, are decided as the packages are read (the rows of the losers are left
unread in the scratch files)."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pledge_desktop.exchange.cells import safe_cell
from pledge_desktop.exchange.package_read import (
    LoadedPackage,
    Rejection,
    find_packages,
    read_one,
)

MISSING_TOKENS = ("", "blank", "unreadable", "skipped", "suppressed", "withheld")
SITE = ("site_code", "cycle")
OPTION = "__"  # responses: q__3 is 1 where answer 3 of multiple-choice q was ticked, 0 where not
MAN = re.compile(r"\b(man|male)\b", re.IGNORECASE)  # "A man", "Male"; never "woman", "female"
Check = Callable[[LoadedPackage], "str | dict[str, Any]"]  # why rejected, or what to keep


@dataclass(frozen=True)
class Spooled:
    """One package's rows of one table: a stretch of a scratch file, as CSV without a header
    (the header is the package's `headers[table]`)."""

    path: Path
    start: int
    end: int


class _Spools:
    """The scratch files, one per table, kept open while the packages are read."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._files: dict[str, Any] = {}

    def add(self, name: str, data: bytes) -> Spooled:
        if name not in self._files:
            self._folder.mkdir(parents=True, exist_ok=True)
            self._files[name] = (self._folder / f"{name}.csv").open("wb")
        target = self._files[name]
        start = target.tell()
        target.write(data)
        return Spooled(self._folder / f"{name}.csv", start, target.tell())

    def close(self) -> None:
        for target in self._files.values():
            target.close()


@dataclass
class Pledge:
    """What is kept of one accepted package: small, whatever its size."""

    source: str
    about: dict[str, Any]
    fingerprint: str
    forms: int
    questions: list[dict[str, str]]
    options: list[dict[str, str]]
    counts: dict[str, Counter[str]]  # question code → token → forms (as merge's _tokens)
    spool: dict[str, Spooled]  # table → where its rows are in the scratch files
    headers: dict[str, list[str]]
    rows: dict[str, int] = field(default_factory=dict)  # table → rows spooled
    site: dict[str, str] = field(default_factory=dict)  # the package's site.csv row
    fields: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # table → specs
    kept: dict[str, Any] = field(default_factory=dict)  # what the arrival check kept
    rename: dict[str, str] = field(default_factory=dict)  # responses column → merged column
    men: int = 0  # forms whose sex travelled, and says a man (see men_counts)
    men_counts: dict[str, Counter[str]] = field(default_factory=dict)  # their answers

    @property
    def key(self) -> tuple[str, str]:
        return (str(self.about.get("site_code", "")), str(self.about.get("cycle", "")))

    @property
    def label(self) -> str:
        return f"{self.key[0]} {self.key[1]}"


@dataclass
class StreamResult:
    pledges: list[Pledge] = field(default_factory=list)  # kept, sorted by site and cycle
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    national: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def forms(self) -> int:
        return sum(p.forms for p in self.pledges)


def tokens(value: str, kind: str) -> list[str]:
    """What one answer adds to the counts (the merge's own rule, restated for columns)."""
    if value in MISSING_TOKENS:
        return [value or "none"]
    if kind == "multiple_choice":
        return ["answered", *[f"code:{c}" for c in value.split(";") if c]]
    if kind in ("single_choice", "agreement_scale", "yes_no_na"):
        if not value.lstrip("-").isdigit():  # a band of the data policy, not an answer's code
            return ["banded"]
        return ["answered", f"code:{value}"]
    return ["answered", "comment"]


def count_columns(columns: dict[str, Any], kinds: dict[str, str]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for code, kind in kinds.items():
        counted: Counter[str] = Counter()
        for value, n in Counter(columns.get(code, ())).items():
            for token in tokens(value, kind):
                counted[token] += n
        counts[code] = counted
    return counts


def men_counts(
    package: LoadedPackage, kinds: dict[str, str], sex_codes: Iterable[str]
) -> tuple[int, dict[str, Counter[str]]]:
    """Men's answers, counted: only forms whose sex travelled in the package (k-anonymity
    kept it) and is an answer labelled as a man. A man whose sex was held back is not among
    them: nothing of his can be told apart from anyone else's."""
    columns = package.columns.get("responses", {})
    codes = set(sex_codes)
    sex = next(
        (q["question_code"] for q in package.tables["questions"] if q["question_code"] in codes),
        None,
    )
    if sex is None or sex not in columns:
        return 0, {}
    man = {
        o["code"]
        for o in package.tables["options"]
        if o["question_code"] == sex and MAN.search(o["label"])
    }
    picked = [i for i, value in enumerate(columns[sex]) if value in man]
    if not picked:
        return 0, {}
    theirs = {code: [cells[i] for i in picked] for code, cells in columns.items()}
    return len(picked), count_columns(theirs, kinds)


def _spool(spools: _Spools, name: str, package: LoadedPackage) -> tuple[Spooled, list[str], int]:
    """The table's rows with site_code and cycle in front, guarded again for spreadsheets;
    responses gain a 0/1 column per answer of each multiple-choice question."""
    site = [safe_cell(package.about.get(k, "")) for k in SITE]
    schema = next(r["schema"] for r in package.descriptor["resources"] if r["name"] == name)
    header = [f["name"] for f in schema["fields"]]
    text = {f["name"] for f in schema["fields"] if f.get("type", "string") == "string"}
    if name in package.columns:
        columns = [package.columns[name][c] for c in header]
    else:
        rows_as_dicts = package.tables.get(name, [])
        columns = [[row[c] for row in rows_as_dicts] for c in header]
    if name == "responses":
        header, columns = _with_ticks(package, header, columns)
    if not columns or not len(columns[0]):
        return spools.add(name, b""), [*SITE, *header], 0  # nothing to spool
    guarded = [  # text guarded again for spreadsheets, only where it would run as a formula
        _guarded(column) if c in text else column for c, column in zip(header, columns, strict=True)
    ]
    rows = [[*site, *row] for row in zip(*guarded, strict=True)]
    return spools.add(name, csv_text(rows)), [*SITE, *header], len(rows)


def option_columns(package: LoadedPackage) -> dict[str, list[str]]:
    """Multiple-choice question code → its answer codes, from the package's codebook."""
    choices: dict[str, list[str]] = {
        q["question_code"]: []
        for q in package.tables["questions"]
        if q["type"] == "multiple_choice"
    }
    for row in package.tables["options"]:
        if row["question_code"] in choices:
            choices[row["question_code"]].append(row["code"])
    return choices


def _with_ticks(
    package: LoadedPackage, header: list[str], columns: list[Any]
) -> tuple[list[str], list[Any]]:
    where = {c: i for i, c in enumerate(header)}
    header, columns = list(header), list(columns)
    for code, answers in option_columns(package).items():
        if code not in where:
            continue
        cells = columns[where[code]]
        ticked = {
            value: set(value.split(";")) for value in set(cells) if value not in MISSING_TOKENS
        }
        for answer in answers:
            name = f"{code}{OPTION}{answer}"
            if name in where:
                continue  # the package has it already
            marks = {v: ("1" if answer in t else "0") for v, t in ticked.items()}
            header.append(name)
            columns.append([marks.get(value, value) for value in cells])
    return header, columns


def _guarded(column: Any) -> Any:
    risky = {cell for cell in set(column) if safe_cell(cell) != cell}
    if not risky:
        return column
    return [safe_cell(cell) if cell in risky else cell for cell in column]


def read_all(
    inputs: list[Path],
    scratch: Path,
    password: str | None = None,
    check: Check | None = None,
    sex_codes: Iterable[str] = (),
) -> StreamResult:
    """Every package read once, counted and spooled under `scratch`; rejected ones named.
    `check` sees each readable package first: it returns why the package is rejected, or what
    to keep of it (it may also clean the package's text in place before it is spooled)."""
    spools = _Spools(scratch)
    try:
        return _read_all(inputs, spools, password, check, tuple(sex_codes))
    finally:
        spools.close()


def _read_all(
    inputs: list[Path],
    spools: _Spools,
    password: str | None,
    check: Check | None,
    sex_codes: tuple[str, ...],
) -> StreamResult:
    paths, empty = find_packages(inputs)
    result = StreamResult(rejected=list(empty))
    kept: dict[tuple[str, str], Pledge] = {}
    seen: dict[str, str] = {}
    for path in paths:
        package = read_one(path, password, as_columns=("responses",))
        if isinstance(package, Rejection):
            result.rejected.append(package)
            continue
        if package.fingerprint in seen:
            result.duplicates.append(f"{path} is the same package as {seen[package.fingerprint]}")
            continue
        seen[package.fingerprint] = str(path)
        kept_by_check: dict[str, Any] = {}
        if check is not None:
            verdict = _checked(check, package)
            if isinstance(verdict, str):
                result.rejected.append(Rejection(str(path), verdict))
                continue
            kept_by_check = verdict
        kinds = {q["question_code"]: q["type"] for q in package.tables["questions"]}
        spool: dict[str, Spooled] = {}
        headers: dict[str, list[str]] = {}
        counted: dict[str, int] = {}
        for name in (*package.tables, *package.columns):
            if name in ("site", "questions", "options") or name in spool:
                continue
            spool[name], headers[name], counted[name] = _spool(spools, name, package)
        pledge = Pledge(
            str(path),
            package.about,
            package.fingerprint,
            package.count("responses"),
            package.tables["questions"],
            package.tables["options"],
            count_columns(package.columns.get("responses", {}), kinds),
            spool,
            headers,
            counted,
            site=dict(next(iter(package.tables.get("site", [])), {})),
            fields={
                r["name"]: {f["name"]: f for f in r["schema"]["fields"]}
                for r in package.descriptor["resources"]
            },
            kept=kept_by_check,
        )
        pledge.men, pledge.men_counts = men_counts(package, kinds, sex_codes)
        del package  # the forms are on disk now
        earlier = kept.get(pledge.key)
        if earlier is not None:
            newer = str(pledge.about.get("exported_at", "")) >= str(
                earlier.about.get("exported_at", "")
            )
            older, pledge = (earlier, pledge) if newer else (pledge, earlier)
            result.duplicates.append(
                f"{older.source}: an earlier export of {older.label}, replaced by {pledge.source}"
            )
        kept[pledge.key] = pledge
    result.pledges = [kept[key] for key in sorted(kept)]
    for pledge in result.pledges:
        for code, counted in pledge.counts.items():
            result.national.setdefault(code, Counter()).update(counted)
    return result


def _checked(check: Check, package: LoadedPackage) -> str | dict[str, Any]:
    try:
        return check(package)
    except Exception as error:  # a package from outside can break any check: that one only
        return f"It could not be checked ({type(error).__name__}): {error}".rstrip(": ")


def write_table(out: Path, name: str, header: list[str], pledges: Sequence[Pledge]) -> int:
    """The merged CSV of one table: each package's rows in turn, its columns placed under
    `header` (a column a package lacks is left empty). Returns the rows written."""
    written = 0
    sources: dict[Path, Any] = {}
    try:
        with out.open("w", encoding="utf-8", newline="") as target:
            writer = csv.writer(target, lineterminator="\n")
            writer.writerow(header)
            for pledge in pledges:
                spool = pledge.spool.get(name)
                if spool is None or not pledge.rows.get(name):
                    continue
                if spool.path not in sources:
                    sources[spool.path] = spool.path.open("rb")
                source = sources[spool.path]
                source.seek(spool.start)
                data = source.read(spool.end - spool.start)
                theirs = pledge.headers.get(name, [])
                if name == "responses" and pledge.rename:
                    theirs = [pledge.rename.get(column, column) for column in theirs]
                if theirs == header:  # the same columns: the rows are copied as they are
                    target.flush()
                    target.buffer.write(data)
                    written += pledge.rows.get(name, 0)
                    continue
                where = {column: i for i, column in enumerate(theirs)}
                picks = [where.get(column) for column in header]
                for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")):
                    writer.writerow(["" if i is None else row[i] for i in picks])
                    written += 1
    finally:
        for source in sources.values():
            source.close()
    return written


def union_header(name: str, pledges: Sequence[Pledge], first: Iterable[str] = ()) -> list[str]:
    """Every package's columns of one table, in the order first met."""
    header: dict[str, None] = dict.fromkeys(first)
    for pledge in pledges:
        columns = pledge.headers.get(name, [])
        if name == "responses" and pledge.rename:
            columns = [pledge.rename.get(column, column) for column in columns]
        header.update(dict.fromkeys(columns))
    return list(header)


def csv_text(rows: Iterable[Iterable[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")
