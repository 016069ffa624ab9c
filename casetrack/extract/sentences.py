"""Sentences, the unit whose words give a date its kind and parties. Not in text.py: a day
number before a month name ("17. Juni 2003") does not end a sentence, so it needs dates.py.
"""

from __future__ import annotations

import re

from casetrack.extract.dates import month_number
from casetrack.extract.text import Regex, fold

_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "arts", "para", "paras", "jan",
     "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
     "co", "corp", "v", "vs", "e.g", "i.e", "cf", "m", "mm", "mme", "mlle", "me", "p", "pp",
     "u.s", "u.k", "u.n", "gen", "col", "sgt", "lt", "capt", "gov", "sen", "rep", "jr", "sr",
     "op", "cit", "ch", "ibid", "al", "app", "ct", "crim", "cir", "supp", "div", "dist", "tenn",
     "cal", "ill", "mass", "fla", "tex", "ohio", "pa", "va", "wash", "mich", "conn", "ga",
     "n.y", "n.j", "d.c", "f", "perm", "cert", "vet", "civ", "proc", "cass", "crim", "soc",
     "civ", "com", "req", "bull", "nos", "ann", "stat", "code", "sess", "assn", "dept", "janv",
     "fevr", "avr", "juil", "juill", "dec")
)  # fmt: skip
_SENTENCE_END = Regex(r"[.!?…]+[\"'»”\u2019)\]]*(?=\s+[\"'«“(\[]?[A-ZÀ-Þ0-9])")


def sentences(text: str) -> list[str]:
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
            if (token.isdigit() or not token) and month_number(
                text[end.end() :].split(maxsplit=1)[0]
            ):
                continue  # German "17. Juni 2003", a blanked day ("on .. June 1969")
            result.append(text[start : end.end()])
            start = end.end()
        result.append(text[start : para.end()])
    return [s for s in result if s.strip()]
