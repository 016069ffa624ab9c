"""Opening stores: where they live, what is refused, and that refused files stay untouched."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from typer.testing import CliRunner

from casetrack.cli import app
from casetrack.schema import APPLICATION_ID, LATEST_VERSION
from tests.conftest import Cli


def test_init_creates_store_and_is_idempotent(cli: Cli) -> None:
    first = cli("init")
    assert first.stdout.strip() == str(cli.db_path)
    cli("case", "add", "a-1", "--title", "A")
    second = cli("init")
    assert second.stdout.strip() == str(cli.db_path)
    assert cli.query("SELECT slug FROM cases") == [("a-1",)]
    assert cli.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    assert cli.query("PRAGMA application_id") == [(APPLICATION_ID,)]
    assert cli.query("PRAGMA journal_mode") == [("wal",)]
    names = {r[0] for r in cli.query("SELECT name FROM _sqlite_migrations")}
    assert "m001_initial" in names


def test_default_store_is_db_folder_in_current_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0
    assert (tmp_path / "db" / "casetrack.db").is_file()


def test_environment_variable_chooses_store(tmp_path: Path, monkeypatch: object) -> None:
    target = tmp_path / "elsewhere" / "x.db"
    result = CliRunner().invoke(app, ["init"], env={"CASETRACK_DB": str(target)})
    assert result.exit_code == 0
    assert target.is_file()
    assert not (tmp_path / "db").exists()


def test_store_file_is_private(cli: Cli) -> None:
    cli("init")
    assert stat.S_IMODE(cli.db_path.stat().st_mode) == 0o600


def test_read_command_on_missing_store_is_refused(cli: Cli) -> None:
    result = cli("timeline", code=1)
    assert "no store at" in result.stderr and "casetrack init" in result.stderr
    assert not cli.db_path.exists()


def test_text_file_is_refused_and_untouched(cli: Cli) -> None:
    cli.db_path.write_text("meeting notes, not a database\n")
    before = cli.db_path.read_bytes()
    result = cli("add", "x", "2003", "t", code=1)
    assert "not a casetrack store" in result.stderr
    assert "Traceback" not in result.output
    assert cli.db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused_and_untouched(cli: Cli) -> None:
    conn = sqlite3.connect(cli.db_path)
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    before = cli.db_path.read_bytes()
    result = cli("case", "add", "x", "--title", "t", code=1)
    assert "not a casetrack store" in result.stderr
    assert cli.db_path.read_bytes() == before


def test_store_from_newer_casetrack_is_refused_and_untouched(cli: Cli) -> None:
    cli("init")
    conn = sqlite3.connect(cli.db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = cli.db_path.read_bytes()
    result = cli("timeline", code=1)
    assert "newer casetrack" in result.stderr
    assert cli.db_path.read_bytes() == before


def test_directory_as_store_is_refused(cli: Cli, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path), "init"])
    assert result.exit_code == 1
    assert "is a folder" in result.stderr


def test_foreign_keys_are_enforced(demo: Cli) -> None:
    from casetrack.store import Store

    store = Store.open(demo.db_path)
    try:
        with store.write() as conn:
            assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    finally:
        store.close()
