"""The one place that knows the store's schema: numbered migrations, applied in order.

Released migrations are never edited or reordered; a change to the schema is a new
function at the end of MIGRATIONS. A store records each applied migration in
`_sqlite_migrations` (sqlite-utils' Migrations) and their count in PRAGMA user_version,
so opening a store can tell at a glance whether it is current, older or newer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from casetrack.models import DEFAULT_KINDS
from casetrack.search_rows import SEARCH_COLUMNS, search_rows

# PRAGMA application_id marks a file as a casetrack store ("ctrk").
APPLICATION_ID = 0x6374726B

Migration = Callable[[Any], None]
# The tables that link milestones to parties, sources and tags.
LINK_TABLES = ("milestone_parties", "milestone_sources", "milestone_tags")
# Conditions of the partial indexes m006 made, as a query must repeat them word for word for
# SQLite to use them (tests/test_query_plans.py fails if they ever differ).
KEY_ONLY = "key = 1"
NOT_UNDISPUTED = "status != 'undisputed'"
# Timeline order (dates.order_key as stored text, then entry order), as the indexes m008 made
# hold it; every listing sorts by it.
TIMELINE_ORDER = "m.sort_key, m.position, m.id"


def m001_initial(db: Any) -> None:
    """Cases, milestones, parties with aliases, sources, and the links between them."""
    statements = [
        """CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL UNIQUE COLLATE NOCASE,
            title TEXT NOT NULL,
            jurisdiction TEXT,
            court TEXT,
            docket TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            summary TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE kinds (
            name TEXT PRIMARY KEY,
            builtin INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE parties (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'other',
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE party_aliases (
            id INTEGER PRIMARY KEY,
            party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            alias_key TEXT NOT NULL UNIQUE
        )""",
        "CREATE INDEX party_aliases_party ON party_aliases(party_id)",
        """CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            publisher TEXT,
            published TEXT,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE milestones (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            date TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            precision TEXT NOT NULL,
            approximate INTEGER NOT NULL DEFAULT 0,
            uncertain INTEGER NOT NULL DEFAULT 0,
            sort_start TEXT NOT NULL,
            sort_end TEXT NOT NULL,
            position REAL NOT NULL,
            kind TEXT NOT NULL REFERENCES kinds(name) ON UPDATE CASCADE,
            title TEXT NOT NULL,
            location TEXT,
            note TEXT,
            status TEXT NOT NULL DEFAULT 'undisputed'
                CHECK (status IN ('undisputed', 'disputed', 'unsure')),
            key INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        )""",
        """CREATE INDEX milestones_case_order
            ON milestones(case_id, sort_start, sort_end DESC, position)""",
        "CREATE INDEX milestones_order ON milestones(sort_start, sort_end DESC, position)",
        "CREATE INDEX milestones_kind ON milestones(kind)",
        "CREATE INDEX milestones_deleted ON milestones(deleted_at) WHERE deleted_at IS NOT NULL",
        """CREATE TABLE milestone_tags (
            milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (milestone_id, tag)
        )""",
        "CREATE INDEX milestone_tags_tag ON milestone_tags(tag, milestone_id)",
        """CREATE TABLE milestone_parties (
            milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
            party_id INTEGER NOT NULL REFERENCES parties(id),
            role TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (milestone_id, party_id, role)
        )""",
        "CREATE INDEX milestone_parties_party ON milestone_parties(party_id, milestone_id)",
        """CREATE TABLE milestone_sources (
            milestone_id INTEGER NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            quote TEXT,
            page TEXT,
            paragraph TEXT,
            PRIMARY KEY (milestone_id, source_id)
        )""",
        "CREATE INDEX milestone_sources_source ON milestone_sources(source_id, milestone_id)",
    ]
    for sql in statements:
        db.execute(sql)
    db.conn.executemany(
        "INSERT INTO kinds (name, builtin) VALUES (?, 1)", [(k,) for k in DEFAULT_KINDS]
    )


def m002_search(db: Any) -> None:
    """Full-text search over each milestone's own words and those of its links.

    `milestone_search_source` (a view) says what a milestone's searchable text is; the
    `milestone_search` table holds one materialised row per milestone, indexed by FTS5
    through sqlite-utils' enable_fts triggers. The triggers below refresh a milestone's row
    whenever it, its tags, quotes or parties, a party's names or a source's title change.
    """
    search_columns = ("title", "note", "location", "tags", "quotes", "parties", "sources")
    cited = "SELECT source_id FROM milestone_sources WHERE milestone_id = m.id"
    involved = "SELECT party_id FROM milestone_parties WHERE milestone_id = m.id"
    db.execute(
        f"""CREATE VIEW milestone_search_source AS
        SELECT m.id AS id, m.title AS title, m.note AS note, m.location AS location,
            (SELECT group_concat(tag, '; ') FROM milestone_tags WHERE milestone_id = m.id)
                AS tags,
            (SELECT group_concat(quote, ' / ') FROM milestone_sources
                WHERE milestone_id = m.id AND quote IS NOT NULL) AS quotes,
            (SELECT group_concat(name, '; ') FROM (
                SELECT name FROM parties WHERE id IN ({involved})
                UNION ALL SELECT alias FROM party_aliases WHERE party_id IN ({involved})))
                AS parties,
            (SELECT group_concat(label, '; ') FROM (
                SELECT nullif(trim(coalesce(title, '') || ' ' || coalesce(publisher, '') || ' '
                    || CASE WHEN url LIKE 'http://%' OR url LIKE 'https://%' THEN '' ELSE url END
                    ), '') AS label
                FROM sources WHERE id IN ({cited}))) AS sources
        FROM milestones m"""
    )
    columns = ", ".join(search_columns)
    db.execute(f"CREATE TABLE milestone_search (id INTEGER PRIMARY KEY, {columns})")
    db["milestone_search"].enable_fts(
        list(search_columns), tokenize="unicode61 remove_diacritics 2", create_triggers=True
    )
    updates = ", ".join(f"{c} = excluded.{c}" for c in search_columns)
    refresh = (
        f"INSERT INTO milestone_search (id, {columns})"
        f" SELECT id, {columns} FROM milestone_search_source WHERE id IN ({{ids}})"
        f" ON CONFLICT (id) DO UPDATE SET {updates};"
    )
    of_party = "SELECT milestone_id FROM milestone_parties WHERE party_id = {}.party_id"
    # (trigger name, event, milestones whose search row to refresh)
    triggers = [
        ("milestones_search_ai", "AFTER INSERT ON milestones", "NEW.id"),
        ("milestones_search_au", "AFTER UPDATE OF title, note, location ON milestones", "NEW.id"),
        ("parties_search_au", "AFTER UPDATE OF name ON parties",
         "SELECT milestone_id FROM milestone_parties WHERE party_id = NEW.id"),
        ("sources_search_au", "AFTER UPDATE OF url, title, publisher ON sources",
         "SELECT milestone_id FROM milestone_sources WHERE source_id = NEW.id"),
        ("party_aliases_search_ai", "AFTER INSERT ON party_aliases", of_party.format("NEW")),
        ("party_aliases_search_ad", "AFTER DELETE ON party_aliases", of_party.format("OLD")),
        ("party_aliases_search_au", "AFTER UPDATE ON party_aliases",
         f"{of_party.format('OLD')} UNION {of_party.format('NEW')}"),
    ]  # fmt: skip
    for link in ("milestone_tags", "milestone_parties", "milestone_sources"):
        triggers += [
            (f"{link}_search_ai", f"AFTER INSERT ON {link}", "NEW.milestone_id"),
            (f"{link}_search_ad", f"AFTER DELETE ON {link}", "OLD.milestone_id"),
            (f"{link}_search_au", f"AFTER UPDATE ON {link}", "OLD.milestone_id, NEW.milestone_id"),
        ]
    for name, event, ids in triggers:
        db.execute(f"CREATE TRIGGER {name} {event} BEGIN {refresh.format(ids=ids)} END")
    db.execute(
        "CREATE TRIGGER milestones_search_ad AFTER DELETE ON milestones"
        " BEGIN DELETE FROM milestone_search WHERE id = OLD.id; END"
    )
    db.execute(f"INSERT INTO milestone_search (id, {columns}) SELECT id, {columns}"
               " FROM milestone_search_source WHERE true")  # fmt: skip


# Tables whose every insert, update and delete is written to `history` by triggers, so any
# write path (commands, import, merge, future ones) is recorded and can be undone.
TRACKED_TABLES = (
    "cases", "kinds", "parties", "party_aliases", "sources",
    "milestones", "milestone_parties", "milestone_sources", "milestone_tags",
)  # fmt: skip


def row_json(columns: list[str], alias: str) -> str:
    """SQL giving a row as a JSON object; triggers and undo build it the same way to compare."""
    return "json_object(" + ", ".join(f"'{c}', {alias}.\"{c}\"" for c in columns) + ")"


def table_columns(conn: Any, table: str) -> list[str]:
    """Column names of a tracked table, in schema order."""
    if table not in TRACKED_TABLES:
        raise ValueError(f"{table} is not a tracked table")
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def create_history_triggers(conn: Any) -> None:
    """(Re)create the history triggers from the current columns; call after altering a table."""
    for table in TRACKED_TABLES:
        columns = table_columns(conn, table)
        old, new = row_json(columns, "OLD"), row_json(columns, "NEW")
        insert = "INSERT INTO history (action, table_name, row_id, old, new) VALUES"
        for action, when, values in (
            ("insert", "", f"('insert', '{table}', NEW.rowid, NULL, {new})"),
            (
                "update",
                f"WHEN {old} IS NOT {new}",
                f"('update', '{table}', NEW.rowid, {old}, {new})",
            ),
            ("delete", "", f"('delete', '{table}', OLD.rowid, {old}, NULL)"),
        ):
            conn.execute(f"DROP TRIGGER IF EXISTS history_{table}_{action}")
            conn.execute(
                f"CREATE TRIGGER history_{table}_{action} AFTER {action.upper()} ON {table}"
                f" {when} BEGIN {insert} {values}; END"
            )


def m003_history(db: Any) -> None:
    """A history of every change, grouped by command, for `history` and `undo`; a case trash."""
    statements = [
        "ALTER TABLE cases ADD COLUMN deleted_at TEXT",
        """CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            command TEXT NOT NULL,
            undoes INTEGER REFERENCES changes(id),
            undone_by INTEGER REFERENCES changes(id)
        )""",
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            change_id INTEGER REFERENCES changes(id),
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
            table_name TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            old TEXT,
            new TEXT
        )""",
        "CREATE INDEX history_change ON history(change_id)",
        "CREATE INDEX history_row ON history(table_name, row_id)",
        "CREATE INDEX history_pending ON history(id) WHERE change_id IS NULL",
    ]
    for sql in statements:
        db.execute(sql)
    create_history_triggers(db.conn)


# Tables that grow by millions of rows; their secondary indexes only speed up reads.
_BULK_TABLES = ("milestones", *LINK_TABLES)
SORT_KIB = 16 * 1024
# The triggers that keep search rows in step, bar those of the FTS table itself.
_SEARCH_TRIGGERS = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    " AND name GLOB '*_search_*' AND tbl_name != 'milestone_search'"
)


def _drop_triggers(conn: Any, query: str) -> list[str]:
    """Drop the triggers `query` selects (as name, sql); returns the SQL to put them back."""
    triggers = conn.execute(query).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in triggers]


class BulkInserts:
    """What a block inside bulk_inserts may ask for besides plain inserts."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.dropped: list[str] = []  # CREATE INDEX statements to run at the end
        self.set_aside: list[str] = []  # CREATE TRIGGER statements to run at the end
        self.rebuilding = False  # most rows are new: indexes are built once, at the end

    def drop_read_indexes(self) -> None:
        """Until the block ends, go without the read indexes of the milestone and link tables
        and without the triggers that keep search rows in step (they look links up by party
        and by source); every search row and the FTS5 index are rebuilt at the end.

        New rows land all over these indexes; once they outgrow the page cache every insert
        reads and writes pages at random. Building an index anew is one sort: importing a
        million milestones took 145 s this way instead of 170 s. Worth it only when the block
        adds at least as many milestones as the store held, as refreshing every search row
        then costs at most twice the new ones.
        """
        if self.rebuilding:
            return
        self.rebuilding = True
        marks = ", ".join("?" for _ in _BULK_TABLES)
        indexes = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND upper(sql) NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})",
            _BULK_TABLES,
        ).fetchall()
        for name, _ in indexes:
            self.conn.execute(f'DROP INDEX "{name}"')
        self.dropped = [sql for _, sql in indexes]
        self.set_aside = _drop_triggers(self.conn, _SEARCH_TRIGGERS)

    def _restore_indexes(self) -> None:
        """Build the dropped indexes again, each sort held to SORT_KIB of memory (SQLite gives
        a sort as much as the page cache, which a bulk write may have made large)."""
        if not self.dropped:
            return
        cache_size = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {-SORT_KIB}")
        for sql in self.dropped:
            self.conn.execute(sql)
        self.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        self.dropped = []


def refresh_search(conn: Any, where: str, params: Any = ()) -> None:
    """Recompute, through the view, the search rows of the milestones matching `where` (on
    the view's `id`); the FTS5 index follows them through its triggers."""
    columns = ", ".join(SEARCH_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in SEARCH_COLUMNS)
    conn.execute(
        f"INSERT INTO milestone_search (id, {columns}) SELECT id, {columns}"
        f" FROM milestone_search_source WHERE {where} ON CONFLICT (id) DO UPDATE SET {updates}",
        params,
    )


def rebuild_search(conn: Any, *, through_view: bool = False) -> None:
    """Recompute every search row, then rebuild the FTS5 index from them in one pass.

    Patching a damaged index row by row fails ('database disk image is malformed'), and
    once most rows are new a rebuild takes a third of the time (10 s instead of some 28 s
    at a million milestones). The rows come from search_rows.search_rows, or with
    through_view from the view that defines them: slower, and the way to mend.
    """
    triggers = _drop_triggers(
        conn,
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'trigger' AND tbl_name = 'milestone_search'",
    )
    conn.execute("DELETE FROM milestone_search")
    columns = ", ".join(SEARCH_COLUMNS)
    if through_view:
        conn.execute(
            f"INSERT INTO milestone_search (id, {columns}) SELECT id, {columns}"
            " FROM milestone_search_source WHERE true"
        )
    else:
        marks = ", ".join("?" for _ in ("id", *SEARCH_COLUMNS))
        conn.executemany(
            f"INSERT INTO milestone_search (id, {columns}) VALUES ({marks})", search_rows(conn)
        )
    for sql in triggers:
        conn.execute(sql)
    conn.execute("INSERT INTO milestone_search_fts (milestone_search_fts) VALUES ('rebuild')")


@contextmanager
def search_set_aside(conn: Any, set_aside: bool = True) -> Iterator[None]:
    """Run a block inside a write transaction without the triggers that keep search rows in
    step, then recompute every search row and rebuild the FTS5 index: for a block that
    touches more milestones than the store keeps. With set_aside=False, just run the block."""
    triggers = _drop_triggers(conn, _SEARCH_TRIGGERS) if set_aside else []
    yield
    if set_aside:
        rebuild_search(conn)
    for sql in triggers:
        conn.execute(sql)


def _new_rows(table: str, columns: str, condition: str = "true") -> str:
    """SQL selecting `columns` of the rows of `table` new in a bulk block: those above its mark."""
    return f"SELECT {columns} FROM {table} WHERE rowid > :{table} AND {condition}"


class _Digest:
    """An SQL aggregate: a fingerprint of the texts it is given, in the order given."""

    def __init__(self) -> None:
        import hashlib

        self._hash = hashlib.blake2b(digest_size=16)

    def step(self, text: str | None) -> None:
        self._hash.update(f"{text}\x1e".encode())

    def finalize(self) -> str:
        return self._hash.hexdigest()


def span_digest(conn: Any, table: str, first: int, last: int) -> str:
    """A fingerprint of the rows of `table` with rowids from first to last, as they are now.

    A span of history (rows added in bulk) keeps this instead of each row's values: undo
    compares it with the rows to tell whether they changed since without leaving a trace
    in the history (an edit made with the triggers dropped).
    """
    # Defined once per connection: redefining a function fails while any statement is active,
    # and FTS5 keeps one open until the transaction ends after rebuilding its index.
    if not conn.execute(
        "SELECT 1 FROM pragma_function_list WHERE name = 'casetrack_digest'"
    ).fetchone():
        conn.create_aggregate("casetrack_digest", 1, _Digest)
    values = row_json(table_columns(conn, table), table)
    return str(
        conn.execute(
            f"SELECT casetrack_digest(j) FROM (SELECT {values} AS j FROM {table}"
            " WHERE rowid BETWEEN ? AND ? ORDER BY rowid)",
            (first, last),
        ).fetchone()[0]
    )


@contextmanager
def bulk_inserts(conn: Any, change_id: int | None = None) -> Iterator[BulkInserts]:
    """Inside a write transaction: many inserts at set speed instead of trigger speed.

    The per-row insert triggers of the history and of the search index are dropped while the
    block runs; at its end each table's new rows get one history row, a span with a digest of
    their final values (a million milestones' rows as JSON were half the store and a sixth of
    the import's time), already in change `change_id` when given; one statement refreshes
    the search rows of every milestone the new rows touch, and the triggers are put back, as
    are any indexes the block dropped. Update and delete triggers keep running (unless the
    block calls drop_read_indexes). If the block fails, the transaction's rollback restores
    triggers and indexes with everything else.

    A new row is one above its table's largest rowid when the block began. A block that
    deletes rows must give the rows it adds rowids above that itself (as the importer does):
    SQLite's own choice, the largest rowid plus one, would take back the rowid of a deleted
    newest row, or fill an older gap, and such a row would go unrecorded.
    """
    marks = {
        table: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        for table in (*TRACKED_TABLES, "history")
    }
    suspended = _drop_triggers(
        conn,
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name GLOB"
        " 'history_*_insert' OR (name GLOB '*_search_ai' AND tbl_name != 'milestone_search'))",
    )
    block = BulkInserts(conn)
    yield block
    block._restore_indexes()
    if block.rebuilding:
        rebuild_search(conn)
    else:
        # New milestones are one id range; new link and alias rows add the older milestones
        # they touch. (Two statements: SQLite would keep `id > ? OR id IN (...)` in memory.)
        refresh_search(conn, "id > :milestones", marks)
        touched = " UNION ".join(
            [
                *(_new_rows(link, "milestone_id", "+milestone_id <= :milestones")
                  for link in ("milestone_tags", "milestone_parties", "milestone_sources")),
                "SELECT milestone_id FROM milestone_parties WHERE party_id IN"
                f" ({_new_rows('party_aliases', 'party_id')}) AND milestone_id <= :milestones",
            ]
        )  # fmt: skip
        refresh_search(conn, f"id IN ({touched})", marks)
    for table in TRACKED_TABLES:
        # New rows' history is their span; their updates and deletes in the block add nothing.
        # (`+` keeps SQLite on the block's rows.)
        conn.execute(
            "DELETE FROM history WHERE change_id IS NULL AND id > ? AND +table_name = ?"
            " AND row_id > ?",
            (marks["history"], table, marks[table]),
        )
        # The new rows are one span: a row of history for them all.
        first, last = conn.execute(
            f"SELECT min(rowid), max(rowid) FROM {table} WHERE rowid > ?", (marks[table],)
        ).fetchone()
        if first is not None:
            conn.execute(
                "INSERT INTO history (change_id, action, table_name, row_id, last_row_id, digest)"
                " VALUES (?, 'insert', ?, ?, ?, ?)",
                (change_id, table, first, last, span_digest(conn, table, first, last)),
            )
    for sql in [*suspended, *block.set_aside]:
        conn.execute(sql)


def m004_role_index(db: Any) -> None:
    """Filtering by --role alone, and checking a role is in use, look links up by role."""
    db.execute("CREATE INDEX milestone_parties_role ON milestone_parties(role, milestone_id)")


def m005_history_spans(db: Any) -> None:
    """A history row may stand for a span of rows added in bulk: the rows of `table_name`
    with rowids from `row_id` to `last_row_id`, whose values are not copied but fingerprinted
    in `digest` (schema.span_digest)."""
    for sql in (
        "ALTER TABLE history ADD COLUMN last_row_id INTEGER",
        "ALTER TABLE history ADD COLUMN digest TEXT",
        "CREATE INDEX history_spans ON history(table_name, last_row_id)"
        " WHERE last_row_id IS NOT NULL",
    ):
        db.execute(sql)


def m006_filter_indexes(db: Any) -> None:
    """`--key` and `--status disputed|unsure` pick out a few milestones of a whole store:
    partial indexes in timeline order hold just those (selection.where_clause names their
    conditions word for word, which is how SQLite knows it may use them)."""
    for sql in (
        "CREATE INDEX milestones_key ON milestones(sort_start, sort_end DESC, position)"
        " WHERE key = 1 AND deleted_at IS NULL",
        "CREATE INDEX milestones_status ON milestones(sort_start, sort_end DESC, position)"
        " WHERE status != 'undisputed' AND deleted_at IS NULL",
    ):
        db.execute(sql)


def m007_erasure(db: Any) -> None:
    """A history row whose values were erased for good (erase.py) keeps its action, table and
    row but no values; `erased_by` names the change that erased them, so undo can say why it
    cannot put them back."""
    db.execute("ALTER TABLE history ADD COLUMN erased_by INTEGER")


def m008_timeline_order(db: Any) -> None:
    """Milestones sort by `sort_key` (dates.order_key as text): a day known only to fall on or
    after A now follows the facts dated A, and `move` may place a milestone on any day its
    date allows. The keys are computed here from each date; the order indexes follow them.

    sort_start and sort_end stay as they were: they bound a date for --since and --until. The
    history triggers are made again afterwards, so that history (and undo) keeps sort_key;
    while the keys are filled in they do not see the new column and record nothing.
    """
    from casetrack.dates import from_stored

    conn = db.conn
    conn.execute("ALTER TABLE milestones ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
    conn.create_function(
        "casetrack_sort_key",
        4,
        lambda *columns: from_stored(*columns).sort_key,
        deterministic=True,
    )
    conn.execute(
        "UPDATE milestones SET sort_key = casetrack_sort_key(date, date_start, date_end, precision)"
    )
    for sql in (
        "DROP INDEX milestones_case_order",
        "CREATE INDEX milestones_case_order ON milestones(case_id, sort_key, position)",
        "DROP INDEX milestones_key",
        "CREATE INDEX milestones_key ON milestones(sort_key, position)"
        " WHERE key = 1 AND deleted_at IS NULL",
        "DROP INDEX milestones_status",
        "CREATE INDEX milestones_status ON milestones(sort_key, position)"
        " WHERE status != 'undisputed' AND deleted_at IS NULL",
    ):
        conn.execute(sql)
    create_history_triggers(conn)


def m009_party_names(db: Any) -> None:
    """The words of every party's name and aliases, indexed (FTS5, rowid = party id), so a
    new name can be checked against the names close to it without reading every party.

    Triggers keep it in step with parties and aliases, whatever writes them (undo too); it
    is derived, so not in the history.
    """
    names = (
        "SELECT id, name || coalesce(' ' || (SELECT group_concat(alias, ' ') FROM party_aliases"
        " WHERE party_id = parties.id), '') FROM parties WHERE id = {0}"
    )
    refresh = (
        "DELETE FROM party_names_fts WHERE rowid = {0};"
        f" INSERT INTO party_names_fts (rowid, names) {names};"
    )
    db.execute(
        "CREATE VIRTUAL TABLE party_names_fts USING fts5(names,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    triggers = [
        ("parties_names_ai", "AFTER INSERT ON parties", refresh.format("NEW.id")),
        ("parties_names_au", "AFTER UPDATE OF name ON parties", refresh.format("NEW.id")),
        ("parties_names_ad", "AFTER DELETE ON parties",
         "DELETE FROM party_names_fts WHERE rowid = OLD.id;"),
        ("party_aliases_names_ai", "AFTER INSERT ON party_aliases",
         refresh.format("NEW.party_id")),
        ("party_aliases_names_ad", "AFTER DELETE ON party_aliases",
         refresh.format("OLD.party_id")),
        ("party_aliases_names_au", "AFTER UPDATE ON party_aliases",
         refresh.format("OLD.party_id") + " " + refresh.format("NEW.party_id")),
    ]  # fmt: skip
    for name, event, body in triggers:
        db.execute(f"CREATE TRIGGER {name} {event} BEGIN {body} END")
    db.execute(f"INSERT INTO party_names_fts (rowid, names) {names.format('id')}")


def m010_search_kinds_and_roles(db: Any) -> None:
    """Search finds a milestone by its kind (`search dismissal`) and by the roles its parties
    play (`search witness`): two more columns in the search rows, their view and FTS5 index.

    The view and the triggers m002 made are kept and extended in place (their text is fixed:
    released migrations never change); the new columns are filled in from the milestones and
    their links, and the FTS5 index is built again over every column in one pass.
    """
    conn = db.conn
    old_columns = "title, note, location, tags, quotes, parties, sources"
    roles = (
        "(SELECT group_concat(role, '; ') FROM (SELECT DISTINCT role FROM milestone_parties"
        " WHERE milestone_id = {id} AND role != '' ORDER BY role))"
    )
    view = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'milestone_search_source'"
    ).fetchone()[0]
    head, tail = view.rsplit("FROM milestones m", 1)
    conn.execute("DROP VIEW milestone_search_source")
    conn.execute(
        f"{head.rstrip()}, m.kind AS kind, {roles.format(id='m.id')} AS roles"
        f" FROM milestones m{tail}"
    )
    db["milestone_search"].disable_fts()
    conn.execute("ALTER TABLE milestone_search ADD COLUMN kind")
    conn.execute("ALTER TABLE milestone_search ADD COLUMN roles")
    conn.execute(
        "UPDATE milestone_search SET kind = (SELECT kind FROM milestones m WHERE m.id ="
        f" milestone_search.id), roles = {roles.format(id='milestone_search.id')}"
    )
    edits = {
        f"{old_columns})": f"{old_columns}, kind, roles)",
        f"SELECT id, {old_columns} FROM": f"SELECT id, {old_columns}, kind, roles FROM",
        "sources = excluded.sources;": "sources = excluded.sources, kind = excluded.kind,"
        " roles = excluded.roles;",
        "UPDATE OF title, note, location ON": "UPDATE OF title, note, location, kind ON",
    }
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_search_*'"
        " AND tbl_name != 'milestone_search'"
    ).fetchall():
        for old, new in edits.items():
            sql = sql.replace(old, new)
        conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(sql)
    db["milestone_search"].enable_fts(
        [*old_columns.split(", "), "kind", "roles"],
        tokenize="unicode61 remove_diacritics 2",
        create_triggers=True,
    )


MIGRATIONS: list[Migration] = [
    m001_initial, m002_search, m003_history, m004_role_index, m005_history_spans,
    m006_filter_indexes, m007_erasure, m008_timeline_order, m009_party_names,
    m010_search_kinds_and_roles,
]  # fmt: skip
LATEST_VERSION = len(MIGRATIONS)


def apply_migrations(conn: Any) -> None:
    """Bring the store on `conn` up to LATEST_VERSION; the caller holds a write transaction."""
    import sqlite_utils

    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations = sqlite_utils.Migrations("casetrack")
    for fn in MIGRATIONS:
        migrations()(fn)
    migrations.apply(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
