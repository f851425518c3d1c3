"""Entry point of the bundled `pledge` command."""

from pledge_desktop.cli import main

raise SystemExit(main())
