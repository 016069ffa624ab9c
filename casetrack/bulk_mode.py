"""Bulk-insert mode: many inserts inside one write transaction at set speed, with the
history and search triggers set aside and put back, and the history of the new rows kept
as one span per table."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from casetrack.cases import refresh_figures
from casetrack.history_sql import TRACKED_TABLES, span_digest
from casetrack.search_index import (
    SEARCH_TRIGGERS,
    drop_triggers,
    rebuild_search,
    refresh_search,
)
from casetrack.search_rows import SEARCH_COLUMNS
from casetrack.sql import placeholders
from casetrack.tables import LINK_TABLES

# Tables that grow by millions of rows; their secondary indexes only speed up reads.
_BULK_TABLES = ("milestones", *LINK_TABLES)
SORT_KIB = 16 * 1024
BULK_CACHE_KIB = 64 * 1024  # the page cache of an import and of undoing one (page_cache)
_FILL_SEARCH = (
    f"INSERT INTO milestone_search (id, {', '.join(SEARCH_COLUMNS)})"
    f" VALUES ({placeholders(('id', *SEARCH_COLUMNS))})"
)


class BulkInserts:
    """What a block inside bulk_inserts may ask for besides plain inserts."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.dropped: list[str] = []  # CREATE INDEX statements to run at the end
        self.set_aside: list[str] = []  # CREATE TRIGGER statements to run at the end
        self.rebuilding = False  # most rows are new: indexes are built once, at the end
        self.search_filled: int | None = None  # search rows given by fill_search, if any
        self.search_whole = True  # whether those rows still say what the store will hold
        # Puts in the store a full-text index of that many of those rows built elsewhere;
        # False if it has none (the index is then built here).
        self.built_index: Callable[[int], bool] | None = None
        # Spans' digests worked out as their rows were made (history_sql.SpanHasher), by
        # table: (first rowid, last rowid, digest), for rows nothing changed since.
        self.given_digests: dict[str, tuple[int, int, str]] = {}

    def drop_read_indexes(self) -> None:
        """Until the block ends, go without the read indexes of the milestone and link tables
        and without the triggers that keep search rows in step (they look links up by party
        and by source); every search row and the FTS5 index are rebuilt at the end.

        New rows land all over these indexes; once they outgrow the page cache every insert
        reads and writes pages at random. Building an index anew is one sort: importing a
        million milestones took 145 s this way instead of 170 s. Worth it only when the block
        adds at least as many milestones as the store held, as refreshing every search row
        then costs at most twice the new ones.
        """
        if self.rebuilding:
            return
        self.rebuilding = True
        self.dropped = drop_read_indexes(self.conn)
        self.set_aside = drop_triggers(self.conn, SEARCH_TRIGGERS)

    def fill_search(self, rows: Sequence[tuple[object, ...]]) -> None:
        """Write search rows (id, *SEARCH_COLUMNS) of new milestones as worked out before
        they were stored (search_rows.search_texts), for a block into a store that held no
        milestone, with the triggers that index them set aside: at its end only the FTS5
        index is built from them (or copied, see `built_index`), if they are every
        milestone's and `search_whole` still holds; else every row is worked out again
        (rebuild_search)."""
        if self.search_filled is None:
            self.search_filled = 0
            self.set_aside += drop_triggers(
                self.conn,
                "SELECT name, sql FROM sqlite_master"
                " WHERE type = 'trigger' AND tbl_name = 'milestone_search'",
            )
        self.search_filled += len(rows)
        self.conn.executemany(_FILL_SEARCH, rows)

    def _finish_search(self, filled: int) -> None:
        """Build the FTS5 index from the `filled` rows fill_search wrote (or take the one
        built elsewhere) if they are every milestone's and still right; else work every row
        out again."""
        whole = (
            self.search_whole
            and self.conn.execute(
                "SELECT (SELECT count(*) FROM milestones) = ? AND"
                " (SELECT count(*) FROM milestone_search) = ?",
                (filled, filled),
            ).fetchone()[0]
        )
        if not whole:
            rebuild_search(self.conn)
            return
        if self.built_index is not None and self.built_index(filled):
            return
        self.conn.execute(
            "INSERT INTO milestone_search_fts (milestone_search_fts) VALUES ('rebuild')"
        )

    def _digest(self, table: str, first: int, last: int) -> str:
        """The span's digest: the one given, if given for just these rows (every rowid from
        first to last is held), else span_digest."""
        given = self.given_digests.get(table)
        if given is not None and given[:2] == (first, last):
            (held,) = self.conn.execute(
                f"SELECT count(*) FROM {table} WHERE rowid BETWEEN ? AND ?", (first, last)
            ).fetchone()
            if held == last - first + 1:
                return given[2]
        return span_digest(self.conn, table, first, last)

    def _restore_indexes(self) -> None:
        build_indexes(self.conn, self.dropped)
        self.dropped = []


def drop_read_indexes(conn: Any, *, keep_foreign_keys: bool = False) -> list[str]:
    """Drop the read indexes of the milestone and link tables (not those that keep values
    unique); returns the SQL that builds them again (build_indexes).

    With keep_foreign_keys, one index stays for each foreign key column leading one: SQLite
    reads it to find the rows pointing at a parent row that is deleted (a party's links),
    which would otherwise be a scan of the table per row deleted.
    """
    marks = placeholders(_BULK_TABLES)
    indexes = conn.execute(
        "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND upper(sql) NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks}) ORDER BY name",
        _BULK_TABLES,
    ).fetchall()
    kept: set[tuple[str, str]] = set()
    dropped = []
    for name, sql, table in indexes:
        if keep_foreign_keys:
            lead = conn.execute(f'PRAGMA index_info("{name}")').fetchone()[2]
            keys = {r[3] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
            if lead in keys and (table, lead) not in kept:
                kept.add((table, lead))
                continue
        conn.execute(f'DROP INDEX "{name}"')
        dropped.append(sql)
    return dropped


def build_indexes(conn: Any, statements: list[str]) -> None:
    """Build indexes drop_read_indexes dropped, each sort held to SORT_KIB of memory (SQLite
    gives a sort as much as the page cache, which a bulk write may have made large)."""
    if not statements:
        return
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-SORT_KIB}")
    for sql in statements:
        conn.execute(sql)
    conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


@contextmanager
def read_indexes_set_aside(conn: Any, set_aside: bool = True) -> Iterator[None]:
    """Run a block inside a write transaction without the milestone and link tables' read
    indexes (but those foreign keys need), building them once at its end: for a block that
    deletes more of those rows than the store keeps. With set_aside=False, just run it."""
    dropped = drop_read_indexes(conn, keep_foreign_keys=True) if set_aside else []
    yield
    build_indexes(conn, dropped)


def _new_rows(table: str, columns: str, condition: str = "true") -> str:
    """SQL selecting `columns` of the rows of `table` new in a bulk block: those above its mark."""
    return f"SELECT {columns} FROM {table} WHERE rowid > :{table} AND {condition}"


@contextmanager
def bulk_inserts(conn: Any, change_id: int | None = None) -> Iterator[BulkInserts]:
    """Inside a write transaction: many inserts at set speed instead of trigger speed.

    The per-row insert triggers of the history, of the search index and of the cases'
    figures are dropped while the block runs; at its end each table's new rows get one
    history row, a span with a digest of their final values (a million milestones' rows as
    JSON were half the store and a sixth of the import's time), already in change
    `change_id` when given; one statement refreshes the search rows of every milestone the
    new rows touch, another the figures of their cases, and the triggers are put back, as
    are any indexes the block dropped. Update and delete triggers keep running (unless the
    block calls drop_read_indexes). If the block fails, the transaction's rollback restores
    triggers and indexes with everything else.

    A new row is one above its table's largest rowid when the block began. A block that
    deletes rows must give the rows it adds rowids above that itself (as the importer does):
    SQLite's own choice, the largest rowid plus one, would take back the rowid of a deleted
    newest row, or fill an older gap, and such a row would go unrecorded.
    """
    marks = {
        table: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        for table in (*TRACKED_TABLES, "history")
    }
    suspended = drop_triggers(
        conn,
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name GLOB"
        " 'history_*_insert' OR (name GLOB '*_search_ai' AND tbl_name != 'milestone_search')"
        " OR name = 'case_figures_milestones_ai')",
    )
    block = BulkInserts(conn)
    yield block
    block._restore_indexes()
    # Each new milestone's case gets its figures worked out once, not updated per row (its
    # trigger's three statements were a tenth of a large import's time).
    refresh_figures(conn, "c.id IN (SELECT case_id FROM milestones WHERE rowid > ?)",
                    (marks["milestones"],))  # fmt: skip
    if block.search_filled is not None:
        block._finish_search(block.search_filled)
    elif block.rebuilding:
        rebuild_search(conn)
    else:
        # New milestones are one id range; new link and alias rows add the older milestones
        # they touch. (Two statements: SQLite would keep `id > ? OR id IN (...)` in memory.)
        refresh_search(conn, "id > :milestones", marks)
        touched = " UNION ".join(
            [
                *(_new_rows(link, "milestone_id", "+milestone_id <= :milestones")
                  for link in ("milestone_tags", "milestone_parties", "milestone_sources")),
                "SELECT milestone_id FROM milestone_parties WHERE party_id IN"
                f" ({_new_rows('party_aliases', 'party_id')}) AND milestone_id <= :milestones",
            ]
        )  # fmt: skip
        refresh_search(conn, f"id IN ({touched})", marks)
    for table in TRACKED_TABLES:
        # New rows' history is their span; their updates and deletes in the block add nothing.
        # (`+` keeps SQLite on the block's rows.)
        conn.execute(
            "DELETE FROM history WHERE change_id IS NULL AND id > ? AND +table_name = ?"
            " AND row_id > ?",
            (marks["history"], table, marks[table]),
        )
        # The new rows are one span: a row of history for them all.
        first, last = conn.execute(
            f"SELECT min(rowid), max(rowid) FROM {table} WHERE rowid > ?", (marks[table],)
        ).fetchone()
        if first is not None:
            conn.execute(
                "INSERT INTO history (change_id, action, table_name, row_id, last_row_id, digest)"
                " VALUES (?, 'insert', ?, ?, ?, ?)",
                (change_id, table, first, last, block._digest(table, first, last)),
            )
    for sql in [*suspended, *block.set_aside]:
        conn.execute(sql)


@contextmanager
def page_cache(conn: Any, kib: int) -> Iterator[None]:
    """Run a block with a page cache of `kib` KiB, then the cache size it had: rows written or
    deleted all over an index keep its pages in memory instead of writing them out and
    reading them back again and again."""
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
