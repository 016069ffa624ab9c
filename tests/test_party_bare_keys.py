"""A party is found by a name that is its name or an alias but for punctuation and spacing
('acme widgets inc' is 'Acme Widgets, Inc.'), by every command that takes a party name,
through the bare key each name and alias keeps (text.bare_key, schema.m032), in one index
lookup; a bare key two parties have is refused naming both, and other letters stay
another name, which the close-name refusal still stops."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.text import bare_key, name_key
from tests.budget import examples
from tests.conftest import Cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-before-m032.sql"
LINKS = "SELECT p.name, mp.role FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"


@pytest.fixture
def store(cli: Cli) -> Cli:
    cli("case", "add", "c", "--title", "C")
    cli("party", "add", "Acme Widgets, Inc.", "--alias", "Acme")
    cli("party", "add", "Ms. Jane Smith")
    cli("party", "add", "Anne Morel-Roy")
    cli("add", "c", "2024-01-02", "Complaint", "--party", "Acme:plaintiff")
    return cli


def _links(cli: Cli, milestone_id: object) -> list[tuple[object, ...]]:
    return cli.query(f"{LINKS} WHERE mp.milestone_id = ? ORDER BY 1, 2", (int(str(milestone_id)),))


def test_add_links_the_party_named_without_its_punctuation(store: Cli) -> None:
    added = store("add", "c", "2024-02-02", "Answer", "--party", "acme widgets inc:defendant")
    assert "added party" not in added.stdout + added.stderr
    assert store.query("SELECT count(*) FROM parties") == [(3,)]
    assert _links(store, added.stdout) == [("Acme Widgets, Inc.", "defendant")]
    # 'Ms Jane  Smith' (a full stop left out, two spaces) is Ms. Jane Smith.
    again = store("add", "c", "2024-02-03", "Reply", "--party", "Ms Jane  Smith:witness")
    assert _links(store, again.stdout) == [("Ms. Jane Smith", "witness")]
    assert store.query("SELECT count(*) FROM parties") == [(3,)]


def test_timeline_search_and_show_find_it(store: Cli) -> None:
    listed = json.loads(store("timeline", "--party", "acme widgets inc", "-f", "json").stdout)
    assert [m["title"] for m in listed] == ["Complaint"]
    found = json.loads(store("search", "complaint", "-p", "ACME WIDGETS INC", "-f", "json").stdout)
    assert [m["title"] for m in found] == ["Complaint"]
    shown = json.loads(store("party", "show", "Ms Jane Smith", "-f", "json").stdout)
    assert shown["name"] == "Ms. Jane Smith"


def test_edit_links_and_unlinks_it(store: Cli) -> None:
    store("edit", "1", "--party", "ms jane smith:witness")
    assert _links(store, 1) == [("Acme Widgets, Inc.", "plaintiff"), ("Ms. Jane Smith", "witness")]
    store("edit", "1", "--remove-party", "acme widgets inc")
    assert _links(store, 1) == [("Ms. Jane Smith", "witness")]
    assert store.query("SELECT count(*) FROM parties") == [(3,)]


def test_party_alias_and_merge_find_it(store: Cli) -> None:
    added = store("party", "alias", "acme widgets inc", "AWI", "ACME Widgets Inc")
    assert added.stderr == (
        "added 1 alias to Acme Widgets, Inc. (aka Acme, AWI)\n'ACME Widgets Inc' already names"
        " it (case, accents, punctuation and spacing aside): not added\n"
    )
    assert store.query("SELECT alias FROM party_aliases WHERE party_id = 1 ORDER BY id") == [
        ("Acme",),
        ("AWI",),
    ]
    merged = store("party", "merge", "acme widgets inc", "Ms Jane Smith")
    assert "merged 'Ms. Jane Smith'" in merged.stdout + merged.stderr
    assert store.query("SELECT name FROM parties ORDER BY id") == [
        ("Acme Widgets, Inc.",),
        ("Anne Morel-Roy",),
    ]
    # The name typed for the party kept is its name but for punctuation, not an alias of it.
    assert "named by" not in merged.stdout + merged.stderr
    assert store("party", "merge", "Acme", "acme widgets inc", code=1).stderr == (
        "casetrack: 'Acme' and 'acme widgets inc' are already the same party\n"
    )


def test_party_alias_rm_takes_an_alias_without_its_punctuation(store: Cli) -> None:
    """alias rm needed an alias's punctuation ('AWI' did not remove 'A.W.I.'): it takes the
    alias as every lookup takes a name. The party's name so typed is still refused as its
    name; two aliases of an older store the typed one could be are refused naming both,
    and nothing is removed."""
    store("party", "alias", "Acme", "A.W.I.", "Acme Scheepvaart B.V.")
    removed = store("party", "alias", "rm", "acme", "awi", "ACME SCHEEPVAART BV")
    assert removed.stderr == "removed 2 aliases of Acme Widgets, Inc. (aka Acme)\n"
    assert store.query("SELECT alias FROM party_aliases WHERE party_id = 1") == [("Acme",)]
    assert store("party", "alias", "rm", "acme", "acme widgets inc", code=1).stderr == (
        "casetrack: 'Acme Widgets, Inc.' is the party's name, not an alias: change it with"
        " 'casetrack party rename'\n"
    )
    conn = sqlite3.connect(store.db_path)
    with conn:  # what casetrack now stores as one alias, as an older store may hold it
        conn.executemany(
            "INSERT INTO party_aliases (party_id, alias, alias_key, bare_key) VALUES (1, ?, ?, ?)",
            [("A.B. Smith", "a.b. smith", "ab smith"), ("AB. Smith", "ab. smith", "ab smith")],
        )
    conn.close()
    before = store.records()
    assert store("party", "alias", "rm", "acme", "Acme", "ab smith", code=1).stderr == (
        "casetrack: 'ab smith' could name the aliases 'A.B. Smith' or 'AB. Smith' of 'Acme"
        " Widgets, Inc.', punctuation aside: type the one to remove with its punctuation\n"
    )
    assert store.records() == before
    store("party", "alias", "rm", "acme", "a.b. smith")
    assert store.query("SELECT alias FROM party_aliases WHERE party_id = 1 ORDER BY id") == [
        ("Acme",),
        ("AB. Smith",),
    ]


def test_merge_and_rename_say_the_alias_named_as_it_is_stored(store: Cli) -> None:
    """A duplicate named by an alias without its punctuation ('j smith' for 'J. Smith') was
    said as typed: 'named by its alias 'j smith''. The line says the alias the store has,
    as merge and rename found it."""
    store("party", "add", "John Smith", "--alias", "J. Smith")
    store("party", "add", "Orion Corp.", "--alias", "O.R.I.O.N.")
    renamed = store("party", "rename", "orion", "Orion Corporation")
    assert renamed.stderr == (
        "renamed party 'Orion Corp.' (named by its alias 'O.R.I.O.N.') to 'Orion Corporation'"
        " (aka 'O.R.I.O.N.', 'Orion Corp.')\n"
    )
    refused = store("party", "rename", "orion", "Orion SA", "--drop-old", code=1).stderr
    assert refused.startswith("casetrack: 'O.R.I.O.N.' is an alias of 'Orion Corporation'")
    merged = store("party", "merge", "Ms. Jane Smith", "j smith")
    assert merged.stderr == (
        "merged 'John Smith' (named by its alias 'J. Smith'; linked to 0 milestones) into"
        " Ms. Jane Smith (aka John Smith, J. Smith)\n"
    )
    assert store.query("SELECT alias FROM party_aliases WHERE party_id = 2 ORDER BY id") == [
        ("John Smith",),
        ("J. Smith",),
    ]


def test_import_links_and_finds_it(store: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "case,date,title,parties\nc,2024-03-01,Hearing,acme widgets inc:defendant\n"
        "c,2024-03-02,Ruling,Ms Jane Smith:witness\n",
        "utf-8",
    )
    store("import", str(sheet))
    assert store.query("SELECT count(*) FROM parties") == [(3,)]
    assert _links(store, 2) == [("Acme Widgets, Inc.", "defendant")]
    assert _links(store, 3) == [("Ms. Jane Smith", "witness")]
    # Party records: one the store has but for punctuation, and two new ones that are one.
    records = [
        {"type": "party", "name": "ACME Widgets Inc", "aliases": ["Acme Widgets (US)"]},
        {"type": "party", "name": "O.R.I.O.N. Corp.", "kind": "organization"},
        {"type": "party", "name": "ORION Corp"},
    ]
    lines = [json.dumps({"format": "casetrack/1"}), *map(json.dumps, records)]
    (tmp_path / "p.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    store("import", str(tmp_path / "p.jsonl"))
    assert store.query("SELECT name FROM parties ORDER BY id") == [
        ("Acme Widgets, Inc.",),
        ("Ms. Jane Smith",),
        ("Anne Morel-Roy",),
        ("O.R.I.O.N. Corp.",),
    ]
    assert store.query("SELECT alias FROM party_aliases WHERE party_id = 1 ORDER BY id") == [
        ("Acme",),
        ("Acme Widgets (US)",),
    ]
    _clean(store)


def test_a_bare_key_of_two_parties_is_refused_naming_both(store: Cli) -> None:
    """Two parties an older store holds, 'A.B. Smith' and 'AB. Smith' (casetrack now refuses
    the second as naming the first): 'ab smith' could be either, so it is refused in one line
    naming both, and nothing is written."""
    store("party", "add", "A.B. Smith")
    assert "already names party 'A.B. Smith'" in store("party", "add", "AB. Smith", code=1).stderr
    conn = sqlite3.connect(store.db_path)
    with conn:
        conn.execute(
            "INSERT INTO parties (uid, name, name_key, bare_key, kind, created_at)"
            " VALUES ('u2', 'AB. Smith', 'ab. smith', 'ab smith', 'other', '2024-01-01T00:00:00Z')"
        )
    conn.close()
    said = (
        "casetrack: 'ab smith' could name 'A.B. Smith' or 'AB. Smith', punctuation aside:"
        " type one of them with its punctuation\n"
    )
    before = store.records()
    assert store("timeline", "--party", "ab smith", code=1).stderr == said
    assert store("party", "show", "ab smith", code=1).stderr == said
    assert store("add", "c", "2024-05-01", "Hearing", "--party", "ab smith", code=1).stderr == said
    assert store.records() == before
    assert store("party", "show", "A.B. Smith").exit_code == 0  # typed as written, found


def test_other_letters_or_words_stay_another_name(store: Cli) -> None:
    """Punctuation and spacing only: 'Anne Morel Roy' is three words where the party has two
    ('Morel-Roy' is one word, 'morelroy'), and 'Jane Smyth' other letters. The close-name
    refusal stops them as before, suggesting the party, and writes nothing."""
    before = store.records()
    refused = store("add", "c", "2024-04-01", "Hearing", "--party", "Anne Morel Roy", code=1)
    assert refused.stderr == (
        "casetrack: no party named 'Anne Morel Roy', but 'Anne Morel-Roy' is close: write that"
        ' name to link it, or --new-party "Anne Morel Roy" if it is another party\n'
    )
    shown = store("party", "show", "Ms. Jane Smyth", code=1).stderr
    assert shown == "casetrack: no party named 'Ms. Jane Smyth' (did you mean 'Ms. Jane Smith'?)\n"
    assert store.records() == before
    kept = store("add", "c", "2024-04-01", "Hearing", "--new-party", "Anne Morel Roy")
    assert kept.stderr == "new party: Anne Morel Roy\n"


def _clean(cli: Cli) -> None:
    checked = cli("check")
    assert "no problems found" in checked.stdout + checked.stderr


def _old_store(cli: Cli) -> None:
    conn = sqlite3.connect(cli.db_path)
    conn.executescript(FIXTURE.read_text())
    conn.close()


def test_a_store_of_the_previous_schema_gets_its_bare_keys(cli: Cli) -> None:
    """The fixture, made by casetrack at schema 31: opening it keys every name and alias
    and indexes them, records nothing in the history, and a change made before the upgrade
    is undone after it with its keys worked out again."""
    _old_store(cli)
    assert cli.query("PRAGMA user_version") == [(31,)]
    history = cli.query("SELECT count(*) FROM history")
    listed = json.loads(cli("timeline", "--party", "acme widgets inc", "-f", "json").stdout)
    assert [m["title"] for m in listed] == ["Complaint"]
    assert cli.query("SELECT count(*) FROM history") == history  # the upgrade is no change
    keyed = cli.query("SELECT name, bare_key FROM parties ORDER BY id")
    assert keyed == [
        ("Acme Widgets, Inc.", "acme widgets inc"),
        ("Ms. Jane Smith", "ms jane smith"),
        ("O.R.I.O.N. Corp.", "orion corp"),
        ("Kampala-Daily Ltd.", "kampaladaily ltd"),
    ]
    assert cli.query("SELECT alias, bare_key FROM party_aliases") == [("Acme", "acme")]
    plan = cli.query("EXPLAIN QUERY PLAN SELECT id FROM parties WHERE bare_key = 'x'")
    assert "USING COVERING INDEX parties_bare_key" in plan[0][3]
    _clean(cli)
    cli("party", "show", "orion corp")
    cli("undo")  # the import: parties 4-5 a span, its digest made before the column was
    assert cli.query("SELECT id FROM parties ORDER BY id") == [(1,), (2,)]
    cli("undo")  # the party removed before the upgrade comes back, with its bare key
    assert cli.query("SELECT name, bare_key FROM parties WHERE id = 3") == [
        ("Gone Party, Ltd.", "gone party ltd")
    ]
    cli("party", "show", "gone party ltd")
    _clean(cli)


def test_check_names_a_stale_bare_key(store: Cli) -> None:
    conn = sqlite3.connect(store.db_path)
    with conn:
        conn.execute("UPDATE parties SET bare_key = 'acme' WHERE id = 1")
    conn.close()
    said = store("check", code=1).stdout
    assert "names: party 1 ('Acme Widgets, Inc.') has a stale lookup key\n" in said


def test_check_lists_parties_an_older_store_has_under_one_bare_key(store: Cli) -> None:
    """Parties of a store made before the bare keys may share one: two names ('A.B. Smith',
    'AB. Smith', 'A.B Smith'), or a name and another party's alias ('Orion Corp' aka
    'Acme Widgets Inc.'). Each lookup refuses that name, and check passed: it lists each
    pair (the party made first with each other) with the merge that makes them one. A
    party's own alias that is its name but for punctuation is no pair; after the merges
    check passes."""
    conn = sqlite3.connect(store.db_path)
    with conn:  # as casetrack wrote them before it matched names punctuation aside
        for name in ("A.B. Smith", "AB. Smith", "A.B Smith", "Orion Corp"):
            conn.execute(
                "INSERT INTO parties (uid, name, name_key, bare_key, kind, created_at)"
                " VALUES (?, ?, ?, ?, 'other', '2024-01-01T00:00:00Z')",
                (name, name, name_key(name), bare_key(name)),
            )
        for party_id, alias in ((7, "Acme Widgets Inc."), (3, "Anne Morel-Roy.")):
            conn.execute(
                "INSERT INTO party_aliases (party_id, alias, alias_key, bare_key)"
                " VALUES (?, ?, ?, ?)",
                (party_id, alias, name_key(alias), bare_key(alias)),
            )
    conn.close()
    checked = store("check", code=1)
    said = "names: parties {} share the name {}, punctuation aside: typed without it, that"
    merge = " name finds neither; fold one into the other with 'casetrack party merge {}'\n"
    pairs = (
        ("4 ('A.B. Smith') and 5 ('AB. Smith')", "'ab smith'", '"A.B. Smith" "AB. Smith"'),
        ("4 ('A.B. Smith') and 6 ('A.B Smith')", "'ab smith'", '"A.B. Smith" "A.B Smith"'),
        ("1 ('Acme Widgets, Inc.') and 7 ('Orion Corp')", "'acme widgets inc'",
         '"Acme Widgets, Inc." "Orion Corp"'),
    )  # fmt: skip
    assert checked.stdout == "".join((said + merge).format(*pair) for pair in pairs)
    assert store("party", "show", "ab smith", code=1).stderr.startswith("casetrack: 'ab smith'")
    store("party", "merge", "A.B. Smith", "AB. Smith")
    store("party", "merge", "A.B. Smith", "A.B Smith")
    store("party", "merge", "Acme Widgets, Inc.", "Orion Corp")
    _clean(store)
    shown = json.loads(store("party", "show", "ab smith", "-f", "json").stdout)
    assert shown["name"] == "A.B. Smith"


def test_an_export_keeps_two_parties_an_older_store_held_apart_by_punctuation(
    store: Cli, tmp_path: Path
) -> None:
    """An export's party records carry their uids: one new to the store is matched by its
    spelling, punctuation included, so 'AB. Smith' and 'A.B. Smith' of a store made before
    the bare keys stay two parties in the store that imports them, each with its name."""
    conn = sqlite3.connect(store.db_path)
    with conn:  # as casetrack wrote them before it matched names punctuation aside
        for name, kind in (("A.B. Smith", "person"), ("AB. Smith", "other")):
            conn.execute(
                "INSERT INTO parties (uid, name, name_key, bare_key, kind, created_at)"
                " VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')",
                (str(uuid.uuid4()), name, name_key(name), bare_key(name), kind),
            )
    conn.close()
    sheet = tmp_path / "all.json"
    store("export", "-o", str(sheet))
    other = Cli(tmp_path / "other.db")
    other("import", str(sheet))
    named = dict(other.query("SELECT name, kind FROM parties WHERE name LIKE '%B. Smith'"))
    assert named == {"A.B. Smith": "person", "AB. Smith": "other"}


# Names as people type them: letters of several scripts, digits, spaces and punctuation.
_LETTERS = st.characters(categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F).filter(
    lambda ch: bare_key(ch).isalnum()
)
_PUNCTUATION = st.sampled_from(".,;:'\u2019\"-\u2013\u2014()[]/&!?_`^@#*«»")
_SPACES = st.sampled_from((" ", "  ", "\t", "\u00a0"))
_NAMES = st.lists(
    st.one_of(_LETTERS, _LETTERS, _LETTERS, _PUNCTUATION, _SPACES), min_size=1, max_size=20
).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(_NAMES, st.data())
def test_the_bare_key_is_blind_to_punctuation_and_spacing_only(
    name: str, data: st.DataObject
) -> None:
    key = bare_key(name)
    assert bare_key(key) == key  # idempotent
    assert key == " ".join(key.split())  # its spaces collapsed
    assert not any(unicodedata.category(ch)[0] == "P" for ch in key)
    # Punctuation put anywhere, or a space where there is one, changes nothing.
    at = data.draw(st.integers(0, len(name)))
    mark = data.draw(_PUNCTUATION)
    assert bare_key(name[:at] + mark + name[at:]) == key
    assert bare_key(name.replace(" ", "   ")) == key
    assert bare_key(f"  {name}\t") == key
    # A letter more, or one letter another, is another name.
    letter = data.draw(_LETTERS)
    assert bare_key(name[:at] + letter + name[at:]) != key
    places = [i for i, ch in enumerate(name) if bare_key(ch).isalnum()]
    if places:
        i = data.draw(st.sampled_from(places))
        other = data.draw(_LETTERS.filter(lambda ch: name_key(ch) != name_key(name[i])))
        assert bare_key(name[:i] + other + name[i + 1 :]) != key
