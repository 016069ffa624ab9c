"""Copies of the rows an undo removes in bulk.

Undoing a span of history (rows added in bulk: an import) used to remove its rows one
history row each, the delete triggers copying every row as JSON: the store grew by half an
import. Instead the rows go with their table's delete trigger set aside, and one history
row, a span with action 'delete', records the removal; the rows themselves are kept in
`history_rows` (schema m019), zlib-compressed, a part per PART_TEXT characters of lines
"rowid TAB row as JSON", so that undoing that undo can put them back exactly, `history` can
show them, and `purge` can erase rows from them for good.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from casetrack.history_sql import span_texts, table_columns, with_derived
from casetrack.row_words import rows_said
from casetrack.search_index import drop_triggers
from casetrack.sql import placeholders

if TYPE_CHECKING:  # `check` reads copies without a pool (and without importing one)
    from concurrent.futures import Executor, Future

PART_TEXT = 4 << 20  # characters of lines per compressed part: memory stays bounded
LEVEL = 6  # zlib's own default: a fifth of the JSON's size


@contextmanager
def unrecorded(
    conn: sqlite3.Connection, table: str, action: str, first: int, last: int
) -> Iterator[None]:
    """Inside a write transaction: `action`s on the rows of `table` from rowid first to last
    write no history row each (their history trigger is set aside, and put back after; a
    rollback puts it back too). Milestones' cases get their figures worked out once at the
    end instead of per row, as bulk_mode does for an import."""
    import json

    from casetrack.cases import refresh_figures

    names = [f"history_{table}_{action}"]
    cases: set[int] = set()
    of_rows = f"SELECT DISTINCT case_id FROM {table} WHERE rowid BETWEEN ? AND ?"
    if table == "milestones":
        names.append(f"case_figures_milestones_{'ai' if action == 'insert' else 'ad'}")
        cases.update(r[0] for r in conn.execute(of_rows, (first, last)))
    marks = placeholders(names)
    triggers = drop_triggers(
        conn,
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        names,
    )
    yield
    if table == "milestones":
        cases.update(r[0] for r in conn.execute(of_rows, (first, last)))
        refresh_figures(
            conn, "c.id IN (SELECT value FROM json_each(?))", (json.dumps(list(cases)),)
        )
    for sql in triggers:
        conn.execute(sql)


class _Parts:
    """Writes a copy's lines into history_rows, compressed, a part per PART_TEXT.

    zlib lets go of the GIL: each chunk of lines is compressed in `pool`'s thread while the
    caller goes on (deleting the rows it copied, in SQLite), one chunk in flight at a time."""

    def __init__(self, conn: sqlite3.Connection, history_id: int, pool: Executor) -> None:
        self.conn = conn
        self.history_id = history_id
        self.pool = pool
        self.zip: Any = None
        self.first = 0
        self.size = 0
        self.chunks: list[bytes] = []
        self.pending: Future[bytes] | None = None

    def _compress(self, data: bytes) -> None:
        """Compress `data` after the chunk in flight, in the pool's thread."""
        self._settle()
        self.pending = self.pool.submit(self.zip.compress, data)

    def _settle(self) -> None:
        """Wait for the chunk in flight, if any, and keep it."""
        if self.pending is not None:
            self.chunks.append(self.pending.result())
            self.pending = None

    def add(self, lines: str) -> None:
        import zlib

        if self.zip is None:
            self.zip = zlib.compressobj(LEVEL)
            self.first, self.size, self.chunks = int(lines.partition("\t")[0]), 0, []
        data = lines.encode()
        self._compress(data)
        self.size += len(data)
        if self.size >= PART_TEXT:
            self.close()

    def close(self) -> None:
        if self.zip is None:
            return
        self._settle()
        self.chunks.append(self.zip.flush())
        self.conn.execute(
            "INSERT INTO history_rows (history_id, first_row, data) VALUES (?, ?, ?)",
            (self.history_id, self.first, b"".join(self.chunks)),
        )
        self.zip = None


def remove_copied(conn: sqlite3.Connection, table: str, first: int, last: int) -> tuple[int, str]:
    """Remove the rows of `table` with rowids from first to last, recording their removal as
    a history row (a 'delete' span, in no change yet) with their copy. Returns how many
    went and the digest of what they were (history_sql.span_digest's), for the caller to
    compare with the span's: if they differ it must roll back.

    Each chunk of rows goes as soon as it is copied, so the copy's parts take the pages the
    rows freed (the store does not grow by the copy's size) and memory stays bounded.
    """
    import hashlib

    history_id = conn.execute(
        "INSERT INTO history (action, table_name, row_id, last_row_id) VALUES ('delete', ?, ?, ?)",
        (table, first, last),
    ).lastrowid
    assert history_id is not None
    digest = hashlib.blake2b(digest_size=16)
    removed, low = 0, first
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool, unrecorded(conn, table, "delete", first, last):
        parts = _Parts(conn, history_id, pool)
        for text, lines, high in span_texts(conn, table, first, last, copy=True):
            digest.update(text.encode())
            parts.add(lines or "")
            removed += conn.execute(
                f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?", (low, high)
            ).rowcount
            low = high + 1
        parts.close()
    found = digest.hexdigest()
    conn.execute("UPDATE history SET digest = ? WHERE id = ?", (found, history_id))
    return removed, found


def _parts(conn: sqlite3.Connection, history_id: int) -> Iterator[tuple[int, str]]:
    """A copy's parts (first rowid, lines), one read at a time."""
    import zlib

    low = -(2**63)
    while row := conn.execute(
        "SELECT first_row, data FROM history_rows WHERE history_id = ? AND first_row > ?"
        " ORDER BY first_row LIMIT 1",
        (history_id, low),
    ).fetchone():
        low = row[0]
        yield row[0], zlib.decompress(row[1]).decode()


def _rows(lines: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(rowid, values) of each line. Lines end at '\\n' alone: JSON escapes it in strings, not
    the other line breaks str.splitlines knows."""
    import json

    for line in lines.split("\n"):
        if line:
            rowid, _, values = line.partition("\t")
            yield int(rowid), json.loads(values)


def copied_row(conn: sqlite3.Connection, history_id: int, rowid: int) -> dict[str, Any] | None:
    """The values a copy holds for one row, if it holds it."""
    import zlib

    part = conn.execute(
        "SELECT data FROM history_rows WHERE history_id = ? AND first_row <= ?"
        " ORDER BY first_row DESC LIMIT 1",
        (history_id, rowid),
    ).fetchone()
    if part is None:
        return None
    lines = zlib.decompress(part[0]).decode()
    return next((values for found, values in _rows(lines) if found == rowid), None)


def copied_rows(
    conn: sqlite3.Connection,
    table: str,
    match: Callable[[int, dict[str, Any]], bool],
    hint: Callable[[str], bool],
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows (rowid, values) of `table` that `match` picks in every copy, reading only the
    lines whose text `hint` accepts (a quick test on the JSON before it is decoded)."""
    for (history_id,) in conn.execute(
        "SELECT id FROM history WHERE table_name = ? AND action = 'delete'"
        " AND last_row_id IS NOT NULL ORDER BY id",
        (table,),
    ).fetchall():
        for _, lines in _parts(conn, history_id):
            picked = "\n".join(line for line in lines.split("\n") if line and hint(line))
            yield from ((r, v) for r, v in _rows(picked) if match(r, v))


def put_back(conn: sqlite3.Connection, history_id: int, table: str, first: int, last: int) -> int:
    """Insert the rows of a copy into `table` again, with their rowids, unrecorded (the
    caller records them as a span); returns how many."""
    columns = table_columns(conn, table)
    count = 0
    with unrecorded(conn, table, "insert", first, last):
        for _, lines in _parts(conn, history_id):
            # A copy made before columns were added: those worked out from others, again.
            rows = [(rowid, with_derived(table, values)) for rowid, values in _rows(lines)]
            if not rows:
                continue
            names = [c for c in columns if c in rows[0][1]]
            quoted = ", ".join(f'"{c}"' for c in names)
            marks = placeholders(names)
            conn.executemany(
                f"INSERT INTO {table} (rowid, {quoted}) VALUES (?, {marks})",
                ((rowid, *(values.get(c) for c in names)) for rowid, values in rows),
            )
            count += len(rows)
    return count


def line_field(line: str, column: str) -> int | None:
    """The integer a copied line holds in `column` (None for null or no such column), found
    without decoding the line's JSON: a quote inside a text is escaped, so '"column":' only
    ever starts a key."""
    import re

    found = re.search(f'"{column}":(-?[0-9]+)[,}}]', line)
    return int(found.group(1)) if found else None


def scrub(
    conn: sqlite3.Connection, history_id: int, going: Callable[[int, str], bool]
) -> list[int]:
    """Erase from a copy the rows `going` picks (by rowid and line, see `field`): each part
    that held one is compressed again without it (an emptied part goes). Returns the rowids
    of the rows erased."""
    import zlib

    erased: list[int] = []
    for first_row, lines in _parts(conn, history_id):
        kept = []
        for line in lines.split("\n"):
            rowid = int(line.partition("\t")[0]) if line else 0
            if line and going(rowid, line):
                erased.append(rowid)
            elif line:
                kept.append(line + "\n")
        if len(kept) == lines.count("\n"):
            continue
        if kept:
            conn.execute(
                "UPDATE history_rows SET data = ? WHERE history_id = ? AND first_row = ?",
                (zlib.compress("".join(kept).encode(), LEVEL), history_id, first_row),
            )
        else:
            conn.execute(
                "DELETE FROM history_rows WHERE history_id = ? AND first_row = ?",
                (history_id, first_row),
            )
    return erased


def copy_problems(conn: sqlite3.Connection) -> list[str]:
    """What `check` finds wrong with the copies: a removal in bulk without its copy (undoing
    its undo could not put the rows back), a copy kept for no such removal."""
    missing = [
        f"history: change {change} removed {rows_said(table, first, last)} in bulk but keeps no"
        " copy of them: undoing it cannot put them back"
        for change, table, first, last in conn.execute(
            "SELECT change_id, table_name, row_id, last_row_id FROM history h"
            " WHERE action = 'delete' AND last_row_id IS NOT NULL AND erased_by IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM history_rows r WHERE r.history_id = h.id)"
        )
    ]
    return missing + [
        f"history: rows copied for history row {history_id}, which removed none in bulk"
        for (history_id,) in conn.execute(
            "SELECT DISTINCT r.history_id FROM history_rows r JOIN history h"
            " ON h.id = r.history_id WHERE h.action != 'delete' OR h.last_row_id IS NULL"
        )
    ]
