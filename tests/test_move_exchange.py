"""The order set with `move` survives export → import, in JSON, JSONL and CSV."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.conftest import Cli, _command
from tests.test_format_schema import assert_valid_exports


def _titles(cli: Cli) -> list[str]:
    return [m["title"] for m in json.loads(cli("timeline", "-f", "json").stdout)]


def _round_trip(source: Cli, folder: Path, fmt: str) -> tuple[str, str, Cli]:
    """The source's export, the export of a new store it was imported into, and that store."""
    first = folder / f"first.{fmt}"
    source("export", "-o", str(first))
    copy = Cli(folder / f"copy-{fmt}.db")
    copy("import", str(first))
    second = folder / f"second.{fmt}"
    copy("export", "-o", str(second))
    texts = [p.read_text(encoding="utf-8") for p in (first, second)]
    if fmt == "csv":  # each store numbers its own milestones: the id column differs
        texts = ["\n".join(line.partition(",")[2] for line in t.splitlines()) for t in texts]
    return texts[0], texts[1], copy


@pytest.fixture
def moved(cli: Cli) -> Cli:
    """A raid moved before a custody starting the same day, a 'between' date after a fact."""
    cli("case", "add", "c1", "--title", "T")
    cli("add", "c1", "17-20 June 2003", "Custody")
    cli("add", "c1", "2003-06-17", "Raid")
    cli("add", "c1", "2003-06-05", "Fact")
    cli("add", "c1", "between 2003-06-01 and 2003-06-10", "Between")
    cli("move", "2", "--before", "1")
    cli("move", "4", "--after", "3")
    return cli


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_moved_order_survives_a_round_trip(moved: Cli, tmp_path: Path, fmt: str) -> None:
    order = _titles(moved)
    assert order == ["Fact", "Between", "Raid", "Custody"]
    first, second, copy = _round_trip(moved, tmp_path, fmt)
    assert first == second
    assert _titles(copy) == order
    copy("check")  # exits 0: every stored place fits its date


def test_only_a_moved_milestone_carries_its_place(moved: Cli) -> None:
    records = json.loads(moved("export").stdout)["milestones"]
    placed = {m["title"]: m.get("sort_key") for m in records}
    assert placed["Fact"] is None and placed["Raid"] is None
    assert placed["Custody"] and placed["Custody"].startswith("2003-06-17 ")
    assert placed["Between"] and placed["Between"].startswith("2003-06-05 ")
    assert_valid_exports(moved)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('"later"', "bad sort_key 'later': expected a day and its place"),
        ("17", "bad sort_key 17: expected a day and its place"),
        ('"2003-02-30 9"', "bad sort_key '2003-02-30 9'"),
        ('"2003-07-01 9"', "sort_key '2003-07-01 9' puts the milestone on a day its date"),
    ],
)
def test_a_garbled_place_is_refused_naming_it(
    moved: Cli, tmp_path: Path, value: str, said: str
) -> None:
    text = moved("export").stdout
    path = tmp_path / "bad.json"
    path.write_text(text.replace('"sort_key": "2003-06-17 ', f'"sort_key": {value}, "x": "'))
    other = Cli(tmp_path / "other.db")
    other("init")
    result = other("import", str(path), code=1)
    assert said in result.stderr and "Traceback" not in result.stderr
    assert other.query("SELECT count(*) FROM milestones") == [(0,)]


_DATES = [
    "2003-06-17", "2003-06-17", "2003-06-18", "17-20 June 2003", "June 2003", "2003",
    "between 2003-06-10 and 2003-06-17", "after 2003-06-17", "before 2003-06-20",
    "around 2003-06-17", "2003-06-17?", "unknown", "until 2003-06-18",
]  # fmt: skip


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    dates=st.lists(st.sampled_from(_DATES), min_size=2, max_size=7),
    moves=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.booleans()), max_size=5),
)
def test_any_moves_survive_export_and_import(
    dates: list[str], moves: list[tuple[int, int, bool]]
) -> None:
    """Random milestones, random moves (a move the dates forbid is refused and skipped):
    export → import → export is byte-identical, and the timeline order is the same."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cli = Cli(folder / "drawn.db")
        cli("case", "add", "c1", "--title", "T")
        for number, date in enumerate(dates, 1):
            cli("add", "c1", date, f"M{number}")
        for a, b, after in moves:
            first, other = a % len(dates) + 1, b % len(dates) + 1
            if first != other:
                side = "--after" if after else "--before"
                moved = cli.runner.invoke(
                    _command(), ["--db", str(cli.db_path), "move", str(first), side, str(other)]
                )
                assert moved.exit_code in (0, 1), moved.stderr
        for fmt in ("json", "csv"):
            first_text, second_text, copy = _round_trip(cli, folder, fmt)
            assert first_text == second_text
            assert _titles(copy) == _titles(cli)
