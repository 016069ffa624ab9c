"""Dates typed in French read as their English spelling is: seasons (été 2005), avant/après,
entre ... et, du ... au, à partir de, jusqu'au, a time of day (à 6h), les années 1990; and
refusals that name the word not read and say what to write instead."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetrack.dates import DateError, display_date, parse_date
from tests.budget import examples
from tests.conftest import Cli

# fmt: off
EN_MONTHS = ["January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin",
             "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
# fmt: on
SEASONS = {
    "spring": ["printemps"],
    "summer": ["été", "ete", "Été"],
    "autumn": ["automne"],
    "winter": ["hiver"],
}  # fmt: skip
FRENCH_WORDS = [("avant", "before"), ("après", "after"), ("apres", "after"),
                ("à partir de", "from"), ("jusqu'en", "until")]  # fmt: skip
DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


def said(day: date, precision: str, french: bool) -> str:
    """A day, its month or its year in words, in English or French."""
    months = FR_MONTHS if french else EN_MONTHS
    month = f"{months[day.month - 1]} {day.year}"
    first = "1er" if french and day.day == 1 else str(day.day)
    return {"day": f"{first} {month}", "month": month, "year": str(day.year)}[precision]


def same(french: str, english: str) -> None:
    """Both spellings give one value, and it parses back from its text and its display."""
    value = parse_date(french)
    assert value == parse_date(english), (french, english)
    assert parse_date(value.text) == value
    assert parse_date(display_date(value)) == value


@settings(max_examples=examples(100), deadline=None)
@given(year=st.integers(1000, 2999), season=st.sampled_from(sorted(SEASONS)), data=st.data())
def test_a_french_season_is_the_english_one(year: int, season: str, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(SEASONS[season]))
    form = data.draw(st.sampled_from(["{s} {y}", "l'{s} {y}", "l\u2019{s} {y}", "{S} {y}"]))
    if word == "printemps" and form.startswith("l"):
        form = "le " + form[2:]
    same(form.format(s=word, S=word.upper(), y=year), f"{season} {year}")


@settings(max_examples=examples(100), deadline=None)
@given(
    day=DAYS,
    precision=st.sampled_from(["day", "month", "year"]),
    words=st.sampled_from(FRENCH_WORDS),
    article=st.booleans(),
)
def test_before_and_after_in_french(
    day: date, precision: str, words: tuple[str, str], article: bool
) -> None:
    french, english = words
    fr = said(day, precision, french=True)
    if article and precision == "day":
        fr = "le " + fr
    same(f"{french} {fr}", f"{english} {said(day, precision, french=False)}")


@settings(max_examples=examples(50), deadline=None)
@given(a=DAYS, b=DAYS, precision=st.sampled_from(["day", "month", "year"]))
def test_between_and_from_to_in_french(a: date, b: date, precision: str) -> None:
    low, high = sorted([a, b])
    fr_low, fr_high = (said(d, precision, french=True) for d in (low, high))
    en_low, en_high = (said(d, precision, french=False) for d in (low, high))
    same(f"entre {fr_low} et {fr_high}", f"between {en_low} and {en_high}")
    if precision == "day":
        same(f"entre le {fr_low} et le {fr_high}", f"between {en_low} and {en_high}")
        same(f"du {fr_low} au {fr_high}", f"from {en_low} to {en_high}")
    else:
        same(f"de {fr_low} à {fr_high}", f"from {en_low} to {en_high}")


@settings(max_examples=examples(100), deadline=None)
@given(day=DAYS, span=st.integers(1, 27))
def test_days_of_one_month_in_french(day: date, span: int) -> None:
    """du 13 au 30 mars 2018, du 3 mars au 5 avril 2005: the first bound takes the rest of
    the second, as in English."""
    first = min(day.day, 28 - span)
    last = first + span
    month, year = FR_MONTHS[day.month - 1], day.year
    english = f"{first} to {last} {EN_MONTHS[day.month - 1]} {year}"
    same(f"du {first} au {last} {month} {year}", english)
    same(f"du {first} {month} au {last} {month} {year}", english)


@settings(max_examples=examples(100), deadline=None)
@given(
    day=DAYS,
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    french=st.sampled_from(["à {h}h", "à {h}h{m:02d}", "à {h} h {m:02d}", "{h}:{m:02d}"]),
    english=st.sampled_from(["at {h}:{m:02d}", ", {h}:{m:02d}", "at {h12}pm", "at {h12} a.m."]),
)
def test_a_time_of_day_is_dropped_in_either_language(
    day: date, hour: int, minute: int, french: str, english: str
) -> None:
    """The day is kept and the time named as dropped, as with an ISO date and time."""
    h12 = hour % 12 or 12
    fr = parse_date(f"{said(day, 'day', True)} " + french.format(h=hour, m=minute))
    en = parse_date(f"{said(day, 'day', False)} " + english.format(h=hour, m=minute, h12=h12))
    assert fr == en == parse_date(day.isoformat())
    assert fr.dropped and en.dropped


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("les années 1990", "1990s"),
        ("années 1870", "1870s"),
        ("vers le 17 juin 2003", "c. 17 June 2003"),
        ("jusqu\u2019au 3 mars 2005", "until 3 March 2005"),
        ("à partir du 3 mars 2005", "from 3 March 2005"),
        ("d'avril à juin 2005", "from April to June 2005"),
    ],
)
def test_other_french_forms(french: str, english: str) -> None:
    same(french, english)


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ("automne",
         "cannot read the date 'automne': a season needs its year, as in 'automne 2003'"),
        ("lundi 17 juin 2003",
         "the date 'lundi 17 juin 2003' does not hold: 17 Jun 2003 is a Tuesday: check the day"
         " and the weekday, or write the day alone"),
        ("Monday, June 17, 2003",
         "the date 'Monday, June 17, 2003' does not hold: 17 Jun 2003 is a Tuesday"),
        ("mardi juin 2003", "cannot read 'mardi' in the date 'mardi juin 2003': write 'juin 2003'"),
        ("depuis le 3 mars 2005",
         "cannot read 'depuis' in the date 'depuis le 3 mars 2005':"
         " write 'à partir du 3 mars 2005'"),
        ("since 2003", "cannot read 'since' in the date 'since 2003': write 'from 2003'"),
        ("en juin 2003", "cannot read 'en' in the date 'en juin 2003': write 'juin 2003'"),
        ("courant 2019", "cannot read 'courant' in the date 'courant 2019': write '2019'"),
        ("during March 2021",
         "cannot read 'during' in the date 'during March 2021': write 'March 2021'"),
        ("juin 2003 à 6h", "cannot read '6h' in the date 'juin 2003 à 6h': a time of day needs"
         " a day, as in '17 June 2003 at 6h' (the time is not kept)"),
        ("entre 2003 et bientôt", "cannot read 'bientôt' in the date 'entre 2003 et bientôt':"
         " write e.g."),
    ],
)  # fmt: skip
def test_refusals_name_the_part_and_what_to_write(typed: str, refusal: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(typed)
    assert str(caught.value).startswith(refusal)


def test_french_dates_through_the_cli(cli: Cli) -> None:
    """The forms of the trial, each stored as its English spelling is."""
    cli("case", "add", "c", "--title", "C")
    typed = {
        "été 2005": "summer 2005",
        "printemps 2005": "spring 2005",
        "automne 2005": "autumn 2005",
        "hiver 2005": "winter 2005",
        "avant 2005": "before 2005",
        "après le 3 mars 2005": "after 3 March 2005",
        "entre 2003 et 2005": "between 2003 and 2005",
        "du 3 mars au 5 avril 2005": "from 3 March to 5 April 2005",
        "du 13 au 30 mars 2018": "13 to 30 March 2018",
        "17 juin 2003 à 6h": "17 June 2003 at 6:00",
        "mardi 17 juin 2003": "Tuesday, June 17, 2003",
        "années 1990": "1990s",
    }
    stored = _stored_alike(cli, typed)
    assert stored["été 2005"] == "2005-22" and stored["avant 2005"] == "[..2005]"
    timed = cli("add", "c", "17 juin 2003 à 18 h 30", "x")
    assert "note: the time 18 h 30 is not kept" in timed.stderr
    assert stored["mardi 17 juin 2003"] == "2003-06-17"
    assert _refused(cli, "lundi 17 juin 2003") == (
        "casetrack: the date 'lundi 17 juin 2003' does not hold: 17 Jun 2003 is a Tuesday:"
        " check the day and the weekday, or write the day alone\n"
    )


def _stored_alike(cli: Cli, typed: dict[str, str]) -> dict[str, str]:
    """Each French date and its English one added to case c (titled as typed) are stored
    alike; every milestone's stored date by its title."""
    for french, english in typed.items():
        cli("add", "c", french, french)
        cli("add", "c", english, english)
    stored = dict(cli.query("SELECT title, date FROM milestones"))
    assert {f: stored[f] for f in typed} == {f: stored[e] for f, e in typed.items()}
    return {str(title): str(day) for title, day in stored.items()}


def _refused(cli: Cli, typed: str) -> str:
    """What `add` says of a date it refuses; it writes nothing."""
    count = cli.query("SELECT count(*) FROM milestones")
    refused = cli("add", "c", typed, "x", code=1)
    assert cli.query("SELECT count(*) FROM milestones") == count
    return refused.stderr


FULL_WIDTH = "\uff12\uff10\uff12\uff11-03-01"  # 2021-03-01 in full-width digits


def test_a_day_or_month_typed_as_a_question_mark_and_a_superscript_ordinal(cli: Cli) -> None:
    """What a researcher types for a day not known (2021-03-?) is EDTF's unspecified day,
    and the 1ᵉʳ a word processor makes of 1er is 1er: both are read, not refused."""
    cli("case", "add", "c", "--title", "C")
    for typed in ("2021-03-?", "2021-03-??", "2021-?", "1ᵉʳ mars 2021", FULL_WIDTH):
        cli("add", "c", typed, typed)
    assert cli.query("SELECT title, date FROM milestones ORDER BY id") == [
        ("2021-03-?", "2021-03-XX"), ("2021-03-??", "2021-03-XX"), ("2021-?", "2021-XX"),
        ("1ᵉʳ mars 2021", "2021-03-01"), (FULL_WIDTH, "2021-03-01"),
    ]  # fmt: skip
    assert "Mar 2021" in cli("show", "1").stdout
    assert cli("add", "c", "2021-03?", "uncertain month").stdout.strip() == "6"
    assert cli.query("SELECT date FROM milestones WHERE id = 6") == [("2021-03?",)]


def test_a_french_quarter_or_half_is_the_english_one(cli: Cli) -> None:
    """Trimestres and semestres, in words or as T1 and S1, are stored as Q1 and H1 are, and
    shown the same way; a quarter past the fourth is still refused, naming nothing stored."""
    cli("case", "add", "c", "--title", "C")
    typed = {
        "1er trimestre 2021": "Q1 2021",
        "premier trimestre 2021": "Q1 2021",
        "le deuxième trimestre 2021": "Q2 2021",
        "2e trimestre 2021": "Q2 2021",
        "3ème trimestre de 2021": "Q3 2021",
        "T4 2021": "Q4 2021",
        "dernier trimestre 2021": "Q4 2021",
        "1er semestre 2021": "H1 2021",
        "second semestre 2021": "H2 2021",
        "S2 2021": "H2 2021",
        "the last quarter of 2021": "Q4 2021",
    }
    assert _stored_alike(cli, typed)["2e trimestre 2021"] == "[2021-04..2021-06]"
    assert "Q2 2021" in cli("show", "7").stdout
    refused = _refused(cli, "5e trimestre 2021")
    assert refused.count("\n") == 1 and "'5e trimestre 2021'" in refused


def test_a_span_without_du_and_a_slash_between_spaces(cli: Cli) -> None:
    """'3 au 5 mars 2021' (du left out) is the span 'du 3 au 5 mars 2021' is, and 'A / B' with
    spaces the EDTF span A/B; numbers and slashes with spaces are the numeric date they are
    without, refused the same way."""
    cli("case", "add", "c", "--title", "C")
    typed = {
        "3 au 5 mars 2021": "3 to 5 March 2021",
        "3 mars au 5 avril 2021": "from 3 March to 5 April 2021",
        "2021-03-03 / 2021-03-05": "2021-03-03/2021-03-05",
        "June 2003 / July 2003": "June 2003 to July 2003",
        "2003 / 06 / 17": "2003-06-17",
    }
    assert _stored_alike(cli, typed)["3 au 5 mars 2021"] == "2021-03-03/2021-03-05"
    assert _refused(cli, "03 / 07 / 2003") == (
        "casetrack: the date '03 / 07 / 2003' is ambiguous: write 2003-07-03 (3 Jul) or"
        " 2003-03-07 (7 Mar)\n"
    )


def test_words_before_a_date_are_named_together_with_the_date_to_write(cli: Cli) -> None:
    """'sometime in 2021' names both words not read and writes '2021'; 'à l'automne 2021' and
    'dans les années 1990' name their first word, as 'en juin 2003' does; nothing is written."""
    cli("case", "add", "c", "--title", "C")
    assert _refused(cli, "sometime in 2021") == (
        "casetrack: cannot read 'sometime in' in the date 'sometime in 2021': write '2021'\n"
    )
    assert _refused(cli, "à l'automne 2021") == (
        "casetrack: cannot read 'à' in the date \"à l'automne 2021\": write \"l'automne 2021\"\n"
    )
    assert "write 'les années 1990'" in _refused(cli, "dans les années 1990")
