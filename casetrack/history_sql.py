"""The SQL the history is read with: which tables it tracks, a row as JSON (as the history
triggers schema.py made write it, so undo can compare), and fingerprints of spans of rows
added in bulk.
"""

from __future__ import annotations

import array
import hashlib
import sys
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

# Tables whose every insert, update and delete is written to `history` by triggers, so any
# write path (commands, import, merge, future ones) is recorded and can be undone.
TRACKED_TABLES = (
    "cases", "kinds", "parties", "party_aliases", "documents", "document_pages", "sources",
    "milestones", "milestone_parties", "milestone_sources", "milestone_tags",
    "rules", "closures", "deadlines",
)  # fmt: skip


def row_json(columns: list[str], alias: str) -> str:
    """SQL giving a row as a JSON object; triggers and undo build it the same way to compare."""
    return "json_object(" + ", ".join(f"'{c}', {alias}.\"{c}\"" for c in columns) + ")"


def table_columns(conn: Any, table: str) -> list[str]:
    """Column names of a tracked table, in schema order."""
    if table not in TRACKED_TABLES:
        raise ValueError(f"{table} is not a tracked table")
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


# Columns worked out from a row's others, added to their tables after the history began
# (sources.citation_key by m022, milestones.sort_key by m008, the parties' and aliases'
# bare_key by m032): a record written before lacks them. (parties.name_key and
# party_aliases.alias_key were recorded from the first.)
DERIVED = {
    "sources": "citation_key", "milestones": "sort_key", "parties": "bare_key",
    "party_aliases": "bare_key",
}  # fmt: skip
# The column each bare_key is worked out from.
_BARE_OF = {"parties": "name", "party_aliases": "alias"}


def with_derived(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """A recorded row's values, with the column worked out from others (DERIVED) that the
    record lacks worked out again by the function that makes it, so a row put back from it
    is never left with a stale key."""
    if table == "sources" and "citation_key" not in values and isinstance(values.get("url"), str):
        from casetrack.text import citation_key

        return {**values, "citation_key": citation_key(values["url"])}
    named = values.get(_BARE_OF.get(table, ""))
    if table in _BARE_OF and "bare_key" not in values and isinstance(named, str):
        from casetrack.text import bare_key

        return {**values, "bare_key": bare_key(named)}
    if table == "milestones" and "sort_key" not in values and "precision" in values:
        from casetrack.dates import from_stored

        get = values.get
        date = from_stored(
            str(get("date")), get("date_start"), get("date_end"), str(values["precision"])
        )
        return {**values, "sort_key": date.sort_key}
    return values


def recorded_json(conn: Any, table: str, row_id: int, recorded: str) -> str | None:
    """The row as it is now, as JSON of only the columns a record of it holds (`recorded`,
    a history row's old or new JSON, in its order), to compare with that record: a column
    added since cannot have been changed by anything the record knows of. None if the row
    is gone, or the record holds a column the table no longer has."""
    import json

    keys = list(json.loads(recorded))
    if not set(keys) <= set(table_columns(conn, table)):
        return None
    found = conn.execute(
        f"SELECT {row_json(keys, table)} FROM {table} WHERE rowid = ?", (row_id,)
    ).fetchone()
    return str(found[0]) if found else None


# Rows of a span fingerprinted per statement: SQLite joins their texts, Python hashes them.
DIGEST_CHUNK = 4096


def exact_row_json(conn: Any, table: str, alias: str) -> str:
    """row_json, but a REAL that JSON's 15 digits would round is written with 17, so a row
    put back from it is the row that was (a milestone's position, once moved many times)."""
    values = []
    for _, name, declared, *_ in conn.execute(f"PRAGMA table_info({table})"):
        column = f'{alias}."{name}"'
        if "REAL" in declared.upper():
            column = (
                f"CASE WHEN typeof({column}) = 'real' AND abs({column}) < 1e308"
                f" AND {column} != CAST(printf('%!.15g', {column}) AS REAL)"
                f" THEN json(printf('%!.17g', {column})) ELSE {column} END"
            )
        values.append(f"'{name}', {column}")
    return "json_object(" + ", ".join(values) + ")"


def span_texts(
    conn: Any, table: str, first: int, last: int, *, copy: bool = False
) -> Iterator[tuple[str, str | None, int]]:
    """The rows of `table` with rowids from first to last, DIGEST_CHUNK at a time, in rowid
    order: each row's JSON (row_json) followed by U+001E, as span_digest hashes them; with
    copy, also each as a line (rowid, tab, exact_row_json), as history_copies keeps them;
    then the chunk's last rowid."""
    values = row_json(table_columns(conn, table), "x")
    exact = exact_row_json(conn, table, "x") if copy else "NULL"
    # A table without REAL columns has one JSON for both: each row's is made once.
    line = "j" if exact == values else "e"
    lines = f"group_concat(r || char(9) || {line} || char(10), '')" if copy else "NULL"
    sql = (
        f"SELECT group_concat(j || char(30), ''), {lines}, max(r)"
        f" FROM (SELECT rowid AS r, {values} AS j, {exact if line == 'e' else 'NULL'} AS e"
        f" FROM {table} AS x WHERE rowid BETWEEN ? AND ? ORDER BY rowid LIMIT {DIGEST_CHUNK})"
    )
    low = first
    while True:
        text, copied, high = conn.execute(sql, (low, last)).fetchone()
        if text is None:
            return
        yield text, copied, high
        low = high + 1


def span_digest(conn: Any, table: str, first: int, last: int) -> str:
    """A fingerprint of the rows of `table` with rowids from first to last, as they are now:
    blake2b (16 bytes) of each row's JSON (row_json) followed by U+001E, in rowid order.

    A span of history (rows added in bulk) keeps this instead of each row's values: undo
    compares it with the rows to tell whether they changed since without leaving a trace
    in the history (an edit made with the triggers dropped).
    """
    digest = hashlib.blake2b(digest_size=16)
    for text, _, _ in span_texts(conn, table, first, last):
        digest.update(text.encode())
    return digest.hexdigest()


# The Python types each column affinity stores as they are (an int in a REAL column is stored
# as a REAL); SQLite would convert anything else, and a SpanHasher gives up.
_KEPT: dict[str, frozenset[type]] = {
    "TEXT": frozenset((type(None), str)),
    "INTEGER": frozenset((type(None), int)),
    "REAL": frozenset((type(None), int)),
}
# A REAL holding a whole number below this has 15 digits at most, which json_object's
# "%!.15g" writes as "12.0".
_EXACT_REAL = 10**15


def affinity(declared: str) -> str:
    """A column's affinity from its declared type, by SQLite's rules (section 3.1 of its
    datatype page)."""
    declared = declared.upper()
    if "INT" in declared:
        return "INTEGER"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in declared or not declared:
        return "BLOB"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


# A table's columns as PRAGMA table_info gives them: name, declared type, default.
Layout = list[tuple[str, str, object]]


def table_layout(conn: Any, table: str) -> Layout:
    """What a SpanHasher needs to know of a tracked table, read where the store is open."""
    table_columns(conn, table)  # a tracked table, or ValueError
    return [(r[1], r[2], r[4]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _written(kind: str, values: Sequence[Any]) -> list[str] | None:
    """A column's values as json_object writes them, a column of a batch at a time; None
    for a value SQLite would store otherwise than as given (see _KEPT)."""
    types = set(map(type, values))
    if not types <= _KEPT.get(kind, frozenset()):
        return None
    if kind == "TEXT":
        if type(None) in types:
            return ["null" if v is None else encode_basestring(v) for v in values]
        return list(map(encode_basestring, values))
    numbers = [v for v in values if v is not None] if type(None) in types else values
    if kind == "INTEGER":
        written = list(map(str, numbers))
    elif numbers and not -_EXACT_REAL < min(numbers) <= max(numbers) < _EXACT_REAL:
        return None
    else:
        written = [f"{v}.0" for v in numbers]
    if len(numbers) < len(values):
        filled = iter(written)
        return ["null" if v is None else next(filled) for v in values]
    return written


class SpanHasher:
    """span_digest of rows worked out from their values as they are inserted, before the
    store holds them: each row's JSON as json_object writes it, from the values the insert
    binds (`inserted`: its column names, in the order of each row given to add), in the
    table's column order, hashed in the order added. A column the insert leaves out must
    have no default (NULL, as JSON null). A value SQLite would store otherwise than as given
    (a number in a TEXT column, a text in an INTEGER one, a bool, a float) makes it give up:
    `digest` is then None, as it is when json_as_sqlite finds this SQLite's JSON otherwise."""

    def __init__(self, layout: Layout, inserted: Sequence[str], *, same_json: bool) -> None:
        self.given_up = not same_json or any(
            default is not None for name, _, default in layout if name not in inserted
        )
        self._columns = [
            (inserted.index(name) if name in inserted else len(inserted), affinity(declared))
            for name, declared, _ in layout
        ]
        keys = [f"{encode_basestring(name).replace('%', '%%')}:%s" for name, _, _ in layout]
        self._row = "{" + ",".join(keys) + "}\x1e"
        self._digest = hashlib.blake2b(digest_size=16)
        self.rows = 0

    def texts(self, rows: Sequence[tuple[object, ...]]) -> str | None:
        """The rows' JSON, each followed by U+001E, as span_texts gives them; None if given up."""
        if self.given_up or not rows:
            return None if self.given_up else ""
        given = [*zip(*rows, strict=True), (None,) * len(rows)]
        columns = []
        for where, kind in self._columns:
            written = _written(kind, given[where])
            if written is None:
                self.given_up = True
                return None
            columns.append(written)
        return "".join(map(self._row.__mod__, zip(*columns, strict=True)))

    def add(self, rows: Sequence[tuple[object, ...]]) -> None:
        """The next rows inserted, each its values in the insert's column order."""
        text = self.texts(rows)
        if text:
            self._digest.update(text.encode())
            self.rows += len(rows)

    def digest(self) -> str | None:
        """span_digest of the rows added, once the store holds them; None if given up."""
        return None if self.given_up else self._digest.hexdigest()


def json_as_sqlite(conn: Any) -> bool:
    """Whether this SQLite's json_object writes every character of a text, and the numbers a
    SpanHasher writes, as a SpanHasher does: one statement over every code point."""
    points = array.array("I", range(0xD800))
    points.extend(range(0xE000, 0x110000))  # every code point but the surrogates
    text = points.tobytes().decode(f"utf-32-{'le' if sys.byteorder == 'little' else 'be'}")
    rows = [
        (text, 0, 0), ("", -1, 1), (None, 12, -3), ("x", -(2**63), 123456789),
        ("\x00", 2**63 - 1, _EXACT_REAL - 1), (None, None, None),
    ]  # fmt: skip
    layout: Layout = [("t", "TEXT", None), ("n", "INTEGER", None), ("r", "REAL", None)]
    conn.execute("CREATE TEMP TABLE json_as_sqlite (t TEXT, n INTEGER, r REAL)")
    conn.executemany("INSERT INTO json_as_sqlite VALUES (?, ?, ?)", rows)
    (written,) = conn.execute(
        "SELECT group_concat(json_object('t', t, 'n', n, 'r', r) || char(30), '')"
        " FROM (SELECT * FROM json_as_sqlite ORDER BY rowid)"
    ).fetchone()
    conn.execute("DROP TABLE json_as_sqlite")
    return bool(written == SpanHasher(layout, ("t", "n", "r"), same_json=True).texts(rows))
