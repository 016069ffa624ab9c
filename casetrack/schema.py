"""The one place that knows how the store's schema was built: numbered migrations, applied
in order.

Each migration is registered where it is written (@migration), after the last; released
ones are frozen: they spell out the SQL they ran, and never build it from today's
constants or helpers (nor sqlite-utils' FTS helpers, whose text may change with it), so a
store upgraded today is built as it was when they were released (tests/test_schema_frozen.py).
A change to the schema is a new migration at the end. A store records each applied
migration in `_sqlite_migrations` (sqlite-utils' Migrations) and their count in PRAGMA
user_version, so opening a store can tell at a glance whether it is current, older or newer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# PRAGMA application_id marks a file as a casetrack store ("ctrk").
APPLICATION_ID = 0x6374726B

Migration = Callable[[Any], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    """Register `fn` as the next migration, in the order they are written in this module."""
    MIGRATIONS.append(fn)
    return fn


# The built-in kinds as m001 released them (models.DEFAULT_KINDS may grow; this may not).
_M001_KINDS = (
    "investigation", "complaint", "filing", "indictment", "charge", "arrest", "raid", "search",
    "detention", "release", "hearing", "trial", "ruling", "judgment", "verdict", "sentencing",
    "appeal", "dismissal", "settlement", "deadline", "other",
)  # fmt: skip


@migration
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
        "INSERT INTO kinds (name, builtin) VALUES (?, 1)", [(k,) for k in _M001_KINDS]
    )


def _search_fts(conn: Any, columns: list[str]) -> None:
    """Index `milestone_search` with FTS5 over `columns`, filled from its rows and kept in
    step by triggers: what sqlite-utils 4's enable_fts(create_triggers=True) ran when m002
    and m010 were released, spelled out so that a newer sqlite-utils cannot change it (and
    never edited)."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    add = f'INSERT INTO "milestone_search_fts" (rowid, {quoted}) VALUES (new.rowid, {new});'
    remove = (
        f'INSERT INTO "milestone_search_fts" ("milestone_search_fts", rowid, {quoted})'
        f" VALUES('delete', old.rowid, {old});"
    )
    for sql in (
        f'CREATE VIRTUAL TABLE "milestone_search_fts" USING FTS5 (\n    {quoted},\n'
        "    tokenize='unicode61 remove_diacritics 2',\n"
        '    content="milestone_search"\n)',
        f'INSERT INTO "milestone_search_fts" (rowid, {quoted})\n'
        f'    SELECT rowid, {quoted} FROM "milestone_search";',
        'CREATE TRIGGER "milestone_search_ai" AFTER INSERT ON "milestone_search" BEGIN\n'
        f"  {add}\nEND;",
        'CREATE TRIGGER "milestone_search_ad" AFTER DELETE ON "milestone_search" BEGIN\n'
        f"  {remove}\nEND;",
        'CREATE TRIGGER "milestone_search_au" AFTER UPDATE ON "milestone_search" BEGIN\n'
        f"  {remove}\n  {add}\nEND;",
    ):
        conn.execute(sql)


@migration
def m002_search(db: Any) -> None:
    """Full-text search over each milestone's own words and those of its links.

    `milestone_search_source` (a view) says what a milestone's searchable text is; the
    `milestone_search` table holds one materialised row per milestone, indexed by FTS5
    kept in step by its own triggers. The triggers below refresh a milestone's row
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
    _search_fts(db.conn, list(search_columns))
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


# The tracked tables and their columns when m003 made their history triggers; m008 made
# them again once milestones had a sort_key.
_M003_COLUMNS = {
    "cases": "id uid slug title jurisdiction court docket status summary created_at"
    " updated_at deleted_at",
    "kinds": "name builtin",
    "parties": "id uid name name_key kind created_at",
    "party_aliases": "id party_id alias alias_key",
    "sources": "id uid url title publisher published created_at",
    "milestones": "id uid case_id date date_start date_end precision approximate uncertain"
    " sort_start sort_end position kind title location note status key created_at updated_at"
    " deleted_at",
    "milestone_parties": "milestone_id party_id role",
    "milestone_sources": "milestone_id source_id quote page paragraph",
    "milestone_tags": "milestone_id tag",
}


def _history_triggers(conn: Any, tables: dict[str, str]) -> None:
    """(Re)make the triggers that write each change of a row of these tables (with their
    columns, space-separated) to `history`, with its old and new values as JSON objects
    (history_sql.row_json reads them back), as m003 and m008 released them: never edited."""
    for table, names in tables.items():
        old, new = (
            "json_object(" + ", ".join(f"'{c}', {row}.\"{c}\"" for c in names.split()) + ")"
            for row in ("OLD", "NEW")
        )
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


@migration
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
    _history_triggers(db.conn, _M003_COLUMNS)


@migration
def m004_role_index(db: Any) -> None:
    """Filtering by --role alone, and checking a role is in use, look links up by role."""
    db.execute("CREATE INDEX milestone_parties_role ON milestone_parties(role, milestone_id)")


@migration
def m005_history_spans(db: Any) -> None:
    """A history row may stand for a span of rows added in bulk: the rows of `table_name`
    with rowids from `row_id` to `last_row_id`, whose values are not copied but fingerprinted
    in `digest` (history_sql.span_digest)."""
    for sql in (
        "ALTER TABLE history ADD COLUMN last_row_id INTEGER",
        "ALTER TABLE history ADD COLUMN digest TEXT",
        "CREATE INDEX history_spans ON history(table_name, last_row_id)"
        " WHERE last_row_id IS NOT NULL",
    ):
        db.execute(sql)


@migration
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


@migration
def m007_erasure(db: Any) -> None:
    """A history row whose values were erased for good (erase.py) keeps its action, table and
    row but no values; `erased_by` names the change that erased them, so undo can say why it
    cannot put them back."""
    db.execute("ALTER TABLE history ADD COLUMN erased_by INTEGER")


@migration
def m008_timeline_order(db: Any) -> None:
    """Milestones sort by `sort_key` (dates.order_key as text): a day known only to fall on or
    after A now follows the facts dated A, and `move` may place a milestone on any day its
    date allows. The keys are computed here from each date; the order indexes follow them.
    Unlike its SQL, the key of a date is today's dates.order_key on purpose: an upgraded
    milestone must sort as a new one with the same date does.

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
    _history_triggers(
        conn, {**_M003_COLUMNS, "milestones": _M003_COLUMNS["milestones"] + " sort_key"}
    )


@migration
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


@migration
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
    conn.execute('DROP TABLE "milestone_search_fts"')
    for suffix in ("ai", "ad", "au"):
        conn.execute(f'DROP TRIGGER IF EXISTS "milestone_search_{suffix}"')
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
    _search_fts(conn, [*old_columns.split(", "), "kind", "roles"])


@migration
def m011_more_kinds(db: Any) -> None:
    """Kinds that court dockets and reports name and the first ones lacked: acquittal,
    conviction, pardon, parole, referral, motion and order (a store that already made one
    of them by hand keeps it, now marked built in). An upgrade is not the user's change: the
    lines the history triggers write for these rows are taken out again, so undo cannot
    remove a built-in kind."""
    conn = db.conn
    kinds = ("acquittal", "conviction", "pardon", "parole", "referral", "motion", "order")
    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    conn.executemany(
        "INSERT INTO kinds (name, builtin) VALUES (?, 1)"
        " ON CONFLICT (name) DO UPDATE SET builtin = 1",
        [(k,) for k in kinds],
    )
    conn.execute("DELETE FROM history WHERE id > ?", (last,))


@migration
def m012_deadlines(db: Any) -> None:
    """Deadlines counted from court rules: the rules a user adds (the built-in ones live in
    casetrack.deadlines.rules), the days a court was closed, and for each milestone of kind
    deadline the trigger and rule it was counted from, the working, and whether it is done.
    All three are in the history, so undo puts back a trigger and its deadlines together."""
    statements = [
        """CREATE TABLE rules (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            jurisdiction TEXT NOT NULL,
            citation TEXT NOT NULL,
            text TEXT,
            triggers TEXT NOT NULL DEFAULT '[]',
            amount INTEGER NOT NULL CHECK (amount >= 0),
            unit TEXT NOT NULL CHECK (unit IN ('days', 'court days', 'months', 'hours')),
            direction TEXT NOT NULL CHECK (direction IN ('after', 'before')),
            service TEXT CHECK (service IN ('mail')),
            holidays TEXT NOT NULL,
            method TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE closures (
            id INTEGER PRIMARY KEY,
            court TEXT NOT NULL,
            court_key TEXT NOT NULL,
            day TEXT NOT NULL,
            reason TEXT,
            UNIQUE (court_key, day)
        )""",
        """CREATE TABLE deadlines (
            milestone_id INTEGER PRIMARY KEY REFERENCES milestones(id) ON DELETE CASCADE,
            trigger_id INTEGER REFERENCES milestones(id) ON DELETE SET NULL,
            rule TEXT,
            service TEXT CHECK (service IN ('mail')),
            working TEXT,
            done_at TEXT
        )""",
        "CREATE INDEX deadlines_trigger ON deadlines(trigger_id)",
    ]
    for sql in statements:
        db.execute(sql)
    _history_triggers(
        db.conn,
        {
            "rules": "id title jurisdiction citation text triggers amount unit direction service"
            " holidays method created_at updated_at",
            "closures": "id court court_key day reason",
            "deadlines": "milestone_id trigger_id rule service working done_at",
        },
    )


@migration
def m013_team_views(db: Any) -> None:
    """What `casetrack serve` shows a team: the live timeline and the live cases, as views.

    Trashed milestones and cases are left out. The timeline says each date through
    casetrack_date(), a function casetrack.team_plugin gives the server's connections (the
    project's one date display lives in Python); other SQLite programs can read every
    column but that one. parties says who took part and in what role, party lists their
    names as a JSON array (for a facet), sources cites them as the timeline table does."""
    db.conn.execute(
        """CREATE VIEW timeline AS
        SELECT m.id AS id, c.slug AS "case", casetrack_date(m.date) AS date, m.kind AS kind,
            m.title AS title, m.status AS status, m.key AS key,
            (SELECT group_concat(label, '; ') FROM (
                SELECT p.name || CASE WHEN mp.role != '' THEN ' (' || mp.role || ')' ELSE '' END
                    AS label
                FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id
                WHERE mp.milestone_id = m.id ORDER BY mp.rowid)) AS parties,
            (SELECT json_group_array(name) FROM (
                SELECT p.name AS name FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id
                WHERE mp.milestone_id = m.id GROUP BY p.id ORDER BY min(mp.rowid))) AS party,
            (SELECT group_concat(label, '; ') FROM (
                SELECT '[' || s.id || '] ' || coalesce(nullif(s.title, ''), s.url)
                    || coalesce(', p. ' || nullif(ms.page, ''), '') AS label
                FROM milestone_sources ms JOIN sources s ON s.id = ms.source_id
                WHERE ms.milestone_id = m.id ORDER BY ms.rowid)) AS sources,
            m.location AS location, m.note AS note,
            (SELECT group_concat(tag, '; ') FROM (
                SELECT tag FROM milestone_tags WHERE milestone_id = m.id ORDER BY tag)) AS tags,
            m.uid AS uid
        FROM milestones m JOIN cases c ON c.id = m.case_id
        WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL
        ORDER BY m.sort_key, m.position, m.id"""
    )
    db.conn.execute(
        """CREATE VIEW case_list AS
        SELECT c.slug AS slug, c.title AS title, c.status AS status,
            c.jurisdiction AS jurisdiction, c.court AS court, c.docket AS docket,
            c.summary AS summary,
            (SELECT count(*) FROM milestones m WHERE m.case_id = c.id AND m.deleted_at IS NULL)
                AS milestones
        FROM cases c WHERE c.deleted_at IS NULL ORDER BY c.slug"""
    )


@migration
def m014_documents(db: Any) -> None:
    """Documents (a file registered by its SHA-256, with its pages, their printed labels and
    text) and citations of a page: a document is cited through a source of its own
    (`sources.document_id`), so every listing and export that shows sources shows it, and
    a citation keeps the page's index beside its label (`milestone_sources.page_index`).

    The pages' text is indexed by FTS5 (`document_pages_fts`, kept in step by triggers, so
    undo too); documents and their pages are tracked by the history like the rest.
    """
    conn = db.conn
    for sql in (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            custodian TEXT,
            bates_first TEXT,
            bates_last TEXT,
            case_id INTEGER REFERENCES cases(id),
            text_layer TEXT NOT NULL DEFAULT 'text' CHECK (text_layer IN ('text', 'none', 'ocr')),
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL
        )""",
        "CREATE INDEX documents_case ON documents(case_id) WHERE case_id IS NOT NULL",
        """CREATE TABLE document_pages (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            page_index INTEGER NOT NULL,
            label TEXT NOT NULL,
            text TEXT,
            UNIQUE (document_id, page_index)
        )""",
        "CREATE INDEX document_pages_label ON document_pages(document_id, label)",
        """CREATE VIRTUAL TABLE document_pages_fts USING fts5(text,
            content = 'document_pages', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER document_pages_fts_ai AFTER INSERT ON document_pages BEGIN
            INSERT INTO document_pages_fts (rowid, text) VALUES (NEW.id, NEW.text); END""",
        """CREATE TRIGGER document_pages_fts_ad AFTER DELETE ON document_pages BEGIN
            INSERT INTO document_pages_fts (document_pages_fts, rowid, text)
            VALUES ('delete', OLD.id, OLD.text); END""",
        """CREATE TRIGGER document_pages_fts_au AFTER UPDATE OF text ON document_pages BEGIN
            INSERT INTO document_pages_fts (document_pages_fts, rowid, text)
            VALUES ('delete', OLD.id, OLD.text);
            INSERT INTO document_pages_fts (rowid, text) VALUES (NEW.id, NEW.text); END""",
        "ALTER TABLE sources ADD COLUMN document_id INTEGER REFERENCES documents(id)",
        "CREATE UNIQUE INDEX sources_document ON sources(document_id)"
        " WHERE document_id IS NOT NULL",
        "ALTER TABLE milestone_sources ADD COLUMN page_index INTEGER",
    ):
        conn.execute(sql)
    _history_triggers(
        conn,
        {
            "sources": _M003_COLUMNS["sources"] + " document_id",
            "milestone_sources": _M003_COLUMNS["milestone_sources"] + " page_index",
            "documents": "id uid sha256 size pages media_type path title custodian bates_first"
            " bates_last case_id text_layer added_at added_by",
            "document_pages": "id document_id page_index label text",
        },
    )


@migration
def m015_timeline_view_reads_less(db: Any) -> None:
    """The timeline view made again so that a count, a filter or a facet over it works out
    only the columns it asks for: the order is taken in an inner query of plain columns,
    and the said date, parties, sources and tags are worked out around it. (m013's view
    worked out every column of every milestone before it could sort them: half a second
    a facet on 10,000 milestones, now a few milliseconds.) Same columns, rows and order."""
    db.conn.execute("DROP VIEW timeline")
    db.conn.execute(
        """CREATE VIEW timeline AS
        SELECT m.id AS id, m."case" AS "case", casetrack_date(m.date) AS date, m.kind AS kind,
            m.title AS title, m.status AS status, m.key AS key,
            (SELECT group_concat(label, '; ') FROM (
                SELECT p.name || CASE WHEN mp.role != '' THEN ' (' || mp.role || ')' ELSE '' END
                    AS label
                FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id
                WHERE mp.milestone_id = m.id ORDER BY mp.rowid)) AS parties,
            (SELECT json_group_array(name) FROM (
                SELECT p.name AS name FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id
                WHERE mp.milestone_id = m.id GROUP BY p.id ORDER BY min(mp.rowid))) AS party,
            (SELECT group_concat(label, '; ') FROM (
                SELECT '[' || s.id || '] ' || coalesce(nullif(s.title, ''), s.url)
                    || coalesce(', p. ' || nullif(ms.page, ''), '') AS label
                FROM milestone_sources ms JOIN sources s ON s.id = ms.source_id
                WHERE ms.milestone_id = m.id ORDER BY ms.rowid)) AS sources,
            m.location AS location, m.note AS note,
            (SELECT group_concat(tag, '; ') FROM (
                SELECT tag FROM milestone_tags WHERE milestone_id = m.id ORDER BY tag)) AS tags,
            m.uid AS uid
        FROM (
            SELECT m.id AS id, c.slug AS "case", m.date AS date, m.kind AS kind,
                m.title AS title, m.status AS status, m.key AS key, m.location AS location,
                m.note AS note, m.uid AS uid
            FROM milestones m JOIN cases c ON c.id = m.case_id
            WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL
            ORDER BY m.sort_key, m.position, m.id) m"""
    )


@migration
def m016_ids_never_reused(db: Any) -> None:
    """Ids of cases, parties, sources, milestones and documents are never given again
    (AUTOINCREMENT): `purge` erases a row and its history by id, so a new row that took
    the id of a removed or undone one would be erased with it, and the old one's history
    with the new one's.

    Each table is made again from its own text with AUTOINCREMENT, its rows copied with
    their ids, its indexes and triggers made again as they were (foreign keys are off, so
    dropping it cascades nowhere; its triggers are gone while the rows go back, so the
    history records nothing). Its sequence starts above every id it or its history held.
    """
    conn = db.conn
    if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("m016 rebuilds tables: it needs foreign keys off")
    for table in ("cases", "parties", "sources", "milestones", "documents"):
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        rebuilt = sql.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
        kept = [
            r[0]
            for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
                " AND sql IS NOT NULL ORDER BY rowid",
                (table,),
            )
        ]
        conn.execute(f"CREATE TEMP TABLE m016_rows AS SELECT * FROM {table}")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(rebuilt)
        conn.execute(f"INSERT INTO {table} SELECT * FROM temp.m016_rows")
        conn.execute("DROP TABLE temp.m016_rows")
        for statement in kept:
            conn.execute(statement)
        (high,) = conn.execute(
            f"SELECT max((SELECT coalesce(max(id), 0) FROM {table}),"
            " (SELECT coalesce(max(row_id), 0) FROM history WHERE table_name = :table),"
            " (SELECT coalesce(max(last_row_id), 0) FROM history WHERE table_name = :table"
            " AND last_row_id IS NOT NULL))",
            {"table": table},
        ).fetchone()
        conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        if high:
            conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, high))


def _m017_end(case: str, columns: str, *, last: bool, after: str = "") -> str:
    """m017's query for the first (or last) dated live milestone of `case` in timeline
    order, from the place `after` says on."""
    order = (
        "m.sort_key DESC, m.position DESC, m.id DESC" if last else "m.sort_key, m.position, m.id"
    )
    return (
        f"SELECT {columns} FROM milestones m WHERE m.case_id = {case} AND m.deleted_at IS NULL"
        f" AND m.precision != 'unknown'{after} ORDER BY {order} LIMIT 1"
    )


def _m017_fresh(case: str) -> str:
    """m017's figures of `case` worked out from its milestones: the fill, a new case's row,
    and what `check` holds the kept figures equal to."""
    live = f"FROM milestones WHERE case_id = {case} AND deleted_at IS NULL"
    ends = ", ".join(
        f"({_m017_end(case, column, last=last)})"
        for last in (False, True)
        for column in ("m.id", "m.date")
    )
    return (
        f"SELECT {case}, (SELECT count(*) {live}), (SELECT min(date_start) {live}),"
        f" (SELECT max(date_end) {live}), {ends}"
    )


@migration
def m017_case_figures(db: Any) -> None:
    """`case list` reads each case's figures from `case_figures` instead of every milestone:
    how many live milestones it has, their earliest start and latest end (`first`, `last`),
    and the first and the last dated one in timeline order (id and stored date). Triggers
    keep them in step with the milestones whatever writes them (undo, trash, purge, import,
    merge): adding a milestone compares it with the figures; taking one away works a figure
    out again only when the milestone held it, by one index seek (two indexes of each case's
    starts and ends, and the case's timeline index from the milestone's place on). Derived,
    like the search rows: not in the history."""
    ends = (("first", False, ">"), ("last", True, "<"))
    add = (
        "UPDATE case_figures SET milestones = milestones + 1,"
        " first = CASE WHEN first IS NULL OR NEW.date_start < first"
        " THEN coalesce(NEW.date_start, first) ELSE first END,"
        " last = CASE WHEN last IS NULL OR NEW.date_end > last"
        " THEN coalesce(NEW.date_end, last) ELSE last END"
        " WHERE case_id = NEW.case_id AND NEW.deleted_at IS NULL;"
    ) + "".join(
        f" UPDATE case_figures SET {end}_id = NEW.id, {end}_date = NEW.date"
        " WHERE case_id = NEW.case_id AND NEW.deleted_at IS NULL"
        f" AND NEW.precision != 'unknown' AND ({end}_id IS NULL"
        f" OR (NEW.sort_key, NEW.position, NEW.id) {'>' if last else '<'}"
        f" (SELECT sort_key, position, id FROM milestones WHERE id = {end}_id));"
        for end, last, _ in ends
    )
    live = "FROM milestones WHERE case_id = OLD.case_id AND deleted_at IS NULL"
    remove = (
        "UPDATE case_figures SET milestones = milestones - 1,"
        " first = CASE WHEN OLD.date_start IS NULL OR OLD.date_start > first THEN first"
        f" ELSE (SELECT min(date_start) {live}) END,"
        " last = CASE WHEN OLD.date_end IS NULL OR OLD.date_end < last THEN last"
        f" ELSE (SELECT max(date_end) {live}) END"
        " WHERE case_id = OLD.case_id AND OLD.deleted_at IS NULL;"
    ) + "".join(
        f" UPDATE case_figures SET ({end}_id, {end}_date) = ("
        + _m017_end("OLD.case_id", "m.id, m.date", last=last, after=(
            f" AND (m.sort_key, m.position, m.id) {side} (OLD.sort_key, OLD.position, OLD.id)"))
        + f") WHERE case_id = OLD.case_id AND {end}_id = OLD.id;"
        for end, last, side in ends
    )  # fmt: skip
    watched = "id, case_id, date, date_start, date_end, precision, sort_key, position, deleted_at"
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched.split(", "))
    for sql in (
        # (Whole indexes: SQLite would walk a partial one of the live milestones, which a
        # filter of live milestones matches too, in place of a narrower one.)
        "CREATE INDEX milestones_case_start ON milestones(case_id, date_start, deleted_at)",
        "CREATE INDEX milestones_case_end ON milestones(case_id, date_end, deleted_at)",
        """CREATE TABLE case_figures (
            case_id INTEGER PRIMARY KEY,
            milestones INTEGER NOT NULL,
            first TEXT,
            last TEXT,
            first_id INTEGER,
            first_date TEXT,
            last_id INTEGER,
            last_date TEXT
        )""",
        f"INSERT INTO case_figures {_m017_fresh('c.id')} FROM cases c",
        "CREATE TRIGGER case_figures_cases_ai AFTER INSERT ON cases BEGIN"
        f" INSERT OR REPLACE INTO case_figures {_m017_fresh('NEW.id')}; END",
        "CREATE TRIGGER case_figures_cases_ad AFTER DELETE ON cases BEGIN"
        " DELETE FROM case_figures WHERE case_id = OLD.id; END",
        f"CREATE TRIGGER case_figures_milestones_ai AFTER INSERT ON milestones BEGIN {add} END",
        f"CREATE TRIGGER case_figures_milestones_ad AFTER DELETE ON milestones BEGIN {remove} END",
        f"CREATE TRIGGER case_figures_milestones_au AFTER UPDATE OF {watched} ON milestones"
        f" WHEN {changed} BEGIN {remove} {add} END",
    ):
        db.conn.execute(sql)


@migration
def m018_quote_checks(db: Any) -> None:
    """Whether a citation's quote is on the page of the document it cites, as the writer
    found when it was written (`milestone_sources.quote_found`: 1 on the page, 0 not, NULL
    not checked: no quote, not a document, or the page's text unknown), so `show`, the
    reports and `check` can say so afterwards. In the history, so undo puts it back; an
    index of the few not found keeps `check` from reading every citation."""
    conn = db.conn
    conn.execute(
        "ALTER TABLE milestone_sources ADD COLUMN quote_found INTEGER CHECK (quote_found IN (0, 1))"
    )
    conn.execute(
        "CREATE INDEX milestone_sources_quote_not_found ON milestone_sources(milestone_id)"
        " WHERE quote_found = 0"
    )
    _history_triggers(
        conn,
        {"milestone_sources": "milestone_id source_id quote page paragraph page_index quote_found"},
    )


@migration
def m019_history_copies(db: Any) -> None:
    """An undo removes the rows a span of history added (an import's) without a history row
    each: its own history row is a span too, action 'delete', and the rows it removed are
    kept in `history_rows`, zlib-compressed, a part per few thousand rows (`first_row`, the
    rowid its lines start at; a line per row: rowid, tab, the row as JSON). Undoing that
    undo puts them back from there, `history` shows them, `purge` erases rows from them."""
    db.conn.execute(
        """CREATE TABLE history_rows (
            history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
            first_row INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (history_id, first_row)
        )"""
    )


@migration
def m020_names_fold_letters(db: Any) -> None:
    """Party names, aliases and court closures are looked up by a key that now also folds
    letters without an accent to drop (Turkish dotless i is i, ø o: text.FOLDED_LETTERS,
    spelled out here as released): stored keys are made so. A key that another party or
    closure already holds in its new form is left as it was (`check` names it; merge the
    two). An upgrade is not the user's change: its history lines are taken out again."""
    conn = db.conn
    folded = "{0}"
    for letter, plain in (
        ("\u0131", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"), ("ð", "d"), ("ħ", "h"), ("ŧ", "t"),
        ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
    ):  # fmt: skip
        folded = f"replace({folded}, '{letter}', '{plain}')"
    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    for table, key in (
        ("parties", "name_key"),
        ("party_aliases", "alias_key"),
        ("closures", "court_key"),
    ):
        new_key = folded.format(key)
        conn.execute(f"UPDATE OR IGNORE {table} SET {key} = {new_key} WHERE {key} <> {new_key}")
    conn.execute("DELETE FROM history WHERE id > ?", (last,))


@migration
def m021_service_kind(db: Any) -> None:
    """Service of process (a summons or complaint served on a party) as the built-in kind
    `service`. A store that made it by hand keeps it, now marked built in; one that made it
    in other accents or case (`sérvice`) keeps that one as it is, which `service` finds,
    rather than two kinds typed alike. Not the user's change: its history lines are taken
    out again."""
    import unicodedata

    conn = db.conn

    def key(name: str) -> str:
        decomposed = unicodedata.normalize("NFKD", name)
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

    names = [name for (name,) in conn.execute("SELECT name FROM kinds")]
    if "service" not in names and any(key(name) == "service" for name in names):
        return
    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    conn.execute(
        "INSERT INTO kinds (name, builtin) VALUES ('service', 1)"
        " ON CONFLICT (name) DO UPDATE SET builtin = 1"
    )
    conn.execute("DELETE FROM history WHERE id > ?", (last,))


@migration
def m022_citation_keys(db: Any) -> None:
    """Each source keeps its citation's key (`sources.citation_key`: its words, accents
    dropped and case folded, joined by a space; '' for a citation without a word; NULL for
    a URL), indexed, so a citation close to a stored one (sources.close_citation) is one
    lookup, not a read of every citation. Stored keys are made here as
    sources.citation_key made them when released (spelled out); the history records the
    column from now on. An upgrade is not the user's change: its history lines are taken
    out again."""
    import re
    import unicodedata

    conn = db.conn
    fold = str.maketrans(
        {"\u0131": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t",
         "æ": "ae", "œ": "oe", "þ": "th"}
    )  # fmt: skip

    def key(url: str) -> str | None:
        if "://" in url:
            return None
        if url.isascii():
            folded = url.lower()
        else:
            decomposed = unicodedata.normalize("NFKD", url)
            stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
            folded = stripped.casefold().translate(fold)
        return " ".join(re.findall(r"\w+", folded))

    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    conn.execute("ALTER TABLE sources ADD COLUMN citation_key TEXT")
    conn.executemany(
        "UPDATE sources SET citation_key = ? WHERE id = ?",
        [(key(url), source_id) for source_id, url in conn.execute("SELECT id, url FROM sources")],
    )
    conn.execute(
        "CREATE INDEX sources_citation_key ON sources(citation_key) WHERE citation_key IS NOT NULL"
    )
    _history_triggers(
        conn,
        {"sources": "id uid url title publisher published created_at document_id citation_key"},
    )
    conn.execute("DELETE FROM history WHERE id > ?", (last,))


# The columns tracked tables had before a migration added one (ALTER TABLE appends, so each
# is a first part of the table's columns since), by the migration that added it.
_M023_BEFORE = (
    ("m008_timeline_order", "milestones", _M003_COLUMNS["milestones"]),
    ("m014_documents", "sources", _M003_COLUMNS["sources"]),
    ("m014_documents", "milestone_sources", _M003_COLUMNS["milestone_sources"]),
    ("m018_quote_checks", "milestone_sources", "milestone_id source_id quote page paragraph"
     " page_index"),
    ("m022_citation_keys", "sources", "id uid url title publisher published created_at"
     " document_id"),
)  # fmt: skip


def _m023_digest(conn: Any, table: str, columns: list[str], first: int, last: int) -> str:
    """A span's digest over `columns`, as history_sql.span_digest made it when m023 was
    released: blake2b (16 bytes) of each row's json_object followed by U+001E, by rowid."""
    import hashlib

    values = "json_object(" + ", ".join(f"'{c}', x.\"{c}\"" for c in columns) + ")"
    digest = hashlib.blake2b(digest_size=16)
    low = first
    while True:
        text, high = conn.execute(
            f"SELECT group_concat(j || char(30), ''), max(r) FROM (SELECT rowid AS r,"
            f" {values} AS j FROM {table} AS x WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
            " LIMIT 4096)",
            (low, last),
        ).fetchone()
        if text is None:
            return digest.hexdigest()
        digest.update(text.encode())
        low = high + 1


@migration
def m023_span_digests(db: Any) -> None:
    """A span of history (rows added in bulk) keeps a digest of its rows' columns as they
    were: one recorded before a migration added a column to its table covered fewer than
    the table has since, so undo, comparing a digest of them all, took rows unchanged since
    for rows changed outside casetrack. Each such span whose digest still matches its rows
    over the columns of its time (its change made before the second that migration was
    applied in) gets the digest of its rows over every column; one that matches no layout
    (a row changed outside casetrack) keeps its own, and undo still refuses it. A migration
    that adds a column to a tracked table must do the same for that table's spans."""
    conn = db.conn
    applied = dict(conn.execute("SELECT name, applied_at FROM _sqlite_migrations"))
    for table in ("milestones", "sources", "milestone_sources"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        spans = conn.execute(
            "SELECT h.id, h.row_id, h.last_row_id, h.digest, c.at FROM history h"
            " JOIN changes c ON c.id = h.change_id WHERE h.table_name = ?"
            " AND h.last_row_id IS NOT NULL AND h.action = 'insert' AND h.digest IS NOT NULL",
            (table,),
        ).fetchall()
        for history_id, first, last, digest, at in spans:
            # The layouts the span may have been recorded in: none for one made since.
            layouts = [
                before
                for name, layout_table, before in _M023_BEFORE
                if layout_table == table
                and name in applied
                and conn.execute(
                    "SELECT julianday(?) <= julianday(substr(?, 1, 19))", (at, applied[name])
                ).fetchone()[0]
            ]
            if not layouts or _m023_digest(conn, table, columns, first, last) == digest:
                continue
            for before in layouts:
                if _m023_digest(conn, table, before.split(), first, last) == digest:
                    conn.execute(
                        "UPDATE history SET digest = ? WHERE id = ?",
                        (_m023_digest(conn, table, columns, first, last), history_id),
                    )
                    break


@migration
def m024_changes_by_user(db: Any) -> None:
    """A user's newest change found in an index, not by walking the history back from the
    newest change: a command that changed nothing looks for its user's last entry (to
    replace it if it said the same), and plain undo for the user's last command, and for a
    user with no recent change that walk read the whole `changes` table."""
    db.conn.execute("CREATE INDEX changes_user ON changes(user, id)")


@migration
def m025_case_names(db: Any) -> None:
    """The words of every case's title and slug, indexed (FTS5, rowid = case id), so that
    `search 'Estate of Hartley'` or `search hartley-estate` finds the milestones of the case
    so titled. They are looked up when searching, not copied into each milestone's search
    row: retitling a case, renaming it or moving a milestone to another case rewrites no
    milestone's row. Triggers keep it in step with the cases, whatever writes them (undo
    too); it is derived, so not in the history."""
    refresh = (
        "DELETE FROM case_names_fts WHERE rowid = NEW.id;"
        " INSERT INTO case_names_fts (rowid, title, slug) VALUES (NEW.id, NEW.title, NEW.slug);"
    )
    for sql in (
        "CREATE VIRTUAL TABLE case_names_fts USING fts5(title, slug,"
        " tokenize = 'unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER cases_names_ai AFTER INSERT ON cases BEGIN {refresh} END",
        "CREATE TRIGGER cases_names_au AFTER UPDATE OF id, title, slug ON cases BEGIN"
        f" DELETE FROM case_names_fts WHERE rowid = OLD.id; {refresh} END",
        "CREATE TRIGGER cases_names_ad AFTER DELETE ON cases BEGIN"
        " DELETE FROM case_names_fts WHERE rowid = OLD.id; END",
        "INSERT INTO case_names_fts (rowid, title, slug) SELECT id, title, slug FROM cases",
    ):
        db.conn.execute(sql)


@migration
def m026_timeline_view_pinpoints(db: Any) -> None:
    """The served timeline says each citation's pinpoint as every other citation casetrack
    writes does, through casetrack_pinpoint() (pinpoints.pinpoint_text, which
    casetrack.team_plugin gives the server's connections): m015's view said only the page,
    as 'p. 12-14' or 'p. § 35', and left out the paragraph or section. Same columns, rows
    and order."""
    db.conn.execute("DROP VIEW timeline")
    db.conn.execute(
        """CREATE VIEW timeline AS
        SELECT m.id AS id, m."case" AS "case", casetrack_date(m.date) AS date, m.kind AS kind,
            m.title AS title, m.status AS status, m.key AS key,
            (SELECT group_concat(label, '; ') FROM (
                SELECT p.name || CASE WHEN mp.role != '' THEN ' (' || mp.role || ')' ELSE '' END
                    AS label
                FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id
                WHERE mp.milestone_id = m.id ORDER BY mp.rowid)) AS parties,
            (SELECT json_group_array(name) FROM (
                SELECT p.name AS name FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id
                WHERE mp.milestone_id = m.id GROUP BY p.id ORDER BY min(mp.rowid))) AS party,
            (SELECT group_concat(label, '; ') FROM (
                SELECT '[' || s.id || '] ' || coalesce(nullif(s.title, ''), s.url)
                    || coalesce(', ' || nullif(
                        casetrack_pinpoint(ms.page, ms.paragraph, ms.page_index), ''), '')
                    AS label
                FROM milestone_sources ms JOIN sources s ON s.id = ms.source_id
                WHERE ms.milestone_id = m.id ORDER BY ms.rowid)) AS sources,
            m.location AS location, m.note AS note,
            (SELECT group_concat(tag, '; ') FROM (
                SELECT tag FROM milestone_tags WHERE milestone_id = m.id ORDER BY tag)) AS tags,
            m.uid AS uid
        FROM (
            SELECT m.id AS id, c.slug AS "case", m.date AS date, m.kind AS kind,
                m.title AS title, m.status AS status, m.key AS key, m.location AS location,
                m.note AS note, m.uid AS uid
            FROM milestones m JOIN cases c ON c.id = m.case_id
            WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL
            ORDER BY m.sort_key, m.position, m.id) m"""
    )


@migration
def m027_rule_runs_from(db: Any) -> None:
    """What a user's rule says its period runs from (`rules.runs_from`): service or
    notification (the service of a paper, so a deadline's service may add days), entry or
    pronouncement (of a judgment or order, so a deadline's service is refused), as the
    built-in rules say; NULL, as every rule added before, says nothing, and a deadline's
    service is taken as given. In the history, so undo puts it back (rules are written a row
    at a time: no span of them has a digest to bring up to date)."""
    conn = db.conn
    conn.execute(
        "ALTER TABLE rules ADD COLUMN runs_from TEXT"
        " CHECK (runs_from IN ('service', 'notification', 'entry', 'pronouncement'))"
    )
    _history_triggers(
        conn,
        {
            "rules": "id title jurisdiction citation text triggers amount unit direction service"
            " holidays method created_at updated_at runs_from"
        },
    )


@migration
def m028_case_numbers(db: Any) -> None:
    """A case's docket number and court are indexed with its title and slug (m025), so that
    `search 1:21-cv-01234` or `search "RG 19/04567"` finds the milestones of the case so
    numbered, and `search "tribunal judiciaire"` those of the cases before that court. The
    index is made again with the two columns, and its triggers follow them too."""
    columns = "title, slug, docket, court"
    refresh = (
        "DELETE FROM case_names_fts WHERE rowid = NEW.id;"
        f" INSERT INTO case_names_fts (rowid, {columns})"
        " VALUES (NEW.id, NEW.title, NEW.slug, NEW.docket, NEW.court);"
    )
    for sql in (
        "DROP TRIGGER cases_names_ai",
        "DROP TRIGGER cases_names_au",
        "DROP TRIGGER cases_names_ad",
        "DROP TABLE case_names_fts",
        f"CREATE VIRTUAL TABLE case_names_fts USING fts5({columns},"
        " tokenize = 'unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER cases_names_ai AFTER INSERT ON cases BEGIN {refresh} END",
        "CREATE TRIGGER cases_names_au AFTER UPDATE OF id, title, slug, docket, court ON cases"
        f" BEGIN DELETE FROM case_names_fts WHERE rowid = OLD.id; {refresh} END",
        "CREATE TRIGGER cases_names_ad AFTER DELETE ON cases BEGIN"
        " DELETE FROM case_names_fts WHERE rowid = OLD.id; END",
        f"INSERT INTO case_names_fts (rowid, {columns}) SELECT id, {columns} FROM cases",
    ):
        db.conn.execute(sql)


@migration
def m029_case_statuses(db: Any) -> None:
    """A case's status says where the matter stands: open, stayed, on appeal, settled or
    closed, where m001 allowed only open and closed. SQLite cannot change a CHECK in place:
    the table is made again from its own text with the wider one (every row meets it), its
    rows copied with their ids while its triggers are gone (the history records nothing),
    its indexes and triggers made again as they were, and its AUTOINCREMENT sequence kept.
    Foreign keys are off, so dropping it cascades nowhere."""
    conn = db.conn
    if conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("m029 makes the cases table again: it needs foreign keys off")
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'cases'").fetchone()
    widened = sql.replace(
        "CHECK (status IN ('open', 'closed'))",
        "CHECK (status IN ('open', 'stayed', 'on appeal', 'settled', 'closed'))",
    )
    if widened == sql:
        raise RuntimeError("m029: the cases table does not say the statuses m001 gave it")
    again = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'cases'"
            " AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid"
        )
    ]
    sequence = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'cases'").fetchall()
    conn.execute("CREATE TEMP TABLE m029_cases AS SELECT * FROM cases")
    conn.execute("DROP TABLE cases")
    conn.execute(widened)
    conn.execute("INSERT INTO cases SELECT * FROM temp.m029_cases")
    conn.execute("DROP TABLE temp.m029_cases")
    for statement in again:
        conn.execute(statement)
    conn.execute("DELETE FROM sqlite_sequence WHERE name = 'cases'")
    conn.executemany("INSERT INTO sqlite_sequence (name, seq) VALUES ('cases', ?)", sequence)


@migration
def m030_link_history_by_milestone(db: Any) -> None:
    """The history of a milestone's links (its parties, sources and tags) found in an index
    by milestone: a docket imported again asks which fields of the entries it would update
    were edited here (history.edited_fields), and that read every link row of the whole
    history (37-94 ms at 48,590 rows) however few entries it asked of. Only the link tables'
    rows of one change each (a span's copy names no milestone); edited_fields repeats the
    expression and the condition word for word for SQLite to use it."""
    db.conn.execute(
        "CREATE INDEX history_link_milestone ON history("
        "json_extract(coalesce(new, old), '$.milestone_id')) WHERE last_row_id IS NULL"
        " AND table_name IN ('milestone_parties', 'milestone_sources', 'milestone_tags')"
    )


@migration
def m031_one_intervener_role(db: Any) -> None:
    """'intervenor' and 'intervener' were both known roles, so one role's links were split
    by spelling: 'intervener' is the role, and the links given 'intervenor' are given it
    (models.ROLE_SPELLINGS takes the spelling for the role from now on). A party linked to
    a milestone under both keeps one link. The search rows follow by their triggers. Not the
    user's change: its history lines are taken out again."""
    conn = db.conn
    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    conn.execute(
        "UPDATE OR IGNORE milestone_parties SET role = 'intervener' WHERE role = 'intervenor'"
    )
    conn.execute("DELETE FROM milestone_parties WHERE role = 'intervenor'")
    conn.execute("DELETE FROM history WHERE id > ?", (last,))


@migration
def m032_party_bare_keys(db: Any) -> None:
    """Each party name and alias keeps its bare key (`parties.bare_key`,
    `party_aliases.bare_key`: its name key with punctuation dropped and spaces collapsed,
    'acme widgets inc' for 'Acme Widgets, Inc.'; '' for punctuation only), indexed, so a name
    typed without a party's punctuation finds it in one lookup, not a read of every name.
    Stored keys are made here as text.bare_key made them when released (spelled out); the
    history records the columns from now on, and each span of their rows recorded before
    (a bulk import's) whose digest still matches its rows gets their digest over every
    column, as m023 asks. An upgrade is not the user's change: its history lines are taken
    out again."""
    import unicodedata

    conn = db.conn
    fold = str.maketrans(
        {"\u0131": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t",
         "æ": "ae", "œ": "oe", "þ": "th"}
    )  # fmt: skip

    ascii_punctuation = str.maketrans("", "", "!\"#%&'()*,-./:;?@[\\]^_`{}")

    def key(name: str) -> str:
        if name.isascii():
            return " ".join(name.lower().translate(ascii_punctuation).split())
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        kept = (
            ch
            for ch in stripped.casefold().translate(fold)
            if unicodedata.category(ch)[0] != "P" and unicodedata.category(ch) != "Sk"
        )
        return " ".join("".join(kept).split())

    (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    tables = {"parties": "name", "party_aliases": "alias"}
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        spans[table] = [
            (history_id, first, end)
            for history_id, first, end, digest in conn.execute(
                "SELECT id, row_id, last_row_id, digest FROM history WHERE table_name = ?"
                " AND last_row_id IS NOT NULL AND action = 'insert' AND digest IS NOT NULL",
                (table,),
            ).fetchall()
            if _m023_digest(conn, table, columns, first, end) == digest
        ]
    # Filling the column changes no name: the triggers that follow an alias's every update
    # (its party's name index row, its milestones' search rows) would rewrite them all for
    # nothing (over a second for 6,700 aliases), and the history's would record it. They
    # are put back (the history's with the new column) once it is filled.
    names_and_search = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
            " AND name IN ('party_aliases_names_au', 'party_aliases_search_au') ORDER BY rowid"
        )
    ]
    for trigger in (
        "party_aliases_names_au", "party_aliases_search_au", "history_parties_update",
        "history_party_aliases_update",
    ):  # fmt: skip
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table, name in tables.items():
        conn.execute(f"ALTER TABLE {table} ADD COLUMN bare_key TEXT")
        conn.executemany(
            f"UPDATE {table} SET bare_key = ? WHERE id = ?",
            [
                (key(text), row_id)
                for row_id, text in conn.execute(f"SELECT id, {name} FROM {table}")
            ],
        )
        conn.execute(f"CREATE INDEX {table}_bare_key ON {table}(bare_key)")
    for sql in names_and_search:
        conn.execute(sql)
    _history_triggers(
        conn,
        {
            "parties": "id uid name name_key kind created_at bare_key",
            "party_aliases": "id party_id alias alias_key bare_key",
        },
    )
    conn.execute("DELETE FROM history WHERE id > ?", (last,))
    for table, matching in spans.items():
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        conn.executemany(
            "UPDATE history SET digest = ? WHERE id = ?",
            [
                (_m023_digest(conn, table, columns, first, end), history_id)
                for history_id, first, end in matching
            ],
        )


LATEST_VERSION = len(MIGRATIONS)


def apply_migrations(conn: Any) -> None:
    """Bring the store on `conn` up to LATEST_VERSION; the caller holds a write transaction,
    begun with foreign keys off (a table made again must not cascade to its links)."""
    import sqlite_utils

    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrations = sqlite_utils.Migrations("casetrack")
    for fn in MIGRATIONS:
        migrations()(fn)
    migrations.apply(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION}")
