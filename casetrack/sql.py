"""SQL text the library's queries share, so each idiom is spelled in one place."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sized


def placeholders(values: Sized) -> str:
    """One `?` a value, for `IN (...)` or `VALUES (...)`: values are bound, never spliced
    into the SQL, so a name with a quote in it cannot change the query."""
    return ", ".join("?" * len(values))


def set_changed(
    conn: sqlite3.Connection,
    table: str,
    row_id: int,
    values: Mapping[str, object],
    stamp: Mapping[str, object] | None = None,
) -> bool:
    """Set these columns of one row (by id) of `table` where one of them differs from what is
    stored, and the `stamp` columns (its `updated_at`) with them; whether the row changed. A
    row already as asked is not written, not even its stamp: the history holds no empty
    change, so the command is recorded as one that changed nothing and plain undo does not
    reach past it (store.Store.write). `table` and the column names come from the code."""
    if not values:
        return False
    written = {**values, **(stamp or {})}
    assignments = ", ".join(f"{name} = ?" for name in written)
    differs = " OR ".join(f"{name} IS NOT ?" for name in values)
    cursor = conn.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ? AND ({differs})",
        (*written.values(), row_id, *values.values()),
    )
    return cursor.rowcount > 0
