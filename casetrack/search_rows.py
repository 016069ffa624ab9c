"""Every milestone's search row at once, for the writes that recompute them all and for
`casetrack check`, which compares them with the stored rows.

The view `milestone_search_source` (schema.m002_search) says what a milestone's searchable
text is, and the triggers refresh one milestone at a time through it. Recomputing every
row through the view runs its correlated subqueries once per milestone: 46 s at a million
milestones. Here SQLite reads each link table once, in milestone order, and joins each
milestone's links into its text with group_concat (LINK_TEXT): the view's own text, in its
order (parties by id, then their aliases by party and alias id; tags by tag; quotes and
sources by source id; the roles parties play, each once, by role). `insert_search_rows`
writes them for a bulk write; `stale_rows` compares them with the stored rows, in SQLite
both, with no Python per milestone (before, rows put together in Python: 3 s of `check`'s
CPU at 200,000 milestones). tests/test_search_rows.py holds them to the view. `casetrack
search --rebuild` still goes through the view, so that it mends whatever this could ever
get wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from casetrack.writer import Row

SEARCH_COLUMNS = (
    "title", "note", "location", "tags", "quotes", "parties", "sources", "kind", "roles",
)  # fmt: skip
# The columns that are the milestone's own, stored a second time in its search row.
OWN_COLUMNS = ("title", "note", "location", "kind")
# A source's searchable label, as the view writes it.
_SOURCE_LABEL = (
    "nullif(trim(coalesce(title, '') || ' ' || coalesce(publisher, '') || ' '"
    " || CASE WHEN url LIKE 'http://%' OR url LIKE 'https://%' THEN '' ELSE url END), '')"
)


class LinkText(NamedTuple):
    """The text a kind of link brings to the search rows: `columns` of them, which `sql`
    gives (as id, *columns) for each milestone with such links (those of `links` matching
    `where`), by id. Each reads its table once, in an order that has group_concat take the
    links in the view's order; labels and aliases are worked out once per source and per
    party, not once per link."""

    links: str
    where: str
    columns: tuple[str, ...]
    sql: str


LINK_TEXT = (
    LinkText(
        "milestone_tags",
        "true",
        ("tags",),
        "SELECT milestone_id AS id, group_concat(tag, '; ') AS tags FROM milestone_tags"
        " GROUP BY milestone_id ORDER BY milestone_id",
    ),
    LinkText(
        "milestone_sources",
        "true",
        ("quotes", "sources"),
        f"WITH labels (id, label) AS MATERIALIZED (SELECT id, {_SOURCE_LABEL} FROM sources)"
        " SELECT ms.milestone_id AS id, group_concat(ms.quote, ' / ') AS quotes,"
        " group_concat(l.label, '; ') AS sources FROM milestone_sources ms"
        " LEFT JOIN labels l ON l.id = ms.source_id"
        " GROUP BY ms.milestone_id ORDER BY ms.milestone_id",
    ),
    # Each party once however many roles it plays (its link of least role); a link to a
    # missing party still brings its aliases.
    LinkText(
        "milestone_parties",
        "true",
        ("parties",),
        "WITH aliases (party_id, aliases) AS MATERIALIZED (SELECT party_id,"
        " group_concat(alias, '; ') FROM (SELECT party_id, alias FROM party_aliases"
        " ORDER BY party_id, id) GROUP BY party_id),"
        " named (id, name, aliases) AS MATERIALIZED (SELECT p.id, p.name, a.aliases"
        " FROM parties p LEFT JOIN aliases a ON a.party_id = p.id UNION ALL"
        " SELECT party_id, NULL, aliases FROM aliases"
        " WHERE party_id NOT IN (SELECT id FROM parties))"
        " SELECT l.milestone_id AS id, CASE WHEN group_concat(p.aliases, '; ') IS NULL"
        " THEN group_concat(p.name, '; ') WHEN group_concat(p.name, '; ') IS NULL"
        " THEN group_concat(p.aliases, '; ')"
        " ELSE group_concat(p.name, '; ') || '; ' || group_concat(p.aliases, '; ') END"
        " AS parties FROM milestone_parties l LEFT JOIN named p ON p.id = l.party_id"
        " WHERE NOT EXISTS (SELECT 1 FROM milestone_parties d"
        " WHERE d.milestone_id = l.milestone_id AND d.party_id = l.party_id AND d.role < l.role)"
        " GROUP BY l.milestone_id ORDER BY l.milestone_id",
    ),
    # Each role once, in order: the distinct (role, milestone) pairs come off the role index
    # in role order, and SQLite's sorter keeps rows of one milestone in the order it was
    # given them (group_concat of an ordered subquery, like the view's own subqueries).
    LinkText(
        "milestone_parties",
        "role != ''",
        ("roles",),
        "SELECT milestone_id AS id, group_concat(role, '; ') AS roles FROM (SELECT DISTINCT"
        " role, milestone_id FROM milestone_parties WHERE role != '' ORDER BY role, milestone_id)"
        " GROUP BY milestone_id ORDER BY milestone_id",
    ),
)


class LinkLabels(NamedTuple):
    """What each party and source brings to the search rows of the milestones linked to it,
    as LINK_TEXT's queries join it: a party's name and its aliases (joined, in alias order),
    a source's label."""

    parties: dict[int, tuple[str, str | None]]
    sources: dict[int, str | None]


_LABELS = (
    (
        "parties",
        "SELECT p.id, p.name, (SELECT group_concat(alias, '; ') FROM (SELECT alias"
        " FROM party_aliases a WHERE a.party_id = p.id ORDER BY a.id)) FROM parties p",
    ),
    ("sources", f"SELECT id, {_SOURCE_LABEL} FROM sources"),
)


def link_label_parts(
    conn: sqlite3.Connection, size: int = 20_000
) -> Iterator[tuple[str, list[Any]]]:
    """Every party's and source's searchable text, `size` rows at a time (for add_labels):
    an import's worker is sent them so, as a million milestones' store's, whole, would be
    a hundred megabytes at once."""
    for field, sql in _LABELS:
        rows = conn.execute(sql)
        while part := rows.fetchmany(size):
            yield field, part


def add_labels(labels: LinkLabels, field: str, rows: list[Any]) -> None:
    """Add a part link_label_parts read to `labels`."""
    if field == "parties":
        labels.parties.update((i, (name, aliases)) for i, name, aliases in rows)
    else:
        labels.sources.update(rows)


def link_labels(conn: sqlite3.Connection) -> LinkLabels:
    """Every party's and source's searchable text, read once (for search_texts)."""
    labels = LinkLabels({}, {})
    for field, rows in link_label_parts(conn):
        add_labels(labels, field, rows)
    return labels


def search_texts(row: Row, labels: LinkLabels) -> tuple[object, ...]:
    """The search row (SEARCH_COLUMNS) of a milestone about to be written as `row`, whose
    parties and sources `labels` knows, as insert_search_rows would work it out once it is
    stored: for an import's worker process, so that the importer only writes it.
    tests/test_search_rows.py holds the two to the same rows."""
    _, values, pairs, cited, tags = row
    kind, title, location, note = values[-6:-2]
    party_ids = sorted({party_id for party_id, _ in pairs})
    named = [labels.parties[party_id] for party_id in party_ids]
    aliases = [a for _, a in named if a is not None]
    parties = "; ".join([*(name for name, _ in named), *aliases]) if named else None
    ordered = sorted(cited, key=lambda link: link[0])
    quotes = [link[1] for link in ordered if link[1] is not None]
    sources = [s for s in (labels.sources[link[0]] for link in ordered) if s is not None]
    roles = sorted({role for _, role in pairs if role != ""})
    return (
        title, note, location, "; ".join(sorted(set(tags))) if tags else None,
        " / ".join(quotes) if quotes else None, parties,
        "; ".join(sources) if sources else None, kind, "; ".join(roles) if roles else None,
    )  # fmt: skip


def insert_search_rows(conn: sqlite3.Connection) -> None:
    """Insert the search row of every milestone into an empty `milestone_search` (whose
    triggers the caller has set aside): each kind of link's text into a temporary table by
    milestone id, then every row in one statement joining them to the milestones. At
    200,000 milestones, 2 s of CPU against 3.6 s for the rows put together in Python."""
    parts = []
    for _, _, columns, sql in LINK_TEXT:
        part = f"temp.search_{columns[0]}"
        conn.execute(f"DROP TABLE IF EXISTS {part}")
        conn.execute(f"CREATE TABLE {part} (id INTEGER PRIMARY KEY, {', '.join(columns)})")
        conn.execute(f"INSERT INTO {part} {sql}")
        parts.append(part)
    tags, cited, parties, roles = (f"p{i}" for i in range(len(parts)))
    joins = " ".join(f"LEFT JOIN {part} p{i} ON p{i}.id = m.id" for i, part in enumerate(parts))
    conn.execute(
        f"INSERT INTO milestone_search (id, {', '.join(SEARCH_COLUMNS)})"
        f" SELECT m.id, m.title, m.note, m.location, {tags}.tags, {cited}.quotes,"
        f" {parties}.parties, {cited}.sources, m.kind, {roles}.roles FROM milestones m {joins}"
    )
    for part in parts:
        conn.execute(f"DROP TABLE {part}")


def stale_rows(conn: sqlite3.Connection) -> tuple[int, int]:
    """How many stored search rows differ from what the milestones and their links say (or
    belong to no milestone), and how many milestones have none, in SQLite with no Python per
    milestone: one pass over the stored rows against their milestones' own columns, then
    each kind of link's text (LINK_TEXT) against the stored rows of the milestones with such
    links. A stored row holding a kind's text though its milestone has no such link is
    known by counting (the rows holding it, less those of milestones with such links) and
    only then looked for, row by row."""
    conn.execute("BEGIN")  # the counts below must agree: one snapshot for them all
    try:
        return _stale_rows(conn)
    finally:
        conn.execute("COMMIT")


def _stale_rows(conn: sqlite3.Connection) -> tuple[int, int]:
    wrong: set[int] = set()
    orphans = 0
    for row_id, orphan in conn.execute(
        "SELECT s.id, m.id IS NULL FROM milestone_search s LEFT JOIN milestones m ON m.id = s.id"
        f" WHERE m.id IS NULL OR {' OR '.join(f's.{c} IS NOT m.{c}' for c in OWN_COLUMNS)}"
    ):
        wrong.add(row_id)
        orphans += orphan
    held = [" OR ".join(f"s.{c} IS NOT NULL" for c in columns) for _, _, columns, _ in LINK_TEXT]
    rows, *holding = conn.execute(
        f"SELECT count(*), {', '.join(f'count(*) FILTER (WHERE {h})' for h in held)}"
        " FROM milestone_search s"
    ).fetchone()
    for (links, where, columns, sql), has, holders in zip(LINK_TEXT, held, holding, strict=True):
        differ, linked = conn.execute(
            f"SELECT group_concat(g.id) FILTER (WHERE"
            f" {' OR '.join(f's.{c} IS NOT g.{c}' for c in columns)}),"
            f" count(*) FILTER (WHERE {has}) FROM ({sql}) g JOIN milestone_search s ON s.id = g.id"
        ).fetchone()
        if differ:
            wrong.update(int(i) for i in differ.split(","))
        if linked != holders:
            wrong.update(
                row_id
                for (row_id,) in conn.execute(
                    f"SELECT id FROM milestone_search s WHERE ({has}) AND NOT EXISTS"
                    f" (SELECT 1 FROM {links} WHERE milestone_id = s.id AND {where})"
                )
            )
    # Milestones without a row: as many as there are milestones, less the rows, plus the rows
    # that belong to no milestone (two counts, not a search for each milestone's row).
    (milestones,) = conn.execute("SELECT count(*) FROM milestones").fetchone()
    return len(wrong), int(milestones) - int(rows) + orphans
