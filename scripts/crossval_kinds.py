"""Leave-one-split-out kinds of the rules, the learned model and hybrids of the two.

    python scripts/crossval_kinds.py                   # every annotated split not sealed
    python scripts/crossval_kinds.py --splits heldout15 heldout16 heldout17

Each split in turn is held out: the models train on every other non-sealed annotated split
(scripts/train_kinds.py's reading, pairing and fitting) and give the held-out split's kinds;
the table gives each split's share of found milestones with the right kind, then the pooled
share over all splits and over the recent ones (heldout15 to heldout17). The rules were fitted
on most splits while their misses were read, so their figures there are optimistic; the recent
splits, read least and last, are the fair comparison. Sealed splits are never read. Nothing is
written: the shipped weights stay as they are.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent)]
import train_kinds  # noqa: E402  (this directory first)

from casetrack.extract import Candidate  # noqa: E402
from casetrack.extract.learned import KindModel, kind_word_in_clause  # noqa: E402

EVALUATOR = train_kinds.EVALUATOR
RECENT = ("heldout15", "heldout16", "heldout17")
SPLITS = tuple(s for s in EVALUATOR.corpus.SPLITS if s not in EVALUATOR.SEALED)
MODELS: dict[str, dict[str, bool]] = {
    "model": {},
    "stacked": {"rule_kind": True},
    "rich": {"rich": True},
    "rich+stacked": {"rule_kind": True, "rich": True},
}
MARGINS = (1.0, 2.0, 4.0, 8.0)
Choice = Callable[[Candidate], str]


@dataclass
class Either:
    """Of the found milestones, those the rules or the model (either) kind right: the ceiling of
    any choice between the two."""

    right_kinds: int
    right_dates: int

    @property
    def kind_accuracy(self) -> float:
        return self.right_kinds / self.right_dates if self.right_dates else 0.0

    @classmethod
    def of(cls, pairs: Sequence[tuple[Any, Candidate]], model: KindModel) -> Either:
        right = sum(
            c.kind == m.kind or (c.context is not None and model.kind(c.context, c.kind) == m.kind)
            for m, c in pairs
        )
        return cls(right, len(pairs))


def _learned(model: KindModel) -> Choice:
    return lambda c: model.kind(c.context, c.kind) if c.context is not None else c.kind


def _where_other(model: KindModel) -> Choice:
    """The rules' kind, the model's where the rules fall back to "other"."""
    return lambda c: model.kind(c.context, c.kind) if c.context and c.kind == "other" else c.kind


def _no_clause_word(model: KindModel) -> Choice:
    """The rules' kind, the model's where no event word stands in the date's clause."""

    def choose(c: Candidate) -> str:
        if c.context is None or kind_word_in_clause(c.context):
            return c.kind
        return model.kind(c.context, c.kind)

    return choose


def _margin(model: KindModel, threshold: float) -> Choice:
    """The rules' kind unless the model scores its own kind `threshold` above the rules'."""

    def choose(c: Candidate) -> str:
        if c.context is None:
            return c.kind
        kind, margin = model.margin(c.context, c.kind)
        return kind if margin >= threshold else c.kind

    return choose


def choices(models: dict[str, KindModel]) -> dict[str, Choice | None]:
    """Every configuration scored: the rules (None), each model alone, and the hybrids."""
    table: dict[str, Choice | None] = {"rules": None}
    table.update({name: _learned(model) for name, model in models.items()})
    for name in ("model", "rich"):
        table[f"{name} if other"] = _where_other(models[name])
        table[f"{name} if no word"] = _no_clause_word(models[name])
        for threshold in MARGINS:
            table[f"{name} m>={threshold:g}"] = _margin(models[name], threshold)
    for threshold in MARGINS[1:]:
        table[f"rich+st m>={threshold:g}"] = _margin(models["rich+stacked"], threshold)
    return table


def crossval(texts: Sequence[Any], splits: Sequence[str]) -> dict[str, dict[str, Any]]:
    """For each held-out split, each configuration's scores."""
    results: dict[str, dict[str, Any]] = {}
    for split in splits:
        test = [t for t in texts if t.split == split]
        train = train_kinds.examples([t for t in texts if t.split != split])
        models = {name: train_kinds.fit(train, **opts) for name, opts in MODELS.items()}
        results[split] = {
            name: train_kinds.scored(test, choose) for name, choose in choices(models).items()
        }
        results[split]["either (ceiling)"] = Either.of(train_kinds.examples(test), models["rich"])
        print(f"  {split} done", file=sys.stderr, flush=True)
    return results


def _pooled(rows: Sequence[dict[str, Any]], name: str) -> float:
    right = sum(r[name].right_kinds for r in rows)
    found = sum(r[name].right_dates for r in rows)
    return right / found if found else 0.0


def table(results: dict[str, dict[str, Any]]) -> str:
    """A split a row, a configuration a column, then the pooled rows."""
    names = list(next(iter(results.values())))
    width = max(len(n) for n in names) + 1
    lines = [f"{'split':<10}{'found':>6}  " + "  ".join(f"{n:>{width}}" for n in names)]
    for split, row in results.items():
        cells = "  ".join(f"{row[n].kind_accuracy:>{width}.1%}" for n in names)
        lines.append(f"{split:<10}{row['rules'].right_dates:>6}  {cells}")
    groups = {"pooled": list(results), "recent": [s for s in results if s in RECENT]}
    for label, group in groups.items():
        rows = [results[s] for s in group]
        if rows:
            found = sum(r["rules"].right_dates for r in rows)
            cells = "  ".join(f"{_pooled(rows, n):>{width}.1%}" for n in names)
            lines.append(f"{label:<10}{found:>6}  {cells}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--splits", nargs="*", default=SPLITS, help="held out in turn")
    args = parser.parse_args(argv)
    held = [s for s in args.splits if s in SPLITS]
    texts = [text for split in SPLITS for text in train_kinds.read(split)]
    print(table(crossval(texts, held)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
