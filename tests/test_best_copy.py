"""benchmarks/best_copy.py keeps working as the store grows tables: the import's floor in the
benchmark is only a floor while it can copy every kind of record an import writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.best_copy import TABLES, best_copy
from tests.conftest import Cli
from tests.pdfs import exhibit


def test_best_copy_copies_a_store_with_a_cited_document(cli: Cli, tmp_path: Path) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5", "--case", "acme")
    cli("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv", "--party", "Acme Corp")
    copy = tmp_path / "copy.db"
    best_copy(cli.db_path, copy)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("documents", "document_pages", "milestones", "milestone_sources"):
            assert table in TABLES
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] >= 1, table
    finally:
        conn.close()
