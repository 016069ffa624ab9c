"""A change recorded before an upgrade added columns to its tables is undone after it: the
rows are compared on the columns their record holds, and put back with their derived keys
worked out again; spans of rows added in bulk keep matching their digest. A row changed
outside casetrack before the upgrade is still refused.

The fixture is a store made by casetrack before m022 added sources.citation_key (its
header says how): case c1 (change 1), milestone 1 citing source 1 'Le Monde, 4 May 2019,
p. 3' (2), source 2 'Kampala Daily, 12 June 2019' (3), source 1's citation edited to
'Le Monde, 5 May 2019, p. 4' (4), and a sheet imported (5): sources 3-4, milestones 2-3 and
their citations, each a span."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from casetrack.text import citation_key
from tests.conftest import Cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-before-m022.sql"


def _old_store(cli: Cli, outside: str = "") -> None:
    """The fixture's store, as the old casetrack left it, with `outside` run on it first (SQL
    another program ran before the upgrade, with the history's triggers dropped, so nothing
    records it)."""
    conn = sqlite3.connect(cli.db_path)
    conn.executescript(FIXTURE.read_text())
    conn.close()  # its virtual tables are known once it is opened again
    conn = sqlite3.connect(cli.db_path)
    try:
        if outside:
            for (trigger,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'history_*'"
            ).fetchall():
                conn.execute(f"DROP TRIGGER {trigger}")
            conn.executescript(outside)
    finally:
        conn.close()


def _clean(cli: Cli) -> None:
    assert "no problems found" in cli("check").stdout + cli("check").stderr


def test_changes_recorded_before_the_upgrade_are_undone_after_it(cli: Cli) -> None:
    _old_store(cli)
    undone = cli("undo")  # the import: three spans, sources' digest made over fewer columns
    assert "undid change 5" in undone.stdout + undone.stderr
    assert cli.query("SELECT id FROM sources ORDER BY id") == [(1,), (2,)]
    assert cli.query("SELECT id FROM milestones") == [(1,)]
    assert cli.query("SELECT count(*) FROM milestone_sources") == [(1,)]
    _clean(cli)

    cli("undo")  # the source edit: the citation and its key come back
    assert cli.query("SELECT url, citation_key FROM sources WHERE id = 1") == [
        ("Le Monde, 4 May 2019, p. 3", citation_key("Le Monde, 4 May 2019, p. 3"))
    ]
    _clean(cli)
    refused = cli("source", "add", "le monde 4 May 2019 p 3", code=1)
    assert "Le Monde, 4 May 2019, p. 3" in refused.stderr
    assert cli.query("SELECT count(*) FROM sources") == [(2,)]

    cli("undo")  # the source add
    assert cli.query("SELECT id FROM sources") == [(1,)]
    _clean(cli)
    cli("undo")  # the milestone and its source
    assert cli.query("SELECT count(*) FROM sources") == [(0,)]
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    _clean(cli)

    # Redone (undoing the undos), every row is back with keys of today's making.
    for change in (9, 8, 7, 6):
        cli("undo", str(change))
    assert cli.query("SELECT url, citation_key FROM sources ORDER BY id") == [
        (url, citation_key(url))
        for url in (
            "Le Monde, 5 May 2019, p. 4",
            "Kampala Daily, 12 June 2019",
            "Kampala Daily, 13 June 2019",
            "https://court.example/ruling-7",
        )
    ]
    _clean(cli)


@pytest.mark.parametrize(
    ("outside", "change", "refused"),
    [
        ("UPDATE sources SET title = 'Edited' WHERE id = 2", "3", "source 2"),
        ("UPDATE sources SET url = 'Le Monde, 6 May 2019' WHERE id = 1", "4", "source 1"),
        ("UPDATE sources SET publisher = 'KD' WHERE id = 4", "5", "sources 3-4"),
        ("UPDATE milestones SET title = 'Edited' WHERE id = 3", "5", "milestones 2-3"),
        (
            "UPDATE milestone_sources SET page = '2' WHERE rowid = 2",
            "5",
            "citations of sources (rows 2-3)",
        ),
    ],
)
def test_a_row_changed_outside_casetrack_before_the_upgrade_is_still_refused(
    cli: Cli, outside: str, change: str, refused: str
) -> None:
    _old_store(cli, outside)
    cli("history")  # the upgrade
    before = cli.records()
    result = cli("undo", change, code=1)
    assert f"{refused} changed since, outside casetrack; nothing was undone" in result.stderr
    assert cli.records() == before


def test_changes_of_a_store_made_before_m016_are_undone_after_the_upgrade(cli: Cli) -> None:
    """tests/fixtures/store-schema15.sqlite (see test_ids_never_reused) was made before m018
    added milestone_sources.quote_found and m022 sources.citation_key: its changes are
    undone newest first, each source put back with its key."""
    shutil.copy(Path(__file__).parent / "fixtures" / "store-schema15.sqlite", cli.db_path)
    for change in ("14", "13", "8", "7", "6", "5"):
        cli("undo", change)
        _clean(cli)
    assert cli.query("SELECT id, url, citation_key FROM sources ORDER BY id") == [
        (row_id, url, citation_key(url))
        for row_id, url in cli.query("SELECT id, url FROM sources ORDER BY id")
    ]
    assert cli.query("SELECT id FROM documents ORDER BY id") == [(1,), (2,)]
    cli("undo", "4")  # milestone 1, its party and its citation of document 1
    _clean(cli)
    assert cli.query("SELECT count(*) FROM milestone_sources") == [(0,)]
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
