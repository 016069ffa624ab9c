"""Erasing for good, for confidentiality (a witness's name, privileged text, a GDPR request).

Deleting a row in SQLite leaves its bytes behind: in the free space of its page, in free
pages, in the write-ahead log, in the history's copies of its values and in the full-text
index. Erasing removes the rows, blanks the history values that hold their text (their
history rows stay, saying which change erased them), merges the search index so no segment
keeps their words, then rewrites the whole file (VACUUM) and empties the -wal, so that no
byte of the text is left in the store's files.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from casetrack.errors import CasetrackError, NotFoundError
from casetrack.store import Store
from casetrack.tables import LINK_TABLES
from casetrack.text import plural


@dataclass
class Targets:
    """What to erase, by id; a milestone's links and a party's aliases go with it."""

    milestones: set[int] = field(default_factory=set)
    cases: set[int] = field(default_factory=set)
    parties: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.milestones or self.cases or self.parties or self.sources or self.documents)

    def describe(self) -> str:
        """What goes, counted by kind: erasing asks about it, then says it was done."""
        counts = [
            (len(self.milestones), "milestone", None),
            (len(self.cases), "case", None),
            (len(self.parties), "party", "parties"),
            (len(self.sources), "source", None),
            (len(self.documents), "document", None),
        ]
        return ", ".join(plural(n, word, many) for n, word, many in counts if n) or "nothing"


Pick = Callable[[sqlite3.Connection], Targets]


def parties_said(conn: sqlite3.Connection, targets: Targets) -> str:
    """Each party `targets` erases, by its name, with its aliases and the milestones it is
    linked to (in the trash too): a party is found by any of its names, so the question asked
    before erasing says which one goes ('' when none does)."""
    from casetrack.parties import get_party_by_id, known_as, linked_milestones

    said = []
    for party_id in sorted(targets.parties):
        party = get_party_by_id(conn, party_id)
        links = linked_milestones(conn, party_id)
        named = known_as(party.name, party.aliases, quoted=True)
        said.append(f"{named}; linked to {plural(links, 'milestone')}")
    return "; ".join(said)


def in_trash(conn: sqlite3.Connection) -> Targets:
    """Trashed milestones, and trashed cases that have no live milestone left."""
    return Targets(
        milestones={r[0] for r in conn.execute(
            "SELECT id FROM milestones WHERE deleted_at IS NOT NULL")},
        cases={r[0] for r in conn.execute(
            "SELECT id FROM cases WHERE deleted_at IS NOT NULL AND NOT EXISTS (SELECT 1"
            " FROM milestones m WHERE m.case_id = cases.id AND m.deleted_at IS NULL)")},
    )  # fmt: skip


def named(
    milestones: list[int],
    cases: list[str],
    parties: list[str],
    sources: list[str],
    documents: tuple[str, ...] | list[str] = (),
) -> Pick:
    """Milestones by id (live, in the trash, or only in the history: undone), cases by slug
    (with all their milestones), parties by name or alias, sources by id or URL: live or in
    the trash; documents by id or hash, registered or removed
    with `doc rm` (whose pages and source history still holds), with their source and its
    citations. An unknown one is refused, naming it."""

    def pick(conn: sqlite3.Connection) -> Targets:
        from casetrack.parties import require_party_id
        from casetrack.sources import find_source

        targets = Targets()
        for milestone_id in milestones:
            if not conn.execute(
                "SELECT 1 FROM milestones WHERE id = ?1 UNION ALL SELECT 1 FROM history"
                " WHERE table_name = 'milestones' AND row_id <= ?1"
                " AND coalesce(last_row_id, row_id) >= ?1 AND erased_by IS NULL"
                " AND (last_row_id IS NULL OR action = 'delete')",
                (milestone_id,),
            ).fetchone():
                raise NotFoundError(f"no milestone {milestone_id}: see 'casetrack timeline'")
            targets.milestones.add(milestone_id)
        for slug in cases:
            row = conn.execute("SELECT id FROM cases WHERE slug = ?", (slug.strip(),)).fetchone()
            if row is None:
                from casetrack.text import did_you_mean

                slugs = [r[0] for r in conn.execute("SELECT slug FROM cases")]
                raise NotFoundError(f"no case {slug!r}{did_you_mean(slug, slugs)}")
            targets.cases.add(row[0])
            targets.milestones.update(
                r[0] for r in conn.execute("SELECT id FROM milestones WHERE case_id = ?", row)
            )
        targets.parties.update(require_party_id(conn, name, addable=False) for name in parties)
        for ref in sources:
            source = find_source(conn, ref)
            if source is None:
                raise NotFoundError(f"no source {ref!r}: see 'casetrack source list'")
            targets.sources.add(source.id)
        for ref in documents:
            targets.documents.add(_document_id(conn, ref))
        if targets.documents:
            # The document's own source, also one `doc rm` removed (known from history).
            known = _refers(("sources",), "document_id", "d")
            targets.sources.update(
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM sources WHERE {_in('document_id', 'd')}"
                    f" UNION SELECT row_id FROM history WHERE {known}",
                    {"d": _ids(targets.documents)},
                )
            )
        return targets

    return pick


@dataclass
class Erased:
    targets: Targets
    change: int | None  # the change that records the erasure (None if there was nothing)
    wiped: bool  # False: another program kept the -wal from being emptied
    # Parties and sources (their names and URLs) that only erased milestones linked to: they
    # are records of their own and stay, so the person erasing may want to purge them too.
    unlinked: list[str] = field(default_factory=list)
    # Deadlines, not erased, counted from an erased milestone: their working is blanked.
    untriggered: list[int] = field(default_factory=list)


def erase(store: Store, pick: Pick) -> Erased:
    """Erase what `pick` chooses (inside the write, so it sees what is there then) for good.

    Not undoable: the history rows that recorded these rows keep their action, table and
    row but lose their values, and are marked as erased by this change.
    """
    store.conn.execute("PRAGMA secure_delete = ON")  # zeroes what it deletes, in place
    with store.write() as conn:
        targets = pick(conn)
        unlinked = _only_linked_to(conn, targets)
        untriggered = [
            r[0]
            for r in conn.execute(
                f"SELECT milestone_id FROM deadlines WHERE {_in('trigger_id', 'm')}"
                f" AND NOT {_in('milestone_id', 'm')} ORDER BY milestone_id",
                {"m": _ids(targets.milestones)},
            )
        ]
        change = _erase_rows(store, targets) if targets else None
    return Erased(targets, change, wipe(store), unlinked, untriggered)


def _document_id(conn: sqlite3.Connection, ref: str) -> int:
    """A registered document's id, or the id of one `doc rm` removed that history recorded."""
    from casetrack.document_pages import get_document

    try:
        return get_document(conn, ref).id
    except NotFoundError:
        ref = ref.strip()
        if not (ref.isascii() and ref.isdigit() and len(ref) <= 18):
            raise
        removed = conn.execute(
            "SELECT row_id FROM history WHERE table_name = 'documents' AND row_id = ?"
            " AND erased_by IS NULL LIMIT 1",
            (int(ref),),
        ).fetchone()
        if removed is None:
            raise
        return int(removed[0])


def _only_linked_to(conn: sqlite3.Connection, targets: Targets) -> list[str]:
    """Parties and sources, not themselves erased, that no milestone but these links to."""
    params = {"m": _ids(targets.milestones), "p": _ids(targets.parties),
              "s": _ids(targets.sources)}  # fmt: skip
    found = []
    for noun, table, link, column, param, label in (
        ("party", "parties", "milestone_parties", "party_id", "p", "name"),
        ("source", "sources", "milestone_sources", "source_id", "s", "url"),
    ):
        found += [
            f"{noun} {r[0]!r}"
            for r in conn.execute(
                f"SELECT {label} FROM {table} WHERE id IN (SELECT {column} FROM {link}"
                f" WHERE {_in('milestone_id', 'm')}) AND NOT {_in('id', param)}"
                f" AND NOT EXISTS (SELECT 1 FROM {link} o WHERE o.{column} = {table}.id"
                f" AND NOT {_in('o.milestone_id', 'm')}) ORDER BY 1",
                params,
            )
        ]
    return found


def _ids(values: set[int]) -> str:
    import json

    return json.dumps(sorted(values))


def _erase_rows(store: Store, targets: Targets) -> int:
    conn = store.conn
    change = store.change_id()
    params = {
        "m": _ids(targets.milestones),
        "c": _ids(targets.cases),
        "p": _ids(targets.parties),
        "s": _ids(targets.sources),
        "d": _ids(targets.documents),
    }
    # The rows that go, by table, to find the spans of history (rows added in bulk) they are in.
    going = {
        "milestones": set(targets.milestones),
        "cases": set(targets.cases),
        "parties": set(targets.parties),
        "sources": set(targets.sources),
        "documents": set(targets.documents),
    }
    for table, where in _LINKS_GOING:
        going.setdefault(table, set()).update(
            r[0] for r in conn.execute(f"SELECT rowid FROM {table} WHERE {where}", params)
        )
    for sql in _ERASING:
        conn.execute(sql, params)
    # The rows that go and their links are erased from the copies of rows undone in bulk,
    # with a case's milestones that only a copy holds; the spans they were in say so.
    spans = set(_scrub_copies(conn, targets))
    params["m"] = _ids(targets.milestones)
    going["milestones"].update(targets.milestones)
    spans.update(
        history_id
        for history_id, table, first, last in conn.execute(
            "SELECT id, table_name, row_id, last_row_id FROM history WHERE last_row_id IS NOT NULL"
        ).fetchall()
        if _any_between(sorted(going.get(table, ())), first, last)
    )
    conn.execute(
        "UPDATE history SET old = NULL, new = NULL, digest = NULL, erased_by = :change"
        f" WHERE {_HOLDS_ERASED} OR id IN (SELECT value FROM json_each(:spans))",
        {**params, "change": change, "spans": _ids(spans)},
    )
    return change


def _scrub_copies(conn: sqlite3.Connection, targets: Targets) -> list[int]:
    """Erase what goes from the copies of rows an undo removed in bulk (history_copies):
    the rows themselves, a case's milestones (added to targets.milestones) and every row
    linking to one; returns the ids of the history rows whose copies held one."""
    from casetrack.history_copies import line_field, scrub

    m, c, p, s, d = (targets.milestones, targets.cases, targets.parties, targets.sources,
                     targets.documents)  # fmt: skip
    going: dict[str, Callable[[int, str], bool]] = {
        "milestones": lambda rowid, line: rowid in m or line_field(line, "case_id") in c,
        "cases": lambda rowid, _: rowid in c,
        "parties": lambda rowid, _: rowid in p,
        "party_aliases": lambda _, line: line_field(line, "party_id") in p,
        "sources": lambda rowid, line: rowid in s or line_field(line, "document_id") in d,
        "documents": lambda rowid, _: rowid in d,
        "document_pages": lambda _, line: line_field(line, "document_id") in d,
        "milestone_parties": lambda _, line: (line_field(line, "milestone_id") in m
                                              or line_field(line, "party_id") in p),
        "milestone_sources": lambda _, line: (line_field(line, "milestone_id") in m
                                              or line_field(line, "source_id") in s),
        "milestone_tags": lambda _, line: line_field(line, "milestone_id") in m,
        "deadlines": lambda _, line: (line_field(line, "milestone_id") in m
                                      or line_field(line, "trigger_id") in m),
    }  # fmt: skip
    held = []
    # Milestones first: the links of a case's milestones go with them.
    for history_id, table in conn.execute(
        "SELECT id, table_name FROM history WHERE action = 'delete' AND last_row_id IS NOT NULL"
        " AND EXISTS (SELECT 1 FROM history_rows WHERE history_id = history.id)"
        " ORDER BY table_name != 'milestones', id"
    ).fetchall():
        if table not in going or not any(_SCRUBBED_BY[table](targets)):
            continue  # nothing of this table goes: its copies are not read
        erased = scrub(conn, history_id, going[table])
        if erased:
            held.append(history_id)
        if table == "milestones":
            m.update(erased)
    return held


# What a table's copies lose rows for: which of the targets' sets (after a case's milestones
# are added) can pick one of its rows.
_SCRUBBED_BY: dict[str, Callable[[Targets], tuple[set[int], ...]]] = {
    "milestones": lambda t: (t.milestones, t.cases),
    "cases": lambda t: (t.cases,),
    "parties": lambda t: (t.parties,),
    "party_aliases": lambda t: (t.parties,),
    "sources": lambda t: (t.sources, t.documents),
    "documents": lambda t: (t.documents,),
    "document_pages": lambda t: (t.documents,),
    "milestone_parties": lambda t: (t.milestones, t.parties),
    "milestone_sources": lambda t: (t.milestones, t.sources),
    "milestone_tags": lambda t: (t.milestones,),
    "deadlines": lambda t: (t.milestones,),
}


def _any_between(rowids: list[int], first: int, last: int) -> bool:
    at = bisect_left(rowids, first)
    return at < len(rowids) and rowids[at] <= last


def _in(column: str, param: str) -> str:
    return f"{column} IN (SELECT value FROM json_each(:{param}))"


_LINKS_GOING = [
    *((link, _in("milestone_id", "m")) for link in LINK_TABLES),
    ("milestone_parties", _in("party_id", "p")),
    ("party_aliases", _in("party_id", "p")),
    ("milestone_sources", _in("source_id", "s")),
    ("deadlines", _in("milestone_id", "m")),
    ("document_pages", _in("document_id", "d")),
]
# A deadline counted from an erased milestone stays (it is the user's own), but its working
# says the trigger's day: it is blanked first, while it still names the trigger, so that the
# history row of that blanking is erased too. Milestones take their links with them (ON
# DELETE CASCADE; a deadline's trigger_id is set to NULL), parties their aliases.
_ERASING = [
    f"UPDATE deadlines SET working = NULL WHERE {_in('trigger_id', 'm')}"
    f" AND NOT {_in('milestone_id', 'm')}",
    f"DELETE FROM milestones WHERE {_in('id', 'm')}",
    f"DELETE FROM milestone_parties WHERE {_in('party_id', 'p')}",
    f"DELETE FROM parties WHERE {_in('id', 'p')}",
    f"DELETE FROM milestone_sources WHERE {_in('source_id', 's')}",
    f"DELETE FROM sources WHERE {_in('id', 's')}",
    f"DELETE FROM cases WHERE {_in('id', 'c')}",
    f"DELETE FROM document_pages WHERE {_in('document_id', 'd')}",
    f"DELETE FROM documents WHERE {_in('id', 'd')}",
]


def _refers(tables: tuple[str, ...], column: str, param: str) -> str:
    """History rows of `tables` whose old or new values point at an erased row."""
    names = ", ".join(f"'{t}'" for t in tables)
    old, new = (_in(f"json_extract({side}, '$.{column}')", param) for side in ("old", "new"))
    return f"(table_name IN ({names}) AND ({old} OR {new}))"


# History rows that hold the values of an erased row: its own, those of its links, and
# those of a deadline while it was counted from it (its working says the trigger's day).
_HOLDS_ERASED = " OR ".join(
    [
        *(f"(table_name = '{table}' AND {_in('row_id', p)})"
          for table, p in (("milestones", "m"), ("cases", "c"), ("parties", "p"),
                           ("sources", "s"), ("deadlines", "m"), ("documents", "d"))),
        _refers(LINK_TABLES, "milestone_id", "m"),
        _refers(("deadlines",), "trigger_id", "m"),
        _refers(("milestone_parties", "party_aliases"), "party_id", "p"),
        _refers(("milestone_sources",), "source_id", "s"),
        _refers(("document_pages",), "document_id", "d"),
    ]
)  # fmt: skip


def wipe(store: Store) -> bool:
    """Merge the search index, rewrite the store without its free space (VACUUM), then
    empty its -wal.

    Returns False if another program is still reading an older state of the store: the
    -wal keeps its pages until every program using the store has closed it.
    """
    conn = store.conn
    conn.execute("PRAGMA secure_delete = ON")
    with store.write(record=False):
        # Deleting from FTS5 adds tombstones: words, removed or edited away, stay in older
        # segments until they are merged.
        for fts in ("milestone_search_fts", "party_names_fts", "document_pages_fts",
                    "case_names_fts"):  # fmt: skip
            conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
    conn.execute("VACUUM")
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return not busy


def prune_day(text: str) -> date:
    """The day `history prune --before` cuts at: the first day of the date typed, so one with
    no first day (before 2020, unknown) is refused rather than guessed."""
    from casetrack.dates import parse_date

    start = parse_date(text).start
    if start is None:
        raise CasetrackError(f"--before needs a known date, e.g. 2024-01-01, not {text!r}")
    return start


def prune_history(store: Store, before: str) -> tuple[int, int, bool]:
    """Remove the changes made before `before` (an ISO date) and their history rows, then
    wipe the free space they leave; returns how many changes and history rows went, and
    whether the wipe could empty the -wal.

    A change undone after that date is kept, with its undo, so no undo points at nothing.
    """
    with store.write(undoable=False) as conn:
        pruned = (
            "SELECT c.id FROM changes c LEFT JOIN changes u ON u.id = c.undone_by"
            " WHERE c.at < :before AND (u.id IS NULL OR u.at < :before)"
        )
        rows = conn.execute(
            f"DELETE FROM history WHERE change_id IN ({pruned})", {"before": before}
        ).rowcount
        changes = conn.execute(
            f"DELETE FROM changes WHERE id IN ({pruned})", {"before": before}
        ).rowcount
    return changes, rows, wipe(store)
