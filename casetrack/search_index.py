"""Keeping the search rows and their FTS5 index in step with the milestones, or setting
their triggers aside and rebuilding everything at once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from casetrack.search_rows import SEARCH_COLUMNS, insert_search_rows

# The columns of the cases' own index (schema.m028_case_numbers), in its order.
CASE_NAMES = "title, slug, docket, court"
# The triggers that keep search rows in step, bar those of the FTS table itself.
SEARCH_TRIGGERS = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    " AND name GLOB '*_search_*' AND tbl_name != 'milestone_search'"
)


def drop_triggers(conn: Any, query: str, params: Any = ()) -> list[str]:
    """Drop the triggers `query` selects (as name, sql); returns the SQL to put them back."""
    triggers = conn.execute(query, params).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in triggers]


def refresh_search(conn: Any, where: str, params: Any = ()) -> None:
    """Recompute, through the view, the search rows of the milestones matching `where` (on
    the view's `id`); the FTS5 index follows them through its triggers."""
    columns = ", ".join(SEARCH_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in SEARCH_COLUMNS)
    conn.execute(
        f"INSERT INTO milestone_search (id, {columns}) SELECT id, {columns}"
        f" FROM milestone_search_source WHERE {where} ON CONFLICT (id) DO UPDATE SET {updates}",
        params,
    )


def rebuild_search(conn: Any, *, through_view: bool = False) -> None:
    """Recompute every search row, then rebuild the FTS5 index from them in one pass.

    Patching a damaged index row by row fails ('database disk image is malformed'), and
    once most rows are new a rebuild takes a third of the time (10 s instead of some 28 s
    at a million milestones). The rows come from search_rows.insert_search_rows, or with
    through_view from the view that defines them: slower, and the way to mend.
    """
    triggers = drop_triggers(
        conn,
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'trigger' AND tbl_name = 'milestone_search'",
    )
    conn.execute("DELETE FROM milestone_search")
    columns = ", ".join(SEARCH_COLUMNS)
    if through_view:
        conn.execute(
            f"INSERT INTO milestone_search (id, {columns}) SELECT id, {columns}"
            " FROM milestone_search_source WHERE true"
        )
    else:
        insert_search_rows(conn)
    for sql in triggers:
        conn.execute(sql)
    conn.execute("INSERT INTO milestone_search_fts (milestone_search_fts) VALUES ('rebuild')")


@contextmanager
def search_set_aside(conn: Any, set_aside: bool = True) -> Iterator[None]:
    """Run a block inside a write transaction without the triggers that keep search rows in
    step, then recompute every search row and rebuild the FTS5 index: for a block that
    touches more milestones than the store keeps. With set_aside=False, just run the block."""
    triggers = drop_triggers(conn, SEARCH_TRIGGERS) if set_aside else []
    yield
    if set_aside:
        rebuild_search(conn)
    for sql in triggers:
        conn.execute(sql)


def rebuild_case_names(conn: Any) -> None:
    """Index every case's title, slug, docket number and court again (schema.m025_case_names,
    m028_case_numbers), as its triggers do."""
    conn.execute("DELETE FROM case_names_fts")
    conn.execute(
        f"INSERT INTO case_names_fts (rowid, {CASE_NAMES}) SELECT id, {CASE_NAMES} FROM cases"
    )


def stale_case_names(conn: Any) -> int:
    """How many cases the index of titles, slugs, docket numbers and courts has wrong,
    missing or left over: the cases are few, so it is compared with them whole."""
    same = " AND ".join(f"f.{c} IS c.{c}" for c in CASE_NAMES.split(", "))
    (count,) = conn.execute(
        "SELECT (SELECT count(*) FROM cases) - (SELECT count(*) FROM cases c"
        f" JOIN case_names_fts f ON f.rowid = c.id WHERE {same})"
        " + (SELECT count(*) FROM case_names_fts WHERE rowid NOT IN (SELECT id FROM cases))"
    ).fetchone()
    return int(count)
