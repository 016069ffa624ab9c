"""The fastest plain copy of a store's records that SQLite allows: a floor for any import.

    python benchmarks/best_copy.py --db /tmp/bench.db --out /tmp/copy.db

It copies the case, document, party, source, milestone and link tables row for row into a new
file with `executemany` in one transaction, with a 256 MiB page cache, no triggers, no history
and no search index, and builds the secondary indexes once at the end. No JSON is read or checked.
An import does all of that and more, so it cannot be faster than this on the same machine.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

TABLES = ("kinds", "cases", "documents", "document_pages", "parties", "party_aliases", "sources",
          "milestones", "milestone_parties", "milestone_sources", "milestone_tags")  # fmt: skip
FETCH = 10_000


def best_copy(source: Path, target: Path) -> None:
    """Copy TABLES from `source` into a new store file at `target`."""
    if not source.is_file():
        raise SystemExit(f"best_copy: no store at {source}: make one with generate.py")
    if target.exists() and target.resolve() == source.resolve():
        raise SystemExit("best_copy: --out must be another file than --db (it is replaced)")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA cache_size = -262144")
    dst.execute("PRAGMA foreign_keys = ON")
    indexes: list[str] = []
    dst.execute("BEGIN")
    for table in TABLES:
        dst.execute(
            src.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        )
        indexes += [
            sql
            for (sql,) in src.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                " AND sql IS NOT NULL",
                (table,),
            )
        ]
    for table in TABLES:
        columns = ", ".join(["rowid", *(r[1] for r in src.execute(f"PRAGMA table_info({table})"))])
        marks = ", ".join("?" for _ in columns.split(", "))
        cursor = src.execute(f"SELECT {columns} FROM {table}")
        while rows := cursor.fetchmany(FETCH):
            dst.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
    for sql in indexes:
        dst.execute(sql)
    dst.execute("COMMIT")
    for table in TABLES:  # a floor only counts if every row made it
        count = f"SELECT count(*) FROM {table}"
        if src.execute(count).fetchone() != dst.execute(count).fetchone():
            raise SystemExit(f"best_copy: {table} lost rows in the copy")
    dst.close()
    src.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="store made by generate.py")
    parser.add_argument("--out", type=Path, required=True, help="file to write (replaced)")
    args = parser.parse_args()
    started = time.perf_counter()
    best_copy(args.db, args.out)
    seconds = time.perf_counter() - started
    size = args.out.stat().st_size / 1e6
    print(f"copied {args.db} to {args.out} in {seconds:.1f} s ({size:.0f} MB)")


if __name__ == "__main__":
    main()
