"""The one-pass search rows are the view's rows, whatever the store holds."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.bulk import add_many
from casetrack.cases import add_case
from casetrack.drafts import Citation, Draft, PartySpec
from casetrack.parties import add_party
from casetrack.search_index import rebuild_search
from casetrack.search_rows import search_rows
from casetrack.sources import add_source
from casetrack.store import Store
from tests.budget import examples
from tests.conftest import Cli

# Words with accents, separators the rows are joined with, and SQL-looking text.
_WORD = st.sampled_from(["Anne", "Émile", "a;b", "x / y", "O'Brien", "NEC", "%", "ß", "  z "])
_ROLE = st.sampled_from([None, "subject", "witness", "court"])
_URL = st.sampled_from(
    ["https://a.example/1", "http://b.example/2", "Le Monde, 3 June 2003, p. 2", "ftp://c/3"]
)

_party = st.tuples(st.integers(0, 999), st.lists(st.integers(1000, 1999), max_size=3))
_source = st.tuples(_URL, st.one_of(st.none(), _WORD), st.one_of(st.none(), _WORD))
_milestone = st.tuples(
    _WORD,
    st.lists(st.tuples(st.integers(0, 5), _ROLE), max_size=5),
    st.lists(st.tuples(st.integers(0, 3), st.one_of(st.none(), _WORD)), max_size=3),
    st.lists(_WORD, max_size=3),
)


def _store_with(
    folder: Path,
    parties: list[tuple[int, list[int]]],
    sources: list[tuple[str, str | None, str | None]],
    milestones: list[tuple[str, list[tuple[int, str | None]], list[tuple[int, str | None]],
                           list[str]]],
) -> Store:  # fmt: skip
    store = Store.open(folder / "s.db", create=True)
    add_case(store, "c-1", "Case")
    names = []
    for number, aliases in parties:
        name = f"Party {number}"
        if name not in names:
            add_party(
                store, name, aliases=[f"Alias {a} of {number}" for a in dict.fromkeys(aliases)]
            )
            names.append(name)
    urls = []
    for url, title, publisher in sources:
        if url not in urls:
            add_source(store, url, title, publisher)
            urls.append(url)
    rows = [
        Draft(
            "c-1", "2003-06", title,
            parties=[PartySpec(names[p % len(names)], role) for p, role in links if names],
            # One pinpoint per source: a milestone cites each once.
            sources=list({urls[s % len(urls)]: Citation(urls[s % len(urls)], quote)
                          for s, quote in cited if urls}.values()),
            tags=tags,
        )
        for title, links, cited, tags in milestones
    ]  # fmt: skip
    add_many(store, rows)
    return store


def _view(store: Store) -> list[tuple[object, ...]]:
    return store.conn.execute("SELECT * FROM milestone_search_source ORDER BY id").fetchall()


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(_party, max_size=4),
    st.lists(_source, max_size=3),
    st.lists(_milestone, max_size=6),
)
def test_search_rows_are_the_views_rows(
    parties: list[tuple[int, list[int]]],
    sources: list[tuple[str, str | None, str | None]],
    milestones: list[tuple[str, list[tuple[int, str | None]], list[tuple[int, str | None]],
                           list[str]]],
) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = _store_with(Path(folder), parties, sources, milestones)
        try:
            assert list(search_rows(store.conn)) == _view(store)
            with store.write() as conn:
                rebuild_search(conn)
            assert store.conn.execute("SELECT * FROM milestone_search").fetchall() == _view(store)
        finally:
            store.close()


def test_rebuilt_rows_are_searchable_and_pass_the_check(demo: Cli) -> None:
    demo("party", "alias", "NEC", "Zeppelinwerk")
    store = Store.open(demo.db_path)
    with store.write() as conn:
        conn.execute("DELETE FROM milestone_search")
        rebuild_search(conn)
    store.close()
    hits = json.loads(demo("search", "zeppelinwerk", "-f", "json").stdout)
    linked = json.loads(demo("timeline", "--party", "Zeppelinwerk", "-f", "json").stdout)
    assert sorted(h["id"] for h in hits) == sorted(m["id"] for m in linked) != []
    demo("check")


def test_links_to_missing_parties_and_sources_give_the_views_rows(demo: Cli) -> None:
    """A store whose foreign keys were broken by hand (check reports it) still gets the
    view's rows: quotes of a missing source, aliases of a missing party."""
    demo("add", "nec-2003", "2004", "Orphaned", "--source", "https://gone.example/1",
         "--quote", "orphan quote", "--party", "Ghost")  # fmt: skip
    conn = sqlite3.connect(demo.db_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    with conn:
        conn.execute("DELETE FROM sources WHERE url = 'https://gone.example/1'")
        (ghost,) = conn.execute("SELECT id FROM parties WHERE name = 'Ghost'").fetchone()
        conn.execute(
            "INSERT INTO party_aliases (party_id, alias, alias_key) VALUES (?, ?, ?)",
            (ghost, "Spectre", "spectre"),
        )
        conn.execute("DELETE FROM parties WHERE id = ?", (ghost,))
    conn.close()
    store = Store.open(demo.db_path)
    try:
        rows = list(search_rows(store.conn))
        assert rows == _view(store)
        orphan = next(r for r in rows if r[1] == "Orphaned")
        assert orphan[5] == "orphan quote" and orphan[6] == "Spectre"
    finally:
        store.close()
