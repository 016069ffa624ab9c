"""Erasing for good leaves no byte of the erased text in the store's files, and no way back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import Cli

# Words found nowhere else in the demo store, in the forms they could be stored in: as typed
# and as the search index keeps them (lower case).
SECRETS = ("Zorglub", "Quixotrel", "Wexfordian", "Plumbago", "Snarkwood")


def leaked(db: Path) -> list[str]:
    """Which secrets are in the raw bytes of the store, its -wal or its -shm."""
    found = []
    for suffix in ("", "-wal", "-shm"):
        path = db.with_name(db.name + suffix)
        data = path.read_bytes().lower() if path.exists() else b""
        found += [f"{word} in {path.name}" for word in SECRETS if word.lower().encode() in data]
    return found


def add_secret_milestone(cli: Cli) -> int:
    cli("add", "nec-2003", "2004-02-02", "Zorglub testifies in secret",
        "--note", "privileged: Quixotrel", "--party", "Wexfordian Witness:witness",
        "--party", "NEC", "--tag", "plumbago", "--source", "https://example.org/1",
        "--quote", "Snarkwood said")  # fmt: skip
    return int(cli.query("SELECT max(id) FROM milestones")[0][0])


def test_trash_empty_erases_every_byte_and_undo_cannot_bring_it_back(demo: Cli) -> None:
    secret = add_secret_milestone(demo)
    demo("edit", str(secret), "--title", "Zorglub testifies (edited)")
    demo("rm", str(secret))
    reader = sqlite3.connect(demo.db_path)  # keeps the -wal and -shm in place
    try:
        reader.execute("SELECT count(*) FROM milestones").fetchone()
        assert leaked(demo.db_path)  # what main left behind
        done = demo("trash", "empty", "--yes").stderr
        assert "erased 1 milestone for good" in done
        assert "linked to no milestone, and kept: party 'Wexfordian Witness'," in done
        assert "Northern Exile Council" not in done  # other milestones name it too
        demo("purge", "--party", "Wexfordian Witness", "--yes")
        assert leaked(demo.db_path) == []
        assert demo.db_path.with_name("store.db-wal").stat().st_size == 0
    finally:
        reader.close()
    assert leaked(demo.db_path) == []
    shown = demo("history", "--limit", "500", "--format", "json").stdout
    assert not any(word.lower() in shown.lower() for word in SECRETS)
    erasures = [e for e in json.loads(shown) if e["command"] == "trash empty"]
    assert {(e["table"], e["row"], e["summary"]) for e in erasures} >= {
        ("milestones", secret, "erased for good")
    }
    before = demo.records()
    refused = demo("undo", code=1).stderr
    assert "erased rows for good: it cannot be undone" in refused
    assert len(refused.splitlines()) == 1
    rm_change = demo.query("SELECT id FROM changes WHERE command = 'rm'")[0][0]
    refused = demo("undo", str(rm_change), code=1).stderr
    assert "were erased for good by change" in refused
    assert demo.records() == before
    assert "no matches" in demo("search", "Zorglub").stderr
    demo("check")


def test_purge_asks_and_erases_live_milestones_sources_and_cases(demo: Cli) -> None:
    secret = add_secret_milestone(demo)
    before = demo.records()
    refused = demo("purge", str(secret), input="n\n", code=1).stderr
    assert "nothing erased" in refused and "--yes" in refused
    demo("purge", str(secret), code=1)  # no answer at all: refused too
    assert demo.records() == before
    asked = demo("purge", str(secret), input="y\n").stderr
    assert "erase 1 milestone for good? This cannot be undone" in asked
    assert demo.query("SELECT count(*) FROM milestones WHERE id = ?", (secret,)) == [(0,)]
    # Everything else, link rows and their rowids included, is as it was.
    after = demo.records()
    assert after["milestone_tags"] == [r for r in before["milestone_tags"] if r[1] != secret]
    assert after["milestone_parties"] == [r for r in before["milestone_parties"] if r[1] != secret]
    demo("purge", "--source", "https://example.org/news/2003/06/18/exile-council-offices-raided",
         "--yes")  # fmt: skip
    assert demo.query("SELECT count(*) FROM sources WHERE url LIKE '%exile-council%'") == [(0,)]
    assert b"exile-council" not in demo.db_path.read_bytes()
    demo("purge", "--case", "nec-2003", "--yes")
    assert demo.query("SELECT count(*) FROM milestones") == [(0,)]
    assert b"supervision" not in demo.db_path.read_bytes().lower()  # a milestone title
    demo("check")


def test_purge_refuses_unknown_targets_in_one_line(demo: Cli) -> None:
    before = demo.records()
    assert "no milestone 99" in demo("purge", "99", "--yes", code=1).stderr
    assert "did you mean" in demo("purge", "--case", "nec-2004", "--yes", code=1).stderr
    assert "no party named 'Nobody'" in demo("purge", "--party", "Nobody", code=1).stderr
    assert "no source" in demo("purge", "--source", "https://nowhere.example", code=1).stderr
    assert "give milestone IDs" in demo("purge", code=1).stderr
    assert demo.records() == before


def test_history_prune_removes_old_history_and_its_text(demo: Cli) -> None:
    demo("edit", "3", "--title", "Plumbago raid")
    demo("edit", "3", "--title", "Dawn raid")
    assert b"plumbago" in demo.db_path.read_bytes().lower()
    before = demo.records()
    assert "nothing removed" in demo("history", "prune", "--before", "2999-01-01", code=1).stderr
    assert "removed 0 changes" in demo("history", "prune", "--before", "2000", "--yes").stderr
    demo("history", "prune", "--before", "2999-01-01", input="y\n")
    assert demo.records() == before
    assert demo.query("SELECT count(*) FROM history") == [(0,)]
    assert demo.query("SELECT count(*) FROM changes") == [(0,)]
    assert b"plumbago" not in demo.db_path.read_bytes().lower()
    assert "nothing to undo" in demo("undo", code=1).stderr
    assert "prune --before DATE" in demo("history", "prune", code=1).stderr
    assert "known date" in demo("history", "prune", "--before", "unknown", code=1).stderr
    demo("history", "x", code=2)


def test_erasing_one_imported_milestone_stops_the_import_being_undone(demo: Cli) -> None:
    sheet = demo.db_path.parent / "sheet.csv"
    sheet.write_text(
        "case,date,title,kind\n"
        "nec-2003,2005,Zorglub hearing,hearing\nnec-2003,2006,Other,hearing\n",
        encoding="utf-8",
    )
    demo("import", str(sheet))
    imported = demo.query("SELECT max(id) FROM changes")[0][0]
    first = demo.query("SELECT min(id) FROM milestones WHERE title = 'Zorglub hearing'")[0][0]
    demo("purge", str(first), "--yes")
    spans = json.loads(demo("history", "--format", "json").stdout)
    assert any(
        e["change"] == imported
        and e["summary"].endswith(f"; some erased for good by change {imported + 1}")
        for e in spans
    )
    before = demo.records()
    refused = demo("undo", str(imported), code=1).stderr
    assert "were erased for good by change" in refused
    assert demo.records() == before
    assert leaked(demo.db_path) == []


def test_purge_doc_erases_a_removed_documents_text_and_a_cited_one_with_its_citations(
    demo: Cli, tmp_path: Path
) -> None:
    removed = tmp_path / "memo.txt"
    removed.write_text("Privileged memo: Zorglub met Quixotrel.\n")
    cited = tmp_path / "notes.txt"
    cited.write_text("Interview notes: Wexfordian saw the Plumbago file.\n")
    demo("doc", "add", str(cited))
    demo("doc", "add", str(removed))
    demo("doc", "rm", "2")
    milestone = demo("add", "nec-2003", "2004-02-02", "Interview", "--cite", "1", "--quote",
                     "Plumbago file").stdout.strip()  # fmt: skip
    reader = sqlite3.connect(demo.db_path)  # keeps the -wal and -shm in place
    try:
        reader.execute("SELECT count(*) FROM documents").fetchone()
        assert leaked(demo.db_path)  # the removed memo's text is still in history
        done = demo("purge", "--doc", "1", "--doc", "2", "--yes").stderr
        assert "erased 2 sources, 2 documents for good" in done
    finally:
        reader.close()
    assert leaked(demo.db_path) == []
    assert demo.query("SELECT count(*) FROM documents") == [(0,)]
    assert demo.query("SELECT count(*) FROM milestones WHERE id = ?", (milestone,)) == [(1,)]
    assert demo.query("SELECT count(*) FROM milestone_sources WHERE milestone_id = ?",
                      (milestone,)) == [(0,)]  # fmt: skip
    assert "no document 3" in demo("purge", "--doc", "3", "--yes", code=1).stderr
    demo("check")


def test_purge_of_a_party_named_by_an_alias_asks_naming_the_party_and_its_links(
    demo: Cli,
) -> None:
    """A party is found by any of its names, so the question names the party that would be
    erased, its aliases and how many milestones it is linked to: a typo's alias kept by a
    merge does not erase the main party unawares."""
    before = demo.records()
    asked = demo("purge", "--party", "NEC", input="n\n", code=1).stderr
    assert asked.startswith(
        "erase 1 party ('Northern Exile Council' (aka 'NEC', \"Conseil de l'exil du Nord\"); linked"
        " to 6 milestones) for good? This cannot be undone [y/N]"
    )
    assert demo.records() == before
    asked = demo("purge", "--party", "NEC", "--party", "Anne Morel", input="n\n", code=1).stderr
    assert "; 'Anne Morel' (aka 'Judge Morel'); linked to 4 milestones) for good?" in asked
