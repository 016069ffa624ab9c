"""Every query a command runs on the way to its answer uses an index, never a full scan.

Each case runs a library call on a benchmark store while tracing the SQL it sends, then
asks SQLite for the plan of every statement. A plan that reads a whole milestone, link,
party or source table (SCAN) fails: on a million milestones it is the difference
between a blink and seconds. Small tables (cases, kinds) may be scanned.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from casetrack.cases import list_cases
from casetrack.changes import record_nothing
from casetrack.dates import parse_date
from casetrack.drafts import Citation, Draft, PartySpec
from casetrack.errors import CasetrackError
from casetrack.exchange.selection import Selection
from casetrack.history import edited_fields, history_rows, undo
from casetrack.milestones import add_milestone, list_kinds
from casetrack.parties import list_parties, party_details
from casetrack.search import search
from casetrack.selection import Filters
from casetrack.sources import add_source, edit_source, list_sources, source_details
from casetrack.store import Store
from casetrack.timeline import timeline
from casetrack.trash import list_trash

ROOT = Path(__file__).resolve().parent.parent
# Tables that stay small whatever the store holds (cases, kinds and FTS5's own settings),
# as the queries name them; a scan of any other table fails.
SMALL = {
    "cases", "c", "kinds", "main.milestone_search_fts_config", "main.party_names_fts_config",
    "main.document_pages_fts_config", "main.case_names_fts_config",
    "CONSTANT",
    "sqlite_sequence",  # a row per AUTOINCREMENT table
    "selected",  # an export's selected ids (exchange.selection): as many as it writes
    "used",  # the roles in use, one row each, as parties.roles_in_use steps down the role index
}  # fmt: skip
# Partial indexes that hold only the few milestones a filter asks for: walking one is fine.
PARTIAL = {"milestones_key", "milestones_status", "milestones_deleted"}


def _generate_module() -> Any:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("plans") / "bench.db"
    _generate_module().generate(path, 2_000)
    store = Store.open(path)
    yield store
    store.close()


def plans(store: Store, call: Callable[[Store], object]) -> list[tuple[str, list[str]]]:
    """The statements `call` ran, each with its query plan."""
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        result = call(store)
        if isinstance(result, Iterator):  # a listing read as it is written: read it all
            list(result)
    finally:
        store.conn.set_trace_callback(None)
    explained = []
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        rows = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        explained.append((sql, [str(r[3]) for r in rows]))
    return explained


def full_scans(explained: list[tuple[str, list[str]]]) -> list[str]:
    """Plan steps that read a whole table that grows with the store. Virtual-table steps
    (a full-text MATCH, json_each over a list of ids) read only what they are given."""
    return [
        f"{detail}  <-  {' '.join(sql.split())[:160]}"
        for sql, details in explained
        for detail in details
        if detail.startswith("SCAN ")
        and detail.split()[1] not in SMALL
        and "VIRTUAL TABLE" not in detail
        and detail.split()[-1] not in PARTIAL
    ]


def _timeline(**filters: Any) -> Callable[[Store], object]:
    return lambda store: timeline(store.conn, Filters(**filters))


def _export(**filters: Any) -> Callable[[Store], object]:
    """Everything an export of the selection reads."""

    def call(store: Store) -> object:
        selection = Selection(store.conn, Filters(**filters))
        return (selection.cases(), list(selection.parties()), list(selection.sources()),
                list(selection.chunks()))  # fmt: skip

    return call


def _add(store: Store) -> object:
    """`add` with a party by alias, a new party, one named without its punctuation and a
    source, rolled back afterwards."""
    store.conn.execute("SAVEPOINT plan")
    try:
        return add_milestone(store, Draft(
            "bench-small", "2003-06", "Raid", kind="raid",
            parties=[PartySpec("benchmark party", "subject"), PartySpec("Someone New"),
                     PartySpec("Bench:Party.", "witness")],
            sources=[Citation("1", quote="q")], tags=["custody"],
        ))  # fmt: skip
    finally:
        store.conn.execute("ROLLBACK TO plan")
        store.conn.execute("RELEASE plan")


def _rolled_back(call: Callable[[Store], object]) -> Callable[[Store], object]:
    """`call`, its writes rolled back afterwards."""

    def rolled_back(store: Store) -> object:
        store.conn.execute("SAVEPOINT plan")
        try:
            return call(store)
        finally:
            store.conn.execute("ROLLBACK TO plan")
            store.conn.execute("RELEASE plan")

    return rolled_back


# A citation no source has, nor one with its words: every rule about citations reads on.
_NEW_CITATION = "Appeal ruling no. 88/1234, p. 3"


CALLS: dict[str, Callable[[Store], object]] = {
    "timeline by case": _timeline(cases=["bench-small"]),
    "timeline by party": _timeline(parties=["bench-party"]),
    "timeline by party and role": _timeline(parties=["bench-party"], role="subject"),
    "timeline by kind": _timeline(kinds=["raid"]),
    "timeline by tag": _timeline(tags=["custody"]),
    "timeline by source": _timeline(source="1"),
    "timeline by date window": _timeline(since=parse_date("2001-01"), until=parse_date("2001-03")),
    "timeline of a case in a window": _timeline(
        cases=["bench-small"], since=parse_date("2001"), until=parse_date("2002")
    ),
    "timeline of key milestones": _timeline(key=True),
    "latest milestones of a case": lambda store: timeline(
        store.conn, Filters(cases=["bench-small"]), limit=5, reverse=True
    ),
    "timeline of disputed milestones": _timeline(status="disputed"),
    "timeline of uncertain milestones": _timeline(status="unsure"),
    "party show": lambda store: party_details(store, "bench-party"),
    "party show by alias": lambda store: party_details(store, "benchmark party"),
    # No name or alias is 'Bench Party.', nor 'benchparty': found by its bare key.
    "party show by a name without its punctuation": lambda store: party_details(
        store, "benchparty"
    ),
    "timeline by party without its punctuation": _timeline(parties=["BENCHPARTY"]),
    "source show": lambda store: source_details(store, "1"),
    "case list": list_cases,
    "search": lambda store: search(store.conn, "zeppelin", Filters()).hits,
    "search in a case": lambda store: (
        search(store.conn, "raid", Filters(cases=["bench-small"])).hits
    ),
    # A case's title or slug lists its milestones too: found through the case's index and
    # its milestones' case index, whatever the store holds besides.
    "search by a case's title": lambda store: (
        search(store.conn, "Benchmark case with 100 milestones", Filters()).hits
    ),
    "search by a case's slug": lambda store: search(store.conn, "bench-small", Filters()).hits,
    "search by a case's title and a word": lambda store: (
        search(store.conn, "benchmark appeal", Filters()).hits
    ),
    "export of a case": _export(cases=["bench-small"]),
    "export of a party": _export(parties=["bench-party"]),
    "export of a date window": _export(since=parse_date("2001-01"), until=parse_date("2001-03")),
    "export of key milestones": _export(key=True),
    "add": _add,
    # A role neither known nor in use: the roles in use are read by steps down the role index.
    "add with a new role": _rolled_back(
        lambda store: add_milestone(
            store, Draft("bench-small", "2003", "Deposition", parties=[PartySpec("X", "objector")])
        )
    ),
    # A new citation is looked up in any spelling, then checked for a close one.
    "add citing a new citation": _rolled_back(
        lambda store: add_milestone(
            store, Draft("bench-small", "2003", "Ruling", sources=[Citation(_NEW_CITATION)])
        )
    ),
    "source add": _rolled_back(lambda store: add_source(store, _NEW_CITATION)),
    "source edit": _rolled_back(lambda store: edit_source(store, "1", url=_NEW_CITATION)),
    "history of a case": lambda store: history_rows(store.conn, case="bench-small"),
    "history of a milestone": lambda store: history_rows(store.conn, milestone_id=1),
    "trash list": list_trash,
    # A command that changed nothing replaces its user's last entry if that said the same:
    # found through changes_user, not by walking back from the newest change to theirs.
    "a command that changed nothing": _rolled_back(
        lambda store: record_nothing(store.conn, "party edit", user="someone with no change")
    ),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_query_uses_indexes(store: Store, name: str) -> None:
    explained = plans(store, CALLS[name])
    assert explained, "nothing was traced: the check would pass vacuously"
    assert full_scans(explained) == []


def test_plain_undo_finds_the_users_last_change_through_an_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain undo asked by a user whose last change is old, or who has none: their last
    change, and whether a command of theirs since changed nothing, are looked up by user."""
    monkeypatch.setenv("LOGNAME", "someone with no change")
    refusals: list[str] = []

    def plain_undo(store: Store) -> None:
        with pytest.raises(CasetrackError) as refused:
            undo(store)
        refusals.append(str(refused.value))

    explained = plans(store, plain_undo)
    assert refusals[0].startswith("nothing of yours (someone with no change) to undo")
    assert any("changes_user" in d for _, plan in explained for d in plan), explained
    assert full_scans(explained) == []


def test_the_check_catches_a_full_scan(store: Store) -> None:
    """A query with no usable index is reported, so the checks above can fail."""
    explained = plans(
        store, lambda s: s.conn.execute("SELECT id FROM milestones m WHERE title = 'x'")
    )
    assert full_scans(explained) == ["SCAN m  <-  SELECT id FROM milestones m WHERE title = 'x'"]


def test_the_check_catches_a_walk_through_a_whole_index(store: Store) -> None:
    """Reading every milestone in index order is a full scan too; only partial indexes pass."""
    sql = "SELECT id FROM milestones m WHERE status = 'unsure' ORDER BY sort_start"
    explained = plans(store, lambda s: s.conn.execute(sql))
    assert full_scans(explained) == [f"SCAN m USING INDEX milestones_order  <-  {sql}"]


def test_the_indexes_let_through_are_partial(store: Store) -> None:
    """PARTIAL names only indexes with a WHERE clause: a whole index there would hide scans."""
    indexes = dict(store.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    assert all(" WHERE " in indexes[name] for name in PARTIAL)


def test_the_check_catches_a_scan_of_any_growing_table(store: Store) -> None:
    """Whatever a query calls a link or history table, reading all of it is reported."""
    for sql in ("SELECT l.party_id FROM milestone_parties l WHERE l.role != 'x'",
                "SELECT row_id FROM history WHERE old LIKE '%x%'"):  # fmt: skip
        assert len(full_scans(plans(store, lambda s, sql=sql: s.conn.execute(sql)))) == 1


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        ({"cases": ["bench-small"], "status": "disputed"}, "milestones_case_order"),
        ({"cases": ["bench-small"], "key": True}, "milestones_case_order"),
        ({"parties": ["bench-party"], "status": "unsure"}, "milestone_parties_party"),
        ({"tags": ["custody"], "key": True}, "milestone_tags_tag"),
    ],
)
def test_key_and_status_indexes_do_not_displace_narrower_ones(
    store: Store, filters: dict[str, Any], index: str
) -> None:
    """A case's or a party's disputed milestones are found through the case or the party,
    not by reading every disputed milestone of the store."""
    details = [d for _, plan in plans(store, _timeline(**filters)) for d in plan]
    assert any(index in d for d in details), details
    assert not any("milestones_status" in d or "milestones_key" in d for d in details), details


def test_plans_do_not_depend_on_statistics(store: Store) -> None:
    """No sqlite_stat1: plans on this small store are the plans on a large one."""
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("SELECT * FROM sqlite_stat1")


def test_case_list_reads_no_milestone(store: Store) -> None:
    """`case list` reads the figures kept for each case (schema.m017_case_figures), not the
    milestones: its cost grows with the cases, not the store."""
    [(sql, details)] = plans(store, list_cases)
    assert "JOIN case_figures f" in sql
    assert sorted(d.split()[1] for d in details) == ["c", "f"], details


# Whole-store listings read every link once by nature: in grouped passes, never a count
# (a subquery) per listed row.
LISTS: dict[str, Callable[[Store], object]] = {
    "party list": list_parties,
    "source list": list_sources,
    "kind list": list_kinds,
}


@pytest.mark.parametrize("name", list(LISTS))
def test_whole_store_lists_count_in_grouped_passes(store: Store, name: str) -> None:
    explained = plans(store, LISTS[name])
    details = [d for _, plan in explained for d in plan]
    assert explained and not any("CORRELATED" in d for d in details), details
    scanned = [d.split()[1] for d in full_scans(explained)]
    assert len(scanned) == len(set(scanned)), details  # each table read at most once


def test_edited_fields_reads_only_the_history_of_the_milestones_asked_of(store: Store) -> None:
    """A docket imported again asks which fields of the entries it would update were edited
    here: their links' history is found by milestone (schema.m030), not read for every link
    row of the store (by table, or by table and span, as it was)."""
    for n in (1, 30, 500):

        def asked(store: Store, n: int = n) -> object:
            return edited_fields(store.conn, list(range(1, n + 1)))

        details = [d for _, steps in plans(store, asked) for d in steps]
        assert "SEARCH h USING INDEX history_link_milestone (<expr>=?)" in details
        assert [d for d in details if d.startswith("SEARCH h")] == [
            "SEARCH h USING INDEX history_row (table_name=? AND row_id=?)",
            "SEARCH h USING INDEX history_link_milestone (<expr>=?)",
        ]


def test_history_of_a_milestone_finds_its_links_by_milestone(store: Store) -> None:
    """`casetrack history ID` found a milestone's link rows by table, reading every link row
    of the history (68 ms at 40,000, 0.15 ms by milestone): through schema.m030's index."""
    for asked in (
        lambda store: history_rows(store.conn, milestone_id=1),
        lambda store: history_rows(store.conn, case="bench-small"),
    ):
        details = [d for _, steps in plans(store, asked) for d in steps]
        assert "SEARCH history USING INDEX history_link_milestone (<expr>=?)" in details
        assert "SEARCH h USING INDEX history_row (table_name=?)" not in details, details
