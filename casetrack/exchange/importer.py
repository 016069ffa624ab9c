"""Importing records all or nothing: validate every one, write in batches, in ONE transaction.

Readers (JSON, JSONL, CSV) turn a file into (line, type, record) tuples in the JSON shape;
this module checks them with the same rules as the everyday commands, matches what the
store already holds (uids first; parties also by name or alias, sources by URL, cases by
slug) and inserts milestones with executemany. Any bad record aborts the import with every
error listed as FILE:LINE: what is wrong, and nothing is written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import io
import itertools
import json
import marshal
import multiprocessing
import os
import pickle
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Protocol, TextIO

from casetrack.bulk_mode import BULK_CACHE_KIB, BulkInserts, bulk_inserts, page_cache
from casetrack.cases import CASE_FIELDS, add_case, refuse_near_case, set_case_fields
from casetrack.clock import now
from casetrack.dates import calendar_doubted, calendar_doubts, parse_date
from casetrack.drafts import (
    CANONICAL_UUID,
    DEFAULT_KIND,
    MILESTONE_COLUMNS,
    Checked,
    Citation,
    Draft,
    PartySpec,
    check,
    check_status,
    check_uid,
    checked_date,
    clean_kind,
    clean_role,
    clean_tag,
    optional_text,
    parse_party_spec,
    parsed_date,
    pinpoint_page,
    pinpoint_paragraph,
    required_title,
)
from casetrack.errors import CasetrackError
from casetrack.exchange.jsonfmt import Record, read_jsonl
from casetrack.history import edited_fields, edited_here
from casetrack.history_sql import Layout, SpanHasher, json_as_sqlite, table_layout
from casetrack.milestones import load_milestones
from casetrack.models import Milestone
from casetrack.parties import (
    NamesAside,
    add_aliases,
    check_party_kind,
    create_party,
    find_party_id,
    party_id_spelt,
    party_row,
    valid_name,
)
from casetrack.search_built import IndexBuilder, IndexPlan, index_plan, put_index
from casetrack.search_rows import LinkLabels, add_labels, link_label_parts, search_texts
from casetrack.sources import create_source, same_urls, source_row
from casetrack.sql import placeholders
from casetrack.store import Store
from casetrack.tables import LINK_TABLES
from casetrack.text import bare_key, clean_text, name_key, noun, plural
from casetrack.writer import (
    INSERT_COLUMNS,
    LINK_COLUMNS,
    MilestoneWriter,
    PartyLinkRow,
    Ready,
    Row,
    SourceLinkRow,
    milestone_values,
    remember,
)

BATCH = 500
MAX_LISTED_ERRORS = 1000
# A JSON Lines file this large (some 5,000 milestones) is read by a worker process (_Worker)
# when the store holds no milestone; a smaller one in-process, with no process to start.
WORKER_FROM = 4 << 20
WORKER_BATCH = 1000
# A worker's item: (line, Row, search row) of exported_milestone's records in a row.
_PREPARED = "prepared milestones"
# A worker's items: (line, record, ready_party's or ready_source's row) of records in a row.
_PARTIES = "prepared parties"
_SOURCES = "prepared sources"
# A part of what a worker is told the store holds (_Importer.snapshot): (field, rows).
_SnapshotPart = tuple[str, list[Any]]
_SNAPSHOT_PART = 20_000
# An import that has added this many milestones, and more than the store held before (or
# any, into a store that held none), goes on without the read indexes of the milestone and
# link tables and builds them at the end.
REINDEX_AFTER = 50_000
_TRUE = ("yes", "y", "true", "1", "x")
_FALSE = ("no", "n", "false", "0", "")


class ImportFailed(CasetrackError):
    """Some records are wrong; the message lists them all, and nothing was written."""


class _DryRun(Exception):
    """Raised at the end of a dry run to roll the transaction back."""


@dataclass
class ImportReport:
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)
    # Milestones edited here since last imported (history.edited_here) that the file has
    # otherwise: kept as they are, or with `overwrite` replaced (and so listed).
    kept: list[int] = field(default_factory=list)
    overwritten: list[int] = field(default_factory=list)
    # The same for cases, parties and sources, named ("case 'nec-2003'").
    kept_records: list[str] = field(default_factory=list)
    overwritten_records: list[str] = field(default_factory=list)
    # A docket's entries are kept field by field (history.edited_fields): each field edited
    # here that the docket says otherwise stays as edited, the rest says what the docket says.
    kept_fields: list[KeptField] = field(default_factory=list)
    # Entries whose only differences from the docket were such edits: nothing written.
    kept_entries: int = 0
    # Entries in the trash that the docket has otherwise: left there untouched, as trashed.
    in_trash: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class KeptField:
    """A field of a milestone edited here that an import by field kept: what it says
    (ours) and what the file says (theirs), as a listing shows them; '' for links."""

    milestone: int
    field: str
    ours: str
    theirs: str


def _shown_fields(ready: Ready) -> dict[str, str]:
    """A milestone's fields as a person reads them (edited_fields' names): the date as
    listings show it, texts as they are; its links by their ids (only compared)."""
    from casetrack.dates import display_date

    c = ready.checked
    return {
        "case": c.case, "date": display_date(c.date), "place": c.place, "kind": ready.kind,
        "title": c.title, "location": c.location or "", "note": c.note or "",
        "status": c.status, "key": "yes" if c.key else "no", "tags": ", ".join(c.tags),
        "parties": repr(ready.parties), "sources": repr(ready.sources),
    }  # fmt: skip


@dataclass(slots=True)
class _Row:
    """A checked milestone waiting in a batch: what the writer inserts, and (unless a worker
    process read it, only for a store that held no milestone to update) what it updates; a
    worker also works out its search row."""

    line: int | str
    row: Row
    ready: Ready | None
    search: tuple[object, ...] | None = None

    def same_as(self, record: Milestone) -> bool:
        """Whether the stored milestone already says exactly this."""
        assert self.ready is not None
        c = self.ready.checked
        return bool(
            (record.case, record.date.text, record.kind, record.title, record.location,
             record.note, record.status, record.key, record.tags, record.sort_key)
            == (c.case, c.date.text, self.ready.kind, c.title, c.location, c.note,
                c.status, c.key, c.tags, c.place)
            and [(p.party_id, p.role or "") for p in record.parties] == self.ready.parties
            and [(s.id, s.quote, s.page, s.paragraph, s.page_index, s.quote_found)
                 for s in record.sources] == self.ready.sources
        )  # fmt: skip


def import_records(
    store: Store,
    records: Iterable[Record] | JsonlFile,
    name: str,
    *,
    dry_run: bool = False,
    case: str | None = None,
    on_batch: Callable[[], None] | None = None,
    on_finishing: Callable[[], None] | None = None,
    overwrite: bool = False,
    by_field: bool = False,
    then: Callable[[], None] | None = None,
) -> ImportReport:
    """Check and write every record in one transaction; on any error write nothing.

    A milestone edited here since it was last imported (or made) keeps our version where the
    file says something else, unless `overwrite`: see ImportReport.kept; `by_field` (a
    docket) keeps only the fields edited here and takes the rest from the file: see
    ImportReport.kept_fields. `then` writes more
    in the same transaction once the records are written (a merge's deletions).

    `on_batch` runs after each batch is written; `on_finishing` once every record is, before
    the history, the search index and any indexes set aside are written (a minute at 1M).
    """
    # Millions of records and row tuples pass through, none in a reference cycle: the cycle
    # collector would only rescan the growing caches over and over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        # New rows land all over the uid and link indexes: a larger page cache keeps those
        # pages from being written out and read back again and again (20% faster at 100k).
        # A worker process reading the file stays until the bulk block's end, which may take
        # the full-text index it built (_Worker.copy_index).
        with (
            page_cache(store.conn, BULK_CACHE_KIB),
            store.write(),
            contextlib.ExitStack() as workers,
            bulk_inserts(store.conn, store.change_id()) as bulk,
        ):
            importer = _Importer(store, name, case.strip() if case else None, bulk)
            importer.workers = workers
            importer.overwrite = overwrite
            importer.by_field = by_field
            importer.run(records, on_batch)
            if importer.errors or importer.error_count:
                raise importer.failure()
            if then:
                bulk.given_digests.clear()  # what it writes is in no digest the worker took
                then()
            if dry_run:
                raise _DryRun
            if on_finishing:
                on_finishing()
    except _DryRun:
        pass
    finally:
        if collecting:
            gc.enable()
    return importer.report


def _given(value: Any, what: str) -> str | None:
    """A text field as the file gives it, for drafts.check to clean: its type is checked
    here (the check cleaning it again cost an import a tenth of its reading)."""
    if value is None or isinstance(value, str):
        return value
    raise CasetrackError(f"{what} must be text, not {type(value).__name__}")


def _text(value: Any, what: str) -> str | None:
    """A text field cleaned, empty meaning none."""
    given = _given(value, what)
    return None if given is None else clean_text(given) or None


def _uid(value: Any) -> str:
    """The record's uid in canonical form, or a new one when it has none."""
    return check_uid(None if value is None or value == "" else str(value))


def _flag(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    text = "" if value is None else str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return int(text in _TRUE)
    raise CasetrackError(f"bad key value {value!r}: use yes or no")


def _files_not_read(paths: list[str], changed: bool) -> str:
    """Why the pages of imported documents were not read: their files were not found, or
    were found with other bytes than the export's (`changed`); and what attaches them."""
    n = len(paths)
    listed = f"({paths[0]}{', ...' if n > 1 else ''})"
    it, its = noun(n, "it", "each"), noun(n, "its", "their")
    if changed:
        where = f"{noun(n, 'is', 'are')} there with other bytes than {noun(n, 'it', 'they')} had"
        then = (
            f" ('casetrack doc verify' says changed); 'casetrack doc add COPY' of the bytes {it}"
            f" had attaches {it}"
        )
    else:
        where = f"{noun(n, 'was', 'were')} not found"
        then = (
            f"; 'casetrack doc add FILE' of the same bytes attaches {it} ('casetrack doc verify'"
            " lists them)"
        )
    return (
        f"the {noun(n, 'file')} of {plural(n, 'document')} {where} {listed}: {its} pages are not"
        f" read{then}"
    )


def _done_at(value: Any) -> str | None:
    """When a sheet's done cell says a deadline was met: the time export writes (in UTC), or
    now for yes (or done); None for no or an empty cell."""
    from datetime import UTC, datetime

    text = "" if value is None else str(value).strip()
    if text.lower() in _FALSE:
        return None
    if text.lower() in (*_TRUE, "done"):
        return now()
    try:
        met = datetime.fromisoformat(text)
    except ValueError:
        met = None
    if met is None or met.tzinfo is None:
        raise CasetrackError(
            f"bad done value {text!r}: write yes, or when the deadline was met as export"
            " writes it (2024-07-15T09:30:00+00:00)"
        )
    return met.astimezone(UTC).isoformat(timespec="seconds")


def _list(record: dict[str, Any], field: str) -> list[Any]:
    """A field holding a list (none: an empty one)."""
    value = record.get(field)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise CasetrackError(f"{field} must be a list")
    return value


def _listed(value: Any) -> list[Any] | None:
    """A list field as _list takes it, None where _list would refuse it."""
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else None


def _record(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CasetrackError(f"a {what} must be an object")
    return value


def _party_spec(item: Any) -> PartySpec:
    """A party link as the file gives it: {"spec": "NAME:ROLE"}, or name, party uid, role.
    An export's link (uid, name and role as text) is taken as it is: what _any_party_spec
    makes of it, without its checks one by one (an import reads one per party and milestone)."""
    if type(item) is dict and "spec" not in item:
        raw_uid, name, role = item.get("party"), item.get("name"), item.get("role")
        if (
            type(raw_uid) is str and raw_uid and type(name) is str
            and (role is None or type(role) is str)
        ):  # fmt: skip
            return PartySpec(name, role, raw_uid)
    return _any_party_spec(item)


def _any_party_spec(item: Any) -> PartySpec:
    item = _record(item, "link")
    if "spec" in item:
        return parse_party_spec(str(item["spec"]), role_kept=item.get("kept") is True)
    raw_uid = item.get("party")
    return PartySpec(
        _given(item.get("name"), "party name") or "",
        _given(item.get("role"), "role"),
        None if raw_uid is None or raw_uid == "" else str(raw_uid),
    )


def _citation(item: Any) -> Citation:
    """A source link as the file gives it: source uid, url, quote, page, paragraph. An
    export's link is taken as it is, as _party_spec takes a party link."""
    if type(item) is dict:
        raw_uid, url = item.get("source"), item.get("url")
        quote, page, paragraph = item.get("quote"), item.get("page"), item.get("paragraph")
        if (
            type(raw_uid) is str and raw_uid and type(url) is str
            and (quote is None or type(quote) is str) and (page is None or type(page) is str)
            and (paragraph is None or type(paragraph) is str)
        ):  # fmt: skip
            return Citation(url, quote, page, paragraph, raw_uid, None, item.get("page_index"))
    return _any_citation(item)


def _any_citation(item: Any) -> Citation:
    item = _record(item, "link")
    raw_uid = item.get("source")
    return Citation(
        _given(item.get("url"), "source url") or "",
        _given(item.get("quote"), "quote"),
        _given(item.get("page"), "page"),
        _given(item.get("paragraph"), "paragraph"),
        None if raw_uid is None or raw_uid == "" else str(raw_uid),
        page_index=item.get("page_index"),
        title=_given(item.get("title"), "source title"),
    )


class _Known(Protocol):
    """What reading an export's milestone record needs of the store (None: not held)."""

    # Whether known_party and known_source find only uids written as casetrack writes them
    # (CANONICAL_UUID), so that a link's uid they find needs no matching of its own.
    finds_canonical_only: bool

    def known_case_id(self, slug: str) -> int | None: ...

    def known_kind(self, kind: str) -> str:
        """The kind as stored; CasetrackError if the store has no such kind."""
        ...

    def known_party(self, uid: str) -> int | None: ...

    def known_source(self, uid: str) -> int | None:
        """The source of that uid, unless it is a registered document's."""
        ...


@dataclass(slots=True)
class _SpanStart:
    """Where the milestones a worker makes ready will go, so that it can take the digests of
    the spans of history they make (_Spans): the clock stamp, the first milestone id and link
    rowids the importer gives them, and the tables' columns."""

    stamp: str
    first_id: int
    first_rowids: dict[str, int]
    layouts: dict[str, Layout]


@dataclass(slots=True)
class _Snapshot:
    """_Known as the importer knew it when a worker process began reading milestones: what
    it does not hold, the worker leaves to the importer (its lookups only grow)."""

    cases: dict[str, int]
    kinds: set[str]
    parties: dict[str, int]
    sources: dict[str, int]
    labels: LinkLabels
    index: IndexPlan  # for the full-text index of the milestones it makes ready
    spans: _SpanStart
    finds_canonical_only = True  # _Importer.snapshot keeps only those

    def known_case_id(self, slug: str) -> int | None:
        return self.cases.get(slug.lower())

    def known_kind(self, kind: str) -> str:
        if kind not in self.kinds:
            raise CasetrackError(f"unknown kind {kind!r}")  # the importer says it in full
        return kind

    def known_party(self, uid: str) -> int | None:
        return self.parties.get(uid)

    def known_source(self, uid: str) -> int | None:
        return self.sources.get(uid)

    def add(self, field: str, rows: list[Any]) -> None:
        """A part of its parties, sources or link labels (_Importer.snapshot)."""
        if field == "party uids":
            self.parties.update(rows)
        elif field == "source uids":
            self.sources.update(rows)
        else:
            add_labels(self.labels, field, rows)


def exported_milestone(record: dict[str, Any], known: _Known) -> Ready | None:
    """A milestone record of an export's shape, made ready by the rules' own functions,
    each value taken as the general reading (Draft, check, resolve) would take it, but
    without the objects and steps that reading makes for any shape; None for anything
    else (a value of another type, a link to a party or source the store does not hold
    by its uid, a document's page, a place or deadline), which goes that way.
    tests/test_import_fast_paths.py holds both to the same stores and refusals."""
    get = record.get
    uid, slug, title, date = get("uid"), get("case"), get("title"), get("date")
    kind, location, note, status, key = (
        get("kind"), get("location"), get("note"), get("status"), get("key"),
    )  # fmt: skip
    if not (
        type(uid) is str and CANONICAL_UUID.fullmatch(uid) is not None
        and type(slug) is str and type(title) is str
        and (date is None or type(date) is str) and (kind is None or type(kind) is str)
        and (location is None or type(location) is str)
        and (note is None or type(note) is str) and (status is None or type(status) is str)
        and (key is None or type(key) is bool)
        and get("sort_key") is None and get("deadline") is None
        and get("case_title") is None and get("done") is None
    ):  # fmt: skip
        return None
    parties, sources, tags = (_listed(get(f)) for f in ("parties", "sources", "tags"))
    if parties is None or sources is None or tags is None:
        return None
    case = clean_text(slug)
    case_id = known.known_case_id(case) if case else None
    if case_id is None:
        return None
    pairs = _exported_parties(parties, known)
    rows = _exported_sources(sources, known)
    if pairs is None or rows is None or any(t is not None and type(t) is not str for t in tags):
        return None
    checked = Checked(
        case, uid, checked_date(_text(date, "date") or ""), required_title(title),
        known.known_kind(clean_kind(kind or "other") or DEFAULT_KIND), optional_text(location),
        optional_text(note), check_status(_text(status, "status") or "undisputed"),
        bool(key), tags=sorted({t for t in map(clean_tag, [t or "" for t in tags]) if t}),
    )  # fmt: skip
    return Ready(checked, case_id, checked.kind, pairs, rows)


def _exported_parties(links: list[Any], known: _Known) -> list[PartyLinkRow] | None:
    """An export's party links (party uid, name, role), each of a party the store holds
    by that uid, named once: as check_party and MilestoneWriter.party_pairs make them."""
    pairs = []
    match = not known.finds_canonical_only
    for item in links:
        if type(item) is not dict or "spec" in item:
            return None
        uid, name, role = item.get("party"), item.get("name"), item.get("role")
        if not (
            type(uid) is str and (not match or CANONICAL_UUID.fullmatch(uid) is not None)
            and type(name) is str and (role is None or type(role) is str)
        ):  # fmt: skip
            return None
        clean_text(name)  # refuses what check_party refuses in a name (control characters)
        role = clean_role(role)
        party_id = known.known_party(uid)
        if party_id is None:
            return None
        pairs.append((party_id, role or ""))
    if len({party_id for party_id, _ in pairs}) != len(pairs):
        return None
    return pairs


def _exported_sources(links: list[Any], known: _Known) -> list[SourceLinkRow] | None:
    """An export's source links (source uid, URL, pinpoint), each of a source the store
    holds by that uid and not a document, cited once: as check_citation and
    MilestoneWriter.pinpoints make them."""
    rows: list[SourceLinkRow] = []
    match = not known.finds_canonical_only
    for item in links:
        if type(item) is not dict:
            return None
        uid, url = item.get("source"), item.get("url")
        quote, page, paragraph = item.get("quote"), item.get("page"), item.get("paragraph")
        if not (
            type(uid) is str and (not match or CANONICAL_UUID.fullmatch(uid) is not None)
            and (url is None or type(url) is str) and (quote is None or type(quote) is str)
            and (page is None or type(page) is str)
            and (paragraph is None or type(paragraph) is str)
            and item.get("page_index") is None
        ):  # fmt: skip
            return None
        clean_text(url or "")  # refused as the reading refuses it
        source_id = known.known_source(uid)
        if source_id is None:
            return None
        rows.append((source_id, optional_text(quote), pinpoint_page(page),
                     pinpoint_paragraph(paragraph), None, None))  # fmt: skip
    if len({row[0] for row in rows}) != len(rows):
        return None
    return rows


# ready_party's row: uid, name, name key, kind, bare key (what create_party writes), the
# aliases as add_aliases would add them to a new party (alias, key, bare key), and every key
# party() and add_aliases would look the store up by.
_PartyRow = tuple[str, str, str, str, str, list[tuple[str, str, str]], list[str]]
# ready_source's row: uid, URL, title, publisher, publication date, citation key (what
# create_source writes: source_row), and every URL source() would look the store up by.
_SourceRow = tuple[str, str, str | None, str | None, str | None, str | None, list[str]]


def ready_party(record: Any) -> _PartyRow | None:
    """A party record as _Importer.party reads it, made ready for a party new to the store
    (party_row, and its aliases less those of a key or bare key it already has, as
    add_aliases skips them), with every key party() would look the store up by; None where
    a check refuses it, for the importer to say why."""
    try:
        record = _record(record, "party")
        name = _text(record.get("name"), "name") or ""
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list) or any(type(a) is not str for a in aliases):
            return None
        uid = _uid(record.get("uid"))
        kind = check_party_kind(_text(record.get("kind"), "kind") or "other")
        row = party_row(name, kind, uid)
        added: list[tuple[str, str, str]] = []
        keys, bares = {row[2]: None}, {row[4]}
        for alias in aliases:
            cleaned = valid_name(alias)
            key, bare = name_key(cleaned), bare_key(cleaned)
            if key not in keys and not (bare and bare in bares):
                keys[key] = None
                bares.add(bare)
                added.append((cleaned, key, bare))
    except CasetrackError:
        return None
    looked = {name_key(name): None, **{name_key(a): None for a in aliases}, **keys}
    looked.update(dict.fromkeys(bare_key(typed) for typed in (name, *aliases)))
    looked.pop("", None)
    return (*row, added, list(looked))


def ready_source(record: Any) -> _SourceRow | None:
    """A source record as _Importer.source reads it, made ready for a source new to the
    store (source_row); None where a check refuses it, for the importer to say why."""
    try:
        record = _record(record, "source")
        url = _text(record.get("url"), "url")
        if not url or url.isdigit():
            return None
        uid = _uid(record.get("uid"))
        fields = {f: _text(record.get(f), f) for f in ("title", "publisher", "published")}
        if fields["published"]:
            fields["published"] = parsed_date(fields["published"]).text
        row = source_row(url, fields["title"], fields["publisher"], fields["published"], uid)
    except CasetrackError:
        return None
    return (*row, list(dict.fromkeys([*same_urls(url), row[1]])))


# Where a milestone row's values hold its first day (its last follows, its date as typed
# comes before).
_START = MILESTONE_COLUMNS.index("date_start")
# The worker's tags for runs of records it made ready, by record type.
_READY = {"party": (_PARTIES, ready_party), "source": (_SOURCES, ready_source)}


class _Importer:
    def __init__(self, store: Store, name: str, case: str | None, bulk: BulkInserts | None) -> None:
        """Made inside the import's write transaction: the writer counts ids on from the
        store's."""
        self.store = store
        self.conn: sqlite3.Connection = store.conn
        self.name = name
        self.case = case
        self.report = ImportReport()
        self.errors: list[str] = []
        self.error_count = 0
        self.case_ids: dict[str, int] = {}
        self.made_cases: set[str] = set()  # slugs (lowercase) of the cases this import made
        self.batch: list[_Row] = []
        # Deadline links (milestone uid, line, link): written once every milestone is.
        self.deadlines: list[tuple[str, int | str, dict[str, Any]]] = []
        self.unlinked_deadlines = 0
        # Deadlines a sheet says were met (uid, when), marked done once written.
        self.met: list[tuple[str, str]] = []
        # Paths of imported documents whose file was not there to read their pages from.
        self.unread: list[str] = []
        # Paths of those whose file is there with other bytes: their pages are not read either.
        self.changed: list[str] = []
        # Uids of the sources of documents this import added: new to the store, though their
        # own records (after the documents') find them.
        self.new_document_sources: set[str] = set()
        self.bulk = bulk
        self.overwrite = False
        self.by_field = False
        # No milestone in the store: each the file gives is new (or given twice, refused).
        self.fresh = not self.conn.execute("SELECT EXISTS (SELECT 1 FROM milestones)").fetchone()[0]
        self.names = NamesAside(self.conn)
        self.snapshot_taken = False  # whether a worker process was told what the store holds
        self.workers = contextlib.ExitStack()  # where a worker process is closed
        # Once it is: the clock stamp of the milestones written, which the worker hashed.
        self.stamp: str | None = None
        self.span_start: _SpanStart | None = None
        # The worker's spans' digests, by table: (rows, digest), when it read the last line.
        self.worker_digests: dict[str, tuple[int, str | None]] = {}
        self.finds_canonical_only = False  # (_Known) the store's uids are looked up as given
        # Milestones written with a year from 1300 to 1499, and the first (line, date):
        # one warning says them all, as add and edit say one (dates.calendar_doubt).
        self.doubted = 0
        self.first_doubted: tuple[int | str, str] | None = None
        self.writer = MilestoneWriter(
            self.conn,
            numbers_are_sources=False,
            force_new_party="add it first with 'casetrack party add {name}'",
        )

    def failure(self) -> ImportFailed:
        total = self.error_count
        more = total - len(self.errors)
        tail = [f"... and {more} more"] if more > 0 else []
        return ImportFailed(
            f"import failed, nothing was written: {plural(total, 'error')}", [*self.errors, *tail]
        )

    def error(self, line: int | str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(f"{self.name}:{line}: {message}")

    def run(
        self, records: Iterable[Record] | JsonlFile, on_batch: Callable[[], None] | None
    ) -> None:
        handlers: dict[str, Callable[[int | str, Any], None]] = {
            "kind": self.kind, "case": self.case_record, "party": self.party,
            "document": self.document, "source": self.source, "milestone": self.milestone,
            "rule": self.rule, "closure": self.closure, _PREPARED: self.prepared,
            _PARTIES: self.prepared_parties, _SOURCES: self.prepared_sources,
        }  # fmt: skip
        with self._records(records) as items:
            for line, kind, record in items:
                if kind == "error":
                    self.error(line, record)
                elif kind == "warning":
                    self.report.warnings.append(f"{self.name}:{line}: {record}")
                else:
                    if kind not in ("party", _PARTIES):
                        self.names.back()
                    if kind != _PREPARED and self.bulk is not None and self.snapshot_taken:
                        # the search rows a worker works out may no longer be right
                        self.bulk.search_whole = False
                    try:
                        handlers[kind](line, record)
                    except (CasetrackError, sqlite3.IntegrityError) as err:
                        self.error(line, str(err))
                if len(self.batch) >= BATCH:
                    self.flush()
                    if on_batch:
                        on_batch()
        self.names.back()
        self.flush()
        self._give_digests()
        for uid, line, link in self.deadlines:
            try:
                self.link_deadline(uid, link)
            except CasetrackError as err:
                self.error(line, str(err))
        self._mark_met()
        if n := self.unlinked_deadlines:
            self.report.warnings.append(
                f"{self.name}: {plural(n, 'deadline')} counted from a milestone"
                " neither in the file nor in the store: imported with rule and working, and no"
                " trigger to follow"
            )
        for paths, changed in ((self.unread, False), (self.changed, True)):
            if paths:
                self.report.warnings.append(f"{self.name}: {_files_not_read(paths, changed)}")
        if self.first_doubted is not None:
            line, typed = self.first_doubted
            self.report.warnings.append(
                f"{self.name}: {calendar_doubts(self.doubted, f'line {line}', typed)}"
            )
        created = self.writer.created
        self.report.added["party"] += len(created.parties)
        self.report.added["source"] += len(created.sources)
        self.report.updated["source"] += len(created.titled)
        self.report.warnings += [f"{self.name}: {w}" for w in created.warnings]
        # The steps that finish a large import (search rows, indexes, history) are its peak
        # of memory, and need none of the writer's lookups.
        self.writer.forget()

    @contextlib.contextmanager
    def _records(self, records: Iterable[Record] | JsonlFile) -> Iterator[Iterable[Record]]:
        """The records to import: a large JSON Lines file into a store holding no milestone
        (a whole-store export restored, say) is read by a worker process (_Worker)."""
        if not isinstance(records, JsonlFile):
            yield records
        elif (
            self.case is not None
            or records.size < WORKER_FROM
            or "fork" not in multiprocessing.get_all_start_methods()
            or not records.stream.seekable()
            or not self.fresh
        ):
            yield read_jsonl(records.stream, records.name)
        else:
            worker = self.workers.enter_context(_Worker(records, self.snapshot, self.digests))
            if self.bulk is not None:
                self.bulk.built_index = functools.partial(worker.copy_index, self.conn)
            yield worker

    def kind(self, line: int | str, record: Any) -> None:
        name = record.get("name") if isinstance(record, dict) else record
        cleaned = clean_kind(str(name or ""))
        if not cleaned:
            raise CasetrackError("a kind needs a name")
        known = self.conn.execute("SELECT 1 FROM kinds WHERE name = ?", (cleaned,)).fetchone()
        if known is None:
            self.conn.execute("INSERT INTO kinds (name, builtin) VALUES (?, 0)", (cleaned,))
            self.report.added["kind"] += 1
        self.writer.kinds.add(cleaned)

    def case_record(self, line: int | str, record: Any) -> None:
        record = _record(record, "case")
        slug = _text(record.get("slug"), "slug")
        if not slug:
            raise CasetrackError("a case needs a slug")
        if self.case is not None and slug.lower() != self.case.lower():
            return
        uid = _uid(record.get("uid"))
        fields = {f: _text(record.get(f), f) for f in CASE_FIELDS}
        row = self.conn.execute(
            "SELECT id, slug, uid FROM cases WHERE uid = ? UNION ALL"
            " SELECT id, slug, uid FROM cases WHERE slug = ? LIMIT 1",
            (uid, slug),
        ).fetchone()
        if row is None:
            title = fields.pop("title") or ""
            case = add_case(self.store, slug, title, uid=uid, **fields)
            self.case_ids[slug.lower()] = case.id
            self.made_cases.add(slug.lower())
            self.report.added["case"] += 1
            return
        self.case_ids[slug.lower()] = row[0]
        stored = self.conn.execute(
            f"SELECT {', '.join(CASE_FIELDS)} FROM cases WHERE id = ?", (row[0],)
        ).fetchone()
        if row[2] != uid:
            self._keep_own_case(row[1], fields, stored)
        fields["status"] = fields["status"] or "open"  # as a new case has it: not a change
        if tuple(fields.values()) == tuple(stored):
            self.report.unchanged["case"] += 1
            return
        if row[2] == uid and self.keeps("cases", row[0], f"case {row[1]!r}"):
            return
        set_case_fields(self.store, row[1], **{k: v or "" for k, v in fields.items()})
        self.report.updated["case"] += 1

    def _keep_own_case(
        self, slug: str, fields: dict[str, str | None], stored: tuple[Any, ...]
    ) -> None:
        """A case of the same slug that is not the file's (another uid: made by hand, or from
        another docket or store) keeps what it says; the file only fills its empty fields. The
        fields kept are named only where the file says otherwise (a court 'txed' is the case's
        'TXED'; a docket not terminated says no status), so importing it again is quiet."""
        kept = []
        for (name, value), own in zip(list(fields.items()), stored, strict=True):
            if own:
                if value and name_key(value) != name_key(own):
                    kept.append(name)
                fields[name] = own
        if kept:
            self.report.warnings.append(
                f"{self.name}: case {slug!r} was not made from this file: it kept its "
                f"{', '.join(kept)} (only its empty fields were filled)"
            )

    def party(self, line: int | str, record: Any) -> None:
        self.names.aside()  # an export's parties come in a run: their names indexed at its end
        record = _record(record, "party")
        name = _text(record.get("name"), "name") or ""
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list):
            raise CasetrackError("party aliases must be a list")
        uid = _uid(record.get("uid"))
        kind = check_party_kind(_text(record.get("kind"), "kind") or "other")
        party_id = self.writer.party_by_uid(uid)
        # A record with its uid is an export's party: matched by its spelling, punctuation
        # included, as the store it came from may hold 'AB. Smith' and 'A.B. Smith' apart.
        find = party_id_spelt if record.get("uid") else find_party_id
        for known in (name, *aliases) if party_id is None else ():
            party_id = find(self.conn, str(known))
            if party_id is not None:
                break
        if party_id is None:
            party_id = create_party(self.conn, name, kind, uid)
            add_aliases(self.conn, party_id, [str(a) for a in aliases])
            self.report.added["party"] += 1
            remember(self.writer.party_uids, uid, party_id)
            return
        added = add_aliases(self.conn, party_id, [name, *(str(a) for a in aliases)])
        (stored_kind,) = self.conn.execute(
            "SELECT kind FROM parties WHERE id = ?", (party_id,)
        ).fetchone()
        changed = stored_kind != kind and not self.keeps("parties", party_id, f"party {name!r}")
        if changed:
            self.conn.execute("UPDATE parties SET kind = ? WHERE id = ?", (kind, party_id))
        (self.report.updated if added or changed else self.report.unchanged)["party"] += 1

    def prepared_parties(
        self, line: int | str, run: list[tuple[int | str, Any, _PartyRow]]
    ) -> None:
        """Party records in a row that a worker process made ready (ready_party): written in
        two statements if the store holds none of their uids and names and no two of them
        share one (each is then new, as party() would find it), else each read by party()."""
        self.names.aside()
        if not self._all_new_or_read("parties", run, self.party):
            return
        stamp = now()
        self.conn.executemany(
            "INSERT INTO parties (uid, name, name_key, kind, bare_key, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(*ready[:5], stamp) for _, _, ready in run],
        )
        ids = self._ids("parties", [ready[0] for _, _, ready in run])
        self.conn.executemany(
            "INSERT INTO party_aliases (party_id, alias, alias_key, bare_key) VALUES (?, ?, ?, ?)",
            [(ids[ready[0]], *alias) for _, _, ready in run for alias in ready[5]],
        )
        for uid, party_id in ids.items():
            remember(self.writer.party_uids, uid, party_id)
        self.report.added["party"] += len(run)

    def prepared_sources(
        self, line: int | str, run: list[tuple[int | str, Any, _SourceRow]]
    ) -> None:
        """Source records in a row that a worker process made ready (ready_source): written
        in one statement if the store holds none of their uids and URLs and no two of them
        share one (each is then new, as source() would find it), else each read by source()."""
        if not self._all_new_or_read("sources", run, self.source):
            return
        stamp = now()
        self.conn.executemany(
            "INSERT INTO sources (uid, url, title, publisher, published, citation_key,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*ready[:6], stamp) for _, _, ready in run],
        )
        for uid, source_id in self._ids("sources", [ready[0] for _, _, ready in run]).items():
            remember(self.writer.source_uids, uid, source_id)
        self.report.added["source"] += len(run)

    def _all_new_or_read(
        self,
        table: str,
        run: list[tuple[int | str, Any, Any]],
        handler: Callable[[int | str, Any], None],
    ) -> bool:
        """Whether no two records of a run share a uid or a name (parties: a name, alias or
        bare key; sources: a URL), and the store holds none of them; if not, each is read
        by `handler` (party or source) as if the worker had not made it ready."""
        uids = [ready[0] for _, _, ready in run]
        keys = [key for _, _, ready in run for key in ready[-1]]  # what each is looked up by
        if (
            len(set(uids)) == len(uids)
            and len(set(keys)) == len(keys)
            and not self._held(table, json.dumps(uids), json.dumps(keys))
        ):
            return True
        for at, record, _ in run:
            try:
                handler(at, record)
            except (CasetrackError, sqlite3.IntegrityError) as err:
                self.error(at, str(err))
        return False

    def _held(self, table: str, *given: str) -> bool:
        """Whether the store holds a party or source of one of these uids (JSON), or one of
        these names (parties: name, alias or bare keys; sources: URLs)."""
        held = (
            ("uid", "parties", 0), ("name_key", "parties", 1), ("alias_key", "party_aliases", 1),
            ("bare_key", "parties", 1), ("bare_key", "party_aliases", 1),
        ) if table == "parties" else (("uid", "sources", 0), ("url", "sources", 1))  # fmt: skip
        return any(
            self.conn.execute(
                f"SELECT EXISTS (SELECT 1 FROM {held_in} WHERE {column} IN"
                " (SELECT value FROM json_each(?)))",
                (given[which],),
            ).fetchone()[0]
            for column, held_in, which in held
        )

    def _ids(self, table: str, uids: list[str]) -> dict[str, int]:
        """The ids of the parties or sources of these uids, just written in one statement."""
        return dict(
            self.conn.execute(
                f"SELECT uid, id FROM {table} WHERE uid IN (SELECT value FROM json_each(?))",
                (json.dumps(uids),),
            ).fetchall()
        )

    def document(self, line: int | str, record: Any) -> None:
        from casetrack.documents import import_document

        record = _record(record, "document")
        source_uid = _uid(record.get("source"))
        done = import_document(self.store, record, source_uid, self.unread, self.changed)
        getattr(self.report, done)["document"] += 1
        if done == "added":
            self.new_document_sources.add(source_uid)

    def source(self, line: int | str, record: Any) -> None:
        record = _record(record, "source")
        url = _text(record.get("url"), "url")
        if not url or url.isdigit():
            raise CasetrackError("a source needs a URL or citation (not a bare number)")
        uid = _uid(record.get("uid"))
        fields = {f: _text(record.get(f), f) for f in ("title", "publisher", "published")}
        if fields["published"]:
            fields["published"] = parsed_date(fields["published"]).text
        urls = same_urls(url)  # the same URL in another case of host, or with a final /
        row = self.conn.execute(
            "SELECT id, title, publisher, published, uid FROM sources WHERE uid = ? UNION ALL"
            " SELECT id, title, publisher, published, uid FROM sources"
            f" WHERE url IN ({placeholders(urls)}) LIMIT 1",
            (uid, *urls),
        ).fetchone()
        if row is None:
            made = create_source(self.conn, url, fields["title"], fields["publisher"],
                                 fields["published"], uid=uid)  # fmt: skip
            remember(self.writer.source_uids, uid, made)
            self.report.added["source"] += 1
            return
        if row[4] == uid:  # not when matched by URL: that source keeps its own uid
            remember(self.writer.source_uids, uid, row[0])
        given = {k: v for k, v in fields.items() if v is not None}
        stored = dict(zip(("title", "publisher", "published"), row[1:4], strict=True))
        new = row[4] in self.new_document_sources
        if all(stored[k] == v for k, v in given.items()):
            (self.report.added if new else self.report.unchanged)["source"] += 1
            return
        if not new and self.keeps("sources", row[0], f"source {url!r}"):
            return
        assignments = ", ".join(f"{k} = ?" for k in given)
        self.conn.execute(
            f"UPDATE sources SET {assignments} WHERE id = ?", (*given.values(), row[0])
        )
        (self.report.added if new else self.report.updated)["source"] += 1

    def rule(self, line: int | str, record: Any) -> None:
        """A user's court rule: added, or made to say what the file says."""
        from casetrack.deadlines.rules import insert_rule, new_rule, update_rule

        record = _record(record, "rule")
        amount = record.get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise CasetrackError("a rule's amount must be a whole number")
        fields = ("title", "jurisdiction", "unit", "direction", "holidays", "method", "text",
                  "service", "runs_from")  # fmt: skip
        given = {f: value for f in fields if (value := _text(record.get(f), f)) is not None}
        rule = new_rule(
            _text(record.get("id"), "id") or "", amount,
            _text(record.get("citation"), "citation") or "",
            triggers=tuple(_text(t, "trigger") or "" for t in _list(record, "triggers")),
            **given,
        )  # fmt: skip
        if self.conn.execute("SELECT 1 FROM rules WHERE id = ?", (rule.id.lower(),)).fetchone():
            changed = update_rule(self.conn, rule)
            (self.report.updated if changed else self.report.unchanged)["rule"] += 1
        else:
            insert_rule(self.conn, rule, stand_in=True)
            self.report.added["rule"] += 1

    def keeps(self, table: str, row_id: int, named: str) -> bool:
        """Whether a case, party or source edited here keeps our version of what the file
        says otherwise (see ImportReport.kept); with `overwrite`, named as replaced."""
        if not edited_here(self.conn, [row_id], table):
            return False
        if not self.overwrite:
            self.report.kept_records.append(named)
            return True
        self.report.overwritten_records.append(named)
        return False

    def closure(self, line: int | str, record: Any) -> None:
        """A day a court was closed, added unless the store has it."""
        from casetrack.text import name_key

        record = _record(record, "closure")
        court = _text(record.get("court"), "court")
        day = parse_date(_text(record.get("date"), "date") or "")
        if not court or day.precision != "day" or day.start is None:
            raise CasetrackError("a closure needs a court and one day, e.g. 2024-07-15")
        added = self.conn.execute(
            "INSERT INTO closures (court, court_key, day, reason) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (court_key, day) DO NOTHING",
            (court, name_key(court), day.start.isoformat(), _text(record.get("reason"), "reason")),
        ).rowcount
        (self.report.added if added else self.report.unchanged)["closure"] += 1

    def _mark_met(self) -> None:
        """Mark done the deadlines a sheet says were met, as `edit --done` does (one still open
        in the store is marked; the time of one done already stays)."""
        from casetrack.deadlines.recount import set_done

        for uid, done_at in self.met:
            row = self.conn.execute("SELECT id FROM milestones WHERE uid = ?", (uid,)).fetchone()
            if row is not None:
                set_done(self.conn, row[0], True, done_at)

    def link_deadline(self, uid: str, link: dict[str, Any]) -> None:
        """Link an imported deadline to its trigger (by uid) and rule, as the file says. A
        trigger neither in the file nor in the store (an export of a selection, or one older
        than casetrack writing it only when exported) leaves a deadline with its rule and
        working and no trigger, as one whose trigger was erased: said once at the end. A
        deadline the store already counts from a trigger keeps it when the file gives none."""
        from casetrack.deadlines.rules import get_rule

        trigger_uid = _text(link.get("trigger"), "deadline trigger")
        trigger_uid = check_uid(trigger_uid) if trigger_uid else None
        ids = dict(
            self.conn.execute(
                "SELECT uid, id FROM milestones WHERE uid IN (?, ?)", (uid, trigger_uid or "")
            ).fetchall()
        )
        trigger = ids.get(trigger_uid) if trigger_uid else None
        rule = _text(link.get("rule"), "deadline rule")
        if rule is not None:
            rule = get_rule(self.conn, rule).id
        elif trigger_uid is not None:
            raise CasetrackError("a deadline link that names its trigger names its rule too")
        if trigger_uid is not None and trigger is None:
            self.unlinked_deadlines += 1
        service = _text(link.get("service"), "service")
        working = _text(link.get("working"), "working")
        done_at = _text(link.get("done_at"), "done_at")
        values = (trigger, rule, "mail" if service == "mail" else None, working, done_at)
        self.conn.execute(
            "INSERT INTO deadlines (milestone_id, trigger_id, rule, service, working, done_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (milestone_id) DO UPDATE SET"
            " trigger_id = CASE WHEN excluded.trigger_id IS NULL AND excluded.rule IS rule"
            " THEN trigger_id ELSE excluded.trigger_id END, rule = excluded.rule,"
            " service = excluded.service, working = excluded.working, done_at = excluded.done_at",
            (ids[uid], *values),
        )

    def known_case_id(self, slug: str) -> int | None:
        """The case a milestone's slug means: one of the file's by its slug, or the store's."""
        key = slug.lower()
        if key not in self.case_ids:
            row = self.conn.execute("SELECT id FROM cases WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                return None
            self.case_ids[key] = row[0]
        return self.case_ids[key]

    def _case_id(self, slug: str, title: str | None) -> int:
        known = self.known_case_id(slug)
        if known is not None:
            return known
        refuse_near_case(self.conn, slug, self.made_cases)
        case = add_case(self.store, slug, title or slug)
        self.case_ids[slug.lower()] = case.id
        self.made_cases.add(slug.lower())
        self.report.added["case"] += 1
        self.report.warnings.append(
            f"{self.name}: case {slug!r} is not in the store: new case titled {case.title!r}"
        )
        return case.id

    def milestone(self, line: int | str, record: Any) -> None:
        record = _record(record, "milestone")
        if self.case is None:
            try:
                exported = self._exported(record)
            except CasetrackError:
                exported = None  # the general reading says what is wrong
            if exported is not None:
                self.batch.append(_Row(line, exported.row(), exported))
                return
        slug = _text(record.get("case"), "case") or self.case
        if self.case is not None and slug and slug.lower() != self.case.lower():
            self.report.skipped += 1
            return
        if not slug:
            raise CasetrackError("missing case: fill the case column or pass --case")
        get = record.get
        raw_uid = get("uid")
        checked = check(
            Draft(
                slug,
                _text(get("date"), "date") or "",
                _given(get("title"), "title") or "",
                _given(get("kind"), "kind") or "other",
                [_party_spec(p) for p in _list(record, "parties")],
                [_citation(s) for s in _list(record, "sources")],
                _given(get("location"), "location"),
                _given(get("note"), "note"),
                [_given(t, "tag") or "" for t in _list(record, "tags")],
                _text(get("status"), "status") or "undisputed",
                bool(_flag(get("key"))),
                None if raw_uid is None or raw_uid == "" else str(raw_uid),
                get("sort_key"),
            )
        )
        case_id = self._case_id(checked.case, _text(record.get("case_title"), "case_title"))
        deadline = record.get("deadline")
        if deadline is not None:
            self.deadlines.append((checked.uid, line, _record(deadline, "deadline link")))
        done_at = _done_at(get("done"))
        if done_at is not None:
            self.met.append((checked.uid, done_at))
        ready = self.writer.resolve(checked, case_id)
        self.batch.append(_Row(line, ready.row(), ready))

    def prepared(
        self, line: int | str, rows: list[tuple[int | str, Row, tuple[object, ...]]]
    ) -> None:
        """Milestone records in a row that a worker process read as _exported does, with
        their search rows (as the parties and sources were when it was sent the snapshot)."""
        self.batch += [_Row(at, row, None, search) for at, row, search in rows]

    def _exported(self, record: dict[str, Any]) -> Ready | None:
        """exported_milestone with what the store holds now."""
        return exported_milestone(record, self)

    def known_kind(self, kind: str) -> str:
        return self.writer.kind(kind)

    def known_party(self, uid: str) -> int | None:
        return self.writer.party_uids.get(uid) or self.writer.party_by_uid(uid)

    def known_source(self, uid: str) -> int | None:
        writer = self.writer
        source_id = writer.source_uids.get(uid) or writer.source_by_uid(uid)
        if source_id is None or writer.document_of(source_id) is not None:
            return None
        return source_id

    def snapshot(self) -> tuple[_Snapshot, Iterator[_SnapshotPart]]:
        """What a worker process needs to know of the store to read an export's milestone
        records as _exported would now: the cases, parties and sources the file's records
        settled so far (by canonical uid: a link naming one otherwise is not read as an
        export's), and every kind. Its parties, sources and link labels come after it, a
        part at a time (_Snapshot.add): at a million milestones, whole, they would be the
        import's peak of memory (a hundred megabytes more)."""
        self.snapshot_taken = True
        self.stamp = now()
        writer = self.writer
        self.span_start = _SpanStart(
            self.stamp, writer.next_id, dict(writer.next_rowids),
            {t: table_layout(self.conn, t) for t in ("milestones", *LINK_TABLES)},
        )  # fmt: skip
        known = _Snapshot(
            dict(self.case_ids),
            {r[0] for r in self.conn.execute("SELECT name FROM kinds")},
            {},
            {},
            LinkLabels({}, {}),
            index_plan(self.conn, writer.next_id),
            self.span_start,
        )
        return known, self._snapshot_parts()

    def _snapshot_parts(self) -> Iterator[_SnapshotPart]:
        """The snapshot's parties, sources and link labels, read a part at a time as they
        are sent: uids as casetrack writes them, and no registered document's source (a
        link to one goes the importer's way, as known_source says)."""
        writer = self.writer
        documents = {r[0] for r in self.conn.execute(
            "SELECT id FROM sources WHERE document_id IS NOT NULL")}  # fmt: skip
        canonical = CANONICAL_UUID.fullmatch
        yield from _parts(
            "party uids", ((u, i) for u, i in writer.party_uids.items() if canonical(u))
        )
        yield from _parts(
            "source uids",
            ((u, i) for u, i in writer.source_uids.items() if i not in documents and canonical(u)),
        )
        yield from link_label_parts(self.conn, _SNAPSHOT_PART)

    def digests(self, digests: dict[str, tuple[int, str | None]]) -> None:
        """The worker's digests of the spans of the milestones it made ready (_Spans)."""
        self.worker_digests = digests

    def _give_digests(self) -> None:
        """Hand bulk_inserts the worker's spans' digests, to keep instead of taking them again,
        if every milestone written since the snapshot is one the worker made ready, in the
        order it hashed them, and nothing the importer read itself after the snapshot may
        have changed them (search_whole: the search rows' own proof); bulk_inserts checks
        that the spans are those rows."""
        start, bulk = self.span_start, self.bulk
        if start is None or bulk is None or not bulk.search_whole:
            return
        for table, (rows, digest) in self.worker_digests.items():
            first = start.first_id if table == "milestones" else start.first_rowids[table]
            if rows and digest is not None:
                bulk.given_digests[table] = (first, first + rows - 1, digest)

    def flush(self) -> None:
        """Write the batch: new milestones in one go, changed ones made to say the new."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        writer = self.writer
        added = self.report.added["milestone"]
        large = added >= REINDEX_AFTER or writer.first_id == 1
        if self.bulk and large and added >= writer.first_id:
            self.bulk.drop_read_indexes()
        uids = [str(r.row[1][0]) for r in batch]
        existing = dict(
            self.conn.execute(
                f"SELECT uid, id FROM milestones WHERE uid IN ({placeholders(uids)})",
                uids,
            ).fetchall()
        )
        stored = {m.id: m for m in load_milestones(self.conn, list(existing.values()))}
        inserts: list[_Row] = []
        changed: list[tuple[int, _Row]] = []
        seen: dict[str, int | str] = {}
        for row, uid in zip(batch, uids, strict=True):
            if uid in seen or existing.get(uid, 0) >= writer.first_id:
                first = f"line {seen[uid]}" if uid in seen else "an earlier line"
                self.error(row.line, f"milestone uid {uid} appears twice (see {first})")
                continue
            seen[uid] = row.line
            milestone_id = existing.get(uid)
            if milestone_id is None:
                inserts.append(row)
                self.report.added["milestone"] += 1
            elif milestone_id in stored and row.same_as(stored[milestone_id]):
                self.report.unchanged["milestone"] += 1
            else:
                changed.append((milestone_id, row))
        changed_ids = [milestone_id for milestone_id, _ in changed]
        by_field = self.by_field and not self.overwrite
        fields = edited_fields(self.conn, changed_ids) if by_field else {}
        edited = set() if by_field else edited_here(self.conn, changed_ids)
        trashed = self._in_trash(changed_ids) if self.by_field else set()
        for milestone_id, row in changed:
            if milestone_id in trashed:  # the user's to restore: a docket does not revise it
                self.report.in_trash.append(milestone_id)
                continue
            if milestone_id in fields and milestone_id in stored:
                row = self._keep_fields(stored[milestone_id], row, fields[milestone_id])
                if row.same_as(stored[milestone_id]):
                    self.report.kept_entries += 1
                    continue
            elif milestone_id in edited:
                if not self.overwrite:
                    self.report.kept.append(milestone_id)
                    continue
                self.report.overwritten.append(milestone_id)
            assert row.ready is not None
            writer.replace(milestone_id, row.ready)
            self.report.updated["milestone"] += 1
            self._doubt(row)
        for row in inserts:
            self._doubt(row)
        ids = writer.insert([r.row for r in inserts], self.stamp)
        if self.bulk is not None:
            found = [(i, *r.search) for i, r in zip(ids, inserts, strict=True) if r.search]
            if found:
                self.bulk.fill_search(found)

    def _in_trash(self, milestone_ids: list[int]) -> set[int]:
        """Those of these milestones in the trash: the user put them there, so a docket
        imported again leaves them as they are rather than revise what is to be restored."""
        return {
            int(row[0])
            for row in self.conn.execute(
                f"SELECT id FROM milestones WHERE id IN ({placeholders(milestone_ids)})"
                " AND deleted_at IS NOT NULL",
                milestone_ids,
            )
        }

    def _keep_fields(self, ours: Milestone, row: _Row, fields: set[str]) -> _Row:
        """The file's milestone with the fields edited here (history.edited_fields) as the
        stored one has them; each the file says otherwise is told (ImportReport.kept_fields)."""
        assert row.ready is not None
        ready = row.ready
        own: dict[str, Any] = {}  # the Checked fields kept
        settled: dict[str, Any] = {}  # the Ready fields kept
        if "case" in fields:
            own["case"] = ours.case
            settled["case_id"] = self.conn.execute(
                "SELECT case_id FROM milestones WHERE id = ?", (ours.id,)
            ).fetchone()[0]
        for name in ("date", "title", "location", "note", "status", "key", "tags"):
            if name in fields:
                own[name] = getattr(ours, name)
        if "place" in fields:
            own["sort_key"] = ours.sort_key
        if "kind" in fields:
            own["kind"] = settled["kind"] = ours.kind
        if "parties" in fields:
            settled["parties"] = [(p.party_id, p.role or "") for p in ours.parties]
        if "sources" in fields:
            settled["sources"] = [
                (s.id, s.quote, s.page, s.paragraph, s.page_index, s.quote_found)
                for s in ours.sources
            ]
        kept = dataclasses.replace(ready, checked=dataclasses.replace(ready.checked, **own))
        kept = dataclasses.replace(kept, **settled)
        theirs = _shown_fields(ready)
        told = fields - {"place"} if "date" in fields else fields  # a date places it
        for name, shown in _shown_fields(kept).items():
            if name in told and shown != theirs[name]:
                self.report.kept_fields.append(KeptField(ours.id, name, shown, theirs[name]))
        return dataclasses.replace(row, ready=kept)

    def _doubt(self, row: _Row) -> None:
        """Count a milestone written whose year may be of another calendar (1399 SH is 2020)."""
        values = row.row[1]
        if calendar_doubted(values[_START], values[_START + 1]):
            self.doubted += 1
            if self.first_doubted is None:
                self.first_doubted = (row.line, str(values[_START - 1]))


@dataclass(slots=True)
class JsonlFile:
    """A JSON Lines file to import, open; `size` in bytes. Large, it is read by a worker."""

    stream: TextIO
    name: str
    size: int


class _Worker:
    """A process that reads a JSON Lines file and makes its export-shaped milestone records
    ready (exported_milestone, with a _Snapshot of what the importer settled before the
    first of them) while the importer writes the rows it hands over; any other record, and
    every record after a non-milestone one that follows them, it hands over as read, for
    the importer. Its batches go through a pipe, so it is at most a batch or two ahead.

    It writes nothing and creates no file: a failed import stops it; if the importer is
    killed, its next send fails and it ends. Ctrl-C is the importer's to act on.
    """

    def __init__(
        self,
        file: JsonlFile,
        snapshot: Callable[[], tuple[_Snapshot, Iterator[_SnapshotPart]]],
        digests: Callable[[dict[str, tuple[int, str | None]]], None],
    ) -> None:
        context = multiprocessing.get_context("fork")  # nothing to import again, no pickled start
        self.conn, theirs = context.Pipe()
        fd = file.stream.buffer.fileno()
        self.process = context.Process(
            target=_read_ahead, args=(theirs, self.conn, fd, file.name), daemon=True
        )
        self.snapshot = snapshot
        self.first_id: int | None = None  # of the milestones it makes ready, if any
        self.digests = digests

    def __enter__(self) -> _Worker:
        for stream in (sys.stdout, sys.stderr):  # else the worker would write it again at its end
            if stream is not None:
                stream.flush()
        self.process.start()
        return self

    def __iter__(self) -> Iterator[Record]:
        while True:
            try:
                what, payload = marshal.loads(self.conn.recv_bytes())
            except EOFError:
                self.process.join()
                raise CasetrackError(
                    "import failed, nothing was written: its reading process ended"
                    f" (exit code {self.process.exitcode})"
                ) from None
            if what == "records":
                yield from payload
            elif what == "known":
                known, parts = self.snapshot()
                self.first_id = known.index.first_id
                self.conn.send(known)
                for part in parts:
                    _send(self.conn, "known part", part)
                _send(self.conn, "known end", None)
            elif what == "done":
                if payload:
                    self.digests(payload)
                return
            else:
                err, details = pickle.loads(payload)
                if isinstance(err, CasetrackError):
                    err.details = details
                raise err

    def copy_index(self, conn: sqlite3.Connection, count: int) -> bool:
        """Put in the store the full-text index the worker built of the search rows it worked
        out (BulkInserts.built_index), if the store's `count` search rows are those, under the
        ids the worker counted from; False if it has no such index."""
        if self.first_id is None:
            return False
        ids = conn.execute("SELECT min(id), max(id) FROM milestone_search").fetchone()
        if tuple(ids) != (self.first_id, self.first_id + count - 1):
            return False
        try:
            _send(self.conn, "index", (self.first_id, count))
            if marshal.loads(self.conn.recv_bytes())[0] != "index":
                return False
            put_index(conn, self._index_parts())
        except (EOFError, OSError):  # the worker ended: the index is built here
            return False
        return True

    def _index_parts(self) -> Iterator[tuple[str, list[tuple[object, ...]]]]:
        """The parts of the index the worker sends, to its last (EOFError if it fails first)."""
        while (message := marshal.loads(self.conn.recv_bytes()))[0] != "index end":
            if message[0] != "index part":
                raise EOFError("the worker failed to send its index")
            yield message[1]

    def __exit__(self, *_: object) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _read_ahead(conn: Connection, importers: Connection, fd: int, name: str) -> None:
    """The worker process's work: see _Worker."""
    import signal

    importers.close()  # its end: once the importer is gone, a send here fails
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    try:
        _serve_index(conn, _send_records(conn, fd, name))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importer stopped
    except BaseException as err:  # the reader's refusal (or a bug): the importer raises it
        details = err.details if isinstance(err, CasetrackError) else None
        try:
            failure = pickle.dumps((err, details))
        except Exception:  # an error that does not pickle
            failure = pickle.dumps((RuntimeError(f"{type(err).__name__}: {err}"), None))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            _send(conn, "failed", failure)


def _parts(field: str, rows: Iterator[Any]) -> Iterator[_SnapshotPart]:
    """`rows` a _SNAPSHOT_PART at a time, as (field, rows)."""
    while part := list(itertools.islice(rows, _SNAPSHOT_PART)):
        yield field, part


def _send(conn: Connection, what: str, payload: Any) -> None:
    """A message to the importer, marshalled: records are plain JSON values and rows plain
    tuples, which marshal writes and reads quicker than pickle."""
    conn.send_bytes(marshal.dumps((what, payload)))


def _send_records(conn: Connection, fd: int, name: str) -> IndexBuilder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    with open(fd, "rb", closefd=False) as raw:
        return _send_lines(conn, io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""), name)


def _serve_index(conn: Connection, builder: IndexBuilder | None) -> None:
    """Once every record is sent: build the full-text index of the search rows worked out,
    and send it if the importer asks for it (_Worker.copy_index); the importer gone, or
    done without it, the worker ends."""
    try:
        if builder is not None:
            builder.finish()
    except sqlite3.Error:  # no room for it, say: the importer builds it
        builder = _without(builder)
    try:
        _, (first, count) = marshal.loads(conn.recv_bytes())
    except EOFError:
        return
    if builder is None or not builder.holds(first, count):
        _send(conn, "no index", None)
        return
    _send(conn, "index", None)
    for part in builder.parts():
        _send(conn, "index part", part)
    _send(conn, "index end", None)
    builder.close()


def _index_builder(plan: IndexPlan) -> IndexBuilder | None:
    """A builder of the full-text index of the milestones made ready, if it can build the
    store's."""
    builder = IndexBuilder(plan)
    return builder if builder.usable else _without(builder)


def _without(builder: IndexBuilder | None) -> IndexBuilder | None:
    """No index built (the builder closed, None in its stead): the importer reads a
    milestone itself, or may have changed what the search rows say."""
    if builder is not None:
        builder.close()
    return None


def _send_lines(conn: Connection, stream: TextIO, name: str) -> IndexBuilder | None:
    """Send the records read and the milestone records made ready; returns the builder of
    their full-text index if every milestone record was made ready."""
    known: _Snapshot | None = None
    builder: IndexBuilder | None = None
    preparing = True
    batch: list[Record] = []
    # The rows of the batch's last item, if prepared, with their search rows.
    run: list[tuple[int | str, Row, tuple[object, ...]]] = []
    spans: _Spans | None = None  # while every milestone is made ready here
    count = 0
    for line, kind, record in read_jsonl(stream, name):
        count += 1
        if kind == "milestone" and preparing:
            if known is None:
                _send(conn, "records", batch)
                batch = []
                _send(conn, "known", None)
                known = conn.recv()
                while (message := marshal.loads(conn.recv_bytes()))[0] == "known part":
                    known.add(*message[1])
                builder = _index_builder(known.index)
                spans = _Spans(known.spans)
            try:
                ready = exported_milestone(record, known)
            except CasetrackError:
                ready = None  # the importer's reading says what is wrong
            if ready is not None:
                if not run:
                    batch.append((line, _PREPARED, run))
                row = ready.row()
                search = search_texts(row, known.labels)
                run.append((line, row, search))
                if builder is not None:
                    builder.add(search)
                if spans is not None:
                    spans.add(row)
            else:
                batch.append((line, kind, record))
                run, spans = [], None
                builder = _without(builder)
        else:
            if known is not None and kind not in ("error", "warning"):
                preparing = False  # the importer may now hold what the snapshot does not say
                builder = _without(builder)
                spans = None
            _send_record(batch, line, kind, record, known is None)
            run = []
        if count >= WORKER_BATCH:
            _send(conn, "records", batch)
            batch, run, count = [], [], 0
    _send(conn, "records", batch)
    _send(conn, "done", spans.digests() if spans is not None else None)
    return builder


def _send_record(batch: list[Record], line: int | str, kind: str, record: Any, ready: bool) -> None:
    """Add a record other than a milestone to a batch: a party or source record made ready
    (`ready`: read before the milestones) joins a run of its type, anything else goes as read."""
    tag, make = _READY.get(kind, ("", None))
    made = make(record) if ready and make is not None else None
    if made is None:
        batch.append((line, kind, record))
    elif batch and batch[-1][1] == tag:
        batch[-1][2].append((line, record, made))
    else:
        batch.append((line, tag, [(line, record, made)]))


class _Spans:
    """The digests of the spans of history the milestones a worker makes ready will make
    (history_sql.SpanHasher of their rows and links as MilestoneWriter.insert binds them,
    with the ids, rowids and stamp the importer gives them), so that the importer need not
    take them again from the store."""

    def __init__(self, start: _SpanStart) -> None:
        from casetrack.threads import started

        # Whether this SQLite writes JSON as a SpanHasher does (a tenth of a second, mostly
        # in SQLite) is asked in a thread while the rows are hashed; the digests await it.
        self.same_json = started(_same_json)
        self.stamp = start.stamp
        self.next_id = start.first_id
        self.hashers = {
            table: SpanHasher(start.layouts[table], columns, same_json=True)
            for table, columns in (("milestones", INSERT_COLUMNS), *LINK_COLUMNS.items())
        }
        self.rows: list[Row] = []

    def add(self, row: Row) -> None:
        """The next milestone made ready, to be given the next id."""
        self.rows.append(row)
        if len(self.rows) >= WORKER_BATCH:
            self._hash()

    def _hash(self) -> None:
        """Hash the rows of the milestones added since, and of their links, a table at a time,
        as MilestoneWriter.insert and link bind them."""
        pairs = list(enumerate(self.rows, self.next_id))
        self.next_id += len(pairs)
        self.rows = []
        stamp = self.stamp
        milestones, parties, sources, tags = self.hashers.values()
        milestones.add([milestone_values(i, row, stamp) for i, row in pairs])
        parties.add([(i, *party) for i, row in pairs for party in row[2]])
        sources.add([(i, *source) for i, row in pairs for source in row[3]])
        tags.add([(i, tag) for i, row in pairs for tag in row[4]])

    def digests(self) -> dict[str, tuple[int, str | None]]:
        """By table: how many rows were hashed and their digest (None: given up, or this
        SQLite writes JSON otherwise)."""
        self._hash()
        same = self.same_json()
        return {
            table: (hasher.rows, hasher.digest() if same else None)
            for table, hasher in self.hashers.items()
        }


def _same_json() -> bool:
    """Whether this SQLite's json_object writes as a SpanHasher does (json_as_sqlite), asked
    on a connection of its own."""
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        return json_as_sqlite(conn)
