"""Which milestones a listing selects: one filter set, and the SQL conditions it stands for,
shared by timeline, search and export.

A name that matches nothing (a case, party, kind, role, tag or source) is refused with the
closest names rather than read as 'no milestones match'.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from casetrack.cases import require_case_id
from casetrack.dates import DateValue
from casetrack.drafts import clean_kind
from casetrack.errors import CasetrackError
from casetrack.models import MILESTONE_STATUSES, ROLES
from casetrack.parties import require_party_id
from casetrack.sources import find_source
from casetrack.tables import KEY_ONLY, NOT_UNDISPUTED
from casetrack.text import check_choice, did_you_mean
from casetrack.writer import check_kind


@dataclass
class Filters:
    """What to select. Repeated parties and tags must all match; repeated kinds and cases any."""

    cases: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    role: str | None = None
    kinds: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    since: DateValue | None = None
    until: DateValue | None = None
    status: str | None = None
    key: bool = False
    source: str | None = None


def where_clause(conn: sqlite3.Connection, filters: Filters) -> tuple[str, list[Any]]:
    """SQL conditions on milestones `m` for these filters, with their parameters."""
    clauses = ["m.deleted_at IS NULL"]
    params: list[Any] = []
    if filters.cases:
        ids = [require_case_id(conn, slug) for slug in filters.cases]
        clauses.append(f"m.case_id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    role = _known(conn, "role", filters.role, ROLES) if filters.role else None
    for name in filters.parties:
        party_id = require_party_id(conn, name)
        sub = "SELECT milestone_id FROM milestone_parties WHERE party_id = ?"
        params.append(party_id)
        if role:
            sub += " AND role = ?"
            params.append(role)
        clauses.append(f"m.id IN ({sub})")
    if role and not filters.parties:
        clauses.append("m.id IN (SELECT milestone_id FROM milestone_parties WHERE role = ?)")
        params.append(role)
    if filters.kinds:
        kinds = [check_kind(conn, clean_kind(k)) for k in filters.kinds]
        clauses.append(f"m.kind IN ({', '.join('?' for _ in kinds)})")
        params.extend(kinds)
    for tag in filters.tags:
        clauses.append("m.id IN (SELECT milestone_id FROM milestone_tags WHERE tag = ?)")
        params.append(_known(conn, "tag", tag))
    since, until = filters.since, filters.until
    if since and until and since.start and until.end and since.start > until.end:
        raise CasetrackError(f"--since {since.text} is after --until {until.text}")
    if filters.since is not None or filters.until is not None:
        # A window matches every milestone whose possible span overlaps it.
        clauses.append("m.precision != 'unknown'")
    if filters.since is not None and filters.since.start is not None:
        clauses.append("m.sort_end >= ?")
        params.append(filters.since.start.isoformat())
    if filters.until is not None and filters.until.end is not None:
        clauses.append("m.sort_start <= ?")
        params.append(filters.until.end.isoformat())
    if filters.status is not None:
        status = check_choice(filters.status, MILESTONE_STATUSES, "status")
        clauses.append("m.status = ?")
        params.append(status)
        if status != "undisputed":  # lets SQLite use the index of the few that are not
            clauses.append(f"m.{NOT_UNDISPUTED}")
    if filters.key:
        clauses.append(f"m.{KEY_ONLY}")
    if filters.source is not None:
        source = find_source(conn, filters.source)
        if source is None:
            raise CasetrackError(f"no source {filters.source!r}: see 'casetrack source list'")
        clauses.append("m.id IN (SELECT milestone_id FROM milestone_sources WHERE source_id = ?)")
        params.append(source.id)
    return " AND ".join(clauses), params


_EXISTS = {
    "role": "SELECT 1 FROM milestone_parties WHERE role = ? LIMIT 1",
    "tag": "SELECT 1 FROM milestone_tags WHERE tag = ? LIMIT 1",
}
_IN_USE = {
    "role": "SELECT DISTINCT role FROM milestone_parties WHERE role != ''",
    "tag": "SELECT DISTINCT tag FROM milestone_tags",
}


def _known(conn: sqlite3.Connection, what: str, value: str, usual: tuple[str, ...] = ()) -> str:
    """A role or tag as stored; one no milestone uses (and not a usual one) is refused with
    the closest names, so a typo is not mistaken for 'no milestones match'.

    The check is one index lookup; only a refusal reads every value in use, for suggestions.
    """
    cleaned = " ".join(value.split()).lower()
    if cleaned in usual or conn.execute(_EXISTS[what], (cleaned,)).fetchone():
        return cleaned
    choices = [*usual, *(r[0] for r in conn.execute(_IN_USE[what]))]
    raise CasetrackError(f"no milestone has the {what} {value!r}{did_you_mean(value, choices)}")
