"""What today's queries know of the store's tables and indexes (schema.py made them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

# The tables that link milestones to parties, sources and tags.
LINK_TABLES = ("milestone_parties", "milestone_sources", "milestone_tags")
# Conditions of the partial indexes m006 made, as a query must repeat them word for word for
# SQLite to use them (tests/test_query_plans.py fails if they ever differ).
KEY_ONLY = "key = 1"
NOT_UNDISPUTED = "status != 'undisputed'"
# Timeline order (dates.order_key as stored text, then entry order), as the indexes m008 made
# hold it; every listing sorts by it.
TIMELINE_ORDER = "m.sort_key, m.position, m.id"


def widest(
    conn: sqlite3.Connection, sql: str, params: Sequence[object], names: Sequence[str]
) -> dict[str, int]:
    """How wide the named columns' cells get over a whole listing, in one pass of SQL:
    `sql` selects the greatest length of each, in the order of `names`. What a table too
    long to hold is sized by, so that its rows stay in line."""
    row = conn.execute(sql, params).fetchone()
    return {name: int(width or 0) for name, width in zip(names, row, strict=True)}


def reversed_order(order_by: str) -> str:
    """An ORDER BY list with every key's direction flipped: the same order, backwards."""
    keys = []
    for key in order_by.split(","):
        words = key.split()
        if words[-1].upper() == "DESC":
            keys.append(" ".join(words[:-1]))
        else:
            keys.append(" ".join(w for w in words if w.upper() != "ASC") + " DESC")
    return ", ".join(keys)
