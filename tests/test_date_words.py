# ruff: noqa: RUF001  (displayed ranges use an en dash on purpose)
"""Dates typed in words in five languages, early/mid/late in a year, and numeric dates
refused with exactly the ISO dates they can mean. Each accepted form round-trips: it parses
to the date it means, and that date's stored text and display parse back to the same."""

from __future__ import annotations

import contextlib
import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.dates import DateError, DateValue, display_date, order_key, parse_date
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


MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@settings(max_examples=examples(200), deadline=None)
@given(
    day=DAYS,
    third=st.sampled_from(
        ["early", "mid", "late", "beginning", "middle", "end", "début", "mi", "fin"]
    ),
    form=st.sampled_from(
        ["{t} {m} {y}", "{t}-{m} {y}", "the {t} of {m} {y}", "{T} {m} {y}", "{t} de {m} {y}"]
    ),
    lang=st.sampled_from(sorted(MONTHS)),
)
def test_early_mid_late_in_a_month_are_its_thirds_kept_imprecise(
    day: date, third: str, form: str, lang: str
) -> None:
    """'mid-June 2003' is some day of 11-20 June 2003, as 'mid 2003' is some month of May to
    August: a range of days, placed and shown as the thirds of a year are."""
    month = MONTHS[lang][day.month - 1]
    value = parse_date(form.format(t=third, T=third.title(), m=month, y=day.year))
    name = {"beginning": "early", "middle": "mid", "end": "late", "début": "early",
            "mi": "mid", "fin": "late"}.get(third, third)  # fmt: skip
    first, last = MONTH_THIRDS[name]
    assert value.precision == "between"
    assert value.start == date(day.year, day.month, first)
    month_end = parse_date(day.isoformat()[:7]).end
    assert month_end is not None
    assert value.end == (month_end if name == "late" else date(day.year, day.month, last))
    assert display_date(value) == f"{name} {display_date(parse_date(day.isoformat()[:7]))}"
    round_trips(value)


@settings(max_examples=examples(200), deadline=None)
@given(
    a=DAYS,
    b=DAYS,
    form=st.sampled_from(["{a} to {b}", "{a} until {b}", "{a} till {b}"]),
    width=st.sampled_from([4, 7, 10]),
)
def test_a_span_typed_without_from_is_the_same_interval(
    a: date, b: date, form: str, width: int
) -> None:
    low, high = sorted([a, b])
    first, last = low.isoformat()[:width], high.isoformat()[:width]
    value = parse_date(form.format(a=first, b=last))
    assert value == parse_date(f"from {first} to {last}") == parse_date(f"{first}/{last}")
    round_trips(value)
    if width == 4:
        assert parse_date(f"{first}-{last}") == value  # 2003-2004, as with a dash


@settings(max_examples=examples(100), deadline=None)
@given(year=st.integers(1000, 2999), season=st.sampled_from(["spring", "summer", "autumn",
       "fall", "winter"]))  # fmt: skip
def test_the_season_of_a_year_and_tomorrow(year: int, season: str) -> None:
    value = parse_date(f"the {season} of {year}")
    assert value == parse_date(f"{season} {year}")
    round_trips(value)
    today = date(2026, 12, 31)
    assert parse_date("tomorrow", today).start == date(2027, 1, 1)
    for doubtful in (f"{season} {year}?", f"c. {season} {year}", f"circa the {season} of {year}"):
        with pytest.raises(DateError) as caught:
            parse_date(doubtful)
        assert str(caught.value).startswith("a season cannot be marked approximate or uncertain")


def test_dates_people_type_through_the_cli(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    for typed in ("2003-2004", "2003-06-17 to 2003-07-03", "mid-June 2003", "early June 2003",
                  "late June 2003", "the summer of 2003", "tomorrow"):  # fmt: skip
        cli("add", "c", typed, typed)
    stored = dict(cli.query("SELECT title, date FROM milestones"))
    assert stored == {
        "2003-2004": "2003/2004", "2003-06-17 to 2003-07-03": "2003-06-17/2003-07-03",
        "mid-June 2003": "[2003-06-11..2003-06-20]", "early June 2003": "[2003-06-01..2003-06-10]",
        "late June 2003": "[2003-06-21..2003-06-30]", "the summer of 2003": "2003-22",
        "tomorrow": (date.today() + timedelta(days=1)).isoformat(),
    }  # fmt: skip
    shown = [r["date"] for r in json.loads(cli("timeline", "c", "-f", "json").stdout)]
    # The order of the timeline: each on its first day, a day in a span after what begins there.
    assert shown == ["2003/2004", "2003-22", "[2003-06-01..2003-06-10]", "[2003-06-11..2003-06-20]",
                     "2003-06-17/2003-07-03", "[2003-06-21..2003-06-30]",
                     (date.today() + timedelta(days=1)).isoformat()]  # fmt: skip
    table = cli("timeline", "c").stdout
    for said in ("2003 – 2004", "Summer 2003", "early Jun 2003", "mid Jun 2003", "late Jun 2003"):
        assert said in table
    refused = cli("add", "c", "spring 2004?", "x", code=1).stderr
    assert refused == (
        "casetrack: a season cannot be marked approximate or uncertain (EDTF has no such date):"
        " write 'Spring 2004' and say the doubt in a note\n"
    )


def test_day_spans_and_french_words_people_type(cli: Cli) -> None:
    """Days joined by a hyphen before or after their month, a span written month first, and
    the French début / mi- / fin of a month and vers (around) a year; a bound not understood
    is named in the refusal."""
    cli("case", "add", "c", "--title", "C")
    meant = {
        "17-20 June 2003": "2003-06-17/2003-06-20",
        "December 19-22, 1894": "1894-12-19/1894-12-22",
        "June 17 - July 3, 2003": "2003-06-17/2003-07-03",
        "début mars 2010": "[2010-03-01..2010-03-10]",
        "mi-juin 2003": "[2003-06-11..2003-06-20]",
        "fin juin 2003": "[2003-06-21..2003-06-30]",
        "fin 2003": "[2003-09..2003-12]",
        "vers 1999": "1999~",
    }
    for typed in meant:
        cli("add", "c", typed, typed)
    assert dict(cli.query("SELECT title, date FROM milestones")) == meant
    assert parse_date("17-20 June 2003") == parse_date("17–20 June 2003")
    assert parse_date("December 19-22, 1894") == parse_date("19 to 22 December 1894")
    assert parse_date("June 17 - July 3, 2003") == parse_date("17 June - 3 July 2003")
    for typed in meant:
        round_trips(parse_date(typed))
    refused = cli("add", "c", "17 June 2003 to sometime", "x", code=1).stderr
    assert refused.startswith(
        "casetrack: cannot read 'sometime' in the date '17 June 2003 to sometime': write e.g."
    )
    assert (
        "'juen' in the date '17-20 Juen 2003' is not a month (did you mean 'june'?)"
        in cli("add", "c", "17-20 Juen 2003", "x", code=1).stderr
    )
    assert cli.query("SELECT count(*) FROM milestones") == [(len(meant),)]


@pytest.mark.parametrize(
    ("typed", "season", "months"),
    [
        ("late summer 2020", "summer 2020", "between July 2020 and August 2020"),
        ("early spring 2020", "spring 2020", "between March 2020 and April 2020"),
        ("Late Fall 2001", "Fall 2001", "between October 2001 and November 2001"),
        ("mid-summer 2020", "summer 2020", "c. July 2020"),
        ("fin de l'été 2021", "été 2021", "between July 2021 and August 2021"),
        ("late winter 2020", "winter 2020", "between January 2021 and February 2021"),
    ],
)
def test_a_part_of_a_season_is_refused_with_the_season_and_its_months(
    cli: Cli, typed: str, season: str, months: str
) -> None:
    """EDTF has no part of a season: the refusal names the two forms that keep what was
    meant, both of which are then read."""
    cli("case", "add", "c", "--title", "C")
    refused = cli("add", "c", typed, "Furlough refused", code=1)
    assert refused.stderr == (
        f"casetrack: cannot read the date {typed!r}: a part of a season is not kept; write the"
        f" season, {season!r}, or the months you mean, as in {months!r}\n"
    )
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    for suggested in (season, months):
        cli("add", "c", suggested, "Furlough refused")
    assert cli.query("SELECT count(*) FROM milestones") == [(2,)]


@pytest.mark.parametrize(
    "typed",
    ["14 months later", "three weeks later", "a year after", "six months afterwards",
     "about 2 years later", "14 mois plus tard", "deux ans après", "the next day",
     "the following month", "le lendemain", "the day before"],
)  # fmt: skip
def test_a_date_said_from_another_is_refused_asking_for_the_date_it_comes_to(
    cli: Cli, typed: str
) -> None:
    """A source's '14 months later' needs the date it follows, which a milestone's date does
    not name: the refusal says so rather than listing every form."""
    cli("case", "add", "c", "--title", "C")
    refused = cli("add", "c", typed, "Hunger strike", code=1)
    assert refused.stderr == (
        f"casetrack: cannot read the date {typed!r}: a date said from another is not counted;"
        " count it from the date it follows and write the date it comes to (2021-01, c. Jan"
        " 2021, between Dec 2020 and Feb 2021)\n"
    )
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]


@pytest.mark.parametrize(
    ("typed", "stored", "said"),
    [
        ("winter 2020", "2020-24", "Winter 2020-21"),
        ("hiver 2019/2020", "2019-24", "Winter 2019-20"),
        ("Winter 1999-2000", "1999-24", "Winter 1999-2000"),
    ],
)
def test_a_winter_is_said_with_both_its_years(cli: Cli, typed: str, stored: str, said: str) -> None:
    """Winter 2020 runs from December 2020 to February 2021: said 'Winter 2020' a reader may
    place it in January 2020, a year early; with both years it cannot be misread, and what
    is said is read back as the same winter."""
    cli("case", "add", "c", "--title", "C")
    cli("add", "c", typed, "Family visit refused")
    assert cli.query("SELECT date, date_start FROM milestones") == [(stored, f"{stored[:4]}-12-01")]
    assert said in cli("timeline", "c").stdout
    assert json.loads(cli("show", "1", "-f", "json").stdout)["date"] == stored
    cli("add", "c", said, "Family visit refused again")
    assert cli.query("SELECT DISTINCT date FROM milestones") == [(stored,)]


# What people type for a week of a month, a qualifier after the date, and two dates joined by
# "or", and what each is stored as.
WEEKS_AFTERWORDS_EITHERS = {
    "first week of March 2021": "[2021-03-01..2021-03-07]",
    "the second week of March 2021": "[2021-03-08..2021-03-14]",
    "last week of February 2021": "[2021-02-22..2021-02-28]",
    "la première semaine de mars 2021": "[2021-03-01..2021-03-07]",
    "March 2021 (approx.)": "2021-03~",
    "March 2021, approximately": "2021-03~",
    "17 June 2003 (?)": "2003-06-17?",
    "circa March 2021": "2021-03~",
    "mid-2021": "[2021-05..2021-08]",
    "late 2021 or early 2022": "[2021-09..2022-04]",
    "between late 2021 and early 2022": "[2021-09..2022-04]",
    "March or April 2021": "[2021-03..2021-04]",
    "17 or 18 June 2003": "[2003-06-17..2003-06-18]",
    "Q4 2021 or Q1 2022": "[2021-10..2022-03]",
    "the week of May 10, 2021": "[2021-05-10..2021-05-16]",
    "week of 12 May 2021": "[2021-05-10..2021-05-16]",
    "la semaine du 31 mai 2021": "[2021-05-31..2021-06-06]",
    "summer or autumn 2021": "[2021-06..2021-11]",
    "between spring and summer 2021": "[2021-03..2021-08]",
    "May 5 or 6, 2021": "[2021-05-05..2021-05-06]",
    "between May 5 and 9, 2021": "[2021-05-05..2021-05-09]",
    "Monday, May 10, 2021": "2021-05-10",
    "Fri 14 May 2021": "2021-05-14",
    "mardi 11 mai 2021": "2021-05-11",
}


def test_weeks_qualifiers_after_and_either_dates_through_the_cli(cli: Cli) -> None:
    cli("case", "add", "c", "--title", "C")
    for typed in WEEKS_AFTERWORDS_EITHERS:
        cli("add", "c", typed, typed)
    assert dict(cli.query("SELECT title, date FROM milestones")) == WEEKS_AFTERWORDS_EITHERS
    for typed in WEEKS_AFTERWORDS_EITHERS:
        round_trips(parse_date(typed))
    table = cli("timeline", "c").stdout
    for said in ("between 1 and 7 Mar 2021", "c. Mar 2021", "mid 2021",
                 "between Sep 2021 and Apr 2022"):  # fmt: skip
        assert said in table


# Typed dates in the order the timeline must show them: each where it starts, the wider of
# two starting together first, a day known only to lie in a span after what begins there.
IN_TIMELINE_ORDER = [
    "2021",
    "early 2021",
    "March 2021 (approx.)",
    "2021-03-01",
    "first week of March 2021",
    "2021-03-05",
    "second week of March 2021",
    "mid-2021",
    "late 2021",
    "late 2021 or early 2022",
    "2021-12-31",
    "2022",
    "2022-01-15",
    "early 2022",
]


def test_weeks_and_either_dates_take_their_place_among_partial_dates() -> None:
    values = [parse_date(typed) for typed in IN_TIMELINE_ORDER]
    assert sorted(values, key=order_key) == values
    assert [value.sort_key for value in values] == sorted(value.sort_key for value in values)


def test_a_weekday_that_is_not_its_days_is_refused_naming_the_days_weekday(cli: Cli) -> None:
    """A weekday is read with its day only when it is that day's: a slip in either is caught."""
    cli("case", "add", "c", "--title", "C")
    stderr = cli("add", "c", "Tuesday, May 10, 2021", "x", code=1).stderr
    assert stderr == (
        "casetrack: the date 'Tuesday, May 10, 2021' does not hold: 10 May 2021 is a Monday:"
        " check the day and the weekday, or write the day alone\n"
    )
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
    said = cli("add", "c", "Mon 10 May 2021", "Hearing").stdout.strip()
    assert cli.query("SELECT id, date FROM milestones") == [(int(said), "2021-05-10")]


@settings(max_examples=examples(200), deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
def test_a_day_after_its_weekday_reads_as_the_day_and_its_week_holds_it(day: date) -> None:
    written = f"{day:%A}, {day:%B} {day.day}, {day.year}"
    assert parse_date(written) == parse_date(day.isoformat())
    week = parse_date(f"the week of {day.day} {day:%B} {day.year}")
    assert week.start is not None and week.end is not None
    assert week.start <= day <= week.end and (week.end - week.start).days == 6
    assert week.start.weekday() == 0
    other = (day.weekday() + 1) % 7
    with pytest.raises(DateError, match="does not hold"):
        parse_date(f"{date(2024, 1, 1 + other):%A} {day.day} {day:%B} {day.year}")


@settings(max_examples=examples(100), deadline=None)
@given(st.permutations(IN_TIMELINE_ORDER))
def test_the_timeline_orders_them_whatever_order_they_were_added_in(typed: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cli = Cli(Path(folder) / "t.db")
        cli("case", "add", "c", "--title", "C")
        for text in typed:
            cli("add", "c", text, text)
        shown = [r["title"] for r in json.loads(cli("timeline", "c", "-f", "json").stdout)]
    assert shown == IN_TIMELINE_ORDER


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ("March or May 2021", "'Mar 2021' and 'May 2021' do not follow each other: write"
         " 'between Mar 2021 and May 2021' if any day between may be the one"),
        ("2021 or 2020", "put the earlier date first, as in '2020 or 2021'"),
        ("late 2021 to early 2022", "an interval starts and ends on known dates, not some day"
         " of a span: write 'between late 2021 and early 2022' for one day in them, or"
         " 'from 2021-09 to 2022-04' for all the time they span"),
        ("fifth week of March 2021", "write e.g."),
        ("week of May 2021", "write e.g."),
    ],
)  # fmt: skip
def test_what_has_no_honest_value_is_refused_saying_what_to_write(
    cli: Cli, typed: str, refusal: str
) -> None:
    cli("case", "add", "c", "--title", "C")
    stderr = cli("add", "c", typed, "x", code=1).stderr
    assert stderr.startswith(f"casetrack: cannot read the date {typed!r}: {refusal}")
    assert stderr.count("\n") == 1
    assert cli.query("SELECT count(*) FROM milestones") == [(0,)]
