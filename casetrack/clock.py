"""The time casetrack stamps on what it writes."""

from __future__ import annotations

from datetime import UTC, datetime


def now(timespec: str = "seconds") -> str:
    """A UTC timestamp for created/updated columns.

    Trash stamps use microseconds: restoring a case brings back the milestones whose stamp
    equals the case's, so separate deletions must never share one.
    """
    return datetime.now(UTC).isoformat(timespec=timespec)
