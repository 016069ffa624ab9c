"""Backups are consistent and private; check finds what is wrong and says so."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [
            line
            for line in conn.iterdump()
            if "_sqlite_migrations" not in line and "PRAGMA" not in line
        ]
    finally:
        conn.close()


def test_backup_is_an_identical_private_store(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    assert "backed up to" in demo("backup", str(target)).stderr
    assert target.stat().st_mode & 0o777 == 0o600
    assert dump(target) == dump(demo.db_path)
    copy = Cli(target)
    assert copy("timeline", "--format", "csv").stdout == demo("timeline", "--format", "csv").stdout
    assert not list(tmp_path.glob(".copy.db.partial*"))


def test_backup_refuses_to_overwrite_without_force(demo: Cli, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    target.write_text("precious")
    assert "pass --force" in demo("backup", str(target), code=1).stderr
    assert target.read_text() == "precious"
    demo("backup", str(target), "--force")
    assert dump(target) == dump(demo.db_path)
    assert "is the store in use" in (demo("backup", str(demo.db_path), "--force", code=1).stderr)
    assert "is a folder" in demo("backup", str(tmp_path), code=1).stderr
    assert "no folder" in demo("backup", str(tmp_path / "nope" / "x.db"), code=1).stderr


def test_backup_onto_an_older_backup_asks_for_force(demo: Cli, tmp_path: Path) -> None:
    """A backup copy is replaceable with --force, so without it that is what to say."""
    target = tmp_path / "copy.db"
    demo("backup", str(target))
    demo("add", "nec-2003", "2015", "Added after the first backup")
    assert demo("backup", str(target), code=1).stderr == (
        f"casetrack: {target} already exists: pass --force to replace it\n"
    )
    added = "SELECT count(*) FROM milestones WHERE title LIKE 'Added after%'"
    assert Cli(target).query(added) == [(0,)]
    demo("backup", str(target), "--force")
    assert Cli(target).query(added) == [(1,)]
    refused = demo("export", "-o", str(target), code=1).stderr  # never a target for an export
    assert refused.endswith("is a casetrack store: writing there would destroy it; choose another"
                            " file name\n")  # fmt: skip


WRITER = """
import sys
from casetrack.store import Store
from casetrack.drafts import Draft
from casetrack.milestones import add_milestone
from pathlib import Path
store = Store.open(Path(sys.argv[1]))
print("ready", flush=True)
for i in range(400):
    add_milestone(store, Draft("nec-2003", "2005", f"written during backup {i}"))
"""


def test_backup_while_another_process_writes(demo: Cli, tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(demo.db_path)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    target = tmp_path / "copy.db"
    demo("backup", str(target))
    assert writer.wait(60) == 0
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    count = conn.execute("SELECT count(*) FROM milestones").fetchone()[0]
    conn.close()
    assert 8 <= count <= 408
    assert Cli(target)("check").exit_code == 0


def test_check_passes_a_healthy_store(demo: Cli) -> None:
    result = demo("check")
    assert result.stdout == "" and "no problems found" in result.stderr


def tamper(cli: Cli, *statements: str) -> None:
    conn = sqlite3.connect(cli.db_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    with conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["UPDATE milestones SET date_end = '2003-06-30' WHERE id = 3"],
         "dates: milestone 3 ('2003-06-17') has stored date_end"),
        (["UPDATE milestones SET sort_start = '1999-01-01' WHERE id = 2"],
         "dates: milestone 2 ('2003-06') has stored sort_start"),
        (["UPDATE milestones SET sort_key = '2003-07-01 9' WHERE id = 2"],
         "dates: milestone 2 ('2003-06') has stored sort_key"),
        (["UPDATE milestones SET date = 'soon' WHERE id = 1"],
         "dates: milestone 1 has an unreadable date 'soon'"),
        (["INSERT INTO milestone_parties VALUES (3, 999, 'subject')"],
         "links: link of a party to a milestone (row"),
        (["DELETE FROM sources WHERE id = 1"], "points to a source that is not there"),
        (["UPDATE parties SET name = 'Someone Else' WHERE id = 1"],
         "names: party 1 ('Someone Else') has a stale lookup key"),
        (["UPDATE cases SET deleted_at = '2020-01-01'"],
         "trash: milestone 1 is live but its case 'nec-2003' is in the trash"),
        # Text another program wrote that `add` would refuse or store cleaned.
        (["INSERT INTO milestone_tags (milestone_id, tag) VALUES (3, 'bad\x01tag')"],
         r"text: milestone 3 has a tag that casetrack would refuse or store cleaned: 'bad\x01tag'"),
        (["UPDATE milestone_sources SET quote = ' padded '"],
         "has a quote that casetrack would refuse or store cleaned: ' padded '"),
        (["UPDATE milestones SET title = 'Cafe\u0301' WHERE id = 1"],
         "text: milestone 1 has a title"),
        (["UPDATE milestone_parties SET role = 'Witness' WHERE milestone_id = 3"],
         "text: milestone 3 has a role"),
    ],
)  # fmt: skip
def test_check_reports_each_problem_and_exits_1(
    demo: Cli, statements: list[str], expected: str
) -> None:
    tamper(demo, *statements)
    result = demo("check", code=1)
    assert expected in result.stdout
    assert all(line.count(":") >= 1 for line in result.stdout.splitlines())


def test_check_reports_a_damaged_file(demo: Cli) -> None:
    data = bytearray(demo.db_path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200
    demo.db_path.write_bytes(bytes(data))
    result = demo("check", code=1)
    assert result.stdout.strip() or "casetrack:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_check_finds_a_search_index_out_of_step(demo: Cli) -> None:
    import sqlite3

    conn = sqlite3.connect(demo.db_path)
    # A hand edit of the search rows leaves them disagreeing with the milestones.
    conn.execute("UPDATE milestone_search SET title = 'stale words' WHERE id = 3")
    conn.commit()
    conn.close()
    result = demo("check", code=1)
    assert "search: 1 milestone out of date in the search index" in result.stdout
    demo("search", "--rebuild")
    demo("check")
