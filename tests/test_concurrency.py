"""Many writers at once, a writer holding the lock, and the store file's permissions.

These run the installed `casetrack` console script in real processes, as scripts and
several terminals would.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import Cli

CASETRACK = str(Path(sys.executable).with_name("casetrack"))


def writers(db: Path, workers: int, adds: int) -> list[subprocess.CompletedProcess[str]]:
    """`workers` shell loops, each running `casetrack add` `adds` times, all at once."""
    loop = (
        'for i in $(seq "$2"); do "$1" add shared 2003-06-17 "worker $3 add $i" --kind raid'
        ' --party "Worker $3:subject" >/dev/null || exit 1; done'
    )
    env = {**os.environ, "CASETRACK_DB": str(db)}
    procs = [
        subprocess.Popen(
            ["sh", "-c", loop, "sh", CASETRACK, str(adds), str(n)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(workers)
    ]
    return [subprocess.CompletedProcess(p.args, p.wait(), "", p.communicate()[1]) for p in procs]


def run_writers(cli: Cli, workers: int, adds: int) -> None:
    cli("case", "add", "shared", "--title", "Shared")
    results = writers(cli.db_path, workers, adds)
    assert [r.returncode for r in results] == [0] * workers
    said = {line for r in results for line in r.stderr.splitlines()}
    assert said == {f"new party: Worker {n}" for n in range(workers)}
    assert cli.query("SELECT count(*) FROM milestones") == [(workers * adds,)]
    assert cli.query("SELECT count(*) FROM changes") == [(workers * adds + 1,)]
    assert cli.query("PRAGMA integrity_check") == [("ok",)]


@pytest.mark.slow
def test_eight_writers_at_once(cli: Cli) -> None:
    run_writers(cli, 8, 5)


@pytest.mark.slow
def test_eight_writers_each_adding_200(cli: Cli) -> None:
    run_writers(cli, 8, 200)


@pytest.mark.slow
def test_eight_processes_create_the_same_new_store(tmp_path: Path) -> None:
    (tmp_path / "new").mkdir()  # a named store is made in a folder that exists, never the folder
    db = tmp_path / "new" / "store.db"
    env = {**os.environ, "CASETRACK_DB": str(db)}
    procs = [
        subprocess.Popen(
            [CASETRACK, "case", "add", f"c{n}", "--title", "T"],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    assert [(p.wait(), p.communicate()[1]) for p in procs] == [
        (0, f"added case c{n}\n") for n in range(8)
    ]
    assert Cli(db).query("SELECT count(*) FROM cases") == [(8,)]


def test_new_store_is_private_and_in_wal_mode(cli: Cli) -> None:
    cli("init")
    assert cli.db_path.stat().st_mode & 0o777 == 0o600
    assert cli.query("PRAGMA journal_mode") == [("wal",)]
    # Keep a connection open so the -wal and -shm files exist, then look at them.
    conn = sqlite3.connect(cli.db_path)
    conn.execute("SELECT count(*) FROM cases").fetchone()
    cli("case", "add", "x", "--title", "X")
    for suffix in ("-wal", "-shm"):
        extra = cli.db_path.with_name(cli.db_path.name + suffix)
        assert extra.stat().st_mode & 0o777 == 0o600, suffix
    conn.close()


def test_a_copy_in_rollback_mode_is_left_so_by_reads_and_put_in_wal_by_a_write(
    demo: Cli,
) -> None:
    """A backup copy opened to look at it stays as it is; concurrent writers need WAL."""
    conn = sqlite3.connect(demo.db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    for read in (["timeline"], ["show", "1"], ["check"], ["history"], ["export"]):
        demo(*read)
        assert demo.query("PRAGMA journal_mode") == [("delete",)], read
    assert not Path(f"{demo.db_path}-wal").exists()
    demo("edit", "1", "--title", "Written")
    assert demo.query("PRAGMA journal_mode") == [("wal",)]


HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute(f"BEGIN {sys.argv[3]}")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def hold_lock(db: Path, seconds: float, mode: str = "IMMEDIATE") -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(seconds), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def test_a_writer_waits_for_a_lock_held_briefly(demo: Cli) -> None:
    """The lock is held from before the add starts until the holder is killed half a second
    later: the add goes through only by waiting for it (a refusal would fail the call)."""
    holder = hold_lock(demo.db_path, 600)
    threading.Timer(0.5, holder.kill).start()
    demo("add", "nec-2003", "2004", "After the wait")
    assert holder.wait(10) == -signal.SIGKILL  # still holding it when let go
    assert demo.query("SELECT count(*) FROM milestones") == [(9,)]


def test_a_lock_held_beyond_the_timeout_is_one_clear_error(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASETRACK_TIMEOUT", "0.3")
    holder = hold_lock(demo.db_path, 5)
    try:
        result = demo("add", "nec-2003", "2004", "Too late", code=1)
        assert result.stderr == (
            f"casetrack: {demo.db_path} is busy: another program held it for 0.3 s; retry\n"
        )
        demo("timeline", "nec-2003")  # reading still works while another writes
    finally:
        holder.kill()
        holder.wait()
    assert demo.query("SELECT count(*) FROM milestones") == [(8,)]


def test_a_bad_timeout_setting_is_refused(demo: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASETRACK_TIMEOUT", "soon")
    assert "CASETRACK_TIMEOUT must be a number of seconds" in demo("timeline", code=1).stderr


def test_a_rollback_mode_store_locked_by_another_program_is_busy_not_foreign(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An old or restored store may not be in WAL mode yet, and then readers wait too."""
    conn = sqlite3.connect(demo.db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    monkeypatch.setenv("CASETRACK_TIMEOUT", "0.2")
    holder = hold_lock(demo.db_path, 5, "EXCLUSIVE")
    try:
        assert "is busy" in demo("timeline", code=1).stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_undo_among_several_writers_reverts_only_its_own_users_changes(demo: Cli) -> None:
    """Two users each add and undo at once: no undo reverts the other's change unasked."""
    loop = (
        'for i in $(seq 8); do "$1" add nec-2003 2010 "$2 adds $i" >/dev/null || exit 1;'
        ' "$1" undo >/dev/null 2>>"$3"; done; exit 0'
    )
    refusals = demo.db_path.parent / "refusals"
    procs = [
        subprocess.Popen(
            ["sh", "-c", loop, "sh", CASETRACK, user, str(refusals)],
            env={**os.environ, "CASETRACK_DB": str(demo.db_path), "LOGNAME": user},
        )
        for user in ("alice", "bob")
    ]
    assert [p.wait() for p in procs] == [0, 0]
    undone = demo.query("SELECT u.user, c.user FROM changes u JOIN changes c ON c.id = u.undoes")
    assert undone, "no undo succeeded"
    assert all(undoer == maker for undoer, maker in undone)
    said = refusals.read_text(encoding="utf-8").splitlines()
    for line in (line for line in said if line.startswith("casetrack:")):
        assert "is newer than your last" in line, line
    demo("check")
