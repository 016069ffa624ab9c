"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback."""

from __future__ import annotations


class CasetrackError(Exception):
    """A refused input or an unusable store. Exit code 1 unless said otherwise.

    The message is one line; `details` are further lines for errors that list several
    problems at once (an import names every bad row).
    """

    exit_code = 1

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.details = details or []


def nothing_to_change(option: str, command: str, *, only: bool = False) -> CasetrackError:
    """The refusal of an edit given no option: every `edit` command says it the same way
    (given only the values a row has, an edit writes nothing and says so, exit 0). `only`:
    `option` is the one the command takes, said as what to give rather than as an example."""
    give = option if only else f"an option such as {option}"
    return CasetrackError(f"nothing to change: give {give}, see 'casetrack {command} --help'")


class NotFoundError(CasetrackError):
    """A named case, party, source, kind or milestone does not exist."""


class StoreError(CasetrackError):
    """The store file cannot be used: missing, not a casetrack store, too new, unreadable."""


class StoreAppeared(StoreError):
    """A new store could not be put in place: another program created it meanwhile."""


class OptionRefused(CasetrackError):
    """An option that does not fit what it was given with (--attorneys for a file that is no
    docket), found only once the input is read: the command line reports it as a usage error
    of `option`, as it does the options it refuses by themselves."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
