"""Importing records all or nothing: validate every one, write in batches, in ONE transaction.

Readers (JSON, JSONL, CSV) turn a file into (line, type, record) tuples in the JSON shape;
this module checks them with the same rules as the everyday commands, matches what the
store already holds (uids first; parties also by name or alias, sources by URL, cases by
slug) and inserts milestones with executemany. Any bad record aborts the import with every
error listed as FILE:LINE: what is wrong, and nothing is written.
"""

from __future__ import annotations

import gc
import re
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypeVar

from casetrack.cases import CASE_FIELDS, add_case, edit_case
from casetrack.dates import parse_date
from casetrack.errors import CasetrackError
from casetrack.exchange.jsonfmt import Record
from casetrack.milestones import (
    check_role,
    date_columns,
    kind_names,
    load_milestones,
    parse_party_spec,
    required_title,
)
from casetrack.models import MILESTONE_STATUSES, PARTY_KINDS
from casetrack.names import check_choice, clean_text, did_you_mean, name_key
from casetrack.parties import add_aliases, create_party, find_party_id, refuse_close
from casetrack.schema import LINK_TABLES, BulkInserts, bulk_inserts
from casetrack.sources import create_source
from casetrack.store import Store, now

T = TypeVar("T")
BATCH = 500
IMPORT_CACHE_KIB = -64 * 1024  # negative: KiB, as PRAGMA cache_size takes it
MAX_LISTED_ERRORS = 1000
_CACHE_LIMIT = 250_000  # entries per accelerator: some 30 MB at most
# An import that has added this many milestones, and more than the store held before,
# goes on without the read indexes of the milestone and link tables and builds them at the end.
REINDEX_AFTER = 50_000
# A UUID as casetrack writes it; any other spelling goes through uuid.UUID.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TRUE = ("yes", "y", "true", "1", "x")
_FALSE = ("no", "n", "false", "0", "")
_MILESTONE_COLUMNS = (
    "id", "uid", "case_id", "date", "date_start", "date_end", "precision", "approximate",
    "uncertain", "sort_start", "sort_end", "sort_key", "position", "kind", "title", "location",
    "note", "status", "key", "created_at", "updated_at",
)  # fmt: skip


_INSERTED = itemgetter(*_MILESTONE_COLUMNS)  # a milestone's values, in column order


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


@dataclass
class _Row:
    """A checked milestone waiting in a batch."""

    line: int
    uid: str
    case: str
    columns: dict[str, Any]
    parties: list[tuple[int, str]]
    sources: list[tuple[int, str | None, str | None, str | None]]
    tags: list[str]

    def same_as(self, record: Any) -> bool:
        """Whether the stored milestone already says exactly this."""
        c = self.columns
        return bool(
            (record.case, record.date.text, record.kind, record.title, record.location,
             record.note, record.status, int(record.key), record.tags)
            == (self.case, c["date"], c["kind"], c["title"], c["location"], c["note"],
                c["status"], c["key"], sorted(self.tags))
            and [(p.party_id, p.role or "") for p in record.parties] == self.parties
            and [(s.id, s.quote, s.page, s.paragraph) for s in record.sources] == self.sources
        )  # fmt: skip


def import_records(
    store: Store,
    records: Iterable[Record],
    name: str,
    *,
    dry_run: bool = False,
    case: str | None = None,
    on_batch: Callable[[], None] | None = None,
    on_finishing: Callable[[], None] | None = None,
) -> ImportReport:
    """Check and write every record in one transaction; on any error write nothing.

    `on_batch` runs after each batch is written; `on_finishing` once every record is, before
    the history, the search index and any indexes set aside are written (a minute at 1M).
    """
    importer = _Importer(store, name, case.strip() if case else None)
    cache_size = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    # New rows land all over the uid and link indexes: a larger page cache keeps those
    # pages from being written out and read back again and again (20% faster at 100k).
    store.conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    # Millions of records and row tuples pass through, none in a reference cycle: the cycle
    # collector would only rescan the growing caches over and over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with store.write(), bulk_inserts(store.conn, store.change_id()) as bulk:
            importer.bulk = bulk
            importer.run(records, on_batch)
            if importer.errors or importer.error_count:
                raise importer.failure()
            if dry_run:
                raise _DryRun
            if on_finishing:
                on_finishing()
    except _DryRun:
        pass
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        if collecting:
            gc.enable()
    return importer.report


def _text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CasetrackError(f"{what} must be text, not {type(value).__name__}")
    return clean_text(value) or None


def _uid(value: Any) -> str:
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    if value is None or value == "":
        return str(uuid.uuid4())
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise CasetrackError(f"bad uid {value!r}: expected a UUID") from None


def _flag(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    text = "" if value is None else str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return int(text in _TRUE)
    raise CasetrackError(f"bad key value {value!r}: use yes or no")


def _spelling(value: Any) -> Any:
    """A field as a cache key: text as it is, anything else (a hostile list, say) as its type
    and repr, which no text equals."""
    return value if value is None or isinstance(value, str) else (type(value).__name__, repr(value))


def _remember(cache: dict[Any, T], key: Any, value: T) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _record(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CasetrackError(f"a {what} must be an object")
    return value


class _Importer:
    def __init__(self, store: Store, name: str, case: str | None) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.conn
        self.name = name
        self.case = case
        self.report = ImportReport()
        self.errors: list[str] = []
        self.error_count = 0
        self.kinds: set[str] = set()
        self.case_ids: dict[str, int] = {}
        # Accelerators, emptied when they grow past _CACHE_LIMIT: most links repeat a few
        # parties and sources, and most name one defined earlier in the same file.
        self.party_links: dict[tuple[Any, ...], int] = {}
        self.source_links: dict[tuple[Any, ...], int] = {}
        self.roles: dict[Any, str] = {}
        self.dates: dict[str, dict[str, object]] = {}
        self.party_uids: dict[str, int] = {}
        self.source_uids: dict[str, int] = {}
        self.batch: list[_Row] = []
        self.bulk: BulkInserts | None = None
        self.first_new_id = 0
        self.next_id = 0
        self.next_rowids: dict[str, int] = {}

    def failure(self) -> ImportFailed:
        total = self.error_count
        more = total - len(self.errors)
        tail = [f"... and {more} more"] if more > 0 else []
        return ImportFailed(
            f"import failed, nothing was written: {total} error(s)", [*self.errors, *tail]
        )

    def error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(f"{self.name}:{line}: {message}")

    def run(self, records: Iterable[Record], on_batch: Callable[[], None] | None) -> None:
        conn = self.conn
        self.kinds = set(kind_names(conn))
        self.first_new_id = self.next_id = conn.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM milestones"
        ).fetchone()[0]
        self.next_rowids = {
            link: conn.execute(f"SELECT coalesce(max(rowid), 0) + 1 FROM {link}").fetchone()[0]
            for link in LINK_TABLES
        }
        handlers: dict[str, Callable[[int, Any], None]] = {
            "kind": self.kind, "case": self.case_record, "party": self.party,
            "source": self.source, "milestone": self.milestone,
        }  # fmt: skip
        for line, kind, record in records:
            if kind == "error":
                self.error(line, record)
            elif kind == "warning":
                self.report.warnings.append(f"{self.name}:{line}: {record}")
            else:
                try:
                    handlers[kind](line, record)
                except (CasetrackError, sqlite3.IntegrityError) as err:
                    self.error(line, str(err))
            if len(self.batch) >= BATCH:
                self.flush()
                if on_batch:
                    on_batch()
        self.flush()
        self._forget()

    def _forget(self) -> None:
        """Free the accelerators once every record is in: the steps that finish a large import
        (search rows, indexes, history) are its peak of memory, and need none of them."""
        for cache in (self.party_links, self.source_links, self.roles, self.dates,
                      self.party_uids, self.source_uids):  # fmt: skip
            cache.clear()

    def kind(self, line: int, record: Any) -> None:
        name = record.get("name") if isinstance(record, dict) else record
        cleaned = " ".join(str(name or "").split()).lower()
        if not cleaned:
            raise CasetrackError("a kind needs a name")
        if cleaned not in self.kinds:
            self.conn.execute("INSERT INTO kinds (name, builtin) VALUES (?, 0)", (cleaned,))
            self.kinds.add(cleaned)
            self.report.added["kind"] += 1

    def case_record(self, line: int, record: Any) -> None:
        record = _record(record, "case")
        slug = _text(record.get("slug"), "slug")
        if not slug:
            raise CasetrackError("a case needs a slug")
        if self.case is not None and slug.lower() != self.case.lower():
            return
        uid = _uid(record.get("uid"))
        fields = {f: _text(record.get(f), f) for f in CASE_FIELDS}
        row = self.conn.execute(
            "SELECT id, slug FROM cases WHERE uid = ? UNION ALL"
            " SELECT id, slug FROM cases WHERE slug = ? LIMIT 1",
            (uid, slug),
        ).fetchone()
        if row is None:
            title = fields.pop("title") or ""
            case = add_case(self.store, slug, title, uid=uid, **fields)
            self.case_ids[slug.lower()] = case.id
            self.report.added["case"] += 1
            return
        self.case_ids[slug.lower()] = row[0]
        stored = self.conn.execute(
            f"SELECT {', '.join(CASE_FIELDS)} FROM cases WHERE id = ?", (row[0],)
        ).fetchone()
        if tuple(fields.values()) == tuple(stored):
            self.report.unchanged["case"] += 1
            return
        edit_case(self.store, row[1], **{k: v or "" for k, v in fields.items()})
        self.report.updated["case"] += 1

    def party(self, line: int, record: Any) -> None:
        record = _record(record, "party")
        name = _text(record.get("name"), "name") or ""
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list):
            raise CasetrackError("party aliases must be a list")
        uid = _uid(record.get("uid"))
        kind = check_choice(_text(record.get("kind"), "kind") or "other", PARTY_KINDS, "party kind")
        party_id = self._party_by_uid(uid)
        if party_id is None:
            for known in (name, *aliases):
                party_id = find_party_id(self.conn, str(known))
                if party_id is not None:
                    break
        if party_id is None:
            party_id = create_party(self.conn, name, kind, uid)
            add_aliases(self.conn, party_id, [str(a) for a in aliases])
            self.report.added["party"] += 1
            _remember(self.party_uids, uid, party_id)
            return
        added = add_aliases(self.conn, party_id, [name, *(str(a) for a in aliases)])
        changed = self.conn.execute(
            "UPDATE parties SET kind = ? WHERE id = ? AND kind != ?", (kind, party_id, kind)
        ).rowcount
        (self.report.updated if added or changed else self.report.unchanged)["party"] += 1

    def _party_by_uid(self, uid: str) -> int | None:
        """The party stored with this very uid (one matched by name keeps its own uid)."""
        if uid in self.party_uids:
            return self.party_uids[uid]
        row = self.conn.execute("SELECT id FROM parties WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            return None
        _remember(self.party_uids, uid, int(row[0]))
        return int(row[0])

    def source(self, line: int, record: Any) -> None:
        record = _record(record, "source")
        url = _text(record.get("url"), "url")
        if not url or url.isdigit():
            raise CasetrackError("a source needs a URL or citation (not a bare number)")
        uid = _uid(record.get("uid"))
        fields = {f: _text(record.get(f), f) for f in ("title", "publisher", "published")}
        if fields["published"]:
            fields["published"] = parse_date(fields["published"]).text
        row = self.conn.execute(
            "SELECT id, title, publisher, published, uid FROM sources WHERE uid = ? UNION ALL"
            " SELECT id, title, publisher, published, uid FROM sources WHERE url = ? LIMIT 1",
            (uid, url),
        ).fetchone()
        if row is None:
            _remember(self.source_uids, uid, create_source(self.conn, url, uid=uid, **fields))
            self.report.added["source"] += 1
            return
        if row[4] == uid:  # not when matched by URL: that source keeps its own uid
            _remember(self.source_uids, uid, row[0])
        given = {k: v for k, v in fields.items() if v is not None}
        stored = dict(zip(("title", "publisher", "published"), row[1:4], strict=True))
        if all(stored[k] == v for k, v in given.items()):
            self.report.unchanged["source"] += 1
            return
        assignments = ", ".join(f"{k} = ?" for k in given)
        self.conn.execute(
            f"UPDATE sources SET {assignments} WHERE id = ?", (*given.values(), row[0])
        )
        self.report.updated["source"] += 1

    def _case_id(self, slug: str, title: str | None) -> int:
        key = slug.lower()
        if key not in self.case_ids:
            row = self.conn.execute("SELECT id FROM cases WHERE slug = ?", (slug,)).fetchone()
            if row is None:
                case = add_case(self.store, slug, title or slug)
                self.case_ids[key] = case.id
                self.report.added["case"] += 1
                self.report.warnings.append(
                    f"{self.name}: case {slug!r} is not in the store: new case titled "
                    f"{case.title!r}"
                )
            else:
                self.case_ids[key] = row[0]
        return self.case_ids[key]

    def _link_party(self, item: Any) -> tuple[int, str]:
        """A party link as (party id, role); the party is resolved once per spelling."""
        item = _record(item, "link")
        if "spec" in item:
            spec = parse_party_spec(str(item["spec"]))
            whole = find_party_id(self.conn, spec.whole) if spec.whole else None
            if whole is not None:  # a known party's name holding a colon
                return whole, ""
            return self._party_id(("spec", spec.name), spec.name, None), spec.role or ""
        name, uid, raw_role = item.get("name"), item.get("party"), item.get("role")
        if name is not None and type(name) is not str:
            _text(name, "party name")  # refuses it
        role_key = _spelling(raw_role)
        if role_key not in self.roles:
            text = _text(raw_role, "role")
            _remember(self.roles, role_key, check_role(text, f"party {name!r}") or "")
        if type(uid) is str and uid in self.party_uids:  # stored with this uid
            return self.party_uids[uid], self.roles[role_key]
        key = ("link", _spelling(uid), _spelling(name))
        return self._party_id(key, name, uid), self.roles[role_key]

    def _party_id(self, key: tuple[Any, ...], raw_name: Any, raw_uid: Any) -> int:
        if key in self.party_links:
            return self.party_links[key]
        name = _text(raw_name, "party name") or ""
        uid = _uid(raw_uid) if raw_uid else None
        party_id = self._party_by_uid(uid) if uid else None
        if party_id is not None:
            return party_id
        if name_key(name):
            party_id = find_party_id(self.conn, name)
        if party_id is None:
            if not name_key(name):
                raise CasetrackError("a party link needs a name")
            if uid is None:  # typed by hand: a variant of a known name would fork the party
                refuse_close(self.conn, name, "add it first with 'casetrack party add NAME'")
            party_id = create_party(self.conn, name, uid=uid)
            self.report.added["party"] += 1
            if uid:
                _remember(self.party_uids, uid, party_id)
                return party_id
        # Matched by name: its stored uid is another, so only this spelling maps to it.
        _remember(self.party_links, key, party_id)
        return party_id

    def _link_source(self, item: Any) -> tuple[int, str | None, str | None, str | None]:
        item = _record(item, "link")
        uid, url, quote = item.get("source"), item.get("url"), item.get("quote")
        for value, what in ((url, "source url"), (quote, "quote")):
            if value is not None and type(value) is not str:
                _text(value, what)  # refuses it
        if type(uid) is str and uid in self.source_uids:  # stored with this uid
            source_id = self.source_uids[uid]
        else:
            key = ("link", _spelling(uid), _spelling(url))
            source_id = self.source_links.get(key) or self._resolve_source(item, key)
        page, paragraph = item.get("page"), item.get("paragraph")
        return source_id, quote or None, _text(page, "page"), _text(paragraph, "paragraph")

    def _resolve_source(self, item: dict[str, Any], key: tuple[Any, ...]) -> int:
        url = _text(item.get("url"), "source url") or ""
        uid = _uid(item["source"]) if item.get("source") else None
        if uid in self.source_uids:
            return self.source_uids[uid]
        row = self.conn.execute(
            "SELECT id, uid FROM sources WHERE uid = ? UNION ALL"
            " SELECT id, uid FROM sources WHERE url = ? LIMIT 1",
            (uid, url),
        ).fetchone()
        if row is not None:
            source_id, stored_uid = int(row[0]), row[1]
        elif not url:
            raise CasetrackError("a source link needs a URL or citation")
        else:
            self.report.added["source"] += 1
            source_id, stored_uid = create_source(self.conn, url, uid=uid), uid
        if uid and stored_uid == uid:
            _remember(self.source_uids, uid, source_id)
        else:  # matched by URL: its stored uid is another, so only this spelling maps to it
            _remember(self.source_links, key, source_id)
        return source_id

    def milestone(self, line: int, record: Any) -> None:
        record = _record(record, "milestone")
        slug = _text(record.get("case"), "case") or self.case
        if self.case is not None and slug and slug.lower() != self.case.lower():
            self.report.skipped += 1
            return
        if not slug:
            raise CasetrackError("missing case: fill the case column or pass --case")
        title = required_title(_text(record.get("title"), "title") or "")
        date_text = _text(record.get("date"), "date")
        if not date_text:
            raise CasetrackError("missing date")
        if date_text not in self.dates:  # a timeline repeats its dates: parse each once
            _remember(self.dates, date_text, date_columns(parse_date(date_text)))
        dated = self.dates[date_text]
        kind = " ".join((_text(record.get("kind"), "kind") or "other").split()).lower()
        if kind not in self.kinds:
            raise CasetrackError(
                f"unknown kind {kind!r}{did_you_mean(kind, self.kinds)}: "
                "add it with 'casetrack kind add NAME' first"
            )
        status = check_choice(
            _text(record.get("status"), "status") or "undisputed", MILESTONE_STATUSES, "status"
        )
        tags = record.get("tags") or []
        if not isinstance(tags, list):
            raise CasetrackError("tags must be a list")
        parties = [self._link_party(p) for p in record.get("parties") or []]
        sources = [self._link_source(s) for s in record.get("sources") or []]
        case_id = self._case_id(slug, _text(record.get("case_title"), "case_title"))
        columns = {
            "case_id": case_id,
            **dated,
            "kind": kind,
            "title": title,
            "location": _text(record.get("location"), "location"),
            "note": _text(record.get("note"), "note"),
            "status": status,
            "key": _flag(record.get("key")),
        }
        cleaned_tags = sorted({" ".join(str(t).split()).lower() for t in tags} - {""})
        self.batch.append(
            _Row(line, _uid(record.get("uid")), slug, columns, parties, sources, cleaned_tags)
        )

    def flush(self) -> None:
        """Write the batch: new milestones with executemany, changed ones updated."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        added = self.report.added["milestone"]
        if self.bulk and added >= REINDEX_AFTER and added >= self.first_new_id:
            self.bulk.drop_read_indexes()
        conn = self.conn
        uids = [r.uid for r in batch]
        existing = dict(
            conn.execute(
                f"SELECT uid, id FROM milestones WHERE uid IN ({', '.join('?' for _ in uids)})",
                uids,
            ).fetchall()
        )
        stored = {m.id: m for m in load_milestones(conn, list(existing.values()))}
        stamp = now()
        inserts: list[tuple[Any, ...]] = []
        linked: list[tuple[int, _Row]] = []
        seen: dict[str, int] = {}
        for row in batch:
            if row.uid in seen or existing.get(row.uid, 0) >= self.first_new_id:
                first = f"line {seen[row.uid]}" if row.uid in seen else "an earlier line"
                self.error(row.line, f"milestone uid {row.uid} appears twice (see {first})")
                continue
            seen[row.uid] = row.line
            milestone_id = existing.get(row.uid)
            if milestone_id is None:
                milestone_id = self.next_id
                self.next_id += 1
                inserts.append(
                    _INSERTED(
                        row.columns | {"id": milestone_id, "uid": row.uid,
                                       "position": milestone_id, "created_at": stamp,
                                       "updated_at": stamp}
                    )
                )  # fmt: skip
                self.report.added["milestone"] += 1
            elif milestone_id in stored and row.same_as(stored[milestone_id]):
                self.report.unchanged["milestone"] += 1
                continue
            else:
                assignments = ", ".join(f"{k} = ?" for k in row.columns)
                conn.execute(
                    f"UPDATE milestones SET {assignments}, updated_at = ? WHERE id = ?",
                    (*row.columns.values(), stamp, milestone_id),
                )
                for table in LINK_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE milestone_id = ?", (milestone_id,))
                self.report.updated["milestone"] += 1
            linked.append((milestone_id, row))
        conn.executemany(
            f"INSERT INTO milestones ({', '.join(_MILESTONE_COLUMNS)})"
            f" VALUES ({', '.join('?' for _ in _MILESTONE_COLUMNS)})",
            inserts,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO milestone_parties (rowid, milestone_id, party_id, role)"
            " VALUES (?, ?, ?, ?)",
            self._numbered(
                "milestone_parties",
                [(mid, pid, role) for mid, row in linked for pid, role in row.parties],
            ),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO milestone_sources"
            " (rowid, milestone_id, source_id, quote, page, paragraph) VALUES (?, ?, ?, ?, ?, ?)",
            self._numbered(
                "milestone_sources", [(mid, *s) for mid, row in linked for s in row.sources]
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO milestone_tags (rowid, milestone_id, tag) VALUES (?, ?, ?)",
            self._numbered(
                "milestone_tags", [(mid, tag) for mid, row in linked for tag in row.tags]
            ),
        )

    def _numbered(self, table: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The rows with rowids counted on from the table's largest when the import began.

        Left to choose, SQLite gives a new row the largest rowid plus one, which after a
        re-import deleted a milestone's newest links is a rowid the table had before, or
        fills an older gap; bulk_inserts records as new only the rows above that largest.
        """
        first = self.next_rowids[table]
        self.next_rowids[table] = first + len(rows)
        return [(rowid, *row) for rowid, row in enumerate(rows, first)]
