"""`python -m pledge_desktop` opens the GUI."""

from pledge_desktop.app import main

raise SystemExit(main())
