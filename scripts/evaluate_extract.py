"""How well casetrack.extract reads the annotated corpus, per split.

    python scripts/evaluate_extract.py              # every split but the sealed ones
    python scripts/evaluate_extract.py --split tune --verbose      # and each miss
    python scripts/evaluate_extract.py --split heldout6            # one split
    python scripts/evaluate_extract.py --finder dateparser         # the alternative
    python scripts/evaluate_extract.py --finder learned            # kinds by the learned model
    python scripts/evaluate_extract.py --finder keep               # with the keep/drop filter

Splits: `tune`, `heldout` and `heldout2` to `heldout14` are real
texts (tests/corpus/extract/, README there), and so are `tune2`, a second tuning split of texts
from many more publishers and genres, and the one-reader training splits `trainA` onwards; the
rules may be tuned on `tune` and `tune2` only. The misses of
`heldout` and `heldout3` have been read while the rules were reworked, and `heldout4` to
`heldout13` were each scored once with the rules frozen and then spent (their misses read), so
`heldout2` (annotated before extract ever read it) and any later blind split sealed here are the
clean held-out measures. A split named in SEALED is scored only when asked for by name,
once the rules are frozen, so that no run made while tuning shows its figures. `fictional` is the
made-up set in tests/extract_corpus.py.

Measures, summed over a split's texts:
- dates: a proposal is right when its EDTF text (precision and "~" included) equals an
  annotated milestone's; precision, recall and F1 count each annotated date once.
- kinds: of the annotated milestones whose date was found, the share proposed with the
  annotated kind.
- parties: of the parties annotated on found milestones, the share the proposal names,
  first with no case given (only what the text itself says), then with the case's parties
  and aliases known. A name matches a party when it is the party's name or an alias (ignoring
  case, accents and articles: "the State" is "State"), or when one contains the other as whole
  words and the shorter one names what the longer names: it holds a word that tells a party
  apart ("Horton" in "Reggie Horton", "Revenue Authority" in "Kenya Revenue Authority"), or
  else it is two or more generic words that head the longer name, followed by nothing, a
  comma, "of"/"de", a number or a French court's qualifier ("Court of Appeal" in "Court of
  Appeal for Ontario", "Trial Chamber" in "Trial Chamber II", "Cour d'appel" in "Cour d'appel
  pénale"). Generic words (GENERIC below: kinds of court, office, body, role and step, titles,
  articles and linking words) name no one alone: "Appeal" and "Court" do not name the "Court
  of Appeal of Kenya", nor "la Cour" (an alias) the "Greffe de la Cour", nor "République" the
  "République du Togo" unless the annotation lists it as an alias. Nor does a name that the
  longer one is only "of" or "de": "Uganda" is not the "High Court of Uganda", nor the "Cour
  d'appel de Rouen" its "première présidente de la cour d'appel de Rouen"; but a State is
  the republic, government or kingdom "of" it ("Kenya" and the "Republic of Kenya").
- duplicates: proposals of a date beyond the number of milestones annotated with it (at
  least one): the same event proposed twice.
- junk: proposals of a date the annotation lists as not a milestone (citation years, dates of
  laws, report headers, datelines, birth years).
The dateparser finder needs `pip install dateparser`; it is not a casetrack dependency.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
corpus: Any = importlib.import_module("tests.extract_corpus")

from casetrack.extract import extract  # noqa: E402  (needs the corpus path first)
from casetrack.extract.text import fold  # noqa: E402

SPLITS = (*corpus.SPLITS, "fictional")
# Scored only with --split NAME: final measures, taken once.
SEALED: tuple[str, ...] = ("heldout20",)


@dataclass(frozen=True)
class Proposal:
    date: str
    kind: str | None
    parties: tuple[str, ...] = ()


Finder = Callable[[Any, bool], list[Proposal]]


@dataclass
class Scores:
    """Counts of one split, summed over its texts."""

    texts: int = 0
    right_dates: int = 0
    proposed: int = 0
    annotated: int = 0
    right_kinds: int = 0
    parties_annotated: int = 0
    parties_found: int = 0
    parties_found_with_case: int = 0
    duplicates: int = 0
    junk: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_dates / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.right_dates / self.annotated if self.annotated else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.right_kinds / self.right_dates if self.right_dates else 0.0

    @property
    def party_recall(self) -> float:
        return self.parties_found / self.parties_annotated if self.parties_annotated else 0.0

    @property
    def party_recall_with_case(self) -> float:
        found = self.parties_found_with_case
        return found / self.parties_annotated if self.parties_annotated else 0.0

    def figures(self) -> dict[str, float | int]:
        """The numbers the docs quote and the quality-floor test checks."""
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "kinds": round(self.kind_accuracy, 3),
            "parties": round(self.party_recall, 3),
            "parties_with_case": round(self.party_recall_with_case, 3),
            "duplicates": self.duplicates,
            "junk": self.junk,
        }


def casetrack_finder(
    sample: Any, with_case: bool, learned: bool = False, keep: bool = False
) -> list[Proposal]:
    known = sample.known_parties if with_case else ()
    extraction = extract(
        sample.text, known_parties=known, lang=sample.lang, learned=learned, keep=keep
    )
    return [
        Proposal(c.date, c.kind, (*c.parties, *(p.alias for p in c.new_parties)))
        for c in extraction.candidates
    ]


def dateparser_finder(sample: Any, with_case: bool) -> list[Proposal]:
    """dateparser's search_dates, with the precision its own parser reports per match."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(sample.text, languages=[sample.lang], settings=settings) or []
    parser = DateDataParser(languages=[sample.lang], settings=settings)
    proposals = []
    for text, moment in found:
        period = parser.get_date_data(text).period or "day"
        edtf = {"year": f"{moment:%Y}", "month": f"{moment:%Y-%m}"}.get(
            period, f"{moment:%Y-%m-%d}"
        )
        if edtf == sample.published and sample.text.find(text) < 60:
            continue  # the dateline, which casetrack reports apart
        proposals.append(Proposal(edtf, None))
    return proposals


def learned_finder(sample: Any, with_case: bool) -> list[Proposal]:
    """casetrack with the kinds of its learned model (`extract --kinds learned`)."""
    return casetrack_finder(sample, with_case, learned=True)


def keep_finder(sample: Any, with_case: bool) -> list[Proposal]:
    """casetrack with its learned keep/drop filter (`extract --keep learned`)."""
    return casetrack_finder(sample, with_case, keep=True)


FINDERS: dict[str, Finder] = {
    "casetrack": casetrack_finder,
    "learned": learned_finder,
    "keep": keep_finder,
    "dateparser": dateparser_finder,
}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that never tell one party from another: articles, words that link a name's parts, and
# the kinds of court, office, role, body and step a text names ("the Court", "Appeal", "State").
ARTICLES = _set("the le la les l' un une")
LINKS = _set("of for at in to on de du des d' au aux pres pour en sur par")
FUNCTION = ARTICLES | LINKS | _set("and et this that these cette ce cet ces his her its their")
GENERIC = FUNCTION | _set(
    """
    court courts cour cours tribunal tribunals tribunaux juridiction bench panel chamber chambers
    chambre division section registry registrar greffe greffier clerk jury grand
    appeal appeals appel appellate supreme high superior district circuit county
    municipal regional federal national international state states etat etats united republic
    republique government gouvernement kingdom royaume commonwealth people crown nation nations
    us usa uk commission committee council conseil board office bureau department
    departement ministry ministere minister ministre secretary secretariat agency authority
    autorite administration service services police prosecutor prosecutors prosecution procureur
    parquet public publique attorney attorneys general generale solicitor counsel avocat avocats
    maitre maitres judge judges juge juges justice justices magistrate magistrates magistrat
    president presidente premier premiere chief deputy vice officer officers officier
    mr mrs ms dr m mme mlle me sir lord lady honourable honorable hon honour honor j jj
    petition motion ruling judgment judgement jugement arret decision order orders ordonnance
    application hearing trial pre case matter affaire proceedings procedure opinion submissions
    report rules rule act law loi code
    applicant applicants appellant appellants respondent respondents petitioner petitioners
    plaintiff plaintiffs defendant defendants claimant claimants accused complainant party
    parties partie others autres requerant requerante requerants demandeur demanderesse
    defendeur defenderesse appelant appelante appelants intime intimee prevenu prevenue co
    victim victims witness child children enfant enfants son daughter fils fille mother father
    mere pere wife husband epouse mari
    association company corporation inc ltd llc sa sas sarl societe society union university
    universite school college bank banque hospital group team unit force center centre
    institute foundation fund trust commune city ville town village province canton cantonal
    prefecture prefet sous maire mayor governor gouverneur sheriff constable army military
    criminal criminelle civil civile penal penale administrative administratif administratives
    constitutional constitutionnel constitutionnelle family tax human rights droits homme
    cassation instance first second third grande inter
    """
)
# What a State is "of": "Republic of Kenya", "Government of Ruritania", "Grand-Duché de Luxembourg".
STATEHOOD = _set(
    "republic republique state etat government gouvernement kingdom royaume commonwealth people"
    " peuple federation grand duche duchy principality principaute"
)
# What may follow a body's generic name and leave it the head: "Cour d'appel pénale".
QUALIFIERS = _set("penale civile criminelle administrative sociale commerciale correctionnelle")


def _tokens(name: str) -> list[str]:
    """A name's words, folded, with "l'" and "d'" kept whole, initials run together ("U.S." is
    "us") and a comma or an opening bracket kept as a token of its own."""
    folded = re.sub(r"\b(\w)\.(?=\w\b)", r"\1", fold(name))
    return re.findall(r"\b[dl]'|\w+|[,(]", folded)


def _words(name: str, articles: bool = True) -> str:
    kept = (w for w in _tokens(name) if w not in ",(" and (articles or w not in ARTICLES))
    return " " + " ".join(kept) + " "


def _ends_a_head(rest: Sequence[str]) -> bool:
    """Whether what follows a name's first words leaves them its head: nothing, a comma or a
    bracket, a word that links a place, a number ("Court of Appeal for Ontario", "Trial Chamber
    II", "Court of Appeal (Criminal Division)") or a French court's qualifier ("pénale")."""
    if not rest or rest[0] in ",(" or rest[0] in LINKS or rest[0] in QUALIFIERS:
        return True
    return bool(re.fullmatch(r"\d+|[ivx]+", rest[0]))


def _names_within(short: str, long: str) -> bool:
    """Whether the name `short`, found as whole words inside `long`, names what `long` names.

    It must not be a place or body that `long` is only "of" ("Uganda" in "High Court of
    Uganda", "Cour de cassation" in "président de la Cour de cassation"; but a State is what
    it is the republic or government of: "Kenya" in "Republic of Kenya"), and it must hold a
    word that tells a party apart ("Horton", "Revenue"), or else be two or more words that head
    `long` ("Court of Appeal" in "Court of Appeal for Ontario"). A generic word alone ("Court",
    "Appeal", "State", "la Cour") names no one in particular.
    """
    mine = [w for w in _tokens(short) if w not in ",("]
    theirs = _tokens(long)
    at = [i for i, w in enumerate(theirs) if w not in ",("]  # each word's place in theirs
    words = [theirs[i] for i in at]
    content = [w for w in mine if w not in FUNCTION]
    for start in range(len(words) - len(mine) + 1):
        if words[start : start + len(mine)] != mine:
            continue
        before = [w for w in theirs[: at[start]] if w not in ARTICLES]
        if before and before[-1] in LINKS and not set(before[:-1]) <= STATEHOOD:
            continue
        if any(w not in GENERIC for w in mine):
            return True
        end = at[start + len(mine) - 1] + 1
        if not before and len(content) >= 2 and _ends_a_head(theirs[end:]):
            return True
    return False


def names_party(found: str, party: str, aliases: Sequence[str]) -> bool:
    """Whether a proposed name stands for an annotated party (see the module docstring)."""
    if _words(found, articles=False).strip() == "":
        return False
    for name in (party, *aliases):
        if _words(name, articles=False).strip() == "":
            continue
        if _words(found, articles=False) == _words(name, articles=False):
            return True
        mine, theirs = _words(found), _words(name)
        if theirs in mine and _names_within(name, found):
            return True
        if mine in theirs and _names_within(found, name):
            return True
    return False


def _pair(gold: Sequence[Any], proposals: Sequence[Proposal]) -> list[tuple[Any, Proposal]]:
    """Each found milestone with the proposal of its date, one of the right kind first."""
    free = list(proposals)
    pairs = []
    for want_kind in (True, False):
        for milestone in gold:
            if any(m is milestone for m, _ in pairs):
                continue
            for proposal in free:
                if proposal.date == milestone.date and (
                    not want_kind or proposal.kind == milestone.kind
                ):
                    pairs.append((milestone, proposal))
                    free.remove(proposal)
                    break
    return pairs


def _parties_missed(sample: Any, milestone: Any, proposal: Proposal) -> list[str]:
    """The milestone's annotated parties the proposal does not name."""
    aliases = dict(sample.known_parties)
    return [
        party
        for party in milestone.parties
        if not any(names_party(found, party, aliases.get(party, ())) for found in proposal.parties)
    ]


def _parties_found(sample: Any, milestone: Any, proposal: Proposal) -> int:
    return len(milestone.parties) - len(_parties_missed(sample, milestone, proposal))


def score(samples: Sequence[Any], finder: Finder) -> Scores:
    scores = Scores()
    for sample in samples:
        scores.texts += 1
        gold = [e for e in sample.expected if e.status != corpus.SPURIOUS]
        proposals = finder(sample, False)
        with_case = finder(sample, True)
        wanted = Counter(e.date for e in gold)
        got = Counter(p.date for p in proposals)
        scores.right_dates += sum((wanted & got).values())
        scores.proposed += len(proposals)
        scores.annotated += len(gold)
        pairs = _pair(gold, proposals)
        scores.right_kinds += sum(m.kind == p.kind for m, p in pairs)
        for milestone, proposal in pairs:
            scores.parties_annotated += len(milestone.parties)
            scores.parties_found += _parties_found(sample, milestone, proposal)
        for milestone, proposal in _pair(gold, with_case):
            scores.parties_found_with_case += _parties_found(sample, milestone, proposal)
        scores.duplicates += sum(max(0, n - max(1, wanted[d])) for d, n in got.items())
        junk = [p.date for p in proposals if p.date in sample.not_milestones]
        scores.junk += len(junk)
        missed = sorted((wanted - got).elements())
        extra = sorted((got - wanted).elements())
        wrong = [f"{m.date} {p.kind}≠{m.kind}" for m, p in pairs if m.kind != p.kind]
        unnamed = [f"{m.date} {party}" for m, p in pairs for party in _parties_missed(sample, m, p)]
        scores.notes.append(
            f"{sample.name}: missed {missed}, not annotated {extra}, junk {junk}, "
            f"wrong kinds {wrong}, parties missed without the case {unnamed}"
        )
    return scores


def split_samples(split: str) -> tuple[Any, ...]:
    return corpus.SAMPLES if split == "fictional" else corpus.real_samples(split)


def evaluate(split: str, finder: Finder = casetrack_finder) -> Scores:
    return score(split_samples(split), finder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--finder", choices=sorted(FINDERS), default="casetrack")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        action="append",
        help="default: every split but the sealed ones (SEALED)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="list misses, wrong proposals and parties missed"
    )
    args = parser.parse_args(argv)
    print(
        f"{'split':<10} {'texts':>5} {'dates P':>8} {'R':>6} {'F1':>6} {'kinds':>6} "
        f"{'parties':>8} {'w/ case':>8} {'dup':>4} {'junk':>5}"
    )
    for split in args.split or [name for name in SPLITS if name not in SEALED]:
        started = time.perf_counter()
        try:
            s = evaluate(split, FINDERS[args.finder])
        except ModuleNotFoundError as error:
            print(f"{args.finder} finder needs {error.name}: pip install {error.name}")
            return 1
        elapsed = time.perf_counter() - started
        print(
            f"{split:<10} {s.texts:>5} {s.precision:>8.1%} {s.recall:>6.1%} {s.f1:>6.3f} "
            f"{s.kind_accuracy:>6.0%} {s.party_recall:>8.0%} {s.party_recall_with_case:>8.0%} "
            f"{s.duplicates:>4} {s.junk:>5}   ({s.right_dates}/{s.proposed} proposed, "
            f"{s.right_dates}/{s.annotated} annotated, {s.parties_annotated} parties, "
            f"{elapsed:.2f}s)"
        )
        if args.verbose:
            for note in s.notes:
                print("    " + note)
    if not args.split:
        for split in SEALED:
            print(f"{split:<10} (sealed: scored only with --split {split})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
