"""The `pledge` command: headless jobs over the same services as the app.

Exit codes: 0 done; 1 a problem the message explains (refused, not found, checks failed);
2 the command was typed wrongly (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pledge_desktop import __version__, paths
from pledge_desktop.cli_exchange import add_exchange_commands
from pledge_desktop.cli_printing import add_printing_commands
from pledge_desktop.cli_publish import add_publish_command
from pledge_desktop.domain.errors import PledgeError

EPILOG = (
    "The data folder is --data-dir DIR if given, else the PLEDGE_DATA_DIR environment variable, "
    "else your per-user data folder. --demo works on the separate demo data set instead. "
    "Commands that work on a cycle take --cycle LABEL and default to the most recent cycle."
)


def _folder_options() -> argparse.ArgumentParser:
    """--data-dir and --demo, accepted before or after the sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the data folder to work on (default: PLEDGE_DATA_DIR, else your data folder)",
    )
    common.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help="work on the fictional demo data set, kept apart from real data",
    )
    common.add_argument(
        "--create",
        action="store_true",
        default=argparse.SUPPRESS,
        help="make a new, empty database if the folder has none (without it, a command that "
        "writes refuses a folder with no database, so a mistyped folder never starts afresh)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _folder_options()
    parser = argparse.ArgumentParser(
        prog="pledge",
        description="Pledge Desktop's headless jobs: backups, checks, demo data, listings.",
        epilog=EPILOG,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"pledge {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, help_text: str, run: Callable[..., int] | None = None
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        if run is not None:
            sub.set_defaults(run=run)
        return sub

    command(
        "cycles", "List the pledge cycles: label, pledge type, status and dates.", _cycles
    )
    backup = command("backup", "Back up the database now.", _backup)
    backup.add_argument(
        "--to",
        metavar="FILE",
        type=Path,
        help="where to write the backup (a file or a folder; default: the backups folder)",
    )
    restore = command(
        "restore",
        "Replace the database with a backup. The current database is backed up first.",
        _restore,
    )
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    command(
        "check",
        "Check the database thoroughly (integrity, links between records, schema version). "
        "Exits 0 only when all is well.",
        _check,
    )
    demo = command(
        "demo",
        "Fill a data folder with the fictional demo data set (by default the demo folder).",
        _demo,
    )
    demo.add_argument(
        "--force", action="store_true", help="rebuild the demo data set if it is already there"
    )
    forms = command(
        "forms",
        "Print numbered paper survey forms for a cycle as one PDF. Serial numbers are "
        "remembered, so the same one is never printed twice for a cycle.",
        _forms,
    )
    forms.add_argument("--cycle", metavar="LABEL", help="the cycle (default: the most recent)")
    forms.add_argument("--count", type=int, required=True, help="how many forms")
    forms.add_argument(
        "--start",
        type=int,
        metavar="SERIAL",
        help="the first serial number (default: the next one not yet printed)",
    )
    forms.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help="where to write the PDF"
    )
    forms.add_argument(
        "--large-print",
        action="store_true",
        help="large print: 16 pt text and larger tick boxes, typed in the same way",
    )
    _questionnaire_commands(command)
    goals = command(
        "goals",
        "Print a cycle's goals with their status, owner, target date and latest progress, "
        "for a team meeting.",
        _goals,
    )
    goals.add_argument("--cycle", metavar="LABEL", help="the cycle (default: the most recent)")
    goals.add_argument(
        "--format",
        choices=("md", "csv"),
        default="md",
        help="md: readable text (Markdown, the default); csv: for a spreadsheet",
    )
    add_printing_commands(command)
    add_exchange_commands(command)
    add_publish_command(command)
    responses = command("responses", "Survey responses: import forms typed into a spreadsheet.")
    jobs = responses.add_subparsers(dest="job", metavar="JOB", required=True, help="what to do")
    importing = jobs.add_parser(
        "import",
        help="import forms typed into a spreadsheet (CSV), all or nothing",
        description="Import survey forms typed into a spreadsheet and saved as CSV: a column "
        '"serial", then one column per question code. An empty cell is a question left blank, '
        '"?" one that cannot be read; several ticked boxes are written 1;3. Any problem means '
        "nothing is imported, and each is listed with its row, column and reason.",
        parents=[_folder_options()],
    )
    importing.add_argument("file", metavar="FILE.csv", type=Path, help="the spreadsheet, as CSV")
    importing.add_argument("--cycle", metavar="LABEL", help="the cycle (default: the most recent)")
    importing.set_defaults(run=_responses_import)
    return parser


def _questionnaire_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    group = command(
        "questionnaire",
        "Questionnaires: list them, import or export a REDCap data dictionary.",
    )
    jobs = group.add_subparsers(dest="job", metavar="JOB", required=True, help="what to do")
    common = _folder_options()
    listing = jobs.add_parser(
        "list",
        help="list the questionnaires",
        description="List the questionnaires.",
        parents=[common],
    )
    listing.set_defaults(run=_questionnaire_list)
    importing = jobs.add_parser(
        "import",
        help="import a REDCap data dictionary (CSV) as a new questionnaire",
        description="Import a REDCap data dictionary (the standard 18-column CSV) as a new "
        "questionnaire. Anything that cannot be imported is listed, and then nothing is.",
        parents=[common],
    )
    importing.add_argument("file", metavar="FILE.csv", type=Path, help="the data dictionary")
    importing.add_argument("--name", required=True, help="what to call the questionnaire")
    importing.set_defaults(run=_questionnaire_import)
    exporting = jobs.add_parser(
        "export",
        help="write a questionnaire as a REDCap data dictionary (CSV)",
        description="Write the newest version of a questionnaire as a REDCap data dictionary.",
        parents=[common],
    )
    exporting.add_argument("name", metavar="NAME", help="the questionnaire's name")
    exporting.add_argument(
        "--out",
        metavar="FILE.csv",
        type=Path,
        required=True,
        help="where to write the data dictionary",
    )
    exporting.set_defaults(run=_questionnaire_export)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    demo = getattr(args, "demo", False)
    data_dir: Path | None = None
    try:
        data_dir = paths.resolve_data_dir(
            getattr(args, "data_dir", None), demo=demo or args.command == "demo"
        )
        if args.command not in ("cycles", "backup", "check", "demo"):  # those never check words
            from pledge_desktop.domain import identifiers

            identifiers.use_name_lists(identifiers.load_name_lists(paths.resource("names")))
        return int(args.run(args, data_dir))
    except PledgeError as error:
        print(f"pledge: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pledge: stopped.", file=sys.stderr)
        return 130
    except Exception as error:  # the last resort: a plain word, the details in a log file
        from pledge_desktop.crash_log import report_crash

        print(f"pledge: {report_crash(data_dir, error)}", file=sys.stderr)
        return 2


def _open(  # type: ignore[no-untyped-def]
    data_dir: Path, *, write: bool, demo: bool = False, create: bool = False
):
    """Read-only commands open the database read-only; a command that writes makes a new
    database only when asked (`--create`, `pledge demo`)."""
    from pledge_desktop.services.workspace import open_workspace

    return open_workspace(data_dir, write=write, demo=demo, create=create)


def creating(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "create", False))


def _cycles(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.db.file_facts import DATABASE_FILE
    from pledge_desktop.db.quick_read import CycleLine, quick_cycles
    from pledge_desktop.domain.setup import CycleStatus, PledgeType

    if not (data_dir / DATABASE_FILE).exists():
        with _open(data_dir, write=False):  # the usual refusal, in plain words
            pass
    quick = quick_cycles(data_dir / DATABASE_FILE, data_dir)
    if quick is None:  # the app has the folder open, or the schema is older: the usual way
        with _open(data_dir, write=False) as workspace:
            quick = [
                CycleLine(c.label, c.pledge_type, c.status, c.start_date, c.end_date)
                for c in workspace.cycles.cycles()
            ]
    cycles = [c._replace(pledge_type=PledgeType(c.pledge_type)) for c in quick]
    if not cycles:
        print("No pledge cycles yet.")
        return 0
    width = max(5, *(len(c.label) for c in cycles))
    print(f"{'Cycle':<{width}}  {'Pledge':<9}  {'Status':<17}  {'Starts':<10}  Ends")
    for cycle in cycles:
        status = CycleStatus(cycle.status).label
        print(
            f"{cycle.label:<{width}}  {cycle.pledge_type.short:<9}  {status:<17}  "
            f"{cycle.start_date:%d/%m/%Y}  {cycle.end_date:%d/%m/%Y}"
        )
    return 0


def _backup(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=False) as workspace:
        target = workspace.maintenance.backup_now("manual", args.to.resolve() if args.to else None)
    print(f"Backed up to {target}")
    return 0


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=True, create=creating(args)) as workspace:
        safety = workspace.maintenance.restore(args.file)
    print(f"Restored {args.file}. The database as it was before is kept in {safety}")
    return 0


def _check(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.db.engine import DATABASE_FILE
    from pledge_desktop.db.integrity import find_problems

    problems = find_problems(data_dir / DATABASE_FILE, data_dir)
    if problems:
        print(f"Problems found in {data_dir}:")
        for problem in problems:
            print(f"- {problem}")
        return 1
    print(f"All is well: {data_dir / DATABASE_FILE} passed every check.")
    return 0


def _demo(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.services.demo.build import demo_has_data, fill_demo, rebuild_demo

    with _open(data_dir, write=True, demo=True, create=True) as workspace:
        if not demo_has_data(workspace):
            fill_demo(workspace)
        elif args.force:
            rebuild_demo(workspace)
        else:
            print(f"The demo data set is already in {data_dir}. Use --force to rebuild it.")
            return 0
    print(f"The fictional demo data set is ready in {data_dir}")
    return 0


def _questionnaire_list(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=False) as workspace:
        summaries = workspace.questionnaires.summaries()
    for s in summaries:
        used = f"used by {', '.join(s.cycles)}" if s.cycles else "not used yet"
        print(f"{s.name} (version {s.version}): {s.questions} questions, {used}. From {s.source}.")
    if not summaries:
        print("No questionnaires yet. Open the app once: it adds the two we provide.")
    return 0


def _questionnaire_import(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=True, create=creating(args)) as workspace:
        summary, notes = workspace.questionnaires.import_redcap(args.file, args.name)
    print(f'Imported "{summary.name}": {summary.questions} questions.')
    for note in notes:
        print(f"- {note}")
    return 0


def _questionnaire_export(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=False) as workspace:
        path = workspace.questionnaires.export_redcap(args.name, args.out.resolve())
    print(f"Wrote {path}")
    return 0


def _forms(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=True, create=creating(args)) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        assert cycle.id is not None
        printed = workspace.survey_forms.print_forms(
            cycle.id, args.count, args.out.resolve(), args.start, large_print=args.large_print
        )
    large = " in large print" if args.large_print else ""
    print(
        f"Wrote forms {printed.first:05d} to {printed.last:05d} for cycle {cycle.label}{large} "
        f"to {printed.path}"
    )
    return 0


def _goals(args: argparse.Namespace, data_dir: Path) -> int:
    from pledge_desktop.exchange.goals_listing import goals_csv, goals_markdown

    with _open(data_dir, write=False) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        assert cycle.id is not None
        cards = workspace.goals.board(cycle.id)
        horizons = workspace.goals.horizons()
    if args.format == "csv":
        sys.stdout.write(goals_csv(cards))
    else:
        print(goals_markdown(cards, cycle.label, horizons))
    return 0


def _responses_import(args: argparse.Namespace, data_dir: Path) -> int:
    with _open(data_dir, write=True, create=creating(args)) as workspace:
        cycle = workspace.cycles.find(args.cycle)
        assert cycle.id is not None
        count = workspace.survey_entry.import_csv(cycle.id, args.file)
    print(f"Imported {count} forms into cycle {cycle.label}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
