"""The one filter set of timeline and search, checked against a brute-force Python filter."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetrack.cases import add_case
from casetrack.cli.filters import FilterOptions
from casetrack.dates import parse_date
from casetrack.drafts import Citation, Draft, PartySpec
from casetrack.errors import CasetrackError
from casetrack.milestones import add_milestone, load_milestones
from casetrack.models import Milestone
from casetrack.parties import add_party
from casetrack.search import search
from casetrack.selection import Filters
from casetrack.store import Store
from casetrack.text import name_key
from casetrack.timeline import timeline_ids
from tests.budget import examples
from tests.conftest import Cli

CASES = ["alpha", "beta", "gamma"]
PARTIES = {"Leïla Farahani": ["L. Farahani"], "NCTD": ["Directorate"], "Anne Morel": [],
           "Paris Court": ["Cour d'appel"]}  # fmt: skip
ROLES = ["defendant", "subject", "court", ""]
KINDS = ["raid", "arrest", "ruling", "appeal"]
TAGS = ["money", "raid", "press"]
SOURCES = ["https://example.org/a", "https://example.org/b"]
WORDS = ["raid", "hearing", "money", "appeal"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Sixty seeded random milestones across three cases."""
    rnd = random.Random(7)
    store = Store.open(Path(tmp_path_factory.mktemp("filters")) / "f.db", create=True)
    with store.write():
        for slug in CASES:
            add_case(store, slug, f"Case {slug}")
        for name, aliases in PARTIES.items():
            add_party(store, name, aliases=aliases)
        for i in range(60):
            date = f"{rnd.randint(2000, 2012)}"
            if rnd.random() < 0.7:
                date += f"-{rnd.randint(1, 12):02d}"
                if rnd.random() < 0.6:
                    date += f"-{rnd.randint(1, 28):02d}"
            parties = [PartySpec(p, rnd.choice(ROLES) or None)
                       for p in rnd.sample(list(PARTIES), rnd.randint(0, 3))]  # fmt: skip
            sources = [Citation(s) for s in rnd.sample(SOURCES, rnd.randint(0, 2))]
            add_milestone(store, Draft(
                rnd.choice(CASES), date, f"Milestone {i} {rnd.choice(WORDS)}",
                kind=rnd.choice(KINDS), parties=parties, sources=sources,
                tags=rnd.sample(TAGS, rnd.randint(0, 2)), note=rnd.choice(WORDS),
                status=rnd.choice(["undisputed", "disputed", "unsure"]), key=rnd.random() < 0.3,
            ))  # fmt: skip
    yield store
    store.close()


def party_ids(store: Store) -> dict[str, int]:
    """Every name and alias by its comparison key, from the store's own tables."""
    rows = store.conn.execute(
        "SELECT name, id FROM parties UNION ALL SELECT alias, party_id FROM party_aliases"
    )
    return {name_key(name): pid for name, pid in rows}


def brute(store: Store, f: Filters) -> list[int]:
    """The filter semantics written plainly over full records, in timeline order."""
    everything = load_milestones(
        store.conn, [r[0] for r in store.conn.execute("SELECT id FROM milestones")]
    )
    names = party_ids(store)
    wanted = [names[name_key(p)] for p in f.parties]

    def keep(m: Milestone) -> bool:
        links = {(p.party_id, p.role or "") for p in m.parties}
        return (
            (not f.cases or m.case in f.cases)
            and all(any(pid == w and (not f.role or r == f.role) for pid, r in links)
                    for w in wanted)
            and (bool(wanted) or not f.role or any(r == f.role for _, r in links))
            and (not f.kinds or m.kind in f.kinds)
            and all(t in m.tags for t in f.tags)
            and (f.since is None or (m.date.end is not None and m.date.end >= f.since.start))
            and (f.until is None or (m.date.start is not None and m.date.start <= f.until.end))
            and (f.status is None or m.status == f.status)
            and (not f.key or m.key)
            and (f.source is None or int(f.source) in {s.id for s in m.sources})
        )  # fmt: skip

    kept = [m for m in everything if keep(m)]
    kept.sort(key=lambda m: m.position)
    kept.sort(key=lambda m: m.date.sort_end, reverse=True)
    kept.sort(key=lambda m: m.date.sort_start)
    return [m.id for m in kept]


def spelled(name: str) -> st.SearchStrategy[str]:
    """A party name as people type it: any case, accents dropped, stray spaces."""
    plain = name_key(name)
    return st.sampled_from([name, name.upper(), f"  {plain} ", plain.title()])


dates = st.builds(
    lambda y, m, d: f"{y}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else ""),
    st.integers(1999, 2013), st.none() | st.integers(1, 12), st.none() | st.integers(1, 28),
)  # fmt: skip
filters = st.builds(
    Filters,
    cases=st.lists(st.sampled_from(CASES), max_size=2),
    parties=st.lists(st.sampled_from([*PARTIES, "Directorate", "L. Farahani"]).flatmap(spelled),
                     max_size=2),
    role=st.none() | st.sampled_from([r for r in ROLES if r]),
    kinds=st.lists(st.sampled_from(KINDS), max_size=2),
    tags=st.lists(st.sampled_from(TAGS), max_size=2),
    since=st.none() | dates.map(parse_date),
    until=st.none() | dates.map(parse_date),
    status=st.none() | st.sampled_from(["undisputed", "disputed", "unsure"]),
    key=st.booleans(),
    source=st.none() | st.sampled_from(["1", "2"]),
)  # fmt: skip
_SETTINGS = settings(max_examples=examples(100), deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip


@_SETTINGS
@given(filters)
def test_timeline_filters_match_brute_force(store: Store, f: Filters) -> None:
    try:
        got = timeline_ids(store.conn, f)
    except CasetrackError as err:
        assert f.since and f.until and f.since.start > f.until.end, err  # type: ignore[operator]
        return
    assert got == brute(store, f)


@_SETTINGS
@given(filters, st.sampled_from(WORDS))
def test_search_filters_are_the_same_filters(store: Store, f: Filters, word: str) -> None:
    if f.since and f.until and f.since.start > f.until.end:  # type: ignore[operator]
        return
    wanted = set(brute(store, f))
    unfiltered = {h.milestone.id for h in search(store.conn, word, Filters(), None).hits}
    got = [h.milestone.id for h in search(store.conn, word, f, None).hits]
    assert sorted(got) == sorted(unfiltered & wanted)


def test_each_filter_from_the_command_line(demo: Cli) -> None:
    def ids(*args: str) -> list[int]:
        out = demo("timeline", *args, "--format", "csv").stdout
        return [int(row["id"]) for row in csv.DictReader(io.StringIO(out))]

    assert ids("nec-2003") == [1, 2, 3, 4, 5, 6, 7, 8]
    assert ids("--party", "leila farahani") == [4, 5, 7]
    assert ids("--party", "L. Farahani", "--role", "defendant") == [7]
    assert ids("--party", "NEC", "--party", "judge morel") == [1, 2, 8]
    assert ids("--role", "detainee") == [4, 5]
    assert ids("--kind", "raid", "--kind", "release") == [3, 5]
    assert ids("--since", "2006", "--until", "2011-12-31") == [6, 7]
    assert ids("--since", "2003-06-17", "--until", "2003-06-17") == [2, 3, 4]
    assert ids("--key") == [3, 8]
    assert ids("--status", "disputed") == [4]
    demo("edit", "2", "--tag", "Dawn Raid", "--key", "--status", "disputed")
    assert ids("--tag", "dawn raid") == [2]
    assert ids("--key") == [2, 3, 8]
    assert ids("--status", "disputed") == [2, 4]
    assert ids("--source", "1") == [1, 8]


def test_timeline_search_and_export_declare_the_same_filters() -> None:
    """One declaration: the filter options read and say the same in all three commands."""
    import typer.main

    from casetrack.cli import app

    group = typer.main.get_command(app)
    names = {field.name for field in fields(FilterOptions)} - {"cases"}  # an argument or not

    def filters(name: str) -> list[tuple[object, ...]]:
        command = group.commands[name]  # type: ignore[attr-defined]
        return [
            (p.name, p.opts, p.help, p.multiple, p.default)
            for p in command.params
            if p.name in names
        ]

    assert len(filters("timeline")) == 9
    assert filters("timeline") == filters("search") == filters("export")


def test_the_filters_reach_each_command_by_name(demo: Cli) -> None:
    window = ["--since", "2003-06-17", "--until", "2006", "--kind", "raid", "--kind", "detention"]
    listed = json.loads(demo("timeline", "nec-2003", *window, "--format", "json").stdout)
    exported = json.loads(demo("export", "nec-2003", *window, "--format", "json").stdout)
    words = ["council", "OR", "paris", "--case", "nec-2003"]
    found = json.loads(demo("search", *words, *window, "--format", "json").stdout)
    assert [m["id"] for m in listed] == [3, 4]
    assert [m["uid"] for m in exported["milestones"]] == [m["uid"] for m in listed]
    assert sorted(h["id"] for h in found) == [3, 4]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "defendent"], "the role 'defendent' (did you mean 'defendant'"),
        (["--tag", "rade"], "no milestone has the tag 'rade'"),
        (["--since", "2010", "--until", "2003"], "--since 2010 is after --until 2003"),
        (["--status", "disputd"], "unknown status 'disputd' (did you mean 'disputed'"),
        (["--kind", "raod"], "unknown kind 'raod' (did you mean 'raid'"),
        (["--source", "99"], "no source with id 99"),
        # A name close to an alias points at its party's name.
        (["--party", "Farahanni"], "no party named 'Farahanni' (did you mean 'Leïla Farahani'?)"),
        (["--party", "Judge Morrel"], "(did you mean 'Anne Morel'"),
    ],
)  # fmt: skip
def test_filter_mistakes_are_one_line_with_a_suggestion(
    demo: Cli, args: list[str], message: str
) -> None:
    for command in ("timeline", "search"):
        extra = ["court"] if command == "search" else []
        result = demo(command, *extra, *args, code=1)
        assert message in result.stderr and len(result.stderr.splitlines()) == 1


def test_party_show_tolerates_case_accents_and_spaces(demo: Cli) -> None:
    for typed in ("  leila FARAHANI ", "Leïla Farahani", "l. farahani"):
        assert "Leïla Farahani" in demo("party", "show", typed).stdout
    result = demo("party", "show", "Conseil de l'exil", code=1)
    assert "did you mean 'Northern Exile Council'" in result.stderr  # an alias's party


def test_a_tag_or_role_filter_matches_it_in_any_accents(cli: Cli) -> None:
    """Tags and roles are stored as typed; a filter finds them without their accents (and
    every spelling of one when the store holds several), as names and search do."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", "2021-03-03", "Arrest", "--tag", "Garde à vue", "--party", "Benali:intimé")
    cli("add", "c", "2021-03-04", "Custody", "--tag", "garde a vue", "--new-party", "Benali:intime")
    cli("add", "c", "2021-03-05", "Charge", "--tag", "mise en examen")
    for tag in ("garde a vue", "GARDE À VUE"):
        listed = json.loads(cli("timeline", "--tag", tag, "-f", "json").stdout)
        assert [m["id"] for m in listed] == [1, 2]
    listed = json.loads(cli("timeline", "--role", "intime", "-f", "json").stdout)
    assert [m["id"] for m in listed] == [1, 2]
    listed = cli("timeline", "--party", "benali", "--role", "INTIMÉ", "-f", "json").stdout
    assert [m["id"] for m in json.loads(listed)] == [1, 2]
    refused = cli("timeline", "--tag", "garde a veu", code=1).stderr
    assert refused.startswith("casetrack: no milestone has the tag 'garde a veu' (did you mean")
