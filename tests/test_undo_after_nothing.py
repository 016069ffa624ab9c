"""Plain undo never reaches past the user's last command: a command that changed nothing
(an import of unchanged rows, an edit to the same values...) is recorded as such, and a
plain undo after it refuses, naming the older change 'casetrack undo ID' would revert."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from casetrack.errors import CasetrackError
from casetrack.history import undo
from casetrack.parties import edit_party
from casetrack.schema import LATEST_VERSION
from casetrack.store import Store
from tests.conftest import Cli

CASE = "nec-2003"
# Changes that hold rows: what undo can revert (a command that changed nothing holds none).
WITH_ROWS = (
    "SELECT count(*) FROM changes c WHERE EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)"
)


def _newest_change(cli: Cli) -> int:
    return int(str(cli.query("SELECT max(id) FROM changes")[0][0]))


def _trashed(cli: Cli) -> list[tuple[object, ...]]:
    """The case and how many of its milestones are in the trash."""
    return cli.query(
        "SELECT c.deleted_at IS NOT NULL, (SELECT count(*) FROM milestones m"
        " WHERE m.case_id = c.id AND m.deleted_at IS NOT NULL) FROM cases c WHERE c.slug = ?",
        (CASE,),
    )


def _refused(cli: Cli, command: str, change: int) -> None:
    """Plain undo, and its dry run, refuse: they name the command that changed nothing and
    the change before it, and leave the store as it was."""
    before = cli.records()
    for args in (["undo"], ["undo", "--dry-run"]):
        said = cli(*args, code=1).stderr
        assert f"your last command, '{command}' at " in said
        assert "changed nothing" in said
        assert f"'casetrack undo {change}' undoes the change before it, change {change} (" in said
        assert "undid" not in said
    assert cli.records() == before


def test_undo_after_an_import_that_changed_nothing_keeps_the_restore(cli: Cli) -> None:
    """The import wrote nothing ('7 unchanged, 1 kept'); plain undo once took back the
    restore before it and sent the whole case back to the trash."""
    cli("demo")
    cli("export", "--format", "csv", "--output", "sheet.csv")
    cli("edit", "3", "--title", "Dawn raid")  # edited here: the sheet's version is kept out
    cli("case", "rm", CASE, "--force")
    cli("restore", "--case", CASE)
    restore = _newest_change(cli)
    assert _trashed(cli) == [(0, 0)]
    rows = cli.query(WITH_ROWS)

    imported = cli("import", "sheet.csv").stderr
    assert "7 unchanged, 1 kept" in imported
    assert cli.query(WITH_ROWS) == rows

    _refused(cli, "import", restore)
    assert _trashed(cli) == [(0, 0)]
    assert cli.query("SELECT title FROM milestones WHERE id = 3") == [("Dawn raid",)]

    # Asked for by its id, the restore is undone as before.
    assert f"undid change {restore}: 'restore'" in cli("undo", str(restore)).stderr
    assert _trashed(cli) == [(1, 8)]
    # And plain undo walks back from there: the undo was the last command.
    assert "undid change" in cli("undo").stderr
    assert _trashed(cli) == [(0, 0)]
    assert cli("check").exit_code == 0


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("edit", ["edit", "4", "--title", "Order of dismissal"]),
        ("case edit", ["case", "edit", CASE, "--jurisdiction", "France"]),
        ("extract", ["extract", "-", "--case", CASE, "--apply"]),
    ],
    ids=["edit-same-values", "case-edit-same-values", "extract-apply-proposing-nothing"],
)
def test_undo_after_another_command_that_changed_nothing(
    demo: Cli, command: str, args: list[str]
) -> None:
    demo("edit", "4", "--title", "Order of dismissal")
    edit = _newest_change(demo)
    rows = demo.query(WITH_ROWS)
    demo(*args, input="Nothing dated in this text.")
    assert demo.query(WITH_ROWS) == rows
    _refused(demo, command, edit)
    assert demo.query("SELECT title FROM milestones WHERE id = 4") == [("Order of dismissal",)]
    demo("undo", str(edit))
    assert demo.query("SELECT title FROM milestones WHERE id = 4") != [("Order of dismissal",)]


def test_commands_that_change_nothing_leave_one_row_between_changes(demo: Cli) -> None:
    """A no-op run again and again (an import from a scheduled job) replaces its own record;
    a change made after it is undone by plain undo as always."""
    demo("edit", "4", "--title", "Order of dismissal")
    count = demo.query("SELECT count(*) FROM changes")[0][0]
    for _ in range(3):
        demo("edit", "4", "--title", "Order of dismissal")
        demo("case", "edit", CASE, "--jurisdiction", "France")
    assert demo.query("SELECT count(*) FROM changes") == [(int(str(count)) + 1,)]
    demo("edit", "4", "--title", "Changed again")
    demo("undo")
    assert demo.query("SELECT title FROM milestones WHERE id = 4") == [("Order of dismissal",)]


def test_someone_elses_command_that_changed_nothing_does_not_stop_my_undo(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several writers: another user's no-op is their last command, not mine."""
    demo("edit", "4", "--title", "Mine")
    monkeypatch.setenv("LOGNAME", "someone-else")
    demo("edit", "4", "--title", "Mine")
    assert demo.query("SELECT user FROM changes ORDER BY id DESC LIMIT 1") == [("someone-else",)]
    monkeypatch.undo()
    assert "undid change" in demo("undo").stderr
    assert demo.query("SELECT title FROM milestones WHERE id = 4") != [("Mine",)]


def test_a_dry_run_or_a_refusal_is_no_command_that_changed_nothing(demo: Cli) -> None:
    """Only a command that ran and changed nothing is recorded: a dry run says what it would
    do, a refusal says why it did nothing, and plain undo then reverts the last change."""
    demo("edit", "4", "--title", "Order of dismissal")
    count = demo.query("SELECT count(*) FROM changes")
    demo("export", "--format", "json", "--output", "all.json")
    demo("import", "all.json", "--dry-run")
    demo("restore", "4", code=1)
    demo("undo", "--dry-run")
    assert demo.query("SELECT count(*) FROM changes") == count
    assert "undid change" in demo("undo").stderr


def test_a_case_edit_to_the_values_it_has_changes_nothing_and_says_so(demo: Cli) -> None:
    demo("edit", "4", "--title", "Order of dismissal")
    edit = _newest_change(demo)
    [(title, status)] = demo.query("SELECT title, status FROM cases WHERE slug = ?", (CASE,))
    said = demo("case", "edit", CASE, "--title", title, "--status", status or "open")
    assert said.stderr == f"case {CASE} already says that\n"
    _refused(demo, "case edit", edit)
    assert "updated case" in demo("case", "edit", CASE, "--title", "Another title").stderr


def test_rebuilding_the_search_index_leaves_plain_undo_to_the_change_before(demo: Cli) -> None:
    """The index is no undoable data: rebuilding it is not a command that 'changed nothing'."""
    demo("edit", "4", "--title", "Order of dismissal")
    demo("search", "--rebuild")
    assert "undid change" in demo("undo").stderr
    assert demo.query("SELECT title FROM milestones WHERE id = 4") != [("Order of dismissal",)]


@pytest.mark.parametrize(
    ("command", "args", "said", "changing"),
    [
        ("party edit", ["party", "edit", "NCTD", "--kind", "Agency"],
         "party National Counter-Terrorism Directorate already says that\n",
         ["party", "edit", "NCTD", "--kind", "organization"]),
        ("source edit", ["source", "edit", "2", "--url",
                         "https://EXAMPLE.org/news/2003/06/18/exile-council-offices-raided",
                         "--title", "", "--publisher", " "],
         "source 2 already says that\n", ["source", "edit", "2", "--publisher", "Le Monde"]),
    ],
    ids=["party-edit", "source-edit"],
)  # fmt: skip
def test_a_party_or_source_edit_to_the_values_it_has_changes_nothing_and_says_so(
    demo: Cli, command: str, args: list[str], said: str, changing: list[str]
) -> None:
    """As case edit: written values that are already stored are no change, so nothing is
    written and plain undo stops at the command instead of reverting the change before it."""
    demo("edit", "4", "--title", "Order of dismissal")
    edit = _newest_change(demo)
    rows = demo.query(WITH_ROWS)
    before = demo.records()
    assert demo(*args).stderr == said
    assert demo.records() == before
    assert demo.query(WITH_ROWS) == rows
    _refused(demo, command, edit)
    assert demo(*changing).stderr.startswith(f"updated {command.split()[0]} ")
    assert demo.query(WITH_ROWS) == [(int(str(rows[0][0])) + 1,)]
    assert "undid change" in demo("undo").stderr
    assert demo.records() == before


def test_a_document_sources_own_url_given_again_is_no_change(cli: Cli, tmp_path: Path) -> None:
    """Its URL is the document's hash, which source edit refuses to change: given as it is,
    with a title, only the title is written."""
    (tmp_path / "notes.txt").write_text("Filed on 3 March 2021.\n", encoding="utf-8")
    cli("doc", "add", "notes.txt")
    [(source_id, url)] = cli.query("SELECT id, url FROM sources WHERE document_id IS NOT NULL")
    said = cli("source", "edit", str(source_id), "--url", str(url), "--title", "Notes")
    assert said.stderr == f"updated source {source_id}\n"
    assert cli.query("SELECT url, title FROM sources") == [(url, "Notes")]
    refused = cli("source", "edit", str(source_id), "--url", "Notes, 3 March 2021", code=1)
    assert "is how document 1 is cited" in refused.stderr


def test_a_store_kept_open_records_each_later_command_that_changed_nothing(demo: Cli) -> None:
    """From Python, one Store for several commands: each is named as it begins, and one that
    changes nothing is recorded as such after an earlier one changed something (the flag that
    a command had changed something once outlived the command). Within one command, a write
    that changes nothing after one that did is no such command: plain undo reverts it."""
    store = Store.open(demo.db_path)
    try:
        store.command = "party edit"
        assert edit_party(store, "NCTD", "court")[1]
        edit = _newest_change(demo)
        for _ in range(2):
            store.command = "party edit"
            assert not edit_party(store, "NCTD", "court")[1]
            with pytest.raises(CasetrackError, match="your last command, 'party edit' at "):
                undo(store)
        assert demo.query("SELECT kind FROM parties WHERE id = 2") == [("court",)]
        store.command = "undo"
        assert undo(store, edit).id == edit

        store.command = "party edit"
        assert edit_party(store, "NCTD", "person")[1]
        assert not edit_party(store, "NCTD", "person")[1]  # the same command, writing again
        store.command = "undo"
        undo(store)
        assert demo.query("SELECT kind FROM parties WHERE id = 2") == [("agency",)]
    finally:
        store.close()


def test_a_store_made_before_the_changes_user_index_gets_it_on_opening(demo: Cli) -> None:
    """m024: a user's last change is found through an index; a store made before it is
    given it by the next command, which the upgrade leaves as the user's last command."""
    demo("edit", "4", "--title", "Order of dismissal")
    edit = _newest_change(demo)
    conn = sqlite3.connect(demo.db_path)
    with conn:
        conn.execute("DROP INDEX changes_user")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm024_changes_by_user'")
        conn.execute("PRAGMA user_version = 23")
    conn.close()
    before = demo.records()
    said = demo("party", "edit", "NCTD", "--kind", "agency").stderr
    assert said == "party National Counter-Terrorism Directorate already says that\n"
    assert demo.records() == before
    assert demo.query("PRAGMA user_version") == [(LATEST_VERSION,)]
    plan = demo.query(
        "EXPLAIN QUERY PLAN SELECT id FROM changes WHERE user = ? ORDER BY id DESC LIMIT 1",
        ("someone",),
    )
    assert [row[3] for row in plan] == ["SEARCH changes USING COVERING INDEX changes_user (user=?)"]
    _refused(demo, "party edit", edit)


def test_a_rule_edit_to_the_values_it_has_changes_nothing_and_says_so(demo: Cli) -> None:
    """`rule edit` said 'updated rule' given the values the rule has: as the other edits, it
    says it already says that, exits 0 and writes no history, so plain undo stops at it."""
    demo("rule", "add", "ny-30", "--days", "30", "--citation", "CPLR 5513(a)", "--title", "Reply")
    demo("edit", "4", "--title", "Order of dismissal")
    edit = _newest_change(demo)
    rows = demo.query(WITH_ROWS)
    before = demo.records()
    for args in (["--days", "30"], ["--title", "Reply", "--citation", "CPLR 5513(a)"]):
        assert demo("rule", "edit", "ny-30", *args).stderr == "rule ny-30 already says that\n"
    assert demo.records() == before
    assert demo.query(WITH_ROWS) == rows
    _refused(demo, "rule edit", edit)
    said = demo("rule", "edit", "ny-30", "--days", "35").stderr
    assert said == "updated rule ny-30: 35 days after, CPLR 5513(a)\n"


@pytest.mark.parametrize(
    ("args", "option"),
    [(["edit", "4"], "--title"), (["case", "edit", CASE], "--status"),
     (["source", "edit", "2"], "--title"), (["rule", "edit", "ny-30"], "--days")],
    ids=["edit", "case-edit", "source-edit", "rule-edit"],
)  # fmt: skip
def test_an_edit_given_no_option_is_refused_the_same_way(
    demo: Cli, args: list[str], option: str
) -> None:
    """Every edit given nothing to change refuses in the same line (case edit said it
    'already says that'; rule edit exited 2 with another line), writing nothing."""
    demo("rule", "add", "ny-30", "--days", "30", "--citation", "CPLR 5513(a)")
    before = demo.records()
    command = " ".join(args[:-1])
    assert demo(*args, code=1).stderr == (
        f"casetrack: nothing to change: give an option such as {option},"
        f" see 'casetrack {command} --help'\n"
    )
    assert demo.records() == before


def test_party_edit_given_no_option_says_what_it_changes(demo: Cli) -> None:
    """party edit takes one option, --kind: given none it said Typer's "Missing option
    '--kind'" (exit 2); it is refused as every edit given nothing to change is, naming the
    option and the kinds, writing nothing, and an unknown name is said first."""
    before = demo.records()
    assert demo("party", "edit", "NCTD", code=1).stderr == (
        "casetrack: nothing to change: give --kind (person, organization, court, agency,"
        " other), see 'casetrack party edit --help'\n"
    )
    assert "no party named 'NCTX'" in demo("party", "edit", "NCTX", code=1).stderr
    assert demo.records() == before
