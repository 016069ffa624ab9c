"""Deleted milestones and cases wait in the trash, links intact, until it is emptied."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import Cli


def links(cli: Cli, milestone_id: int) -> list[tuple[object, ...]]:
    return cli.query(
        "SELECT 'p', party_id, role FROM milestone_parties WHERE milestone_id = ?1"
        " UNION ALL SELECT 's', source_id, quote FROM milestone_sources WHERE milestone_id = ?1"
        " UNION ALL SELECT 't', tag, NULL FROM milestone_tags WHERE milestone_id = ?1"
        " ORDER BY 1, 2",
        (milestone_id,),
    )


def test_rm_then_restore_brings_the_milestone_back_with_its_links(demo: Cli) -> None:
    demo("edit", "3", "--tag", "dawn")
    before = links(demo, 3)
    assert "moved milestone 3 to the trash" in demo("rm", "3").stderr
    assert "3" not in [line.split()[0] for line in demo("timeline").stdout.splitlines()[2:]]
    trashed = json.loads(demo("trash", "list", "--format", "json").stdout)
    assert [(t["type"], t["id"]) for t in trashed] == [("milestone", 3)]
    demo("restore", "3")
    assert links(demo, 3) == before
    assert demo.query("SELECT deleted_at FROM milestones WHERE id = 3") == [(None,)]
    assert "not in the trash" in demo("restore", "3", code=1).stderr
    assert "no milestone 99 in the trash" in demo("restore", "99", code=1).stderr


def test_case_rm_force_is_recoverable(demo: Cli) -> None:
    demo("rm", "2")
    demo("case", "rm", "nec-2003", code=1)
    assert "8 milestones" not in demo("case", "rm", "nec-2003", code=1).stderr
    demo("case", "rm", "nec-2003", "--force")
    assert demo.query("SELECT count(*) FROM milestones") == [(8,)]
    assert "no cases yet" in demo("case", "list").stderr
    assert "in the trash" in demo("case", "add", "nec-2003", "--title", "T", code=1).stderr
    demo("restore", "--case", "nec-2003")
    live = demo.query("SELECT id FROM milestones WHERE deleted_at IS NULL ORDER BY id")
    assert live == [(i,) for i in (1, 3, 4, 5, 6, 7, 8)]  # 2 was trashed on its own before


def test_restoring_a_milestone_restores_its_trashed_case(demo: Cli) -> None:
    demo("case", "rm", "nec-2003", "--force")
    assert "and its case nec-2003" in demo("restore", "4").stderr
    assert demo.query("SELECT count(*) FROM milestones WHERE deleted_at IS NULL") == [(1,)]
    assert demo.query("SELECT deleted_at FROM cases") == [(None,)]


def test_trash_empty_needs_yes_and_then_purges_with_links(demo: Cli) -> None:
    demo("rm", "3")
    assert "pass --yes" in demo("trash", "empty", code=1).stderr
    assert demo.query("SELECT count(*) FROM milestones") == [(8,)]
    demo("trash", "empty", "--yes")
    assert demo.query("SELECT count(*) FROM milestones WHERE id = 3") == [(0,)]
    assert links(demo, 3) == []
    assert "already empty" in demo("trash", "empty", code=1).stderr
    assert "the trash is empty" in demo("trash", "list").stderr


def test_restore_needs_exactly_one_target(demo: Cli) -> None:
    demo("restore", code=1)
    demo("restore", "3", "--case", "nec-2003", code=1)
    assert "no case 'nope' in the trash" in demo("restore", "--case", "nope", code=1).stderr


def test_rm_of_thousands_says_how_many_and_their_runs_not_each_id(cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    rows = "".join(f"big,2021-01-{day % 28 + 1:02d},Entry {day}\n" for day in range(1, 1201))
    sheet.write_text("case,date,title\n" + rows, encoding="utf-8")
    cli("import", str(sheet))
    said = cli("rm", *map(str, range(1, 1001))).stderr
    assert said == (
        "moved 1,000 milestones (1-1000) to the trash: 'casetrack undo' brings them all back,"
        " 'casetrack restore ID' one\n"
    )
    every_other = [str(i) for i in range(1001, 1201, 2)]
    said = cli("rm", *every_other).stderr
    assert said.startswith("moved 100 milestones (1001, 1003, ") and ", …) to the trash" in said
    assert len(said) < 200
    assert cli("rm", "1002", "1004").stderr.startswith("moved milestones 1002, 1004 to the trash")
    cli("undo")
    assert cli.query("SELECT count(*) FROM milestones WHERE deleted_at IS NULL") == [(100,)]


def test_a_purged_milestone_is_said_erased_not_unknown(demo: Cli) -> None:
    """show, edit, rm and restore of an id a purge erased say so and by which change,
    instead of 'no milestone with id N' as for an id that never was."""
    demo("rm", "3")
    demo("purge", "3", "--yes")
    (purge,) = demo.query("SELECT max(id) FROM changes")[0]
    for command in (["show", "3"], ["edit", "3", "--title", "x"], ["rm", "3"], ["restore", "3"]):
        said = demo(*command, code=1).stderr
        assert said.startswith(f"casetrack: milestone 3 was erased for good by change {purge} ")
        assert said.rstrip().endswith(": nothing of it is left") and said.count("\n") == 1
    assert "no milestone 99 in the trash" in demo("restore", "99", code=1).stderr
    assert "no milestone with id 99:" in demo("show", "99", code=1).stderr


def test_trash_list_at_80_columns_folds_the_deletion_time_before_the_title(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short of room, the time a milestone was deleted folds between its day and its time of
    day (each whole) before the title is squeezed below 30 columns."""
    cli("case", "add", "smith-v-acme", "--title", "Smith v. Acme")
    cli("add", "smith-v-acme", "2027-09-30", "Fact discovery cutoff", "--kind", "deadline")
    cli("rm", "1")
    monkeypatch.setenv("COLUMNS", "80")
    header, rule, first, *rest = cli("trash", "list").stdout.splitlines()
    assert header.split()[-2:] == ["title", "deleted_at"]
    assert "Fact discovery cutoff" in first and re.search(r"\d{4}-\d{2}-\d{2}$", first)
    assert len(rest) == 1 and re.fullmatch(r" +\d{2}:\d{2}:\d{2} UTC", rest[0])
    assert max(map(len, (header, rule, first, *rest))) <= 80
    assert cli.query("SELECT count(*) FROM milestones WHERE deleted_at IS NOT NULL") == [(1,)]


def test_trash_alone_lists_the_trash_as_trash_list_does(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed alone, the group shows what is in the trash rather than its help; --help and the
    subcommands work as before."""
    monkeypatch.setenv("COLUMNS", "80")
    empty = demo("trash")
    assert (empty.stdout, empty.stderr) == ("", "the trash is empty\n")
    demo("rm", "3", "4")
    listed = demo("trash")
    assert listed.stdout == demo("trash", "list").stdout
    assert listed.stdout.split()[:6] == ["type", "id", "case", "date", "title", "deleted_at"]
    assert max(map(len, listed.stdout.splitlines())) <= 80
    for fmt in ("json", "csv", "md"):
        assert demo("trash", "-f", fmt).stdout == demo("trash", "list", "--format", fmt).stdout
    assert [t["id"] for t in json.loads(demo("trash", "--format", "json").stdout)] == [3, 4]

    helped = demo("trash", "--help").stdout
    assert helped.startswith("Usage: casetrack trash [OPTIONS] [COMMAND [ARGS]...]")
    assert "Alone, 'casetrack trash' lists it" in helped and "empty" in helped
    assert "Usage: casetrack trash list [OPTIONS]" in demo("trash", "list", "--help").stdout

    # A --format before a subcommand is refused, saying where it goes; nothing is erased.
    refused = demo("trash", "-f", "json", "list", code=2).stderr
    assert "give it after 'list': casetrack trash list --format json" in refused
    assert "'trash empty' takes none" in demo("trash", "-f", "csv", "empty", "--yes", code=2).stderr
    assert "unknown format 'x'" in demo("trash", "-f", "x", code=2).stderr
    assert demo.query("SELECT count(*) FROM milestones WHERE deleted_at IS NOT NULL") == [(2,)]
    assert "erased 2 milestones for good" in demo("trash", "empty", "--yes").stderr
    assert demo("trash").stderr == "the trash is empty\n"
