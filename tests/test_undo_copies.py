"""Undoing an import keeps one compressed copy of the rows it removes, not a history row each:
the store hardly grows, undoing that undo puts every row back as it was, `history` still
says what went, and purging a milestone erases it from the copies too."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
import tempfile
import zlib
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.conftest import Cli

SECRET = "Quillfeather deposition"
_HEAD = ["case", "date", "title", "kind", "parties", "sources", "source_quotes", "tags",
         "note", "location", "status", "key"]  # fmt: skip


def _sheet(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, _HEAD)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _rows(count: int, seed: int) -> list[dict[str, str]]:
    """Milestones of two cases with parties, citations, tags, notes: every table an import
    fills."""
    rng = random.Random(seed)
    kinds = ["hearing", "filing", "ruling", "arrest", "appeal"]
    return [
        {
            "case": f"case-{i % 2}",
            "date": (date(2000, 1, 1) + timedelta(days=rng.randrange(7000))).isoformat(),
            "title": f"Event {i} {rng.choice(['at court', 'by the council', 'in the press'])}",
            "kind": rng.choice(kinds),
            "parties": "\n".join(
                f"Party {rng.randrange(40)}:{rng.choice(['witness', 'defendant', ''])}".rstrip(":")
                for _ in range(rng.randrange(3))
            ),
            "sources": f"https://example.org/{rng.randrange(60)}",
            "source_quotes": f"said {i}",
            "tags": "; ".join(sorted({f"t{rng.randrange(9)}" for _ in range(rng.randrange(3))})),
            "note": f"note {i} " * rng.randrange(4),
            "location": rng.choice(["", "Paris", "Zürich"]),
            "status": rng.choice(["undisputed", "disputed", "unsure"]),
            "key": rng.choice(["", "yes"]),
        }
        for i in range(count)
    ]


def _pages(cli: Cli) -> int:
    """The store's size in pages once its -wal is folded in."""
    conn = sqlite3.connect(cli.db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def _state(cli: Cli) -> dict[str, object]:
    """Every row undo must put back, the rows derived from them, and the export."""
    derived = {
        t: cli.query(f"SELECT rowid, * FROM {t} ORDER BY rowid")
        for t in ("milestone_search", "case_figures", "party_names_fts")
    }
    export = cli("export", "--format", "jsonl").stdout
    return {**cli.records(), **derived, "export": export}


def _copied_text(cli: Cli) -> str:
    """Every copy the history keeps, decompressed."""
    return "".join(
        zlib.decompress(data).decode()
        for (data,) in cli.query("SELECT data FROM history_rows ORDER BY history_id, first_row")
    )


def test_undo_of_an_import_keeps_a_compressed_copy_that_a_redo_puts_back(
    cli: Cli, tmp_path: Path
) -> None:
    cli("init")
    rows = _rows(1500, seed=1)
    rows[7]["title"] = SECRET
    cli("import", str(_sheet(tmp_path / "sheet.csv", rows)))
    imported, pages = _state(cli), _pages(cli)
    (import_change,) = cli.query("SELECT max(id) FROM changes")[0]
    (secret,) = cli.query("SELECT id FROM milestones WHERE title = ?", (SECRET,))[0]

    done = cli("undo").stderr
    assert "removed milestones " in done
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    (undo_change,) = cli.query("SELECT max(id) FROM changes")[0]
    # One history row a table, no row each; the store grows by a few percent.
    spans = cli.query(
        "SELECT count(*), count(last_row_id) FROM history WHERE change_id = ?", (undo_change,)
    )[0]
    assert spans[0] == spans[1] <= 14
    assert _pages(cli) <= pages * 1.10
    assert SECRET in _copied_text(cli)
    listed = json.loads(cli("history", "--format", "json").stdout)
    assert any(e["change"] == undo_change and "removed in bulk" in e["summary"] for e in listed)
    told = json.loads(cli("history", str(secret), "--format", "json").stdout)
    told = [e for e in told if e["table"] == "milestones"]
    assert [(e["change"], e["action"]) for e in told] == [
        (import_change, "insert"), (undo_change, "delete")
    ]  # fmt: skip
    assert all(SECRET in e["summary"] for e in told)

    # Undoing the undo puts every row back as it was: ids, links, search rows, figures.
    cli("undo", str(undo_change))
    assert _state(cli) == imported
    listed = json.loads(cli("history", "--format", "json").stdout)
    assert {e["undone_by"] for e in listed if e["change"] == import_change} == {None}
    assert {e["undone_by"] for e in listed if e["change"] == undo_change} == {undo_change + 1}
    assert cli("search", "Quillfeather").stdout.count("Quillfeather") == 1
    cli("check")
    assert "undoes change" in cli("undo", str(undo_change + 1), code=1).stderr

    # The import is live again: plain undo removes it again, into a copy of its own.
    cli("undo")
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    cli("check")

    # Purging the milestone, now only in the history, erases it from both copies.
    cli("purge", str(secret), "--yes")
    assert SECRET not in _copied_text(cli)
    assert SECRET.encode() not in cli.db_path.read_bytes()
    assert "Quillfeather" not in cli("history", "--all", "--format", "json").stdout
    refused = cli("undo", str(undo_change + 2), code=1).stderr
    assert "were erased for good by change" in refused
    cli("check")


def test_an_import_undone_a_row_at_a_time_before_copies_is_put_back_too(
    cli: Cli, tmp_path: Path
) -> None:
    """An undo recorded before the copies (a history row for each removed row, as casetrack
    wrote them then) is undone as any change is."""
    cli("init")
    cli("import", str(_sheet(tmp_path / "sheet.csv", _rows(120, seed=5))))
    imported = _state(cli)

    cli("undo")
    (undo_change,) = cli.query("SELECT max(id) FROM changes")[0]
    # Written again as casetrack wrote it then: the removal of each row, with its values.
    conn = sqlite3.connect(cli.db_path)
    with conn:
        for history_id, table in conn.execute(
            "SELECT id, table_name FROM history WHERE change_id = ? ORDER BY id", (undo_change,)
        ).fetchall():
            for (data,) in conn.execute(
                "SELECT data FROM history_rows WHERE history_id = ? ORDER BY first_row",
                (history_id,),
            ).fetchall():
                conn.executemany(
                    "INSERT INTO history (change_id, action, table_name, row_id, old)"
                    " VALUES (?, 'delete', ?, ?, ?)",
                    [(undo_change, table, int(line.split("\t")[0]), line.split("\t")[1])
                     for line in zlib.decompress(data).decode().split("\n") if line],
                )  # fmt: skip
            conn.execute("DELETE FROM history_rows WHERE history_id = ?", (history_id,))
            conn.execute("DELETE FROM history WHERE id = ?", (history_id,))
    conn.close()
    assert cli.query("SELECT count(*) FROM history_rows") == [(0,)]
    cli("undo", str(undo_change))
    assert _state(cli) == imported
    cli("undo")
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    assert cli.query("SELECT count(*) FROM history_rows") != [(0,)]
    cli("check")


def test_purge_of_a_case_erases_its_milestones_and_links_from_the_copies(
    cli: Cli, tmp_path: Path
) -> None:
    cli("init")
    rows = _rows(200, seed=2)
    rows[1]["title"] = 'Quoted "case_id":1, in a title'  # case-1's; case-0 has id 1
    cli("import", str(_sheet(tmp_path / "sheet.csv", rows)))
    cli("undo")
    cli("undo", str(cli.query("SELECT max(id) FROM changes")[0][0]))  # back again
    kept = cli.query("SELECT m.id FROM milestones m JOIN cases c ON c.id = m.case_id"
                     " WHERE c.slug = 'case-1'")  # fmt: skip
    cli("purge", "--case", "case-0", "--yes")
    text = _copied_text(cli)
    assert "Event 0 " not in text and "Event 2 " not in text and "Event 3 " in text
    assert 'Quoted \\"case_id\\":1, in a title' in text
    lines = [line.split("\t", 1) for line in text.split("\n") if line]
    linked = {json.loads(values).get("milestone_id") for _, values in lines}
    assert linked - {None} <= {m for (m,) in kept}
    cli("check")


def test_history_of_a_case_an_undo_removed_in_bulk_reads_its_copy(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    rows = _rows(12, seed=6)
    rows[0].update(parties="Ann Linked:witness", tags="linked", sources="https://example.org/l")
    cli("import", str(_sheet(tmp_path / "sheet.csv", rows)))
    (first,) = cli.query("SELECT min(id) FROM milestones")[0]
    cli("undo")
    # A milestone's history has its links too, added with it and removed with it.
    told = json.loads(cli("history", str(first), "--format", "json").stdout)
    assert {(e["table"], e["action"]) for e in told} == {
        (table, action)
        for table in ("milestones", "milestone_parties", "milestone_tags", "milestone_sources")
        for action in ("insert", "delete")
    }
    assert any("'Ann Linked' as 'witness' in milestone" in e["summary"] for e in told)
    told = json.loads(cli("history", "--case", "CASE-0", "--format", "json").stdout)
    titles = {r["title"] for r in rows if r["case"] == "case-0"}
    removed = {
        e["old"]["title"] for e in told if e["action"] == "delete" and e["table"] == "milestones"
    }
    added = {
        e["new"]["title"] for e in told if e["action"] == "insert" and e["table"] == "milestones"
    }
    assert removed == added == titles
    assert any(e["table"] == "cases" and e["action"] == "delete" for e in told)
    # A milestone's line names its case by slug, from the copy.
    assert all("case-0" in e["summary"] for e in told if e["table"] == "milestones")
    assert "no case 'case-9'" in cli("history", "--case", "case-9", code=1).stderr


def test_history_prune_takes_the_copies_with_it(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    cli("import", str(_sheet(tmp_path / "sheet.csv", _rows(50, seed=3))))
    cli("undo")
    assert cli.query("SELECT count(*) FROM history_rows") != [(0,)]
    cli("history", "prune", "--before", "2999-01-01", "--yes")
    assert cli.query("SELECT count(*) FROM history_rows") == [(0,)]
    cli("check")


def test_check_finds_a_removal_in_bulk_without_its_copy(cli: Cli, tmp_path: Path) -> None:
    cli("init")
    cli("import", str(_sheet(tmp_path / "sheet.csv", _rows(20, seed=4))))
    cli("undo")
    conn = sqlite3.connect(cli.db_path)
    with conn:
        conn.execute("DELETE FROM history_rows WHERE history_id = (SELECT min(history_id)"
                     " FROM history_rows)")  # fmt: skip
    conn.close()
    assert "keeps no copy of them" in cli("check", code=1).stdout + cli("check", code=1).stderr


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(str.strip)
_row = st.builds(
    lambda title, note, location, tags, day, party: {
        "case": "c", "date": (date(1990, 1, 1) + timedelta(days=day)).isoformat(),
        "title": title, "kind": "hearing", "parties": party, "sources": "",
        "source_quotes": "", "tags": "; ".join(tags), "note": note, "location": location,
        "status": "", "key": "",
    },
    _text.filter(bool), _text, _text,
    st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), max_size=3),
    st.integers(0, 12_000), st.sampled_from(["", "Ann", "Bo:witness"]),
)  # fmt: skip


@settings(max_examples=examples(20), deadline=None)
@given(st.lists(_row, min_size=1, max_size=25))
def test_undo_then_redo_gives_back_the_same_export(rows: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cli = Cli(Path(folder) / "store.db")
        cli("init")
        cli("import", str(_sheet(Path(folder) / "sheet.csv", rows)))
        imported = _state(cli)
        for _ in range(2):  # the redo is undone as the import it put back
            cli("undo")
            cli("undo", str(cli.query("SELECT max(id) FROM changes")[0][0]))
            assert _state(cli) == imported
