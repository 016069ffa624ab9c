"""`casetrack case ...` from the command line, checked against the store."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli

FIXTURE = Path(__file__).parent / "fixtures" / "store-schema1.sqlite"


def test_case_lifecycle(cli: Cli) -> None:
    cli("case", "add", "acme-2003", "--title", "State v. Acme", "--jurisdiction", "France",
        "--court", "Paris", "--docket", "03/123", "--summary", "Fraud inquiry")  # fmt: skip
    assert cli.query("SELECT slug, title, jurisdiction, court, docket, status FROM cases") == [
        ("acme-2003", "State v. Acme", "France", "Paris", "03/123", "open")
    ]
    cli("case", "edit", "acme-2003", "--status", "closed", "--title", "People v. Acme")
    shown = json.loads(cli("case", "show", "acme-2003", "-f", "json").stdout)
    assert shown["status"] == "closed" and shown["title"] == "People v. Acme"
    assert shown["court"] == "Paris"
    listed = json.loads(cli("case", "list", "--format", "json").stdout)
    assert [(c["slug"], c["milestones"]) for c in listed] == [("acme-2003", 0)]
    cli("case", "rm", "acme-2003")
    assert cli.query("SELECT count(*) FROM cases WHERE deleted_at IS NULL") == [(0,)]


def test_case_rm_refuses_while_milestones_unless_forced(cli: Cli) -> None:
    cli("case", "add", "c1", "--title", "C")
    cli("add", "c1", "2003", "Opened")
    result = cli("case", "rm", "c1", code=1)
    assert "--force" in result.stderr
    assert cli.query("SELECT count(*) FROM cases WHERE deleted_at IS NULL") == [(1,)]
    cli("case", "rm", "c1", "--force")
    assert cli.query("SELECT count(*) FROM cases WHERE deleted_at IS NULL") == [(0,)]


def test_bad_case_input_is_refused_without_writing(cli: Cli) -> None:
    cli("case", "add", "good", "--title", "Good")
    assert "invalid case slug" in cli("case", "add", "bad slug!", "--title", "x", code=1).stderr
    assert "already exists" in cli("case", "add", "GOOD", "--title", "x", code=1).stderr
    assert "needs a title" in cli("case", "add", "t2", "--title", "  ", code=1).stderr
    result = cli("case", "add", "t3", "--title", "x", "--status", "opne", code=1)
    assert "did you mean 'open'" in result.stderr
    assert cli.query("SELECT slug FROM cases") == [("good",)]


def test_unknown_case_suggests_closest(cli: Cli) -> None:
    cli("case", "add", "acme-2003", "--title", "A")
    result = cli("case", "show", "acme-2030", code=1)
    assert result.stderr == (
        "casetrack: no case 'acme-2030' (did you mean 'acme-2003'?): see 'casetrack case list'\n"
    )
    assert "did you mean 'acme-2003'" in cli("add", "acme-203", "2003", "x", code=1).stderr


def test_only_adding_to_a_missing_case_suggests_creating_it(cli: Cli) -> None:
    cli("case", "add", "acme-2003", "--title", "A")
    cli("add", "acme-2003", "2003", "Opened")
    for args in (("case", "rename", "acme-2030", "acme-2031"), ("case", "rm", "acme-2030"),
                 ("case", "edit", "acme-2030", "--status", "closed"), ("timeline", "acme-2030"),
                 ("export", "acme-2030"), ("search", "x", "--case", "acme-2030")):  # fmt: skip
        assert cli(*args, code=1).stderr == (
            "casetrack: no case 'acme-2030' (did you mean 'acme-2003'?):"
            " see 'casetrack case list'\n"
        ), args
    create = ": create it with 'casetrack case add acme-2030 --title TITLE'\n"
    for args in (("add", "acme-2030", "2004", "Closed"), ("edit", "1", "--case", "acme-2030")):
        assert cli(*args, code=1).stderr.endswith(create), args


def test_a_caption_typed_for_a_slug_gets_a_slug_that_works(cli: Cli) -> None:
    """People type the case's caption where its slug goes: the hint they get must be a command
    that runs, and once the case exists its title leads to its slug."""
    result = cli("add", "Uganda v. Ssenyonjo", "2019-06-12", "Raid", code=1)
    assert result.stderr == (
        "casetrack: no case 'Uganda v. Ssenyonjo': create it with"
        " 'casetrack case add uganda-v-ssenyonjo --title \"Uganda v. Ssenyonjo\"'\n"
    )
    refused = cli("case", "add", "Procès Hôpital (2019)", "--title", "x", code=1).stderr
    assert refused.rstrip().endswith("e.g. proces-hopital-2019")
    assert not cli.db_path.exists()
    cli("case", "add", "uganda-v-ssenyonjo", "--title", "Uganda v. Ssenyonjo")
    assert cli("timeline", "uganda v. ssenyonjo", code=1).stderr == (
        "casetrack: no case 'uganda v. ssenyonjo': that is the title of case"
        " 'uganda-v-ssenyonjo', the slug to use\n"
    )
    cli("add", "uganda-v-ssenyonjo", "2019-06-12", "Raid")
    assert cli.query("SELECT count(*) FROM milestones") == [(1,)]


def test_unknown_case_says_how_to_create_it_or_bring_it_back(cli: Cli) -> None:
    result = cli("add", "pmoi-2003", "2003-06-17", "Raid", code=1)
    assert result.stderr == (
        "casetrack: no case 'pmoi-2003': create it with"
        " 'casetrack case add pmoi-2003 --title TITLE'\n"
    )
    assert not cli.db_path.exists()
    cli("case", "add", "pmoi-2003", "--title", "PMOI")
    cli("case", "add", "pmoi-2004", "--title", "PMOI again")
    cli("case", "rm", "pmoi-2003")
    # The case named is found, in the trash: no other case is suggested for it.
    assert cli("timeline", "pmoi-2003", code=1).stderr == (
        "casetrack: case 'pmoi-2003' is in the trash:"
        " 'casetrack restore --case pmoi-2003' brings it back\n"
    )


def test_case_list_table_and_empty_message(cli: Cli) -> None:
    cli("init")
    assert "no cases yet" in cli("case", "list").stderr
    cli("case", "add", "c1", "--title", "First case")
    cli("add", "c1", "2001", "Opened")
    cli("add", "c1", "2003-06-17", "Raid")
    table = cli("case", "list").stdout
    assert "c1" in table and "First case" in table and "2001-01-01" not in table
    assert "17 Jun 2003" in table.splitlines()[-1].split("  ")[-1]


def test_case_list_last_is_the_milestone_the_timeline_lists_last(cli: Cli) -> None:
    """A span ending after the last day still sits where it may begin: before 16 Sep 2014."""
    cli("case", "add", "c1", "--title", "First case")
    for date in ("2001", "between 2003 and 2014", "2014-09-16", "unknown"):
        cli("add", "c1", date, f"Dated {date}")
    dated = [line for line in cli("timeline", "c1").stdout.splitlines() if "Dated 2" in line]
    assert "16 Sep 2014" in dated[-1]
    assert cli("case", "list").stdout.splitlines()[-1].endswith("2001     16 Sep 2014")
    [record] = json.loads(cli("case", "list", "-f", "json").stdout)
    assert (record["first_date"], record["last_date"]) == ("2001", "2014-09-16")
    assert (record["first"], record["last"]) == ("2001-01-01", "2014-12-31")  # the bounding days


def test_case_list_says_a_closed_case_at_any_width_without_wrapping_a_date(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed case is marked after its title, as a disputed milestone is in a timeline: at
    80 columns, beside a long slug, it is still said, and no day wraps ('23 Jan' / '2019')."""
    for slug, title, days in (
        ("pmoi-2003-raid", "Raid on the PMOI offices in Auvers-sur-Oise",
         ("2003-06-17", "2011-05-12")),
        ("usa-v-hetero-2019-cv", "United States of America v. Hetero USA, Inc. and others",
         ("2019-01-23", "2021-11-02")),
    ):  # fmt: skip
        cli("case", "add", slug, "--title", title)
        for day in days:
            cli("add", slug, day, "Event")
    cli("case", "edit", "pmoi-2003-raid", "--status", "closed")
    for width in ("80", "120", "200"):
        monkeypatch.setenv("COLUMNS", width)
        shown = cli("case", "list").stdout
        assert all(len(line) <= int(width) for line in shown.splitlines())
        for day in ("17 Jun 2003", "12 May 2011", "23 Jan 2019", "2 Nov 2021"):
            assert day in shown, width
        assert shown.count("[closed]") == 1 and "[open]" not in shown, width
        assert " ".join(shown.split()).count("Auvers-sur-Oise [closed]") == 1, width
    for fmt in ("markdown", "csv"):
        assert "[closed]" in cli("case", "list", "-f", fmt).stdout or fmt == "csv"
    [closed, _] = json.loads(cli("case", "list", "-f", "json").stdout)
    assert (closed["title"], closed["status"]) == (
        "Raid on the PMOI offices in Auvers-sur-Oise",
        "closed",
    )
    assert cli.query("SELECT slug, status FROM cases ORDER BY slug") == [
        ("pmoi-2003-raid", "closed"),
        ("usa-v-hetero-2019-cv", "open"),
    ]


def test_a_renamed_case_is_named_by_its_old_slug(cli: Cli, tmp_path: Path) -> None:
    """`case rename` leaves no alias: the old slug is refused naming the new one, by every
    command (and by add, rather than offering to create it), and nothing is written."""
    cli("case", "add", "us-v-hale", "--title", "United States v. Hale")
    cli("add", "us-v-hale", "2024-06-14", "Judgment entered", "--kind", "judgment")
    cli("case", "rename", "us-v-hale", "us-v-mozaffary")
    cli("case", "rename", "us-v-mozaffary", "us-v-mozaffary-2")
    before = cli.records()
    said = (
        "casetrack: no case 'us-v-hale': it was renamed 'us-v-mozaffary-2', the slug to use now\n"
    )
    assert cli("timeline", "us-v-hale", code=1).stderr == said
    assert cli("add", "us-v-hale", "2024-07-01", "Hearing", code=1).stderr == said
    out = tmp_path / "hale.csv"
    assert cli("export", "us-v-hale", "-o", str(out), code=1).stderr == said
    assert not out.exists() and cli.records() == before
    cli("undo")  # back to us-v-mozaffary: the first slug now names that
    assert "renamed 'us-v-mozaffary'," in cli("timeline", "us-v-hale", code=1).stderr


def test_a_case_says_where_it_stands_in_the_statuses_litigation_uses(cli: Cli) -> None:
    cli("case", "add", "acme", "--title", "Acme", "--status", "stayed")
    cli("case", "add", "beta", "--title", "Beta")
    cli("case", "add", "gamma", "--title", "Gamma", "--status", "Settled")
    cli("case", "edit", "beta", "--status", "on appeal")
    assert cli.query("SELECT slug, status FROM cases ORDER BY slug") == [
        ("acme", "stayed"), ("beta", "on appeal"), ("gamma", "settled"),
    ]  # fmt: skip
    cli("case", "edit", "acme", "--status", "ON-APPEAL")  # another spelling of it
    assert cli.query("SELECT status FROM cases WHERE slug = 'acme'") == [("on appeal",)]
    cli("undo")
    assert cli.query("SELECT status FROM cases WHERE slug = 'acme'") == [("stayed",)]
    # case list --status lists the cases of one status, in every format.
    said = cli("case", "list", "--status", "on appeal")
    assert [line.split()[0] for line in said.stdout.splitlines()[2:]] == ["beta"]
    assert "Beta [on appeal]" in said.stdout
    listed = json.loads(cli("case", "list", "--status", "stayed", "-f", "json").stdout)
    assert [(c["slug"], c["status"]) for c in listed] == [("acme", "stayed")]
    said = cli("case", "list", "--status", "closed")
    assert (said.stdout, said.stderr) == ("", "no case is closed: see 'casetrack case list'\n")
    # The help says them all.
    helped = " ".join(cli("case", "edit", "--help").stdout.split())
    assert "open, stayed, on appeal, settled, closed" in helped


@pytest.mark.parametrize(
    ("args", "closest"),
    [
        (("case", "edit", "acme", "--status", "setled"), "'settled'"),
        (("case", "edit", "acme", "--status", "apeal"), "'on appeal'"),
        (("case", "add", "new", "--title", "New", "--status", "stayd"), "'stayed'"),
        (("case", "list", "--status", "clsed"), "'closed'"),
    ],
)
def test_an_unknown_case_status_is_refused_with_the_closest(
    cli: Cli, args: tuple[str, ...], closest: str
) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    before = cli.records()
    said = cli(*args, code=1)
    assert said.stdout == "" and len(said.stderr.splitlines()) == 1
    assert said.stderr.startswith(f"casetrack: unknown case status '{args[-1]}' (did you mean ")
    assert closest in said.stderr.split(":")[1]
    assert said.stderr.rstrip().endswith("use one of open, stayed, on appeal, settled, closed")
    assert cli.records() == before


def test_a_store_of_an_earlier_release_takes_the_new_statuses(cli: Cli) -> None:
    """The store allowed only open and closed (a CHECK in the cases table): the table is made
    again with the five, its rows, ids, history and triggers kept."""
    shutil.copy(FIXTURE, cli.db_path)
    conn = sqlite3.connect(FIXTURE)
    before = conn.execute("SELECT * FROM cases ORDER BY id").fetchall()
    conn.close()
    cli("case", "edit", "other-1999", "--status", "stayed")
    columns = len(before[0])
    after = [row[:columns] for row in cli.query("SELECT * FROM cases ORDER BY id")]
    assert [row[:7] for row in after] == [row[:7] for row in before]
    assert cli.query("SELECT status FROM cases WHERE slug = 'other-1999'") == [("stayed",)]
    cli("undo")  # recorded by the history triggers made again
    assert cli.query("SELECT status FROM cases WHERE slug = 'other-1999'") == [(before[-1][7],)]
    cli("case", "add", "new-2024", "--title", "New", "--status", "settled", "--docket", "24/1")
    (high,) = max(cli.query("SELECT id FROM cases"))
    assert cli.query("SELECT id FROM cases WHERE slug = 'new-2024'") == [(high,)]
    assert cli("case", "list", "--status", "settled").stdout.count("new-2024") == 1
    cli("check")
