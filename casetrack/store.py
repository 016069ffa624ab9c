"""Opening a casetrack store safely: find it, check it, upgrade it, and run write transactions.

Reads use the plain sqlite3 connection (fast start-up); schema work goes through
sqlite-utils, imported only when a migration is due.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casetrack.changes import OUTSIDE, begin_change, record_nothing, seal_change
from casetrack.errors import StoreAppeared, StoreError
from casetrack.schema import APPLICATION_ID, LATEST_VERSION, apply_migrations

DEFAULT_PATH = Path("db") / "casetrack.db"
ENV_VAR = "CASETRACK_DB"
BUSY_TIMEOUT_MS = 30_000
TIMEOUT_VAR = "CASETRACK_TIMEOUT"


CEILING_VAR = "CASETRACK_CEILING"


@dataclass(frozen=True)
class Location:
    """Where the store is and why: `--db`, `$CASETRACK_DB`, `here`, `parent` (found in a
    folder above) or `none` (nothing found: where `init` would create it)."""

    path: Path
    reason: str
    searched_from: Path | None = None

    def why(self) -> str:
        """The reason in words, for `casetrack where`."""
        if self.reason in ("--db", f"${ENV_VAR}"):
            return f"chosen by {self.reason}"
        if self.reason == "here":
            return f"default: {DEFAULT_PATH} in the current folder"
        if self.reason == "parent":
            return f"found in a parent folder ({self.path.parent.parent})"
        return f"default: {self.not_found()}"

    def not_found(self) -> str:
        """Why there is no store, and the command that creates the one meant: a store named
        by --db or $CASETRACK_DB is created there, not in the current folder."""
        from casetrack.text import shell_word

        if self.reason == "--db":
            return (
                f"no store at {self.path}: create it with"
                f" 'casetrack --db {shell_word(str(self.path))} init'"
            )
        if self.reason == f"${ENV_VAR}":
            return f"no store at {self.path} (named by ${ENV_VAR}): create it with 'casetrack init'"
        return (
            f"no store found in {self.searched_from} or any folder above it (looked for"
            f" {DEFAULT_PATH}): run 'casetrack init' to create one here, or pass --db PATH"
        )


def locate(option: str | os.PathLike[str] | None) -> Location:
    """--db wins, then $CASETRACK_DB, then the nearest db/casetrack.db in the current folder
    or a folder above it, as git finds its repository: one stat per folder.

    $CASETRACK_CEILING names a folder the search does not enter (nor anything above it).
    """
    if option:
        return Location(_absolute(option), "--db")
    env = os.environ.get(ENV_VAR)
    if env:
        return Location(_absolute(env), f"${ENV_VAR}")
    here = Path.cwd()
    ceiling = os.environ.get(CEILING_VAR)
    stop = _absolute(ceiling) if ceiling else None
    for folder in (here, *here.parents):
        if folder == stop:
            break
        candidate = folder / DEFAULT_PATH
        if os.path.lexists(candidate):
            return Location(candidate, "here" if folder == here else "parent")
    return Location(here / DEFAULT_PATH, "none", here)


def _absolute(path: str | os.PathLike[str]) -> Path:
    """An absolute, normalised path (`..` folded), links left as named."""
    if "\x00" in os.fspath(path):
        raise StoreError(f"cannot use {str(path)!r} as a store: embedded null byte")
    return Path(os.path.abspath(path))


class Store:
    """An open, checked and current casetrack store. Kept open for several commands (a
    program using the library), it is given each command's name as the command begins."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, new: bool = False) -> None:
        self.path = path
        self.conn = conn
        # Not on disk yet: the first write that succeeds puts it at `path` (see save_new).
        self.new = new
        self._command = "casetrack"
        self._change_id: int | None = None  # begun early in the current write, if at all
        self._recorded = False  # a write of this command recorded a change
        self._spent: list[sqlite3.Connection] = []  # the temporary database of a new store
        # Opened read-only (read-only media or folder, or a file that cannot be written).
        self.read_only = False
        self._wal = False  # known to be in WAL mode (set by the first write if it was not)

    @property
    def command(self) -> str:
        """What history records as the command behind each change; the CLI names it."""
        return self._command

    @command.setter
    def command(self, name: str) -> None:
        """Naming the command begins it: a store kept open for several commands is given each
        one's name as it starts, and one that then changes nothing is recorded as such even
        after an earlier command changed something (see _record_nothing)."""
        self._command = name
        self._recorded = False

    @classmethod
    def open(
        cls, path: Path, *, create: bool = False, missing: str | None = None, folder: bool = False
    ) -> Store:
        """Open the store at `path` (kept absolute, for messages).

        With create=True a missing store is built in a temporary database and written to
        `path` by the first write that succeeds, so a refused command leaves no file or
        folder behind; otherwise it is refused saying `missing` (Location.not_found). Its
        folder must exist unless `folder` (init and demo) allows making it: a mistyped
        folder in --db is refused, not created. A file that is not a casetrack store, or
        that a newer casetrack wrote, is refused before anything is written to it.
        """
        path = _absolute(path)
        try:
            exists, is_dir, is_file = path.exists(), path.is_dir(), path.is_file()
        except (OSError, ValueError) as err:
            raise StoreError(f"cannot use {str(path)!r} as a store: {err}") from None
        if is_dir:
            raise StoreError(f"{path} is a folder, not a store file: give a file path to --db")
        if exists and not is_file:
            raise StoreError(f"{path} is not a regular file: give a store file path to --db")
        if not exists:
            if os.path.lexists(path):
                raise StoreError(f"{path} is a broken symbolic link: fix it or remove it")
            if not create:
                raise StoreError(missing or f"no store at {path}")
            if not folder and not os.path.lexists(path.parent):
                how = (missing or "").partition(": ")[2] or f"run 'casetrack --db {path} init'"
                raise StoreError(
                    f"no folder {path.parent} for the store {path.name}: make the folder, or {how}"
                )
        elif not os.access(path, os.R_OK):
            raise StoreError(f"cannot read {path}: check its permissions")
        else:
            _check_files(path)
        timeout = busy_timeout()
        read_only = _read_only_uri(path) if exists else None
        try:
            conn = sqlite3.connect(read_only or (path if exists else ""), uri=bool(read_only),
                                   isolation_level=None, timeout=timeout)  # fmt: skip
        except sqlite3.Error as err:
            raise StoreError(f"cannot open {path}: {err}") from None
        store = cls(path, conn, new=not exists)
        store.read_only = read_only is not None
        try:
            store._check_and_upgrade(timeout)
        except sqlite3.OperationalError as err:
            conn.close()
            raise StoreError(_locked_message(path, err)) from None
        except BaseException:
            conn.close()
            raise
        return store

    def reader(self) -> sqlite3.Connection:
        """A read-only connection of its own to the saved store, for another thread."""
        from urllib.parse import quote

        uri = _read_only_uri(self.path) or f"file:{quote(str(self.path))}?mode=ro"
        try:
            return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout())
        except sqlite3.Error as err:
            raise StoreError(f"cannot open {self.path}: {err}") from None

    def close(self) -> None:
        """Close the connection, and the one it replaced when a new store was saved."""
        for conn in (*self._spent, self.conn):
            conn.close()

    def save_new(self) -> None:
        """Write a new store to its path now (its folder made if needed).

        The copy is made beside the target and hard-linked into place, which fails rather
        than replace a store another casetrack created meanwhile: the command is then run
        again against that store (StoreAppeared).
        """
        if not self.new:
            return
        from casetrack.output.files import partial_path, remove_partial, sync_folder

        partial = partial_path(self.path).with_name(  # named as check finds leftovers
            f"{partial_path(self.path).name}-{os.urandom(6).hex()}"
        )
        private_file(partial, self.path)
        try:
            copy = sqlite3.connect(partial)
            try:
                self.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = WAL")
            finally:
                copy.close()
            _link(partial, self.path)
            sync_folder(self.path.parent)
        except FileExistsError:
            raise StoreAppeared(
                f"{self.path} was created by another program meanwhile: run the command again"
            ) from None
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"cannot create {self.path}: {err}") from None
        finally:
            remove_partial(partial)
        self._spent.append(self.conn)
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout())
        _configure(self.conn, busy_timeout())
        self.new = False

    def _check_and_upgrade(self, timeout: float) -> None:
        conn = self.conn
        try:
            app_id, version, empty = _read_header(conn)
        except sqlite3.OperationalError:
            raise  # busy or unreadable: Store.open says which
        except sqlite3.DatabaseError:
            if _readable_without_wal(self.path):
                raise StoreError(_mispaired(self.path, "the file cannot be read with it")) from None
            raise StoreError(f"{self.path} is not a casetrack store (not an SQLite file)") from None
        if app_id != APPLICATION_ID and not (app_id == 0 and empty):
            raise StoreError(f"{self.path} is an SQLite file but not a casetrack store")
        if version > LATEST_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer casetrack (schema {version}, this one "
                f"knows {LATEST_VERSION}): upgrade casetrack to use it"
            )
        _configure(conn, timeout)
        if version < LATEST_VERSION:
            self._upgrade()

    def _in_wal_mode(self) -> None:
        """Put the store in WAL mode before its first write here: concurrent writers need it,
        and a copied or restored store may be in rollback mode. Reads leave a file (a backup
        copy, say) in the mode it has."""
        if self._wal or self.new or self.read_only:
            return
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self._wal = True

    def _upgrade(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} needs an upgrade but is read-only: make it writable")
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            # Off while migrations run: one that makes a table again drops the old one, which
            # would otherwise delete its links (ON DELETE CASCADE).
            self.conn.execute("PRAGMA foreign_keys = OFF")
            with self.write(record=False):
                # Another process may have upgraded it while we waited for the lock.
                if _read_header(self.conn)[1] < LATEST_VERSION:
                    apply_migrations(self.conn)
        except sqlite3.OperationalError as err:
            raise StoreError(f"cannot upgrade {self.path}: {err}") from None
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    @contextmanager
    def write(
        self, *, record: bool = True, reading: bool = False, undoable: bool = True
    ) -> Iterator[sqlite3.Connection]:
        """One write transaction, begun IMMEDIATE so concurrent writers queue instead of failing.

        With record (all but schema upgrades, which run before the history exists) the rows
        it changes are sealed into one change of `self.command` in the history; a command
        whose writes changed nothing is recorded as such (see _record_nothing). `reading`:
        a statement SQLite runs as a write but that changes nothing (check's index check),
        which leaves the store's journal mode as it is and records nothing. Not `undoable`: a
        write of what undo does not track (the search index, old history), which is no command
        that "changed nothing" either, so plain undo after it reaches the change before it.
        """
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        try:
            if not reading:
                self._in_wal_mode()
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError(_locked_message(self.path, err)) from None
        try:
            # Rows written by other programs (an SQLite shell, say) become their own change,
            # so they are neither credited to this command nor undone with it.
            if record:
                seal_change(conn, OUTSIDE, user="unknown")
            newest = _newest_change(conn) if record else None
            yield conn
            if record:
                sealed = seal_change(conn, self.command, change_id=self._change_id)
                nothing = sealed is None and _newest_change(conn) == newest
                self._record_nothing(conn, nothing, reading or not undoable)
            conn.execute("COMMIT")
            if record:
                self.save_new()
        except sqlite3.OperationalError as err:
            _rollback(conn)
            raise StoreError(_locked_message(self.path, err)) from None
        except BaseException:
            _rollback(conn)
            raise
        finally:
            self._change_id = None

    def _record_nothing(self, conn: sqlite3.Connection, nothing: bool, reading: bool) -> None:
        """After a write of this command: if it changed nothing (no change sealed, none made
        inside, as undo makes its own) and no earlier write of the command did either, record
        the command as one that changed nothing, so plain undo does not reach past it."""
        if not nothing:
            self._recorded = True
        elif not reading and not self._recorded:
            record_nothing(conn, self.command)

    def nothing_changed(self) -> None:
        """Record that this command changed nothing, for one that found so before writing."""
        if not self.new and not self.read_only:
            with self.write():
                pass

    def change_id(self) -> int:
        """The id of the change the current write transaction will be recorded as."""
        if not self.conn.in_transaction:
            raise RuntimeError("change_id() needs a write transaction")
        if self._change_id is None:
            self._change_id = begin_change(self.conn, self.command)
        return self._change_id


def _newest_change(conn: sqlite3.Connection) -> int | None:
    """The id of the newest change recorded."""
    newest = conn.execute("SELECT max(id) FROM changes").fetchone()[0]
    return int(newest) if newest is not None else None


def _configure(conn: sqlite3.Connection, timeout: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # REPLACE conflict deletions must reach the history triggers too.
    conn.execute("PRAGMA recursive_triggers = ON")


def _link(source: Path, target: Path) -> None:
    """Give `source` the name `target` unless that name exists; without hard links (some
    network and FAT file systems) by a rename after a check."""
    try:
        os.link(source, target)
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.rename(source, target)


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def busy_timeout() -> float:
    """Seconds a writer waits for another to finish: $CASETRACK_TIMEOUT, else 30."""
    text = os.environ.get(TIMEOUT_VAR)
    if not text:
        return BUSY_TIMEOUT_MS / 1000
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        raise StoreError(f"${TIMEOUT_VAR} must be a number of seconds, not {text!r}")
    return seconds


def _locked_message(path: Path, err: sqlite3.OperationalError) -> str:
    text = str(err)
    if "readonly" in text:
        return f"{path} is read-only: make it writable to change it"
    if "locked" in text or "busy" in text:
        return f"{path} is busy: another program held it for {busy_timeout():g} s; retry"
    return f"cannot use {path}: {text}"


def _read_header(conn: sqlite3.Connection) -> tuple[int, int, bool]:
    """application_id, user_version and whether the file holds no schema yet.

    One statement, so one snapshot: read apart, another process creating the same new store
    could commit in between, and its schema would be taken for a foreign one.
    """
    app_id, version, objects = conn.execute(
        "SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master)"
        " FROM pragma_application_id() AS a, pragma_user_version() AS v"
    ).fetchone()
    return int(app_id), int(version), objects == 0


def private_file(path: Path, named: Path | None = None, *, make_folder: bool = True) -> None:
    """Create the store file readable and writable by its owner only: legal work is confidential.

    `named` is the file messages name when `path` is a temporary one beside it; its folder
    is made if missing unless not `make_folder` (a backup's, checked before).
    """
    shown = named or path
    try:
        try:
            if make_folder:
                path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where its folder should be
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as err:
        raise StoreError(f"cannot create {shown}: {err.strerror}") from None
    except ValueError as err:
        raise StoreError(f"cannot use {str(shown)!r} as a store: {err}") from None
    os.close(fd)


_WAL_MAGIC = (0x377F0682, 0x377F0683)


def _check_files(path: Path) -> None:
    """Refuse what SQLite would silently make a store of, or mix into one: an empty file
    (SQLite writes a new store into it, and deletes a -wal beside it), or a rollback-mode
    copy, such as a backup put back, beside another store's -wal (SQLite would apply that
    -wal's pages to it)."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as err:
        raise StoreError(f"cannot read {path}: {err.strerror}") from None
    if not header:
        raise StoreError(
            f"{path} is an empty file, not a casetrack store: remove it to create a store"
            " there, or pass the store's path with --db"
        )
    if header.startswith(b"SQLite format 3\x00") and header[18] == 1 and _wal_in_use(path):
        raise StoreError(_mispaired(path, f"{path.name} is a rollback-mode copy, as backups are"))


def _wal_in_use(path: Path) -> bool:
    """Whether the -wal beside `path` holds frames SQLite would apply: a valid header and a
    first frame of the same salt (a -wal reset by a checkpoint holds none)."""
    try:
        with open(f"{path}-wal", "rb") as file:
            head = file.read(32 + 24)
    except OSError:
        return False
    return (
        len(head) == 56
        and int.from_bytes(head[:4], "big") in _WAL_MAGIC
        and head[16:24] == head[32 + 8 : 32 + 16]
    )


def _readable_without_wal(path: Path) -> bool:
    """Whether the store file reads as a database once its -wal is ignored: if so, an
    unreadable store is the -wal's doing."""
    if not os.path.exists(f"{path}-wal"):
        return False
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?immutable=1", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def _mispaired(path: Path, why: str) -> str:
    return (
        f"{path.name}-wal beside {path} is from another copy of the store ({why}): move"
        f" {path.name}-wal and {path.name}-shm to another folder, then retry (README:"
        " 'Nothing lost')"
    )


def _read_only_uri(path: Path) -> str | None:
    """The URI opening the store read-only when it or its folder cannot be written (read-only
    media, a read-only folder), else None. SQLite needs the -shm beside a store in WAL mode:
    when it cannot be made, the store is opened as immutable, which reads the file alone."""
    from urllib.parse import quote

    folder = os.access(path.parent, os.W_OK)
    if folder and os.access(path, os.W_OK):
        return None
    if folder or os.path.exists(f"{path}-shm"):
        return f"file:{quote(str(path))}?mode=ro"
    if _wal_in_use(path):
        raise StoreError(
            f"{path} is read-only and its latest changes are in {path.name}-wal, which cannot be"
            f" read without {path.name}-shm: copy the store and its -wal to a writable folder"
        )
    return f"file:{quote(str(path))}?immutable=1"
