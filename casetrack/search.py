"""Full-text search over milestones: a forgiving query language, ranking and snippets.

What a person types is translated into an FTS5 query in which every word is a quoted
string, so nothing they type (quotes, brackets, `:`, `NEAR(`, SQL) can be read as FTS5
syntax. Only these are special: "a phrase", a trailing * for a prefix, and AND / OR / NOT
in capitals between two terms.
"""

from __future__ import annotations

import heapq
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice, pairwise, product
from math import prod
from typing import Any

from casetrack.cases import require_case_id
from casetrack.milestones import load_milestones
from casetrack.models import KIND_SPELLINGS, ROLE_SPELLINGS, Milestone
from casetrack.search_index import CASE_NAMES, rebuild_case_names, rebuild_search
from casetrack.selection import Filters, where_clause
from casetrack.sql import placeholders
from casetrack.store import Store
from casetrack.tables import widest
from casetrack.text import FOLDED_LETTERS, name_key
from casetrack.timeline import ORDER_BY, widest_date

OPERATORS = ("AND", "OR", "NOT")
# The index columns in table order, with their bm25 weights: a word in a title counts most.
_WEIGHTS = {
    "title": 10.0,
    "note": 2.0,
    "location": 4.0,
    "tags": 6.0,
    "quotes": 3.0,
    "parties": 6.0,
    "sources": 2.0,
    "kind": 6.0,
    "roles": 3.0,
}
# Where a snippet is taken from when several columns match, most telling first.
_SNIPPET_FROM = ("note", "quotes", "parties", "tags", "location", "sources", "kind", "roles")
# Private-use characters mark matches inside SQLite; they become the caller's markers.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKS_SQL = "char(57344), char(57345)"
PLAIN_MARKS = ("[", "]")
_TOKEN = re.compile(r'"([^"]*)"(\*?)|([^\s"]+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CHUNK = 500
# A number's sign before it ('n° 18-84.123', 'No. 21-1234'): how a number is said, not a word
# of it, so it is not looked for.
_NUMBER_SIGNS = frozenset(("n°", "nº", "no.", "nos.", "nr.", "n."))
_DIGIT = re.compile(r"\d")
# Cases with at most this many milestones in all are searched milestone by milestone.
_FEW_MILESTONES = 1000


@dataclass(frozen=True)
class Query:
    """A translated query: the FTS5 MATCH text ('' when nothing searchable was typed) and,
    for several plain words, the same words as one phrase so exact-phrase hits rank first."""

    match: str
    phrase: str | None = None


def translate(text: str) -> Query:
    """Turn what a user typed into a valid FTS5 query; never raises."""
    items: list[tuple[bool, str, str]] = []  # (is operator, FTS5 text, words)
    prefixed = False
    tokens = list(_TOKEN.finditer(_CONTROL.sub(" ", text)))
    for at, token in enumerate(tokens):
        phrase, star, word = token.groups()
        after = tokens[at + 1][0] if at + 1 < len(tokens) else ""
        if word and word.lower() in _NUMBER_SIGNS and _DIGIT.search(after):
            continue  # 'n° 18-84.123' finds a docket written '18-84.123' too
        if word in OPERATORS:
            items.append((True, word, word))
            continue
        core, prefix = (word.rstrip("*"), word.endswith("*")) if word else (phrase, bool(star))
        if any(ch.isalnum() for ch in core):  # a term of punctuation alone would match nothing
            items.append((False, f'"{core}"' + ("*" if prefix else ""), core))
            prefixed = prefixed or prefix
    parts: list[str] = []
    words: list[str] = []
    operators = False
    for i, (is_op, fts, plain) in enumerate(items):
        # An operator needs a term on each side; anywhere else it is an ordinary word.
        if is_op and parts and i + 1 < len(items) and not items[i + 1][0]:
            parts.append(fts)
            operators = True
        else:
            parts.append(f'"{plain}"' if is_op else fts)
            words.append(plain)
    phrase = None
    if len(words) > 1 and not operators and not prefixed:
        phrase = '"' + " ".join(words) + '"'
    return Query(" ".join(parts), phrase)


@dataclass
class Hit:
    """A milestone that matched; its title and best snippet carry match markers for mark()."""

    milestone: Milestone
    rank: int
    title: str
    snippet: str
    snippet_field: str


@dataclass
class PageHit:
    """A page of a registered document that matched; its snippet carries match markers."""

    document_id: int
    title: str
    sha256: str
    label: str
    index: int
    snippet: str

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.document_id,
            "title": self.title,
            "sha256": self.sha256,
            "page": self.label,
            "page_index": self.index,
            "snippet": mark(self.snippet),
        }


@dataclass(frozen=True)
class NamedCase:
    """A live case whose title, slug, docket number or court matches the words searched for."""

    slug: str
    title: str


@dataclass
class SearchResult:
    """What matched, best first, read as it is listed (each of `hits` and `pages` once),
    and how many matched in all: the listing shows the first `limit` of each."""

    hits: Iterator[Hit]
    total: int
    pages: Iterator[PageHit] = field(default_factory=lambda: iter(()))
    page_total: int = 0
    limit: int | None = None
    # Asked of a listing too long to hold: whether the hits listed are of more than one case,
    # and how wide their id, case, date and kind cells get.
    several_cases: Callable[[], bool] = lambda: False
    widths: Callable[[], dict[str, int]] = dict
    # The live cases whose title, slug, docket or court matches what was searched for, best
    # first: asked when some of their milestones are listed for it, or when nothing else
    # matched.
    cases: Iterator[NamedCase] = field(default_factory=lambda: iter(()))
    # The ids of the milestones listed, in the same order, read without the milestones.
    ids: Callable[[], Iterator[int]] = lambda: iter(())

    def more(self) -> tuple[int, int]:
        """How many milestones, and pages of documents, matched beyond those listed."""
        if self.limit is None:
            return 0, 0
        return max(self.total - self.limit, 0), max(self.page_total - self.limit, 0)


# Letters FTS5's unicode61 keeps as they are (they have no accent to remove) but that a
# keyboard without them types as the plain letters (text.FOLDED_LETTERS): a Turkish name is
# indexed with its dotless i, and a word typed with a plain i (or "ae" for æ) matches it
# through the index's own spellings of that word, in a phrase and as a prefix too.
_SPELLED: dict[str, list[str]] = {}
for _letter, _plain in FOLDED_LETTERS.items():
    _SPELLED.setdefault(_plain, []).append(_letter)
_STARTS = {key[0] for key in _SPELLED}
_MOST_SPELLINGS = 256
_ITEM = re.compile(r'"([^"]*)"(\*?)|AND|OR|NOT')
_WORD = re.compile(r"[^\W_]+")


def _variants(plain: str) -> list[str]:
    """Every spelling of the folded word `plain` with some of its plain letters written as
    the letters that fold to them, `plain` first; just `plain` when there would be too many
    to look up. No two-letter key ends with a letter another begins with, so cutting the
    word into keys from the left meets every spelling."""
    if not _STARTS.intersection(plain):
        return [plain]
    groups: list[list[str]] = []
    at, count = 0, 1
    while at < len(plain):
        pair = plain[at : at + 2]
        if len(pair) == 2 and pair in _SPELLED:
            first, second = ([ch, *_SPELLED.get(ch, [])] for ch in pair)
            groups.append([a + b for a in first for b in second] + _SPELLED[pair])
            at += 2
        else:
            groups.append([plain[at], *_SPELLED.get(plain[at], [])])
            at += 1
        count *= len(groups[-1])
        if count > _MOST_SPELLINGS:
            return [plain]
    return ["".join(letters) for letters in product(*groups)]


# The other spellings casetrack takes for the words it stores (models.KIND_SPELLINGS: British
# ones; ROLE_SPELLINGS: 'intervenor'), and those words for them: a word typed in either, or
# starting with it ('judgements'), finds the other too, in a kind, a role and in what people
# wrote (a title, a note, a party's name).
_SPELLINGS = {**KIND_SPELLINGS, **ROLE_SPELLINGS}
_OTHER_SPELLINGS = {**_SPELLINGS, **{stored: other for other, stored in _SPELLINGS.items()}}


def _spelt_otherwise(word: str) -> list[str]:
    """The folded word `word` in the other spelling of the one it starts with; none if none."""
    return [
        other + word[len(spelt) :]
        for spelt, other in _OTHER_SPELLINGS.items()
        if word.startswith(spelt)
    ]


def spellings(conn: sqlite3.Connection, fts: str, match: str) -> str:
    """`match` with each plain word also matching the words of the index that differ from
    it only by such letters, and its other spelling (_OTHER_SPELLINGS), as ("word" OR
    "spelling"); as it was when there are none."""

    def indexed(term: str, prefix: bool) -> bool:
        # A word of letters only, so quoting makes it a plain FTS5 term (or prefix); asked
        # of the index itself, it reads like any query, even inside an SQL function.
        sql = f"SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT 1"
        return conn.execute(sql, (f'"{term}"' + ("*" if prefix else ""),)).fetchone() is not None

    def spelled(item: re.Match[str]) -> str:
        words = _WORD.findall(item[1])
        star = bool(item[2])
        options: list[list[str]] = []
        for i, word in enumerate(words):
            prefix = star and i == len(words) - 1
            typed = word.lower()
            found = [
                spelling
                for spelling in _variants(name_key(word))
                if spelling != typed and indexed(spelling, prefix)
            ]
            options.append([typed, *found, *_spelt_otherwise(name_key(word))])
        if all(len(words) == 1 for words in options) or prod(map(len, options)) > _MOST_SPELLINGS:
            return item[0]
        phrases = [f'"{" ".join(words)}"{item[2]}' for words in product(*options)]
        return f"({' OR '.join([item[0], *phrases[1:]])})"

    # FTS5 joins two terms by an implicit AND, but not a bracketed group: it is said.
    items = [spelled(m) if m[1] is not None else m[0] for m in _ITEM.finditer(match)]
    joined = items[:1]
    for before, item in pairwise(items):
        plain = before not in OPERATORS and item not in OPERATORS
        joined.append(f"AND {item}" if plain and "(" in before + item else item)
    return " ".join(joined)


def search(
    conn: sqlite3.Connection,
    text: str,
    filters: Filters,
    limit: int | None = 50,
) -> SearchResult:
    """Milestones matching `text` and the filters, best first; at most `limit` of them."""
    where, params = where_clause(conn, filters)  # checks the filters even for an empty query
    typed = translate(text)
    if not typed.match:
        return SearchResult(iter(()), 0)
    pages, page_total = _pages(
        conn,
        replace(typed, match=spellings(conn, "document_pages_fts", typed.match)),
        filters,
        limit,
    )
    query = replace(typed, match=spellings(conn, "milestone_search_fts", typed.match))
    weights = ", ".join(str(w) for w in _WEIGHTS.values())
    order = f"bm25(milestone_search_fts, {weights}), {ORDER_BY}"
    # bm25 adds a row's weighted counts up before it saturates them and scales by the whole
    # row's length: a party named in every alias outweighs a title. Tiers first: the exact
    # phrase, then every word in the title.
    within = "m.id IN (SELECT rowid FROM milestone_search_fts WHERE milestone_search_fts MATCH ?)"
    order = f"{within} DESC, {order}"
    order_params = [f"title : ({query.match})"]
    if query.phrase:
        order = f"{within} DESC, {order}"
        order_params.insert(0, query.phrase)
    found = (
        """FROM milestone_search_fts JOIN milestones m ON m.id = milestone_search_fts.rowid
               WHERE milestone_search_fts MATCH ? AND """
        + where
    )
    (total,) = conn.execute(f"SELECT count(*) {found}", [query.match, *params]).fetchone()
    columns = "m.id, m.case_id, m.kind, m.date, m.precision"
    listed = f"SELECT {columns} {found} ORDER BY {order} LIMIT ?"
    listed_params = [query.match, *params, *order_params, _sql_limit(limit)]
    # Then the milestones whose case's title or slug holds some of the words and they the
    # rest ('hartley probate'), then the other milestones of the cases whose title or slug
    # holds them all, each in timeline order: looked up through the cases' own index
    # (schema.m025_case_names), so a case retitled or a milestone moved rewrites no row.
    own = "SELECT rowid FROM milestone_search_fts WHERE milestone_search_fts MATCH ?"
    named = replace(typed, match=spellings(conn, "case_names_fts", typed.match))
    terms = _terms(typed.match)
    by_case = (
        f"FROM milestones m WHERE m.case_id IN ({_NAMED_CASES}) AND m.id NOT IN ({own}) AND {where}"
    )
    # Each part a list of (listing in order with a LIMIT ? to fill, its parameters, count).
    parts: list[list[tuple[str, list[Any], int]]] = [
        [(listed, listed_params[:-1], int(total))],
        _split(conn, terms, own, where, [query.match, *params]),
        _counted(conn, by_case, ORDER_BY, [named.match, query.match, *params]),
    ]
    # Each part listed: its lookups with their LIMIT filled, and how many of it to list.
    listings: list[tuple[list[tuple[str, list[Any]]], int]] = []
    rest = limit
    for part in parts:
        known = sum(count for _, _, count in part)
        if known and rest != 0:
            lookups = [(sql, [*part_params, _sql_limit(rest)]) for sql, part_params, _ in part]
            listings.append((lookups, known if rest is None else min(known, rest)))
            rest = None if rest is None else max(rest - known, 0)
    # For a long listing's questions: every row listed, and of several lookups of a part
    # (merged in timeline order below) a few more, at most `limit` each.
    both = " UNION ALL ".join(
        f"SELECT id, case_id, kind, date, precision FROM ({sql})"
        for lookups, _ in listings
        for sql, _ in lookups
    )
    both_params = [
        p for lookups, _ in listings for _, lookup_params in lookups for p in lookup_params
    ]

    def several_cases() -> bool:
        sql = f"SELECT count(DISTINCT case_id) > 1 FROM ({both})"
        return bool(listings and conn.execute(sql, both_params).fetchone()[0])

    def widths() -> dict[str, int]:
        if not listings:
            return {}
        sql = (
            "SELECT max(length(l.id)), max(length(c.slug)), max(length(l.kind))"
            f" FROM ({both}) l JOIN cases c ON c.id = l.case_id"
        )
        found = widest(conn, sql, both_params, ("id", "case", "kind"))
        return {**found, "date": widest_date(conn, both, both_params)}

    def rows() -> Iterator[tuple[Any, ...]]:
        # Rows are passed on one by one, not by `yield from` a cursor: closing a generator
        # closes the iterator it yields from, and a reader gone (`| head`) finds the store
        # closed by then, which Python would print as an exception at exit.
        for lookups, take in listings:
            if len(lookups) == 1:
                for row in conn.execute(*lookups[0]):  # noqa: UP028 (see above)
                    yield row
                continue
            # A part looked up in several groups of cases: their listings merged in order.
            merged = heapq.merge(
                *(conn.execute(*lookup) for lookup in lookups),
                key=lambda row: (row[5], row[6], row[0]),
            )
            yield from islice(merged, take)

    # A hit by its case shows its case's title (or slug) with the words it holds marked,
    # and its own title with the others marked.
    anywhere = " OR ".join(terms) if terms else typed.match
    marks = (
        spellings(conn, "milestone_search_fts", anywhere) if terms else None,
        spellings(conn, "case_names_fts", anywhere),
    )
    hits = _hits(conn, query.match, marks, rows())
    by_cases = sum(count for part in parts[1:] for _, _, count in part)
    cases = (
        _named_cases(conn, named.match, filters, parts[1]) if by_cases or not total else iter(())
    )
    return SearchResult(
        hits, int(total) + by_cases, pages, page_total, limit, several_cases, widths, cases,
        lambda: (row[0] for row in rows()),
    )  # fmt: skip


def found_ids(conn: sqlite3.Connection, text: str) -> list[int]:
    """The ids of every milestone `casetrack search TEXT` lists, best first: for the team
    view's search box (casetrack.team_plugin), so that it finds what the command finds."""
    return list(search(conn, text, Filters(), None).ids())


def _terms(match: str) -> list[str] | None:
    """The terms of a translated query of several terms and no operator, else None."""
    items = list(_ITEM.finditer(match))
    if len(items) < 2 or any(item[1] is None for item in items):
        return None
    return [item[0] for item in items]


def _counted(
    conn: sqlite3.Connection, body: str, order: str, params: list[Any]
) -> list[tuple[str, list[Any], int]]:
    """A lookup of milestones `m` (`body`: FROM and WHERE) as a listing in `order` with a
    LIMIT ? to fill, its parameters and how many it finds; none when it finds none."""
    (count,) = conn.execute(f"SELECT count(*) {body}", params).fetchone()
    columns = "m.id, m.case_id, m.kind, m.date, m.precision, m.sort_key, m.position"
    return [(f"SELECT {columns} {body} ORDER BY {order} LIMIT ?", params, count)] if count else []


def _split(
    conn: sqlite3.Connection, terms: list[str] | None, own: str, where: str, params: list[Any]
) -> list[tuple[str, list[Any], int]]:
    """The milestones that hold some of `terms` while their case's title, slug, docket or
    court holds the others, but do not match `own` (params: own's, then where's), as
    _counted's listings: the cases grouped by the terms they hold, a full-text lookup of the
    others per group."""
    import json

    if not terms:
        return []
    held: dict[int, int] = {}
    for bit, term in enumerate(terms):
        for (case_id,) in conn.execute(_NAMED_CASES, (spellings(conn, "case_names_fts", term),)):
            held[case_id] = held.get(case_id, 0) | 1 << bit
    groups: dict[int, list[int]] = {}
    for case_id, mask in held.items():
        if mask != (1 << len(terms)) - 1:
            groups.setdefault(mask, []).append(case_id)
    # The words' matches in the whole store, kept to the group's cases; or, for cases of
    # few milestones, those milestones, each looked up in the index by its id (some 40 µs
    # each, where the words' every match costs some 70 ms at 40,000 matches).
    joins = (
        "FROM milestone_search_fts JOIN milestones m ON m.id = milestone_search_fts.rowid",
        "FROM milestones m CROSS JOIN milestone_search_fts ON milestone_search_fts.rowid = m.id",
    )
    where_split = (
        " WHERE milestone_search_fts MATCH ? AND m.case_id IN (SELECT value FROM json_each(?))"
        f" AND m.id NOT IN ({own}) AND {where}"
    )
    listings = []
    for mask, case_ids in sorted(groups.items()):
        rest = " ".join(term for bit, term in enumerate(terms) if not mask & 1 << bit)
        rest = spellings(conn, "milestone_search_fts", rest)
        ids = json.dumps(case_ids)
        (size,) = conn.execute(
            "SELECT coalesce(sum(milestones), 0) FROM case_figures"
            " WHERE case_id IN (SELECT value FROM json_each(?))",
            (ids,),
        ).fetchone()
        body = joins[size <= _FEW_MILESTONES] + where_split
        listings += _counted(conn, body, ORDER_BY, [rest, ids, *params])
    return listings


# The live cases whose title, slug, docket or court matches a query (its parameter), by id.
_NAMED_CASES = (
    "SELECT c.id FROM case_names_fts JOIN cases c ON c.id = case_names_fts.rowid"
    " WHERE case_names_fts MATCH ? AND c.deleted_at IS NULL"
)


def _named_cases(
    conn: sqlite3.Connection,
    match: str,
    filters: Filters,
    split: list[tuple[str, list[Any], int]],
) -> Iterator[NamedCase]:
    """The live cases whose title, slug, docket or court matches `match` (those of --case
    alone, if given), best first, then those of the milestones `split` finds (by slug)."""
    where, params = "", list[object]([match])
    if filters.cases:
        ids = [require_case_id(conn, slug) for slug in filters.cases]
        where, params = f" AND c.id IN ({placeholders(ids)})", [match, *ids]
    rows = conn.execute(
        "SELECT c.slug, c.title FROM case_names_fts JOIN cases c ON c.id = case_names_fts.rowid"
        f" WHERE case_names_fts MATCH ? AND c.deleted_at IS NULL{where}"
        " ORDER BY bm25(case_names_fts), c.slug",
        params,
    ).fetchall()
    import json

    case_ids: set[int] = set()
    for sql, listing_params, _ in split:
        body = sql.split(" FROM ", 1)[1].rsplit(" ORDER BY ", 1)[0]
        found = conn.execute(f"SELECT DISTINCT m.case_id FROM {body}", listing_params)
        case_ids.update(case_id for (case_id,) in found)
    if case_ids:
        rows += conn.execute(
            "SELECT slug, title FROM cases WHERE id IN (SELECT value FROM json_each(?))"
            " ORDER BY slug",
            (json.dumps(sorted(case_ids)),),
        ).fetchall()
    return (NamedCase(*row) for row in rows)


def _sql_limit(limit: int | None) -> int:
    return -1 if limit is None else min(limit, 2**63 - 1)


def _hits(
    conn: sqlite3.Connection,
    match: str,
    marks: tuple[str | None, str],
    listed: Iterator[tuple[Any, ...]],
) -> Iterator[Hit]:
    """The listed milestones as hits, read and marked _CHUNK at a time. One listed by its
    case's title or slug shows it as its snippet: `marks` are the queries that mark the
    words in its own title (None: none) and in its case's."""
    rank = 0
    while rows := list(islice(listed, _CHUNK)):
        chunk = [row[0] for row in rows]
        marked = _marked_text(conn, match, chunk)
        case_of = {row[0]: row[1] for row in rows if row[0] not in marked}
        titles = _marked_text(conn, marks[0], list(case_of)) if case_of and marks[0] else {}
        cases = _marked_cases(conn, marks[1], sorted(set(case_of.values()))) if case_of else {}
        for milestone in load_milestones(conn, chunk):
            rank += 1
            if milestone.id in marked:
                title, column, snippet = marked[milestone.id]
            else:
                title = titles[milestone.id][0] if milestone.id in titles else milestone.title
                column = "case"
                snippet = cases.get(case_of[milestone.id], milestone.case)
            yield Hit(milestone, rank, title, snippet, column)


def _marked_cases(conn: sqlite3.Connection, match: str, ids: list[int]) -> dict[int, str]:
    """For each of these cases whose title, docket number, court or slug matches: the first
    of them (in that order) that does, marked."""
    marks = placeholders(ids)
    columns = CASE_NAMES.split(", ")
    shown = [columns.index(name) for name in ("title", "docket", "court", "slug")]
    highlights = ", ".join(f"highlight(case_names_fts, {c}, {_MARKS_SQL})" for c in shown)
    rows = conn.execute(
        f"SELECT rowid, {highlights} FROM case_names_fts"
        f" WHERE case_names_fts MATCH ? AND rowid IN ({marks})",
        [match, *ids],
    )
    return {
        case_id: next((text for text in texts if text and _OPEN in text), texts[-1])
        for case_id, *texts in rows
    }


def _pages(
    conn: sqlite3.Connection, query: Query, filters: Filters, limit: int | None
) -> tuple[Iterator[PageHit], int]:
    """Pages of documents matching, best first (phrase hits first), and how many match. A
    document belongs to a case at most, so any filter but --case leaves them out."""
    if replace(filters, cases=[]) != Filters():
        return iter(()), 0
    where, params = "document_pages_fts MATCH ?", list[object]([query.match])
    if filters.cases:
        ids = [require_case_id(conn, slug) for slug in filters.cases]
        where += f" AND d.case_id IN ({placeholders(ids)})"
        params += ids
    joins = (
        "FROM document_pages_fts JOIN document_pages p ON p.id = document_pages_fts.rowid"
        " JOIN documents d ON d.id = p.document_id"
    )
    (total,) = conn.execute(f"SELECT count(*) {joins} WHERE {where}", params).fetchone()
    order, order_params = "bm25(document_pages_fts), d.id, p.page_index", list[str]()
    if query.phrase:
        order = (
            "p.id IN (SELECT rowid FROM document_pages_fts WHERE document_pages_fts MATCH ?)"
            f" DESC, {order}"
        )
        order_params.append(query.phrase)
    rows = conn.execute(
        f"SELECT d.id, d.title, d.sha256, p.label, p.page_index,"
        f" snippet(document_pages_fts, 0, {_MARKS_SQL}, '…', 12) {joins}"
        f" WHERE {where} ORDER BY {order} LIMIT ?",
        [*params, *order_params, _sql_limit(limit)],
    )
    return (PageHit(*row) for row in rows), int(total)


def _marked_text(
    conn: sqlite3.Connection, match: str, ids: list[int]
) -> dict[int, tuple[str, str, str]]:
    """For each id: the title with matches marked, and the best snippet and its column."""
    columns = list(_WEIGHTS)
    exprs = [f"highlight(milestone_search_fts, 0, {_MARKS_SQL})"] + [
        f"snippet(milestone_search_fts, {columns.index(c)}, {_MARKS_SQL}, '…', 12)"
        for c in _SNIPPET_FROM
    ]
    result: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = placeholders(chunk)
        for rowid, title, *snippets in conn.execute(
            f"SELECT rowid, {', '.join(exprs)} FROM milestone_search_fts"
            f" WHERE milestone_search_fts MATCH ? AND rowid IN ({marks})",
            [match, *chunk],
        ):
            field, snippet = next(
                ((f, s) for f, s in zip(_SNIPPET_FROM, snippets, strict=True) if s and _OPEN in s),
                ("title", title),
            )
            result[rowid] = (title, field, snippet)
    return result


def mark(text: str, marks: tuple[str, str] = PLAIN_MARKS) -> str:
    """Text from a Hit with its matches wrapped in these markers."""
    if f"{_CLOSE})" in text or f"{_CLOSE}]" in text:
        text = _MARKED_THEN_CLOSING.sub(_closing_taken, text)
    return text.replace(_OPEN, marks[0]).replace(_CLOSE, marks[1])


# A match and the closing brackets right after it.
_MARKED_THEN_CLOSING = re.compile(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}([)\\]]+)")


def _closing_taken(match: re.Match[str]) -> str:
    """A match that ends inside brackets it opened (the phrase 12 b 6 of 'Rule 12(b)(6)', as
    the index marks it, ends after the 6) takes in the brackets that close them, so a
    citation is marked whole."""
    inner, after = match[1], match[2]
    left = {")": inner.count("(") - inner.count(")"), "]": inner.count("[") - inner.count("]")}
    taken = 0
    for closing in after:
        if left[closing] <= 0:
            break
        left[closing] -= 1
        taken += 1
    return f"{_OPEN}{inner}{after[:taken]}{_CLOSE}{after[taken:]}"


def rebuild_index(store: Store) -> int:
    """Recompute every milestone's search row and rebuild the FTS5 indexes (milestones,
    document pages and the cases' titles and slugs), which mends a damaged index. Returns
    how many milestones are indexed."""
    with store.write(undoable=False) as conn:
        rebuild_search(conn, through_view=True)
        conn.execute("INSERT INTO document_pages_fts (document_pages_fts) VALUES ('rebuild')")
        rebuild_case_names(conn)
        return int(conn.execute("SELECT count(*) FROM milestone_search").fetchone()[0])
