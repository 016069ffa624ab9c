"""Long listings are written as they are read: a timeline longer than listings.SAMPLE is laid
out from its first rows and streamed, and says the same as when it is laid out whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetrack.exchange.csvfmt import protect
from casetrack.output import listings
from casetrack.output.listings import safe_cell
from tests.conftest import Cli

CASES = ("case-a", "case-b", "case-c")


@pytest.fixture(scope="module")
def uniform_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """15 milestones in three interleaved cases, every cell as wide as its column's others:
    a table laid out from any few of its rows is laid out as from all of them."""
    cli = Cli(tmp_path_factory.mktemp("uniform") / "store.db")
    for case in CASES:
        cli("case", "add", case, "--title", f"Case {case}")
    for day in range(10, 15):
        for case in CASES:
            cli("add", case, f"2003-03-{day}", f"Hearing {case} {day} on the motion",
                "--kind", "hearing", "--party", "Party Alpha:witness")  # fmt: skip
    return cli.db_path


@pytest.fixture
def uniform(cli: Cli, uniform_store: Path) -> Cli:
    shutil.copy(uniform_store, cli.db_path)
    return cli


def _stream_from_two_rows(monkeypatch: pytest.MonkeyPatch, sample: int = 2) -> None:
    monkeypatch.setattr(listings, "SAMPLE", sample)
    monkeypatch.setattr(listings, "_BATCH", 2)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--wide",),
        ("--reverse",),
        ("--reverse", "--limit", "8"),
        ("--reverse", "--party", "Party Alpha"),
        ("case-a", "case-c", "--reverse"),
        ("-f", "markdown"),
        ("-f", "markdown", "--reverse"),
        ("-f", "csv"),
        ("-f", "json"),
        ("-f", "jsonl"),
        ("--party", "Party Alpha", "-f", "json"),
    ],
)
@pytest.mark.parametrize("columns", [None, "60"])
def test_a_streamed_timeline_is_the_timeline_laid_out_whole(
    uniform: Cli, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], columns: str | None
) -> None:
    if columns:
        monkeypatch.setenv("COLUMNS", columns)
    whole = uniform("timeline", *args).stdout
    for sample in (1, 2):
        with monkeypatch.context() as patch:
            _stream_from_two_rows(patch, sample)
            assert uniform("timeline", *args).stdout == whole, (sample, whole)


def test_a_streamed_json_array_is_the_same_json(
    uniform: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = uniform("timeline", "-f", "json").stdout
    _stream_from_two_rows(monkeypatch)
    assert json.loads(uniform("timeline", "-f", "json").stdout) == json.loads(whole)
    assert uniform("timeline", "--since", "2030", "-f", "json").stdout == "[]\n"


def test_elapsed_latest_first_counts_from_the_listed_milestone_before(
    uniform: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Latest first, the milestone before a row comes rows later, past the rows read ahead:
    it is asked of the store, within the same filters and limit."""
    uniform("add", "case-b", "2003", "A year-precise hearing", "--kind", "hearing")
    uniform("add", "case-b", "before 2003-03-15", "Sometime before", "--kind", "hearing")

    def elapsed(*args: str) -> list[tuple[str, str]]:
        rows = [line.split("|") for line in uniform("timeline", *args).stdout.splitlines()[2:]]
        return [(r[1].strip(), r[3].strip()) for r in rows]

    for args in (("--reverse",), ("--reverse", "--limit", "9"), ("case-b", "--reverse")):
        whole = elapsed(*args, "-f", "markdown")
        with monkeypatch.context() as patch:
            _stream_from_two_rows(patch, 1)
            assert elapsed(*args, "-f", "markdown") == whole, args
    assert any(e.startswith("~+") for _, e in whole)  # case-b's first day follows a year


def test_a_later_row_wider_than_the_sample_is_written_whole(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("case", "add", "bulk", "--title", "Bulk")
    for day in range(10, 14):
        cli("add", "bulk", f"2003-03-{day}", "Short title")
    long_title = "The tribunal's nineteen-characters decision on the extraordinary request"
    cli("add", "bulk", "2003-03-20", long_title)
    cli("case", "add", "other", "--title", "Other")
    cli("add", "other", "2003-03-21", "In another case", "--kind", "ruling")
    _stream_from_two_rows(monkeypatch)
    piped = cli("timeline").stdout
    assert any(line.endswith(long_title) for line in piped.splitlines()), piped
    assert piped.splitlines()[0].split()[:3] == ["id", "case", "date"]  # asked of the store
    monkeypatch.setenv("COLUMNS", "40")
    table = cli("timeline").stdout
    # Words are never cut below WORD_CUT: they overflow the column sized from the sample.
    assert set(long_title.split()) <= set(table.split()), table
    assert "\u2026" not in table
    assert cli("timeline", "-f", "markdown").stdout.count(long_title) == 1


@given(st.text(alphabet="'=+-@\t\rab ") | st.text())
def test_protect_protects_as_safe_cell_made_reversible(text: str) -> None:
    """protect's quick path (a first character that needs nothing) changes no cell."""
    slow = (
        "'" + text
        if text.startswith("''") or (text.startswith("'") and safe_cell(text[1:]) != text[1:])
        else safe_cell(text)
    )
    assert protect(text) == slow


def test_a_long_piped_table_keeps_later_wider_rows_in_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the sample, ids, cases, dates, kinds and titles as wide as the whole listing's
    widest (asked of the store) keep every row's columns where the header puts them."""
    cli("case", "add", "a", "--title", "A")
    cli("case", "add", "a-much-longer-slug", "--title", "B")
    for _ in range(3):
        cli("add", "a", "2003", "Short")
    cli("add", "a-much-longer-slug", "2003-03-14", "A far longer title than the others",
        "--kind", "investigation", "--key")  # fmt: skip
    monkeypatch.delenv("COLUMNS")
    _stream_from_two_rows(monkeypatch)
    lines = cli("timeline").stdout.splitlines()
    starts = [lines[0].index(name) for name in ("case", "date", "elapsed", "kind", "title")]
    last = lines[-1]
    assert [last[s - 1] for s in starts] == [" "] * 5, lines
    assert last[starts[-1] :] == "A far longer title than the others [key]"
    assert last[starts[1] :].startswith("14 Mar 2003")
