"""casetrack's Datasette plugin: the SQL functions the team view needs on every connection
`casetrack serve` opens (casetrack.team registers it)."""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

from casetrack.dates import display_text
from casetrack.deadlines.rules import rule_said
from casetrack.pinpoints import pinpoint_text
from casetrack.search import spellings, translate
from casetrack.text import name_key


def prepare_connection(conn: sqlite3.Connection) -> None:
    """The timeline view says dates through casetrack_date (the one date display) and
    pinpoints through casetrack_pinpoint (the one pinpoint display); the party query
    matches names as casetrack does; the deadlines query says each rule as `show` does
    (casetrack_rule: built-in rules live in Python); and `_search` reads what is typed as
    `casetrack search` does (Datasette's own escape_fts, replaced here, would quote every
    word, so a prefix* or OR would not work). The server holds the store alone."""
    conn.create_function("casetrack_date", 1, _text_or_none(display_text), deterministic=True)
    conn.create_function("casetrack_pinpoint", 3, _pinpoint, deterministic=True)
    conn.create_function("casetrack_name_key", 1, _text_or_none(name_key), deterministic=True)
    conn.create_function("escape_fts", 1, _text_or_none(lambda text: match_text(conn, text)))
    conn.create_function("casetrack_rule", 1, _text_or_none(lambda rule: rule_said(conn, rule)))


def match_text(conn: sqlite3.Connection, text: str) -> str:
    """What `_search` matches: the text translated as casetrack search translates it, with
    the index's spellings of letters a keyboard lacks; a text with nothing searchable
    matches nothing (FTS5 refuses an empty query)."""
    return spellings(conn, "milestone_search_fts", translate(text).match) or '""'


def _text_or_none(fn: Any) -> Any:
    """An SQL function of text: NULL (or any non-text) gives NULL instead of an error."""

    def call(value: object) -> str | None:
        return fn(value) if isinstance(value, str) else None

    return call


def _pinpoint(page: object, paragraph: object, page_index: object) -> str:
    """A citation's page and paragraph as pinpoint_text says them (a document's page by its
    printed label)."""
    return pinpoint_text(
        page if isinstance(page, str) else None,
        paragraph if isinstance(paragraph, str) else None,
        label=page_index is not None,
    )


# A hook of Datasette's, run last so that these replace its own escape_fts.
hookimpl(trylast=True)(prepare_connection)


def asgi_wrapper() -> Any:
    """A search box left empty asks for no search: Datasette's form sends `_search=`
    anyway, which would match nothing; the blank parameter is dropped before Datasette
    reads the request."""

    def wrap(app: Any) -> Any:
        async def without_blank_search(scope: Any, receive: Any, send: Any) -> None:
            query = scope.get("query_string", b"")
            if scope.get("type") == "http" and b"_search" in query:
                pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
                kept = [(k, v) for k, v in pairs if not (k.startswith("_search") and not v.strip())]
                if len(kept) != len(pairs):
                    scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
            await app(scope, receive, send)

        return without_blank_search

    return wrap


hookimpl(asgi_wrapper)


def register_facet_classes() -> list[Any]:
    """The party facet: Datasette's array facet, fed only each row's id and names.

    Datasette's own counts an array's items over every column of the rows (it takes the
    distinct items of whole rows, so that a row counts once per item): on the timeline that
    works out every milestone's date, parties, sources and tags, a second or more for
    10,000 milestones (0.6 s; this way 0.2 s). The id is enough to keep a row counting once.
    """
    from datasette.facets import ArrayFacet
    from datasette.utils import escape_sqlite

    class NamesFacet(ArrayFacet):  # type: ignore[misc]
        type = "names"
        sql: str

        async def suggest(self) -> list[Any]:
            return []

        async def facet_results(self) -> Any:
            columns = [
                c["config"].get("column") or c["config"]["simple"] for c in self.get_configs()
            ]
            kept = ", ".join(escape_sqlite(c) for c in ["id", *columns])
            # LIMIT -1 (no limit) keeps SQLite from folding this into Datasette's query,
            # where each row's names would be worked out twice.
            self.sql = f"select {kept} from ({self.sql}) limit -1"
            return await super().facet_results()

    return [NamesFacet]


hookimpl(register_facet_classes)
