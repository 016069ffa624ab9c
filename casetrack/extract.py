"""Propose milestones from the text of a news report or judgment.

Dates are found with focused regular expressions rather than a general date parser:
a milestone must keep the precision the text gives ("in 2001" is a year, not 1 January),
and legal text is full of numbers that are not dates (articles, amounts, application
numbers). Each date becomes a Candidate with the sentence it came from, a kind guessed
from the words near it and the parties its sentence names. Nothing here touches a store:
the CLI decides what to show, ask about or apply.

Coverage: month names in English, French, German and Spanish; relative phrases ("two weeks
later", "quatorze ans plus tard") and kind words in English and French only. Not read yet:
a month without a year ("in January"), weekdays ("on Friday"), "the same day", "last year".
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any, TypeAlias, TypeVar

SUPPORTED_LANGS = ("en", "fr", "de", "es")
TITLE_LENGTH = 120
Day: TypeAlias = date  # Candidate has a field named "date"

# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class NewParty:
    """An organisation the text introduces as "Full Name (ACRONYM)" and the store may lack."""

    name: str
    alias: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "alias": self.alias}


@dataclass
class Candidate:
    """One proposed milestone: a date found in the text and what its sentence says about it."""

    found: str
    date: str
    start: Day
    end: Day
    precision: str
    approximate: bool
    anchor: str | None
    sentence: str
    title: str
    kind: str
    parties: list[str] = field(default_factory=list)
    new_parties: list[NewParty] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "approximate": self.approximate,
            "anchor": self.anchor,
            "found": self.found,
            "kind": self.kind,
            "title": self.title,
            "sentence": self.sentence,
            "parties": list(self.parties),
            "new_parties": [p.to_dict() for p in self.new_parties],
        }


@dataclass
class Extraction:
    """Everything proposed for one text; `published` is its dateline, never a milestone."""

    candidates: list[Candidate]
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published,
            "candidates": [c.to_dict() for c in self.candidates],
        }


# --------------------------------------------------------------------------- text helpers


class _Regex:
    """A regular expression compiled on first use: the CLI imports this module, and
    compiling every pattern at import would cost tens of milliseconds on each start."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    @functools.cached_property
    def rx(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)


def fold(text: str) -> str:
    """Accent- and case-insensitive form used to compare names (NFKD, no marks, casefold)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))  # curly apostrophe
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold_same_length(text: str) -> str:
    """Like fold() but one character per character, so match positions stay valid."""
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded if len(folded) == 1 else char


def _normalise_space(text: str) -> str:
    return " ".join(text.split())


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page, one paragraph per block element."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
    _BLOCK = frozenset(
        {
            "p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
            "table", "tr", "blockquote", "pre", "figure", "figcaption", "hr", "title",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page with paragraph breaks kept, so sentences do not merge."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (_normalise_space(p) for p in re.split(r"\n\s*\n", "".join(collector.parts)))
    return "\n\n".join(p for p in paragraphs if p)


_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "arts", "para", "paras", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
     "co", "corp", "v", "vs", "e.g", "i.e", "cf", "m", "mm", "mme", "mlle", "me", "p", "pp",
     "u.s", "u.k", "u.n", "gen", "col", "sgt", "lt", "capt", "gov", "sen", "rep", "jr", "sr",
     "op", "cit", "ch", "ibid", "al")
)  # fmt: skip
_SENTENCE_END = _Regex(r"[.!?…]+[\"'»”\u2019)\]]*(?=\s+[\"'«“(\[]?[A-ZÀ-Þ0-9])")


def _sentences(text: str) -> list[str]:
    """Split into sentences, not at abbreviations ("Mr.", "Jan.", "No.") or initials."""
    result: list[str] = []
    for para in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        start = para.start()
        for end in _SENTENCE_END.rx.finditer(text, para.start(), para.end()):
            cut = end.start()
            word_start = max(start, *(text.rfind(space, start, cut) + 1 for space in " \t\n"))
            token = fold(text[word_start:cut].lstrip("(\"'«“"))
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if token.isdigit() and _month_number(text[end.end() :].split(maxsplit=1)[0]):
                continue  # German "17. Juni 2003"
            result.append(text[start : end.end()])
            start = end.end()
        result.append(text[start : para.end()])
    return [s for s in result if s.strip()]


def _title(sentence: str) -> str:
    """The sentence itself when short, else cut at a word boundary: a title to edit, not lose."""
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence[: TITLE_LENGTH - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:—\u2013 ") + "…"


# --------------------------------------------------------------------------- dates

_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan", "janvier", "janv", "Januar", "Jänner", "enero"),
    2: ("February", "Feb", "février", "fevrier", "févr", "fevr", "Februar", "febrero"),
    3: ("March", "Mar", "mars", "März", "Maerz", "marzo"),
    4: ("April", "Apr", "avril", "avr", "abril"),
    5: ("May", "mai", "Mai", "mayo"),
    6: ("June", "Jun", "juin", "Juni", "junio"),
    7: ("July", "Jul", "juillet", "juil", "Juli", "julio"),
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
_YEAR = r"(?P<year>19\d\d|20\d\d|2100)(?![\d/.,:-]\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th|\.)?"
_NOT_AFTER_NUMBER = r"(?<![\w/.,:§-])"
_UNITS_AFTER_NUMBER = (
    r"(?!\s*(?:%|€|\$|£|euros?|dollars?|pounds?|francs?|people|persons|personnes|members|"
    r"membres|officers|policiers|pages?|km|kilo\w*|metres?|meters?|tonnes?|times|fois)\b)"
)

_DAY_MONTH = _Regex(
    _NOT_AFTER_NUMBER + _DAY + r"\s+(?:de\s+)?" + _MONTH + r"(?:,?\s+(?:de\s+)?" + _YEAR + ")?",
    re.IGNORECASE,
)
_MONTH_DAY = _Regex(
    r"(?<![\w-])" + _MONTH + r"\s+" + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    r"(?:,?\s+" + _YEAR + ")?",
    re.IGNORECASE,
)
_MONTH_YEAR = _Regex(
    r"(?<![\w-])" + _MONTH + r",?\s+(?:(?:de|of)\s+)?" + _YEAR + _UNITS_AFTER_NUMBER,
    re.IGNORECASE,
)
_ISO_DATE = _Regex(
    r"(?<![\w/.-])(?P<year>19\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w/-])"
)
_NUMERIC_DATE = _Regex(
    _NOT_AFTER_NUMBER + r"(?P<day>[0-3]?\d)(?P<sep>[./])(?P<month>[01]?\d)(?P=sep)" + _YEAR
)

# A bare year is a date only where the words around it say so ("in 2001", "the 2003 raid").
_YEAR_CONTEXT = (
    r"in|since|until|till|by|from|during|of|before|after|around|circa|between|"
    r"en|depuis|dès|jusqu'en|jusqu\u2019en|vers|fin|début|debut|"
    r"im|im Jahr|seit|bis|desde|hasta|en el año"
)
_YEAR_AFTER_WORD = _Regex(  # not "the Act of 1998", "la loi de 1901": names, not events
    r"(?<![\w'\u2019])(?<!Act )(?<!Law )(?<!Code )(?:"
    + _YEAR_CONTEXT
    + r")\s+(?:the\s+year\s+|l'an\s+|l\u2019an\s+)?"
    r"(?P<qualifier>(?:early|late|mid-?)\s*)?" + _YEAR + _UNITS_AFTER_NUMBER,
    re.IGNORECASE,
)
_EVENT_NOUNS = (
    r"raids?|rulings?|arrests?|trials?|hearings?|investigations?|probes?|indictments?|"
    r"judg(?:e)?ments?|verdicts?|appeals?|complaints?|operations?|decisions?|crackdown|"
    r"election|elections|convictions?|sentences?|charges?|searches?|settlement|case"
)
_YEAR_BEFORE_NOUN = _Regex(
    r"(?<![\w$€£/.,-])" + _YEAR + r"\s+(?=(?:" + _EVENT_NOUNS + r")\b)", re.IGNORECASE
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
    {"earlier", "before", "previously", "prior", "previous", "preceding", "auparavant",
     "plus tot", "avant", "precedent", "precedente", "veille"}
)  # fmt: skip

_COUNT = (
    r"(?P<count>\d{1,3}|"
    + "|".join(sorted((*_NUMBER_WORDS, *_VAGUE_COUNTS), key=len, reverse=True))
    + r")"
)
_RELATIVE_AFTER_COUNT = _Regex(
    r"(?<![\w-])(?:" + _COUNT + r"\s+)?(?P<unit>days?|weeks?|months?|years?|jours?|semaines?|"
    r"mois|ans?|ann[ée]es?)\s+(?P<direction>later|afterwards|earlier|previously|before(?=\s*[,.;)])"
    r"|plus\s+tard|plus\s+t[ôo]t|auparavant|avant(?=\s*[,.;)]))",
    re.IGNORECASE,
)
_RELATIVE_NEXT = _Regex(
    r"(?<![\w-])(?:the\s+(?P<direction>following|next|previous|preceding)\s+"
    r"(?P<unit>day|week|month|year)|(?:l['\u2019]|la\s+|le\s+)(?P<unit_fr>ann[ée]e|semaine|mois|jour)"
    r"\s+(?P<direction_fr>suivante?|pr[ée]c[ée]dente?))(?![\w-])",
    re.IGNORECASE,
)
_RELATIVE_DAY_WORDS = _Regex(r"(?<![\w-])(?:le\s+)?(?P<word>lendemain|la\s+veille)\b", re.I)


@dataclass(frozen=True)
class _Span:
    """A resolved date: EDTF text, earliest and latest day, precision and approximation."""

    text: str
    start: date
    end: date
    precision: str
    approximate: bool = False


@dataclass(frozen=True)
class _Found:
    """A date expression found in the text, before relative ones are resolved."""

    start: int
    end: int
    found: str
    span: _Span | None = None  # known now (full dates)
    month_day: tuple[int, int] | None = None  # needs a year from context
    shift: tuple[int, int, str] | None = None  # (fewest, most, unit), negative = earlier


_PRECISIONS = ("day", "month", "year")


def _period(day: date, precision: str, approximate: bool = False) -> _Span:
    """The whole day, month or year containing `day`, as EDTF with its bounds."""
    mark = "~" if approximate else ""
    if precision == "day":
        return _Span(day.isoformat() + mark, day, day, "day", approximate)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        first = day.replace(day=1)
        return _Span(f"{first:%Y-%m}{mark}", first, day.replace(day=last), "month", approximate)
    first = date(day.year, 1, 1)
    return _Span(f"{day.year:04d}{mark}", first, date(day.year, 12, 31), "year", approximate)


def _month_number(token: str) -> int | None:
    """The month a name means, or None for lower-case English words such as "may"."""
    folded = fold(token.rstrip("."))
    if folded in _CAPITALISED_ONLY and token[:1].islower():
        return None
    return _MONTHS.get(folded)


def _full_date(year: int, month: int, day: int | None) -> _Span | None:
    try:
        return _period(date(year, month, day or 1), "day" if day else "month")
    except ValueError:
        return None


def _find_dates(text: str, lang: str) -> list[_Found]:
    """Every date expression, longest first where they overlap."""
    found: list[_Found] = []
    for regex in (_DAY_MONTH, _MONTH_DAY, _MONTH_YEAR):
        for m in regex.rx.finditer(text):
            month = _month_number(m.group("month"))
            day = int(m.group("day")) if "day" in regex.rx.groupindex else None
            if month is None or day == 0:
                continue
            item = _Found(m.start(), m.end(), m.group(0).rstrip(".,"))
            if m.group("year"):  # an impossible day still hides the month and year in it
                found.append(replace(item, span=_full_date(int(m.group("year")), month, day)))
            elif day is not None and day <= calendar.monthrange(2000, month)[1]:
                found.append(replace(item, month_day=(month, day)))
    for m in _ISO_DATE.rx.finditer(text):
        span = _full_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if span:
            found.append(_Found(m.start(), m.end(), m.group(0), span=span))
    for m in _NUMERIC_DATE.rx.finditer(text):
        day, month = int(m.group("day")), int(m.group("month"))
        if lang == "en" and m.group("sep") == "/" and day <= 12:
            continue  # 03/06/2003 is March in the US and June in the UK: do not guess
        span = _full_date(int(m.group("year")), month, day) if 1 <= month <= 12 else None
        if span:
            found.append(_Found(m.start(), m.end(), m.group(0), span=span))
    for regex in (_YEAR_AFTER_WORD, _YEAR_BEFORE_NOUN):
        for m in regex.rx.finditer(text):
            begin = m.start("qualifier") if "qualifier" in regex.rx.groupindex else -1
            begin = begin if begin >= 0 else m.start("year")
            span = _period(date(int(m.group("year")), 1, 1), "year")
            found.append(_Found(begin, m.end("year"), text[begin : m.end("year")], span=span))
    found.extend(_find_relative(text))
    return _drop_overlaps(found, lambda f: (f.start, f.end))


def _count_range(count: str | None, unit: str) -> tuple[int, int]:
    """How many units a count word means: "two" is 2, "months" or "several" is a range."""
    if count is None or fold(count) in _VAGUE_COUNTS:
        return (2, {"day": 9, "week": 5, "month": 11, "year": 9}[unit])
    if count.isdigit():
        return (int(count), int(count))
    number = _NUMBER_WORDS.get(fold(count), 1)
    return (number, number)


def _find_relative(text: str) -> Iterator[_Found]:
    for m in _RELATIVE_AFTER_COUNT.rx.finditer(text):
        unit = _UNITS[fold(m.group("unit"))]
        count = m.group("count")
        if count is None and not fold(m.group("unit")).endswith(("s", "mois")):
            continue  # "year later" without a count is not a phrase we can trust
        fewest, most = _count_range(count, unit)
        sign = -1 if _normalise_space(fold(m.group("direction"))) in _EARLIER else 1
        found = _normalise_space(m.group(0))
        yield _Found(m.start(), m.end(), found, shift=_signed(fewest, most, sign, unit))
    for m in _RELATIVE_NEXT.rx.finditer(text):
        direction = fold(m.group("direction") or m.group("direction_fr"))
        unit = _UNITS[fold(m.group("unit") or m.group("unit_fr"))]
        sign = -1 if direction in _EARLIER else 1
        yield _Found(m.start(), m.end(), m.group(0), shift=_signed(1, 1, sign, unit))
    for m in _RELATIVE_DAY_WORDS.rx.finditer(text):
        sign = -1 if "veille" in fold(m.group("word")) else 1
        yield _Found(m.start(), m.end(), m.group(0), shift=_signed(1, 1, sign, "day"))


def _signed(fewest: int, most: int, sign: int, unit: str) -> tuple[int, int, str]:
    return (fewest, most, unit) if sign > 0 else (-most, -fewest, unit)


_T = TypeVar("_T")


def _drop_overlaps(items: Iterable[_T], bounds: Callable[[_T], tuple[int, int]]) -> list[_T]:
    """Keep the longest where several overlap ("17 June 2003" over "June 2003"), in text
    order; one pass, as a judgment may hold thousands of dates in one paragraph."""
    kept: list[_T] = []
    for item in sorted(items, key=lambda i: (bounds(i)[0], bounds(i)[0] - bounds(i)[1])):
        start, end = bounds(item)
        if kept and start < bounds(kept[-1])[1]:
            last_start, last_end = bounds(kept[-1])
            if end - start > last_end - last_start:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


def _shift(day: date, count: int, unit: str) -> date:
    """`day` moved by whole units, clamping 31 January + 1 month to 28/29 February."""
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 + count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _resolve_shift(anchor: _Span, shift: tuple[int, int, str]) -> _Span:
    """A relative date: approximate, never finer than its anchor or its unit."""
    fewest, most, unit = shift
    start, end = _shift(anchor.start, fewest, unit), _shift(anchor.end, most, unit)
    unit_precision = "day" if unit in ("day", "week") else unit
    vague = fewest != most
    level = max(_PRECISIONS.index(unit_precision), _PRECISIONS.index(anchor.precision))
    if vague:  # "months later": say the coarser period, keep the real bounds
        level = min(level + 1, 2)
        return _Span(_period(start, _PRECISIONS[level], True).text, start, end,
                     _PRECISIONS[level], True)  # fmt: skip
    nominal = _period(start, _PRECISIONS[level], True)
    return _Span(nominal.text, min(start, nominal.start), max(end, nominal.end),
                 nominal.precision, True)  # fmt: skip


def _with_year(month_day: tuple[int, int], anchor: _Span, from_dateline: bool) -> _Span | None:
    """A date given without a year takes its anchor's year (the year before, for a dateline
    it would otherwise follow: news reports look back)."""
    month, day = month_day
    year = anchor.start.year
    if from_dateline and (month, day) > (anchor.start.month, anchor.start.day):
        year -= 1
    try:
        return _period(date(year, month, day), "day")
    except ValueError:  # 29 February in a year without it
        return None


# --------------------------------------------------------------------------- dateline

_DATELINE_PREFIX = _Regex(
    r"^\s*(?:(?:published|updated|posted|publié\s+le|mis\s+à\s+jour\s+le)[:\s]*)?"
    r"(?:[^\W\d][\w .'\u2019()/-]{0,60},\s*)?(?:le\s+|el\s+|am\s+|den\s+)?$",
    re.IGNORECASE,
)
_DATELINE_SUFFIX = _Regex(r"^[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[—\u2013-]+|:|\n|$)")


def _dateline(text: str, lang: str) -> tuple[_Span | None, int]:
    """The article's own date ("Paris, June 17, 2020—") and where the story starts after it."""
    head = text[:200]
    for item in _find_dates(head, lang):
        if item.span is None or item.span.precision != "day":
            continue
        if _DATELINE_PREFIX.rx.match(head[: item.start]):
            suffix = _DATELINE_SUFFIX.rx.match(text[item.end :])
            if suffix:
                return item.span, item.end + suffix.end()
        break
    return None, 0


# --------------------------------------------------------------------------- kinds

# Word stems (regular expressions on accent-free lower-case text), English then French.
# The longest match wins where they overlap, so "dropped the charges" beats "charges".
_KIND_WORDS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    # Phrases that contain a kind word but name no event of that kind.
    (None, (r"(?:appeals?|appellate) courts?", r"courts? of appeals?", r"cour d'appel\w*",
            r"investigating judges?", r"juges? d'instruction", r"search warrants?",
            r"detention cent(?:re|er)s?")),
    ("dismissal", (r"ordered an end to the prosecution",
                   r"end(?:ed)? to the (?:prosecution|proceedings|case)",
                   r"dropp\w* (?:all |the )?(?:\w+ )?charges",
                   r"charges (?:were|was|have been|had been) dropped", r"dismiss\w*",
                   r"(?:was|were) closed", r"closed the (?:case|probe|investigation)",
                   r"non-lieu", r"classe\w* sans suite", r"discharge order",
                   r"abandon\w* les poursuites")),
    ("investigation", (r"open\w* an? (?:\w+ )?(?:investigation|probe|inquiry)",
                       r"ouv\w* une (?:enquete|information judiciaire)", r"investigation",
                       r"probe", r"inquiry", r"enquete", r"information judiciaire")),
    ("raid", (r"raid\w*", r"stormed", r"descente", r"coup de filet")),
    ("search", (r"search(?:ed|es)?", r"perquisition\w*", r"perquisitionn\w*")),
    ("arrest", (r"arrest\w*", r"interpell\w*", r"apprehended", r"arrete\w*",
                r"arrestation\w*")),
    ("release", (r"releas\w*", r"freed", r"set free", r"libere\w*", r"liberation",
                 r"remis\w* en liberte")),
    ("detention", (r"detain\w*", r"detention", r"custody", r"garde a vue", r"ecroue\w*",
                   r"incarcer\w*", r"detenu\w*", r"en detention")),
    ("indictment", (r"indict\w*", r"renvoy\w* devant")),
    ("charge", (r"charged", r"charges? (?:of|with|against)", r"charging", r"inculpe\w*",
                r"mis\w* en examen", r"mise en examen")),
    ("sentencing", (r"sentenc\w*", r"condamne\w* a")),
    ("verdict", (r"convict\w*", r"acquit\w*", r"verdict", r"found guilty",
                 r"reconnu\w* coupable", r"relaxe\w*", r"condamne\w*")),
    ("judgment", (r"judg(?:e)?ments?", r"jugement")),
    ("ruling", (r"rul(?:ed|ing|ings)", r"rules that", r"decided", r"decision", r"arret",
                r"a juge", r"a statue", r"a tranche")),
    ("appeal", (r"appeal\w*", r"fait appel", r"interjete appel", r"appel", r"recours",
                r"pourvoi")),
    ("hearing", (r"hearings?", r"audiences?")),
    ("trial", (r"trial", r"tried", r"proces", r"juge\w* devant")),
    ("complaint", (r"(?:filed|lodged) (?:a |an )?(?:criminal )?complaint", r"complaint",
                   r"plainte", r"lawsuit", r"sued")),
    ("filing", (r"filed", r"filing", r"lodged", r"deposited", r"saisi\w*", r"depose\w*")),
    ("settlement", (r"settl\w*", r"transaction", r"accord amiable")),
)  # fmt: skip
_KIND_REGEXES = tuple(
    (_Regex(r"\b(?:" + "|".join(words) + r")\b"), kind) for kind, words in _KIND_WORDS
)
_CLAUSE_BREAK = _Regex(r"[,;:()—\u2013]|\band\b|\bet\b|\bwhile\b|\bbut\b")
_CLAUSE_PENALTY = 25


@dataclass(frozen=True)
class _KindWords:
    """The kind words and clause breaks of one sentence, found once for all its dates."""

    words: list[tuple[int, int, str]]  # in text order, none overlapping another or a date
    ends: list[int]  # where each word ends, for bisection
    breaks: list[int]  # where clause breaks (commas, "and", ...) start

    @classmethod
    def of(cls, sentence: str, dates: Sequence[tuple[int, int]]) -> _KindWords:
        """Longest phrase first where words overlap, and none inside a date: "the 2003
        raid" counts, the "May" of "9 May 2011" never does."""
        folded = _fold_same_length(sentence)
        hits = [
            (m.start(), m.end(), kind) for rx, kind in _KIND_REGEXES for m in rx.rx.finditer(folded)
        ]
        date_starts, date_ends = [d[0] for d in dates], [d[1] for d in dates]
        words = []
        for start, end, kind in _drop_overlaps(hits, lambda hit: (hit[0], hit[1])):
            after = bisect.bisect_right(date_ends, start)  # first date ending after `start`
            inside_date = after < len(dates) and date_starts[after] < end
            if kind and not inside_date:
                words.append((start, end, kind))
        breaks = [m.start() for m in _CLAUSE_BREAK.rx.finditer(sentence)]
        return cls(words, [w[1] for w in words], breaks)

    def nearest(self, start: int, end: int) -> str:
        """The kind of the closest word before or after the date at start:end, counting
        each clause break as extra distance: "raided the offices on 17 June 2003, and 160
        people were detained" is a raid. On a tie the word before wins."""
        before = bisect.bisect_right(self.ends, start) - 1  # the last word ending before it
        scored: list[tuple[float, str]] = []
        if before >= 0:
            _, word_end, kind = self.words[before]
            scored.append((self._distance(word_end, start), kind))
        if before + 1 < len(self.words):
            word_start, _, kind = self.words[before + 1]
            scored.append((self._distance(end, word_start) + 0.5, kind))
        return min(scored, key=lambda score: score[0])[1] if scored else "other"

    def _distance(self, low: int, high: int) -> int:
        crossed = bisect.bisect_left(self.breaks, high) - bisect.bisect_left(self.breaks, low)
        return high - low + _CLAUSE_PENALTY * crossed


# --------------------------------------------------------------------------- parties

_CONNECTORS = frozenset(
    ("of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "les", "l", "d",
     "et", "pour", "von", "der", "für", "y", "del", "e")
)  # fmt: skip
_ACRONYM_IN_BRACKETS = _Regex(r"\(\s*(?P<acronym>[A-Z][A-Za-z0-9&.-]{1,11})\s*\)")
_NAME_WORD = _Regex(r"[^\W\d_][\w'\u2019.-]*$")


def _expand_acronym(before: str, acronym: str) -> str | None:
    """The name just before "(ACRONYM)" whose word initials spell the acronym, if any:
    "National Council of Resistance of Iran (NCRI)", "Conseil national de la Résistance
    iranienne (CNRI)", "Mujahedin-e Khalq (MEK)". Connectors ("of", "de la") may be skipped."""
    letters = "".join(c for c in acronym if c.isupper() or c.isdigit())
    words = [w.strip("\"'“”«»") for w in before.split()]
    if len(letters) < 2:
        return None
    first = _spell_backwards(words, len(words), letters)
    if first is None or not words[first][:1].isupper():
        return None
    return " ".join(words[first:])


def _spell_backwards(words: Sequence[str], end: int, letters: str) -> int | None:
    """Index of the first word when words[:end] end with a name spelling `letters`."""
    if not letters:
        return end
    if end == 0 or not _NAME_WORD.rx.match(words[end - 1]):
        return None
    word = words[end - 1]
    spellings = {word[0].upper(), "".join(p[0].upper() for p in word.split("-") if p)}
    for spelling in sorted(spellings, key=len, reverse=True):
        if letters.endswith(spelling):
            first = _spell_backwards(words, end - 1, letters[: -len(spelling)])
            if first is not None:
                return first
    if fold(word) in _CONNECTORS:
        return _spell_backwards(words, end - 1, letters)
    return None


@dataclass(frozen=True)
class _PartyName:
    """One way of writing a party: matched folded, or exactly for a new acronym."""

    party: str
    pattern: re.Pattern[str]
    exact: bool


def _name_pattern(name: str, exact: bool) -> re.Pattern[str]:
    body = re.escape(name if exact else fold(name))
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def _party_names(
    text: str, known: Sequence[tuple[str, Sequence[str]]]
) -> tuple[list[_PartyName], dict[str, NewParty]]:
    """Names to look for: known parties by any alias, and organisations the text introduces."""
    names: list[_PartyName] = []
    known_folded: set[str] = set()
    for primary, aliases in known:
        for alias in (primary, *aliases):
            if alias.strip():
                known_folded.add(fold(alias.strip()))
                names.append(_PartyName(primary, _name_pattern(alias.strip(), False), False))
    new: dict[str, NewParty] = {}
    for m in _ACRONYM_IN_BRACKETS.rx.finditer(text):
        acronym = m.group("acronym").rstrip(".")
        line = text[max(0, m.start() - 200) : m.start()].split("\n")[-1]
        name = _expand_acronym(line, acronym)
        if name is None:
            continue
        name = re.sub(r"^(?:[Tt]he|[Ll]es?|[Ll]a|[Ll]['\u2019])\s*", "", name)
        if fold(name) in known_folded or fold(acronym) in known_folded or name in new:
            continue
        new[name] = NewParty(name, acronym)
        names.append(_PartyName(name, _name_pattern(name, False), False))
        names.append(_PartyName(name, _name_pattern(acronym, True), True))
    return names, new


def _parties_in(sentence: str, names: Sequence[_PartyName]) -> list[str]:
    """Parties a sentence names, in the order it first names them."""
    folded = fold(sentence)
    first_seen: dict[str, int] = {}
    for name in names:
        m = name.pattern.search(sentence if name.exact else folded)
        if m and m.start() < first_seen.get(name.party, len(folded) + 1):
            first_seen[name.party] = m.start()
    return sorted(first_seen, key=lambda party: first_seen[party])


# --------------------------------------------------------------------------- extract


def extract(
    text: str,
    *,
    known_parties: Sequence[tuple[str, Sequence[str]]] = (),
    lang: str = "en",
) -> Extraction:
    """Propose one candidate milestone per date the text gives, in the order given.

    `known_parties` is (primary name, aliases) for each party already in the store; `lang`
    is the text's main language (month names and kind words of all supported languages are
    recognised anyway; it decides how numeric dates such as 03/06/2003 are read).
    """
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(SUPPORTED_LANGS)}")
    published, story_start = _dateline(text, lang)
    story = text[story_start:]
    names, new_parties = _party_names(story, known_parties)
    candidates: list[Candidate] = []
    stated: _Span | None = None  # the latest date the text states: relative ones hang on it
    for sentence in _sentences(story):
        found = _find_dates(sentence, lang)
        if not found:
            continue
        kind_words = _KindWords.of(sentence, [(f.start, f.end) for f in found])
        parties = _parties_in(sentence, names)
        clean = _normalise_space(sentence)
        for index, item in enumerate(found):
            span, anchor = _resolve(item, found[index + 1 :], stated, published)
            if span is None:
                continue
            if item.shift is None:
                stated = span
            candidates.append(
                Candidate(
                    found=_normalise_space(item.found),
                    date=span.text,
                    start=span.start,
                    end=span.end,
                    precision=span.precision,
                    approximate=span.approximate,
                    anchor=anchor,
                    sentence=clean,
                    title=_title(clean),
                    kind=kind_words.nearest(item.start, item.end),
                    parties=parties,
                    new_parties=[new_parties[p] for p in parties if p in new_parties],
                )
            )
    return Extraction(candidates, published.text if published else None)


def _resolve(
    item: _Found,
    later_in_sentence: Sequence[_Found],
    stated: _Span | None,
    published: _Span | None,
) -> tuple[_Span | None, str | None]:
    """The span a found expression means, and the EDTF of the date it was resolved from.

    Relative and year-less dates take the nearest preceding date the text states (not one
    itself relative, so a flashback does not shift the story); "fourteen years earlier"
    takes a later full date of the same sentence when there is one ("the inquiry, opened
    fourteen years earlier, was closed on 5 June 2017"); the dateline is the last resort.
    """
    if item.span is not None or (item.month_day is None and item.shift is None):
        return item.span, None
    anchor: _Span | None = None
    if item.shift is not None and item.shift[1] < 0:
        anchor = next((f.span for f in later_in_sentence if f.span), None)
    anchor = anchor or stated
    from_dateline = anchor is None
    anchor = anchor or published
    if anchor is None:
        return None, None
    if item.month_day is not None:
        span = _with_year(item.month_day, anchor, from_dateline)
    else:
        assert item.shift is not None
        span = _resolve_shift(anchor, item.shift)
    return span, anchor.text if span else None
