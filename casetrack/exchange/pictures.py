"""Export writers for pictures: the SVG timeline and the self-contained HTML report.

Both are written as they are drawn: a first pass over the selection keeps numbers (days,
label widths) to lay the picture out, a second reads the milestones again in drawing order,
and the HTML report's tables read each case's milestones a chunk at a time. Memory stays
a few numbers a milestone, whatever the size of the store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO, cast

from casetrack.exchange.selection import CHUNK, Selection
from casetrack.models import Case, Milestone

if TYPE_CHECKING:
    from casetrack.output.pictures.svg import Survey


class _Stored:
    """The selection's milestones as a picture's marks, referred to by id, read from the
    store each time without their links (a picture draws none)."""

    def __init__(self, selection: Selection) -> None:
        self.selection = selection

    def count(self) -> int:
        where, params = self.selection.chosen()
        sql = f"SELECT count(*) FROM milestones m WHERE {where}"
        return int(self.selection.conn.execute(sql, params).fetchone()[0])

    def __iter__(self) -> Iterator[tuple[int, Milestone]]:
        from casetrack.milestones import iter_milestones
        from casetrack.timeline import ORDER_BY

        where, params = self.selection.chosen()
        for milestone in iter_milestones(self.selection.conn, where, params, ORDER_BY, links=False):
            yield milestone.id, milestone

    def fetch(self, refs: Sequence[int]) -> Iterator[Milestone]:
        from casetrack.milestones import load_milestones

        for start in range(0, len(refs), CHUNK):
            chunk = list(refs[start : start + CHUNK])
            yield from load_milestones(self.selection.conn, chunk, links=False)


def _survey(selection: Selection, layout: str) -> tuple[_Stored, Survey, list[Case], str]:
    """The survey of the selection, the cases it draws and the picture's title."""
    from casetrack.output.pictures.svg import Layout, survey

    marks = _Stored(selection)
    every = selection.cases()
    found = survey(marks, {c.slug: c.title for c in every}, cast(Layout, layout))
    cases = [c for c in every if c.slug in found.lanes]
    title = cases[0].title if len(cases) == 1 else "casetrack timeline"
    return marks, found, cases, title


@contextmanager
def _one_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """The passes read the same milestones, though another writer changes some meanwhile:
    one read transaction (WAL lets writers go on)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def write_svg(selection: Selection, out: TextIO) -> None:
    """The timeline picture, its marks and rows read in one snapshot so both agree."""
    from casetrack.output.pictures.svg import write_svg

    with _one_snapshot(selection.conn):
        marks, found, cases, title = _survey(selection, selection.layout)  # checked by the CLI
        write_svg(found, marks, out, title=title, case_titles={c.slug: c.title for c in cases})


def write_html(selection: Selection, out: TextIO) -> None:
    """The HTML report (picture and table), read in one snapshot so both agree."""
    from casetrack.output.pictures.html import write_html

    with _one_snapshot(selection.conn):
        marks, found, cases, title = _survey(selection, "auto")
        ids = {c.slug: c.id for c in cases}
        write_html(
            found, marks, out, title=title, cases=cases,
            rows=lambda slug: selection.milestones(ids[slug]),
        )  # fmt: skip
