"""A store written by the first released schema opens, upgrades and keeps every row.

tests/fixtures/store-schema1.sqlite was made by casetrack at schema 1 (commit c8a298f):
the demo case, a second case with a tagged, cited milestone, a milestone in the trash,
a custom kind and a party alias. Never regenerate it with a newer casetrack.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from casetrack.dates import parse_date
from casetrack.schema import LATEST_VERSION
from tests.conftest import Cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-schema1.sqlite"
SCHEMA1_TABLES = ("cases", "kinds", "parties", "party_aliases", "sources", "milestones",
                  "milestone_parties", "milestone_sources", "milestone_tags")  # fmt: skip


def rows(path: Path, table: str, columns: str = "*") -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_schema1_store_upgrades_without_loss(cli: Cli) -> None:
    shutil.copy(FIXTURE, cli.db_path)
    assert cli.query("PRAGMA user_version") == [(1,)]
    before = {t: rows(cli.db_path, t) for t in SCHEMA1_TABLES}
    assert len(before["milestones"]) == 10
    cli("timeline", "other-1999")
    assert cli.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    for table in SCHEMA1_TABLES:
        names = ", ".join(r[1] for r in sqlite3.connect(FIXTURE).execute(
            f"PRAGMA table_info({table})"))  # fmt: skip
        after = rows(cli.db_path, table, names)
        assert after[: len(before[table])] == before[table], table
        added = after[len(before[table]) :]
        # Later migrations only add built-in kinds, never rows elsewhere.
        assert not added or (table == "kinds" and all(builtin for _, builtin in added)), table
    assert cli("check").exit_code == 0


def test_upgraded_store_works_fully(cli: Cli) -> None:
    shutil.copy(FIXTURE, cli.db_path)
    assert "Complaint filed" in cli("timeline", "other-1999").stdout
    assert "Jane Roe" in cli("timeline", "--party", "J. Roe", "--wide").stdout
    cli("restore", "10")  # trashed under schema 1
    assert "Trashed one" in cli("timeline", "other-1999").stdout
    cli("edit", "9", "--title", "Complaint lodged")
    cli("undo")
    assert cli.query("SELECT title FROM milestones WHERE id = 9") == [("Complaint filed",)]
    cli("case", "rm", "other-1999", "--force")
    cli("restore", "--case", "other-1999")
    assert cli.query("SELECT count(*) FROM milestones WHERE deleted_at IS NULL") == [(10,)]


def test_upgraded_store_finds_key_and_disputed_milestones(cli: Cli) -> None:
    """The filter indexes a later schema adds take rows written after the upgrade, and let
    them go when they are trashed."""
    shutil.copy(FIXTURE, cli.db_path)
    cli("edit", "9", "--key", "--status", "disputed")
    # Each filter's rows, read through its index only (INDEXED BY fails if it cannot).
    through_index = {
        "--key": "milestones_key WHERE key = 1",
        "--status=disputed": "milestones_status WHERE status != 'undisputed'",
    }
    for flag, read in through_index.items():
        assert "Complaint filed" in cli("timeline", flag).stdout
        rows = cli.query(f"SELECT id FROM milestones INDEXED BY {read} AND deleted_at IS NULL")
        assert rows == [(9,)]
    cli("rm", "9")
    assert cli("timeline", "--key").stdout == ""
    cli("restore", "9")
    assert "Complaint filed" in cli("timeline", "--status", "disputed").stdout


def test_upgrade_places_sets_of_days_after_the_facts_they_follow(cli: Cli) -> None:
    """Stores from before sort_key get one for every milestone, by the current rule, without
    a line of history; a set of days starting on 3 Jul then follows the 3 Jul release."""
    shutil.copy(FIXTURE, cli.db_path)
    conn = sqlite3.connect(cli.db_path)
    conn.execute(
        "INSERT INTO milestones (id, uid, case_id, date, date_start, date_end, precision,"
        " sort_start, sort_end, position, kind, title, created_at, updated_at) VALUES (11,"
        " 'u-11', 1, '[2003-07-03..2014-09-16]', '2003-07-03', '2014-09-16', 'between',"
        " '2003-07-03', '2014-09-16', 11, 'other', 'Seized funds returned', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    assert _ids(cli)[4:6] == [5, 11]
    for date_text, sort_key in cli.query("SELECT date, sort_key FROM milestones"):
        assert sort_key == parse_date(str(date_text)).sort_key
    assert cli.query("SELECT count(*) FROM history") == [(0,)]
    cli("move", "11", "--before", "5")
    assert _ids(cli)[4:6] == [11, 5]
    assert cli("check").exit_code == 0
    cli("undo")
    assert _ids(cli)[4:6] == [5, 11]


def _ids(cli: Cli) -> list[int]:
    return [r["id"] for r in json.loads(cli("timeline", "nec-2003", "-f", "json").stdout)]


def test_upgraded_store_finds_milestones_by_kind_and_role(cli: Cli) -> None:
    """Stores from before kinds and roles were searchable get them in every search row."""
    shutil.copy(FIXTURE, cli.db_path)
    found = json.loads(cli("search", "ruling", "-f", "json").stdout)
    assert [(r["id"], r["snippet_field"]) for r in found] == [(6, "kind")]
    assert {r["id"] for r in json.loads(cli("search", "detainee", "-f", "json").stdout)} == {4, 5}
    cli("edit", "6", "--kind", "appeal")
    assert json.loads(cli("search", "ruling", "-f", "json").stdout) == []
    assert cli("check").exit_code == 0


def test_upgraded_store_refuses_a_name_close_to_a_party_it_held(cli: Cli) -> None:
    shutil.copy(FIXTURE, cli.db_path)
    result = cli("add", "other-1999", "2001", "Hearing", "--party", "Jane Row:witness", code=1)
    assert "but 'Jane Roe' is close" in result.stderr
    result = cli("add", "other-1999", "2001", "Hearing", "--party", "Roe", code=1)
    assert "'Jane Roe' (aka 'J. Roe') is close" in result.stderr  # its alias, found too


def test_upgrade_adds_the_later_kinds_and_keeps_one_made_by_hand(cli: Cli) -> None:
    shutil.copy(FIXTURE, cli.db_path)
    conn = sqlite3.connect(cli.db_path)
    conn.execute("INSERT INTO kinds (name, builtin) VALUES ('motion', 0)")
    conn.commit()
    conn.close()
    cli("timeline", "other-1999")
    kinds = dict(cli.query("SELECT name, builtin FROM kinds"))
    for name in ("acquittal", "conviction", "pardon", "parole", "referral", "motion", "order"):
        assert kinds[name] == 1, name
    added = cli("add", "other-1999", "2001-02-03", "Motion to dismiss", "--kind", "motion")
    assert added.exit_code == 0


def test_service_is_a_kind_in_a_new_store_and_an_upgraded_one(cli: Cli) -> None:
    """Service of process was refused as 'did you mean search?'."""
    cli("case", "add", "acme", "--title", "State v. Acme")
    cli("add", "acme", "2024-03-01", "Summons served on Acme", "--kind", "service")
    assert cli.query("SELECT kind FROM milestones") == [("service",)]
    assert "built in" in cli("kind", "rm", "service", code=1).stderr
    shutil.copy(FIXTURE, cli.db_path)
    cli("add", "other-1999", "2001-02-03", "Complaint served", "--kind", "Service")
    assert cli.query("SELECT builtin FROM kinds WHERE name = 'service'") == [(1,)]
    assert cli.query("SELECT kind FROM milestones WHERE title = 'Complaint served'") == [
        ("service",)
    ]


def _schema1_store_with_kind(cli: Cli, name: str) -> None:
    shutil.copy(FIXTURE, cli.db_path)
    conn = sqlite3.connect(cli.db_path)
    conn.execute("INSERT INTO kinds (name, builtin) VALUES (?, 0)", (name,))
    conn.commit()
    conn.close()


def test_upgrade_makes_a_service_kind_made_by_hand_built_in(cli: Cli) -> None:
    _schema1_store_with_kind(cli, "service")
    cli("timeline", "other-1999")
    assert cli.query("SELECT builtin FROM kinds WHERE name = 'service'") == [(1,)]
    assert cli.query("SELECT count(*) FROM history") == [(0,)]


def test_upgrade_keeps_a_service_kind_made_in_other_accents(cli: Cli) -> None:
    """Adding `service` beside it would make two kinds typed alike: `service` finds it."""
    _schema1_store_with_kind(cli, "sérvice")
    cli("add", "other-1999", "2001-02-03", "Complaint served", "--kind", "service")
    assert cli.query("SELECT name, builtin FROM kinds WHERE name LIKE 's%rvice'") == [
        ("sérvice", 0)
    ]
    assert cli.query("SELECT kind FROM milestones WHERE title = 'Complaint served'") == [
        ("sérvice",)
    ]
