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


def clause(context: Context) -> tuple[int, int]:
    """Where the date's clause starts and ends in the folded sentence: up to the nearest comma,
    semicolon, bracket or "and" on each side."""
    folded, start, end = context.words.folded, context.start, context.end
    low = max((m.end() for m in _CLAUSE_END.finditer(folded, 0, start)), default=0)
    high = next((m.start() for m in _CLAUSE_END.finditer(folded, end)), len(folded))
    return low, high


def kind_word_in_clause(context: Context) -> bool:
    """Whether one of the rules' event words stands in the date's clause."""
    low, high = clause(context)
    return any(low <= w[0] and w[1] <= high for w in context.words.words)


_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|e|es|ee|ees|is|it|u|ue)")
_AUXILIARY = frozenset(("was", "were", "has", "had", "have", "been", "is", "a", "ont", "ete"))


def _rich(context: Context, tokens: Sequence[tuple[int, int, str]], low: int) -> list[str]:
    """Cues of the clause's shape: its first word (most often the subject or the event's
    noun), the verb that governs the date (the last participle or word after an auxiliary
    before it), the words between the nearest event word and the date, and how far that word
    stands."""
    start, end = context.start, context.end
    cues = []
    in_clause = [t for t in tokens if low <= t[0] and t[1] <= start]
    content = [t[2] for t in in_clause if t[2] not in _STOP]
    if content:
        cues.append(f"s0:{content[0]}")
    dates = context.words.dates
    words = [  # whole words: a participle's ending is past the stem
        m.group()
        for m in _TOKEN.finditer(context.words.folded, low, start)
        if not any(a <= m.start() < b for a, b in dates)
    ]
    for index in range(len(words) - 1, -1, -1):
        if (index and words[index - 1] in _AUXILIARY) or (
            words[index] not in _STOP and _PARTICIPLE.fullmatch(words[index])
        ):
            cues.append(f"v:{words[index][:_STEM]}")
            break
    before = [w for w in context.words.words if w[1] <= start]
    if before:
        word = before[-1]
        between = [t[2] for t in tokens if word[1] <= t[0] and t[1] <= start]
        cues.extend(f"w:{stem}" for stem in between if stem not in _STOP)
        gap = len(between)
        bucket = "0" if gap == 0 else "1-2" if gap <= 2 else "3-6" if gap <= 6 else "7+"
        cues.append(f"gap:{bucket}")
        cues.append(f"gapk:{bucket}:{word[2]}")
    else:
        cues.append("gap:none")
    if not any(low <= w[0] and w[1] <= end for w in before):
        cues.append("noclausekind")
    return cues


def features(
    context: Context, rule_kind: str | None = None, lexical: bool = False, rich: bool = False
) -> list[str]:
    """The cues of one date, as feature names; `rule_kind` adds the rules' kind as a cue,
    `lexical` leaves out the cues the rules compute (their event words and header kind) and
    `rich` adds cues of the clause's shape (`_rich`)."""
    folded, start, end = context.words.folded, context.start, context.end
    dates = context.words.dates
    tokens = [
        (m.start(), m.end(), m.group()[:_STEM])
        for m in _TOKEN.finditer(folded)
        if not any(a <= m.start() < b for a, b in dates)
    ]
    before = [t for t in tokens if t[1] <= start]
    after = [t for t in tokens if t[0] >= end]
    low, high = clause(context)
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
    if rich:
        cues.extend(_rich(context, tokens, low))
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
    rich: bool = False  # trained with the cues of the clause's shape

    def scores(self, cues: Iterable[str]) -> dict[str, float]:
        total = dict.fromkeys(self.kinds, 0.0)
        for cue in cues:
            for kind, weight in self.weights.get(cue, {}).items():
                total[kind] += weight
        return total

    def cues(self, context: Context, rule_kind: str) -> list[str]:
        """The features this model was trained on, of one date."""
        return features(context, rule_kind if self.rule_kind else None, self.lexical, self.rich)

    def margin(self, context: Context, rule_kind: str) -> tuple[str, float]:
        """The model's kind and how far its score stands above the rules' kind's (0 when
        they agree; the rules' kind counts as scoring nothing when the model lacks it)."""
        scores = self.scores(self.cues(context, rule_kind))
        best = max(self.kinds, key=lambda kind: scores[kind])
        return best, scores[best] - scores.get(rule_kind, 0.0)

    def kind(self, context: Context, rule_kind: str) -> str:
        """The kind of highest score; ties go to the first kind in the model's order."""
        if self.keep_header and context.header is not None:
            return rule_kind
        scores = self.scores(self.cues(context, rule_kind))
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
            **({"rich": True} if self.rich else {}),
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
            rich=data.get("rich", False),
        )


def train(
    examples: Sequence[tuple[Sequence[str], str]],
    *,
    epochs: int = 12,
    seed: int = 24,
    rule_kind: bool = False,
    lexical: bool = False,
    keep_header: bool = False,
    rich: bool = False,
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
    return KindModel(averaged, kinds, rule_kind, lexical, keep_header, rich)


@functools.cache
def shipped() -> KindModel:
    """The model shipped with casetrack, read once, the first time a kind is asked for."""
    import json
    from importlib import resources

    text = resources.files("casetrack.extract").joinpath(WEIGHTS).read_text(encoding="utf-8")
    return KindModel.from_dict(json.loads(text))
