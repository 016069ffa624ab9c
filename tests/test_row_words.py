"""Messages that name rows of the store (undo, history, check) say them as users know them:
a link of a party to a milestone, a citation of a source, never the table they are kept in."""

from __future__ import annotations

import sqlite3

import pytest

from casetrack.history_sql import TRACKED_TABLES
from casetrack.row_words import rows_said
from tests.conftest import Cli


@pytest.mark.parametrize("table", TRACKED_TABLES)
def test_every_table_history_tracks_has_words_of_its_own(table: str) -> None:
    for said in (rows_said(table, 3), rows_said(table, 3, 5)):
        assert "_" not in said and not said.startswith(f"{table} row")


def test_rows_are_said_by_the_number_commands_show_or_as_rows() -> None:
    assert rows_said("milestones", 3) == "milestone 3"
    assert rows_said("milestones", 1, 30) == "milestones 1-30"
    assert rows_said("cases", 4, 4) == "case 4"
    assert rows_said("milestone_parties", 2) == "link of a party to a milestone (row 2)"
    assert rows_said("milestone_parties", 2, 3) == "links of parties to milestones (rows 2-3)"


def test_undo_of_a_link_changed_outside_casetrack_names_the_link(demo: Cli) -> None:
    conn = sqlite3.connect(demo.db_path)
    with conn:
        conn.execute("UPDATE milestone_parties SET role = 'witness' WHERE rowid = 3")
    conn.close()
    before = demo.records()
    refused = demo("undo", "1", code=1).stderr
    assert refused == (
        "casetrack: cannot undo change 1 (demo): link of a party to a milestone (row 3) changed"
        " since by change 2 ('outside casetrack'): undo it first ('casetrack undo 2'); nothing"
        " was undone\n"
    )
    assert demo.records() == before


def test_check_names_a_broken_link_as_users_know_it(demo: Cli) -> None:
    conn = sqlite3.connect(demo.db_path)
    with conn:
        conn.execute("INSERT INTO milestone_parties VALUES (999, 1, 'subject')")
    conn.close()
    said = demo("check", code=1).stdout
    assert "links: link of a party to a milestone (row" in said
    assert "points to a milestone that is not there" in said
    assert "milestone_parties" not in said
