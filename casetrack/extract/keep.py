"""A learned keep/drop decision on each proposed milestone: whether a date the rules propose is a
milestone of the case at all, or junk (a citation's year, a law's date, a header, a dateline, a
birth year, a publication line) or the same event told again.

The rules drop such dates by their wording, and every round of them fitted the texts it read
and left the same shapes on texts it had not: 7 to 30 junk dates and 2 to 4 duplicates on each
split's first score. This model weighs shapes that do not depend on the wording: where the date
stands (the text's head, a short line of its own, after a place and a comma, in parentheses), what
is around it (citation marks, the name of a law or a treaty, birth or publication words), how far
its year is from the text's other dates, whether the same date was proposed already, and the
cues of the kind model (learned.features). It is the kind model's perceptron with two labels,
"keep" and "drop"; a proposal is dropped when its "keep" score falls short of its "drop" score by
more than the threshold chosen in training (scripts/train_keep.py writes keep_weights.json).
"""

from __future__ import annotations

import functools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from casetrack.extract.kinds import KindWords
from casetrack.extract.learned import Context, KindModel, features
from casetrack.extract.text import fold

WEIGHTS = "keep_weights.json"
KEEP, DROP = "keep", "drop"
_HEAD = 300  # characters: a text's head, where its headers, bylines and datelines are
_BEFORE = 60  # characters before a date looked at for the words of a law, a birth, a page
_CITATION = {
    "versus": r"\b[vc]\.\s|\bvs?\.?\s",
    "reporter": r"\d\s+(?:u\.\s?s\.|f\.\s?(?:\d\w*|supp)|s\.\s?ct\.|so\.|n\.\s?[ew]\.|p\.\s?\d|"
    r"a\.\s?\d|cal\.|l\.\s?ed|wl|ecli|echr|ewca|ukhl|scc|fc)\b",
    "court": r"\b(?:cir|dist|app|ct|supp)\.",
    "section": r"§|\bart(?:icle)?\.?\s+[lr]?\.?\s?\d|\bsection\s+\d",
    "number": r"\bn[o°]s?\.?\s?\d|\bno\s\d",
    "pin": r"\bat\s\d+|\bid\.|\bsupra\b|\bibid",
    "bulletin": r"\bbull\.|\brec\.|\bjorf\b|\bjournal officiel\b",
}
_WORDS = {
    "law": r"\b(?:act|law|loi|lois|decret|decree|ordonnance|ordinance|regulation|reglement|"
    r"convention|treaty|traite|code|statute|directive|arrete|circulaire|amendment|constitution|"
    r"protocol|protocole|rule|rules|charter|charte|bill)\b",
    "birth": r"\b(?:born|nee?|naissance|aged?|birth|dob)\b",
    "page": r"\b(?:published|publie|updated|posted|modified|copyright|accessed|retrieved|"
    r"consulte|printed|imprime|release|date|dated|mis a jour|last)\b|©",
    "cited": r"\b(?:cited|cite|quoting|see|voir|reported|judgment of|arret du|decision du)\b",
}
_REGEXES = {name: re.compile(rx) for name, rx in (*_CITATION.items(), *_WORDS.items())}
_DATELINE = re.compile(r"[A-Z][\w.' -]{1,40},(?:\s+[A-Z][\w.' -]{1,30},)?\s*$")
_YEAR = re.compile(r"\d{4}")


class Told(Protocol):
    """What a proposal says, as extract() and an older extract() alike give it."""

    @property
    def date(self) -> str: ...

    @property
    def found(self) -> str: ...

    @property
    def sentence(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def anchor(self) -> str | None: ...


def _bucket(value: float, bounds: Sequence[float]) -> int:
    return next((i for i, bound in enumerate(bounds) if value <= bound), len(bounds))


def _year(date: str) -> int | None:
    found = _YEAR.match(date)
    return int(found.group()) if found else None


def _where(text: str, found: str, after: int) -> int:
    """Where the date stands in the text: its next occurrence after the last one placed."""
    at = text.find(found, after)
    return at if at >= 0 else text.find(found)


def cues(text: str, told: Sequence[Told], lang: str = "en") -> list[list[str]]:
    """The cues of each proposal of one text, in the order proposed."""
    years = [y for y in (_year(t.date) for t in told) if y is not None]
    middle = statistics.median(years) if years else None
    seen: set[tuple[str, ...]] = set()  # dates, dates and kinds, sentences proposed already
    after = 0
    found_cues = []
    for one in told:
        at = _where(text, one.found, after)
        after = max(after, at)
        found_cues.append(_cues(text, one, at, seen, middle, lang))
        seen |= {(one.date,), (one.date, one.kind), ("", "", one.sentence)}
    return found_cues


def _cues(
    text: str, one: Told, at: int, seen: set[tuple[str, ...]], middle: float | None, lang: str
) -> list[str]:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(one.date.rstrip("~")), "other")
    found = [
        f"prec:{precision}",
        f"approx:{one.date.endswith('~')}",
        f"relative:{one.anchor is not None}",
        f"rule:{one.kind}",
        f"dup:date:{(one.date,) in seen}",
        f"dup:kind:{(one.date, one.kind) in seen}",
        f"dup:sentence:{('', '', one.sentence) in seen}",
    ]
    year = _year(one.date)
    if year is not None and middle is not None:
        found.append(f"gap:{_bucket(middle - year, (-1, 0, 2, 6, 15))}")
    if at >= 0:
        found.append(f"head:{at < _HEAD}")
        found.append(f"where:{_bucket(at / max(len(text), 1), (0.1, 0.5, 0.9))}")
        start = text.rfind("\n", 0, at) + 1
        stop = text.find("\n", at)
        line = text[start : stop if stop >= 0 else len(text)]
        left, right = text[start:at], line[at - start + len(one.found) :]
        found += [
            f"line:short:{len(line.strip()) < 80}",
            f"line:alone:{len(one.found) * 2 >= len(line.strip())}",
            f"line:starts:{not left.strip()}",
            f"line:ends:{not right.strip(' .;,')}",
            f"dateline:{bool(_DATELINE.search(left))}",
            f"paren:{left.count('(') + left.count('[') > left.count(')') + left.count(']')}",
            f"closes:{right.lstrip()[:1] in (')', ']')}",
        ]
        near = fold(text[max(0, at - _BEFORE) : at]).lower()
        found += [f"near:{name}" for name in _WORDS if _REGEXES[name].search(near)]
    sentence = fold(one.sentence).lower()
    found += [f"cite:{name}" for name in _CITATION if _REGEXES[name].search(sentence)]
    start = one.sentence.find(one.found)
    if start >= 0:
        end = start + len(one.found)
        context = Context(KindWords.of(one.sentence, [(start, end)]), start, end, None, lang,
                          False, False, at < _HEAD)  # fmt: skip
        found += features(context)
    return sorted(set(found))


@dataclass(frozen=True)
class KeepModel:
    """The kind model's weights over the labels "keep" and "drop", and the margin under which a
    proposal is dropped."""

    model: KindModel
    threshold: float
    repeats_only: bool = False  # drop only a date proposed already in the text

    def keeps(self, found: Sequence[str]) -> bool:
        """Whether a proposal of these cues is kept."""
        if self.repeats_only and "dup:date:True" not in found:
            return True
        return self.margin(found) >= self.threshold

    def margin(self, found: Sequence[str]) -> float:
        scores = self.model.scores(found)
        return scores.get(KEEP, 0.0) - scores.get(DROP, 0.0)

    def kept(self, text: str, told: Sequence[Any], lang: str = "en") -> list[Any]:
        """The proposals kept, in their order."""
        return [
            one
            for one, found in zip(told, cues(text, told, lang), strict=True)
            if self.keeps(found)
        ]

    def to_dict(self, meta: dict[str, Any]) -> dict[str, Any]:
        return self.model.to_dict(
            {**meta, "threshold": self.threshold, "repeats_only": self.repeats_only}
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeepModel:
        return cls(KindModel.from_dict(data), data["threshold"], data["repeats_only"])


@functools.cache
def shipped() -> KeepModel:
    """The filter shipped with casetrack, read once, the first time it is asked for."""
    import json
    from importlib import resources

    text = resources.files("casetrack.extract").joinpath(WEIGHTS).read_text(encoding="utf-8")
    return KeepModel.from_dict(json.loads(text))
