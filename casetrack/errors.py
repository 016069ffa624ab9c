"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback."""

from __future__ import annotations


class CasetrackError(Exception):
    """A refused input or an unusable store. Exit code 1 unless said otherwise."""

    exit_code = 1


class NotFoundError(CasetrackError):
    """A named case, party, source, kind or milestone does not exist."""


class StoreError(CasetrackError):
    """The store file cannot be used: missing, not a casetrack store, too new, unreadable."""
