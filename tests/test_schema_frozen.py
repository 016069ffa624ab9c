"""Released migrations are frozen: the stores they build are the stores they always built.

tests/fixtures/schema.sql is every schema object (sqlite_master, in creation order) of a
new store as casetrack made it at schema 10 (commit 45b9a42), before its migrations were
spelled out in full; the first released schema's store upgrades to the same. A migration
added later appends its objects to the file (one that makes a table again, as m016 did,
moves that table's objects to the end); one that changes what an older migration built
is a bug.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from casetrack.history_sql import TRACKED_TABLES, row_json, table_columns
from casetrack.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
RELEASED = (FIXTURES / "schema.sql").read_text()


def schema_text(path: Path) -> str:
    """Every schema object of the store at `path`, one statement a paragraph."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    return "".join(f"-- {kind} {name} on {table}\n{sql};\n\n" for kind, name, table, sql in rows)


def test_new_store_schema_is_as_released(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new.db", create=True)
    store.save_new()
    store.close()
    assert schema_text(tmp_path / "new.db") == RELEASED


def test_upgraded_store_schema_is_as_released(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "store-schema1.sqlite", path)
    Store.open(path).close()
    assert schema_text(path) == RELEASED


def test_history_triggers_record_rows_as_undo_reads_them(tmp_path: Path) -> None:
    """Each tracked table's triggers write its every current column as row_json builds it:
    a migration that adds a column to one must make its triggers again."""
    store = Store.open(tmp_path / "new.db", create=True)
    triggers = dict(
        store.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    )
    for table in TRACKED_TABLES:
        columns = table_columns(store.conn, table)
        for action, rows in (
            ("insert", "NEW"),
            ("update", "OLD"),
            ("update", "NEW"),
            ("delete", "OLD"),
        ):
            assert row_json(columns, rows) in triggers[f"history_{table}_{action}"], table
    store.close()
