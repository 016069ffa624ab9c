"""Ids are never given twice: `purge` erases a row and its history by id, so a new row that
took the id of a removed or undone one would be erased with it (and the old one's history
with the new one's). Stores made before m016 keep their ids and data when they upgrade."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casetrack.schema import LATEST_VERSION
from tests.conftest import Cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-schema15.sqlite"

# Per table purge erases by id: a row added, then removed (or its adding undone), then
# another added and purged (`{id}`: the second row's id).
STEPS: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "documents": (["doc", "add", "first.txt"], ["doc", "rm", "1"],
                  ["doc", "add", "second.txt"], ["purge", "--doc", "{id}"]),
    "parties": (["party", "add", "Jane Roe"], ["party", "rm", "Jane Roe"],
                ["party", "add", "John Smith"], ["purge", "--party", "John Smith"]),
    "sources": (["source", "add", "https://a.example/1"], ["source", "rm", "1"],
                ["source", "add", "https://b.example/2"], ["purge", "--source", "{id}"]),
    "milestones": (["add", "acme", "2003", "Raid"], ["undo"],
                   ["add", "acme", "2004", "Arrest"], ["purge", "{id}"]),
    "cases": (["case", "add", "other", "--title", "Other"], ["undo"],
              ["case", "add", "third", "--title", "Third"], ["purge", "--case", "third"]),
}  # fmt: skip


@pytest.mark.parametrize("table", list(STEPS))
def test_a_removed_rows_id_is_not_given_again_and_purge_keeps_its_history(
    cli: Cli, table: str, tmp_path: Path
) -> None:
    (tmp_path / "first.txt").write_text("First memo.\n")
    (tmp_path / "second.txt").write_text("Second memo.\n")
    cli("case", "add", "acme", "--title", "Acme")
    first, remove, second, purge = STEPS[table]

    def newest() -> int:
        return int(cli.query(f"SELECT max(id) FROM {table}")[0][0])

    cli(*first)
    first_id = newest()
    cli(*remove)
    cli(*second)
    second_id = newest()
    assert second_id == first_id + 1
    cli(*[arg.format(id=second_id) for arg in purge], "--yes")
    # The removed row's history still says what it was; only the purged one's is blank.
    rows = cli.query(
        "SELECT row_id, erased_by IS NULL, new IS NOT NULL OR old IS NOT NULL FROM history"
        " WHERE table_name = ? AND row_id IN (?, ?) ORDER BY id",
        (table, first_id, second_id),
    )
    assert {(r, kept) for r, kept, _ in rows} == {(first_id, 1), (second_id, 0)}
    assert all(values for r, _, values in rows if r == first_id)
    cli(*first)
    assert newest() == second_id + 1


def test_an_emptied_trash_does_not_free_its_ids(cli: Cli) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "2003", "Raid")
    cli("add", "acme", "2004", "Arrest")
    cli("rm", "2")
    cli("trash", "empty", "--yes")
    assert cli("add", "acme", "2005", "Trial").stdout.strip() == "3"


def test_a_store_made_before_m016_keeps_ids_pages_citations_and_search(cli: Cli) -> None:
    """The fixture (schema 15, made at commit 678640b): case acme-2003, document 1 (cited by
    milestone 1), document 2 removed with `doc rm`, party 2 and source 3 removed, milestone 2
    and case 2 added then undone."""
    shutil.copy(FIXTURE, cli.db_path)
    history = cli.query("SELECT * FROM history ORDER BY id")
    # The columns the fixture has (later migrations add others, such as sources.citation_key).
    columns = {t: ", ".join(str(r[1]) for r in cli.query(f"PRAGMA table_info({t})"))
               for t in ("cases", "parties", "sources", "milestones", "documents")}  # fmt: skip
    before = {t: cli.query(f"SELECT {c} FROM {t} ORDER BY id") for t, c in columns.items()}
    shown = cli("show", "1").stdout  # opening it upgrades it
    assert cli.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    assert "the complaint was filed" in shown
    for table, rows in before.items():
        assert cli.query(f"SELECT {columns[table]} FROM {table} ORDER BY id") == rows, table
    assert cli.query("SELECT * FROM history ORDER BY id") == history  # upgrades write none
    assert "plaintiff" in cli("search", "plaintiff").stdout  # the page's text index
    assert "1" in cli("doc", "show", "1").stdout
    # Each next id is above the removed or undone ones the history remembers.
    Path("new.txt").write_text("A new exhibit.\n")
    assert cli("doc", "add", "new.txt").stdout.strip() == "3"
    assert cli("add", "acme-2003", "2003-05", "Hearing").stdout.strip() == "3"
    cli("case", "add", "new-2005", "--title", "New")
    cli("party", "add", "Richard Roe")
    cli("source", "add", "https://news.example/c")
    assert cli.query("SELECT id FROM cases WHERE slug = 'new-2005'") == [(3,)]
    assert cli.query("SELECT id FROM parties WHERE name = 'Richard Roe'") == [(3,)]
    assert cli.query("SELECT id FROM sources WHERE url = 'https://news.example/c'") == [(5,)]
    cli("purge", "--doc", "2", "--yes")  # the removed memo, known from its history
    assert cli.query("SELECT count(*) FROM documents WHERE id = 3") == [(1,)]
    cli("check")
