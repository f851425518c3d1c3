"""Errors a nurse may see. Each carries a message in plain English, ready to show as it is."""

from __future__ import annotations


class PledgeError(Exception):
    """Something the user can act on; `str(error)` is the plain-English message."""


class ValidationError(PledgeError):
    """A value typed into a form is not acceptable. `problems` maps field name to message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(self.problems.values()))


class NotFound(PledgeError):
    """The record was deleted meanwhile, or never existed."""


class DeleteRefused(PledgeError):
    """Other records depend on the one the user tried to delete."""


class StorageError(PledgeError):
    """The computer's storage failed us: disk full, folder not writable, database busy."""


class DataFolderProblem(PledgeError):
    """The data folder cannot be used: not writable, not a folder, or in use by someone else."""


class DataFolderInUse(DataFolderProblem):
    """Another copy of the app (or a `pledge` command) is writing to the same data folder."""


class DatabaseProblem(PledgeError):
    """The database file cannot be opened as it is: not ours, too new, or damaged."""


class PolicyProblem(PledgeError):
    """A data policy file cannot be used: not a policy, malformed, or weaker than the one in use."""


class FileRefused(ValidationError):
    """A file handed to the app cannot be read as what it should be: another kind of file, an
    encoding we cannot be sure of, too big, or damaged. `str(error)` says why, plainly; the
    file itself was only read, never changed."""

    def __init__(self, message: str) -> None:
        super().__init__({"file": message})
