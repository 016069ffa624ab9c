"""Milestones in timeline order, selected by casetrack.selection's filters.

Order: each milestone's stored sort_key (dates.order_key: the day its date places it on,
or the one `move` gave it), then entry order (position), which `move` can change.
"""

from __future__ import annotations

import sqlite3

from casetrack.milestones import select_milestones
from casetrack.models import Milestone
from casetrack.selection import Filters, where_clause
from casetrack.tables import TIMELINE_ORDER, reversed_order

ORDER_BY = TIMELINE_ORDER


def timeline_ids(conn: sqlite3.Connection, filters: Filters) -> list[int]:
    where, params = where_clause(conn, filters)
    sql = f"SELECT m.id FROM milestones m WHERE {where} ORDER BY {ORDER_BY}"
    return [r[0] for r in conn.execute(sql, params)]


def timeline(
    conn: sqlite3.Connection, filters: Filters, limit: int | None = None, reverse: bool = False
) -> list[Milestone]:
    """The selected milestones, full records, in timeline order (latest first if `reverse`);
    only the first `limit` of them, counted in SQL so a long timeline is not read whole."""
    where, params = where_clause(conn, filters)
    order = reversed_order(ORDER_BY) if reverse else ORDER_BY
    return select_milestones(conn, where, params, order, limit)
