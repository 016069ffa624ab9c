"""Looking after a store: consistent backups while others write, and a health check."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from casetrack.errors import CasetrackError
from casetrack.history_copies import copy_problems
from casetrack.output.files import (
    check_target,
    partial_path,
    remove_partial,
    replace_durably,
    require_folder,
)
from casetrack.row_words import row_noun, rows_said
from casetrack.search_index import stale_case_names
from casetrack.store import Store, private_file
from casetrack.text import plural

_T = TypeVar("_T")


def backup(store: Store, target: Path, *, force: bool = False) -> int:
    """Copy the store to `target` with SQLite's online backup API; returns its size in bytes.

    The copy is written beside the target and renamed into place, so a failed backup never
    leaves a half-written file, and it is readable by its owner only.
    """
    check_target(target, store.path, backup=True, force=force)
    try:
        require_folder(target)
    except (OSError, ValueError) as err:
        raise CasetrackError(f"cannot write a backup to {str(target)!r}: {err}") from None
    partial = partial_path(target)
    try:
        private_file(partial, target, make_folder=False)
        copy = sqlite3.connect(partial)
        try:
            store.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            problem = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
        if problem != "ok":
            raise CasetrackError(f"the backup failed its integrity check: {problem}")
        replace_durably(partial, target)
    except (OSError, sqlite3.Error) as err:
        raise CasetrackError(f"cannot write a backup to {target}: {err}") from None
    finally:
        remove_partial(partial)
    return target.stat().st_size


def check(store: Store) -> list[str]:
    """Every problem found, one line each: SQLite's own checks, then casetrack's.

    SQLite's checks read the whole file in C, without holding Python's lock: they run
    meanwhile in a thread of their own, on a connection of their own, as does the
    comparison of the search rows with the links (SQL alone, see search_rows.stale_rows),
    so that a check takes about as long as its longest part, not all of them (on a machine
    with cores to spare)."""
    from casetrack.search_rows import stale_rows

    if store.new:  # nothing saved for another connection to read
        return _sqlite_problems(store.conn) + _casetrack_problems(
            store, lambda: stale_rows(store.conn)
        )
    own = _apart(store, _sqlite_problems)
    rows = _apart(store, stale_rows)
    ours = _casetrack_problems(store, rows)
    return own() + ours


def _apart(store: Store, work: Callable[[sqlite3.Connection], _T]) -> Callable[[], _T]:
    """`work` started in a thread of its own, on a read-only connection of its own; returns
    what waits for its result."""
    from casetrack.threads import started

    def run() -> _T:
        conn = store.reader()
        try:
            return work(conn)
        finally:
            conn.close()

    return started(run)


def _sqlite_problems(conn: sqlite3.Connection) -> list[str]:
    """What SQLite's own integrity and foreign key checks find.

    The integrity check looks every row up in each of its table's indexes: with SQLite's
    default page cache (2 MiB) it reads most index pages again and again from the file, a
    system call each (at a million milestones 1.4 million of them, half its CPU time);
    32 MiB (taken only as the pages are read) keeps most of them."""
    conn.execute(f"PRAGMA cache_size = -{32 * 1024}")
    problems = [
        f"integrity: {r[0]}" for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"
    ]
    return problems + [
        f"links: {rows_said(table, rowid)} points to a {row_noun(parent)} that is not there"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]


def _casetrack_problems(store: Store, stale: Callable[[], tuple[int, int]]) -> list[str]:
    """What casetrack's own rules find: links to the trash, names, dates, text, the search
    index (`stale` says how many search rows are out of date and missing), the kept
    figures, leftover copies."""
    conn = store.conn
    problems = [
        f"trash: milestone {mid} is live but its case {slug!r} is in the trash"
        for mid, slug in conn.execute(
            "SELECT m.id, c.slug FROM milestones m JOIN cases c ON c.id = m.case_id"
            " WHERE m.deleted_at IS NULL AND c.deleted_at IS NOT NULL"
        )
    ]
    problems += _name_problems(conn)
    problems += _date_problems(conn)
    problems += _text_problems(conn)
    problems += _search_problems(store, stale)
    problems += _figure_problems(conn)
    problems += copy_problems(conn)
    problems += [
        f"leftover: {path} ({size:,} bytes) is a partial copy left by a backup, export or"
        " new store that was stopped: 'casetrack check --fix' removes it"
        for path, size in leftovers(store)
    ]
    return problems


def warnings(store: Store) -> list[str]:
    """What `check` says without failing: quotes not found on the document page they cite
    (a citation records it when written; `doc verify` checks them again), each with where
    to look, and how many were never checked (cited before casetrack checked quotes)."""
    conn = store.conn
    found = [
        f"quote not found on the page: milestone {mid} cites document {doc} ({title}) at page"
        f" {page}: “{quote}” ('casetrack doc show {doc}', 'casetrack edit {mid} --cite ...')"
        for mid, doc, title, page, quote in conn.execute(
            "SELECT ms.milestone_id, d.id, d.title, ms.page, ms.quote FROM milestone_sources ms"
            " JOIN sources s ON s.id = ms.source_id JOIN documents d ON d.id = s.document_id"
            " JOIN milestones m ON m.id = ms.milestone_id AND m.deleted_at IS NULL"
            " WHERE ms.quote_found = 0 ORDER BY ms.milestone_id, d.id"
        )
    ]
    (unchecked,) = conn.execute(
        # From the few documents' sources to their citations (CROSS JOIN keeps that order:
        # left to itself, SQLite read every citation of a large store).
        "SELECT count(*) FROM sources s CROSS JOIN milestone_sources ms ON ms.source_id = s.id"
        " CROSS JOIN document_pages p ON p.document_id = s.document_id"
        " AND p.page_index = ms.page_index WHERE s.document_id IS NOT NULL"
        " AND ms.quote IS NOT NULL AND ms.quote_found IS NULL AND p.text IS NOT NULL"
    ).fetchone()
    if unchecked:
        found.append(
            f"{plural(unchecked, 'quote')} of documents never checked against their page (cited"
            " before casetrack checked quotes): 'casetrack doc verify' checks them"
        )
    return found


def leftovers(store: Store) -> list[tuple[Path, int]]:
    """The hidden partial copies (see output.files.partial_path) whose writer is gone, with their
    sizes: a kill stops a backup or export before it can remove its copy. Looked for beside
    the store and in the current folder (where else exports went is not recorded)."""
    from casetrack.output.files import PARTIAL

    found = []
    for folder in dict.fromkeys((store.path.parent, Path.cwd())):
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.is_file(follow_symlinks=False):
                continue
            match = PARTIAL.fullmatch(entry.name)
            info = entry.stat(follow_symlinks=False)
            if (
                not _running(int(match["pid"]))
                if match
                else _EARLIER_PARTIAL.fullmatch(entry.name) and time.time() - info.st_mtime > 3600
            ):
                found.append((Path(entry.path), info.st_size))
    return found


# How earlier versions named an export's and a new store's partial copy, without a process
# id: one untouched for an hour belongs to no running command (writers write continuously).
_EARLIER_PARTIAL = re.compile(
    r"\..+\.[a-z0-9_]{8}\.tmp|\..+\.new-[0-9a-f]{12}(?:-journal|-wal|-shm)?"
)


def _running(pid: int) -> bool:
    """Whether process `pid` exists here (another user's counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, OSError):  # no such process id can exist
        return False
    return True


def remove_leftovers(store: Store) -> list[Path]:
    """Remove what `leftovers` finds; returns what was removed."""
    removed = []
    for path, _ in leftovers(store):
        try:
            path.unlink(missing_ok=True)
        except OSError as err:
            raise CasetrackError(f"cannot remove {path}: {err.strerror}") from None
        removed.append(path)
    return removed


def _search_problems(store: Store, stale: Callable[[], tuple[int, int]]) -> list[str]:
    """The search rows must equal what their view computes, and the FTS index must match them.

    search_rows.stale_rows compares the stored rows with what the links say, a table at a
    time in SQLite (tests/test_search_rows.py holds it to the view): the view itself, run
    both ways (EXCEPT), cost four times as much as rows put together in Python, and those
    twice what this costs."""
    conn = store.conn
    fix = "run 'casetrack search --rebuild'"
    out_of_date, missing = stale()
    problems = [
        f"search: {plural(count, 'milestone')} {what} in the search index: {fix}"
        for count, what in ((out_of_date, "out of date"), (missing, "missing"))
        if count
    ]
    if wrong := stale_case_names(conn):
        problems.append(
            f"search: {plural(wrong, 'case')} out of date in the index of case titles: {fix}"
        )
    check_fts = (
        "INSERT INTO milestone_search_fts (milestone_search_fts, rank)"
        " VALUES ('integrity-check', 1)"
    )
    try:
        if store.read_only:  # FTS5 checks itself as a write: check a private copy instead
            copy = sqlite3.connect("")  # a temporary file SQLite removes when closed
            try:
                conn.backup(copy)
                copy.execute(check_fts)
            finally:
                copy.close()
        else:  # as a write command, it waits for writers like one
            with store.write(reading=True):
                conn.execute(check_fts)
    except sqlite3.DatabaseError as err:
        problems.append(f"search: the full-text index is damaged ({err}): {fix}")
    return problems


def _figure_problems(conn: sqlite3.Connection) -> list[str]:
    """The figures `case list` shows (kept by triggers) must be what the milestones say."""
    from casetrack.cases import figures_out_of_step

    fix = "'casetrack check --fix' works them out again"
    return [
        f"figures: case {slug!r} has a milestone count or dates out of step with its"
        f" milestones: {fix}"
        if slug is not None
        else f"figures: kept for case {case_id}, which is gone: {fix}"
        for case_id, slug in figures_out_of_step(conn)
    ]


def _name_problems(conn: sqlite3.Connection) -> list[str]:
    """Party names, aliases and citations must be findable: their stored keys must match
    the names (a citation's is what close citations are found by)."""
    from casetrack.text import bare_key, citation_key, name_key

    problems = []
    keyers: tuple[tuple[str, str, str, Callable[[str], str | None]], ...] = (
        ("parties", "name_key", "name", name_key),
        ("party_aliases", "alias_key", "alias", name_key),
        ("parties", "bare_key", "name", bare_key),
        ("party_aliases", "bare_key", "alias", bare_key),
        ("sources", "citation_key", "url", citation_key),
    )
    for table, key_column, name_column, keyer in keyers:
        for row_id, name, key in conn.execute(
            f"SELECT id, {name_column}, {key_column} FROM {table}"
        ):
            if keyer(name) != key:
                problems.append(
                    f"names: {rows_said(table, row_id)} ({name!r}) has a stale lookup key"
                )
    return problems + _shared_name_problems(conn)


def _shared_name_problems(conn: sqlite3.Connection) -> list[str]:
    """Two parties of a store made before casetrack matched names punctuation aside ('A.B.
    Smith' and 'AB. Smith', or a name and another's alias) are both found by the name
    without its punctuation, which is refused as it could be either: each pair (the first
    party made with each other) is said with the merge that makes them one."""
    from casetrack.parties import shared_bare_keys
    from casetrack.text import shell_word

    return [
        f"names: parties {kept_id} ({kept!r}) and {other_id} ({other!r}) share the name"
        f" {bare!r}, punctuation aside: typed without it, that name finds neither; fold one"
        " into the other with"
        f" 'casetrack party merge {shell_word(kept)} {shell_word(other)}'"
        for bare, ((kept_id, kept), *others) in shared_bare_keys(conn).items()
        for other_id, other in others
    ]


def _text_problems(conn: sqlite3.Connection) -> list[str]:
    """Stored text must be what the milestone rules (casetrack.drafts) would store today:
    another program, or an older casetrack, may have written what `add` refuses, such as
    the escape sequences of a terminal (listings show them as symbols: see
    output.listings.shown)."""
    from casetrack.drafts import clean_kind, clean_role, clean_tag, optional_text, required_title
    from casetrack.text import article, clean_text

    def role(text: str) -> str:
        return clean_role(text) or ""

    rules: list[tuple[str, str, str, str, Callable[[str], object]]] = [
        ("milestones", "id", "milestone", "title", required_title),
        ("milestones", "id", "milestone", "kind", clean_kind),
        ("milestones", "id", "milestone", "location", optional_text),
        ("milestones", "id", "milestone", "note", optional_text),
        ("milestone_parties", "milestone_id", "milestone", "role", role),
        ("milestone_sources", "milestone_id", "milestone", "quote", optional_text),
        ("milestone_sources", "milestone_id", "milestone", "page", optional_text),
        ("milestone_sources", "milestone_id", "milestone", "paragraph", optional_text),
        ("milestone_tags", "milestone_id", "milestone", "tag", clean_tag),
        ("parties", "id", "party", "name", clean_text),
        ("party_aliases", "party_id", "party", "alias", clean_text),
        ("sources", "id", "source", "url", clean_text),
        ("sources", "id", "source", "title", optional_text),
        ("sources", "id", "source", "publisher", optional_text),
        ("cases", "id", "case", "title", clean_text),
        *(("cases", "id", "case", field, optional_text)
          for field in ("jurisdiction", "court", "docket", "summary")),
    ]  # fmt: skip
    # Names from a small vocabulary (kinds, roles, tags) are checked once per distinct
    # value, through their indexes; free text only where SQLite finds something a rule could
    # change: empty, anything but printable ASCII, or space at either end. Text without
    # any of those is what every rule here keeps as it is (see text.clean_text). GLOB reads
    # text up to a NUL, as length() counts it: a NUL shows as bytes beyond that length,
    # as does any letter beyond ASCII (so the costlier GLOB is left to text without one).
    vocabulary = {"kind", "role", "tag"}
    changeable = " OR ".join(
        ("{column} = ''", "length(CAST({column} AS BLOB)) != length({column})",
         "trim({column}) != {column}", "{column} GLOB '*[^ -~]*'")
    )  # fmt: skip
    found: dict[int, list[tuple[int, str]]] = {}  # rule -> (row id, value) it would change
    free: dict[tuple[str, str], list[int]] = {}  # (table, owner) -> its free-text rules
    for number, (table, owner, _, column, rule) in enumerate(rules):
        if column not in vocabulary:
            free.setdefault((table, owner), []).append(number)
            continue
        bad = [v for (v,) in conn.execute(f"SELECT DISTINCT {column} FROM {table}")
               if v is not None and not _kept(rule, v)]  # fmt: skip
        found[number] = sorted(
            (row_id, value)
            for value in bad
            for (row_id,) in conn.execute(
                f"SELECT {owner} FROM {table} WHERE {column} = ?", (value,)
            )
        )
    for (table, owner), numbers in free.items():  # one pass over each table
        columns = [rules[n][3] for n in numbers]
        where = " OR ".join(f"({changeable.format(column=c)})" for c in columns)
        for row_id, *values in conn.execute(
            f"SELECT {owner}, {', '.join(columns)} FROM {table} WHERE {where}"
        ):
            for number, value in zip(numbers, values, strict=True):
                if value is not None and not _kept(rules[number][4], value):
                    found.setdefault(number, []).append((row_id, value))
    return [
        f"text: {rules[n][2]} {row_id} has {article(rules[n][3])} that casetrack would refuse or"
        f" store cleaned: {value!r}"
        for n in range(len(rules))
        for row_id, value in found.get(n, [])
    ]


def _kept(rule: Callable[[str], object], value: str) -> bool:
    """Whether a rule keeps a stored value as it is (a refusal does not)."""
    try:
        return rule(value) == value
    except CasetrackError:
        return False


def _date_problems(conn: sqlite3.Connection) -> list[str]:
    """A milestone's stored bounds and sort keys must be what its date text means; its place
    on the timeline (sort_key) may be one `move` gave it, on a day the date allows."""
    from casetrack.dates import DateError, DateValue, key_fits, parse_date
    from casetrack.drafts import DATE_COLUMNS, date_values

    # Dates repeat: each distinct set of stored date columns is read once (SQLite groups
    # them), its text parsed once, and compared here with what the text means; only the
    # milestones of a set found wrong are read again, to say which they are.
    meant: dict[object, DateValue | None] = {}
    wrong: dict[tuple[object, ...], str] = {}  # stored columns -> what is wrong with them
    for stored in conn.execute(f"SELECT DISTINCT {', '.join(DATE_COLUMNS)} FROM milestones"):
        text = stored[0]
        if text not in meant:
            try:
                meant[text] = parse_date(text)
            except DateError:
                meant[text] = None
        parsed = meant[text]
        if parsed is None:
            wrong[stored] = f"has an unreadable date {text!r}"
            continue
        expected = date_values(parsed)
        if stored == expected:
            continue
        names = [n for n, a, b in zip(DATE_COLUMNS, stored, expected, strict=True) if a != b]
        if names[-1] == "sort_key" and key_fits(parsed, str(stored[-1])):
            names.pop()
        if names:
            wrong[stored] = f"({text!r}) has stored {', '.join(names)} out of step with its text"
    if not wrong:
        return []
    return [
        f"dates: milestone {mid} {wrong[stored]}"
        for mid, *row in conn.execute(
            f"SELECT id, {', '.join(DATE_COLUMNS)} FROM milestones ORDER BY id"
        )
        if (stored := tuple(row)) in wrong
    ]
