"""casetrack's Datasette plugin: the SQL functions the team view needs on every connection
`casetrack serve` opens (casetrack.team registers it)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

from casetrack.dates import display_text
from casetrack.deadlines.rules import rule_said
from casetrack.pinpoints import pinpoint_text
from casetrack.search import found_ids
from casetrack.text import bare_key, name_key


def prepare_connection(conn: sqlite3.Connection) -> None:
    """The timeline view says dates through casetrack_date (the one date display) and
    pinpoints through casetrack_pinpoint (the one pinpoint display); the party query
    matches names as casetrack does (casetrack_name_key, then casetrack_bare_key); and the
    deadlines query says each rule as `show` does (casetrack_rule: built-in rules live in
    Python). The server holds the store alone."""
    conn.create_function("casetrack_date", 1, _text_or_none(display_text), deterministic=True)
    conn.create_function("casetrack_pinpoint", 3, _pinpoint, deterministic=True)
    conn.create_function("casetrack_name_key", 1, _text_or_none(name_key), deterministic=True)
    conn.create_function("casetrack_bare_key", 1, _text_or_none(_bare), deterministic=True)
    conn.create_function("casetrack_rule", 1, _text_or_none(lambda rule: rule_said(conn, rule)))


hookimpl(prepare_connection)


def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    """The timeline's search box (`_search`) finds what `casetrack search` finds, through
    the same query (search.found_ids): the milestones holding the words, and those of the
    cases whose title, slug, docket number or court holds them. Datasette's own search
    (none: the timeline names no FTS table) would only read the milestones' index. Run
    last, so that the box it says the timeline has no search for is shown all the same."""
    if table != "timeline":
        return None

    async def inner() -> Any:
        from datasette.filters import FilterArguments

        text = request.args.get("_search", "")
        context = {"supports_search": True, "search": text}
        if not text.strip():
            return FilterArguments([], extra_context=context)
        ids = await datasette.get_database(database).execute_fn(lambda conn: found_ids(conn, text))
        return FilterArguments(
            ["id IN (SELECT value FROM json_each(:casetrack_search))"],
            {"casetrack_search": json.dumps(ids)},
            [f'search matches "{text}"'],
            context,
        )

    return inner


hookimpl(trylast=True)(filters_from_request)


def _text_or_none(fn: Any) -> Any:
    """An SQL function of text: NULL (or any non-text) gives NULL instead of an error."""

    def call(value: object) -> str | None:
        return fn(value) if isinstance(value, str) else None

    return call


def _bare(name: str) -> str | None:
    """A typed name's bare key; NULL for punctuation only, which finds no party (as in
    parties.find_party_id)."""
    return bare_key(name) or None


def _pinpoint(page: object, paragraph: object, page_index: object) -> str:
    """A citation's page and paragraph as pinpoint_text says them (a document's page by its
    printed label)."""
    return pinpoint_text(
        page if isinstance(page, str) else None,
        paragraph if isinstance(paragraph, str) else None,
        label=page_index is not None,
    )


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
