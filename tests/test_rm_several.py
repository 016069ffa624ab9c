"""`rm` trashes several milestones as one change (one undo), all or none; `search -n N` is
`search --limit N`, as `timeline -n N` is `timeline --limit N`."""

from __future__ import annotations

import json

from tests.conftest import Cli


def live(cli: Cli) -> list[int]:
    return [r[0] for r in cli.query("SELECT id FROM milestones WHERE deleted_at IS NULL")]  # type: ignore[misc]


def test_rm_trashes_several_milestones_in_one_change(demo: Cli) -> None:
    before = live(demo)
    changes = demo.query("SELECT count(*) FROM changes")[0][0]
    said = demo("rm", "2", "4").stderr
    assert live(demo) == [i for i in before if i not in (2, 4)]
    assert said.count("\n") == 1 and "2, 4" in said and "undo" in said
    assert demo.query("SELECT count(*) FROM changes") == [(changes + 1,)]
    demo("undo")
    assert live(demo) == before


def test_rm_of_several_writes_nothing_when_any_id_is_unknown_or_trashed(demo: Cli) -> None:
    demo("rm", "3")
    before, records = live(demo), demo.records()
    for ids, named in ((["2", "999", "4", "1000"], "999, 1000"), (["2", "3"], "3")):
        result = demo("rm", *ids, code=1)
        assert result.stderr.startswith("casetrack: ") and result.stderr.count("\n") == 1
        assert named in result.stderr and "nothing" in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert live(demo) == before and demo.records() == records
    # One id says what it always said.
    assert "no milestone with id 999" in demo("rm", "999", code=1).stderr


def test_rm_of_the_same_id_twice_trashes_it_once(demo: Cli) -> None:
    demo("rm", "2", "2")
    assert 2 not in live(demo)
    demo("undo")
    assert 2 in live(demo)


def test_search_takes_n_as_timeline_does(demo: Cli) -> None:
    every = json.loads(demo("search", "council", "-f", "json").stdout)
    assert len(every) > 2
    assert json.loads(demo("search", "council", "-n", "2", "-f", "json").stdout) == every[:2]
    assert "--limit" in demo("search", "--help").stdout and "-n" in demo("search", "--help").stdout
