"""What an export covers: the milestones the shared filters select, and the records they use.

Every writer reads through a Selection, so all formats export the same milestones, and
large stores are read in chunks instead of all at once.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from casetrack.milestones import milestone_batches
from casetrack.models import Case, Milestone, Party, Source
from casetrack.selection import Filters, where_clause
from casetrack.sql import placeholders
from casetrack.text import plural
from casetrack.timeline import ORDER_BY

CHUNK = 500
_TABLES = itertools.count(1)  # names the temporary tables of selected ids apart


@dataclass
class Chunk:
    """Some milestones in timeline order, with what exports need beside them."""

    milestones: list[Milestone]
    # When each was last changed, for the formats that say it (Selection.chunks(updated=True)).
    updated: dict[int, str] = field(default_factory=dict)
    # Deadline links by milestone id: trigger uid, rule, service, working, done.
    deadlines: dict[int, dict[str, Any]] = field(default_factory=dict)


class Selection:
    """The cases, parties, sources and milestones one export writes."""

    def __init__(
        self, conn: sqlite3.Connection, filters: Filters, layout: str = "auto", excel: bool = False
    ) -> None:
        self.conn = conn
        self.filters = filters
        # How pictures (svg, html) are laid out: auto, horizontal or vertical.
        self.layout = layout
        # CSV for Excel: starts with a byte order mark.
        self.excel = excel
        self.where, self.params = where_clause(conn, filters)
        # With no filter at all the export is the whole store, unlinked records included.
        self.whole_store = filters == Filters()
        # Why a writer left milestones out -> how many: the export says so on stderr.
        self.left_out: dict[str, int] = {}
        # What a writer could not do as asked (a PDF without its font): said on stderr.
        self.warnings: list[str] = []
        # Deadlines written without their trigger, as it is not in the export.
        self.unlinked_deadlines = 0
        self._cases: list[Case] | None = None
        self._table: str | None = None
        self._began = False

    def leave_out(self, count: int, why: str) -> None:
        """Record milestones a format cannot hold, so they are never dropped silently."""
        self.left_out[why] = self.left_out.get(why, 0) + count

    def warn(self, text: str) -> None:
        """Keep a warning for the command to print after the export is written."""
        self.warnings.append(f"warning: {text}")

    def omissions(self) -> list[str]:
        """One line per reason milestones were left out of the export, then the warnings."""
        return [
            f"left out {plural(n, 'milestone')} {why}: use --format json for all"
            for why, n in self.left_out.items()
        ] + self.warnings

    def chosen(self) -> tuple[str, list[Any]]:
        """The condition on milestones `m` that the selected ones meet, with its parameters.

        An export reads its selection up to seven times (cases, parties, sources, documents,
        rules, triggers, milestones). Filters no index serves (--since alone) read the whole
        milestones table each time: 3.75x the plain script at a million milestones. So the
        filters run once, into a temporary table of the selected ids that the other reads
        look up; the whole store needs none.
        """
        if self.whole_store:
            return self.where, self.params
        return f"m.id IN (SELECT id FROM {self._selected()})", []

    def _selected(self) -> str:
        """The temporary table of the selected ids (chosen()), filled on first use."""
        if self._table is None:
            table = f"temp.casetrack_selected_{next(_TABLES)}"
            self.conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
            self.conn.execute(
                f"INSERT INTO {table} SELECT m.id FROM milestones m WHERE {self.where}",
                self.params,
            )
            self._table = table
        return self._table

    def __enter__(self) -> Selection:
        """Read in one transaction: every read sees the same store, so a milestone another
        command adds or trashes meanwhile is in all of an export's records or in none."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            self._began = True
        return self

    def __exit__(self, *_: object) -> None:
        """Drop the selected ids (chosen()) and end the reading: the connection may go on
        to other work."""
        if self._table is not None:
            self.conn.execute(f"DROP TABLE {self._table}")
            self._table = None
        if self._began:
            self.conn.execute("COMMIT")
            self._began = False

    def empty(self) -> bool:
        """Whether the filters select no milestone: an export of none is written (a script
        may want the empty file) but said, so an empty chronology is not filed unawares."""
        where, params = self.chosen()
        sql = f"SELECT 1 FROM milestones m WHERE {where} LIMIT 1"
        return self.conn.execute(sql, params).fetchone() is None

    def cases(self) -> list[Case]:
        """The named cases, else those with a selected milestone (all cases for the whole
        store); read once, as the JSON formats ask twice (closures() for their courts)."""
        if self._cases is None:
            self._cases = self._read_cases()
        return self._cases

    def _read_cases(self) -> list[Case]:
        select = "SELECT id, uid, slug, title, jurisdiction, court, docket, status, summary"
        if self.filters.cases:
            slugs = [s.strip() for s in self.filters.cases]
            sql = f"{select} FROM cases WHERE slug IN ({placeholders(slugs)}) ORDER BY slug"
            return [Case(*r) for r in self.conn.execute(sql, slugs)]
        if self.whole_store:
            return [Case(*r) for r in self.conn.execute(f"{select} FROM cases ORDER BY slug")]
        where, params = self.chosen()
        sql = (
            f"{select} FROM cases WHERE id IN"
            f" (SELECT m.case_id FROM milestones m WHERE {where}) ORDER BY slug"
        )
        return [Case(*r) for r in self.conn.execute(sql, params)]

    def custom_kinds(self) -> list[str]:
        """Kinds the user added: an import needs them before the milestones that use them."""
        return [
            r[0]
            for r in self.conn.execute("SELECT name FROM kinds WHERE builtin = 0 ORDER BY name")
        ]

    def _linked(
        self, columns: str, table: str, link_table: str, link_column: str, order: str
    ) -> Iterator[list[Any]]:
        """Rows of a table, in chunks: all of them for the whole store, else those the
        selected milestones link to."""
        sql = f"SELECT {columns} FROM {table}"
        if not self.whole_store:
            # CROSS JOIN keeps the selected ids as the outer loop: their links are one index
            # lookup each. Left to itself, SQLite read every link.
            sql += (
                f" WHERE id IN (SELECT l.{link_column} FROM {self._selected()} selected"
                f" CROSS JOIN {link_table} l ON l.milestone_id = selected.id)"
            )
        cursor = self.conn.execute(f"{sql} ORDER BY {order}")
        while rows := cursor.fetchmany(CHUNK):
            yield rows

    def parties(self) -> Iterator[Party]:
        """Parties in name order, with their aliases in the order they were given."""
        for rows in self._linked(
            "id, uid, name, kind", "parties", "milestone_parties", "party_id", "name_key"
        ):
            ids = [r[0] for r in rows]
            aliases: dict[int, list[str]] = {}
            for party_id, alias in self.conn.execute(
                f"SELECT party_id, alias FROM party_aliases WHERE party_id IN ({placeholders(ids)})"
                " ORDER BY id",
                ids,
            ):
                aliases.setdefault(party_id, []).append(alias)
            for r in rows:
                yield Party(r[0], r[1], r[2], r[3], aliases.get(r[0], []))

    def sources(self) -> Iterator[Source]:
        """Sources in URL order."""
        for rows in self._linked(
            "id, uid, url, title, publisher, published", "sources", "milestone_sources",
            "source_id", "url",
        ):  # fmt: skip
            yield from (Source(*r) for r in rows)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Documents as exchange records (casetrack.documents.document_record): all of them
        for the whole store, else those the selected milestones cite."""
        from casetrack.documents import document_records

        ids: list[int] | None = None
        if not self.whole_store:
            ids = [
                r[0]
                for r in self.conn.execute(
                    f"SELECT DISTINCT s.document_id FROM {self._selected()} selected CROSS JOIN"
                    " milestone_sources l ON l.milestone_id = selected.id JOIN sources s"
                    " ON s.id = l.source_id WHERE s.document_id IS NOT NULL"
                )
            ]
        yield from document_records(self.conn, ids)

    def chunks(self, case_id: int | None = None, *, updated: bool = False) -> Iterator[Chunk]:
        """The selected milestones in timeline order, a chunk at a time; or one case's. Their
        rows come with the ordered query itself (reading ids first, then each chunk's rows by
        id, cost an index lookup a milestone more)."""
        where, params = self.chosen()
        if case_id is not None:
            where += " AND m.case_id = ?"
            params = [*params, case_id]
        for milestones in milestone_batches(self.conn, where, params, ORDER_BY):
            ids = [m.id for m in milestones]
            yield Chunk(
                milestones,
                updated=self._pairs("id, updated_at", "milestones", ids) if updated else {},
                deadlines=self._deadlines(ids),
            )

    def _deadlines(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Deadline links; a trigger left out of the export (by the filters, in the trash, or
        in another case) is left out of its link too, so the file says what an import makes
        of it: a deadline with its rule and working and no trigger, as one whose trigger was
        erased. The import of the file into a store that has the trigger keeps the link."""
        where, params = self.chosen()
        sql = (
            "SELECT d.milestone_id, d.trigger_id, t.uid, d.rule, d.service, d.working,"
            " d.done_at, EXISTS (SELECT 1 FROM milestones m WHERE m.id = d.trigger_id"
            f" AND {where}) FROM deadlines d LEFT JOIN milestones t ON t.id = d.trigger_id"
            f" WHERE d.milestone_id IN ({placeholders(ids)})"
        )
        links = {}
        for (
            milestone_id,
            trigger_id,
            uid,
            rule,
            service,
            working,
            done_at,
            exported,
        ) in self.conn.execute(sql, [*params, *ids]):
            if trigger_id is not None and not exported:
                self.unlinked_deadlines += 1
            links[milestone_id] = {
                "trigger": uid if exported else None, "rule": rule, "service": service,
                "working": working, "done_at": done_at,
            }  # fmt: skip
        return links

    def rules(self) -> list[dict[str, Any]]:
        """The users' rules: all for the whole store, else those selected deadlines use."""
        from casetrack.deadlines.rules import stored_rules

        rules = [r.to_dict() for r in stored_rules(self.conn)]
        if self.whole_store:
            return rules
        where, params = self.chosen()
        used = {r[0] for r in self.conn.execute(
            "SELECT rule FROM deadlines WHERE milestone_id IN"
            f" (SELECT m.id FROM milestones m WHERE {where})", params)}  # fmt: skip
        return [r for r in rules if r["id"] in used]

    def closures(self) -> list[dict[str, Any]]:
        """Court closures: all for the whole store, else those of the exported cases' courts."""
        from casetrack.text import name_key

        courts = None if self.whole_store else {name_key(c.court or "") for c in self.cases()}
        return [
            {"court": court, "date": day, "reason": reason}
            for court, key, day, reason in self.conn.execute(
                "SELECT court, court_key, day, reason FROM closures ORDER BY day, court_key"
            )
            if courts is None or key in courts
        ]

    def revisions(self, ids: Collection[int]) -> dict[int, int]:
        """How many times each milestone was changed since it was added (edits, undos,
        restores), from the history: a number that only grows, as iCalendar's SEQUENCE."""
        if not ids:
            return {}
        values = list(ids)
        sql = (
            "SELECT row_id, count(*) FROM history WHERE table_name = 'milestones'"
            f" AND action = 'update' AND row_id IN ({placeholders(values)}) GROUP BY row_id"
        )
        return dict(self.conn.execute(sql, values).fetchall())

    def _pairs(self, columns: str, table: str, ids: Collection[int]) -> dict[int, str]:
        if not ids:
            return {}
        values = list(ids)
        sql = f"SELECT {columns} FROM {table} WHERE id IN ({placeholders(values)})"
        return dict(self.conn.execute(sql, values).fetchall())

    def milestones(self, case_id: int | None = None) -> Iterator[Milestone]:
        """The milestones selected (of one case), read a chunk at a time."""
        for chunk in self.chunks(case_id):
            yield from chunk.milestones
