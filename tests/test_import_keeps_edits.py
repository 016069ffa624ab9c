"""A plain import of a colleague's export keeps what was edited here, and says so
(docs/guide/exchange.md, "What an import replaces"); links it leaves as they are stay out of
the history."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Cli, _command


@pytest.fixture
def ours(demo: Cli, tmp_path: Path) -> Cli:
    """The sample case, exported as the base both sides share; theirs made from it."""
    demo("export", "-o", str(tmp_path / "shared.jsonl"))
    theirs(tmp_path)("import", str(tmp_path / "shared.jsonl"))
    return demo


def theirs(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "theirs.db")


def title(cli: Cli, milestone: int) -> object:
    return cli.query("SELECT title FROM milestones WHERE id = ?", (milestone,))[0][0]


def last_change_rows(cli: Cli) -> list[tuple[object, ...]]:
    return cli.query(
        "SELECT table_name, action FROM history WHERE change_id = (SELECT max(id) FROM changes)"
    )


def test_both_edited_the_same_milestone_ours_is_kept_and_named(ours: Cli, tmp_path: Path) -> None:
    """The trial's finding: both edit milestone 5, they export, we import."""
    ours("edit", "5", "--title", "Raid (our edit)")
    them = theirs(tmp_path)
    them("edit", "5", "--title", "Raid (their edit)")
    them("export", "-o", str(tmp_path / "all2.json"))
    before = ours.records()
    result = ours("import", str(tmp_path / "all2.json"))
    assert "milestones: 7 unchanged, 1 kept" in result.stderr
    assert (
        "kept our version of milestone 5: edited here since it was last imported or added,"
        f" and the file says otherwise ('casetrack import --overwrite {tmp_path / 'all2.json'}'"
        " takes the file's; --base OLD_EXPORT merges both sides' changes)"
    ) in result.stderr
    assert title(ours, 5) == "Raid (our edit)"
    assert ours.records() == before  # nothing written, nothing to undo


def test_a_file_older_than_our_edit_does_not_undo_it(ours: Cli, tmp_path: Path) -> None:
    """They did not touch milestone 5: their export has it as it was before our edit."""
    ours("edit", "5", "--title", "Raid (our edit)", "--tag", "checked")
    ours("edit", "7", "--tag", "checked")  # links alone: still an edit here
    them = theirs(tmp_path)
    them("edit", "6", "--title", "Their edit of six")
    them("export", "-o", str(tmp_path / "all2.json"))
    result = ours("import", str(tmp_path / "all2.json"))
    assert "milestones: 1 updated, 5 unchanged, 2 kept" in result.stderr
    assert "kept our version of milestones 5, 7:" in result.stderr
    assert title(ours, 5) == "Raid (our edit)"
    assert ours.query("SELECT tag FROM milestone_tags WHERE milestone_id = 5") == [("checked",)]
    assert title(ours, 6) == "Their edit of six"


def test_overwrite_takes_theirs_names_it_and_undo_gives_ours_back(
    ours: Cli, tmp_path: Path
) -> None:
    ours("edit", "5", "--title", "Raid (our edit)")
    them = theirs(tmp_path)
    them("edit", "5", "--title", "Raid (their edit)")
    them("export", "-o", str(tmp_path / "all2.json"))
    before = ours.records()
    dry = ours("import", "--overwrite", "--dry-run", str(tmp_path / "all2.json"))
    assert "would replace milestone 5 edited here with the file's version" in dry.stderr
    assert ours.records() == before
    result = ours("import", "--overwrite", str(tmp_path / "all2.json"))
    assert "milestones: 1 updated, 7 unchanged" in result.stderr
    assert (
        "replaced milestone 5 edited here with the file's version ('casetrack undo' takes the"
        " import back, ours with it)"
    ) in result.stderr
    assert title(ours, 5) == "Raid (their edit)"
    ours("undo")
    assert title(ours, 5) == "Raid (our edit)"
    assert ours.records() == before


def test_a_milestone_not_edited_here_takes_their_change_without_a_word(
    ours: Cli, tmp_path: Path
) -> None:
    them = theirs(tmp_path)
    them("edit", "5", "--title", "Raid (their edit)")
    them("export", "-o", str(tmp_path / "all2.json"))
    result = ours("import", str(tmp_path / "all2.json"))
    assert "milestones: 1 updated, 7 unchanged" in result.stderr
    assert "kept" not in result.stderr and "replaced" not in result.stderr
    assert title(ours, 5) == "Raid (their edit)"


def test_an_undone_edit_is_no_edit_and_an_undone_import_leaves_ours_edited(
    ours: Cli, tmp_path: Path
) -> None:
    ours("edit", "5", "--title", "Raid (our edit)")
    ours("undo")
    them = theirs(tmp_path)
    them("edit", "5", "--title", "Raid (their edit)")
    them("export", "-o", str(tmp_path / "all2.json"))
    ours("import", str(tmp_path / "all2.json"))
    assert title(ours, 5) == "Raid (their edit)"  # our edit was undone: nothing to keep
    ours("undo")
    ours("edit", "5", "--title", "Raid (our edit)")
    ours("import", "--overwrite", str(tmp_path / "all2.json"))
    ours("undo")  # back to our edit, which a plain import keeps again
    assert "1 kept" in ours("import", str(tmp_path / "all2.json")).stderr


def test_an_update_leaves_the_links_it_keeps_out_of_the_history(ours: Cli, tmp_path: Path) -> None:
    """Trial 8: an import that updated a milestone removed and added again each of its
    unchanged party links, and `history` listed each twice."""
    them = theirs(tmp_path)
    them("edit", "3", "--title", "Police raid (their edit)")
    them("export", "-o", str(tmp_path / "all2.json"))
    links = ours.query("SELECT rowid, * FROM milestone_parties WHERE milestone_id = 3")
    assert len(links) == 2
    ours("import", str(tmp_path / "all2.json"))
    assert last_change_rows(ours) == [("milestones", "update")]
    assert ours.query("SELECT rowid, * FROM milestone_parties WHERE milestone_id = 3") == links
    shown = ours("history", "3").stdout
    assert "Police raid (their edit)" in shown
    assert "raiding authority" not in shown.split("import", 1)[-1]


def test_an_update_writes_only_the_links_that_change(ours: Cli, tmp_path: Path) -> None:
    them = theirs(tmp_path)
    them("edit", "3", "--party", "Anne Morel:investigating judge", "--tag", "raid")
    them("edit", "3", "--remove-party", "National Counter-Terrorism Directorate")
    them("export", "-o", str(tmp_path / "all2.json"))
    kept = ours.query(
        "SELECT rowid FROM milestone_parties WHERE milestone_id = 3 AND role = 'subject'"
    )
    ours("import", str(tmp_path / "all2.json"))
    # (and the milestone's updated_at, unless written within the same second)
    assert sorted(r for r in last_change_rows(ours) if r[0] != "milestones") == [
        ("milestone_parties", "delete"),
        ("milestone_parties", "insert"),
        ("milestone_tags", "insert"),
    ]
    assert kept == ours.query(
        "SELECT rowid FROM milestone_parties WHERE milestone_id = 3 AND role = 'subject'"
    )
    assert milestone_lines(ours) == milestone_lines(them)


def milestone_lines(cli: Cli) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in cli("export", "-f", "jsonl").stdout.splitlines()]
    return [line for line in lines if line.get("type") == "milestone"]


def test_a_case_party_or_source_edited_here_keeps_ours_too(ours: Cli, tmp_path: Path) -> None:
    ours("case", "edit", "nec-2003", "--summary", "Our summary")
    ours("party", "edit", "NCTD", "--kind", "organization")
    ours("source", "edit", "1", "--title", "Our title")
    them = theirs(tmp_path)
    them("case", "edit", "nec-2003", "--summary", "Their summary")
    them("source", "edit", "1", "--title", "Their title")
    them("export", "-o", str(tmp_path / "all2.json"))
    result = ours("import", str(tmp_path / "all2.json"))
    url = ours.query("SELECT url FROM sources WHERE id = 1")[0][0]
    assert (
        f"kept our version of case 'nec-2003', party 'National Counter-Terrorism Directorate',"
        f" source {url!r}: edited here since they were last imported or added"
    ) in result.stderr
    assert ours.query("SELECT summary FROM cases") == [("Our summary",)]
    assert ours.query("SELECT kind FROM parties WHERE name LIKE 'National%'") == [("organization",)]
    assert ours.query("SELECT title FROM sources WHERE id = 1") == [("Our title",)]
    replaced = ours("import", "--overwrite", str(tmp_path / "all2.json"))
    assert "replaced case 'nec-2003', party 'National Counter-Terrorism Directorate'," in (
        replaced.stderr
    )
    assert ours.query("SELECT summary FROM cases") == [("Their summary",)]
    ours("undo")
    assert ours.query("SELECT summary FROM cases") == [("Our summary",)]


def test_a_sheet_fills_an_empty_source_title_and_never_replaces_one(
    cli: Cli, tmp_path: Path
) -> None:
    """A sheet's 'TITLE sha256:...' line gives a source with no title its title (one update,
    which undo takes back); a source with another title keeps it, and a warning says so."""
    cli("init")
    cli("case", "add", "c1", "--title", "One")
    source = "sha256:" + "a" * 64
    cli("add", "c1", "2003-06-17", "Raid", "--kind", "raid", "--source", source)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f'case,date,title,sources\nc1,2003-06-18,Arrest,"Exhibit 5 {source}"\n')
    result = cli("import", str(sheet))
    assert "sources: 1 updated" in result.stderr
    assert cli.query("SELECT title FROM sources") == [("Exhibit 5",)]
    cli("undo")
    assert cli.query("SELECT title FROM sources") == [(None,)]
    cli("import", str(sheet))
    sheet.write_text(f'case,date,title,sources\nc1,2003-06-19,Charge,"Exhibit 6 {source}"\n')
    kept = cli("import", str(sheet))
    assert "sources:" not in kept.stderr
    assert (
        f"source 1 ({source}) kept its title 'Exhibit 5', not 'Exhibit 6': change it with"
        " 'casetrack source edit 1 --title TITLE'"
    ) in kept.stderr
    assert cli.query("SELECT title FROM sources") == [("Exhibit 5",)]


def _their_two_changes(demo: Cli, tmp_path: Path, run: Callable[..., str]) -> str:
    """They export, change milestone 5's note, export, change its title, export; `run`
    imports each export in turn into our store; what the last import said."""
    demo("export", "-o", str(tmp_path / "first.jsonl"))
    run("import", str(tmp_path / "first.jsonl"))
    demo("edit", "5", "--note", "Released on bail, per the registry")
    demo("export", "-o", str(tmp_path / "second.jsonl"))
    assert "1 updated" in run("import", str(tmp_path / "second.jsonl"))
    demo("edit", "5", "--title", "Farahani released on bail")
    demo("export", "-o", str(tmp_path / "third.jsonl"))
    return run("import", str(tmp_path / "third.jsonl"))


def test_an_import_run_as_python_m_casetrack_is_no_edit_here(demo: Cli, tmp_path: Path) -> None:
    """The history tells an import from an edit here by the command's name, whatever the
    program was started as: what `python -m casetrack import` wrote is no edit of ours, so
    importing their next export takes what they changed instead of keeping a version nobody
    edited here."""
    them = Cli(tmp_path / "theirs.db")

    def module_run(*args: str) -> str:
        given = ["--db", str(them.db_path), *args]
        result = them.runner.invoke(_command(), given, prog_name="python -m casetrack")
        assert result.exit_code == 0, result.output
        return result.output

    said = _their_two_changes(demo, tmp_path, module_run)
    assert "kept" not in said and "1 updated" in said
    assert title(them, 5) == "Farahani released on bail"
    assert {c for (c,) in them.query("SELECT command FROM changes")} == {"import"}


def test_an_import_recorded_by_an_older_casetrack_as_python_m_is_an_import(
    demo: Cli, tmp_path: Path
) -> None:
    """A store keeps the changes an import run as `python -m casetrack` was recorded as
    before: '-m casetrack import'. They are imports still, not edits made here."""
    them = Cli(tmp_path / "theirs.db")

    def older_run(*args: str) -> str:
        said = them(*args).output
        with contextlib.closing(sqlite3.connect(them.db_path)) as conn, conn:
            conn.execute("UPDATE changes SET command = '-m casetrack import'")
        return said

    said = _their_two_changes(demo, tmp_path, older_run)
    assert "kept" not in said and "1 updated" in said
    assert title(them, 5) == "Farahani released on bail"
