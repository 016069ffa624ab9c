"""A large write killed midway (SIGKILL) leaves a sound store with all or none of it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Cli

BIG_WRITE = """
import sys
from pathlib import Path
from casetrack.drafts import Draft
from casetrack.milestones import add_milestone
from casetrack.store import Store
store = Store.open(Path(sys.argv[1]))
store.command = "bulk add"
with store.write():
    for i in range(int(sys.argv[2])):
        add_milestone(store, Draft("nec-2003", "2005", f"bulk {i}", tags=["bulk"]))
"""


def kill_midway(command: list[str], db: Path, wal_bytes: int = 2_000_000) -> bool:
    """Run `command`, SIGKILL it once its write is well under way; False if it finished first."""
    wal = db.with_name(db.name + "-wal")
    return kill_when(command, lambda: wal.exists() and wal.stat().st_size > wal_bytes)


def kill_when(command: list[str], ready: Callable[[], bool], pause: float = 0.01) -> bool:
    """Run `command`, SIGKILL it as soon as `ready()`; False if it finished first."""
    proc = subprocess.Popen(command)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError):  # a file went away as it was looked at
            if ready():
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
        time.sleep(pause)
    proc.kill()
    proc.wait()
    return False


@pytest.mark.slow
def test_a_big_write_killed_midway_leaves_all_or_nothing(demo: Cli) -> None:
    before = demo.query("SELECT count(*) FROM milestones")[0][0]
    count = 20_000
    killed = kill_midway([sys.executable, "-c", BIG_WRITE, str(demo.db_path), str(count)],
                         demo.db_path)  # fmt: skip
    assert killed, "the write finished before it could be killed: make it bigger"
    assert demo.query("PRAGMA integrity_check") == [("ok",)]
    after = demo.query("SELECT count(*) FROM milestones")[0][0]
    assert after in (before, before + count)
    assert demo.query("SELECT count(*) FROM history WHERE change_id IS NULL") == [(0,)]
    demo("check")
    demo("add", "nec-2003", "2006", "Life goes on")


def casetrack_command(cli: Cli, *args: str) -> list[str]:
    """The installed console script run on the test's store, as a user runs it."""
    import shutil

    casetrack = shutil.which("casetrack")
    assert casetrack is not None, "the casetrack console script is not installed"
    return [casetrack, "--db", str(cli.db_path), *args]


def big_sheet(cli: Cli, count: int) -> Path:
    """A CSV of `count` new milestones for the demo case."""
    sheet = cli.db_path.parent / "big.csv"
    rows = "".join(
        f"nec-2003,2005-01-{1 + i % 28:02d},Imported {i},hearing\n" for i in range(count)
    )
    sheet.write_text("case,date,title,kind\n" + rows, encoding="utf-8")
    return sheet


@pytest.mark.slow
def test_an_import_killed_midway_leaves_all_or_nothing(demo: Cli) -> None:
    """The issue's own scenario: `casetrack import` of a large file, SIGKILLed while it writes."""
    count = 20_000
    sheet = big_sheet(demo, count)
    before = demo.query("SELECT count(*) FROM milestones")[0][0]
    killed = kill_midway(casetrack_command(demo, "import", str(sheet)), demo.db_path,
                         wal_bytes=500_000)  # fmt: skip
    assert killed, "the import finished before it could be killed: make it bigger"
    assert demo.query("PRAGMA integrity_check") == [("ok",)]
    after = demo.query("SELECT count(*) FROM milestones")[0][0]
    assert after in (before, before + count)
    demo("check")
    # The kill may land after the commit (then all of it is in); either way the store takes
    # the same rows again (no uids in the sheet, so they are new milestones).
    assert demo("import", str(sheet)).stderr.startswith("imported:")
    assert demo.query("SELECT count(*) FROM milestones") == [(after + count,)]


@pytest.mark.slow
def test_an_undo_killed_midway_leaves_all_or_nothing(demo: Cli) -> None:
    before = demo.query("SELECT count(*) FROM milestones")[0][0]
    count = 20_000
    demo("import", str(big_sheet(demo, count)))
    killed = kill_midway(casetrack_command(demo, "undo"), demo.db_path, wal_bytes=500_000)
    assert killed, "the undo finished before it could be killed: make it bigger"
    assert demo.query("PRAGMA integrity_check") == [("ok",)]
    after = demo.query("SELECT count(*) FROM milestones")[0][0]
    assert after in (before, before + count)
    demo("check")
    if after != before:
        demo("undo")
    assert demo.query("SELECT count(*) FROM milestones") == [(before,)]
    assert "nothing to undo" not in demo("undo", "--dry-run").stderr


@pytest.mark.slow
def test_trash_empty_killed_midway_erases_all_or_nothing(demo: Cli) -> None:
    count = 20_000
    demo("import", str(big_sheet(demo, count)))
    demo("case", "rm", "nec-2003", "--force")
    trashed = demo.query("SELECT count(*) FROM milestones")[0][0]
    killed = kill_midway(casetrack_command(demo, "trash", "empty", "--yes"), demo.db_path,
                         wal_bytes=500_000)  # fmt: skip
    assert killed, "emptying the trash finished before it could be killed: make it bigger"
    assert demo.query("PRAGMA integrity_check") == [("ok",)]
    assert demo.query("SELECT count(*) FROM milestones")[0][0] in (trashed, 0)
    demo("check")
    # Killed before its commit, it erased nothing; after, only the wipe of the free space
    # may be missing. Either way, running it again finishes the job.
    demo("trash", "empty", "--yes")
    assert demo.query("SELECT count(*) FROM milestones") == [(0,)]
    assert b"imported 1" not in demo.db_path.read_bytes().lower()
    demo("check")


@pytest.mark.slow
def test_a_backup_killed_midway_leaves_the_store_whole_and_no_backup(demo: Cli) -> None:
    """Killed while it copies: the store is untouched and the target is absent, not half a
    copy; `check` finds the hidden partial copy and `check --fix` removes it."""
    demo("import", str(big_sheet(demo, 20_000)))
    before = demo.records()
    target = demo.db_path.parent / "copy.db"

    def copying() -> bool:
        return any(p.stat().st_size > 1_000_000 for p in target.parent.glob(".copy.db.partial-*"))

    killed = kill_when(casetrack_command(demo, "backup", str(target)), copying, pause=0.001)
    assert killed, "the backup finished before it could be killed: make the store bigger"
    assert not target.exists()
    assert demo.records() == before
    assert "leftover: " in demo("check", code=1).stdout  # a kill leaves it to `check`
    demo("check", "--fix", "--yes")
    assert not list(target.parent.glob(".copy.db.partial-*"))
    demo("backup", str(target))
    assert Cli(target).records() == before


def _children(pid: int) -> list[int]:
    """The processes `pid` started that are still running."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_an_import_read_by_a_worker_killed_midway_leaves_the_store_and_no_process(
    cli: Cli,
) -> None:
    """A large export into an empty store is read by a worker process: SIGKILLed midway,
    the importer leaves the store as it was, and its worker ends on its own, leaving no
    temporary file (it builds the full-text index in one)."""
    import json

    from casetrack.exchange.importer import WORKER_FROM

    count = 20_000
    lines = [{"format": "casetrack/1"}, {"type": "case", "slug": "c1", "title": "C"}]
    lines += [{"type": "milestone", "uid": f"{n:08x}-0000-4000-8000-000000000000", "case": "c1",
               "date": f"2005-01-{1 + n % 28:02d}", "title": f"Event {n}", "note": "n" * 200}
              for n in range(count)]  # fmt: skip
    export = cli.db_path.parent / "big.jsonl"
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert export.stat().st_size > WORKER_FROM
    cli("init")
    temporary = cli.db_path.parent / "tmp"
    temporary.mkdir()
    env = {**os.environ, "SQLITE_TMPDIR": str(temporary), "TMPDIR": str(temporary)}
    proc = subprocess.Popen(casetrack_command(cli, "import", str(export)), env=env)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and not (workers := _children(proc.pid)):
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(0.2)  # the worker reading, the importer writing
        assert proc.poll() is None, "the import finished before it could be killed: make it bigger"
        assert workers, "the import read the file in-process"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert cli.query("SELECT count(*) FROM milestones")[0][0] in (0, count)  # all or nothing
    assert cli.query("PRAGMA integrity_check") == [("ok",)]
    deadline = time.monotonic() + 30
    while any(_running(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(worker) for worker in workers), "the worker outlived its importer"
    assert not list(temporary.iterdir())
    cli("check")
