"""Start-up time of Pledge Desktop against two baselines, measured in one run.

- bare:        a bare PySide6 window; time to its first paint.
- sqlalchemy:  the same, then importing SQLAlchemy, opening an engine on the demo database and
               reading a row; time until that is done and the event loop answers again.
- tables:      the same as sqlalchemy, after importing the app's table definitions
               (pledge_desktop.db.models, SQLAlchemy's ORM), which any database work needs.
- app:         `python -m pledge_desktop --demo` on a prepared demo folder; time to the first
               paint of its window, and time until the demo's data is shown and the app answers
               input (a zero-timer fires after the data is on screen).

Every figure is wall time from just before the process is started. Runs are interleaved and the
median is printed, with the best run of each. The app's modules are compiled first and every
process may use the compiled files (PYTHONDONTWRITEBYTECODE is left out of their environment),
as an installed app runs. Usage: python benchmarks/startup.py [--runs N]
Runs offscreen unless DISPLAY is set and --screen is given.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
times = {}
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1180, 760)
class Paint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in times:
            times["first_paint"] = time.time()
            QTimer.singleShot(0, after_paint)
        return False
def after_paint():
    if WITH_DB:
        if WITH_TABLES:
            import pledge_desktop.db.models
        from sqlalchemy import create_engine, text
        engine = create_engine("sqlite:///" + DB)
        with engine.connect() as c:
            c.execute(text("SELECT name FROM hospital")).fetchall()
    QTimer.singleShot(0, ready)
def ready():
    times["data_ready"] = time.time()
    print(json.dumps(times)); app.quit()
paint = Paint(); window.installEventFilter(paint); window.show(); app.exec()
"""


def run_baseline(with_db: bool, db: Path, with_tables: bool = False) -> dict[str, float]:
    code = f"WITH_DB = {with_db!r}\nWITH_TABLES = {with_tables!r}\nDB = {str(db)!r}\n" + BARE
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    times = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: (v - started) * 1000 for k, v in times.items()}


def run_app(data_dir: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "times.json"
        env = {**os.environ, "PLEDGE_STARTUP_PROBE": str(probe)}
        started = time.time()
        subprocess.run(
            [sys.executable, "-m", "pledge_desktop", "--demo", "--data-dir", str(data_dir)],
            env=env,
            check=True,
            capture_output=True,
        )
        times = json.loads(probe.read_text())
    return {k: (v - started) * 1000 for k, v in times.items() if k != "started"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--screen", action="store_true", help="use the real DISPLAY")
    parser.add_argument(
        "--json", type=Path, help="also write the figures here (for python -m benchmarks)"
    )
    args = parser.parse_args()
    if not args.screen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # as installed: the app's modules compiled once, and the compiled files used
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "pledge_desktop", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        subprocess.run(
            [sys.executable, "-m", "pledge_desktop.cli", "demo", "--data-dir", str(demo)],
            check=True,
            capture_output=True,
        )
        db = demo / "pledge.sqlite3"
        results: dict[str, list[dict[str, float]]] = {
            "bare": [],
            "sqlalchemy": [],
            "tables": [],
            "app": [],
        }
        run_app(demo)  # warm the disk cache and byte-code once
        for _ in range(args.runs):
            results["bare"].append(run_baseline(False, db))
            results["sqlalchemy"].append(run_baseline(True, db))
            results["tables"].append(run_baseline(True, db, with_tables=True))
            results["app"].append(run_app(demo))

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    bare_paint = median("bare", "first_paint")
    db_ready = median("sqlalchemy", "data_ready")
    tables_ready = median("tables", "data_ready")
    app_paint = median("app", "first_paint")
    app_ready = median("app", "data_ready")
    print(f"Start-up, median of {args.runs} interleaved runs (ms from process start)")
    print(f"  bare PySide6 window, first paint          {bare_paint:7.0f}")
    print(f"  + SQLAlchemy engine and a query, ready    {db_ready:7.0f}")
    print(f"  + the app's tables (ORM models), ready    {tables_ready:7.0f}")
    print(f"  Pledge Desktop --demo, first paint        {app_paint:7.0f}")
    print(f"  Pledge Desktop --demo, data shown, ready  {app_ready:7.0f}")
    steps = ("first_paint", "imported", "opened", "shown", "data_ready")
    print(
        "  where the app's time goes (median ms):  "
        + "  ".join(f"{k} {median('app', k):.0f}" for k in steps)
    )
    print(f"  first window / bare window       {app_paint / bare_paint:5.2f}x  (aim <= 1.5x)")
    print(f"  data ready / SQLAlchemy baseline {app_ready / db_ready:5.2f}x")
    print(f"  data ready / tables baseline     {app_ready / tables_ready:5.2f}x  (aim <= 1.3x)")
    best = {
        name: min(r["first_paint" if name == "bare" else "data_ready"] for r in results[name])
        for name in results
    }
    print("  best of the runs (ms):  " + "  ".join(f"{k} {v:.0f}" for k, v in best.items()))

    if args.json:
        figures = {
            "Cold start: first window (ms)": app_paint,
            "Cold start: bare PySide6 window (ms)": bare_paint,
            "Cold start: first window / bare window": f"{app_paint / bare_paint:.2f}x",
            "Cold start: demo data shown, ready (ms)": app_ready,
            "Cold start: bare window + SQLAlchemy + tables, ready (ms)": tables_ready,
            "Cold start: demo data shown / tables baseline": f"{app_ready / tables_ready:.2f}x",
        }
        args.json.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
