"""Reading the history of a store and undoing a change.

Triggers (made by schema.py's migrations) write one `history` row per changed row, with
the old and new values as JSON, and changes.py groups a command's rows into one change;
undo reverts a whole change at once, and listings tell what each row change did.
"""

from __future__ import annotations

import bisect
import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casetrack.bulk_mode import BULK_CACHE_KIB, page_cache, read_indexes_set_aside
from casetrack.changes import is_nothing, os_user, seal_change
from casetrack.document_pages import SOURCE_PREFIX
from casetrack.errors import CasetrackError, NotFoundError
from casetrack.history_copies import (
    copied_row,
    copied_rows,
    line_field,
    put_back,
    remove_copied,
)
from casetrack.history_sql import (
    DERIVED,
    TRACKED_TABLES,
    recorded_json,
    row_json,
    span_digest,
    table_columns,
    with_derived,
)
from casetrack.row_words import row_noun, rows_said
from casetrack.search_index import search_set_aside
from casetrack.sql import placeholders
from casetrack.tables import LINK_TABLES, widest
from casetrack.text import plural, shortened

if TYPE_CHECKING:
    from casetrack.store import Store

# Columns left out of the change summary: they change with everything else.
_NOISE = ("updated_at", "created_at", "uid", "name_key", "alias_key", "citation_key", "bare_key")
# What follows from a milestone's date: a change of date is said once, as the date.
_FROM_DATE = ("date_start", "date_end", "precision", "approximate", "uncertain", "sort_start",
              "sort_end")  # fmt: skip
# A milestone's place among others (move): said in words, not as sort keys.
_PLACE = ("sort_key", "position")
# A field without a value (a location cleared, a reference to no row) as the summaries of
# history and undo say it: 'location: 'Paris' → (none)'.
NO_VALUE = "(none)"
# A milestone's columns by the field a person edits (edited_fields): the date's own columns
# are its date, the sort keys its place.
EDITED_FIELDS = {
    **dict.fromkeys(("date", *_FROM_DATE), "date"),
    **dict.fromkeys(_PLACE, "place"),
    **{column: column for column in ("kind", "title", "location", "note", "status", "key")},
    "case_id": "case",
    "deleted_at": "trash",
}
# A change of at least this many rows, and more rows than the store has milestones left,
# is undone without the per-row search triggers and every search row is recomputed after.
UNDO_SET_WISE_SEARCH = 50_000
UNDO_BATCH = 10_000  # history rows read at a time


@dataclass
class Change:
    id: int
    at: str
    user: str
    command: str
    rows: int
    # What undoing it puts back, a line per row or span of rows (the first UNDO_SHOWN lines,
    # in undo order), and how many rows those lines stand for.
    reverted: list[str] = field(default_factory=list)
    shown: int = 0

    @property
    def named(self) -> str:
        """How refusals and undo name a change: its number, command, user and time."""
        from casetrack.dates import display_time

        return f"change {self.id} ('{self.command}' by {self.user} at {display_time(self.at)})"


UNDO_SHOWN = 10
# The commands whose writes come from a file: what they wrote is not an edit made here. An
# import run as `python -m casetrack` was recorded as '-m casetrack import' before the command's
# own name was (cli.common.command_name): a store keeps those changes.
IMPORTS = ("import", "-m casetrack import")
_CHANGE_ROW = (
    "SELECT c.id, c.at, c.user, c.command, c.undoes, c.undone_by,"
    " (SELECT u.undoes FROM changes u WHERE u.id = c.undoes),"
    " (SELECT u.undone_by FROM changes u WHERE u.id = c.undone_by) FROM changes c"
)
# Not an undo, and not undone (or its undo was undone since: put back, it is live again).
_LIVE = (
    "(c.undone_by IS NULL OR EXISTS (SELECT 1 FROM changes u WHERE u.id = c.undone_by"
    " AND u.undone_by IS NOT NULL))"
)
_UNDOABLE = (
    f" WHERE c.undoes IS NULL AND {_LIVE}"
    " AND EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)"
)


class _DryRun(Exception):
    """Rolls a dry-run undo back once it has shown it would succeed."""

    def __init__(self, change: Change) -> None:
        self.change = change


def undo(store: Store, change_id: int | None = None, *, dry_run: bool = False) -> Change:
    """Revert a change, as a new change: by default the newest, if the person running casetrack
    made it (someone else's work is never reverted unasked: that takes its id). An undo is
    reverted only by its id (a redo: what it reverted is back, and can be undone again).

    Each recorded row is put back only if it is still as that change left it, so an edit
    made since (outside casetrack too) is never overwritten. It runs in a transaction of its
    own, so that a refusal, or a dry run, rolls back whatever it had reverted (and set aside).
    """
    if store.conn.in_transaction:
        raise RuntimeError("undo needs a transaction of its own: commit first")
    try:
        with store.write() as conn:
            change = _chosen(conn, change_id)
            change.reverted, change.shown = _reverted_lines(conn, change.id)
            _revert_change(conn, change)
            if dry_run:
                raise _DryRun(change)
            seal_change(conn, f"undo {change.id}", undoes=change.id)
    except _DryRun as done:
        return done.change
    return change


def _change(row: tuple[Any, ...]) -> Change:
    """A change from a row of _CHANGE_ROW."""
    return Change(row[0], row[1], row[2], row[3], rows=0)


def _chosen(conn: sqlite3.Connection, change_id: int | None) -> Change:
    """The change to undo, or a refusal saying why it cannot be undone and what can."""
    if change_id is None:
        row = conn.execute(_CHANGE_ROW + _UNDOABLE + " ORDER BY c.id DESC LIMIT 1").fetchone()
        if row is None:
            if conn.execute("SELECT 1 FROM history WHERE change_id IS NOT NULL").fetchone():
                raise CasetrackError("nothing to undo: every recorded change is already undone")
            raise CasetrackError("nothing to undo: no change is recorded yet")
        me = os_user()
        if row[2] != me:
            mine = conn.execute(
                _CHANGE_ROW + _UNDOABLE + " AND c.user = ? ORDER BY c.id DESC LIMIT 1", (me,)
            ).fetchone()
            if mine is None:
                raise CasetrackError(
                    f"nothing of yours ({me}) to undo; the newest change is someone else's,"
                    f" {_change(row).named}: 'casetrack undo {row[0]}' reverts it"
                )
            raise CasetrackError(_newer_than_yours(conn, _change(row), _change(mine)))
        _refuse_past_nothing(conn, _change(row))
    else:
        row = conn.execute(_CHANGE_ROW + " WHERE c.id = ?", (change_id,)).fetchone()
        if row is None:
            newest = conn.execute("SELECT max(id) FROM changes").fetchone()[0]
            if newest is None:
                raise NotFoundError(f"no change {change_id}: no change is recorded yet")
            raise NotFoundError(
                f"no change {change_id}: the newest is change {newest} (see 'casetrack history')"
            )
        if row[6] is not None:
            raise CasetrackError(
                f"change {row[0]} put back what change {row[4]} undid, and is not undone"
                f" itself: 'casetrack undo {row[6]}' undoes change {row[6]} again"
            )
        if row[5] is not None and row[7] is None:
            raise CasetrackError(f"{_change(row).named} was undone already, by change {row[5]}")
    change = _change(row)
    erased = _erased_by(conn, change.id)
    if erased == change.id:
        raise CasetrackError(
            f"{change.named} erased rows for good: it cannot be undone"
            " (an older change: 'casetrack undo ID', IDs in 'casetrack history')"
        )
    if erased:
        raise CasetrackError(
            f"cannot undo {change.named}: rows it changed were erased for good by change"
            f" {erased}; nothing was undone"
        )
    return change


def _erased_by(conn: sqlite3.Connection, change_id: int) -> int | None:
    """The change that erased for good rows this one changed (itself, for an erasure)."""
    erased = conn.execute(
        "SELECT erased_by FROM history WHERE change_id = ? AND erased_by IS NOT NULL LIMIT 1",
        (change_id,),
    ).fetchone()
    return int(erased[0]) if erased else None


def erasure_named(conn: sqlite3.Connection, table: str, row_id: int) -> str | None:
    """The change that erased this row for good ('change 9 ('purge' by ana at ...)'), from
    the line it left in the history; None when no erasure did."""
    row = conn.execute(
        _CHANGE_ROW + " WHERE c.id = (SELECT change_id FROM history WHERE table_name = ?"
        " AND row_id = ? AND erased_by = change_id LIMIT 1)",
        (table, row_id),
    ).fetchone()
    return _change(row).named if row else None


def gone_milestone(conn: sqlite3.Connection, milestone_id: int, otherwise: str) -> str:
    """Why there is no milestone with this id: erased for good (by which change), else
    `otherwise`."""
    erased = erasure_named(conn, "milestones", milestone_id)
    if erased:
        return f"milestone {milestone_id} was erased for good by {erased}: nothing of it is left"
    return otherwise


def _refuse_past_nothing(conn: sqlite3.Connection, change: Change) -> None:
    """Refuse plain undo of `change` when the user's last command since changed nothing
    (changes.record_nothing): undo would silently revert an older command than the one
    just run. An undo of theirs since is no such command: plain undo walks back."""
    from casetrack.dates import display_time

    last = conn.execute(
        "SELECT id, at, command FROM changes WHERE user = ? AND id > ? ORDER BY id DESC LIMIT 1",
        (change.user, change.id),
    ).fetchone()
    if last is not None and is_nothing(conn, last[0]):
        raise CasetrackError(
            f"nothing undone: your last command, '{last[2]}' at {display_time(last[1])},"
            f" changed nothing; 'casetrack undo {change.id}' undoes the change before it,"
            f" {change.named}"
        )


def _newer_than_yours(conn: sqlite3.Connection, theirs: Change, mine: Change) -> str:
    """Why plain undo does not revert someone else's newer change, suggesting only the undos
    that can work: neither an erasure nor a change whose rows one erased can be undone."""
    gone = _erased_by(conn, mine.id)
    if gone is not None:
        by = theirs.named if gone == theirs.id else f"change {gone}"
        return (
            f"your last change, {mine.named}, cannot be undone: rows it changed were erased for"
            f" good by {by}"
        )
    said = f"{theirs.named} is newer than your last, change {mine.id} ('{mine.command}'):"
    if _erased_by(conn, theirs.id) == theirs.id:
        return f"{said} 'casetrack undo {mine.id}' reverts yours (theirs erased rows for good)"
    return f"{said} 'casetrack undo {mine.id}' reverts yours, 'casetrack undo {theirs.id}' theirs"


def _revert_change(conn: sqlite3.Connection, change: Change) -> None:
    """Put back every row of `change`, newest first, counting them in change.rows."""
    rows = conn.execute(
        "SELECT coalesce(sum(coalesce(last_row_id - row_id + 1, 1)), 0) FROM history"
        " WHERE change_id = ?",
        (change.id,),
    ).fetchone()[0]
    if not rows:
        raise CasetrackError(f"{change.named} changed no rows: there is nothing to undo")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    held = conn.execute("SELECT coalesce(max(id), 0) FROM milestones").fetchone()[0]
    columns = {table: table_columns(conn, table) for table in TRACKED_TABLES}
    as_json = {table: row_json(columns[table], table) for table in TRACKED_TABLES}
    recorded = 0  # history rows reverting should write: one a row, one a span
    # Undoing an import of 100,000 milestones took 60 s with the triggers, 25 s without.
    # Rows deleted all over the read indexes cost more than building those again at the end.
    set_wise = rows >= max(UNDO_SET_WISE_SEARCH, held)
    with (
        page_cache(conn, BULK_CACHE_KIB),
        search_set_aside(conn, set_wise),
        read_indexes_set_aside(conn, set_wise),
    ):
        for history_id, action, table, row_id, last_row_id, digest, old, new in _newest_first(
            conn, change.id
        ):
            recorded += 1
            if last_row_id is None:
                _revert(conn, change, history_id, action, table, row_id, old, new,
                        columns[table], as_json[table])  # fmt: skip
                change.rows += 1
            elif action == "insert":
                change.rows += _revert_span(conn, change, table, row_id, last_row_id, digest)
            else:
                change.rows += _put_back_span(conn, change, history_id, table, row_id,
                                              last_row_id)  # fmt: skip
        broken = conn.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            raise CasetrackError(_dangling(conn, change, broken[0], broken[1], broken[2]))
    # Each row put back writes one history row, each span one; more means a removal
    # cascaded to rows that later changes added (undoing an older change than the newest).
    written = conn.execute("SELECT count(*) FROM history WHERE change_id IS NULL").fetchone()[0]
    if written != recorded:
        raise CasetrackError(
            f"cannot undo change {change.id} ({change.command}): later changes added rows that"
            " depend on it (undo those first); nothing was undone"
        )


def _reverted_lines(conn: sqlite3.Connection, change_id: int) -> tuple[list[str], int]:
    """What undoing a change does, a line per row or span for its first UNDO_SHOWN history
    rows in undo order, and how many rows they stand for: a span's line is many, and what
    is left to say in a count is the change's rows less those."""
    import json

    names = Names(conn)
    lines: list[str] = []
    covered = 0
    for history_id, action, table, row_id, last_row_id, _, old, new in _newest_first(
        conn, change_id
    ):
        if len(lines) == UNDO_SHOWN:
            break
        covered += 1 if last_row_id is None else last_row_id - row_id + 1
        if last_row_id is not None:
            rows = rows_said(table, row_id, last_row_id)
            lines.append(
                f"removed {rows}, added in bulk"
                if action == "insert"
                else f"put back {rows}, removed in bulk"
            )
            continue
        old_values, new_values = json.loads(old or "null"), json.loads(new or "null")
        at = names.as_of(history_id)
        if action == "update":
            # Reverting an update changes the row from its new values back to its old ones.
            summary = summarise(table, action, new_values, old_values, at)
            named = "" if table in _LINK_NAMES else f"{at.known(table, row_id)}, "
            lines.append(named + summary)
        else:
            verb = "removed" if action == "insert" else "put back"
            lines.append(f"{verb} {summarise(table, action, old_values, new_values, at)}")
    return lines, covered


def edited_here(
    conn: sqlite3.Connection, row_ids: Sequence[int], table: str = "milestones"
) -> set[int]:
    """Those of these milestones (or cases, parties, sources) changed in this store since an
    import last wrote them, or since they were made if no import has: a change of ours that a
    file's version of them would replace. A milestone is when any of its fields or links is
    (edited_fields); any other row when its latest live change (undos aside) is neither its
    making nor an import (edit, rm, restore, a rename...)."""
    if table == "milestones":
        return set(edited_fields(conn, row_ids))
    edited: set[int] = set()
    ids = list(row_ids)
    live = f"c.undoes IS NULL AND {_LIVE}"
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        edited.update(
            int(row_id)
            for row_id, _, action, command in conn.execute(
                "SELECT h.row_id, max(h.id), h.action, c.command FROM history h"
                " JOIN changes c ON c.id = h.change_id WHERE h.table_name = ?"
                f" AND h.row_id IN ({placeholders(chunk)}) AND {live} GROUP BY h.row_id",
                (table, *chunk),
            )
            if action != "insert" and command not in IMPORTS
        )
    return edited


def edited_fields(conn: sqlite3.Connection, milestone_ids: Sequence[int]) -> dict[int, set[str]]:
    """What of these milestones was edited here, field by field: for each one edited, the
    fields (EDITED_FIELDS' values, and 'parties', 'sources', 'tags' for its links) whose
    latest live change (undos aside) was made in this store, not by an import nor by the
    change that made it. A field an import leaves as an edit here made it stays edited
    here: the history records who changed what, column by column."""
    import json

    links = dict(zip(LINK_TABLES, ("parties", "sources", "tags"), strict=True))
    live = f"c.undoes IS NULL AND {_LIVE}"
    ours: dict[int, dict[str, bool]] = {}
    ids = list(milestone_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = placeholders(chunk)
        events = conn.execute(
            "SELECT h.id, h.table_name, h.row_id, h.action, h.old, h.new, c.command, c.id"
            " FROM history h JOIN changes c ON c.id = h.change_id"
            f" WHERE h.table_name = 'milestones' AND h.row_id IN ({marks}) AND {live}",
            chunk,
        ).fetchall()
        # Through schema.m030's index, whose expression and condition these repeat (named,
        # as SQLite would read a few ids by table instead: all the store's link rows).
        events += conn.execute(
            "SELECT h.id, h.table_name, json_extract(coalesce(h.new, h.old), '$.milestone_id')"
            " AS mid, h.action, NULL, NULL, c.command, c.id FROM history h"
            " INDEXED BY history_link_milestone JOIN changes c ON c.id = h.change_id"
            " WHERE h.last_row_id IS NULL"
            f" AND h.table_name IN ({', '.join(map(repr, LINK_TABLES))}) AND {live}"
            f" AND mid IN ({marks})",
            chunk,
        ).fetchall()
        made: dict[int, int] = {}  # the change that made each milestone: its making
        for _, table, row_id, action, old, new, command, change in sorted(events):
            fields = ours.setdefault(int(row_id), {})
            by_us = command not in IMPORTS and made.get(int(row_id)) != change
            if table in links:
                fields[links[table]] = by_us
            elif action == "insert":
                fields.clear()
                made[int(row_id)] = change
            elif action == "update" and old and new:
                before, after = json.loads(old), json.loads(new)
                for column, name in EDITED_FIELDS.items():
                    if before.get(column) != after.get(column):
                        fields[name] = by_us
    return {
        row_id: edited
        for row_id, fields in ours.items()
        if (edited := {name for name, by_us in fields.items() if by_us})
    }


def _newest_first(conn: sqlite3.Connection, change_id: int) -> Iterator[tuple[Any, ...]]:
    """A change's history rows (id first), newest first, read a batch at a time: an import's
    can run to millions. (Reverting writes new history rows, but none in this change.)"""
    before = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM history").fetchone()[0]
    while batch := conn.execute(
        "SELECT id, action, table_name, row_id, last_row_id, digest, old, new FROM history"
        " WHERE change_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
        (change_id, before, UNDO_BATCH),
    ).fetchall():
        before = batch[-1][0]
        yield from batch


def _later_change(
    conn: sqlite3.Connection, change: Change, table: str, first: int, last: int, actions: str
) -> tuple[Any, ...] | None:
    """The newest change after `change` that did one of `actions` to any of these rows:
    its id, command and the change it undoes, if it is an undo."""
    row: tuple[Any, ...] | None = conn.execute(
        "SELECT c.id, c.command, c.undoes FROM history h JOIN changes c ON c.id = h.change_id"
        " WHERE h.table_name = ? AND h.row_id <= ? AND coalesce(h.last_row_id, h.row_id) >= ?"
        " AND h.change_id > ? AND instr(?, h.action) ORDER BY h.id DESC LIMIT 1",
        (table, last, first, change.id, actions),
    ).fetchone()
    return row


def _dangling(
    conn: sqlite3.Connection, change: Change, table: str, row_id: int, parent: str
) -> str:
    """Why undoing `change` would leave a row pointing at nothing: a later change added a
    row that needs what `change` added (undo that first), or what a row it puts back linked
    to was removed since."""
    later = _later_change(conn, change, table, row_id, row_id, "insert")
    start = f"cannot undo change {change.id} ({change.command}):"
    if later is not None:
        return (
            f"{start} {rows_said(table, row_id)}, added by change {later[0]} ('{later[1]}'),"
            f" needs {row_noun(parent, many=True)} it added: undo change {later[0]} first;"
            " nothing was undone"
        )
    return f"{start} {row_noun(parent, many=True)} it linked to are gone since; nothing was undone"


def _changed_since(
    conn: sqlite3.Connection, change: Change, table: str, first: int, last: int
) -> str:
    """Why rows are no longer as `change` left them: the newest later change to touch them
    (to undo first, unless it is itself an undo), else an edit made outside casetrack."""
    later = _later_change(conn, change, table, first, last, "insert update delete")
    if later is None:
        return "changed since, outside casetrack"
    what = f"changed since by change {later[0]} ('{later[1]}')"
    return what if later[2] is not None else f"{what}: undo it first ('casetrack undo {later[0]}')"


def _revert_span(
    conn: sqlite3.Connection, change: Change, table: str, first: int, last: int, digest: str
) -> int:
    """Remove the rows a span of history records as added; returns how many there were.

    Spans are written after the rows their block recorded one by one, so newest first they
    go first: rows the block added are gone before its other rows are put back, and link
    tables' spans come before those of the tables they link. The removal is one history
    row, a span, with a compressed copy of the rows (history_copies), not a row each.
    """
    removed, found = remove_copied(conn, table, first, last)
    if found != digest:  # undo's own transaction rolls the removal back
        raise CasetrackError(
            f"cannot undo change {change.id} ({change.command}): {rows_said(table, first, last)}"
            f" {_changed_since(conn, change, table, first, last)}; nothing was undone"
        )
    return removed


def _put_back_span(
    conn: sqlite3.Connection, change: Change, history_id: int, table: str, first: int, last: int
) -> int:
    """Put back the rows an undo removed in bulk, from its copy, as a span of history of
    their own (so undoing them again is one span too); returns how many."""
    start = f"cannot undo change {change.id} ({change.command}): {rows_said(table, first, last)}"
    if conn.execute(
        f"SELECT 1 FROM {table} WHERE rowid BETWEEN ? AND ? LIMIT 1", (first, last)
    ).fetchone():
        raise CasetrackError(
            f"{start} {_changed_since(conn, change, table, first, last)}; nothing was undone"
        )
    try:
        count = put_back(conn, history_id, table, first, last)
    except sqlite3.IntegrityError as err:
        raise CasetrackError(
            f"{start} clash with rows added since ({err}); nothing was undone"
        ) from None
    conn.execute(
        "INSERT INTO history (action, table_name, row_id, last_row_id, digest)"
        " VALUES ('insert', ?, ?, ?, ?)",
        (table, first, last, span_digest(conn, table, first, last)),
    )
    return count


def _revert(
    conn: sqlite3.Connection,
    change: Change,
    history_id: int,
    action: str,
    table: str,
    row_id: int,
    old: str | None,
    new: str | None,
    columns: list[str],
    as_json: str,
) -> None:
    """Put one recorded row back; `as_json` is row_json of `columns`, made once per undo.

    A record written before columns were added to its table (by an upgrade) holds fewer:
    the row is compared on those it holds, and put back with them, the columns worked out
    from others made again (history_sql.with_derived)."""
    import json

    current = conn.execute(f"SELECT {as_json} FROM {table} WHERE rowid = ?", (row_id,)).fetchone()
    now = current[0] if current else None
    if now != new and not _as_recorded(conn, history_id, table, row_id, new, columns):
        raise CasetrackError(
            f"cannot undo change {change.id} ({change.command}): {rows_said(table, row_id)}"
            f" {_changed_since(conn, change, table, row_id, row_id)}; nothing was undone"
        )
    if action == "insert":
        conn.execute(f"DELETE FROM {table} WHERE rowid = ?", (row_id,))
        return
    values = with_derived(table, json.loads(old or "{}"))
    names = [c for c in columns if c in values]
    if action == "update":
        assignments = ", ".join(f'"{c}" = ?' for c in names)
        conn.execute(
            f"UPDATE {table} SET {assignments} WHERE rowid = ?",
            (*(values[c] for c in names), row_id),
        )
    else:
        quoted = ", ".join(f'"{c}"' for c in names)
        marks = placeholders(names)
        conn.execute(
            f"INSERT INTO {table} (rowid, {quoted}) VALUES (?, {marks})",
            (row_id, *(values[c] for c in names)),
        )


def _as_recorded(
    conn: sqlite3.Connection,
    history_id: int,
    table: str,
    row_id: int,
    new: str | None,
    columns: list[str],
) -> bool:
    """Whether a row that differs from its record (history row `history_id`, which left it
    `new`) differs only in columns added to its table since: the record's own columns are as
    it left them, and each added one is as the first later record of the row that holds it
    found it (none: no change of ours touched it since the upgrade added it), but for one
    worked out from the others (DERIVED), which putting the row back works out again."""
    import json

    if new is None:
        return False
    recorded = json.loads(new)
    if all(c in recorded for c in columns) or recorded_json(conn, table, row_id, new) != new:
        return False
    missing = [c for c in columns if c not in recorded and c != DERIVED.get(table)]
    if not missing:
        return True
    for (old,) in conn.execute(
        "SELECT old FROM history WHERE table_name = ? AND row_id = ? AND id > ?"
        " AND last_row_id IS NULL AND old IS NOT NULL ORDER BY id",
        (table, row_id, history_id),
    ):
        before = json.loads(old)
        if all(c in before for c in missing):
            (now,) = conn.execute(
                f"SELECT {row_json(missing, table)} FROM {table} WHERE rowid = ?", (row_id,)
            ).fetchone()
            return bool(json.loads(now) == {c: before[c] for c in missing})
    return True


# A history row's change, as each listed entry shows it.
# (undone_by: none if that undo was undone since, putting the change back.)
_CHANGE = (
    "h.id, h.change_id, c.at, c.user, c.command, CASE WHEN (SELECT u.undone_by FROM changes u"
    " WHERE u.id = c.undone_by) IS NULL THEN c.undone_by END"
)
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
) -> Iterator[dict[str, Any]]:
    """Recorded row changes, oldest first: the last `limit`, of one milestone or one case.

    Unfiltered, rows added in bulk show as one entry per span, and the entries are read as
    they are listed; for a milestone or a case, each of its rows in a span shows as the
    insert it was, with the values it was added with (at most `limit` entries held).
    """
    names = Names(conn)
    if milestone_id is None and case is None:
        found = conn.execute(
            f"SELECT {_LISTED} FROM history h LEFT JOIN changes c ON c.id = h.change_id"
            " WHERE h.id >= ? ORDER BY h.id",
            (_first_listed(conn, limit),),
        )
        yield from (_listed(row, names)[1] for row in found)
        return
    about = (
        _about_milestones(conn, [milestone_id])
        if milestone_id is not None
        else _about_case(conn, str(case))
    )
    found = conn.execute(
        f"SELECT {_LISTED} FROM history h LEFT JOIN changes c ON c.id = h.change_id"
        f" WHERE h.last_row_id IS NULL AND {about.where} ORDER BY h.id DESC LIMIT ?",
        (*about.params, limit),
    )
    entries = [_listed(row, names) for row in found]
    rows = {*about.rows, *((e["table"], e["row"]) for _, e in entries)}
    entries += _span_inserts(conn, rows, about.milestones, limit, names)
    if not entries and milestone_id is not None:
        raise NotFoundError(f"no history for milestone {milestone_id}")
    entries.sort(key=lambda entry: entry[0])
    yield from (entry for _, entry in entries[-limit:])


def _first_listed(conn: sqlite3.Connection, limit: int) -> int:
    """The id of the first of the last `limit` history rows, found by the primary key."""
    first = conn.execute(
        "SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?", (limit - 1,)
    ).fetchone()
    return int(first[0]) if first else 0


def history_widths(conn: sqlite3.Connection, limit: int) -> dict[str, int]:
    """How wide the change, user, command, action, table and row cells of the last `limit`
    history rows get (see tables.widest); a command undone says by which change."""
    return widest(
        conn,
        "SELECT max(length(h.change_id)), max(length(c.user)), max(length(c.command)"
        " + CASE WHEN c.undone_by IS NULL THEN 0 ELSE 13 + length(c.undone_by) END),"
        " max(length(h.action)), max(length(h.table_name)), max(length(h.row_id))"
        " FROM history h LEFT JOIN changes c ON c.id = h.change_id WHERE h.id >= ?",
        (_first_listed(conn, limit),),
        ("change", "user", "command", "action", "table", "row"),
    )


# A history row as listed: its change, then what it did.
_LISTED = f"{_CHANGE}, h.action, h.table_name, h.row_id, h.last_row_id, h.old, h.new, h.erased_by"


def _listed(row: tuple[Any, ...], names: Names) -> _Entry:
    """A history row (as _LISTED reads it) as a listed entry, with a summary of its change."""
    import json

    *change, action, table, row_id, last_row_id, old, new, erased_by = row
    old_values, new_values = json.loads(old or "null"), json.loads(new or "null")
    if last_row_id is not None:
        done = "added" if action == "insert" else "removed"
        summary = f"{rows_said(table, row_id, last_row_id)}, {done} in bulk"
        if erased_by is not None:
            summary += f"; some erased for good by change {erased_by}"
    elif erased_by is not None:
        by = "" if erased_by == change[1] else f" by change {erased_by}"
        summary = f"erased for good{by}"
    else:
        at = names.as_of(change[0])
        summary = _listed_summary(action, summarise(table, action, old_values, new_values, at))
        if action == "update" and table not in _LINK_NAMES:
            # Said in full: at 80 columns the table and row columns give way first; a
            # milestone with its title, the listing having no other place for it.
            named = at.of(table, row_id) if table == "milestones" else at.known(table, row_id)
            summary = f"{named}: {summary}"
    return _entry(tuple(change), action, table, row_id, last_row_id, summary, old_values,
                  new_values)  # fmt: skip


def history_total(
    conn: sqlite3.Connection, milestone_id: int | None = None, case: str | None = None
) -> int:
    """How many entries `history_rows` lists with no limit (to say how many a limit left out):
    counted by SQLite for the whole history, by listing them for a milestone or a case."""
    if milestone_id is None and case is None:
        return int(conn.execute("SELECT count(*) FROM history").fetchone()[0])
    return sum(1 for _ in history_rows(conn, milestone_id, case, 2**63 - 1))


def _span_inserts(
    conn: sqlite3.Connection,
    rows: set[tuple[str, int]],
    milestones: set[int],
    limit: int,
    names: Names,
) -> list[_Entry]:
    """The newest `limit` inserts and removals of these rows (table, rowid) that spans of
    history record, with the values each was added with (those the next change to it found:
    its `old`, or the copy of a removal in bulk; else the row as it is now), or removed with
    (the removal's copy). Links are shown only if they were added to one of these
    milestones. (A case imported whole has a span entry for each of its rows: only those
    shown are read.)
    """
    spans = {
        table: conn.execute(
            f"SELECT {_CHANGE}, h.action, h.row_id, h.last_row_id FROM history h"
            " LEFT JOIN changes c ON c.id = h.change_id"
            " WHERE h.table_name = ? AND h.last_row_id IS NOT NULL",
            (table,),
        ).fetchall()
        for table in {table for table, _ in rows}
    }
    covered = sorted(
        ((span[0], row_id), table, span[-3], tuple(span[:-3]))
        for table, row_id in rows
        for span in spans[table]
        if span[-2] <= row_id <= span[-1]
    )
    as_json: dict[str, str] = {}
    found: list[_Entry] = []
    for (history_id, row_id), table, action, change in reversed(covered):
        if len(found) == limit:
            break
        if action == "delete":
            values = copied_row(conn, history_id, row_id)
        else:
            values = _added_with(conn, table, row_id, history_id, as_json)
        if values is None or (
            table in LINK_TABLES and values.get("milestone_id") not in milestones
        ):
            continue  # the span left no row there, or that row linked another milestone
        at = names.as_of(history_id)
        if action == "delete":
            summary = _listed_summary(action, summarise(table, action, values, None, at))
            found.append(_entry(change, action, table, row_id, None, summary, values, None))
        else:
            summary = summarise(table, action, None, values, at)
            found.append(_entry(change, action, table, row_id, None, summary, None, values))
    return found


def _added_with(
    conn: sqlite3.Connection, table: str, row_id: int, history_id: int, as_json: dict[str, str]
) -> dict[str, Any] | None:
    """The values a row had when history row `history_id` (a span) added it: as the next
    change to it found them (its `old`, or a copy of the rows it removed in bulk), else as
    the row is now; None if there is no such row."""
    import json

    row = conn.execute(
        "SELECT id, old FROM history WHERE table_name = ? AND row_id = ? AND id > ?"
        " AND last_row_id IS NULL ORDER BY id LIMIT 1",
        (table, row_id, history_id),
    ).fetchone()
    removed = conn.execute(
        "SELECT id FROM history WHERE table_name = ? AND last_row_id IS NOT NULL"
        " AND last_row_id >= ? AND row_id <= ? AND action = 'delete' AND id > ?"
        " ORDER BY id LIMIT 1",
        (table, row_id, row_id, history_id),
    ).fetchone()
    if removed is not None and (row is None or removed[0] < row[0]):
        return copied_row(conn, removed[0], row_id)
    if row is not None:
        return json.loads(row[1]) if row[1] else None
    if table not in as_json:
        as_json[table] = row_json(table_columns(conn, table), table)
    now = conn.execute(f"SELECT {as_json[table]} FROM {table} WHERE rowid = ?", (row_id,))
    current = now.fetchone()
    return json.loads(current[0]) if current else None


@dataclass
class _About:
    """Which history a listing is about: a WHERE on history rows (as `h`) with its
    parameters, and the rows (table, rowid) whose inserts in spans it shows too."""

    where: str
    params: list[Any]
    rows: set[tuple[str, int]]
    milestones: set[int]


def _about_milestones(conn: sqlite3.Connection, ids: list[int]) -> _About:
    """Rows of these milestones and of their links: a link's through schema.m030's index,
    whose expression and condition this repeats (named, as SQLite would otherwise read every
    link row of the history by table). A link row's milestone is its new values' or, for a
    removal, its old ones' (no change moves a link to another milestone)."""
    import json

    ids_json = json.dumps(ids)
    where = (
        "((h.table_name = 'milestones' AND h.row_id IN (SELECT value FROM json_each(?)))"
        " OR h.id IN (SELECT id FROM history INDEXED BY history_link_milestone"
        f" WHERE last_row_id IS NULL AND table_name IN ({', '.join(map(repr, LINK_TABLES))})"
        " AND json_extract(coalesce(new, old), '$.milestone_id')"
        " IN (SELECT value FROM json_each(?))))"
    )
    rows = {("milestones", i) for i in ids}
    wanted = set(ids)
    for link in LINK_TABLES:
        rows.update(
            (link, r[0])
            for r in conn.execute(
                f"SELECT rowid FROM {link} WHERE milestone_id IN (SELECT value FROM json_each(?))",
                (ids_json,),
            )
        )
        # and those an undo removed in bulk, from its copy
        rows.update(
            (link, rowid)
            for rowid, _ in copied_rows(
                conn, link, lambda _, v: v.get("milestone_id") in wanted,
                lambda line: line_field(line, "milestone_id") in wanted,
            )
        )  # fmt: skip
    return _About(where, [ids_json, ids_json], rows, wanted)


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
    key = slug.strip().lower()  # as COLLATE NOCASE compares
    case_ids = list(dict.fromkeys([*case_ids, *(
        rowid
        for rowid, _ in copied_rows(
            conn, "cases", lambda _, v: str(v.get("slug")).lower() == key,
            lambda line: key in line.lower(),
        )
    )]))  # fmt: skip
    if not case_ids:
        from casetrack.cases import case_slugs
        from casetrack.text import did_you_mean

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
    cases = set(case_ids)
    milestone_ids = list(dict.fromkeys([*milestone_ids, *(
        rowid
        for rowid, _ in copied_rows(
            conn, "milestones", lambda _, v: v.get("case_id") in cases,
            lambda line: line_field(line, "case_id") in cases,
        )
    )]))  # fmt: skip
    about = _about_milestones(conn, milestone_ids)
    case_clause = "(h.table_name = 'cases' AND h.row_id IN (SELECT value FROM json_each(?)))"
    return _About(
        f"({case_clause} OR {about.where})",
        [json.dumps(case_ids), *about.params],
        about.rows | {("cases", i) for i in case_ids},
        about.milestones,
    )


# Columns that point at another row, shown by that row's name.
_REFERENCES = {
    "case_id": "cases", "party_id": "parties", "source_id": "sources",
    "milestone_id": "milestones",
}  # fmt: skip
_NAME_COLUMNS = {"cases": "slug", "parties": "name", "sources": "url", "milestones": "title",
                 "rules": "id"}  # fmt: skip
# What a row named by its name is, said before the name (Names.known).
_KNOWN_BY = {"cases": "case", "parties": "party", "sources": "source", "rules": "rule"}
_TITLE_SHOWN = 40  # characters of a milestone's title when it names the milestone


_NAMES_KEPT = 10_000  # rows whose names a listing remembers, so a long one is not held in names


@dataclass
class _NameTimeline:
    """What one row was called over time: after each history row that recorded it (its new
    values, or a removal's old ones), before the first (that row's old values), and now."""

    ids: list[int]
    after: list[Any]
    before: Any
    now: Any
    exists: bool

    def at(self, history_id: int | None) -> Any:
        if history_id is None:  # as it is now, else as last recorded
            return self.now if self.exists or not self.ids else self.after[-1]
        i = bisect.bisect_right(self.ids, history_id)
        if i:
            return self.after[i - 1]
        return self.before if self.ids else self.now


class Names:
    """What history lines call the rows they point at: the case slug, the party's name, the
    source's URL or citation, the milestone's id and title. Bound to a history row (as_of),
    as they were then, from the history's own images (the last at or before it, else what
    the next change found), else as they are now; unbound, as they are now, else as last
    recorded; else the bare id (erased). A line never borrows the title of what a row
    became later (an undone milestone's id given again, a title edited since)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        at: int | None = None,
        known: dict[tuple[str, int], _NameTimeline] | None = None,
    ) -> None:
        self.conn = conn
        self.at = at
        self._known = {} if known is None else known

    def as_of(self, history_id: int) -> Names:
        """The names as they were when history row `history_id` was written."""
        return Names(self.conn, history_id, self._known)

    def of(self, table: str, row_id: Any) -> str:
        """A row's name as it was then (a case's slug, a party's name), looked up once per row."""
        if not isinstance(row_id, int):
            return NO_VALUE if row_id is None else str(row_id)
        key = (table, row_id)
        if key not in self._known:
            if len(self._known) >= _NAMES_KEPT:  # a long listing: forget the oldest
                del self._known[next(iter(self._known))]
            self._known[key] = self._timeline(table, row_id)
        name = self._known[key].at(self.at)
        if table == "milestones":
            if name is None:
                return f"milestone {row_id}"
            return f"milestone {row_id} {shortened(name, _TITLE_SHOWN)!r}"
        if table == "cases":
            return str(name) if name is not None else f"case {row_id}"
        if table == "sources" and _is_document(name):
            title_key = ("sources.title", row_id)  # a document's source, by its title then
            if title_key not in self._known:
                self._known[title_key] = self._timeline(table, row_id, "title")
            return _source_name(name, self._known[title_key].at(self.at))
        return repr(name) if name is not None else rows_said(table, row_id)

    def known(self, table: str, row_id: int) -> str:
        """A row whose fields changed, on its own as its commands name it: 'case acme-2019',
        "party 'Jane Doe'", 'rule ny-cplr-5513a'; a row known by its number by it (milestone
        3, deadline 2, document 4); one whose name is gone by its number."""
        noun = _KNOWN_BY.get(table)
        if noun is None:
            return rows_said(table, row_id)
        named = self.of(table, row_id)
        if table == "rules":  # an id, as rule commands take it: unquoted, as a slug is
            name = self._known[table, row_id].at(self.at)
            return rows_said(table, row_id) if name is None else f"{noun} {name}"
        return named if named == rows_said(table, row_id) else f"{noun} {named}"

    def _timeline(self, table: str, row_id: int, column: str | None = None) -> _NameTimeline:
        column = column or _NAME_COLUMNS[table]
        rows = self.conn.execute(
            "SELECT id, coalesce(json_extract(new, '$.' || ?1), json_extract(old, '$.' || ?1)),"
            " coalesce(json_extract(old, '$.' || ?1), json_extract(new, '$.' || ?1))"
            " FROM history WHERE table_name = ?2 AND row_id = ?3 AND last_row_id IS NULL"
            " AND erased_by IS NULL ORDER BY id",
            (column, table, row_id),
        ).fetchall()
        now = self.conn.execute(
            f"SELECT {column} FROM {table} WHERE rowid = ?", (row_id,)
        ).fetchone()
        if not rows and now is None:  # removed in bulk, maybe: as its copy has it
            copy = self.conn.execute(
                "SELECT id FROM history WHERE table_name = ?1 AND action = 'delete'"
                " AND last_row_id IS NOT NULL AND last_row_id >= ?2 AND row_id <= ?2"
                " ORDER BY id DESC LIMIT 1",
                (table, row_id),
            ).fetchone()
            values = copied_row(self.conn, copy[0], row_id) if copy else None
            if values is not None:
                return _NameTimeline([], [], values.get(column), values.get(column), False)
        return _NameTimeline(
            [r[0] for r in rows], [r[1] for r in rows], rows[0][2] if rows else None,
            now[0] if now else None, now is not None,
        )  # fmt: skip


_DIGEST_SHOWN = 12  # hex digits of a document's hash when it names the document's source


def _is_document(url: Any) -> bool:
    """Whether a source's URL is a registered document's: 'sha256:' and its 64 hex digits."""
    return isinstance(url, str) and url.startswith(SOURCE_PREFIX) and len(url) == 71


def _source_name(url: Any, title: Any) -> str:
    """A source as history names it: its URL or citation, quoted; a registered document's by
    its title and the start of its hash, "'Exhibit 5' (sha256:ee5d7863d093…)", for the whole
    hash is too long for a line of any listing to hold."""
    if not _is_document(url):
        return _text(url)
    short = f"{url[: len(SOURCE_PREFIX) + _DIGEST_SHOWN]}…"
    return f"{_text(title)} ({short})" if title else _text(short)


def _listed_summary(action: str, summary: str) -> str:
    """A history entry's summary: a removal says so, since the action column is the first
    to give way on a narrow terminal and a removed link would otherwise read as an added one."""
    return f"removed {summary}" if action == "delete" else summary


def summarise(
    table: str,
    action: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    names: Names,
) -> str:
    """One line a person can read: each changed field as old → new in full, or what was
    added or removed, with the names and titles of the rows it points at."""
    if action == "update" and old is not None and new is not None:
        old, new = _as_said(table, old), _as_said(table, new)
        changed = [k for k, v in new.items()
                   if k not in _NOISE and k not in _FROM_DATE and old.get(k) != v]  # fmt: skip
        said = [_changed(k, old.get(k), new[k], names) for k in changed if k not in _PLACE]
        if "date" not in changed and any(k in _PLACE for k in changed):
            said.append("moved to another place on the timeline")
        if not said:  # only touched: its tags, parties or sources changed, on lines of their own
            from casetrack.dates import display_time

            before, after = old.get("updated_at"), new.get("updated_at")
            said.append(
                f"last changed: {display_time(before)} → {display_time(after)}"
                if before != after
                else "touched, no field changed"
            )
        if table in _LINK_NAMES:  # which party or source, on which milestone
            return f"{_link(table, new, names)}: {'; '.join(said)}"
        return "; ".join(said)
    return _label(table, (new if action == "insert" else old) or {}, names)


# Links whose rows are updated (a role, a quote), by the column naming what they link to.
_LINK_NAMES = {"milestone_parties": ("party_id", "parties", "in"),
               "milestone_sources": ("source_id", "sources", "cited in")}  # fmt: skip


def _link(table: str, values: dict[str, Any], names: Names) -> str:
    """A link row by the party or source and the milestone it joins."""
    column, named, joined = _LINK_NAMES[table]
    linked = names.of(named, values.get(column))
    return f"{linked} {joined} {names.of('milestones', values.get('milestone_id'))}"


def _as_said(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """A row's values by the fields its commands give: a rule's amount, unit and direction
    are its period ('30 days after'), its triggers the kinds it names ('judgment, order')."""
    if table != "rules" or not {"amount", "unit", "direction"} <= values.keys():
        return values
    import json

    from casetrack.deadlines.rules import period_words

    period = period_words(values["amount"], values["unit"], values["direction"])
    said = {k: v for k, v in values.items() if k not in ("unit", "direction")}
    said = {("period" if k == "amount" else k): period if k == "amount" else v
            for k, v in said.items()}  # fmt: skip
    with contextlib.suppress(TypeError, ValueError):
        said["triggers"] = ", ".join(json.loads(values.get("triggers") or "[]")) or None
    return said


def _changed(column: str, old: Any, new: Any, names: Names) -> str:
    if column == "deleted_at":
        return "moved to the trash" if new else "restored from the trash"
    if column in _REFERENCES:
        table = _REFERENCES[column]
        return f"{column[:-3]}: {names.of(table, old)} → {names.of(table, new)}"
    if column == "date":
        return f"date: {_date(old)} → {_date(new)}"
    return f"{column.replace('_', ' ')}: {_text(old)} → {_text(new)}"


def _date(value: Any) -> str:
    """A stored date as the listings say it (one written by another program, as it is)."""
    from casetrack.dates import display_text

    try:
        return display_text(value)
    except (CasetrackError, TypeError, ValueError):
        return _text(value)


def _label(table: str, values: dict[str, Any], names: Names) -> str:
    """A row by what names it: title, name, URL, and the rows a link joins."""
    get = values.get
    if table == "milestones":
        where = f"{names.of('cases', get('case_id'))} {_date(get('date'))} {get('kind')}"
        text = f"milestone {get('id')}, {where}: {_text(get('title'))}"
    elif table == "cases":
        text = f"case {get('slug')} {_text(get('title'))}"
    elif table == "parties":
        text = f"party {_text(get('name'))} ({get('kind')})"
    elif table == "sources":
        url, title = get("url"), get("title")
        text = f"source {_source_name(url, title)}"
        text += f" {_text(title)}" if title and not _is_document(url) else ""
    elif table == "kinds":
        text = f"kind {_text(get('name'))}"
    elif table == "party_aliases":
        text = f"alias {_text(get('alias'))} of {names.of('parties', get('party_id'))}"
    elif table == "milestone_parties":
        role = f" as {_text(get('role'))}" if get("role") else ""
        text = f"{names.of('parties', get('party_id'))}{role} in"
    elif table == "milestone_sources":
        text = f"{names.of('sources', get('source_id'))} cited in"
    elif table == "milestone_tags":
        text = f"tag {_text(get('tag'))} on"
    elif table == "documents":
        pages = plural(get("pages"), "page")
        text = f"document {get('id')} {_text(get('title'))} ({pages}, {get('path')})"
    elif table == "document_pages":
        text = f"page {_text(get('label'))} of document {get('document_id')}"
    else:
        return _counting_label(table, values, names)
    if table in LINK_TABLES:
        text += " " + names.of("milestones", get("milestone_id"))
        text += "".join(f"; {k} {_text(get(k))}" for k in ("quote", "page", "paragraph") if get(k))
    return text


def _counting_label(table: str, values: dict[str, Any], names: Names) -> str:
    """A deadline by its rule and trigger, a rule by its title, a court's closure by its day;
    a row of any other table by its values."""
    get = values.get
    if table == "deadlines":
        rule = f"rule {get('rule')}" if get("rule") else "no rule"
        trigger = names.of("milestones", get("trigger_id")) if get("trigger_id") else "no trigger"
        return f"deadline {get('milestone_id')} by {rule}, counted from {trigger}"
    if table == "rules":
        return f"rule {get('id')} {_text(get('title'))} ({_text(get('citation'))})"
    if table == "closures":
        reason = f" ({_text(get('reason'))})" if get("reason") else ""
        return f"closure of {get('court')} on {_date(get('day'))}{reason}"
    return "; ".join(f"{k}={_text(v)}" for k, v in values.items() if v not in (None, ""))


def _text(value: Any) -> str:
    """A stored value as history and undo say it: text quoted, a number as it is, no value
    (a field cleared or not yet set) as NO_VALUE, not as the null of the JSON it is kept in."""
    if not isinstance(value, str):
        return NO_VALUE if value is None else str(value)
    return repr(value)
