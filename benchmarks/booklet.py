"""Booklet and results report speed.

- the Service Pledge booklet from the demo data (12 A5 pages; 16 in large print): standard,
  large print, imposed and for a print shop, each the median of several runs after a first (cold)
  one; and its web page and Word editions;
- the results report for a cycle of 30,000 responses, and the counting behind it.
Usage: python benchmarks/booklet.py [--responses 30000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path


def timed(run: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """(first run, median of the rest) in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(runs + 1):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:]), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    figures: dict[str, float | str] = {}

    from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
    from pledge_desktop.services.demo.build import PRIMARY_QUESTIONNAIRE, fill_demo
    from pledge_desktop.services.demo.responses import add_demo_responses
    from pledge_desktop.services.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = open_workspace(folder / "demo", demo=True)
        fill_demo(demo)
        cycle_id = demo.cycles.find("2026").id
        print("Booklet from the demo data (ms; first run, then median of the rest)")
        for name, options in (
            ("standard", {}),
            ("large print", {"large_print": True}),
            ("imposed on A4", {"imposed": True}),
            ("print shop", {"print_shop": True}),
        ):
            out = folder / f"booklet-{name}.pdf"
            first, median, written = timed(
                lambda o=options, p=out: demo.booklet.write(cycle_id, p, fictional=True, **o),
                args.runs,
            )
            print(
                f"  {name:<14} {written.pages:>3} pages  first {first:7.1f}  median {median:7.1f}"
            )
            figures[f"Booklet PDF, {name} (ms)"] = median
        first, median, _ = timed(lambda: demo.booklet.contents(cycle_id), args.runs)
        print(f"  of which gathering the contents: median {median:.1f}")
        from pledge_desktop.reports.booklet_docx import write_booklet_docx
        from pledge_desktop.reports.booklet_html import write_booklet_html

        contents = demo.booklet.contents(cycle_id, True)
        for name, write, suffix in (
            ("web page", write_booklet_html, "html"),
            ("Word", write_booklet_docx, "docx"),
        ):
            out = folder / f"booklet.{suffix}"
            first, median, _ = timed(lambda w=write, p=out: w(contents, p), args.runs)
            print(f"  {name:<14}            first {first:7.1f}  median {median:7.1f}")
        demo.close()

        ws = open_workspace(folder / "big")
        cycle = ws.setup.complete_first_setup(
            FirstSetup(
                Hospital(name="Benchmark Hospital (fictional)"),
                TeamMember(0, "Nurse Bench"),
                PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
            )
        )
        assert cycle.id is not None
        ws.questionnaires.install_templates()
        ws.questionnaires.use_for_cycle(cycle.id, PRIMARY_QUESTIONNAIRE)
        started = time.perf_counter()
        for chunk in range(0, args.responses, 5000):
            add_demo_responses(
                ws.survey_entry,
                cycle.id,
                min(5000, args.responses - chunk),
                seed=chunk,
                first_serial=chunk + 1,
            )
        filled = time.perf_counter() - started
        print(f"\nResults for {args.responses:,} responses (filled in {filled:.0f} s)")
        runs = max(2, args.runs // 2)
        first, median, _ = timed(lambda: ws.results.cycle_results(cycle.id, comments_limit=0), runs)
        print(f"  counting every question      first {first:7.1f}  median {median:7.1f} ms")
        figures[f"Results: counting {args.responses:,} responses (ms)"] = median
        out = folder / "results.pdf"
        first, median, pages = timed(lambda: ws.team_report.write(cycle.id, out), runs)
        print(f"  results report ({pages} pages)   first {first:7.1f}  median {median:7.1f} ms")
        figures[f"Results report PDF, {args.responses:,} responses (ms)"] = median
        ws.close()
    if args.json:
        args.json.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
