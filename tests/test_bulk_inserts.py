"""Bulk writes suspend per-row triggers, then write the same history and search rows at once."""

from __future__ import annotations

import json

from tests.conftest import Cli


def _write(cli: Cli, name: str, text: str) -> str:
    path = cli.db_path.parent / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_records_history_and_search_as_row_triggers_would(demo: Cli) -> None:
    sheet = _write(demo, "s.csv", "case,date,title,kind,parties,tags\n"
                   "nec-2003,2004,Zeppelin hearing,hearing,Brand New Party:witness,blimp\n"
                   "nec-2003,2005,Second hearing,hearing,NEC:subject,\n")  # fmt: skip
    demo("import", sheet)
    rows = demo.query(
        "SELECT h.table_name, h.action, h.old, h.new FROM history h"
        " JOIN changes c ON c.id = h.change_id WHERE c.command = 'import'"
    )
    inserted = [(t, a) for t, a, _, _ in rows]
    assert inserted.count(("milestones", "insert")) == 2
    assert ("parties", "insert") in inserted and ("milestone_tags", "insert") in inserted
    assert all(a == "insert" and old is None for _, a, old, _ in rows)
    new = [json.loads(n) for t, _, _, n in rows if t == "milestones"]
    assert {m["title"] for m in new} == {"Zeppelin hearing", "Second hearing"}
    assert all(m["position"] == m["id"] for m in new)  # final values, as stored
    found = json.loads(demo("search", "zeppelin", "-f", "json").stdout)
    assert [m["title"] for m in found] == ["Zeppelin hearing"]
    assert len(json.loads(demo("search", "blimp", "-f", "json").stdout)) == 1
    assert len(json.loads(demo("search", "brand", "-f", "json").stdout)) == 1
    demo("check")
    # The triggers are back: a later single add is recorded and searchable as usual.
    demo("add", "nec-2003", "2006", "Airship sighting")
    assert len(json.loads(demo("search", "airship", "-f", "json").stdout)) == 1
    demo("undo")
    demo("undo")
    assert demo.query("SELECT count(*) FROM milestones WHERE title LIKE '%hearing'") == [(0,)]
    demo("check")


def test_import_adding_links_to_an_existing_milestone_refreshes_its_search_row(
    demo: Cli,
) -> None:
    exported = json.loads(demo("export", "nec-2003", "-f", "json").stdout)
    raid = next(m for m in exported["milestones"] if m["kind"] == "raid")
    raid["tags"] = ["zeppelin"]
    demo("import", _write(demo, "e.json", json.dumps(exported)))
    hits = json.loads(demo("search", "zeppelin", "-f", "json").stdout)
    assert [h["id"] for h in hits] == [3]
    demo("check")
