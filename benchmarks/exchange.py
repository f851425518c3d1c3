"""Export and merge speed.

- export of one cycle of 30,000 responses (gathering, privacy rules, frictionless validation,
  ZIP), the median of a few runs;
- merge of 66 packages totalling 30,000 responses (each checked and validated, then combined,
  the merged package validated, summary.xlsx and summary.pdf written);
- with --national: 1,500 packages (150 units x 10 cycles x 200 forms = 300,000 forms) made from
  one real export, merged by the merge service (streaming: every package read, checked again
  against the data policy, counted and spooled; then the merged package, conformance.csv,
  summary.xlsx and summary.pdf written) and, with --stream-core, by the bare streaming core;
  each in its own process, for its peak memory (ru_maxrss).
Usage: python -m benchmarks.exchange [--responses 30000] [--packages 66] [--national]
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
    parser.add_argument("--national", action="store_true", help="also 300,000 forms")
    parser.add_argument("--stream-core", action="store_true", help="national: the bare core too")
    parser.add_argument("--skip-small", action="store_true", help="national figures only")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)  # (kind, folder)
    args = parser.parse_args()
    if args.worker:
        national_worker(args.worker[0], Path(args.worker[1]))
        return
    if args.skip_small:
        with tempfile.TemporaryDirectory() as tmp:
            national(Path(tmp), args)
        return

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
        started, cpu = time.perf_counter(), time.process_time()
        result = merge_packages([folder / "sent"], folder / "national")
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        tracemalloc.start()  # a second run, for memory: tracing slows it down
        merge_packages([folder / "sent"], folder / "national-again")
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"Merge of {result.pledges} packages, {result.surveys:,} responses: {took:.2f} s "
            f"(processor time {cpu:.2f} s; Python peak memory {peak:.0f} MB; "
            f"rejected {len(result.rejected)})"
        )

        if args.national:
            national(folder, args, template=packages[0])
        if args.json:
            figures = {
                f"Export, {args.responses:,} responses (s)": statistics.median(times),
                f"Merge, {result.pledges} packages, {result.surveys:,} responses (s)": took,
                "Merge, Python peak memory (MB)": peak,
            }
            args.json.write_text(json.dumps(figures), encoding="utf-8")


UNITS, CYCLES, FORMS = 150, 10, 200


def national(folder: Path, args: argparse.Namespace, template: Path | None = None) -> None:
    """1,500 packages from one real 200-form export, then each merge in its own process."""
    import subprocess
    import sys

    if template is None or _forms(template) != FORMS:
        template = _template(folder)
    started = time.perf_counter()
    sent = folder / "national-sent"
    made = make_national(template, sent)
    print(f"Made {made:,} packages of {FORMS} forms in {time.perf_counter() - started:.1f} s")
    kinds = ["services"] + (["stream"] if args.stream_core else [])
    for kind in kinds:
        run = subprocess.run(
            [sys.executable, "-m", "benchmarks.exchange", "--worker", kind, str(sent)],
            capture_output=True,
            text=True,
            check=False,
        )
        print(run.stdout.strip() or run.stderr.strip()[-2000:])


def _forms(path: Path) -> int:
    from pledge_desktop.exchange.package_io import read_package

    return len(read_package(path).tables["responses"])


def _template(folder: Path) -> Path:
    from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
    from pledge_desktop.services.demo.build import PRIMARY_QUESTIONNAIRE
    from pledge_desktop.services.demo.responses import add_demo_responses
    from pledge_desktop.services.workspace import open_workspace

    ws = open_workspace(folder / "template")
    cycle = ws.setup.complete_first_setup(
        FirstSetup(
            Hospital(name="Template Hospital (fictional)", site_code="RZY01", trust_code="RZY"),
            TeamMember(0, "Nurse Bench"),
            PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
        )
    )
    ws.questionnaires.install_templates()
    ws.questionnaires.use_for_cycle(cycle.id, PRIMARY_QUESTIONNAIRE)
    add_demo_responses(ws.survey_entry, cycle.id, FORMS, seed=11)
    out = folder / "template.zip"
    ws.export.export(cycle.id, out)
    ws.close()
    return out


def make_national(template: Path, out: Path) -> int:
    """UNITS x CYCLES packages: the template's forms under another site and cycle (the
    descriptor, site table and manifest rewritten, so every package is whole and valid)."""
    import hashlib
    import zipfile

    from pledge_desktop.exchange.package_io import zip_bytes

    with zipfile.ZipFile(template) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    descriptor = json.loads(files["datapackage.json"])
    manifest = json.loads(files["manifest.json"])
    site_lines = files["data/site.csv"].decode().splitlines()
    out.mkdir(parents=True, exist_ok=True)
    made = 0
    for unit in range(UNITS):
        site = f"R{unit:03d}1"
        for cycle in range(2017, 2017 + CYCLES):
            cells = site_lines[1].split(",")
            cells[0], cells[3] = site, str(cycle)
            about = {**descriptor["pledge"], "site_code": site, "cycle": str(cycle)}
            these = {
                **files,
                "data/site.csv": (site_lines[0] + "\n" + ",".join(cells) + "\n").encode(),
                "datapackage.json": json.dumps({**descriptor, "pledge": about}).encode(),
            }
            these["manifest.json"] = json.dumps(
                {
                    **manifest,
                    "files": {
                        n: hashlib.sha256(d).hexdigest()
                        for n, d in these.items()
                        if n != "manifest.json"
                    },
                }
            ).encode()
            (out / f"{site}-{cycle}.zip").write_bytes(zip_bytes(these))
            made += 1
    return made


def national_worker(kind: str, sent: Path) -> None:
    import resource
    import shutil

    out = sent.parent / f"national-{kind}"
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    if kind == "stream":
        from pledge_desktop.exchange.merge_stream import read_all, union_header, write_table

        scratch = sent.parent / "stream-scratch"
        shutil.rmtree(scratch, ignore_errors=True)
        result = read_all([sent], scratch)
        read = time.perf_counter() - started
        out.mkdir(exist_ok=True)
        for name in sorted({n for p in result.pledges for n in p.spool}):
            write_table(
                out / f"{name}.csv", name, union_header(name, result.pledges), result.pledges
            )
        shutil.rmtree(scratch, ignore_errors=True)
        forms, pledges, rejected = result.forms, len(result.pledges), len(result.rejected)
        detail = f"reading, checking and counting {read:.1f} s"
    else:
        from pledge_desktop.services.exchange.merge import merge_packages

        merged = merge_packages([sent], out)
        forms, pledges, rejected = merged.surveys, merged.pledges, len(merged.rejected)
        detail = "the merge service, summaries included"
    took = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    print(
        f"National merge ({kind}): {pledges:,} packages, {forms:,} forms in {took:.1f} s, "
        f"processor time {cpu:.1f} s ({detail}); "
        f"{1000 * took / max(forms, 1):.2f} s per 1,000 forms, "
        f"{1000 * took / max(pledges, 1):.0f} ms per package; peak memory {peak:.0f} MB; "
        f"rejected {rejected}"
    )


if __name__ == "__main__":
    main()
