"""Run every benchmark and print one table: python -m benchmarks [--quick] [--write-docs].

Each script runs in its own process (so one's memory and imports do not colour another's) and
hands its figures back as JSON; the table adds each process's peak memory (resident set).
--write-docs puts the table, with a description of this machine, into docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    ("startup.py", ["--runs", "5"], ["--runs", "2"]),
    ("entry.py", [], ["--responses", "3000", "--forms", "20"]),
    ("booklet.py", [], ["--responses", "3000", "--runs", "2"]),
    ("exchange.py", [], ["--responses", "3000", "--packages", "6", "--runs", "1"]),
    ("identifiers.py", [], ["--repeat", "3"]),
)
MARKER = "<!-- benchmark table -->"


def run(script: str, arguments: list[str]) -> tuple[dict[str, object], float, float]:
    """The script's figures, its peak memory in MB and its wall time in seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        figures = Path(tmp) / "figures.json"
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(HERE / script), *arguments, "--json", str(figures)],
            env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"benchmarks/{script} failed")
        peak = usage.ru_maxrss / 1024  # kilobytes on Linux
        return json.loads(figures.read_text(encoding="utf-8")), peak, took


def machine() -> str:
    cpus = os.cpu_count()
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    import PySide6
    import reportlab
    import sqlalchemy

    return (
        f"{platform.system()} {platform.machine()}, {cpus} cores{memory}; Python "
        f"{platform.python_version()}, PySide6 {PySide6.__version__}, SQLAlchemy "
        f"{sqlalchemy.__version__}, ReportLab {reportlab.Version}; offscreen Qt"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data sets, for a smoke run")
    parser.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    for script, full, quick in SCRIPTS:
        print(f"running benchmarks/{script} …", file=sys.stderr, flush=True)
        figures, peak, took = run(script, quick if args.quick else full)
        for name, value in figures.items():
            shown = f"{value:,.1f}" if isinstance(value, float | int) else str(value)
            rows.append((name, shown))
        rows.append((f"{script}: peak memory of the process (MB)", f"{peak:,.0f}"))
        print(f"  done in {took:.0f} s", file=sys.stderr)
    width = max(len(name) for name, _ in rows)
    table = ["| measure | value |", "| --- | ---: |"] + [f"| {n} | {v} |" for n, v in rows]
    print(f"{'measure':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value:>10}")
    if args.write_docs:
        docs = HERE.parent / "docs" / "performance.md"
        text = docs.read_text(encoding="utf-8")
        head, _old, tail = text.split(MARKER)
        when = time.strftime("%Y-%m-%d")
        block = (
            f"\n\nMeasured {when}{' (quick run)' if args.quick else ''} on: {machine()}.\n\n"
            + "\n".join(table)
            + "\n\n"
        )
        docs.write_text(head + MARKER + block + MARKER + tail, encoding="utf-8")
        print(f"wrote {docs}", file=sys.stderr)


if __name__ == "__main__":
    main()
