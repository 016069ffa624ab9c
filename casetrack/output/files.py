"""Files written where the user says (exports, backups): never over a casetrack store.

Every command that writes a file named on its command line checks the target here first,
so a slip such as `export -o casetrack.db` is refused before a byte is written, whatever
the spelling of the path, a symbolic link or a hard link to it.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from casetrack.errors import CasetrackError
from casetrack.text import check_file_name

# Files SQLite keeps beside a database: losing or replacing one corrupts or loses the store.
SIDECARS = ("-wal", "-shm", "-journal")
_MAGIC = b"SQLite format 3\x00"
# How much of a binary file for stdout is kept in memory before it goes to a temporary file.
_SPOOL = 8 << 20
_CHUNK = 1 << 16  # characters written to stdout at a time (see _Chunked)
# What partial_path names, with what SQLite or mkstemp add to it: a hidden file whose
# writer, if that process is gone, was stopped before it could rename or remove it.
PARTIAL = re.compile(r"\..+\.partial-(?P<pid>[0-9]+)(?:-[^/]*)?")


def partial_path(target: Path) -> Path:
    """Where a file is written before it is renamed to `target`: hidden beside it, and named
    after this process, so that `check` can tell the leftovers of one that was killed."""
    return target.with_name(f".{target.name}.partial-{os.getpid()}")


def remove_partial(partial: Path) -> None:
    """Remove a partial copy written through SQLite, with the journal SQLite may leave beside
    it (when the disk fills mid-write, say)."""
    for suffix in ("", *SIDECARS):
        partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def replace_durably(partial: Path, target: Path) -> None:
    """Rename `partial` over `target` so that a power cut leaves the old file or the new:
    the data reach the disk before the rename, and the rename before this returns."""
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(partial, target)
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
    """Make a file's creation or renaming in `folder` survive a power cut."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as err:  # some file systems cannot sync a folder; nothing more to do there
        if err.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def require_folder(target: Path) -> None:
    """Refuse a file to write whose folder does not exist, naming that folder: no writer
    makes folders, so a mistyped one is not created as a side effect (only init and demo
    make a store's)."""
    folder = target.parent
    if folder.is_dir():
        return
    if os.path.lexists(folder):
        raise CasetrackError(f"{folder} is not a folder: cannot write {target.name} in it")
    raise CasetrackError(f"no folder {folder} for {target.name}: create it first")


def check_target(
    target: Path, store: Path | None, *, backup: bool = False, force: bool = False
) -> None:
    """Refuse to write `target` if it is the store in use (`store`), a file SQLite keeps
    beside it, or any other casetrack store; refuse any file already there unless `force`d
    (--force): the one rule of every command that writes a file the user names.

    A `backup` may replace a casetrack file that is itself a backup copy (rollback journal
    mode, nothing beside it, as `casetrack backup` writes them) when `force`d: a live store
    is in WAL mode.
    """
    check_file_name(target)
    real = os.path.realpath(target)
    if os.path.isdir(real):
        raise CasetrackError(f"{target} is a folder: give a file name to write")
    if os.path.exists(real) and not os.path.isfile(real):
        raise CasetrackError(
            f"{target} exists and is not a regular file (a device or a pipe):"
            " give the name of a regular file to write"
        )
    if store is not None:
        for suffix in ("", *SIDECARS):
            guarded = str(store) + suffix
            if real == os.path.realpath(guarded) or _same_file(real, guarded):
                part = "the store in use" if not suffix else f"the {suffix[1:]} file of the store"
                raise CasetrackError(
                    f"{target} is {part} ({store}): writing there would destroy it;"
                    " choose another file name"
                )
    for suffix in SIDECARS:
        if real.endswith(suffix) and _store_journal(real.removesuffix(suffix)) is not None:
            raise CasetrackError(
                f"{target} belongs to the casetrack store {real.removesuffix(suffix)}:"
                " choose another file name"
            )
    if os.path.exists(real + "-wal"):
        raise CasetrackError(
            f"{target} is a database in use (a -wal file is beside it): choose another file name"
        )
    journal = _store_journal(real)
    if journal is not None and not (backup and journal == 1 and not _any_sidecar(real)):
        raise CasetrackError(
            f"{target} is a casetrack store: writing there would destroy it;"
            " choose another file name"
        )
    if not force and os.path.lexists(target):
        raise CasetrackError(f"{target} already exists: pass --force to replace it")


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def _any_sidecar(path: str) -> bool:
    return any(os.path.exists(path + suffix) for suffix in SIDECARS)


def _store_journal(path: str) -> int | None:
    """For a casetrack store file: its header's journal byte (1 rollback, 2 WAL); else None."""
    from casetrack.schema import APPLICATION_ID

    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except (OSError, ValueError):
        return None
    if len(header) < 100 or not header.startswith(_MAGIC):
        return None
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return None
    return header[18]


@contextmanager
def text_file(path: Path | None, store: Path | None, *, force: bool = False) -> Iterator[TextIO]:
    """stdout, or a UTF-8 file written whole or not at all, after `check_target` has found
    it safe to write (an existing one only when `force`d)."""
    import sys

    if path is None:
        yield cast(TextIO, _Chunked(sys.stdout))
        sys.stdout.flush()
        return
    with (
        _replacing(path, store, force) as fd,
        os.fdopen(fd, "w", encoding="utf-8", newline="") as out,
    ):
        yield out


class _Chunked:
    """stdout written at most _CHUNK characters at a time. Python ends one larger write to a
    pipe whose reader leaves (`| head`) short, without an error: the next chunk raises
    BrokenPipeError, so an HTML page written whole still ends as the reader's leaving does."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> int:
        for start in range(0, len(text), _CHUNK):
            self.out.write(text[start : start + _CHUNK])
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.out, name)


@contextmanager
def binary_file(
    path: Path | None, store: Path | None, what: str, *, force: bool = False
) -> Iterator[BinaryIO]:
    """As text_file, for a binary format (`what`, such as docx): stdout only when it is not
    a terminal, which would show the bytes as garbage and could act on some of them. For
    stdout the file is made aside (in memory up to a few megabytes) and sent once whole:
    zip files are written out of order, and a reader that leaves gets no half file."""
    import shutil
    import sys
    import tempfile

    if path is None:
        if sys.stdout.isatty():
            raise CasetrackError(
                f"a {what} file is binary and stdout is a terminal: give -o FILE.{what}"
                f" (or redirect: > FILE.{what})"
            )
        with tempfile.SpooledTemporaryFile(_SPOOL) as spool:
            yield cast(BinaryIO, spool)
            spool.seek(0)
            shutil.copyfileobj(spool, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with _replacing(path, store, force) as fd, os.fdopen(fd, "wb") as out:
        yield out


@contextmanager
def _replacing(path: Path, store: Path | None, force: bool) -> Iterator[int]:
    """A temporary file's descriptor beside `path`, renamed over it once the caller is done:
    the target holds the old content or the whole new one, never a part. The file is private
    (0600, as mkstemp makes it) even over an older one that was not: an export holds the
    store's contents, as a backup does."""
    import tempfile

    check_target(path, store, force=force)
    try:
        target = path.resolve() if path.is_symlink() else path
        require_folder(target)
        fd, temp = tempfile.mkstemp(
            dir=target.parent, prefix=f"{partial_path(target).name}-", suffix=".tmp"
        )
    except OSError as err:
        raise CasetrackError(f"cannot write {path}: {err.strerror}") from None
    try:
        yield fd
        replace_durably(Path(temp), target)
    except OSError as err:
        os.unlink(temp)
        raise CasetrackError(f"cannot write {path}: {err.strerror}") from None
    except BaseException:
        os.unlink(temp)
        raise
