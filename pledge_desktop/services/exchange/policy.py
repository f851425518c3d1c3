"""The charity's data policy in use: the one shipped with the app, or a newer one the charity
sent (kept in the app's settings). A policy that is older, the same, or weaker than the one in
use is refused with the reason; taking one is recorded in the audit trail."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from sqlalchemy.orm import Session

from pledge_desktop.db import models as m
from pledge_desktop.db.database import Database
from pledge_desktop.domain.errors import PolicyProblem
from pledge_desktop.domain.policy import DataPolicy, parse_policy, replacement_problem
from pledge_desktop.paths import resource
from pledge_desktop.services.privacy_decisions import audit_line
from pledge_desktop.services.records import ChangeFeed

__all__ = ["PolicyService", "audit_line", "policy_in_use", "shipped_policy"]

POLICY_SETTING = "data_policy"
LARGEST_POLICY = 1_000_000  # bytes: a policy is a few kilobytes of JSON


@cache
def shipped_policy() -> DataPolicy:
    """The policy that ships with this version of the app."""
    return parse_policy(resource("policy", "data-policy.json").read_text("utf-8"))


def policy_in_use(session: Session) -> DataPolicy:
    """The newer of the shipped policy and the one the charity sent, if any."""
    shipped = shipped_policy()
    row = session.get(m.AppSetting, POLICY_SETTING)
    if row is None or not row.value:
        return shipped
    try:
        stored = parse_policy(row.value)
    except PolicyProblem:
        return shipped  # never weaker than what ships
    return stored if stored.version > shipped.version else shipped


class PolicyService:
    def __init__(self, db: Database, changes: ChangeFeed) -> None:
        self._db = db
        self._changes = changes

    def current(self) -> DataPolicy:
        with self._db.reading() as session:
            return policy_in_use(session)

    def import_file(self, path: Path) -> DataPolicy:
        """Take the policy in `path` if it is newer and no weaker than the one in use."""
        try:
            if path.stat().st_size > LARGEST_POLICY:
                raise PolicyProblem("This file is too large to be a data policy.")
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            raise PolicyProblem("This file is not a data policy: it is not text.") from None
        except OSError as error:
            raise PolicyProblem(
                f"The file {path.name} could not be read ({error.strerror or error})."
            ) from None
        new = parse_policy(text)
        with self._db.transaction() as session:
            current = policy_in_use(session)
            problem = replacement_problem(new, current)
            if problem:
                raise PolicyProblem(problem)
            row = session.get(m.AppSetting, POLICY_SETTING)
            if row is None:
                session.add(m.AppSetting(key=POLICY_SETTING, value=text))
            else:
                row.value = text
            audit_line(
                session,
                self._db.os_user,
                "data policy",
                str(new.version),
                "version",
                json.dumps(
                    {"version": new.version, "date": new.date.isoformat(), "from": path.name}
                ),
            )
        self._changes.announce("policy")
        return new
