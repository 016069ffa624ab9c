"""The one place milestones and their links are written: ids, rowids, links and name lookups.

`add` writes a batch of one, an import and the benchmark generator batches of thousands;
all go through `MilestoneWriter`, inside the caller's write transaction, after
casetrack.drafts.check has passed each milestone. The writer settles what needs the store
(the case, the kind, which party a name or an export's uid means, which source a URL or id
means), creating parties and sources that are new, and remembers what it settled so a
batch repeating the same names asks the store once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import count
from typing import Any, NoReturn, TypeVar

from casetrack.cases import require_case_id
from casetrack.clock import now
from casetrack.dates import DateValue
from casetrack.document_pages import (
    Document,
    find_page,
    get_document,
    page_text,
    quote_found,
    quote_pages,
)
from casetrack.drafts import (
    MILESTONE_COLUMNS,
    Checked,
    Citation,
    PartySpec,
    check_role,
    clean_kind,
    date_columns,
    party_spec_text,
)
from casetrack.errors import CasetrackError
from casetrack.models import KIND_SPELLINGS, KNOWN_ROLES
from casetrack.parties import (
    create_party,
    find_party_id,
    kind_of_new_party,
    refuse_close,
    roles_in_use,
)
from casetrack.pinpoints import pinpoint_text
from casetrack.sources import create_source, find_source, refuse_close_citation
from casetrack.sql import placeholders, set_changed
from casetrack.tables import LINK_TABLES
from casetrack.text import did_you_mean, name_key, shell_word

T = TypeVar("T")
CACHE_LIMIT = 250_000  # entries per lookup cache: some 30 MB at most
# What `insert` binds of a milestone, in order (milestone_values).
INSERT_COLUMNS = ("id", "case_id", "position", *MILESTONE_COLUMNS, "created_at", "updated_at")
_INSERT = (
    f"INSERT INTO milestones ({', '.join(INSERT_COLUMNS)}) VALUES ({placeholders(INSERT_COLUMNS)})"
)
# What each link table's insert binds after the rowid, in order (an import's worker hashes
# the rows it makes ready as bound).
LINK_COLUMNS = {
    "milestone_parties": ("milestone_id", "party_id", "role"),
    "milestone_sources": (
        "milestone_id", "source_id", "quote", "page", "paragraph", "page_index", "quote_found",
    ),
    "milestone_tags": ("milestone_id", "tag"),
}  # fmt: skip


def _link_insert(table: str, verb: str = "INSERT OR IGNORE", then: str = "") -> str:
    columns = ("rowid", *LINK_COLUMNS[table])
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({placeholders(columns)}){then}"


_LINK_PARTY = _link_insert("milestone_parties")
_LINK_SOURCE = _link_insert(
    "milestone_sources",
    "INSERT",
    " ON CONFLICT (milestone_id, source_id) DO UPDATE"
    " SET quote = excluded.quote, page = excluded.page, paragraph = excluded.paragraph,"
    " page_index = excluded.page_index, quote_found = excluded.quote_found",
)
_LINK_TAG = _link_insert("milestone_tags")

PartyLinkRow = tuple[int, str]  # party id, role ("" for none)
# source id, quote, page, paragraph, page index (the position of a document's page cited),
# whether the quote is on that page (1 or 0; None: not checked, see document_pages.quote_found)
SourceLinkRow = tuple[int, str | None, str | None, str | None, int | None, int | None]
# What `insert` writes of a milestone: its case id, Checked.values(), its party and source
# link rows and its tags. A plain tuple: an import's worker process hands over one a record.
Row = tuple[int, tuple[object, ...], list[PartyLinkRow], list[SourceLinkRow], list[str]]


def milestone_values(milestone_id: int, row: Row, stamp: str) -> tuple[object, ...]:
    """A new milestone's values as `insert` binds them (INSERT_COLUMNS): its position is
    its id, its clocks `stamp`."""
    case_id, values, *_ = row
    return (milestone_id, case_id, milestone_id, *values, stamp, stamp)


@dataclass(slots=True)
class Ready:
    """A checked milestone with everything the store settles: what `insert` writes."""

    checked: Checked
    case_id: int
    kind: str
    parties: list[PartyLinkRow]
    sources: list[SourceLinkRow]

    def columns(self) -> dict[str, object]:
        """The milestone's columns by name, its case and kind as the store names them."""
        return {**self.checked.columns(), "case_id": self.case_id, "kind": self.kind}

    def row(self) -> Row:
        """What `insert` writes."""
        return self.case_id, self.checked.values(), self.parties, self.sources, self.checked.tags


@dataclass
class Created:
    """Names the writer added to the store, so the user can be told."""

    parties: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # New parties given a role that is not a known one: (NAME:ROLE as typed, role), perhaps
    # a name holding a colon, by new party name.
    odd_roles: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Typed roles neither known nor in use before: a typo the user should see.
    roles: list[str] = field(default_factory=list)
    # Sources already in the store whose empty title a citation filled, by URL.
    titled: list[str] = field(default_factory=list)
    # What the user should know of what was written: a quote not found on its page.
    warnings: list[str] = field(default_factory=list)


def _pinpoint(row: SourceLinkRow) -> str:
    """Where a citation points, for a message: 'p. 2, ¶ 4, “words”' as `show` says it."""
    quote, page, paragraph, page_index = row[1:5]
    parts = [pinpoint_text(page, paragraph, label=page_index is not None)]
    if quote:
        parts.append(f"“{quote[:40]}…”" if len(quote) > 40 else f"“{quote}”")
    return ", ".join(p for p in parts if p) or "no page"


def _kept_in_order(
    stored: Sequence[Sequence[Any]], wanted: Sequence[Sequence[Any]]
) -> tuple[list[Sequence[Any]], list[int]]:
    """(the links to add, the rowids of the stored ones to remove) so that the stored links
    (rowid first, in their order) become `wanted`, in its order: the stored ones that are
    the start of `wanted`, in order, stay (an unchanged list, or one with links only added
    at its end or removed anywhere, removes and adds nothing it keeps)."""
    kept, gone = 0, []
    for rowid, *link in stored:
        if kept < len(wanted) and tuple(link) == tuple(wanted[kept]):
            kept += 1
        else:
            gone.append(int(rowid))
    return list(wanted[kept:]), gone


def remember(cache: dict[Any, T], key: Any, value: T) -> None:
    """Keep a lookup, emptying the cache when it is full: memory stays bounded."""
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _grouped(pairs: Iterable[PartyLinkRow]) -> Iterable[tuple[int, list[str]]]:
    """Each party of these links once, in the order first named, with its roles (no role
    given: none)."""
    roles: dict[int, list[str]] = {}
    for party_id, role in pairs:
        given = roles.setdefault(party_id, [])
        if role and role not in given:
            given.append(role)
    return roles.items()


def find_kind(conn: sqlite3.Connection, kind: str) -> str | None:
    """The kind the store knows by this cleaned name (casetrack.drafts.clean_kind), or by
    it in other accents (`garde a vue` for `garde à vue`), as names are matched, or in its
    British spelling (`judgement`, models.KIND_SPELLINGS); else None."""
    if conn.execute("SELECT 1 FROM kinds WHERE name = ?", (kind,)).fetchone() is not None:
        return kind
    for (name,) in conn.execute("SELECT name FROM kinds ORDER BY name"):
        if name_key(name) == name_key(kind):
            return str(name)
    spelt = KIND_SPELLINGS.get(name_key(kind))  # judgement, the kind judgment
    return None if spelt is None else find_kind(conn, spelt)


def check_kind(conn: sqlite3.Connection, kind: str) -> str:
    """The kind named `kind` as typed (cleaned here as stored) as find_kind finds it, or a
    refusal suggesting the closest known kinds; close to none (a kind of another store's, as
    a sheet it exported names), the `kind add` that adds it."""
    kind = clean_kind(kind)
    found = find_kind(conn, kind)
    if found is None:
        known = [r[0] for r in conn.execute("SELECT name FROM kinds ORDER BY name")]
        near = did_you_mean(kind, known)
        name = "NAME" if near else shell_word(kind)
        raise CasetrackError(
            f"unknown kind {kind!r}{near}: "
            f"see 'casetrack kind list' or add it with 'casetrack kind add {name}'"
        )
    return found


def rekind(conn: sqlite3.Connection, old: str, new: str) -> int:
    """Give every milestone of kind `old`, trashed ones too, kind `new` (a kind renamed or
    merged into another); how many."""
    return conn.execute("UPDATE milestones SET kind = ? WHERE kind = ?", (new, old)).rowcount


def place(conn: sqlite3.Connection, places: Iterable[tuple[str, float, int]]) -> None:
    """Give milestones new places among those of their date: (sort key, position, id) each."""
    conn.executemany("UPDATE milestones SET sort_key = ?, position = ? WHERE id = ?", places)


def record_quote_checks(conn: sqlite3.Connection, checks: Iterable[tuple[int | None, int]]) -> None:
    """Record whether citations' quotes are on their pages: (1, 0 or None, rowid) each, as
    documents.recheck_quotes found them once a document's pages were read or checked again."""
    conn.executemany("UPDATE milestone_sources SET quote_found = ? WHERE rowid = ?", checks)


def move_citations(
    conn: sqlite3.Connection, moves: Iterable[tuple[int, int | None, int | None, int]]
) -> None:
    """Have citations cite another source at one of its pages: (source id, page index, quote
    found, rowid) each, as a document replaced by its new bytes (documents.replace_document)."""
    conn.executemany(
        "UPDATE milestone_sources SET source_id = ?, page_index = ?, quote_found = ?"
        " WHERE rowid = ?",
        moves,
    )


def move_party_links(conn: sqlite3.Connection, duplicate: int, kept: int) -> None:
    """Give the milestones of party `duplicate` party `kept` instead, in the same roles (a
    role both had stays once): a merge of two parties."""
    conn.execute(
        "INSERT OR IGNORE INTO milestone_parties (milestone_id, party_id, role)"
        " SELECT milestone_id, ?, role FROM milestone_parties WHERE party_id = ?",
        (kept, duplicate),
    )
    conn.execute("DELETE FROM milestone_parties WHERE party_id = ?", (duplicate,))


def move_source_links(conn: sqlite3.Connection, duplicate: int, kept: int) -> int:
    """Have the milestones citing source `duplicate` cite source `kept` instead, at the same
    place; a milestone citing both keeps the kept source's citation (the caller refuses one
    citing them at different places). How many citations moved or folded: a merge."""
    moved = conn.execute(
        "UPDATE milestone_sources SET source_id = ? WHERE source_id = ? AND milestone_id"
        " NOT IN (SELECT milestone_id FROM milestone_sources WHERE source_id = ?)",
        (kept, duplicate, kept),
    ).rowcount
    folded = conn.execute("DELETE FROM milestone_sources WHERE source_id = ?", (duplicate,))
    return int(moved + folded.rowcount)


class MilestoneWriter:
    """Writes checked milestones and their links inside the caller's write transaction.

    Ids count on from the largest the store ever gave when the writer was made (purge
    erases by id, so none is given twice), and the rowids of link rows from the largest in
    the store: left to choose, SQLite may give a new link a rowid freed by a
    deletion in the same transaction, which the history of a large import would take for
    an older row (see bulk_mode.bulk_inserts).

    `numbers_are_sources`: whether a bare number names a source by id, as on the command
    line; in an import file ids mean nothing, so one is refused. A new party name typed
    close to a known one is refused (it would silently fork the party) unless its spec says
    it is new; `force_new_party` says how to create it all the same, by default
    `--new-party NAME` (given, as by an import, with `{name}` for the name, the refusal
    also names the `party alias` that makes it a name of the close party, and a misspelt
    role is refused naming the file's link, not the command line's options).
    `any_spelling`: a citation names the source stored in another case, accents or spacing
    (`add` and `edit`; it reads every citation: see sources._same_citation).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        numbers_are_sources: bool = True,
        force_new_party: str | None = None,
        any_spelling: bool = False,
    ) -> None:
        self.conn = conn
        self.numbers_are_sources = numbers_are_sources
        self.any_spelling = any_spelling
        self.force_new_party = force_new_party
        self.created = Created()
        self.first_id = self.next_id = self._next("milestones", "id")
        self.next_rowids = {table: self._next(table, "rowid") for table in LINK_TABLES}
        self.cases: dict[str, int] = {}
        self.kinds: set[str] = set()
        self.party_names: dict[str, int] = {}
        self.party_uids: dict[str, int] = {}
        self.source_refs: dict[str, int] = {}
        self.source_uids: dict[str, int] = {}
        self.source_titles: set[int] = set()  # sources whose title a citation was checked with
        self.documents: dict[int, Document | None] = {}  # by source id
        self.roles: set[str] | None = None  # the roles of the store's links, once asked

    def _next(self, table: str, column: str) -> int:
        """One above the largest in `table`, and above any it ever held (its AUTOINCREMENT
        sequence, if it has one)."""
        row = self.conn.execute(
            f"SELECT max((SELECT coalesce(max({column}), 0) FROM {table}), coalesce((SELECT seq"
            " FROM sqlite_sequence WHERE name = ?), 0)) + 1",
            (table,),
        )
        return int(row.fetchone()[0])

    def forget(self) -> None:
        """Drop the lookup caches (the end of a large import needs the memory)."""
        for cache in (self.cases, self.kinds, self.party_names, self.party_uids,
                      self.source_refs, self.source_uids, self.source_titles,
                      self.documents):  # fmt: skip
            cache.clear()

    # What needs the store ---------------------------------------------------------------

    def resolve(self, checked: Checked, case_id: int | None = None) -> Ready:
        """Settle the case (unless the caller did), kind, parties and sources of a milestone."""
        kind = self.kind(checked.kind)
        if kind != checked.kind:  # typed in other accents: written as the store names it
            checked = replace(checked, kind=kind)
        return Ready(
            checked,
            self.case_id(checked.case) if case_id is None else case_id,
            kind,
            self.party_pairs(checked.parties),
            self.pinpoints(checked.sources),
        )

    def case_id(self, slug: str) -> int:
        """The id of a live case to write into; each slug is looked up once per writer."""
        if slug not in self.cases:
            remember(self.cases, slug, require_case_id(self.conn, slug, to_add=True))
        return self.cases[slug]

    def kind(self, kind: str) -> str:
        """The kind as the store names it; the names met as stored are remembered."""
        if kind not in self.kinds:
            known = check_kind(self.conn, kind)
            if known != kind:  # another spelling: not one of the store's names to remember
                return known
            self.kinds.add(known)
        return kind

    def party_pairs(self, specs: Sequence[PartySpec]) -> list[PartyLinkRow]:
        """The (party id, role) links these specs make: each party once per role given to it
        ("" only for a party given none), in the order first named."""
        pairs = [self.party_link(spec) for spec in specs]
        if len({party_id for party_id, _ in pairs}) == len(pairs):
            return pairs  # each party named once: its link as given
        return [(party_id, role) for party_id, roles in _grouped(pairs) for role in roles or [""]]

    def party_roles(self, specs: Iterable[PartySpec]) -> dict[int, list[str]]:
        """The parties these specs name, each with the roles given to it (none: no role)."""
        return dict(_grouped([self.party_link(spec) for spec in specs]))

    def party_link(self, spec: PartySpec) -> tuple[int, str]:
        """The party a spec names, by export uid, by a known name holding a colon, or by name
        or alias; a new one for a new name not close to a known one. With its role."""
        if spec.uid is not None:
            found = self.party_uids.get(spec.uid)
            if found is not None:
                return found, self.role(spec)
            found = self.party_by_uid(spec.uid)
            if found is not None:
                return found, self.role(spec)
        if spec.whole is not None:  # a known party's name holding a colon
            whole = find_party_id(self.conn, spec.whole)
            if whole is not None:
                return whole, ""
        role = self.role(spec)
        key = name_key(spec.name)
        if key in self.party_names:
            return self.party_names[key], role
        party_id = find_party_id(self.conn, spec.name) if key else None
        if party_id is None:
            if not key:
                raise CasetrackError(f"no party with uid {spec.uid}, and the link has no name")
            if not spec.new and spec.uid is None:  # typed: a variant would fork the party
                if self.force_new_party is None:
                    typed = party_spec_text(spec.name, spec.role)
                    refuse_close(self.conn, spec.name, f"--new-party {shell_word(typed)}")
                else:  # a file's name: the file is not retyped, the store's names can change
                    instead = self.force_new_party.format(name=shell_word(spec.name))
                    refuse_close(self.conn, spec.name, instead, alias=True)
            party_id = create_party(
                self.conn, spec.name, kind_of_new_party(spec.name, role), spec.uid
            )
            self.created.parties.append(spec.name)
            # A role new to the store may be the end of a name holding a colon; one in use is not.
            fresh = spec.new or role in self.created.roles
            if role and role not in KNOWN_ROLES and spec.whole and fresh:
                self.created.odd_roles[spec.name] = (spec.whole, role)
            if spec.uid is not None:
                remember(self.party_uids, spec.uid, party_id)
        remember(self.party_names, key, party_id)
        return party_id, role

    def role(self, spec: PartySpec) -> str:
        """The role of a link: one typed (`add`, `edit`, a sheet's cell) close to a known role
        or to one the store's links use ('deponant' where 'deponent' is) is refused, as it
        would split that role's links, unless --new-party keeps it; one new to the store is
        told. An export's links (by uid, or a sheet's row of an export) are taken as they
        were stored."""
        role = spec.role or ""
        if not role or role in KNOWN_ROLES or spec.new or spec.uid or spec.role_kept:
            return role
        if self.roles is None:
            self.roles = roles_in_use(self.conn)
        if role not in self.roles:
            typed = party_spec_text(spec.name, role)
            if self.force_new_party is None:  # typed on the command line
                where, keep = f"--party {typed!r}", f"--new-party {shell_word(typed)}"
            else:  # a file's link, at its line: no option of the command keeps it
                where, keep = f"the link {typed!r}", None
            role = check_role(role, where, keep, in_use=self.roles)
            if role not in self.roles and role not in KNOWN_ROLES:
                self.created.roles.append(role)
            self.roles.add(role)
        return role

    def source_id(self, citation: Citation) -> int:
        """The source this export uid, id, URL or citation means; a new one for a new URL."""
        if citation.uid is not None:
            by_uid = self.source_uids.get(citation.uid) or self.source_by_uid(citation.uid)
            if by_uid is not None:
                self._titled(by_uid, citation.title)
                return by_uid
        ref = citation.ref
        if ref in self.source_refs:
            self._titled(self.source_refs[ref], citation.title)
            return self.source_refs[ref]
        if ref.isascii() and ref.isdigit() and not self.numbers_are_sources:
            raise CasetrackError(f"source {ref!r}: give a URL or citation, not a bare number")
        if not ref:
            raise CasetrackError(f"no source with uid {citation.uid}, and the link has no URL")
        found = find_source(self.conn, ref, any_spelling=self.any_spelling)
        if found is not None:
            source_id = found.id
            self._titled(source_id, citation.title)
        else:
            if self.any_spelling and not citation.new:  # typed: a variant would fork the source
                refuse_close_citation(self.conn, ref)
            source_id = create_source(self.conn, ref, citation.title, uid=citation.uid)
            self.created.sources.append(ref)
            if citation.uid is not None:
                remember(self.source_uids, citation.uid, source_id)
        remember(self.source_refs, ref, source_id)
        return source_id

    def _titled(self, source_id: int, title: str | None) -> None:
        """Give a source in the store the title a citation brings (a sheet's 'TITLE sha256:...'
        line) if it has none; one with another title keeps it, and a warning says so, since
        an import never overwrites what the store says without telling."""
        if title is None or source_id in self.source_titles:
            return
        self.source_titles.add(source_id)
        url, own = self.conn.execute(
            "SELECT url, title FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
        if not own:
            self.conn.execute("UPDATE sources SET title = ? WHERE id = ?", (title, source_id))
            self.created.titled.append(url)
        elif name_key(own) != name_key(title):
            self.created.warnings.append(
                f"source {source_id} ({url}) kept its title {own!r}, not {title!r}: change it"
                f" with 'casetrack source edit {source_id} --title TITLE'"
            )

    def citation(self, citation: Citation) -> SourceLinkRow:
        """The link row a citation makes: a document's page checked to exist (by label or
        position), and a quote not found on it said in a warning, not refused."""
        document: Document | None
        if citation.document is not None:
            document = get_document(self.conn, citation.document)
            source_id = self.conn.execute(
                "SELECT id FROM sources WHERE document_id = ?", (document.id,)
            ).fetchone()[0]
            remember(self.documents, source_id, document)
        else:
            source_id = self.source_id(citation)
            document = self.document_of(source_id)
        page, index = citation.page, citation.page_index
        if document is None or (page is None and index is None):
            return source_id, citation.quote, page, citation.paragraph, index, None
        index, page = find_page(self.conn, document, f"#{index}" if index else str(page))
        found = self._check_quote(document, index, page, citation.quote)
        return source_id, citation.quote, page, citation.paragraph, index, found

    def document_of(self, source_id: int) -> Document | None:
        """The registered document a source is, if any."""
        if source_id not in self.documents:
            found = self.conn.execute(
                "SELECT document_id FROM sources WHERE id = ?", (source_id,)
            ).fetchone()
            by_id = get_document(self.conn, str(found[0])) if found and found[0] else None
            remember(self.documents, source_id, by_id)
        return self.documents[source_id]

    def pinpoints(
        self, citations: Iterable[Citation], milestone_id: int | None = None
    ) -> list[SourceLinkRow]:
        """The link rows of these citations, one per source: a milestone keeps one pinpoint
        per source, so a second citation of it may fill in what the first left out (a quote
        for its page) but is refused where it would silently replace a page, paragraph or
        quote (of this command's citations, or of those milestone `milestone_id` holds)."""
        rows: dict[int, SourceLinkRow] = {}
        for citation in citations:
            row = self.citation(citation)
            if row[0] in rows:  # twice in one command: completed, never replaced
                row = self._one_pinpoint(citation, row, rows[row[0]], None)
            elif milestone_id is not None and (held := self._cited(milestone_id, row[0])):
                row = self._one_pinpoint(citation, row, held, milestone_id)
            rows[row[0]] = row
        return list(rows.values())

    def _cited(self, milestone_id: int, source_id: int) -> SourceLinkRow | None:
        found = self.conn.execute(
            "SELECT source_id, quote, page, paragraph, page_index, quote_found"
            " FROM milestone_sources WHERE milestone_id = ? AND source_id = ?",
            (milestone_id, source_id),
        ).fetchone()
        return None if found is None else tuple(found)

    def _one_pinpoint(
        self,
        citation: Citation,
        row: SourceLinkRow,
        held: SourceLinkRow,
        milestone_id: int | None,
    ) -> SourceLinkRow:
        """The one pinpoint of a source cited already: completed by the new citation, and
        corrected (a quote) when milestone `milestone_id` holds it at the same place (page and
        paragraph); a second place, or two quotes in one command, refused."""
        first = 1 if milestone_id is None else 2
        if any(
            new is not None and old is not None and new != old
            for new, old in zip(row[first:4], held[first:4], strict=True)
        ):
            self._refuse_second(row, held, milestone_id)
        pairs = zip(row[1:4], held[1:4], strict=True)
        if all(new is not None or old is None for new, old in pairs):
            return row
        page_given = citation.page is not None or citation.page_index is not None
        return self.citation(citation._replace(
            quote=row[1] if row[1] is not None else held[1],
            page=row[2] if page_given else held[2],
            page_index=row[4] if page_given else held[4],
            paragraph=row[3] if row[3] is not None else held[3],
        ))  # fmt: skip

    def _refuse_second(
        self, row: SourceLinkRow, held: SourceLinkRow, milestone_id: int | None
    ) -> NoReturn:
        document = self.documents.get(row[0])
        if document is not None:
            what, undo = f"document {document.id}", f"--remove-cite {document.id}"
        else:
            url = self.conn.execute("SELECT url FROM sources WHERE id = ?", (row[0],)).fetchone()
            what, undo = f"source {url[0]}", f"--remove-source {shell_word(url[0])}"
        if milestone_id is None:
            raise CasetrackError(
                f"{what} is cited twice ({_pinpoint(held)}; {_pinpoint(row)}): a milestone keeps"
                " one pinpoint per source; cite it once and name the other place in --note"
            )
        raise CasetrackError(
            f"milestone {milestone_id} already cites {what} ({_pinpoint(held)}): a milestone"
            f" keeps one pinpoint per source; to replace it, add {undo} to this edit"
        )

    def _check_quote(
        self, document: Document, index: int, label: str, quote: str | None
    ) -> int | None:
        """Whether the quote is on its page (None: no quote, or the page's text is unknown),
        recorded with the citation; one not there is said in a warning, not refused."""
        found = quote_found(quote, page_text(self.conn, document.id, index))
        if found != 0 or quote is None:
            return found
        where = quote_pages(self.conn, document.id, quote)
        elsewhere = (
            f"it is on page {', '.join(where[:5])}" if where else "nor on any other page of it"
        )
        self.created.warnings.append(
            f"the quote is not on page {label} of document {document.id} ({document.title}):"
            f" {elsewhere}"
        )
        return found

    def party_by_uid(self, uid: str) -> int | None:
        """The party stored with this very uid (one matched by name keeps its own uid)."""
        return self._by_uid("parties", uid, self.party_uids)

    def source_by_uid(self, uid: str) -> int | None:
        """The source stored with this very uid (one matched by URL keeps its own uid)."""
        return self._by_uid("sources", uid, self.source_uids)

    def _by_uid(self, table: str, uid: str, cache: dict[str, int]) -> int | None:
        if uid not in cache:
            row = self.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
            if row is None:
                return None
            remember(cache, uid, int(row[0]))
        return cache[uid]

    # Writing ------------------------------------------------------------------------------

    def insert(self, rows: Sequence[Row], stamp: str | None = None) -> list[int]:
        """Add these milestones with their links; returns their new ids, in order. Their
        clocks say `stamp` if given (an import's worker hashes their values before), else now.

        A new milestone's position is its id: entry order among milestones of the same date.
        """
        stamp = stamp or now()
        ids = list(range(self.next_id, self.next_id + len(rows)))
        self.next_id += len(rows)
        self.conn.executemany(
            _INSERT, [milestone_values(i, row, stamp) for i, row in zip(ids, rows, strict=True)]
        )
        self.link(list(zip(ids, rows, strict=True)))
        return ids

    def replace(self, milestone_id: int, row: Ready) -> None:
        """Make a stored milestone say exactly this, links included (an import's update)."""
        columns = row.columns()
        assignments = ", ".join(f"{k} = ?" for k in columns)
        self.conn.execute(
            f"UPDATE milestones SET {assignments}, updated_at = ? WHERE id = ?",
            (*columns.values(), now(), milestone_id),
        )
        self.relink(milestone_id, row)

    def relink(self, milestone_id: int, row: Ready) -> None:
        """Make a stored milestone's links these, leaving alone each link that stays: the
        history then lists only the links that really went or came (an import's update
        used to remove and add again every link of the milestone it updated)."""
        conn = self.conn
        parties = conn.execute(
            "SELECT rowid, party_id, coalesce(role, '') FROM milestone_parties"
            " WHERE milestone_id = ? ORDER BY rowid",
            (milestone_id,),
        ).fetchall()
        sources = conn.execute(
            "SELECT rowid, source_id, quote, page, paragraph, page_index, quote_found"
            " FROM milestone_sources WHERE milestone_id = ? ORDER BY rowid",
            (milestone_id,),
        ).fetchall()
        tags = conn.execute(
            "SELECT rowid, tag FROM milestone_tags WHERE milestone_id = ? ORDER BY tag",
            (milestone_id,),
        ).fetchall()
        new_parties, gone_parties = _kept_in_order(parties, row.parties)
        new_sources, gone_sources = _kept_in_order(sources, row.sources)
        new_tags, gone_tags = _kept_in_order(tags, [(t,) for t in row.checked.tags])
        for table, gone in zip(LINK_TABLES, (gone_parties, gone_sources, gone_tags), strict=True):
            if gone:
                conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in gone])
        self.add_links(
            [(milestone_id, *p) for p in new_parties],
            [(milestone_id, *s) for s in new_sources],
            [(milestone_id, *t) for t in new_tags],
        )

    def update(self, milestone_id: int, columns: dict[str, object]) -> bool:
        """Set these columns of a stored milestone (an edit); whether any changed. One already
        as asked is not written, not even its `updated_at`: the history holds no empty change."""
        return set_changed(self.conn, "milestones", milestone_id, columns, {"updated_at": now()})

    def touch(self, milestone_id: int) -> None:
        """Mark a milestone changed when only its links were: its `updated_at`."""
        self.conn.execute(
            "UPDATE milestones SET updated_at = ? WHERE id = ?", (now(), milestone_id)
        )

    def set_roles(self, milestone_id: int, party_id: int, roles: list[str]) -> None:
        """Link a party to a milestone with these roles, which replace those it had there (its
        first link keeps its place in the list); with none, keep its roles or link it without."""
        conn = self.conn
        links = conn.execute(
            "SELECT rowid, role FROM milestone_parties WHERE milestone_id = ? AND party_id = ?"
            " ORDER BY rowid",
            (milestone_id, party_id),
        ).fetchall()
        if not roles:
            if links:
                return
            roles = [""]
        had = [role for _, role in links]
        spare = [rowid for rowid, role in links if role not in roles]
        missing = [role for role in roles if role not in had]
        for rowid, role in zip(spare, missing, strict=False):
            conn.execute("UPDATE milestone_parties SET role = ? WHERE rowid = ?", (role, rowid))
        for rowid in spare[len(missing) :]:
            conn.execute("DELETE FROM milestone_parties WHERE rowid = ?", (rowid,))
        self.add_links([(milestone_id, party_id, role) for role in missing[len(spare) :]], [], [])

    def unlink_party(self, milestone_id: int, party_id: int, role: str | None) -> int:
        """Unlink a party from a milestone: every link (role None), or the one with this role;
        how many links went."""
        of_party = "milestone_id = ? AND party_id = ?"
        if role is None:
            return self.conn.execute(f"DELETE FROM milestone_parties WHERE {of_party}",
                                     (milestone_id, party_id)).rowcount  # fmt: skip
        return self.conn.execute(f"DELETE FROM milestone_parties WHERE {of_party} AND role = ?",
                                 (milestone_id, party_id, role)).rowcount  # fmt: skip

    def unlink_source(self, milestone_id: int, source_id: int) -> bool:
        """Stop a milestone citing a source; whether it did."""
        return bool(
            self.conn.execute(
                "DELETE FROM milestone_sources WHERE milestone_id = ? AND source_id = ?",
                (milestone_id, source_id),
            ).rowcount
        )

    def untag(self, milestone_id: int, tag: str) -> None:
        """Take a tag (as stored) off a milestone; one it does not have is no error."""
        self.conn.execute(
            "DELETE FROM milestone_tags WHERE milestone_id = ? AND tag = ?", (milestone_id, tag)
        )

    def redate(self, milestone_id: int, value: DateValue) -> bool:
        """Give a stored milestone a new date (a deadline counted again); whether it moved."""
        columns = date_columns(value)
        assignments = ", ".join(f"{k} = ?" for k in columns)
        return bool(
            self.conn.execute(
                f"UPDATE milestones SET {assignments}, updated_at = ? WHERE id = ?"
                " AND date IS NOT ?",
                (*columns.values(), now(), milestone_id, value.text),
            ).rowcount
        )

    def link(self, rows: Iterable[tuple[int, Row]]) -> None:
        """Insert the links of these milestones (ids given), in batches per table, each row
        made once with its rowid (an import makes a million)."""
        pairs = list(rows)
        party, source, tag = (count(self.next_rowids[table]) for table in LINK_TABLES)
        self._insert_links(
            [(next(party), mid, *p) for mid, row in pairs for p in row[2]],
            [(next(source), mid, *s) for mid, row in pairs for s in row[3]],
            [(next(tag), mid, t) for mid, row in pairs for t in row[4]],
        )

    def add_links(
        self,
        parties: Sequence[tuple[int, int, str]],
        sources: Sequence[
            tuple[int, int, str | None, str | None, str | None, int | None, int | None]
        ],
        tags: Sequence[tuple[int, str]],
    ) -> None:
        """Insert link rows (milestone id first); a source cited again gets the new pinpoint."""
        self._insert_links(
            *(
                [(i, *r) for i, r in enumerate(rows, self.next_rowids[table])]
                for table, rows in zip(LINK_TABLES, (parties, sources, tags), strict=True)
            )
        )

    def _insert_links(self, *numbered: Sequence[tuple[Any, ...]]) -> None:
        """Insert party, source and tag link rows whose rowids count on from next_rowids."""
        for sql, table, rows in zip(
            (_LINK_PARTY, _LINK_SOURCE, _LINK_TAG), LINK_TABLES, numbered, strict=True
        ):
            if rows:
                self.next_rowids[table] += len(rows)
                self.conn.executemany(sql, rows)
