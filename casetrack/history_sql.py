"""The SQL the history is read with: which tables it tracks, a row as JSON (as the history
triggers schema.py made write it, so undo can compare), and fingerprints of spans of rows
added in bulk.
"""

from __future__ import annotations

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


class _Digest:
    """An SQL aggregate: a fingerprint of the texts it is given, in the order given."""

    def __init__(self) -> None:
        import hashlib

        self._hash = hashlib.blake2b(digest_size=16)

    def step(self, text: str | None) -> None:
        self._hash.update(f"{text}\x1e".encode())

    def finalize(self) -> str:
        return self._hash.hexdigest()


def span_digest(conn: Any, table: str, first: int, last: int) -> str:
    """A fingerprint of the rows of `table` with rowids from first to last, as they are now.

    A span of history (rows added in bulk) keeps this instead of each row's values: undo
    compares it with the rows to tell whether they changed since without leaving a trace
    in the history (an edit made with the triggers dropped).
    """
    # Defined once per connection: redefining a function fails while any statement is active,
    # and FTS5 keeps one open until the transaction ends after rebuilding its index.
    if not conn.execute(
        "SELECT 1 FROM pragma_function_list WHERE name = 'casetrack_digest'"
    ).fetchone():
        conn.create_aggregate("casetrack_digest", 1, _Digest)
    values = row_json(table_columns(conn, table), table)
    return str(
        conn.execute(
            f"SELECT casetrack_digest(j) FROM (SELECT {values} AS j FROM {table}"
            " WHERE rowid BETWEEN ? AND ? ORDER BY rowid)",
            (first, last),
        ).fetchone()[0]
    )
