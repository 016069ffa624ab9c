"""Dates typed in words in five languages, early/mid/late in a year, and numeric dates
refused with exactly the ISO dates they can mean. Each accepted form round-trips: it parses
to the date it means, and that date's stored text and display parse back to the same."""

from __future__ import annotations

import contextlib
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.dates import DateError, DateValue, display_date, parse_date
from tests.budget import examples
from tests.conftest import Cli

# fmt: off
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin",
           "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio",
           "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni",
           "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
           "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
}
# Abbreviations as newspapers and court papers print them.
SHORT = {
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin",
           "juill.", "août", "sept.", "oct.", "nov.", "déc."],
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni",
           "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
}
# fmt: on
DAY_FORMS = {
    "en": ["{d} {m} {y}", "{m} {d}, {y}"],
    "fr": ["{d} {m} {y}"],
    "es": ["{d} de {m} de {y}", "{d} {m} {y}"],
    "de": ["{d}. {m} {y}"],
    "it": ["{d} {m} {y}"],
}
MONTH_FORMS = {
    "en": "{m} {y}",
    "fr": "{m} {y}",
    "es": "{m} de {y}",
    "de": "{m} {y}",
    "it": "{m} {y}",
}
DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))
CASES = st.sampled_from([str, str.lower, str.upper, str.title])


def round_trips(value: DateValue) -> None:
    """The stored text and the display both parse back to the very same value."""
    assert parse_date(value.text) == value
    assert parse_date(display_date(value)) == value


@settings(max_examples=examples(300), deadline=None)
@given(day=DAYS, lang=st.sampled_from(sorted(MONTHS)), case=CASES, data=st.data())
def test_a_day_in_words_means_that_day(
    day: date, lang: str, case: object, data: st.DataObject
) -> None:
    names = [MONTHS[lang], *([SHORT[lang]] if lang in SHORT else [])]
    month = data.draw(st.sampled_from(names))[day.month - 1]
    form = data.draw(st.sampled_from(DAY_FORMS[lang]))
    ordinal = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    typed = form.format(d=ordinal, m=case(month), y=day.year)  # type: ignore[operator]
    value = parse_date(typed)
    assert (value.text, value.start, value.end) == (day.isoformat(), day, day), typed
    round_trips(value)


@settings(max_examples=examples(200), deadline=None)
@given(day=DAYS, lang=st.sampled_from(sorted(MONTHS)), case=CASES)
def test_a_month_in_words_means_that_month(day: date, lang: str, case: object) -> None:
    typed = MONTH_FORMS[lang].format(m=case(MONTHS[lang][day.month - 1]), y=day.year)  # type: ignore[operator]
    value = parse_date(typed)
    assert value.text == day.isoformat()[:7] and value.precision == "month", typed
    round_trips(value)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("17 juin 2003", "2003-06-17"),
        ("3 juill. 2003", "2003-07-03"),
        ("17. Juni 2003", "2003-06-17"),
        ("17 giugno 2003", "2003-06-17"),
        ("17 de junio de 2003", "2003-06-17"),
        ("1er août 2003", "2003-08-01"),
        ("3 MÄRZ 2003", "2003-03-03"),
        ("between 17 juin and 3 juillet 2003", "[2003-06-17..2003-07-03]"),
    ],
)
def test_the_examples_of_the_issue(typed: str, meant: str) -> None:
    assert parse_date(typed).text == meant


THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


@settings(max_examples=examples(100), deadline=None)
@given(
    year=st.integers(1000, 2999),
    third=st.sampled_from(sorted(THIRDS)),
    form=st.sampled_from(["{t} {y}", "{t}-{y}", "{T} {y}"]),
)
def test_early_mid_late_are_thirds_of_the_year_kept_imprecise(
    year: int, third: str, form: str
) -> None:
    value = parse_date(form.format(t=third, T=third.title(), y=year))
    first, last = THIRDS[third]
    assert value.text == f"[{year}-{first:02d}..{year}-{last:02d}]"
    assert value.precision == "between"  # some day in that span, not a four-month duration
    assert value.start == date(year, first, 1)
    assert value.end == parse_date(f"{year}-{last:02d}").end
    assert display_date(value) == f"{third} {year}"
    round_trips(value)
    assert parse_date(f"middle of {year}") == parse_date(f"mid {year}")


@settings(max_examples=examples(300), deadline=None)
@given(
    a=st.integers(1, 31),
    b=st.integers(1, 31),
    year=st.integers(1000, 2999),
    sep=st.sampled_from("/.-"),
)
def test_numeric_dates_suggest_exactly_their_real_readings(
    a: int, b: int, year: int, sep: str
) -> None:
    typed = f"{a:02d}{sep}{b:02d}{sep}{year}"
    readings = []
    for day, month in ((a, b), (b, a)):
        with contextlib.suppress(ValueError):
            readings.append(date(year, month, day).isoformat())
    with pytest.raises(DateError) as caught:
        parse_date(typed)
    message = str(caught.value)
    assert "\n" not in message
    suggested = re.findall(r"\d{4}-\d{2}-\d{2}", message.partition("write e.g.")[0])
    assert set(suggested) == set(readings)
    if len(set(readings)) == 1:
        assert f"write it as {readings[0]}" in message and len(message) < 90
    elif readings:
        assert "ambiguous" in message and len(message) < 100
    else:
        assert "not a real date" in message


def test_a_mistyped_month_gets_the_closest_name(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    result = cli("add", "c", "17 Juen 2003", "x", code=1)
    assert result.stderr == (
        "casetrack: 'juen' in the date '17 Juen 2003' is not a month (did you mean 'june'?)\n"
    )
    refused = cli("add", "c", "06/17/2003", "x", code=1).stderr
    assert refused == (
        "casetrack: the date '06/17/2003' can only be 17 Jun 2003: write it as 2003-06-17\n"
    )
    cli("add", "c", "17 de junio de 2003", "Raid")
    cli("add", "c", "early 2004", "Later")
    table = cli("timeline", "c").stdout
    assert "17 Jun 2003" in table and "early 2004" in table
    assert cli.query("SELECT date, date_start, date_end FROM milestones ORDER BY id") == [
        ("2003-06-17", "2003-06-17", "2003-06-17"),
        ("[2004-01..2004-04]", "2004-01-01", "2004-04-30"),
    ]
