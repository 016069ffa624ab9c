"""Merging their export into the store by uid, three ways, against the export both sides last
shared (`casetrack import --base OLD_EXPORT THEIRS`; docs/guide/several-writers.md).

Each record of a merged type (milestone, case, party, source) is compared as the base, ours
(the store, as an export would say it) and theirs say it: changed or added only on their side,
theirs is imported; deleted only on their side, a milestone is moved to the trash; changed on
both sides in different ways, or changed on one and deleted on the other, is a conflict and ours
is kept. Whole records are compared, not fields: two people changing different fields of one
milestone is a conflict. Other records (kinds, rules, closures, documents) are imported as a
plain import would. The import and the deletions are one transaction, one change to undo.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casetrack.errors import CasetrackError
from casetrack.exchange.jsonfmt import Record
from casetrack.sql import placeholders

if TYPE_CHECKING:
    from casetrack.exchange.importer import ImportReport
    from casetrack.store import Store

MERGED = ("case", "party", "source", "milestone")
# What a milestone says: the fields an import writes (start, end, precision... follow the date).
SAID = ("case", "date", "kind", "title", "location", "note", "status", "key", "tags", "parties",
        "sources")  # fmt: skip
CHANGED_ON_BOTH_SIDES = "changed on both sides"
CHANGED_DELETED = "changed by us, deleted by them"
DELETED_CHANGED = "deleted by us, changed by them"


def said(kind: str, record: dict[str, Any]) -> str:
    """What a record says, to compare: a milestone's SAID fields, any other record whole."""
    if kind == "milestone":
        return json.dumps([record.get(f) for f in SAID], sort_keys=True)
    return json.dumps(record, sort_keys=True)


@dataclass
class Export:
    """An export's records in order, and those of the merged types by (type, uid)."""

    name: str
    records: list[Record]
    by_uid: dict[tuple[str, str], dict[str, Any]]

    def said(self, key: tuple[str, str]) -> str | None:
        """What this side says of a record (see `said`); None where it has none."""
        record = self.by_uid.get(key)
        return None if record is None else said(key[0], record)


def read_export(records: Iterable[Record], name: str) -> Export:
    """An export read by jsonfmt's readers; its first bad record refuses it."""
    kept: list[Record] = []
    by_uid: dict[tuple[str, str], dict[str, Any]] = {}
    for line, kind, record in records:
        if kind == "error":
            raise CasetrackError(f"{name}:{line}: {record}")
        if kind == "warning":
            continue
        kept.append((line, kind, record))
        if kind in MERGED:
            uid = record.get("uid") if isinstance(record, dict) else None
            if not isinstance(uid, str) or not uid:
                raise CasetrackError(
                    f"{name}:{line}: a {kind} without a uid: a merge needs a casetrack export"
                    " (casetrack export -o FILE.jsonl), whose every record has one"
                )
            by_uid[kind, uid] = record
    return Export(name, kept, by_uid)


def store_export(store: Store) -> Export:
    """Ours: the whole store as `casetrack export` would write it (the trash left out)."""
    from casetrack.exchange.jsonfmt import records
    from casetrack.exchange.selection import Selection
    from casetrack.selection import Filters

    return read_export(
        ((n, kind, record) for n, (kind, record) in enumerate(records(
            Selection(store.conn, Filters())))),
        "the store",
    )  # fmt: skip


@dataclass
class Plan:
    """The three-way outcome, record by record (type, uid)."""

    take: list[tuple[str, str]] = field(default_factory=list)  # theirs changed or added it
    trash: list[str] = field(default_factory=list)  # milestones theirs deleted, ours kept as is
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # type, uid, why
    same: int = 0  # both sides made the same change

    def taken(self, kind: str) -> list[str]:
        """The uids of one kind of record taken from theirs, for the merge's summary."""
        return [uid for k, uid in self.take if k == kind]


def three_way(base: Export, ours: Export, theirs: Export) -> Plan:
    """What to take from theirs, what to trash, and the conflicts: in the base's order (the
    timeline's, as exported), then what either side added."""
    plan = Plan()
    keys = dict.fromkeys([*base.by_uid, *ours.by_uid, *theirs.by_uid])
    for key in keys:
        b, o, t = base.said(key), ours.said(key), theirs.said(key)
        if t in (b, o):
            plan.same += t == o and t != b
            continue  # theirs did nothing, or the same as ours
        if o != b:
            why = (
                DELETED_CHANGED
                if o is None
                else (CHANGED_DELETED if t is None else CHANGED_ON_BOTH_SIDES)
            )
            plan.conflicts.append((*key, why))
        elif t is None:
            if key[0] == "milestone":  # cases, parties and sources are not deleted by a merge
                plan.trash.append(key[1])
        else:
            plan.take.append(key)
    return plan


@dataclass
class MergeReport:
    plan: Plan
    imported: ImportReport
    trashed: int
    conflicts: list[str] = field(default_factory=list)  # a line each, see conflict_lines


def apply_plan(store: Store, theirs: Export, plan: Plan, *, dry_run: bool = False) -> MergeReport:
    """One import of theirs' records the plan takes (with every record of a type not merged)
    and, in its transaction, their deletions moved to the trash."""
    from casetrack.exchange.importer import import_records

    take = set(plan.take)
    records = [
        (line, kind, record)
        for line, kind, record in theirs.records
        if kind not in MERGED or (kind, record["uid"]) in take
    ]
    trashed: list[int] = []

    def trash() -> None:
        from casetrack.milestones import remove_milestones

        marks = placeholders(plan.trash)
        ids = [row[0] for row in store.conn.execute(
            f"SELECT id FROM milestones WHERE uid IN ({marks}) AND deleted_at IS NULL",
            plan.trash)]  # fmt: skip
        if ids:
            trashed.extend(remove_milestones(store, ids))

    report = import_records(
        store, records, theirs.name, dry_run=dry_run, overwrite=True, then=trash
    )
    return MergeReport(plan, report, len(trashed))


def merge(store: Store, base: Export, theirs: Export, *, dry_run: bool = False) -> MergeReport:
    """Merge theirs into the store, three ways against base (see the module's docstring)."""
    ours = store_export(store)
    plan = three_way(base, ours, theirs)
    lines = conflict_lines(store, plan, ours, theirs)
    report = apply_plan(store, theirs, plan, dry_run=dry_run)
    report.conflicts = lines
    return report


def conflict_lines(store: Store, plan: Plan, ours: Export, theirs: Export) -> list[str]:
    """A line per conflict naming the record: a milestone by its id here (or its uid) and
    title, a case by slug, a party by name, a source by URL."""
    lines = []
    for kind, uid, why in plan.conflicts:
        record = ours.by_uid.get((kind, uid)) or theirs.by_uid[kind, uid]
        name = record.get({"case": "slug", "party": "name", "source": "url"}.get(kind, "title"))
        if kind == "milestone":
            row = store.conn.execute("SELECT id FROM milestones WHERE uid = ?", (uid,)).fetchone()
            label = f"milestone {row[0] if row else uid} {name!r}"
        else:
            label = f"{kind} {name!r}"
        lines.append(f"conflict: {label}: {why}: ours kept")
    return lines
