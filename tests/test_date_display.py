"""Dates are said one way in every listing for people; programs get the stored EDTF and
the earliest and latest possible days."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casetrack.dates import display_date, display_day, display_time, parse_date
from tests.conftest import Cli

SPAN = "between 3 Jul 2003 and 16 Sep 2014"


@pytest.fixture
def uncertain(cli: Cli) -> Cli:
    """A case whose first milestone is 'c. 2000' and last 'between … and 16 Sep 2014'."""
    cli("case", "add", "c1", "--title", "Case one")
    cli("source", "add", "https://example.org/a", "--published", "c. 2000")
    cli("add", "c1", "c. 2000", "Approximate start", "--party", "Ann:subject", "--source", "1")
    cli("add", "c1", "2003-06-17", "Raid", "--party", "Ann:subject", "--source", "1")
    cli("add", "c1", SPAN, "Some time in between", "--party", "Ann:subject", "--source", "1")
    return cli


def test_case_list_says_dates_as_the_sources_do(uncertain: Cli) -> None:
    table = uncertain("case", "list").stdout
    assert "c. 2000" in table and SPAN in table and "2000-01-01" not in table
    [record] = json.loads(uncertain("case", "list", "-f", "json").stdout)
    assert (record["first"], record["last"]) == ("2000-01-01", "2014-09-16")
    assert (record["first_date"], record["last_date"]) == ("2000~", "[2003-07-03..2014-09-16]")
    [row] = csv.DictReader(io.StringIO(uncertain("case", "list", "-f", "csv").stdout))
    assert (row["first"], row["first_date"]) == ("2000-01-01", "2000~")


def test_party_and_source_show_say_dates_in_words(uncertain: Cli) -> None:
    party = uncertain("party", "show", "Ann").stdout
    assert "date: c. 2000" in party and f"date: {SPAN}" in party and "2000~" not in party
    shown = json.loads(uncertain("party", "show", "Ann", "-f", "json").stdout)
    assert shown["first"]["date"] == "2000~"
    source = uncertain("source", "show", "1").stdout
    assert SPAN in source and "[2003" not in source and "2000~" not in source
    assert "17 Jun 2003" in source and "c. 2000" in source  # the milestones and `published`
    assert "c. 2000" in uncertain("source", "list").stdout
    cited = json.loads(uncertain("source", "show", "1", "-f", "json").stdout)
    assert cited["milestones"][0]["date"] == "2000~" and cited["published"] == "2000~"


def test_trash_list_says_dates_and_times_to_the_second(uncertain: Cli) -> None:
    uncertain("rm", "3")
    table = uncertain("trash", "list").stdout
    assert SPAN in table and " UTC" in table
    [record] = json.loads(uncertain("trash", "list", "-f", "json").stdout)
    stamp = record["deleted_at"]
    assert "." in stamp and display_time(stamp) in table and stamp not in table
    assert record["date"] == "[2003-07-03..2014-09-16]"


@pytest.mark.parametrize("typed", ["c. 2000", "2003-06", SPAN, "before 2014", "1990s", "unknown"])
def test_every_listing_uses_the_one_display(uncertain: Cli, typed: str) -> None:
    uncertain("add", "c1", typed, "Probe", "--party", "Bo", "--source", "1")
    said = display_date(parse_date(typed))
    timeline = uncertain("timeline", "c1").stdout
    assert said in timeline
    assert said in uncertain("search", "Probe").stdout
    assert said in uncertain("party", "show", "Bo").stdout
    assert said in uncertain("source", "show", "1").stdout


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_a_day_with_its_weekday_is_said_one_way_and_reads_back(day: date) -> None:
    """A deadline's working and a refused weekday's choices say a day through display_day:
    its weekday, then the day as listings say it, which parses back to that day."""
    weekday, _, said = display_day(day).partition(" ")
    assert weekday == "MonTueWedThuFriSatSun"[3 * day.weekday() :][:3]
    assert said == display_date(parse_date(day.isoformat()))
    assert parse_date(said).start == parse_date(said).end == day


def test_a_deadlines_working_and_a_refused_weekday_say_days_alike(cli: Cli) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    trigger = cli("add", "acme", "2024-06-14", "Judgment", "--kind", "judgment").stdout.strip()
    cli("deadline", "add", "acme", "--rule", "us-frap-4a1a", "--from", trigger)
    [(deadline,)] = cli.query("SELECT milestone_id FROM deadlines")
    working = cli("show", str(deadline)).stdout
    assert display_day(date(2024, 6, 14)) in working  # "Fri 14 Jun 2024"
    refused = cli("add", "acme", "next friday", "X", code=1).stderr
    assert " (Fri " in refused


def test_one_day_between_two_of_a_year_says_the_year_once(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'between 1 and 5 May 2021', typed so, is said so: at 80 columns the date keeps one line
    of a timeline, and read back it is the same span."""
    monkeypatch.setenv("COLUMNS", "80")
    cli("case", "add", "smith", "--title", "Smith v. Acme")
    typed = {
        "between 1 and 5 May 2021": ("[2021-05-01..2021-05-05]", "between 1 and 5 May 2021"),
        "between 1 Mar and 5 May 2021": (
            "[2021-03-01..2021-05-05]", "between 1 Mar and 5 May 2021"),
        "March or April 2021": ("[2021-03..2021-04]", "between Mar and Apr 2021"),
        "between 30 Dec 2020 and 2 Jan 2021": (
            "[2020-12-30..2021-01-02]", "between 30 Dec 2020 and 2 Jan 2021"),
    }  # fmt: skip
    for date_typed in typed:
        cli("add", "smith", date_typed, "Motion to dismiss filed")
    stored = [date for (date,) in cli.query("SELECT date FROM milestones ORDER BY id")]
    assert stored == [edtf for edtf, _ in typed.values()]
    table = cli("timeline", "smith").stdout
    for edtf, said in typed.values():
        assert display_date(parse_date(said)) == said and parse_date(said).text == edtf
    for _, said in list(typed.values())[:3]:  # the year said once: the date on one line
        assert said in table
    assert max(map(len, table.splitlines())) <= 80
