"""Train casetrack.extract's kind model on the spent splits of the corpus, and cross-validate it.

    python scripts/train_kinds.py          # write casetrack/extract/kind_weights.json
    python scripts/train_kinds.py --cv     # leave-one-split-out and leave-one-language-out table
    python scripts/train_kinds.py --unseen # with the rules as they were before a split was read
    python scripts/train_kinds.py --forward # models on the cues those older rules gave

The examples are extract's own proposals on the texts of TRAINING (the rules run, as `extract
--no-learned` would), paired with the annotated milestones by the evaluator's matching
(scripts/evaluate_extract.py), each with its date's cues and the annotated kind. Only spent
splits train: the clean ones (heldout2, heldout12, any later blind split) are never read here. The
made-up `fictional` split is left out: it was written knowing the rules, not as texts are.
Training is deterministic (a fixed seed), so the same corpus and rules give the same file; the
file records a digest of the training texts and annotations, which tests/test_extract_learned.py
compares with the corpus.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]  # casetrack, and the evaluator beside this

from casetrack.extract import Candidate, extract  # noqa: E402  (needs the root path first)
from casetrack.extract.learned import WEIGHTS, KindModel, features, train  # noqa: E402

TRAINING = (
    *("tune", "tune2", "heldout", "heldout3"),
    *("heldout4", "heldout5", "heldout6", "heldout7", "heldout8"),
    *("heldout9", "heldout10", "heldout11", "heldout13", "heldout14"),
    *("heldout15", "heldout16", "heldout17", "heldout18", "heldout19"),
    *("heldout21", "heldout22", "heldout23", "heldout24"),
)
OUT = ROOT / "casetrack" / "extract" / WEIGHTS


EVALUATOR: Any = importlib.import_module("evaluate_extract")


def corpus_digest(splits: Sequence[str] = TRAINING) -> str:
    """SHA-256 of the training texts and their annotations, in a fixed order."""
    digest = hashlib.sha256()
    for split in splits:
        for path in sorted((EVALUATOR.corpus.CORPUS / split).glob("*")):
            if path.suffix in (".txt", ".json"):
                digest.update(f"{split}/{path.name}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Read:
    """One text read by the rules, once, with and without the case's parties."""

    split: str
    sample: Any
    alone: list[Candidate]
    with_case: list[Candidate]


def read(split: str) -> list[Read]:
    return [
        Read(
            split,
            sample,
            extract(sample.text, lang=sample.lang, learned=False).candidates,
            extract(
                sample.text, known_parties=sample.known_parties, lang=sample.lang, learned=False
            ).candidates,
        )
        for sample in EVALUATOR.split_samples(split)
    ]


Config = Callable[[Sequence[tuple[Any, Candidate]]], KindModel | None]


def _proposal(candidate: Candidate, kind: str) -> Any:
    parties = (*candidate.parties, *(p.alias for p in candidate.new_parties))
    return EVALUATOR.Proposal(candidate.date, kind, parties)


def _kind(model: KindModel | None, candidate: Candidate) -> str:
    if model is None or candidate.context is None:
        return candidate.kind
    return model.kind(candidate.context, candidate.kind)


def examples(texts: Sequence[Read]) -> list[tuple[Any, Candidate]]:
    """(annotated milestone, proposal) for each found milestone, paired as the evaluator pairs."""
    pairs: list[tuple[Any, Candidate]] = []
    for text in texts:
        gold = [e for e in text.sample.expected if e.status != EVALUATOR.corpus.SPURIOUS]
        proposals = [_proposal(c, c.kind) for c in text.alone]
        by_id = {id(p): c for p, c in zip(proposals, text.alone, strict=True)}
        pairs.extend((m, by_id[id(p)]) for m, p in EVALUATOR._pair(gold, proposals))
    return pairs


def fit(pairs: Sequence[tuple[Any, Candidate]], **options: bool) -> KindModel:
    rule_kind, lexical = options.get("rule_kind", False), options.get("lexical", False)
    rich = options.get("rich", False)
    data = [
        (features(c.context, c.kind if rule_kind else None, lexical, rich), m.kind)
        for m, c in pairs
        if c.context is not None
    ]
    return train(data, **options)


def scored(texts: Sequence[Read], choose: KindModel | Callable[[Candidate], str] | None) -> Any:
    """The evaluator's scores of these texts with the kinds a model (or a choice) gives."""
    cached = {id(t.sample): t for t in texts}

    def kind(candidate: Candidate) -> str:
        if choose is None or isinstance(choose, KindModel):
            return _kind(choose, candidate)
        return choose(candidate)

    def finder(sample: Any, with_case: bool) -> list[Any]:
        text = cached[id(sample)]
        candidates = text.with_case if with_case else text.alone
        return [_proposal(c, kind(c)) for c in candidates]

    return EVALUATOR.score([t.sample for t in texts], finder)


CONFIGS: dict[str, dict[str, bool] | None] = {
    "rules": None,
    "lexical": {"lexical": True},
    "classifier": {},
    "classifier+rule": {"rule_kind": True},
    "header rules+classifier": {"keep_header": True},
}


def cross_validate(texts: Sequence[Read], group: Callable[[Read], str]) -> None:
    groups = sorted({group(t) for t in texts}, key=[group(t) for t in texts].index)
    print(f"{'configuration':<24}" + "".join(f"{g:>10}" for g in groups) + f"{'mean':>8}")
    for name, options in CONFIGS.items():
        row = []
        for left_out in groups:
            test = [t for t in texts if group(t) == left_out]
            model = None
            if options is not None:
                model = fit(examples([t for t in texts if group(t) != left_out]), **options)
            row.append(scored(test, model).kind_accuracy)
        cells = "".join(f"{a:>10.1%}" for a in row)
        print(f"{name:<24}{cells}{statistics.mean(row):>8.1%}")
    # The hybrid: the rules' kind wherever they have a cue, the classifier's where they say
    # "other" (no event word reached the date).
    row = []
    for left_out in groups:
        model = fit(examples([t for t in texts if group(t) != left_out]))
        hybrid = functools.partial(_where_other, model)
        row.append(scored([t for t in texts if group(t) == left_out], hybrid).kind_accuracy)
    cells = "".join(f"{a:>10.1%}" for a in row)
    print(f"{'rules, model where other':<24}{cells}{statistics.mean(row):>8.1%}")


def _where_other(model: KindModel, candidate: Candidate) -> str:
    return _kind(model, candidate) if candidate.kind == "other" else candidate.kind


def dumps(record: dict[str, Any]) -> str:
    """JSON with one cue's weights a line, so that a retrained file's diff reads cue by cue."""
    weights = record.pop("weights")
    lines = [json.dumps(cue) + ": " + json.dumps(weights[cue], sort_keys=True) for cue in weights]
    head = json.dumps(record, sort_keys=True)[:-1]
    return head + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"


# The kind rules as they stood before each split's misses were read (its first score).
RULES_BEFORE = {
    "tune2": "6b4b058",
    "heldout4": "e17a483",
    "heldout5": "6b4b058",
    "heldout6": "ae7f14a",
    "heldout7": "ae7f14a",
    "heldout8": "06493ab",
    "heldout9": "58795b2",
    "heldout10": "c13f95a",
    "heldout11": "8ec2a50",
}
# What a dump script run in an older commit's tree begins with: extract, and the corpus's
# reader (tests/extract_corpus.py of this tree, argv[1]) for the split argv[2].
_LOAD_CORPUS = """
import importlib.util, json, sys
from casetrack.extract import extract
spec = importlib.util.spec_from_file_location("corpus", sys.argv[1])
corpus = importlib.util.module_from_spec(spec)
sys.modules["corpus"] = corpus
spec.loader.exec_module(corpus)
"""
_DUMP = (
    _LOAD_CORPUS
    + """\
print(json.dumps({s.name: [[c.date, c.sentence, c.kind] for c in extract(s.text, lang=s.lang)
                           .candidates] for s in corpus.real_samples(sys.argv[2])}))
"""
)


def rules_then(commit: str, split: str, dump: str = _DUMP) -> dict[str, list[list[Any]]]:
    """(date, sentence, kind) of each proposal the rules of `commit` make on the split's texts,
    or what another `dump` script prints of them."""
    with tempfile.TemporaryDirectory() as old:
        command = ["git", "-C", str(ROOT), "archive", commit, "casetrack"]
        archive = subprocess.run(command, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", old], input=archive.stdout, check=True)
        run = subprocess.run(
            [sys.executable, "-c", dump, str(ROOT / "tests" / "extract_corpus.py"), split],
            cwd=old,
            env={"PYTHONPATH": old, "PATH": ""},
            capture_output=True,
            check=True,
            text=True,
        )
    told: dict[str, list[list[Any]]] = json.loads(run.stdout)
    return told


def _choices(
    then: dict[int, str], model: KindModel, cued: KindModel, header: KindModel
) -> dict[str, Callable[[Candidate], str]]:
    """The kinds to score with `then`, the rules' kind before the split was read."""

    def with_then(chosen: KindModel) -> Callable[[Candidate], str]:
        return lambda c: chosen.kind(c.context, then[id(c)]) if c.context else then[id(c)]

    return {
        "rules before the split was read": lambda c: then[id(c)],
        "model": lambda c: _kind(model, c),
        "model, those rules' kind a cue": with_then(cued),
        "those rules, model where other": lambda c: (
            _kind(model, c) if then[id(c)] == "other" else then[id(c)]
        ),
        "those rules for a header date": with_then(header),
    }


def unseen(texts: Sequence[Read]) -> None:
    """The kinds on each split of RULES_BEFORE with the rules' kind as they were before it was
    read, alone and as the model's cue: the only unseen figures the rules' kind can give."""
    rows: dict[str, list[float]] = {}
    for split, commit in RULES_BEFORE.items():
        told = rules_then(commit, split)
        then: dict[int, str] = {}
        for text in texts:
            if text.split == split:
                for c in text.alone + text.with_case:
                    old = told[text.sample.name]
                    same = [k for d, s, k in old if d == c.date and s == c.sentence]
                    then[id(c)] = (same or [k for d, _, k in old if d == c.date] or ["other"])[0]
        test = [t for t in texts if t.split == split]
        train = examples([t for t in texts if t.split != split])
        model, cued = fit(train), fit(train, rule_kind=True)
        header = KindModel(model.weights, model.kinds, keep_header=True)
        for name, choose in _choices(then, model, cued, header).items():
            rows.setdefault(name, []).append(scored(test, choose).kind_accuracy)
    _print_table(RULES_BEFORE, rows)


# The splits whose rules-before commit already gave each proposal its context.
FORWARD = {split: RULES_BEFORE[split] for split in list(RULES_BEFORE)[3:]}
_FORWARD = (
    _LOAD_CORPUS
    + """\
def context(c):
    x = c.context
    if x is None:
        return None
    w = x.words
    return {"folded": w.folded, "words": [list(t) for t in w.words],
            "dates": [list(d) for d in w.dates], "start": x.start, "end": x.end,
            "header": x.header, "lang": x.lang, "decision": x.decision,
            "release": x.release, "head": x.head}
print(json.dumps({s.name: [[c.date, c.kind, context(c)] for c in extract(s.text, lang=s.lang)
                           .candidates] for s in corpus.real_samples(sys.argv[2])}))
"""
)


def _old_context(raw: dict[str, Any] | None) -> Any:
    """A context the rules of an older commit gave, as features() reads it."""
    if raw is None:
        return None
    words = SimpleNamespace(
        folded=raw["folded"],
        words=[tuple(w) for w in raw["words"]],
        dates=[tuple(d) for d in raw["dates"]],
    )
    fields = ("start", "end", "header", "lang", "decision", "release", "head")
    return SimpleNamespace(words=words, **{name: raw[name] for name in fields})


def forward(texts: Sequence[Read]) -> None:
    """Each split of RULES_BEFORE read by the rules as they were before it was read, its kinds
    given by those rules and by models trained on every other split: the model's cues come from
    rules that had never seen the split, as they would on a new text."""
    rows: dict[str, list[float]] = {}
    for split, commit in FORWARD.items():
        told = rules_then(commit, split, _FORWARD)
        train = examples([t for t in texts if t.split != split])
        models: dict[str, KindModel | None] = {"rules before the split was read": None}
        for name, options in CONFIGS.items():
            if options is not None:
                models[name] = fit(train, **options)
        samples = EVALUATOR.split_samples(split)
        for name, model in models.items():

            def finder(
                sample: Any, with_case: bool, model: KindModel | None = model, told: Any = told
            ) -> list[Any]:
                proposals = []
                for date, kind, raw in told[sample.name]:
                    context = _old_context(raw)
                    if model is not None and context is not None:
                        kind = model.kind(context, kind)
                    proposals.append(EVALUATOR.Proposal(date, kind, ()))
                return proposals

            rows.setdefault(name, []).append(EVALUATOR.score(samples, finder).kind_accuracy)
    _print_table(FORWARD, rows)


def _print_table(splits: Iterable[str], rows: dict[str, list[float]]) -> None:
    """A configuration a row, its kind accuracy on each split a column, then their mean."""
    print(f"{'configuration':<34}" + "".join(f"{s:>10}" for s in splits) + f"{'mean':>8}")
    for name, row in rows.items():
        cells = "".join(f"{a:>10.1%}" for a in row)
        print(f"{name:<34}{cells}{statistics.mean(row):>8.1%}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cv", action="store_true", help="cross-validate instead of writing")
    parser.add_argument(
        "--unseen", action="store_true", help="score with the rules before each split was read"
    )
    parser.add_argument(
        "--forward", action="store_true", help="models on the cues of the rules before each split"
    )
    args = parser.parse_args(argv)
    texts = [text for split in TRAINING for text in read(split)]
    if args.forward:
        forward(texts)
        return 0
    if args.unseen:
        unseen(texts)
        return 0
    if args.cv:
        print("leave one split out: kinds right of the found milestones")
        cross_validate(texts, lambda t: t.split)
        print("\nleave one language out")
        cross_validate(texts, lambda t: t.sample.lang)
        return 0
    model = fit(examples(texts))
    meta = {"corpus": corpus_digest(), "splits": list(TRAINING)}
    OUT.write_text(dumps(model.to_dict(meta)))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model.weights)} cues, {len(model.kinds)} kinds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
