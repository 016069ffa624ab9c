"""The SQL the history is read with: which tables it tracks, a row as JSON (as the history
triggers schema.py made write it, so undo can compare), and fingerprints of spans of rows
added in bulk.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Tables whose every insert, update and delete is written to `history` by triggers, so any
# write path (commands, import, merge, future ones) is recorded and can be undone.
TRACKED_TABLES = (
    "cases", "kinds", "parties", "party_aliases", "documents", "document_pages", "sources",
    "milestones", "milestone_parties", "milestone_sources", "milestone_tags",
    "rules", "closures", "deadlines",
)  # fmt: skip


def row_json(columns: list[str], alias: str) -> str:
    """SQL giving a row as a JSON object; triggers and undo build it the same way to compare."""
    return "json_object(" + ", ".join(f"'{c}', {alias}.\"{c}\"" for c in columns) + ")"


def table_columns(conn: Any, table: str) -> list[str]:
    """Column names of a tracked table, in schema order."""
    if table not in TRACKED_TABLES:
        raise ValueError(f"{table} is not a tracked table")
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


# Rows of a span fingerprinted per statement: SQLite joins their texts, Python hashes them.
DIGEST_CHUNK = 4096


def exact_row_json(conn: Any, table: str, alias: str) -> str:
    """row_json, but a REAL that JSON's 15 digits would round is written with 17, so a row
    put back from it is the row that was (a milestone's position, once moved many times)."""
    values = []
    for _, name, declared, *_ in conn.execute(f"PRAGMA table_info({table})"):
        column = f'{alias}."{name}"'
        if "REAL" in declared.upper():
            column = (
                f"CASE WHEN typeof({column}) = 'real' AND abs({column}) < 1e308"
                f" AND {column} != CAST(printf('%!.15g', {column}) AS REAL)"
                f" THEN json(printf('%!.17g', {column})) ELSE {column} END"
            )
        values.append(f"'{name}', {column}")
    return "json_object(" + ", ".join(values) + ")"


def span_texts(
    conn: Any, table: str, first: int, last: int, *, copy: bool = False
) -> Iterator[tuple[str, str | None, int]]:
    """The rows of `table` with rowids from first to last, DIGEST_CHUNK at a time, in rowid
    order: each row's JSON (row_json) followed by U+001E, as span_digest hashes them; with
    copy, also each as a line (rowid, tab, exact_row_json), as history_copies keeps them;
    then the chunk's last rowid."""
    values = row_json(table_columns(conn, table), "x")
    lines = "group_concat(r || char(9) || e || char(10), '')" if copy else "NULL"
    exact = exact_row_json(conn, table, "x") if copy else "NULL"
    sql = (
        f"SELECT group_concat(j, ''), {lines}, max(r)"
        f" FROM (SELECT rowid AS r, {values} || char(30) AS j, {exact} AS e FROM {table} AS x"
        f" WHERE rowid BETWEEN ? AND ? ORDER BY rowid LIMIT {DIGEST_CHUNK})"
    )
    low = first
    while True:
        text, copied, high = conn.execute(sql, (low, last)).fetchone()
        if text is None:
            return
        yield text, copied, high
        low = high + 1


def span_digest(conn: Any, table: str, first: int, last: int) -> str:
    """A fingerprint of the rows of `table` with rowids from first to last, as they are now:
    blake2b (16 bytes) of each row's JSON (row_json) followed by U+001E, in rowid order.

    A span of history (rows added in bulk) keeps this instead of each row's values: undo
    compares it with the rows to tell whether they changed since without leaving a trace
    in the history (an edit made with the triggers dropped).
    """
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for text, _, _ in span_texts(conn, table, first, last):
        digest.update(text.encode())
    return digest.hexdigest()
