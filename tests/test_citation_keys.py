"""A citation close to a stored one (the same words in other case, accents or punctuation) is
found through the key each source stores (sources.citation_key, indexed), not by reading
every citation: the key is written by every way a source is made or respelled, made for an
older store's sources by its upgrade, and gives the answers reading them all gave."""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casetrack.errors import CasetrackError
from casetrack.models import Source
from casetrack.schema import _history_triggers
from casetrack.sources import (
    _same_citation,
    citation_key,
    close_citation,
    create_source,
    find_source,
)
from casetrack.store import Store
from casetrack.text import clean_text, name_key
from tests.budget import examples
from tests.conftest import Cli

# Citations in accents, case, punctuation and the letters and forms name_key folds.
TRICKY = [
    "Appeal ruling no. 88/1234",
    "Cour d'appel de Paris, arrêt n° 12, 4 mars 2021",
    "Yarg\u0131tay 9. Hukuk Dairesi, Straße",
    "\uff26\uff35\uff2c\uff2c \uff37\uff29\uff24\uff34\uff28 ruling ﬁle",
    "Søren Kierkegaard, Æsop, 1843",
    "— …",  # no word at all
    "https://example.org/Ruling",
]


def _keys(cli: Cli) -> list[tuple[object, ...]]:
    return cli.query("SELECT url, citation_key FROM sources ORDER BY id")


def _expected_keys(cli: Cli) -> list[tuple[object, ...]]:
    return [(url, citation_key(str(url))) for url, _ in _keys(cli)]


def test_every_way_a_source_is_written_keeps_its_key(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "c", "--title", "C")
    for citation in TRICKY:
        cli("source", "add", citation)
    cli("add", "c", "2003", "Raid", "--source", "Police report 17/2003")
    cli("source", "edit", "Police report 17/2003", "--url", "Police report no. 18/2003")
    assert cli.query("SELECT citation_key FROM sources WHERE id = 8") == [
        ("police report no 18 2003",)
    ]
    exported = tmp_path / "out.json"
    cli("export", "-o", str(exported))
    data = json.loads(exported.read_text())
    for source in data["sources"]:
        source["uid"] = source["uid"][:-4] + "0000"
        source["url"] = "Imported " + source["url"]
    exported.write_text(json.dumps(data))
    cli("import", str(exported))
    keys = _keys(cli)
    assert len(keys) == 16 and keys == _expected_keys(cli)
    assert ("Imported — …", "imported") in keys and ("— …", "") in keys
    assert ("https://example.org/Ruling", None) in keys
    # The key follows the citation through undo and redo of an edit.
    cli("undo")  # the import
    cli("undo")  # the edit
    assert cli.query("SELECT url, citation_key FROM sources WHERE id = 8") == [
        ("Police report 17/2003", "police report 17 2003")
    ]
    cli("undo")  # its undo: edited again
    assert _keys(cli) == _expected_keys(cli)
    assert "stale lookup key" not in cli("check").stdout


def test_close_citations_are_found_through_their_index(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    cli("source", "add", "Appeal ruling no. 88/1234")
    cli("source", "add", "Notes")
    before = cli.records()
    refused = cli("add", "c", "2004", "Appeal", "--source", "APPEAL RULING NO 88 1234", code=1)
    assert "'Appeal ruling no. 88/1234' (source 1) is close" in refused.stderr
    refused = cli("source", "edit", "2", "--url", "appeal ruling (no. 88-1234)", code=1)
    assert "(source 1) is close" in refused.stderr
    assert cli.records() == before
    plan = cli.query(
        "EXPLAIN QUERY PLAN SELECT id FROM sources WHERE citation_key = ?"
        " AND document_id IS NULL ORDER BY id",
        ("appeal ruling no 88 1234",),
    )
    assert [row[3] for row in plan] == [
        "SEARCH sources USING INDEX sources_citation_key (citation_key=?)"
    ]


def _as_before_citation_keys(path: Path) -> None:
    """Make the store at `path` as casetrack left it before sources kept a citation key."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP INDEX sources_citation_key")
        for action in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER history_sources_{action}")
        conn.execute("ALTER TABLE sources DROP COLUMN citation_key")
        _history_triggers(
            conn, {"sources": "id uid url title publisher published created_at document_id"}
        )
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm022_citation_keys'")
        conn.execute("PRAGMA user_version = 21")
    conn.close()


def test_an_older_store_gets_its_citations_keys(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    for citation in TRICKY:
        cli("source", "add", citation)
    cli("add", "c", "2003", "Raid", "--source", "1")
    _as_before_citation_keys(cli.db_path)
    assert "citation_key" not in str(cli.query("SELECT sql FROM sqlite_master"))
    history = cli.query("SELECT count(*) FROM history")
    refused = cli("add", "c", "2004", "Appeal", "--source", "appeal ruling no 88-1234", code=1)
    assert "'Appeal ruling no. 88/1234' (source 1) is close" in refused.stderr
    assert cli.query("SELECT count(*) FROM history") == history  # the upgrade is no change
    assert _keys(cli) == _expected_keys(cli)
    assert _keys(cli)[1] == (TRICKY[1], "cour d appel de paris arret n 12 4 mars 2021")
    assert "stale lookup key" not in cli("check").stdout
    cli(
        "edit", "1", "--source", "\uff26\uff35\uff2c\uff2c width RULING file"
    )  # one the upgrade keyed
    assert cli.query("SELECT source_id FROM milestone_sources WHERE milestone_id = 1") == [
        (1,),
        (4,),
    ]


def test_check_names_a_stale_citation_key(cli: Cli) -> None:
    cli("source", "add", "Appeal ruling no. 88/1234")
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("UPDATE sources SET citation_key = 'appeal ruling' WHERE id = 1")
    conn.close()
    said = cli("check", code=1).stdout
    assert "source 1 ('Appeal ruling no. 88/1234') has a stale lookup key" in said


# What close_citation and _same_citation did before sources kept a key: read every citation.
_ALL = (
    "SELECT id, uid, url, title, publisher, published FROM sources"
    " WHERE instr(url, '://') = 0 AND document_id IS NULL ORDER BY id"
)


def _close_by_reading_all(conn: sqlite3.Connection, ref: str, but: int | None) -> Source | None:
    words = re.findall(r"\w+", name_key(ref))
    if "://" in ref or not words:
        return None
    for row in conn.execute(_ALL):
        if re.findall(r"\w+", name_key(row[2])) == words and row[0] != but:
            return Source(*row)
    return None


def _same_by_reading_all(conn: sqlite3.Connection, ref: str) -> Source | None:
    if "://" in ref:
        return None
    key = name_key(ref)
    for row in conn.execute(_ALL):
        if name_key(row[2]) == key:
            return Source(*row)
    return None


_PIECES = st.sampled_from(
    ["a", "A", "é", "É", "e\u0301", "\u0131", "İ", "ß", "SS", "ﬁ", "fi", "Ø", "o", "æ", "ae",
     "\uff21", "1", "\u0661", "²", "_", " ", "  ", ".", ",", "-", "/", "'", "\u2019", "\uff1a",
     "://", "—", "\t"]
)  # fmt: skip
_CITATIONS = st.lists(_PIECES, min_size=1, max_size=8).map("".join)


def _respelled(text: str, how: int) -> str:
    """`text` in another case, without punctuation, or without accents: often close."""
    return [text.upper(), re.sub(r"[^\w ]", "", text), name_key(text), text][how]


@settings(max_examples=examples(200))
@given(
    stored=st.lists(_CITATIONS, min_size=1, max_size=8),
    refs=st.lists(
        st.tuples(st.one_of(_CITATIONS, st.integers(0, 7)), st.integers(0, 3),
                  st.one_of(st.none(), st.integers(1, 9))),
        min_size=1, max_size=8,
    ),
)  # fmt: skip
@example(stored=["aa://aa", "aa://aA"], refs=[(0, 0, None)])  # one URL, two spellings
def test_the_key_gives_the_answers_reading_every_citation_gave(
    stored: list[str], refs: list[tuple[str | int, int, int | None]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "s.db", create=True)
        try:
            with store.write() as conn:
                for text in stored:
                    try:
                        # One source per URL as the store tells URLs apart ('aa://aa' and
                        # 'aa://aA' are one); citations spelt otherwise stay apart.
                        cleaned = clean_text(text)
                        if cleaned and find_source(conn, text, any_spelling=False) is None:
                            create_source(conn, text)
                    except CasetrackError:
                        continue
            conn = store.conn
            for ref, how, but in refs:
                text = _respelled(stored[ref % len(stored)] if isinstance(ref, int) else ref, how)
                assert close_citation(conn, text, but) == _close_by_reading_all(conn, text, but)
                assert _same_citation(conn, text) == _same_by_reading_all(conn, text)
        finally:
            store.close()
