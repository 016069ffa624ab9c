"""`check` reads each table once or by groups of equal values: what it reports is still one
line per milestone, in id order, for every milestone a problem touches."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import Cli


def _tamper(cli: Cli, *statements: str) -> None:
    conn = sqlite3.connect(cli.db_path)
    with conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()


def test_a_wrong_date_shared_by_milestones_is_reported_for_each(demo: Cli) -> None:
    _tamper(demo, "UPDATE milestones SET date = '2003-06-17', sort_start = '1999-01-01'"
                  " WHERE id IN (3, 5)")  # fmt: skip
    lines = demo("check", code=1).stdout.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "dates: milestone 3",
        "dates: milestone 5",
    ], lines
    assert all("sort_start" in line for line in lines)


def test_a_bad_kind_or_tag_is_reported_for_every_milestone_using_it(demo: Cli) -> None:
    tag = "INSERT INTO milestone_tags (milestone_id, tag) VALUES (?, 'Mixed Case')"
    _tamper(demo, tag.replace("?", "4"), tag.replace("?", "2"))
    lines = demo("check", code=1).stdout.splitlines()
    assert lines == [
        f"text: milestone {i} has a tag that casetrack would refuse or store cleaned: 'Mixed Case'"
        for i in (2, 4)
    ]


def test_search_rows_missing_or_left_over_are_counted(demo: Cli) -> None:
    orphan = "INSERT INTO milestone_search (id, title) VALUES (999, 'no such milestone')"
    _tamper(demo, "DELETE FROM milestone_search WHERE id IN (2, 3)", orphan)
    out = demo("check", code=1).stdout
    assert "search: 1 milestone out of date in the search index" in out
    assert "search: 2 milestones missing in the search index" in out
    demo("search", "--rebuild")
    demo("check")


def test_a_moved_sort_key_passes_on_any_day_its_date_allows(demo: Cli) -> None:
    # Milestone 2 is dated 2003-06: `move` may put it on any day of June, not on 1 July.
    _tamper(demo, "UPDATE milestones SET sort_key = '2003-06-30 5' WHERE id = 2",
                  "UPDATE milestones SET sort_key = '2003-06-01 0' WHERE id = 7")  # fmt: skip
    lines = demo("check", code=1).stdout.splitlines()
    assert lines == ["dates: milestone 7 ('2011-12') has stored sort_key out of step with its text"]
    _tamper(demo, "UPDATE milestones SET sort_key = '2011-12-31 5' WHERE id = 7")
    demo("check")


def test_an_unreadable_date_shared_by_milestones_is_reported_for_each(demo: Cli) -> None:
    _tamper(demo, "UPDATE milestones SET date = 'soon' WHERE id IN (4, 6)",
                  "UPDATE milestones SET date = ' 2003-06 ' WHERE id = 2")  # fmt: skip
    assert demo("check", code=1).stdout.splitlines() == [
        "dates: milestone 2 (' 2003-06 ') has stored date out of step with its text",
        "dates: milestone 4 has an unreadable date 'soon'",
        "dates: milestone 6 has an unreadable date 'soon'",
    ]


def test_search_text_of_links_a_milestone_lacks_is_out_of_date(demo: Cli) -> None:
    # No milestone of the sample has tags; 2 cites no source; 5 plays no role once its
    # roles are gone (a link without a role brings its party's name, not a role).
    _tamper(demo, "UPDATE milestone_search SET tags = 'stale' WHERE id IN (1, 2)",
                  "UPDATE milestone_search SET sources = 'stale' WHERE id = 2",
                  "UPDATE milestone_parties SET role = '' WHERE milestone_id = 5",
                  "UPDATE milestone_search SET roles = 'detainee' WHERE id = 5")  # fmt: skip
    out = demo("check", code=1).stdout
    assert "search: 3 milestones out of date in the search index" in out
    demo("search", "--rebuild")
    demo("check")


_FTS = "milestone_search_fts"
_COLUMNS = "title, note, location, tags, quotes, parties, sources, kind, roles"


@pytest.mark.parametrize(
    "statements",
    [
        [f"INSERT INTO {_FTS} ({_FTS}) VALUES ('delete-all')"],
        # Milestone 3 indexed under other words, its stored row unchanged: the index is
        # well formed, only its words disagree with the row (a check of the index alone, or
        # of its row ids, finds nothing).
        [f"INSERT INTO {_FTS} ({_FTS}, rowid, {_COLUMNS}) SELECT 'delete', id, {_COLUMNS}"
         " FROM milestone_search WHERE id = 3",
         f"INSERT INTO {_FTS} (rowid, title) VALUES (3, 'other words entirely')"],
    ],
)  # fmt: skip
def test_a_full_text_index_out_of_step_with_its_rows_is_damaged(
    demo: Cli, statements: list[str]
) -> None:
    _tamper(demo, *statements)
    assert demo("check", code=1).stdout.splitlines() == [
        "search: the full-text index is damaged (database disk image is malformed):"
        " run 'casetrack search --rebuild'"
    ]
    demo("search", "--rebuild")
    demo("check")


def test_free_text_a_rule_would_change_is_found_however_it_differs(demo: Cli) -> None:
    # A terminal's escape in ASCII text, space at one end only, a NUL, an empty note:
    # SQLite picks each out by a different test before the rules look at it.
    _tamper(demo, "UPDATE milestones SET title = 'Esc' || char(27) || '[31m' WHERE id = 2",
                  "UPDATE milestones SET location = 'Luxembourg ' WHERE id = 3",
                  "UPDATE milestones SET note = 'a' || char(0) || 'b' WHERE id = 4",
                  "UPDATE milestones SET note = '' WHERE id = 5",
                  "UPDATE parties SET name = ' Leading' WHERE id = 2",
                  "UPDATE cases SET court = 'Delete' || char(127)")  # fmt: skip
    lines = demo("check", code=1).stdout.splitlines()
    assert [line.split(" that ")[0] for line in lines if line.startswith("text:")] == [
        "text: milestone 2 has a title",
        "text: milestone 3 has a location",
        "text: milestone 4 has a note",
        "text: milestone 5 has a note",
        "text: party 2 has a name",
        "text: case 1 has a court",
    ], lines
