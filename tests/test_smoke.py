"""A first end-to-end check: the demo loads and its timeline is in order."""

import csv
import io

from tests.conftest import Cli


def test_demo_timeline_is_in_date_order(demo: Cli) -> None:
    rows = demo.query("SELECT sort_start FROM milestones ORDER BY id")
    assert len(rows) == 8
    result = demo("timeline", "nec-2003", "--format", "csv")
    dates = [row["date"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert dates == ["2001", "2003-06", "2003-06-17", "2003-06-17", "2003-07-03",
                     "2006-05-11", "2011-12", "2014-09-16"]  # fmt: skip


def test_demo_shows_key_and_disputed_facts_and_who_disputes(cli: Cli) -> None:
    shown = cli("demo").stdout
    assert "Police raid the council's offices at dawn [key]" in shown
    assert "Leïla Farahani [disputed]" in shown
    assert cli.query("SELECT id FROM milestones WHERE key ORDER BY id") == [(3,), (8,)]
    assert cli.query("SELECT id, note FROM milestones WHERE status != 'undisputed'") == [
        (4, "Disputed by the council: it counts 217 detained, the police 160")
    ]


def test_demo_never_mixes_into_a_store_holding_other_cases(cli: Cli) -> None:
    cli("case", "add", "mine", "--title", "My real case")
    before = cli.records()
    result = cli("demo", code=1)
    assert result.stderr == (
        f"casetrack: {cli.db_path} holds 1 case of yours: the demo will not mix a"
        " fictional case into them; try it in a store of its own: casetrack --db demo.db demo\n"
    )
    assert result.stdout == ""
    assert cli.records() == before
    cli("case", "rm", "mine")  # its trash is still the user's work
    cli("demo", code=1)


def test_demo_again_only_prints_the_timeline(demo: Cli) -> None:
    demo("case", "add", "mine", "--title", "Added after trying the demo")
    assert "already in" in demo("demo").stderr
