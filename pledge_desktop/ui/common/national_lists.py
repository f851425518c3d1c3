"""The charity's national lists (goal categories, interview themes) from its data policy, as
choices for a form: so that what the team writes can be counted across hospitals."""

from __future__ import annotations

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.policy import parse_policy
from pledge_desktop.paths import resource


def national_themes() -> tuple[tuple[str, str], ...]:
    """(code, label) of every theme in the charity's codebook; empty when it cannot be read."""
    try:
        text = resource("policy", "data-policy.json").read_text(encoding="utf-8")
        return tuple((c.code, c.label) for c in parse_policy(text).themes)
    except (OSError, PledgeError):
        return ()
