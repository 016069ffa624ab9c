"""Which milestones a listing selects: one filter set, and the SQL conditions it stands for,
shared by timeline, search and export.

A name that matches nothing (a case, party, kind, role, tag or source) is refused with the
closest names rather than read as 'no milestones match'.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from casetrack.cases import require_case_id
from casetrack.dates import DateValue, display_date
from casetrack.drafts import check_status
from casetrack.errors import CasetrackError
from casetrack.models import ROLE_SPELLINGS, ROLES
from casetrack.parties import require_party_id
from casetrack.sources import require_source
from casetrack.sql import placeholders
from casetrack.tables import KEY_ONLY, NOT_UNDISPUTED
from casetrack.text import did_you_mean, name_key
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
        clauses.append(f"m.case_id IN ({placeholders(ids)})")
        params.extend(ids)
    roles = _known(conn, "role", filters.role, ROLES, ROLE_SPELLINGS) if filters.role else []
    role_in = f"role IN ({placeholders(roles)})"
    for name in filters.parties:
        party_id = require_party_id(conn, name, addable=False)
        sub = "SELECT milestone_id FROM milestone_parties WHERE party_id = ?"
        params.append(party_id)
        if roles:
            sub += f" AND {role_in}"
            params.extend(roles)
        clauses.append(f"m.id IN ({sub})")
    if roles and not filters.parties:
        clauses.append(f"m.id IN (SELECT milestone_id FROM milestone_parties WHERE {role_in})")
        params.extend(roles)
    if filters.kinds:
        kinds = [check_kind(conn, k) for k in filters.kinds]
        clauses.append(f"m.kind IN ({placeholders(kinds)})")
        params.extend(kinds)
    for tag in filters.tags:
        tags = _known(conn, "tag", tag)
        clauses.append(
            f"m.id IN (SELECT milestone_id FROM milestone_tags WHERE tag IN ({placeholders(tags)}))"
        )
        params.extend(tags)
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
        status = check_status(filters.status)
        clauses.append("m.status = ?")
        params.append(status)
        if status != "undisputed":  # lets SQLite use the index of the few that are not
            clauses.append(f"m.{NOT_UNDISPUTED}")
    if filters.key:
        clauses.append(f"m.{KEY_ONLY}")
    if filters.source is not None:
        source = require_source(conn, filters.source)
        clauses.append("m.id IN (SELECT milestone_id FROM milestone_sources WHERE source_id = ?)")
        params.append(source.id)
    return " AND ".join(clauses), params


# Where the values in use are, each table indexed by the value first.
_IN_USE = {"role": ("milestone_parties", "role"), "tag": ("milestone_tags", "tag")}


def _in_use(conn: sqlite3.Connection, what: str) -> Iterator[str]:
    """The roles or tags milestones have, each once, by stepping through the index from one
    value to the next: a lookup per value in use, not a read of every link."""
    table, column = _IN_USE[what]
    step = f"SELECT min({column}) FROM {table} WHERE {column} > ?"
    value = conn.execute(step, ("",)).fetchone()[0]
    while value is not None:
        yield str(value)
        value = conn.execute(step, (value,)).fetchone()[0]


def _known(
    conn: sqlite3.Connection,
    what: str,
    value: str,
    usual: tuple[str, ...] = (),
    spellings: Mapping[str, str] = MappingProxyType({}),
) -> list[str]:
    """A role or tag as stored, in any accents or `spellings`: each one milestones have that
    it names ('garde a vue' is 'garde à vue', and both when both are stored; 'intervenor' is
    'intervener'), as names are matched. One no milestone uses (and not a usual one) is
    refused with the closest names, so a typo is not mistaken for 'no milestones match'."""
    cleaned = " ".join(value.split()).lower()
    cleaned = spellings.get(cleaned, cleaned)
    key = name_key(cleaned)
    in_use = list(_in_use(conn, what))
    same = [stored for stored in in_use if name_key(spellings.get(stored, stored)) == key]
    if same or cleaned in usual:
        return same or [cleaned]
    choices = [*usual, *in_use]
    raise CasetrackError(f"no milestone has the {what} {value!r}{did_you_mean(value, choices)}")


def described(filters: Filters) -> str | None:
    """The filters in words (Selected: involving Jane Doe; of kind ruling), so a report's
    reader knows it leaves facts out; None when nothing is filtered but the cases."""
    parts: list[str] = []
    if filters.status:
        parts.append(f"{filters.status.strip().lower()} facts")
    if filters.key:
        parts.append("key facts")
    if filters.parties:
        parts.append("involving " + " and ".join(filters.parties))
    if filters.role:
        parts.append(f"as {filters.role}")
    if filters.kinds:
        parts.append("of kind " + " or ".join(filters.kinds))
    if filters.tags:
        parts.append("tagged " + " and ".join(filters.tags))
    if filters.since:
        parts.append(f"from {display_date(filters.since)}")
    if filters.until:
        parts.append(f"until {display_date(filters.until)}")
    if filters.source:
        parts.append(f"citing {filters.source}")
    return "Selected: " + "; ".join(parts) if parts else None
