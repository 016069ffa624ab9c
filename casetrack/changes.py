"""Grouping a write's history rows into one change: who made it, when, with which command.

Triggers (made by schema.py's migrations) write one `history` row per changed row;
Store.write() begins a change when a bulk write needs its id early and seals every pending
row into it at the end, so undo (history.py) reverts a whole command at once. A command that
ends having changed nothing is recorded too, as a change without rows (record_nothing), so
plain undo knows it was the user's last command and does not reach past it.
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


def is_nothing(conn: sqlite3.Connection, change_id: int) -> bool:
    """Whether a change records a command that changed nothing: no rows, and not an undo."""
    found = conn.execute(
        "SELECT 1 FROM changes c WHERE c.id = ? AND c.undoes IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)",
        (change_id,),
    ).fetchone()
    return found is not None


def record_nothing(conn: sqlite3.Connection, command: str, user: str | None = None) -> int:
    """Record that `command` ran and changed nothing, as a change without rows. It replaces
    the user's newest entry when that says the same (a no-op run every minute leaves one row,
    not one a minute); made first, so no id is handed out twice."""
    user = user or os_user()
    previous = conn.execute(
        "SELECT id FROM changes WHERE user = ? ORDER BY id DESC LIMIT 1", (user,)
    ).fetchone()
    change_id = begin_change(conn, command, user)
    if previous is not None and is_nothing(conn, previous[0]):
        conn.execute("DELETE FROM changes WHERE id = ?", (previous[0],))
    return change_id
