"""Train casetrack.extract's keep/drop filter on the spent splits, and cross-validate it.

    python scripts/train_keep.py          # write casetrack/extract/keep_weights.json
    python scripts/train_keep.py --cv     # leave-one-split-out table, with and without the filter

Examples: every proposal extract makes on the texts of TRAINING, labelled by the evaluator's
matching (scripts/evaluate_extract.py): a proposal paired with an annotated milestone is "keep";
one of a date annotated as no milestone, of no annotated date, or of a date whose milestones are
paired already (a duplicate) is "drop". Two readings of each text give proposals: the rules now
(fitted on these splits, so they propose little junk) and the rules as they stood before the
split's misses were first read (THEN: a git commit; they propose the junk and the duplicates
unseen texts get). Only spent splits are read: the clean ones (heldout2, heldout12 and any later
blind split) never are, and the made-up `fictional` split is left out (written knowing the rules).

Cross-validation leaves one split out: the model is trained on the other splits' proposals, its
threshold chosen by a leave-one-split-out inside them, then applied to the left-out split's
proposals, both those of the rules then (the unseen-like measure) and those of the rules now.
The decision rule, fixed before any result: the filter is on by default only if it raises the
mean date F1 of the rules-then proposals and costs at most 1 point of recall on every split,
with the rules then and now; otherwise it ships opt-in (`extract --keep learned`).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from casetrack.extract import extract  # noqa: E402  (needs the root path first)
from casetrack.extract.keep import DROP, KEEP, WEIGHTS, KeepModel, cues  # noqa: E402
from casetrack.extract.learned import train  # noqa: E402

KINDS: Any = importlib.import_module("train_kinds")
EVALUATOR = KINDS.EVALUATOR
TRAINING: tuple[str, ...] = KINDS.TRAINING
OUT = ROOT / "casetrack" / "extract" / WEIGHTS
# The rules as they stood before each split's misses were first read: when it was added, or,
# for the splits scored once with the rules frozen, the commit that scored it.
THEN = {
    "tune": "152907a",
    "heldout": "152907a",
    "heldout3": "d637fcf",
    "heldout4": "e17a483",
    "heldout5": "6b4b058",
    "tune2": "8ec7ba8",
    "heldout6": "ae7f14a",
    "heldout7": "ae7f14a",
    "heldout8": "06493ab",
    "heldout9": "e8a2905",
    "heldout10": "c13f95a",
    "heldout11": "8ec2a50",
    "heldout13": "d7a8ffe",
    "heldout14": "6df17e2",
    "heldout15": "17e4863",
    "heldout16": "17e4863",
    "heldout17": "684e577",
    "heldout18": "530e56a",
    "heldout19": "530e56a",
    "heldout21": "1fd197e",
    "heldout22": "1fd197e",
    "heldout23": "d591317",
    "heldout24": "d591317",
}
_DUMP = """
import importlib.util, json, sys
from casetrack.extract import extract
spec = importlib.util.spec_from_file_location("corpus", sys.argv[1])
corpus = importlib.util.module_from_spec(spec)
sys.modules["corpus"] = corpus
spec.loader.exec_module(corpus)
print(json.dumps({s.name: [[c.date, c.found, c.sentence, c.kind, c.anchor]
                           for c in extract(s.text, lang=s.lang).candidates]
                  for s in corpus.real_samples(sys.argv[2])}))
"""


@dataclass(frozen=True)
class Told:
    """A proposal as the rules of another commit made it."""

    date: str
    found: str
    sentence: str
    kind: str
    anchor: str | None


@dataclass
class Read:
    """One text's proposals by one reading ("now" or "then"), with their cues and labels."""

    split: str
    reading: str
    sample: Any
    told: list[Any]
    cues: list[list[str]]
    labels: list[str]


def told_then(commit: str, split: str) -> dict[str, list[Told]]:
    """The proposals the rules of `commit` make on the split's texts (as annotated now)."""
    rows = KINDS.rules_then(commit, split, _DUMP)
    return {name: [Told(*row) for row in told] for name, told in rows.items()}


def labels(sample: Any, told: Sequence[Any]) -> list[str]:
    """keep for each proposal the evaluator pairs with an annotated milestone, drop otherwise."""
    gold = [e for e in sample.expected if e.status != EVALUATOR.corpus.SPURIOUS]
    proposals = [EVALUATOR.Proposal(t.date, t.kind) for t in told]
    paired = {id(p) for _, p in EVALUATOR._pair(gold, proposals)}
    return [KEEP if id(p) in paired else DROP for p in proposals]


def read(split: str, then: bool) -> list[Read]:
    older = told_then(THEN[split], split) if then else {}
    texts = []
    for sample in EVALUATOR.split_samples(split):
        if then:
            told: list[Any] = older[sample.name]
        else:
            told = extract(sample.text, lang=sample.lang).candidates
        found = cues(sample.text, told, sample.lang)
        reading = "then" if then else "now"
        texts.append(Read(split, reading, sample, told, found, labels(sample, told)))
    return texts


def fit(texts: Sequence[Read], threshold: float = 0.0, repeats_only: bool = False) -> KeepModel:
    data = [(c, label) for t in texts for c, label in zip(t.cues, t.labels, strict=True)]
    return KeepModel(train(data), threshold, repeats_only)


def scored(texts: Sequence[Read], model: KeepModel | None) -> Any:
    """The evaluator's date scores of these texts' proposals, filtered by `model` if given."""
    by_sample = {id(t.sample): t for t in texts}

    def finder(sample: Any, with_case: bool) -> list[Any]:
        text = by_sample[id(sample)]
        told = zip(text.told, text.cues, strict=True)
        return [
            EVALUATOR.Proposal(t.date, t.kind) for t, c in told if model is None or model.keeps(c)
        ]

    return EVALUATOR.score([t.sample for t in texts], finder)


def _splits(texts: Sequence[Read]) -> list[str]:
    return sorted({t.split for t in texts}, key=[t.split for t in texts].index)


def choose_threshold(
    texts: Sequence[Read], recall_loss: float | None = None, repeats_only: bool = False
) -> float:
    """The margin that gives the best mean date F1 over a leave-one-split-out of these texts,
    both readings (with `recall_loss`, among those that cost no fold more recall than that);
    ties go to the lowest (dropping least). Tried: 200 margins spread over those the folds give."""
    folds = []
    for left_out in _splits(texts):
        model = fit([t for t in texts if t.split != left_out], repeats_only=repeats_only)
        test = [t for t in texts if t.split == left_out]
        for reading in ("now", "then"):
            tests = [t for t in test if t.reading == reading]
            if tests:
                folds.append((model, tests, scored(tests, None).recall))
    margins = sorted(m.margin(c) for m, tests, _ in folds for t in tests for c in t.cues)
    tried = sorted({margins[0] - 1.0, *(margins[i * len(margins) // 200] for i in range(200))})
    best, best_f1 = tried[0], -1.0
    for threshold in tried:
        runs = [
            (scored(ts, KeepModel(m.model, threshold, m.repeats_only)), recall)
            for m, ts, recall in folds
        ]
        if recall_loss is not None and any(recall - s.recall > recall_loss for s, recall in runs):
            continue
        f1 = statistics.mean(s.f1 for s, _ in runs)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


def _row(s: Any) -> str:
    return f"{s.precision:>7.1%} {s.recall:>6.1%} {s.f1:>6.3f} {s.junk:>4} {s.duplicates:>4}"


def cross_validate(
    texts: Sequence[Read], recall_loss: float | None = None, repeats_only: bool = False
) -> None:
    head = f"{'P':>7} {'R':>6} {'F1':>6} {'junk':>4} {'dup':>4}"
    print(f"{'split':<9} {'rules':<5} {'t':>6}  without: {head}   with filter: {head}")
    means: dict[str, list[tuple[float, float]]] = {"then": [], "now": []}
    for left_out in _splits(texts):
        training = [t for t in texts if t.split != left_out]
        threshold = choose_threshold(training, recall_loss, repeats_only)
        model = fit(training, threshold, repeats_only)
        for reading in ("then", "now"):
            test = [t for t in texts if t.split == left_out and t.reading == reading]
            before, after = scored(test, None), scored(test, model)
            means[reading].append((before.f1, after.f1))
            print(
                f"{left_out:<9} {reading:<5} {model.threshold:>6.2f}  without: {_row(before)}"
                f"   with filter: {_row(after)}"
            )
    for reading, pairs in means.items():
        without, with_filter = (statistics.mean(p[i] for p in pairs) for i in (0, 1))
        print(f"mean F1, rules {reading}: {without:.3f} without, {with_filter:.3f} with the filter")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cv", action="store_true", help="cross-validate instead of writing")
    parser.add_argument(
        "--recall-loss",
        type=float,
        help="choose the threshold among those losing at most this recall on a training fold",
    )
    parser.add_argument(
        "--repeats-only", action="store_true", help="drop only dates proposed already in a text"
    )
    args = parser.parse_args(argv)
    texts = [text for split in TRAINING for then in (True, False) for text in read(split, then)]
    if args.cv:
        cross_validate(texts, args.recall_loss, args.repeats_only)
        return 0
    threshold = choose_threshold(texts, args.recall_loss, args.repeats_only)
    model = fit(texts, threshold, args.repeats_only)
    meta = {"corpus": KINDS.corpus_digest(), "splits": list(TRAINING), "then": THEN}
    OUT.write_text(KINDS.dumps(model.to_dict(meta)))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model.model.weights)} cues")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
