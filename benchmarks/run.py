"""Time casetrack's commands as whole processes against baselines measured in the same run.

    python benchmarks/generate.py --milestones 1000000 --db /tmp/bench.db
    python benchmarks/run.py --db /tmp/bench.db

Every figure is the median wall time of repeated runs of a fresh process, shown as a
ratio to baselines taken in the same run, so the results hold on any machine:
  python   `python -c "import sqlite3"`: Python's own floor;
  stack    `python -c "import typer, sqlite_utils, tabulate"`: the import floor of our stack;
  raw      the same query (or writes) done by a short script with plain sqlite3.
Rounds interleave the commands so that a busy machine slows them all alike. Peak RSS is
the child's own (wait4). Commands this casetrack lacks (`casetrack CMD --help` fails)
are skipped. `add` writes to the case `bench-add`, linking the party `bench-adder` (made
before the first run if missing); nothing else changes the store, so repeated benchmark
runs time the same timelines.
Output goes to /dev/null with no $COLUMNS, so tables are not wrapped (as in any pipe);
one extra row times the party timeline wrapped to 120 columns, as a terminal shows it.
This is a measurement, not a test: CI runs it on a small store only to keep it working.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PY = sys.executable
CASETRACK = [PY, "-m", "casetrack"]
if shutil.which("casetrack"):
    CASETRACK = [shutil.which("casetrack") or "casetrack"]

# The milestones of a selection, with their parties and sources: what a timeline reads.
_RAW_SELECT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
ids = [r[0] for r in conn.execute({ids_sql!r}, {params})]
marks = ",".join("?" * len(ids))
rows = conn.execute("SELECT m.*, c.slug FROM milestones m JOIN cases c ON c.id = m.case_id"
                    f" WHERE m.id IN ({{marks}})", ids).fetchall()
links = conn.execute("SELECT mp.milestone_id, p.name, mp.role FROM milestone_parties mp"
                     f" JOIN parties p ON p.id = mp.party_id WHERE mp.milestone_id IN ({{marks}})",
                     ids).fetchall()
cites = conn.execute("SELECT ms.milestone_id, s.url FROM milestone_sources ms"
                     f" JOIN sources s ON s.id = ms.source_id WHERE ms.milestone_id IN ({{marks}})",
                     ids).fetchall()
print(len(rows), len(links), len(cites))
"""
ADD_PARTY = "bench-adder"
_ORDER = "ORDER BY m.sort_key, m.position, m.id"
_BY_CASE = (
    "SELECT m.id FROM milestones m JOIN cases c ON c.id = m.case_id"
    f" WHERE c.slug = ? AND m.deleted_at IS NULL {_ORDER}"
)
_BY_PARTY = (
    "SELECT m.id FROM milestones m WHERE m.deleted_at IS NULL AND m.id IN"
    " (SELECT milestone_id FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
    f" WHERE p.name = ?) {_ORDER}"
)
_BY_WORD = f"SELECT m.id FROM milestones m WHERE m.deleted_at IS NULL AND m.title LIKE ? {_ORDER}"

# A long listing written by hand: the milestones a filter selects, in timeline order, with
# their case, dates, parties, sources and tags, one row each as CSV or JSON Lines as it is
# read. The floor for `timeline -f csv` and `export -f jsonl` of the same selection.
_RAW_LISTING = """
import csv, json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
columns = ("id", "uid", "case", "case_title", "date", "start", "end", "precision", "kind",
           "title", "parties", "sources", "location", "note", "tags", "status", "key")
rows = conn.execute(
    "SELECT m.id, m.uid, c.slug, c.title, m.date, m.date_start, m.date_end, m.precision,"
    " m.kind, m.title,"
    " (SELECT group_concat(p.name || ':' || mp.role, char(10)) FROM milestone_parties mp"
    "  JOIN parties p ON p.id = mp.party_id WHERE mp.milestone_id = m.id),"
    " (SELECT group_concat(s.url, char(10)) FROM milestone_sources ms"
    "  JOIN sources s ON s.id = ms.source_id WHERE ms.milestone_id = m.id),"
    " m.location, m.note,"
    " (SELECT group_concat(tag, char(10)) FROM milestone_tags WHERE milestone_id = m.id),"
    " m.status, m.key FROM milestones m JOIN cases c ON c.id = m.case_id"
    f" WHERE m.deleted_at IS NULL AND {sys.argv[3]} ORDER BY m.sort_key, m.position, m.id",
    sys.argv[4:])
if sys.argv[2] == "csv":
    out = csv.writer(sys.stdout, lineterminator="\\n")
    out.writerow(columns)
    out.writerows(rows)
else:
    for row in rows:
        sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\\n")
"""
_SINCE = "2024-01-15"

# Rows a query gives, written as CSV as they are read by a plain sqlite3 script: the floor
# for the streamed listings below (history, a search with many hits, party list).
_RAW_ROWS = """
import csv, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
csv.writer(sys.stdout, lineterminator="\\n").writerows(conn.execute(sys.argv[2], sys.argv[3:]))
"""
_HISTORY = (
    "SELECT h.id, c.at, c.user, c.command, h.action, h.table_name, h.row_id, h.old, h.new"
    " FROM history h LEFT JOIN changes c ON c.id = h.change_id ORDER BY h.id"
)
# A word in about a fifth of the generated titles ("the appeal", "appeals", the tag).
_MANY = "appeal"
_MATCHES = (
    "SELECT m.id, c.slug, m.date, m.kind, m.title FROM milestone_search_fts"
    " JOIN milestones m ON m.id = milestone_search_fts.rowid JOIN cases c ON c.id = m.case_id"
    " WHERE milestone_search_fts MATCH ? AND m.deleted_at IS NULL"
    " ORDER BY bm25(milestone_search_fts), m.sort_key, m.position, m.id"
)
_MATCH_COUNT = "SELECT count(*) FROM milestone_search_fts WHERE milestone_search_fts MATCH ?"
_PARTIES = (
    "SELECT p.id, p.name, p.kind, count(DISTINCT mp.milestone_id), count(DISTINCT m.case_id)"
    " FROM parties p LEFT JOIN milestone_parties mp ON mp.party_id = p.id"
    " LEFT JOIN milestones m ON m.id = mp.milestone_id AND m.deleted_at IS NULL"
    " GROUP BY p.id ORDER BY p.name_key"
)

# The stack's import floor.
_STACK_IMPORTS = "import typer, sqlite_utils, tabulate"

# SQLite's own checks of the same store: the floor for `check`.
_RAW_CHECK = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(conn.execute("PRAGMA integrity_check").fetchall())
print(conn.execute("PRAGMA foreign_key_check").fetchall())
"""

# What `add` does, written by hand: one milestone and its two links in one transaction.
_RAW_ADD = """
import sqlite3, sys, uuid
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
case_id = conn.execute("SELECT id FROM cases WHERE slug = 'bench-add'").fetchone()[0]
party_id = conn.execute("SELECT id FROM parties WHERE name = 'bench-adder'").fetchone()[0]
source_id = conn.execute("SELECT id FROM sources WHERE url = ?", (sys.argv[2],)).fetchone()[0]
cur = conn.execute(
    "INSERT INTO milestones (uid, case_id, date, date_start, date_end, precision, sort_start,"
    " sort_end, sort_key, position, kind, title, created_at, updated_at) VALUES"
    " (?, ?, '2020-05-17', '2020-05-17', '2020-05-17', 'day', '2020-05-17', '2020-05-17',"
    " '2020-05-17 1 7979-94-82', 0, 'hearing', 'Raw benchmark hearing', '2020-05-17',"
    " '2020-05-17')",
    (str(uuid.uuid4()), case_id))
conn.execute("UPDATE milestones SET position = id WHERE id = ?", (cur.lastrowid,))
conn.execute("INSERT INTO milestone_parties VALUES (?, ?, 'subject')", (cur.lastrowid, party_id))
conn.execute("INSERT INTO milestone_sources (milestone_id, source_id) VALUES (?, ?)",
             (cur.lastrowid, source_id))
conn.execute("COMMIT")
"""

# What a bulk import ends with, written by hand: every row copied with executemany, one
# transaction, into an empty store (made by `casetrack init`, untimed) whose triggers are
# dropped first: the same tables and indexes, without the history and search index an
# import also writes. (With the triggers, this baseline ran slower than import itself.)
_RAW_COPY = """
import sqlite3, sys
src = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
dst = sqlite3.connect(sys.argv[2], isolation_level=None)
dst.execute("BEGIN IMMEDIATE")
for (name,) in dst.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
    dst.execute(f"DROP TRIGGER {name}")
for table in ("kinds", "cases", "parties", "party_aliases", "sources", "milestones",
              "milestone_parties", "milestone_sources", "milestone_tags"):
    cols = ", ".join(r[1] for r in src.execute(f"PRAGMA table_info({table})"))
    marks = ", ".join("?" * len(cols.split(", ")))
    dst.executemany(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({marks})",
                    src.execute(f"SELECT {cols} FROM {table}"))
dst.execute("COMMIT")
"""


@dataclass
class Measure:
    """One thing timed: a command line, how to prepare each run, what it is compared to."""

    label: str
    argv: list[str]
    raw: list[str] | None = None
    stdout: Path | None = None
    prepare: Callable[[], None] | None = None
    target: tuple[str, float] | None = None  # (baseline name, ratio to stay at or below)
    limit: float | None = None  # ratio to its raw baseline to stay at or below
    rss_limit: int | None = None  # peak RSS (MB) to stay below
    after: Callable[[], None] | None = None  # run after each run, untimed
    columns: int | None = None  # $COLUMNS: tables wrap to this width, else (piped) not at all
    times: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system, its children's included


def run_once(
    argv: list[str], stdout: Path | None = None, columns: int | None = None
) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user and system, with those of the
    processes it started and waited for) of one process; it must succeed."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns:
        env["COLUMNS"] = str(columns)
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    try:
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env)
        assert process.stderr is not None
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {shlex.join(argv)}\n{errors.decode()}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def available(command: str) -> bool:
    run = subprocess.run([*CASETRACK, command, "--help"], capture_output=True)
    return run.returncode == 0


def measure(items: list[Measure], runs: int) -> None:
    """One untimed warm-up each, then `runs` interleaved rounds."""
    for round_ in range(runs + 1):
        for item in items:
            if item.prepare:
                item.prepare()
            elapsed, rss, cpu = run_once(item.argv, item.stdout, item.columns)
            if item.after:
                item.after()
            if round_:
                item.times.append(elapsed)
                item.rss.append(rss)
                item.cpu.append(cpu)


def median_ms(item: Measure) -> float:
    return statistics.median(item.times) * 1000


def store_summary(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("milestones", "cases", "parties", "sources", "milestone_parties")
    }
    conn.close()
    return ", ".join(f"{n:,} {t.replace('_', ' ')}" for t, n in counts.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="store made by generate.py")
    parser.add_argument("--runs", type=int, default=11, help="timed runs per command")
    parser.add_argument(
        "--large-runs", type=int, default=3, help="timed runs of long listings and check"
    )
    parser.add_argument("--bulk-runs", type=int, default=3, help="timed runs of export/import/undo")
    parser.add_argument("--word", default="zeppelin", help="the word to search for")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="time only the commands whose row says TEXT (repeatable), with their baselines"
        " and the floors, e.g. --only 'case list' --only check --bulk-runs 0",
    )
    parser.add_argument(
        "--export-all",
        default="export --format jsonl",
        help="arguments that print the whole store as JSONL",
    )
    parser.add_argument(
        "--import-cmd",
        default="import {file}",
        help="arguments that import a JSONL file into a store",
    )
    args = parser.parse_args()
    db = args.db.resolve()
    if not db.exists():
        raise SystemExit(f"no store at {db}: make one with benchmarks/generate.py")
    compile_casetrack()
    work = Path(tempfile.mkdtemp(prefix="casetrack-bench-"))
    try:
        report(db, work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def compile_casetrack() -> None:
    """Bytecode for casetrack's modules, as pip writes it for a regular install. Without it
    (an editable install under PYTHONDONTWRITEBYTECODE=1) every run compiles every module,
    which once cost 30 ms a run."""
    subprocess.run(
        [PY, "-c", "import compileall, casetrack, os\n"
         "compileall.compile_dir(os.path.dirname(casetrack.__file__), quiet=1)"],
        check=True,
    )  # fmt: skip


def report(db: Path, work: Path, args: argparse.Namespace) -> None:
    ct = [*CASETRACK, "--db", str(db)]

    def raw(sql: str, *params: str) -> list[str]:
        script = _RAW_SELECT.format(ids_sql=sql, params=repr(params))
        return [PY, "-c", script, str(db)]

    source_url = "https://news.example.org/2000/0000000"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    known = conn.execute("SELECT 1 FROM parties WHERE name = ?", (ADD_PARTY,)).fetchone()
    conn.close()
    if known is None:  # linking bench-party instead would grow the timeline timed below
        run_once([*ct, "party", "add", ADD_PARTY, "--kind", "person"])
    python = Measure("python -c 'import sqlite3'", [PY, "-c", "import sqlite3"])
    stack = Measure(f"python -c '{_STACK_IMPORTS}'", [PY, "-c", _STACK_IMPORTS])
    quick = [python, stack]
    quick.append(Measure("casetrack --help", [*CASETRACK, "--help"], target=("stack", 1.0)))
    add_argv = [
        *ct,
        "add",
        "bench-add",
        "2020-05-17",
        "Benchmark hearing",
        "--kind",
        "hearing",
        "--party",
        f"{ADD_PARTY}:subject",
        "--source",
        source_url,
    ]
    quick.append(
        Measure(
            "add", add_argv, raw=[PY, "-c", _RAW_ADD, str(db), source_url], target=("stack", 1.2)
        )
    )
    by_case = raw(_BY_CASE, "bench-small")
    quick.append(
        Measure(
            "timeline bench-small",
            [*ct, "timeline", "bench-small"],
            raw=by_case,
            target=("stack", 1.0),
        )
    )
    by_party = raw(_BY_PARTY, "bench-party")
    # As piped (the target), and wrapped as a terminal shows it (for the record).
    for suffix, columns, target in (
        ("", None, ("stack", 1.0)),
        (", wrapped to 120 columns", 120, None),
    ):
        quick.append(
            Measure(
                f"timeline --party bench-party{suffix}",
                [*ct, "timeline", "--party", "bench-party"],
                raw=by_party,
                target=target,
                columns=columns,
            )
        )
    skipped = []
    if available("search"):
        quick.append(
            Measure(
                f"search {args.word}",
                [*ct, "search", args.word],
                raw=raw(_BY_WORD, f"%{args.word}%"),
                target=("stack", 1.0),
            )
        )
    else:
        skipped.append("search (not in this casetrack)")
    has_export = available("export")
    if has_export:
        quick.append(
            Measure(
                "export bench-small --format json",
                [*ct, "export", "bench-small", "--format", "json"],
                raw=by_case,
            )
        )
    else:
        skipped.append("export (not in this casetrack)")
    quick = [m for m in quick if m in (python, stack) or chosen(m, args.only)]
    baselines: dict[tuple[str, ...], Measure] = {}  # one per distinct raw script
    raws = {
        m.label: baselines.setdefault(tuple(m.raw), Measure(f"raw sqlite3: {m.label}", m.raw))
        for m in quick
        if m.raw
    }
    measure(quick + list(baselines.values()), args.runs)

    large = large_outputs(ct, db) if args.large_runs > 0 else []
    large = [m for m in large if chosen(m, args.only)]
    if args.large_runs <= 0:
        skipped.append("long listings and check (--large-runs 0)")
    for m in large:
        if m.raw:
            raws[m.label] = baselines.setdefault(
                tuple(m.raw), Measure(f"raw sqlite3: {m.label}", m.raw)
            )
    large_baselines = [b for b in baselines.values() if not b.times]
    measure(large + large_baselines, args.large_runs)

    bulk: list[Measure] = []
    importing = copy = best = undoing = None
    growth: list[float] = []  # history an undo adds, as a share of the imported store
    if args.bulk_runs > 0:
        jsonl = work / "all.jsonl"
        if has_export:
            bulk.append(
                Measure(
                    "export (whole store) --format jsonl",
                    [*ct, *shlex.split(args.export_all)],
                    stdout=jsonl,
                )
            )
            measure(bulk, args.bulk_runs)  # the untimed warm-up run writes the file too
        target_db = work / "imported.db"

        def fresh_store() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target_db}{suffix}").unlink(missing_ok=True)
            run_once([*CASETRACK, "--db", str(target_db), "init"])

        copy = Measure(
            "raw sqlite3: executemany of every row, one transaction",
            [PY, "-c", _RAW_COPY, str(db), str(target_db)],
            prepare=fresh_store,
        )
        best = Measure(
            "benchmarks/best_copy.py (the floor for any import)",
            [PY, str(Path(__file__).with_name("best_copy.py")), "--db", str(db),
             "--out", str(work / "best.db")],
        )  # fmt: skip
        if has_export and available("import"):
            import_argv = shlex.split(args.import_cmd.format(file=jsonl))
            importing = Measure(
                "import (whole store) from JSONL",
                [*CASETRACK, "--db", str(target_db), *import_argv],
                prepare=fresh_store,
            )
            imported: list[int] = []

            def import_first() -> None:
                fresh_store()
                run_once(importing.argv)
                imported.append(store_bytes(target_db))

            undoing = Measure(
                "undo of that import",
                [*CASETRACK, "--db", str(target_db), "undo"],
                prepare=import_first,
                after=lambda: growth.append(history_growth(target_db, imported[-1])),
            )
            measure([importing, copy, best, undoing], args.bulk_runs)
        else:
            skipped.append("import (not in this casetrack)")
            measure([copy, best], args.bulk_runs)
    else:
        skipped.append("export, import and undo (--bulk-runs 0)")

    floors = {"python": median_ms(python), "stack": median_ms(stack)}
    print(f"casetrack benchmark: {store_summary(db)}")
    print(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, medians of {args.runs} runs "
        f"({args.large_runs} for long listings and check, {args.bulk_runs} for"
        " export/import/undo)\n"
    )
    print("| command | median | x python | x stack | raw sqlite3 | x raw | peak RSS | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    bases = {importing.label: best, undoing.label: importing} if importing and undoing else {}
    for item in [*quick, *large, *bulk, *(m for m in (importing, undoing, copy, best) if m)]:
        if not item.times:
            continue
        ms = median_ms(item)
        base = bases.get(item.label) or raws.get(item.label)
        raw_ms = f"{median_ms(base):.0f} ms" if base else ""
        raw_x = f"{ms / median_ms(base):.2f}x" if base else ""
        goals = []
        if item.target:
            name, limit = item.target
            ratio = ms / floors[name]
            goals.append(f"≤ {limit}x {name}: {'ok' if ratio <= limit else 'MISSED'}")
        if item.limit and base:
            goals.append(
                f"≤ {item.limit}x raw: {'ok' if ms <= item.limit * median_ms(base) else 'MISSED'}"
            )
        if item is importing and best:
            goals.append(f"≤ 1.6x best_copy: {'ok' if ms <= 1.6 * median_ms(best) else 'MISSED'}")
            cpu, best_cpu = statistics.median(item.cpu), statistics.median(best.cpu)
            goals.append(
                f"CPU {cpu:.1f} s, {cpu / best_cpu:.2f}x best_copy's {best_cpu:.1f} s"
                f" ({'ok' if cpu <= 1.6 * best_cpu else 'over'} 1.6x)"
            )
        if item is undoing and growth:
            share = max(growth)
            goals.append(f"≤ the import: {'ok' if base and ms <= median_ms(base) else 'MISSED'}")
            goals.append(
                f"history +{share:.0%} of the store (≤ 10%: {'ok' if share <= 0.1 else 'MISSED'})"
            )
        mb = max(item.rss) / 1024
        if item.rss_limit:
            goals.append(f"RSS < {item.rss_limit} MB: {'ok' if mb < item.rss_limit else 'MISSED'}")
        elif item in bulk or item is importing:
            goals.append(f"RSS < 200 MB: {'ok' if mb < 200 else 'MISSED'}")
        print(
            f"| {item.label} | {ms:.0f} ms | {ms / floors['python']:.2f}x |"
            f" {ms / floors['stack']:.2f}x | {raw_ms} | {raw_x} |"
            f" {mb:.0f} MB | {'; '.join(goals)} |"
        )
    if skipped:
        print(f"\nskipped: {', '.join(skipped)}")


def chosen(item: Measure, only: list[str]) -> bool:
    """Whether --only picks this row (any row, without --only)."""
    return not only or any(text in item.label for text in only)


def store_bytes(db: Path) -> int:
    """The store's size on disk once its write-ahead log is folded in (pages freed by an
    undo are used again before the file grows)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return db.stat().st_size


def history_growth(db: Path, before: int) -> float:
    """What an undo added to a store of `before` bytes, as a share of it: the larger of the
    file's growth and the copies of the rows it removed (pages it freed are used again, so
    the file alone may not grow)."""
    grown = store_bytes(db) / before - 1
    if not scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'history_rows'"):
        return grown  # a casetrack from before the copies
    copies = scalar(db, "SELECT coalesce(sum(length(data)), 0) FROM history_rows")
    return max(grown, copies / before)


def count(db: Path, where: str, *params: str) -> int:
    sql = f"SELECT count(*) FROM milestones m WHERE m.deleted_at IS NULL AND {where}"
    return scalar(db, sql, *params)


def scalar(db: Path, sql: str, *params: str) -> int:
    """A count read from the store, for a row's label."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()


_ALL = 10**9  # a --limit above any store's rows


def large_outputs(ct: list[str], db: Path) -> list[Measure]:
    """Long listings (streamed: flat memory), whole-store lists and check, each beside its
    plain-sqlite3 floor where there is one."""

    def listing(fmt: str, where: str, *params: str) -> list[str]:
        return [PY, "-c", _RAW_LISTING, str(db), fmt, where, *params]

    def raw_rows(sql: str, *params: str) -> list[str]:
        return [PY, "-c", _RAW_ROWS, str(db), sql, *params]

    since = ("m.sort_end >= ?", _SINCE)
    disputed = ("m.status = 'disputed'",)
    rows = f"{count(db, *since):,} rows"
    items = [
        Measure(f"timeline --since {_SINCE} -f csv ({rows})",
                [*ct, "timeline", "--since", _SINCE, "-f", "csv"],
                raw=listing("csv", *since), limit=3, rss_limit=100),
        Measure(f"timeline --status disputed, a table ({count(db, *disputed):,} rows)",
                [*ct, "timeline", "--status", "disputed"],
                raw=listing("csv", *disputed), rss_limit=100),
        Measure(f"export --since {_SINCE} -f jsonl ({rows})",
                [*ct, "export", "--since", _SINCE, "-f", "jsonl"],
                raw=listing("jsonl", *since), limit=3, rss_limit=100),
        # A picture is laid out from a few numbers a milestone, drawn as it is read again.
        Measure(f"export --since {_SINCE} -f html ({rows})",
                [*ct, "export", "--since", _SINCE, "-f", "html"], rss_limit=100),
        Measure(f"history --limit {_ALL} ({scalar(db, 'SELECT count(*) FROM history'):,} rows)",
                [*ct, "history", "--limit", str(_ALL)], raw=raw_rows(_HISTORY), rss_limit=100),
        Measure(f"search {_MANY} --all ({scalar(db, _MATCH_COUNT, _MANY):,} hits)",
                [*ct, "search", _MANY, "--all"], raw=raw_rows(_MATCHES, _MANY), rss_limit=100),
        # Beside the stack's import floor timed in the same rounds (not the quick rows').
        Measure("case list", [*ct, "case", "list"], raw=[PY, "-c", _STACK_IMPORTS], limit=1.0),
        Measure("party list", [*ct, "party", "list"], raw=raw_rows(_PARTIES), rss_limit=100),
        Measure("source list", [*ct, "source", "list"]),
        Measure("kind list", [*ct, "kind", "list"]),
    ]  # fmt: skip
    if available("check"):
        items.append(Measure("check", [*ct, "check"], raw=[PY, "-c", _RAW_CHECK, str(db)], limit=2))
    return items


if __name__ == "__main__":
    main()
