"""Which reader takes a file to import, and reading it: here rather than in the command line,
so that a Python caller reads a file exactly as `casetrack import` does.

A file's format is --format's, else its name's (exchange.import_format), else its first
line's; JSON that does not open as casetrack's own export does is a court docket
(exchange.dockets). A large JSON Lines file is read by a worker process (importer.JsonlFile).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from casetrack.errors import CasetrackError, OptionRefused
from casetrack.exchange import import_format

if TYPE_CHECKING:
    import sqlite3

    from casetrack.exchange.importer import ImportReport, JsonlFile
    from casetrack.exchange.jsonfmt import Record
    from casetrack.exchange.merge import Export
    from casetrack.store import Store

# How much of a file's start decides its format: enough for a long first JSON Lines record.
HEAD = 4096


def shown_name(path: str) -> str:
    """How a file to read is named in messages: '-' is standard input."""
    return "<stdin>" if path == "-" else path


@contextmanager
def opened(path: str) -> Iterator[tuple[io.BufferedReader, int | None]]:
    """The file at `path` ('-': standard input) open for reading, and its size when known; a
    file that cannot be opened is refused in one line, naming the closest file of its folder.
    `casetrack extract` opens its files here too, so this module imports no reader at its top."""
    if path == "-":
        raw: Any = sys.stdin.buffer
        # Test runners hand over a BytesIO, which cannot peek at the first line.
        yield raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw), None
        return
    with _open(path) as raw:
        yield raw, os.fstat(raw.fileno()).st_size


def _open(path: str) -> io.BufferedReader:
    """The file open, or one line saying why not: only the opening is refused here, so an
    error of what reads it is not said to be the file's."""
    from casetrack.text import check_file_name, unreadable_file

    check_file_name(path)
    try:
        return open(path, "rb")
    except OSError as err:
        raise CasetrackError(f"cannot read {path}: {unreadable_file(path, err)}") from None


def _head(raw: io.BufferedReader, name: str, doing: str) -> str:
    """The start of the file, which says its format; an empty file is refused, as it holds
    nothing to `doing` (an empty import once said "imported: nothing" and succeeded)."""
    head = raw.peek(HEAD)[:HEAD]
    if not head:
        raise CasetrackError(f"{name} is empty: nothing to {doing}")
    return head.decode("utf-8", "replace")


def _text(raw: io.BufferedReader) -> TextIO:
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


@dataclass
class ImportInput:
    """A file to import with its reader chosen. `total` is what progress counts to: the
    file's bytes, or a docket's entries (None when unknown); `case` is what import_records
    is given (a docket's records name their case themselves)."""

    name: str
    raw: io.BufferedReader
    records: Iterable[Record] | JsonlFile
    docket: bool
    total: int | None
    case: str | None


def choose_reader(
    conn: sqlite3.Connection,
    raw: io.BufferedReader,
    name: str,
    size: int | None,
    *,
    fmt: str | None = None,
    shape: str | None = None,
    case: str | None = None,
    attorneys: bool = False,
) -> ImportInput:
    """The reader of `raw` (named `name`, `size` bytes): `fmt` one of IMPORT_FORMATS, or a
    docket of `shape` (exchange.DOCKET_SHAPES) when given or detected; a docket is read whole
    here, to refuse it before anything is written, as is a `case` that is likely a slip
    for another (cases.refuse_near_case)."""
    from casetrack.exchange.dockets import Options, docket_records, is_casetrack_json

    if case:
        from casetrack.cases import refuse_near_case

        refuse_near_case(conn, case)
    head = _head(raw, name, "import")
    chosen = fmt or import_format(name, head)
    docket = shape is not None or (fmt is None and chosen == "json" and not is_casetrack_json(head))
    if attorneys and not docket:
        raise OptionRefused("--attorneys", "only a docket has attorneys")
    if docket:
        options = Options(shape, case.strip() if case else None, attorneys)
        entries = docket_records(conn, raw, name, options)
        return ImportInput(name, raw, entries, True, len(entries), None)
    if chosen == "jsonl" and size is not None:
        from casetrack.exchange.importer import JsonlFile

        # A file, not a pipe: large, it is read by a worker process.
        return ImportInput(name, raw, JsonlFile(_text(raw), name, size), False, size, case)
    from casetrack.exchange.jsonfmt import read_json, read_jsonl

    readers: dict[str, Callable[[TextIO, str], Iterator[Record]]] = {
        "json": read_json, "jsonl": read_jsonl, "csv": _read_csv,
    }  # fmt: skip
    return ImportInput(name, raw, readers[chosen](_text(raw), name), False, size, case)


def _read_csv(stream: TextIO, name: str) -> Iterator[Record]:
    from casetrack.exchange.csvfmt import read_csv

    return read_csv(stream, name)


def import_input(
    store: Store,
    given: ImportInput,
    *,
    dry_run: bool = False,
    overwrite: bool = False,
    on_progress: Callable[[int], None] | None = None,
    on_finishing: Callable[[], None] | None = None,
) -> ImportReport:
    """Import what choose_reader chose, all or nothing (importer.import_records).
    `on_progress` is told how far it is, counted as `given.total` is."""
    from casetrack.exchange.importer import import_records

    records = given.records
    on_batch: Callable[[], None] | None = None
    if on_progress is not None and isinstance(records, list):  # a docket's entries
        records = _counted(records, on_progress)
    elif on_progress is not None:
        tell = on_progress

        def on_batch() -> None:
            tell(given.raw.tell())

    try:
        return import_records(
            store, records, given.name, dry_run=dry_run, case=given.case,
            on_batch=on_batch, on_finishing=on_finishing,
            overwrite=overwrite, by_field=given.docket,  # an entry keeps the fields edited here
        )  # fmt: skip
    except UnicodeDecodeError:
        raise CasetrackError(
            f"{given.name} is not UTF-8 text: save it as UTF-8 CSV or JSON"
        ) from None


def _counted(records: Iterable[Record], tick: Callable[[int], None]) -> Iterator[Record]:
    """The records, telling `tick` how many were read every hundred."""
    for done, record in enumerate(records):
        if done % 100 == 0:
            tick(done)
        yield record


def read_export_file(path: str, fmt: str | None = None) -> Export:
    """A casetrack JSON or JSON Lines export read whole, for a merge (exchange.merge); a CSV
    sheet or a docket is refused, having no uids to merge by."""
    from casetrack.exchange.dockets import is_casetrack_json
    from casetrack.exchange.jsonfmt import read_json, read_jsonl
    from casetrack.exchange.merge import read_export

    name = shown_name(path)
    with opened(path) as (raw, _):
        head = _head(raw, name, "merge")
        chosen = fmt or import_format(path, head)
        if chosen == "csv" or (chosen == "json" and not is_casetrack_json(head)):
            raise CasetrackError(
                f"{name} is not a casetrack JSON or JSON Lines export: a merge needs the uid of"
                " every record (make one with 'casetrack export -o FILE.jsonl')"
            )
        reader = read_jsonl if chosen == "jsonl" else read_json
        try:
            return read_export(reader(_text(raw), name), name)
        except UnicodeDecodeError:
            raise CasetrackError(f"{name} is not UTF-8 text: not a casetrack export") from None
