"""The search rows worked out a table at a time are the view's rows, whatever the store
holds, and `stale_rows` finds every stored row that is not."""

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
from casetrack.search_rows import SEARCH_COLUMNS, link_labels, search_texts, stale_rows
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


def _stored(store: Store) -> list[tuple[object, ...]]:
    columns = ", ".join(SEARCH_COLUMNS)
    return store.conn.execute(f"SELECT id, {columns} FROM milestone_search ORDER BY id").fetchall()


def _stale_by_view(store: Store) -> tuple[int, int]:
    """What stale_rows should say, worked out from the view row by row."""
    due = {row[0]: row for row in _view(store)}
    stored = {row[0]: row for row in _stored(store)}
    wrong = sum(1 for key, row in stored.items() if due.get(key) != row)
    return wrong, len(due.keys() - stored.keys())


# Hand edits of the stored rows (of a milestone that may not exist).
_TAMPER = st.sampled_from(
    [
        "UPDATE milestone_search SET {column} = 'stale words' WHERE id = {id}",
        "UPDATE milestone_search SET {column} = NULL WHERE id = {id}",
        "UPDATE milestone_search SET {column} = {column} || ' ' WHERE id = {id}",
        "DELETE FROM milestone_search WHERE id = {id}",
        "INSERT OR IGNORE INTO milestone_search (id, title) VALUES ({id} + 1000, 'gone')",
    ]
)


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(_party, max_size=4),
    st.lists(_source, max_size=3),
    st.lists(_milestone, max_size=6),
    st.lists(st.tuples(_TAMPER, st.sampled_from(SEARCH_COLUMNS), st.integers(1, 6)), max_size=3),
)
def test_search_rows_are_the_views_rows(
    parties: list[tuple[int, list[int]]],
    sources: list[tuple[str, str | None, str | None]],
    milestones: list[tuple[str, list[tuple[int, str | None]], list[tuple[int, str | None]],
                           list[str]]],
    tampering: list[tuple[str, str, int]],
) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = _store_with(Path(folder), parties, sources, milestones)
        try:
            assert stale_rows(store.conn) == (0, 0)
            with store.write() as conn:
                conn.execute("DELETE FROM milestone_search")
                rebuild_search(conn)
            assert _stored(store) == _view(store)
            assert stale_rows(store.conn) == (0, 0)
            with store.write() as conn:
                for sql, column, milestone in tampering:
                    conn.execute(sql.format(column=column, id=milestone))
            assert stale_rows(store.conn) == _stale_by_view(store)
        finally:
            store.close()


def _rows_as_written(store: Store) -> list[tuple[object, ...]]:
    """Every milestone as the writer is handed it (a Row), with its search row as
    search_texts works it out from that and the store's parties and sources."""
    conn = store.conn
    labels = link_labels(conn)
    rows = []
    for milestone_id, case_id, kind, title, location, note in conn.execute(
        "SELECT id, case_id, kind, title, location, note FROM milestones ORDER BY id"
    ).fetchall():
        links = (milestone_id,)
        pairs = conn.execute(
            "SELECT party_id, role FROM milestone_parties WHERE milestone_id = ? ORDER BY rowid",
            links,
        ).fetchall()
        cited = conn.execute(
            "SELECT source_id, quote, page, paragraph, page_index, quote_found"
            " FROM milestone_sources WHERE milestone_id = ? ORDER BY rowid",
            links,
        ).fetchall()
        tags = [
            t
            for (t,) in conn.execute(
                "SELECT tag FROM milestone_tags WHERE milestone_id = ? ORDER BY rowid", links
            )
        ]
        values = ("uid", kind, title, location, note, "undisputed", 0)
        row = (case_id, values, pairs, cited, tags)
        rows.append((milestone_id, *search_texts(row, labels)))
    return rows


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(_party, max_size=4), st.lists(_source, max_size=3), st.lists(_milestone, max_size=6)
)
def test_search_rows_worked_out_before_writing_are_the_views_rows(
    parties: list[tuple[int, list[int]]],
    sources: list[tuple[str, str | None, str | None]],
    milestones: list[tuple[str, list[tuple[int, str | None]], list[tuple[int, str | None]],
                           list[str]]],
) -> None:  # fmt: skip
    """What an import's worker process works out for a milestone it hands over (search_texts)
    is the row the view gives once it is stored."""
    with tempfile.TemporaryDirectory() as folder:
        store = _store_with(Path(folder), parties, sources, milestones)
        try:
            assert _rows_as_written(store) == _view(store)
        finally:
            store.close()


def test_a_milestone_with_every_kind_of_link_gets_the_views_row() -> None:
    """Two quotes, labels of each shape, a party in two roles, aliases of two parties."""
    with tempfile.TemporaryDirectory() as folder:
        store = _store_with(
            Path(folder),
            [(1, [1001, 1002]), (2, []), (3, [1003])],
            [("https://a.example/1", "Émile", "NEC"), ("Le Monde, 3 June 2003, p. 2", None, None),
             ("ftp://c/3", None, "a;b")],
            [("x / y", [(2, "witness"), (0, "court"), (2, "subject"), (1, None)],
              [(0, "Anne"), (1, None), (2, "O'Brien")], ["ß", "a;b"]),
             ("NEC", [(1, "court")], [], [])],
        )  # fmt: skip
        try:
            with store.write() as conn:
                rebuild_search(conn)
            rows = _stored(store)
            assert rows == _view(store) == _rows_as_written(store)
            assert rows[0][4:] == (
                "a;b; ß", "Anne / O'Brien",
                "Party 1; Party 2; Party 3; Alias 1001 of 1; Alias 1002 of 1; Alias 1003 of 3",
                "Émile NEC; Le Monde, 3 June 2003, p. 2; a;b ftp://c/3", "other",
                "court; subject; witness",
            )  # fmt: skip
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
        # The source's label is gone from the view, not yet from the stored row.
        assert stale_rows(store.conn) == _stale_by_view(store) == (1, 0)
        with store.write() as conn:
            rebuild_search(conn)
        rows = _stored(store)
        assert rows == _view(store)
        orphan = next(r for r in rows if r[1] == "Orphaned")
        assert orphan[5] == "orphan quote" and orphan[6] == "Spectre"
        assert stale_rows(store.conn) == (0, 0)
    finally:
        store.close()
