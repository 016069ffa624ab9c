"""A learned kind for each proposed milestone: an averaged perceptron over the words of its date's
context, trained on the annotated corpus (scripts/train_kinds.py writes kind_weights.json).

The kind rules of kinds.py reach 95%+ on the texts they were written reading and 45-66% on texts
they had never seen: phrases fitted to read misses do not carry over. A linear model over many
weak cues (the words just before and after the date, the words of its clause, the event words
the rules find and where they stand, the language, whether the text is a decision or a release)
weighs them from every annotated milestone at once instead. Plain Python at run time: a small
JSON file of weights, read the first time a kind is asked for, and a sum per kind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from casetrack.extract.kinds import KindWords

WEIGHTS = "kind_weights.json"
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_STEM = 6  # characters of a word kept: "condamne", "condamnee", "condamnes" are one cue
_WINDOW = 6  # words looked at on each side of the date
_STOP = frozenset(
    ("the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "by", "for", "with", "was",
     "were", "is", "be", "been", "has", "had", "have", "that", "this", "le", "la", "les", "l'",
     "un", "une", "des", "du", "de", "d'", "et", "ou", "en", "au", "aux", "sur", "par", "pour",
     "est", "sont", "ete", "qui", "que")
)  # fmt: skip
_OPENS = re.compile(r"\W*(?:on|in|by|since|le|en|du|depuis)?\W*")
_CLAUSE_END = re.compile(r"[;:()]|,\s|\s(?:and|et|but|mais|while)\s")


@dataclass(frozen=True)
class Context:
    """What extract() knows of a date when it proposes it: the sentence's kind words (with the
    folded sentence), where the date is in it, the header kind of a decision's head date, and
    cues of the whole text."""

    words: KindWords
    start: int
    end: int
    header: str | None
    lang: str
    decision: bool
    release: bool
    head: bool  # in the first characters of the text, where a decision's court and date are


def features(context: Context, rule_kind: str | None = None, lexical: bool = False) -> list[str]:
    """The cues of one date, as feature names; `rule_kind` adds the rules' kind as a cue and
    `lexical` leaves out the cues the rules compute (their event words and header kind)."""
    folded, start, end = context.words.folded, context.start, context.end
    dates = context.words.dates
    tokens = [
        (m.start(), m.end(), m.group()[:_STEM])
        for m in _TOKEN.finditer(folded)
        if not any(a <= m.start() < b for a, b in dates)
    ]
    before = [t for t in tokens if t[1] <= start]
    after = [t for t in tokens if t[0] >= end]
    low = max((m.end() for m in _CLAUSE_END.finditer(folded, 0, start)), default=0)
    high = next((m.start() for m in _CLAUSE_END.finditer(folded, end)), len(folded))
    cues = [
        "bias",
        f"lang:{context.lang}",
        f"decision:{context.decision}",
        f"release:{context.release}",
        f"head:{context.head}",
        f"opens:{bool(_OPENS.fullmatch(folded, low, start))}",
    ]
    near_before = [t[2] for t in before if t[2] not in _STOP][-_WINDOW:]
    near_after = [t[2] for t in after if t[2] not in _STOP][:_WINDOW]
    for index, stem in enumerate(reversed(near_before)):
        cues.append(f"b:{stem}")
        if index < 2:
            cues.append(f"b{index}:{stem}")
    for index, stem in enumerate(near_after):
        cues.append(f"a:{stem}")
        if index < 2:
            cues.append(f"a{index}:{stem}")
    cues.extend(f"c:{t[2]}" for t in tokens if low <= t[0] and t[1] <= high and t[2] not in _STOP)
    if not lexical:
        cues.append(f"header:{context.header}")
        for word_start, word_end, kind, strength in context.words.words:
            side = "b" if word_end <= start else "a"
            shape = "v" if strength else "n"
            in_clause = low <= word_start and word_end <= high
            cues.append(f"k{side}{shape}:{kind}")
            if in_clause:
                cues.append(f"kc{shape}:{kind}")
        kinds_before = [w for w in context.words.words if w[1] <= start]
        kinds_after = [w for w in context.words.words if w[0] >= end]
        if kinds_before:
            cues.append(f"kb0:{kinds_before[-1][2]}")
        if kinds_after:
            cues.append(f"ka0:{kinds_after[0][2]}")
    if rule_kind is not None:
        cues.append(f"rule:{rule_kind}")
    return sorted(set(cues))


@dataclass(frozen=True)
class KindModel:
    """Weights of a linear model: for each feature, what it adds to each kind's score."""

    weights: dict[str, dict[str, float]]
    kinds: tuple[str, ...]
    rule_kind: bool = False  # trained with the rules' kind as a cue
    lexical: bool = False  # trained without the rules' event words
    keep_header: bool = False  # a decision's header date keeps the rules' kind

    def scores(self, cues: Iterable[str]) -> dict[str, float]:
        total = dict.fromkeys(self.kinds, 0.0)
        for cue in cues:
            for kind, weight in self.weights.get(cue, {}).items():
                total[kind] += weight
        return total

    def kind(self, context: Context, rule_kind: str) -> str:
        """The kind of highest score; ties go to the first kind in the model's order."""
        if self.keep_header and context.header is not None:
            return rule_kind
        cues = features(context, rule_kind if self.rule_kind else None, self.lexical)
        scores = self.scores(cues)
        return max(self.kinds, key=lambda kind: scores[kind])

    def to_dict(self, meta: dict[str, Any]) -> dict[str, Any]:
        weights = {
            cue: {kind: round(w, 4) for kind, w in sorted(by_kind.items()) if round(w, 4)}
            for cue, by_kind in sorted(self.weights.items())
        }
        return {
            **meta,
            "kinds": list(self.kinds),
            "rule_kind": self.rule_kind,
            "lexical": self.lexical,
            "keep_header": self.keep_header,
            "weights": {cue: by_kind for cue, by_kind in weights.items() if by_kind},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KindModel:
        return cls(
            weights=data["weights"],
            kinds=tuple(data["kinds"]),
            rule_kind=data["rule_kind"],
            lexical=data["lexical"],
            keep_header=data["keep_header"],
        )


def train(
    examples: Sequence[tuple[Sequence[str], str]],
    *,
    epochs: int = 12,
    seed: int = 24,
    rule_kind: bool = False,
    lexical: bool = False,
    keep_header: bool = False,
) -> KindModel:
    """An averaged perceptron: on each example it gets wrong, the gold kind's weights of its
    features go up by one and the predicted kind's down; the weights kept are the average over
    every step, which keeps rare cues from swinging the answer. Deterministic: the examples
    are visited in an order drawn from `seed`, ties go to the first kind in sorted order."""
    import random

    kinds = tuple(sorted({kind for _, kind in examples}))
    weights: dict[str, dict[str, float]] = {}
    totals: dict[tuple[str, str], float] = {}  # summed weight * steps, for the average
    stamps: dict[tuple[str, str], int] = {}  # the step each weight last changed at
    order = list(range(len(examples)))
    shuffle = random.Random(seed).shuffle
    step = 0
    for _ in range(epochs):
        shuffle(order)
        for index in order:
            cues, gold = examples[index]
            model = KindModel(weights, kinds)
            scores = model.scores(cues)
            guess = max(kinds, key=lambda kind: scores[kind])
            step += 1
            if guess == gold:
                continue
            for cue in cues:
                by_kind = weights.setdefault(cue, {})
                for kind, delta in ((gold, 1.0), (guess, -1.0)):
                    key = (cue, kind)
                    old = by_kind.get(kind, 0.0)
                    totals[key] = totals.get(key, 0.0) + old * (step - stamps.get(key, 0))
                    stamps[key] = step
                    by_kind[kind] = old + delta
    averaged: dict[str, dict[str, float]] = {}
    for cue, by_kind in weights.items():
        for kind, weight in by_kind.items():
            key = (cue, kind)
            total = totals.get(key, 0.0) + weight * (step - stamps.get(key, 0))
            averaged.setdefault(cue, {})[kind] = total / max(step, 1)
    return KindModel(averaged, kinds, rule_kind, lexical, keep_header)


@functools.cache
def shipped() -> KindModel:
    """The model shipped with casetrack, read once, the first time a kind is asked for."""
    import json
    from importlib import resources

    text = resources.files("casetrack.extract").joinpath(WEIGHTS).read_text(encoding="utf-8")
    return KindModel.from_dict(json.loads(text))
