"""The `pledge publish` command: the files that go on the charity's website once a pledge is
signed off."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def add_publish_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    publish = command(
        "publish",
        "Publish a signed-off pledge into a folder: the booklet (PDF and web page), its goals "
        "and standards of care as pledge.json for the charity's website, and the team's "
        "consent to publish. Marks the cycle as published. Refused without a sign-off.",
        _publish,
    )
    publish.add_argument(
        "--cycle", metavar="LABEL", help='the cycle, e.g. "2026" or "2026 secondary"'
    )
    publish.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="the folder to write into"
    )
    publish.add_argument(
        "--redact",
        action="store_true",
        help="replace each thing the identifier check finds (a name, a phone number …) by "
        "[removed]; without it nothing is written while one is undecided",
    )


def _publish(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.cli_findings import refused, removed
    from pledge_desktop.domain.print_gate import PrintChoices
    from pledge_desktop.domain.privacy import FindingsRemain
    from pledge_desktop.services.workspace import open_workspace

    with open_workspace(data_dir, write=True, create=False) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        assert cycle.id is not None
        if args.redact:
            removed(workspace.publish.review(cycle.id))
        try:
            done = workspace.publish.publish(
                cycle.id,
                args.out.resolve(),
                fictional=workspace.is_demo,
                choices=PrintChoices(remove_all=args.redact),
            )
        except FindingsRemain as remaining:
            return refused(remaining)
    print(
        f"Published the {cycle.pledge_type.short.lower()} pledge {cycle.label}: "
        f"{done.goals} goals, {done.standards} standards of care."
    )
    for path in done.files:
        print(f"  {path}")
    return 0
