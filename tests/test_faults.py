"""A full disk at random points of a large import, an undo and a backup: all or nothing.

As SQLite's own tests inject I/O errors, each run here gives the real `casetrack` a disk
that fills at a random point: a small tmpfs mounted for the run when the tests run as root
(as in CI), else a limit on file size (RLIMIT_FSIZE, writes past it fail with EFBIG). After
every run the store must pass `casetrack check` and hold exactly what it held before the
command or what an unhindered run leaves (timestamps aside), and the command must have
exited 0, or 1 with one line saying why.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import random
import resource
import shutil
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetrack.history_sql import TRACKED_TABLES
from tests.conftest import Cli

pytestmark = pytest.mark.slow

MILESTONES = 20_000
POINTS = 7  # fault points per command: 21 in all
SEED = int(os.environ.get("CASETRACK_FAULT_SEED", "18"))
Snapshot = dict[str, list[tuple[object, ...]]]
Result = subprocess.CompletedProcess[str]


def casetrack() -> str:
    found = shutil.which("casetrack")
    assert found is not None, "the casetrack console script is not installed"
    return found


@functools.cache
def tmpfs_works() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = Path(f"/tmp/casetrack-tmpfs-probe-{os.getpid()}")
    probe.mkdir(exist_ok=True)
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(probe)],
                                 capture_output=True).returncode == 0  # fmt: skip
        if mounted:
            subprocess.run(["umount", str(probe)], check=True)
        return mounted
    finally:
        probe.rmdir()


@contextmanager
def full_disk(folder: Path, limit: int) -> Iterator[Callable[[], None] | None]:
    """`folder` as a disk of `limit` bytes (tmpfs), or a preexec_fn limiting any file the
    child writes to `limit` bytes. Yields the preexec_fn, or None for tmpfs."""
    folder.mkdir()
    if not tmpfs_works():

        def limit_files() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        yield limit_files
        return
    size = limit + 16 * 4096  # tmpfs counts whole pages: room for a few files' last ones
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True)  # fmt: skip
    try:
        yield None
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def used(folder: Path) -> int:
    """What fills the disk: all files together on tmpfs, the largest under a file limit."""
    sizes = [p.stat().st_size for p in folder.iterdir() if p.is_file()]
    return sum(sizes) if tmpfs_works() else max(sizes, default=0)


def copy_files(source: Path, target: Path) -> None:
    """Every file of a folder but the -shm (SQLite rebuilds it): stores with their -wal."""
    for path in source.iterdir():
        if path.is_file() and not path.name.endswith("-shm"):
            shutil.copyfile(path, target / path.name)


def snapshot(db: Path) -> Snapshot:
    """Every table a command changes, timestamps and recorded values masked: two runs of
    the same command give the same snapshot."""
    cli = Cli(db)
    tables: Snapshot = {}
    for table in (*TRACKED_TABLES, "changes", "history"):
        columns = [r[1] for r in cli.query(f"PRAGMA table_info({table})")]
        shown = [
            f"{c} IS NOT NULL" if c == "at" or c.endswith("_at") or c in ("old", "new", "digest")
            else c
            for c in columns
        ]  # fmt: skip
        tables[table] = cli.query(f"SELECT {', '.join(shown)} FROM {table} ORDER BY rowid")
    return tables


def run(args: list[str], folder: Path, preexec: Callable[[], None] | None = None) -> Result:
    """casetrack with `args`, its temporary files (SQLite's sorts) in `folder` too."""
    return subprocess.run([casetrack(), *args], capture_output=True, text=True,
                          env={**os.environ, "TMPDIR": str(folder)}, preexec_fn=preexec,
                          timeout=300)  # fmt: skip


def peak_use(args: list[str], folder: Path) -> int:
    """Run the command unhindered, watching how full its folder gets."""
    peak = [used(folder)]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            with contextlib.suppress(FileNotFoundError):  # a file went away meanwhile
                peak[0] = max(peak[0], used(folder))
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = run(args, folder)
    finally:
        done.set()
        watcher.join()
    assert result.returncode == 0, result.stderr
    return peak[0]


Command = Callable[[Path], list[str]]  # the arguments, given the folder holding store.db


@dataclass
class Run:
    limit: int
    code: int
    stderr: str
    folder: Path  # what the disk held afterwards, copied out
    shown: str


def faulted_runs(tmp_path: Path, name: str, base: Path, args: Command) -> tuple[Path, list[Run]]:
    """Run the command on copies of `base` (a folder holding store.db) on disks that fill
    at random points between what the folder holds and the most the command needs.

    Each run must exit 0, or 1 with one line, leave no partial file and the store passing
    `casetrack check`. Returns the folder of an unhindered run, and the runs.
    """
    reference = tmp_path / f"{name}-reference"
    reference.mkdir()
    copy_files(base, reference)
    start = used(reference) if tmpfs_works() else 0  # under a file limit, any file may hit it
    peak = peak_use(args(reference), reference)
    rng = random.Random(f"{SEED}-{name}")
    runs = []
    for point in range(POINTS):
        limit = rng.randint(start, peak)
        disk = tmp_path / f"{name}-{point}"
        kept = tmp_path / f"{name}-{point}-after"
        kept.mkdir()
        with full_disk(disk, limit) as preexec:
            copy_files(base, disk)
            result = run(args(disk), disk, preexec)
            copy_files(disk, kept)
            left = sorted(p.name for p in disk.iterdir())
        shown = f"{name} on a disk full at {limit:,} bytes (seed {SEED}): exit {result.returncode}"
        assert result.returncode in (0, 1), f"{shown}: {result.stderr}"
        if result.returncode == 1:
            assert result.stderr.startswith("casetrack: "), f"{shown}: {result.stderr}"
            assert result.stderr.count("\n") == 1, f"{shown}: {result.stderr}"
        assert not [n for n in left if ".partial" in n or n.endswith(".tmp")], f"{shown}: {left}"
        assert Cli(kept / "store.db")("check").exit_code == 0, shown
        runs.append(Run(limit, result.returncode, result.stderr.strip(), kept, shown))
    assert any(r.code for r in runs), f"no point fell inside the {name}: misplaced points"
    return reference, runs


def all_or_nothing(tmp_path: Path, name: str, base: Path, args: Command) -> None:
    """The store after each run is as before the command, or as an unhindered run leaves it."""
    before = snapshot(base / "store.db")
    reference, runs = faulted_runs(tmp_path, name, base, args)
    after = snapshot(reference / "store.db")
    assert after != before
    for done in runs:
        expected, said = (before, "before") if done.code else (after, "after")
        assert snapshot(done.folder / "store.db") == expected, f"{done.shown}: not as {said}"


def write_import(path: Path) -> None:
    """MILESTONES milestones, with parties, sources and tags: rows in every table, every one
    with a uid from a seeded generator, so two imports give the same store."""
    rng = random.Random(SEED)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128)))

    parties = [uid() for _ in range(50)]
    sources = [uid() for _ in range(100)]
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"format": "casetrack/1"}) + "\n")
        for i, party in enumerate(parties):
            out.write(json.dumps({"type": "party", "uid": party, "name": f"Witness {i}"}) + "\n")
        for i, source in enumerate(sources):
            out.write(json.dumps({"type": "source", "uid": source,
                                  "url": f"https://example.org/{i}"}) + "\n")  # fmt: skip
        for i in range(MILESTONES):
            record = {
                "type": "milestone", "uid": uid(), "case": "nec-2003",
                "date": f"{2000 + i % 20}-{1 + i % 12:02d}",
                "title": f"Hearing {i} on the {rng.choice(['merits', 'appeal', 'costs'])}",
                "kind": "hearing", "note": "Adjourned. " * (i % 5), "tags": [f"t{i % 7}"],
                "parties": [{"party": parties[i % 50], "role": "witness"}],
                "sources": [{"source": sources[i % 100], "quote": f"q {i}"}],
            }  # fmt: skip
            out.write(json.dumps(record) + "\n")


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(import file, a folder with the demo store, one with that store after the import)."""
    folder = tmp_path_factory.mktemp("faults")
    data = folder / "big.jsonl"
    write_import(data)
    demo = folder / "demo"
    demo.mkdir()
    Cli(demo / "store.db")("demo")
    imported = folder / "imported"
    imported.mkdir()
    copy_files(demo, imported)
    done = run(["--db", str(imported / "store.db"), "import", str(data)], imported)
    assert done.returncode == 0, done.stderr
    return data, demo, imported


def test_a_full_disk_during_an_import(stores: tuple[Path, Path, Path], tmp_path: Path) -> None:
    data, demo, _ = stores
    all_or_nothing(tmp_path, "import", demo,
                   lambda disk: ["--db", str(disk / "store.db"), "import", str(data)])  # fmt: skip


def test_a_full_disk_during_an_undo(stores: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, _, imported = stores
    all_or_nothing(tmp_path, "undo", imported,
                   lambda disk: ["--db", str(disk / "store.db"), "undo"])  # fmt: skip


def test_a_full_disk_during_a_backup(stores: tuple[Path, Path, Path], tmp_path: Path) -> None:
    """The store is left as it was; the backup is whole or absent."""
    _, _, imported = stores
    before = snapshot(imported / "store.db")
    _, runs = faulted_runs(tmp_path, "backup", imported,
                           lambda disk: ["--db", str(disk / "store.db"), "backup",
                                         str(disk / "copy.db")])  # fmt: skip
    for done in runs:
        assert snapshot(done.folder / "store.db") == before, done.shown
        copy = done.folder / "copy.db"
        assert copy.exists() == (done.code == 0), done.shown
        if copy.exists():
            assert Cli(copy)("check").exit_code == 0, done.shown
            assert snapshot(copy) == before, done.shown
