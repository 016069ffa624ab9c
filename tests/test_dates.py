"""Tests for casetrack's date values: every accepted form, refusals, display, order, speed."""

# ruff: noqa: RUF001  (displayed ranges use an en dash on purpose)

from __future__ import annotations

import calendar
import itertools
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from random import Random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casetrack.dates import (
    ACCEPTED_FORMS,
    MONTHS,
    OPEN_END,
    OPEN_START,
    DateError,
    DateValue,
    _bound_span,
    display_date,
    elapsed,
    from_stored,
    key_fits,
    keys_for_order,
    order_key,
    overlaps,
    parse_date,
    wholly_before,
)
from tests.budget import examples
from tests.conftest import Cli

TODAY = date(2026, 11, 25)
D = date.fromisoformat

# input, stored EDTF text, start, end, precision, approximate, uncertain, display
FORMS = [
    # ISO and EDTF level 0
    ("2003-06-17", "2003-06-17", "2003-06-17", "2003-06-17", "day", 0, 0, "17 Jun 2003"),
    ("2003-06", "2003-06", "2003-06-01", "2003-06-30", "month", 0, 0, "Jun 2003"),
    ("2003", "2003", "2003-01-01", "2003-12-31", "year", 0, 0, "2003"),
    ("2004-02", "2004-02", "2004-02-01", "2004-02-29", "month", 0, 0, "Feb 2004"),
    ("2003-6-7", "2003-06-07", "2003-06-07", "2003-06-07", "day", 0, 0, "7 Jun 2003"),
    ("  2003-06-17 ", "2003-06-17", "2003-06-17", "2003-06-17", "day", 0, 0, "17 Jun 2003"),
    ("0999", "0999", "0999-01-01", "0999-12-31", "year", 0, 0, "0999"),
    # EDTF level 1: qualifiers
    ("2003-06~", "2003-06~", "2003-06-01", "2003-06-30", "month", 1, 0, "c. Jun 2003"),
    ("2003?", "2003?", "2003-01-01", "2003-12-31", "year", 0, 1, "2003?"),
    ("2003-06%", "2003-06%", "2003-06-01", "2003-06-30", "month", 1, 1, "c. Jun 2003?"),
    ("2003-06-17~", "2003-06-17~", "2003-06-17", "2003-06-17", "day", 1, 0, "c. 17 Jun 2003"),
    # EDTF level 1: unspecified digits
    ("2003-06-XX", "2003-06-XX", "2003-06-01", "2003-06-30", "month", 0, 0, "Jun 2003"),
    ("2003-XX", "2003-XX", "2003-01-01", "2003-12-31", "year", 0, 0, "2003"),
    ("2003-XX-XX", "2003-XX-XX", "2003-01-01", "2003-12-31", "year", 0, 0, "2003"),
    ("2003-06-xx", "2003-06-XX", "2003-06-01", "2003-06-30", "month", 0, 0, "Jun 2003"),
    ("199X", "199X", "1990-01-01", "1999-12-31", "decade", 0, 0, "1990s"),
    ("190X", "190X", "1900-01-01", "1909-12-31", "decade", 0, 0, "1900 – 1909"),
    ("19XX", "19XX", "1900-01-01", "1999-12-31", "century", 0, 0, "1900s"),
    ("1XXX", "1XXX", "1000-01-01", "1999-12-31", "millennium", 0, 0, "1000 – 1999"),
    ("199X~", "199X~", "1990-01-01", "1999-12-31", "decade", 1, 0, "c. 1990s"),
    # EDTF level 1: seasons (winter runs into the next year)
    ("2001-21", "2001-21", "2001-03-01", "2001-05-31", "season", 0, 0, "Spring 2001"),
    ("2001-22", "2001-22", "2001-06-01", "2001-08-31", "season", 0, 0, "Summer 2001"),
    ("2001-23", "2001-23", "2001-09-01", "2001-11-30", "season", 0, 0, "Autumn 2001"),
    ("2003-24", "2003-24", "2003-12-01", "2004-02-29", "season", 0, 0, "Winter 2003-04"),
    # EDTF intervals, closed, open and with an unknown end
    ("2003-06-17/2003-07-03", "2003-06-17/2003-07-03", "2003-06-17", "2003-07-03",
     "interval", 0, 0, "17 Jun – 3 Jul 2003"),
    ("2003-06-17/2003-06-23", "2003-06-17/2003-06-23", "2003-06-17", "2003-06-23",
     "interval", 0, 0, "17 – 23 Jun 2003"),
    ("2003-06/2003-07", "2003-06/2003-07", "2003-06-01", "2003-07-31",
     "interval", 0, 0, "Jun – Jul 2003"),
    ("2003-06-17/2004-01-02", "2003-06-17/2004-01-02", "2003-06-17", "2004-01-02",
     "interval", 0, 0, "17 Jun 2003 – 2 Jan 2004"),
    ("2003/2005", "2003/2005", "2003-01-01", "2005-12-31", "interval", 0, 0, "2003 – 2005"),
    ("2003-06~/2003-08", "2003-06~/2003-08", "2003-06-01", "2003-08-31",
     "interval", 1, 0, "c. Jun 2003 – Aug 2003"),
    ("2003-07-03/..", "2003-07-03/..", "2003-07-03", None, "interval", 0, 0, "from 3 Jul 2003"),
    ("../2000", "../2000", None, "2000-12-31", "interval", 0, 0, "until 2000"),
    ("2003/", "2003/", "2003-01-01", None, "interval", 0, 0, "from 2003"),
    ("/2003-06", "/2003-06", None, "2003-06-30", "interval", 0, 0, "until Jun 2003"),
    ("2001-21/2001-24", "2001-21/2001-24", "2001-03-01", "2002-02-28",
     "interval", 0, 0, "Spring 2001 – Winter 2001-02"),
    # EDTF level 2: one of a set
    ("[2003-07-03..2014-09-16]", "[2003-07-03..2014-09-16]", "2003-07-03", "2014-09-16",
     "between", 0, 0, "between 3 Jul 2003 and 16 Sep 2014"),
    ("[..1760-12-03]", "[..1760-12-03]", None, "1760-12-03", "before", 0, 0, "before 3 Dec 1760"),
    ("[2003-07-03..]", "[2003-07-03..]", "2003-07-03", None, "after", 0, 0, "after 3 Jul 2003"),
    # friendly forms
    ("17 June 2003", "2003-06-17", "2003-06-17", "2003-06-17", "day", 0, 0, "17 Jun 2003"),
    ("17th june 2003", "2003-06-17", "2003-06-17", "2003-06-17", "day", 0, 0, "17 Jun 2003"),
    ("June 17, 2003", "2003-06-17", "2003-06-17", "2003-06-17", "day", 0, 0, "17 Jun 2003"),
    ("SEPT 3 2003", "2003-09-03", "2003-09-03", "2003-09-03", "day", 0, 0, "3 Sep 2003"),
    ("Jun 2003", "2003-06", "2003-06-01", "2003-06-30", "month", 0, 0, "Jun 2003"),
    ("June 2003", "2003-06", "2003-06-01", "2003-06-30", "month", 0, 0, "Jun 2003"),
    ("sept 2003", "2003-09", "2003-09-01", "2003-09-30", "month", 0, 0, "Sep 2003"),
    ("circa 2001", "2001~", "2001-01-01", "2001-12-31", "year", 1, 0, "c. 2001"),
    ("c. 2001", "2001~", "2001-01-01", "2001-12-31", "year", 1, 0, "c. 2001"),
    ("ca. 2001", "2001~", "2001-01-01", "2001-12-31", "year", 1, 0, "c. 2001"),
    ("about 2001", "2001~", "2001-01-01", "2001-12-31", "year", 1, 0, "c. 2001"),
    ("Around 2001", "2001~", "2001-01-01", "2001-12-31", "year", 1, 0, "c. 2001"),
    ("~2001", "2001~", "2001-01-01", "2001-12-31", "year", 1, 0, "c. 2001"),
    ("~ June 2003", "2003-06~", "2003-06-01", "2003-06-30", "month", 1, 0, "c. Jun 2003"),
    ("2001?", "2001?", "2001-01-01", "2001-12-31", "year", 0, 1, "2001?"),
    ("circa June 2003", "2003-06~", "2003-06-01", "2003-06-30", "month", 1, 0, "c. Jun 2003"),
    ("c. Jun 2003?", "2003-06%", "2003-06-01", "2003-06-30", "month", 1, 1, "c. Jun 2003?"),
    ("spring 2001", "2001-21", "2001-03-01", "2001-05-31", "season", 0, 0, "Spring 2001"),
    ("Fall 2001", "2001-23", "2001-09-01", "2001-11-30", "season", 0, 0, "Autumn 2001"),
    ("1990s", "199X", "1990-01-01", "1999-12-31", "decade", 0, 0, "1990s"),
    ("1900s", "19XX", "1900-01-01", "1999-12-31", "century", 0, 0, "1900s"),
    ("c. 1990s", "199X~", "1990-01-01", "1999-12-31", "decade", 1, 0, "c. 1990s"),
    ("between 2003-07-03 and 2014-09-16", "[2003-07-03..2014-09-16]", "2003-07-03",
     "2014-09-16", "between", 0, 0, "between 3 Jul 2003 and 16 Sep 2014"),
    ("between June 2003 and 2005", "[2003-06..2005-12]", "2003-06-01", "2005-12-31",
     "between", 0, 0, "between Jun 2003 and Dec 2005"),
    ("between 2003 and 2005", "[2003..2005]", "2003-01-01", "2005-12-31",
     "between", 0, 0, "between 2003 and 2005"),
    ("from 2003-06-17 to 2003-07-03", "2003-06-17/2003-07-03", "2003-06-17", "2003-07-03",
     "interval", 0, 0, "17 Jun – 3 Jul 2003"),
    ("from June to July 2003", "2003-06/2003-07", "2003-06-01", "2003-07-31",
     "interval", 0, 0, "Jun – Jul 2003"),
    ("17 Jun – 3 Jul 2003", "2003-06-17/2003-07-03", "2003-06-17", "2003-07-03",
     "interval", 0, 0, "17 Jun – 3 Jul 2003"),
    ("17 - 23 June 2003", "2003-06-17/2003-06-23", "2003-06-17", "2003-06-23",
     "interval", 0, 0, "17 – 23 Jun 2003"),
    ("from 3 July 2003", "2003-07-03/..", "2003-07-03", None, "interval", 0, 0, "from 3 Jul 2003"),
    ("until 2000", "../2000", None, "2000-12-31", "interval", 0, 0, "until 2000"),
    ("before 2014-09-16", "[..2014-09-16]", None, "2014-09-16",
     "before", 0, 0, "before 16 Sep 2014"),
    ("after 2003-07-03", "[2003-07-03..]", "2003-07-03", None, "after", 0, 0, "after 3 Jul 2003"),
    ("before June 2003", "[..2003-06]", None, "2003-06-30", "before", 0, 0, "before Jun 2003"),
    ("today", "2026-11-25", "2026-11-25", "2026-11-25", "day", 0, 0, "25 Nov 2026"),
    ("Yesterday", "2026-11-24", "2026-11-24", "2026-11-24", "day", 0, 0, "24 Nov 2026"),
    ("from 2026-11-01 to today", "2026-11-01/2026-11-25", "2026-11-01", "2026-11-25",
     "interval", 0, 0, "1 – 25 Nov 2026"),
    ("unknown", "unknown", None, None, "unknown", 0, 0, "unknown"),
    ("Unknown", "unknown", None, None, "unknown", 0, 0, "unknown"),
    ("n.d.", "unknown", None, None, "unknown", 0, 0, "unknown"),
    ("N. d.", "unknown", None, None, "unknown", 0, 0, "unknown"),
    ("s.d.", "unknown", None, None, "unknown", 0, 0, "unknown"),
    ("no date", "unknown", None, None, "unknown", 0, 0, "unknown"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "text", "start", "end", "precision", "approximate", "uncertain", "shown"), FORMS
)
def test_accepted_forms(
    typed: str,
    text: str,
    start: str | None,
    end: str | None,
    precision: str,
    approximate: int,
    uncertain: int,
    shown: str,
) -> None:
    value = parse_date(typed, today=TODAY)
    expected = DateValue(
        text,
        D(start) if start else None,
        D(end) if end else None,
        precision,
        bool(approximate),
        bool(uncertain),
    )
    assert value == expected
    assert display_date(value) == shown
    again = parse_date(shown, today=TODAY)
    assert (again.start, again.end) == (value.start, value.end)


def through_store(value: DateValue) -> DateValue:
    """The value as the store keeps it (ISO bounds, flags) and rebuilds it."""
    return from_stored(
        value.text,
        value.start.isoformat() if value.start else None,
        value.end.isoformat() if value.end else None,
        value.precision,
        value.approximate,
        value.uncertain,
    )


@pytest.mark.parametrize("typed", [row[0] for row in FORMS])
def test_from_stored_rebuilds_the_parsed_value(typed: str) -> None:
    value = parse_date(typed, today=TODAY)
    stored = through_store(value)
    assert stored == value
    assert display_date(stored) == display_date(value)


def test_today_defaults_to_the_real_day() -> None:
    assert parse_date("today").start == date.today()


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("03/07/2003", "write 2003-07-03 (3 Jul) or 2003-03-07 (7 Mar)"),
        ("3.7.2003", "write 2003-07-03 (3 Jul) or 2003-03-07 (7 Mar)"),
        ("03-07-2003", "write 2003-07-03 (3 Jul) or 2003-03-07 (7 Mar)"),
        ("3/7/03", "write 2003-07-03 (3 Jul 2003) or 2003-03-07 (7 Mar 2003)"),  # its year said
        ("17/06/2003", "can only be 17 Jun 2003: write it as 2003-06-17"),
        ("06/17/2003", "can only be 17 Jun 2003: write it as 2003-06-17"),
        ("05/05/2003", "can only be 5 May 2003: write it as 2003-05-05"),
        ("31/31/2003", "is not a real date"),
    ],
)
def test_numeric_dates_are_refused_with_what_they_can_mean(typed: str, readings: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(typed)
    message = str(caught.value)
    assert readings in message and "\n" not in message
    assert len(message) < 100 or "not a real date" in message


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2003-13-01", "is not a real date: there is no month 13: write 2003-01-13 if"),
        ("2003-02-30", "is not a real date: February 2003 has 28 days"),
        ("2003-02-29", "is not a real date: February 2003 has 28 days"),
        ("2003-00", "is not a real date: there is no month 00: a month is 01 to 12"),
        ("0000", "is not a real date"),
        ("30 February 2004", "is not a real date: February 2004 has 29 days"),
        ("2021-02-29", "is not a real date: February 2021 has 28 days"),
        ("31 juin 2003", "is not a real date: June 2003 has 30 days"),
        ("between 2020-02-30 and 2021", "is not a real date: February 2020 has 29 days"),
        ("June", "cannot read the date"),
        ("", "cannot read the date"),
        ("   ", "cannot read the date"),
        ("garbage", "cannot read the date"),
        (
            "Smarch 2003",
            "'smarch' in the date 'Smarch 2003' is not a month (did you mean 'march'?)",
        ),
        ("XXXX", "cannot read the date"),
        ("2003-XX-17", "cannot read the date"),
        ("199X-06", "cannot read the date"),
        ("-0100", "cannot read the date"),
        ("[2003]", "cannot read the date"),
        ("[2003, 2005]", "cannot read the date"),
        ("{2003,2005}", "cannot read the date"),
        ("2001-25", "is not a real date: there is no month 25"),
        ("../..", "cannot read the date"),
        ("circa spring 2001", "a season cannot be marked approximate"),
        ("between circa 2003 and 2005", "cannot read the date"),
        ("2003-07-03/2003-06-01", "ends before it starts"),
        ("between 2005 and 2003", "ends before it starts"),
        ("x" * 500, "cannot read the date"),
    ],
)
def test_invalid_dates_give_one_line_listing_the_accepted_forms(typed: str, reason: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(typed)
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message
    assert len(message) < 300
    said = ("ends before it starts", "not a month", "season", " days", "no month")
    if not any(words in reason for words in said):
        assert message.endswith(ACCEPTED_FORMS)


def test_accepted_forms_is_a_short_summary() -> None:
    assert ACCEPTED_FORMS.startswith("2003-06-17, 2003-06, 2003, 17 June 2003, June 2003")
    assert ACCEPTED_FORMS.endswith("unknown")


def test_unknown_sorts_after_everything_dated() -> None:
    unknown = parse_date("unknown")
    assert unknown.sort_start == OPEN_END
    assert unknown.sort_end == OPEN_END
    assert unknown.sort_start > parse_date("9999-12-31").sort_start


def test_open_bounds_have_open_sort_keys() -> None:
    assert parse_date("../2000").sort_start == OPEN_START
    assert parse_date("before 2000").sort_start == OPEN_START
    assert parse_date("2003/..").sort_end == OPEN_END
    assert parse_date("after 2003").sort_end == OPEN_END
    assert parse_date("2003").sort_start == "2003-01-01"
    assert parse_date("2003").sort_end == "2003-12-31"


@pytest.mark.parametrize("plain", ["2003", "2003-06", "2003-06-17", "2003-06-17/2003-07-03"])
@pytest.mark.parametrize("mark", ["~", "?", "%"])
def test_qualifiers_do_not_move_a_milestone(plain: str, mark: str) -> None:
    qualified = plain.replace("/", mark + "/") if "/" in plain else plain + mark
    assert parse_date(qualified).text == qualified
    assert parse_date(qualified).sort_start == parse_date(plain).sort_start
    assert parse_date(qualified).sort_end == parse_date(plain).sort_end


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        ("2003-06-17", "2014-09-16", "+11y 2m"),
        ("2003-06-17", "2003-07-03", "+16d"),
        ("2003-06-17", "2003-08-20", "+2m 3d"),
        ("2003-06-17", "2003-06-17", "+0d"),
        ("2003-01-31", "2003-03-01", "+1m 1d"),
        ("2003-06-17", "2004-06-20", "+1y"),
        ("2003", "2003-06-17", "~+5m"),
        ("2003", "2003", "~+0"),
        ("2001~", "2003-01-01", "~+2y"),
        ("2003-06-17", "2003-06-20?", "~+3d"),
        # From a span's end (a custody ended) to a span's start, in days: not ~+0.
        ("2003-06-17/2003-07-03", "2003-08-01", "~+29d"),
        ("2020-01-01", "2020-01-21/2020-02-10", "~+20d"),
        ("2020-01-01/2020-01-21", "2020-01-21/2020-02-10", "~+0d"),
        ("2020-01-01/2020-01-31", "2020-01-21", ""),
        ("2003-06/2003-08", "2004", "~+4m"),
        ("2003-06-17/..", "2004", ""),
        ("unknown", "2003", ""),
        ("2003", "unknown", ""),
        ("2003-06-17", "2003-06-01", ""),
        # From a date with no first day (until B, before B): from its last day.
        ("../2000", "2003", "~+2y"),
        ("[..2001-03-01]", "2003", "~+1y 10m"),
        # To a date with no first day: no gap.
        ("2003-06-17", "[..2005]", ""),
        ("2003-06-17", "../2005", ""),
        # One day somewhere in a span (early 2003, mid Sep 2008, between, after): measured
        # from and to its first day, as a month is, and approximate.
        ("2003-07-03", "[2003-07-03..2014-09-16]", "~+0d"),
        ("[2003-07-03..2014-09-16]", "2014-09-16", "~+11y 2m"),
        ("[2003..2014]", "2014-09-16", "~+11y 8m"),
        ("2003-07-03", "[2003-07-03..]", "~+0d"),
        ("[2003-07-03..]", "2003-07-20", "~+17d"),
        ("[2008-09-11..2008-09-20]", "2008-09-22", "~+11d"),
        ("[2007-09..2007-12]", "[2008-09-11..2008-09-20]", "~+1y"),
        ("2004-02", "[2007-09..2007-12]", "~+3y 7m"),
    ],
)
def test_elapsed(previous: str, current: str, expected: str) -> None:
    assert elapsed(parse_date(previous), parse_date(current)) == expected


def test_elapsed_without_previous_is_empty() -> None:
    assert elapsed(None, parse_date("2003")) == ""


@pytest.mark.parametrize(
    ("typed", "since", "until", "expected"),
    [
        ("2003-06-17", "2003", "2003", True),
        ("2003-06-17", "2003-06-18", None, False),
        ("2003-06-17", None, "2003-06-16", False),
        ("2003-06-17", "2003-06-17", "2003-06-17", True),
        ("2003", "2003-12-31", None, True),
        ("2003", "2004", None, False),
        ("between 2003 and 2010", "2009", "2012", True),
        ("before 2000", "1990", None, True),
        ("before 2000", "2001", None, False),
        ("after 2020", None, "2021", True),
        ("after 2020", None, "2019", False),
        ("2003-07-03/..", "2030", None, True),
        ("unknown", "2003", None, False),
        ("unknown", None, None, True),
        ("2003", None, None, True),
        ("2003", "before 2001", "after 2005", True),
    ],
)
def test_overlaps_a_since_until_window(
    typed: str, since: str | None, until: str | None, expected: bool
) -> None:
    window = (parse_date(since) if since else None, parse_date(until) if until else None)
    assert overlaps(parse_date(typed), *window) is expected


def _no_edtf_after(code: str) -> bool:
    """Run code in a fresh interpreter and say whether edtf stayed unimported."""
    script = f"import sys\n{code}\nprint('edtf' not in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return result.stdout.strip() == "True"


def test_iso_parsing_display_and_stored_values_do_not_import_edtf() -> None:
    assert _no_edtf_after(
        "from casetrack.dates import parse_date, display_date, from_stored, elapsed\n"
        "a = parse_date('2003-06-17')\n"
        "b = parse_date('17 June 2003')\n"
        "parse_date('unknown')\n"
        "c = from_stored('[2003-07-03..2014-09-16]', '2003-07-03', '2014-09-16', 'between')\n"
        "d = from_stored('2003-06-17~/2003-07?', '2003-06-17', '2003-07-31', 'interval', 1, 1)\n"
        "for v in (a, b, c, d):\n"
        "    display_date(v), v.sort_start, v.sort_end\n"
        "elapsed(a, c)"
    )


def test_edtf_forms_do_import_edtf() -> None:
    assert not _no_edtf_after("from casetrack.dates import parse_date\nparse_date('circa 2001')")


# --- properties --------------------------------------------------------------------------

_DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31))
_YEARS = st.integers(min_value=1000, max_value=9998)


@st.composite
def _plain(draw: st.DrawFn, day: date | None = None) -> str:
    """An ISO date at day, month or year precision."""
    value = day if day is not None else draw(_DAYS)
    return value.isoformat()[: draw(st.sampled_from([4, 7, 10]))]


def _qualified(plain: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(plain, st.sampled_from(["", "~", "?", "%"])).map("".join)


_SEASON_CODES = st.builds(lambda y, s: f"{y:04d}-{s}", _YEARS, st.integers(21, 24))
_UNSPECIFIED = st.one_of(
    _DAYS.map(lambda d: d.isoformat()[:7] + "-XX"),
    _YEARS.map(lambda y: f"{y}-XX"),
    _YEARS.map(lambda y: f"{y}-XX-XX"),
    _YEARS.map(lambda y: f"{y}"[:3] + "X"),
    _YEARS.map(lambda y: f"{y}"[:2] + "XX"),
    _YEARS.map(lambda y: f"{y}"[:1] + "XXX"),
)
_ENDPOINT = st.one_of(_qualified(_plain()), _SEASON_CODES)


@st.composite
def _interval(draw: st.DrawFn) -> str:
    first, second = sorted([draw(_DAYS), draw(_DAYS)])
    low = draw(_qualified(_plain(first)))
    high = draw(_qualified(_plain(second)))
    return f"{low}/{high}"


@st.composite
def _one_of_range(draw: st.DrawFn) -> str:
    first, second = sorted([draw(_DAYS), draw(_DAYS)])
    width = draw(st.sampled_from([4, 7, 10]))
    low, high = first.isoformat()[:width], second.isoformat()[:width]
    return draw(st.sampled_from([f"[{low}..{high}]", f"[..{high}]", f"[{low}..]"]))


EDTF_TEXT = st.one_of(
    _qualified(_plain()),
    _qualified(_UNSPECIFIED),
    _SEASON_CODES,
    _interval(),
    _ENDPOINT.map(lambda e: f"{e}/.."),
    _ENDPOINT.map(lambda e: f"../{e}"),
    _one_of_range(),
    st.just("unknown"),
)


def _parsed(text: str) -> DateValue:
    try:
        return parse_date(text)
    except DateError:
        assume(False)  # e.g. a spring that starts after the day the interval ends
        raise


# edtf's parser takes milliseconds per value, so no per-example deadline on these.
@settings(max_examples=examples(400), deadline=None)
@given(EDTF_TEXT)
def test_display_parses_back_to_the_same_span(text: str) -> None:
    value = _parsed(text)
    again = parse_date(display_date(value))
    assert (again.start, again.end) == (value.start, value.end)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet="0123456789X-/~?%.[] ,–cabefjnorstuvwy"),
        EDTF_TEXT.map(lambda t: t[:-1]),
        st.builds(
            "{} {}".format, st.sampled_from(["between", "from", "before", "c.", "17"]), EDTF_TEXT
        ),
    )
)
def test_any_text_parses_or_raises_date_error(text: str) -> None:
    try:
        value = parse_date(text)
    except DateError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(value, DateValue)
    assert value.start is None or value.end is None or value.start <= value.end


def timeline_order(values: list[DateValue]) -> list[int]:
    """Positions in timeline order: the reference rule (order_key), then entry order."""
    return sorted(range(len(values)), key=lambda i: (order_key(values[i]), i))


# Dates within a few months of each other, so that they share days, overlap and tie.
_NEAR_DAYS = st.dates(min_value=date(2002, 12, 1), max_value=date(2004, 2, 29))


@st.composite
def _near_text(draw: st.DrawFn) -> str:
    """Any form casetrack stores, on days close together."""
    first, second = sorted([draw(_NEAR_DAYS), draw(_NEAR_DAYS)])
    width = draw(st.sampled_from([4, 7, 10]))
    low, high = first.isoformat()[:width], second.isoformat()[:width]
    shapes = ["{low}", "{low}/{high}", "[{low}..{high}]", "[..{high}]", "[{low}..]",
              "{low}/..", "../{high}", "unknown"]  # fmt: skip
    return draw(st.sampled_from(shapes)).format(low=low, high=high)


NEAR_TEXT = _near_text()


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2003-07-03", "between 3 Jul 2003 and 16 Sep 2014"),
        ("2003-06-17", "between 2003 and 2014"),
        ("2003-12-31", "between 2003 and 2014"),
        ("between 2003 and 2014", "2004"),
        ("2003-07-03", "after 3 Jul 2003"),
        ("between 3 Jul 2003 and 16 Sep 2014", "after 3 Jul 2003"),
        ("2003", "2003-06"),
        ("2003-06", "2003-06-17"),
        ("2003-06-17/2003-07-03", "2003-06-17"),
        ("2014-09-15", "before 16 Sep 2014"),
        ("before 16 Sep 2014", "2014-09-16"),
        ("before 2014", "2014"),
        ("until 2000", "before 1 Mar 1990"),
        ("2003", "unknown"),
        ("after 2003", "unknown"),
    ],
)
def test_timeline_places(earlier: str, later: str) -> None:
    """A day known only to be on or after A follows the facts dated A; one on or before B
    precedes those dated B; open-started intervals lead, unknown dates close."""
    first, second = parse_date(earlier), parse_date(later)
    assert order_key(first) < order_key(second)
    assert first.sort_key < second.sort_key


@settings(deadline=None)
@given(NEAR_TEXT, NEAR_TEXT)
def test_a_date_wholly_before_another_sorts_before_it(a: str, b: str) -> None:
    x, y = _parsed(a), _parsed(b)
    if wholly_before(x, y):
        assert order_key(x) < order_key(y)
    if x.end is not None and y.start is not None:
        assert wholly_before(x, y) == (x.end < y.start)


@settings(deadline=None)
@given(NEAR_TEXT, NEAR_TEXT)
def test_the_stored_sort_key_sorts_as_the_rule(a: str, b: str) -> None:
    """sort_key is order_key as text: SQL comparing the texts orders as the rule does."""
    x, y = order_key(_parsed(a)), order_key(_parsed(b))
    ordered = (x > y) - (x < y)
    text_x, text_y = _parsed(a).sort_key, _parsed(b).sort_key
    assert (text_x > text_y) - (text_x < text_y) == ordered


@settings(deadline=None)
@given(st.lists(NEAR_TEXT, max_size=12), st.randoms(use_true_random=False))
def test_timeline_order_is_total_consistent_and_stable(texts: list[str], rng: Random) -> None:
    values = [_parsed(text) for text in texts]
    order = timeline_order(values)
    assert sorted(order) == list(range(len(values)))
    for i, j in itertools.combinations(order, 2):
        assert not wholly_before(values[j], values[i])
    # Stable: ties keep entry order, and taking some away leaves the others' order alone.
    for a, b in itertools.pairwise(order):
        if order_key(values[a]) == order_key(values[b]):
            assert a < b
    kept = sorted(rng.sample(range(len(values)), len(values) // 2))
    assert [kept[i] for i in timeline_order([values[i] for i in kept])] == [
        i for i in order if i in kept
    ]


@settings(deadline=None)
@given(st.one_of(_ENDPOINT, _UNSPECIFIED))
def test_bounds_of_a_set_are_read_as_edtf_reads_them(token: str) -> None:
    """order_key reads a set's bound (A of between A and B) without edtf, the same way."""
    value = _parsed(token)
    assert _bound_span(value.text) == (value.start, value.end)


@given(_DAYS)
def test_a_year_sorts_before_its_months_and_days(day: date) -> None:
    texts = [day.isoformat(), day.isoformat()[:7], day.isoformat()[:4], "unknown"]
    values = [parse_date(text) for text in texts]
    ordered = [texts[i] for i in timeline_order(values)]
    assert ordered == [day.isoformat()[:4], day.isoformat()[:7], day.isoformat(), "unknown"]


def _an_order_the_dates_allow(values: list[DateValue], data: st.DataObject) -> list[int]:
    """Positions sorted by a day drawn from each date's span: never one after a wholly later."""
    lowest, highest = date(2002, 11, 1).toordinal(), date(2004, 3, 31).toordinal()
    days = [
        data.draw(st.integers(v.start.toordinal() if v.start else lowest,
                              v.end.toordinal() if v.end else highest))
        for v in values
    ]  # fmt: skip
    ties = data.draw(st.permutations(range(len(values))))
    return sorted(range(len(values)), key=lambda i: (days[i], ties[i]))


@settings(deadline=None)
@given(st.lists(NEAR_TEXT, min_size=1, max_size=10), st.data())
def test_keys_for_an_order_follow_it_and_fit_each_date(
    texts: list[str], data: st.DataObject
) -> None:
    """Whatever order the dates allow, move can store it, again and again: keys rise along it
    and each is on a day its date may mean; keys that already fit are kept."""
    values = [_parsed(text) for text in texts]
    keys = [value.sort_key for value in values]
    for _ in range(2):
        order = _an_order_the_dates_allow(values, data)
        assert not any(wholly_before(values[j], values[i])
                       for i, j in itertools.combinations(order, 2))  # fmt: skip
        current = [keys[i] for i in order]
        placed = keys_for_order([(values[i], keys[i]) for i in order])
        assert placed == sorted(placed)
        assert all(key_fits(values[i], key) for i, key in zip(order, placed, strict=True))
        if current == sorted(current):
            assert placed == current
        for i, key in zip(order, placed, strict=True):
            keys[i] = key


_TYPED_DAY = (
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.day}-{MONTHS[d.month - 1]}-{d.year}",
    lambda d: f"{d.day} {d.strftime('%B')}, {d.year}",
    lambda d: f"{d.isoformat()}T09:30:00Z",
    lambda d: f"{d.isoformat()} 23:59:59+02:00",
)
_TYPED_PART = {
    "summer of {}": "{}-22",
    "Winter of {}": "{}-24",
    "end of {}": "[{0}-09..{0}-12]",
    "the end of {}": "[{0}-09..{0}-12]",
    "beginning of {}": "[{0}-01..{0}-04]",
    "start of {}": "[{0}-01..{0}-04]",
    "early {}": "[{0}-01..{0}-04]",
    "late {}": "[{0}-09..{0}-12]",
}


@settings(max_examples=examples(200), deadline=None)
@given(_DAYS, st.sampled_from(_TYPED_DAY))
def test_a_day_as_people_type_it_is_that_day_and_displays_back(
    day: date, typed: Callable[[date], str]
) -> None:
    """Year first with slashes or dots, hyphens around the month, a comma before the year,
    an ISO date and time (the day as written kept, the time named as dropped)."""
    text = typed(day)
    value = parse_date(text)
    assert (value.text, value.start, value.end) == (day.isoformat(), day, day)
    assert bool(value.dropped) == (":" in text)
    assert parse_date(display_date(value)) == value


@settings(max_examples=examples(100), deadline=None)
@given(_YEARS, st.sampled_from(sorted(_TYPED_PART)))
def test_a_part_of_a_year_is_a_season_or_a_third_and_displays_back(year: int, typed: str) -> None:
    value = parse_date(typed.format(year))
    assert value.text == _TYPED_PART[typed].format(year)
    assert parse_date(display_date(value)) == value


def test_the_day_of_a_month_as_a_letter_says_it(cli: Cli) -> None:
    """'the 3rd of March 2021' is how a letter or a witness statement writes a date."""
    cli("case", "add", "c", "--title", "C")
    for typed in ("the 3rd of March 2021", "3rd of March, 2021", "2nd of Feb. 2021"):
        cli("add", "c", typed, typed)
    assert [d for (d,) in cli.query("SELECT date FROM milestones ORDER BY id")] == [
        "2021-03-03",
        "2021-03-03",
        "2021-02-02",
    ]
    assert "'of' is not a month" not in cli("add", "c", "3rd of Marhc 2021", "x", code=1).stderr


def test_typed_dates_through_the_cli_and_ambiguous_ones_still_refused(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    for typed in ("2003/06/17", "17-Jun-2003", "17 June, 2003", "summer of 2003", "end of 2003"):
        cli("add", "c", typed, typed)
    timed = cli("add", "c", "2003-06-17T09:30:00Z", "timed")
    assert "note: the time 09:30:00Z is not kept" in timed.stderr and "17 Jun 2003" in timed.stderr
    assert cli.query("SELECT title, date FROM milestones ORDER BY id") == [
        ("2003/06/17", "2003-06-17"), ("17-Jun-2003", "2003-06-17"),
        ("17 June, 2003", "2003-06-17"), ("summer of 2003", "2003-22"),
        ("end of 2003", "[2003-09..2003-12]"), ("timed", "2003-06-17"),
    ]  # fmt: skip
    refused = cli("add", "c", "06/07/2003", "x", code=1)
    assert refused.stderr == (
        "casetrack: the date '06/07/2003' is ambiguous: write 2003-07-06 (6 Jul) or 2003-06-07"
        " (7 Jun)\n"
    )


@pytest.mark.parametrize(
    "typed", ["2020-02-30", "30/02/2020", "02/30/2020", "30.02.2020", "30-02-20"]
)
def test_a_day_past_its_months_end_is_refused_saying_so(cli: Cli, typed: str) -> None:
    """Day/month/year and month/day/year say what the ISO form says, not the list of forms."""
    cli("case", "add", "acme", "--title", "Acme")
    refused = cli("add", "acme", typed, "x", code=1)
    assert refused.stderr == (
        f"casetrack: {typed!r} is not a real date: February 2020 has 29 days\n"
    )
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


@given(
    year=st.integers(1000, 2999), month=st.integers(1, 12), past=st.integers(1, 3),
    sep=st.sampled_from("/.-"), day_first=st.booleans(),
)  # fmt: skip
def test_a_numeric_date_past_its_months_end_is_refused_as_its_iso_form_is(
    year: int, month: int, past: int, sep: str, day_first: bool
) -> None:
    day = calendar.monthrange(year, month)[1] + past
    iso = f"{year}-{month:02d}-{day:02d}"
    first, second = (day, month) if day_first else (month, day)
    numeric = f"{first}{sep}{second}{sep}{year}"
    with pytest.raises(DateError) as iso_error:
        parse_date(iso)
    with pytest.raises(DateError) as numeric_error:
        parse_date(numeric)
    said = str(iso_error.value).partition(": ")[2]
    assert "has" in said
    assert str(numeric_error.value) == f"{numeric!r} is not a real date: {said}"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("from 14/06/2009 to 03/09/2009",
         "the date '14/06/2009' can only be 14 Jun 2009: write it as 2009-06-14"),
        ("between 2009-06-14 and 3/9/2009",
         "the date '3/9/2009' is ambiguous: write 2009-09-03 (3 Sep) or 2009-03-09 (9 Mar)"),
        ("du 30/02/2020 au 2021", "'30/02/2020' is not a real date: February 2020 has 29 days"),
        ("before 14.6.09", "the date '14.6.09' can only be 14 Jun 2009: write it as 2009-06-14"),
    ],
)  # fmt: skip
def test_a_numeric_date_inside_a_range_is_refused_as_it_is_alone(
    cli: Cli, typed: str, said: str
) -> None:
    """Not the list of forms: the numeric part's own refusal, naming the ISO date(s)."""
    cli("case", "add", "acme", "--title", "Acme")
    refused = cli("add", "acme", typed, "x", code=1)
    assert refused.stderr == f"casetrack: in the date {typed!r}, {said}\n"
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("20090614", "the date '20090614' can only be 14 Jun 2009: write it as 2009-06-14"),
        ("20090231", "'20090231' is not a real date: February 2009 has 28 days"),
    ],
)
def test_a_day_in_digits_only_is_refused_naming_its_iso_form(
    cli: Cli, typed: str, said: str
) -> None:
    """ISO 8601's basic form (as in file names) is not guessed at: the refusal writes it out."""
    cli("case", "add", "acme", "--title", "Acme")
    assert cli("add", "acme", typed, "x", code=1).stderr == f"casetrack: {said}\n"
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


def test_a_tilde_before_a_date_is_circa_as_after_it(cli: Cli) -> None:
    """`~2009` is how people write "about 2009"; EDTF writes it after (2009~)."""
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "~2009", "x")
    cli("add", "acme", "~2009-06-14", "y")
    assert cli.query("SELECT date FROM milestones ORDER BY id") == [("2009~",), ("2009-06-14~",)]


def test_no_date_as_a_citation_writes_it_is_an_unknown_date(cli: Cli) -> None:
    cli("case", "add", "acme", "--title", "Acme")
    cli("add", "acme", "n.d.", "Undated letter")
    assert cli.query("SELECT date FROM milestones") == [("unknown",)]
