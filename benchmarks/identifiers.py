"""How well the identifier check does on the labelled corpus (tests/data/identifiers_corpus.jsonl):
recall per kind, false alarms on ordinary pledge sentences, and time per 1,000 sentences.

An identifier counts as found when a finding of its kind covers all of it (so redacting would
remove it whole). An ordinary sentence with any finding at all is a false alarm.
Usage: python -m benchmarks.identifiers [--repeat 20] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pledge_desktop.domain.identifiers import KINDS, Finding, find_identifiers, load_name_lists

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "identifiers_corpus.jsonl"
NAMES = ROOT / "resources" / "names"
# the fictional team and representatives the corpus speaks of
TEAM = ("Sister Ann Example", "Keith Oddie", "Margaret (fictional)", "Tadeusz Nowak")
TODAY = date(2026, 11, 28)

Detect = Callable[[str], list[Finding]]


@dataclass
class Score:
    expected: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # kind, identifier, sentence
    ordinary: int = 0
    false_alarms: Counter[str] = field(default_factory=Counter)  # ordinary sentences, by kind
    alarmed: list[tuple[str, str, str]] = field(default_factory=list)  # kind, words, sentence
    ordinary_alarmed: int = 0

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.expected[kind] if self.expected[kind] else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.ordinary_alarmed / self.ordinary if self.ordinary else 0.0


def load_corpus(path: Path = CORPUS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def corpus_detector() -> Detect:
    """The check as the privacy gate runs it: common names loaded, every full date reported."""
    lists = load_name_lists(NAMES)

    def detect(text: str) -> list[Finding]:
        return find_identifiers(text, TEAM, TODAY, lists=lists, every_date=True)

    return detect


def score(rows: Sequence[dict[str, object]], detect: Detect) -> Score:
    result = Score()
    for row in rows:
        text = str(row["text"])
        findings = detect(text)
        expected = row["identifiers"]
        assert isinstance(expected, list)
        if not expected:
            result.ordinary += 1
            if findings:
                result.ordinary_alarmed += 1
            for finding in findings:
                result.false_alarms[finding.kind] += 1
                result.alarmed.append((finding.kind, finding.text, text))
            continue
        for wanted in expected:
            kind = wanted["kind"]
            result.expected[kind] += 1
            if any(
                f.kind == kind and f.start <= wanted["start"] and f.end >= wanted["end"]
                for f in findings
            ):
                result.found[kind] += 1
            else:
                result.missed.append((kind, wanted["text"], text))
    return result


def timed(rows: Sequence[dict[str, object]], detect: Detect, repeat: int) -> float:
    """Milliseconds per 1,000 sentences, best of `repeat` passes over the corpus."""
    texts = [str(row["text"]) for row in rows]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            detect(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts) * 1000 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    rows = load_corpus()
    detect = corpus_detector()
    result = score(rows, detect)
    per_thousand = timed(rows, detect, args.repeat)
    print(f"Identifier check on {len(rows)} sentences ({result.ordinary} ordinary)")
    print(f"{'kind':<28}{'found':>8}{'recall':>9}{'false alarms':>14}")
    figures: dict[str, float] = {}
    for kind in KINDS:
        alarms = result.false_alarms[kind]
        print(
            f"{kind:<28}{result.found[kind]:>4}/{result.expected[kind]:<3}"
            f"{result.recall(kind):>9.1%}{alarms:>14}"
        )
        figures[f"identifiers: recall, {kind} (%)"] = 100 * result.recall(kind)
    print(
        f"ordinary sentences with a false alarm: {result.ordinary_alarmed}/{result.ordinary}"
        f" ({result.false_alarm_rate:.1%})"
    )
    print(f"time per 1,000 sentences: {per_thousand:.0f} ms")
    for kind, words, text in result.missed:
        print(f"  missed {kind}: {words!r} in {text!r}")
    for kind, words, text in result.alarmed:
        print(f"  false alarm {kind}: {words!r} in {text!r}")
    figures["identifiers: ordinary sentences with a false alarm (%)"] = (
        100 * result.false_alarm_rate
    )
    figures["identifiers: time per 1,000 sentences (ms)"] = per_thousand
    if args.json:
        args.json.write_text(json.dumps(figures), encoding="utf-8")


if __name__ == "__main__":
    main()
