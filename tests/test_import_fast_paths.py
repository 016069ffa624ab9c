"""An import's shortcuts change nothing: each is a proof that the general path would give the
same, tested as such against it on arbitrary input."""

from __future__ import annotations

import io
import json
import multiprocessing
import re
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetrack.drafts import PartySpec, check_party
from casetrack.errors import CasetrackError
from casetrack.exchange.importer import (
    _any_citation,
    _any_party_spec,
    _citation,
    _party_spec,
    import_records,
)
from casetrack.exchange.jsonfmt import read_jsonl
from casetrack.history_sql import span_digest
from casetrack.store import Store
from casetrack.text import clean_text
from tests.budget import examples
from tests.conftest import Cli

# What a file may hold where a text is expected: text (odd spaces, controls, accents in both
# Unicode forms, bidi marks), nothing, or a value of another type.
_TEXT = st.lists(
    st.sampled_from(["Jane", " ", "\t", "\n", "é", "e\u0301", "\x01", "\u202e", ":", "judge",
                     "witness", "Witness", "defendent", "ab", ""]),
    max_size=4,
).map("".join)  # fmt: skip
_VALUE = st.one_of(_TEXT, st.none(), st.integers(), st.booleans(), st.lists(st.integers()))
_ID = st.sampled_from(["5f0e8f9e-3c1a-4c4e-9d4e-2b1a6f3e8c7d", "5F0E8F9E3C1A4C4E9D4E2B1A6F3E8C7D"])


def _outcome(read: Any, item: object) -> object:
    try:
        return read(item)
    except CasetrackError as err:
        return f"refused: {err}"


_PARTY_LINK = st.dictionaries(
    st.sampled_from(["party", "name", "role", "spec", "other"]), _VALUE | _ID, max_size=5
)
_SOURCE_LINK = st.dictionaries(
    st.sampled_from(["source", "url", "quote", "page", "paragraph", "page_index", "sha256"]),
    _VALUE | _ID,
    max_size=7,
)


@settings(max_examples=examples(300))
@given(st.one_of(_PARTY_LINK, _VALUE))
def test_an_exports_party_link_reads_as_any_party_link_does(item: object) -> None:
    assert _outcome(_party_spec, item) == _outcome(_any_party_spec, item)


@settings(max_examples=examples(300))
@given(st.one_of(_SOURCE_LINK, _VALUE))
def test_an_exports_source_link_reads_as_any_source_link_does(item: object) -> None:
    assert _outcome(_citation, item) == _outcome(_any_citation, item)


@settings(max_examples=examples(300))
@given(_TEXT, st.one_of(st.none(), _TEXT), st.one_of(st.none(), _ID), st.booleans())
def test_a_known_role_is_taken_as_cleaning_would_leave_it(
    name: str, role: str | None, uid: str | None, new: bool
) -> None:
    """check_party takes a known role (or none) as stored without cleaning it: the same role
    as cleaning it would give (lower case, single spaces, none for an empty one)."""
    try:
        checked = check_party(PartySpec(name, role, uid, new))
    except CasetrackError:
        return  # a bad name or uid is refused before the role is read
    assert checked.role == (" ".join(clean_text(role or "").split()).lower() or None)


def _names(cli: Cli) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The party name index as stored, and as the triggers of m009 would write it now."""
    stored = cli.query("SELECT rowid, names FROM party_names_fts ORDER BY rowid")
    expected = cli.query(
        "SELECT id, name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM party_aliases"
        " WHERE party_id = parties.id), '') FROM parties ORDER BY id"
    )
    return stored, expected


def test_parties_imported_in_a_run_are_indexed_by_name_as_one_at_a_time(
    cli: Cli, tmp_path: Path
) -> None:
    """An import's party records skip the name index's triggers and index their names at the
    end of their run: the index is the triggers' own, new parties and new aliases of parties
    the store had alike, and a close name typed afterwards is found through it."""
    cli("case", "add", "c1", "--title", "Case")
    cli("party", "add", "Élodie Lefèvre", "--kind", "person")
    cli("party", "add", "Kept Apart")
    export = tmp_path / "in.jsonl"
    lines = [
        {"format": "casetrack/1"},
        {"type": "party", "name": "Élodie Lefèvre", "kind": "person", "aliases": ["E. Lefevre"]},
        {"type": "party", "name": "Mohammad Rezaei", "kind": "person",
         "aliases": ["M. Rezaei", "محمد رضایی"]},
        {"type": "party", "name": "Acme Holdings", "kind": "organization"},
        {"type": "milestone", "case": "c1", "date": "2003", "title": "Raid",
         "parties": [{"name": "Acme Holdings", "role": "defendant"}]},
        {"type": "party", "name": "Late Party", "aliases": ["L. Party"]},
    ]  # fmt: skip
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    cli("import", str(export))
    stored, expected = _names(cli)
    assert stored == expected
    assert len(stored) == 5
    cli.query("INSERT INTO party_names_fts (party_names_fts) VALUES ('integrity-check')")
    refused = cli("add", "c1", "2004", "Hearing", "--party", "Mohammad Rezaie", code=1)
    assert "'Mohammad Rezaei'" in refused.stderr
    # The triggers are back: a party added by hand is indexed at once.
    cli("party", "add", "New One", "--alias", "N. One")
    assert _names(cli)[0] == _names(cli)[1]


# An import of export-shaped records and of records off that shape, both ways.
_PARTIES = [
    ("11111111-1111-4111-8111-111111111111", "Jane Doe"),
    ("22222222-2222-4222-8222-222222222222", "Élodie Lefèvre"),
    ("33333333-3333-4333-8333-333333333333", "Acme Holdings"),
]
_SOURCES = [
    ("44444444-4444-4444-8444-444444444444", "https://example.org/a"),
    ("55555555-5555-4555-8555-555555555555", "Le Monde, 18 June 2003, p. 3"),
]
_HEAD = [
    {"format": "casetrack/1"},
    {"type": "kind", "name": "raid"},
    {"type": "case", "uid": "66666666-6666-4666-8666-666666666666", "slug": "c1", "title": "C"},
    {"type": "case", "uid": "77777777-7777-4777-8777-777777777777", "slug": "c2", "title": "D"},
    *(
        {"type": "party", "uid": u, "name": n, "kind": "person", "aliases": [f"{n[:4]} alias"]}
        for u, n in _PARTIES[:2]
    ),
    {"type": "party", "uid": _PARTIES[2][0], "name": _PARTIES[2][1], "kind": "organization"},
    {"type": "source", "uid": _SOURCES[0][0], "url": _SOURCES[0][1], "title": "A report"},
    {"type": "source", "uid": _SOURCES[1][0], "url": _SOURCES[1][1], "publisher": "Le Monde"},
]


def _uid(n: int) -> str:
    return f"{n:08x}-0000-4000-8000-000000000000"


# What a milestone line's values may be: an export's, and the ways a file may be off them.
_TEXTS = st.sampled_from(
    ["Raid", " Raid ", "Perquisition à Paris", "e\u0301t\u00e9", "a\nb", "a\r\nb", "a\rb", "",
     "  ", "x\x01", "Line \"quoted\" \\ back", "ab\u202e", "日本"]
)  # fmt: skip
_ODD = st.one_of(st.none(), st.integers(-2, 3), st.booleans(), st.just([]), st.just({"a": 1}))
_DATES = st.sampled_from(
    ["2003-06-17", "2003", "2003-06", "circa 2001", "2003-02-30", "", "1985?", "2003-6-7",
     "between 2001 and 2003"]
)  # fmt: skip
_KINDS = st.sampled_from(["raid", "Raid", " ruling ", "other", "nope", "", "hearing"])
_ROLES = st.sampled_from(["judge", "Judge", "defendent", "counter defendant", "", "x\x02"])
_STATUS = st.sampled_from(["undisputed", "disputed", "Disputed", "unsure", "wrong", ""])
_TAGS = st.sampled_from(["appeal", "Appeal", "a  b", "procedure", "", "é"])


def _one_of(draw: st.DrawFn, clean: bool, usual: Any, others: st.SearchStrategy[Any]) -> Any:
    """An export's value on a clean line; on another, now and then one off it."""
    return usual if clean or draw(st.integers(0, 4)) else draw(others)


@st.composite
def _party_link(draw: st.DrawFn, clean: bool) -> Any:
    uid, name = draw(st.sampled_from(_PARTIES))
    role = draw(st.sampled_from([None, "judge", "defendant", "counter defendant"]))
    link: dict[str, Any] = {
        "party": _one_of(
            draw, clean, uid, st.sampled_from([uid.upper(), "99999999-9999-4999-8999-999999999999"])
        ),
        "name": _one_of(draw, clean, name, st.sampled_from(["New Person", "x\x03", " Acme "])),
        "role": _one_of(draw, clean, role, _ROLES),
    }
    return _one_of(draw, clean, link, st.sampled_from(
        [{**link, "extra": 1}, {"spec": "Jane Doe:judge"}, {"party": uid, "name": name},
         "Jane Doe"]))  # fmt: skip


@st.composite
def _source_link(draw: st.DrawFn, clean: bool) -> Any:
    uid, url = draw(st.sampled_from(_SOURCES))
    link: dict[str, Any] = {
        "source": _one_of(draw, clean, uid, st.just("88888888-8888-4888-8888-888888888888")),
        "url": _one_of(draw, clean, url, st.sampled_from([None, "https://new.example/x", 5])),
        "quote": _one_of(draw, clean, draw(st.sampled_from([None, "Said so", "Dit « ça »"])),
                         _TEXTS),
        "page": _one_of(draw, clean, draw(st.sampled_from([None, "3"])),
                        st.sampled_from([" 4 ", ""])),
        "paragraph": draw(st.sampled_from([None, "2"])),
        "sha256": None,
        "page_index": _one_of(draw, clean, None, st.sampled_from([2, 0, "1"])),
    }  # fmt: skip
    return link


@st.composite
def _milestone(draw: st.DrawFn, n: int) -> str:
    """A milestone line: an export's, or one with values off an export's here and there."""
    clean = draw(st.booleans())

    def value(usual: Any, others: st.SearchStrategy[Any]) -> Any:
        return _one_of(draw, clean, usual, others)

    record: dict[str, Any] = {
        "type": "milestone",
        "uid": value(_uid(n), st.sampled_from([_uid(n).upper(), _uid(1), "bad"])),
        "case": value(draw(st.sampled_from(["c1", "c2"])),
                      st.sampled_from(["C1", " c1", "missing", ""])),
        "date": value(draw(st.sampled_from(["2003-06-17", "2003", "2003-06", "circa 2001",
                                            "1985?"])), _DATES),
        "start": None, "end": None, "precision": "day", "approximate": False, "uncertain": False,
        "kind": value(draw(st.sampled_from(["raid", "other", "ruling"])), _KINDS),
        "title": value(draw(st.sampled_from(["Raid", "Perquisition à Paris", 'Say "no"'])),
                       _TEXTS),
        "parties": draw(st.lists(_party_link(clean), max_size=3)),
        "sources": draw(st.lists(_source_link(clean), max_size=2)),
        "location": value(draw(st.sampled_from([None, "Paris", "Genève"])), _TEXTS),
        "note": value(draw(st.sampled_from([None, "Two\nlines", "Short"])), _TEXTS),
        "tags": sorted(set(draw(st.lists(st.sampled_from(["appeal", "procedure", "é"]),
                                         max_size=2)))),
        "status": value(draw(st.sampled_from(["undisputed", "disputed", "unsure"])), _STATUS),
        "key": value(draw(st.booleans()), st.sampled_from([None, "yes", 1])),
    }  # fmt: skip
    if not clean:
        record["tags"] = value(record["tags"], st.lists(st.one_of(_TAGS, st.none()), max_size=3))
        if draw(st.integers(0, 3)) == 0:  # a field of another type, or left out
            field = draw(st.sampled_from(sorted(record)))
            if draw(st.booleans()):
                record[field] = draw(_ODD)
            else:
                del record[field]
    extra = None if clean else draw(
        st.sampled_from([None, None, "sort_key", "deadline", "twice", "other"]))  # fmt: skip
    if extra == "sort_key":
        record["sort_key"] = "2003-06-17 5"
    elif extra == "deadline":
        record["deadline"] = {"rule": "frcp-answer"}
    elif extra == "other":
        record["later"] = 1
    line = json.dumps(record, ensure_ascii=False)
    if extra == "twice":  # a key twice: the last one counts for json
        line = line[:-1] + ', "title": "Second"}'
    if clean:
        return line
    return draw(
        st.sampled_from(
            [
                line,
                line,
                line.replace("a", "\\u0061", 1),
                line[:-1],
                line.replace('"key"', '"key" '),
            ]
        )
    )


_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _stored(store: Store, text: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row an import of `text` writes, less its clock columns (and the digests taken of
    them), and with a uid the import made up (a new case's, at random) said as "made"; and
    the full-text index's own tables."""

    def kept(value: Any) -> Any:
        made = isinstance(value, str) and _UID.fullmatch(value) and value not in text
        return "made" if made else value

    conn = store.conn
    tables: dict[str, list[tuple[Any, ...]]] = {}
    for table in ("milestones", "milestone_parties", "milestone_sources", "milestone_tags",
                  "milestone_search", "parties", "party_aliases", "sources", "cases", "kinds",
                  "case_figures"):  # fmt: skip
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        columns_kept = ", ".join(c for c in columns if c not in ("created_at", "updated_at"))
        rows = conn.execute(f"SELECT rowid, {columns_kept} FROM {table} ORDER BY rowid")
        tables[table] = [tuple(map(kept, row)) for row in rows]
    tables["history"] = conn.execute(
        "SELECT action, table_name, row_id, last_row_id FROM history ORDER BY id"
    ).fetchall()
    for shadow in ("data", "idx", "docsize", "config"):  # the full-text index, byte for byte
        table = f"milestone_search_fts_{shadow}"
        tables[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    spans = conn.execute(
        "SELECT table_name, row_id, last_row_id, digest FROM history WHERE digest IS NOT NULL"
    ).fetchall()
    for table, first, last, digest in spans:  # a worker's digest is the store's own
        assert digest == span_digest(conn, table, first, last), table
    return tables


def _import(text: str, way: str) -> tuple[object, dict[str, list[tuple[Any, ...]]]]:
    """What importing `text` into a new store does: `shortcut` with the shortcut for an
    export's milestone records, `general` with every record read the general way, `worker`
    from a file read by a worker process (as a large JSON Lines file is)."""
    from contextlib import ExitStack
    from unittest import mock

    from casetrack.exchange import importer
    from casetrack.exchange.importer import JsonlFile, _Importer

    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        records: Any = read_jsonl(io.StringIO(text), "f")
        if way == "general":
            stack.enter_context(
                mock.patch.object(_Importer, "_exported", lambda self, record: None)
            )
        elif way == "worker":
            path = Path(folder) / "f.jsonl"
            path.write_text(text, encoding="utf-8")
            stream = stack.enter_context(path.open(encoding="utf-8-sig", newline=""))
            records = JsonlFile(stream, "f", path.stat().st_size)
            stack.enter_context(mock.patch.object(importer, "WORKER_FROM", 0))
            started = stack.enter_context(
                mock.patch.object(
                    importer._Worker,
                    "__enter__",
                    autospec=True,
                    side_effect=importer._Worker.__enter__,
                )
            )
        store = Store.open(Path(folder) / "f.db", create=True)
        try:
            try:
                report = import_records(store, records, "f")
            except CasetrackError as err:
                outcome: object = (str(err), err.details)
            else:
                outcome = (report.added, report.updated, report.unchanged, report.warnings)
            if way == "worker":
                assert started.called, "the worker process read the file"
                assert not multiprocessing.active_children(), "and it ended"
            store.conn.execute(  # the full-text index says what the search rows say
                "INSERT INTO milestone_search_fts (milestone_search_fts) VALUES ('integrity-check')"
            )
            return outcome, _stored(store, text)
        finally:
            store.close()


@settings(max_examples=examples(150), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(st.data())
def test_an_exports_milestone_records_import_as_the_general_reading_imports_them(
    data: st.DataObject,
) -> None:
    """The shortcut for an export's milestone records (_Importer._exported) writes what the
    general reading writes, rows, links, search rows and history alike, and refuses what it
    refuses with the same words, for export records and records any way off them; and so
    does a worker process reading the file and taking the shortcut beside the importer."""
    lines = [json.dumps(r, ensure_ascii=False) for r in _HEAD]
    count = data.draw(st.integers(1, 12))
    for n in range(1, count + 1):
        lines.append(data.draw(_milestone(n)))
        if data.draw(st.integers(0, 9)) == 0:  # another record among the milestones
            party = {"type": "party", "name": f"Late {n}", "uid": _uid(100 + n)}
            if data.draw(st.booleans()):  # an alias more for a party of milestones before
                uid, name = data.draw(st.sampled_from(_PARTIES))
                party = {"type": "party", "name": name, "uid": uid, "aliases": [f"Late {n}"]}
            lines.append(json.dumps(party, ensure_ascii=False))
    text = "\n".join(lines) + "\n"
    shortcut = _import(text, "shortcut")
    assert shortcut == _import(text, "general")
    assert shortcut == _import(text, "worker")


def test_a_link_naming_a_held_uid_otherwise_goes_the_general_way() -> None:
    """A worker finds a link's party or source by its uid as casetrack writes it without
    matching the uid's form (_Known.finds_canonical_only); the same uid written otherwise
    (upper case) is not found so, and its milestone goes the general way, which links the
    same party and source: all three ways write the same rows."""
    party, source = "abcdef12-3456-4789-8abc-def123456789", "fedcba98-7654-4321-8fed-cba987654321"
    head = [
        {"format": "casetrack/1"},
        {"type": "case", "uid": "66666666-6666-4666-8666-666666666666", "slug": "c1", "title": "C"},
        {"type": "party", "uid": party, "name": "Jane Doe", "kind": "person"},
        {"type": "source", "uid": source, "url": "https://example.org/a"},
    ]
    lines = [json.dumps(r) for r in head]
    for n, (party_uid, source_uid) in enumerate(
        [(party, source), (party.upper(), source), (party, source.upper()), (party, source)], 1
    ):
        lines.append(json.dumps({
            "type": "milestone", "uid": _uid(n), "case": "c1", "date": "2003-06-17",
            "kind": "other", "title": f"Event {n}", "tags": [], "status": "undisputed",
            "key": False, "parties": [{"party": party_uid, "name": "Jane Doe", "role": "judge"}],
            "sources": [{"source": source_uid, "url": "https://example.org/a"}],
        }))  # fmt: skip
    text = "\n".join(lines) + "\n"
    from unittest import mock

    from casetrack.exchange import importer

    prepared: list[object] = []
    keep = importer._Importer.prepared

    def counted(self: importer._Importer, line: int | str, rows: list[Any]) -> None:
        prepared.extend(at for at, *_ in rows)
        keep(self, line, rows)

    with mock.patch.object(importer._Importer, "prepared", counted):
        outcome, stored = _import(text, "worker")
    assert prepared == [5, 8]  # the lines of the uids as written before
    assert outcome == _import(text, "general")[0] == _import(text, "shortcut")[0]
    assert stored == _import(text, "general")[1]
    assert [row[1:] for row in stored["milestone_parties"]] == [
        (n, 1, "judge") for n in range(1, 5)
    ]
    assert [row[1:3] for row in stored["milestone_sources"]] == [(n, 1) for n in range(1, 5)]


# Party and source records as a file may give them: new, or naming (by uid, name, alias or
# URL in another spelling) one the store or the file has already, or refused.
_PARTY_UIDS = st.sampled_from([None, "bad", _PARTIES[0][0], _PARTIES[0][0].upper(), _uid(201),
                               _uid(202), _uid(203), _uid(204)])  # fmt: skip
_PARTY_NAMES = st.sampled_from(["New Co", "new  co", "Zed", "Jane Doe", "jane doe",
                                "Elodie Lefevre", "", "  ", 5, None, "Ünal"])  # fmt: skip
_ALIASES = st.sampled_from([[], ["Zed"], ["Yves", "yves"], ["Jane Doe"], ["", "x"], "Zed", [5],
                            ["Acme Holdings"], ["New Co"], ["Unal"], None])  # fmt: skip
_SOURCE_UIDS = st.sampled_from([None, "bad", _SOURCES[0][0], _uid(301), _uid(302), _uid(303)])
_URLS = st.sampled_from(["https://example.org/a", "HTTPS://Example.ORG/a/", "https://new.example/x",
                         "https://NEW.example/x/", "https://new.example/x?y", "123", "", None,
                         "Le Monde, 18 June 2003, p. 3", "le monde, 18 june 2003, p. 3",
                         "Other, p. 4"])  # fmt: skip
_FIELDS = st.sampled_from([None, "", "A title", " Spaced ", "2003-06", "June 2003", "no date", 5])


@st.composite
def _party_or_source(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        record = {"type": "party", "uid": draw(_PARTY_UIDS), "name": draw(_PARTY_NAMES),
                  "kind": draw(st.sampled_from(["person", "organisation", "bad", None])),
                  "aliases": draw(_ALIASES)}  # fmt: skip
    else:
        record = {"type": "source", "uid": draw(_SOURCE_UIDS), "url": draw(_URLS),
                  "title": draw(_FIELDS), "publisher": draw(_FIELDS),
                  "published": draw(_FIELDS)}  # fmt: skip
    return {k: v for k, v in record.items() if v is not None or draw(st.booleans())}


@settings(max_examples=examples(150), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(st.lists(_party_or_source(), max_size=8), st.integers(0, 2), st.data())
def test_party_and_source_records_made_ready_by_the_worker_import_as_read_in_process(
    records: list[dict[str, Any]], milestones: int, data: st.DataObject
) -> None:
    """Party and source records a worker process makes ready (ready_party, ready_source) and
    the importer writes a run at a time write what the importer reading each one writes, and
    refuse what it refuses with the same words: new ones, and ones naming a party or source
    the store or the file holds (by uid, name, alias or URL in another spelling)."""
    lines = [json.dumps(r, ensure_ascii=False) for r in [*_HEAD, *records]]
    lines += [data.draw(_milestone(n)) for n in range(1, milestones + 1)]
    text = "\n".join(lines) + "\n"
    assert _import(text, "shortcut") == _import(text, "worker")


def test_a_whole_store_export_takes_the_shortcut_and_exports_the_same_bytes(
    cli: Cli, tmp_path: Path
) -> None:
    """Every milestone record of a whole-store export goes the shortcut's way, and the store
    it makes exports the same file."""
    from unittest import mock

    from casetrack.exchange.importer import _Importer

    cli("case", "add", "nec-2003", "--title", "NEC")
    cli(
        "add",
        "nec-2003",
        "2003-06-17",
        "Raid on the offices",
        "--kind",
        "raid",
        "--party",
        "Élodie Lefèvre:judge",
        "--party",
        "Acme:defendant",
        "--tag",
        "Appeal",
        "--tag",
        "procedure",
        "--source",
        "https://example.org/a",
        "--location",
        "Paris",
    )
    cli(
        "add",
        "nec-2003",
        "circa 2004",
        "Hearing",
        "--note",
        "Two\nlines",
        "--party",
        "Acme",
        "--source",
        "Le Monde, 18 June 2003, p. 3",
        "--status",
        "disputed",
    )
    cli("add", "nec-2003", "2003-06", "Perquisition à Paris", "--key")
    exported = tmp_path / "all.jsonl"
    exported.write_text(cli("export", "-f", "jsonl").stdout, encoding="utf-8")
    taken: list[object] = []
    shortcut = _Importer._exported

    def counted(self: _Importer, record: dict[str, Any]) -> object:
        taken.append(shortcut(self, record))
        return taken[-1]

    other = Cli(tmp_path / "new.db")
    with mock.patch.object(_Importer, "_exported", counted):
        other("import", str(exported))
    assert len(taken) == 3 and None not in taken
    assert other("export", "-f", "jsonl").stdout == exported.read_text(encoding="utf-8")


def _same_index(store: Cli, other: Cli) -> None:
    """The two stores' full-text indexes are the same bytes, and the first's is whole."""
    for shadow in ("data", "idx", "docsize", "config"):
        index = f"SELECT * FROM milestone_search_fts_{shadow} ORDER BY 1, 2"
        assert store.query(index) == other.query(index)
    store.query(
        "INSERT INTO milestone_search_fts (milestone_search_fts, rank)"
        " VALUES ('integrity-check', 1)"
    )


def _whole_store_export(cli: Cli, tmp_path: Path) -> Path:
    """A small store's whole export, with parties, sources, tags and a document-free store."""
    cli("case", "add", "nec-2003", "--title", "NEC")
    for n in range(30):
        cli("add", "nec-2003", f"2003-06-{1 + n % 28:02d}", f"Event {n}", "--kind", "hearing",
            "--party", f"Party {n % 4}:defendant", "--source", f"https://example.org/{n % 3}",
            "--tag", "appeal")  # fmt: skip
    exported = tmp_path / "all.jsonl"
    exported.write_text(cli("export", "-f", "jsonl").stdout, encoding="utf-8")
    return exported


def test_a_large_export_is_read_by_a_worker_process_and_imports_as_in_process(
    cli: Cli, tmp_path: Path
) -> None:
    """A JSON Lines file past WORKER_FROM, into a store holding no milestone, is read by a
    worker process that takes the shortcut for every milestone record and works out their
    search rows and their full-text index (the importer only copies it in): the store's
    index is an in-process import's byte for byte, it exports the same bytes again, its
    search finds what an in-process import's does, and its undo and redo work as an
    in-process import's."""
    from unittest import mock

    from casetrack import bulk_mode
    from casetrack.exchange import importer

    exported = _whole_store_export(cli, tmp_path)
    prepared: list[object] = []
    keep = importer._Importer.prepared

    def counted(self: importer._Importer, line: int | str, rows: list[Any]) -> None:
        prepared.extend(at for at, *_ in rows)
        keep(self, line, rows)

    digested: list[str] = []

    def digest(conn: Any, table: str, first: int, last: int) -> str:
        digested.append(table)
        return span_digest(conn, table, first, last)

    other = Cli(tmp_path / "new.db")
    with mock.patch.object(importer, "WORKER_FROM", 0), \
            mock.patch.object(importer._Importer, "prepared", counted), \
            mock.patch.object(bulk_mode, "span_digest", digest), \
            mock.patch.object(importer, "put_index", side_effect=importer.put_index) as put, \
            mock.patch.object(bulk_mode, "rebuild_search", side_effect=AssertionError):  # fmt: skip
        assert other("import", str(exported)).stderr.startswith("imported:")
    assert len(prepared) == 30
    assert put.called, "the worker's index was copied in"
    # The spans of the milestones and their links have the digests the worker took, which
    # are the store's own (and undo checks them below).
    assert sorted(digested) == ["cases", "parties", "sources"]
    spans = other.query(
        "SELECT table_name, row_id, last_row_id, digest FROM history WHERE digest IS NOT NULL"
    )
    assert {"milestones", "milestone_parties", "milestone_sources", "milestone_tags"} <= {
        table for table, *_ in spans
    }
    with closing(sqlite3.connect(other.db_path)) as conn:
        for table, first, last, taken in spans:
            assert taken == span_digest(conn, str(table), int(first), int(last))  # type: ignore[call-overload]
    in_process = Cli(tmp_path / "in-process.db")
    in_process("import", str(exported))
    _same_index(other, in_process)
    for words in ("appeal", "hearing", "party 3", "defendant", "event"):
        found = ("search", words, "-f", "json")
        assert other(*found).stdout == in_process(*found).stdout != "[]\n"
    other("check")
    assert not multiprocessing.active_children()
    assert other("export", "-f", "jsonl").stdout == exported.read_text(encoding="utf-8")
    other("undo")
    assert other.query("SELECT count(*) FROM milestones") == [(0,)]
    other("undo", str(other.query("SELECT max(id) FROM changes")[0][0]))  # the redo
    assert other("export", "-f", "jsonl").stdout == exported.read_text(encoding="utf-8")


def test_an_index_the_store_would_build_otherwise_is_built_by_the_importer(
    cli: Cli, tmp_path: Path
) -> None:
    """A store whose full-text index has settings of its own (set by hand on its FTS5 table)
    does not take the index a worker process built with the defaults: the importer builds
    it, under the store's settings, and it finds what an in-process import's finds."""
    import sqlite3
    from unittest import mock

    from casetrack.exchange import importer

    exported = _whole_store_export(cli, tmp_path)
    stores = [Cli(tmp_path / "worker.db"), Cli(tmp_path / "in-process.db")]
    for store, worker_from in zip(stores, (0, 1 << 40), strict=True):
        store("init")
        conn = sqlite3.connect(store.db_path, isolation_level=None)
        conn.execute(
            "INSERT INTO milestone_search_fts (milestone_search_fts, rank) VALUES ('pgsz', 1000)"
        )
        conn.close()
        with mock.patch.object(importer, "WORKER_FROM", worker_from), \
                mock.patch.object(importer, "put_index", side_effect=AssertionError):  # fmt: skip
            store("import", str(exported))
    _same_index(*stores)
    found = ("search", "appeal", "-f", "json")
    assert stores[0](*found).stdout == stores[1](*found).stdout != "[]\n"


def test_an_index_the_worker_fails_to_send_whole_is_built_by_the_importer(
    cli: Cli, tmp_path: Path
) -> None:
    """A worker process that fails midway through sending the full-text index it built (its
    temporary file's disk full, say) leaves the importer to build it: the import is whole."""
    import sqlite3
    from collections.abc import Iterator
    from unittest import mock

    from casetrack import search_built
    from casetrack.exchange import importer

    exported = _whole_store_export(cli, tmp_path)
    whole = search_built.IndexBuilder.parts

    def broken(self: search_built.IndexBuilder) -> Iterator[object]:
        yield next(whole(self))
        raise sqlite3.OperationalError("database or disk is full")

    other = Cli(tmp_path / "worker.db")
    copied = mock.patch.object(importer, "put_index", side_effect=importer.put_index)
    failing = mock.patch.object(search_built.IndexBuilder, "parts", broken)
    with mock.patch.object(importer, "WORKER_FROM", 0), failing, copied as put:
        assert other("import", str(exported)).stderr.startswith("imported:")
    assert put.called, "the copy began"
    in_process = Cli(tmp_path / "in-process.db")
    in_process("import", str(exported))
    _same_index(other, in_process)
    assert other("export", "-f", "jsonl").stdout == exported.read_text(encoding="utf-8")


def test_a_worker_told_the_store_in_parts_knows_every_party_and_source_once(
    cli: Cli, tmp_path: Path
) -> None:
    """The parties, sources and link labels a worker is told of the store go after the
    snapshot in parts (_SNAPSHOT_PART, two rows here): each row is sent once, in one part,
    so the worker makes every milestone record ready (a party or source it missed would send
    its milestones the general way, a label it missed would fail the import), with the
    search rows of an in-process import, and the store holds every party, alias, source and
    link once, as the export does; a bad record after the parts is refused as in-process."""
    from collections.abc import Iterator
    from unittest import mock

    from casetrack.exchange import importer

    names = ["Jane Doe", "Acme Holdings", "Ministry of Interior", "Élodie Lefèvre",
             "Northern Bank", "Court of Appeal", "Ravi Shankar"]  # fmt: skip
    for n, name in enumerate(names):
        cli("party", "add", name, "--alias", f"Alias {'ABCDEFG'[n]}", "--alias", f"Other {n}")
    for n in range(5):
        cli("source", "add", f"https://example.org/{n}", "--title", f"Report {n}",
            "--publisher", f"Publisher {n}")  # fmt: skip
    cli("case", "add", "nec-2003", "--title", "NEC")
    for n in range(12):
        cli("add", "nec-2003", f"2003-06-{1 + n:02d}", f"Event {n}",
            "--party", f"{names[n % 7]}:defendant", "--party", names[(n + 3) % 7],
            "--source", f"https://example.org/{n % 5}",
            "--source", f"https://example.org/{(n + 2) % 5}")  # fmt: skip
    exported = tmp_path / "all.jsonl"
    exported.write_text(cli("export", "-f", "jsonl").stdout, encoding="utf-8")

    sent: dict[str, list[Any]] = {}
    parts = importer._Importer._snapshot_parts

    def counted(self: importer._Importer) -> Iterator[tuple[str, list[Any]]]:
        for field, rows in parts(self):
            assert 0 < len(rows) <= 2
            sent.setdefault(field, []).extend(rows)
            yield field, rows

    prepared: list[object] = []
    keep = importer._Importer.prepared

    def made_ready(self: importer._Importer, line: int | str, rows: list[Any]) -> None:
        prepared.extend(at for at, *_ in rows)
        keep(self, line, rows)

    other = Cli(tmp_path / "worker.db")
    with mock.patch.object(importer, "WORKER_FROM", 0), \
            mock.patch.object(importer, "_SNAPSHOT_PART", 2), \
            mock.patch.object(importer._Importer, "_snapshot_parts", counted), \
            mock.patch.object(importer._Importer, "prepared", made_ready):  # fmt: skip
        assert other("import", str(exported)).stderr.startswith("imported:")
    assert len(prepared) == 12, "the worker made every milestone record ready"
    parties = other.query("SELECT id, uid, name FROM parties ORDER BY id")
    sources = other.query("SELECT id, uid FROM sources ORDER BY id")
    assert len(parties) == 7 and len(sources) == 5
    assert sorted(sent["party uids"]) == sorted((uid, i) for i, uid, _ in parties)
    assert sorted(sent["source uids"]) == sorted((uid, i) for i, uid in sources)
    assert sorted(i for i, *_ in sent["parties"]) == [i for i, *_ in parties]
    assert sorted(i for i, _ in sent["sources"]) == [i for i, _ in sources]
    for table in ("parties", "party_aliases", "sources", "milestones", "milestone_parties",
                  "milestone_sources"):  # fmt: skip
        count = f"SELECT count(*) FROM {table}"
        assert other.query(count) == cli.query(count), table
    assert other.query("SELECT count(*) FROM party_aliases") == [(14,)]
    assert other("export", "-f", "jsonl").stdout == exported.read_text(encoding="utf-8")
    in_process = Cli(tmp_path / "in-process.db")
    in_process("import", str(exported))
    _same_index(other, in_process)
    found = ("search", "alias c", "-f", "json")
    assert other(*found).stdout == in_process(*found).stdout != "[]\n"
    bad = '{"type": "milestone", "case": "nec-2003", "date": "2003-02-30", "title": "Raid"}\n'
    with mock.patch.object(importer, "_SNAPSHOT_PART", 2):
        code, said = _refused_both_ways(tmp_path, exported.read_bytes() + bad.encode(), "bad")
    assert code == 1 and "import failed" in said and "2003-02-30" in said


def _refused_both_ways(tmp_path: Path, text: bytes, name: str) -> tuple[int, str]:
    """Import `text` into a new store with a worker process and in-process: the same exit
    code and message each way, no store file left behind, no process left running."""
    from unittest import mock

    from casetrack.exchange import importer

    path = tmp_path / "in.jsonl"
    path.write_bytes(text)
    outcomes: list[tuple[int, str]] = []
    for worker_from in (0, 1 << 40):
        other = Cli(tmp_path / f"{name}-{worker_from}.db")
        with mock.patch.object(importer, "WORKER_FROM", worker_from):
            result = other("import", str(path), code=1)
        assert not other.db_path.exists()
        assert not multiprocessing.active_children()
        outcomes.append((result.exit_code, result.stderr))
    assert outcomes[0] == outcomes[1]
    return outcomes[0]


def test_a_refusal_read_by_the_worker_is_said_as_in_process(tmp_path: Path) -> None:
    """A bad line, a file that is no export and bytes that are not UTF-8: the import is
    refused with the same words whether the worker process or the importer read it."""
    head = b'{"format": "casetrack/1"}\n{"type": "case", "slug": "c1", "title": "C"}\n'
    good = b'{"type": "milestone", "case": "c1", "date": "2003", "title": "Raid"}\n'
    code, said = _refused_both_ways(
        tmp_path,
        head + good + b'{"type": "milestone", "case": '
        b'"c1", "date": "2003-02-30", "title": "Raid"}\n',
        "bad",
    )
    assert code == 1 and "in.jsonl:4: " in said and "import failed" in said
    code, said = _refused_both_ways(tmp_path, b'{"format": "other"}\n' + good, "other")
    assert code == 1 and "not a casetrack export" in said
    code, said = _refused_both_ways(tmp_path, head + good + b'{"title": "\xff"}\n', "bytes")
    assert code == 1 and "not UTF-8" in said


def test_a_milestone_of_a_case_the_file_lacks_imports_alike_every_way() -> None:
    """The case is made on the way, with a uid of its own made up at random: the three ways
    write the same rows but that uid (an example the property test draws only rarely)."""
    record = {
        "type": "milestone",
        "uid": _uid(1),
        "case": "missing",
        "date": "2003-06-17",
        "start": None,
        "end": None,
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "kind": "raid",
        "title": "Raid",
        "parties": [],
        "sources": [],
        "location": None,
        "note": None,
        "tags": [],
        "status": "undisputed",
        "key": False,
    }
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in [*_HEAD, record]) + "\n"
    shortcut = _import(text, "shortcut")
    assert shortcut == _import(text, "general") == _import(text, "worker")
    assert shortcut[1]["cases"][-1][2:4] == ("made", "missing")


def test_an_exports_party_link_with_a_control_character_is_refused_as_any_link_is(
    cli: Cli, tmp_path: Path
) -> None:
    """A link to a party the store holds by uid still has its name read as check_party reads
    it: a control character in it refuses the import, by the fast path as by the general one."""
    uid = "11111111-1111-4111-8111-111111111111"
    lines = [
        {"format": "casetrack/1"},
        {"type": "case", "slug": "c1", "title": "Case"},
        {"type": "party", "uid": uid, "name": "Ann Roe", "kind": "person", "aliases": []},
        {"type": "milestone", "uid": "00000006-0000-4000-8000-000000000000", "case": "c1",
         "date": "2003-06-17", "kind": "raid", "title": "Raid", "sources": [], "tags": [],
         "parties": [{"party": uid, "name": "Ann Roe\u0003", "role": "judge"}]},
    ]  # fmt: skip
    export = tmp_path / "in.jsonl"
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    cli("case", "add", "c0", "--title", "Kept")
    before = cli.records()
    refused = cli("import", str(export), code=1).stderr
    assert "control character U+0003" in refused
    assert cli.records() == before
