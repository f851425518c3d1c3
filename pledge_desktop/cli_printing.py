"""The `pledge` commands that print for people: the results report, the booklet, the poster."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_printing_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    report = command(
        "report",
        "Write the results report for a team meeting: every question with its chart and n, "
        "free-text comments, themes from interviews, goals with their status.",
        _report,
    )
    _cycle_and_out(report, "results.pdf")
    booklet = command(
        "booklet",
        "Write the Service Pledge booklet (A5, clear print, pages in fours to fold and "
        "staple). Its words are checked for plain English first: a warning, never a stop.",
        _booklet,
    )
    _cycle_and_out(booklet, "booklet.pdf, booklet.html or booklet.docx")
    booklet.add_argument(
        "--format",
        choices=("pdf", "html", "docx"),
        default="pdf",
        help="pdf: the printed booklet (default); html: an accessible web page a screen reader "
        "reads in order, for the trust's website; docx: a Word document to make easy read, "
        "audio or a translation from",
    )
    booklet.add_argument(
        "--large-print", action="store_true", help="the large-print edition (17 pt text)"
    )
    printing = booklet.add_mutually_exclusive_group()
    printing.add_argument(
        "--imposed",
        action="store_true",
        help="two pages to each A4 sheet in booklet order, for an office printer printing "
        "double-sided (flip on the short edge), with fold marks and a first sheet of "
        "printing instructions",
    )
    printing.add_argument(
        "--print-shop",
        action="store_true",
        help="for a print shop: A5 pages with 3 mm bleed, crop marks, TrimBox and BleedBox",
    )
    poster = command(
        "poster",
        'Write the "You said, we are doing" poster for the clinic waiting room, with the '
        "date, the hospital's logo and the team's phone number.",
        _poster,
    )
    _cycle_and_out(poster, "poster.pdf")
    poster.add_argument("--size", choices=("A4", "A3"), default="A4", help="paper size")
    for parser in (booklet, poster):
        _redact(parser)


def _redact(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redact",
        action="store_true",
        help="replace each thing the identifier check finds (a name, a phone number, a date of "
        "birth …) by [removed]; without it nothing is written while one is undecided",
    )


def _print_choices(args: argparse.Namespace, review: Callable[[], list[Any]]) -> Any:
    """What to do with the identifier check's findings: with --redact, say what will be
    replaced (`review` lists it); without, write nothing while one is undecided."""
    from pledge_desktop.cli_findings import removed
    from pledge_desktop.domain.print_gate import PrintChoices

    if args.redact:
        removed(review())
    return PrintChoices(remove_all=args.redact)


def _cycle_and_out(parser: argparse.ArgumentParser, example: str) -> None:
    parser.add_argument("--cycle", metavar="LABEL", help="the cycle (default: the most recent)")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help=f"where to write it ({example})"
    )


def _open(data_dir: Path) -> Any:
    from pledge_desktop.services.workspace import open_workspace

    return open_workspace(data_dir, write=False)


def _report(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        pages = workspace.team_report.write(cycle.id, args.out.resolve())
    print(f"Wrote the results report for cycle {cycle.label} ({pages} pages) to {args.out}")
    return 0


def _open_to_note(data_dir: Path) -> Any:
    """For writing when the app is closed (so the booklet's "last written" date is noted),
    else for reading only: the booklet is written all the same."""
    from pledge_desktop.domain.errors import DataFolderInUse
    from pledge_desktop.services.workspace import open_workspace

    try:
        return open_workspace(data_dir, write=True, create=False, templates=False)
    except DataFolderInUse:
        return _open(data_dir)


def _booklet(args: argparse.Namespace, data_dir: Path) -> int:
    if args.format != "pdf" and (args.large_print or args.imposed or args.print_shop):
        print(
            "--large-print, --imposed and --print-shop are for the PDF: the web page and the "
            "Word document let the reader choose the size of the text."
        )
        return 2
    from pledge_desktop.cli_findings import refused
    from pledge_desktop.domain.privacy import FindingsRemain

    try:
        if args.format == "pdf":
            done = _quick_booklet(args, data_dir)
            if done is not None:
                return done
        with _open_to_note(data_dir) as workspace:
            cycle = workspace.cycles.find(args.cycle)
            return _write_booklet(args, workspace, cycle)
    except FindingsRemain as remaining:
        return refused(remaining)


def _quick_booklet(args: argparse.Namespace, data_dir: Path) -> int | None:
    """The booklet read with sqlite3 alone (no ORM to import: much quicker), or None when the
    usual way must be taken (the folder in use, an older schema, no booklet saved yet)."""
    from pledge_desktop.services.publishing.quick_booklet import NotQuick, QuickBooklet

    quick = QuickBooklet.open(data_dir)
    if quick is None:
        return None
    with quick:
        cycle = quick.find_cycle(args.cycle)
        if cycle is None or not quick.has_booklet(cycle.id):
            return None
        try:
            contents = quick.contents(cycle.id, quick.is_demo)
        except NotQuick:
            return None
        _print_wording(quick.check_wording(cycle.id, contents))
        choices = _print_choices(args, lambda: quick.review(cycle.id, contents))
        printed = quick.printed(cycle.id, contents, choices)
        written = quick.write(
            cycle.id,
            printed,
            args.out.resolve(),
            large_print=args.large_print,
            imposed=args.imposed,
            print_shop=args.print_shop,
        )
    _print_written(args, cycle.label, written)
    return 0


def _print_wording(check: Any) -> None:
    print(f"Plain English: {check.summary()}")
    for finding in check.findings:
        print(f"  {finding.where}: {finding.kind}: “{finding.text}”. {finding.advice}")


def _write_booklet(args: argparse.Namespace, workspace: Any, cycle: Any) -> int:
    _print_wording(workspace.booklet.check_wording(cycle.id))
    choices = _print_choices(args, lambda: workspace.booklet.print_review(cycle.id))
    if args.format != "pdf":
        workspace.booklet.write_edition(
            cycle.id, args.out.resolve(), args.format, fictional=workspace.is_demo, choices=choices
        )
        kind = "web page (HTML)" if args.format == "html" else "Word document"
        print(f"Wrote the booklet for cycle {cycle.label} as a {kind} to {args.out}")
        return 0
    written = workspace.booklet.write(
        cycle.id,
        args.out.resolve(),
        large_print=args.large_print,
        imposed=args.imposed,
        print_shop=args.print_shop,
        fictional=workspace.is_demo,
        choices=choices,
    )
    _print_written(args, cycle.label, written)
    return 0


def _print_written(args: argparse.Namespace, label: str, written: Any) -> None:
    layout = f" on {written.sheets} A4 sheets" if args.imposed else ""
    layout += " with 3 mm bleed and crop marks" if args.print_shop else ""
    print(
        f"Wrote the booklet for cycle {label}: {written.pages} pages"
        f" ({written.notes_pages} for notes){layout}, to {args.out}"
    )


def _poster(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.cli_findings import refused
    from pledge_desktop.domain.privacy import FindingsRemain

    with _open(data_dir) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        choices = _print_choices(
            args, lambda: workspace.booklet.print_review(cycle.id, poster=True)
        )
        try:
            rows = workspace.booklet.write_poster(
                cycle.id,
                args.out.resolve(),
                args.size,
                fictional=workspace.is_demo,
                choices=choices,
            )
        except FindingsRemain as remaining:
            return refused(remaining)
    print(f"Wrote the {args.size} poster for cycle {cycle.label} ({rows} rows) to {args.out}")
    return 0
