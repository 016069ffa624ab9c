"""Precision and recall of casetrack.extract over the annotated corpus in tests/.

    python scripts/evaluate_extract.py              # casetrack's own date finder
    python scripts/evaluate_extract.py --verbose    # and every miss and wrong proposal
    python scripts/evaluate_extract.py --finder dateparser   # the alternative, for comparison

A proposal counts as a right date when its EDTF text (precision and "~" included) equals an
annotated one, and as a right kind when its date and kind both do. "Stated" dates leave
out relative ones ("two weeks later"), which dateparser does not resolve from a story's
dates. The dateparser finder needs `pip install dateparser`; it is not a casetrack
dependency.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
corpus: Any = importlib.import_module("tests.extract_corpus")

from casetrack.extract import extract  # noqa: E402  (needs the corpus path first)

# (EDTF, kind or None, relative?) for each proposal of one sample.
Proposal = tuple[str, str | None, bool]


@dataclass
class Score:
    """Right, proposed and annotated counts of one measure, summed over the samples."""

    right: int = 0
    proposed: int = 0
    annotated: int = 0

    def add(self, proposed: Sequence[object], annotated: Sequence[object]) -> list[object]:
        """Count one sample; return what was annotated but not proposed."""
        common = Counter(proposed) & Counter(annotated)
        self.right += sum(common.values())
        self.proposed += len(proposed)
        self.annotated += len(annotated)
        return list((Counter(annotated) - common).elements())

    def line(self) -> str:
        precision = self.right / self.proposed if self.proposed else 0.0
        recall = self.right / self.annotated if self.annotated else 0.0
        return (
            f"precision {precision:6.1%} ({self.right}/{self.proposed})   "
            f"recall {recall:6.1%} ({self.right}/{self.annotated})"
        )


def casetrack_finder(sample: Any) -> list[Proposal]:
    extraction = extract(sample.text, known_parties=sample.known_parties, lang=sample.lang)
    return [(c.date, c.kind, c.anchor is not None) for c in extraction.candidates]


def dateparser_finder(sample: Any) -> list[Proposal]:
    """dateparser's search_dates, with the precision its own parser reports per match."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(sample.text, languages=[sample.lang], settings=settings) or []
    parser = DateDataParser(languages=[sample.lang], settings=settings)
    proposals: list[Proposal] = []
    for text, moment in found:
        period = parser.get_date_data(text).period or "day"
        edtf = {"year": f"{moment:%Y}", "month": f"{moment:%Y-%m}"}.get(
            period, f"{moment:%Y-%m-%d}"
        )
        if edtf == sample.published and sample.text.find(text) < 60:
            continue  # the dateline, which casetrack reports apart
        proposals.append((edtf, None, False))
    return proposals


FINDERS: dict[str, Callable[[Any], list[Proposal]]] = {
    "casetrack": casetrack_finder,
    "dateparser": dateparser_finder,
}


def evaluate(finder: Callable[[Any], list[Proposal]], verbose: bool) -> dict[str, Score]:
    scores = {"dates": Score(), "stated dates": Score(), "kinds": Score()}
    for sample in corpus.SAMPLES:
        proposals = finder(sample)
        gold = [e for e in sample.expected if e.status != corpus.SPURIOUS]
        stated = [e.date for e in gold if e.anchor is None]
        missed = scores["dates"].add([p[0] for p in proposals], [e.date for e in gold])
        scores["stated dates"].add([p[0] for p in proposals if not p[2]], stated)
        if all(p[1] is not None for p in proposals):
            scores["kinds"].add([p[:2] for p in proposals], [(e.date, e.kind) for e in gold])
        if verbose:
            wrong = Counter(p[0] for p in proposals) - Counter(e.date for e in gold)
            wrong_kinds = Counter(p[:2] for p in proposals if p[1]) - Counter(
                (e.date, e.kind) for e in gold
            )
            print(f"{sample.name}: missed {missed}, not annotated {sorted(wrong.elements())}")
            if wrong_kinds:
                print(f"    wrong kinds {sorted(wrong_kinds.elements())}")
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--finder", choices=sorted(FINDERS), default="casetrack")
    parser.add_argument("--verbose", action="store_true", help="list misses and wrong proposals")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        scores = evaluate(FINDERS[args.finder], args.verbose)
    except ModuleNotFoundError as error:
        print(f"{args.finder} finder needs {error.name}: pip install {error.name}")
        return 1
    elapsed = time.perf_counter() - started
    print(f"finder: {args.finder}, {len(corpus.SAMPLES)} texts, {elapsed:.2f}s")
    for name, score in scores.items():
        if score.annotated:
            print(f"  {name:<13} {score.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
