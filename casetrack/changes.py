"""Grouping a write's history rows into one change: who made it, when, with which command.

Triggers (made by schema.py's migrations) write one `history` row per changed row;
Store.write() begins a change when a bulk write needs its id early and seals every pending
row into it at the end, so undo (history.py) reverts a whole command at once.
"""

from __future__ import annotations

import os
import sqlite3

from casetrack.clock import now

# The command a change is credited to when its rows were written by another program.
OUTSIDE = "outside casetrack"


def os_user() -> str:
    """The operating-system account making a change."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid {os.getuid()}"


def begin_change(
    conn: sqlite3.Connection, command: str, user: str | None = None, undoes: int | None = None
) -> int:
    """A new change; made before its rows are written, it lets bulk writes carry its id
    instead of being updated to it afterwards (seal_change(change_id=...) completes it)."""
    cursor = conn.execute(
        "INSERT INTO changes (at, user, command, undoes) VALUES (?, ?, ?, ?)",
        (now(), user or os_user(), command, undoes),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def seal_change(
    conn: sqlite3.Connection,
    command: str,
    undoes: int | None = None,
    user: str | None = None,
    change_id: int | None = None,
) -> int | None:
    """Group the history rows not yet in a change into one (into `change_id` if it was begun);
    None if the change has no rows."""
    pending = conn.execute("SELECT 1 FROM history WHERE change_id IS NULL LIMIT 1").fetchone()
    if change_id is None:
        if pending is None:
            return None
        change_id = begin_change(conn, command, user, undoes)
    elif (
        pending is None
        and not conn.execute(
            "SELECT 1 FROM history WHERE change_id = ? LIMIT 1", (change_id,)
        ).fetchone()
    ):
        conn.execute("DELETE FROM changes WHERE id = ?", (change_id,))
        return None
    if pending is not None:
        conn.execute("UPDATE history SET change_id = ? WHERE change_id IS NULL", (change_id,))
    if undoes is not None:
        conn.execute("UPDATE changes SET undone_by = ? WHERE id = ?", (change_id, undoes))
    return change_id
