"""Opening stores: where they live, what is refused, and that refused files stay untouched."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

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
    assert "no store at" in result.stderr and f"casetrack --db {cli.db_path} init" in result.stderr
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


def run(*args: str, code: int = 0, env: dict[str, str] | None = None) -> Result:
    """casetrack without --db, as a user types it in the current folder."""
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_nothing_found_refuses_saying_where_it_looked_and_creates_nothing(
    tmp_path: Path,
) -> None:
    for args in (
        ["add", "no-such-case", "2003", "x"],
        ["case", "add", "mine", "--title", "Mine"],
        ["timeline"],
        ["case", "list"],
        ["import", "-"],
    ):
        stderr = run(*args, code=1).stderr
        assert stderr == (
            f"casetrack: no store found in {tmp_path} or any folder above it (looked for"
            " db/casetrack.db): run 'casetrack init' to create one here, or pass --db PATH\n"
        ), args
    assert files_under(tmp_path) == []


def test_a_refused_first_write_to_a_named_store_creates_no_file_or_folder(
    tmp_path: Path,
) -> None:
    named = tmp_path / "store.db"
    for env, db in (({}, ["--db", str(named)]), ({"CASETRACK_DB": str(named)}, [])):
        assert "no case 'no-such-case'" in run(*db, "add", "no-such-case", "2003", "x",
                                                code=1, env=env).stderr  # fmt: skip
        empty = run(*db, "import", "--dry-run", "-", code=1, env=env).stderr
        assert empty == "casetrack: <stdin> is empty: nothing to import\n"
        run(*db, "party", "add", "Jane Doe", "--kind", "martian", code=1, env=env)
        run(*db, "timeline", code=1, env=env)
        assert files_under(tmp_path) == []
    run("--db", str(named), "case", "add", "mine", "--title", "Mine")
    assert named.stat().st_mode & 0o777 == 0o600
    assert files_under(tmp_path) == ["store.db"]
    assert Cli(named).query("PRAGMA journal_mode") == [("wal",)]


def test_a_store_in_a_missing_folder_is_refused_naming_it_and_only_init_makes_it(
    tmp_path: Path,
) -> None:
    """`--db cases/sub/x.db` with a mistyped folder is no reason to make folders; init is."""
    named = tmp_path / "new" / "folder" / "store.db"
    for env, db in (({}, ["--db", str(named)]), ({"CASETRACK_DB": str(named)}, [])):
        refused = run(*db, "case", "add", "mine", "--title", "Mine", code=1, env=env)
        assert refused.stderr.startswith(
            f"casetrack: no folder {named.parent} for the store store.db: make the folder, or"
        )
        assert refused.stderr.count("\n") == 1 and "init" in refused.stderr
        assert files_under(tmp_path) == []
    run("--db", str(named), "init")
    assert files_under(tmp_path) == ["new", "new/folder", "new/folder/store.db"]
    run("--db", str(named), "case", "add", "mine", "--title", "Mine")


def test_a_missing_named_store_says_how_to_create_it_there(tmp_path: Path) -> None:
    """Plain `init` would make db/casetrack.db here: the message names the store meant."""
    named = tmp_path / "my folder" / "nothere.db"
    assert run("--db", str(named), "timeline", code=1).stderr == (
        f"casetrack: no store at {named}: create it with 'casetrack --db \"{named}\" init'\n"
    )
    env = {"CASETRACK_DB": str(named)}
    assert run("timeline", code=1, env=env).stderr == (
        f"casetrack: no store at {named} (named by $CASETRACK_DB): create it with"
        " 'casetrack init'\n"
    )
    assert files_under(tmp_path) == []
    assert run("--db", str(named), "init").stdout == f"{named}\n"
    assert run("timeline", env=env).exit_code == 0


def test_commands_below_the_store_find_it_like_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init")
    deeper = tmp_path / "letters" / "2003"
    deeper.mkdir(parents=True)
    monkeypatch.chdir(deeper)
    run("case", "add", "mine", "--title", "Mine")
    run("add", "mine", "2003-06-17", "Raid")
    assert files_under(deeper) == []
    store = tmp_path / "db" / "casetrack.db"
    assert Cli(store).query("SELECT title FROM milestones") == [("Raid",)]
    where = run("where")
    assert where.stdout == f"{store}\n"
    assert where.stderr == f"found in a parent folder ({tmp_path})\n"
    assert "Raid" in run("timeline", "mine").stdout


def test_where_says_which_store_and_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "db" / "casetrack.db"
    nothing = run("where")
    assert (nothing.stdout, nothing.stderr) == (
        f"{here}\n",
        f"default: no store found in {tmp_path} or any folder above it (looked for"
        " db/casetrack.db): run 'casetrack init' to create one here, or pass --db PATH\n",
    )
    assert files_under(tmp_path) == []
    assert run("init").stdout == f"{here}\n"
    assert run("where").stderr == "default: db/casetrack.db in the current folder\n"
    flag = run("--db", "sub/../other.db", "where")
    assert flag.stdout == f"{tmp_path / 'other.db'}\n"
    assert flag.stderr == (
        "chosen by --db; it does not exist yet: the first command that writes creates it\n"
    )
    env = run("where", env={"CASETRACK_DB": str(here)})
    assert (env.stdout, env.stderr) == (f"{here}\n", "chosen by $CASETRACK_DB\n")


def test_messages_name_the_store_by_its_absolute_path(tmp_path: Path) -> None:
    assert run("--db", "rel.db", "timeline", code=1).stderr.startswith(
        f"casetrack: no store at {tmp_path / 'rel.db'}: "
    )
    assert f"into {tmp_path / 'db' / 'casetrack.db'}" in run("demo").stderr


def test_a_store_created_meanwhile_by_another_program_gets_the_command_too(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import casetrack.store

    real_link = casetrack.store._link

    def race(source: Path, target: Path) -> None:
        monkeypatch.setattr(casetrack.store, "_link", real_link)
        Cli(target)("case", "add", "theirs", "--title", "Created first")
        real_link(source, target)

    monkeypatch.setattr(casetrack.store, "_link", race)
    assert cli("case", "add", "mine", "--title", "Mine").stderr == "added case mine\n"
    assert cli.query("SELECT slug FROM cases ORDER BY slug") == [("mine",), ("theirs",)]
    assert [p.name for p in cli.db_path.parent.iterdir() if p.name.startswith(".")] == []


def test_init_below_a_store_says_it_uses_that_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    result = run("init")
    assert result.stdout == f"{tmp_path / 'db' / 'casetrack.db'}\n"
    assert "casetrack --db db/casetrack.db init" in result.stderr
    assert files_under(tmp_path / "sub") == []


def test_a_store_that_cannot_be_created_is_named_in_the_message(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    named = tmp_path / "notes.txt" / "store.db"
    result = run("--db", str(named), "case", "add", "mine", "--title", "Mine", code=1)
    assert result.stderr == f"casetrack: cannot create {named}: Not a directory\n"
