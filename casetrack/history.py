"""Every change to a store, who made it and with which command, and undoing the last one.

Triggers (schema.create_history_triggers) write one `history` row per changed row, with
the old and new values as JSON. When a write transaction ends, Store.write() seals the
rows it produced into one `changes` group, so undo reverts a whole command at once.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casetrack.errors import CasetrackError, NotFoundError
from casetrack.schema import (
    LINK_TABLES,
    TRACKED_TABLES,
    row_json,
    search_set_aside,
    span_digest,
    table_columns,
)

if TYPE_CHECKING:
    from casetrack.store import Store

# Columns left out of the change summary: they change with everything else.
_NOISE = ("updated_at", "created_at", "uid", "name_key", "alias_key")
# What names a row when it is added or removed.
_LABELS = {
    "cases": ("slug", "title"),
    "kinds": ("name",),
    "parties": ("name", "kind"),
    "party_aliases": ("party_id", "alias"),
    "sources": ("url", "title"),
    "milestones": ("case_id", "date", "kind", "title"),
    "milestone_parties": ("milestone_id", "party_id", "role"),
    "milestone_sources": ("milestone_id", "source_id", "quote", "page", "paragraph"),
    "milestone_tags": ("milestone_id", "tag"),
}
_SUMMARY_WIDTH = 120
# A change of at least this many rows, and more rows than the store has milestones left,
# is undone without the per-row search triggers and every search row is recomputed after.
UNDO_SET_WISE_SEARCH = 50_000
UNDO_BATCH = 10_000  # history rows read at a time


def os_user() -> str:
    """The operating-system account making a change."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid {os.getuid()}"


OUTSIDE = "outside casetrack"


def begin_change(
    conn: sqlite3.Connection, command: str, user: str | None = None, undoes: int | None = None
) -> int:
    """A new change; made before its rows are written, it lets bulk writes carry its id
    instead of being updated to it afterwards (seal_change(change_id=...) completes it)."""
    from casetrack.store import now

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


@dataclass
class Change:
    id: int
    at: str
    user: str
    command: str
    rows: int


def undo_last(store: Store) -> Change:
    """Revert the latest change not yet undone (undos themselves are skipped), as a new change.

    Each recorded row is put back only if it is still as that change left it, so an edit
    made outside casetrack since is never overwritten. It runs in a transaction of its own,
    so that a refusal can roll back whatever it had reverted (and set aside).
    """
    if store.conn.in_transaction:
        raise RuntimeError("undo_last needs a transaction of its own: commit first")
    with store.write() as conn:
        row = conn.execute(
            "SELECT c.id, c.at, c.user, c.command,"
            " sum(coalesce(h.last_row_id - h.row_id + 1, 1)) FROM changes c"
            " JOIN history h ON h.change_id = c.id"
            " WHERE c.undoes IS NULL AND c.undone_by IS NULL"
            " GROUP BY c.id ORDER BY c.id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            raise CasetrackError("nothing to undo: every recorded change is already undone")
        change = Change(*row)
        conn.execute("PRAGMA defer_foreign_keys = ON")
        held = conn.execute("SELECT coalesce(max(id), 0) FROM milestones").fetchone()[0]
        columns = {table: table_columns(conn, table) for table in TRACKED_TABLES}
        as_json = {table: row_json(columns[table], table) for table in TRACKED_TABLES}
        # Undoing an import of 100,000 milestones took 60 s with the triggers, 25 s without.
        with search_set_aside(conn, change.rows >= max(UNDO_SET_WISE_SEARCH, held)):
            change.rows = 0
            for action, table, row_id, last_row_id, digest, old, new in _newest_first(
                conn, change.id
            ):
                if last_row_id is not None:
                    change.rows += _revert_span(conn, change, table, row_id, last_row_id, digest)
                    continue
                _revert(conn, change, action, table, row_id, old, new, columns[table],
                        as_json[table])  # fmt: skip
                change.rows += 1
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise CasetrackError(
                    f"cannot undo change {change.id} ({change.command}): rows it linked to are gone"
                )
        seal_change(conn, f"undo {change.id}", undoes=change.id)
    return change


def _newest_first(conn: sqlite3.Connection, change_id: int) -> Iterator[tuple[Any, ...]]:
    """A change's history rows, newest first, read a batch at a time: an import's can run
    to millions. (Reverting writes new history rows, but none in this change.)"""
    before = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM history").fetchone()[0]
    while batch := conn.execute(
        "SELECT id, action, table_name, row_id, last_row_id, digest, old, new FROM history"
        " WHERE change_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
        (change_id, before, UNDO_BATCH),
    ).fetchall():
        before = batch[-1][0]
        for row in batch:
            yield row[1:]


def _revert_span(
    conn: sqlite3.Connection, change: Change, table: str, first: int, last: int, digest: str
) -> int:
    """Remove the rows a span of history records as added; returns how many there were.

    Spans are written after the rows their block recorded one by one, so newest first they
    go first: rows the block added are gone before its other rows are put back, and link
    tables' spans come before those of the tables they link.
    """
    if span_digest(conn, table, first, last) != digest:
        raise CasetrackError(
            f"cannot undo change {change.id} ({change.command}): {table} rows {first}-{last}"
            " have changed since (outside casetrack?); nothing was undone"
        )
    removed = conn.execute(f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?", (first, last))
    return int(removed.rowcount)


def _revert(
    conn: sqlite3.Connection,
    change: Change,
    action: str,
    table: str,
    row_id: int,
    old: str | None,
    new: str | None,
    columns: list[str],
    as_json: str,
) -> None:
    """Put one recorded row back; `as_json` is row_json of `columns`, made once per undo."""
    import json

    current = conn.execute(f"SELECT {as_json} FROM {table} WHERE rowid = ?", (row_id,)).fetchone()
    if (current[0] if current else None) != new:
        raise CasetrackError(
            f"cannot undo change {change.id} ({change.command}): {table} row {row_id} has "
            "changed since (outside casetrack?); nothing was undone"
        )
    if action == "insert":
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (row_id,))
        return
    values = json.loads(old or "{}")
    names = [c for c in columns if c in values]
    if action == "update":
        assignments = ", ".join(f'"{c}" = ?' for c in names)
        conn.execute(
            f"UPDATE {table} SET {assignments} WHERE rowid = ?",
            (*(values[c] for c in names), row_id),
        )
    else:
        quoted = ", ".join(f'"{c}"' for c in names)
        marks = ", ".join("?" for _ in names)
        conn.execute(
            f"INSERT INTO {table} (rowid, {quoted}) VALUES (?, {marks})",
            (row_id, *(values[c] for c in names)),
        )


# A history row's change, as each listed entry shows it.
_CHANGE = "h.id, h.change_id, c.at, c.user, c.command, c.undone_by"
_Entry = tuple[tuple[int, int], dict[str, Any]]  # (sort key, entry)


def _entry(
    change: tuple[Any, ...], action: str, table: str, row_id: int, last_row: int | None,
    summary: str, old: Any, new: Any,
) -> _Entry:  # fmt: skip
    history_id, change_id, at, user, command, undone_by = change
    return (history_id, row_id), {
        "change": change_id, "at": at, "user": user, "command": command,
        "undone_by": undone_by, "action": action, "table": table, "row": row_id,
        "last_row": last_row, "summary": summary, "old": old, "new": new,
    }  # fmt: skip


def history_rows(
    conn: sqlite3.Connection,
    milestone_id: int | None = None,
    case: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Recorded row changes, oldest first: the last `limit`, of one milestone or one case.

    Unfiltered, rows added in bulk show as one entry per span; for a milestone or a case,
    each of its rows in a span shows as the insert it was, with the values it was added with.
    """
    import json

    if milestone_id is not None:
        about: _About | None = _about_milestones(conn, [milestone_id])
    elif case is not None:
        about = _about_case(conn, case)
    else:
        about = None
    where, params = (
        ("h.last_row_id IS NULL AND " + about.where, about.params) if about else ("1", [])
    )
    found = conn.execute(
        f"SELECT {_CHANGE}, h.action, h.table_name, h.row_id, h.last_row_id, h.old, h.new"
        " FROM history h LEFT JOIN changes c ON c.id = h.change_id"
        f" WHERE {where} ORDER BY h.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    entries = []
    for *change, action, table, row_id, last_row_id, old, new in found:
        old_values, new_values = json.loads(old or "null"), json.loads(new or "null")
        summary = summarise(table, action, old_values, new_values)
        if last_row_id is not None:
            summary = f"rows {row_id}-{last_row_id}, added in bulk"
        entries.append(
            _entry(tuple(change), action, table, row_id, last_row_id, summary, old_values,
                   new_values)
        )  # fmt: skip
    if about:
        rows = {*about.rows, *((e["table"], e["row"]) for _, e in entries)}
        entries += _span_inserts(conn, rows, about.milestones, limit)
    if not entries and milestone_id is not None:
        raise NotFoundError(f"no history for milestone {milestone_id}")
    entries.sort(key=lambda entry: entry[0])
    return [entry for _, entry in entries[-limit:]]


def _span_inserts(
    conn: sqlite3.Connection, rows: set[tuple[str, int]], milestones: set[int], limit: int
) -> list[_Entry]:
    """The newest `limit` inserts of these rows (table, rowid) that spans of history record,
    with the values each was added with: those the next change to it found (its `old`), else
    the row as it is now. Links are shown only if they were added to one of these milestones.
    (A case imported whole has a span entry for each of its rows: only those shown are read.)
    """
    import json

    spans = {
        table: conn.execute(
            f"SELECT {_CHANGE}, h.row_id, h.last_row_id FROM history h"
            " LEFT JOIN changes c ON c.id = h.change_id"
            " WHERE h.table_name = ? AND h.last_row_id IS NOT NULL",
            (table,),
        ).fetchall()
        for table in {table for table, _ in rows}
    }
    covered = sorted(
        ((span[0], row_id), table, tuple(span[:-2]))
        for table, row_id in rows
        for span in spans[table]
        if span[-2] <= row_id <= span[-1]
    )
    as_json: dict[str, str] = {}
    found: list[_Entry] = []
    for (history_id, row_id), table, change in reversed(covered):
        if len(found) == limit:
            break
        if table not in as_json:
            as_json[table] = row_json(table_columns(conn, table), table)
        later = (
            conn.execute(
                "SELECT old FROM history WHERE table_name = ? AND row_id = ? AND id > ?"
                " AND last_row_id IS NULL ORDER BY id LIMIT 1",
                (table, row_id, history_id),
            ).fetchone()
            or conn.execute(
                f"SELECT {as_json[table]} FROM {table} WHERE rowid = ?", (row_id,)
            ).fetchone()
        )
        values = json.loads(later[0]) if later and later[0] else None
        if values is None or (
            table in LINK_TABLES and values.get("milestone_id") not in milestones
        ):
            continue  # the span left no row there, or that row linked another milestone
        summary = summarise(table, "insert", None, values)
        found.append(_entry(change, "insert", table, row_id, None, summary, None, values))
    return found


@dataclass
class _About:
    """Which history a listing is about: a WHERE on history rows (as `h`) with its
    parameters, and the rows (table, rowid) whose inserts in spans it shows too."""

    where: str
    params: list[Any]
    rows: set[tuple[str, int]]
    milestones: set[int]


def _about_milestones(conn: sqlite3.Connection, ids: list[int]) -> _About:
    """Rows of these milestones and of their links."""
    import json

    ids_json = json.dumps(ids)
    links = ", ".join(f"'{t}'" for t in LINK_TABLES)
    where = (
        "((h.table_name = 'milestones' AND h.row_id IN (SELECT value FROM json_each(?)))"
        f" OR (h.table_name IN ({links}) AND coalesce(json_extract(h.old, '$.milestone_id'),"
        " json_extract(h.new, '$.milestone_id')) IN (SELECT value FROM json_each(?))))"
    )
    rows = {("milestones", i) for i in ids}
    for link in LINK_TABLES:
        rows.update(
            (link, r[0])
            for r in conn.execute(
                f"SELECT rowid FROM {link} WHERE milestone_id IN (SELECT value FROM json_each(?))",
                (ids_json,),
            )
        )
    return _About(where, [ids_json, ids_json], rows, set(ids))


def _about_case(conn: sqlite3.Connection, slug: str) -> _About:
    """Rows of a case (live, trashed or purged), its milestones and their links."""
    import json

    case_ids = [
        r[0]
        for r in conn.execute(
            "SELECT row_id FROM history WHERE table_name = 'cases' AND ? IN"
            " (json_extract(old, '$.slug'), json_extract(new, '$.slug')) COLLATE NOCASE"
            " UNION SELECT id FROM cases WHERE slug = ?",
            (slug.strip(), slug.strip()),
        )
    ]
    if not case_ids:
        from casetrack.cases import case_slugs
        from casetrack.names import did_you_mean

        raise NotFoundError(f"no case {slug!r}{did_you_mean(slug, case_slugs(conn))}")
    milestone_ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT row_id FROM history, json_each(?) AS c WHERE table_name ="
            " 'milestones' AND c.value IN (json_extract(old, '$.case_id'),"
            " json_extract(new, '$.case_id'))"
            " UNION SELECT id FROM milestones WHERE case_id IN (SELECT value FROM json_each(?))",
            (json.dumps(case_ids), json.dumps(case_ids)),
        )
    ]
    about = _about_milestones(conn, milestone_ids)
    case_clause = "(h.table_name = 'cases' AND h.row_id IN (SELECT value FROM json_each(?)))"
    return _About(
        f"({case_clause} OR {about.where})",
        [json.dumps(case_ids), *about.params],
        about.rows | {("cases", i) for i in case_ids},
        about.milestones,
    )


def summarise(
    table: str, action: str, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> str:
    """One line a person can read: the changed fields, or what was added or removed."""
    if action == "update" and old is not None and new is not None:
        parts = [
            f"{k}: {_short(old.get(k))} -> {_short(v)}"
            for k, v in new.items()
            if k not in _NOISE and old.get(k) != v
        ]
    else:
        values = (new if action == "insert" else old) or {}
        parts = [
            f"{k}={_short(values[k])}"
            for k in _LABELS.get(table, tuple(values))
            if values.get(k) not in (None, "")
        ]
    text = "; ".join(parts)
    return text if len(text) <= _SUMMARY_WIDTH else text[: _SUMMARY_WIDTH - 3] + "..."


def _short(value: Any) -> str:
    if not isinstance(value, str):
        return "null" if value is None else str(value)
    return repr(value[:40] + "..." if len(value) > 40 else value)
