"""Hostile input for every command: a one-line error or a correct result, never a traceback.

Commands are enumerated from the Typer app, so a new command fails
test_every_command_has_a_baseline until it is given valid arguments here, and is then
covered by every test below.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.main import get_command
from typer.testing import CliRunner, Result

from casetrack.cli import app
from casetrack.errors import CasetrackError, StoreError
from casetrack.store import Store
from casetrack.text import clean_text
from tests.conftest import Cli
from tests.test_concurrency import hold_lock

HOSTILE = [
    "",
    "   ",
    "x" * 100_000,
    "a\x00b",
    "\x1b[31mred\x07",
    "\u202eevil\u202c مرحبا",
    "e\u0301\u0301\u0301 Zalgo̶̢",
    "🧑‍⚖️ ⚖️ 👩🏽‍💻",
    "'; DROP TABLE milestones; --",
    '" OR 1=1 --',
    'raid AND NOT "x" OR title:* NEAR(a b) ^c',
    "../../x/../../etc",
    "-1",
    "line one\nline two",
    "page\x0cbreak\u2028and more",  # a form feed and a line separator also end a line
    "9" * 40,
    "9" * 5000,  # past Python's 4,300-digit limit on converting text to an integer
    "%s %n {0} {{}}",
    "bad\udcff",  # the byte 0xff of an argument that is not UTF-8, as Python passes it on
]

# Valid arguments for each command on the demo store: (positionals, options).
BASELINE: dict[str, tuple[list[str], list[str]]] = {
    "init": ([], []),
    "demo": ([], []),
    "add": (["nec-2003", "2003-06-17", "A raid"], []),
    "show": (["3"], []),
    "edit": (["3"], ["--title", "New title"]),
    "rm": (["3"], []),
    "timeline": (["nec-2003"], []),
    "history": ([], []),
    "undo": ([], []),
    "restore": (["3"], []),
    "backup": (["copy.db"], []),
    "check": ([], []),
    "where": ([], []),
    "help": ([], []),
    "trash list": ([], []),
    "trash empty": ([], ["--yes"]),
    "purge": (["3"], ["--yes"]),
    "case add": (["acme-2010"], ["--title", "Acme"]),
    "case list": ([], []),
    "case show": (["nec-2003"], []),
    "case edit": (["nec-2003"], ["--status", "closed"]),
    "case rm": (["nec-2003"], ["--force"]),
    "case rename": (["nec-2003", "nec-2001"], []),
    "party add": (["Someone New"], []),
    "party alias": (["NEC", "N.E.C."], []),
    "party list": ([], []),
    "party show": (["NEC"], []),
    "party merge": (["NEC", "NCTD"], []),
    "party rename": (["NEC", "Northern Exile Council (NEC)"], []),
    "party edit": (["NEC"], ["--kind", "agency"]),
    "party rm": (["Someone New"], []),
    "source add": (["https://example.org/new"], []),
    "source list": ([], []),
    "source show": (["1"], []),
    "source edit": (["1"], ["--title", "A title"]),
    "source merge": (["1", "https://example.org/new"], []),
    "source rm": (["https://example.org/new"], []),
    "kind list": ([], []),
    "kind add": (["extradition"], []),
    "kind rename": (["dawn raid", "dawn raids"], []),
    "kind rm": (["dawn raid"], []),
    "search": (["raid"], []),
    "doc add": (["note.txt"], ["--title", "Note"]),
    "doc list": ([], []),
    "doc show": (["1"], []),
    "doc verify": ([], []),
    "doc open": (["1"], ["--page", "1"]),
    "doc rm": (["1"], []),
    "doc replace": (["1", "2"], []),
    "move": (["4"], ["--before", "3"]),
    "export": ([], ["--format", "csv"]),
    "import": (["sheet.csv"], []),
    "extract": (["article.txt"], ["--case", "nec-2003", "--apply"]),
    "rule list": ([], []),
    "rule show": (["fr-cpp-498"], []),
    "rule add": (["local-1"], ["--days", "10", "--citation", "Local rule 1"]),
    "rule edit": (["local-1"], ["--days", "12"]),
    "rule rm": (["local-1"], []),
    "closure add": (["Paris tribunal judiciaire", "2006-06-12"], ["--reason", "strike"]),
    "closure list": ([], []),
    "closure rm": (["Paris tribunal judiciaire", "2006-06-12"], []),
    "deadline add": (["nec-2003"], ["--rule", "fr-cpc-538", "--from", "6"]),
    "upcoming": ([], ["--as-of", "2006-06-01"]),
    "serve": ([], ["--port", "0"]),  # set up to serve, but stopped at once (below)
    "replica run": (["file:replica"], ["--once"]),
    "replica restore": (["file:replica"], ["-o", "restored.db"]),
}
# Commands that read no store: help, like --help; replica restore writes a new one.
NO_STORE = {"help", "replica restore"}

# Files some baseline calls read, written into the test's working folder.
SHEET = "case,date,title,kind\nnec-2003,2004,Imported hearing,hearing\n"
ARTICLE = (
    "The National Council of Resistance of Iran (NCRI) appealed on 9 May 2011. "
    "The NEC filed a complaint two weeks later.\n"
)
NOTE = "A note on the raid.\fIts second page.\n"
FILES = {
    "import": ("sheet.csv", SHEET),
    "extract": ("article.txt", ARTICLE),
    "doc add": ("note.txt", NOTE),
}
# Calls whose baseline needs a record prepare() makes first.
PREPARED = ("rule edit", "rule rm", "closure rm", "kind rename", "kind rm")


def write_files(folder: Path) -> None:
    for name, text in FILES.values():
        (folder / name).write_text(text, encoding="utf-8")


def prepare(path: str, folder: Path, cli: Cli) -> None:
    """What a baseline call needs beyond the demo store."""
    if path == "restore":
        cli("rm", "3")
    if path == "party rm":
        cli("party", "add", "Someone New")
    if path in ("source rm", "source merge"):
        cli("source", "add", "https://example.org/new")
    if path in ("kind rename", "kind rm"):  # a kind of the user's own: built-in ones stay
        cli("kind", "add", "dawn raid")
    if path in ("rule edit", "rule rm"):
        cli("rule", "add", "local-1", "--days", "10", "--citation", "Local rule 1")
    if path == "closure rm":
        cli("closure", "add", "Paris tribunal judiciaire", "2006-06-12")
    if path in FILES or path.startswith("doc "):
        write_files(folder)
    if path == "doc replace":  # a registered file's new bytes, added as a second document
        cli("doc", "add", "note.txt", "--title", "Note")
        (folder / "note.txt").write_text(NOTE + "\fA third page.\n", encoding="utf-8")
        cli("doc", "add", "note.txt", "--title", "Note")
    if path == "replica restore":
        cli("replica", "run", "file:replica", "--once")


CLICK_APP = get_command(app)


@functools.cache
def commands() -> list[tuple[str, Any]]:
    def walk(group: Any, prefix: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from walk(command, (*prefix, name))
            else:
                yield " ".join((*prefix, name)), command

    return sorted(walk(CLICK_APP, ()), key=lambda item: item[0])


def parameters() -> list[tuple[str, str]]:
    """(command, parameter name) for every parameter that takes a value."""
    return [
        (path, param.name)
        for path, command in commands()
        for param in command.params
        if param.param_type_name == "argument" or not param.is_flag
    ]


def test_every_command_has_a_baseline() -> None:
    assert sorted(BASELINE) == [path for path, _ in commands()]


def build_args(path: str, param_name: str | None = None, value: str = "") -> list[str]:
    """The baseline call of `path`, with one parameter set to `value`."""
    positionals, options = BASELINE[path]
    positionals = list(positionals)
    options = list(options)
    command = dict(commands())[path]
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    for param in command.params:
        if param.name != param_name:
            continue
        if param.param_type_name == "argument":
            index = arguments.index(param)
            positionals[index : index + 1] = [value]
        else:
            options.append(f"{param.opts[0]}={value}")
    return [*path.split(), *options, "--", *positionals]


@pytest.fixture(autouse=True)
def _build_the_cli_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer rebuilds the Click command on every invoke; these tests invoke it thousands of
    times, so reuse one build."""
    monkeypatch.setattr("typer.testing._get_command", lambda _app: CLICK_APP)


@pytest.fixture(autouse=True)
def _serve_stops_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """casetrack serve checks its input, opens the store and listens, then would serve until
    stopped: here it stops before serving (tests/test_serve.py runs the real server)."""
    import casetrack.team

    monkeypatch.setattr(casetrack.team, "serve", lambda _ds, sock: sock.close())


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    result = CliRunner().invoke(app, ["--db", str(path), "demo"])
    assert result.exit_code == 0, result.output
    write_files(path.parent)  # a document too, kept relative to the store's folder
    result = CliRunner().invoke(
        app, ["--db", str(path), "doc", "add", str(path.parent / "note.txt")]
    )
    assert result.exit_code == 0
    return path


def fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


LISTED_ROW = re.compile(r"^(\S.*:\d+: |\.\.\. and \d+ more$)")


def assert_well_behaved(result: Result, args: list[str]) -> None:
    """Exit 0; or 1, or 2 for a usage error, with one 'casetrack: ...' line; no traceback."""
    shown = repr(args)[:300]
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{shown} raised {result.exception!r}"
    )
    assert result.exit_code in (0, 1, 2), f"{shown} exited {result.exit_code}: {result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr, shown
    if result.exit_code == 1:
        assert result.stderr.startswith("casetrack: "), f"{shown}: {result.stderr[:300]}"
        # One line; only an import lists its bad rows below it, one per line.
        _, *listed = result.stderr.splitlines()
        assert all(LISTED_ROW.match(line) for line in listed), f"{shown}: {result.stderr[:300]}"
    if result.exit_code == 2:  # a usage error: one line as well, pointing to the help
        assert result.stderr.startswith("casetrack: "), f"{shown}: {result.stderr[:300]}"
        assert result.stderr.count("\n") == 1, f"{shown}: {result.stderr[:300]}"


@pytest.mark.parametrize(("path", "param_name"), parameters())
def test_hostile_values(path: str, param_name: str, demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    runner = CliRunner()
    shutil.copy(demo_template, db)
    if path in FILES or path in PREPARED:
        prepare(path, tmp_path, Cli(db))
    before = fingerprint(db)
    for value in HOSTILE:
        args = build_args(path, param_name, value)
        result = runner.invoke(app, ["--db", str(db), *args])
        assert_well_behaved(result, args)
        if result.exit_code == 0:
            shutil.copy(demo_template, db)
            for extra in tmp_path.glob("store.db-*"):
                extra.unlink()
            if path in PREPARED:
                prepare(path, tmp_path, Cli(db))
                before = fingerprint(db)
        else:
            assert fingerprint(db) == before, f"{args!r:.300} failed but changed the store"


@pytest.mark.parametrize("path", sorted(BASELINE))
def test_baseline_calls_work(path: str, demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    shutil.copy(demo_template, db)
    cli = Cli(db)
    prepare(path, tmp_path, cli)
    cli(*build_args(path))


def accepted(value: str) -> bool:
    """Text casetrack stores as given: not blank, no control characters, not option-like."""
    try:
        return bool(clean_text(value)) and not value.startswith("-")
    except CasetrackError:
        return False


ACCEPTED = [v for v in HOSTILE if accepted(v)]


@pytest.mark.parametrize("value", ACCEPTED)
def test_accepted_text_comes_back_exactly(value: str, demo: Cli) -> None:
    milestone = demo(
        "add", "nec-2003", "2003", value, "--note", value, "--location", value,
        "--party", f"{value}:witness", "--tag", value, "--source", f"src {value}",
        "--quote", value,
    ).stdout.strip()  # fmt: skip
    shown = json.loads(demo("show", milestone, "--format", "json").stdout)
    expected = clean_text(value)
    assert shown["title"] == shown["note"] == shown["location"] == expected
    assert shown["parties"][0]["name"] == expected
    assert shown["sources"][0]["url"] == f"src {expected}"
    assert shown["sources"][0]["quote"] == expected
    assert demo("check").exit_code == 0


def plain_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100)
    return path


def other_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def newer_store(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "newer.db"
    shutil.copy(demo_template, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    return path


BAD_STORES = {
    "folder": (lambda tmp, _: tmp, "is a folder"),
    "text file": (lambda tmp, _: plain_file(tmp), "not a casetrack store (not an SQLite file)"),
    "other sqlite": (lambda tmp, _: other_sqlite(tmp), "an SQLite file but not a casetrack store"),
    "newer store": (newer_store, "written by a newer casetrack"),
    "device": (lambda *_: Path("/dev/null"), "not a regular file"),
}


@pytest.mark.parametrize("kind", sorted(BAD_STORES))
def test_unusable_store_files_are_refused_by_every_command(
    kind: str, demo_template: Path, tmp_path: Path
) -> None:
    make, message = BAD_STORES[kind]
    db = make(tmp_path, demo_template)
    before = sorted(p.name for p in db.parent.iterdir()) if db.is_file() else None
    content = db.read_bytes() if db.is_file() and db.parent != Path("/dev") else None
    for path in sorted(set(BASELINE) - NO_STORE):
        args = build_args(path)
        result = CliRunner().invoke(app, ["--db", str(db), *args])
        assert_well_behaved(result, args)
        assert result.exit_code == 1, (path, result.stdout)
        assert message in result.stderr, (path, result.stderr)
        if content is not None:
            assert db.read_bytes() == content, path
            assert sorted(p.name for p in db.parent.iterdir()) == before, path


def test_a_nul_byte_in_the_store_path_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--db", "store\x00.db", "timeline"])
    assert_well_behaved(result, ["--db", "store\\x00.db"])
    assert result.exit_code == 2 and "embedded null byte" in result.stderr
    with pytest.raises(StoreError, match=r"cannot use 'store\\x00\.db' as a store"):
        Store.open(Path("store\x00.db"), create=True)


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file unwritable even for root (which ignores mode bits): immutable, via chattr."""
    if os.geteuid() != 0:
        path.chmod(0o400)
        try:
            yield
        finally:
            path.chmod(0o600)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root on a file system without chattr +i")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_store_can_be_read_but_not_changed(demo: Cli) -> None:
    before = fingerprint(demo.db_path)
    with read_only(demo.db_path):
        assert "Police raid" in demo("timeline", "nec-2003").stdout
        assert "read-only" in demo("add", "nec-2003", "2004", "X", code=1).stderr
        assert "read-only" in demo("undo", code=1).stderr
        assert "read-only" in demo("case", "edit", "nec-2003", "--status", "closed", code=1).stderr
    assert fingerprint(demo.db_path) == before


def test_every_command_under_a_lock_held_beyond_the_timeout(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASETRACK_TIMEOUT", "0.1")
    db = tmp_path / "store.db"
    shutil.copy(demo_template, db)
    before = fingerprint(db)
    write_files(tmp_path)
    holder = hold_lock(db, 120)
    try:
        for path in sorted(set(BASELINE) - NO_STORE):
            args = build_args(path)
            if path == "backup":
                args[-1] = str(tmp_path / "copy.db")
            result = CliRunner().invoke(app, ["--db", str(db), *args])
            assert_well_behaved(result, args)
            assert result.exit_code == 0 or "is busy" in result.stderr, (path, result.stderr)
    finally:
        holder.kill()
        holder.wait()
    assert fingerprint(db) == before


# Any text an argument can carry: every Unicode category, lone surrogates (the bytes of an
# argument that is not UTF-8) included, and digits long past any id.
_ANY_ARGUMENT = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=()), max_size=12),
    st.text("0123456789", min_size=18, max_size=5000),
    st.builds(lambda a, b: a + chr(0xDC80 + b) + a, st.text(max_size=4), st.integers(0, 127)),
)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(target=st.sampled_from(parameters()), value=_ANY_ARGUMENT)
def test_random_arguments_never_reach_an_internal_error(
    target: tuple[str, str], value: str, demo_template: Path, tmp_path: Path
) -> None:
    """A hypothesis sweep of what test_hostile_values lists by hand: one value per call."""
    path, param_name = target
    db = tmp_path / "store.db"
    shutil.copy(demo_template, db)
    for extra in tmp_path.glob("store.db-*"):
        extra.unlink()
    if path in FILES:
        prepare(path, tmp_path, Cli(db))
    args = build_args(path, param_name, value.replace("\x00", ""))
    assert_well_behaved(CliRunner().invoke(app, ["--db", str(db), *args]), args)
