"""Writing many milestones at once: add's checks, one transaction, batched inserts.

add_many checks every draft with casetrack.drafts.check and writes it through
casetrack.writer.MilestoneWriter, exactly as `casetrack add` does, but in batches inside ONE
write transaction with the history and search triggers set aside (bulk_mode.bulk_inserts): a
refused row leaves the store as it was. Drafts are consumed as an iterator, so memory stays
flat however many there are. Used by benchmarks/generate.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from casetrack.bulk_mode import bulk_inserts
from casetrack.drafts import Draft, check
from casetrack.errors import CasetrackError
from casetrack.store import Store
from casetrack.writer import MilestoneWriter, Row

BATCH = 5_000


@dataclass
class BulkReport:
    """What add_many wrote: milestone ids run from first_id to last_id."""

    milestones: int = 0
    first_id: int = 0
    last_id: int = 0
    new_parties: list[str] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)


def _batches(rows: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def add_many(store: Store, rows: Iterable[Draft], batch: int = BATCH) -> BulkReport:
    """Write every row, or none: a refused row raises CasetrackError naming its number."""
    report = BulkReport()
    with store.write() as conn, bulk_inserts(conn, store.change_id()):
        writer = MilestoneWriter(conn)
        report.first_id = writer.first_id
        number = 0
        for chunk in _batches(rows, batch):
            ready: list[Row] = []
            for row in chunk:
                number += 1
                try:
                    ready.append(writer.resolve(check(row)).row())
                except CasetrackError as err:
                    raise CasetrackError(
                        f"milestone {number} ({row.date} {row.title!r}): {err}"
                    ) from None
            writer.insert(ready)
        report.milestones = number
        report.last_id = writer.next_id - 1
        report.new_parties = writer.created.parties
        report.new_sources = writer.created.sources
    return report
