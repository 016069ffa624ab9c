"""Date expressions in a text (full, month, year, relative, year-less), the dateline,
and the span each resolves to.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from casetrack.extract.text import Regex, drop_overlaps, fold, normalise_space

# The month names extract finds in running text. casetrack.dates._MONTH_WORDS (what `add`
# reads) is the wider table and this one a subset of it, month for month (a test holds them
# so); they stay two because they answer different questions. `add` reads a date the user
# typed, so it also takes Italian and the Spanish and German short forms; extract searches
# prose, where "set", "gen", "mag", "ago", "dic", "ott" or "fev" are mostly not months, and
# sentences.py asks month_number() about any word after a full stop. This table also keeps
# the accented and capitalised spellings, which the patterns below match in the raw text.
_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan", "janvier", "janv", "Januar", "Jänner", "enero"),
    2: ("February", "Feb", "février", "fevrier", "févr", "fevr", "Februar", "febrero"),
    3: ("March", "Mar", "mars", "März", "Maerz", "marzo"),
    4: ("April", "Apr", "avril", "avr", "abril"),
    5: ("May", "mai", "Mai", "mayo"),
    6: ("June", "Jun", "juin", "Juni", "junio"),
    7: ("July", "Jul", "juillet", "juill", "juil", "Juli", "julio"),
    8: ("August", "Aug", "août", "aout", "agosto"),
    9: ("September", "Sept", "Sep", "septembre", "septiembre", "setiembre"),
    10: ("October", "Oct", "octobre", "Oktober", "octubre"),
    11: ("November", "Nov", "novembre", "noviembre"),
    12: ("December", "Dec", "décembre", "decembre", "déc", "Dezember", "diciembre"),
}
_MONTHS = {fold(form): number for number, forms in _MONTH_FORMS.items() for form in forms}
# English and German month names are capitalised; lower-case "may" is a verb, not a month.
_CAPITALISED_ONLY = frozenset({"may", "march", "mar", "august", "aug", "jan", "sep"})

_MONTH_WORDS = {*_MONTHS, *(form for forms in _MONTH_FORMS.values() for form in forms)}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_ANY_MONTH_FORMS = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
# A year written with its month may be old ("15 October 1894"); a bare year only from 1900 on:
# before that, "in 1850" is more often a building's age or a count than an event of a case.
_YEAR_END = r"(?![\d/.,:-]\d)(?![^\W\d_])"  # not "2014Washington"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d|2100)" + _YEAR_END
_MODERN_YEAR = r"(?P<year>19\d\d|20\d\d|2100)" + _YEAR_END
# After a day and month, a year may be run into a short word, as copies lose spaces ("9
# septembre 2011en tant que"); never into a capital ("2014Washington": page furniture).
_YEAR_RUN_IN = (
    r"(?P<year>1[6-9]\d\d|20\d\d|2100)(?![\d/.,:-]\d)(?!(?-i:[A-Z\u00c0-\u00de]))"
    r"(?!(?-i:[a-z\u00df-\u00ff]{4}))"
)
# "the 3d day of" (old US style); "1 er janvier", "1\ner\njanvier" as copies of PDFs split it.
_DAY = r"(?P<day>[0-3]?\d)(?:\s{1,2}er(?=\s)|er|st|nd|rd|th|d(?=\s+day\b)|\.)?"
_NOT_AFTER_NUMBER = r"(?<![\w/.,§-])(?<!\d:)"  # a field's "Date :6 April 2016", no time
_UNITS_AFTER_NUMBER = (
    r"(?!\s*(?:%|€|\$|£|euros?|dollars?|pounds?|francs?|people|persons|personnes|members|"
    r"membres|officers|policiers|pages?|km|kilo\w*|metres?|meters?|tonnes?|times|fois)\b)"
)

_ANNO_DOMINI = r"A\.\s?D\.\s+"  # old US style: "the 30th day of July, A.D. 1966"
_DAY_MONTH = Regex(
    # "5 May 2010", "le 5 de mayo", "the 5th (day) of May, 2010"; a field's label run into its
    # day, as a page lays out its fields: "Judgment Date22 January 2018"
    r"(?:(?<=Date)|"
    + _NOT_AFTER_NUMBER
    + ")"
    + _DAY
    # a capitalised month run into its day, as copies lose spaces: "the 1October 2004 attack"
    + r"(?:(?:\s+day)?\s+(?:de\s+|of\s+)?|(?=(?-i:[A-Z]))"
    # or joined to it by a hyphen, as scans join a line's end: "l'arrêt n° 29 du 14-mai 2002"
    # (not "les attentats du 13-Novembre 2015": a capital makes the day a name)
    + r"|-(?=(?-i:[a-z\u00df-\u00ff])[^\W\d_]*\s+(?:1[6-9]|20)\d\d(?!\d)))"
    + _MONTH
    + r"(?:(?:,?\s+(?:de\s+|of\s+|"  # "the 20th of October of 2003", as a transcript says it
    + _ANNO_DOMINI
    + r")?|(?<=[a-z]\.))"  # or run into an abbreviated month's stop: "31 Mar.1983"
    + _YEAR_RUN_IN
    + ")?",
    re.IGNORECASE,
)
_MONTH_DAY = Regex(  # (the year maybe run into the comma, as scans print it: "January 12,1982")
    r"(?<![\w-])"
    + _MONTH
    # or the day run into its month when a year follows, as copies lose spaces: "July11, 2017"
    + r"(?:\s+|(?=[0-3]?\d,\s*(?:1[6-9]|20)\d\d(?!\d)))"
    + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|d\b)?(?![\d:])"
    r"(?:(?:,?\s+(?:" + _ANNO_DOMINI + ")?|,)" + _YEAR + ")?",
    re.IGNORECASE,
)
_MONTH_YEAR = Regex(
    r"(?<![\w-])" + _MONTH + r",?\s+(?:(?:de|of)\s+)?" + _YEAR + _UNITS_AFTER_NUMBER,
    re.IGNORECASE,
)
# The first days of a list sharing a month: "les 2 et 30 octobre 2008", "on 4, 9 and 12 May".
# Its last link is a conjunction: a number and a comma before a date ("formation à 5, 07 juillet
# 2015", "§ 21, 5 July 2016") is no list of days.
_DAY_LIST = Regex(
    _NOT_AFTER_NUMBER + r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?(?=(?:\s*,\s*[0-3]?\d"
    r"(?:er|st|nd|rd|th)?)*\s*,?\s*(?:et|and|&)\s+[0-3]?\d(?:er|st|nd|rd|th)?\s+(?:"
    + _ANY_MONTH_FORMS
    + r")\b)",
    re.IGNORECASE,
)
# Days of one month as a period: "du 13 au 30 mars 2018", "from 13 to 30 March 2018", "13-30 March
# 2018", "March 13-30, 2018". "and"/"et" only after a word that opens a period ("between 13 and 30
# March"), as "on 4 and 9 May" is two dates.
_DAY_RANGE_LINK = (
    r"(?P<link>\s+(?:to|through|until|au|jusqu'au|jusqu\u2019au|and|et)\s+"
    r"|\s*[-\u2010\u2011\u2013\u2014]\s*)"  # a hyphen, a non-breaking one or a dash
)
_DAY_MONTH_RANGE = Regex(  # ("entre les 11 et 14 août 2023", "between the 11th and 14th")
    r"(?:(?P<lead>between|entre)\s+(?:(?:the|les)\s+)?)?"
    + _NOT_AFTER_NUMBER
    + r"(?P<first>[0-3]?\d)(?:\s{1,2}er(?=\s)|er|st|nd|rd|th)?"  # ("du 1 er au 9 mai")
    + _DAY_RANGE_LINK
    + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:de\s+)?"
    + _MONTH
    + r",?\s+(?:de\s+)?"
    + _YEAR,
    re.IGNORECASE,
)
_MONTH_DAY_RANGE = Regex(
    r"(?<![\w-])"
    + _MONTH
    + r"\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?"
    + _DAY_RANGE_LINK
    + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
    + _YEAR,
    re.IGNORECASE,
)
# Days in words: "the third of March 2010", "March twenty-first", "le premier mars 2010".
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
_FRENCH_DAYS = (
    "premier", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
)  # fmt: skip


def _day_words() -> tuple[dict[str, int], dict[str, int]]:
    """Every day of a month in words (1 to 31): English ordinals, French numbers."""
    english = {word: day for day, word in enumerate(_ORDINALS, 1)}
    french = {word: day for day, word in enumerate(_FRENCH_DAYS, 1)}
    english |= {"twentieth": 20, "thirtieth": 30}
    french |= {"vingt": 20, "trente": 30, "trente et un": 31}
    for ones in range(1, 10):
        for sep in ("-", " "):
            english[f"twenty{sep}{_ORDINALS[ones - 1]}"] = 20 + ones
        french["vingt et un" if ones == 1 else f"vingt-{_FRENCH_DAYS[ones - 1]}"] = 20 + ones
    english |= {"thirty-first": 31, "thirty first": 31}
    return english, french


_ENGLISH_DAYS, _FRENCH_DAY_WORDS = _day_words()
_DAY_WORDS = _ENGLISH_DAYS | _FRENCH_DAY_WORDS


_DAY_WORD_TOKENS = frozenset(w for day in _DAY_WORDS for w in re.split(r"[\s-]+", fold(day)))
_LETTERS = Regex(r"[^\W\d_]+")


def _words(words: dict[str, int]) -> str:
    # "dix-sept" may lose its hyphen in a head in capitals: "DU JEUDI DIX SEPT JUIN"
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return alternatives.replace(" ", r"\s+").replace("-", r"[\s-]")


# A French day in words may follow its weekday, as a decision's head says its hearing: "en son
# audience publique du jeudi seize novembre deux mille six".
_AFTER_A_WEEKDAY = "|".join(
    rf"(?<=\b{day}\s)|(?<=\b{day},\s)"
    for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
)
_WORD_DAY_MONTH = Regex(  # "the third of March", "le premier mars": an ordinal needs its "of"
    r"(?<![\w-])(?:(?:the\s+)?(?P<word>"
    + _words(_ENGLISH_DAYS)
    + r")(?:\s+day)?\s+of\s+"
    + _MONTH
    + r"|(?:(?<=\ble\s|\bdu\s|\bau\s)|"
    + _AFTER_A_WEEKDAY
    + r")(?P<word_fr>"
    + _words(_FRENCH_DAY_WORDS)
    + r")\s+"
    r"(?P<month_fr>" + _ANY_MONTH_FORMS + r")\.?)(?:,?\s+(?:of\s+)?" + _YEAR + ")?",
    re.IGNORECASE,
)
_MONTH_WORD_DAY = Regex(
    r"(?<![\w-])" + _MONTH + r"\s+(?:the\s+)?(?P<word>" + _words(_ENGLISH_DAYS) + r")(?![\w-])"
    r"(?:,?\s+" + _YEAR + ")?",
    re.IGNORECASE,
)
# A season of a year, as EDTF writes it (2003-22: summer 2003; winter runs into the next year).
_SEASONS = {
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
    "printemps": 21, "ete": 22, "automne": 23, "hiver": 24,
}  # fmt: skip
_SEASON = Regex(
    r"(?<![\w-])(?:(?:the\s+|l['\u2019]|au\s+)(?P<season>spring|summer|autumn|fall|printemps|"
    r"[ée]t[ée]|automne|hiver|winter)|(?P<bare>spring|summer|autumn|winter|printemps|automne))"
    r",?\s+(?:of\s+|de\s+(?:l['\u2019]ann[ée]e\s+)?|d['\u2019])?" + _YEAR,
    re.IGNORECASE,
)
# A third of a year, as `add` reads it ("late 2012": September to December); in a month
# ("early March 2010") it is that month, as the corpus's readers file it.
_THIRD_OF = {
    **dict.fromkeys(("early", "beginning", "debut"), "early"),
    **dict.fromkeys(("mid", "middle", "mi"), "mid"),
    **dict.fromkeys(("late", "end", "fin"), "late"),
}
_QUALIFIED_MONTH = Regex(
    r"(?<![\w-])(?P<third>early|late|mid|(?:the\s+)?(?:beginning|middle|end)\s+of|d[ée]but|fin|mi)"
    r"(?:\s*-\s*|\s+)(?:(?:de\s+|d')?(?:the\s+)?)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR,
    re.IGNORECASE,
)
_LAST_SEASON = Regex(
    r"(?<![\w-])(?:last\s+(?P<season>spring|summer|autumn|fall|winter)"
    r"|(?:l['\u2019]|le\s+)(?P<season_fr>printemps|[ée]t[ée]|automne|hiver)\s+dernier)(?![\w-])",
    re.IGNORECASE,
)
# A year in French words, as old French decisions write it: "mil neuf cent quatre-vingt-neuf".
_FRENCH_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}  # fmt: skip
_YEAR_WORDS = Regex(
    r",?\s+(?:de\s+l['\u2019]an\s+)?(?P<thousands>mil(?:le)?\s+neuf\s+cents?|deux\s+mille)"
    r"(?P<rest>(?:[\s-]+(?:et|"
    + "|".join(sorted(_FRENCH_NUMBERS, key=len, reverse=True))
    + r")(?!\w))*)",
    re.IGNORECASE,
)


_ENGLISH_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ENGLISH_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                  "seventeen", "eighteen", "nineteen")  # fmt: skip
_ENGLISH_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ENGLISH_NUMBERS = {
    **{word: n for n, word in enumerate(_ENGLISH_ONES, 1)},
    **{word: n for n, word in enumerate(_ENGLISH_TEENS, 10)},
    **{word: n for n, word in enumerate(_ENGLISH_TENS, 2)},  # tens, times ten below
}
_ENGLISH_UNDER_100 = (
    r"(?:(?P<tens>" + "|".join(_ENGLISH_TENS) + r")(?:[\s-]+(?P<ones>" + "|".join(_ENGLISH_ONES)
    + r"))?|(?P<small>" + "|".join(_ENGLISH_TEENS + _ENGLISH_ONES) + r"))(?![\w-])"
)  # fmt: skip
# An English year in words: "nineteen ninety-eight", "two thousand and three".
_ENGLISH_YEAR = Regex(
    r",?\s+(?:of\s+)?(?:(?P<century>nineteen|twenty)(?:\s+hundred(?:\s+and)?)?[\s-]+"
    r"|(?P<thousand>two\s+thousand)(?:\s+and)?[\s-]+)" + _ENGLISH_UNDER_100,
    re.IGNORECASE,
)
_ENGLISH_YEAR_AFTER_WORD = Regex(r"\b(?:in|since|during|in\s+the\s+year)(?=\s)", re.IGNORECASE)


_ENGLISH_CENTURIES = frozenset({"nineteen", "twenty", "thousand"})


def _english_year(text: str, at: int) -> tuple[int, int] | None:
    """A year written in English words right at `at`, and where it ends."""
    m = _ENGLISH_YEAR.rx.match(text, at)
    if m is None:
        return None
    words = {k: fold(v) for k, v in m.groupdict().items() if v}
    if "tens" in words:
        number = _ENGLISH_NUMBERS[words["tens"]] * 10 + _ENGLISH_NUMBERS.get(
            words.get("ones", ""), 0
        )
    elif "century" in words and words["small"] in _ENGLISH_ONES:
        return None  # "twenty-one cases": a count
    else:
        number = _ENGLISH_NUMBERS[words["small"]]
    base = 2000 if "thousand" in words or words.get("century") == "twenty" else 1900
    return base + number, m.end()


def _year_in_words(text: str, at: int) -> tuple[int, int] | None:
    """A year written in French or English words right at `at`, and where it ends."""
    m = _YEAR_WORDS.rx.match(text, at)
    if m is None:
        return _english_year(text, at)
    words = [w for w in re.split(r"[\s-]+", fold(m.group("rest"))) if w and w != "et"]
    number, index = 0, 0
    while index < len(words):
        if words[index] == "quatre" and words[index + 1 : index + 2] in (["vingt"], ["vingts"]):
            number, index = number + 80, index + 2
            continue
        number, index = number + _FRENCH_NUMBERS[words[index]], index + 1
    if number > 99:
        return None
    return (1900 if "neuf" in fold(m.group("thousands")) else 2000) + number, m.end()


_ISO_DATE = Regex(
    r"(?<![\w/.-])(?P<year>19\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w/-])"
)
# A date in ISO 8601's basic form after a word that dates something: "On 20070831 the
# President decided"; a bare run of eight digits is more often a number.
_COMPACT_DATE = Regex(
    r"\b(?:on|of|dated|le|du|au|am|date\s?:)\s*(?P<year>19\d\d|20\d\d)(?P<month>0[1-9]|1[0-2])"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?![\w/.,-]?\d)(?![^\W\d_])" + _UNITS_AFTER_NUMBER,
    re.IGNORECASE,
)
# A date a PDF's text layer ran into the words around it: "datedMay 19, 1972", "Case
# 23-CB-1269April 30, 1973DECISION AND ORDER": an English month's full name, capitalised, after a
# small letter or a digit, or its year before a word in capitals.
_RUN_TOGETHER = Regex(
    r"(?:(?<=[a-z0-9])|(?<![\w-])(?=\w+\s+[0-3]?\d,\s*\d{4}[A-Z]{2}))(?P<month>January|February"
    r"|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?P<day>[0-3]?\d),\s*(?P<year>1[6-9]\d\d|20\d\d)(?=[A-Z]{2}|[^\w]|$)"
)
# A table's number of the year and its date run together when a page is flattened:
# "Guernsey Judgment 1/201104.01.2011Jubilee Scheme v Capita" (judgment 1/2011 of 4 January).
_NUMBER_RUN_INTO_DATE = Regex(
    r"(?<![\w/.])\d{1,4}/(?P<numbered>(?:19|20)\d\d)(?P<day>[0-3]\d)(?P<sep>[./])(?P<month>[01]\d)"
    r"(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)"
)
_NUMERIC_DATE = Regex(
    _NOT_AFTER_NUMBER + r"(?P<day>[0-3]?\d)(?P<sep>[./])(?P<month>[0-3]?\d)(?P=sep)" + _YEAR
)
# Dashes only after a word that dates something ("recorded on the 13-11-2004"): alone,
# 12-05-2004 may be a number.
_DASHED_DATE = Regex(
    r"\b(?:le|du|au|on(?:\s+the)?|dated|filed)\s+"
    r"(?P<day>[0-3]?\d)(?P<sep>-)(?P<month>[0-3]?\d)-" + _YEAR,
    re.IGNORECASE,
)
# or alone on its line, as an opinion's head gives its date under its docket number ("A22-1221
# / 04-19-2023")
_DASHED_LINE = Regex(
    r"(?m)^[ \t]*(?P<day>[0-3]?\d)(?P<sep>-)(?P<month>[0-3]?\d)-" + _YEAR + r"[ \t]*$"
)
# A year in two figures only after a word that dates something ("assignée le 06/06/17", "served
# on 6/6/17"): alone, 17/04258 is a docket number.
_SHORT_NUMERIC_DATE = Regex(
    r"(?:\b(?:le|du|au|on(?:\s+the)?|dated|of|filed)\s+|\bdate\b[\w ]{0,20}:[ \t]*)"
    r"(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<month>[0-3]?\d)(?P=sep)"
    r"(?P<short>\d\d)(?![\w/.,-]?\d)(?![^\W\d_])",
    re.IGNORECASE,
)
_CENTURY_PIVOT = 50  # a two-figure year below it is of the 2000s: "06/06/17" is 2017, "87" 1987

# A bare year is a date only where the words around it say so ("in 2001", "the 2003 raid").
_YEAR_CONTEXT = (
    r"in|since|by|from|during|of|before|after|around|circa|between|"
    r"en|depuis|dès|vers|fin|début|debut|courant|durant|pendant|au\s+cours\s+de|"
    r"im|im Jahr|seit|bis|desde|hasta|en el año"
)
_YEAR_AFTER_WORD = Regex(  # not "the Act of 1998", "la loi de 1901": names, not events
    r"(?<![\w'\u2019])(?<!Act )(?<!Law )(?<!Code )(?P<context>"
    + _YEAR_CONTEXT
    + r")\s+(?:the\s+year\s+|l['\u2019]an(?:n[ée]e)?\s+)?"
    r"(?P<qualifier>(?:early|late|mid-?)\s*)?" + _MODERN_YEAR + _UNITS_AFTER_NUMBER,
    re.IGNORECASE,
)
_EVENT_NOUNS = (
    r"raids?|rulings?|arrests?|trials?|hearings?|investigations?|probes?|indictments?|"
    r"judg(?:e)?ments?|verdicts?|appeals?|complaints?|operations?|decisions?|crackdown|"
    r"election|elections|convictions?|sentences?|charges?|searches?|settlement|case|"
    # the act prosecuted: "a 2003 murder"
    r"murders?|killings?|homicides?|shootings?|robber(?:y|ies)|bombings?|kidnappings?|"
    r"assaults?|burglar(?:y|ies)|thefts?|rapes?|stabbings?"
)
# A docket number run into a year by its court's letters: "No. 77 WDA 2020", "Nos. 12 EDA 2019".
_DOCKET_BEFORE = Regex(r"\bNos?\.\s*\d+\s+[A-Z]{2,5}\s+$")
# A case, docket or register number "of" its year, as common-law courts number them: "Criminal
# Appeal No. 265 of 2008", "CA No 310 of 2014", "Criminal Appeal E006 of 2023", "FIR No. 79 of
# 2020", "Special Leave Petition No. of 2024" (the number left blank): no event in that year.
_NUMBERED_OF = Regex(r"(?:\b[A-Z]{0,4}\d[\w/.-]*|\bNos?\.?)\s+of\s+$", re.IGNORECASE)
# A report's name and its number after a year: "cited in 2022 LiveLaw (AB) 252", "reported in
# 2019 SCC OnLine SC 1234": the year a law report's volume is, no event in that year.
_REPORTED_AFTER = Regex(
    r"\s+(?:(?-i:[A-Z])[\w.]*\s+){1,3}(?:\((?-i:[A-Z])[\w.]{0,8}\)\s+)?\d{1,6}\b"
)
_YEAR_BEFORE_NOUN = Regex(
    r"(?<![\w$€£/.,-])" + _MODERN_YEAR + r"\s+(?=(?:" + _EVENT_NOUNS + r")\b)", re.IGNORECASE
)

_NUMBER_WORDS = {
    word: number
    for number, words in enumerate(
        (
            ("zero", "zéro"), ("a", "an", "one", "un", "une"), ("two", "deux"),
            ("three", "trois"), ("four", "quatre"), ("five", "cinq"), ("six",),
            ("seven", "sept"), ("eight", "huit"), ("nine", "neuf"), ("ten", "dix"),
            ("eleven", "onze"), ("twelve", "douze"), ("thirteen", "treize"),
            ("fourteen", "quatorze"), ("fifteen", "quinze"), ("sixteen", "seize"),
            ("seventeen", "dix-sept"), ("eighteen", "dix-huit"), ("nineteen", "dix-neuf"),
            ("twenty", "vingt"),
        )
    )
    for word in words
}  # fmt: skip
_VAGUE_COUNTS = ("a few", "several", "some", "many", "quelques", "plusieurs")
_UNITS = {
    "day": "day", "days": "day", "jour": "day", "jours": "day",
    "week": "week", "weeks": "week", "semaine": "week", "semaines": "week",
    "month": "month", "months": "month", "mois": "month",
    "year": "year", "years": "year", "an": "year", "ans": "year",
    "annee": "year", "annees": "year",
}  # fmt: skip
_EARLIER = frozenset(
    {"earlier", "before", "previously", "ago", "prior", "previous", "preceding", "auparavant",
     "plus tot", "avant", "precedent", "precedente", "veille"}
)  # fmt: skip

_COUNT = (
    r"(?P<count>\d{1,3}|"
    + "|".join(sorted((*_NUMBER_WORDS, *_VAGUE_COUNTS), key=len, reverse=True))
    + r")"
)
_RELATIVE_AFTER_COUNT = Regex(
    r"(?<![\w-])(?:" + _COUNT + r"\s+)?(?P<unit>days?|weeks?|months?|years?|jours?|semaines?|"
    r"mois|ans?|ann[ée]es?)\s+(?P<direction>later|afterwards|thereafter|earlier|previously|ago"
    r"|before(?=\s*[,.;)])"
    r"|plus\s+tard|plus\s+t[ôo]t|auparavant|avant(?=\s*[,.;)]))",
    re.IGNORECASE,
)
# A span counted from an event named by its noun or its verb: "two days after her arrest", "a
# week after she was convicted", "deux jours après son arrestation".
_AFTER_EVENT = Regex(
    r"(?<![\w-])" + _COUNT + r"\s+(?P<unit>days?|weeks?|months?|years?|jours?|semaines?|mois|ans"
    r"|ann[ée]es)\s+(?P<direction>after|before|apr[èe]s|avant)\s+(?:(?:his|her|their|the)\s+"
    r"(?P<noun>arrest|conviction|indictment|sentencing|release)|(?:he|she|they)\s+(?:was|were"
    r"|had\s+been)\s+(?P<verb>arrested|convicted|indicted|sentenced|released|charged)"
    r"|(?:son|sa|leur)\s+(?P<nom>arrestation|interpellation|condamnation|mise\s+en\s+examen"
    r"|lib[ée]ration|inculpation))(?![\w-])",
    re.IGNORECASE,
)
_EVENT_KINDS = {
    **dict.fromkeys(("arrest", "arrested", "arrestation", "interpellation"), "arrest"),
    **dict.fromkeys(("conviction", "convicted", "condamnation"), "conviction"),
    **dict.fromkeys(("indictment", "indicted"), "indictment"),
    **dict.fromkeys(("sentencing", "sentenced"), "sentencing"),
    **dict.fromkeys(("release", "released", "liberation"), "release"),
    **dict.fromkeys(("charged", "mise en examen", "inculpation"), "charge"),
}
_IL_Y_A = Regex(  # "il y a deux ans": before the dateline, as "two years ago"
    r"(?<![\w-])il\s+y\s+a\s+"
    + _COUNT
    + r"\s+(?P<unit>jours?|semaines?|mois|ans|ann[ée]es)(?![\w-])",
    re.IGNORECASE,
)
_LAST_WEEK = Regex(
    r"(?<![\w-])(?:last\s+week|la\s+semaine\s+derni[èe]re)(?!['\u2019]s)(?![\w-])", re.IGNORECASE
)
_RELATIVE_NEXT = Regex(
    r"(?<![\w-])(?:the\s+(?P<direction>following|next|previous|preceding)\s+"
    r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)"
    r"|the\s+(?:day|night)\s+(?P<direction_en>before|after)(?!\s+(?:the|a|his|her|their|its)\b)"
    r"|(?:l['\u2019]|la\s+|le\s+)(?P<unit_fr>ann[ée]e|semaine|mois|jour)"
    r"\s+(?P<direction_fr>suivante?|pr[ée]c[ée]dente?))(?![\w-])",
    re.IGNORECASE,
)
_RELATIVE_DAY_WORDS = Regex(  # (two days on or back: "le surlendemain", "l'avant-veille")
    r"(?<![\w-])(?:le\s+)?(?P<word>(?:sur)?lendemain|la\s+veille|l['\u2019]avant-veille)\b", re.I
)
# "au lendemain de l'investiture" set after a date: the date told is the day after that event,
# no day after the date.
_APPOSED = Regex(r",\s*(?:au|[àa])\s+$", re.IGNORECASE)
_OF_AN_EVENT = Regex(r"\s+(?:de|du|des|d['\u2019])", re.IGNORECASE)
_ABBREVIATED = frozenset(
    {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "janv",
     "févr", "fevr", "avr", "juil", "juill", "déc"}
)  # fmt: skip
_MONTH_NAMES = "|".join(
    sorted(
        (f for forms in _MONTH_FORMS.values() for f in forms if f not in _ABBREVIATED),
        key=len,
        reverse=True,
    )
)
_ANY_MONTH = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))
# (not a judge named like a month: "Opinion by May, J.", "Mullins and May, JJ.")
_AFTER_MONTH_ONLY = r"(?!\w)(?!,?\s+(?:of\s+|de\s+)?(?:\d|the\s+\d))(?!,\s*(?:[PCS]\.\s?)?JJ?\.)"
_MONTH_ONLY = Regex(
    r"(?<![\w-])(?:(?:in|since|until|by|from|between|during|early|late|mid-|en|depuis|dès|fin|"
    r"début|debut|courant|mi-|last|this)\s+(?:early\s+|late\s+|mid-)?|(?:[àa]\s+)?la\s+mi-)"
    r"(?P<month>"
    + _MONTH_NAMES
    + ")"
    + _AFTER_MONTH_ONLY
    + r"|(?<![\w-])(?P<owner>"
    + _MONTH_NAMES
    + r")['\u2019]s(?!\w)",  # "April's raids"
    re.IGNORECASE,
)
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"),
         ("Thursday", "jeudi"), ("Friday", "vendredi"), ("Saturday", "samedi"),
         ("Sunday", "dimanche"))
    )
    for name in (*names, names[0].lower())
}  # fmt: skip
_WEEKDAY_NAMES = frozenset(fold(name) for name in _WEEKDAYS)
_WEEKDAY = Regex(
    r"(?<![\w-])(?<!\ba )(?<!\bun )(?<!\bany )(?<!\beach )(?<!\bevery )"  # not "on a Tuesday"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Ll]undi|[Mm]ardi|"
    r"[Mm]ercredi|[Jj]eudi|[Vv]endredi|[Ss]amedi|[Dd]imanche)(?![\w-])(?!,?\s+(?:\d+|the\s+\d+|le\s+\d+|"
    + _ANY_MONTH
    + r"|next|prochain|"
    + _words(_FRENCH_DAY_WORDS)  # "jeudi seize novembre deux mille six": the day is told
    + r")\b)"
)
_TODAY = Regex(
    r"(?<![\w-])(?:(?P<today>today|earlier\s+today|this\s+(?:morning|afternoon|evening)|tonight"
    r"|aujourd'hui|aujourd\u2019hui|ce\s+matin|cet\s+apr[èe]s-midi)"
    r"|(?P<yesterday>(?:(?:late|early)\s+)?last\s+night|yesterday(?:\s+(?:morning|afternoon|evening))?"
    r"|(?:dans\s+)?la\s+nuit\s+derni[èe]re|hier(?:\s+(?:soir|matin|apr[èe]s-midi))?)"
    r"|(?P<tomorrow>tomorrow(?:\s+(?:morning|afternoon|evening))?"
    r"|demain(?:\s+(?:matin|soir|apr[èe]s-midi))?)"
    r"|(?:just\s+)?last\s+(?P<last>month|year)(?!['\u2019]s)"
    r"|(?:earlier|later)\s+this\s+(?P<this>month|year)(?!['\u2019]s)"
    r"|(?P<dernier>le\s+mois|l'an|l'ann[ée]e)\s+derni[èe]re?)(?![\w-])",
    re.IGNORECASE,
)
# A release announcing an event in the present tense tells it on its own day: "State Attorney
# Jane Roe announces the arrest of John Doe", "le parquet annonce l'interpellation de". Not a
# headline's "DOJ Announce 30 Convictions" (capitalised, and a tally).
_ANNOUNCES = Regex(
    r"(?<![\w-])(?:announces?|annonce(?:nt)?)(?!\s+today)(?=\s+(?:the\s+|l['\u2019]|la\s+|le\s+)?"
    r"(?:[^\W\d][\w-]*\s+){0,2}?(?i:arrests?|charging|indictments?|convictions?|sentencing"
    r"|extradition|guilty\s+pleas?|interpellation|mise\s+en\s+examen|condamnation)\b)"
)
_IN_A_TITLE = Regex(r"[^\W_] [A-Z]")  # a capital after a word: title case
_SAME_DAY = Regex(  # not "that day" alone: "That day the court ruled on 5 June" restates it
    r"(?<![\w-])(?:the\s+same\s+(?:day|date|morning|afternoon|evening|night)"
    r"|(?:later\s+|earlier\s+)that\s+(?:day|morning|afternoon|evening|night)"
    r"|that\s+(?:same\s+)?(?:morning|afternoon|evening|night)|that\s+same\s+day"
    r"|(?:le|ce)\s+m[êe]me\s+jour|le\s+(?:jour|soir|matin)\s+m[êe]me|ce\s+jour-l[àa]"
    r"|dans\s+la\s+(?:soir[ée]e|journ[ée]e|nuit)\s+m[êe]me)(?![\w-])"
    # not the day of an event its clause tells: "on the same day Maldonado was tested"
    r"(?!\s+(?:as|when|que|où)\b|\s+(?-i:[A-Z])[\w'-]+\s+(?:was|were|had|is)\b)",
    re.IGNORECASE,
)
_SAME = Regex(r"\b(?:same|m[êe]me)\b", re.IGNORECASE)
_NIGHT_TO = Regex(
    r"\b(?:nuit\s+d[eu]|night\s+(?:of|from))\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(?:à|au|to|into)\s+$",
    re.IGNORECASE,
)
_NEXT_WEEK = Regex(r"\b(?:next|this coming|prochain)\s*$", re.IGNORECASE)
# Words after which a date is no event of the case: a birth, a page's publication, a law's name.
_NOT_AN_EVENT_BEFORE = Regex(
    r"(?:\bborn(?:\s+respectively)?(?:\s+(?:in|on))?|\bb\.|\bn[ée]e?s?\s+(?:respectivement\s+)?(?:en|le)"
    # The press's registration for a hearing: "To pre-register, please send an email to ... by
    # Sunday, 8 November 2020", "les demandes d'accréditation doivent parvenir avant le 3 mai"
    r"|\b(?:pre-?regist(?:er|ration)|accreditations?|accr[ée]ditations?)\b[^.;\n\d]{0,80}?"
    r"\b(?:by|before|until|no\s+later\s+than|avant(?:\s+le)?|jusqu['\u2019]au)"
    # and where: "born in Canada in 1989", "née à Lyon le 3 mai 1980"
    r"|\bborn\s+(?:in|at|to)\s+[^.;\n\d]{1,40}?\b(?:in|on)|\bn[ée]e?s?\s+[àa]\s+[^.;\n\d]{1,40}?\b(?:en|le)"
    r"|\b(?:published|updated|posted)(?:\s+on)?|\b(?:last|latest)\s+(?:updated|modified|update"
    r"|revised|revision)|\bdate\s+(?:modified|updated|of\s+update|issued|posted|created|published)"
    r"|\b(?:posted|created|released)\s*:|\b(?:modified|updated|revised)\s+date\s*:|\bas\s+corrected"
    r"\s+through|\barchive\s+date|\bpubli[ée]e?(?:\s+le)?|\bmis\s+[àa]\s+jour(?:\s+le)?"
    r"|\bdate\s+de\s+publication"
    # a gazette's record of a text: "prom. 17/05/2006 pub. 15/06/2006" (its promulgation and
    # publication); laws coordinated into one: "la loi générale ..., coordonnée le 18 juillet"
    r"|\b(?:prom|pub)\.|\bcoordonn[ée]e?s?\s+(?:le|du|par\s+arr[êe]t[ée]\s+royal\s+du)"
    r"|\b(?:rectified|corrected|revised|rectifi[ée]e?|corrig[ée]e?)\s+(?:on|le)"
    r"|\b(?:week|month|quarter|year|period|exercice|p[ée]riode|trimestre|semestre|semaine)"
    r"\s+(?:ended|ending|clos|cl[ôo]tur[ée])(?:\s+(?:on|le|au))?"
    # A programme revived: "reinvigorated PSN in 2017" (not an inquiry relaunched).
    r"|\b(?:relaunched|reinvigorated|revitali[sz]ed|revived|relanc[ée]e?)"
    r"\b(?:(?!\b(?:investigations?|inquir\w+|probes?|operations?|raids?|enqu[êe]tes?|appeals?|"
    r"op[ée]rations?|information|lawsuits?|suits?|actions?|prosecutions?|proceedings|cases?)\b)[^.;,\n\d]){0,40}?"
    r"\b(?:in|on|en|le)"
    # (not "par arrêté du 13 décembre 1963, il a été déplacé": an act applied to someone)
    r"|(?<!\bpar\s)(?<!\bpar\sun\s)"
    r"\b(?:loi|d[ée]cret|arr[êe]t[ée]|circulaire|directive|r[èe]glement|convention|trait[ée]|"
    r"protocol[e]?|act|law|statute|decree|regulation)\s+"
    # its maker and amendment: "règlement grand-ducal modifié du", "la loi modifiée du"
    # or the legislature that made it: "le décret flamand du", "la loi fédérale du"
    r"(?:(?:(?:inter)?minist[ée]riel(?:le)?|grand-ducale?|royale?|modifi[ée]e?|amended"
    r"|sp[ée]ciale?|g[ée]n[ée]rale?|coordonn[ée]e?s?|flamande?|wallonne?|bruxelloise?"
    r"|f[ée]d[ée]rale?|cantonale?|r[ée]gionale?|provinciale?)\s+){0,2}"
    # and its number: "la loi n° 2001-692 du", "la loi 61-013 du"
    r"(?:n(?:[°o]\.?|(?=\s+\d))\s*[\w./-]+,?\s+|\d[\d./-]*\s+)?"
    r"(?:du|of|dated)"
    # A law or treaty named after its place or kind: "la Convention de La Haye du 15 novembre
    # 1965", "la loi organique du 1er août 2001" (not "l'ordonnance du juge du 3 mai": an order).
    # an EU act named by its number and makers: "le règlement (UE) n° 604/2013 du Parlement
    # européen et du Conseil du 26 juin 2013"; a constitution: "la Constitution du 4 octobre 1958"
    r"|\b(?:r[èe]glement|directive|d[ée]cision)\s+(?:d['\u2019]ex[ée]cution\s+|d[ée]l[ée]gu[ée]e?\s+)?"
    r"(?:\((?:UE|CE|CEE)\)|(?:n[°o]\s*)?\d[\d/]*/(?:UE|CE|CEE|PESC|JAI)\b)"
    r"[^;\n]{0,90}?\s(?:du|of)|\bconstitution\s+(?:du|of)"
    r"|\br[ée]vision\s+constitutionnelle\s+du|\bconstitutional\s+(?:amendment|revision)\s+of"
    r"|\b(?:loi|convention|trait[ée]|protocole|d[ée]cret|directive|r[èe]glement)\s+(?:(?:de|des"
    r"|sur)\s+(?:la\s+|l['\u2019]|le\s+)?[A-Z\[][\w\[\]'\u2019 -]{0,30}?|organique"
    r"|constitutionnelle|europ[ée]enne|internationale)\s+(?:du|dated)"
    # When a right or interest starts to run: "ses droits à pension à compter du 1er octobre".
    r"|\b[àa]\s+compter\s+du|\bwith\s+effect\s+from|\bavec\s+effet\s+(?:au|[àa]\s+partir\s+du)|\beffective\s+(?:as\s+of|from)"
    r"|\bretroactive(?:ly)?\s+(?:to|as\s+of|from)|\br[ée]troacti\w*\s+(?:au|[àa]\s+compter\s+du)"
    # The start of a period told looking back: "spanning back as far as July 1, 2015"
    r"|\b(?:dat|span|go|reach|stretch|extend)\w*\s+back\s+(?:as\s+far\s+as|to)(?:\s+at\s+least)?"
    # A programme's start: "an initiative launched by the U.S. Justice Department in 2001"
    r"|\b(?:initiative|program(?:me)?|project|campaign|strategy|partnership)s?\s*,?\s+"
    r"(?:(?:which|that)\s+(?:was|were)\s+)?(?:launched|unveiled|introduced|created|established"
    r"|started|begun|lanc[ée]e?s?|cr[ée]{2}e?s?)\b(?:[^.;,\n\d]|(?<=\b[A-Z])\.){0,50}?\b(?:in|on|en|le)"
    # A law report's issue: "Numéro 2 - Février 2021", "Bulletin n° 4, avril 2021".
    r"|\b(?:num[ée]ro|issue|bulletin)\s*(?:n[°o]\.?\s*)?\d+\s*[-\u2013\u2014,:]?"
    r"|\b(?:passed|adopted|signed|vot[ée]e?)\s+(?:into\s+)?(?:[\w-]+\s+){0,4}?(?:act|law|statute|"
    r"bill|loi|d[ée]cret)s?\b[^.;\n\d]{0,30}?\b(?:in|on|le|en)"
    r"|\b(?:dob|d\.o\.b\.|date\s+of\s+birth|date\s+de\s+naissance|last\s+reviewed|reviewed\s+on"
    r"|release\s+date\s*:)"
    r"|\b(?:date\s+of\s+birth|date\s+de\s+naissance)\s+(?:is|was|est|[ée]tait)"
    # A page's record of its last edit: "Bearbeitung, zuletzt am 16.03.2020", "last edited on"
    r"|\bzuletzt\s+(?:(?:bearbeitet|ge[äa]ndert|aktualisiert)\s+)?am|\blast\s+edited(?:\s+on)?"
    # A professional's career told as background, no step of the case: "called to the Bar in
    # November 1999", "admitted to the Roll of Solicitors on", "ceased practice on", "obtained
    # his primary medical qualification at the University of X in 1993", "became fully
    # registered on", "entered on the GP Register on", "inscrit au barreau de Lyon en"
    r"|\b(?:called\s+to\s+the\s+bar|admitted\s+(?:to\s+(?:the\s+)?(?:roll|bar|practi[cs]e)\b"
    r"|as\s+an?\s+(?:solicitor|barrister|advocate|attorney|notary|lawyer|physician|doctor)\b)"
    r"|enrolled\s+as\s+an?\s+(?:solicitor|barrister|advocate|attorney)\b"
    r"|qualified\s+as\s+an?\s+(?:solicitor|barrister|advocate|attorney|lawyer|doctor|physician"
    r"|nurse|pharmacist|dentist|accountant)\b|(?:obtained|gained|received)\s+(?:his|her|their)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:qualifications?|degrees?|diplomas?)\b"
    r"|became\s+(?:fully\s+|provisionally\s+)?registered\b|(?:entered|placed)\s+on\s+the\s+"
    r"(?:[\w-]+\s+){0,3}?register\b|ceased\s+(?:to\s+)?practi[cs](?:e|ing)\b"
    r"|(?:inscrite?s?|admise?s?)\s+au\s+(?:barreau|tableau\s+de\s+l['\u2019]ordre)\b)"
    r"[^.;\n\d]{0,60}?\b(?:in|on|en|le)"
    # The end of a period whose start is a bare year: "entre 2009 et le 4 septembre 2017",
    # "between 2009 and 4 September 2017" (the year alone is not read as a date)
    r"|\b(?:between|entre)\s+(?:19|20)\d\d\s+(?:and|et)(?:\s+(?:the|le))?"
    r"|\b(?:deliberated|d[ée]lib[ée]r[ée]e?)\b[^.;\n\d]{0,40}?\b(?:on|le|du|au)"
    # A treaty named by where it was signed: "la Convention ..., signée à Rome le 4 novembre 1950"
    r"|\bsign[ée]e?s?\s+[àa]\s+[A-Z][\w-]+\s+le|\bsigned\s+at\s+[A-Z][\w-]+\s+on"
    # The longest a term may run: "remanded in custody, but for no longer than until 3 May"
    r"|\bno\s+longer\s+than(?:\s+until)?"
    r"|\bdocument\s+date"
    # A span the conduct took, no event: "over a four-day span in September 2017"
    r"|\b(?:over|during|within|across)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:span|stretch)\s+(?:in|of|during)"
    # A stay or a course counted from its start: "which he attended for one year starting in
    # the fall of 2012" (no step of a case)
    r"|\bfor\s+(?:an?|one|two|three|four|five|six|several|many|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:days?|weeks?|months?|years?|semesters?|terms?)\s*,?\s+(?:starting|beginning)\s+"
    r"(?:in|on|from)(?:\s+the)?"
    # Nothing done since a day, a state: "no action has been taken since 2008", "n'a pas été
    # entendu depuis le 3 mai", "aucune mesure n'a été prise depuis 2008"
    r"|\b(?:no|not|never|nothing|none|aucune?|rien|pas|jamais)\b[^.;\n\d]{0,60}?"
    r"\b(?:since|depuis(?:\s+le)?)"
    # Rules a court adopted: "Rule II of the Model Federal Rules of Disciplinary Enforcement,
    # adopted by this Court on February 1, 1979"
    r"|\b(?:rules?|act|law|code|statute|regulations?|r[èe]gles?|r[èe]glement)\b[^.;\n\d]{0,60}?,?"
    r"\s+(?:adopted|promulgated|enacted|adopt[ée]e?s?)\s+(?:by|par)\s+[^.;\n\d]{1,40}?\s+(?:on|in|le|en)"
    # A United Nations document's distribution: "Distr.: General 11 December 2014"
    r"|\bdistr\.?\s*:?\s*(?:general|limited|restricted|g[ée]n[ée]rale|restreinte)"
    # A source's publication: "(article du 12/01/2022 à 08h07)", "the article of May 3, 2022"
    # (a release's date may be its event's: "the news release of 3 May" is left alone)
    r"|\b(?:articles?|communiqu[ée]s?(?:\s+de\s+presse)?|d[ée]p[êe]ches?|posts?|tweets?)"
    r"\s+(?:du|of|dated|on|le|from)\s*$"
    # When someone becomes eligible, a right's start and no step: "eligible for parole again in
    # 2028", "became eligible for hearings to consider her suitability for parole in 1993"
    r"|\beligib(?:le|ility)\b[^.;\n\d]{0,80}?\b(?:in|on|by|from|as\s+of|en|le|d[èe]s)\s*$"
    # A page's running footer, its number of the pages and the document's date: "No. ICC 01/04
    # 1/24 21 April 2008" on each page
    r"|\b[Nn]o\.?\s[^\n]{0,30}?(?<![\d/])\d{1,3}\s?/\s?\d{1,3}\s*$"
    # A suspended sentence revoked is another case's: "a révoqué les sursis accordés à X le 1er
    # octobre 2008", "revoked the suspended sentence imposed on May 3, 2005"
    r"|\b(?:sursis|suspended\s+sentences?)\s+(?:accord[ée]s?|prononc[ée]s?|granted|imposed)\b"
    r"[^;\d]{0,40}?\b(?:les?|on|du|in|en)\s*$"
    # A law as amended at a date: "the Code (as amended in 1938, c. 44)", "la loi telle que
    # modifiée le 3 mai 2010"
    r"|\b(?:as\s+(?:last\s+)?amended|tel(?:le)?s?\s+que\s+modifi[ée]e?s?)"
    r"(?:\s+(?:by|par)\s+[^,;()]{1,40}?)?\s+(?:in|on|of|le|en|du)\s*$"
    # A page's copy: "Accessed May 3, 2022", "Retrieved on", "consulté le"
    r"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)"
    r"\b(?:accessed|retrieved|printed|downloaded|consult[ée]e?|t[ée]l[ée]charg[ée]e?)"
    r"(?:\s+(?:on|le))?"
    # A state at a day, no event: "As of May 3, 2022, no charges had been filed"
    r"|\bas\s+of"
    r"|\breleased\s+for\s+publication|\bpublication\s+date"
    # A gazette's issue: "publiée au Journal Officiel du 14/11/1948", "JORF du", "Moniteur belge du"
    r"|\b(?:journal\s+officiel|J\.?O\.?(?:R\.?F\.?)?|moniteur\s+belge)"
    r"(?:\s+de\s+la\s+r[ée]publique\s+fran[çc]aise)?"
    r"(?:\s+n[°o]\s*\d+)?\s+(?:du|of)"
    # A trust named by its instrument's date: "the F.T. Doe Revocable Trust dated May 2, 2000"
    r"|\btrust\s+(?:agreement\s+|instrument\s+)?(?:dated|u/?a/?d|created\s+on)"
    # A law named by its making: "since its enactment in 1972"
    r"|\b(?:its|their|the\s+law['\u2019]s|the\s+act['\u2019]s)\s+(?:enactment|passage|adoption"
    r"|promulgation)\s+(?:in|on)"
    # The end of a period that runs: "terminating at 11:59 p.m. EDT on Sept. 30, 2008"
    r"|\b(?:terminating|expiring)\b[^.;\n\d]{0,12}(?:\d{1,2}:\d\d[^;\n\d]{0,20})?\b(?:on|le)"
    # An association's declaration, its founding: "l'association X déclarée le 21 août 2014"
    r"|\bassociation\b[^.;\n]{0,80}?\bd[ée]clar[ée]e\s+(?:le|en)"
    # A visa citing the Conseil constitutionnel: "Vu la décision n° 2019-778 DC du 21 mars 2019"
    r"|\bvu\s+la\s+d[ée]cision\b[^;\n]{0,50}?\bn[°o]\s*\d{2,4}-\d+\s*(?:DC|QPC)\s+du"
    # What should have happened and did not: "il aurait dû être nommé, au 1er février 1964"
    r"|\b(?:aurai(?:t|ent)\s+d[ûu]|should\s+have|ought\s+to\s+have)\b[^.;\n\d]{0,40}?"
    r"\b(?:au|le|en|d[èe]s|on|in|by)"
    # When interest starts to run: "avec intérêts à compter du 20 mars 1987"
    r"|\b(?:int[ée]r[êe]ts?|interest)\b[^.;\n\d]{0,50}?\b(?:[àa]\s+compter\s+du|(?:as\s+)?from"
    r"|since|depuis\s+le|running\s+from|accruing\s+from)"
    # a body's founding told in passing ("the bank, founded in 1990"), not someone's act of
    # founding ("X a créé en mai 1988 la société Y")
    r"|(?<!\ba\s)(?<!\bavait\s)(?<!\bont\s)(?<!\bavaient\s)(?<!\bhas\s)(?<!\bhad\s)"
    r"\b(?:founded|established|incorporated|created|cr[ée]{2}e?s?|fond[ée]e?s?)\s+(?:in|on|en|le)"
    r"|\b(?:enacted|promulgated|took\s+effect|came\s+into\s+force|entered\s+into\s+force"
    r"|entr[ée]e?s?\s+en\s+vigueur|promulgu[ée]e?s?)\b(?:(?!\d{4}\b)[^;,\n]){0,40}?\b(?:in|on|as\s+of|le|en)"
    r"|\b(?:prior\s+to|after|subsequent\s+to|ant[ée]rieurement\s+au|post[ée]rieurement\s+au"
    r"|apr[èe]s\s+le)"
    # (not "Par une ordonnance n° 1805275 du 21 juin 2018": a court's, told as one)
    # (nor "l'ordonnance d'injonction de payer n° 097 du": a judge's, named by its procedure)
    r"|\b(?:loi|(?<!\bune\s)ordonnance(?!\s+(?:d['\u2019]injonction|de\s+r[ée]f[ée]r[ée]"
    r"|de\s+non-lieu|de\s+renvoi|de\s+cl[ôo]ture|de\s+taxe|du\s+juge|du\s+pr[ée]sident))|d[ée]cret|arr[êe]t[ée]|circulaire|law|act|regulation|directive|"
    r"r[èe]glement|code|executive\s+order)\b[^.;\n]{0,40}?(?:\bn[°o]\.?|\bno\.)\s*[\w./-]+,?"
    r"\s+(?:du|of|dated)|\b\d+/\d+,\s*dated|(?:\bpara\.|§|\bart\.)\s*[\w.-]+\s*\("
    # The start of a course of conduct told without its end: "beginning in 2009, he sold ..."
    r"|(?:^|,)\s*(?:beginning|starting)\s+(?:in|around)"
    # The version of a law applied: "(art. 292 CP [dans sa teneur au 1er juin 2022])"
    r"|\bdans\s+sa\s+(?:teneur|version|r[ée]daction)(?:\s+en\s+vigueur)?\s+(?:au|du|le)"
    r"|\bin\s+(?:the|its)\s+version\s+(?:of|in\s+force\s+on)|\bas\s+in\s+force\s+on"
    # An EU act by its makers: "règlement n° 604/2013 du Parlement européen et du Conseil du"
    r"|\b(?:r[èe]glement|directive|d[ée]cision)\b[^;\n]{0,40}?\bdu\s+Parlement\s+europ[ée]en"
    r"(?:\s+et\s+du\s+Conseil)?\s+du"
    # The end of a period the law fixes: "her minimum qualifying period, which ended on"
    r"|\bend\s+of\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}period\s+(?:on|of)"
    r"|\bperiod\b[^.;\n\d]{0,30}?\b(?:ended|ends|expired|expires)\s+(?:on|in)"
    # A count of days or months run out: "After 90 days in custody, which expired on"
    r"|\b\d+\s+(?:days|months|jours|mois)\b[^.;\n\d]{0,40}?\b(?:which|that|qui)\s+(?:expired"
    r"|ended|ran\s+out|a\s+expir[ée]|expirai(?:t|ent))(?:\s+(?:on|le))?"
    # A court's term and its bounds: "during the term which began September 7, 1964, and
    # expired October 31, 1964", "the term of court which expired"
    r"|\bterms?\b[^.;\n\d]{0,30}?\b(?:began|begun|commenced|started|opened|expired|ended"
    r"|closed|adjourned)(?:\s+(?:on|in))?"
    r"|\bterms?\b[^.;\n\d]{0,30}?\b(?:began|begun|commenced|started|opened)\b[^.;\n]{0,40}?,?"
    r"\s+and\s+(?:expired|ended|closed|adjourned)(?:\s+(?:on|in))?"
    # A period a count or charge covers: "The other count ... concerned a period in 2020"
    r"|\b(?:concern(?:s|ed|ing)?|covers?|covered|covering|relat(?:es|ed|ing)\s+to)\s+a\s+period\s+(?:in|of)"
    # A birth told by its child: "after the birth of their daughter on 15 May 2012"
    r"|\b(?:birth|naissance)\s+(?:of|de|du|d['\u2019])\s*(?:[\w'\u2019-]+\s+){0,3}?(?:on|in|le|en)"
    # The day a term of custody is reckoned from: "sentence to commence from 30 November 2022",
    # "an overall term of ten years imprisonment, to date from the 5th of March 2019"
    r"|\b(?:sentences?|terms?|peines?)\b[^.;\n\d]{0,40}?\b(?:to\s+)?(?:commence[sd]?|commencing"
    r"|run(?:s|ning)?|start(?:s|ing)?|be\s+backdated|backdated|dat(?:e|ed|ing))\s+(?:from|to)"
    r"(?:\s+the)?"
    # A court's session told as a term: "La première session de l'année aux Assises débute ce"
    r"|\bsessions?\b[^.;\n\d]{0,60}?\b(?:d[ée]bute(?:ra)?|commence(?:ra)?|s['\u2019]ouvr(?:e|ira)"
    r"|s['\u2019]ach[èe]ve(?:ra)?|se\s+termine(?:ra)?)(?:\s+(?:ce|le))?"
    r")\s*:?\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche),?\s*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """A resolved date: EDTF text, earliest and latest day, precision and approximation."""

    text: str
    start: date
    end: date
    precision: str
    approximate: bool = False


@dataclass(frozen=True)
class Found:
    """A date expression found in the text, before relative ones are resolved."""

    start: int
    end: int
    found: str
    span: Span | None = None  # known now (full dates)
    month_day: tuple[int, int] | None = None  # needs a year from context
    shift: tuple[int, int, str] | None = None  # (fewest, most, unit), negative = earlier
    month: int | None = None  # a month without a year ("in November"): needs a year
    weekday: int | None = None  # "on Friday": needs the publication date
    ago: tuple[int, str] | None = None  # "today", "last month": (count, unit) before publication
    # (with a shift: "two years ago", counted from publication, approximate)
    last_season: int | None = None  # "last summer": the latest such season before publication
    same_day: bool = False  # "the same day": the day the story is at
    exact: bool = False  # "the next day", "the following month": fixes that day or month
    conduct: bool = False  # a period with hedged bounds: the conduct charged, no event
    ahead: bool = False  # told as still to come ("sentencing is set for Sept. 12")
    coming: bool = False  # told in the present or future as to come ("will be sentenced on")
    back: bool = False  # told as before the story's time ("he had been charged on May 3")
    latest_past: bool = False  # "le 29 janvier dernier": the latest such day up to the report
    sitting: bool = False  # the days a court sat, before its decision's: a hearing
    counted_from: str | None = None  # the kind of the event a span is counted from ("two days
    # after her arrest": "arrest"), dated by the milestone of that kind told before it


# The year in a citation's parenthesis: "(Minn. 2014)", "(2017)", "[2016]".
_CITED_YEAR = Regex(r"[(\[][^()\[\]]*?\b(?P<year>(?:1[6-9]|20)\d\d)[)\]]")


def cited_year(citation: str, start: int) -> Found | None:
    """The year a citation gives its decision ("Caldwell v. State, 853 N.W.2d 766 (Minn.
    2014)", the citation at `start` of its sentence), placed in the sentence: a bare year in
    parentheses is no date in running text, but a citation of the case's own earlier
    decision dates that decision."""
    years = list(_CITED_YEAR.rx.finditer(citation))
    if not years:
        return None
    m = years[-1]
    year = int(m["year"])
    return Found(
        start + m.start("year"),
        start + m.end("year"),
        m["year"],
        span=_period(date(year, 1, 1), "year"),
    )


_PRECISIONS = ("day", "month", "year")


def _period(day: date, precision: str, approximate: bool = False) -> Span:
    """The whole day, month or year containing `day`, as EDTF with its bounds."""
    mark = "~" if approximate else ""
    if precision == "day":
        return Span(day.isoformat() + mark, day, day, "day", approximate)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        first = day.replace(day=1)
        return Span(f"{first:%Y-%m}{mark}", first, day.replace(day=last), "month", approximate)
    first = date(day.year, 1, 1)
    return Span(f"{day.year:04d}{mark}", first, date(day.year, 12, 31), "year", approximate)


def first_day(span: Span) -> Span:
    """The first day, month or year of a period (EDTF "2007-07-12/2007-07-19"): where a
    trial or hearing told as a period begins ("From July 12 to July 19, 2007, he was tried")."""
    first = span.text.split("/")[0]
    precision = {10: "day", 7: "month"}.get(len(first), "year")
    return _period(span.start, precision)


def season_span(year: int, season: int) -> Span:
    """A season as EDTF ("2003-22"), from the first day of its first month (spring: March)."""
    first = date(year, (season - 21) * 3 + 3, 1)
    after = _shift(first, 3, "month")
    return Span(f"{year:04d}-{season}", first, after - timedelta(days=1), "season")


def month_number(token: str) -> int | None:
    """The month a name means, or None for lower-case English words such as "may"."""
    folded = fold(token.rstrip("."))
    if folded in _CAPITALISED_ONLY and token[:1].islower():
        return None
    return _MONTHS.get(folded)


def _full_date(year: int, month: int, day: int | None) -> Span | None:
    try:
        return _period(date(year, month, day or 1), "day" if day else "month")
    except ValueError:
        return None


def month_first(text: str) -> bool | None:
    """Whether the text writes numeric dates month first (6/25/2024, as in the US) or day
    first (25/06/2024), judging by the ones that can only be read one way; None if none."""
    for m in (*_NUMERIC_DATE.rx.finditer(text), *_SHORT_NUMERIC_DATE.rx.finditer(text)):
        if m.group("sep") == "/" and int(m.group("day")) > 12:
            return False
        if m.group("sep") == "/" and int(m.group("month")) > 12:
            return True
    # none can be read one way only: a text that writes its worded dates month first ("Oct. 1,
    # 2008") and never day first writes its figures so too, as in the US
    if _US_WORDED.rx.search(text) and not _DAY_MONTH_YEAR.rx.search(text):
        return True
    return None


_US_WORDED = Regex(r"(?<![\w-])" + _MONTH + r"\s+[0-3]?\d,\s+" + _YEAR, re.IGNORECASE)
_DAY_MONTH_YEAR = Regex(_NOT_AFTER_NUMBER + r"[0-3]?\d\s+" + _MONTH + r",?\s+" + _YEAR, re.I)


_NIGHT_OF = Regex(r"\b(?:night\s+of|nuit\s+du|nacht\s+vom|noche\s+del)\s*(?:the\s+)?$", re.I)


def _day_range(text: str, m: re.Match[str], led: bool) -> Iterator[Found]:
    """The period of a day range match, from its first day ("between" left out)."""
    month = month_number(m.group("month"))
    year = int(m.group("year"))
    start = _full_date(year, month, int(m.group("first"))) if month else None
    end = _full_date(year, month, int(m.group("day"))) if month else None
    if start is not None and end is not None and start.start < end.start:
        span = Span(f"{start.text}/{end.text}", start.start, end.end, "interval", False)
        begin = m.start("first") if led else m.start()
        if end.start - start.start == timedelta(days=1) and _NIGHT_OF.rx.search(
            text, max(0, begin - 30), begin
        ):
            span = start  # "the night of 5 to 6 June 2010": the night falls on the 5th
        yield Found(begin, m.end(), text[begin : m.end()], span=span)


def _day_of(m: re.Match[str], groups: Mapping[str, int]) -> int | None:
    """The day a match gives, in figures or in words; None for a month and year."""
    if "word" in groups:
        word = m.group("word") or m.group("word_fr") if "word_fr" in groups else m.group("word")
        word = normalise_space(word.lower())
        return _DAY_WORDS.get(word) or _DAY_WORDS.get(word.replace(" ", "-"))
    return int(m.group("day")) if "day" in groups else None


_ABOUT_WORDS = frozenset({"around", "circa", "vers", "about"})


def _third(qualifier: str, said: str) -> Span | None:
    """`said` ("March 2010", "2012") narrowed to the third its qualifier names ("early", "fin",
    "the end of"), by the rule `add` reads dates with; None without such a qualifier."""
    words = fold(qualifier).replace("-", " ").split()
    third = next((_THIRD_OF[word] for word in words if word in _THIRD_OF), None)
    if third is None:
        return None
    from casetrack.dates import parse_date

    value = parse_date(f"{third} {said}")
    assert value.start is not None and value.end is not None  # a third has both bounds
    precision = "month" if value.start.month == value.end.month else "year"
    return Span(value.text, value.start, value.end, precision)


def _seasons(text: str) -> Iterator[Found]:
    """ "The summer of 2012" (EDTF 2012-22), "à l'été 2015", "last winter"."""
    for m in _LAST_SEASON.rx.finditer(text):
        season = _SEASONS[fold(m.group("season") or m.group("season_fr"))]
        yield Found(m.start(), m.end(), m.group(0), last_season=season)
    for m in _SEASON.rx.finditer(text):
        season = _SEASONS[fold(m.group("season") or m.group("bare"))]
        span = season_span(int(m.group("year")), season)
        begin = m.start("season") if m.group("season") else m.start()
        yield Found(begin, m.end(), text[begin : m.end()], span=span)


def find_dates(text: str, lang: str, month_first: bool | None = None) -> list[Found]:
    """Every date expression, longest first where they overlap; `month_first` says how the
    text writes numeric dates (see month_first())."""
    found: list[Found] = []
    words = set(_LETTERS.rx.findall(fold(text)))  # the rarer forms only where their words are
    day_words = (_WORD_DAY_MONTH, _MONTH_WORD_DAY) if words & _DAY_WORD_TOKENS else ()
    for regex in (_DAY_MONTH, _MONTH_DAY, _MONTH_YEAR, *day_words):
        for m in regex.rx.finditer(text):
            month = month_number(m.group("month") or m.group("month_fr"))
            day = _day_of(m, regex.rx.groupindex)
            if month is None or day == 0:
                continue
            item = Found(m.start(), m.end(), m.group(0).rstrip(".,"))
            in_words = None if m.group("year") else _year_in_words(text, m.end())
            if in_words is not None:  # "le dix janvier mil neuf cent quatre-vingt-neuf"
                year, end = in_words
                item = Found(m.start(), end, text[m.start() : end], _full_date(year, month, day))
                found.append(item)
            elif m.group("year"):  # an impossible day still hides the month and year in it
                found.append(replace(item, span=_full_date(int(m.group("year")), month, day)))
            elif day is not None and day <= calendar.monthrange(2000, month)[1]:
                found.append(replace(item, month_day=(month, day)))
    found = _month_day_lists(text, found)
    for m in _QUALIFIED_MONTH.rx.finditer(text):
        month = month_number(m.group("month"))
        if month is not None:  # "late December 2007": that month, as a reader would file it
            span = _full_date(int(m.group("year")), month, None)
            found.append(Found(m.start(), m.end(), m.group(0), span=span))
    for regex in (_DAY_MONTH_RANGE, _MONTH_DAY_RANGE):
        for m in regex.rx.finditer(text):
            if fold(m.group("link").strip()) in ("and", "et") and not m.groupdict().get("lead"):
                continue  # "on 4 and 9 May": two dates
            found.extend(_day_range(text, m, "lead" in regex.rx.groupindex))
    listed = [
        f
        for f in drop_overlaps(found, lambda f: (f.start, f.end))
        if f.span is not None or f.month_day is not None
    ]
    starts = [f.start for f in listed]
    for m in _DAY_LIST.rx.finditer(text):
        after = bisect.bisect_right(starts, m.end())
        last = listed[after] if after < len(listed) else None
        if last is None or last.start - m.end() >= 40:
            continue
        day = int(m.group("day"))
        if last.month_day is not None:  # "on 27 and 28 October" in a briefing of 22 October
            item = Found(m.start(), m.end(), m.group(0), month_day=(last.month_day[0], day))
            following = last.month_day[1]
        elif last.span is not None and last.span.precision == "day":
            span = _full_date(last.span.start.year, last.span.start.month, day)
            if span is None:
                continue
            item, following = Found(m.start(), m.end(), m.group(0), span=span), last.span.start.day
        else:
            continue
        if following == day + 1 and _AND.rx.fullmatch(text, m.end(), last.start):
            # "held on 27 and 28 October": one event of two days, at its first
            found.remove(last)
            item = replace(item, end=last.end, found=text[m.start() : last.end])
        found.append(item)
    if not words.isdisjoint(_SEASONS):
        found.extend(_seasons(text))
    for m in _ISO_DATE.rx.finditer(text):
        span = _full_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if span:
            found.append(Found(m.start(), m.end(), m.group(0), span=span))
    for m in _COMPACT_DATE.rx.finditer(text):
        span = _full_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if span:
            found.append(
                Found(m.start("year"), m.end(), text[m.start("year") : m.end()], span=span)
            )
    found.extend(_numeric_dates(text, lang, month_first))
    for m in _RUN_TOGETHER.rx.finditer(text):
        span = _full_date(int(m["year"]), _MONTHS[fold(m["month"])], int(m["day"]))
        if span:
            found.append(Found(m.start(), m.end(), m.group(0), span=span))
    for m in _NUMBER_RUN_INTO_DATE.rx.finditer(text):
        if m["year"] != m["numbered"]:
            continue  # only a number of the date's own year: "Judgment 1/201104.01.2011"
        first, second = int(m["day"]), int(m["month"])
        if month_first and m["sep"] == "/":
            first, second = second, first
        span = _full_date(int(m["year"]), second, first)
        if span:
            found.append(Found(m.start("day"), m.end(), text[m.start("day") : m.end()], span=span))
    for regex in (_YEAR_AFTER_WORD, _YEAR_BEFORE_NOUN):
        for m in regex.rx.finditer(text):
            if _DOCKET_BEFORE.rx.search(text, max(0, m.start("year") - 30), m.start("year")):
                continue  # "No. 77 WDA 2020 Appeal from ...": the year a docket number ends in
            if _NUMBERED_OF.rx.search(text, max(0, m.start("year") - 30), m.start("year")):
                continue  # "Criminal Appeal No. 265 of 2008": the year a case's number ends in
            if _REPORTED_AFTER.rx.match(text, m.end("year")):
                continue  # "cited in 2022 LiveLaw (AB) 252": the year of a report's volume
            begin = m.start("qualifier") if "qualifier" in regex.rx.groupindex else -1
            begin = begin if begin >= 0 else m.start("year")
            qualifier = m.groupdict().get("qualifier") or m.groupdict().get("context") or ""
            year = int(m.group("year"))
            span = _third(qualifier, str(year)) or _period(
                date(year, 1, 1), "year", fold(qualifier) in _ABOUT_WORDS
            )
            found.append(Found(begin, m.end("year"), text[begin : m.end("year")], span=span))
    if not words.isdisjoint(_ENGLISH_CENTURIES):
        for m in _ENGLISH_YEAR_AFTER_WORD.rx.finditer(text):
            in_words = _english_year(text, m.end())
            if in_words is not None:
                year, end = in_words
                span = _period(date(year, 1, 1), "year")
                found.append(Found(m.end() + 1, end, text[m.end() + 1 : end], span=span))
    found.extend(_find_relative(text))
    for m in _MONTH_ONLY.rx.finditer(text):
        group = "month" if m.group("month") else "owner"
        month = month_number(m.group(group))
        if month is not None:
            found.append(Found(m.start(group), m.end(group), m.group(group), month=month))
    for m in _WEEKDAY.rx.finditer(text):
        if _NEXT_WEEK.rx.search(text, max(0, m.start() - 20), m.start()):
            continue
        if _NIGHT_TO.rx.search(text, max(0, m.start() - 40), m.start()):
            continue  # "la nuit de mardi à mercredi": the night falls on the Tuesday
        found.append(Found(m.start(), m.end(), m.group(0), weekday=_WEEKDAYS[m.group(0).lower()]))
    for m in _TODAY.rx.finditer(text):
        if _IN_A_TITLE.rx.search(text, max(0, m.start() - 2), m.start() + 1):
            continue  # "Update Today on the Status of ...": a headline's word, no news
        if m["today"] or m["yesterday"] or m["tomorrow"]:
            ago = (0 if m["today"] else 1 if m["yesterday"] else -1, "day")
        elif m["this"]:
            ago = (0, fold(m["this"]))
        else:
            ago = (1, "month" if fold(m["last"] or m["dernier"]).startswith("le mois") or
                   m["last"] == "month" else "year")  # fmt: skip
        found.append(Found(m.start(), m.end(), m.group(0), ago=ago))
    for m in _ANNOUNCES.rx.finditer(text):
        found.append(Found(m.start(), m.end(), m.group(0), ago=(0, "day")))
    for m in _SAME_DAY.rx.finditer(text):
        found.append(Found(m.start(), m.end(), m.group(0), same_day=True))
    found = _sitting_days(text, found)
    kept = _sharing_a_year(text, drop_overlaps(found, lambda f: (f.start, f.end)))
    return _events(text, _periods(text, [_told_ahead(text, f) for f in kept]))


# The days a court sat, listed before the day it gave its decision, as a head gives them:
# "29, 30 June, 1, 2 July and 25 September 2020", "7, 8 November 2016 and 15 January 2018".
_SAT_DAYS = r"[0-3]?\d(?:st|nd|rd|th)?(?:\s*(?:,|-|\u2013)\s*[0-3]?\d(?:st|nd|rd|th)?)*"
_SITTING_DAYS = Regex(
    _NOT_AFTER_NUMBER
    + r"(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:,|-|\u2013)\s*"
    + _SAT_DAYS
    + r"\s+(?P<month>"
    + _ANY_MONTH_FORMS
    + r")\.?(?:,?\s+(?P<year>19\d\d|20\d\d))?(?:\s*,\s*"
    + _SAT_DAYS
    + r"\s+(?:"
    + _ANY_MONTH_FORMS
    + r")\.?(?:,?\s+(?:19\d\d|20\d\d))?)*\s*,?\s+(?:and|et|&)\s+(?=[0-3]?\d(?:st|nd|rd|th)?\s+"
    + r"(?P<last_month>"
    + _ANY_MONTH_FORMS
    + r")\.?,?\s+(?P<last_year>19\d\d|20\d\d)(?![\w/.,:-]\d))",
    re.IGNORECASE,
)


def _sitting_days(text: str, found: list[Found]) -> list[Found]:
    """The days of a hearing listed before the decision's day ("7, 8 November 2016 and 15
    January 2018"): one hearing, dated by its first day (the year the decision's when the list
    gives none, the one before when its month comes later), then the decision's day."""
    for m in _SITTING_DAYS.rx.finditer(text):
        month, last = month_number(m["month"]), month_number(m["last_month"])
        if month is None or last is None:
            continue
        year = int(m["year"]) if m["year"] else int(m["last_year"]) - (month > last)
        span = _full_date(year, month, int(m["first"]))
        if span is None:
            continue
        end = m.end("year") if m["year"] else m.end("month")
        found = [f for f in found if not m.start() <= f.start < m.end()]
        found.append(Found(m.start(), end, text[m.start() : end], span=span, sitting=True))
    return found


_AND = Regex(r"\s*,?\s*(?:and|et|&)\s+", re.IGNORECASE)
# "le 11 septembre puis le 3 octobre 2012", "on May 3 and then on June 5, 2012"
_THEN = Regex(r"\s*,?\s*(?:(?:and|et)\s+)?(?:puis|then)\s+(?:(?:le|on)\s+)?", re.IGNORECASE)


def _sharing_a_year(text: str, found: list[Found]) -> list[Found]:
    """A day without its year joined by "and" to a full date takes that date's year ("on 8
    July and 9 September 2011", "des 8 juillet et 9 septembre 2011"); the year before when
    its month and day come after the other's ("December 20 and January 5, 2012")."""
    for index, item in enumerate(found[:-1]):
        following = found[index + 1]
        if item.month_day is None or following.span is None or following.span.precision != "day":
            continue
        if not (
            _AND.rx.fullmatch(text, item.end, following.start)
            or _THEN.rx.fullmatch(text, item.end, following.start)
        ):
            continue
        day = following.span.start
        year = day.year - (item.month_day > (day.month, day.day))
        span = _full_date(year, *item.month_day)
        if span is not None:
            found[index] = replace(item, span=span, month_day=None)
    return found


# Words telling that an event is still to come: "is set for", "will be sentenced on", "sera
# jugé le", "l'audience est fixée au".
_AHEAD_WORDS = Regex(
    r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are|was|were)\s+(?:set|scheduled|slated|expected"
    r"|due)|scheduled|set\s+for|slated|upcoming|faces?|sera|seront|devra|devront|doit|doivent"
    r"|pr[ée]vue?s?|fix[ée]e?s?|renvoy[ée]e?s?\s+au|aura\s+lieu"
    # a day a court sets as it adjourns: "fixed Oct. 20 for the continuation of trial",
    # "adjourned till Oct. 20", "adjourned the matter to 3 May"
    r"|fixed(?:\s+for)?(?=\s*$)|(?:adjourned|postponed|deferred)\b[^.;!?\n\d]{0,40}?\b(?:till|until|to))"
    r"\b[^.;!?\n]*$",
    re.IGNORECASE,
)

_BEFORE_THEN = Regex(r"\b(?:had|avait|avaient)\b", re.IGNORECASE)  # "it had been set for"
# Of those, the words that tell it from the report's own day, not from a past one ("was set
# for"): "will be sentenced on", "a hearing is scheduled for", "doit être jugé le".
_STILL_TO_COME = Regex(
    r"\b(?:will|shall|(?:is|are)\s+(?:to|set|scheduled|slated|expected|due)|sera|seront|devra"
    r"|devront|doit|doivent|aura\s+lieu|(?:est|sont)\s+(?:pr[ée]vue?s?|fix[ée]e?s?))\b[^.;!?\n]*$",
    re.IGNORECASE,
)


# "Dernier" after a day without its year: the latest such day up to the report's own time.
_LAST_AFTER = Regex(r"[ \t]+derni(?:er|[èe]re)\b", re.IGNORECASE)


def _told_ahead(text: str, found: Found) -> Found:
    """A day without its year in a clause that tells it is still to come: it falls on or
    after the date the text is at, not before (news otherwise looks back); one in a clause in
    the pluperfect is before the story's time."""
    if found.month_day is None and found.month is None and found.weekday is None:
        return found
    if found.month_day is not None and _LAST_AFTER.rx.match(text, found.end):
        return replace(found, latest_past=True)  # "le 29 janvier dernier": past, whatever the verb
    clause = max(text.rfind(mark, 0, found.start) for mark in ".;!?\n") + 1
    ahead = _AHEAD_WORDS.rx.search(text, clause, found.start)
    back = _BEFORE_THEN.rx.search(text, clause, found.start)
    if ahead and not (back and back.start() < ahead.start()):
        coming = _STILL_TO_COME.rx.search(text, clause, found.start) is not None
        return replace(found, ahead=True, coming=coming)
    return replace(found, back=bool(back))


# Days of one month listed month first, the year after the last: "April 24 and 25, 2024",
# "on March 3, 5 and 9, 2021".
_ORDINAL = r"(?:st|nd|rd|th)?"
_MONTH_DAY_LIST = Regex(
    r"(?<![\w-])(?P<month>" + _ANY_MONTH_FORMS + r")\.?\s+(?P<days>[0-3]?\d" + _ORDINAL
    + r"(?:\s*,\s*[0-3]?\d" + _ORDINAL + r")*\s*,?\s*(?:and|&)\s+[0-3]?\d" + _ORDINAL + r"),?\s+"
    + _YEAR,
    re.IGNORECASE,
)  # fmt: skip
_LISTED_DAY = Regex(r"[0-3]?\d")
# Days of a month listed before those of a later month, the year given once after the last:
# "January 7, 10 & March 12 and 13, 2008" (the year of "March ..." is January's too).
_MONTH_DAYS = r"[0-3]?\d" + _ORDINAL + r"(?:\s*,\s*[0-3]?\d" + _ORDINAL + r")*"
_EARLIER_MONTH_DAYS = Regex(
    r"(?<![\w-])(?P<month>" + _ANY_MONTH_FORMS + r")\.?\s+(?P<days>" + _MONTH_DAYS + r")\s*,?\s*"
    r"(?:and|&)\s+(?=(?P<later>" + _ANY_MONTH_FORMS + r")\.?\s+[0-3]?\d" + _ORDINAL
    + r"(?:\s*(?:,|and|&)\s*[0-3]?\d" + _ORDINAL + r")*,?\s+" + _YEAR + ")",
    re.IGNORECASE,
)  # fmt: skip


def _month_day_lists(text: str, found: list[Found]) -> list[Found]:
    """Each day of "April 24 and 25, 2024" with its year, instead of "April 24" without one,
    and of "January 7, 10 & March 12, 2008" with the year of the month after it."""
    for m in (*_EARLIER_MONTH_DAYS.rx.finditer(text), *_MONTH_DAY_LIST.rx.finditer(text)):
        month = month_number(m.group("month"))
        later = month_number(m.group("later")) if "later" in m.re.groupindex else month
        if month is None or later is None or later < month:
            continue  # "December 10 and January 7, 2008": two years
        found = [f for f in found if not m.start() <= f.start < m.end()]
        for day in _LISTED_DAY.rx.finditer(text, m.start("days"), m.end("days")):
            span = _full_date(int(m.group("year")), month, int(day.group(0)))
            begin = m.start() if day.start() == m.start("days") else day.start()
            if span is not None:
                found.append(Found(begin, day.end(), text[begin : day.end()], span=span))
    return found


def _numeric_dates(text: str, lang: str, month_first: bool | None) -> Iterator[Found]:
    """Dates in figures: 25/06/2024, 6/25/2024 (month first in an American text), 06.06.17."""
    for m in (
        *_NUMERIC_DATE.rx.finditer(text),
        *_SHORT_NUMERIC_DATE.rx.finditer(text),
        *_DASHED_DATE.rx.finditer(text),
        *_DASHED_LINE.rx.finditer(text),
    ):
        day, month = int(m.group("day")), int(m.group("month"))
        if lang == "en" and m.group("sep") in "/-" and day <= 12 and day != month:
            if month > 12 or month_first:  # 6/25/2024, or a text that writes its dates so
                day, month = month, day
            elif month_first is None:
                continue  # 03/06/2003 is March in the US and June in the UK: do not guess
        short = m.groupdict().get("short")
        if short is not None:
            year = int(short) + (2000 if int(short) < _CENTURY_PIVOT else 1900)
            begin = m.start("day")
        else:
            year, begin = int(m.group("year")), m.start("day")
        span = _full_date(year, month, day) if 1 <= month <= 12 else None
        if span:
            yield Found(begin, m.end(), text[begin : m.end()], span=span)


# (each maybe with the court that gave it: "les 1er octobre 2008 par le tribunal X, 16 octobre")
_LIST_LINK = Regex(
    r"(?:\s+(?:par|by)\s+[^,;.\d]{1,60}?)?\s*(?:,|;|and|or|et|ou|&)\s*(?:du\s+|of\s+)?",
    re.IGNORECASE,
)
# A French decision's visa of a legal text, to its semicolon: "Vu la loi n° 2001-692 du 1er août
# 2001 ;", "Vu l'article 60 de la loi de finances du ...", "Vu le code rural, notamment l'arrêté
# du ... et l'instruction du ...", "Vu les arrêtés du ..." (not "Vu la requête ...", "Vu
# l'ordonnance du ... par laquelle", nor one arrêté, maybe an act on someone: "portant nomination").
# An administration's act a court suspends or annuls: a fact of the case, not a text of law.
_ACT_REVIEWED = Regex(
    r"\b(?:suspend\w*|annul\w*|contest\w*|attaqu\w*)\s+(?:de\s+|contre\s+)?l['\u2019]\s*$",
    re.IGNORECASE,
)


def _reviewed(text: str, start: int, law: str) -> bool:
    """Whether the arrêté named at `start` is one a court is asked to suspend or annul."""
    before = _ACT_REVIEWED.rx.search(text, max(0, start - 40), start)
    return fold(law).startswith("arret") and before is not None


_VISA_OF_A_TEXT = Regex(
    r"\bVu\s+(?i:(?:l['\u2019]\s*article\s+[^;]{0,40}?\s(?:de\s+la|du|de\s+l['\u2019]|des)\s*"
    r"|(?:le|la|les|l['\u2019])\s*)(?:lois?|d[ée]crets?|arr[êe]t[ée]s|ordonnances?\s+n|codes?"
    r"|arr[êe]t[ée]\s+(?:(?:inter)?minist[ée]riel|n[°o])"
    r"|r[èe]glements?|directives?|circulaires?|instructions?|conventions?|trait[ée]s?"
    r"|constitution|protocoles?)\b)[^;]*$"
)


# A tribunal's decision made public, as British tribunals say: "the decision of First-tier
# Tribunal Judge Roe, promulgated on 1 September 2016" (a law is promulgated too: no step).
_DECISION_PROMULGATED = Regex(
    r"\b(?:decisions?|determinations?|judg(?:e)?ments?|rulings?|reasons)\b[^.;\n\d]{0,80}?"
    r"\bpromulgated\s+(?:on|in)\s*$",
    re.IGNORECASE,
)


# A step that lasts, told from its first day: "placé en détention provisoire à compter du 11
# septembre 2014", "a comparu devant la cour d'assises à compter du 25 mars 2019" (a right or
# interest "à compter du" a day stays no step).
_STEP_FROM = Regex(
    r"\b(?:plac[ée]e?s?\s+en\s+(?:d[ée]tention|garde\s+[àa]\s+vue|r[ée]tention)|incarc[ée]r[ée]e?s?"
    r"|[ée]crou[ée]e?s?|comparu|compara[îi]t|comparaissai(?:t|ent)|jug[ée]e?s?)\b"
    r"[^.;\n\d]{0,80}?\b[àa]\s+compter\s+du\s*$",
    re.IGNORECASE,
)


def _events(text: str, found: list[Found]) -> list[Found]:
    """The dates that may be events: not after words that make them a birth, a publication,
    a law's date (_NOT_AN_EVENT_BEFORE), nor listed after such a date ("notes en délibéré,
    enregistrées le 12 et 19 décembre 2011": both are deliberations)."""
    kept: list[Found] = []
    dropped_end = -1
    for f in found:
        listed = dropped_end >= 0 and _LIST_LINK.rx.fullmatch(text, dropped_end, f.start)
        if f.conduct or _counted_since(text, f):
            continue
        law = _NOT_AN_EVENT_BEFORE.rx.search(text, max(0, f.start - 90), f.start)
        if law is not None and _reviewed(text, law.start(), law.group()):
            law = None  # "la juge des référés suspend l'arrêté du 9 octobre": the act at issue
        if law is not None and _DECISION_PROMULGATED.rx.search(
            text, max(0, f.start - 120), f.start
        ):
            law = None  # "the decision of First-tier Tribunal Judge Roe, promulgated on": a step
        if law is not None and _STEP_FROM.rx.search(text, max(0, f.start - 120), f.start):
            law = None  # "placé en détention provisoire à compter du 11 septembre": its start
        if listed or law or _VISA_OF_A_TEXT.rx.search(text, max(0, f.start - 600), f.start):
            dropped_end = f.end
        else:
            kept.append(f)
    return kept


_SINCE = Regex(r"\b(?:since|depuis(?:\s+le)?)\s*$", re.IGNORECASE)
# A tally the clause counts up: "has removed more than 1,700 fugitives", "a expulsé 1 700".
_TALLY = Regex(
    r"[^.;]{0,80}?\b(?:has|have|had|a|ont|avait|avaient)\s+(?:been\s+|[ée]t[ée]\s+)?[^\W\d]+"
    r"[^.;]{0,60}?(?<![\w,.])\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?![\w,.]\d)",
    re.IGNORECASE,
)


def _counted_since(text: str, f: Found) -> bool:
    """Whether a date only starts a tally ("Since Oct. 1, 2009, the office has removed more
    than 1,700 fugitives"): the start of a count, no event of the case."""
    return after_since(text, f.start) and bool(_TALLY.rx.match(text, f.end))


def after_since(text: str, start: int) -> bool:
    """Whether the date at `start` follows "since" ("depuis"): the start of a state or count."""
    return bool(_SINCE.rx.search(text, max(0, start - 12), start))


_UNTIL = Regex(r"\b(?:since|depuis(?:\s+le)?|until|till|jusqu['\u2019](?:au|en|à))\s*$", re.I)


def bounds_a_state(text: str, start: int, end: int) -> bool:
    """Whether the date at start:end follows "since" or "until" ("depuis", "jusqu'au"): where
    a state starts or ends ("authorized to remain until March 26, 1965"), unless a clause it
    dates follows ("no action was taken until January 11, 1971, when he was notified")."""
    if _WHEN.rx.match(text, end):
        return False
    return (
        bool(_UNTIL.rx.search(text, max(0, start - 12), start))
        or bool(_UNTIL_ITS.rx.search(text, max(0, start - 40), start))
        or bool(_FROM.rx.search(text, max(0, start - 6), start) and _TO_AFTER.rx.match(text, end))
    )


# The bounds of a period told with words between them: "a member from 1989 until his
# retirement in March 2011", "de 2004 jusqu'à son départ en 2010".
_UNTIL_ITS = Regex(
    r"\b(?:until|till|jusqu['\u2019](?:[àa]|au))\s+(?:his|her|their|its|the|son|sa|ses|leur|la|le)"
    r"\s+[^\W\d]+\s+(?:in|on|en|le)\s*$",
    re.IGNORECASE,
)
_FROM = Regex(r"\b(?:from|de|depuis)\s*$", re.IGNORECASE)
_TO_AFTER = Regex(r"\s+(?:until|till|to|jusqu['\u2019](?:[àa]|au))\s+\D", re.IGNORECASE)


_WHEN = Regex(r",?\s*(?:when|at\s+which|o[ùu]|lorsque|quand)\b", re.IGNORECASE)


_ABOUT = (
    r"(?:(?:(?:on|in)\s+or\s+)?(?:about|around)\s+|at\s+least\s+|approximately\s+|vers\s+"
    r"|(?:au\s+)?moins\s+)?"
)
_PERIOD_LEAD = Regex(
    r"(?<!\w)(?:from|between|du|de|entre|period(?:\s+of)?|covering|p[ée]riode|(?:beginning|starting"
    r"|commencing|began|begun|started|commenced)(?:\s+(?:in|on|at\s+least|from|as\s+early\s+as"
    r"|(?:no|not)\s+later\s+than))*(?:\s+or)?)\s+"
    r"(?:the\s+|le\s+)?" + _ABOUT + r"(?:until\s+)?"  # "from at least until October 2010"
    # "from the morning of Monday 16 June to the morning of 18 June 2003"
    r"(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday),?\s+)?$",  # "du lundi 31 août au 12 septembre"
    re.IGNORECASE,
)
_PERIOD_LINK = Regex(
    r"\s*,?\s*(?:and\s+continu(?:ing|ed)\s+)?(?:to|and|until|through|au|à|a|et|jusqu'au"
    r"|jusqu\u2019au)"
    r"(?:\s+(?:in|on)(?!\s+or\b))?\s+(?:the\s+|le\s+)?"
    + _ABOUT
    + r"(?:(?:morning|afternoon|evening|night)\s+of\s+(?:the\s+)?)?",  # "to the morning of"
    re.IGNORECASE,
)
_DASHED = Regex(r"[ \t]*[-\u2013\u2014][ \t]*")  # a day without its year, a dash, a full date
# Bounds hedged as an indictment hedges those of the conduct charged: "from in or about March
# 2017 through at least December 2019".
_HEDGED = Regex(
    r"\b(?:or\s+about|at\s+least|au\s+moins|as\s+early\s+as|(?:no|not)\s+later\s+than)\b",
    re.IGNORECASE,
)
_BARE_YEAR = Regex(r"(?P<year>19\d\d|20\d\d)(?![\w/.,:-]\d)")
# A period's last year with the third of it: "between February 1974 and late 1983".
_QUALIFIED_END_YEAR = Regex(
    r"(?:early|late|mid|(?:the\s+)?(?:beginning|middle|end)\s+of|d[ée]but|fin|mi)(?:\s*-\s*|\s+)"
    r"(?P<year>19\d\d|20\d\d)(?![\w/.,:-]\d)",
    re.IGNORECASE,
)


def _periods(text: str, found: list[Found]) -> list[Found]:
    """A period ("from September 1965 to September 1969", "between 2001 and 2003", "du 3 mars
    au 5 avril 2010") as one date, an EDTF interval, rather than two events; its first end
    may take its year from the second."""
    merged: list[Found] = []
    index = 0
    while index < len(found):
        first = found[index]
        period = _period_from(text, first, found[index + 1 : index + 2])
        if period is None:
            merged.append(first)
            index += 1
            continue
        merged.append(period[0])
        index += 1 + period[1]
    return merged


def _period_from(text: str, first: Found, following: list[Found]) -> tuple[Found, int] | None:
    """The period starting at `first`, and how many found expressions after it it takes."""
    lead = _PERIOD_LEAD.rx.search(text, max(0, first.start - 40), first.start)
    link = _PERIOD_LINK.rx.match(text, first.end) if lead else None
    if lead is None and first.month_day is not None:
        link = _DASHED.rx.match(text, first.end)  # a session's "21 October - 8 November 1996"
    dashed_days = lead is None and first.span is not None and first.span.precision == "day"
    if dashed_days:  # a report's period: "(28 April 2014 - 3 November 2014)", an en dash
        link = _DASHED.rx.match(text, first.end)
    if link is None:
        return None
    after = following[0] if following and following[0].start == link.end() else None
    if dashed_days and (after is None or after.span is None or after.span.precision != "day"):
        return None
    if after is not None and after.span is not None:
        second, taken = after, 1
    elif after is not None and after.month_day is not None and first.span is not None:
        end = _on_or_after(after.month_day, first.span)  # "between Oct. 1, 2010 and April 30"
        if end is None:
            return None
        second, taken = replace(after, span=end), 1
    else:
        year = _BARE_YEAR.rx.match(text, link.end())
        year = year or _QUALIFIED_END_YEAR.rx.match(text, link.end())
        if year is None or first.span is None or first.span.precision not in ("year", "month"):
            return None  # "between 2001 and 2003", "between February 1974 and late 1983"
        span = _period(date(int(year.group("year")), 1, 1), "year")
        second, taken = Found(year.start(), year.end(), year.group(0), span=span), 0
    assert second.span is not None
    start = first.span
    if start is None and first.month_day is not None:
        start = _with_year(first.month_day, second.span, from_dateline=False)
    if start is None and first.month is not None:  # "between January and May 2024"
        start = _period(date(second.span.start.year, first.month, 1), "month")
    if start is None or start.end > second.span.start:
        return None
    span = Span(f"{start.text}/{second.span.text}", start.start, second.span.end, "interval", False)
    hedged = bool(_HEDGED.rx.search((lead.group(0) if lead else "") + link.group(0)))
    found = Found(first.start, second.end, text[first.start : second.end], span=span)
    return replace(found, conduct=hedged), taken


def _count_range(count: str | None, unit: str) -> tuple[int, int]:
    """How many units a count word means: "two" is 2, "months" or "several" is a range."""
    if count is None or fold(count) in _VAGUE_COUNTS:
        return (2, {"day": 9, "week": 5, "month": 11, "year": 9}[unit])
    if count.isdigit():
        return (int(count), int(count))
    number = _NUMBER_WORDS.get(fold(count), 1)
    return (number, number)


def _find_relative(text: str) -> Iterator[Found]:
    for m in _RELATIVE_AFTER_COUNT.rx.finditer(text):
        unit = _UNITS[fold(m.group("unit"))]
        count = m.group("count")
        if count is None and not fold(m.group("unit")).endswith(("s", "mois")):
            continue  # "year later" without a count is not a phrase we can trust
        fewest, most = _count_range(count, unit)
        direction = normalise_space(fold(m.group("direction")))
        sign = -1 if direction in _EARLIER else 1
        found = normalise_space(m.group(0))
        shift = _signed(fewest, most, sign, unit)
        yield Found(
            m.start(), m.end(), found, shift=shift, ago=(0, "day") if direction == "ago" else None
        )
    for m in _AFTER_EVENT.rx.finditer(text):
        unit = _UNITS[fold(m.group("unit"))]
        sign = -1 if fold(m.group("direction")) in ("before", "avant") else 1
        shift = _signed(*_count_range(m.group("count"), unit), sign, unit)
        event = normalise_space(fold(m.group("noun") or m.group("verb") or m.group("nom")))
        yield Found(
            m.start(), m.end(), normalise_space(m.group(0)), shift=shift,
            counted_from=_EVENT_KINDS[event],
        )  # fmt: skip
    for m in _LAST_WEEK.rx.finditer(text):  # as "a week ago": about that day
        yield Found(m.start(), m.end(), m.group(0), shift=(-1, -1, "week"), ago=(0, "day"))
    for m in _IL_Y_A.rx.finditer(text):
        unit = _UNITS[fold(m.group("unit"))]
        shift = _signed(*_count_range(m.group("count"), unit), -1, unit)
        yield Found(m.start(), m.end(), normalise_space(m.group(0)), shift=shift, ago=(0, "day"))
    for m in _RELATIVE_NEXT.rx.finditer(text):
        direction = fold(m.group("direction") or m.group("direction_fr") or m.group("direction_en"))
        unit = _UNITS.get(fold(m.group("unit") or m.group("unit_fr") or "day"), "day")
        sign = -1 if direction in _EARLIER else 1
        shift = _signed(1, 1, sign, unit)
        yield Found(m.start(), m.end(), m.group(0), shift=shift, exact=unit != "week")
    for m in _RELATIVE_DAY_WORDS.rx.finditer(text):
        if _APPOSED.rx.search(text, max(0, m.start() - 12), m.start()) and _OF_AN_EVENT.rx.match(
            text, m.end()
        ):
            continue  # "retrouvé mort le 4 mai 2020, au lendemain de l'investiture": that day
        word = fold(m.group("word"))
        sign, count = -1 if "veille" in word else 1, 2 if "sur" in word or "avant" in word else 1
        shift = _signed(count, count, sign, "day")
        yield Found(m.start(), m.end(), m.group(0), shift=shift, exact=True)


def _signed(fewest: int, most: int, sign: int, unit: str) -> tuple[int, int, str]:
    return (fewest, most, unit) if sign > 0 else (-most, -fewest, unit)


def _shift(day: date, count: int, unit: str) -> date:
    """`day` moved by whole units, clamping 31 January + 1 month to 28/29 February."""
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 + count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _resolve_shift(anchor: Span, shift: tuple[int, int, str]) -> Span:
    """A relative date: approximate, never finer than its anchor or its unit."""
    fewest, most, unit = shift
    start, end = _shift(anchor.start, fewest, unit), _shift(anchor.end, most, unit)
    unit_precision = "day" if unit in ("day", "week") else unit
    vague = fewest != most
    if abs(fewest) == abs(most) == 1 and unit == "month" and anchor.precision == "day":
        unit_precision = "day"  # "a month later" than 27 July 1982: about 27 August (GUIDE.md)
    level = max(_PRECISIONS.index(unit_precision), _level(anchor.precision))
    if vague:  # "months later": say the coarser period, keep the real bounds
        level = min(level + 1, 2)
        return Span(_period(start, _PRECISIONS[level], True).text, start, end,
                     _PRECISIONS[level], True)  # fmt: skip
    nominal = _period(start, _PRECISIONS[level], True)
    return Span(nominal.text, min(start, nominal.start), max(end, nominal.end),
                 nominal.precision, True)  # fmt: skip


_DAYS_AHEAD = 31


def _level(precision: str) -> int:
    """How coarse a precision is among day, month and year (a season counts as a month, an
    interval as its days)."""
    return _PRECISIONS.index({"season": "month", "interval": "day"}.get(precision, precision))


def _with_year(month_day: tuple[int, int], anchor: Span, from_dateline: bool) -> Span | None:
    """A date given without a year takes its anchor's year (the year before, for a dateline
    it would otherwise follow by more than a month: news reports look back, but a day of the
    weeks ahead, "on 27 October" in a briefing of 22 October, is one set for then)."""
    month, day = month_day
    year = anchor.start.year
    if from_dateline and (month, day) > (anchor.start.month, anchor.start.day):
        ahead = _full_date(year, month, day)
        if ahead is None or (ahead.start - anchor.start).days > _DAYS_AHEAD:
            year -= 1
    try:
        return _period(date(year, month, day), "day")
    except ValueError:  # 29 February in a year without it
        return None


def latest_day(found: Sequence[Sequence[Found]]) -> Span | None:
    """The latest day a text states in full (a period: its end); a report with no dateline
    was written after it."""
    days = [f.span for each in found for f in each if f.span and f.span.precision in _DAYS]
    return max(days, key=lambda span: span.end, default=None)


_DAYS = ("day", "interval")

# A month told of the year the text is written in: "caught by police in March of this year",
# "en mars de cette année".
_OF_THIS_YEAR = Regex(
    r"\s*,?\s*(?:of\s+this\s+year|this\s+year|de\s+cette\s+ann[ée]e|(?:de\s+)?l['\u2019]ann[ée]e"
    r"\s+en\s+cours)\b",
    re.IGNORECASE,
)


def this_years_month(sentence: str, item: Found, now: Span | None) -> Span | None:
    """The month of "in March of this year": of the year of the text's own day (its dateline,
    else the latest day it states), not of the last date told."""
    if item.month is None or now is None or not _OF_THIS_YEAR.rx.match(sentence, item.end):
        return None
    return _period(date(now.end.year, item.month, 1), "month")


def _nearest(month_day: tuple[int, int], latest: Span) -> Span | None:
    """A report's day without a year, before any date it states and with no dateline: the such
    day nearest the latest day the report states ("deported Oct. 20" in a release that later
    tells of an arrest on Sept. 8, 2017: 20 October 2017), as a report's lead tells of recent
    events."""
    years = range(latest.end.year - 1, latest.end.year + 2)
    days = [_with_year(month_day, _period(date(year, 1, 1), "year"), False) for year in years]
    return min(
        (day for day in days if day),
        key=lambda day: abs((day.start - latest.end).days),
        default=None,
    )


# A text's title that names one year and no other date: "Voici les grands procès de 2022".
_TITLE_YEAR = Regex(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])")
# A day without its year heading an item of a list, before its colon: "10 janvier : Vrais ou
# faux aveux ?", "March 3: Trial opens".
_ITEM_HEADING = Regex(r"[ \t]*:(?!\d)")


def title_year(text: str) -> Span | None:
    """The year a text's title names, when it names one year and no other date: a list of the
    year's trials dates its items by it."""
    line = text.lstrip().split("\n", 1)[0]
    years = _TITLE_YEAR.rx.findall(line)
    if len(years) != 1 or any(
        f.span is None or f.span.precision != "year" for f in find_dates(line, "en")
    ):
        return None
    return _period(date(int(years[0]), 1, 1), "year")


def in_titled_year(sentence: str, item: Found, year: Span | None) -> Span | None:
    """A day without its year heading an item of a list ("14 janvier : Noyade de June") under
    a title naming one year ("les grands procès de 2022"): that day of the title's year, not
    the such day nearest a date an earlier item told."""
    if year is None or item.month_day is None:
        return None
    if sentence[sentence.rfind("\n", 0, item.start) + 1 : item.start].strip():
        return None
    if not _ITEM_HEADING.rx.match(sentence, item.end):
        return None
    return _with_year(item.month_day, year, False)


def _up_to(month_day: tuple[int, int], told: Span) -> Span | None:
    """ "Le 29 janvier dernier" in a report of October 2017 (or one whose latest day is then):
    the latest such day on or before the report's time, 29 January 2017."""
    day = _with_year(month_day, _period(date(told.end.year, 1, 1), "year"), False)
    if day is not None and day.start > told.end:
        day = _with_year(month_day, _period(date(told.end.year - 1, 1, 1), "year"), False)
    return day


def _on_or_after(month_day: tuple[int, int], start: Span) -> Span | None:
    """A period's end given without a year: its first such day after the start ("between
    October 1, 2010 and April 30": 30 April 2011)."""
    end = _with_year(month_day, start, from_dateline=False)
    if end is not None and end.start <= start.start:
        end = _with_year(month_day, _period(date(start.start.year + 1, 1, 1), "year"), False)
    return end


_DATELINE_PREFIX = Regex(
    r"^\s*(?:(?:published|updated|posted|publié\s+le|mis\s+à\s+jour\s+le)[:\s]*)?"
    r"(?:(?P<place>[^\W\d][\w .,'\u2019()/-]{0,60}),\s*)?(?:le\s+|el\s+|am\s+|den\s+)?$",
    re.IGNORECASE,
)
# A place's words are capitalised ("NEW YORK", "Boulogne-sur-Mer", "Washington (Reuters)"),
# unlike a sentence's ("He was arrested on Monday, May 5, 2014.").
_LOWER_WORD = Regex(r"(?<![\w'\u2019-])(?!(?:sur|les|des|upon|del|der|the)\b)[a-zà-ÿ]{3,}\b")
_DATELINE_SUFFIX = Regex(r"^[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[—\u2013-]+|:|\n|$|\.(?=\s))")


# A schedule's entry: a day, its hour and what is heard ("10.07.2020 - 09:30, Date de début
# des débats", "3 May 2021 - 10:00 Hearing"): the hearing's day, not the page's date.
_SCHEDULED_AT = Regex(
    r"[ \t]*[\u2013\u2014-]?[ \t]*(?:at[ \t]+|[àa][ \t]+)?[0-2]?\d(?::|h|\.)[0-5]\d[ \t]*[,:]?"
    r"[ \t]*[^\n]{0,30}?\b(?:d[ée]bats|audience|proc[èe]s|hearing|trial|sitting)\b",
    re.IGNORECASE,
)

# A date alone above the court's name heads a decision: it is the decision's date.
_COURT_NEXT = Regex(
    r"^[ \t]*\n\s*(?:cour|court|tribunal|conseil|appellate|supreme|chambre)\b", re.I
)


def dateline(text: str, lang: str) -> tuple[Span | None, int]:
    """The article's own date ("Paris, June 17, 2020—") and where the story starts after it,
    opening the text or the first paragraph under its headline."""
    head = text[:200]
    stamp = _PUBLISHED_STAMP.rx.match(text)
    if stamp is not None:  # "Publié le 09/04/2020 à 22h20 par Ouest-France": the page's day
        own = find_dates(text[stamp.end() : stamp.end() + 60], lang)
        if own and own[0].start == 0 and own[0].span and own[0].span.precision == "day":
            return own[0].span, stamp.end() + own[0].end
    stored = _STORE_DATE_LINE.rx.match(text)
    if stored is not None:  # " date 2023-02-21 Two accused ...": the page's date as stored
        day = _full_date(int(stored["year"]), int(stored["month"]), int(stored["day"]))
        if day is not None:
            return day, stored.end()
    for item in find_dates(text[:_UNDER_HEADLINE_CHARS], lang):
        if item.span is None or item.span.precision != "day":
            continue
        prefix = _DATELINE_PREFIX.rx.match(head[: item.start]) if item.end <= len(head) else None
        if prefix is None:
            past = _under_headline(text, item)
            return (item.span, past) if past else (None, 0)
        place = prefix["place"] if prefix else None
        if place and _LOWER_WORD.rx.search(place):
            break  # a sentence, no place
        if prefix:
            suffix = _DATELINE_SUFFIX.rx.match(text[item.end :])
            if (
                place
                and fold(place.strip()) in _WEEKDAY_NAMES
                and suffix
                and "-" not in fold(suffix.group(0).replace("\u2014", "-").replace("\u2013", "-"))
            ):
                break  # "Thursday, June 29, 2006" alone on its line: a listing's day, no place
            court_next = _COURT_NEXT.rx.match(text[item.end :])
            if _SCHEDULED_AT.rx.match(text, item.end):
                break  # "10.07.2020 - 09:30, Date de début des débats": a listed hearing's day
            if suffix and not (court_next and not head[: item.start].strip()):
                return item.span, item.end + suffix.end()
        break
    return None, 0


_UNDER_HEADLINE_CHARS = 400
# A news page's stamp of its publication opening the text: "Publié le 09/04/2020 à 22h20".
_PUBLISHED_STAMP = Regex(
    r"\s*(?:publi[ée]e?\s+le|published(?:\s+on)?\s*:?|posted(?:\s+on)?\s*:?)[ \t]*", re.I
)
# A news store's date line that keeps only the month: " date 2024-04 Au Togo, un journaliste".
_STORE_MONTH_LINE = Regex(r"\s*date[ \t]+(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)(?![\d:T-])")


def stored_month(text: str) -> Span | None:
    """The month of a store's date line that gives no day: no dateline (its "Tuesday" and
    "today" stay unknown), but a report of that month tells days near it, so a day without a
    year before any date told is the such day nearest it ("écroué depuis le 28 mars ... remis
    en liberté mardi 9 avril" under " date 2024-04": 2024), not the nearest to an older date
    the report tells later (the colonel found dead "le 4 mai 2020")."""
    m = _STORE_MONTH_LINE.rx.match(text)
    return _full_date(int(m["year"]), int(m["month"]), None) if m else None


# A news store's date line opening the text, its headline run on after it.
_STORE_DATE_LINE = Regex(
    r"\s*date[ \t]+(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d:T])[ \t]*"
)


def stored_day(text: str) -> bool:
    """Whether the text opens with a news store's date line of a day (" date 2023-02-21")."""
    return _STORE_DATE_LINE.rx.match(text) is not None


_DASH_AFTER = Regex(r"^[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[—\u2013-]+")
_SENTENCE_END = Regex(r"[.!?][\"'\u201d)]?\s")
# A dateline whose day comes first: "March 12, 2010 - WASHINGTON, D.C—"
_PLACE_AFTER = Regex(
    r"[ \t]*[-\u2013\u2014][ \t]*[A-Z][A-Z.'\u2019 ]+(?:,[ \t]*[A-Z][\w.' ]*)?"
    r"[ \t]*[-\u2013\u2014]+"
)


def _under_headline(text: str, item: Found) -> int | None:
    """Where the story starts after a dateline that opens the paragraph under a headline
    ("Bronx Man Sentenced\n\nNEW YORK, Feb. 12, 2014 — ..."): a capitalised place, the
    day and a dash, with no sentence before it; None if the date is not so placed."""
    before = text[: item.start]
    line_start = before.rfind("\n") + 1
    if line_start == 0 or _SENTENCE_END.rx.search(before[:line_start]):
        return None
    if not before[line_start:].strip():
        placed = _PLACE_AFTER.rx.match(text, item.end)  # "March 12, 2010 - WASHINGTON, D.C—"
        return placed.end() if placed else None
    prefix = _DATELINE_PREFIX.rx.match(before[line_start:])
    place = prefix["place"] if prefix else None
    dash = _DASH_AFTER.rx.match(text[item.end :])
    if not place or _LOWER_WORD.rx.search(place) or dash is None:
        return None
    return item.end + dash.end()


_RELEASE_HEAD = Regex(
    r"\b(?:press\s+release|news\s+release|media\s+release|for\s+immediate\s+release|press\s+briefing"
    r"|communiqu[ée]\s+de\s+presse|avis\s+aux\s+m[ée]dias|media\s+advisory"
    r"|memorandum\s+(?:to|for)|subject\s*:"
    r"|media\s+(?:relations|contacts?|inquiries)|press\s+contacts?)",
    re.IGNORECASE,
)
_HEAD_LINES = 8
_DATE_LABEL = Regex(r"[ \t]*dated?[ \t]*:", re.IGNORECASE)
_UNDER_BYLINE = 4  # lines more to find a release's dateline under a page's byline
_ALONE_ON_ITS_LINE = Regex(
    r"^\s*(?:dated?\s*:?\s*|(?:avis\s+aux\s+m[ée]dias|media\s+advisory|press\s+release"
    r"|news\s+release|communiqu[ée](?:\s+de\s+presse)?)\s*[:|\u2013-]\s*)?"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+)?$",
    re.IGNORECASE,
)


# A web page's date run into its place ("May 18, 2014Washington, DC, United States"): the
# page's own date, as a dateline.
_GLUED_PLACE = Regex(r"[^\n]*?\b(?:1[6-9]|20)\d\d(?=[A-Z][a-z])")


# A release's dateline on a line of its own under the headline: "Washington, D.C. May 07,
# 2010", "NEW YORK, NY". A city and its state, capitalised, with a comma: no headline.
_PLACE_ON_ITS_LINE = Regex(
    r"^\s*\(?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}"
    r"(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}(?=,)){0,2}"
    r"(?:,\s*(?:[A-Z][\w.'\u2019-]*\.?\s+){0,2}|\s*[\u2013\u2014-]\s*|\s*\(\s*)$"
)  # also "(Miami - November 8, 2024)", "Miami (May 14, 2024)" with any dash, and the places of
# a release from two seats: "Arusha, The Hague, 25 May 2023"
_CLOSES_ITS_LINE = Regex(r"[\s).,\u2013\u2014-]*")


# A web page's byline: "Admin | December 12, 2024", "By Jane Roe | May 3, 2022", "Posted by
# Admin on May 3, 2022", "Publié le 3 mai 2022 par": the page's date, no event.
_BYLINE = Regex(
    r"^\s*(?:(?:posted|published|updated|publi[ée]|mis\s+en\s+ligne|actualis[ée])"
    r"(?:\s+(?:by|par)\s+"
    r"[^\n|]{1,40}?(?=\s+(?:on|le)\b))?(?:\s+(?:on|le))?\s*:?"
    r"|(?:by\s+)?[^\W\d][\w.'\u2019 -]{0,40}?\s*\|)\s*",
    re.IGNORECASE,
)
_BY = Regex(r"^\s*(?:\||by\b|par\b)[^\n]{0,40}$", re.IGNORECASE)


# A page's byline after its date and hour: "12 septembre 2024 à 14h29 par La rédaction".
_BY_AFTER = Regex(r"[ \t]+(?:par|by)[ \t]+[^\W\d][^\n\d]{0,40}?[ \t]*(?=\n|$)", re.IGNORECASE)


# A court's title on a line of its own above a head's "Subject:" field (the catchwords of a
# County Court of Victoria sentence): a decision's head, not a memorandum's.
_COURT_TITLE_LINE = Regex(r"(?im)^[ \t]*in the [\w ]{0,60}?\b(?:court|tribunal)\b")


def is_release(text: str) -> bool:
    """Whether the text opens as a press release or a memorandum, whose head dates it."""
    head = text[:HEAD_DATE_CHARS]
    marks = list(_RELEASE_HEAD.rx.finditer(head))
    if marks and all(m.group(0).lower().startswith("subject") for m in marks):
        titled = _COURT_TITLE_LINE.rx.search(head, 0, marks[0].start())
        return titled is None  # "IN THE COUNTY COURT OF VICTORIA" ... "Subject: OFABD x 8"
    return bool(marks)


HEAD_DATE_CHARS = 600
# The time of day a release's date line gives after its day: ", 1:22pm", " at 10:30 a.m. EST".
_CLOCK_AFTER = Regex(
    r"^[ \t]*[,\u2013\u2014-]?[ \t]*(?:at[ \t]+|[àa][ \t]+)?[0-2]?\d(?::|h|\.)[0-5]\d"
    r"(?:[ \t]*[ap]\.?[ \t]?m\.?)?(?:[ \t]+[A-Z]{2,4})?(?=[ \t]*(?:\n|$))",
    re.IGNORECASE,
)


def head_date(text: str, lang: str) -> tuple[Span | None, int]:
    """The date of a release or memorandum: a full date alone on one of its first lines
    ("Thursday, March 14, 2024" under the headline), and where the text goes on after it."""
    head = text[:HEAD_DATE_CHARS]
    lines = 0
    posted: tuple[Span, int] | None = None  # a byline's date, unless a dateline follows it
    for line in re.finditer(r"[^\n]*(?:\n|$)", head):
        lines += bool(line.group(0).strip())  # blank lines between a seal and a title count not
        if lines > _HEAD_LINES + (_UNDER_BYLINE if posted else 0) and not _DATE_LABEL.rx.match(
            line.group(0)
        ):
            continue  # but "Date: 14 November 2001" under a site's header and a title is its day
        glued = _GLUED_PLACE.rx.match(line.group(0))  # "May 18, 2014Washington, DC"
        said = glued.group(0) if glued else line.group(0)
        if not line.start():  # " date 2017-06 publié le 10/06/2017": the page's day after
            said = _STORE_MONTH_LINE.rx.sub("", said, count=1)
        byline = _BYLINE.rx.match(said)
        said = said[byline.end() :] if byline else said
        for item in find_dates(said, lang):
            if item.span is None or item.span.precision != "day":
                continue
            before, after = said[: item.start], said[item.end :]
            opens = len(text) - line.end() > line.start()  # no closing "Paris, 17 May 2014."
            placed = opens and _PLACE_ON_ITS_LINE.rx.match(before)
            if placed and _CLOSES_ITS_LINE.rx.fullmatch(after):
                return item.span, line.end()  # the story's dateline, past a page's byline
            headed = _HEADLINE_AFTER.rx.match(after)
            if opens and headed and _in_title_case(headed["headline"]) and not before.strip():
                return item.span, line.end()  # "June 5, 2026: Jury Convicts Four": the release's
            after = _BY.rx.sub("", after) if byline else after
            after = _UPDATED_AFTER.rx.sub("", after)  # "23:00; Act: 07.07.2014 12:21 Print"
            after = _BY_AFTER.rx.sub("", after, count=1) if not byline else after
            after = _CLOCK_AFTER.rx.sub("", after)  # "04 December 2022, 1:22pm": posted then
            if not _ALONE_ON_ITS_LINE.rx.match(before) or after.strip(" \t\n.,") or not opens:
                continue  # not alone, or a signature's "Dated: May 3, 2022" closing an order
            if not byline:
                return item.span, line.end()
            if not _TOLD_LINE.rx.search(head, 0, line.start()):  # a byline heads the story
                posted = posted or (item.span, line.end())
    return posted or (None, 0)


# The update stamp after a page's posting day and hour: "06 juillet 2014 23:00; Act: 07.07.2014
# 12:21 Print", "3 May 2021 10:02 | Updated 4 May 2021 08:15".
_UPDATED_AFTER = Regex(
    r"^[ \t]*[,\u2013-]?[ \t]*(?:(?:at[ \t]+|[àa][ \t]+)?[0-2]?\d(?::|h)[0-5]\d[ \t]*)?"
    r"[;|,\u2013-]?[ \t]*(?:(?-i:Act\.?)[ \t]*:|actualis[ée]e?\b|mis[ \t]+[àa][ \t]+jour\b"
    r"|(?:last[ \t]+)?updated\b)[^\n]{0,60}$",
    re.IGNORECASE,
)
_HEADLINE_AFTER = Regex(r"[ \t]*:[ \t]*(?P<headline>[^\n]+)")
# A line ending a sentence; not an author's initials over a byline ("A.S.", "J. R.").
_TOLD_LINE = Regex(r"(?:[!?]|(?<![\s.][A-Z])\.)[\"'\u201d)]?[ \t]*\n")


def resolve(
    item: Found,
    later_in_sentence: Sequence[Found],
    stated: Span | None,
    published: Span | None,
    narrative: Span | None = None,
    latest: Span | None = None,
    sentence_day: Span | None = None,
) -> tuple[Span | None, str | None]:
    """The span a found expression means, and the EDTF of the date it was resolved from.

    Relative and year-less dates take the nearest preceding date the text states (not one
    itself relative, so a flashback does not shift the story); "fourteen years earlier"
    takes a later full date of the same sentence when there is one ("the inquiry, opened
    fourteen years earlier, was closed on 5 June 2017"); the dateline is the last resort.
    "Today", "yesterday", "last month" take the dateline; "the same day" the day the story
    is at (`narrative`: the last date opening a sentence, "On 15 March 2010 ..."). A day
    without a year that comes before any stated date, in a report with no dateline, is the
    such day nearest the latest day the report states (`latest`). A month without a year after
    a day of its sentence (`sentence_day`) goes on from it.
    """
    if item.span is not None:
        return item.span, None
    if item.counted_from is not None:
        return None, None  # dated by the milestone of its event (counted())
    if item.weekday is not None:
        return _on_weekday(item.weekday, published, item.ahead)
    if item.last_season is not None:
        if published is None or published.precision != "day":
            return None, None
        year = published.start.year
        while season_span(year, item.last_season).end >= published.start:
            year -= 1
        return season_span(year, item.last_season), published.text
    if item.ago is not None:
        if published is None or published.precision != "day":
            return None, None
        if item.shift is not None:  # "two years ago", "il y a deux ans": from the dateline
            return _resolve_shift(published, item.shift), published.text
        count, unit = item.ago
        return _period(_shift(published.start, -count, unit), unit), published.text
    if item.same_day:
        # a day of an event dated only to its month is in that month: "killed ... in November
        # 2011 ... arrested later on the same day" (2011-11); a year says too little
        if narrative is None or narrative.precision not in ("day", "month"):
            return None, None
        if narrative.precision == "month" and not _SAME.rx.search(item.found):
            return None, None  # "Ce jour-là" after "En mai 2017": which day is not told
        return narrative, narrative.text
    if item.month is not None:
        span, told = _month_in_context(item.month, later_in_sentence, stated, published, item.ahead)
        if (
            span is not None
            and span.text.endswith("?")
            and _goes_on(item, span, stated, sentence_day, published)
        ):
            span = replace(span, text=span.text[:-1])
        return span, told
    if item.month_day is None and item.shift is None:
        return None, None
    if item.latest_past and item.month_day is not None:
        now = published or latest or stated
        if now is None:
            return None, None
        return _up_to(item.month_day, now), now.text
    if item.month_day is not None and stated is None and latest is not None:
        return _nearest(item.month_day, latest), latest.text
    anchor: Span | None = None
    if item.shift is not None and item.shift[1] < 0:
        anchor = next((f.span for f in later_in_sentence if f.span), None)
    anchor = anchor or stated
    from_dateline = anchor is None
    anchor = anchor or published
    if anchor is None:
        return None, None
    if item.month_day is not None:
        span = _with_year(item.month_day, anchor, from_dateline and not item.ahead)
        if item.coming and published is not None and published.precision == "day":
            span, anchor = _coming(item.month_day, published), published
        elif item.ahead and span is not None and span.start < anchor.start:
            span = _on_or_after(item.month_day, anchor)  # set for a day of the next year
        elif _recent(item, span, anchor, published) or _past_the_dateline(item, span, published):
            assert published is not None
            span, anchor = _with_year(item.month_day, published, True), published
    else:
        assert item.shift is not None
        span = _resolve_shift(anchor, item.shift)
        unit = item.shift[2]
        if item.exact and _level(anchor.precision) <= _PRECISIONS.index(unit):
            # the day after a period is after its last day, the day before it before its first
            base = anchor.end if item.shift[0] > 0 else anchor.start
            span = _period(_shift(base, item.shift[0], unit), unit)
    return span, anchor.text if span else None


def counted(item: Found, event: Span) -> Span:
    """A span counted from an event the text has dated ("two days after her arrest" on
    3 March 2021): that date shifted, approximate."""
    assert item.shift is not None
    return _resolve_shift(event, item.shift)


def _coming(month_day: tuple[int, int], published: Span) -> Span | None:
    """A day without its year told as still to come from the report's own day ("a hearing is
    scheduled for May 9" under a dateline of 22 March 2022): the first such day on or after the
    dateline, whatever year an earlier date of the story was in."""
    span = _with_year(month_day, published, from_dateline=False)
    if span is not None and span.start < published.start:
        span = _with_year(month_day, _period(date(published.start.year + 1, 1, 1), "year"), False)
    return span


def _past_the_dateline(item: Found, span: Span | None, published: Span | None) -> bool:
    """Whether a day without its year, not told as ahead ("was shot ... on Dec. 27"), would fall
    more than half a year after the report's own date by the year of a date set ahead ("next
    court date was set for March 21"): a report looks back, so it is the latest such day by the
    dateline."""
    if span is None or published is None or published.precision != "day" or item.ahead:
        return False
    return (span.start - published.start).days > _HALF_A_YEAR


_HALF_A_YEAR = 183  # days: a step told ahead without a word for it ("reviendra le 25 août")


def _recent(item: Found, span: Span | None, stated: Span, published: Span | None) -> bool:
    """Whether a day without its year, which the year of the date last told would put before
    that date, is rather the latest such day by the dateline and after that date ("arrested on
    Oct. 12, 2021 ... Judge Roe sentenced Doe on June 7" in a release of 7 June 2022): a report
    tells its story forward, up to its own day; not one told in the pluperfect."""
    if span is None or published is None or published.precision != "day" or item.back:
        return False
    if stated is published or item.month_day is None or span.start >= stated.start:
        return False
    recent = _with_year(item.month_day, published, True)
    return recent is not None and stated.end < recent.start


def _on_weekday(
    weekday: int, published: Span | None, ahead: bool = False
) -> tuple[Span | None, str | None]:
    """ "On Friday" in a news report: the last such day on or before its publication date;
    the first on or after it when told as to come ("will be arraigned on Monday")."""
    if published is None or published.precision != "day":
        return None, None
    if ahead:
        day = published.start + timedelta(days=(weekday - published.start.weekday()) % 7)
    else:
        day = published.start - timedelta(days=(published.start.weekday() - weekday) % 7)
    return _period(day, "day"), published.text


def _goes_on(
    item: Found, span: Span, stated: Span | None, day: Span | None, published: Span | None
) -> bool:
    """Whether a month without its year told after a day of its sentence, the last date told,
    is a later month of that day's year, up to the dateline ("arrested on March 3, 2021, and
    held for six weeks before being released in mid-April"): the sentence tells on from that
    day, so the year is sure; not a month told in the pluperfect ("had been charged in
    November"), which looks back."""
    if item.back or day is None or stated is not day or span.start.year != day.start.year:
        return False
    if published is not None and published.precision == "day" and span.start > published.start:
        return False
    return span.start > day.start


def _month_in_context(
    month: int,
    later_in_sentence: Sequence[Found],
    stated: Span | None,
    published: Span | None,
    ahead: bool = False,
) -> tuple[Span | None, str | None]:
    """ "In November": the year of a later full date of the same sentence ("in January, and
    on 14 February 2020"), else, marked uncertain ("2019-11?"), of the date the text last
    stated, else of the dateline (the year before when the month is still to come). A month
    of the dateline's year up to its own ("April's raids" in a report of 3 May 2012) is sure:
    news tells what is past."""
    anchor = next((f.span for f in later_in_sentence if f.span), None)
    sure = anchor is not None and (month, 1) <= (anchor.start.month, anchor.start.day)
    if anchor is None and published is not None and stated in (None, published):
        anchor, stated = published, None
        sure = month <= published.start.month
    anchor = anchor or stated or published
    if anchor is None:
        return None, None
    told = stated if anchor is stated and stated is not None else None
    if told and told.start.year == told.end.year and told.start.month == told.end.month == month:
        sure = True  # "In late August 2024 ... Earlier in August": the month just told
    year = anchor.start.year
    if anchor is published and stated is None and ahead:
        year += month < anchor.start.month  # "the trial is set for February": the next one
        sure = True
    elif anchor is published and stated is None and month > anchor.start.month:
        year -= 1
    span = _period(date(year, month, 1), "month")
    if not sure:
        span = replace(span, text=span.text + "?")
    return span, anchor.text


_ITEM_DATE = Regex(
    r"\s*(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?\s*(?:\n|$)|\s*[\u2013\u2014-]\s+\S"
    r"|\s*\|)"  # "June 2, 2023\n|Enforcement and Removal": a post's date and its topic
)


_HEADING_WORDS = Regex(
    r"(?:\b(?:press|news|media|releases?|archives?|stories|posts|blog|communiqu[ée]s?(?:\s+de"
    r"\s+presse)?|actualit[ée]s|for|of|from|in|de|du|des|en)\b|[\s:.|\u2013\u2014-])*",
    re.IGNORECASE,
)


def is_heading(sentence: str, found: Sequence[Found]) -> bool:
    """Whether a line is only a month or a year, maybe with a listing's words ("May 2007",
    "Press Releases for June 2006", "News archive: May 2006"): a listing's heading."""
    if len(found) != 1 or found[0].span is None or found[0].span.precision == "day":
        return False
    rest = (sentence[: found[0].start] + " " + sentence[found[0].end :]).strip()
    return _HEADING_WORDS.rx.fullmatch(rest) is not None


_CAPITALISED = Regex(r"(?<![\w'\u2019-])[A-Z0-9$]")
_HEADLINE_WORD = Regex(r"(?<![\w'\u2019-])[^\W_][\w'\u2019.,$-]*")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or",
                          "the", "to", "with"})  # fmt: skip


def is_dated_headline(sentence: str, found: Found) -> bool:
    """Whether a line is a headline in title case dated in brackets at its end, as a listing
    of releases gives its items ("DEA Executes Operation Bottleneck (October 31, 2023)")."""
    before = sentence[: found.start].rstrip()
    if not before.endswith("(") or sentence[found.end :].strip() != ")":
        return False
    return _in_title_case(before)


def _in_title_case(text: str) -> bool:
    """Whether a line's words are a headline's: three or more, each capitalised but the small."""
    words = [w for w in _HEADLINE_WORD.rx.findall(text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and all(_CAPITALISED.rx.match(w) for w in words)


HEADLINE, ALONE, POST = "headline", "alone", "post"


# A release's labelled date on its own line in a listing, and the label lines under it.
_RELEASED_LABEL = Regex(r"^\s*(?:date\s+)?(?:released|posted|published)\s*:\s*$", re.IGNORECASE)
_RELEASED_LABEL_AT = Regex(r"\s*(?:date\s+)?(?:released|posted|published)\s*:", re.IGNORECASE)
_FIELD_LINES = Regex(r"(?:[ \t]*\n[ \t]*[A-Z][\w ]{0,30}:[^\n]*)*[\s.]*")


# A release's label on the line above its date, in a bulletin that runs several releases on:
# "FOR IMMEDIATE RELEASE\nJuly 3, 2024\nTORONTO -- The Tribunal issued ...".
_RELEASE_LINE_ABOVE = Regex(
    r"(?:^|\n)[ \t]*(?:for\s+immediate\s+release|news\s+release|press\s+release"
    r"|media\s+release|communiqu[ée]\s+de\s+presse)[ \t]*\n[ \t]*$",
    re.IGNORECASE,
)
_LINE_ENDS = Regex(r"[ \t.]*(?:\n|$)")


def released_on(sentence: str, lang: str, month_first: bool | None = None) -> list[Found]:
    """The date of a "Date Released: 11/28/2022" line of a listing, which find_dates() leaves
    out as a page's furniture: in a listing it dates the release under it."""
    label = _RELEASED_LABEL_AT.rx.match(sentence)
    if label is None:
        return []
    found = find_dates(sentence[label.end() :], lang, month_first)[:1]
    return [replace(f, start=f.start + label.end(), end=f.end + label.end()) for f in found]


def item_date(
    sentence: str, found: Sequence[Found], alone: bool = False
) -> tuple[Span, str] | None:
    """The date of an item of a news listing, and what follows it: a full date opening a line
    and followed only by a time ("Jun 09, 2015 12:30 PM": a POST's date, no event), by nothing
    where `alone` dates count ("Tuesday, June 6, 2006" ALONE between two press releases) or by
    a dash and a HEADLINE ("May 16, 2014 - Queens man sentenced"). Weekdays, "today" and "last
    month" in the item are counted from it."""
    if not found:
        return None
    first, span = found[0], found[0].span
    if span is None or span.precision != "day":
        return None
    if (
        alone
        and _ALONE_ON_ITS_LINE.rx.match(sentence[: first.start])
        and not sentence[first.end :].strip(" \t\n.")
    ):
        return span, ALONE
    if (
        alone
        and _RELEASE_LINE_ABOVE.rx.search(sentence[: first.start])
        and _LINE_ENDS.rx.match(sentence, first.end)
    ):
        return span, ALONE  # "FOR IMMEDIATE RELEASE" over "July 3, 2024": a bulletin's release
    if (
        alone
        and _RELEASED_LABEL.rx.match(sentence[: first.start])
        and _FIELD_LINES.rx.fullmatch(sentence[first.end :])
    ):
        return span, ALONE  # "Date Released: 11/28/2022" and a "Category: ..." line over a release
    if sentence[: first.start].strip() or _SCHEDULED_AT.rx.match(sentence, first.end):
        return None  # "10.07.2020 - 09:30, Date de début des débats": a hearing, no post
    follows = _ITEM_DATE.rx.match(sentence, first.end)
    if follows is None:
        return None
    posted = follows.group(0).strip()[:1]
    return span, POST if posted.isdigit() or posted == "|" else HEADLINE


# A listing of releases: each item ends in a link to the whole release.
_READ_MORE = Regex(
    r"(?:\(\s*)?\b(?:read\s+more|full\s+story|continue\s+reading|lire\s+la\s+suite"
    r"|en\s+savoir\s+plus)\b\s*(?:\.{3}|…)?(?:\s*\))?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LISTING_ITEMS = 2


def is_listing(text: str) -> bool:
    """Whether the text lists several releases, each ending "(Read more)" or "Full story"."""
    return len(_READ_MORE.rx.findall(text)) >= _LISTING_ITEMS


_SENTENCE_TEXT = Regex(r"\b[a-zà-ÿ][\w'\u2019-]*\b")
_WORD = Regex(r"\b[^\W\d_][\w'\u2019-]*\b")


def is_item_text(paragraph: str) -> bool:
    """Whether a paragraph of a listing is an item's text: it ends with the link to the whole
    release, and its words are not capitalised as a headline's ("Colombian National Convicted
    On Cocaine Charges")."""
    if not _READ_MORE.rx.search(paragraph.rstrip()):
        return False
    words = _WORD.rx.findall(_READ_MORE.rx.sub("", paragraph))
    lower = _SENTENCE_TEXT.rx.findall(paragraph)
    return 2 * len(lower) >= len(words)


_CLOSING_DATELINE = Regex(
    r"(?:(?:fait|done|signed|given)\s+(?:à|a|at|in)\s+)?(?P<place>[A-Z][^\W\d][\w' .-]{0,40}),\s*"
    r"(?:le|on|the)?\s*\.?"
)


# An article's byline with its date, on a line of its own: "par Jeanne Roe 18 décembre 2014",
# "By John Doe, May 3, 2022" (not "By Order of 3 May 2010", a decision).
_AUTHOR_DATED = Regex(
    r"\s*(?i:by|par)\s+(?!(?i:orders?|judgments?|decisions?|arr[êe]ts?|jugements?|ordonnances?)\b)"
    r"(?:[A-Z][\w'\u2019.-]*\s+){1,4}(?:[,|\u2013\u2014-]\s*)?(?:le\s+|on\s+)?"
)


# A government release's closing stamp: "Ends/Tuesday, Mar 15, 2016" and "Issued at HKT 15:03".
_ENDS_STAMP = Regex(r"\s*Ends\s*/\s*(?:[A-Z][a-z]+,?\s*)?")
_ISSUED_AT = Regex(r"[\s.]*(?:Issued\s+at\s+[^\n]{0,20})?[\s.]*")


def is_dateline(sentence: str, found: Sequence[Found]) -> bool:
    """Whether a sentence is only a place and a date ("Paris, 17 September 2014."), an author
    and a date ("par Jeanne Roe 18 décembre 2014") or a release's closing stamp ("Ends/Tuesday,
    Mar 15, 2016"): where and when a statement was made or an article written, not an event."""
    if len(found) != 1 or found[0].span is None:
        return False
    if _ENDS_STAMP.rx.fullmatch(sentence[: found[0].start]) and _ISSUED_AT.rx.fullmatch(
        sentence[found[0].end :]
    ):
        return True
    if _AUTHOR_DATED.rx.fullmatch(sentence[: found[0].start]) and not sentence[
        found[0].end :
    ].strip(" \t\n."):
        return True
    rest = (sentence[: found[0].start] + sentence[found[0].end :]).strip()
    place = _CLOSING_DATELINE.rx.fullmatch(rest)
    return place is not None and not _LOWER_WORD.rx.search(place["place"])
