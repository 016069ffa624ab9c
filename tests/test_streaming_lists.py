"""Every listing is written as it is read (issue #25): lists, history, trash, search,
upcoming and the milestones citing a source say exactly what they said when their records
were read whole first, and a reader that leaves early stops the reading."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetrack.cli.common import PIPE_CLOSED
from casetrack.output import listings
from tests.budget import examples
from tests.conftest import Cli

FORMATS = ("table", "markdown", "csv", "json", "jsonl")
LISTINGS = [
    ("party", "list"),
    ("source", "list"),
    ("kind", "list"),
    ("case", "list"),
    ("doc", "list"),
    ("trash", "list"),
    ("closure", "list"),
    ("rule", "list"),
    ("history",),
    ("history", "--limit", "4"),
    ("upcoming", "--as-of", "2024-07-01", "--days", "45"),
    ("search", "hearing"),
    ("search", "hearing", "--limit", "2"),
    ("search", "Alpha", "--case", "case-b"),
    ("source", "show", "1"),
    ("party", "show", "Alpha"),
]

DATES = ("2024-06-03", "2024-06", "2024", "2024-06-20/2024-07-10", "2024-07-20", "2024-08-30",
         "2023-12-24", "c. 2024-07", "2024-07-01")  # fmt: skip
TITLES = st.sampled_from(
    ["Hearing on the motion", "=SUM(A1)", "a | pipe", "Tab\there", "hearing", "Ünïcode ✓",
     "A far longer title about the hearing of the appeal that wraps"]
)  # fmt: skip
MILESTONES = st.lists(
    st.tuples(
        st.sampled_from(["case-a", "case-b", "case-c"]),
        st.sampled_from(DATES),
        TITLES,
        st.sampled_from(["hearing", "deadline", "ruling", "raid"]),
        st.sampled_from(["", "Alpha", "Beta Corp:witness", "Gamma (GMA)"]),
        st.booleans(),  # cites a source
        st.booleans(),  # goes to the trash
    ),
    min_size=1,
    max_size=7,
)
_stores = itertools.count()


def _build(tmp_path: Path, milestones: list[tuple[Any, ...]]) -> Cli:
    cli = Cli(tmp_path / f"random-{next(_stores)}.db")
    for case in ("case-a", "case-b", "case-c"):
        cli("case", "add", case, "--title", f"The {case} matter", "--court", "S.D.N.Y.")
    cli("source", "add", "https://news.example.org/0", "--title", "The | first source")
    cli("party", "add", "Alpha", "--kind", "organization")
    kept = []
    for n, (case, day, title, kind, party, cited, trashed) in enumerate(milestones):
        args = ["add", case, day, title, "--kind", kind]
        args += ["--party", party] if party else []
        args += ["--source", f"https://news.example.org/{n % 3}"] if cited else []
        added = cli(*args).stdout.split()[-1]
        if trashed:
            cli("rm", added)
        else:
            kept.append(added)
    if len(milestones) > 2:
        cli("closure", "add", "S.D.N.Y.", "2024-07-05", "--reason", "a | closure")
    if kept:
        cli("edit", kept[0], "--title", "Edited hearing")
    return cli


def _read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listings as before streaming: every record read into a list, laid out from all of
    them and written at once."""
    streamed = listings.write_listing

    def whole(write: Callable[[str], object], records: Any, *args: Any, **kwargs: Any) -> None:
        parts: list[str] = []
        streamed(parts.append, list(records), *args, **kwargs)
        write("".join(parts))

    def whole_record(write: Callable[[str], object], record: dict[str, Any], fmt: str) -> None:
        held = {k: list(v) if isinstance(v, Iterator) else v for k, v in record.items()}
        indent = 2 if fmt == "json" else None
        write(json.dumps(held, ensure_ascii=False, indent=indent) + "\n")

    monkeypatch.setattr(listings, "write_listing", whole)
    monkeypatch.setattr(listings, "write_record", whole_record)


@settings(
    max_examples=examples(8),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(milestones=MILESTONES)
def test_every_listing_says_what_it_said_read_whole(
    tmp_path: Path, milestones: list[tuple[Any, ...]]
) -> None:
    cli = _build(tmp_path, milestones)
    streamed = {(args, fmt): cli(*args, "-f", fmt) for args in LISTINGS for fmt in FORMATS}
    with pytest.MonkeyPatch.context() as patch:
        _read_whole(patch)
        patch.setattr(listings, "_BATCH", 1)
        for (args, fmt), result in streamed.items():
            whole = cli(*args, "-f", fmt)
            assert (result.stdout, result.stderr) == (whole.stdout, whole.stderr), (args, fmt)
    _upcoming_in_the_old_order(cli)
    _history_ends_with_its_last_rows(cli)
    _search_lists_its_first_matches(cli)


def _upcoming_in_the_old_order(cli: Cli) -> None:
    """upcoming's order, now SQLite's, is the order it was sorted in before: overdue first,
    then by first and last possible day, then id; nothing beyond the horizon."""
    as_of, days = date(2024, 7, 1), 45
    due = []
    for mid, start, end in cli.query(
        "SELECT m.id, m.date_start, m.date_end FROM milestones m JOIN cases c"
        " ON c.id = m.case_id WHERE m.kind = 'deadline' AND m.deleted_at IS NULL"
        " AND m.date_start IS NOT NULL"
    ):
        first = date.fromisoformat(str(start))
        last = date.fromisoformat(str(end)) if end else first
        left = (first - as_of).days if first >= as_of else min(0, (last - as_of).days)
        if left <= days:
            due.append((left >= 0, first, last, mid))
    listed = cli("upcoming", "--as-of", as_of.isoformat(), "--days", str(days), "-f", "json")
    assert [r["id"] for r in json.loads(listed.stdout)] == [d[-1] for d in sorted(due)]


def _history_ends_with_its_last_rows(cli: Cli) -> None:
    everything = json.loads(cli("history", "--limit", str(10**9), "-f", "json").stdout)
    assert len(everything) == cli.query("SELECT count(*) FROM history")[0][0]
    for limit in (1, 3, len(everything)):
        listed = json.loads(cli("history", "--limit", str(limit), "-f", "json").stdout)
        assert listed == everything[-limit:]


def _search_lists_its_first_matches(cli: Cli) -> None:
    every = json.loads(cli("search", "hearing", "--all", "-f", "json").stdout)
    assert [h["rank"] for h in every] == list(range(1, len(every) + 1))
    first = cli("search", "hearing", "--limit", "2", "-f", "json")
    assert json.loads(first.stdout) == every[:2]
    more = len(every) - 2
    assert (f"{more} more match" in first.stderr) == (more > 0), first.stderr


def _stream_from_two_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listings, "SAMPLE", 2)
    monkeypatch.setattr(listings, "_BATCH", 2)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 parties, sources, cases and deadlines, each listed in 12 rows; 12 hearings found by
    search, 12 in the trash: far more than the first rows a streamed listing reads ahead."""
    cli = Cli(tmp_path_factory.mktemp("many") / "store.db")
    for n in range(12):
        case = f"case-{n:02}"
        cli("case", "add", case, "--title", f"Case {n}")
        cli("add", case, f"2024-07-{n + 1:02}", f"Hearing {n}", "--kind", "deadline",
            "--party", f"Party {n:02}", "--source", f"https://example.org/{n}")  # fmt: skip
        cli("add", case, "2024-01-01", f"Trashed hearing {n}")
        cli("rm", str(2 * n + 2))
    return cli.db_path


# (command, where its records come from, the functions' names there): each listing's readers
# (case list reads its table's cells by one, the records other formats show by another).
READERS = [
    (("party", "list"), "casetrack.parties", "list_parties"),
    (("source", "list"), "casetrack.sources", "list_sources"),
    (("case", "list"), "casetrack.cases", "list_cases listed_cells"),
    (("trash", "list"), "casetrack.trash", "list_trash"),
    (("history", "--limit", "1000"), "casetrack.history", "history_rows"),
    (("upcoming", "--as-of", "2024-07-01"), "casetrack.deadlines.due", "upcoming"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("args", "module", "name"), READERS)
def test_a_reader_that_leaves_early_stops_the_reading(
    many: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    module: str,
    name: str,
    fmt: str,
) -> None:
    """`casetrack party list | head -1`: the first write finds the reader gone; by then only
    the first rows were read (before, all of them were), and the command ends with 141."""
    import importlib

    cli = Cli(tmp_path / "store.db")
    shutil.copy(many, cli.db_path)
    _stream_from_two_rows(monkeypatch)
    read = _count_reads(monkeypatch, importlib.import_module(module), *name.split())
    _reader_gone(monkeypatch)
    result = cli(*args, "-f", fmt, code=PIPE_CLOSED)
    assert result.stderr == ""
    assert 0 < read[0] <= 5, read


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_source_shown_to_a_reader_that_leaves_reads_few_of_its_citations(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import casetrack.sources

    cli = Cli(tmp_path / "store.db")
    shutil.copy(many, cli.db_path)
    for n in range(11):
        cli("edit", str(2 * n + 3), "--source", "https://example.org/0")
    _stream_from_two_rows(monkeypatch)
    read = _count_reads(monkeypatch, casetrack.sources, "source_details")
    _reader_gone(monkeypatch)
    assert cli("source", "show", "1", "-f", fmt, code=PIPE_CLOSED).stderr == ""
    assert read[0] <= 3, read


def test_search_stops_reading_when_the_reader_leaves(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import casetrack.search

    cli = Cli(tmp_path / "store.db")
    shutil.copy(many, cli.db_path)
    _stream_from_two_rows(monkeypatch)
    monkeypatch.setattr(casetrack.search, "_CHUNK", 2)
    read = _count_reads(monkeypatch, casetrack.search, "load_milestones")
    _reader_gone(monkeypatch)
    for fmt in FORMATS:
        read[0] = 0
        assert cli("search", "hearing", "--all", "-f", fmt, code=PIPE_CLOSED).stderr == ""
        assert 0 < read[0] <= 6, (fmt, read)


def test_a_long_search_table_asks_the_store_whether_it_needs_a_case_column(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the rows a table is laid out from, the case column is there when the listed
    hits are of several cases (asked of the store), and only then."""
    cli = Cli(tmp_path / "store.db")
    shutil.copy(many, cli.db_path)
    cli("add", "case-00", "2024-09-01", "Hearing again", "--kind", "hearing")
    cli("add", "case-00", "2024-09-02", "Hearing once more", "--kind", "hearing")
    monkeypatch.setattr(listings, "SAMPLE", 1)
    header = cli("search", "hearing", "--all").stdout.splitlines()[0].split()
    assert header[:2] == ["id", "case"]
    header = cli("search", "hearing", "--case", "case-00").stdout.splitlines()[0].split()
    assert header[:2] == ["id", "date"]


def _count_reads(monkeypatch: pytest.MonkeyPatch, module: Any, *names: str) -> list[int]:
    """Count the records readers give (a list's length, or items as they are taken)."""
    read = [0]

    def counting(reader: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            found = reader(*args, **kwargs)
            if isinstance(found, dict):  # a record with the rows it lists
                found["milestones"] = _counting(iter(found["milestones"]), read)
                return found
            if isinstance(found, list):
                read[0] += len(found)
                return found
            return _counting(found, read)

        return counted

    for name in names:
        monkeypatch.setattr(module, name, counting(getattr(module, name)))
    return read


def _counting(items: Iterator[Any], read: list[int]) -> Iterator[Any]:
    for item in items:
        read[0] += 1
        yield item


def _reader_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout as a pipe whose reader has left: every write fails."""
    import casetrack.cli.common

    def gone(text: str) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(casetrack.cli.common, "out", gone)
    monkeypatch.setattr(casetrack.cli.common, "_silence_stdout", lambda: None)


WIDE = "Zz much wider" + " much wider" * 3


@pytest.mark.parametrize(
    ("args", "after"),
    [
        (("party", "list"), ("kind", "aliases", "milestones")),
        (("source", "list"), ("title", "url", "publisher", "published")),
        (("case", "list"), ("title", "milestones")),
        (("history", "--limit", "1000"),
         ("at", "user", "command", "action", "table", "row", "summary")),
        (("search", "hearing", "--all"), ("case", "date", "kind", "title")),
    ],
)  # fmt: skip
def test_a_long_piped_listing_keeps_later_wider_rows_in_line(
    many: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    after: tuple[str, ...],
) -> None:
    """Past the rows a table is laid out from, cells as wide as the whole listing's widest
    (asked of the store) keep every row's columns where the header puts them."""
    cli = Cli(tmp_path / "store.db")
    shutil.copy(many, cli.db_path)
    slug = "zz" + "-much-wider" * 4
    cli("case", "add", slug, "--title", WIDE, "--status", "closed")
    cli("party", "add", WIDE, "--kind", "organization", "--alias", WIDE + "alias")
    cli("source", "add", f"https://example.org/{'much-wider/' * 4}", "--title", WIDE,
        "--publisher", WIDE)  # fmt: skip
    cli("add", slug, "2024-07-30", "Hearing at last", "--kind", "investigation",
        "--party", WIDE)  # fmt: skip
    monkeypatch.delenv("COLUMNS")
    _stream_from_two_rows(monkeypatch)
    lines = cli(*args).stdout.splitlines()
    starts = [lines[0].index(name) for name in after]
    for line in lines[2:]:
        assert [line[s - 1] for s in starts if s <= len(line)] == [" "] * len(
            [s for s in starts if s <= len(line)]
        ), (line, lines)
    assert any(WIDE in line or slug in line for line in lines[-3:]), lines
