"""Bulk writes suspend per-row triggers, then write the same history and search rows at once."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack import bulk_mode, history
from casetrack.bulk_mode import BulkInserts
from casetrack.exchange import importer
from casetrack.history_sql import TRACKED_TABLES
from casetrack.search_index import SEARCH_TRIGGERS
from casetrack.store import Store
from casetrack.tables import LINK_TABLES
from tests.budget import examples
from tests.conftest import Cli


def _write(cli: Cli, name: str, text: str) -> str:
    path = cli.db_path.parent / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_records_its_new_rows_as_spans_and_search_as_row_triggers_would(
    demo: Cli,
) -> None:
    sheet = _write(demo, "s.csv", "case,date,title,kind,parties,tags\n"
                   "nec-2003,2004,Zeppelin hearing,hearing,Brand New Party:witness,blimp\n"
                   "nec-2003,2005,Second hearing,hearing,NEC:subject,\n")  # fmt: skip
    before = {
        t: demo.query(f"SELECT coalesce(max(rowid), 0) FROM {t}")[0][0] for t in TRACKED_TABLES
    }
    demo("import", sheet)
    rows = demo.query(
        "SELECT h.table_name, h.action, h.row_id, h.last_row_id, h.old, h.new, h.digest"
        " FROM history h JOIN changes c ON c.id = h.change_id WHERE c.command = 'import'"
    )
    spans = {t: (first, last) for t, _, first, last, *_ in rows}
    assert spans == {
        t: (before[t] + 1, demo.query(f"SELECT max(rowid) FROM {t}")[0][0])
        for t in ("parties", "milestones", "milestone_parties", "milestone_tags")
    }
    assert all(a == "insert" and old is new is None and digest for _, a, _, _, old, new, digest
               in rows)  # fmt: skip
    # History shows each imported milestone as the insert it was, with its stored values.
    (first, last) = spans["milestones"]
    shown = json.loads(demo("history", str(last), "-f", "json").stdout)
    inserts = {(e["table"], e["action"]) for e in shown}
    assert inserts == {("milestones", "insert"), ("milestone_parties", "insert")}
    new = next(e["new"] for e in shown if e["table"] == "milestones")
    assert new["title"] == "Second hearing" and new["position"] == new["id"] == last
    listed = json.loads(demo("history", "-f", "json").stdout)
    assert {"table": "milestones", "row": first, "last_row": last} in [
        {k: e[k] for k in ("table", "row", "last_row")} for e in listed
    ]
    assert "Zeppelin hearing" in demo("history", "--case", "nec-2003", "--limit", "500").stdout
    found = json.loads(demo("search", "zeppelin", "-f", "json").stdout)
    assert [m["title"] for m in found] == ["Zeppelin hearing"]
    assert len(json.loads(demo("search", "blimp", "-f", "json").stdout)) == 1
    assert len(json.loads(demo("search", "brand", "-f", "json").stdout)) == 1
    demo("check")
    # The triggers are back: a later single add is recorded and searchable as usual.
    demo("add", "nec-2003", "2006", "Airship sighting")
    assert len(json.loads(demo("search", "airship", "-f", "json").stdout)) == 1
    demo("undo")
    demo("undo")
    assert demo.query("SELECT count(*) FROM milestones WHERE title LIKE '%hearing'") == [(0,)]
    demo("check")


def test_history_shows_imported_values_after_later_edits_and_undo_goes_back_through_them(
    demo: Cli,
) -> None:
    before = demo.records()
    demo("import", _write(demo, "big.jsonl", _milestones(5)))
    (last,) = demo.query("SELECT max(id) FROM milestones")[0]
    demo("edit", str(last), "--title", "Renamed")
    demo("edit", str(last), "--title", "Renamed again")
    shown = json.loads(demo("history", str(last), "-f", "json").stdout)
    titles = [
        (e["action"], (e["new"] or {}).get("title")) for e in shown if e["table"] == "milestones"
    ]
    assert titles == [("insert", "Zeppelin hearing 4"), ("update", "Renamed"),
                      ("update", "Renamed again")]  # fmt: skip
    demo("undo")
    demo("undo")
    demo("rm", str(last))  # a change undone before the import's undo is reached
    demo("undo")
    added = sum(len(rows) for rows in demo.records().values()) - sum(map(len, before.values()))
    assert f"({added} row changes)" in demo("undo").stderr
    assert demo.records() == before
    demo("check")


def test_import_adding_links_to_an_existing_milestone_refreshes_its_search_row(
    demo: Cli,
) -> None:
    exported = json.loads(demo("export", "nec-2003", "-f", "json").stdout)
    raid = next(m for m in exported["milestones"] if m["kind"] == "raid")
    raid["tags"] = ["zeppelin"]
    demo("import", _write(demo, "e.json", json.dumps(exported)))
    hits = json.loads(demo("search", "zeppelin", "-f", "json").stdout)
    assert [h["id"] for h in hits] == [3]
    demo("check")


def test_alias_imported_for_a_known_party_makes_its_older_milestones_searchable(
    demo: Cli,
) -> None:
    record = {"type": "party", "name": "Anne Morel", "aliases": ["Zeppelinwerk"]}
    demo("import", _write(demo, "p.jsonl", '{"format": "casetrack/1"}\n' + json.dumps(record)))
    hits = json.loads(demo("search", "zeppelinwerk", "-f", "json").stdout)
    assert len(hits) == 4  # every milestone Anne Morel is linked to
    demo("check")


def _milestones(count: int, title: str = "Zeppelin hearing") -> str:
    lines = ['{"format": "casetrack/1"}']
    lines += [
        json.dumps({"type": "milestone", "case": "big-2020", "date": f"2020-01-{1 + i % 28:02d}",
                    "title": f"{title} {i}", "kind": "hearing", "tags": [f"t{i % 3}"],
                    "parties": [{"name": f"Party {i % 7}", "role": "witness"}],
                    "sources": [{"url": f"https://example.org/{i % 5}", "quote": "airship"}]})
        for i in range(count)
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


@pytest.fixture
def reindex_after_10(monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    """Large-import mode from the tenth milestone on. Returns, per call of drop_read_indexes,
    the search triggers left on the base tables just after it (there should be none)."""
    calls: list[list[object]] = []
    drop = BulkInserts.drop_read_indexes

    def counted(self: BulkInserts) -> None:
        drop(self)
        calls.append(self.conn.execute(SEARCH_TRIGGERS).fetchall())

    monkeypatch.setattr(importer, "REINDEX_AFTER", 10)
    monkeypatch.setattr(importer, "BATCH", 4)
    monkeypatch.setattr(BulkInserts, "drop_read_indexes", counted)
    return calls


def _schema(cli: Cli) -> list[tuple[object, ...]]:
    return cli.query("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")


def test_large_import_into_a_new_store_builds_the_read_indexes_again(
    cli: Cli, reindex_after_10: list[list[object]]
) -> None:
    cli("init")
    before = _schema(cli)
    cli("import", _write(cli, "big.jsonl", _milestones(30)))
    assert reindex_after_10 and reindex_after_10[0] == [], "no large-import mode, or triggers left"
    assert _schema(cli) == before
    assert len(json.loads(cli("search", "zeppelin", "-f", "json").stdout)) == 30
    assert len(json.loads(cli("search", "airship", "-f", "json").stdout)) == 30
    assert len(json.loads(cli("timeline", "--party", "Party 3", "-f", "json").stdout)) == 4
    assert cli.query("SELECT row_id, last_row_id FROM history WHERE table_name = 'milestones'") == [
        (1, 30)
    ]
    cli("check")
    plan = cli.query(
        "EXPLAIN QUERY PLAN SELECT milestone_id FROM milestone_parties WHERE party_id = 1"
    )
    assert "milestone_parties_party" in str(plan)


def test_an_import_into_a_store_without_milestones_sets_the_read_indexes_aside_at_once(
    cli: Cli, reindex_after_10: list[list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every milestone is new: from its second batch on, an import into a new store builds the
    read indexes and search rows once at the end, however few it adds; into a store that
    holds milestones, not before it has added REINDEX_AFTER and more than the store held."""
    monkeypatch.setattr(importer, "REINDEX_AFTER", 50_000)
    cli("init")
    cli("import", _write(cli, "few.jsonl", _milestones(6)))
    assert len(reindex_after_10) == 1
    cli("check")
    assert len(json.loads(cli("search", "zeppelin", "-f", "json").stdout)) == 6
    cli("import", _write(cli, "more.jsonl", _milestones(6)))
    assert len(reindex_after_10) == 1, "a store with milestones kept its indexes"


def _full_disk(*args: object, **kwargs: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


@pytest.mark.parametrize(
    ("last_line", "breaks_at_end", "message"),
    [
        ({"type": "milestone", "case": "big-2020"}, False, "big.jsonl:32: a milestone needs a"),
        ({"type": "kind", "name": "vigil"}, True, "database or disk is full"),
    ],
    ids=["bad last record", "disk full while finishing"],
)
def test_failed_large_import_leaves_schema_and_rows_as_they_were(
    cli: Cli,
    reindex_after_10: list[list[object]],
    monkeypatch: pytest.MonkeyPatch,
    last_line: dict[str, str],
    breaks_at_end: bool,
    message: str,
) -> None:
    cli("init")
    before = _schema(cli)
    if breaks_at_end:
        monkeypatch.setattr(bulk_mode, "rebuild_search", _full_disk)
    text = _milestones(30) + json.dumps(last_line) + "\n"
    result = cli("import", _write(cli, "big.jsonl", text), code=1)
    assert message in result.stderr
    assert reindex_after_10
    assert _schema(cli) == before
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    cli("check")


def test_import_smaller_than_the_store_keeps_its_indexes(
    demo: Cli, reindex_after_10: list[list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "REINDEX_AFTER", 1)
    held = demo.query("SELECT count(*) FROM milestones")[0][0]
    assert isinstance(held, int) and held > 5
    demo("import", _write(demo, "few.jsonl", _milestones(5)))
    assert reindex_after_10 == []
    demo("import", _write(demo, "many.jsonl", _milestones(held + 12, "Airship")))
    assert reindex_after_10  # more milestones than the store held: worth rebuilding
    assert len(json.loads(demo("search", "airship", "-f", "json").stdout)) == held + 17
    demo("check")


def test_sources_updated_after_the_milestones_citing_them_in_a_large_import(
    cli: Cli, reindex_after_10: list[list[object]]
) -> None:
    """A JSON document may list sources after milestones: each source record then updates a
    source the links made, while the index by source is set aside."""
    cli("init")
    document = {
        "format": "casetrack/1",
        "milestones": [json.loads(line) for line in _milestones(30).splitlines()[1:]],
        "sources": [{"url": f"https://example.org/{i}", "title": f"Dirigible report {i}"}
                    for i in range(5)],
    }  # fmt: skip
    cli("import", _write(cli, "late.json", json.dumps(document)))
    assert reindex_after_10 and reindex_after_10[0] == []
    hits = json.loads(cli("search", "dirigible", "-f", "json").stdout)
    assert len(hits) == 30
    assert cli.query("SELECT count(*) FROM sources WHERE title LIKE 'Dirigible%'") == [(5,)]
    cli("check")


def _reimport_newest(cli: Cli, link_table: str, links: str, change: Any) -> int:
    """Re-import, with its `links` changed, the milestone owning the newest row of `link_table`,
    so that the import deletes the table's newest rows. Returns its id."""
    (newest,) = cli.query(f"SELECT milestone_id FROM {link_table} ORDER BY rowid DESC LIMIT 1")[0]
    (uid,) = cli.query("SELECT uid FROM milestones WHERE id = ?", (newest,))[0]
    exported = json.loads(cli("export", "-f", "json").stdout)
    record = next(m for m in exported["milestones"] if m["uid"] == uid)
    record[links] = change(record[links])
    exported["milestones"] = [record]
    cli("import", _write(cli, "one.json", json.dumps(exported)))
    assert isinstance(newest, int)
    return newest


def test_reimported_links_take_rowids_above_the_deleted_ones_and_are_recorded(demo: Cli) -> None:
    """Left to SQLite, the new links would take back the rowids of the deleted newest ones
    and go unrecorded; the import numbers them itself, so they are one span."""
    before = demo.records()
    newest = _reimport_newest(
        demo, "milestone_parties", "parties", lambda _: [{"name": "Quokka", "role": "witness"}]
    )
    rows = demo.query("SELECT rowid FROM milestone_parties WHERE milestone_id = ?", (newest,))
    assert rows == [(before["milestone_parties"][-1][0] + 1,)]
    assert demo.query(
        "SELECT row_id, last_row_id FROM history WHERE table_name = 'milestone_parties'"
        " AND last_row_id IS NOT NULL"
    ) == [(rows[0][0], rows[0][0])]
    assert [h["id"] for h in json.loads(demo("search", "quokka", "-f", "json").stdout)] == [newest]
    demo("check")
    demo("undo")
    assert demo.records() == before
    demo("check")


def test_an_import_citing_a_source_twice_with_two_quotes_is_refused(demo: Cli) -> None:
    """A milestone keeps one pinpoint per source: a second citation of it with another quote
    would silently replace the first, so the import names the line and writes nothing; the
    same citation twice is taken once."""
    before = demo.records()
    twice = [{"quote": "first quote"}, {"quote": "second quote"}]
    exported = json.loads(demo("export", "-f", "json").stdout)
    record = exported["milestones"][0]
    record["sources"] = [{"url": "https://e.org/one"} | quote for quote in twice]
    exported["milestones"] = [record]
    result = demo("import", _write(demo, "one.json", json.dumps(exported)), code=1)
    assert "source https://e.org/one is cited twice (“first quote”; “second quote”)" in (
        result.stderr
    )
    assert demo.records() == before
    newest = _reimport_newest(demo, "milestone_sources", "sources",
                              lambda cited: [cited[0] | twice[1]] * 2)  # fmt: skip
    quotes = demo.query("SELECT quote FROM milestone_sources WHERE milestone_id = ?", (newest,))
    assert quotes == [("second quote",)]
    demo("check")
    demo("undo")
    assert demo.records() == before


def _import(cli: Cli, name: str, *milestones: dict[str, Any]) -> None:
    records = [{"type": "milestone", "case": "c1", "date": "2020", **m} for m in milestones]
    lines = [json.dumps(r) for r in [{"format": "casetrack/1"}, *records]]
    cli("import", _write(cli, name, "\n".join(lines) + "\n"))


_A, _B = "00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000b"


@pytest.mark.parametrize("second", ["https://e.org/1", "https://e.org/3"])
def test_a_reimport_never_fills_a_gap_an_earlier_import_left(cli: Cli, second: str) -> None:
    """The first import leaves a gap among the link rows (the rowid its repeated citation of a
    source was numbered but did not take);
    the second deletes the newest links, so SQLite alone would fill that gap with a row no
    history records, which undo could then neither see nor remove."""
    cli("init")
    cli("case", "add", "c1", "--title", "One")
    before = cli.records()
    _import(cli, "one.jsonl",
            {"uid": _A, "title": "A", "sources": [{"url": "https://e.org/1"}]},
            {"uid": _B, "title": "B", "sources": [
                {"url": "https://e.org/1"}, {"url": "https://e.org/2"},
                {"url": "https://e.org/1", "quote": "again"}]})  # fmt: skip
    after_one = cli.records()
    _import(
        cli,
        "two.jsonl",
        {"uid": _B, "title": "B", "sources": [{"url": second, "quote": "zeppelin"}]},
    )
    (gap_free,) = cli.query("SELECT min(rowid) FROM milestone_sources WHERE quote = 'zeppelin'")
    assert gap_free[0] is not None and gap_free[0] > after_one["milestone_sources"][-1][0]
    assert len(json.loads(cli("search", "zeppelin", "-f", "json").stdout)) == 1
    cli("check")
    shown = json.loads(cli("history", "2", "-f", "json").stdout)
    # The repeated citation completes the first one (one pinpoint per source): one row.
    assert [(e["change"], e["new"]["quote"]) for e in shown
            if e["table"] == "milestone_sources" and e["action"] == "insert"] == [
        (2, "again"), (2, None), (3, "zeppelin")]  # fmt: skip
    cli("undo")
    assert cli.records() == after_one
    cli("undo")
    assert cli.records() == before
    cli("check")


def test_undo_of_a_large_import_recomputes_search_once_and_restores_the_store(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_aside: list[bool] = []
    real = history.search_set_aside

    def spy(conn: sqlite3.Connection, flag: bool = True) -> Any:
        set_aside.append(flag)
        return real(conn, flag)

    monkeypatch.setattr(history, "UNDO_SET_WISE_SEARCH", 10)
    monkeypatch.setattr(history, "UNDO_BATCH", 7)
    monkeypatch.setattr(history, "search_set_aside", spy)
    dropped: list[list[str]] = []
    drop = bulk_mode.drop_read_indexes

    def dropping(conn: sqlite3.Connection, *, keep_foreign_keys: bool = False) -> list[str]:
        dropped.append(drop(conn, keep_foreign_keys=keep_foreign_keys))
        return dropped[-1]

    monkeypatch.setattr(bulk_mode, "drop_read_indexes", dropping)
    before, schema = demo.records(), _schema(demo)
    searched = demo.query("SELECT * FROM milestone_search ORDER BY id")
    demo("import", _write(demo, "big.jsonl", _milestones(30)))
    demo("undo")
    assert set_aside == [True]
    assert len(dropped) == 1 and any("milestones_order" in sql for sql in dropped[0])
    assert demo.records() == before and _schema(demo) == schema
    assert demo.query("SELECT * FROM milestone_search ORDER BY id") == searched
    assert len(json.loads(demo("search", "raid", "-f", "json").stdout)) >= 1
    assert json.loads(demo("search", "zeppelin", "-f", "json").stdout) == []
    demo("check")
    demo("add", "nec-2003", "2020", "Small change")  # fewer rows than milestones: triggers run
    demo("undo")
    assert set_aside == [True, False]
    demo("check")


def test_read_indexes_set_aside_for_an_undo_keep_one_for_each_foreign_key(demo: Cli) -> None:
    """Deleting a party (a case, a source, a kind) looks up the rows pointing at it: without
    an index leading with their column, that is a scan of the table per row deleted."""
    conn = sqlite3.connect(demo.db_path)
    with closing(conn):
        conn.execute("BEGIN")
        dropped = bulk_mode.drop_read_indexes(conn, keep_foreign_keys=True)
        assert any("milestones_order" in sql for sql in dropped)
        for table in ("milestones", *LINK_TABLES):
            leading = {
                conn.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
                for index in conn.execute(f'PRAGMA index_list("{table}")')
            }
            for key in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
                assert key[3] in leading, (table, key[3])
        conn.rollback()


def test_refused_undo_of_a_large_import_changes_nothing(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history, "UNDO_SET_WISE_SEARCH", 10)
    cli("init")
    cli("import", _write(cli, "big.jsonl", _milestones(30)))
    conn = sqlite3.connect(cli.db_path)
    conn.execute("DROP TRIGGER history_milestones_update")  # an edit history cannot see
    conn.execute("UPDATE milestones SET title = 'Edited elsewhere' WHERE id = 7")
    conn.commit()
    conn.close()
    before, schema_before = cli.records(), _schema(cli)
    result = cli("undo", code=1)
    assert "milestones 1-30 changed since, outside casetrack" in result.stderr
    assert cli.records() == before and _schema(cli) == schema_before


def test_undo_refuses_to_run_inside_a_transaction_it_cannot_roll_back(demo: Cli) -> None:
    """A refusal must roll back what undo had reverted and the triggers it had set aside."""
    demo("add", "nec-2003", "2020", "Zeppelin sighting")
    before = _schema(demo), demo.records()
    store = Store.open(demo.db_path)
    try:
        with store.write(), pytest.raises(RuntimeError, match="transaction of its own"):
            history.undo(store)
    finally:
        store.close()
    assert (_schema(demo), demo.records()) == before


@pytest.mark.parametrize("chunk", [1, 2, 4096])
def test_a_span_digest_is_the_hash_of_its_rows_json_in_order_however_it_is_read(
    demo: Cli, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The digest is blake2b of each row's JSON and U+001E, by rowid: what every span stored
    by earlier versions holds, so that their imports can still be undone."""
    import hashlib

    from casetrack import history_sql

    monkeypatch.setattr(history_sql, "DIGEST_CHUNK", chunk)
    conn = sqlite3.connect(demo.db_path)
    try:
        conn.execute("DELETE FROM milestone_parties WHERE rowid = 2")  # a gap in the span
        columns = history_sql.table_columns(conn, "milestone_parties")
        expected = hashlib.blake2b(digest_size=16)
        for (text,) in conn.execute(
            f"SELECT {history_sql.row_json(columns, 'm')} FROM milestone_parties m"
            " WHERE rowid BETWEEN 1 AND 5 ORDER BY rowid"
        ):
            expected.update(f"{text}\x1e".encode())
        assert history_sql.span_digest(conn, "milestone_parties", 1, 5) == expected.hexdigest()
        empty = hashlib.blake2b(digest_size=16).hexdigest()
        assert history_sql.span_digest(conn, "milestone_parties", 10**6, 10**6 + 5) == empty
    finally:
        conn.close()


_LAYOUTS: dict[str, Any] = {}


def _layouts() -> dict[str, Any]:
    """The layouts of the milestone and link tables of a new store, read once."""
    import tempfile
    from pathlib import Path

    from casetrack.history_sql import json_as_sqlite, table_layout

    if not _LAYOUTS:
        with closing(sqlite3.connect(":memory:")) as conn:
            assert json_as_sqlite(conn)  # else an import's worker would take no digest
        with tempfile.TemporaryDirectory() as folder:
            store = Store.open(Path(folder) / "s.db", create=True)
            try:
                for table in ("milestones", *LINK_TABLES):
                    _LAYOUTS[table] = table_layout(store.conn, table)
            finally:
                store.close()
    return _LAYOUTS


# A value as a row may bind it: what each column keeps as given, and what SQLite converts.
_KEPT_VALUE = {
    "TEXT": st.one_of(st.none(), st.text()),
    "INTEGER": st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1)),
    "REAL": st.one_of(st.none(), st.integers(-(10**15) + 1, 10**15 - 1)),
}
_OTHER_VALUE = st.one_of(
    st.booleans(),
    st.floats(allow_nan=False),
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from(["12", "1.5", " 3"]),
)


@settings(max_examples=examples(200), deadline=None)
@given(st.data())
def test_a_span_hasher_takes_the_digest_span_digest_takes_of_the_same_rows(
    data: st.DataObject,
) -> None:
    """The digest an import's worker takes of the rows it makes ready (SpanHasher, from the
    values the insert binds) is span_digest of the rows once stored, for any values of the
    types each column keeps; any other value makes it give up rather than differ."""
    from casetrack.history_sql import SpanHasher, affinity, span_digest
    from casetrack.writer import INSERT_COLUMNS, LINK_COLUMNS

    table = data.draw(st.sampled_from(["milestones", *LINK_TABLES]))
    layout = _layouts()[table]
    inserted = INSERT_COLUMNS if table == "milestones" else LINK_COLUMNS[table]
    kinds = {name: affinity(declared) for name, declared, _ in layout}
    odd = data.draw(st.booleans())
    value = {
        name: st.one_of(_KEPT_VALUE[kinds[name]], _OTHER_VALUE) if odd else _KEPT_VALUE[kinds[name]]
        for name in inserted
    }
    rows = data.draw(st.lists(st.tuples(*(value[name] for name in inserted)), max_size=12))
    conn = sqlite3.connect(":memory:")  # the table's columns and their types, no constraints
    try:
        conn.execute(f"CREATE TABLE {table} ({', '.join(f'{n} {d}' for n, d, _ in layout)})")
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(inserted)})"
            f" VALUES ({', '.join('?' for _ in inserted)})",
            rows,
        )
        hasher = SpanHasher(layout, inserted, same_json=True)
        cut = data.draw(st.integers(0, len(rows)))
        hasher.add(rows[:cut])
        hasher.add(rows[cut:])
        stored = span_digest(conn, table, 1, len(rows))
        if odd:
            assert hasher.digest() in (None, stored)
        else:
            assert hasher.digest() == stored and hasher.rows == len(rows)
    finally:
        conn.close()
