"""Dates as US pleadings, newsrooms and spreadsheets write them: 'on or about', 'no later
than', quarters and halves of a year, a month and year in figures, fiscal years and
two-digit years. What is read is stored as the EDTF it means; what casetrack will not guess
is refused in one line saying what to write, and nothing is written."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import Cli

READ = [
    ("on or about March 3, 2021", "2021-03-03~", "c. 3 Mar 2021"),
    ("On or about 3 March 2021", "2021-03-03~", "c. 3 Mar 2021"),
    ("on or before March 3, 2021", "[..2021-03-03]", "before 3 Mar 2021"),
    ("no later than March 3, 2021", "[..2021-03-03]", "before 3 Mar 2021"),
    ("on or after March 3, 2021", "[2021-03-03..]", "after 3 Mar 2021"),
    ("no earlier than June 2021", "[2021-06..]", "after Jun 2021"),
    ("Q2 2021", "[2021-04..2021-06]", "Q2 2021"),
    ("2Q 2021", "[2021-04..2021-06]", "Q2 2021"),
    ("2021 Q4", "[2021-10..2021-12]", "Q4 2021"),
    ("the first quarter of 2021", "[2021-01..2021-03]", "Q1 2021"),
    ("3rd quarter 2021", "[2021-07..2021-09]", "Q3 2021"),
    ("H2 2021", "[2021-07..2021-12]", "H2 2021"),
    ("the first half of 2021", "[2021-01..2021-06]", "H1 2021"),
    ("Jan-Mar 2021", "2021-01/2021-03", "Jan \u2013 Mar 2021"),
    ("winter 2020-21", "2020-24", "Winter 2020-21"),  # December 2020 to February 2021
    ("Winter 2020/2021", "2020-24", "Winter 2020-21"),
    ("March 3, 2021 2:30 PM EST", "2021-03-03", "3 Mar 2021"),  # the time and zone dropped
    ("mid-1990s", "[1994..1996]", "mid 1990s"),  # a decade's years 0-3, 4-6, 7-9
    ("the early 1990s", "[1990..1993]", "early 1990s"),
    ("late 1980s", "[1987..1989]", "late 1980s"),
]


@pytest.mark.parametrize(("typed", "stored", "shown"), READ)
def test_us_forms_are_read_as_what_they_mean(cli: Cli, typed: str, stored: str, shown: str) -> None:
    cli("case", "add", "harlan", "--title", "People v. Harlan")
    (milestone_id,) = cli("add", "harlan", typed, "Meeting at the diner").stdout.split()
    (row,) = json.loads(cli("timeline", "harlan", "-f", "json").stdout)
    assert (row["id"], row["date"]) == (int(milestone_id), stored)
    assert shown in cli("timeline", "harlan").stdout
    # The same words filter: a window that ends the day before leaves it out only if it can.
    assert cli("timeline", "harlan", "--since", typed, "-f", "json").stdout != "[]\n"


REFUSED = [
    ("3/2021", "the date '3/2021' can only be Mar 2021: write it as 2021-03"),
    ("12/2020", "the date '12/2020' can only be Dec 2020: write it as 2020-12"),
    ("FY2020", "a fiscal year starts when its owner's does"),
    ("fiscal year 2021", "write its span, e.g. 'from 2019-10-01 to 2020-09-30'"),
    ("Spring '21", "write the year in full, as in 'Spring 2021'"),
    ("3-Mar-21", "write the year in full, as in '3-Mar-2021'"),
    ("March 3, 21", "write the year in full, as in 'March 3, 2021'"),
    ("the 90s", "write the year in full, as in 'the 1990s'"),
    # Two digits of a year are its latest reading not ten years past today, said in full.
    ("3/7/30", "is ambiguous: write 2030-07-03 (3 Jul 2030) or 2030-03-07 (7 Mar 2030)"),
    ("Jan 5", "cannot read the date 'Jan 5': it has no year: write it with its year, as in '5 Jan"),
    ("Feb 10", "it has no year: write it with its year, as in '10 Feb "),
    ("Feb 10", "or 'Feb 2010' if 10 is the year"),
    ("early 2000s", "the 2000s may be a decade or a century: write 'between 2000 and 2003'"),
    ("late 1900s", "or 'between 1967 and 1999' (late in the century)"),
]


@pytest.mark.parametrize(("typed", "said"), REFUSED)
def test_what_is_not_guessed_is_refused_saying_what_to_write(
    cli: Cli, typed: str, said: str
) -> None:
    cli("case", "add", "harlan", "--title", "People v. Harlan")
    before = cli.records()
    for command in (["add", "harlan", typed, "Meeting"], ["timeline", "--since", typed]):
        refused = cli(*command, code=1).stderr
        assert refused.startswith("casetrack: ") and said in refused
        assert refused.count("\n") == 1 and "Traceback" not in refused
    assert cli.records() == before


def test_a_gap_under_a_month_to_a_date_not_known_to_the_day_is_not_zero(cli: Cli) -> None:
    """3 Mar 2021 to some day in April-June 2021 is 29 days or more: '~+<1m', never '~+0',
    which reads as the same time; the same first day is still ~+0."""
    cli("case", "add", "harlan", "--title", "People v. Harlan")
    cli("add", "harlan", "March 3, 2021", "Meeting at the diner")
    cli("add", "harlan", "Q2 2021", "Payments")
    cli("add", "harlan", "between Apr 2021 and Jun 2021", "Invoices")
    rows = cli("timeline", "harlan").stdout.splitlines()[2:]
    gaps = [[word for word in row.split() if word.startswith("~+")] for row in rows]
    assert gaps == [[], ["~+<1m"], ["~+0"]]


def test_a_weekday_is_refused_naming_the_days_it_can_be(cli: Cli) -> None:
    """'next Friday' is this week's or the next week's: both written out, nothing guessed."""
    cli("case", "add", "smith", "--title", "Smith v. Acme")
    today = date.today()
    coming = today + timedelta(days=(4 - today.weekday()) % 7)
    before = cli.records()
    refused = cli("add", "smith", "next Friday", "Answer due", code=1).stderr
    assert refused == (
        "casetrack: cannot read the date 'next Friday': a weekday is not read as a date: write"
        f" the day, {coming.isoformat()} (Fri {coming.day} {coming:%b %Y}) or"
        f" {coming + timedelta(days=7)} (Fri {(coming + timedelta(days=7)).day}"
        f" {coming + timedelta(days=7):%b %Y})\n"
    )
    last = today - timedelta(days=(today.weekday() - 4) % 7 or 7)
    refused = cli("timeline", "--since", "last friday", code=1).stderr
    assert f"write the day, {last.isoformat()} (Fri " in refused
    assert cli.records() == before


def test_a_day_without_its_year_is_suggested_in_the_year_nearest_today(cli: Cli) -> None:
    """'Feb 10' typed in December is most likely the coming February: the refusal's example
    is the nearest such day (never stored: the user writes the year)."""
    cli("case", "add", "smith", "--title", "Smith v. Acme")
    today = date.today()
    for typed, month, day in (("Feb 10", 2, 10), ("5 August", 8, 5)):
        near = min(
            (date(year, month, day) for year in (today.year - 1, today.year, today.year + 1)),
            key=lambda one: abs(one - today),
        )
        refused = cli("add", "smith", typed, "Hearing", code=1).stderr
        assert f"as in '{day} {near:%b} {near.year}' ({near.isoformat()})" in refused
