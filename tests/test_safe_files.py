"""Safe files: what casetrack writes is private and whole, what it reads is checked, and
what another program stored cannot act on the terminal."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Cli

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_LINK = "\x1b]8;;https://evil.example/\x1b\\Court ruling\x1b]8;;\x1b\\"


def _store_raw(db: Path, sql: str, params: tuple[object, ...]) -> None:
    """Write as another program would, past casetrack's input checks."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(sql, params)
    conn.close()


def test_listings_show_stored_escape_sequences_as_symbols(demo: Cli) -> None:
    _store_raw(demo.db_path, "UPDATE milestones SET title = ?, note = ? WHERE id = 1",
               (f"Raid{OSC_TITLE}", OSC_LINK))  # fmt: skip
    _store_raw(demo.db_path, "UPDATE parties SET name = ? WHERE id = 1", ("Jane\rX\x9b2J",))
    outputs = {
        args: demo(*args).stdout
        for args in (
            ("timeline",),
            ("timeline", "--wide"),
            ("timeline", "--format", "markdown"),
            ("show", "1"),
            ("party", "list"),
            ("history",),
            ("search", "Raid"),
        )
    }
    for args, text in outputs.items():
        assert not any(c in text for c in "\x1b\x07\r\x9b"), args
    assert "Raid␛]0;pwned␇" in outputs[("show", "1")]
    assert "␛]8;;https://evil.example/␛\\Court ruling" in outputs[("show", "1")]
    # Programs still get the text as stored.
    assert OSC_TITLE in demo("show", "1", "--format", "json").stdout.encode().decode(
        "unicode_escape"
    )


def test_check_reports_control_characters_in_stored_text(demo: Cli) -> None:
    assert demo("check").exit_code == 0
    _store_raw(demo.db_path, "UPDATE milestones SET note = ? WHERE id = 2", (OSC_LINK,))
    _store_raw(demo.db_path, "UPDATE cases SET title = ?", ("Case\x00",))
    lines = demo("check", code=1).stdout.splitlines()
    assert lines == [
        f"text: milestone 2 has a note that casetrack would refuse or store cleaned: {OSC_LINK!r}",
        "text: case 1 has a title that casetrack would refuse or store cleaned: 'Case\\x00'",
    ]


def _read_only(folder: Path) -> Callable[[], None]:
    """Make `folder` read-only in a way root cannot write past either: a read-only tmpfs
    mount (as root), else the immutable attribute, else (not root) its permissions.
    Returns what undoes it; skips the test when nothing works here."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return lambda: folder.chmod(0o755)
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
                      capture_output=True).returncode == 0:  # fmt: skip
        for name, data in files.items():
            (folder / name).write_bytes(data)
            (folder / name).chmod(0o600)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        return lambda: subprocess.run(["umount", str(folder)], check=True) and None
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True) and None
    pytest.skip("running as root without mount or chattr: cannot make a folder read-only")


@pytest.fixture
def read_only_store(demo: Cli, tmp_path: Path) -> Iterator[Cli]:
    """The demo store alone in a read-only folder (no -wal or -shm beside it)."""
    media = tmp_path / "media"
    media.mkdir()
    shutil.copy(demo.db_path, media / "store.db")
    undo = _read_only(media)
    try:
        assert not os.access(media, os.W_OK)
        yield Cli(media / "store.db")
    finally:
        undo()


def test_read_commands_and_check_work_on_read_only_media(read_only_store: Cli) -> None:
    cli = read_only_store
    assert "Police raid" in cli("timeline").stdout
    assert "Police [raid]" in cli("search", "raid").stdout
    assert cli("show", "3").stdout
    assert '"nec-2003"' in cli("export").stdout
    assert "no problems found" in cli("check").stderr
    refused = cli("add", "nec-2003", "2020", "Later", code=1).stderr
    assert refused == f"casetrack: {cli.db_path} is read-only: make it writable to change it\n"
    assert sorted(p.name for p in cli.db_path.parent.iterdir()) == ["store.db"]


def test_an_empty_file_is_refused_not_made_a_store(cli: Cli, tmp_path: Path) -> None:
    cli.db_path.touch(mode=0o644)
    for args in (("timeline",), ("check",), ("backup", str(tmp_path / "b.db")), ("init",),
                 ("case", "add", "x", "--title", "X")):  # fmt: skip
        assert cli(*args, code=1).stderr == (
            f"casetrack: {cli.db_path} is an empty file, not a casetrack store: remove it to"
            " create a store there, or pass the store's path with --db\n"
        ), args
    assert cli.db_path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"]


def _hot_wal(db: Path, *titles: str) -> bytes:
    """The -wal of `db` after adding milestones while another program reads it (so no
    checkpoint empties it): what a crash or a copy made at that moment leaves."""
    reader = sqlite3.connect(db)
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        for title in titles:
            Cli(db)("add", "nec-2003", "2020", title)
        return Path(f"{db}-wal").read_bytes()
    finally:
        reader.close()


def test_a_backup_put_back_beside_the_stores_wal_is_refused(demo: Cli, tmp_path: Path) -> None:
    backup = tmp_path / "old.db"
    demo("backup", str(backup))
    wal = _hot_wal(demo.db_path, "Added after the backup")
    shutil.copy(backup, demo.db_path)  # restored the wrong way: its -wal left beside it
    Path(f"{demo.db_path}-wal").write_bytes(wal)
    message = demo("timeline", code=1).stderr
    assert message == (
        f"casetrack: store.db-wal beside {demo.db_path} is from another copy of the store"
        " (store.db is a rollback-mode copy, as backups are): move store.db-wal and"
        " store.db-shm to another folder, then retry (README: 'Nothing lost')\n"
    )
    Path(f"{demo.db_path}-wal").unlink()  # as the message says
    assert "Added after the backup" not in demo("timeline").stdout


def test_a_store_unreadable_with_the_wal_beside_it_says_so(demo: Cli, tmp_path: Path) -> None:
    other = Cli(tmp_path / "other.db")
    other("demo")
    wal = _hot_wal(other.db_path, *(f"Filler {n} " + "x" * 2000 for n in range(3)))
    conn = sqlite3.connect(demo.db_path)  # the copy differs from the -wal's base page by page
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    Path(f"{demo.db_path}-wal").write_bytes(wal)
    assert "is from another copy of the store" in demo("timeline", code=1).stderr


def test_every_file_casetrack_creates_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        cli = Cli(tmp_path / "new" / "store.db")
        cli("demo")
        reader = sqlite3.connect(cli.db_path)  # keeps the -wal and -shm in place
        reader.execute("SELECT count(*) FROM cases").fetchone()
        cli("add", "nec-2003", "2020", "Later")
        cli("backup", str(tmp_path / "copy.db"))
        cli("export", "-o", str(tmp_path / "out.json"))
        made = [cli.db_path, Path(f"{cli.db_path}-wal"), Path(f"{cli.db_path}-shm"),
                tmp_path / "copy.db", tmp_path / "out.json"]  # fmt: skip
        assert {p.name: p.stat().st_mode & 0o777 for p in made} == dict.fromkeys(
            (p.name for p in made), 0o600
        )
        # Written over a file others could read, an export is private too, as a backup is.
        for name, fmt in (("out.json", "json"), ("out.md", "markdown"), ("out.pdf", "pdf")):
            (tmp_path / name).write_text("old")
            (tmp_path / name).chmod(0o644)
            cli("export", "-f", fmt, "--force", "-o", str(tmp_path / name))
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
        reader.close()
    finally:
        os.umask(old)


def test_export_and_backup_reach_the_disk_before_and_after_the_rename(
    demo: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync the new file, rename it over the target, fsync the folder: a power cut at any
    point leaves the old file or the new one."""
    calls: list[tuple[str, str]] = []
    fsync, replace = os.fsync, os.replace

    def synced(fd: int) -> None:
        calls.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        fsync(fd)

    def renamed(source: str | Path, target: str | Path) -> None:
        calls.append(("rename", f"{Path(source).name} -> {Path(target).name}"))
        replace(source, target)

    monkeypatch.setattr(os, "fsync", synced)
    monkeypatch.setattr(os, "replace", renamed)
    for args, name in ((("export", "-o"), "out.json"), (("backup",), "copy.db")):
        calls.clear()
        demo(*args, str(tmp_path / name))
        partial = next(c[1] for c in calls if c[0] == "rename").partition(" -> ")[0]
        assert calls[-3:] == [
            ("fsync", str(tmp_path / partial)),
            ("rename", f"{partial} -> {name}"),
            ("fsync", str(tmp_path)),
        ], args


HELD_RENAME = """
import signal, sys
for number in {default}:
    signal.signal(number, signal.SIG_DFL)  # as a terminal leaves it, whatever ran the tests
for number in {ignored}:
    signal.signal(number, signal.SIG_IGN)  # as nohup leaves SIGHUP for the program it starts
import casetrack.output.files as outputs
replace = outputs.os.replace
def held(source, target):
    print("copied", flush=True)
    sys.stdin.readline()  # held until the test says go on, or a signal stops it
    replace(source, target)
outputs.os.replace = held
from casetrack.cli import main
sys.argv = ["casetrack", *sys.argv[1:]]
main()
"""


def _stopped_before_the_rename(
    cli: Cli, number: signal.Signals, *args: str, ignored: bool = False
) -> int | None:
    """Run casetrack, held once its copy is written and before the rename, and send it
    signal `number` there; its exit code. When the signal is `ignored` (nohup), casetrack is
    then let go on. No sleep and no race: casetrack waits on its stdin, which the signal
    interrupts; what is written to stdin after an ignored signal is read only because the
    signal was discarded when it was sent. None if it has not ended two minutes after (it
    hangs: it is killed). The other stop signals start at their defaults, so a test run
    under nohup (SIGHUP ignored, and inherited) still sees casetrack stop."""
    kept = (int(number),) if ignored else ()
    default = tuple(int(s) for s in (signal.SIGTERM, signal.SIGHUP) if int(s) not in kept)
    script = HELD_RENAME.format(default=default, ignored=kept)
    proc = subprocess.Popen([sys.executable, "-c", script, "--db", str(cli.db_path), *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    assert proc.stdout.readline() == "copied\n"
    proc.send_signal(number)
    if ignored:
        proc.stdin.write("go on\n")
        proc.stdin.flush()
    try:
        return proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None
    finally:
        proc.stdin.close()
        proc.stdout.close()


WRITERS = {
    "backup": ["backup", "{path}"],
    "export json": ["export", "-o", "{path}", "--format", "json"],
    "export docx": ["export", "-o", "{path}", "--format", "docx"],
    "replica restore": ["replica", "restore", "file:///nowhere/replica", "-o", "{path}"],
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_file_in_a_missing_folder_is_refused_naming_it_and_nothing_is_made(
    demo: Cli, tmp_path: Path, writer: str
) -> None:
    """No writer makes folders (only init and demo make a store's): a mistyped folder is
    said in one line, not created."""
    before = sorted(tmp_path.rglob("*"))
    for folder, said in (
        (Path("missing") / "sub", "no folder missing/sub for out.db: create it first"),
        (Path("notes.txt"), "notes.txt is not a folder: cannot write out.db in it"),
    ):
        if folder.name == "notes.txt":
            (tmp_path / folder).write_text("a file, not a folder")
            before = sorted(tmp_path.rglob("*"))
        args = [a.format(path=folder / "out.db") for a in WRITERS[writer]]
        assert demo(*args, code=1).stderr == f"casetrack: {said}\n"
        assert sorted(tmp_path.rglob("*")) == before


def test_a_stopped_backup_or_export_removes_its_partial_copy(demo: Cli, tmp_path: Path) -> None:
    for args in (("backup", "copy.db"), ("export", "-o", "out.json")):
        for number in (signal.SIGTERM, signal.SIGHUP):
            assert _stopped_before_the_rename(demo, number, *args) == 128 + number, args
            assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"], (args, number)
    # Under nohup, a closed terminal does not stop it: it goes on to write its copy.
    assert _stopped_before_the_rename(demo, signal.SIGHUP, "backup", "copy.db", ignored=True) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "store.db"]
    copy = sqlite3.connect(tmp_path / "copy.db")
    try:
        counted = copy.execute("SELECT count(*) FROM milestones").fetchall()
    finally:
        copy.close()
    assert counted == demo.query("SELECT count(*) FROM milestones")


def test_check_finds_what_a_killed_backup_left_and_fix_removes_it(
    demo: Cli, tmp_path: Path
) -> None:
    for args in (("backup", "copy.db"), ("export", "-o", "out.json")):
        assert _stopped_before_the_rename(demo, signal.SIGKILL, *args) == -signal.SIGKILL
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    assert [name.partition(".partial-")[0] for name in left] == [".copy.db", ".out.json"]
    running = subprocess.Popen(["sleep", "60"])  # a backup still at work is not a leftover
    (tmp_path / f".busy.db.partial-{running.pid}").write_bytes(b"x")
    try:
        lines = demo("check", code=1).stdout.splitlines()
        assert [line.split()[1] for line in lines] == [str(tmp_path / name) for name in left]
        assert "is a partial copy left by a backup, export or new store that was stopped:" \
               " 'casetrack check --fix' removes it" in lines[0]  # fmt: skip
        assert "nothing removed: answer y, or pass --yes" in demo("check", "--fix", input="n\n",
                                                                  code=1).stderr  # fmt: skip
        assert len(demo("check", code=1).stdout.splitlines()) == 2
        fixed = demo("check", "--fix", input="y\n")
        assert "remove 2 partial copies" in fixed.stderr
        assert all(f"removed {tmp_path / name}\n" in fixed.stderr for name in left)
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [
            f".busy.db.partial-{running.pid}"
        ]
    finally:
        running.kill()
        running.wait()


def test_a_store_named_by_a_link_to_nothing_is_refused_however_it_is_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Followed, the link would create the store where it points, outside casetrack's care."""
    from typer.testing import CliRunner

    from casetrack.cli import app

    (tmp_path / "db").mkdir()
    link = tmp_path / "db" / "casetrack.db"
    link.symlink_to(tmp_path / "elsewhere.db")
    for env, options in (({}, ["--db", str(link)]), ({"CASETRACK_DB": str(link)}, []), ({}, [])):
        for args in (["init"], ["case", "add", "c", "--title", "C"]):
            result = CliRunner().invoke(app, [*options, *args], env=env)
            assert (result.exit_code, result.stderr) == (
                1, f"casetrack: {link} is a broken symbolic link: fix it or remove it\n"
            ), (env, options, args)  # fmt: skip
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["casetrack.db", "db"]


def test_check_finds_partial_copies_earlier_versions_left(demo: Cli, tmp_path: Path) -> None:
    """They carry no process id: one untouched for an hour is taken as left by a kill."""
    names = [
        ".out.json.k3_x9abq.tmp",
        ".store.db.new-0123456789ab",
        ".store.db.new-0123456789ab-journal",
    ]
    recent = ".out.json.abcdefgh.tmp"  # an export of an earlier version may be at work
    for name in [*names, recent, ".notes.txt.tmp"]:  # the last not named as casetrack names
        (tmp_path / name).write_bytes(b"x" * 10)
        if name != recent:
            os.utime(tmp_path / name, (1e9, 1e9))
    lines = demo("check", code=1).stdout.splitlines()
    assert [line.split()[1] for line in lines] == [str(tmp_path / name) for name in sorted(names)]
    demo("check", "--fix", "--yes")
    assert not any((tmp_path / name).exists() for name in names)
    assert (tmp_path / ".notes.txt.tmp").exists()
    assert (tmp_path / recent).exists()


def test_search_colours_do_not_shift_the_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored escapes are shown as symbols, but the marks casetrack adds stay colour codes
    that take no room: the table looks as it does without them."""
    from casetrack.output import listings

    monkeypatch.setattr(listings, "terminal_width", lambda: 40)
    hit = "Police \ue000raid\ue001 the council's offices at dawn\x1b]0;x\x07"
    records = [{"id": 3, "title": hit, "match": "kind: \ue000raid\ue001"}]
    colour = listings.render(records, "table", None, ("title",), marks=("\x1b[1m", "\x1b[0m"))
    assert "\x1b[1mraid\x1b[0m" in colour
    plain = listings.render(records, "table", None, ("title",), marks=("", ""))
    assert colour.replace("\x1b[1m", "").replace("\x1b[0m", "") == plain
    assert "\x1b]" not in colour


@pytest.mark.parametrize("name", ["out.json", "out.csv", "out.ics", "out.html", "out.docx"])
def test_an_export_over_an_existing_file_asks_for_force_as_a_backup_does(
    demo: Cli, tmp_path: Path, name: str
) -> None:
    """One rule for every file written where the user says: an existing one is refused in
    one line naming --force, nothing written; --force replaces it whole, private."""
    target = tmp_path / name
    target.write_text("mine")
    target.chmod(0o644)
    for command in (("export", "-o", str(target)), ("backup", str(target))):
        refused = demo(*command, code=1)
        assert refused.stderr == f"casetrack: {target} already exists: pass --force to replace it\n"
        assert target.read_text() == "mine"
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "store.db"])
    demo("export", "-o", str(target), "--force")
    assert target.read_bytes() != b"mine" and target.stat().st_mode & 0o777 == 0o600
    demo("backup", str(target), "--force")
    assert Cli(target).query("SELECT count(*) FROM cases") == [(1,)]
