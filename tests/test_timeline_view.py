"""The timeline as people read it: it fits the terminal, words stay whole, and --limit,
--reverse and --wide choose what is shown."""

from __future__ import annotations

import json

import pytest

from casetrack.selection import Filters
from casetrack.store import Store
from casetrack.timeline import timeline
from tests.conftest import Cli


@pytest.mark.parametrize("columns", [80, 60, 44])
def test_timeline_fits_the_terminal_with_words_whole(
    demo: Cli, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    table = demo("timeline", "nec-2003").stdout
    lines = table.splitlines()
    assert max(map(len, lines)) <= columns, table
    words = set(table.split())
    titles = [m["title"] for m in json.loads(demo("timeline", "nec-2003", "-f", "json").stdout)]
    for title in titles:
        assert set(title.split()) <= words, title  # "Judicial investigation", not "inv/estigation"
    assert lines[0].split()[:2] == ["id", "date"] and "title" in lines[0]
    assert "parties" not in lines[0] and "Anne Morel" not in table


def test_wide_adds_parties_and_sources_dropping_elapsed_and_kind_first(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://example.org/news/2003/06/18/exile-council-offices-raided"
    monkeypatch.setenv("COLUMNS", "160")
    table = demo("timeline", "nec-2003", "--wide").stdout
    assert table.splitlines()[0].split()[-2:] == ["parties", "sources"]
    assert url in table and "elapsed" in table  # a URL with room stays on one line
    monkeypatch.setenv("COLUMNS", "80")
    table = demo("timeline", "nec-2003", "--wide").stdout
    lines = table.splitlines()
    assert max(map(len, lines)) <= 80, table
    # As documented, elapsed and kind give way before the title is squeezed.
    assert lines[0].split() == ["id", "date", "title", "parties", "sources"]
    start = lines[0].index("sources")
    assert url in "".join(line[start:].strip() for line in lines)  # folded, not cut
    assert "Counter-Terrorism" in table  # a hyphenated word is not broken at its hyphen


def test_limit_and_reverse(demo: Cli) -> None:
    def ids(*args: str) -> list[int]:
        out = demo("timeline", "nec-2003", "-f", "json", *args).stdout
        return [m["id"] for m in json.loads(out)]

    every = ids()
    assert ids("--limit", "3") == every[:3]
    assert ids("--reverse") == every[::-1]
    assert ids("--reverse", "--limit", "2") == every[::-1][:2]
    table = demo("timeline", "nec-2003", "--reverse", "-n", "2").stdout.splitlines()
    # elapsed still counts from the milestone before it in time, as in the forward listing
    assert [line.split()[0] for line in table[2:] if line[:1].isdigit()] == [
        str(i) for i in every[::-1][:2]
    ]
    forward = demo("timeline", "nec-2003").stdout.splitlines()
    latest = next(line for line in forward if line.startswith(f"{every[-1]} "))
    assert table[2].split() == latest.split()
    assert demo("timeline", "--limit", "0", code=2).exit_code == 2


def test_limit_is_counted_in_sql(demo: Cli) -> None:
    store = Store.open(demo.db_path)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert len(timeline(store.conn, Filters(cases=["nec-2003"]), limit=2, reverse=True)) == 2
    finally:
        store.close()
    assert any("LIMIT" in sql and "DESC" in sql for sql in statements)


@pytest.mark.parametrize(
    "command",
    [("search", "raid"), ("case", "list"), ("source", "list"), ("party", "list"), ("history", "1")],
)
def test_other_listings_fit_80_columns(
    demo: Cli, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    table = demo(*command).stdout
    assert max(map(len, table.splitlines())) <= 80, table
    if command[0] == "history":  # (a history row with a URL is wider: a URL is never split)
        assert "+00:00" not in table and " UTC" in table  # to the second, said once
