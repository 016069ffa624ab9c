"""`casetrack import --base OLD_EXPORT THEIRS`: their export merged into the store by uid,
three ways (docs/guide/exchange.md, "Merging with --base")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from tests.test_import_keeps_edits import ours, theirs

__all__ = ["ours"]  # a fixture: the store and theirs made from its export


def titles(cli: Cli) -> dict[object, object]:
    return dict(cli.query("SELECT id, title FROM milestones WHERE deleted_at IS NULL"))


def merge(ours: Cli, tmp_path: Path, *more: str, code: int = 0) -> tuple[str, str]:
    them = theirs(tmp_path)
    them("export", "--force", "-o", str(tmp_path / "theirs.jsonl"))  # a newer copy
    done = ours(
        "import", "--base", str(tmp_path / "shared.jsonl"), str(tmp_path / "theirs.jsonl"),
        *more, code=code,
    )  # fmt: skip
    return done.stdout, done.stderr


def test_edits_on_both_sides_each_taken_and_a_conflict_listed_with_ours_kept(
    ours: Cli, tmp_path: Path
) -> None:
    them = theirs(tmp_path)
    ours("edit", "2", "--title", "Ours only")
    ours("edit", "5", "--title", "Five, our way")
    them("edit", "3", "--title", "Theirs only", "--tag", "checked")
    them("edit", "5", "--title", "Five, their way")
    them("rm", "8")
    them("add", "nec-2003", "2015", "Their new milestone")
    them("party", "add", "Jean Valjean")
    before = titles(ours)
    out, err = merge(ours, tmp_path)
    assert out == ("conflict: milestone 5 'Five, our way': changed on both sides: ours kept\n")
    assert err.endswith(
        "(base " + str(tmp_path / "shared.jsonl") + "): taken from theirs: 2 milestones, 1 party;"
        " moved to the trash: 1 milestone; 1 conflict (ours kept, listed above)\n"
    )
    after = titles(ours)
    assert after[2] == "Ours only" and after[3] == "Theirs only" and after[5] == "Five, our way"
    assert 8 not in after and "Their new milestone" in after.values()
    assert ours.query("SELECT tag FROM milestone_tags WHERE milestone_id = 3") == [("checked",)]
    assert ours.query("SELECT count(*) FROM parties WHERE name = 'Jean Valjean'") == [(1,)]
    # One change: one undo takes the whole merge back.
    assert ours.query("SELECT count(DISTINCT change_id) FROM history WHERE change_id = "
                      "(SELECT max(id) FROM changes)") == [(1,)]  # fmt: skip
    ours("undo")
    assert titles(ours) == before


def test_changed_here_deleted_there_and_the_other_way_round_are_conflicts(
    ours: Cli, tmp_path: Path
) -> None:
    them = theirs(tmp_path)
    ours("edit", "2", "--title", "Ours, edited")
    them("rm", "2")
    ours("rm", "4")
    them("edit", "4", "--note", "theirs, edited")
    out, err = merge(ours, tmp_path)
    assert out.splitlines() == [
        "conflict: milestone 2 'Ours, edited': changed by us, deleted by them: ours kept",
        "conflict: milestone 4 '160 members detained, among them Leïla Farahani': deleted by"
        " us, changed by them: ours kept",
    ]
    assert "taken from theirs: nothing; 2 conflicts" in err
    assert titles(ours)[2] == "Ours, edited"
    assert ours.query("SELECT deleted_at IS NOT NULL FROM milestones WHERE id = 4") == [(1,)]


def test_a_milestone_edited_here_before_the_base_takes_their_later_change(
    demo: Cli, tmp_path: Path
) -> None:
    """Where a plain import keeps ours (edited here since made), the base tells it is theirs."""
    demo("edit", "5", "--title", "Ours, before sharing")
    demo("export", "-o", str(tmp_path / "shared.jsonl"))
    them = theirs(tmp_path)
    them("import", str(tmp_path / "shared.jsonl"))
    them("edit", "5", "--title", "Theirs, after")
    them("export", "-o", str(tmp_path / "theirs.jsonl"))
    assert "1 kept" in demo("import", "--dry-run", str(tmp_path / "theirs.jsonl")).stderr
    out, err = merge(demo, tmp_path)
    assert out == "" and "taken from theirs: 1 milestone; 0 conflicts" in err
    assert titles(demo)[5] == "Theirs, after"


def test_a_dry_run_says_the_same_and_writes_nothing(ours: Cli, tmp_path: Path) -> None:
    them = theirs(tmp_path)
    ours("edit", "5", "--title", "Five, our way")
    them("edit", "5", "--title", "Five, their way")
    them("rm", "8")
    before = ours.records()
    out, err = merge(ours, tmp_path, "--dry-run")
    assert out == "conflict: milestone 5 'Five, our way': changed on both sides: ours kept\n"
    assert "dry run, nothing written; would merge" in err
    assert "moved to the trash: 1 milestone; 1 conflict" in err
    assert ours.records() == before


@pytest.mark.parametrize(
    ("base", "args", "code", "says"),
    [
        ("missing.jsonl", (), 1, "cannot read missing.jsonl: No such file or directory"),
        ("sheet.csv", (), 1, "sheet.csv is not a casetrack JSON or JSON Lines export"),
        ("broken.jsonl", (), 1, "broken.jsonl:3: not valid JSON"),
        ("shared.jsonl", ("--overwrite",), 2, "drop --overwrite"),
        ("shared.jsonl", ("--case", "nec-2003"), 2, "drop --case"),
    ],
)
def test_a_bad_base_is_refused_in_one_line_and_nothing_is_written(
    ours: Cli, tmp_path: Path, base: str, args: tuple[str, ...], code: int, says: str
) -> None:
    (tmp_path / "sheet.csv").write_text("case,date,title\nnec-2003,2003,x\n")
    lines = (tmp_path / "shared.jsonl").read_text().splitlines()
    (tmp_path / "broken.jsonl").write_text("\n".join([*lines[:2], "{not json", *lines[2:]]))
    theirs(tmp_path)("edit", "3", "--title", "Theirs only")
    before = ours.records()
    theirs(tmp_path)("export", "-o", str(tmp_path / "theirs.jsonl"))
    refused = ours("import", "--base", base, str(tmp_path / "theirs.jsonl"), *args, code=code)
    assert says in refused.stderr
    assert "Traceback" not in refused.output
    if code == 1:
        assert refused.stderr.count("\n") == 1
    assert ours.records() == before


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(st.integers(1, 8), st.sampled_from(["ours", "theirs", "both"])), max_size=4
    )
)
def test_merging_with_theirs_as_base_or_our_own_export_changes_nothing(
    ours: Cli, tmp_path: Path, edits: list[tuple[int, str]]
) -> None:
    """Whatever either side edited: base == theirs means they changed nothing; our own
    export merged against itself changes nothing either."""
    them = theirs(tmp_path)
    for n, (milestone, side) in enumerate(edits):
        for who, cli in (("ours", ours), ("theirs", them)):
            if side in (who, "both"):
                cli("edit", str(milestone), "--title", f"{who} edit {n}")
    them("export", "--force", "-o", str(tmp_path / "t.jsonl"))  # each example's own
    ours("export", "--force", "-o", str(tmp_path / "o.jsonl"))
    before = ours.records()
    for base, file in (("t.jsonl", "t.jsonl"), ("o.jsonl", "o.jsonl")):
        done = ours("import", "--base", str(tmp_path / base), str(tmp_path / file))
        assert done.stdout == ""
        assert "taken from theirs: nothing; 0 conflicts" in done.stderr
        assert ours.records() == before


def test_the_base_or_theirs_may_come_from_stdin(ours: Cli, tmp_path: Path) -> None:
    theirs(tmp_path)("edit", "3", "--title", "Theirs only")
    theirs(tmp_path)("export", "-o", str(tmp_path / "theirs.jsonl"))
    shared = (tmp_path / "shared.jsonl").read_text()
    done = ours("import", "--base", "-", str(tmp_path / "theirs.jsonl"), input=shared)
    assert "(base <stdin>): taken from theirs: 1 milestone; 0 conflicts" in done.stderr
    assert titles(ours)[3] == "Theirs only"
    refused = ours("import", "--base", "-", "-", input=shared, code=2)
    assert "only one of the two can be read from stdin" in refused.stderr


def test_parties_taken_are_counted_in_the_plural(ours: Cli, tmp_path: Path) -> None:
    them = theirs(tmp_path)
    them("party", "add", "Jean Valjean")
    them("party", "add", "Javert")
    assert "taken from theirs: 2 parties; 0 conflicts" in merge(ours, tmp_path)[1]
