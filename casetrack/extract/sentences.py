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
     "fevr", "avr", "juil", "juill", "dec",
     # the other States' court and reporter abbreviations ("(Ariz. Ct. App. Feb. 24, 2001)")
     "ala", "ariz", "ark", "colo", "del", "haw", "ind", "kan", "ky", "la", "md", "minn", "miss",
     "mo", "mont", "neb", "nev", "n.h", "n.m", "n.c", "n.d", "okla", "ore", "r.i", "s.c", "s.d",
     "vt", "w.va", "wis", "wyo", "super", "misc", "n.e", "n.w", "s.e", "s.w", "a.d", "atty",
     # a gazette's record of a text: "prom. 17/05/2006 pub. 15/06/2006"
     "prom", "pub")
)  # fmt: skip
# A sentence ends before a capital, a digit or the next item of a list ("- (May 3, 2024) A").
_SENTENCE_END = Regex(r"[.!?…]+[\"'»”\u2019)\]]*(?=\s+(?:[-\u2022*]\s+)?[\"'«“(\[]?[A-ZÀ-Þ0-9])")


_WORD_BEFORE = Regex(r"([^\W\d_]+)\.?\s+$")


def _after_a_month(text: str, start: int, end: int) -> bool:
    """Whether a month's name comes right before `end`: "... a charter flight May 26. May 30,
    2023" ends a sentence at the day, unlike German "17. Juni"."""
    word = _WORD_BEFORE.rx.search(text, start, end)
    return word is not None and month_number(word.group(1)) is not None


_INITIALS = Regex(r"[^\W\d_](?:\.[^\W\d_])*")  # "J." or "S.O.G." before a name


def _run_together(token: str) -> bool:
    """Whether the token is abbreviations run together without spaces: "Minn.App", "Cal.App"
    in a citation's bracket ("(Minn.App. June 17, 2019)"), "U.S.App" in "2011 U.S.App. LEXIS
    9541 (1st Cir. May 10, 2011)"."""
    parts = token.split(".")
    if len(parts) < 2:
        return False
    # each part an abbreviation, or a run of parts one ("U.S.App": "u.s" and "app")
    covered = [True] + [False] * len(parts)
    for end in range(1, len(parts) + 1):
        covered[end] = any(
            covered[start] and ".".join(parts[start:end]) in _ABBREVIATIONS
            for start in range(max(0, end - 3), end)
        )
    return covered[-1]


def sentences(text: str) -> list[str]:
    """Split into sentences, not at abbreviations ("Mr.", "Jan.", "No.") or initials."""
    result: list[str] = []
    for para_start, para_end in _paragraphs(text):
        start = para_start
        for end in _SENTENCE_END.rx.finditer(text, para_start, para_end):
            cut = end.start()
            word_start = max(start, *(text.rfind(space, start, cut) + 1 for space in " \t\n"))
            token = fold(text[word_start:cut].lstrip("(\"'«“"))
            if token in _ABBREVIATIONS or _INITIALS.rx.fullmatch(token) or _run_together(token):
                continue
            if (
                (token.isdigit() or not token)
                and month_number(text[end.end() :].split(maxsplit=1)[0])
                and not _after_a_month(text, start, word_start)
            ):
                continue  # German "17. Juni 2003", a blanked day ("on .. June 1969")
            result.append(text[start : end.end()])
            start = end.end()
        result.append(text[start:para_end])
    return [s for s in result if s.strip()]


# A short paragraph ending with a comma or colon runs on past the blank line: a list of
# names ("Statuant sur les pourvois formés par :", "D... François,", "B... Guy,").
_RUNS_ON = 60


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Start and end of each paragraph: lines up to a blank line, short list items joined."""
    spans: list[tuple[int, int]] = []
    runs_on = False
    for para in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        if runs_on:
            spans[-1] = (spans[-1][0], para.end())
        else:
            spans.append(para.span())
        body = para.group().strip()
        runs_on = len(body) <= _RUNS_ON and body.endswith((",", ":"))
    return spans
