"""History records every change with its user and command; undo reverts whole commands."""

from __future__ import annotations

import getpass
import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casetrack.cli import app
from tests.conftest import Cli


def test_each_command_is_one_change_with_user_and_old_new_values(demo: Cli) -> None:
    demo("edit", "3", "--title", "Dawn raid", "--tag", "raid")
    changes = demo.query("SELECT id, user, command FROM changes ORDER BY id")
    assert changes[-1][1:] == (getpass.getuser(), "edit")
    rows = demo.query(
        "SELECT action, table_name, row_id, old, new FROM history WHERE change_id = ?",
        (changes[-1][0],),
    )
    assert [r[:3] for r in rows] == [("update", "milestones", 3), ("insert", "milestone_tags", 1)]
    assert json.loads(str(rows[0][3]))["title"] == "Police raid the council's offices at dawn"
    assert json.loads(str(rows[0][4]))["title"] == "Dawn raid"


def test_history_of_a_milestone_and_of_a_case(demo: Cli) -> None:
    demo("edit", "3", "--title", "Dawn raid")
    demo("case", "add", "other", "--title", "Other matter")
    demo("add", "other", "2004", "Unrelated")
    shown = json.loads(demo("history", "3", "--format", "json").stdout)
    assert {r["row"] for r in shown if r["table"] == "milestones"} == {3}
    assert shown[-1]["command"] == "edit"
    assert (
        shown[-1]["summary"] == "milestone 3 'Dawn raid': title:"
        " \"Police raid the council's offices at dawn\" → 'Dawn raid'"
    )
    assert shown[-1]["old"]["title"] == "Police raid the council's offices at dawn"
    table = demo("history", "--case", "other").stdout
    assert "Unrelated" in table and "Dawn raid" not in table
    assert "Unrelated" not in demo("history", "--case", "nec-2003", "--limit", "500").stdout


def test_history_refuses_unknown_targets(demo: Cli) -> None:
    assert "no history for milestone 999" in demo("history", "999", code=1).stderr
    assert "did you mean 'nec-2003'" in demo("history", "--case", "nec-2004", code=1).stderr
    demo("history", "3", "--case", "nec-2003", code=1)


def test_undo_walks_back_every_kind_of_change_to_the_start(cli: Cli) -> None:
    cli("init")
    empty = cli.records()
    cli("demo")
    after_demo = cli.records()
    cli("edit", "3", "--title", "Dawn raid", "--party", "New Person:witness", "--remove-tag", "x")
    cli("edit", "4", "--source", "https://example.org/b", "--quote", "q", "--tag", "t")
    cli("rm", "5")
    cli("party", "merge", "NEC", "NCTD")
    cli("party", "alias", "Anne Morel", "A. Morel")
    cli("kind", "add", "extradition")
    cli("source", "add", "https://example.org/c", "--title", "C")
    cli("case", "rm", "nec-2003", "--force")
    assert cli.records() != after_demo
    for _ in range(8):
        cli("undo")
    assert cli.records() == after_demo
    cli("undo")
    assert cli.records() == empty
    assert "nothing to undo" in cli("undo", code=1).stderr
    assert cli("check").exit_code == 0


def test_undo_is_recorded_and_never_undone_itself(demo: Cli) -> None:
    demo("edit", "3", "--title", "First")
    demo("edit", "3", "--title", "Second")
    demo("undo")
    assert demo.query("SELECT title FROM milestones WHERE id = 3") == [("First",)]
    demo("undo")
    assert demo.query("SELECT title FROM milestones WHERE id = 3") == [
        ("Police raid the council's offices at dawn",)
    ]
    commands = [r[0] for r in demo.query("SELECT command FROM changes ORDER BY id")]
    assert commands[-2:] == ["undo 3", "undo 2"]
    assert "(undone by" in demo("history", "3").stdout


def test_undo_refuses_when_a_row_changed_outside_casetrack(demo: Cli) -> None:
    demo("edit", "3", "--title", "Mine")
    conn = sqlite3.connect(demo.db_path)
    with conn:
        conn.execute("DROP TRIGGER history_milestones_update")
        conn.execute("UPDATE milestones SET title = 'Theirs' WHERE id = 3")
    conn.close()
    before = demo.records()
    error = demo("undo", code=1).stderr
    assert "milestone 3 changed since, outside casetrack" in error
    assert "nothing was undone" in error
    assert demo.records() == before


def test_failed_commands_leave_no_history(demo: Cli) -> None:
    count = demo.query("SELECT count(*) FROM history")
    demo("add", "nec-2003", "2003-13-01", "Bad date", code=1)
    demo("edit", "3", "--remove-party", "Nobody", code=1)
    assert demo.query("SELECT count(*) FROM history") == count
    assert demo.query("SELECT count(*) FROM history WHERE change_id IS NULL") == [(0,)]


def test_changes_made_by_other_programs_are_kept_apart(demo: Cli) -> None:
    conn = sqlite3.connect(demo.db_path)
    with conn:
        conn.execute("UPDATE milestones SET title = 'Fixed in a shell' WHERE id = 3")
    conn.close()
    demo("edit", "4", "--title", "Mine")
    changes = demo.query("SELECT user, command FROM changes ORDER BY id")
    assert changes[-2:] == [("unknown", "outside casetrack"), (getpass.getuser(), "edit")]
    demo("undo")
    assert demo.query("SELECT title FROM milestones WHERE id IN (3, 4) ORDER BY id") == [
        ("Fixed in a shell",),
        ("160 members detained, among them Leïla Farahani",),
    ]


def test_undo_never_reverts_someone_elses_newer_change(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = getpass.getuser()
    demo("edit", "3", "--title", "Mine")
    mine = demo.query("SELECT max(id) FROM changes")[0][0]
    monkeypatch.setenv("LOGNAME", "someone-else")  # getpass reads it first
    demo("edit", "4", "--title", "Theirs")
    theirs = demo.query("SELECT max(id) FROM changes")[0][0]
    shown = json.loads(demo("history", "--limit", "2", "--format", "json").stdout)
    assert [e["user"] for e in shown] == [me, "someone-else"]
    monkeypatch.setenv("LOGNAME", me)
    before = demo.records()
    refused = demo("undo", code=1).stderr
    assert len(refused.splitlines()) == 1
    assert f"change {theirs} ('edit' by someone-else" in refused
    assert f"'casetrack undo {mine}' reverts yours" in refused
    assert demo.records() == before
    demo("undo", str(mine))
    assert demo.query("SELECT title FROM milestones WHERE id IN (3, 4) ORDER BY id") == [
        ("Police raid the council's offices at dawn",),
        ("Theirs",),
    ]
    monkeypatch.setenv("LOGNAME", "a-third")
    refused = demo("undo", code=1).stderr
    assert "nothing of yours (a-third) to undo" in refused
    assert f"'casetrack undo {theirs}' reverts it" in refused
    demo("undo", str(theirs))
    assert demo.query("SELECT title FROM milestones WHERE id = 4") != [("Theirs",)]


def test_undo_by_id_refuses_what_cannot_be_undone(demo: Cli) -> None:
    demo("add", "nec-2003", "2020", "New milestone")
    added = demo.query("SELECT max(id) FROM changes")[0][0]
    demo("edit", "9", "--tag", "later")
    before = demo.records()
    refused = demo("undo", str(added), code=1).stderr
    # The later edit changed the milestone (its updated_at, unless both ran within one
    # second) and added a tag row on it: either is reason enough to refuse.
    assert refused.startswith(f"casetrack: cannot undo change {added} (add): ")
    assert refused.rstrip().endswith("nothing was undone")
    assert f"changed since by change {added + 1} ('edit'): undo it first" in refused or (
        "later changes added rows" in refused
    )
    assert demo.records() == before
    demo("undo")
    assert "was undone already" in demo("undo", str(added + 1), code=1).stderr
    undo_change = demo.query("SELECT max(id) FROM changes")[0][0]
    undone = demo.records()
    # Undoing an undo puts back what it reverted; that is not undone itself, the change is.
    demo("undo", str(undo_change))
    assert demo.query("SELECT tag FROM milestone_tags WHERE milestone_id = 9") == [("later",)]
    refused = demo("undo", str(undo_change + 1), code=1).stderr
    assert f"put back what change {undo_change} undid" in refused
    assert f"'casetrack undo {added + 1}' undoes change {added + 1} again" in refused
    assert (
        f"undone already, by change {undo_change + 1}"
        in demo("undo", str(undo_change), code=1).stderr
    )
    demo("undo")
    assert demo.records() == undone
    assert "no change 999" in demo("undo", "999", code=1).stderr
    demo("undo", str(added))
    assert demo.query("SELECT count(*) FROM milestones WHERE id = 9") == [(0,)]


def test_undo_dry_run_says_what_it_would_revert_and_changes_nothing(demo: Cli) -> None:
    demo("edit", "3", "--title", "Dawn raid", "--tag", "raid")
    before = demo.records()
    changes = demo.query("SELECT count(*) FROM changes")
    told = demo("undo", "--dry-run").stderr.splitlines()
    assert told[0].startswith("would undo change 2: 'edit' by ")
    assert told[1:] == [
        "  removed tag 'raid' on milestone 3 'Dawn raid'",
        "  milestone 3, title: 'Dawn raid' → \"Police raid the council's offices at dawn\"",
    ]
    assert demo.records() == before
    assert demo.query("SELECT count(*) FROM changes") == changes
    done = demo("undo").stderr.splitlines()
    assert done == [told[0].replace("would undo", "undid"), *told[1:]]
    assert demo.query("SELECT title FROM milestones WHERE id = 3") != [("Dawn raid",)]


def test_history_names_rows_instead_of_ids(demo: Cli) -> None:
    long_title = "Police raid the offices of the council at dawn, seizing every ledger"
    demo("edit", "3", "--title", long_title, "--party", "Jean Witness:witness")
    demo("rm", "5")
    shown = json.loads(demo("history", "--limit", "4", "--format", "json").stdout)
    summaries = [e["summary"] for e in shown]
    assert summaries == [
        "milestone 3 'Police raid the offices of the council…': title: \"Police raid the"
        f" council's offices at dawn\" → '{long_title}'",
        "party 'Jean Witness' (person)",  # a witness is a person
        "'Jean Witness' as 'witness' in milestone 3 'Police raid the offices of the council…'",
        "milestone 5 'Farahani released under judicial superv…': moved to the trash",
    ]
    table = demo("history", "--limit", "4").stdout
    assert "milestone_id=" not in table and "party_id=" not in table
    # At 80 columns the table and row columns give way, and each row still says which.
    narrow = CliRunner().invoke(app, ["--db", str(demo.db_path), "history", "--limit", "1"],
                                env={"COLUMNS": "80"}).stdout  # fmt: skip
    assert "milestone 5 'Farahani" in narrow and max(map(len, narrow.splitlines())) <= 80


def test_history_says_a_date_change_once_as_the_listings_say_dates(demo: Cli) -> None:
    demo("edit", "3", "--date", "June 2003")
    demo("move", "3", "--after", "4")
    shown = json.loads(demo("history", "--limit", "20", "--format", "json").stdout)
    by_command = {(e["command"], e["summary"]) for e in shown}
    assert any(c == "edit" and s.endswith(": date: 17 Jun 2003 → Jun 2003")
               for c, s in by_command)  # fmt: skip
    assert any(c == "move" and s.endswith(": moved to another place on the timeline")
               for c, s in by_command)  # fmt: skip
    assert not any("sort_key" in summary or "date_start" in summary for _, summary in by_command)
    demo("add", "nec-2003", "c. 2015", "Appeal lodged")
    (added,) = json.loads(demo("history", "--limit", "1", "--format", "json").stdout)
    assert added["summary"].startswith("milestone 9, nec-2003 c. 2015 other: ")


def test_a_cleared_value_is_said_as_none_and_json_keeps_it_null(demo: Cli) -> None:
    """A location cleared (`edit --location ''`) reads '(none)' in history and undo, as a
    person would say it, not as JSON's null; JSON output keeps the values' null."""
    demo("edit", "3", "--location", "Paris")
    demo("edit", "3", "--location", "")
    assert "null" not in demo("history", "3").stdout
    rows = json.loads(demo("history", "3", "-f", "json").stdout)
    assert rows[-1]["summary"].endswith("location: 'Paris' → (none)"), rows[-1]["summary"]
    assert rows[-1]["new"]["location"] is None
    assert demo("undo").stderr.splitlines()[1:] == ["  milestone 3, location: (none) → 'Paris'"]
    rows = json.loads(demo("history", "3", "-f", "json").stdout)
    assert rows[-1]["summary"].endswith("location: (none) → 'Paris'"), rows[-1]["summary"]
    assert demo.query("SELECT location FROM milestones WHERE id = 3") == [("Paris",)]


def test_a_milestone_only_touched_by_a_change_of_its_links_says_so(cli: Cli) -> None:
    cli("case", "add", "c1", "--title", "T")
    cli("add", "c1", "2020", "Event")
    conn = sqlite3.connect(cli.db_path)
    with conn:  # added a while ago: the edit's stamp differs from it
        conn.execute("UPDATE milestones SET updated_at = '2020-01-02T03:04:05+00:00'")
    conn.close()
    cli("edit", "1", "--tag", "foo")
    undone = cli("undo").stderr.splitlines()
    assert "  removed tag 'foo' on milestone 1 'Event'" in undone
    (touched,) = [line for line in undone if line.startswith("  milestone 1,")]
    assert touched.startswith("  milestone 1, last changed: 20")
    assert touched.endswith(" UTC → 2020-01-02 03:04:05 UTC")
    shown = json.loads(cli("history", "1", "-f", "json").stdout)
    assert not [e for e in shown if e["summary"].endswith(": ")]  # never an empty change


def test_a_changed_role_or_quote_says_whose_and_where(cli: Cli) -> None:
    """An update of a link row (a party's role, a citation's quote) names the party or
    source and the milestone, as its insert does; never a bare 'role: a → b' or a row id."""
    cli("case", "add", "c1", "--title", "T")
    cli("add", "c1", "2021-03-05", "Mise en examen", "--party", "Sophie Nguyễn:avocat",
        "--source", "Le Monde, 6 mars 2021", "--quote", "mise en examen")  # fmt: skip
    cli("edit", "1", "--party", "Sophie Nguyễn:juge", "--source", "Le Monde, 6 mars 2021",
        "--quote", "mis en examen")  # fmt: skip
    listed = [e["summary"] for e in json.loads(cli("history", "1", "-f", "json").stdout)]
    role = "'Sophie Nguyễn' in milestone 1 'Mise en examen': role: 'avocat' → 'juge'"
    quote = (
        "'Le Monde, 6 mars 2021' cited in milestone 1 'Mise en examen': quote: 'mise en"
        " examen' → 'mis en examen'"
    )
    assert role in listed and quote in listed
    undone = cli("undo").stderr.splitlines()
    assert "  'Sophie Nguyễn' in milestone 1 'Mise en examen': role: 'juge' → 'avocat'" in undone
    assert not [line for line in undone if "party link" in line or "citation " in line]


def test_undo_says_the_real_reason_it_cannot(cli: Cli) -> None:
    """No change yet, an id past the newest, a later change that needs what the change added."""
    cli("init")
    assert cli("undo", code=1).stderr == "casetrack: nothing to undo: no change is recorded yet\n"
    assert cli("undo", "1", code=1).stderr == "casetrack: no change 1: no change is recorded yet\n"
    cli("demo")
    cli("party", "add", "Zed")
    cli("add", "nec-2003", "2004", "Later", "--party", "Zed")
    assert cli("undo", "9", code=1).stderr == (
        "casetrack: no change 9: the newest is change 3 (see 'casetrack history')\n"
    )
    before = cli.records()
    refused = cli("undo", "1", code=1).stderr
    assert refused.startswith("casetrack: cannot undo change 1 (demo): milestone 9, added by")
    assert "change 3 ('add'), needs cases it added: undo change 3 first" in refused
    assert cli.records() == before


def test_history_rows_say_what_the_rows_were_then_not_what_they_became(cli: Cli) -> None:
    """Each line names the rows it points at from the history's own images at that time:
    a link added to a milestone keeps the milestone's title of then after a retitle, a
    rename of the party or a move to another case."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("case", "add", "beta", "--title", "Beta")
    cli("add", "acme", "2020-01-01", "Raid on the office", "--party", "Alice:witness")
    cli("edit", "1", "--title", "Completely different fact", "--case", "beta")
    cli("party", "rename", "Alice", "Alicia")
    rows = json.loads(cli("history", "1", "-f", "json").stdout)
    summaries = [(r["command"], r["table"], r["summary"]) for r in rows]
    assert summaries[:2] == [
        ("add", "milestones", "milestone 1, acme 1 Jan 2020 other: 'Raid on the office'"),
        ("add", "milestone_parties", "'Alice' as 'witness' in milestone 1 'Raid on the office'"),
    ]
    assert "'Completely different fact'" in summaries[2][2]
    # Undone, the lines still say what was there; a new milestone has its own id.
    cli("undo")
    cli("undo")
    cli("undo")
    assert cli("add", "acme", "2021-05-05", "Another fact").stdout.split()[-1] == "2"
    text = cli("history", "1").stdout
    assert "Another fact" not in text and "Alicia" not in text
    assert text.count("'Alice' as 'witness' in milestone 1 'Raid on the office'") == 2


@pytest.mark.parametrize(
    ("add", "table"),
    [
        (["case", "add", "other", "--title", "Other"], "cases"),
        (["party", "add", "Jane Roe"], "parties"),
        (["source", "add", "https://a.example/1"], "sources"),
        (["add", "acme", "2003", "Raid"], "milestones"),
    ],
)
def test_an_undone_add_leaves_its_id_unused(cli: Cli, add: list[str], table: str) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli(*add)
    (first,) = cli.query(f"SELECT max(id) FROM {table}")[0]
    cli("undo")
    cli(*[a.replace("other", "third").replace("1", "2").replace("Jane", "John") for a in add])
    assert cli.query(f"SELECT max(id) FROM {table}") == [(first + 1,)]  # type: ignore[operator]


def test_history_to_a_file_is_whole_and_a_limit_says_what_it_left_out(
    demo: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    for n in range(60):
        demo("edit", "3", "--note", f"note {n}")
    (total,) = demo.query("SELECT count(*) FROM history")[0]
    assert int(str(total)) > 60
    # Not a terminal (history -f csv > audit.csv): every row, and nothing said.
    written = demo("history", "-f", "csv")
    assert len(list(csv.DictReader(io.StringIO(written.stdout)))) == total
    assert written.stderr == ""
    # A limit asked for is kept, and stderr says how many it left out and how to see them.
    limited = demo("history", "--limit", "5", "-f", "csv")
    assert len(list(csv.DictReader(io.StringIO(limited.stdout)))) == 5
    assert limited.stderr == (
        f"{total - 5} older rows left out (the newest 5 shown): show them with --limit N or --all\n"
    )
    one = demo("history", "3", "--limit", "2", "-f", "json")
    assert len(json.loads(one.stdout)) == 2
    mine = len(json.loads(demo("history", "3", "-f", "json").stdout))
    assert one.stderr.startswith(f"{mine - 2} older rows left out")
    # On a terminal: the newest 50, said so; --all shows them all there too.
    monkeypatch.setattr("casetrack.cli.common.stdout_is_terminal", lambda: True)
    shown = demo("history", "-f", "jsonl")
    assert len(shown.stdout.splitlines()) == 50
    assert shown.stderr.startswith(f"{total - 50} older rows left out (the newest 50 shown)")
    everything = demo("history", "--all", "-f", "jsonl")
    assert len(everything.stdout.splitlines()) == total
    assert everything.stderr == ""


def test_history_says_a_removed_link_was_removed_at_80_columns(demo: Cli) -> None:
    """The action column gives way first on a narrow terminal: a removed tag or party must
    not read as an added one."""
    demo("edit", "3", "--tag", "whistleblower", "--party", "Jean Witness:witness")
    demo("edit", "3", "--remove-tag", "whistleblower", "--remove-party", "Jean Witness")
    shown = json.loads(demo("history", "--limit", "3", "-f", "json").stdout)
    removed = [e for e in shown if e["action"] == "delete"]  # (and the milestone touched, maybe)
    assert sorted(e["summary"][:12] for e in removed) == ["removed 'Jea", "removed tag "]
    narrow = CliRunner().invoke(app, ["--db", str(demo.db_path), "history", "3"],
                                env={"COLUMNS": "80"}).stdout  # fmt: skip
    assert "removed tag 'whistleblower'" in narrow and "removed 'Jean Witness'" in narrow
    assert narrow.count("tag 'whistleblower'") == 2  # added once, removed once


def test_undo_after_a_colleagues_purge_suggests_only_what_can_be_undone(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bob's last change touched rows Ana then erased: plain undo says it cannot be undone,
    instead of suggesting 'undo' of his change and of her purge, both of which fail."""

    def as_user(name: str) -> None:
        for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
            monkeypatch.setenv(variable, name)

    cli("case", "add", "doe", "--title", "Doe v. Riverton")
    as_user("bob")
    cli("add", "doe", "2022-01-13", "Docket entry")
    cli("add", "doe", "2022-01-14", "Second entry")
    cli("rm", "2")
    as_user("ana")
    cli("purge", "2", "--yes")
    as_user("bob")
    refused = cli("undo", code=1).stderr
    assert refused.startswith("casetrack: your last change, change 4 ('rm' by bob")
    assert (
        "erased for good by change 5 ('purge' by ana" in refused
        and "'casetrack undo" not in refused
    )
    # Bob's older change is not blocked by the purge: an undo of Ana's newer one is not offered.
    cli("add", "doe", "2022-01-15", "Third entry")
    as_user("ana")
    cli("purge", "1", "--yes")
    as_user("bob")
    refused = cli("undo", code=1).stderr
    assert "'casetrack undo 6' reverts yours (theirs erased rows for good)" in refused
    assert "undo 7" not in refused
    cli("undo", "6")


def test_history_names_deadlines_rules_closures_and_spans(cli: Cli, tmp_path: Path) -> None:
    """A deadline's, a rule's and a closure's rows are said in words, an update names its
    row, and a span of rows added in bulk names its table (one row as 'row N')."""
    cli("case", "add", "hale", "--title", "US v. Hale", "--court", "caed")
    cli("add", "hale", "2024-06-14", "Judgment entered", "--kind", "judgment")
    cli("deadline", "add", "hale", "--rule", "us-frap-4b1a", "--from", "1")
    cli("edit", "2", "--done")
    cli("rule", "add", "local-30", "--days", "30", "--citation", "L.R. 1", "--title", "Local")
    cli("closure", "add", "caed", "2024-07-15", "--reason", "power cut")
    sheet = tmp_path / "one.csv"
    sheet.write_text("case,date,title\nhale,2024-08-01,Status conference\n", encoding="utf-8")
    cli("import", str(sheet))
    listed = json.loads(cli("history", "--format", "json").stdout)
    said = {(e["table"], e["action"]): e["summary"] for e in listed}
    assert said["deadlines", "insert"] == (
        "deadline 2 by rule us-frap-4b1a, counted from milestone 1 'Judgment entered'"
    )
    assert said["deadlines", "update"].startswith("deadline 2: done at: (none) → '")
    assert said["rules", "insert"] == "rule local-30 'Local' ('L.R. 1')"
    assert said["closures", "insert"] == "closure of caed on 15 Jul 2024 ('power cut')"
    assert said["milestones", "insert"] == "milestone 3, added in bulk"
    undone = cli("undo").stderr
    assert "removed milestone 3, added in bulk" in undone
    assert "rows 3-3" not in undone


def test_undo_and_history_name_rows_and_fields_as_their_commands_do(cli: Cli) -> None:
    """A case by its slug, a party by its name, a rule by its id, never by the store's row
    number; a rule's period in words, not its amount, unit and direction."""
    cli("case", "add", "acme-2019", "--title", "Acme")
    cli("party", "add", "Jane Doe")
    cli("rule", "add", "ny-cplr-5513a", "--days", "30", "--citation", "CPLR 5513(a)")
    cli("rule", "edit", "ny-cplr-5513a", "--court-days", "5", "--runs-from", "service")
    cli("case", "edit", "acme-2019", "--status", "stayed")
    cli("party", "edit", "Jane Doe", "--kind", "person")
    listed = [e["summary"] for e in json.loads(cli("history", "-f", "json").stdout)]
    assert (
        "rule ny-cplr-5513a: period: '30 days after' → '5 court days after'; runs from:"
        in (listed[3])
    )
    assert cli("undo").stderr.splitlines()[1:] == ["  party 'Jane Doe', kind: 'person' → 'other'"]
    assert cli("undo").stderr.splitlines()[1:] == ["  case acme-2019, status: 'stayed' → 'open'"]
    assert cli("undo").stderr.splitlines()[1:] == [
        "  rule ny-cplr-5513a, period: '5 court days after' → '30 days after'; runs from:"
        " 'service' → (none)"
    ]
    assert cli.query("SELECT amount, unit FROM rules") == [(30, "days")]


def test_undo_counts_the_rows_its_lines_leave_unsaid_not_the_lines(
    cli: Cli, tmp_path: Path
) -> None:
    """A line of a span stands for many rows: the undo of an import of 30 milestones listed
    its two spans, then said "and 29 more row changes" of rows those lines had named."""
    lines = [json.dumps({"format": "casetrack/1"})] + [
        json.dumps({"type": "milestone", "case": "c", "date": f"2003-06-{n:02d}",
                    "title": f"Hearing {n}"})
        for n in range(1, 31)
    ]  # fmt: skip
    (tmp_path / "hearings.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli("import", str(tmp_path / "hearings.jsonl"))
    told = cli("undo", "--dry-run").stderr.splitlines()
    assert told[0].endswith("(31 row changes)")
    assert told[1:] == [
        "  removed milestones 1-30, added in bulk",
        "  removed case 1, added in bulk",
    ]
    cli("undo")
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    cli("case", "add", "d", "--title", "D")
    for n in range(1, 13):
        cli("add", "d", "2004", f"Ruling {n}")
    cli("rm", *[str(n) for n in range(31, 43)])
    told = cli("undo", "--dry-run").stderr.splitlines()
    (rows,) = cli.query("SELECT count(*) FROM history WHERE change_id ="
                        " (SELECT max(id) FROM changes)")[0]  # fmt: skip
    assert told[0].endswith(f"({rows} row changes)") and len(told) == 12
    assert told[-1] == f"  and {int(str(rows)) - 10} more row changes"


def test_a_cited_document_is_named_by_its_title_and_the_start_of_its_hash(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """History named a document's source by its 71-character 'sha256:...' URL, which a table
    cut short, title and closing quote lost: it says the title and the hash's first 12 digits."""
    from tests.pdfs import exhibit

    cli("case", "add", "acme", "--title", "Acme")
    cli("doc", "add", str(exhibit(tmp_path)), "--title", "Exhibit 5")
    cli("add", "acme", "2003-06-17", "Police raid", "--cite", "1:iv",
        "--quote", "the police raided the offices of Acme")  # fmt: skip
    short = f"sha256:{str(cli.query('SELECT sha256 FROM documents')[0][0])[:12]}…"
    rows = json.loads(cli("history", "1", "-f", "json").stdout)
    assert [r["summary"] for r in rows] == [
        "milestone 1, acme 17 Jun 2003 other: 'Police raid'",
        f"'Exhibit 5' ({short}) cited in milestone 1 'Police raid'; quote 'the police raided"
        " the offices of Acme'; page 'iv'",
    ]
    added = json.loads(cli("history", "-f", "json").stdout)
    assert f"source 'Exhibit 5' ({short})" in [r["summary"] for r in added]
    monkeypatch.setenv("COLUMNS", "80")
    table = cli("history", "1").stdout.splitlines()
    start = table[0].index("summary")
    assert max(map(len, table)) <= 80
    assert [line[start:] for line in table[2:]] == [
        "milestone 1, acme 17 Jun 2003",
        "other: 'Police raid'",
        f"'Exhibit 5' ({short})",
        "cited in milestone 1 'Police",
        "raid'; quote 'the police raided",
        "the offices of Acme'; page 'iv'",
    ]
