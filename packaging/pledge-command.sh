#!/bin/sh
# The `pledge` command of the Linux and macOS bundle: the window's program, started as the
# command (one copy of Python and the libraries serves both).
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/pledge-desktop" --command "$@"
