"""Milestone dates kept at the precision the source gives.

A date is stored as EDTF text (the Library of Congress Extended Date/Time Format, levels 0
and 1 plus level-2 "one of a range") together with its earliest and latest possible day, so
"2003" stays "some day in 2003" and still sorts correctly. Friendly forms people type
("17 June 2003", "circa 2001", "between A and B") are turned into EDTF before storing.

Plain ISO dates take a fast regular-expression path; the `edtf` package (slow to import)
is loaded only to check and bound real EDTF, and never to read or display stored values.

Precision values: day, month, year, season, decade, century, millennium (a whole date),
interval (from A to B, either end may be open), between (some day from A to B), before,
after (some day up to / from A), unknown.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from casetrack.errors import CasetrackError

# Examples for error messages, short enough to keep each on one line (README: Dates has all).
ACCEPTED_FORMS = (
    "2003-06-17, 2003-06, 2003, 17 June 2003, June 2003, c. 2001, early 2003, 1990s, "
    "between A and B, before A, unknown"
)

# Sort keys for milestones without a bound: open starts first, unknown dates last.
OPEN_START = "0000-00-00"
OPEN_END = "9999-99-99"
# Places on one day of the timeline (order_key): facts known to be on or before that day, then
# the dates that begin on it (widest first), then facts known to be on or after it; `move`
# may put a milestone last of all on a day its date allows (PLACED_LAST).
BEFORE, BEGINS, AFTER, PLACED_LAST = 0, 1, 2, 9
# Day numbers (date.toordinal) for an open start and for an open end or an unknown date.
_NO_START, _NO_END = 0, date.max.toordinal() + 1
_DESCENDING = str.maketrans("0123456789", "9876543210")

# Patterns only parsing uses stay text: re compiles (and caches) each one the first time it
# is used, so commands that only print dates never pay for compiling them.
_ISO = r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?"
# Characters of the EDTF forms casetrack accepts; anything else is not sent to edtf.
_EDTF_CHARS = r"(?!~)[0-9X~?%./\[\]-]+"  # not ~2009: that is circa 2009, as typed
# One EDTF date (a bound of an interval or set), as stored.
_TOKEN = re.compile(
    r"(?P<year>\d{4}|\d{3}X|\d{2}XX|\dXXX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
    r"(?P<qualifier>[~?%]?)"
)

_PLAIN_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# How every date said to people names a month (17 Jun 2003; a deadline's working too).
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Month names people type, in English, French, Spanish, German and Italian, full and short,
# compared without accents or case (août = aout, März = marz). Extraction reads a narrower
# table of its own (casetrack.extract.dates._MONTH_FORMS says why).
_MONTH_WORDS = (
    "january jan janvier janv enero ene januar janner gennaio gen",
    "february feb fevrier fevr fev febrero februar febbraio",
    "march mar mars marzo marz maerz",
    "april apr avril avr abril abr aprile",
    "may mai mayo maggio mag",
    "june jun juin junio juni giugno giu",
    "july jul juillet juil juill julio juli luglio lug",
    "august aug aout agosto ago",
    "september sep sept septembre septiembre setiembre settembre set sett",
    "october oct octobre octubre oktober okt ottobre ott",
    "november nov novembre noviembre",
    "december dec decembre diciembre dic dezember dez dicembre",
)
_MONTH_NUMBERS = {word: n for n, words in enumerate(_MONTH_WORDS, 1) for word in words.split()}
_MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
# French too: printemps, été, automne, hiver 2005 are spring ... winter 2005.
_SEASON_CODES = {name.lower(): code for code, name in _SEASONS.items()} | {
    "fall": 23, "printemps": 21, "été": 22, "ete": 22, "automne": 23, "hiver": 24,
}  # fmt: skip
_SEASON_MONTHS = {str(code) for code in _SEASONS}  # EDTF writes spring 2001 as 2001-21
_WINTER = 24

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"  # 17th, 1er (French), 17. (German)
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_FRIENDLY = (
    rf"{_DAY} (?:of )?{_MONTH},? {_YEAR}",  # the 3rd of March 2021 too
    rf"{_MONTH} {_DAY},? {_YEAR}",
    rf"{_MONTH},? {_YEAR}",
)
_SEASON = rf"(?P<season>[^\W\d_]+),? (?:of )?{_YEAR}"
# A winter named by both its years (winter 2020-21, winter 2020/2021): the winter of the first.
_WINTER_ACROSS = (
    rf"(?P<season>[^\W\d_]+),? (?:of )?{_YEAR}\s*[-/\u2013]\s*(?P<then>\d{{2}}|\d{{4}})"
)
# The 1990s; in French les années 1990, always a decade (les années 2000 are 2000-2009).
_DECADE = r"(?P<year>\d{3}0)'?s"
_DECADE_FR = r"(?:les )?ann[ée]es (?P<year>\d{3}0)"
# "The" before a date (the summer of 2003), and French le, l' (le 3 mars 2005, l'été 2005).
_ARTICLE = r"(?:the|le) |l'"
# "On or about", as US pleadings date nearly every allegation, is about.
_APPROXIMATE = (
    r"(?:on or about|circa|approximately|approx\.?|about|around|ca\.?|c\.|~)\s*|c\s+"
    r"|(?:vers|environ) "
)
_DASH = "\u2013"  # en dash, as in 17 Jun \u2013 3 Jul 2003
# Each English form with its French one beside it: entre A et B, du A au B (or A au B), de A à
# B, avant A, après A, à partir de A, jusqu'au B (apostrophes are typed straight or curly, ' or
# \u2019). A / B with spaces around the slash is the EDTF span A/B.
_RANGES = (
    (r"between (.+?) and (.+)", "[{}..{}]"),
    (r"entre (.+?) et (.+)", "[{}..{}]"),
    (r"from (.+?) (?:to|until|till) (.+)", "{}/{}"),
    (r"(?:du |de |d')(.+?) (?:au|à|a|jusqu'(?:au|à|a|en)) (.+)", "{}/{}"),
    (r"(.+?) (?:to|until|till|au) (.+)", "{}/{}"),
    (r"(.+?)\s*[\u2013\u2014]\s*(.+)|(.+?) - (.+)|(.+?) / (.+)", "{}/{}"),
)
_OPEN_RANGES = (
    (r"from (.+)", "{}/.."),
    (r"(?:à|a) partir (?:du |de |d')(.+)", "{}/.."),
    (r"(?:until|till) (.+)", "../{}"),
    (r"jusqu'(?:au|à|a|en) (.+)", "../{}"),
    # before A is EDTF's on or before A, after A on or after A; pleadings and contracts
    # say it in full (on or before, no later than).
    (r"(?:on or before|no later than|not later than) (.+)", "[..{}]"),
    (r"(?:on or after|no earlier than|not earlier than) (.+)", "[{}..]"),
    (r"before (.+)", "[..{}]"),
    (r"avant (.+)", "[..{}]"),
    (r"after (.+)", "[{}..]"),
    (r"apr[èe]s (.+)", "[{}..]"),
)
_NO_YEAR = rf"(?:{_DAY} )?{_MONTH}"
# Spanish joins day, month and year with "de": 17 de junio de 2003; forms and registers
# join them with hyphens: 17-Jun-2003.
_JOINING_DE = (
    r"(?<=[^\W\d_]) de (?=\d)|(?<=\d) de (?=[^\W\d_])"
    r"|(?<=[\w.])-(?=[^\W\d_])|(?<=[^\W\d_.]|\.)-(?=\d)"
)
# Year first with slashes or dots (2003/06/17): no reading but year, month, day.
_YEAR_FIRST = r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})"
# An ISO date and time (2003-06-17T09:30:00Z): the day as written is kept, the time dropped.
_DATETIME = (
    r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)"
)

# A friendly day with a time of day (17 June 2003 at 9:30, 17 juin 2003 à 6h): the day is
# kept and the time dropped, as with an ISO date and time.
# A time zone after it (2:30 PM EST, 9:30 CET, 14:00 UTC+1) is dropped with the time.
_TIME_OF_DAY = (
    r"(?P<day>.+?),?\s+(?:(?:at|à|a)\s+)?(?P<time>(?:\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?"
    r"|\d{1,2}\s*[ap]\.?m\.?|\d{1,2}\s*h(?:\s*\d{2})?)"
    r"(?:\s*(?:[a-z]{1,4}t|utc|gmt|z)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)"
)
# Words before a date that casetrack does not read, and what to write instead (a refusal
# suggests it): a weekday (the date alone says it), in/en/on, since/depuis (from).
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")  # fmt: skip
# A weekday written before its day (Monday, May 10, 2021; Mon 10 May 2021, as listings say it;
# lundi 10 mai 2021) is read when it is that day's: a notice copied as written; another
# weekday is refused, as a slip in the day or the weekday. French abbreviations are left out
# (mar. is also March).
_WEEKDAY_NUMBERS = {name: number % 7 for number, name in enumerate(_WEEKDAYS)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
_WEEKDAY_SAID = r"(?P<weekday>[^\W\d_]+)\.?,?\s+(?P<date>.+)"
# The week of a day (the week of May 10, 2021; la semaine du 10 mai 2021): some day of the
# Monday-to-Sunday week that holds it, stored as a range of days as a week of a month is.
_WEEK_OF = r"(?:the |la )?(?:week|semaine) (?:of|du|de) (?P<date>.+)"
_INSTEAD = dict.fromkeys(
    (*_WEEKDAYS, "in", "en", "on", "au", "during", "courant", "sometime", "à", "dans"), ""
) | {
    "since": "from ",
    "depuis": "à partir de ",
}
# Early, mid and late in a year are its thirds: some month of January-April, May-August or
# September-December, stored as EDTF's one-of-a-set range [2003-01..2003-04]; the beginning
# (start) and the end of a year are its early and late thirds.
_THIRDS = {"early": ("01", "04"), "mid": ("05", "08"), "late": ("09", "12")}
# French too: début, mi- (milieu) and fin (de) juin 2003.
_THIRD_NAMES = {
    "middle": "mid",
    "beginning": "early",
    "start": "early",
    "end": "late",
    "debut": "early",
    "début": "early",
    "mi": "mid",
    "milieu": "mid",
    "fin": "late",
}
_THIRD_WORDS = ("early", "mid", "middle", "late", "beginning", "start", "end", "debut", "début",
                "milieu", "mi", "fin")  # fmt: skip
_OF = r"(?:[ -]|-? ?(?:of|de|d') ?)"
_THIRD = rf"(?:the )?(?P<third>{'|'.join(_THIRD_WORDS)}){_OF}?(?P<year>\d{{4}})"
# Early, mid and late in a month are its thirds too: some day of the 1st-10th, 11th-20th or
# 21st-last, stored as a range of days ([2003-06-01..2003-06-10] is early June 2003).
_MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_MONTH_THIRD = (  # its month and year joined by a hyphen too, as 17-Jun-2003 is: mid-Apr-2021
    rf"(?:the )?(?P<third>{'|'.join(_THIRD_WORDS)}){_OF}?{_MONTH}(?:,? |-)(?P<year>\d{{4}})"
)
# A week of a month (the first week of March 2021, la première semaine de mars 2021): some
# day of its 1st-7th, 8th-14th, 15th-21st or 22nd-28th, or of its last seven days, stored as a
# range of days as the thirds of a month are.
_WEEK = (
    rf"(?:the |la )?(?P<ordinal>[^\W_]+) (?:week|semaine) (?:of |in |de |d')?{_MONTH},?"
    r" (?P<year>\d{4})"
)
# Two dates joined by "or" (late 2021 or early 2022, March or April 2021): some day of the
# two, stored as the one-of-a-set range from the first's start to the second's end; they must
# touch, or the range would claim the time between them ("on or about" is no such pair).
_EITHER = r"(?!on or )(?:either )?(.+?) (?:or|ou) (.+)"
# A qualifier written after the date (March 2021 (approx.), 2003-06-17 (?)), read as one
# written before it (c. March 2021, 2003-06-17?).
_AFTER = (
    r"(?P<date>.*?[^\s,]),?\s*(?:\((?P<about>approx\.?|approximately|circa|ca\.?|c\.|about"
    r"|environ)\)|(?P<word>approx\.?|approximately|circa|environ)|\((?P<mark>\?)\))"
)
# Early, mid and late in a decade are its years 0-3, 4-6 and 7-9 (the early 1990s are some
# year of 1990-1993, stored as [1990..1993]); the 1900s and 2000s are refused, as they may be
# a decade or a century.
_DECADE_THIRDS = {"early": ("0", "3"), "mid": ("4", "6"), "late": ("7", "9")}
_DECADE_THIRD = (
    rf"(?:the )?(?P<third>{'|'.join(_THIRD_WORDS)}){_OF}?(?:the )?(?P<decade>\d{{3}})0'?s"
)
# Years joined by a hyphen (2003-2004): a span of years, as with a dash.
_YEAR_SPAN = r"(\d{4})-(\d{4})"
# Days joined by a hyphen or dash before or after their month: 17-20 June 2003, December
# 19-22, 1894 (the days 17 to 20 June 2003).
_DAY_SPANS = (
    r"(?P<low>\d{1,2})\s*[-\u2013\u2014]\s*(?P<high>\d{1,2})(?:st|nd|rd|th|er)? (?P<rest>\D.*)",
    r"(?P<month>[^\W\d_]+\.?) (?P<low>\d{1,2})\s*[-\u2013\u2014]\s*(?P<high>\d{1,2}),?"
    r" (?P<year>\d{4})",
)
# Numbers in a numeric date a/b/yyyy; refused, with the ISO date(s) it may mean.
_NUMERIC = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})"
# A numeric month and year (3/2021): refused, naming the ISO month (2021-03) it can only be.
_NUMERIC_MONTH = r"(\d{1,2})[/.-](\d{4})"
# A day as ISO 8601's basic form writes it, digits only (20090614, as in file names): refused,
# naming the ISO date it can only be.
_COMPACT_DAY = r"(\d{4})(\d\d)(\d\d)"
# A quarter (Q2 2021, 2Q 2021, 2021 Q2, the second quarter of 2021) or a half (H1 2021, the
# first half of 2021) of a year: some day in its months, as early 2003 is one in its third.
# French too: T2 2021, le 2e trimestre 2021; S1 2021, le premier semestre 2021. The last
# (dernier) is the fourth quarter or the second half.
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4,
             "1er": 1, "1re": 1, "premier": 1, "première": 1, "premiere": 1, "2e": 2,
             "2ème": 2, "2eme": 2, "deuxième": 2, "deuxieme": 2, "seconde": 2, "3e": 3,
             "3ème": 3, "3eme": 3, "troisième": 3, "troisieme": 3, "4e": 4, "4ème": 4,
             "4eme": 4, "quatrième": 4, "quatrieme": 4}  # fmt: skip
_LAST = ("last", "dernier")
# The months in each part of a year, by the letter or word that names it.
_PART_MONTHS = {"q": 3, "t": 3, "quarter": 3, "trimestre": 3, "h": 6, "s": 6, "half": 6,
                "semestre": 6}  # fmt: skip
_PART_OF_YEAR = (
    r"(?P<letter>[qhts])(?P<number>[1-4])[ /-]?(?P<year>\d{4})",
    r"(?P<number>[1-4])(?P<letter>[qh])[ /-]?(?P<year>\d{4})",
    r"(?P<year>\d{4})[ /-]?(?P<letter>[qhts])(?P<number>[1-4])",
    r"(?P<ordinal>[^\W_]+) (?P<part>quarter|half|trimestre|semestre)(?: of| de)?,?"
    r" (?P<year>\d{4})",
)
# Quarters and halves as displays say them: the months they span, and their names.
_PARTS_SAID = {("01", "03"): "Q1", ("04", "06"): "Q2", ("07", "09"): "Q3", ("10", "12"): "Q4",
               ("01", "06"): "H1", ("07", "12"): "H2"}  # fmt: skip
# The words a date is said with before the year or month they belong to: a season's, a
# quarter's or a half's name (Spring 2021, Q2 2021), a third of a month or year (early Jun
# 2003, late 2021), and the mark of an approximate date (c. 2001). A table folds none of them
# away from the word after it (output.listings).
PARTS_SAID = (*_SEASONS.values(), *dict.fromkeys(_PARTS_SAID.values()))
THIRDS_SAID = tuple(_MONTH_THIRDS)
ABOUT_SAID = "c."
# A day and month without a year (Jan 5, 5 January): refused, naming the year it lacks.
_WITHOUT_YEAR = (rf"{_DAY} (?:of )?{_MONTH}", rf"{_MONTH} {_DAY}")
# A weekday said from today (next Friday, this Monday, Friday): refused, naming the days.
_FROM_TODAY = r"(?:(?P<which>next|this|last|coming|on) )?(?P<weekday>[a-z]+day)"
# Two months joined by a hyphen before their year (Jan-Mar 2021): a span, as with a dash.
_MONTH_SPAN = r"(?P<low>[^\W\d_]+)\.?-(?P<high>[^\W\d_]+)\.?,? (?P<year>\d{4})"
# A fiscal year is refused: when it starts depends on whose it is.
_FISCAL = r"(?:fy|fiscal(?: year)?) ?'?(?:\d{2}|\d{4})(?:[-/]\d{2,4})?"
# A year written with two digits ('21, Spring '21, 3-Mar-21): refused, asking for all four.
_SHORT_YEAR = (
    r"(?:(?<=\s)|^)'?(\d{2})(?=s$|s\W)|(?:(?<=\s)|^)'(\d{2})(?!\d)"  # '21, the 90s, '90s
    r"|(?<=[^\W\d_]{2}[ -])(\d{2})$|(?<=[^\W\d_]\.[ -])(\d{2})$|(?<=\d, )(\d{2})$"  # 3-Mar-21
)


class DateError(CasetrackError, ValueError):
    """A date the user typed cannot be understood; the message says what is accepted."""


@dataclass(frozen=True)
class DateValue:
    """A possibly imprecise date: its stored text and the span of days it may mean."""

    text: str
    start: date | None
    end: date | None
    precision: str
    approximate: bool = False
    uncertain: bool = False
    # The time of day typed with the date (2003-06-17T09:30Z), which casetrack does not keep.
    dropped: str = field(default="", compare=False)

    @property
    def sort_start(self) -> str:
        """First sort key: earliest possible day; open starts first, unknown last."""
        if self.precision == "unknown":
            return OPEN_END
        return self.start.isoformat() if self.start else OPEN_START

    @property
    def sort_end(self) -> str:
        """Latest possible day; with sort_start it bounds the date for --since/--until."""
        return self.end.isoformat() if self.end else OPEN_END

    @property
    def sort_key(self) -> str:
        """order_key as text, stored so that SQL sorts milestones by it (same order)."""
        day, place, then = order_key(self)
        tail = _day_text(-then).translate(_DESCENDING) if then < 0 else _day_text(then)
        return f"{_day_text(day)} {place} {tail}"


# Years that read as Gregorian are six centuries back, but are this century's in the Solar
# Hijri calendar (Iran, Afghanistan: 1404 SH began in March 2025) or the Islamic one (1447 AH
# in June 2025), as Persian and Arabic sources date things. Warned of, not refused: the year
# may be meant (a land title of 1450), and only the one typing knows.
_OTHER_CALENDARS = range(1300, 1500)
_SOLAR_HIJRI_LAST = 1410  # past it, a year is not yet Solar Hijri, but may be Islamic
_ISLAMIC_LAST = 1450
_OTHER_YEARS = frozenset(f"{year:04}" for year in _OTHER_CALENDARS)  # as a stored day begins


def calendar_doubt(value: DateValue) -> str | None:
    """A one-line warning for a milestone date whose year may be of another calendar than the
    Gregorian one casetrack reads every date in (1399 SH is 2020), with the Gregorian year it
    would be; None for any other date."""
    year = next(
        (d.year for d in (value.start, value.end) if d is not None and d.year in _OTHER_CALENDARS),
        None,
    )
    if year is None:
        return None
    said = f"{year} is read as the year {year} of the Gregorian calendar"
    islamic = f"{year} AH ≈ {int(621.5643 + 0.970229 * year)}"  # the year it began in
    if year <= _SOLAR_HIJRI_LAST:
        return (
            f"{said}; if it is a Solar Hijri or Islamic year, type the Gregorian date"
            f" ({year} SH ≈ {year + 621}, {islamic})"
        )
    if year <= _ISLAMIC_LAST:
        return f"{said}; if it is an Islamic (Hijri) year, type the Gregorian date ({islamic})"
    return f"{said}; if it is a year of another calendar, type the Gregorian date"


def calendar_doubted(start: object, end: object) -> bool:
    """Whether a milestone row's first or last day (ISO text, as stored) has a year
    calendar_doubt warns of: an import's check of every row, with no date to parse again."""
    return (isinstance(start, str) and start[:4] in _OTHER_YEARS) or (
        isinstance(end, str) and end[:4] in _OTHER_YEARS
    )


def calendar_doubts(count: int, where: str, example: str) -> str:
    """One warning for the `count` milestones of an import calendar_doubt warns of, with the
    words it says of one of them (`example`, its date as typed, at `where`)."""
    first, last = _OTHER_CALENDARS[0], _OTHER_CALENDARS[-1]
    have = "1 milestone has" if count == 1 else f"{count} milestones have"
    one = f"{where}, {example}" if count == 1 else f"e.g. {where}, {example}"
    return f"{have} a year from {first} to {last} ({one}): {calendar_doubt(parse_date(example))}"


def order_key(value: DateValue) -> tuple[int, int, int]:
    """Where a date belongs on the timeline: (day, place on that day, then), as day numbers.

    A date that begins on a day (an exact day, a month, a year, an interval) sits on its first
    day, wider spans first so a year heads its months and days. A day known only to fall on or
    after A (between A and B, after A) sits on A's last day after everything that begins on
    it, nearest end first: it is known not to precede the facts dated A. A day on or before B
    (before B) sits on B's first day before everything there. Open-started intervals (until
    B) begin before any day; unknown dates come last. Every place is a day the date may mean,
    so a date that is wholly before another always sorts before it.
    """
    first = value.start.toordinal() if value.start else _NO_START
    last = value.end.toordinal() if value.end else _NO_END
    if value.precision == "unknown":
        return (_NO_END, BEGINS, _NO_END)
    low, _, high = value.text[1:-1].partition("..")
    if value.precision == "before":
        bound = _bound_span(high)
        return (bound[0].toordinal() if bound else last, BEFORE, last)
    if value.precision in ("between", "after"):
        bound = _bound_span(low)
        return (bound[1].toordinal() if bound else first, AFTER, last)
    return (first, BEGINS, -last)


def placed_key(day: str) -> str:
    """The sort key `move` gives a milestone to sit after everything else on `day`."""
    return f"{day} {PLACED_LAST}"


def key_fits(value: DateValue, key: str) -> bool:
    """Whether a milestone dated `value` may sit at sort key `key`: its day is one the date
    allows. Keeping every key so keeps the timeline in step with the dates."""
    day = key[:10]
    return (value.start is None or day >= value.start.isoformat()) and (
        value.end is None or day <= value.end.isoformat()
    )


def wholly_before(first: DateValue, second: DateValue) -> bool:
    """Whether every day `first` may mean is before every day `second` may mean."""
    return first.end is not None and second.start is not None and first.end < second.start


def keys_for_order(dated: Sequence[tuple[DateValue, str]]) -> list[str]:
    """Sort keys that put milestones in the order given, each on a day its date allows.

    `dated` holds each milestone's date and current key, in the wanted order, which must not
    put any date after one wholly later (wholly_before). A key is kept where it already fits
    the order. One below the key before it is raised to that key. One above what this and
    the later dates allow (their earliest last day) is lowered to the key before it, or to
    its own first day if that is later: as low as it can go, so the next ones keep theirs.
    """
    ceilings: list[str] = []
    ceiling = placed_key(OPEN_END)
    for value, _ in reversed(dated):
        ceiling = min(ceiling, placed_key(value.sort_end))
        ceilings.append(ceiling)
    keys: list[str] = []
    floor = ""
    for (value, key), high in zip(dated, reversed(ceilings), strict=True):
        own = key if key_fits(value, key) else value.sort_key
        if own > high:
            floor = max(floor, value.start.isoformat() if value.start else OPEN_START)
        elif own > floor:
            floor = own
        keys.append(floor)
    return keys


def _day_text(number: int) -> str:
    """A day number as ISO text; open ends as OPEN_START and OPEN_END, which sort outside."""
    if number == _NO_START:
        return OPEN_START
    return OPEN_END if number == _NO_END else date.fromordinal(number).isoformat()


def _bound_span(token: str) -> tuple[date, date] | None:
    """First and last day of one stored EDTF date, without edtf; None if not one casetrack
    writes. Agrees with _span (tests/test_dates.py compares them)."""
    precision = _token_precision(token)
    match = _TOKEN.fullmatch(token)
    if precision is None or match is None:
        return None
    year_text = match["year"]
    first_year = int(year_text.replace("X", "0"))
    if "X" in year_text:
        last_year = int(year_text.replace("X", "9"))
        return date(first_year, 1, 1), date(last_year, 12, 31)
    if precision == "year":
        return date(first_year, 1, 1), date(first_year, 12, 31)
    if precision == "season":
        first_month = (int(match["month"]) - 21) * 3 + 3
        start = date(first_year, first_month, 1)
        return start, _add_months(start, 3) - timedelta(days=1)
    month = int(match["month"])
    if precision == "month":
        return date(first_year, month, 1), date(first_year, month, _month_length(first_year, month))
    day = date(first_year, month, int(match["day"]))
    return day, day


UNKNOWN = DateValue("unknown", None, None, "unknown")
# What reads as UNKNOWN: the word, and 'no date' as citations abbreviate it (n.d.; French s.d.).
_NO_DATE = frozenset({"unknown", "n.d.", "n.d", "n. d.", "no date", "s.d.", "s. d.", "sans date"})


# A day or month not known, typed as a question mark (2021-03-?, 2021-?): EDTF's XX.
_UNKNOWN_PART = re.compile(r"-\?\??(?=-|$)")


# Numbers with spaces around their slashes (03 / 07 / 2003): the spaces are dropped. Asked
# only of a text with a space and a slash, as every date parsed (an ISO one too) passes here.
_SPACED_SLASHES = r"[\d/]+(?: ?/ ?[\d/]+)+"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern every date is tried as, compiled the first time it is used: `check` and an
    import parse thousands of dates, and re's own cache costs as much again as the match."""
    return re.compile(pattern)


def parse_date(text: str, today: date | None = None) -> DateValue:
    """Parse what a user typed into a DateValue, or raise DateError naming the accepted forms."""
    # NFKC: the 1ᵉʳ a word processor makes of 1er, full-width digits, no-break spaces.
    cleaned = " ".join((text if text.isascii() else unicodedata.normalize("NFKC", text)).split())
    if " " in cleaned and "/" in cleaned and _compiled(_SPACED_SLASHES).fullmatch(cleaned):
        cleaned = cleaned.replace(" ", "")  # 03 / 07 / 2003 is 03/07/2003
    if "-?" in cleaned and re.fullmatch(r"\d{4}(?:-(?:\d\d|\?\??)){1,2}", cleaned):
        cleaned = _UNKNOWN_PART.sub("-XX", cleaned)
    if not cleaned:
        raise _unreadable(text)
    if cleaned[-1] in ")xXyYaAnN.":
        after = _compiled(_AFTER).fullmatch(cleaned.lower())
        if after:
            kept = cleaned[: after.end("date")]
            cleaned = f"{kept}?" if after["mark"] else f"c. {kept}"
    moment = _compiled(_DATETIME).fullmatch(cleaned)
    day = _from_iso(moment[1], text) if moment else None
    if moment and day:
        return replace(day, dropped=moment[2])
    value = _from_iso(_year_first(cleaned), text)
    if value:
        return value
    if cleaned.lower() in _NO_DATE:
        return UNKNOWN
    numeric = re.fullmatch(_NUMERIC, cleaned)
    if numeric:
        first, second, year = numeric.groups()
        raise _numeric(text, first, second, year, today or date.today())
    numeric = re.fullmatch(_NUMERIC_MONTH, cleaned)
    if numeric:
        month = f"{numeric[2]}-{int(numeric[1]):02d}"
        if _from_iso(month, text) is None:  # 13/2021: _from_iso refuses it as not real
            raise _unreadable(text)
        raise DateError(f"the date {_quote(text)} can only be {_say(month)}: write it as {month}")
    compact = re.fullmatch(_COMPACT_DAY, cleaned)
    if compact:
        day_code = "-".join(compact.groups())
        if _from_iso(day_code, text):  # 20090231: _from_iso refuses it as not real
            raise DateError(
                f"the date {_quote(text)} can only be {_say(day_code)}: write it as {day_code}"
            )
    timed = re.fullmatch(_TIME_OF_DAY, cleaned, re.IGNORECASE)
    if timed:
        day = parse_date(timed["day"], today)
        if day.precision != "day":
            raise DateError(
                f"cannot read {timed['time']!r} in the date {_quote(text)}: a time of day"
                f" needs a day, as in '17 June 2003 at {timed['time']}' (the time is not kept)"
            )
        return replace(day, dropped=timed["time"])
    said = _with_weekday(cleaned, text, today)
    if said:
        return said
    try:
        code = _to_edtf(cleaned, today or date.today(), text)
        return _from_iso(code, text) or _from_edtf(code, text)
    except DateError as refusal:
        raise (
            _numeric_part(cleaned, text, today or date.today())
            or _qualified_span(cleaned, text, today)
            or _instead(cleaned, text, today)
            or _season_part(cleaned, text, today)
            or _relative(cleaned, text)
            or _without_year(cleaned, text, today or date.today())
            or _guessed(cleaned, text, today)
            or _long_year(cleaned, text)
            or refusal
        ) from None


def _one_day(text: str, today: date | None) -> DateValue | None:
    """The day a text names, exactly (no span, no doubt); None for anything else."""
    try:
        value = parse_date(text, today)
    except DateError:
        return None
    exact = value.precision == "day" and not (value.approximate or value.uncertain)
    return value if exact and value.start is not None else None


def _with_weekday(cleaned: str, text: str, today: date | None) -> DateValue | None:
    """A day written after its own weekday; refused when the weekday is another day's;
    None when the text is no weekday and day."""
    match = re.fullmatch(_WEEKDAY_SAID, cleaned)
    number = _WEEKDAY_NUMBERS.get(match["weekday"].lower()) if match else None
    value = _one_day(match["date"], today) if match and number is not None else None
    if value is None or value.start is None:
        return None
    if value.start.weekday() != number:
        raise DateError(
            f"the date {_quote(text)} does not hold: {display_text(value.text)} is a"
            f" {value.start:%A}: check the day and the weekday, or write the day alone"
        )
    return value


def _week_of(lowered: str, today: date) -> str | None:
    """The week of a day as the EDTF set of its days, Monday to Sunday
    ([2021-05-10..2021-05-16]); None when the text is not one."""
    match = re.fullmatch(_WEEK_OF, lowered)
    value = _one_day(match["date"], today) if match else None
    if value is None or value.start is None:
        return None
    monday = value.start - timedelta(days=value.start.weekday())
    return f"[{monday.isoformat()}..{(monday + timedelta(days=6)).isoformat()}]"


# A numeric date inside a longer one (from 14/06/2009 to 2010), not part of another number.
_NUMERIC_INSIDE = re.compile(rf"(?<![\w/.-]){_NUMERIC}(?![\w/-]|\.\d)")


def reads_as_date(text: str) -> bool:
    """Whether a command-line word reads as a date: the hints for arguments typed out of
    order ask it."""
    try:
        parse_date(text)
    except CasetrackError:
        return False
    return True


def _numeric_part(cleaned: str, text: str, today: date) -> DateError | None:
    """The refusal of a numeric date that is part of a range or a qualified date (from
    14/06/2009 to 2010, before 3/7/2003), which names the ISO date or dates it can mean,
    said of the whole; None when there is none."""
    match = _NUMERIC_INSIDE.search(cleaned)
    if match is None:
        return None
    first, second, year = match.groups()
    return DateError(
        f"in the date {_quote(text)}, {_numeric(match[0], first, second, year, today)}"
    )


# A date marked approximate (c. early 2018) or uncertain (early 2018?), as _single reads it.
_QUALIFIED = rf"(?P<about>{_APPROXIMATE})?(?P<date>.+?)\s*(?P<mark>[?~%])?"


def _qualified_span(cleaned: str, text: str, today: date | None) -> DateError | None:
    """The refusal of one day in a span (early 2018, between A and B, before A) marked
    approximate or uncertain, which EDTF cannot store: it says so, and what to write; None
    for any other date."""
    match = re.fullmatch(_QUALIFIED, cleaned, re.IGNORECASE)
    if match is None or not (match["about"] or match["mark"]):
        return None
    try:
        value = parse_date(match["date"], today)
    except DateError:
        return None
    if value.precision not in ONE_DAY_IN_A_SPAN:
        return None
    about = bool(match["about"]) or match["mark"] in ("~", "%")
    doubt = match["mark"] in ("?", "%")
    marked = " or ".join(w for w, on in (("approximate", about), ("uncertain", doubt)) if on)
    return DateError(
        f"cannot read the date {_quote(text)}: {match['date']!r} is some day in a span, not"
        f" known which, and cannot be marked {marked} (EDTF has no such date): write"
        f" {match['date']!r} and say the doubt in a note"
    )


def _instead(cleaned: str, text: str, today: date | None) -> DateError | None:
    """A refusal suggesting what to write, for a date typed with a word casetrack does not
    read (mardi 17 juin 2003, depuis 2003) or a season without its year; None otherwise."""
    first, _, rest = cleaned.partition(" ")
    word = first.lower().rstrip(",")
    if not rest:
        if word not in _SEASON_CODES:
            return None
        return DateError(
            f"cannot read the date {_quote(text)}: a season needs its year, as in '{first} 2003'"
        )
    unread = _unread_words(cleaned, today)
    if unread is None:
        return None
    words, suggestion = unread
    return DateError(f"cannot read {words!r} in the date {_quote(text)}: write {suggestion!r}")


def _unread_words(cleaned: str, today: date | None) -> tuple[str, str] | None:
    """The words before a date that casetrack does not read ('mardi', 'sometime in'), and
    the date to write instead, when that reads; None otherwise."""
    first, _, rest = cleaned.partition(" ")
    word = first.lower().rstrip(",")
    if not rest or word not in _INSTEAD:
        return None
    suggestion = _INSTEAD[word] + rest
    if word == "depuis" and rest.lower().startswith("le "):
        suggestion = f"à partir du {rest[3:]}"  # depuis le 3 mars 2005
    try:
        parse_date(suggestion, today)
    except DateError:
        deeper = None if _INSTEAD[word] else _unread_words(suggestion, today)
        return None if deeper is None else (f"{first.rstrip(',')} {deeper[0]}", deeper[1])
    return first.rstrip(","), suggestion


# A third of a season (late summer 2020, fin de l'été 2021), which EDTF cannot store.
_SEASON_PART = (
    rf"(?:the )?(?P<third>{'|'.join(_THIRD_WORDS)})"
    r"(?:-? ?(?:of the|of|de l['\u2019]|de la|du|de|d['\u2019]) ?|[ -])(?P<season>.+)"
)


def _season_part(cleaned: str, text: str, today: date | None) -> DateError | None:
    """A refusal naming the two forms that keep what a part of a season means: the season,
    or its months (early: its first two, mid: its middle one, late: its last two); None
    when the date is no such part."""
    match = re.fullmatch(_SEASON_PART, cleaned, re.IGNORECASE)
    if match is None:
        return None
    try:
        season = parse_date(match["season"], today)
    except DateError:
        return None
    if season.precision != "season" or season.start is None:
        return None
    third = _THIRD_NAMES.get(match["third"].lower(), match["third"].lower())
    first = 0 if third == "early" else 1
    months = [_add_months(season.start, n).strftime("%B %Y") for n in (first, first + 1)]
    said = f"c. {months[0]}" if third == "mid" else f"between {months[0]} and {months[1]}"
    return DateError(
        f"cannot read the date {_quote(text)}: a part of a season is not kept; write the"
        f" season, {match['season']!r}, or the months you mean, as in {said!r}"
    )


# A date said from another one (14 months later, deux ans après, the next day), in English or
# French: a milestone's date does not name the one it follows, so it is not counted.
_COUNT_WORDS = (
    r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|une|deux|trois"
    r"|quatre|cinq|sept|huit|neuf|dix|onze|douze"
)
_RELATIVE = (
    rf"(?:(?:about|some|around|environ|quelque) )?(?:{_COUNT_WORDS})"
    r" (?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|ann[ée]es?)"
    r" (?:later|after(?:wards)?|earlier|before|plus tard|apr[èe]s|avant|plus t[ôo]t)"
    r"|the (?:next|following|previous) (?:day|week|month|year)|the (?:day|week) (?:before|after)"
    r"|le lendemain|la veille|le mois suivant|l'ann[ée]e suivante"
)


def _relative(cleaned: str, text: str) -> DateError | None:
    """A refusal asking for the date a date said from another comes to; None otherwise."""
    if re.fullmatch(_RELATIVE, cleaned, re.IGNORECASE) is None:
        return None
    return DateError(
        f"cannot read the date {_quote(text)}: a date said from another is not counted; count"
        " it from the date it follows and write the date it comes to (2021-01, c. Jan 2021,"
        " between Dec 2020 and Feb 2021)"
    )


def _full_year(digits: int, today: date) -> int:
    """The year two digits most likely mean, for a suggestion only (never stored): the latest
    not more than ten years after today, so '27 is 2027 in 2026 (a deadline) and '58 1958."""
    year = today.year - today.year % 100 + digits
    return year if year <= today.year + 10 else year - 100


def _without_year(cleaned: str, text: str, today: date) -> DateError | None:
    """A refusal naming what to write for a day without its year (Jan 5; Feb 10, where 10
    may be the year) or a weekday said from today (next Friday); None otherwise."""
    lowered = cleaned.lower()
    said = re.fullmatch(_FROM_TODAY, lowered)
    if said and said["weekday"] in _WEEKDAYS[:7]:
        ahead = (_WEEKDAYS.index(said["weekday"]) - today.weekday()) % 7
        last = said["which"] == "last"
        first = today + timedelta(days=ahead - 7 * last)
        days = (first, first + timedelta(days=-7 if last else 7))
        choices = " or ".join(f"{day.isoformat()} ({display_day(day)})" for day in days)
        return DateError(
            f"cannot read the date {_quote(text)}: a weekday is not read as a date: write the"
            f" day, {choices}"
        )
    for pattern in _WITHOUT_YEAR:
        match = re.fullmatch(pattern, lowered)
        month = _month_number(match["month"]) if match else None
        if match is None or month is None or not 1 <= int(match["day"]) <= 31:
            continue
        near: list[date] = []
        for year in range(today.year - 1, today.year + 5):
            try:
                near.append(date(year, month, int(match["day"])))
            except ValueError:  # 31 April never is, 29 Feb only in a leap year
                continue
        if not near:
            continue
        # The nearest such day: Feb 10 typed in December is most likely next year's.
        day = min(near, key=lambda one: abs(one - today))
        said_month = MONTHS[month - 1]
        suggestion = f"'{day.day} {said_month} {day.year}' ({day.isoformat()})"
        if pattern.startswith("(?P<month>") and len(match["day"]) == 2:
            suggestion += f", or '{said_month} {_full_year(int(match['day']), today)}' if"
            suggestion += f" {match['day']} is the year"
        return DateError(
            f"cannot read the date {_quote(text)}: it has no year: write it with its year,"
            f" as in {suggestion}"
        )
    return None


def _guessed(cleaned: str, text: str, today: date | None) -> DateError | None:
    """A refusal saying why, for what casetrack will not guess: a fiscal year (whose?) or a
    year written with two digits (the four it means, when the date then reads); else None."""
    if re.fullmatch(_FISCAL, cleaned.lower()):
        return DateError(
            f"cannot read the date {_quote(text)}: a fiscal year starts when its owner's does"
            " (the US federal FY2020 ran from 1 Oct 2019 to 30 Sep 2020): write its span,"
            " e.g. 'from 2019-10-01 to 2020-09-30'"
        )
    short = None if re.search(r"\d{4}", cleaned) else re.search(_SHORT_YEAR, cleaned)
    if short is None:
        return None
    digits = next(group for group in short.groups() if group)
    year = _full_year(int(digits), today or date.today())
    full = f"{cleaned[: short.start()]}{year}{cleaned[short.end() :]}"
    try:
        parse_date(full, today)
    except DateError:
        return DateError(f"cannot read the date {_quote(text)}: write the year with its 4 digits")
    return DateError(f"cannot read the date {_quote(text)}: write the year in full, as in {full!r}")


def _long_year(cleaned: str, text: str) -> DateError | None:
    """A refusal naming a number of five or six digits where a year goes (3 May 20202): a
    slip of the keyboard, not a year casetrack reads (nor guesses: 2020 or 2022?)."""
    long = re.search(r"(?<![\d-])\d{5,6}(?![\d-])", cleaned)
    if long is None:
        return None
    return DateError(
        f"cannot read {long[0]!r} in the date {_quote(text)}: a year has four digits"
        f" ({long[0]!r} has {len(long[0])})"
    )


def _part_of_year(lowered: str) -> str | None:
    """A quarter or half of a year as the EDTF set of its months ([2021-04..2021-06]); None
    when the text is not one."""
    bare = _bare(lowered)
    for pattern in _PART_OF_YEAR:
        match = re.fullmatch(pattern, bare)
        if match is None:
            continue
        found = match.groupdict()
        months = _PART_MONTHS[found.get("part") or found["letter"]]
        if found.get("ordinal") is not None:
            ordinal = found["ordinal"]
            number = 12 // months if ordinal in _LAST else _ORDINALS.get(ordinal)
        else:
            number = int(found["number"])
        if number is None or number * months > 12:
            return None
        year = match["year"]
        return f"[{year}-{number * months - months + 1:02d}..{year}-{number * months:02d}]"
    return None


def from_stored(
    text: str,
    start: str | None,
    end: str | None,
    precision: str,
    approximate: bool = False,
    uncertain: bool = False,
) -> DateValue:
    """Rebuild a DateValue from store columns without parsing the text again."""
    return DateValue(
        text,
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
        precision,
        bool(approximate),
        bool(uncertain),
    )


def display_date(value: DateValue) -> str:
    """The date as a person would say it (17 Jun 2003, c. 2001, between A and B).

    Every listing for people says dates through here (or display_text); the result parses
    back to the same span.
    """
    return "unknown" if value.precision == "unknown" else display_text(value.text)


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def display_day(day: date) -> str:
    """A day with its weekday, then as every listing says it (Fri 14 Jun 2024): how a
    deadline's working, where the weekday is often why a period runs on, and a refused
    weekday's choices say it."""
    return f"{WEEKDAYS[day.weekday()]} {display_text(day.isoformat())}"


@lru_cache(maxsize=8192)
def display_text(text: str) -> str:
    """A stored EDTF date as a person would say it: what display_date says, from the text.
    (Listings say the same dates again and again: each is worked out once.)"""
    if _PLAIN_DAY.fullmatch(text) and "01" <= text[5:7] <= "12":  # most dates: said quickest
        return f"{int(text[8:])} {MONTHS[int(text[5:7]) - 1]} {text[:4]}"
    if text == "unknown":
        return "unknown"
    if text.startswith("[") and text.endswith("]") and ".." in text:
        low, high = text[1:-1].split("..", 1)
        if low and high:
            year, first, last = low[:4], low[5:], high[5:]
            if len(low) == len(high) == 7 and high[:4] == year:
                for third, bounds in _THIRDS.items():  # [2003-01..2003-04] is early 2003
                    if (first, last) == bounds:
                        return f"{third} {year}"
                if (first, last) in _PARTS_SAID:  # [2021-04..2021-06] is Q2 2021
                    return f"{_PARTS_SAID[first, last]} {year}"
            if len(low) == len(high) == 4 and low[:3] == high[:3] and low[2:4] != "00":
                for third, bounds in _DECADE_THIRDS.items():  # [1990..1993]: early 1990s
                    if (low[3], high[3]) == bounds:
                        return f"{third} {low[:3]}0s"
            if len(low) == len(high) == 10 and low[:7] == high[:7] and low[5:7].isdigit():
                said = _month_third(low, high)  # [2003-06-01..2003-06-10] is early Jun 2003
                if said:
                    return said
            return "between {} and {}".format(*_ends_said(low, high))
        return f"before {_say(high)}" if high else f"after {_say(low)}"
    if "/" in text:
        low, high = text.split("/", 1)
        if high in ("", ".."):
            return f"from {_say(low)}"
        if low in ("", ".."):
            return f"until {_say(high)}"
        return _say_range(low, high)
    return _say(text)


def _month_third(low: str, high: str) -> str | None:
    """'early Jun 2003' for the days of a month's first third, and so on; else None."""
    if not (low[8:].isdigit() and high[8:].isdigit()):
        return None
    year, month = int(low[:4]), int(low[5:7])
    days = int(low[8:]), int(high[8:])
    for third, (first, last) in _MONTH_THIRDS.items():
        if days == (first, min(last, _month_length(year, month))):
            return f"{third} {_say(low[:7])}"
    return None


def display_time(stamp: str | None) -> str:
    """A stored UTC timestamp for people: to the second, as 2026-12-06 02:03:41 UTC."""
    if not stamp:
        return ""
    return stamp[:19].replace("T", " ") + (" UTC" if stamp.endswith("+00:00") else "")


def elapsed(previous: DateValue | None, current: DateValue) -> str:
    """Time from the milestone in the row above (of the same case) to this one, like +11y 2m,
    whatever either's precision: a reader takes it as the gap from the row above. Measured
    from the previous one's first day, or its last day when it is a span of days (a custody)
    or has no first day (before B), to this one's first day. '' when it cannot be said: this
    one has no first day (before B, unknown), the previous one no day to measure from (still
    going on, unknown), or they overlap.

    Prefixed ~+ when either date is not one exact day, approximate or uncertain (early 2003,
    between A and B and after A are some day in a span: measured from or to its first day,
    as a month is); days are counted (under a year) when both ends measured are days, else a
    gap under a month is <1m.
    """
    if previous is None:
        return ""
    from_end = previous.precision == "interval" or previous.start is None
    a, b = previous.end if from_end else previous.start, current.start
    if a is None or b is None or b < a:
        return ""
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if _add_months(a, months) > b:
        months -= 1
    days = (b - _add_months(a, months)).days
    exact = previous.precision == "day" and current.precision == "day"
    to_days = (
        bound_precisions(previous)[from_end] == "day" and bound_precisions(current)[0] == "day"
    )
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years}y")
    if months:
        parts.append(f"{months}m")
    if to_days and days and not years:
        parts.append(f"{days}d")
    # Under a month to or from a date not known to the day: not the same time (~+0).
    text = " ".join(parts) or ("0d" if to_days else "<1m" if days else "0")
    qualified = any(v.approximate or v.uncertain for v in (previous, current))
    return ("+" if exact and not qualified else "~+") + text


# Precisions of one day somewhere in a span (EDTF "one of a set"), not a span of days.
ONE_DAY_IN_A_SPAN = frozenset({"between", "before", "after"})


def _add_months(day: date, months: int) -> date:
    """The same day some months later, or that month's last day (31 Jan + 1m = 28 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, _month_length(year, month + 1)))


def _month_length(year: int, month: int) -> int:
    """Days in a month (calendar.monthrange also works out a weekday: twice the time)."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_LENGTHS[month - 1]


def overlaps(value: DateValue, since: DateValue | None, until: DateValue | None) -> bool:
    """Whether a milestone may fall in a --since/--until window (both ends inclusive).

    The window runs from since's earliest day to until's latest day; a missing or open
    bound is unbounded. A milestone matches when its possible span meets the window.
    Unknown dates match only a window with no bounds at all.
    """
    low = since.start if since else None
    high = until.end if until else None
    if value.precision == "unknown":
        return low is None and high is None
    if low and value.end and value.end < low:
        return False
    return not (high and value.start and value.start > high)


def bound_precisions(value: DateValue) -> tuple[str | None, str | None]:
    """Precision of a date's first and last bound (day, month, year, ...; None when open).

    A plain date is both bounds; "17 Jun 2003 to Jul 2003" is (day, month), "before
    2014-09-16" (None, day). Exports use it to say only what the source says.
    """
    text = value.text
    if value.precision == "unknown":
        return None, None
    if text.startswith("[") and ".." in text:
        low, _, high = text[1:-1].partition("..")
    elif "/" in text:
        low, _, high = text.partition("/")
    else:
        low = high = text
    return _token_precision(low.strip(".")), _token_precision(high.strip("."))


def _quote(text: str) -> str:
    """The user's text for a one-line message, shortened if long."""
    from casetrack.text import shortened

    return repr(shortened(text, 41))


def _unreadable(text: str, part: str | None = None) -> DateError:
    """A refusal naming the part of the date not understood (one bound of a range, ...)
    when it is not the whole."""
    if part and " ".join(part.split()) != " ".join(text.split()).lower():
        return DateError(
            f"cannot read {_quote(part)} in the date {_quote(text)}: write e.g. {ACCEPTED_FORMS}"
        )
    return DateError(f"cannot read the date {_quote(text)}: write e.g. {ACCEPTED_FORMS}")


def _numeric(text: str, first: str, second: str, year_digits: str, today: date) -> DateError:
    """A refusal of a numeric date (03/07/2003) naming the ISO date or dates it can mean:
    the day-first and month-first readings, when real. Never guessed."""
    year = int(year_digits)
    short = len(year_digits) == 2
    if short:  # for the suggestion only, which then says the year in full
        year = _full_year(year, today)
    readings: list[date] = []
    for day, month in ((first, second), (second, first)):
        try:
            reading = date(year, int(month), int(day))
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:  # the reading with a real month, if one has, says what day is past its end
        months = [(d, m) for d, m in ((first, second), (second, first)) if 1 <= int(m) <= 12]
        code = f"{year:04d}-{int(months[0][1]):02d}-{int(months[0][0]):02d}" if months else None
        return _unreal(text, code)
    if len(readings) == 1:
        day = readings[0].isoformat()
        return DateError(f"the date {_quote(text)} can only be {_say(day)}: write it as {day}")
    first_day, other = (d.isoformat() for d in readings)
    return DateError(
        f"the date {_quote(text)} is ambiguous: write {first_day} ({_say(first_day, short)})"
        f" or {other} ({_say(other, short)})"
    )


def _year_first(text: str) -> str:
    """2003/06/17 or 2003.6.17 as ISO; any other text as it is."""
    match = _compiled(_YEAR_FIRST).fullmatch(text)
    if not match:
        return text
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _month_number(word: str) -> int | None:
    """The month a name means in any language casetrack reads, accents and case aside."""
    number = _MONTH_NUMBERS.get(word)
    if number is None and not word.isascii():
        from casetrack.text import name_key

        number = _MONTH_NUMBERS.get(name_key(word))
    return number


def _unreal(text: str, code: str | None = None) -> DateError:
    """A date that names no day of the calendar: when `code` (its ISO reading) names a day
    past its month's end, that is what is said ('February 2020 has 29 days'), a plainer
    reason than the list of forms, which the user followed."""
    month_part = re.fullmatch(r"(\d{4})-(\d\d)(?:-(\d\d))?", code or "")
    if month_part and not 1 <= int(month_part[2]) <= 12:  # 2020-13-01: the 13th month
        said = f"{_quote(text)} is not a real date: there is no month {month_part[2]}"
        year, month, day = month_part.groups()
        swapped = f"{year}-{day}-{month}"
        if day and re.fullmatch(_ISO, swapped):
            with contextlib.suppress(ValueError):  # the day and month typed the other way round
                date.fromisoformat(swapped)
                return DateError(
                    f"{said}: write {swapped} if you mean {_say(swapped)} (year, month, day)"
                )
        return DateError(f"{said}: a month is 01 to 12")
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", code or "")
    if match:
        year, month, day = (int(part) for part in match.groups())
        if year and day == 0:
            return DateError(f"{_quote(text)} is not a real date: there is no day 00")
        if year and 1 <= month <= 12 and day > _month_length(year, month):
            length = _month_length(year, month)
            said = f"{calendar.month_name[month]} {year} has {length} days"
            return DateError(f"{_quote(text)} is not a real date: {said}")
    return DateError(f"{_quote(text)} is not a real date: write e.g. {ACCEPTED_FORMS}")


def _from_iso(code: str, original: str) -> DateValue | None:
    """Plain ISO YYYY[-MM[-DD]] without importing edtf; None when the text is not that."""
    match = _compiled(_ISO).fullmatch(code)
    if not match:
        return None
    year_digits, month_digits, day_digits = match.groups()
    if day_digits is None and month_digits in _SEASON_MONTHS:
        return None
    year = int(year_digits)
    try:
        if month_digits is None:
            return DateValue(year_digits, date(year, 1, 1), date(year, 12, 31), "year")
        if day_digits is None:
            first = date(year, int(month_digits), 1)
            last = first.replace(day=_month_length(year, first.month))
            return DateValue(first.isoformat()[:7], first, last, "month")
        exact = date(year, int(month_digits), int(day_digits))
        return DateValue(exact.isoformat(), exact, exact, "day")
    except ValueError:
        raise _unreal(original, code) from None


def _to_edtf(cleaned: str, today: date, original: str) -> str:
    """Turn a friendly form into EDTF text (not yet checked by edtf)."""
    upper = cleaned.upper()
    years = re.fullmatch(_YEAR_SPAN, cleaned)
    if years:
        return f"{years[1]}/{years[2]}"
    if re.fullmatch(_EDTF_CHARS, upper):
        return upper
    lowered = cleaned.lower().replace("\u2019", "'")
    third = re.fullmatch(_DECADE_THIRD, lowered)
    if third:
        return _decade_third(third, original)
    third = re.fullmatch(_THIRD, lowered)
    if third:
        first, last = _THIRDS[_THIRD_NAMES.get(third["third"], third["third"])]
        return f"[{third['year']}-{first}..{third['year']}-{last}]"
    third = re.fullmatch(_MONTH_THIRD, lowered)
    month = _month_number(third["month"]) if third else None
    if third and month:
        year = int(third["year"])
        first_day, last_day = _MONTH_THIRDS[_THIRD_NAMES.get(third["third"], third["third"])]
        last_day = min(last_day, _month_length(year, month))
        return f"[{year:04d}-{month:02d}-{first_day:02d}..{year:04d}-{month:02d}-{last_day:02d}]"
    week = _week(lowered) or _week_of(lowered, today)
    if week:
        return week
    part = _part_of_year(lowered)
    if part:
        return part
    months = re.fullmatch(_MONTH_SPAN, lowered)
    if months and _month_number(months["low"]) and _month_number(months["high"]):
        lowered = f"{months['low']} {months['year']} to {months['high']} {months['year']}"
    for pattern in _DAY_SPANS:
        days = re.fullmatch(pattern, lowered)
        if days:
            rest = days.groupdict().get("rest") or f"{days['month']} {days['year']}"
            lowered = f"{days['low']} {rest} to {days['high']} {rest}"
            break
    winter = _winter_across(lowered)  # a winter's years joined by an en dash: not a range
    if winter:
        return winter
    either = re.fullmatch(_EITHER, lowered)
    if either:
        return _either(either[1], either[2], today, original)
    for pattern, template in _RANGES:
        match = re.fullmatch(pattern, lowered)
        if match:
            low, high = (_bare(g) for g in match.groups() if g is not None)
            high = _lend(low, high)
            low = _borrow(low, high)
            if template.startswith("["):  # between early 2021 and late 2022 too
                low_code = _bound(low, today, original)[0]
                high_code = _bound(high, today, original)[1]
            else:
                low_code, high_code = _interval_ends(low, high, today, original)
            if template.startswith("["):
                low_code, high_code = _same_precision(low_code, high_code, original)
            return template.format(low_code, high_code)
    for pattern, template in _OPEN_RANGES:
        match = re.fullmatch(pattern, lowered)
        if match:
            return template.format(_single(match[1], today, original))
    return _single(lowered, today, original)


def _week(lowered: str) -> str | None:
    """A week of a month as the EDTF set of its days ([2021-03-01..2021-03-07]); None when
    the text is not one."""
    match = re.fullmatch(_WEEK, lowered)
    month = _month_number(match["month"]) if match else None
    if match is None or month is None:
        return None
    year = int(match["year"])
    length = _month_length(year, month)
    number = _ORDINALS.get(match["ordinal"])
    last = length if match["ordinal"] in _LAST else 7 * number if number else None
    if last is None:
        return None
    code = f"{year:04d}-{month:02d}"
    return f"[{code}-{last - 6:02d}..{code}-{last:02d}]"


def _bound(text: str, today: date, original: str) -> tuple[str, str]:
    """The first and last of what one end of a one-of-a-set range may be: a date's own code
    twice, or, for a span (early 2021, Q2 2021, a week, a season: EDTF sets hold no seasons),
    its first and last day, month or year, whichever its ends are whole ones of."""
    try:
        code = _single(text, today, original)
    except DateError as refusal:
        unread = refusal
    else:
        if _token_precision(code) != "season":
            return code, code
        unread = _unreadable(original)
    try:
        value = parse_date(text, today)
    except DateError:
        raise unread from None
    if value.start is None or value.end is None or value.approximate or value.uncertain:
        raise unread
    whole_months = value.start.day == 1 and (value.end + timedelta(days=1)).day == 1
    years = whole_months and value.start.month == 1 and value.end.month == 12
    width = 4 if years else 7 if whole_months else 10
    return value.start.isoformat()[:width], value.end.isoformat()[:width]


def _interval_ends(low: str, high: str, today: date, original: str) -> tuple[str, str]:
    """The two ends of an interval (from A to B); an end that is itself some day of a span
    (from late 2021 to early 2022) is refused, naming the two dates that can be written."""
    try:
        return _single(low, today, original), _single(high, today, original)
    except DateError as refusal:
        unread = refusal
    try:
        first, last = _bound(low, today, original)[0], _bound(high, today, original)[1]
    except DateError:
        raise unread from None
    raise DateError(
        f"cannot read the date {_quote(original)}: an interval starts and ends on known"
        f" dates, not some day of a span: write 'between {low} and {high}' for one day in"
        f" them, or 'from {first} to {last}' for all the time they span"
    )


def _either(first: str, second: str, today: date, original: str) -> str:
    """Two dates joined by "or" as the one-of-a-set range of both; refused, saying what to
    write, when there is time between them that the range would wrongly claim."""
    high_text = _lend(_bare(first), _bare(second))
    low_text = _borrow(_bare(first), high_text)
    low, high = parse_date(low_text, today), parse_date(high_text, today)
    touching = (
        low.start is not None
        and low.end is not None
        and high.start is not None
        and low.start <= high.start <= low.end + timedelta(days=1)
    )
    said_low, said_high = display_date(low), display_date(high)
    if low.start is not None and high.start is not None and high.start < low.start:
        raise DateError(
            f"cannot read the date {_quote(original)}: put the earlier date first, as in"
            f" '{said_high} or {said_low}'"
        )
    if not touching:
        raise DateError(
            f"cannot read the date {_quote(original)}: {said_low!r} and {said_high!r} do not"
            f" follow each other: write 'between {said_low} and {said_high}' if any day between"
            " may be the one, else the likelier date with the other in a note"
        )
    low_code, high_code = _same_precision(
        _bound(low_text, today, original)[0], _bound(high_text, today, original)[1], original
    )
    return f"[{low_code}..{high_code}]"


def _winter_across(text: str) -> str | None:
    """The winter a season named by both its years is (winter 2020-21, hiver 2020/2021,
    and with the en dash casetrack says it with): December of the first to February; None if the
    text is no such winter (other years are a span of seasons)."""
    match = re.fullmatch(_WINTER_ACROSS, text)
    if match and _SEASON_CODES.get(match["season"]) == _WINTER:
        first, then = int(match["year"]), match["then"]
        if int(then) == (first + 1 if len(then) == 4 else (first + 1) % 100):
            return f"{first:04d}-{_WINTER}"
    return None


def _decade_third(third: re.Match[str], original: str) -> str:
    """The early, mid or late years of a decade as the EDTF set of them ([1990..1993]); the
    1900s or 2000s refused, naming both readings (a decade's years or a century's)."""
    word = _THIRD_NAMES.get(third["third"], third["third"])
    first, last = _DECADE_THIRDS[word]
    decade = third["decade"]
    if decade.endswith("0"):
        century = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}[word]
        start = int(decade) * 10
        raise DateError(
            f"cannot read the date {_quote(original)}: the {start}s may be a decade or a century:"
            f" write 'between {decade}{first} and {decade}{last}' ({word} in the decade) or"
            f" 'between {start + century[0]} and {start + century[1]}' ({word} in the century)"
        )
    return f"[{decade}{first}..{decade}{last}]"


def _bare(text: str) -> str:
    """A date without the article before it (the, le, l')."""
    return re.sub(f"^(?:{_ARTICLE})", "", text)


def _borrow(low: str, high: str) -> str:
    """Complete a shortened first bound from the second, as displays write 17 Jun to 3 Jul 2003."""
    words = high.split()
    if re.fullmatch(_DAY, low) and len(words) >= 2:
        return f"{low} {' '.join(words[-2:])}"
    if re.fullmatch(_NO_YEAR, low) and _month_number(low.split()[-1].rstrip(".")):
        return f"{low} {words[-1]}"
    month_first = re.fullmatch(rf"{_MONTH} {_DAY}", low)  # June 17 - July 3, 2003
    if month_first and _month_number(month_first["month"]):
        return f"{low} {words[-1]}"
    if low in _SEASON_CODES and re.fullmatch(_SEASON, high):  # summer or autumn 2021
        return f"{low} {words[-1]}"
    return low


def _lend(low: str, high: str) -> str:
    """Complete a second bound written as a day and year from the first's month, as in
    May 5 or 6, 2021 and between May 5 and 6, 2021."""
    first = re.fullmatch(rf"{_MONTH} {_DAY}", low)
    if first and _month_number(first["month"]) and re.fullmatch(rf"{_DAY},? {_YEAR}", high):
        return f"{first['month']} {high}"
    return high


def _same_precision(low: str, high: str, original: str) -> tuple[str, str]:
    """Widen the coarser bound of a set to the finer one's precision, keeping its span.

    EDTF "one of" ranges need both bounds at one precision: June 2003 to 2005 is
    stored as [2003-06..2005-12].
    """
    first, last = _from_iso(low, original), _from_iso(high, original)
    if first is None or last is None or first.start is None or last.end is None:
        return low, high
    width = max(len(first.text), len(last.text))
    return first.start.isoformat()[:width], last.end.isoformat()[:width]


def _single(text: str, today: date, original: str) -> str:
    """One friendly date (with circa / ? qualifiers) as an EDTF date."""
    approximate = uncertain = False
    prefix = re.match(_APPROXIMATE, text)
    if prefix and prefix.end() < len(text):
        approximate = True
        text = text[prefix.end() :]
    if text.endswith("?"):
        uncertain = True
        text = text[:-1].rstrip()
    code = _core(text, today, original)
    if (approximate or uncertain) and _token_precision(code) == "season":
        raise DateError(
            f"a season cannot be marked approximate or uncertain (EDTF has no such date):"
            f" write {_say(code)!r} and say the doubt in a note"
        )
    if code[-1:] in ("~", "?", "%"):
        approximate = approximate or code[-1] in "~%"
        uncertain = uncertain or code[-1] in "?%"
        code = code[:-1]
    if approximate and uncertain:
        return code + "%"
    return code + ("~" if approximate else "?" if uncertain else "")


def _core(text: str, today: date, original: str) -> str:
    """An unqualified friendly date as EDTF: 17 June 2003 -> 2003-06-17."""
    if text == "today":
        return today.isoformat()
    if text == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    if text == "tomorrow":
        return (today + timedelta(days=1)).isoformat()
    text = _year_first(_bare(text))
    if re.fullmatch(_EDTF_CHARS, text.upper()):
        return text.upper()
    match = re.fullmatch(_DECADE_FR, text)
    if match:
        return match["year"][:3] + "X"
    text = re.sub(_JOINING_DE, " ", text)
    for pattern in _FRIENDLY:
        match = re.fullmatch(pattern, text)
        if match is None:
            continue
        month = _month_number(match["month"])
        if month is None:
            if match["month"] in _SEASON_CODES or match["month"] in _THIRD_WORDS:
                break
            raise _unknown_month(match["month"], original)
        code = f"{match['year']}-{month:02d}"
        return f"{code}-{int(match['day']):02d}" if match.groupdict().get("day") else code
    winter = _winter_across(text)
    if winter:
        return winter
    match = re.fullmatch(_SEASON, text)
    if match and match["season"] in _SEASON_CODES:
        return f"{match['year']}-{_SEASON_CODES[match['season']]}"
    match = re.fullmatch(_DECADE, text)
    if match:
        year = match["year"]
        return year[:2] + "XX" if year.endswith("00") else year[:3] + "X"
    raise _unreadable(original, text)


def _unknown_month(word: str, original: str) -> DateError:
    """A refusal naming the word that is not a month, and the month names closest to it."""
    from casetrack.text import did_you_mean

    hint = did_you_mean(word, [words.split()[0] for words in _MONTH_WORDS])
    if not hint:
        return _unreadable(original)
    return DateError(f"{word!r} in the date {_quote(original)} is not a month{hint}")


def _from_edtf(code: str, original: str) -> DateValue:
    """Check EDTF text with the edtf package and bound it; only casetrack's subset passes."""
    import contextlib
    import io

    import edtf

    try:
        # edtf prints to stdout on some malformed input and raises assorted error types.
        with contextlib.redirect_stdout(io.StringIO()):
            parsed = edtf.parse_edtf(code)
    except Exception:
        raise _unreadable(original) from None
    text = str(parsed)
    kind = type(parsed)
    start: date | None
    end: date | None
    if kind in (edtf.Date, edtf.Unspecified, edtf.Season, edtf.UncertainOrApproximate):
        precision = _token_precision(text)
        if precision is None:
            raise _unreadable(original)
        start, end = _span(parsed, original)
    elif kind in (edtf.Interval, edtf.Level1Interval) or _is_range(parsed):
        bounds = parsed.objects[0] if kind is edtf.OneOfASet else parsed
        # An open (..) or unknown (empty) end is unbounded for casetrack.
        low = None if isinstance(bounds.lower, edtf.UnspecifiedIntervalSection) else bounds.lower
        high = None if isinstance(bounds.upper, edtf.UnspecifiedIntervalSection) else bounds.upper
        if low is None and high is None:
            raise _unreadable(original)
        if kind is not edtf.OneOfASet:
            precision = "interval"
        else:
            both = low is not None and high is not None
            precision = "between" if both else "before" if high is not None else "after"
        start = _span(low, original)[0] if low is not None else None
        end = _span(high, original)[1] if high is not None else None
    else:
        raise _unreadable(original)
    if start and end and start > end:
        raise _backwards(text, original)
    return DateValue(text, start, end, precision, _approximate(text), _uncertain(text))


def _backwards(code: str, original: str) -> DateError:
    """The refusal of a span whose ends are the wrong way round (2021-2019), with the span
    they make the right way round: 2019/2021, or between 2019 and 2021 for one day in it."""
    said = f"the date {_quote(original)} ends before it starts"
    cleaned = " ".join(original.split())
    for pattern in (_YEAR_SPAN, *(pattern for pattern, _ in _RANGES)):  # its ends swapped
        match = re.fullmatch(pattern, cleaned.lower().replace("\u2019", "'"))
        if match is None:
            continue
        ends = [i for i in range(1, match.re.groups + 1) if match[i]]
        if len(ends) != 2:
            continue
        (a, b), (c, d) = match.span(ends[0]), match.span(ends[1])
        turned = cleaned[:a] + cleaned[c:d] + cleaned[b:c] + cleaned[a:b] + cleaned[d:]
        with contextlib.suppress(DateError):
            return DateError(f"{said}: write {turned!r} ({display_date(parse_date(turned))})")
    if code.startswith("[") and ".." in code:
        low, _, high = code[1:-1].partition("..")
        turned = f"between {_say(high)} and {_say(low)}"
    else:
        low, _, high = code.partition("/")
        turned = f"{high}/{low}"
    try:
        parse_date(turned)
    except DateError:
        return DateError(f"{said}: put the earlier date first")
    return DateError(f"{said}: write {turned!r} ({display_date(parse_date(turned))})")


def _is_range(parsed: Any) -> bool:
    """An EDTF one-of-a-set holding a single range: [A..B], [..B] or [A..]."""
    import edtf

    ranges = (edtf.Consecutives, edtf.EarlierConsecutives, edtf.LaterConsecutives)
    if type(parsed) is not edtf.OneOfASet or len(parsed.objects) != 1:
        return False
    return type(parsed.objects[0]) in ranges


def _span(single: Any, original: str) -> tuple[date, date]:
    """Earliest and latest day of one EDTF date, from edtf's strict bounds."""
    if _token_precision(str(single)) is None:
        raise _unreadable(original)
    try:
        low, high = single.lower_strict(), single.upper_strict()
        start = date(low.tm_year, low.tm_mon, low.tm_mday)
        end = date(high.tm_year, high.tm_mon, high.tm_mday)
        match = _TOKEN.fullmatch(str(single))
        if match and match["month"] == str(_WINTER):
            # edtf takes winter as December only; casetrack means December to February.
            end = date(end.year + 1, 3, 1) - timedelta(days=1)
    except (AttributeError, ValueError, OverflowError):
        raise _unreal(original, str(single)) from None
    return start, end


def _approximate(text: str) -> bool:
    return "~" in text or "%" in text


def _uncertain(text: str) -> bool:
    return "?" in text or "%" in text


def _token_precision(token: str) -> str | None:
    """Precision of one stored EDTF date, or None if it is not one casetrack supports."""
    return _precision(_TOKEN.fullmatch(token))


def _precision(match: re.Match[str] | None) -> str | None:
    """_token_precision of a token _TOKEN matched (None: it did not)."""
    if not match:
        return None
    year, month, day = match["year"], match["month"], match["day"]
    if "X" in year:
        return ("decade", "century", "millennium")[year.count("X") - 1] if not month else None
    if month is None or month == "XX":
        return "year" if day in (None, "XX") else None
    if int(month) in _SEASONS:
        return "season" if day is None else None
    return "month" if day in (None, "XX") else "day"


def _say(token: str, with_year: bool = True, with_month: bool = True) -> str:
    """One stored EDTF date in words; the text itself if it is not one casetrack writes."""
    match = _TOKEN.fullmatch(token)
    precision = _precision(match)
    if precision is None or match is None:
        return token
    year = match["year"]
    first = int(year.replace("X", "0"))
    if precision == "decade":
        words = f"{first}s" if first % 100 else f"{first} {_DASH} {first + 9}"
    elif precision == "century":
        words = f"{first}s"
    elif precision == "millennium":
        words = f"{first} {_DASH} {first + 999}"
    elif precision == "season":
        words = f"{_SEASONS[int(match['month'])]} {year}"
        if int(match["month"]) == _WINTER:  # December to February: both years, not misread
            then = str(first + 1)  # joined by a hyphen: an en dash joins a span's two ends
            words += "-" + (then if then[:2] != year[:2] else then[2:])
    else:
        parts = [year] if with_year else []
        if precision in ("month", "day") and with_month:
            parts.insert(0, MONTHS[int(match["month"]) - 1])
        if precision == "day":
            parts.insert(0, str(int(match["day"])))
        words = " ".join(parts)
    qualifier = match["qualifier"]
    if qualifier in ("~", "%"):
        words = f"{ABOUT_SAID} {words}"
    return words + "?" if qualifier in ("?", "%") else words


def _say_range(low: str, high: str) -> str:
    """An interval as words, sharing the year (and month) when both ends are plain dates."""
    start, end = _ends_said(low, high)
    return f"{start} {_DASH} {end}"


def _ends_said(low: str, high: str) -> tuple[str, str]:
    """Both ends of a range in words, the first without the year (and month) it shares with
    the last when both are plain days or months: (17 Jun, 3 Jul 2003), (1, 5 May 2021)."""
    low_precision, high_precision = _token_precision(low), _token_precision(high)
    unqualified = low[-1].isdigit() and high[-1].isdigit()
    plain = unqualified and {low_precision, high_precision} <= {"day", "month"}
    if plain and low[:4] == high[:4]:
        same_month = low_precision == high_precision == "day" and low[:7] == high[:7]
        return _say(low, with_year=False, with_month=not same_month), _say(high)
    return _say(low), _say(high)
