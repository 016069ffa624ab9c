"""Parties a sentence names: known ones by any alias, and organisations the text
introduces as "Full Name (ACRONYM)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from casetrack.extract.text import Regex, fold


@dataclass(frozen=True)
class NewParty:
    """An organisation the text introduces as "Full Name (ACRONYM)" and the store may lack."""

    name: str
    alias: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "alias": self.alias}


_CONNECTORS = frozenset(
    ("of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "les", "l", "d",
     "et", "pour", "von", "der", "für", "y", "del", "e")
)  # fmt: skip
_ACRONYM_IN_BRACKETS = Regex(r"\(\s*(?P<acronym>[A-Z][A-Za-z0-9&.-]{1,11})\s*\)")
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
class PartyName:
    """One way of writing a party: matched folded, or exactly for a new acronym."""

    party: str
    pattern: re.Pattern[str]
    exact: bool


def _name_pattern(name: str, exact: bool) -> re.Pattern[str]:
    body = re.escape(name if exact else fold(name))
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def party_names(
    text: str, known: Sequence[tuple[str, Sequence[str]]]
) -> tuple[list[PartyName], dict[str, NewParty]]:
    """Names to look for: known parties by any alias, and organisations the text introduces."""
    names: list[PartyName] = []
    known_folded: set[str] = set()
    for primary, aliases in known:
        for alias in (primary, *aliases):
            if alias.strip():
                known_folded.add(fold(alias.strip()))
                names.append(PartyName(primary, _name_pattern(alias.strip(), False), False))
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
        names.append(PartyName(name, _name_pattern(name, False), False))
        names.append(PartyName(name, _name_pattern(acronym, True), True))
    return names, new


def parties_in(sentence: str, names: Sequence[PartyName]) -> list[str]:
    """Parties a sentence names, in the order it first names them."""
    folded = fold(sentence)
    first_seen: dict[str, int] = {}
    for name in names:
        m = name.pattern.search(sentence if name.exact else folded)
        if m and m.start() < first_seen.get(name.party, len(folded) + 1):
            first_seen[name.party] = m.start()
    return sorted(first_seen, key=lambda party: first_seen[party])
