"""Legal citations in a text, found with eyecite (Free Law Project): "Smith v. Jones, 123
F.3d 456 (9th Cir. 1985)" names a source, and its date is the cited decision's, not an event
of the case being read. Unless the citation names this case itself ("McNabb v. Harrison, ...
(Tenn. Ct. App. Oct. 25, 2023)" in a text about McNabb and Harrison): then its date is a
ruling in the case.

eyecite costs some 0.3 s to import and a tenth of a second per citation, so it only reads a
sentence where a reporter citation ends in a parenthesis holding a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casetrack.extract.text import Regex, fold

# A reporter citation ("123 F.3d 456", "2023 WL 7019872", "34 NY3d 545") or a statute.
_LOOKS_CITED = Regex(
    r"\b\d{1,4}\s+(?:[A-Z][A-Za-z.]*\d?[a-z]{0,2}\.?\s*){1,4}\s*\d{1,7}\b[^()\[\]]{0,40}"
    r"[(\[][^()\[\]]{0,40}\b(?:1[6-9]|20)\d\d[)\]]"
)
_GENERIC_PARTIES = frozenset({"people", "state", "united states", "commonwealth", "the people"})


@dataclass(frozen=True)
class Citation:
    """One citation: its text and place, and whether it cites the case being read."""

    text: str
    start: int
    end: int
    own: bool


def citations(sentence: str, whole: str) -> list[Citation]:
    """The case citations of a sentence of `whole`, in order, placed in the sentence; none
    unless the sentence looks cited (eyecite takes a tenth of a second per citation)."""
    if not _LOOKS_CITED.rx.search(sentence):
        return []
    try:
        from eyecite import get_citations
        from eyecite.models import FullCaseCitation
    except ImportError:  # pragma: no cover - eyecite is a dependency
        return []
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for citation in get_citations(sentence):
        if not isinstance(citation, FullCaseCitation):
            continue
        start, end = citation.full_span()
        names = (citation.metadata.plaintiff or "", citation.metadata.defendant or "")
        found.append((start, end, names))
    if not found:
        return []
    blanked = _outside(sentence, [(start, end) for start, end, _ in found])
    outside = _SUPRA.rx.sub(" ", fold(whole.replace(sentence, blanked)))
    at = max(whole.find(sentence), 0)  # the sentence may start inside "reported at Ind. App."
    listed: list[Citation] = []
    for start, end, sides in found:
        # an opinion names its own parties before it cites itself; a case it relies on is
        # named again after its citation ("D'Andrea does not mandate a hearing")
        before = _SUPRA.rx.sub(" ", fold(whole[:at] + blanked[:start]))
        own = _names_this_case(sides, before if before.strip() else outside) or bool(
            _OWN_REPORT.rx.search(whole[max(0, at - 80) : at] + sentence[:start])
        )
        if not own and not any(sides) and listed and listed[-1].own:
            own = bool(_LATER_HISTORY.rx.fullmatch(sentence, listed[-1].end, start))
        listed.append(Citation(sentence[start:end], start, end, own))
    return listed


# The later history of a decision cited, run on after its citation: "Caldwell v. State, 886
# N.W.2d 491 (Minn. 2016), cert. denied, --- U.S. ----, 137 S. Ct. 2138 (2017)", "aff'd, 5 F.4th
# 1 (2021)": the case's own when the decision is.
_LATER_HISTORY = Regex(
    r"[^;]{0,30}?,?\s*(?:cert(?:iorari|\.)?\s+denied|reh['\u2019]?g\s+denied|rehearing\s+denied"
    r"|aff['\u2019]d|affirmed|rev['\u2019]d|reversed)\s*,?[^;()]{0,40}",
    re.IGNORECASE,
)


# A case cited again in short ("Compare State v. Garduno, supra"): a citation, not a name told.
_SUPRA = Regex(r"[^\s,;()]+(?:\s+[^\s,;()]+){0,4}\s+v\.\s+[^,;()]{1,60},\s*supra\b")
# The case's own earlier decision told in its history: "Layne appealed the judgment in a
# decision reported at 329 N.E.2d 612 (filed June 17, 1975)".
_OWN_REPORT = Regex(
    r"\b(?:decision|opinion|judgment|appeal)\s+(?:is\s+|was\s+)?reported\s+(?:at|in)"
    r"\s*(?:[A-Z][\w.]*\s*){0,3},?\s*$"
)


# Citations eyecite does not read: a French decision ("Crim., 5 mai 2010, n° 09-87.123", "Cass.
# civ. 2e, 7 avril 2022") or an ECHR judgment ("no. 30210/96, § 152, 26 October 2000") cited.
_CITED_BEFORE = Regex(
    r"(?:\b(?:crim|civ|com|soc|cass|ass\.\s*pl[ée]n|ch\.\s*mixte|CE|cons\.\s*const)\.?"
    r"(?:\s*(?:crim|civ|com|soc)\.?)?(?:\s*\d(?:re|e|ème)?\.?)?|\bnos?\.\s*\d+/\d+[^()]{0,60}?)"
    r",\s*(?:§+\s*[\d-]+,\s*)?$",
    re.IGNORECASE,
)
_CITED_AFTER = Regex(r"^,?\s*(?:pourvoi\s+)?n[°o]\s*[\d.-]+|^,?\s*§", re.IGNORECASE)
# A Conseil constitutionnel decision: "décision n° 2019-778 DC du 21 mars 2019".
_CONSTITUTIONAL = Regex(
    r"\bn[°o]\s*\d{2,4}-\d+\s*(?:DC|QPC|L|LP|FNR|ELEC|LOM|REF|D|I|AN|SEN|PDR)\s+du\s*$"
)
# A judgment named by its date and its case: "the judgment of 3 May 2005 in Smith v. Russia",
# "l'arrêt du 3 mai 2005 dans l'affaire Smith c. Russie".
_CASE_AFTER = Regex(
    r"^,?\s*(?:in|dans\s+l['\u2019]affaire)\s+(?:the\s+case\s+of\s+)?[A-Z][^,;.()]{0,60}?\s+"
    r"(?:v\.?|c\.)\s+[A-Z]"
)

# A date opening its sentence is the sentence's own: "On 17 October in Smith v. Jones, the
# Chamber ordered ...".
_OPENING = Regex(r"\s*(?:on|le)?\s*", re.IGNORECASE)


def cited_by_reference(sentence: str, start: int, end: int) -> bool:
    """Whether the date at start:end is a cited decision's in a form eyecite does not know:
    French ("Crim., 5 mai 2010, n° 09-87.123") or ECHR ("no. 30210/96, § 152, 26 October
    2000", "the judgment of 3 May 2005 in Smith v. Russia"). The head of a decision is itself
    written so: look elsewhere only."""
    before = sentence[max(0, start - 80) : start]
    if _CASE_AFTER.rx.match(sentence[end : end + 100]) and not _OPENING.rx.fullmatch(
        sentence, 0, start
    ):
        return True
    if _CONSTITUTIONAL.rx.search(before):
        return True
    return bool(_CITED_BEFORE.rx.search(before)) and (
        "/" in before or bool(_CITED_AFTER.rx.match(sentence[end : end + 30]))
    )


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every citation blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _names_this_case(names: tuple[str, ...], outside: str) -> bool:
    """Whether the sides of a citation are named outside citations: the text's own case. A
    government side (a State, a city: "Flade v. City of Shelbyville", "Miranda v. Arizona")
    is left out, as an opinion names its own State or county anyway; the others must all be."""
    sides = []
    for name in names:
        name = _RUN_BACK.rx.sub("", name)  # "(Tex.Cr.App.1969), and Cook": the name is Cook
        words = re.findall(r"[^\W\d_][\w'-]+", fold(name.split(",")[0]))
        if not words or " ".join(words) in _GENERIC_PARTIES or _government(words):
            continue
        sides.append(re.search(r"(?<!\w)" + re.escape(words[-1]) + r"(?!\w)", outside))
    return bool(sides) and all(sides)


# A side's name run back over the court and year closing the citation before it, as a string
# of citations gives them: "...743 (Tex.Cr.App.1969), and Cook v. State, 434 S.W.2d 133".
_RUN_BACK = Regex(r"^\s*\(?[^()]*\)[\s,;]*(?:and\s+|&\s+)?")
_GOVERNMENT_WORDS = frozenset(
    {"state", "people", "commonwealth", "city", "county", "town", "township", "village",
     "borough", "parish", "government", "republic", "kingdom", "district"}
)  # fmt: skip
_US_STATES = frozenset(
    {"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
     "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
     "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
     "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
     "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
     "wisconsin", "wyoming", "new hampshire", "new jersey", "new mexico", "new york",
     "north carolina", "north dakota", "rhode island", "south carolina", "south dakota",
     "west virginia"}
)  # fmt: skip


def _government(words: list[str]) -> bool:
    """Whether a side's name is a government's: "City of Shelbyville", "State of Ohio",
    "Arizona", "New Jersey"."""
    return words[0] in _GOVERNMENT_WORDS or " ".join(words) in _US_STATES
