"""Fuzzing the date parser: any text gives a consistent DateValue or a DateError, nothing else."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casetrack.dates import DateError, DateValue, parse_date
from tests.budget import examples
from tests.test_dates import through_store

EXAMPLES = examples(2000)

# Text that looks like a date often enough to reach the parser's deeper branches.
date_like = st.from_regex(r"\A[ ~?%]?-?\d{1,5}(-\d{1,2}(-\d{1,2})?)?[~?%]?(/[\d.-]*)?\Z")


def check_consistent(value: DateValue, text: str) -> None:
    assert value.text == value.text.strip() and value.text
    if value.start is not None and value.end is not None:
        assert value.start <= value.end
    assert value.sort_start <= value.sort_end or value.precision == "unknown"
    again = parse_date(value.text)
    assert again == value, f"{text!r} -> {value.text!r} does not parse back the same"
    assert through_store(value) == value


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.text(), date_like))
@example("\x00")
@example("2003-02-29")
@example("0000")
@example("9999-12-31")
@example("2003-06-17\n")
def test_any_text_parses_consistently_or_is_refused(text: str) -> None:
    try:
        value = parse_date(text)
    except DateError as err:
        assert "\n" not in str(err).replace(repr(text), "")
        return
    check_consistent(value, text)


@settings(max_examples=EXAMPLES)
@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_every_real_date_is_read_with_its_span(day: date, precision: str) -> None:
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[
        precision
    ]
    value = parse_date(text)
    assert value.precision == precision
    assert value.start is not None and value.end is not None
    assert value.start <= day <= value.end
    if precision == "month":
        assert (value.start.day, value.end.day) == (1, calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        assert (value.start, value.end) == (date(day.year, 1, 1), date(day.year, 12, 31))
    check_consistent(value, text)
