"""Export and merge speed.

- export of one cycle of 30,000 responses (gathering, privacy rules, frictionless validation,
  ZIP), the median of a few runs;
- merge of 66 packages totalling 30,000 responses (each checked and validated, then combined,
  the merged package validated, summary.xlsx and summary.pdf written).
Usage: python benchmarks/exchange.py [--responses 30000] [--packages 66]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=30_000)
    parser.add_argument("--packages", type=int, default=66)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
    from pledge_desktop.services.demo.build import PRIMARY_QUESTIONNAIRE
    from pledge_desktop.services.demo.responses import add_demo_responses
    from pledge_desktop.services.exchange.export import ExportChoices
    from pledge_desktop.services.exchange.merge import merge_packages
    from pledge_desktop.services.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        def hospital(name: str, site: str, forms: int, seed: int):  # type: ignore[no-untyped-def]
            ws = open_workspace(folder / site)
            cycle = ws.setup.complete_first_setup(
                FirstSetup(
                    Hospital(name=f"{name} (fictional)", site_code=site, trust_code=site[:3]),
                    TeamMember(0, "Nurse Bench"),
                    PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
                )
            )
            ws.questionnaires.install_templates()
            ws.questionnaires.use_for_cycle(cycle.id, PRIMARY_QUESTIONNAIRE)
            for chunk in range(0, forms, 5000):
                add_demo_responses(
                    ws.survey_entry,
                    cycle.id,
                    min(5000, forms - chunk),
                    seed=seed + chunk,
                    first_serial=chunk + 1,
                )
            return ws, cycle.id

        ws, cycle_id = hospital("Big Hospital", "RZZ01", args.responses, 1)
        times = []
        out = folder / "big.zip"
        for _ in range(args.runs):
            started = time.perf_counter()
            ws.export.export(cycle_id, out, ExportChoices(remove_all=True))
            times.append(time.perf_counter() - started)
        ws.close()
        runs = ", ".join(f"{t:.2f}" for t in times)
        size = out.stat().st_size / 1e6
        print(
            f"Export of {args.responses:,} responses: median {statistics.median(times):.2f} s "
            f"(runs: {runs}; file {size:.1f} MB)"
        )

        share = args.responses // args.packages
        packages = []
        for number in range(args.packages):
            forms = share + (1 if number < args.responses % args.packages else 0)
            site = f"R{number:02d}01"
            ws, cycle_id = hospital(f"Hospital {number}", site, forms, number * 7919)
            path = folder / "sent" / f"{site}.zip"
            path.parent.mkdir(exist_ok=True)
            ws.export.export(cycle_id, path, ExportChoices(remove_all=True))
            ws.close()
            packages.append(path)
        started = time.perf_counter()
        result = merge_packages([folder / "sent"], folder / "national")
        took = time.perf_counter() - started
        tracemalloc.start()  # a second run, for memory: tracing slows it down
        merge_packages([folder / "sent"], folder / "national-again")
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"Merge of {result.pledges} packages, {result.surveys:,} responses: {took:.2f} s "
            f"(Python peak memory {peak:.0f} MB; rejected {len(result.rejected)})"
        )

        if args.json:
            figures = {
                f"Export, {args.responses:,} responses (s)": statistics.median(times),
                f"Merge, {result.pledges} packages, {result.surveys:,} responses (s)": took,
                "Merge, Python peak memory (MB)": peak,
            }
            args.json.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
