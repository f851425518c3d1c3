"""Survey entry speed, on a database already holding 30,000 responses.

Types whole forms into the real entry screen with Qt key events (offscreen) and reports:
- the time from the last keystroke of a form (Enter on "End of the form") until the next blank
  form is ready for its number (p50 / p95 over the forms typed);
- keystrokes per form against the answers on it (each box ticked, and each other question
  asked, a blank one too), typed as a nurse would: several boxes top to bottom, ended by the
  next answer's box where it can, + for 10 on the 0 to 10 scale.
Usage: python benchmarks/entry.py [--responses 30000] [--forms 60]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=30_000)
    parser.add_argument("--forms", type=int, default=60)
    parser.add_argument(
        "--json", type=Path, help="also write the figures here (for python -m benchmarks)"
    )
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pledge_desktop.domain.setup import FirstSetup, Hospital, PledgeCycle, TeamMember
    from pledge_desktop.domain.survey_entry import AnswerState
    from pledge_desktop.services.demo.responses import add_demo_responses
    from pledge_desktop.services.workspace import open_workspace
    from pledge_desktop.ui.common.changes import ChangeHub
    from pledge_desktop.ui.common.context import ScreenContext
    from pledge_desktop.ui.surveys.survey_entry_page import SurveyEntryPage

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "data")
        cycle = ws.setup.complete_first_setup(
            FirstSetup(
                Hospital(name="Benchmark Hospital (fictional)"),
                TeamMember(0, "Nurse Bench"),
                PledgeCycle("2026", date(2026, 1, 1), date(2026, 12, 31)),
            )
        )
        assert cycle.id is not None
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
        context = ScreenContext(ws, ChangeHub())
        context.cycle_id = cycle.id
        page = SurveyEntryPage(context)
        page.resize(1100, 800)
        page.show()
        app.processEvents()
        waits, per_key, keystrokes, answered = [], [], [], []

        def press(widget, key) -> None:  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            QTest.keyClick(widget, key)
            app.processEvents()  # a person types slower than this: each key is shown first
            per_key.append((time.perf_counter() - t0) * 1000)

        for n in range(args.forms):
            serial = args.responses + 1 + n
            page.serial_input.setText(str(serial))
            QTest.keyClick(page.serial_input, Qt.Key.Key_Return)
            app.processEvents()
            keys = 0
            entry = page.entry
            while not entry.finished:
                q = entry.current
                if q.type.value == "multiple_choice" and not entry.ticks:
                    press(page.answer_input, Qt.Key.Key_1)  # box 1 ticked
                elif q.type.value == "multiple_choice":
                    # the next question's box 1 ends the ticks (printed at or before the last);
                    # where the next answer is not box 1, Enter ends them
                    after = copy.deepcopy(entry)
                    after.press_enter()
                    nxt = after.current
                    ones = nxt is not None and 1 in {o.code for o in nxt.options}
                    press(page.answer_input, Qt.Key.Key_1 if ones else Qt.Key.Key_Return)
                elif 10 in {o.code for o in q.options}:
                    press(page.answer_input, Qt.Key.Key_Plus)  # 10 out of 10, the commonest
                elif q.type.has_options:
                    first = 1 if 1 in {o.code for o in q.options} else q.options[0].code
                    press(page.answer_input, Qt.Key(Qt.Key.Key_0 + first))
                else:
                    press(page.answer_input, Qt.Key.Key_F2)
                keys += 1
            asked = [a for a in entry.answers.values() if a.state is not AnswerState.SKIPPED]
            answered.append(
                sum(len(a.value) if isinstance(a.value, tuple) else 1 for a in asked)
            )
            t0 = time.perf_counter()
            QTest.keyClick(page.answer_input, Qt.Key.Key_Return)  # the last keystroke: save
            app.processEvents()
            assert page.entry is None, "the form was not saved"
            waits.append((time.perf_counter() - t0) * 1000)
            keystrokes.append(keys + 1)
        page.saver.finish()
        total = ws.survey_entry.count(cycle.id)
        ws.close()

    def p95(values: list[float]) -> float:
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    print(
        f"Survey entry with {total:,} responses in the database "
        f"(filled in {filled:.1f} s by the service, in transactions of 5,000 forms)"
    )
    print(
        f"  last keystroke -> next blank form ready: p50 {statistics.median(waits):.1f} ms, "
        f"p95 {p95(waits):.1f} ms (aim: p95 < 16 ms)"
    )
    print(
        f"  any other keystroke -> its answer shown:  p50 {statistics.median(per_key):.1f} ms, "
        f"p95 {p95(per_key):.1f} ms"
    )
    print(
        f"  keystrokes per form: {statistics.mean(keystrokes):.1f} for "
        f"{statistics.mean(answered):.1f} answers (aim: <= answers + 1)"
    )

    if args.json:
        figures = {
            f"Survey save -> next form p50 ({total:,} responses) (ms)": statistics.median(waits),
            f"Survey save -> next form p95 ({total:,} responses) (ms)": p95(waits),
            "Any other keystroke p95 (ms)": p95(per_key),
            "Keystrokes per form (aim: answers + 1)": (
                f"{statistics.mean(keystrokes):.0f} for {statistics.mean(answered):.0f} answers"
            ),
        }
        args.json.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
