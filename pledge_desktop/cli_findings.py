"""How the `pledge` commands report what the identifier check found: where each finding is and
its kind, the identifier masked, never in full."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from pledge_desktop.domain.privacy import FindingsRemain, GateFinding


def refused(remaining: FindingsRemain) -> int:
    """Say why nothing was written and what to do; the exit status for it."""
    print(f"pledge: {remaining}", file=sys.stderr)
    print("  table / row / field: kind, identifier (masked)", file=sys.stderr)
    for f in remaining.findings:
        print(f"  {f.table} / {f.row} / {f.field}: {f.kind}, {f.masked}", file=sys.stderr)
    print(
        "Change the words in the app, record there what is not an identifier, or run "
        "again with --redact to replace each one by [removed].",
        file=sys.stderr,
    )
    return 1


def removed(findings: Iterable[GateFinding]) -> None:
    findings = list(findings)
    if findings:
        print(f"Removed {len(findings)} thing(s) that could identify someone:")
        for f in findings:
            print(f"  {f.table} / {f.row} / {f.field}: {f.kind}, {f.masked} → [removed]")
