"""Who is using the computer, as the audit trail and the folder's lock name them."""

from __future__ import annotations

import getpass


def current_os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
