"""Entry point of the bundled window app (PyInstaller needs a script, not a module)."""

from pledge_desktop.app import main

raise SystemExit(main())
