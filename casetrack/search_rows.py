"""Every milestone's search row at once, for the writes that recompute them all.

The view `milestone_search_source` (schema.m002_search) says what a milestone's searchable
text is, and the triggers refresh one milestone at a time through it. Recomputing every
row through the view runs its correlated subqueries once per milestone: 46 s at a million
milestones. Here each table is read once, in milestone order, and the rows are put
together in Python: 25 s. The text is the view's own, in its order (parties by id, then
their aliases by party and alias id; tags by tag; quotes and sources by source id; the
roles parties play, each once, by role), which
`casetrack check` and the tests compare row for row. `casetrack search --rebuild` still
goes through the view, so that it mends whatever this could ever get wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

SEARCH_COLUMNS = (
    "title", "note", "location", "tags", "quotes", "parties", "sources", "kind", "roles",
)  # fmt: skip
# A source's searchable label, as the view writes it.
_SOURCE_LABEL = (
    "nullif(trim(coalesce(s.title, '') || ' ' || coalesce(s.publisher, '') || ' '"
    " || CASE WHEN s.url LIKE 'http://%' OR s.url LIKE 'https://%' THEN '' ELSE s.url END"
    "), '')"
)
_FETCH = 4096


def _rows(conn: sqlite3.Connection, sql: str) -> Iterator[Any]:
    cursor = conn.execute(sql)
    while batch := cursor.fetchmany(_FETCH):
        yield from batch


class _Stream:
    """Rows grouped by milestone id (their first column), taken in step with the milestones."""

    def __init__(self, conn: sqlite3.Connection, sql: str) -> None:
        self._groups = groupby(_rows(conn, sql), key=itemgetter(0))
        self._next = next(self._groups, None)

    def take(self, milestone_id: int) -> list[Any]:
        """This milestone's rows (none if it has none); rows of lower ids are passed over."""
        while self._next is not None and self._next[0] < milestone_id:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != milestone_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def _joined(parts: list[str], separator: str) -> str | None:
    """group_concat's result: NULL for no parts."""
    return separator.join(parts) if parts else None


def search_rows(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """(id, *SEARCH_COLUMNS) of every milestone, by id."""
    aliases: dict[int, list[str]] = {}
    for party_id, alias in _rows(
        conn, "SELECT party_id, alias FROM party_aliases ORDER BY party_id, id"
    ):
        aliases.setdefault(party_id, []).append(alias)
    # Names by id: joining each link to its party was two thirds of reading the links.
    party_names: dict[int, str] = dict(_rows(conn, "SELECT id, name FROM parties"))
    tags = _Stream(conn, "SELECT milestone_id, tag FROM milestone_tags ORDER BY milestone_id, tag")
    parties = _Stream(
        conn,
        "SELECT milestone_id, party_id, role FROM milestone_parties"
        " ORDER BY milestone_id, party_id",
    )
    cited = _Stream(
        conn,
        f"SELECT ms.milestone_id, ms.quote, {_SOURCE_LABEL} FROM milestone_sources ms"
        " LEFT JOIN sources s ON s.id = ms.source_id ORDER BY ms.milestone_id, ms.source_id",
    )
    for milestone_id, title, note, location, kind in _rows(
        conn, "SELECT id, title, note, location, kind FROM milestones ORDER BY id"
    ):
        names: list[str] = []
        also: list[str] = []
        roles: set[str] = set()
        last = None
        for _, party_id, role in parties.take(milestone_id):
            if role:
                roles.add(role)
            if party_id != last:  # one row per role: each party once
                name = party_names.get(party_id)
                if name is not None:  # a link to a missing party still brings its aliases
                    names.append(name)
                also += aliases.get(party_id, ())
                last = party_id
        citations = cited.take(milestone_id)
        yield (
            milestone_id, title, note, location,
            _joined([tag for _, tag in tags.take(milestone_id)], "; "),
            _joined([quote for _, quote, _ in citations if quote is not None], " / "),
            _joined(names + also, "; "),
            _joined([label for _, _, label in citations if label is not None], "; "),
            kind, _joined(sorted(roles), "; "),
        )  # fmt: skip
