"""The `pledge` commands that send data to the charity and combine it there: export, merge,
and the charity's data policy (policy show, policy import)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from pledge_desktop.domain.errors import ValidationError

PASSWORD_VARIABLE = "PLEDGE_PACKAGE_PASSWORD"


def add_exchange_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    export = command(
        "export",
        "Write the cycle's anonymised data package for the charity (a ZIP of CSV files with "
        "their descriptions), checked before it is written. Every word that would leave is "
        "checked for anything that could identify someone: while anything is found, nothing is "
        "written and each finding is listed (use --redact to replace them all by a marker). "
        "Written answers are left out: review them in the app's export wizard to send them.",
        _export,
    )
    export.add_argument("--cycle", metavar="LABEL", help="the cycle (default: the most recent)")
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE.zip", help="where to write the package"
    )
    export.add_argument(
        "--k",
        type=int,
        default=None,
        help="hold back answers that could identify someone wherever fewer than K forms share "
        "them (default: the charity's data policy; K can only be larger)",
    )
    export.add_argument(
        "--redact",
        action="store_true",
        help="replace everything the identifier check finds by [removed], and say where",
    )
    export.add_argument(
        "--with-publication",
        action="store_true",
        help="add the published pledge (the booklet as PDF and web page, pledge.json and the "
        "team's consent to publish) under publication/; needs a sign-off with consent",
    )
    export.add_argument(
        "--password",
        action="store_true",
        help=f"protect the file with a password (AES), asked for here or taken from "
        f"{PASSWORD_VARIABLE}",
    )
    policy = command(
        "policy",
        "The charity's data policy: 'show' says the one in use; 'import FILE' takes a newer one "
        "the charity sent (an older or weaker policy is refused with the reason).",
        _policy,
    )
    policy.add_argument("action", choices=["show", "import"], help="what to do")
    policy.add_argument("file", nargs="?", type=Path, metavar="FILE.json", help="for import")
    merge = command(
        "merge",
        "Combine hospitals' data packages (files, or folders of them) into national tables: a "
        "merged data package, summary.xlsx and summary.pdf. A package that cannot be taken is "
        "named with the reason, and the rest are combined; the exit code is 1 if any was "
        "rejected.",
        _merge,
    )
    merge.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        metavar="FILES_OR_FOLDERS",
        help="the hospitals' packages (.zip), or folders of them",
    )
    merge.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder for merged/, summary.xlsx and summary.pdf",
    )
    merge.add_argument(
        "--password", action="store_true", help="the packages' password (asked for here)"
    )
    merge.add_argument(
        "--small", type=int, default=8, help="counts below this are not shown per hospital"
    )


def _password(confirm: bool) -> str:
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    first = getpass.getpass("Password: ")
    if confirm and getpass.getpass("The same password again: ") != first:
        raise ValidationError({"password": "The two passwords are not the same."})
    return first


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.cli_findings import refused, removed
    from pledge_desktop.domain.privacy import FindingsRemain
    from pledge_desktop.services.exchange.export import ExportChoices
    from pledge_desktop.services.workspace import open_workspace

    if args.k is not None and args.k < 2:
        raise ValidationError(
            {"k": "--k must be 2 or more: a group of one form is a single patient."}
        )
    password = _password(confirm=True) if args.password else None
    choices = ExportChoices(
        k=args.k, password=password, remove_all=args.redact, publication=args.with_publication
    )
    with open_workspace(
        data_dir, write=True, create=bool(getattr(args, "create", False))
    ) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        try:
            result = workspace.export.export(cycle.id, args.out.resolve(), choices)
        except FindingsRemain as remaining:
            return refused(remaining)
    for name, title, rows in result.tables:
        print(f"  {name:<17} {rows:>7,}  {title}")
    print(
        f"Data policy version {result.policy_version}: groups of at least "
        f"{result.suppression.k} forms."
    )
    print(result.suppression.describe(result.quasi_identifiers))
    removed(result.removed)
    if result.comments_withheld:
        print(
            f"{result.comments_withheld} written answers were left out: review them in the app "
            "(File → Send data to the charity) to send them."
        )
    if result.publication:
        print(f"With the published pledge: {', '.join(result.publication)}")
    protected = " (password protected)" if result.encrypted else ""
    print(f"Wrote {result.path}{protected}\nSHA-256 {result.sha256}")
    return 0


def _policy(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.services.workspace import open_workspace

    if args.action == "import":
        if args.file is None:
            raise ValidationError({"file": "Name the policy file to import: policy import FILE."})
        with open_workspace(data_dir, write=True) as workspace:
            policy = workspace.export.policy.import_file(args.file.expanduser())
        print(f"Taken. {policy.describe()}")
        return 0
    with open_workspace(data_dir, write=False) as workspace:
        policy = workspace.export.policy.current()
    print(policy.describe())
    print("Answers that could identify someone, in the order they are given up:")
    for rule in policy.quasi_identifiers:
        bands = " → ".join(", ".join(b.label for b in level) for level in rule.levels)
        print(f"  {rule.label} ({', '.join(rule.codes)})" + (f": {bands}" if bands else ""))
    if policy.about:
        print(policy.about)
    return 0


def _merge(args: argparse.Namespace, _data_dir: Path) -> int:
    from pledge_desktop.services.exchange.merge import merge_packages

    if args.small < 1:
        print(
            f"--small {args.small}: counts below it could not be held back. Give 1 or more "
            "(8 is usual).",
            file=sys.stderr,
        )
        return 1
    password = _password(confirm=False) if args.password else None
    result = merge_packages(args.inputs, args.out.resolve(), password, args.small)
    for source in result.accepted:
        print(f"taken:    {source}")
    for note in result.duplicates:
        print(f"once:     {note}")
    for note in result.notes:
        print(f"cleaned:  {note}")
    for row in result.conformance:
        print(f"differs:  {row[1]} {row[0]}: {row[2]} {row[3]}")
    for rejected in result.rejected:
        print(f"rejected: {rejected.source}: {rejected.reason}", file=sys.stderr)
    if result.accepted:
        print(result.describe())
    else:
        print("No package could be taken, so nothing was written.", file=sys.stderr)
    return 1 if result.rejected or not result.accepted else 0
