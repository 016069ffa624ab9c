"""Parties a sentence names: known ones by any alias, organisations the text introduces as
"Full Name (ACRONYM)", and people, organisations and courts found by their shape: a title
("Judge", "Maître", "M."), organisation and court words ("Department of ...", "tribunal
correctionnel de Paris"), a capitalised name ("Reggie Horton"), a caption ("McNabb v.
Harrison"). "He", "the court" or "Petitioner" stand for the last party of that type named.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from casetrack.extract.text import Regex, fold, normalise_space


@dataclass(frozen=True)
class NewParty:
    """A party the text introduces and the store may lack: "Full Name (ACRONYM)" (an
    organisation with its acronym as alias) or a name found by its shape."""

    name: str
    alias: str = ""
    kind: str = "organization"  # person, organization, court, agency, other
    official: bool = field(default=False, compare=False)  # named by an office: "Judge X"

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "alias": self.alias, "kind": self.kind}


_CONNECTORS = frozenset(
    ("of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "les", "l", "d",
     "et", "pour", "von", "der", "für", "y", "del", "e", "da", "do", "dos", "das", "di", "della",
     "per", "und", "zur", "voor", "van", "het", "icin", "ve")
)  # fmt: skip  # "Özgürlük İçin Hukukçular Derneği (ÖHD)": "için" (for) is skipped
_ACRONYM_IN_BRACKETS = Regex(
    r"\(\s*(?:the\s+)?[\"\u201c\u00ab]?\s*"
    r"(?P<acronym>[A-ZÀ-ÖØ-Þ\u0100-\u017f][A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f0-9&.-]{1,11})"
    r"\s*[\"\u201d\u00bb]?\s*\)"
)  # "(NCRI)", '("SEC")', "(“DHS”)", "(ÖHD)"
_NAME_WORD = Regex(r"[^\W\d_][\w'\u2019.-]*$")


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
    word = re.sub(r"^[dlDL]['\u2019](?=\w)", "", words[end - 1])  # "l'Yonne" spells Y
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
class PartyName:
    """One way of writing a party: matched folded, or exactly for a new acronym."""

    party: str
    pattern: re.Pattern[str]
    exact: bool
    first_word: str = ""  # folded: only a sentence holding it is searched


class Names:
    """The ways of writing every party, by first word: a long text names hundreds of
    parties, and each sentence is searched only for those whose first word it holds. `court`
    is the court the text is a decision of when its shape says so without naming it in its
    head (an ECHR application number)."""

    def __init__(
        self, names: Sequence[PartyName], court: str | None = None, cassation: str | None = None
    ) -> None:
        self.court = court
        self.cassation = cassation  # the Cour de cassation, when the text cites its decisions
        self.officials: frozenset[str] = frozenset()  # parties in office: "Judge X", counsel
        self.counsel: frozenset[str] = frozenset()  # lawyers: "Me X", "X, Esq., for appellant"
        self.by_word: dict[str, list[PartyName]] = {}
        for name in names:
            self.by_word.setdefault(name.first_word, []).append(name)

    @property
    def party_names(self) -> set[str]:
        """Every party with a way of writing it."""
        return {name.party for names in self.by_word.values() for name in names}

    def among(self, folded: str) -> list[PartyName]:
        """The names whose first word the text holds, in the text's order: a set's order would
        change with Python's hash seed, and so would which of two names at one place wins."""
        words = dict.fromkeys(["", *re.findall(r"\w+", folded)])
        return [name for word in words for name in self.by_word.get(word, ())]


def _party_name(party: str, written: str, exact: bool) -> PartyName:
    words = re.findall(r"\w+", fold(written))
    return PartyName(party, _name_pattern(written, exact), exact, words[0] if words else "")


def _name_pattern(name: str, exact: bool) -> re.Pattern[str]:
    """A name as written, its words maybe wrapped onto the next line ("Ministry of\nWidgets")."""
    body = re.escape(name if exact else fold(name)).replace("\\ ", r"\s+")
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def party_names(
    text: str, known: Sequence[tuple[str, Sequence[str]]]
) -> tuple[Names, dict[str, NewParty]]:
    """Names to look for: known parties by any alias, and organisations the text introduces."""
    names: list[PartyName] = []
    known_folded: dict[str, None] = {}  # in order, as _Taken's first holder wins
    for primary, aliases in known:
        for alias in (primary, *aliases):
            if alias.strip():
                known_folded[fold(alias.strip())] = None
                names.append(_party_name(primary, alias.strip(), False))
    new: dict[str, NewParty] = {}
    introduced: list[str] = []  # names spelt out before an acronym, known or new
    for m in _ACRONYM_IN_BRACKETS.rx.finditer(text):
        acronym = m.group("acronym").rstrip(".")
        # The paragraph before the brackets: a name may wrap onto the next line.
        line = re.split(r"\n\s*\n", text[max(0, m.start() - 200) : m.start()])[-1]
        name = _expand_acronym(line, acronym)
        if name is None:
            continue
        name = re.sub(r"^(?:[Tt]he|[Ll]es?|[Ll]a|[Ll]['\u2019])\s*", "", name)
        name = re.sub(r"['\u2019]s$", "", name)  # "Customs Enforcement's (ICE)"
        if _publisher(name):
            continue  # "l'Agence France Presse (AFP)": who reports, no party
        introduced.append(fold(name))
        if fold(name) in known_folded or fold(acronym) in known_folded or name in new:
            continue
        new[name] = NewParty(name, acronym, _kind_of(name, "organization"))
        names.append(_party_name(name, name, False))
        names.append(_party_name(name, acronym, True))
    taken = _Taken([*known_folded, *introduced, *(fold(p.alias) for p in new.values())])
    owner = {fold(alias): primary for primary, aliases in known for alias in (primary, *aliases)}
    owner.update((fold(p.name), p.name) for p in new.values())
    roles: dict[str, set[str]] = {OFFICIAL: set(), COUNSEL: set()}
    for name, kind, aliases, role in shaped_names(text):
        folded = fold(name)
        holder = taken.holder(folded)
        if holder is not None and holder in owner:
            held = owner[holder]
            held_kind = new[held].kind if held in new else _kind_of(held, "other")
            holder = None if _another_body(folded, kind, holder, held_kind) else holder
        if holder is not None:  # a known or earlier party, maybe written another way
            if holder in owner:
                shorter = (name,) if len(folded) < len(holder) else ()  # "Rajavi"
                for written in (*shorter, *aliases):
                    names.append(_party_name(owner[holder], written, written in aliases))
                if role:  # "U.S. Attorney Jane Roe" known to the store: still in office
                    roles[role].add(owner[holder])
            continue
        taken.add(folded)
        owner[folded] = name
        if role:
            roles[role].add(name)
        new[name] = NewParty(name, "", kind, bool(role))
        names.append(_party_name(name, name, False))
        for alias in aliases:
            names.append(_party_name(name, alias, True))
    names.extend(_known_surnames(known, new))
    spelt = {fold(p.alias) for p in new.values() if p.alias}
    names.extend(_acronyms(text, known, new, {*known_folded, *owner, *spelt}))
    court = None
    for shape, name, alias in _IMPLIED_COURTS:
        if shape.rx.search(text):
            court = owner.get(fold(name)) or (owner.get(fold(alias)) if alias else None)
            if court is None:
                court = name
                new[name] = NewParty(name, alias, "court")
                names.append(_party_name(name, name, False))
                if alias:
                    names.append(_party_name(name, alias, True))
            break
    for m in _ATTACKED_AT.rx.finditer(text):  # "l'arrêt attaqué (Grenoble, 1er octobre 2019)"
        place = m.group("place")
        name = "cour d'appel " + ("d'" if fold(place)[:1] in "aeiouyh" else "de ") + place
        party = owner.get(fold(name))
        if party is None:
            party = name
            owner[fold(name)] = name
            new.setdefault(name, NewParty(name, "", "court"))
            names.append(_party_name(name, name, False))
        names.append(_party_name(party, m.group("written"), True))
    cassation = None
    if _CASSATION_CITED.rx.search(text):
        cassation = owner.get(fold(_CASS)) or (_CASS if _CASS in new else None)
        if cassation is None:
            cassation = _CASS
            owner[fold(_CASS)] = _CASS
            new[_CASS] = NewParty(_CASS, "", "court")
            names.append(_party_name(_CASS, _CASS, False))
    found = Names(names, court, cassation)
    for m in _SHORT_NAME.rx.finditer(text):  # "Acme Mortgage Corporation (Acme or Respondent)"
        before = re.sub(r"['\u2019]s\s*$", "", text[max(0, m.start() - 200) : m.start()].rstrip())
        party = _named_last(before, found)
        if party is not None and m["short"] in party.split() and m["short"] != party:
            found.by_word.setdefault(fold(m["short"]), []).append(
                _party_name(party, m["short"], True)
            )
    found.officials = frozenset(roles[OFFICIAL] | roles[COUNSEL])
    found.counsel = frozenset(roles[COUNSEL])
    return found, new


OFFICIAL, COUNSEL = "official", "counsel"  # the roles a name's shape gives a person
# A short name given in brackets after the full one, as orders and contracts define them: "The
# Federal Trade Commission (Commission)", "Acme Mortgage Corporation's (Acme or Respondent, as
# defined below)".
_SHORT_NAME = Regex(
    r"\(\s*(?:the\s+)?[\"\u201c]?(?P<short>[A-Z][a-z]{2,})[\"\u201d]?\s*(?:\)|,|\s+or\s+)"
)


def _named_last(before: str, names: Names) -> str | None:
    """The party whose name ends `before`, if any."""
    folded = fold(before)
    for name in names.among(folded):
        for m in name.pattern.finditer(before if name.exact else folded):
            if m.end() == len(folded):
                return name.party
    return None


_CASS = "Cour de cassation"
# A decision attacked before the Cour de cassation, by the place of the cour d'appel that made
# it: "Selon l'arrêt attaqué (Grenoble, 1er octobre 2019)".
_ATTACKED_AT = Regex(
    r"\barr[êe]t\s+attaqu[ée]\s*(?P<written>\((?P<place>[A-ZÀ-ÖØ-Þ][\w'\u2019]*(?:-[\w'\u2019]+)*"
    r"(?:[ \t][A-ZÀ-ÖØ-Þ][\w'\u2019-]*)?),)"
)
# A decision of the Cour de cassation cited by its chamber: "(3e Civ., 7 septembre 2017",
# "Crim. 5 mai 2010", "Cass. soc., 3 juin 2015"; the date follows.
_CASSATION_CITED = Regex(
    r"(?:\b(?:[1-3](?:re|e|ème)\s+)?(?:Civ|Crim|Com|Soc)\.|\bCass\.(?:\s+\w+\.)?|"
    r"\bAss\.\s*pl[ée]n\.|\bCh\.\s*mixte)\s*,?\s*(?=\d{1,2}(?:er)?\s+\w+\.?\s+\d{4})"
)


# An acronym alone, in a text that spells it out nowhere: "the FTC" in a page naming the Federal
# Trade Commission once; "arrested by the DGSI", "interpellé par la DGSI", "the SEC's complaint".
_BARE_ACRONYM = Regex(r"(?<![\w.&'\u2019-])[A-Z]{2,6}(?![\w&-]|\.\w)")
_ACTING_ACRONYM = Regex(
    r"\b(?:(?:by|par)[ \t]+(?:the|la|le|l['\u2019])[ \t]*|[Tt]he[ \t]+(?=[A-Z]{2,6}['\u2019]s\b))"
    r"(?P<acronym>[A-Z]{2,6})(?![\w&-]|\.\w)"
)


def _initials(name: str) -> str:
    """The capitals a name's words begin with, its connectors left out: "FTC" for "Federal
    Trade Commission", "DHS" for "Department of Homeland Security"."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", name)
    return "".join(w[0] for w in words if fold(w) not in _CONNECTORS and w[0].isupper())


def _acronyms(
    text: str,
    known: Sequence[tuple[str, Sequence[str]]],
    new: dict[str, NewParty],
    written: set[str],
) -> list[PartyName]:
    """Acronyms the text uses alone: of a body it names in full elsewhere, whose initials
    spell it ("FTC" for the Federal Trade Commission), that body's alias; else, where a
    sentence makes it act ("arrested by the DGSI"), a party of its own. `written` holds the
    folded names and aliases given already."""
    spelled: dict[str, list[str]] = {}
    bodies = [p.name for p in new.values() if p.kind in _BODIES and not p.alias]
    bodies += [primary for primary, _ in known if _kind_of(primary, "other") in _BODIES]
    for name in bodies:
        spelled.setdefault(_initials(name), []).append(name)
    found = []
    for acronym in dict.fromkeys(m.group() for m in _BARE_ACRONYM.rx.finditer(text)):
        owners = spelled.get(acronym, [])
        if fold(acronym) in written or len(owners) != 1:
            continue
        found.append(_party_name(owners[0], acronym, True))
        if owners[0] in new:
            new[owners[0]] = replace(new[owners[0]], alias=acronym)
        written.add(fold(acronym))
    for m in _ACTING_ACRONYM.rx.finditer(text):
        acronym = m["acronym"]
        if fold(acronym) in written or fold(acronym) in _NOT_NAMES:
            continue
        new[acronym] = NewParty(acronym, "", "organization")
        found.append(_party_name(acronym, acronym, True))
        written.add(fold(acronym))
    return found


def _known_surnames(
    known: Sequence[tuple[str, Sequence[str]]], new: dict[str, NewParty]
) -> list[PartyName]:
    """A known person's surname alone, in capitals as a press release writes it ("BENALI was
    arrested" for Karim Benali) or not ("Benali pleaded guilty"; not "Benali Holdings"), where
    no other person known or named in the text has it."""
    surnames: dict[str, list[str]] = {}
    for primary, _ in known:
        surname = _surname(primary) if _kind_of(primary) == "person" else None
        if surname is not None:
            surnames.setdefault(surname, []).append(primary)
    for party in new.values():
        surname = _surname(party.name) if party.kind == "person" else None
        if surname is not None and surname in surnames:
            surnames[surname].append(party.name)
    found = []
    for surname, owners in surnames.items():
        if len(set(owners)) == 1:
            found.append(_party_name(owners[0], surname.upper(), True))
            alone = re.compile(rf"(?<![\w.'\u2019-]){re.escape(surname)}(?![\w'\u2019-]|\s+[A-Z])")
            found.append(PartyName(owners[0], alone, True, fold(surname)))
    return found


ECHR = "European Court of Human Rights"
CEDH = "Cour européenne des droits de l'homme"
# Courts a text is a decision of by its shape, though its head may not name them: an ECHR
# application number; a French decision headed "Cass., Crim., 5 septembre 2023".
_IMPLIED_COURTS = (
    (Regex(r"\bApplications?\s+(?:no\s?\.?|number\(s\)\s*:)\s*\d+/\d\d\b"), ECHR, "ECHR"),
    (Regex(r"\bRequ[êe]tes?\s+n[o°]s?\s?\.?\s*\d+/\d\d\b"), CEDH, "CEDH"),  # its French texts
    (Regex(r"\A\W*Cass\.,?\s"), "Cour de cassation", ""),
    # A chamber's decision headed as the Bulletin heads it: "2e Civ., 4 février 2021, n° ...".
    (
        Regex(
            r"\A.{0,600}?^\W*(?:[1-3](?:re|e|ème)\s+)?(?:Civ|Crim|Com|Soc)\.,?\s+\d{1,2}(?:er)?"
            r"\s+\w+\.?\s+\d{4},?\s+(?:n°|pourvoi)",
            re.MULTILINE | re.DOTALL,
        ),
        "Cour de cassation",
        "",
    ),
)


def head_parties(head: str, names: Names) -> list[str]:
    """The parties a text's head names, the court its shape says it is a decision of first;
    not the court appealed from ("Direct Appeal from the Criminal Court for Davidson County")."""
    lower = {m["court"] for m in _APPEALED_FROM.rx.finditer(head)}
    named = [p for p in parties_in(head, names) if not any(fold(p) == fold(c) for c in lower)]
    for m in _COMPOSED.rx.finditer(head):  # "La Cour X, composée de ...": the court deciding
        composed = _named_last(head[max(0, m.start() - 120) : m.start()], names)
        if composed is not None and _kind_of(composed) == "court":
            named = [composed, *(p for p in named if p != composed)]
            break
    if names.court is None:
        return named
    return [names.court, *(party for party in named if party != names.court)]


_COMPOSED = Regex(r",?\s+(?:compos[ée]e?\s+d|composed\s+of\b)")
_APPEALED_FROM = Regex(
    r"\b(?:[Aa]ppeal(?:ed)?|APPEAL)\s+from\s+(?:the\s+)?(?P<court>[A-Z][^;,.\n]{3,80}?)(?=[;,.\n])"
)


class _Taken:
    """Folded names already given a party, by word, to tell a new name from a variant."""

    def __init__(self, names: Sequence[str] = ()) -> None:
        self.by_word: dict[str, list[str]] = {}
        for name in names:
            self.add(name)

    def add(self, folded: str) -> None:
        for word in dict.fromkeys(re.findall(r"\w+", folded)):
            self.by_word.setdefault(word, []).append(folded)

    def holder(self, folded: str) -> str | None:
        """A name taken that holds this one as whole words, or that this one holds."""
        words = dict.fromkeys(re.findall(r"\w+", folded))  # in order: the first holder wins
        others = (other for word in words for other in self.by_word.get(word, ()))
        return next((other for other in others if _same_words(folded, other)), None)


_BODIES = frozenset({"court", "agency", "organization"})


def _another_body(folded: str, kind: str, held: str, held_kind: str) -> bool:
    """Whether a name holding the words of one taken (`held`, as written) is another party: a
    court, an agency or an organisation named after a place or a state ("Supreme Court of
    Pennsylvania" after "COMMONWEALTH of Pennsylvania v. ..."); not one holding a person's
    name ("City Police Chief John Doe" is John Doe in office); nor a court and an office or body
    whose name holds the court's ("Procureur général près la Cour des comptes")."""
    if kind != held_kind and "court" in (kind, held_kind) and {kind, held_kind} <= _BODIES:
        return True
    return len(folded) > len(held) and kind in _BODIES and held_kind == "other"


def _same_words(one: str, other: str) -> bool:
    """Whether one folded name holds the other as whole words ("horton", "reggie horton")."""
    a, b = (" " + " ".join(re.findall(r"\w+", name)) + " " for name in (one, other))
    return bool(a.strip() and b.strip()) and (a in b or b in a)


# ------------------------------------------------------------------ names by their shape
_EXTENDED = "\u0100-\u017f"  # Latin Extended-A, both cases: "Marguš", "Rīga", "Wałęsa"
_UPPER = "A-ZÀ-ÖØ-Þ" + _EXTENDED
_LOWER = "a-zß-öø-ÿ" + _EXTENDED
_TOKEN = (
    rf"(?:Mc[{_UPPER}][{_LOWER}]+|O'[{_UPPER}][{_LOWER}]+|[{_UPPER}][{_LOWER}'\u2019]+"
    rf"(?:-[{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]\.(?:[{_UPPER}]\.)*)"
)
# Offices: a person named by one acts for the state or the court, and is not the "he" or
# "the defendant" of the story.
_OFFICES = (
    r"Chief Justice|Justice|Judge|Special Judge|District Judge|Magistrate|Prosecutor|"
    r"Attorney General|Chancellor|juge|procureure?|Governor|Senator|Special Agent(?: in Charge)?|"
    r"Agent|(?:Assistant )?(?:U\.S\.|United States|District|State) Attorney|Detective|Sheriff|"
    r"Inspector General|Inspector|Commissioner|Superintendent|Officer|Trooper|Sergeant|Captain|"
    r"Lieutenant|Public Defender"
)
# An office without the person holding it: "Kenneth L. Wainstein, Assistant Attorney General".
_OFFICE_ALONE = Regex(
    rf"(?:(?:Acting|Assistant|Deputy|Associate|Chief|Special|Principal)\s+)*(?:{_OFFICES})"
)
_TITLES = rf"(?:{_OFFICES}|Ma[îi]tre|Me|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
_OFFICE = Regex(rf"\b(?:{_OFFICES}),?\s+(?:(?:Mr|Mrs|Ms|Dr|M|Mme)\.?\s+)?$")
_OFFICE_AFTER = Regex(
    rf",\s+(?:(?:the|an?|their|his|her|its)\s+)?(?:{_OFFICES})\b|,\s+(?:J|JJ|C\.\s?J|P\.\s?J)\.(?!\w)"
)
# A person's particles: no "and" ("Mr Ivan Orel and Ms Olga Ruse" are two people).
_PARTICLE = r"(?:de|du|des|van|von|der|den|da|di|le|la|bin|ben|al|d'|l')"
# French titles ("M. Guy Martin", "Mme Anne Roux"), titles one after another ("Mr. Justice
# Curtis"); a name in capitals after them ("Mme Anne
# ROUX, Greffier") is _TITLED_CAPS's, which leaves them out: a decision's clerk and judges.
_TITLED = Regex(
    rf"\b(?:(?:{_TITLES}|M\.|Mme|Mlle)\s+)+"
    rf"(?P<name>(?:{_TOKEN}|[{_UPPER}]-[{_LOWER}]+)"  # "O-gon Kwon"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN}){{0,3}})(?![ \t]+[{_UPPER}]{{2}})"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# Names a French decision hides: "M. Rémi X...", "Mme [K]", or "D... François" (the surname's
# initial, then the first name, as older decisions write them).
_ANONYMISED = Regex(
    rf"\b(?:M\.|MM\.|Mme|Mlle|Monsieur|Madame)[ \t]+(?:[{_UPPER}][{_LOWER}-]+[ \t]+)?"
    rf"(?:[{_UPPER}]\.\.\.(?:[ \t]*[{_UPPER}]\.\.\.)?|\[[{_UPPER}]\](?:[ \t]*\[[{_UPPER}]\])*)"
    rf"|(?<![\w.])[{_UPPER}]\.\.\.[ \t]+[{_UPPER}](?:[{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
    rf"|[{_UPPER}]+(?:-[{_UPPER}]+)?(?=[ \t]*(?:,|;|$)))\b",
    re.MULTILINE,
)  # "- X... PATRICK," listing the appellants of a decision written in capitals
# A person a decision names by a title and one letter, a first name maybe before it: "M. X",
# "Mme Halima A", "MM. X et Y" (two people); and as Swiss decisions hide names: "A______",
# "X.________", "H._" (a company with its legal form: "B._ SA", "K._ SAS").
_TITLED_LETTER = Regex(
    rf"\b(?P<title>M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?)[ \t]+(?:{_TOKEN}[ \t]+){{0,2}}"
    rf"[{_UPPER}](?![\w.'\u2019\u2026-])"
)
_TWO_LETTERS = Regex(
    rf"\bMM\.[ \t]+(?P<first>[{_UPPER}])[ \t]+(?:et|and)[ \t]+(?P<second>[{_UPPER}])"
    r"(?![\w.'\u2019])"
)
_UNDERSCORED = Regex(
    rf"(?<![\w.])[{_UPPER}](?:\._+|_{{3,}})"
    r"(?P<form>[ \t]+(?:SA|SAS|SARL|S[àa]rl|AG|GmbH|SNC|SCI|Ltd|Inc\.?|LLC)(?![\w.]))?"
)
# A person the Swiss federal courts hide behind one capital and a point, as their lists of
# hearings write them: "A. (appelant) contre le jugement", "contre A. et B. pour", "A., B. et
# X SA ont déclaré appel", "reproché à A. d'avoir". A word in lower case, a bracket, a comma or
# "et" follows; a capital word would make it an initial ("A. Nouwatin") or a heading ("B. Le
# Ministère public"), and an initial before it the second of two ("A. N.").
_LONE_LETTER = Regex(
    rf"(?<![\w.'\u2019-])(?<![{_UPPER}]\.[ \t])[{_UPPER}]\."
    rf"(?=[ \t]*[(,;]|[ \t]+(?:et|and)[ \t]+[{_UPPER}]\.(?!\w)|[ \t]+[{_LOWER}]+(?:\b|['\u2019]))"
)
# A person a report names by a first name and the initial of the surname: "Le militant Karim B.
# a été arrêté", "Sarah K., 34, was charged" (the whole is the name, not the letter alone).
_NAMED_LETTER = Regex(
    rf"(?<![\w.'\u2019-])(?P<first>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)[ \t]+"
    rf"[{_UPPER}]\.(?=[ \t]*[(,;]|[ \t]+[{_LOWER}]+(?:\b|['\u2019]))"
)
# People a West African or Malagasy decision introduces as "sieur" or "dame", the surname first
# in capitals: "sieur RABENOROLAHY Benjamin", "les sieurs BOSSA Martial et ALLADASSI Zinsou".
_SIEUR_NAME = (
    rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})*[ \t]+[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
    rf"(?:[ \t]+[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)?(?![\w'\u2019.-])"
)
_SIEUR = Regex(
    rf"\b(?:[Ss]ieurs?|[Dd]ames?|[Dd]emoiselles?)[ \t]+(?P<first>{_SIEUR_NAME})"
    rf"(?:,?[ \t]+(?:et[ \t]+)?(?P<second>{_SIEUR_NAME}))?"
)
# A title and a name whose surname is in capitals, the title maybe too: "Me Pierre VIVIANI",
# "Madame Béatrice MARS", "CHIEF U.S. DISTRICT JUDGE EDMUND A. SARGUS, JR."
# A person or company a Luxembourg decision hides behind a numbered placeholder: "PERSONNE1.)",
# "SOCIETE2.)" (its "DATE1.)" and "ADRESSE1.)" hide no one).
_PLACEHOLDER = Regex(r"(?<![\w.])(?P<kind>PERSONNE|SOCI[EÉ]T[EÉ])\d{1,3}\.\)")
# A French-speaking decision's caption, one side a line, "C/" (contre) between them, a side
# that writes a person surname first in capitals: "BAAKLINI Antoine\nC/\nKORGO Issaka",
# "KONDOMBO T. Marcel".
_AGAINST_CAPTION = Regex(
    r"^[ \t]*(?P<first>[^\n]{3,80}?)[ \t]*\n\s*C/[ \t]*\n\s*(?P<second>[^\n]{3,80}?)[ \t]*$",
    re.MULTILINE,
)
_SURNAME_FIRST = Regex(
    rf"[{_UPPER}]{{2,}}(?:[ -][{_UPPER}]{{2,}})?(?:[ \t]+[{_UPPER}]\.)*"
    rf"(?:[ \t]+[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?){{1,3}}"
)
_CAPS_SURNAME = rf"(?:[{_UPPER}]\.[ \t]+)*[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})*"
_TITLED_CAPS = Regex(
    rf"\b(?:{_TITLES}|JUDGE|JUSTICE|MAGISTRATE|Madame|Monsieur)[ \t]+"
    rf"(?P<name>(?:{_TOKEN}[ \t]+){{0,2}}{_CAPS_SURNAME}(?:[ \t]+{_CAPS_SURNAME}){{0,2}})"
    r"(?![\w'-]|\.\w)"
)
# An office written after a titled name: "Mme Magali Sellès Juge des référés".
_OFFICE_LAST = Regex(r"[ \t]+(?:Juge|Judge|Pr[ée]sidente?|Greffi[eè]re?|Rapporteure?)$")
_ORG_WORD_IN_CAPS = Regex(r"\b(?:COURT|OFFICE|DEPARTMENT|COUNTY|STATE|DISTRICT|BUREAU)\b")
# A French company: "la société Icauna", "la société anonyme Virtus", "LA SOCIETE USINOR"; not
# a firm of lawyers ("société civile professionnelle").
_CAPS_WORD = r"(?!(?:ET|DE|DU|DES|LA|LE|LES|EN|AU|AUX|A)\b)[A-Z\u00c0-\u00de]{2,}"
_COMPANY = Regex(
    r"\b(?:soci[ée]t[ée]|SOCI[ÉE]T[ÉE])\s+(?!civile professionnelle|CIVILE PROFESSIONNELLE)"
    r"(?:(?:anonyme|ANONYME|civile|CIVILE|coop[ée]rative)\s+)?"
    rf"(?P<name>(?:[LD]['\u2019])?(?:{_TOKEN}|{_CAPS_WORD})"
    rf"(?:[ \t]+(?:{_TOKEN}|{_CAPS_WORD})){{0,3}})"
)  # "la société L'Araignée de la roche"
# An association, a union or a foundation introduced by its kind, its name in capitals or
# capitalised: "L'association NON AU PONT D'ACHERES a demandé", "le syndicat SUD Rail",
# "la fondation Abbé Pierre".
_CAPS_RUN = r"[A-ZÀ-Þ][A-ZÀ-Þ'\u2019-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'\u2019-]*)*(?![\w'\u2019-])"
_ASSOCIATION = Regex(
    r"\b(?:[Ll]['\u2019][ \t]?association|[Ll]e[ \t]+(?:syndicat|collectif)"
    r"|[Ll]a[ \t]+(?:fondation|f[ée]d[ée]ration|ligue|coordination))[ \t]+"
    rf"(?P<name>(?:{_CAPS_RUN}|{_TOKEN})(?:[ \t]+(?:{_TOKEN}|{_CAPS_WORD})){{0,3}})"
)
# A side of a caption in capitals on its own line, its role on the next: "BETWEEN:\n\nISABEL
# WEBER,\n\nAppellant,\n\nand\n\nHER MAJESTY THE QUEEN,\n\nRespondent."
_BETWEEN_SIDE = Regex(
    r"^[ \t]*(?P<name>[A-Z][A-Z'\u2019.-]+(?:[ \t]+[A-Z][A-Z'\u2019.-]*){1,4}),?[ \t]*\n\s*"
    r"(?:Appellant|Applicant|Respondent|Petitioner|Plaintiff|Defendant|APPELLANT|APPLICANT"
    r"|RESPONDENT|PETITIONER|PLAINTIFF|DEFENDANT)S?\b",
    re.MULTILINE,
)
_CROWN = Regex(r"\b(?:QUEEN|KING|MAJESTY|CROWN|STATE|COMMONWEALTH|PEOPLE|GOVERNMENT|MINISTER)\b")
# The State an application is brought against: "Vu la requête introduite ... contre l'Italie".
_AGAINST_STATE = Regex(
    r"\b(?:[Rr]equ[êe]te|[Aa]pplication[ \t]+no)\b[^;.]{0,120}?\b(?:contre|against)[ \t]+"
    r"(?:la[ \t]+|le[ \t]+|l['\u2019][ \t]*|the[ \t]+)?(?![ÉE]tat\b|State\b)"
    rf"(?P<state>[{_UPPER}][{_LOWER}]+"
    rf"(?:[ \t]+[{_UPPER}][{_LOWER}]+)?)\b"
)
# The French State as a party to an administrative case, condemned to pay or made to bear the
# costs: "a condamné l'Etat à verser", "à la charge de l'État" (not "l'État partie" of a treaty
# body, nor "l'État islamique", nor a State "de" or "du" somewhere, nor the State a law protects:
# "les infractions contre l'Etat").
_FRENCH_STATE = Regex(
    r"\b(?:condamn[ée]?[er]?s?|charge[ \t]+de)[ \t]+(?:solidairement[ \t]+)?"
    r"[Ll]['\u2019](?P<name>[ÉE]tat)(?![\w'\u2019-])"
    r"(?![ \t]+(?:parties?|islamique|membres?|requ[ée]rant|requis|f[ée]d[ée]ral|h[ée]breu"
    r"|de|du|des|d['\u2019]|[A-ZÀ-Þ]))"
)
# A French association by its kind and members: "la fédération des forains de France", "le
# syndicat des agents de la commune".
_FRENCH_BODY = Regex(
    r"\b(?:[Ll]a|[Ll]e|[Ll]['\u2019])[ \t]*(?P<name>(?:f[ée]d[ée]ration|association|syndicat"
    r"|conf[ée]d[ée]ration|collectif|ligue)[ \t]+(?:(?:des|de[ \t]+la|du)[ \t]+|de[ \t]+l['\u2019]"
    r"|d['\u2019])[a-zà-ÿ]{3,}(?:[ \t]+(?:(?:de|des|du)[ \t]+|d['\u2019])(?:[A-ZÀ-Þ][\w-]+"
    r"|[a-zà-ÿ]{3,})){0,2})"
)
# An organisation's short name the text defines: "(ci-après désigné le « SNPCA-CFE-CGC »)",
# '(hereinafter "DPL")'.
_DEFINED = Regex(
    r"\b(?:ci[- ]apr[eè]s|hereinafter)\s+(?:(?:d[ée]sign[ée]e?s?|d[ée]nomm[ée]e?s?|called|"
    r"referred to as)\s+)?(?:par\s+)?(?:le\s+|la\s+|l'|the\s+)?[«\"\u201c]\s*"
    r"(?P<name>[A-Z][A-Z0-9&.-]{1,20})\s*[»\"\u201d]"
)
# A party sued by name though written like a place: "a lawsuit against Sarasota County".
_SUED_PLACE = Regex(
    rf"\b(?:against|sued|sues|suing)\s+(?:the\s+)?(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}"
    r"[ \t]+(?:County|City|Township|Borough|Parish|Town|Village))\b"
)
# A UN treaty body, which decides on communications as a court decides: "Human Rights
# Committee", "Comité des droits de l'homme" (some copies space its apostrophe).
_APOSTROPHE = r"[ \t]?['\u2019][ \t]?"
_TREATY_BODY = Regex(
    r"Human Rights Committee|Committee (?:against Torture|on (?:the )?(?:Rights of (?:the Child"
    r"|Persons with Disabilities)|Elimination of (?:Racial )?Discrimination(?: against Women)?"
    r"|Economic, Social and Cultural Rights|Enforced Disappearances))"
    rf"|Comit[ée] (?:des droits (?:de l{_APOSTROPHE}homme|de l{_APOSTROPHE}enfant"
    r"|des personnes handicap[ée]es|[ée]conomiques, sociaux et culturels)|contre la torture"
    rf"|pour l{_APOSTROPHE}[ée]limination de la discrimination (?:raciale"
    rf"|[àa] l{_APOSTROPHE}[ée]gard des femmes)|des disparitions forc[ée]es)"
)
# The labels heading a treaty body's decision on a communication: "Communication présentée
# par : A. N. (représenté par un conseil)", "Communication submitted by :Islam Johar", "État
# partie : Bélarus", "States parties: Luxembourg and France" (some copies space the plural:
# "État s partie s").
_AUTHOR_LABEL = Regex(
    r"^[ \t]*(?:Communication(?:[ \t]?s)?[ \t]+pr[ée]sent[ée]e(?:[ \t]?s)?[ \t]+par|Pr[ée]sent[ée]e"
    r"[ \t]+par|(?:Communication[ \t]+)?[Ss]ubmitted[ \t]+by)[ \t]*:\s*(?P<name>[^\n(:]{2,60}?)"
    r"[ \t]*(?:\(|$)",
    re.MULTILINE,
)
_STATE_PARTY_LABEL = Regex(
    r"^[ \t]*(?:[ÉE]tat(?:[ \t]?s)?[ \t]+partie(?:[ \t]?s)?|States?[ \t]+part(?:y|ies))[ \t]*:\s*"
    r"(?P<name>[^\n(:]{2,60}?)[ \t]*$",
    re.MULTILINE,
)
_AND = Regex(r"[ \t]+(?:and|et)[ \t]+|,[ \t]*")
_ORG_WORDS = (
    "Court", "Courts", "Tribunal", "Cour", "Department", "Ministry", "Office", "Association",
    "University", "Board", "Commission", "Council", "Agency", "Bureau", "Division", "Project",
    "Company", "Corporation", "Union", "League", "Ligue", "Mouvement", "Syndicat", "Service",
    "Police", "Government", "Bank", "Party", "Foundation", "Institute", "Authority", "LLC",
    "Inc", "Ltd", "Chamber", "Parliament", "Committee", "Group", "Organization", "Organisation",
    "Branch", "Federation", "Cartel", "Administration", "Force", "Unit", "Team", "Investigations",
    "Operations", "Enforcement", "Security", "Services", "Prison", "Jail", "Penitentiary",
    "Facility", "Center", "Centre", "Hospital", "Market", "Tribunals", "Patrol", "Guard",
    # a body by its shape, whatever it is called before: "Amnesty International", "Human Rights
    # Watch", "Fédération internationale ...", a Turkish association ("... Derneği") or foundation
    "International", "Watch", "Fédération", "Network", "Alliance", "Coalition", "Movement",
    "Society", "Observatory", "Observatoire", "Collectif", "Initiative", "Derneği", "Vakf\u0131",
)  # fmt: skip
# With the courts of Spanish, Italian and Portuguese texts ("Corte Provincial de Pichincha",
# "Juzgado Segundo de lo Penal", "Audiencia Nacional", "Tribunale di Milano").
_COURT_WORDS = frozenset(
    {"Court", "Courts", "Tribunal", "Tribunals", "Cour", "Chamber", "Division", "Corte",
     "Juzgado", "Audiencia", "Tribunale"}
)  # fmt: skip
_AGENCY_WORDS = frozenset(
    {"Department", "Ministry", "Office", "Agency", "Bureau", "Police", "Service", "Authority",
     "Government", "Commission", "Administration", "Force", "Unit", "Team", "Investigations",
     "Operations", "Enforcement", "Services", "Patrol", "Guard"}
)  # fmt: skip
_ORG_TOKEN = rf"(?:{_TOKEN}|LLC|Inc\.?|Ltd\.?|\d{{1,3}}(?:st|nd|rd|th))"  # "22nd Judicial ..."
_ORGANISATION = Regex(
    rf"(?<![\w{_UPPER}])(?P<name>{_ORG_TOKEN}(?:[ \t]+(?:(?:of|for|and|on|de|du|des|la|le|d'|l'|&)"
    rf"[ \t]+)*{_ORG_TOKEN}){{1,7}}(?:,[ \t]+(?:LLC|Inc\.?|Ltd\.?))?)"
)
# Words that end a place's name in a decision written in capitals ("COUR D'APPEL DE RIOM EN
# DATE DU ...", "COUR D'ASSISES DE LA GIRONDE SOUS LES ACCUSATIONS").
_CAPS_STOP = (
    "(?:EN|DU|DE|DES|LA|LE|LES|ET|SOUS|SUR|QUI|QUE|PAR|POUR|AU|AUX|A|DANS|STATUANT|APRES|AVEC"
    "|CONTRE|DATE|DU|R[ÉE]PUBLIQUE)"
)
_FRENCH_COURT = Regex(
    (
        r"\b(?P<name>(?:cour de justice (?:de l'union|des communaut[ée]s) europ[ée]enne"
        r"|(?:cour|commission) europ[ée]enne des droits de l'homme"
        r"|tribunal de premi[eè]re instance des communaut[ée]s europ[ée]ennes"
        r"|tribunal (?:de la fonction publique )?de l'union europ[ée]enne"
        r"|(?P<office>juge (?:d'instruction|des libert[ée]s et de la d[ée]tention|des enfants"
        # a judge deciding as a court: "juge d'instruction d'X"
        r"|de l'application des peines|de l'enqu[êe]te pr[ée]liminaire))"
        r"|tribunal (?:correctionnel|judiciaire|de grande instance|administratif"
        r"|de police|pour enfants|de commerce|d'instance|de premi[eè]re instance)"
        r"|conseil de prud'hommes|cour (?:administrative )?d'appel|cour d'assises"
        r"|cour supr[êeÊE]me"  # "la Cour suprême du Canada", "COUR SUPRÊME DU CANADA"
        r"|cour de cassation|chambre de l'instruction|parquet(?: national financier| général)?"
        r"|conseil d'[ée]tat|conseil constitutionnel|cour des comptes"
        r"|chambre r[ée]gionale des comptes|cour de discipline budg[ée]taire et financi[eè]re"
        r"|cour r[ée]gionale des pensions|tribunal d[ée]partemental des pensions"
        r"|tribunal f[ée]d[ée]ral|tribunal cantonal|chambre p[ée]nale d'appel et de r[ée]vision"
        # "Haute" is of the name: "la Haute Cour constitutionnelle" (Madagascar)
        r"|(?:haute\s+)?cour constitutionnelle|haute cour de justice"
        # as a party's name, not as a kind of court ("un tribunal pénal spécial")
        r"|(?-i:Tribunal p[ée]nal(?: f[ée]d[ée]ral)?|Minist[eè]re public))"
        # its qualifier is of its name, and so is the seat after it: "la cour d'appel
        # régionale d'Istanbul", "la cour d'appel militaire de Tunis"
        r"(?:\s+(?:r[ée]gionale?|provinciale?|militaire|sup[ée]rieure?|nationale?|sp[ée]ciale?"
        r"|f[ée]d[ée]rale?|cantonale?|islamique|[ée]conomique|(?-i:p[ée]nale|civile|criminelle))"
        rf"(?=\s+(?:de\s+la|de\s+l'|de|du|des|d')\s*(?-i:[{_UPPER}])|[\s,.;)]|$))?"
        r"(?:\s+(?:de\s+la|de\s+l'|de|du|des|d')\s*"
        r"(?!(?:tribunal|cour|chambre|conseil)\b)"  # "juge d'instruction du tribunal de X"
        # a district or a canton ("de l'arrondissement de la Broye", "du canton de Vaud")
        r"(?:(?:district|canton|arrondissement|[ée]tat)\s+(?:de\s+la|de\s+l'|de|du|d')\s*)?"
        rf"(?-i:[{_UPPER}][\w{_UPPER}-]*(?:[ -](?!{_CAPS_STOP}\b)[{_UPPER}][\w{_UPPER}-]*)*))?)"
    ).replace("'", "['\u2019]"),  # a curly apostrophe too: "Conseil d\u2019État"
    re.IGNORECASE,
)
# A chamber of a court named with its court, the chamber deciding: "la Cour des affaires pénales
# du Tribunal pénal fédéral", "la Cour d'appel du Tribunal pénal fédéral", "la Chambre des
# recours pénale du Tribunal cantonal" (the court's name follows, found by _FRENCH_COURT).
_CHAMBER_OF = Regex(
    r"\b(?:Cour|Chambre)[ \t]+(?:des|de[ \t]+la|de[ \t]+l['\u2019]|de|d['\u2019])[ \t]*"
    r"[a-zà-ÿ]{3,}(?:[ \t]+[a-zà-ÿ]{3,})?[ \t]+(?:du|de[ \t]+la)[ \t]+(?=(?:Tribunal|Cour)\b)"
)
# A grand jury, which returns indictments: "a federal grand jury", "the Vinton County Grand Jury".
_GRAND_JURY = Regex(
    rf"\b(?P<name>(?:(?:[Ff]ederal|[Ss]tate(?:wide)?|[Cc]ounty|(?:{_TOKEN}[ \t]+)+County)[ \t]+)?"
    r"[Gg]rand[ \t]+[Jj]ury)\b"
)
# A court in capitals heading its decision: "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT
# OF ARIZONA", "COURT OF APPEALS OF OHIO", "UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF NEW
# YORK" (the Southern District's court).
_CAPS_PLACE = r"(?:(?:NEW|NORTH|SOUTH|WEST|RHODE|PUERTO)\s+)?[A-Z]{3,}"
_CAPS_DISTRICT = r"(?:(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|MIDDLE|CENTRAL)\s+)?DISTRICT"
_COURT_IN_CAPITALS = Regex(
    r"(?:\bIN\s+THE\s+|^[ \t]*)(?P<name>(?:(?:UNITED\s+STATES|U\.S\.|SUPREME|SUPERIOR|DISTRICT"
    r"|CIRCUIT|BANKRUPTCY|HIGH|COUNTY|FAMILY|CRIMINAL|TAX)\s+)*COURT"
    rf"(?:\s+OF\s+(?:CRIMINAL\s+)?APPEALS)?(?:\s+OF\s+(?:THE\s+STATE\s+OF\s+)?{_CAPS_PLACE})?"
    rf"(?:\s+(?:FOR\s+THE\s+)?(?:{_CAPS_DISTRICT}\s+OF\s+{_CAPS_PLACE}|[A-Z]+\s+CIRCUIT))?)"
    r"(?![\w'\u2019])",
    re.MULTILINE,
)
_COURT_BEFORE_DISTRICT = Regex(rf"\bCOURT\s+(?={_CAPS_DISTRICT}\b)")


def _court_in_capitals(name: str) -> str:
    """A court's name in capitals as it reads: "United States District Court for the Southern
    District of New York"."""
    words = _COURT_BEFORE_DISTRICT.rx.sub("COURT FOR THE ", " ".join(name.split())).split()
    return " ".join(
        w if "." in w else w.lower() if fold(w) in _CONNECTORS else w.title() for w in words
    )


# French independent authorities, which decide on complaints: "Décision du Défenseur des droits".
_FRENCH_INSTITUTION = Regex(
    r"\b(?:D[ée]fenseur des droits"
    r"|Contr[ôo]leur g[ée]n[ée]ral des lieux de privation de libert[ée])\b"
)
# French public authorities named by their office, parties to administrative cases: "le préfet
# de la Gironde", "l'inspecteur d'académie du Gard", "le ministre de l'intérieur", "le maire de
# Lyon"; and local authorities: "la commune de Saint-Firmin".
_FRENCH_PLACE = rf"[{_UPPER}][\w'\u2019-]*(?:[ -](?!{_CAPS_STOP}\b)[{_UPPER}][\w'\u2019-]*)*"
# Days and months are no place: "la commune du lundi 31 août".
_FRENCH_DAYS = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|f[ée]vrier|mars|avril|mai"
    r"|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
)
# A parquet named as such, which "le procureur de la République" then acts for.
_PARQUET = Regex(r"\b(?:[Pp]arquet|[Mm]inist[èe]re\s+public)\b")
# A French prosecutor, named by the office and the court it serves: "le procureur général",
# "le Procureur général près la Cour des comptes", "le procureur de la République".
_FRENCH_PROSECUTOR = Regex(
    r"\b[Pp]rocureure?\s+(?:g[ée]n[ée]rale?|financi(?:er|[eè]re)|(?P<republique>de\s+la\s+[Rr][ée]publique))"
    r"(?P<before_court>\s+pr[eè]s\s+(?:la\s+|le\s+|l['\u2019]\s*))?"
)
# A district a Swiss or Belgian authority or court serves: "le Préfet du district de la Broye",
# "le Tribunal pénal de l'arrondissement de la Côte".
_FRENCH_DIVISION = (
    r"(?:district|canton|arrondissement)\s+(?:de\s+la\s+|de\s+l['\u2019]|de\s+|du\s+|d['\u2019])"
)
_FRENCH_AUTHORITY = Regex(
    r"\b(?:l['\u2019]|[Ll]e\s+|[Ll]a\s+|du\s+|au\s+)(?P<name>(?:[Pp]r[ée]f(?:et|[eè]te)|[Mm]inistre|maire"
    r"|rect(?:eur|rice)"
    r"|inspect(?:eur|rice) d['\u2019]acad[ée]mie|garde des sceaux|pr[ée]sidente? du conseil "
    r"(?:g[ée]n[ée]ral|d[ée]partemental|r[ée]gional)|commune|d[ée]partement|r[ée]gion)"
    r"(?:\s+(?:de\s+la\s+|de\s+l['\u2019]|de\s+|du\s+|des\s+|d['\u2019])"
    rf"(?:{_FRENCH_PLACE}|{_FRENCH_DIVISION}{_FRENCH_PLACE}|(?!la\b|le\b|les\b|{_FRENCH_DAYS}\b)[a-zà-ÿ]{{3,}}(?:\s+(?:et\s+)?(?:de\s+la\s+|de\s+l['\u2019]|du\s+|des\s+)"
    r"[a-zà-ÿ]{3,}){0,2}))?)"
)
# The prosecution and the police as French-speaking Swiss decisions write them, in lower case:
# "le ministère public a condamné", "la police neuchâteloise a procédé", "auprès de police
# secours"; a police force by its kind or its canton's adjective.
_FRENCH_FORCE = Regex(
    r"\b(?P<name>minist[èe]re\s+public|police(?:[ -]secours|\s+(?:cantonale|municipale"
    r"|judiciaire|nationale|f[ée]d[ée]rale|[a-zà-ÿ]{3,}(?:oise|aise|anne|ienne))))\b"
)
# A newspaper introduced by its kind, a party when it is sued or sanctioned: "le journal La
# Dépêche", "l'hebdomadaire Jeune Afrique", "the newspaper Daily Nation".
_NEWSPAPER = Regex(
    r"\b(?:(?:[Ll]e|[Dd]u|[Aa]u)\s+(?:journal|quotidien|magazine|mensuel)|[Ll]['\u2019]hebdomadaire"
    r"|[Tt]he\s+(?:newspaper|daily|weekly|magazine))\s+"
    rf"(?P<name>(?:(?:L[ae]s?|The)\s+|L['\u2019])?[{_UPPER}][\w'\u2019-]+(?:\s+[{_UPPER}][\w'\u2019-]+){{0,3}})"
)
_PERSON = Regex(
    rf"(?<![\w.])(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}[ \t]+[{_UPPER}]{{3,}}(?![\w.])|"
    rf"{_TOKEN}(?:[ \t]+(?:(?:de|van|von|der|da|di|bin|ben|al)[ \t]+)?{_TOKEN}){{1,3}})"
)  # "Reggie Horton", or as the ECHR writes names: "Marina Viktorovna NOVIKOVA"
# A name in capitals in running prose, as US Attorneys' releases write them: "announced that
# FAISAL SHAHZAD is expected ...", "Magistrate Judge JAMES C. FRANCIS IV".
_CAPS_NAME_WORD = rf"[{_UPPER}][{_UPPER}'\u2019]+(?:-[{_UPPER}]+)*"
_CAPS_PERSON = Regex(
    rf"(?<![\w.'\u2019-])(?P<name>{_CAPS_NAME_WORD}"
    rf"(?:[ \t]+(?:[{_UPPER}]\.[ \t]+)?{_CAPS_NAME_WORD}){{1,3}})(?![\w'\u2019-]|\.\w)"
)
_LOWER_WORD = Regex(rf"(?<![\w{_UPPER}])[{_LOWER}]{{2,}}\b")
_SUFFIXES = frozenset({"II", "III", "IV", "JR", "SR"})
# Two people of one family: "Evelyn and Joseph Djoumessi" (Evelyn Djoumessi and Joseph
# Djoumessi), "Mary and Tom Okafor".
_FIRST_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_COUPLE = Regex(
    rf"(?<![\w.'\u2019-])(?P<first>{_FIRST_NAME})[ \t]+(?:and|et)[ \t]+(?P<second>{_FIRST_NAME})"
    rf"[ \t]+(?P<surname>(?:Mc|O')?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)"
    rf"(?![\w.'\u2019-]|[ \t]+[{_UPPER}])"
)
_SIDE = rf"(?:{_TOKEN}|[{_UPPER}]{{2,}})(?:[ \t]+(?:{_TOKEN}|[{_UPPER}]{{2,}})){{0,3}}"
_CAPTION_ROLE = (
    r"(?i:(?:(?:defendants?|plaintiffs?|petitioners?|respondents?)-)?"
    r"(?:appellants?|appellees?|petitioners?|respondents?|defendants?|plaintiffs?))"
)  # "Defendant-Appellant"
_CAPTION = Regex(
    rf"(?P<first>{_SIDE})(?:,\s+{_CAPTION_ROLE})?,?\s+v\.?\s+(?P<second>{_SIDE})"
)  # "JAMES T. MORROW, APPELLANT v. THE STATE OF TEXAS"
# The United States as a caption's side ("e-Numerate Solutions, Inc. v. United States"), which
# the text then calls "the government".
UNITED_STATES = "United States"
_UNITED_STATES = Regex(r"(?i:(?:the\s+)?united\s+states(?:\s+of\s+america)?)")
# The state's side of a criminal caption: the other side is the accused ("Haynes v. State",
# "COMMONWEALTH of Pennsylvania v. Gary POUNDS", "United States v. Doe").
_STATE_SIDE = Regex(
    r"(?i:(?:the\s+)?(?:state|people|commonwealth|united\s+states(?:\s+of\s+america)?|government"
    r"|crown)(?:\s+of\s+[\w ]+)?)"
)
# The prosecutor's side of an international tribunal's caption ("The Prosecutor v. Limaj"): the
# other is the accused; "Prosecutor" alone names no party.
_PROSECUTOR_SIDE = Regex(r"(?i:(?:the\s+)?prosecutor)")
# More accused after a caption's second side: "The Prosecutor v. Limaj, Bala and Musliu".
_NEXT_SIDE = Regex(rf"(?P<sep>,|[ \t]+and)[ \t]+(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}})\b")
# A case named by its accused: "the sentencing hearing in the Mrdja case", "the Sikirica and
# others case".
_CASE_OF = Regex(rf"\bthe[ \t]+(?P<name>{_TOKEN})(?:[ \t]+and[ \t]+others)?[ \t]+case\b")
# A caption naming one side only: "Matter of Emmanuel LAGUERRE, Respondent", "In re Gault",
# "Ex parte Smith".
_IN_RE = Regex(
    rf"\b(?:In re|IN RE|In the Matter of|IN THE MATTER OF|Matter of|MATTER OF|Ex parte|EX PARTE)"
    rf":?[ \t]+(?P<name>{_SIDE})"
)
# The party a decision is given in the cause of, as Belgian courts write it: "Par arrêt du 3
# mai 2017 en cause de K.T., ...", "en cause de Jean Dupont".
_IN_CAUSE = Regex(
    rf"\b[Ee]n[ \t]+cause[ \t]+de[ \t]+(?P<name>(?:[{_UPPER}]\.){{2,3}}"
    rf"|{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})"
)
# A court named by its level and place, as summaries name it: "a Federal court in North
# Carolina sentenced", "pled guilty in state court in Ohio" (not "in March").
_COURT_IN_PLACE = Regex(
    r"\b(?P<name>(?:[Ff]ederal|[Ss]tate|[Dd]istrict|[Cc]ounty|[Ss]uperior|[Mm]unicipal)[ \t]+"
    rf"[Cc]ourt[ \t]+in[ \t]+(?!{_MONTHS}\b){_TOKEN}(?:[ \t]+(?!{_MONTHS}\b){_TOKEN}){{0,2}})"
)
# An ECHR application's head: "Application no. 35825/97 by Mohamed Nuli AL AKIDI against
# Bulgaria": the applicant's name as written, particles in capitals too.
_APPLICANT_IN_HEAD = Regex(
    r"\bApplications?\s+no\s?\.?\s*\d+/\d\d\s+(?:lodged\s+on\s+[^,.;\n]{4,30}?\s+)?by\s+"
    rf"(?P<name>(?:{_TOKEN}|[{_UPPER}]{{2,}})(?:[ \t]+(?:{_TOKEN}|[{_UPPER}]{{2,}})){{0,5}})"
)
# A place, not a person: "New York County", "the State of New York".
_PLACE_AFTER = Regex(
    r"\s+(?:County|City|State|District|Circuit|Division|Street|Avenue|Road|Airport|Station|Square"
    r"|River|Island|Park|Bridge|Province|Region)\b"
)
_PLACE_ENDS = frozenset(
    {"Township", "County", "City", "Borough", "Parish", "Village", "Town", "State", "District",
     "Square", "Street", "Avenue", "Road", "Boulevard", "Plaza", "Blvd", "Ave", "Drive", "Lane",
     "Highway", "Parkway", "Station", "Courthouse"}
)  # fmt: skip
# Abbreviations of legal citations and offices, a word with its full stop: "F. Supp.", "M.D.
# Fla.", "State's Atty.", "Deputy Dist. Atty.", "Vernon's Ann. C.C.P.".
_ABBREVIATIONS = frozenset(
    {"Supp", "Fla", "Atty", "Attys", "Dist", "Asst", "Gen", "Ann", "Dept", "Div", "Cir", "Stat",
     "Rev", "Comm", "Sec", "Grp", "Crim", "Civ", "Proc", "Cal", "Tex", "Pa", "Ind", "Ill"}
)  # fmt: skip
# What names a text, not a party: "the Law of Turnover and Excise Taxes", "the Act on Courts".
_TEXT_OF_LAW_BEFORE = Regex(
    r"\b(?:Law|Act|Code|Convention|Treaty|Statute|Regulations?|Rules?|Decree)\s+(?:of|on)\s+"
    r"(?:the\s+)?(?:[A-Z][\w-]*\s+(?:and\s+|&\s+)?)*$"
)
# A law's name, not a person's: "the Real Estate Settlement Procedures Act".
_LAW_AFTER = Regex(
    r"[ \t]+(?:Act|Code|Law|Statute|Rules?|Regulations?|Amendment|Convention|Treaty)\b"
)
# A label of an information box: "• Relevant ECHR article(s): 5, 13".
_LABEL_AFTER = Regex(r"[^\n.:]{0,20}:")
_PLACE_BEFORE = Regex(
    r"\b(?:State|City|County|Commonwealth|Republic|Kingdom|Province|District|Borough|Town) of\s+$"
)
# An office named by its title and what it is of, one party: "Director of Public
# Prosecutions", "Minister for Immigration and Border Protection", "Secretary of State for the
# Home Department"; what follows "of" is no person ("Public Prosecutions"). Not when three
# capitalised words run together after it, which may hold the holder's name ("Minister of
# Justice John Doe"), nor after a comma or "a", "former", "his", where the office is a
# person's post ("Ann Roe, Director of Engineering for Acme", "a former Director of X").
_OFFICE_WORD = r"(?:[A-Z][\w'\u2019-]+|[A-Z]\.)"
_OFFICE_OF = Regex(
    r"\b(?P<name>(?>(?:(?:Deputy|Assistant|Associate|Acting|Chief|Executive|Principal|Special"
    r"|Regional|National)[ \t]+)?"
    r"(?:Director|Commissioner|Secretary|Minister|Registrar|Comptroller|Procurator"
    r"|(?:Attorney|Solicitor|Auditor)[- ]General)"
    r"(?:[ \t]+of[ \t]+State)?[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    rf"{_OFFICE_WORD}(?:[ \t]+{_OFFICE_WORD})?"
    rf"(?:[ \t]+(?:and|of|for)[ \t]+(?:the[ \t]+)?{_OFFICE_WORD}(?:[ \t]+{_OFFICE_WORD})?)*))"
    r"(?![ \t]+[A-Z])"
)
_TITLE_BEFORE = Regex(r"(?:\b(?:an?|former|his|her|their|its|as)|,)[ \t]+$")
# Page furniture that reads like a name: a label ("Total Page:16", "File Type:pdf") or, in
# the code below, a link alone in brackets ("(Read More)").
_FURNITURE = Regex(r":")
# A caption's side that is a person charged or appealing: "v Teon Seymore, Appellant".
_ACCUSED_SIDE = Regex(
    r",\s+(?:Defendant-)?(?:Appellant|Defendant|Petitioner|Applicant"
    r"|APPELLANT|DEFENDANT|PETITIONER|APPLICANT)\b"
)
# Another name of the same person: "Philip J. Howell, a/k/a James Colburne Howard".
_AKA = Regex(
    rf",?\s+\(?(?:a/k/a|a\.k\.a\.?|aka|also known as|alias|dit|dite)\s+"
    rf"(?P<alias>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}})"
)
_QUOTED_ALIAS = Regex(
    r"\s*\(\s*(?:the\s+)?[\"\u201c](?:the\s+)?(?P<alias>[^\"\u201d]{2,40})[\"\u201d]\s*\)"
)
# Capitalised words that start sentences, headings and legal references, not names.
_NOT_NAMES_TEXT = """the a an in on at by for of and but if as after before following since when
    while this that these those it he she they we our his her their its there here then thus
    however although
    le la les un une des du de en par pour sur dans il elle ils elles au aux ce cette ces sa son
    mr mrs ms dr m mme judge justice court article section rule rules chapter code title part
    paragraph convention act law statute tenn app ct crim judgment order appellant appellee
    petitioner respondent defendant plaintiff employee employer veteran board division held
    january february march april may june july august september october november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche finding accordingly further consequently therefore next lastly first second
    third fourth fifth republic procedure facts reasons conclusions findings law strasbourg final
    judgment case application applications no rejet arret cassation publie bulletin attendu vu
    statuant sur composition president avocat avocats rapporteur greffier cour chambre criminelle
    audience publique faits et procedure une ce qui suit affaire pourvoi republique francaise
    au nom du peuple francais state people united states government u.s federal supreme
    superior district county city we us our i judges justices circuit america fundamental freedoms
    rights person operation protocol covenant pacte protocole nations courtroom judgement briefing
    jan feb mar apr jun jul aug sep sept oct nov dec janv fevr avr juil juill
    printable print search download rtf pdf html story cedex decision content"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
# Places written like a person's name: "a Mitchell, South Dakota, man".
_PLACES = frozenset(
    fold(state)
    for state in (
        "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
        "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
        "Puerto Rico", "Costa Rica", "El Salvador", "Sri Lanka", "Hong Kong", "New Zealand",
        "Saudi Arabia", "South Africa", "South Korea", "North Korea", "Central America",
        "Latin America", "South America", "North America", "United Kingdom", "Great Britain",
        "British Columbia", "Nova Scotia", "New Brunswick", "Prince Edward Island",
    )
)  # fmt: skip


# First words of places, never of a person's name: "New England", "El Paso", "San Antonio".
_PLACE_STARTS = frozenset(
    ("New", "North", "South", "East", "West", "San", "Santa", "Los", "Las", "El", "Fort", "Port",
     "Mount", "Lake", "Little", "Saint", "St.")
)  # fmt: skip


# A French court's first words (folded), a judge deciding as one too ("juge d'instruction").
_COURT_START = (
    r"(?:tribunal|cour|chambre|conseil (?:d'etat|constitutionnel))\b"
    r"|juge (?:d'i|des [le]|de l'[ae])"
)


def _kind_of(name: str, default: str = "person") -> str:
    """court, agency, organization or (by default) person, from the words of a name, in any
    case: a store's "Paris court" or "Milan court of appeal" is a court too."""
    words = {w[:1].upper() + w[1:].lower() for w in re.findall(r"[\w]+", name)}
    words |= set(re.findall(r"[\w]+", name))  # "LLC", "Inc"
    folded = fold(name)
    if words & _COURT_WORDS or _TREATY_BODY.rx.fullmatch(name) or re.match(_COURT_START, folded):
        return "court"
    if words & _AGENCY_WORDS or _FRENCH_AGENCY.rx.match(folded) or _PROSECUTOR.rx.search(name):
        return "agency"
    if words & set(_ORG_WORDS) or _FRENCH_ORGANISATION.rx.match(folded):
        return "organization"
    return default


# A prosecutor's office named by its office: "Plovdiv Regional Public Prosecutor", "the Kyiv
# Prosecutor's Office".
_PROSECUTOR = Regex(r"\bProsecut(?:or|ion)(?:['\u2019]s Office)?$|\bProsecutor['\u2019]s Office\b")
# French bodies by their first word: "parquet de Paris", "commune de Wattrelos", "préfet de
# la Gironde"; "société Icauna", "SCI Les Oliviers", "association Droit au logement".
_FRENCH_AGENCY = Regex(
    r"(?:le |la |l')?(?:parquet|ministere public|commune|departement|region|prefet|prefete|ministre"
    r"|defenseur des droits|controleur general des lieux"
    r"|maire|recteur|rectrice|inspect(?:eur|rice) d'academie)\b"
)
_FRENCH_ORGANISATION = Regex(
    r"(?:le |la |l')?(?:societe|association|syndicat|sci|sarl|sas|sa|eurl|mutuelle|caisse|banque"
    r"|fondation|federation|groupement|compagnie|groupe)\b"
)


_TRIM_END = frozenset(
    ("of", "de", "du", "des", "la", "le", "and", "et", "&", "the", "on", "in", "at", "jan", "feb",
     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
     "april", "june", "july", "september", "october", "november", "december", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)  # fmt: skip  # not "May" or "March": surnames too
_TRIM_START = frozenset(
    ("the", "this", "that", "le", "la", "les", "l'", "ce", "cette", "plaintiff", "defendant",
     "petitioner", "respondent", "appellant", "appellee")
)  # fmt: skip
# What a news lede puts before a person's name at the start of a sentence ("Journalist Reza
# Karimi was arrested"): a description, not part of the name; dropped when a first name and a
# surname remain.
_DESCRIPTIONS = frozenset(
    ("journalist", "reporter", "lawyer", "activist", "blogger", "dissident", "businessman",
     "businesswoman", "writer", "author", "poet", "artist", "filmmaker", "photographer",
     "student", "teacher", "professor", "researcher", "academic", "cleric", "rapper", "singer",
     "journaliste", "avocat", "avocate", "militant", "militante", "opposant", "opposante",
     "blogueur", "blogueuse", "ecrivain", "ecrivaine", "artiste", "etudiant", "etudiante",
     "chercheur", "chercheuse", "poete", "cineaste", "photographe")
)  # fmt: skip


# A step or paper of the proceedings, which heads no party's name: "Criminal Appeal", "Rules of
# Court", "Arrêt de la Cour", "Prosecution Motion", "Status Hearing", "Heard".
_PROCEDURE_HEADS_TEXT = """appeal appeals appealed petition petitions motion motions ruling
    rulings judgment judgments judgement judgements order orders hearing hearings honour honor
    opinion opinions decision decisions notice notices complaint complaints summons submission
    submissions brief briefs response reply application applications indictment rule rules
    error refusal granted denied demanded heard proceeding proceedings matters arret arrets
    jugement jugements ordonnance ordonnances requete requetes pourvoi pourvois audience memoire"""
_PROCEDURE_HEADS = frozenset(_PROCEDURE_HEADS_TEXT.split())
# What may stand with such a step in a heading without naming anyone: its kind, its side, the
# court it is before, the words that link them.
_PROCEDURE_WORDS_TEXT = """criminal civil prosecution crown status lead slip amended consequent
    plenary belated public document interim interlocutory oral final further supplementary
    proposed class jury trial default plaintiffs plaintiff defendants defendant appellant
    appellants respondent respondents petitioner applicant his her their your court cour tribunal
    board chamber commission high supreme the of de la le les du des d l for against from under
    in on to and et with s"""
_PROCEDURE_WORDS = _PROCEDURE_HEADS | frozenset(_PROCEDURE_WORDS_TEXT.split())
_PROCEDURE_LINKS = frozenset(
    ("of", "de", "du", "des", "d", "for", "against", "from", "under", "to")
)
# Words that name no one written alone, capitalised as they open a sentence or a heading: a
# court or a side not said which ("Court", "Party", "Others"), a rank ("General", "Colonel").
_NO_ONE_ALONE = frozenset(
    ("court", "cour", "tribunal", "chamber", "chambre", "party", "partie", "others", "another",
     "autres", "general", "colonel", "kingdom", "according")
)  # fmt: skip


# Who publishes a text, not a party to it: a series of decisions or reports, as a site heads
# its pages ("Queensland Judgments", "Scottish High Court of Justiciary Decisions", "Singapore
# Law Reports", "Press Releases"), and the news agencies and law sites whose name a byline, a
# header or a credit gives ("Reuters", "Agence France-Presse", "Juricaf", "BAILII").
_PUBLICATION_ENDS = frozenset(
    ("judgments", "judgements", "decisions", "decisons", "reports", "digest", "bulletin",
     "highlights")
)  # fmt: skip
_PRESS = Regex(r"\b(?:press|media|news)\s+releases?$")
_PUBLISHERS = frozenset(
    ("reuters", "associated press", "agence france-presse", "agence france presse",
     "juricaf", "legifrance", "bailii", "saflii", "austlii", "canlii", "commonlii", "nigerialii",
     "kenyalaw", "indiankanoon", "indian kanoon", "justia", "casetext", "westlaw", "lexisnexis",
     "vlex", "courtlistener", "entscheidsuche")
)  # fmt: skip


def _publisher(name: str) -> bool:
    """Whether a name is a publisher's or its series' (`_PUBLICATION_ENDS`, `_PUBLISHERS`)."""
    folded = fold(name).strip(" .")
    words = re.findall(r"[^\W\d_]+", folded)
    if not words or folded in _PUBLISHERS or _PRESS.rx.search(folded):
        return bool(words)
    return len(words) > 1 and words[-1] in _PUBLICATION_ENDS


def _names_no_one(name: str) -> bool:
    """Whether a name found by its shape names no party: a publisher (`_publisher`), a lone
    word of `_NO_ONE_ALONE`, or only a step or paper of the proceedings: all its words are such
    words (`_PROCEDURE_WORDS`) and its head, the last word before "of", "de", "against"...
    ("Rules of Court", "Appeal Against Refusal") or else its last word ("Criminal Appeal", "High
    Court Rules"), is a step (`_PROCEDURE_HEADS`). "Court of Appeal", "Appeals Chamber" and
    "Board of Immigration Appeals" are headed by a body, and stay."""
    words = re.findall(r"[^\W\d_]+", fold(name))
    if _publisher(name) or (len(words) == 1 and words[0] in _NO_ONE_ALONE):
        return True
    if not words or any(w not in _PROCEDURE_WORDS for w in words):
        return False
    link = next((i for i, w in enumerate(words) if i and w in _PROCEDURE_LINKS), len(words))
    return words[link - 1] in _PROCEDURE_HEADS


def _tidy(name: str) -> str:
    """Title-case words in capitals ("ANGERS" -> "Angers"); trim connectors, a month and a
    possessive at the end ("Department of Justice on April", "Customs Enforcement's") and an
    article, a role or a description at the start ("Plaintiff Securities and Exchange
    Commission", "Journalist Reza Karimi")."""
    words = name.replace("\n", " ").split()
    if words and len(words) > 1:
        words[-1] = re.sub(r"['\u2019]s$", "", words[-1])
    if len(words) > 2 and words[-2] in ("on", "in") and fold(words[-1]) in ("march", "may"):
        del words[-2:]  # "Appeal Division on March": a date follows, not a surname
    while words and fold(words[-1]).rstrip(".") in _TRIM_END:
        words.pop()
    while words and fold(words[0]) in _TRIM_START:
        words.pop(0)
    if len(words) > 2 and fold(words[0]) in _DESCRIPTIONS:
        words.pop(0)
    return " ".join(_tidy_word(w) for w in words).rstrip(",")


def _tidy_word(word: str) -> str:
    if not word.isupper() or "." in word or len(word) < 2:
        return word
    if fold(word) in {"de", "du", "des", "la", "le", "les", "et", "and", "of"}:
        return word.lower()
    return word.title() if len(word) > 3 else word


def _is_name(name: str) -> bool:
    words = [fold(w).strip(".'") for w in name.split()]
    meaningful = [w for w in words if w not in _NOT_NAMES and len(w) > 1]
    return len(meaningful) >= 1 and fold(name.split()[0]).strip(".'") not in _NOT_NAMES


# The judges and clerk a court sits with, up to its deliberating: "La Cour, composée des
# présidents A. Alen et F. Daoût, et des juges ..., assistée du greffier ..., après en avoir
# délibéré", "sitting as a Chamber composed of:\n\nMr J. Doe, President, ... Having deliberated".
_COMPOSITION = Regex(
    r"\b(?:compos[ée]e?\s+(?:de|des|du)\b|composed\s+of\b)[\s\S]{0,800}?"
    r"(?=apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée]|\brend\s+l|Having\s+(?:deliberated|regard)"
    r"|\bdelivers\s+the|\bVu\b)"
)


def shaped_names(text: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    """(name, kind, aliases, role) of every party the text names by its shape, first seen
    first; a person's surname is an alias ("Sherman" for "Dwayne Sherman") unless two share it.
    The role is "official" for a person named in office ("Judge X"), "counsel" for a lawyer
    ("Me X", "X, Esq.", "X, Austin, for appellant"), else ""."""
    found: list[tuple[int, str, str, tuple[str, ...]]] = []
    officials: set[str] = set()
    counsel: set[str] = set()
    in_capitals: set[str] = set()  # persons the text writes in capitals: "FAISAL SHAHZAD"
    covered = bytearray(len(text))  # where a name was found already

    def add(start: int, end: int, name: str, kind: str, written: str = "") -> None:
        if any(covered[start:end]):
            return
        quoted = _QUOTED_ALIAS.rx.match(text, end) or _AKA.rx.match(text, end)
        aliases = (quoted.group("alias"),) if quoted else ((written,) if written else ())
        end = quoted.end() if quoted else end
        covered[start:end] = b"\x01" * (end - start)
        found.append((start, name, kind, aliases))
        if kind == "person" and _is_counsel(text, start, end):
            counsel.add(fold(name))

    for m in _COMPOSITION.rx.finditer(text):  # the judges sitting: no parties of the case
        covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())

    def in_office(start: int, end: int) -> bool:
        """Whether an office comes before or after the name: "Agent, Ms N. Ruse"."""
        before = _OFFICE.rx.search(text, max(0, start - 60), start)
        return before is not None or _OFFICE_AFTER.rx.match(text, end) is not None

    for m in _ANONYMISED.rx.finditer(text):
        add(m.start(), m.end(), _tidy(" ".join(m.group(0).split())), "person")
    for m in _TWO_LETTERS.rx.finditer(text):
        add(m.start(), m.end(), f"M. {m['first']}", "person", m.group())
        found.append((m.start("second"), f"M. {m['second']}", "person", (m.group(),)))
    for m in _TITLED_LETTER.rx.finditer(text):
        add(m.start(), m.end(), " ".join(m.group().split()), "person")
    for m in _PLACEHOLDER.rx.finditer(text):
        add(m.start(), m.end(), m.group(), "person" if m["kind"] == "PERSONNE" else "organization")
    for m in _AGAINST_CAPTION.rx.finditer(text):
        for which in ("first", "second"):
            name = m[which]
            if _SURNAME_FIRST.rx.fullmatch(name) and fold(name.split()[0]) not in _NOT_NAMES:
                add(m.start(which), m.end(which), _tidy(name), "person")
    for m in _UNDERSCORED.rx.finditer(text):
        add(m.start(), m.end(), m.group(), "organization" if m["form"] else "person")
    for m in _NAMED_LETTER.rx.finditer(text):
        first = m["first"]
        if fold(first) not in _NOT_NAMES and first not in _ORG_WORDS:
            add(m.start(), m.end(), " ".join(m.group().split()), "person")
    for m in _LONE_LETTER.rx.finditer(text):
        add(m.start(), m.end(), m.group(), "person")
    for m in _SIEUR.rx.finditer(text):  # "sieur RABENOROLAHY Benjamin": Benjamin Rabenorolahy
        for which in ("first", "second"):
            if m[which]:
                surname, *given = m[which].split()
                name = " ".join([*given, _tidy_word(surname).title()])
                add(m.start(which), m.end(which), name, "person", " ".join(m[which].split()))
    for m in _TREATY_BODY.rx.finditer(text):
        name = re.sub(_APOSTROPHE, lambda a: a.group().strip(), m.group())
        add(m.start(), m.end(), name, "court", m.group() if name != m.group() else "")
    for m in _AUTHOR_LABEL.rx.finditer(text):  # "A. N.", whom no other shape finds
        name = _tidy(m.group("name"))
        first = name.split()[0] if name else ""
        if first[:1].isupper() and (first.endswith(".") or fold(first) not in _NOT_NAMES):
            add(m.start("name"), m.start("name") + len(m.group("name")), name, _kind_of(name))
    for m in _STATE_PARTY_LABEL.rx.finditer(text):
        at = m.start("name")
        for state in _AND.rx.split(m.group("name")):
            at = text.find(state, at)
            if state[:1].isupper():
                add(at, at + len(state), state, "other")
            at += len(state)
    for m in _DEFINED.rx.finditer(text):
        add(m.start("name"), m.end("name"), m.group("name"), "organization")
    for m in _BETWEEN_SIDE.rx.finditer(text):  # "BETWEEN:\n\nISABEL WEBER,\n\nAppellant,"
        name = " ".join(_tidy_word(w) if len(w) > 3 else w.title() for w in m["name"].split())
        name = re.sub(r"\b(?:The|Of|And)\b", lambda w: w.group().lower(), name)
        crown = _CROWN.rx.search(m["name"]) is not None
        add(m.start("name"), m.end("name"), name, "other" if crown else _kind_of(name))
    for m in _AGAINST_STATE.rx.finditer(text):  # "requête ... contre l'Italie"
        add(m.start("state"), m.end("state"), m["state"], "other")
    for m in _FRENCH_BODY.rx.finditer(text):
        add(m.start("name"), m.end("name"), m["name"], "organization")
    for m in _COMPANY.rx.finditer(text):
        add(m.start("name"), m.end("name"), _tidy(m.group("name")), "organization")
    for m in _FRENCH_STATE.rx.finditer(text):
        add(m.start("name"), m.end("name"), "Etat", "other")
    for m in _ASSOCIATION.rx.finditer(text):
        add(m.start("name"), m.end("name"), " ".join(m["name"].split()), "organization")
    for m in _SUED_PLACE.rx.finditer(text):
        add(m.start("name"), m.end("name"), m.group("name"), "agency")
    for m in _FRENCH_PROSECUTOR.rx.finditer(text):
        court = _FRENCH_COURT.rx.match(text, m.end()) if m["before_court"] else None
        if court is None and m["republique"] and _PARQUET.rx.search(text, 0, m.start()):
            continue  # "le procureur de la République" after "le parquet de Lyon": that parquet
        end = court.end() if court else m.start("before_court") if m["before_court"] else m.end()
        add(m.start(), end, " ".join(text[m.start() : end].split()), "agency")
        if court is not None:  # the court too: "près la Cour des comptes"
            found.append((court.start(), _tidy(court.group("name")), "court", ()))
    for m in _FRENCH_AUTHORITY.rx.finditer(text):
        name = m.group("name")
        if " " in name or not fold(name).startswith(("commune", "departement", "region")):
            add(m.start("name"), m.end("name"), name, "agency")
    for m in _NEWSPAPER.rx.finditer(text):
        add(m.start("name"), m.end("name"), m["name"], "organization")
    for m in _FRENCH_FORCE.rx.finditer(text):
        add(m.start(), m.end(), " ".join(m.group().split()), "agency")
    for m in _GRAND_JURY.rx.finditer(text):
        add(m.start("name"), m.end("name"), m.group("name"), "agency")
    for m in _COURT_IN_CAPITALS.rx.finditer(text):
        name = _court_in_capitals(m.group("name"))
        written = m.group("name") if fold(name) != fold(m.group("name")) else ""
        add(m.start("name"), m.end("name"), name, "court", written)
    for m in _FRENCH_INSTITUTION.rx.finditer(text):
        add(m.start(), m.end(), m.group(), "agency")
    for m in _CHAMBER_OF.rx.finditer(text):
        court = _FRENCH_COURT.rx.match(text, m.end())
        if court is not None and court.start() == m.end():
            end = court.start("name") + len(court.group("name"))
            add(m.start(), end, _tidy(" ".join(text[m.start() : end].split())), "court")
    for m in _FRENCH_COURT.rx.finditer(text):
        name = _tidy(m.group("name"))
        add(m.start(), m.end(), name, _kind_of(name))
    for m in _OFFICE_OF.rx.finditer(text):
        if _TITLE_BEFORE.rx.search(text, max(0, m.start() - 30), m.start()):
            continue  # "a former Director of Engineering for ...": a person's post
        add(m.start(), m.end(), " ".join(m.group().split()), "agency")
    for m in _ORGANISATION.rx.finditer(text):
        raw = _one_organisation(m.group("name"))
        if _in_headline(text, m.start()):
            raw = _headline_organisation(raw)
        name = _tidy(raw)
        words = set(re.findall(r"\w+", name))
        if words & set(_ORG_WORDS) and words - set(_ORG_WORDS) - {"of", "the", "and"}:
            add(m.start("name"), m.start("name") + len(raw), name, _kind_of(name))
    for m in _TITLED_CAPS.rx.finditer(text):
        name = _tidy(" ".join(m.group("name").split()))
        if _is_name(name) and not _ORG_WORD_IN_CAPS.rx.search(m.group("name")):
            add(m.start("name"), m.end("name"), name, "person")
            officials.add(fold(name))  # a judge, a lawyer: not the "he" of the story
    for m in _TITLED.rx.finditer(text):
        name = _tidy(_OFFICE_LAST.rx.sub("", m.group("name")))
        if _is_name(name):
            add(m.start("name"), m.end("name"), name, "person")
            if _OFFICE.rx.search(text, max(0, m.start() - 60), m.start("name")):
                officials.add(fold(name))
    for m in _CAPS_PERSON.rx.finditer(text):
        caps = _caps_person(text, m.start("name"), m.group("name"))
        if caps:
            add(m.start("name"), m.end("name"), caps, "person")
            in_capitals.add(fold(caps))
            if in_office(m.start(), m.end("name")):
                officials.add(fold(caps))
    for m in _APPLICANT_IN_HEAD.rx.finditer(text):
        name = _tidy(m.group("name"))
        if _is_name(name):
            add(m.start("name"), m.end("name"), name, "person")
    for m in _IN_CAUSE.rx.finditer(text):
        name = _tidy(m.group("name"))
        if _is_name(name):
            add(m.start("name"), m.start("name") + len(name), name, _kind_of(name))
    for m in _COURT_IN_PLACE.rx.finditer(text):
        add(m.start("name"), m.end("name"), m.group("name"), "court")
    for m in _IN_RE.rx.finditer(text):
        name = _tidy(m.group("name").split(",")[0])
        if _is_name(name):
            add(m.start("name"), m.start("name") + len(name), name, _kind_of(name))
    for m in _CAPTION.rx.finditer(text):
        for group, other in (("first", "second"), ("second", "first")):
            if _UNITED_STATES.rx.fullmatch(m.group(group).strip()):  # "X v. United States"
                add(m.start(group), m.end(group), UNITED_STATES, "other")
                continue
            side = _side_words(m.group(group))
            if _PROSECUTOR_SIDE.rx.fullmatch(" ".join(side)):  # "In The Prosecutor v. X"
                for start, end, more in _more_sides(text, m.end("second")):
                    add(start, end, more, _kind_of(more))
                continue
            name = _tidy(" ".join(side))
            if _is_name(name) and fold(name) not in _PLACES:  # a state: no "he" or "she"
                aka = _AKA.rx.match(text, m.end(group))
                after = aka.end() if aka else m.end(group)
                accused = bool(_ACCUSED_SIDE.rx.match(text, after)) and len(side) > 1
                accused = accused or bool(_STATE_SIDE.rx.fullmatch(m.group(other).strip()))
                accused = accused or bool(
                    _PROSECUTOR_SIDE.rx.fullmatch(" ".join(_side_words(m[other])))
                )
                kind = _kind_of(name, "person" if accused else "other")
                add(m.start(group), m.end(group), name, kind)
    for m in _CASE_OF.rx.finditer(text):
        name = m.group("name")
        if _is_name(name) and name not in _ORG_WORDS and not name.endswith(("'s", "\u2019s")):
            add(m.start("name"), m.end("name"), name, "person")
    for m in _COUPLE.rx.finditer(text):
        first, second, surname = m.group("first", "second", "surname")
        if _is_couple(text, m.start(), first, second, surname):
            add(m.start(), m.start() + len(first), f"{first} {surname}", "person", first)
            add(m.start("second"), m.end(), f"{second} {surname}", "person")
    for m in _PERSON.rx.finditer(text):
        name = m.group("name")
        ends = (name.split()[0], name.split()[-1])
        if (
            _is_name(name)
            and not _OFFICE_ALONE.rx.fullmatch(name)
            and all(fold(w).strip(".'") not in _NOT_NAMES for w in ends)
            and ends[1] not in _PLACE_ENDS  # "the mayor of Riverside Township": a place
            and ends[0] not in _PLACE_STARTS  # "New England", "El Paso", "Little Rock"
            and not _in_headline(text, m.start())
            and not _PLACE_AFTER.rx.match(text, m.end("name"))
            and not _LAW_AFTER.rx.match(text, m.end("name"))
            and not _FURNITURE.rx.match(text, m.end("name"))
            and not (text[: m.start("name")].endswith("(") and text[m.end("name") :][:1] == ")")
            and not _PLACE_BEFORE.rx.search(text, max(0, m.start() - 30), m.start())
            and fold(name) not in _PLACES
            and not _abbreviated(text, m.end("name"), name)
            and not _TEXT_OF_LAW_BEFORE.rx.search(text, max(0, m.start() - 80), m.start())
            and not _labelled(text, m.start("name"), m.end("name"))
        ):
            office = _PROSECUTOR.rx.search(name)  # "Plovdiv Regional Public Prosecutor"
            add(m.start("name"), m.end("name"), _tidy(name), "agency" if office else "person")
            if in_office(m.start(), m.end("name")):
                officials.add(fold(_tidy(name)))  # "Ms N. Ruse, their Agent" or "Agent, Ms N. Ruse"
    found.sort()
    result: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    seen = _Taken()
    known_as: dict[str, str] = {}  # each name and alias taken, to the name it is of
    for _, name, kind, aliases in found:
        if _names_no_one(name):
            continue  # "Criminal Appeal", "Rules of Court", "Party": a heading's words
        folded = fold(name)
        holder = seen.holder(folded)
        if holder is not None and _another_body(folded, kind, holder, result[known_as[holder]][1]):
            holder = None  # "Supreme Court of Pennsylvania" after "Commonwealth of Pennsylvania"
        if holder is None:
            result[folded] = (name, kind, aliases)
            for written in (folded, *(fold(alias) for alias in aliases)):
                seen.add(written)
                known_as[written] = folded
        elif known_as[holder] != holder:  # "a/k/a Paul Grant", then "Paul Grant" again
            continue
        elif folded == holder and aliases:  # "BOSSA Martial" after "Martial Bossa": as written
            first, first_kind, first_aliases = result[holder]
            extra_aliases = tuple(a for a in aliases if a not in first_aliases)
            result[holder] = (first, first_kind, (*first_aliases, *extra_aliases))
        elif len(folded) < len(holder):  # "Rajavi" after "Maryam Rajavi": another way to write it
            first, first_kind, first_aliases = result[holder]
            result[holder] = (first, first_kind, (*first_aliases, name, *aliases))
        elif result[holder][1] == "other" and kind == "person":  # "PETROV v. X", "Mr Ivan Petrov"
            first, _, first_aliases = result[holder]
            result[holder] = (name, kind, (*first_aliases, first, *aliases))
    _merge_titled_surnames(result)
    surnames = [_surname(name) if kind == "person" else None for name, kind, _ in result.values()]
    roles = {**dict.fromkeys(officials, OFFICIAL), **dict.fromkeys(counsel, COUNSEL)}
    return [
        (name, kind, _with_surname(aliases, surname if surnames.count(surname) == 1 else None,
         fold(name) in in_capitals),
         next((roles[fold(w)] for w in (name, *aliases) if fold(w) in roles), ""))
        for (name, kind, aliases), surname in zip(result.values(), surnames, strict=True)
    ]  # fmt: skip  # "Samuel Alito" then "Judge Alito": in office


# A lawyer: named after "represented by", before ", Esq." or ", a lawyer", or in a
# list of counsel ending "for appellant" ("Jim P. Vollers, State's Atty., Austin, for the State").
_COUNSEL_BEFORE = Regex(
    r"(?:\b(?:represented|assisted|defended)\s+(?:[a-z ]{0,25}?\s)?by\s+"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?|\b(?:repr[ée]sent[ée]e?s?|plaidant|substitu[ée]e?)\s+"
    r"(?:et\s+plaidant\s+)?par\s+(?:Me\s+)?|^[ \t]*FOR\s+[A-Z][A-Z '&.,-]*:\s*)$",
    re.MULTILINE,
)
_SIDES = (
    r"(?:(?:defendants?|plaintiffs?|petitioners?|respondents?)-)?(?:appellants?|appellees?"
    r"|plaintiffs?|defendants?|petitioners?|respondents?|movants?|claimants?)|state|united states"
    r"|commonwealth|people|government"
)
_COUNSEL_AFTER = Regex(
    r",?\s+(?:Esq(?:uire)?\b|(?:a|an|the|his|her|their)\s+(?:lawyer|attorney|counsel|solicitor"
    r"|barrister)\b|avocate?s?\b|counsel\b)"
    rf"|(?:[ \t,.]+(?:[{_UPPER}][\w.'\u2019&-]*+|and|of|the|&))*+[ \t,.]*+\bfor\s+(?:the\s+)?"
    rf"(?i:{_SIDES})\b",
)


def _side_words(side: str) -> list[str]:
    """A caption side's words up to a comma, without the sentence words before it ("In The")."""
    words = side.split(",")[0].split()
    while words and fold(words[0]).strip(".'") in _NOT_NAMES:
        words.pop(0)
    return words


def _more_sides(text: str, end: int) -> list[tuple[int, int, str]]:
    """The accused listed after a caption's second side ending at `end`, with their spans:
    ", Bala and Musliu"; none unless the list ends with "and" (", Inc." is no list)."""
    listed = []
    while (m := _NEXT_SIDE.rx.match(text, end)) is not None:
        name = m.group("name")
        if not _is_name(name) or set(name.split()) & set(_ORG_WORDS):
            return []
        listed.append((m.start("name"), m.end("name"), name))
        end = m.end()
        if m.group("sep") != ",":
            return listed
    return []


def _is_counsel(text: str, start: int, end: int) -> bool:
    """Whether the person named at text[start:end] is a lawyer (see _COUNSEL_BEFORE)."""
    before = _COUNSEL_BEFORE.rx.search(text, max(0, start - 60), start)
    return before is not None or _COUNSEL_AFTER.rx.match(text, end) is not None


_SHORT_TITLES = frozenset(
    {"M.", "Mme", "Mlle", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."}
)


def _merge_titled_surnames(result: dict[str, tuple[str, str, tuple[str, ...]]]) -> None:
    """A title and a surname ("M. Y...", "Mme [K]") after the same title, a first name and
    that surname ("M. Alfred Y...") is that person, when only one person named has it."""
    for key, (name, kind, aliases) in list(result.items()):
        words = name.split()
        if kind != "person" or len(words) != 2 or words[0] not in _SHORT_TITLES:
            continue
        fuller = [
            other
            for other, (full, other_kind, _) in result.items()
            if other_kind == "person" and len(full.split()) > 2
            and full.split()[0] == words[0] and full.split()[-1] == words[1]
        ]  # fmt: skip
        if len(fuller) == 1:
            full, full_kind, full_aliases = result[fuller[0]]
            result[fuller[0]] = (full, full_kind, (*full_aliases, name, *aliases))
            del result[key]


def _abbreviated(text: str, end: int, name: str) -> bool:
    """Whether a name is words of a citation or an office abbreviated ("F. Supp.", "State's
    Atty."): its last word an abbreviation with its full stop, or a possessive inside it."""
    words = name.split()
    if any(re.search(r"['\u2019]s$", word) for word in words[:-1]):
        return True
    return text[end : end + 1] == "." and words[-1] in _ABBREVIATIONS


def _labelled(text: str, start: int, end: int) -> bool:
    """Whether a name opens a label of an information box ("• Relevant ECHR article(s): 5")."""
    line_start = text.rfind("\n", 0, start) + 1
    opens = not text[line_start:start].strip(" \t\u2022*-\u00b7")
    return opens and _LABEL_AFTER.rx.match(text, end) is not None


def _with_surname(
    aliases: tuple[str, ...], surname: str | None, in_capitals: bool
) -> tuple[str, ...]:
    """A person's aliases and their surname as written alone, in capitals too when the text
    writes the person's name so ("SHAHZAD has been in custody")."""
    if surname is None:
        return aliases
    written = (surname, surname.upper()) if in_capitals else (surname,)
    return (*aliases, *(s for s in written if s not in aliases))


def _is_couple(text: str, start: int, first: str, second: str, surname: str) -> bool:
    """Whether "First and Second Surname" names two people of one family: the first word
    is no surname ending a name before it ("Alice Fisher and Louis Franklin"), nor named
    again elsewhere, and no word is an organisation's, a place's or a sentence word."""
    before = text[max(0, start - 30) : start].split()
    if before and before[-1][:1].isupper() and not before[-1].endswith((".", ",", ";", ":")):
        return False
    if before and before[-1] in ("Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Dr.", "Dr"):
        return False
    words = (first, second, surname)
    if any(fold(w) in _NOT_NAMES or w in _ORG_WORDS or w in _PLACE_STARTS for w in words):
        return False
    if surname in _PLACE_ENDS or {fold(w) for w in words} & {"others", "associates", "sons"}:
        return False
    return len(re.findall(rf"(?<!\w){re.escape(first)}(?!\w)", text)) == 1


def _caps_person(text: str, start: int, name: str) -> str | None:
    """A person's name written in capitals, as it reads ("Faisal Shahzad"), when its line is
    prose (lower-case words around it: not a heading or a caption in capitals) and its words
    are no acronyms ("ICE ERO"), organisation words, places or sentence words."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(_LOWER_WORD.rx.findall(line)) < 3:
        return None
    words = [w for w in name.split() if not w.endswith(".")]
    if words[-1] in _SUFFIXES:
        words.pop()
    if len(words) < 2 or max(len(w) for w in words) < 4:
        return None
    folded = [fold(w) for w in words]
    if any(w in _NOT_NAMES or w in _CONNECTORS for w in folded) or fold(name) in _PLACES:
        return None
    if set(w.title() for w in words) & (set(_ORG_WORDS) | _PLACE_ENDS | _PLACE_STARTS):
        return None
    return " ".join(w if w in _SUFFIXES or w.endswith(".") else w.title() for w in name.split())


_HEADLINE_WORD = Regex(r"[^\W\d_][\w'\u2019-]*")
_SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "for", "in", "on", "to", "and", "or", "with", "by", "at", "as", "from",
     "after", "over", "into", "against", "about", "under", "between", "without", "de", "du", "des",
     "la", "le", "les", "et", "en", "pour", "sur")
)  # fmt: skip


def _in_headline(text: str, position: int) -> bool:
    """Whether `position` is on a headline: a line of three or more words, each capitalised
    but the small ones ("Former Executive Sentenced for Securities Fraud"), without a stop."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end >= 0 else len(text)].strip()
    if line.endswith((".", ",", ";", ":")):
        return False
    words = 0
    for m in _HEADLINE_WORD.rx.finditer(line):  # stops at the first word of prose: a long
        word = m.group()  # docket on one line costs no more per name
        if word.casefold() in _SMALL_WORDS:
            continue
        if not word[:1].isupper():
            return False
        words += 1
    return words >= 3


def _one_organisation(name: str) -> str:
    """An organisation's name without what follows an "and" that names none: "Criminal
    Division" of "Criminal Division and Acting U.S. Attorney Louis V. Franklin", but "Monsanto
    Company and Delta & Pine Land Company" whole."""
    head, _, rest = name.partition(" and ")
    if rest and not set(re.findall(r"\w+", rest)) & set(_ORG_WORDS):
        return head
    return name


def _headline_organisation(name: str) -> str:
    """An organisation's name in a headline, where every word is capitalised, ends at its
    organisation word unless a connector follows: "Justice Department" of "Justice Department
    Sues Florida County", but "Court of Appeals for the First Circuit" whole."""
    words = name.split(" ")
    for index, word in enumerate(words[:-1]):
        if word.rstrip(",.") in _ORG_WORDS and fold(words[index + 1]) not in _CONNECTORS:
            return " ".join(words[: index + 1])
    return name


_INITIAL_FIRST = Regex(rf"[{_UPPER}]\.\.\.")


def _surname(name: str) -> str | None:
    """The last word of a person's full name, when it can stand for the person alone."""
    words = name.split()
    if len(words) == 2 and _INITIAL_FIRST.rx.fullmatch(words[0]):
        return words[0]  # "X..." for "X... Patrick": the initial stands for the surname
    last = words[-1] if len(words) > 1 else ""
    if len(words) > 2 and words[-2] == "of":
        return None  # "Director of Public Prosecutions", "Lord Bingham of Cornhill": a place
    parts = last.split("-")  # "Cardoza-Burciaga": a double surname
    if len(last) < 3 or not all(p[:1].isupper() and p[1:].islower() for p in parts) or "." in last:
        return None
    return None if fold(last) in _NOT_NAMES else last


# ------------------------------------------------------------------ "he", "the court"
_ROLES = (
    r"applicant|petitioner|appellant|appellee|defendant|plaintiff|respondent|claimant|accused|movant|"
    r"requ[ée]rante?|pr[ée]venue?|accus[ée]e?"
)
_REFERS_TO = {
    "person": Regex(
        r"\b(?:he|she|him|his|her|il|elle|lui|celui-ci|celle-ci|l'int[ée]ress[ée]e?|"
        rf"(?:the |le |la )?(?:{_ROLES}|veteran|employee))\b|\bl['\u2019](?:a|ont|avait|avaient)\s+"
        r"(?:condamn|relax|acquitt|d[ée]bout|renvoy|plac|d[ée]clar|reconnu|assign|cit[ée]|convoqu"
        r"|interpell|arr[êe]t[ée]|mise? en examen)",
        re.IGNORECASE,
    ),
    "court": Regex(
        r"\b(?:(?:the|this|that|the same|said) (?:trial |district |appeals |supreme |superior )?"
        r"court|la (?:m[eê]me )?cour|(?:le|du|au) (?:m[eê]me )?tribunal|the tribunal|the board|"
        r"the panel|"
        r"the trial (?:justice|judge))\b",
        re.IGNORECASE,
    ),
    "official": Regex(
        r"\b(?:the (?:judge|prosecutor|magistrate|agent)|le juge|la juge|le procureur)\b",
        re.IGNORECASE,
    ),  # The public prosecutor's office acts through its prosecutor: "le parquet de Paris", then
    # "le procureur de la République a classé la plainte".
    "agency": Regex(
        r"\b(?:le procureur de la r[ée]publique|le minist[eè]re public|the (?:public )?prosecution"
        r"|the prosecutor['\u2019]s office|the prosecuting authorit(?:y|ies))\b",
        re.IGNORECASE,
    ),
}
# A court named by its level: "the trial court" is the last first-instance court named, not the
# appeals court named after it ("Layne appealed to the Court of Appeals ... Trial court ordered
# execution of sentence"); "the appellate court" the last appeals court.
_COURT_LEVEL_REFS = {
    "trial": Regex(
        r"(?<!\ba )\b(?:trial|lower|sentencing|first[- ]instance)\s+(?:court|judge)\b|"
        r"\bthe\s+(?:district|superior|circuit|county|regional|city|municipal)\s+court\b|"
        r"\bthe\s+court\s+below\b|\ble\s+premier\s+juge\b|\bles\s+premiers\s+juges\b",
        re.IGNORECASE,
    ),
    "appeal": Regex(
        r"\b(?:the|that|said)\s+(?:appellate|appeals|intermediate)\s+court\b|"
        r"\bla\s+cour\s+(?:administrative\s+)?d['\u2019]appel\b(?!\s+d)",
        re.IGNORECASE,
    ),
    "committee": Regex(r"\b(?:[Tt]he|[Ll]e)[ \t]+(?:Committee|Comit[ée])\b"),
}
_APPEAL_COURT = Regex(
    r"\bappeals?\b|\bappellate\b|\bcour (?:administrative )?d'appel\b|\bcourt of review\b"
)
_TOP_COURT = Regex(
    r"\bsupreme\b|\bcassation\b|\bconseil d'etat\b|\bhuman rights\b|\bhouse of lords\b"
)


_APPEALS_REPORTER = Regex(r"\bApp\.|\bCir\.|\bCt\. App\b")


def _court_level(court: str) -> str:
    """A court's level from its name: "appeal", "top" (supreme courts, the ECHR), "committee"
    (a UN treaty body) or "trial"."""
    folded = fold(court).replace("\u2019", "'")
    if _TREATY_BODY.rx.fullmatch(court):
        return "committee"
    if _APPEAL_COURT.rx.search(folded):
        return "appeal"
    return "top" if _TOP_COURT.rx.search(folded) else "trial"


_PROSECUTION = Regex(r"\b(?:parquet|ministere public|procureur|prosecut|attorney)")
# An office holder telling their own intention: "le procureur a indiqué qu'il envisageait un
# pourvoi", "the prosecutor said she would appeal": that "il" or "she" is the office, not the last
# person named ("le juge a indiqué qu'il serait placé en détention" still is).
_OFFICE_SAYS = Regex(
    r"\b(?:the (?:judge|prosecutor|magistrate|agent|officer)|le (?:juge|procureur|magistrat)|"
    r"la (?:juge|procureure))\b[^.;]{0,40}?\b(?:said|says|stated|told \w+|indicated|announced|"
    r"added|explained|(?:a |avait )?(?:indiqu|d[ée]clar|annonc|pr[ée]cis|affirm|ajout|expliqu)"
    r"[ée]e?)\s+(?:that\s+|qu['\u2019]\s*|que\s+)?(?:he|she|il|elle)\s+(?:would|will|may|might|"
    r"(?:is|was) (?:considering|weighing|planning)|plans|intends|envisag|compt|entend|souhait|"
    r"voul|veut|allait )",
    re.IGNORECASE,
)
# The court whose decision the text is, naming itself: "this Court", "La COUR", or the ECHR's
# "Communicated on 30 June 2017" (the day it gave notice of an application) and "JUDGMENT
# STRASBOURG 3 October 2013".
_ITSELF = Regex(
    r"\b(?:[Tt]his Court|[Tt]he Court\b(?! of)|L[Aa] CO[Uu][Rr]\b(?! d'appel| de)|"
    r"[Tt]his [Jj]udge?ment\b|"  # "The date of the handing down of this Judgment is ..."
    r"Communicated on|STRASBOURG)"
    # A treaty body's head: the decision's date, and its own act sending the communication on
    r"|\bDate\s+(?:des\s+constatations|de\s+la\s+(?:pr[ée]sente\s+)?d[ée]cision\s*:"
    r"|of\s+adoption\s+of)|\bcommuniqu[ée]e\s+(?:[àa]\s+l['\u2019]\s*[ÉE]tat\s+partie"
    r"|aux\s+[ÉE]tats\s+parties)|\btransmitted\s+to\s+the\s+States?\s+part(?:y|ies)"
)
# A French decision's "la Cour", capitalised, is the cour deciding ("demande à la Cour"), when a
# cour decides; not the cour d'appel of a tribunal's decision.
_THE_COUR = Regex(
    r"\b[Ll]a[ \t]+Cour\b"
    r"(?![ \t]+(?:d['\u2019](?:appel|assises)|de\b|des\b|du\b|administrative|europ|supr))"
)
# A role bound to a name: "The applicant, Mr Tamaz Galuashvili, ...", "Lydia Alicea (the
# defendant)", "Mr Fedorenko ("the applicant")", "Acme Corp. (Acme or Respondent)".
_ROLE_THEN_NAME = Regex(rf"\b(?:[Tt]he|[Ll]e|[Ll]a)\s+(?P<role>{_ROLES})\s*,\s+")
_ROLE_AFTER_NAME = Regex(
    rf"\((?:[^()]{{0,30}}?\bor\s+)?\s*[\"\u201c\u00ab]?\s*(?:the\s+|le\s+|la\s+)?"
    rf"(?P<role>(?i:{_ROLES}))\b[^()]{{0,30}}\)"
    r"|,\s+(?P<caption>(?i:(?:defendant|plaintiff|petitioner|respondent)-)?(?i:appellant|appellee|"
    r"petitioner|respondent|defendant|plaintiff|applicant))(?=[.,;]?[ \t]*(?:\n|$|vs?\.?\s))",
)  # a caption's side ends its line or comes before "v.": "v Teon Seymore, Appellant.",
# "Ronald LAYNE, Defendant-Appellant," (both roles)

# A caption's role on a line of its own under the side's name, as Scottish and English heads
# write them: "GEORGE DONALD SMITH\nAppellant;\nagainst\nHER MAJESTY'S ADVOCATE\nRespondent:".
_LINE_ROLE = (
    r"[ \t]*(?P<role>(?i:appellant|appellee|respondent|petitioner|applicant|defendant|plaintiff"
    r"|accused))[ \t]*[;:,.]?[ \t]*(?=\n|$)"
)
_ROLE_LINE = Regex(r"(?<=\n)" + _LINE_ROLE)
_ROLE_LINE_NEXT = Regex(r"\n+" + _LINE_ROLE)  # "Appellant\nRespondent" under both sides


def bound_roles(text: str, names: Names, kinds: dict[str, str]) -> dict[str, str]:
    """The party each role ("the applicant", "the defendant", "Plaintiff") is bound to where
    the text says so ("The defendant, Lydia Alicea", "Acme Corp. (the plaintiff)", "v Teon
    Seymore, Appellant"), the first binding of a role standing. A court plays no role."""

    def sides(span: str) -> list[str]:
        return [p for p in parties_in(span, names) if (kinds.get(p) or _kind_of(p)) != "court"]

    roles: dict[str, str] = {}
    for m in _ROLE_THEN_NAME.rx.finditer(text):
        after = text[m.end() : m.end() + 80]  # "for the appellee, State of X. Judge Y": no Y
        bound = _named_at(re.sub(r"^(?:Mr|Mrs|Ms|Dr|M|Mme)\.?\s+", "", after), names)
        if bound is not None and bound in sides(after):
            roles.setdefault(fold(m["role"]), bound)
    for m in _ROLE_AFTER_NAME.rx.finditer(text):
        named = sides(text[max(0, m.start() - 80) : m.start()])
        for role in fold(m["role"] or m["caption"]).split("-") if named else ():
            roles.setdefault(role, named[-1])
    for m in _ROLE_LINE.rx.finditer(text, 0, _CAPTION_HEAD * 3):
        line = text[text.rfind("\n", 0, m.start() - 1) + 1 : m.start()]
        named = sides(line)
        if len(named) == 1 and not _ROLE_LINE_NEXT.rx.match(text, m.end()):
            roles.setdefault(fold(m["role"]), named[0])
    for m in _REQUETE_BY.rx.finditer(text):  # "la requête introduite le ... par Jean DUPONT"
        applicant = _named_at(text[m.end() : m.end() + 80], names)
        if applicant is not None:
            roles.setdefault("requerant", applicant)
            roles.setdefault("applicant", applicant)
    for m in _APPLICATION_BY.rx.finditer(text):
        applicant = _named_at(text[m.end() : m.end() + 80], names)
        if applicant is not None:
            roles.setdefault("applicant", applicant)
    for m in _BEFORE_JUDGE.rx.finditer(text, 0, _CAPTION_HEAD):  # "Before: Mr. Justice X"
        judges = [p for p in parties_in(m["judges"], names) if _kind_of(p) == "person"]
        if len(judges) == 1 and not re.search(r"\band\b|&|,", m["judges"]):
            roles.setdefault("first person", judges[0])
    for m in _AUTHOR_LABEL.rx.finditer(text):  # a communication to a UN treaty body
        author = _named_at(text[m.start("name") : m.end("name")], names)
        if author is not None:
            roles.setdefault("author", author)
    for m in _STATE_PARTY_LABEL.rx.finditer(text):
        for index, state in enumerate(parties_in(m.group("name"), names)):
            roles.setdefault(f"state party:{index}", state)  # "Luxembourg et France": both
    if UNITED_STATES in names.party_names and _CAPTION.rx.search(text, 0, _CAPTION_HEAD):
        roles.setdefault("government", UNITED_STATES)  # "the government shall provide ..."
    seekers = {roles[r] for r in _SEEKERS if r in roles}
    if len(seekers) == 1:  # "for the appellant, John Doe" ... "the petitioner contends"
        roles.update((r, roles.get(r) or next(iter(seekers))) for r in _SEEKERS)
    if not roles.keys() & set(_ACCUSED):  # a release about one person: the accused
        people = [
            p
            for p in parties_in(text, names)
            if (kinds.get(p) or _kind_of(p)) == "person" and p not in names.officials
        ]
        if len(people) == 1 and _mentions(text, people[0], names) > 1:
            roles["accused"] = people[0]
    for m in _CAPTION.rx.finditer(text, 0, _CAPTION_HEAD):
        for group, other, sides_roles in _ACCUSED_ROLES:
            if _STATE_SIDE.rx.fullmatch(m.group(other).strip()):
                accused = _named_at(text[m.start(group) : m.end(group)], names)
                if accused is not None:
                    for role in sides_roles:
                        roles.setdefault(role, accused)
    return roles


# The judge a decision is given before, on its own line of the head: "Before: The Honourable
# Mr. Justice Curtis" (one judge: the "I" of the reasons).
_BEFORE_JUDGE = Regex(
    r"^[ \t]*(?:Before|BEFORE|Coram|CORAM)[ \t]*:?[ \t]*(?P<judges>[^\n]{3,80})$", re.MULTILINE
)
# Where a decision's caption is: its head.
_CAPTION_HEAD = 1000  # characters
# The roles of the accused in a criminal caption: first ("Haynes v. State"), the accused
# appeals; second ("State v. Haynes"), either side may.
_ACCUSED_ROLES = (
    ("first", "second", ("defendant", "accused", "appellant", "petitioner", "movant")),
    ("second", "first", ("defendant", "accused")),
)


_REQUETE_BY = Regex(
    r"\brequ[êe]te\s+(?:n[°o]\s*[\d/]+\s+)?(?:introduite|pr[ée]sent[ée]e|d[ée]pos[ée]e)\b"
    r"[^;.]{0,40}?\bpar\s+"
)
# "Application no. 36801/09 lodged on 21 February 2008 by Vladimir Kapustin", "Application no.
# 40008/04 by Tamaz GALUASHVILI against Georgia": the name that follows is the applicant's.
_APPLICATION_BY = Regex(
    r"\bApplication\s+no\s?\.?\s*\d+/\d\d\s+(?:lodged\s+on\s+[^,.;\n]{4,30}?\s+by\s+|by\s+)?"
)


# A role written as a name: "The Applicant filed ...", "the decision of the Respondent", in a
# tribunal's decision that leaves its parties unnamed.
_ROLE_AS_NAME = Regex(
    r"\b(?:[Tt]he|[Tt]his)[ \t]+(?P<role>Applicant|Appellant|Respondent|Petitioner|Claimant"
    r"|Complainant|Plaintiff|Defendant)\b(?![ \t]+[A-Z])"
)


def role_parties(text: str, roles: dict[str, str]) -> dict[str, NewParty]:
    """A party for each role the text writes as a name and binds to no one ("the Applicant"),
    by role: the one seeking relief a person, the other side (often a minister) of no kind."""
    seeking = bool(roles.keys() & set(_SEEKERS))
    found: dict[str, NewParty] = {}
    for m in _ROLE_AS_NAME.rx.finditer(text):
        role = fold(m["role"])
        if role in roles or (seeking and role in _SEEKERS) or role in found:
            continue
        kind = "other" if role == "respondent" else "person"
        found[role] = NewParty("the " + m["role"], "", kind)
    return found


def described_accused(
    text: str, names: Names, kinds: dict[str, str], roles: dict[str, str]
) -> dict[str, NewParty]:
    """The accused a text calls by a role ("le prévenu", "l'accusé", "the accused"), binding no
    one to an accused's role, more often (twice at least) than it names any person: a party by
    that role, the one written most often, as the text writes it. A text that names its
    accused (or anyone) as often leaves the role to the names."""
    if roles.keys() & set(_ACCUSED):
        return {}
    written: dict[str, list[str]] = {}
    told = 0  # "un prévenu fut placé en détention", then "le prévenu présenta"
    for m in _DESCRIBED_ACCUSED.rx.finditer(text):
        told += 1
        role = fold(m["role"] or m["some"])
        role = role[:-1] if role.endswith(("ee", "ue")) else role  # "la prévenue": the role
        if m["name"]:
            written.setdefault(role, []).append(normalise_space(m["name"]))
    if told < 2 or not written:
        return {}
    for party in parties_in(text, names):
        kind = kinds.get(party) or _kind_of(party)
        if (
            kind == "person"
            and party not in names.officials
            and _mentions(text, party, names) >= told
        ):
            return {}
    role, said = max(written.items(), key=lambda item: len(item[1]))
    if names.among(fold(said[0])):
        return {}  # a known party's alias ("l'accusé" of M. X...)
    accused = NewParty(said[0][0].lower() + said[0][1:], "", "person")
    return {role: accused, "accused": accused}


# The accused a text calls by a role and never names: "le prévenu présenta une demande de mise
# en liberté", "l'accusé forma une demande", "le détenu", "The accused refused to speak".
_DESCRIBED_ACCUSED = Regex(
    r"(?<![\w-])(?:(?P<name>(?:[Ll]e|[Ll]a|[Ll]['\u2019]\s?|[Tt]he)\s*(?P<role>pr[ée]venue?"
    r"|accus[ée]e?|d[ée]tenue?|accused))|(?:[Uu]ne?|[Aa]n)\s+(?P<some>pr[ée]venue?|accus[ée]e?"
    r"|d[ée]tenue?|accused))(?![\w-])(?![ \t]+[A-Z])"
)


def _mentions(text: str, party: str, names: Names) -> int:
    """How many times a text names a party, by any of its names."""
    folded = fold(text)
    spans = sorted(
        m.span()
        for name in names.among(folded)
        if name.party == party
        for m in name.pattern.finditer(text if name.exact else folded)
    )
    return sum(1 for i, span in enumerate(spans) if i == 0 or span[0] >= spans[i - 1][1])


def _named_at(text: str, names: Names) -> str | None:
    """The party whose name `text` begins with, if any."""
    folded = fold(text)
    for name in names.among(folded):
        if name.pattern.match(text if name.exact else folded):
            return name.party
    return None


# Words that name a role's party other than the role itself: the ECHR's "application lodged
# on ..." is the applicant's act.
_ROLE_WORDS = {
    # The judge sitting alone writes "I": "On March 12, I allowed the appeal".
    "first person": r"(?<![\w(])i\s+(?:have\s+|had\s+|am\s+|was\s+|will\s+|would\s+|shall\s+)?"
    r"(?:allowed|dismissed|granted|ordered|refused|found|heard|reserved|gave|made|delivered"
    r"|accept|conclude|agree|find|order|allow|dismiss|grant|refuse|decline)\b",
    "applicant": r"\bapplicant\b|\bapplication\s+(?:no\s?\.?\s*[\d/]+\s+)?(?:was\s+)?lodged\b",
    # A treaty body's "the author" sent the communication its head dates ("Date de la
    # communication : 1er septembre 2012", "Date s de s communication s").
    "author": r"\bauthor\b|\bauteur\b|\bdate(?:\s?s)?\s+"
    r"(?:de(?:\s?s)?\s+(?:la\s+)?|of\s+(?:the\s+)?)?(?:communication|complaint|requete|plainte)",
    "state party": r"\b(?:etat(?:\s?s)?\s+partie|states?\s+part(?:y|ies))",
}


def _role_words(role: str) -> str:
    """The pattern of the words naming a role's party ("state party:1": the second State)."""
    return _ROLE_WORDS.get(role.split(":")[0], rf"\b{role}\b")


# A date on a labelled line of a head ("Date de la communication : 8 juin 1994", the label
# maybe a line above): the line is its clause.
_LABEL_BEFORE = Regex(r"(?:\A|\n)[ \t]*(?P<label>[^\W\d_][^\n:;.]{0,60}?)[ \t]*:\s*$")


# A person a sentence describes before naming them: "a Mitchell, South Dakota, man ... was
# sentenced", "A leader of the Lorenzana organization was sentenced".
_SOMEONE = Regex(
    r"\b(?:[Aa]n?|[Tt]wo|[Tt]hree)\s+(?:[\w,'\u2019-]+\s+){0,8}?(?:m[ae]n|wom[ae]n|residents?|"
    r"nationals?|citizens?|leader|member|broker|dealer|trafficker|director|executive|informant|"
    r"official|officer|employee|doctor|physician|nurse|lawyer|teen|teenager|youth|businessman|"
    r"businesswoman|owner|operator|felon|fugitive|inmate|boy|girl|suspect|pharmacist|"
    r"accountant|contractor|fraudster|smuggler|pastor|priest|teacher|coach|alien|noncitizen)\b"
    r"|\b(?:[Uu]ne?|[Dd]eux|[Tt]rois)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:homme|femme|journaliste"
    r"|militante?|opposante?|avocate?|ressortissante?|individu|suspecte?|adolescente?|policier"
    r"|gendarme|m[ée]decin|enseignante?|pr[êe]tre|[ée]tudiante?|chauffeur|commer[çc]ante?"
    r"|d[ée]tenue?|blogueur|blogueuse|artiste|chanteur|chanteuse)s?\b"
)  # and as French reports describe: "un journaliste écroué depuis le 28 mars"


_DATE_OPENING = Regex(r"\s*(?:On|In|Le|En)\s+[^;\n]{3,20}?\d{4},\s*")  # "On Sept. 8, 2017, "


def persons_ahead(said: Sequence[str], names: Names, kinds: dict[str, str]) -> dict[str, str]:
    """The person each sentence describes and the next one names first: "A Queens man was
    sentenced on May 3. John Doe, 45, ..." (a press release's lead)."""
    ahead: dict[str, str] = {}
    for sentence, following in itertools.pairwise(said):
        if not _SOMEONE.rx.search(sentence):
            continue
        if len(following.split()) < 4:
            continue  # "Full Story": a link, not a sentence about someone
        opening = _DATE_OPENING.rx.match(following)  # "On Sept. 8, 2017, John Doe was ..."
        first = _named_at(
            following[opening.end() if opening else 0 :].lstrip(' \t\n-\u2022*\u00ab\u201c"'),
            names,
        )
        if first is not None and (kinds.get(first) or _kind_of(first)) == "person":
            ahead[sentence] = first
    return ahead


# A person a clause speaks of without naming them: "l'a condamné", "contre lui", "he".
_SOMEONE_AGAIN = Regex(
    r"\b(?:(?:he|she|him|his|her|il|elle|lui|sa|son|ses)\b|l['\u2019](?=\s*(?:a|ont|avait|avaient)\b))",
    re.IGNORECASE,
)
# Persons a clause speaks of together without naming them: "they", "their transfer",
# "Plaintiffs filed", "these four accused", "les deux prévenus" (folded).
_THEY = Regex(
    r"\b(?:they|them|their|ils|eux|leurs?|(?:these|those|both|all|the\s+(?:two|three|four|five)"
    r"|les|ces)\s+(?:\w+\s+)?(?:accused|prevenus|accuses|mis en examen)|(?P<role>defendants"
    r"|appellants|applicants|petitioners|plaintiffs|respondents)|requerants|appelants)\b"
)
# A French company is "elle" (la société): "La société X ... Elle a assigné ...", "le tribunal
# l'a déboutée".
_SHE_A_COMPANY = Regex(
    r"\b(?:elle|celle-ci)\b|\bl['\u2019](?:a|ont|avait|avaient)\s+\w+[ée]e\b", re.IGNORECASE
)
# A pourvoi is decided by the Cour de cassation: "après rejet du pourvoi par arrêt du ...".
_CASSATION = Regex(
    r"\b(?:rejet\w*\s+(?:du|de\s+son|le)\s+pourvoi|pourvoi\s+(?:a\s+été\s+)?rejet)", re.IGNORECASE
)
# What an announcement tells comes after it ("announced that John Doe was arrested on May
# 3"); in "John Doe was convicted ..., U.S. Attorney Jane Roe announced today" it comes before,
# and the people named before the verb are the story's too ("former Governor John Doe").
_TOLD_AFTER = Regex(r"\b(?:that|que|qu['\u2019])")
# "; que, le 8 décembre 1994, ...", "composed of: ..."; not a time's colon ("at 9:00 a.m.").
_CLAUSE_MARK = Regex(r";|(?<!\d):|:(?!\d)")
_ANNOUNCED = Regex(
    r"\b(?:announced|announces|said|says|stated|praised|thanked|a annonc[ée]|a d[ée]clar[ée])\b"
)


# Events of a criminal case that happen to its accused, and the roles naming the accused.
_ACCUSED_EVENTS = frozenset(
    {"indictment", "charge", "arrest", "custody", "detention", "trial", "conviction",
     "sentencing", "acquittal", "appeal", "release", "parole", "pardon", "dismissal"}
)  # fmt: skip
_ACCUSED = ("accused", "defendant", "applicant", "appellant", "petitioner", "author")
_HELD_BY_A_COURT = frozenset({"hearing", "trial"})
# The roles of the one seeking relief: one party by any of them when the text binds one.
_SEEKERS = ("appellant", "petitioner", "applicant", "movant")


# An announcement's speaker: the name right before its verb ("..., U.S. Attorney Jane Roe
# announced today") or right after it, an office between ("said U.S. Attorney Jane Roe").
_SPOKE = Regex(r"\b(?:announced|said|stated|praised|thanked)\b")
_SPEAKER_AFTER = Regex(
    r"[ \t,]+(?:[A-Z][\w.'\u2019-]*[ \t]+){0,5}?$"
)  # "said U.S. Attorney " before the name


def _speakers(sentence: str, names: Names) -> set[str]:
    """The parties a sentence names as the ones announcing or saying it."""
    spoken = [(m.start(), m.end()) for m in _SPOKE.rx.finditer(sentence)]
    if not spoken:
        return set()
    folded = fold(sentence)
    found = set()
    for name in names.among(folded):
        for m in name.pattern.finditer(sentence if name.exact else folded):
            for start, end in spoken:
                right_before = m.end() <= start and not folded[m.end() : start].strip(" \t,")
                right_after = m.start() >= end and _SPEAKER_AFTER.rx.fullmatch(
                    sentence[end : m.start()]
                )
                if right_before or right_after:
                    found.add(name.party)
    return found


# A lawyer who acts: the subject opening a sentence ("On 20 May 2003, Jan Roe filed a notice of
# appeal"), or the agent of a filing ("pourvoi formé ... par Maître Jan ROE").
_COUNSEL_SUBJECT = Regex(r"(?:\s*(?:On|In|Le|En)\s+[^;\n]{3,20}?\d{4},)?\s*$")
_COUNSEL_AGENT = Regex(
    r"(?<!represented )(?<!assisted )(?<!defended )(?<!repr[ée]sent[ée] )(?<!assist[ée] )"
    r"(?<!d[ée]fendu )\b(?:by|par)\s+(?:(?:Ma[iî]tre|Me|Mr|Mrs|Ms|M)\.?\s+)?$"
)


_CLIENT_BEFORE = Regex(
    r"\b(?:represent\w*|for|against|contre|(?:au nom|pour le compte) d(?:e|['\u2019]))\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _counsel_acting(sentence: str, names: Names) -> set[str]:
    """The lawyers a sentence makes act, not merely represent a party: not when a party acts
    beside them ("Jan Roe filed the record and John Doe appealed"); a party represented or
    acted against ("the judgment against John Doe") does not act."""
    folded = fold(sentence)
    acting = set()
    for name in names.among(folded):
        for m in name.pattern.finditer(sentence if name.exact else folded):
            before = sentence[: m.start()]
            if name.party not in names.counsel:
                if name.party not in names.officials and not _CLIENT_BEFORE.rx.search(before):
                    return set()  # a party of the case acts
            elif _COUNSEL_SUBJECT.rx.fullmatch(before) or _COUNSEL_AGENT.rx.search(before):
                acting.add(name.party)
    return acting


class Carried:
    """The last party of each type the text named, for "he" or "the court" after it, and the
    person a sentence describes and the next one names (`ahead`)."""

    def __init__(
        self,
        kinds: dict[str, str],
        head: Sequence[str] = (),
        officials: frozenset[str] = frozenset(),
        roles: dict[str, str] | None = None,
        ahead: dict[str, str] | None = None,
    ) -> None:
        self.kinds = kinds
        self.officials = officials
        self.roles = roles or {}
        self.ahead = ahead or {}
        self.last: dict[str, str] = {}
        self.groups: list[list[str]] = []  # persons named together: "they", "the defendants"
        # The court a decision's head names first: the court deciding ("itself"); a court
        # the store knows before one found by its shape ("South Africa: North West High
        # Court" page furniture above "IN THE HIGH COURT OF SOUTH AFRICA", the store's name).
        courts = [p for p in head if self._kind(p) == "court"]
        known = [p for p in courts[1:] if p not in kinds]
        self.itself = (
            known[0] if courts and courts[0] in kinds and known else next(iter(courts), None)
        )

    def _kind(self, party: str) -> str:
        kind = self.kinds.get(party) or _kind_of(party)
        return "official" if kind == "person" and party in self.officials else kind

    def forget(self) -> None:
        """A new story (an item of a listing): its "he" and "they" are other people."""
        self.last.clear()
        self.groups = []

    def named(self, parties: Sequence[str]) -> None:
        persons = [p for p in parties if self._kind(p) == "person"]
        if len(persons) > 1:
            self.groups.append(persons)
        for party in parties:
            kind = self._kind(party)
            self.last[kind] = party
            if kind == "court":
                self.last["court:" + _court_level(party)] = party
            if kind == "agency" and _PROSECUTION.rx.search(fold(party)):
                self.last["prosecution"] = party  # "le procureur" after a préfet: the parquet

    def _group(self, role: str | None) -> list[str]:
        """The persons last named together; for a role ("Plaintiffs filed"), the last group
        holding the party the role is bound to."""
        bound = self.roles.get(role.rstrip("s")) if role else None
        held = [group for group in self.groups if bound is None or bound in group]
        return held[-1] if held else []

    def fill(self, sentence: str, parties: list[str]) -> list[str]:
        """The sentence's parties and, for a "he" or "the court" in it, the party meant: the
        person a role is bound to ("the applicant"), else the last of that type named."""
        kinds = {self._kind(p) for p in parties}
        added = list(parties)
        described = self.ahead.get(sentence)
        if described and described not in added:
            added.append(described)
            kinds.add("person")
        if self.itself and self.itself not in added and self._names_itself(sentence):
            added.append(self.itself)
            kinds.add("court")
        folded = fold(sentence)
        unbound = folded  # without the role words bound: "Respondent" bound to a company
        for role, party in self.roles.items():
            if re.search(_role_words(role), folded):
                unbound = re.sub(_role_words(role), " ", unbound)
            if party not in added and re.search(_role_words(role), folded):
                added.append(party)
                kinds.add(self._kind(party))
                self.named([party])  # "Appellant was convicted. He ...": the appellant
        for level, refers in _COURT_LEVEL_REFS.items():
            if refers.rx.search(sentence) and not any(
                self._kind(p) == "court" and _court_level(p) == level for p in added
            ):
                court = self.last.get("court:" + level)
                added += [court] if court is not None and court not in added else []
                kinds.add("court")  # not the last court named, of another level
        for kind, refers in _REFERS_TO.items():
            said = unbound if kind == "person" else sentence
            if kind not in kinds and kind in self.last and refers.rx.search(said):
                if kind == "person" and _OFFICE_SAYS.rx.search(sentence):
                    continue  # "le procureur a indiqué qu'il ...": the prosecutor's "il"
                if kind == "agency":  # "le procureur de la République" is no préfet
                    if "prosecution" in self.last and self.last["prosecution"] not in added:
                        added.append(self.last["prosecution"])
                    continue
                added.append(self.last[kind])
        they = _THEY.rx.search(folded)
        group = self._group(they["role"] if they else None)
        if they and len(set(group) & set(parties)) < 2:  # "They were sentenced", "Plaintiffs
            added += [p for p in group if p not in added]  # filed" (one of them's alias)
        if (
            "person" not in self.last
            and not kinds & {"person", "organization"}
            and "organization" in self.last
            and _SHE_A_COMPANY.rx.search(sentence)
        ):
            added.append(self.last["organization"])  # "La société X ... Elle a assigné ..."
        return added

    def of_date(
        self, sentence: str, at: tuple[int, int], parties: list[str], names: Names
    ) -> list[str]:
        """The sentence's parties that a date at `at` belongs to. In a sentence of several
        clauses (a French decision's "; que ...", a judgment's run-on header "composed of: ...
        PROCEDURE 1. ..."), the ones its own clause names, when it names any (with those
        "he" or "the court" stand for). And not the officials announcing it: "U.S. Attorney
        Jane Roe announced that John Doe was sentenced on May 3" is John Doe's sentencing."""
        acting = _counsel_acting(sentence, names) if names.counsel else set()
        parties = [p for p in parties if p not in names.counsel or p in acting]
        cited = _CASSATION_CITED.rx.search(sentence, max(0, at[0] - 30), at[1])
        if names.cassation is not None and cited is not None and cited.end() == at[0]:
            return [names.cassation]  # "(3e Civ., 7 septembre 2017, ...)": its decision
        marks = [m.start() for m in _CLAUSE_MARK.rx.finditer(sentence)]
        start = max((i for i in marks if i < at[0]), default=-1) + 1
        clause = sentence[start : next((i for i in marks if i >= at[1]), len(sentence))]
        labelled = _LABEL_BEFORE.rx.search(sentence, 0, at[0])
        if labelled is not None:  # "Date de la communication : 8 juin 1994\n": its line,
            line_end = sentence.find("\n", at[1])  # when it names a party
            line = sentence[labelled.start("label") : line_end if line_end >= 0 else None]
            clause = line if self._named_in(line, names) else clause
        if len(clause) < len(sentence):
            own = self._named_in(clause, names)
            named = parties_in(sentence, names)
            if own and not any(self._kind(p) == "person" for p in own):
                # "pourvoi formé par X... Marius, ...; ... l'a condamné": him, named before
                before = [
                    p for p in parties_in(sentence[:start], names) if self._kind(p) == "person"
                ]
                own += before[-1:] if before and _SOMEONE_AGAIN.rx.search(clause) else []
            if own and _CASSATION.rx.search(clause):  # "rejet du pourvoi par arrêt du ..."
                own += [p for p in named if fold(p).startswith("cour de cassation")]
            if own:
                parties = [p for p in parties if p in own or p not in named]
        verb = _ANNOUNCED.rx.search(sentence, 0, at[0])
        if verb is not None and _TOLD_AFTER.rx.search(sentence, verb.end(), at[0]):
            before = parties_in(sentence[: verb.start()], names)
            parties = [p for p in parties if p not in before or self._kind(p) != "official"]
        speaking = _speakers(sentence, names)
        return [p for p in parties if p not in speaking or self._kind(p) != "official"]

    def _names_itself(self, sentence: str) -> bool:
        """Whether a sentence names the court deciding ("this Court", "la Cour")."""
        if _ITSELF.rx.search(sentence):
            return True
        cour = self.itself is not None and fold(self.itself).startswith("cour")
        return cour and _THE_COUR.rx.search(sentence) is not None

    def _named_in(self, clause: str, names: Names) -> list[str]:
        """The parties a clause names, and those its role words bind ("the author", "l'État
        partie") or that name the deciding body itself, though the sentence named them before."""
        named = parties_in(clause, names)
        folded = fold(clause)
        bound = [p for r, p in self.roles.items() if re.search(_role_words(r), folded)]
        if self.itself is not None and self._names_itself(clause):
            bound.append(self.itself)  # "Date of adoption of Views : 4 November 2022"
        return named + [p for p in dict.fromkeys(bound) if p not in named]

    def by_kind(self, kind: str, parties: list[str]) -> list[str]:
        """The parties an event's kind implies when its sentence names none of that type: the
        accused of an event only an accused undergoes ("The indictment was returned on March
        10, 1967", "Notice of appeal was given on April 17"), the one the decision's caption,
        a role binding or the story's only person says is the accused; and the last court
        named for a hearing ("The hearing scheduled for 19 April 1994 was adjourned")."""
        kinds = {self._kind(p) for p in parties}
        if kind in _ACCUSED_EVENTS and not kinds & {"person", "organization", "other"}:
            accused = next((self.roles[r] for r in _ACCUSED if r in self.roles), None)
            parties = parties if accused is None or accused in parties else [*parties, accused]
        court = self.last.get("court:trial") or self.last.get("court:appeal")
        if kind in _HELD_BY_A_COURT and "court" not in kinds and court is not None:
            parties = [*parties, court]
        return parties

    def deciding(self, parties: list[str]) -> list[str]:
        """The parties of a date in a decision's header: the deciding court among them."""
        if self.itself is None or any(self._kind(p) == "court" for p in parties):
            return parties
        return [*parties, self.itself]

    def with_court(self, parties: list[str], cited: str = "") -> list[str]:
        """The parties of a citation of the case itself: the last court named decided it, the
        last appeals court when the reporter is an appeals court's ("Ind. App.", "9th Cir.")."""
        appeal = self.last.get("court:appeal") if _APPEALS_REPORTER.rx.search(cited) else None
        if appeal is not None:  # "appealed the trial court's judgment ... Ind. App., ..."
            return parties if appeal in parties else [*parties, appeal]
        if "court" not in self.last or any(self._kind(p) == "court" for p in parties):
            return parties
        return [*parties, self.last["court"]]


def parties_in(sentence: str, names: Names) -> list[str]:
    """Parties a sentence names, in the order it first names them."""
    folded = fold(sentence)
    first_seen: dict[str, int] = {}
    for name in names.among(folded):
        m = name.pattern.search(sentence if name.exact else folded)
        if m and m.start() < first_seen.get(name.party, len(folded) + 1):
            first_seen[name.party] = m.start()
    return sorted(first_seen, key=lambda party: first_seen[party])
