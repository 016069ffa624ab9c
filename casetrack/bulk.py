"""Writing many milestones at once: add_milestone's checks, one transaction, batched inserts.

add_milestone runs a dozen statements per milestone, so a million of them take many
minutes. add_many checks every row exactly as add_milestone does (date, title, status,
case, kind, parties, sources) through the same domain functions, but remembers the names
it has resolved and inserts milestones and their links with executemany, in batches, inside
ONE write transaction: a refused row leaves the store as it was. Rows are consumed as an
iterator, so memory stays flat however many there are.

Used by benchmarks/generate.py. It is generic on purpose: an importer that turns records
into NewMilestone rows can write through it too (lead: the import path may unify here).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from casetrack.cases import require_case_id
from casetrack.errors import CasetrackError
from casetrack.milestones import (
    Citation,
    PartySpec,
    check_kind,
    clean_tag,
    new_milestone_columns,
)
from casetrack.names import clean_text, name_key
from casetrack.parties import get_or_create_party
from casetrack.schema import bulk_inserts
from casetrack.sources import get_or_create_source
from casetrack.store import Store

BATCH = 5_000
_COLUMNS = (
    "id", "uid", "case_id", "date", "date_start", "date_end", "precision", "approximate",
    "uncertain", "sort_start", "sort_end", "sort_key", "position", "kind", "title", "location",
    "note", "status", "key", "created_at", "updated_at",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO milestones ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"
)


@dataclass
class NewMilestone:
    """One milestone to write, as a user would give it to `casetrack add`."""

    case: str
    date: str
    title: str
    kind: str = "other"
    parties: Sequence[PartySpec] = ()
    sources: Sequence[Citation] = ()
    location: str | None = None
    note: str | None = None
    tags: Sequence[str] = ()
    status: str = "undisputed"
    key: bool = False


@dataclass
class BulkReport:
    """What add_many wrote: milestone ids run from first_id to last_id."""

    milestones: int = 0
    first_id: int = 0
    last_id: int = 0
    new_parties: list[str] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)


class _Names:
    """Ids of cases, kinds, parties and sources already resolved in this transaction."""

    def __init__(self, conn: sqlite3.Connection, report: BulkReport) -> None:
        self.conn = conn
        self.report = report
        self.cases: dict[str, int] = {}
        self.kinds: dict[str, str] = {}
        self.parties: dict[str, int] = {}
        self.sources: dict[str, int] = {}

    def case(self, slug: str) -> int:
        if slug not in self.cases:
            self.cases[slug] = require_case_id(self.conn, slug)
        return self.cases[slug]

    def kind(self, kind: str) -> str:
        if kind not in self.kinds:
            self.kinds[kind] = check_kind(self.conn, kind)
        return self.kinds[kind]

    def party(self, name: str) -> int:
        key = name_key(name)
        if key not in self.parties:
            party_id, created = get_or_create_party(self.conn, name)
            if created:
                self.report.new_parties.append(clean_text(name))
            self.parties[key] = party_id
        return self.parties[key]

    def source(self, ref: str) -> int:
        cleaned = clean_text(ref)
        if cleaned not in self.sources:
            source_id, created = get_or_create_source(self.conn, cleaned)
            if created:
                self.report.new_sources.append(cleaned)
            self.sources[cleaned] = source_id
        return self.sources[cleaned]


def _batches(rows: Iterable[NewMilestone], size: int) -> Iterator[list[NewMilestone]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def add_many(store: Store, rows: Iterable[NewMilestone], batch: int = BATCH) -> BulkReport:
    """Write every row, or none: a refused row raises CasetrackError naming its number."""
    report = BulkReport()
    with store.write() as conn, bulk_inserts(conn, store.change_id()):
        names = _Names(conn, report)
        next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM milestones").fetchone()[0])
        report.first_id = next_id
        number = 0
        for chunk in _batches(rows, batch):
            milestones: list[tuple[object, ...]] = []
            parties: list[tuple[int, int, str]] = []
            sources: list[tuple[int, int, str | None, str | None, str | None]] = []
            tags: list[tuple[int, str]] = []
            for row in chunk:
                number += 1
                try:
                    _, columns = new_milestone_columns(
                        row.date, row.title, row.location, row.note, row.status, row.key
                    )
                    columns.update(
                        id=next_id,
                        case_id=names.case(row.case),
                        position=next_id,
                        kind=names.kind(row.kind),
                    )
                    milestones.append(tuple(columns[c] for c in _COLUMNS))
                    parties.extend(
                        (next_id, names.party(p.name), p.role or "") for p in row.parties
                    )
                    sources.extend(
                        (next_id, names.source(c.ref), c.quote, c.page, c.paragraph)
                        for c in row.sources
                    )
                    tags.extend((next_id, t) for t in map(clean_tag, row.tags) if t)
                except CasetrackError as err:
                    raise CasetrackError(
                        f"milestone {number} ({row.date} {row.title!r}): {err}"
                    ) from None
                next_id += 1
            conn.executemany(_INSERT, milestones)
            conn.executemany(
                "INSERT OR IGNORE INTO milestone_parties (milestone_id, party_id, role)"
                " VALUES (?, ?, ?)",
                parties,
            )
            conn.executemany(
                "INSERT OR REPLACE INTO milestone_sources"
                " (milestone_id, source_id, quote, page, paragraph) VALUES (?, ?, ?, ?, ?)",
                sources,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO milestone_tags (milestone_id, tag) VALUES (?, ?)", tags
            )
        report.milestones = number
        report.last_id = next_id - 1
    return report
