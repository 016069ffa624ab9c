"""Dates as US pleadings, newsrooms and spreadsheets write them: 'on or about', 'no later
than', quarters and halves of a year, a month and year in figures, fiscal years and
two-digit years. What is read is stored as the EDTF it means; what casetrack will not guess
is refused in one line saying what to write, and nothing is written."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Cli

READ = [
    ("on or about March 3, 2021", "2021-03-03~", "c. 3 Mar 2021"),
    ("On or about 3 March 2021", "2021-03-03~", "c. 3 Mar 2021"),
    ("on or before March 3, 2021", "[..2021-03-03]", "before 3 Mar 2021"),
    ("no later than March 3, 2021", "[..2021-03-03]", "before 3 Mar 2021"),
    ("on or after March 3, 2021", "[2021-03-03..]", "after 3 Mar 2021"),
    ("no earlier than June 2021", "[2021-06..]", "after Jun 2021"),
    ("Q2 2021", "[2021-04..2021-06]", "between Apr 2021 and Jun 2021"),
    ("2Q 2021", "[2021-04..2021-06]", "between Apr 2021 and Jun 2021"),
    ("2021 Q4", "[2021-10..2021-12]", "between Oct 2021 and Dec 2021"),
    ("the first quarter of 2021", "[2021-01..2021-03]", "between Jan 2021 and Mar 2021"),
    ("3rd quarter 2021", "[2021-07..2021-09]", "between Jul 2021 and Sep 2021"),
    ("H2 2021", "[2021-07..2021-12]", "between Jul 2021 and Dec 2021"),
    ("the first half of 2021", "[2021-01..2021-06]", "between Jan 2021 and Jun 2021"),
    ("Jan-Mar 2021", "2021-01/2021-03", "Jan \u2013 Mar 2021"),
    ("winter 2020-21", "2020-24", "Winter 2020"),  # December 2020 to February 2021
    ("Winter 2020/2021", "2020-24", "Winter 2020"),
    ("March 3, 2021 2:30 PM EST", "2021-03-03", "3 Mar 2021"),  # the time and zone dropped
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
