"""Parties: people, organisations, courts and agencies, found by name or any alias."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from casetrack.clock import now
from casetrack.errors import CasetrackError, NotFoundError, nothing_to_change
from casetrack.models import KIND_SPELLINGS, PARTY_KINDS, ROLE_KINDS, Party
from casetrack.sql import placeholders, set_changed
from casetrack.store import Store
from casetrack.tables import TIMELINE_ORDER, widest
from casetrack.text import bare_key, check_choice, clean_text, did_you_mean, name_key, shell_word


class NamesAside:
    """Many parties and aliases added in a run without the name index's insert triggers
    (m009_party_names: two FTS5 statements a row, three quarters of the cost of adding a
    party); `back` writes the rows of the parties the run touched in two statements and
    puts the triggers back. Only for code that looks no new name up in the index meanwhile
    (close_names does): the import's party records. A rollback puts the triggers back too.
    """

    _TRIGGERS = ("parties_names_ai", "party_aliases_names_ai")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.marks: tuple[int, int] | None = None  # largest party and alias ids before the run
        self.triggers: list[str] = []

    def aside(self) -> None:
        """Begin a run (nothing if one is under way)."""
        if self.marks is not None:
            return
        self.marks = self.conn.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM parties),"
            " (SELECT coalesce(max(id), 0) FROM party_aliases)"
        ).fetchone()
        marks = placeholders(self._TRIGGERS)
        self.triggers = []
        for name, sql in self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            self._TRIGGERS,
        ).fetchall():
            self.conn.execute(f'DROP TRIGGER "{name}"')
            self.triggers.append(sql)

    def back(self) -> None:
        """End the run: index the names of the parties added or given aliases in it, as the
        triggers would have (the same expression), and put the triggers back."""
        if self.marks is None:
            return
        touched = "id > ? OR id IN (SELECT party_id FROM party_aliases WHERE id > ?)"
        self.conn.execute(
            f"DELETE FROM party_names_fts WHERE rowid IN (SELECT id FROM parties WHERE {touched})",
            self.marks,
        )
        self.conn.execute(
            "INSERT INTO party_names_fts (rowid, names) SELECT id, name || coalesce(' ' ||"
            " (SELECT group_concat(alias, ' ') FROM party_aliases WHERE party_id = parties.id),"
            f" '') FROM parties WHERE {touched}",
            self.marks,
        )
        for sql in self.triggers:
            self.conn.execute(sql)
        self.marks = None


def find_party_id(conn: sqlite3.Connection, name: str) -> int | None:
    """The party whose name or alias matches, ignoring case, accents and spacing; failing
    that, the one whose name or alias has its bare key, punctuation aside (text.bare_key:
    'acme widgets inc' is 'Acme Widgets, Inc.', 'AB Smith' 'A.B. Smith'). Every command
    finds a typed party here. A bare key two parties have is refused, naming both: neither
    is picked for the user."""
    found = party_ids_named(conn, name)
    if len(found) > 1:
        names = sorted(get_party_by_id(conn, party_id).name for party_id in found)
        raise CasetrackError(
            f"{clean_text(name)!r} could name {' or '.join(map(repr, names))}, punctuation"
            " aside: type one of them with its punctuation"
        )
    return found[0] if found else None


def party_id_spelt(conn: sqlite3.Connection, name: str) -> int | None:
    """The party whose name or alias is this one, case, accents and spacing aside (not its
    punctuation): how an export's party record with a uid new to the store is matched, as
    two names an older store kept apart by punctuation are two parties."""
    key = name_key(name)
    row = conn.execute(
        "SELECT id FROM parties WHERE name_key = ?"
        " UNION ALL SELECT party_id FROM party_aliases WHERE alias_key = ? LIMIT 1",
        (key, key),
    ).fetchone()
    return int(row[0]) if row else None


def party_ids_named(conn: sqlite3.Connection, name: str) -> list[int]:
    """The parties a name could be, as find_party_id looks: the one of its name or alias
    key, else every one with its bare key (two or more only in a store older than the
    keys)."""
    spelt = party_id_spelt(conn, name)
    if spelt is not None:
        return [spelt]
    bare = bare_key(name)
    if not bare:  # punctuation only: no name to match
        return []
    return [
        int(party_id)
        for (party_id,) in conn.execute(
            "SELECT id FROM parties WHERE bare_key = ?1"
            " UNION SELECT party_id FROM party_aliases WHERE bare_key = ?1",
            (bare,),
        )
    ]


# The bare keys (find_party_id's fallback) more than one party has, each way two parties can
# come to share one in a store older than the keys: two names, two aliases, a name and an
# alias. Each part reads an index of bare keys in order (a name's needs no table read), so
# no key is worked out in Python nor a table of every key built. Then the parties of each
# key (a few), as find_party_id's fallback finds them.
_SHARED_BARE_KEYS = """
WITH shared(bare) AS (
    SELECT bare_key FROM parties WHERE bare_key != '' GROUP BY bare_key HAVING count(*) > 1
    UNION SELECT bare_key FROM party_aliases WHERE bare_key != '' GROUP BY bare_key
        HAVING count(DISTINCT party_id) > 1
    UNION SELECT a.bare_key FROM party_aliases a
        JOIN parties p ON p.bare_key = a.bare_key AND p.id != a.party_id WHERE a.bare_key != ''
)
SELECT s.bare, p.id, p.name FROM shared s JOIN parties p ON p.bare_key = s.bare
UNION SELECT s.bare, p.id, p.name FROM shared s
    JOIN party_aliases a ON a.bare_key = s.bare JOIN parties p ON p.id = a.party_id
ORDER BY 1, 2
"""


def shared_bare_keys(conn: sqlite3.Connection) -> dict[str, list[tuple[int, str]]]:
    """Each bare key two or more parties have (as a name or an alias), with their ids and
    names in the order they were made: find_party_id refuses it, as it could be either, and
    a store made before the keys may hold such parties ('A.B. Smith' and 'AB. Smith')."""
    shared: dict[str, list[tuple[int, str]]] = {}
    for bare, party_id, name in conn.execute(_SHARED_BARE_KEYS):
        shared.setdefault(bare, []).append((party_id, name))
    return shared


def require_party_id(conn: sqlite3.Connection, name: str, *, addable: bool = True) -> int:
    """A party's id by name or alias; a refusal suggests the closest name (an alias leading to
    its party's name), as every party command's does. Only when no name is close does it
    suggest adding the party (`addable`: alias, edit), and not where the command acts on or
    looks for a party there already is (merge, rename, remove, show, a filter), for which a
    new one is no answer."""
    party_id = find_party_id(conn, name)
    if party_id is None:
        near = _suggested(conn, name)
        said = f"no party named {name.strip()!r}{near}"
        if near:
            raise NotFoundError(said)
        if not addable:
            raise NotFoundError(f"{said}: see 'casetrack party list'")
        adding = f"casetrack party add {shell_word(name.strip())}"
        raise NotFoundError(f"{said}: see 'casetrack party list', or add the party with '{adding}'")
    return party_id


def _suggested(conn: sqlite3.Connection, name: str) -> str:
    """The ' (did you mean X?)' of an unknown party name: the parties a new party of that
    name would be refused as close to (close_names: 'Quinones' is 'José Ángel Quiñónez'),
    by their names, else the names nearest in letters."""
    near = close_names(conn, name)
    if near:
        return " (did you mean " + " or ".join(repr(names[0]) for names in near) + "?)"
    # An alias close to the name is pointed at its party's name ('zola': 'Émile Zola').
    names = [r[0] for r in conn.execute("SELECT name FROM parties")]
    aliases = dict(
        conn.execute(
            "SELECT a.alias, p.name FROM party_aliases a JOIN parties p ON p.id = a.party_id"
        ).fetchall()
    )
    return did_you_mean(name, names, aliases)


def valid_name(name: str) -> str:
    """A party's name or alias as stored; refused if it has no letter or digit to match by."""
    cleaned = clean_text(name)
    if not name_key(cleaned):
        raise CasetrackError("a party name cannot be empty")
    return cleaned


def check_party_kind(kind: str) -> str:
    """A party kind as stored, typed in any case or spelling (organisation)."""
    return check_choice(kind, PARTY_KINDS, "party kind", KIND_SPELLINGS)


# A company's legal form, the last word of its name in any case, dots left out: a party so
# named is an organization ('Acme Widgets, Inc.', 'Nova Ltd', 'Bosch GmbH').
COMPANY_FORMS = frozenset(
    ("inc", "incorporated", "corp", "corporation", "company", "ltd", "limited", "llc", "llp",
     "plc", "gmbh", "sarl", "srl")
)  # fmt: skip
# Short forms that are also surnames, words or abbreviations ('Anne Sa', 'Benjamin Co'):
# a legal form only written with dots or in capitals ('Total S.A.', 'Total SA', 'Acme Co.').
SHORT_COMPANY_FORMS = frozenset(("sa", "sas", "spa", "co", "ag", "kg", "bv", "nv", "lp"))


# Words that name a public body wherever they stand in a name, in English and French ('US
# Attorney's Office N.D. Cal.', 'Department of Justice', 'Ministère de l'Intérieur'): a party
# so named is an agency whatever its role, a prosecutor's office being no prosecutor. Words
# that are also surnames (Court, Service, Bureau) are left out.
AGENCY_WORDS = frozenset(
    ("office", "department", "ministry", "agency", "police", "commission", "authority",
     "directorate", "inspectorate", "procuratorate", "ministère", "ministere", "parquet",
     "gendarmerie", "préfecture", "prefecture")
)  # fmt: skip


def kind_of_new_party(name: str, role: str | None = None) -> str:
    """The kind a party new to the store is made when the user gives none (`party add`
    without --kind, a new name linked with NAME:ROLE, one typed for an extracted
    milestone): an organization when its name ends with a company's legal form (a firm of
    lawyers as counsel too), an agency when a word of it names a public body, else the
    kind its role implies."""
    words = clean_text(name).split()
    last = words[-1].strip(",;:()") if len(words) > 1 else ""
    form = last.replace(".", "").casefold()
    if form in COMPANY_FORMS or (form in SHORT_COMPANY_FORMS and ("." in last or last.isupper())):
        return "organization"
    folded = [w.strip(",;:()'\u2019").casefold() for w in words]
    if folded[:2] in (["law", "office"], ["law", "offices"]):  # a firm: Law Office of Jane Doe
        return "organization"
    if any(w in AGENCY_WORDS for w in folded):
        return "agency"
    return kind_of_role(role)


def kind_of_role(role: str | None) -> str:
    """The party kind a role implies (models.ROLE_KINDS), 'other' when it implies none. A
    role of more words is read by the word that heads it: its last in English ('defence
    counsel', 'district court'), else its first ('attorney for NAME', 'juge des libertés',
    'procureur de la République')."""
    key = name_key(role or "")
    kind = _ROLE_KINDS.get(key)
    if kind is None:
        kind = next((k for words, k in _ROLE_KINDS.items() if key.endswith(f" {words}")), None)
    if kind is None:
        kind = next((k for words, k in _ROLE_KINDS.items() if key.startswith(f"{words} ")), None)
    return kind or "other"


_ROLE_KINDS = {name_key(role): kind for role, kind in ROLE_KINDS.items()}


def create_party(
    conn: sqlite3.Connection, name: str, kind: str = "other", uid: str | None = None
) -> int:
    """Insert a new party; the caller holds the write transaction and checked the name is free.

    `uid` keeps the identity an import brings, so importing again matches instead of copying.
    """
    cursor = conn.execute(
        "INSERT INTO parties (uid, name, name_key, kind, bare_key, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (*party_row(name, kind, uid), now()),
    )
    return int(cursor.lastrowid or 0)


def party_row(
    name: str, kind: str = "other", uid: str | None = None
) -> tuple[str, str, str, str, str]:
    """What create_party writes of a party, less its clock: uid, name, name key, kind, bare
    key."""
    cleaned = valid_name(name)
    kind = check_party_kind(kind)
    return uid or str(uuid.uuid4()), cleaned, name_key(cleaned), kind, bare_key(cleaned)


# Names at least this similar (difflib's ratio of their keys) are one typo apart.
CLOSE_RATIO = 0.85


def _squashed(key: str) -> str:
    """Only the letters and digits: 'Acme B.V.' and 'ACME BV' are one name."""
    return "".join(ch for ch in key if ch.isalnum())


def _word_list(key: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"[.'\u2019]", "", key))


def _words(key: str) -> frozenset[str]:
    return frozenset(_word_list(key))


# Words before a name that say what a person is, not who: 'Hon. Lorna Schofield' and 'Judge
# Lorna Schofield' are one judge, 'Ms. Sonja O'Donnell' is Sonja O'Donnell.
TITLES = frozenset(
    ("the", "hon", "honorable", "honourable", "judge", "justice", "chief", "magistrate", "mr",
     "mrs", "ms", "miss", "dr", "president", "senator")
)  # fmt: skip
# A company's legal form in full is its short form: 'Acme Widgets Corporation' is 'Acme
# Widgets Corp', as 'Acme B.V.' is 'ACME BV'.
_LEGAL_FORMS = {"corporation": "corp", "incorporated": "inc", "company": "co", "limited": "ltd"}


def _plain(words: list[str]) -> list[str]:
    """A name's words without the titles before it (a name that is only titles keeps them),
    its legal form in short: what tells two spellings of one party apart."""
    start = 0
    while start < len(words) - 1 and words[start] in TITLES:
        start += 1
    return [_LEGAL_FORMS.get(word, word) for word in words[start:]]


def _at_the_ends(small: frozenset[str], big: list[str]) -> bool:
    """Whether the words `small` are those the name `big` (its words in order) begins and/or
    ends with: 'Rajavi' of 'Maryam Rajavi', 'Acme' of 'Acme Shipping B.V.', 'Jan Vries' of
    'Jan de Vries', but not 'USA' of 'Hetero USA, Inc.' (a word or acronym that many names
    hold in their middle)."""
    size, end = len(small), len(big)
    return any(small == frozenset(big[:i] + big[end - size + i :]) for i in range(size + 1))


def _spelt_out(ordered: list[str], other: list[str]) -> list[str]:
    """The words of a name with each initial before its last word written as the word of
    `other` at its place that begins with it: 'J. Smith' beside 'John Smith' reads 'John
    Smith', beside 'John Fitzgerald Smith' too (then the words that name begins and ends with)."""
    last = min(len(ordered), len(other)) - 1
    return [
        other[i] if len(word) == 1 and i < last and other[i].startswith(word) else word
        for i, word in enumerate(ordered)
    ]


# Parties whose names are compared with a new one, at most: those sharing most words first.
CLOSE_CANDIDATES = 200
# A word this long or longer may be a typo of another (one letter added, dropped or changed,
# or as alike as CLOSE_RATIO says): 'Senyonjo' of 'Ssenyonjo', 'Rajavy' of 'Rajavi'. Shorter
# words are too often other words ('Lee' and 'Leo', 'Bank' and 'Band').
TYPO_WORD = 5
# What a letter of an indexed word, typed otherwise, may be (name keys are folded to these
# for Latin script; a typo in another script is found by the words' first letters only, and
# a word holding a digit is never a typo of another: _one_typo).
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typo_terms(word: str) -> set[str]:
    """For a word of TYPO_WORD letters or more, the first five letters of every word one
    typo away in its first three (a letter dropped, added or changed, or two swapped; a typo
    after them leaves the three that find the word): 'Senyonjo' also looks for words that
    begin 'sseny', 'esnyo' or 'enyon'. About 160 FTS5 prefix terms, each one seek in the
    index, finding few words: the words found, not the store, make the cost."""
    if len(word) < TYPO_WORD or not word.isalpha():
        return set()
    head = word[:5]
    letters = set(_LETTERS) | set(head)
    terms = set()
    for i in range(3):
        terms.add((word[:i] + word[i + 1 :])[:5])  # a letter too many
        terms.add(word[:i] + word[i + 1] + word[i] + word[i + 2 : 5])  # two swapped
        for letter in letters:
            terms.add(head[:i] + letter + head[i + 1 :])  # a letter changed
            terms.add((head[:i] + letter + head[i:])[:5])  # a letter left out
    return {term for term in terms if not term.startswith(word[:3])}


def _candidate_names(conn: sqlite3.Connection, words: frozenset[str]) -> dict[str, str]:
    """Names and aliases of the parties having a word that begins as one of `words` does
    (its first three letters), and of those having a word that begins as a word one typo
    from a long one of them does (_typo_terms): all a close name can be, bar two typos in
    a word's first letters, each with its party's name. Each lookup keeps the
    CLOSE_CANDIDATES sharing most words."""
    import json

    ids: dict[int, None] = {}
    for terms in ({word[:3] for word in words}, {t for word in words for t in _typo_terms(word)}):
        if terms:
            for (party_id,) in conn.execute(
                "SELECT rowid FROM party_names_fts WHERE party_names_fts MATCH ?"
                " ORDER BY rank LIMIT ?",
                (" OR ".join(sorted(f'"{term}"*' for term in terms)), CLOSE_CANDIDATES),
            ):
                ids[party_id] = None
    if not ids:
        return {}
    return dict(
        conn.execute(
            "SELECT name, name FROM parties WHERE id IN (SELECT value FROM json_each(?1))"
            " UNION ALL SELECT a.alias, p.name FROM party_aliases a JOIN parties p"
            " ON p.id = a.party_id WHERE a.party_id IN (SELECT value FROM json_each(?1))",
            (json.dumps(list(ids)),),
        ).fetchall()
    )


@lru_cache(maxsize=4096)  # the words of the names compared with one name repeat
def _one_typo(word: str, other: str) -> bool:
    """Whether two different words are one typo apart: both TYPO_WORD letters or more (no
    digit: 'Party 12345' and 'Party 12346' are two) and one letter dropped, added or changed,
    or two swapped, or as alike as CLOSE_RATIO says."""
    import difflib

    short, long = sorted((len(word), len(other)))
    if word == other or short < TYPO_WORD or 2 * short < CLOSE_RATIO * (short + long):
        return False
    if not (word.isalpha() and other.isalpha()):
        return False
    if len(word) > len(other):
        word, other = other, word
    start = 0  # the first letter where they differ
    while start < len(word) and word[start] == other[start]:
        start += 1
    if len(word) < len(other):
        typo = word[start:] == other[start + 1 :]  # a letter dropped
    else:
        changed = word[start + 1 :] == other[start + 1 :]  # a letter changed
        swapped = word[start : start + 2] == other[start + 1 : start + 2] + other[start]
        typo = changed or (swapped and word[start + 2 :] == other[start + 2 :])  # two swapped
    if typo or len(word) < 6:  # two typos beside fewer letters are never CLOSE_RATIO alike
        return typo
    matcher = difflib.SequenceMatcher(a=word, b=other, autojunk=False)
    return (
        matcher.real_quick_ratio() >= CLOSE_RATIO
        and matcher.quick_ratio() >= CLOSE_RATIO
        and matcher.ratio() >= CLOSE_RATIO
    )


def _mistyped_ends(small: frozenset[str], big: list[str]) -> bool:
    """Whether the words `small`, some written with a typo (_one_typo), are those the name
    `big` (its words in order) begins and/or ends with: 'senyonjo' of 'moses ssenyonjo'. A
    word a typo from two of `big` may be either."""
    from itertools import product
    from math import prod

    if all(word in big or len(word) < TYPO_WORD for word in small):
        return False
    options = [
        [word] if word in big else [other for other in big if _one_typo(word, other)] or [word]
        for word in small
    ]
    if prod(map(len, options)) > 64:  # a name of many words each like many others
        return False
    return any(
        frozenset(mended) != small and _at_the_ends(frozenset(mended), big)
        for mended in product(*options)
    )


def close_names(conn: sqlite3.Connection, name: str, n: int = 3) -> list[list[str]]:
    """Known names and aliases a new party name is likely a variant of, a list a party,
    closest first: the party's name (said whether or not it is close, as every message
    names a party by it), then its aliases that are close ('Acme Widgets, Inc.', 'Acme'
    for 'Acme Widgts'). Close is the same letters and digits, a typo away (in letters:
    'Party 1' and 'Party 2' are two), or a subset of its words or they of its, those it begins
    and/or ends with ('Rajavi' and 'Maryam Rajavi'; not 'USA' and 'Hetero USA, Inc.'), an
    initial read as the first name it begins ('J. Smith' and 'John Smith'), the same but for
    a title before it or a company's legal form in full ('Hon. Jo Lee' and 'Judge Jo Lee', 'Acme
    Corp' and 'Acme Corporation'). Case, accents and spacing are already one name."""
    import difflib

    key = name_key(name)
    squashed, ordered, numbers = _squashed(key), _plain(_word_list(key)), re.findall(r"\d+", key)
    words = frozenset(ordered)
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    scored: dict[str, float] = {}
    owners = _candidate_names(conn, words)
    for other in owners:
        other_key = name_key(other)
        if other_key == key or other in scored:
            continue
        other_ordered = _plain(_word_list(other_key))
        mine, theirs = _spelt_out(ordered, other_ordered), _spelt_out(other_ordered, ordered)
        mine_set, theirs_set = frozenset(mine), frozenset(theirs)
        # The name with fewer words, and the other's words in order.
        small, big = (mine_set, theirs) if len(mine_set) <= len(theirs_set) else (theirs_set, mine)
        matcher.set_seq1(other_key)
        if _squashed(other_key) == squashed or "".join(mine) == "".join(theirs):
            scored[other] = 3.0
        elif small and any(len(word) > 2 for word in small) and _at_the_ends(small, big):
            scored[other] = 2.0
        elif _mistyped_ends(small, big):
            scored[other] = 1.5  # a typo in a word it begins or ends with ('Senyonjo')
        elif (
            re.findall(r"\d+", other_key) == numbers  # 'Party 1' and 'Party 2' are two
            and matcher.real_quick_ratio() >= CLOSE_RATIO
            and matcher.quick_ratio() >= CLOSE_RATIO
            and matcher.ratio() >= CLOSE_RATIO
        ):
            scored[other] = matcher.ratio()
    # By party: a party's aliases close too are its other names, not other parties.
    near: dict[str, list[str]] = {}
    for other in sorted(scored, key=lambda other: -scored[other]):
        party = near.setdefault(owners[other], [owners[other]])
        if other != owners[other]:
            party.append(other)
    return list(near.values())[:n]


def roles_in_use(conn: sqlite3.Connection) -> set[str]:
    """The roles the store's party links give, each found by one step down the role index
    rather than by reading every link."""
    rows = conn.execute(
        "WITH RECURSIVE used(role) AS (SELECT min(role) FROM milestone_parties WHERE role > ''"
        " UNION ALL SELECT (SELECT min(role) FROM milestone_parties WHERE role > used.role)"
        " FROM used WHERE used.role IS NOT NULL) SELECT role FROM used WHERE role IS NOT NULL"
    )
    return {role for (role,) in rows}


def known_as(name: str, aliases: Sequence[str], *, quoted: bool = False, without: str = "") -> str:
    """A party as every message and listing shows it with its other names: 'Anne Morel (aka
    Judge Morel, A. Morel)'. quoted: each name as refusals and questions quote names ('Anne
    Morel' (aka 'Judge Morel')). Unquoted aliases are parted by semicolons when one holds a
    comma (Morel (aka Morel, Anne; Judge Morel)), so none reads as two. Without aliases: the
    name alone, or `without` in the brackets when it is given (no aliases left)."""
    shown = [repr(alias) if quoted else alias for alias in aliases]
    between = "; " if not quoted and any("," in alias for alias in aliases) else ", "
    said = f"aka {between.join(shown)}" if shown else without
    named = repr(name) if quoted else name
    return f"{named} ({said})" if said else named


def refuse_close(conn: sqlite3.Connection, name: str, instead: str, *, alias: bool = False) -> None:
    """Refuse a new party name close to a known one, naming those and `instead`, the way
    to create it all the same; `alias`, for a name in a file (a docket's 'Acme Widgets,
    Inc.' beside the 'Acme' typed before), also the `party alias` that makes it one of the
    close party's names."""
    near = close_names(conn, name)
    if near:
        them = " or ".join(known_as(names[0], names[1:], quoted=True) for names in near)
        which = "is close: write that name" if len(near) == 1 else "are close: write one"
        also = ""
        if alias and len(near) == 1:
            words = f"{shell_word(near[0][0])} {shell_word(clean_text(name))}"
            also = f", 'casetrack party alias {words}' if it names that party too"
        raise CasetrackError(
            f"no party named {clean_text(name)!r}, but {them} {which} to link it{also}, or"
            f" {instead} if it is another party"
        )


def add_aliases(conn: sqlite3.Connection, party_id: int, aliases: list[str]) -> list[str]:
    """Give a party more names; a name another party already uses is refused."""
    added = []
    for alias in aliases:
        cleaned = valid_name(alias)
        found = party_ids_named(conn, cleaned)
        if found == [party_id]:  # a name it has, or has but for punctuation
            continue
        if party_id not in found:
            _other_party(conn, party_id, cleaned)
        # Its name but for punctuation and another's too (a store older than the bare keys)
        # is kept: as an alias it finds this party as typed, so that merging such a group
        # pair by pair (as check says) keeps each name and never meets it as ambiguous.
        conn.execute(
            "INSERT INTO party_aliases (party_id, alias, alias_key, bare_key) VALUES (?, ?, ?, ?)",
            (party_id, cleaned, name_key(cleaned), bare_key(cleaned)),
        )
        added.append(cleaned)
    return added


def add_party(
    store: Store, name: str, kind: str | None = None, aliases: list[str] | None = None
) -> Party:
    """Create a party of this kind, or of the kind its name says (kind_of_new_party); a
    name or alias another party has is refused, as it would make names ambiguous."""
    with store.write() as conn:
        existing = find_party_id(conn, name)
        if existing is not None:
            raise CasetrackError(
                f"{name.strip()!r} already names party {get_party_by_id(conn, existing).name!r}:"
                " add aliases with 'casetrack party alias'"
            )
        party_id = create_party(conn, name, kind_of_new_party(name) if kind is None else kind)
        add_aliases(conn, party_id, aliases or [])
    return get_party_by_id(store.conn, party_id)


def alias_party(store: Store, name: str, aliases: list[str]) -> tuple[Party, list[str], list[str]]:
    """Give a party more names; returns it, the aliases that were new, and the names typed
    that already named it (its name or an alias in other case, accents, punctuation or
    spacing)."""
    with store.write() as conn:
        party_id = require_party_id(conn, name)
        added = add_aliases(conn, party_id, aliases)
    kept = iter(added)
    wanted = next(kept, None)
    already = []
    for alias in aliases:
        if valid_name(alias) == wanted:
            wanted = next(kept, None)
        else:
            already.append(clean_text(alias))
    return get_party_by_id(store.conn, party_id), added, already


def get_party_by_id(conn: sqlite3.Connection, party_id: int) -> Party:
    """A party with its aliases, by id (the id is known to exist)."""
    row = conn.execute(
        "SELECT id, uid, name, kind FROM parties WHERE id = ?", (party_id,)
    ).fetchone()
    aliases = [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM party_aliases WHERE party_id = ? ORDER BY id", (party_id,)
        )
    ]
    return Party(row[0], row[1], row[2], row[3], aliases)


def get_party(store: Store, name: str) -> Party:
    """A party by name or alias, or the refusal `require_party_id` words (showing one is no
    reason to add it)."""
    return get_party_by_id(store.conn, require_party_id(store.conn, name, addable=False))


def list_parties(store: Store) -> Iterator[dict[str, Any]]:
    """Every party with its aliases and how many milestones and cases it appears in, read
    as the listing is written."""
    aliases: dict[int, list[str]] = {}
    for party_id, alias in store.conn.execute(
        "SELECT party_id, alias FROM party_aliases ORDER BY id"
    ):
        aliases.setdefault(party_id, []).append(alias)
    # One grouped pass: the milestones in table order (CROSS JOIN keeps them outside), each
    # one's links by the primary key. Party by party, each link's milestone was a seek into
    # the milestone table in no useful order: four times slower on a large store.
    rows = store.conn.execute(
        """SELECT p.id, p.uid, p.name, p.kind, coalesce(n.milestones, 0), coalesce(n.cases, 0)
           FROM parties p LEFT JOIN (
               SELECT mp.party_id, count(DISTINCT mp.milestone_id) AS milestones,
                      count(DISTINCT m.case_id) AS cases
               FROM milestones m CROSS JOIN milestone_parties mp ON mp.milestone_id = m.id
               WHERE m.deleted_at IS NULL GROUP BY mp.party_id
           ) n ON n.party_id = p.id
           ORDER BY p.name_key"""
    )
    for row in rows:
        item = Party(row[0], row[1], row[2], row[3], aliases.get(row[0], [])).to_dict()
        item.update(milestones=row[4], cases=row[5])
        yield item


def party_widths(conn: sqlite3.Connection) -> dict[str, int]:
    """How wide party list's id, name, kind and aliases cells get (see tables.widest)."""
    return widest(
        conn,
        """SELECT (SELECT max(length(id)) FROM parties), (SELECT max(length(name)) FROM parties),
                  (SELECT max(length(kind)) FROM parties),
                  (SELECT max(said) FROM (SELECT sum(length(alias)) + 2 * count(*) - 2 AS said
                                          FROM party_aliases GROUP BY party_id))""",
        (),
        ("id", "name", "kind", "aliases"),
    )


def party_details(store: Store, name: str) -> dict[str, Any]:
    """A party's aliases, the cases and roles it appears in, its first and last milestone."""
    party = get_party(store, name)
    conn = store.conn
    cases = [
        {"case": r[0], "roles": sorted(set(filter(None, (r[1] or "").split("\x1f")))),
         "milestones": r[2]}
        for r in conn.execute(
            """SELECT c.slug, group_concat(mp.role, char(31)), count(DISTINCT m.id)
               FROM milestone_parties mp
               JOIN milestones m ON m.id = mp.milestone_id AND m.deleted_at IS NULL
               JOIN cases c ON c.id = m.case_id
               WHERE mp.party_id = ? GROUP BY c.id ORDER BY c.slug""",
            (party.id,),
        )
    ]  # fmt: skip
    bounds = conn.execute(
        f"""SELECT m.id, m.date, m.title FROM milestone_parties mp
           JOIN milestones m ON m.id = mp.milestone_id AND m.deleted_at IS NULL
           WHERE mp.party_id = ?
           ORDER BY {TIMELINE_ORDER}""",
        (party.id,),
    ).fetchall()
    first = {"id": bounds[0][0], "date": bounds[0][1], "title": bounds[0][2]} if bounds else None
    last = {"id": bounds[-1][0], "date": bounds[-1][1], "title": bounds[-1][2]} if bounds else None
    return {**party.to_dict(), "cases": cases, "first": first, "last": last}


def _other_party(conn: sqlite3.Connection, party_id: int, name: str) -> None:
    """Refuse a name that another party has (as its name or an alias)."""
    owner = find_party_id(conn, name)
    if owner is not None and owner != party_id:
        raise CasetrackError(
            f"{clean_text(name)!r} already names party {get_party_by_id(conn, owner).name!r}:"
            " use 'casetrack party merge' if they are the same"
        )


class Renamed(NamedTuple):
    """A party renamed: as it is now, the name it had, and the alias it was named by (None
    when named by its name)."""

    party: Party
    old: str
    alias: str | None


def rename_party(store: Store, name: str, new_name: str, *, drop_old: bool = False) -> Renamed:
    """Give a party another name; the old one stays an alias unless drop_old (one of its
    aliases may become its name)."""
    cleaned = valid_name(new_name)
    key = name_key(cleaned)
    with store.write() as conn:
        party = get_party_by_id(conn, require_party_id(conn, name, addable=False))
        if cleaned == party.name:
            raise CasetrackError(f"party {party.name!r} already has that name")
        alias = alias_typed(name, party)
        if drop_old and alias is not None:
            # Named by an alias, "the old name" could be either: never drop the one not typed.
            raise CasetrackError(
                f"{alias!r} is an alias of {party.name!r}, and --drop-old drops the"
                f" party's name: to drop it, name it (casetrack party rename"
                f" {shell_word(party.name)} {shell_word(cleaned)} --drop-old); to drop the"
                f" alias, 'casetrack party alias rm'"
            )
        _other_party(conn, party.id, cleaned)
        conn.execute(
            "DELETE FROM party_aliases WHERE party_id = ? AND alias_key = ?", (party.id, key)
        )
        conn.execute(
            "UPDATE parties SET name = ?, name_key = ?, bare_key = ? WHERE id = ?",
            (cleaned, key, bare_key(cleaned), party.id),
        )
        if not drop_old and name_key(party.name) != key:
            add_aliases(conn, party.id, [party.name])
    return Renamed(get_party_by_id(store.conn, party.id), party.name, alias)


def linked_milestones(conn: sqlite3.Connection, party_id: int) -> int:
    """How many milestones (in the trash too) a party is linked to: what merging or erasing
    it takes from them."""
    (count,) = conn.execute(
        "SELECT count(DISTINCT milestone_id) FROM milestone_parties WHERE party_id = ?",
        (party_id,),
    ).fetchone()
    return int(count)


def aliases_named(name: str, party: Party) -> list[str]:
    """The party's aliases, as stored, that a typed name names: the one of its name key
    (case, accents and spacing aside) or, when neither that alias nor the party's name has
    it, those of its bare key (punctuation aside too; two only in a store older than the
    bare keys, where 'A.B. Smith' and 'AB. Smith' could be aliases of one party)."""
    key = name_key(name)
    exact = [alias for alias in party.aliases if name_key(alias) == key]
    if exact or key == name_key(party.name):
        return exact
    bare = bare_key(name)
    return [alias for alias in party.aliases if bare and bare_key(alias) == bare]


def alias_typed(name: str, party: Party) -> str | None:
    """The alias, as stored ('J. Smith' for 'j smith'), a party was named by when the name
    typed is one of its aliases, not its name (nor its name but for punctuation, unless it
    is an alias's key): a command acting on the party says so, as the party's name is what
    it changes."""
    key = name_key(name)
    if key == name_key(party.name):
        return None
    if key not in map(name_key, party.aliases) and bare_key(name) == bare_key(party.name):
        return None
    return next(iter(aliases_named(name, party)), clean_text(name))


def remove_aliases(store: Store, name: str, aliases: list[str]) -> Party:
    """Take names off a party's aliases, all or none (its own name changes with rename_party),
    each typed as a lookup takes it: case, accents, punctuation and spacing aside
    (aliases_named); one that could be two of them is refused naming both."""
    with store.write() as conn:
        party = get_party_by_id(conn, require_party_id(conn, name, addable=False))
        for alias in aliases:
            named = aliases_named(alias, party)
            if len(named) > 1:
                raise CasetrackError(
                    f"{clean_text(alias)!r} could name the aliases"
                    f" {' or '.join(map(repr, sorted(named)))} of {party.name!r}, punctuation"
                    " aside: type the one to remove with its punctuation"
                )
            if (
                named
                and conn.execute(
                    "DELETE FROM party_aliases WHERE party_id = ? AND alias_key = ?",
                    (party.id, name_key(named[0])),
                ).rowcount
            ):
                continue
            if not named and alias_typed(alias, party) is None:
                raise CasetrackError(
                    f"{party.name!r} is the party's name, not an alias: change it with"
                    " 'casetrack party rename'"
                )
            known = (  # its aliases as every message says them: 'Morel, Anne' is one
                f"the party is {known_as(party.name, party.aliases, quoted=True)}"
                if party.aliases
                else "it has none"
            )
            raise NotFoundError(
                f"{clean_text(alias)!r} is not an alias of {party.name!r}"
                f"{did_you_mean(alias, party.aliases)}: {known}"
            )
    return get_party_by_id(store.conn, party.id)


def edit_party(store: Store, name: str, kind: str | None) -> tuple[Party, bool]:
    """Change what kind of party it is; returns the party and whether it changed (a party
    of that kind already is not written: the command changed nothing). Given no kind, it
    is refused as every edit given nothing to change is."""
    kind = None if kind is None else check_party_kind(kind)
    with store.write() as conn:
        party_id = require_party_id(conn, name)
        if kind is None:
            raise nothing_to_change(f"--kind ({', '.join(PARTY_KINDS)})", "party edit", only=True)
        changed = set_changed(conn, "parties", party_id, {"kind": kind})
    return get_party_by_id(store.conn, party_id), changed


def remove_party(store: Store, name: str) -> Party:
    """Delete a party with its aliases; refused while a milestone (even in the trash) links it."""
    from casetrack.trash import used_by

    with store.write() as conn:
        party = get_party_by_id(conn, require_party_id(conn, name, addable=False))
        links = "m.id IN (SELECT milestone_id FROM milestone_parties WHERE party_id = ?)"
        linked = used_by(conn, links, (party.id,))
        if linked:
            quoted = '"' + party.name.replace('"', '\\"') + '"'
            ids = conn.execute(f"SELECT m.id FROM milestones m WHERE {links} LIMIT 2", (party.id,))
            only = [str(i) for (i,) in ids]
            edit = (
                f"with 'casetrack edit {only[0]}"
                if len(only) == 1
                else "from each with 'casetrack edit ID"
            )
            raise CasetrackError(
                f"party {party.name!r} is linked to {linked}: fold it into another with"
                f" 'casetrack party merge KEEP {quoted}', or unlink it {edit}"
                f" --remove-party {quoted}'"
            )
        conn.execute("DELETE FROM party_aliases WHERE party_id = ?", (party.id,))
        conn.execute("DELETE FROM parties WHERE id = ?", (party.id,))
    return party
