"""The figures `case list` shows are kept by triggers (schema.m017_case_figures): whatever
sequence of commands writes the milestones, they stay what counting the live milestones
says, and `case list` shows what it showed when it counted them itself."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casetrack.cli import app
from casetrack.models import Case
from tests.budget import examples
from tests.conftest import Cli

# What `case list` counted before the figures were kept: every live milestone of each case,
# the first and the last dated one in timeline order.
_COUNTED = """
SELECT c.id, count(m.id), min(m.date_start), max(m.date_end),
    (SELECT m.id FROM milestones m WHERE m.case_id = c.id AND m.deleted_at IS NULL
     AND m.precision != 'unknown' ORDER BY m.sort_key, m.position, m.id LIMIT 1),
    (SELECT m.date FROM milestones m WHERE m.case_id = c.id AND m.deleted_at IS NULL
     AND m.precision != 'unknown' ORDER BY m.sort_key, m.position, m.id LIMIT 1),
    (SELECT m.id FROM milestones m WHERE m.case_id = c.id AND m.deleted_at IS NULL
     AND m.precision != 'unknown' ORDER BY m.sort_key DESC, m.position DESC, m.id DESC LIMIT 1),
    (SELECT m.date FROM milestones m WHERE m.case_id = c.id AND m.deleted_at IS NULL
     AND m.precision != 'unknown' ORDER BY m.sort_key DESC, m.position DESC, m.id DESC LIMIT 1)
FROM cases c LEFT JOIN milestones m ON m.case_id = c.id AND m.deleted_at IS NULL
GROUP BY c.id ORDER BY c.id
"""
_KEPT = (
    "SELECT case_id, milestones, first, last, first_id, first_date, last_id, last_date"
    " FROM case_figures ORDER BY case_id"
)


def _figures(db: Path) -> tuple[list[Any], list[Any]]:
    """(kept, counted) for every case."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(_KEPT).fetchall(), conn.execute(_COUNTED).fetchall()
    finally:
        conn.close()


_DATES = ["2003", "2003-06", "2003-06-17", "2004~", "2001/2005", "[..2002-03]",
          "[2003-01..2003-04]", "unknown", "2003-06-17"]  # fmt: skip
_ID = st.integers(1, 8)
_command = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(["c1", "c2"]), st.sampled_from(_DATES)),
    st.tuples(st.just("rm"), _ID),
    st.tuples(st.just("restore"), _ID),
    st.tuples(st.just("undo")),
    st.tuples(st.just("case"), _ID, st.sampled_from(["c1", "c2"])),
    st.tuples(st.just("date"), _ID, st.sampled_from(_DATES)),
    st.tuples(st.just("move"), _ID, st.sampled_from(["--before", "--after"]), _ID),
    st.tuples(st.just("purge"), _ID),
    st.tuples(st.just("case rm"), st.sampled_from(["c1", "c2"])),
    st.tuples(st.just("case restore"), st.sampled_from(["c1", "c2"])),
    st.tuples(st.just("empty")),
)


class _Session:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: object) -> None:
        result = self.runner.invoke(app, ["--db", str(self.db), *map(str, args)])
        assert result.exit_code in (0, 1), (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr

    def run(self, command: tuple[Any, ...]) -> None:
        name, *args = command
        if name == "add":
            self("add", args[0], args[1], "A milestone")
        elif name == "case":
            self("edit", args[0], "--case", args[1])
        elif name == "date":
            self("edit", args[0], "--date", args[1])
        elif name == "purge":
            self("purge", args[0], "--yes")
        elif name == "case rm":
            self("case", "rm", args[0], "--force")
        elif name == "case restore":
            self("restore", "--case", args[0])
        elif name == "empty":
            self("trash", "empty", "--yes")
        else:  # rm, restore, undo, move
            self(name, *args)


@settings(max_examples=examples(15), deadline=None)
@given(st.lists(_command, min_size=4, max_size=14))
def test_kept_figures_are_always_the_counted_ones(commands: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cli = _Session(Path(folder) / "s.db")
        cli("init")
        for slug in ("c1", "c2"):
            cli("case", "add", slug, "--title", f"Case {slug}")
        for date in ("2003-06-17", "2001", "unknown"):
            cli("add", "c1", date, "Early")
        for command in commands:
            cli.run(command)
            kept, counted = _figures(cli.db)
            assert kept == counted, f"after {command}"


def test_a_store_made_before_gets_its_figures(cli: Cli) -> None:
    """The migration fills the figures of the cases a store already has."""
    cli("case", "add", "c1", "--title", "One")
    for date in ("2003-06-17", "2001/2005", "unknown", "2004~"):
        cli("add", "c1", date, "A milestone")
    cli("rm", "2")
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("DELETE FROM case_figures")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm017_case_figures'")
        for name in ("milestones_case_start", "milestones_case_end"):
            conn.execute(f"DROP INDEX {name}")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'case_figures_*'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE case_figures")
        conn.execute("PRAGMA user_version = 16")
    conn.close()
    cli("case", "list")  # the upgrade runs on opening
    kept, counted = _figures(cli.db_path)
    assert kept == counted and kept[0][1] == 3
    assert cli.query("SELECT count(*) FROM history WHERE change_id IS NULL") == [(0,)]


def test_equal_places_on_the_timeline_break_ties_by_id(cli: Cli) -> None:
    """Milestones on the same sort key and position: the figures follow the timeline's
    order (then id), whichever of them is taken away."""
    cli("case", "add", "c1", "--title", "One")
    for _ in range(4):
        cli("add", "c1", "2003-06-17", "Same day")
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("UPDATE milestones SET position = 1")
    conn.close()
    for removed in ("1", "4", "2"):
        cli("rm", removed)
        kept, counted = _figures(cli.db_path)
        assert kept == counted, f"after rm {removed}"


def test_large_import_and_its_undo_keep_the_figures(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "c1", "--title", "One")
    cli("add", "c1", "2010", "Before the import")
    lines = [{"format": "casetrack/1"}] + [
        {"type": "milestone", "case": case, "date": f"200{n % 10}-0{n % 9 + 1}", "title": "T"}
        for n in range(30)
        for case in ("c1", "c2")
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    cli("import", str(path))
    kept, counted = _figures(cli.db_path)
    assert kept == counted and [row[1] for row in kept] == [31, 30]
    cli("undo")
    kept, counted = _figures(cli.db_path)
    assert kept == counted and [row[1] for row in kept] == [1]


def test_case_list_shows_the_kept_figures_as_it_showed_the_counted_ones(cli: Cli) -> None:
    cli("case", "add", "c1", "--title", "One")
    cli("case", "add", "empty", "--title", "None yet")
    for date in ("2003-06-17", "2001/2005", "unknown", "2004~"):
        cli("add", "c1", date, "A milestone")
    cli("rm", "4")
    records = json.loads(cli("case", "list", "-f", "json").stdout)
    assert [list(r) for r in records] == [
        [*Case(0, "", "", "").to_dict(), "milestones", "first", "last", "first_date",
         "last_date"]
    ] * 2  # fmt: skip
    assert [(r["slug"], r["milestones"], r["first"], r["last"], r["first_date"], r["last_date"])
            for r in records] == [
        ("c1", 3, "2001-01-01", "2005-12-31", "2001/2005", "2003-06-17"),
        ("empty", 0, None, None, None, None),
    ]  # fmt: skip
    table = cli("case", "list").stdout.splitlines()
    assert table[2].split() == ["c1", "One", "3", "2001", "\u2013", "2005", "17", "Jun",
                                "2003"]  # fmt: skip


def test_check_finds_and_fix_mends_figures_out_of_step(cli: Cli) -> None:
    cli("case", "add", "c1", "--title", "One")
    cli("add", "c1", "2003", "A milestone")
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("UPDATE case_figures SET milestones = 7")
        conn.execute("INSERT INTO case_figures (case_id, milestones) VALUES (99, 0)")
    conn.close()
    out = cli("check", code=1).stdout
    assert "figures: case 'c1' has a milestone count or dates out of step" in out
    assert "figures: kept for case 99, which is gone" in out
    result = cli("check", "--fix")
    assert "worked out the milestone counts and dates of 2 cases again" in result.stderr
    cli("check")
    kept, counted = _figures(cli.db_path)
    assert kept == counted
