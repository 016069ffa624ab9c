"""`casetrack replica run` and `restore`: Litestream replicates a store that is being written,
and what a replica holds restores to a consistent store that passes `check`.

The end-to-end test runs in the default suite (some seconds); the one that kills Litestream
is slow-marked.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casetrack import replica
from tests.conftest import Cli, installed_from

# Adds milestones one command (one transaction) at a time, as people do, and prints each
# title once its command has returned.
_WRITER = """
import sys
from typer.testing import CliRunner
from casetrack.cli import app
runner = CliRunner()
for n in range(int(sys.argv[2])):
    title = f"Step {n:03d}"
    result = runner.invoke(app, ["--db", sys.argv[1], "add", "c-1", "2003-06-17", title])
    assert result.exit_code == 0, result.output
    print(title, flush=True)
"""


def _writer(store: Path, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(store), str(count)], stdout=subprocess.PIPE, text=True
    )


@pytest.fixture
def store(cli: Cli) -> Cli:
    cli("case", "add", "c-1", "--title", "One")
    return cli


@pytest.fixture
def running(store: Cli, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """`casetrack replica run file://.../replica` on the store, in its own process."""
    url = (tmp_path / "replica").as_uri()
    process = subprocess.Popen(
        [sys.executable, "-m", "casetrack", "--db", str(store.db_path), "replica", "run", url],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line == f"replicating {store.db_path} to {url} with Litestream (Ctrl-C stops)\n"
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def _titles(cli: Cli) -> list[str]:
    return [str(r[0]) for r in cli.query("SELECT title FROM milestones ORDER BY id")]


def _shipped(url: str) -> list[dict[str, str]]:
    """The changes Litestream has shipped to the replica so far."""
    done = subprocess.run(
        [str(replica.litestream()), "ltx", "-level", "0", "-json", url],
        capture_output=True,
        text=True,
        check=False,
    )
    return list(json.loads(done.stdout or "[]")) if done.returncode == 0 else []


def _until_replicated(url: str, stamp: int) -> None:
    """Wait until Litestream has shipped a change made after `stamp`."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        files = _shipped(url)
        if any(datetime.fromisoformat(f["timestamp"]).timestamp() > stamp for f in files):
            return
        time.sleep(0.2)
    raise AssertionError("Litestream replicated nothing in 90 seconds")


def _until_caught_up(url: str) -> None:
    """Wait until Litestream has shipped nothing new for 3 seconds (it syncs each second)."""
    deadline = time.monotonic() + 60
    seen, since = len(_shipped(url)), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = len(_shipped(url))
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= 3:
            return
    raise AssertionError("Litestream did not catch up in 60 seconds")


def test_replicate_while_writing_then_restore_everything_and_a_point_in_time(
    store: Cli, running: subprocess.Popen[str], tmp_path: Path
) -> None:
    url = (tmp_path / "replica").as_uri()
    writer = _writer(store.db_path, 30)
    committed = [line.strip() for line in writer.stdout or []]
    assert writer.wait(timeout=120) == 0 and len(committed) == 30
    _until_caught_up(url)
    middle = datetime.now(UTC)
    time.sleep(1.5)
    store("add", "c-1", "2004", "After the middle")
    _until_replicated(url, int(middle.timestamp()) + 1)
    running.send_signal(signal.SIGINT)
    assert running.wait(timeout=30) == 0
    # (Litestream's own warnings, if the machine is slow, may come before.)
    assert running.stderr is not None and running.stderr.read().endswith("replication stopped\n")

    restored = Cli(tmp_path / "restored.db")
    result = restored("replica", "restore", url, "-o", str(restored.db_path))
    assert result.stderr.endswith(f"{restored.db_path}: no problems found\n")
    assert _titles(restored) == [*committed, "After the middle"] == _titles(store)
    assert stat.S_IMODE(restored.db_path.stat().st_mode) == 0o600

    earlier = Cli(tmp_path / "earlier.db")
    at = middle.strftime("%Y-%m-%dT%H:%M:%SZ")
    earlier("replica", "restore", url, "-o", str(earlier.db_path), "--timestamp", at)
    assert _titles(earlier) == committed
    earlier("check")


@pytest.mark.slow
def test_a_replicator_killed_mid_way_leaves_a_consistent_prefix(
    store: Cli, running: subprocess.Popen[str], tmp_path: Path
) -> None:
    url = (tmp_path / "replica").as_uri()
    writer = _writer(store.db_path, 60)
    assert writer.stdout is not None
    committed = [writer.stdout.readline().strip() for _ in range(15)]
    _until_replicated(url, int(time.time()) - 1)
    children = Path(f"/proc/{running.pid}/task/{running.pid}/children").read_text().split()
    os.kill(int(children[0]), signal.SIGKILL)  # Litestream itself, mid-way through the writes
    assert running.wait(timeout=30) == 1
    assert running.stderr is not None
    assert "Litestream stopped (killed by signal 9)" in running.stderr.read()
    committed += [line.strip() for line in writer.stdout]
    assert writer.wait(timeout=120) == 0 and len(committed) == 60

    restored = Cli(tmp_path / "restored.db")
    restored("replica", "restore", url, "-o", str(restored.db_path))
    titles = _titles(restored)
    assert titles == committed[: len(titles)] and len(titles) >= 1
    restored("check")


def test_urls_litestream_cannot_use_are_refused_in_one_line(store: Cli) -> None:
    for url, said in [
        ("backups/nec", "is not a replica URL: for a folder, give file:///"),
        ("ftp://host/nec", "not ftp:// (did you mean 'sftp'?)"),
        ("sftp://host/nec", "write sftp://USER@HOST/PATH"),
        ("file://server/share", "a folder URL is file:// and an absolute path"),
        ("s3:///nec", "write s3://BUCKET/PATH"),
    ]:
        result = store("replica", "run", url, code=1)
        assert said in result.stderr and result.stderr.count("\n") == 1, result.stderr
    result = store("replica", "run", "file:///tmp/x", "--sftp-key", "k", code=1)
    assert "--sftp-key and --sftp-host-key go with an sftp:// URL" in result.stderr


def test_a_password_in_the_url_is_never_printed_and_the_config_is_private(tmp_path: Path) -> None:
    url = "sftp://ann:s3cr$t@files.example.net:2222/casetrack/nec"
    target = replica.Replica.parse(url, sftp_host_key="ssh-ed25519 AAAA")
    assert target.shown() == "sftp://ann:***@files.example.net:2222/casetrack/nec"
    with replica._config(tmp_path / "s.db", target) as config:
        assert stat.S_IMODE(config.stat().st_mode) == 0o600
        assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700
        replica_settings = json.loads(config.read_text())["dbs"][0]["replica"]
        assert replica_settings == {"url": url, "host-key": "ssh-ed25519 AAAA"}
    assert not config.parent.exists()


def test_without_litestream_one_line_says_what_to_install(
    store: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import metadata

    def missing(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    installed_from(monkeypatch, '{"dir_info": {"editable": true}, "url": "file:///src/casetrack"}')
    monkeypatch.setenv("PATH", "")
    for args in (["run", "file:///tmp/r"], ["restore", "file:///tmp/r", "-o", "x.db"]):
        result = store("replica", *args, code=1)
        assert result.stderr == (
            "casetrack: replication needs Litestream, which is not installed:"
            " pip install -e '/src/casetrack[replicate]'\n"
        )
    assert not Path("x.db").exists()


def test_restore_replaces_a_file_only_with_force_and_refuses_a_bad_time(
    store: Cli, tmp_path: Path
) -> None:
    existing = tmp_path / "notes.txt"
    existing.write_text("mine", encoding="utf-8")
    url = (tmp_path / "replica").as_uri()
    result = store("replica", "restore", url, "-o", str(existing), code=1)
    assert result.stderr == f"casetrack: {existing} already exists: pass --force to replace it\n"
    forced = store("replica", "restore", url, "-o", str(existing), "--force", code=1)
    assert "nothing to restore" in forced.stderr  # past the file's check: the replica is empty
    assert existing.read_text(encoding="utf-8") == "mine"
    result = store("replica", "restore", url, "-o", "new.db", "--timestamp", "yesterday", code=1)
    assert "cannot read the time 'yesterday': write e.g. 2024-05-01T17:30" in result.stderr
    result = store("replica", "restore", url, "-o", "new.db", code=1)
    assert result.stderr == f"casetrack: nothing to restore: {url} holds no replicated store\n"
    assert not Path("new.db").exists()
