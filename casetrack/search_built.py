"""The full-text index of a large import's search rows, built in another process and copied
into the store, so that the importer only copies it (a fifth of the CPU of building it).

The worker process that reads an import file works out each milestone's search row before
the importer stores it (search_rows.search_texts). An IndexBuilder holds those rows in a
database of its own and builds the FTS5 index over them as the store would ('rebuild' over
the same rows under the same ids, in a table made by the store's own CREATE statements), so
its shadow tables are the ones the store's rebuild writes, byte for byte. put_index then
makes the store's FTS5 table anew and fills its shadow tables with them.

The builder's database is SQLite's unnamed temporary one: its file is removed as soon as it
is opened, so nothing is left behind however the worker ends.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from casetrack.search_rows import SEARCH_COLUMNS
from casetrack.sql import placeholders

FTS = "milestone_search_fts"
# The shadow tables holding the index (data: its segments and structure, idx: their keys,
# docsize: each row's token counts), their columns, and how many rows go in a part.
SHADOWS = (("data", 2, 512), ("idx", 3, 20_000), ("docsize", 2, 20_000))
_ADD = (
    f"INSERT INTO milestone_search (id, {', '.join(SEARCH_COLUMNS)})"
    f" VALUES ({placeholders(('id', *SEARCH_COLUMNS))})"
)
_REBUILD = f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')"
_ROWS = 1000  # search rows written at a time
_CACHE_KIB = 16 * 1024


class IndexPlan(NamedTuple):
    """What building the store's index elsewhere needs: the CREATE statements of the search
    rows' table and of their FTS5 table, the FTS5 table's settings (its config rows) and the
    id the first new milestone will get."""

    tables: tuple[str, str]
    config: list[tuple[object, ...]]
    first_id: int


def index_plan(conn: sqlite3.Connection, first_id: int) -> IndexPlan:
    """The store's IndexPlan, for new milestones from `first_id` on."""
    sql = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name IN ('milestone_search', ?)", (FTS,)
        ).fetchall()
    )
    config = conn.execute(f"SELECT k, v FROM {FTS}_config ORDER BY k").fetchall()
    return IndexPlan((sql["milestone_search"], sql[FTS]), config, first_id)


class IndexBuilder:
    """Search rows of new milestones, numbered from the plan's first id in the order added,
    and at the end their FTS5 index, in a temporary database."""

    def __init__(self, plan: IndexPlan) -> None:
        self.first_id = self.next_id = plan.first_id
        self.waiting: list[tuple[object, ...]] = []
        self.conn = sqlite3.connect("", isolation_level=None)  # removed as it is opened
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = {-_CACHE_KIB}"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("BEGIN")
        for sql in plan.tables:
            self.conn.execute(sql)
        config = self.conn.execute(f"SELECT k, v FROM {FTS}_config ORDER BY k").fetchall()
        # An index made under other settings (set by hand on the store) would not be the store's.
        self.usable = config == plan.config

    def add(self, search: tuple[object, ...]) -> None:
        """The search row (SEARCH_COLUMNS) of the next new milestone."""
        self.waiting.append(search)
        if len(self.waiting) >= _ROWS:
            self._write()

    def _write(self) -> None:
        first, rows, self.waiting = self.next_id, self.waiting, []
        self.next_id += len(rows)
        self.conn.executemany(_ADD, [(first + n, *s) for n, s in enumerate(rows)])

    def finish(self) -> None:
        """Build the index over every row added. Committed: FTS5 writes the last of it then."""
        self._write()
        self.conn.execute(_REBUILD)
        self.conn.execute("COMMIT")

    def holds(self, first_id: int, count: int) -> bool:
        """Whether the index is that of `count` milestones from `first_id` on."""
        return self.usable and (self.first_id, self.next_id - self.first_id) == (first_id, count)

    def parts(self) -> Iterator[tuple[str, list[tuple[object, ...]]]]:
        """The index's shadow tables, a part at a time: (table, rows)."""
        for table, _, size in SHADOWS:
            rows = self.conn.execute(f"SELECT * FROM {FTS}_{table}")
            while part := rows.fetchmany(size):
                yield table, part

    def close(self) -> None:
        self.conn.close()


def put_index(
    conn: sqlite3.Connection, parts: Iterable[tuple[str, list[tuple[object, ...]]]]
) -> None:
    """Make the store's FTS5 table anew, with the shadow tables `parts` (IndexBuilder.parts)
    of an index of exactly its search rows, inside the caller's write transaction.

    Made anew, not written under the table: FTS5 keeps what it read of its index in memory
    for as long as the connection lasts, and would not see it change under it. Should
    `parts` fail midway, a 'rebuild' of the new table still makes it whole.
    """
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (FTS,)).fetchone()
    conn.execute(f"DROP TABLE {FTS}")
    conn.execute(sql)
    conn.execute(f"DELETE FROM {FTS}_data")  # its empty index: the parts hold the whole one
    inserts = {t: f"INSERT INTO {FTS}_{t} VALUES ({', '.join('?' * n)})" for t, n, _ in SHADOWS}
    for table, rows in parts:
        conn.executemany(inserts[table], rows)
