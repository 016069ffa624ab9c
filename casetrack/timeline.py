"""Milestones in timeline order, selected by casetrack.selection's filters.

Order: each milestone's stored sort_key (dates.order_key: the day its date places it on,
or the one `move` gave it), then entry order (position), which `move` can change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from casetrack.dates import DateValue, display_date, from_stored
from casetrack.milestones import iter_milestones, select_milestones
from casetrack.models import Milestone
from casetrack.selection import Filters, where_clause
from casetrack.tables import TIMELINE_ORDER, reversed_order

ORDER_BY = TIMELINE_ORDER


def timeline_ids(conn: sqlite3.Connection, filters: Filters) -> list[int]:
    """The ids a filter set selects, in timeline order, without loading the milestones."""
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


class TimelineQuery:
    """A timeline read a batch at a time, and what a long listing asks of its query
    (listings.TimelineQuery): whether it spans cases, and each milestone's predecessor."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        filters: Filters,
        limit: int | None = None,
        reverse: bool = False,
    ) -> None:
        self.conn = conn
        self.where, self.params = where_clause(conn, filters)
        self.limit = limit
        self.reverse = reverse
        self.order = reversed_order(ORDER_BY) if reverse else ORDER_BY
        self._end: tuple[object, ...] | None = None

    def milestones(self) -> Iterator[Milestone]:
        """The listing, read a batch at a time."""
        return iter_milestones(self.conn, self.where, self.params, self.order, self.limit)

    def _listed(self, columns: str) -> tuple[str, list[object]]:
        """The listing's rows, with `limit`, as a subquery of these columns."""
        sql = f"SELECT {columns} FROM milestones m WHERE {self.where}"
        if self.limit is None:
            return sql, list(self.params)
        return f"{sql} ORDER BY {self.order} LIMIT ?", [*self.params, self.limit]

    def several_cases(self) -> bool:
        """Whether the listing spans more than one case (then its table names each row's case),
        asked of SQL when the first rows cannot tell."""
        listed, params = self._listed("m.case_id")
        sql = f"SELECT count(*) FROM (SELECT DISTINCT case_id FROM ({listed}) LIMIT 2)"
        return bool(self.conn.execute(sql, params).fetchone()[0] > 1)

    def widest(self) -> dict[str, int]:
        """How wide the id, case, date, kind and title cells of the listing get, in one
        pass of SQL (dates said once per distinct date): what a long table is sized by."""
        listed, params = self._listed(
            "m.id, m.case_id, m.date, m.precision, m.kind, m.title, m.key, m.status,"
            " (SELECT done_at FROM deadlines WHERE milestone_id = m.id) AS done"
        )
        # What listings.title_label adds: ' [key]', ' [disputed]', ' [done 3 Jun 2024]'.
        flags = "CASE WHEN key THEN 6 ELSE 0 END + CASE WHEN status != 'undisputed'" \
            " THEN length(status) + 3 ELSE 0 END + CASE WHEN done IS NULL THEN 0" \
            " ELSE 18 + (substr(done, 9, 1) != '0') END"  # fmt: skip
        ids, kinds, titles = self.conn.execute(
            f"SELECT max(length(id)), max(length(kind)), max(length(title) + {flags})"
            f" FROM ({listed})",
            params,
        ).fetchone()
        (cases,) = self.conn.execute(
            f"SELECT max(length(slug)) FROM cases WHERE id IN (SELECT case_id FROM ({listed}))",
            params,
        ).fetchone()
        dates = widest_date(self.conn, listed, params)
        found = {"id": ids, "case": cases, "date": dates, "kind": kinds, "title": titles}
        return {name: int(width or 0) for name, width in found.items()}

    def earlier(self, milestone: Milestone) -> DateValue | None:
        """The date of the milestone just before this one in its case's listing, for its elapsed
        time; None for a case's first."""
        where = [
            self.where,
            "m.case_id = (SELECT case_id FROM milestones WHERE id = ?)",
            "(m.sort_key, m.position, m.id) < (?, ?, ?)",
        ]
        params = [*self.params, milestone.id, milestone.sort_key, milestone.position, milestone.id]
        if self.limit is not None and self.reverse:  # the listing ends where its limit does
            if self._end is None:
                sql = f"SELECT m.sort_key, m.position, m.id FROM milestones m WHERE {self.where}"
                sql += f" ORDER BY {self.order} LIMIT 1 OFFSET ?"
                row = self.conn.execute(sql, [*self.params, self.limit - 1]).fetchone()
                self._end = tuple(row) if row else ("", 0, 0)
            where.append("(m.sort_key, m.position, m.id) >= (?, ?, ?)")
            params.extend(self._end)
        sql = (
            "SELECT m.date, m.date_start, m.date_end, m.precision, m.approximate, m.uncertain"
            f" FROM milestones m WHERE {' AND '.join(where)}"
            f" ORDER BY {reversed_order(ORDER_BY)} LIMIT 1"
        )
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else from_stored(*row)


def widest_date(conn: sqlite3.Connection, listed: str, params: Sequence[object]) -> int:
    """How wide the dates of a listing (a subquery with `date` and `precision` columns) get as
    people read them, each distinct date said once."""
    return max(
        (len(display_date(DateValue(text, None, None, precision)))
         for text, precision in conn.execute(
             f"SELECT DISTINCT date, precision FROM ({listed})", params)),
        default=0,
    )  # fmt: skip
