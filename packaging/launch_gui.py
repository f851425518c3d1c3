"""Entry point of the bundled window app (PyInstaller needs a script, not a module).

On Linux and macOS the bundle carries one program for both: `pledge` is a small script that
starts this one with `--command` first, which runs the command instead of the window (on
Windows the command is its own console program, `pledge.exe`, built from launch_cli.py).
"""

import sys

if sys.argv[1:2] == ["--command"]:
    from pledge_desktop.cli import main as command

    del sys.argv[1]
    raise SystemExit(command())

from pledge_desktop.app import main

raise SystemExit(main())
