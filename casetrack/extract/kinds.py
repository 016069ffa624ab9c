"""The kind of a milestone, from the kind words nearest its date in the sentence."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from casetrack.extract.text import Regex, drop_overlaps, fold_same_length

# Word stems (regular expressions on accent-free lower-case text), English then French.
# The longest match wins where they overlap, so "dropped the charges" beats "charges".
_KIND_WORDS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    # Phrases that contain a kind word but name no event of that kind.
    (None, (r"(?:appeals?|appellate) courts?", r"courts? of appeals?", r"cour d'appel\w*",
            r"investigating judges?", r"juges? d'instruction", r"search warrants?",
            r"detention cent(?:re|er)s?")),
    ("dismissal", (r"ordered an end to the prosecution",
                   r"end(?:ed)? to the (?:prosecution|proceedings|case)",
                   r"dropp\w* (?:all |the )?(?:\w+ )?charges",
                   r"charges (?:were|was|have been|had been) dropped", r"dismiss\w*",
                   r"(?:was|were) closed", r"closed the (?:case|probe|investigation)",
                   r"non-lieu", r"classe\w* sans suite", r"discharge order",
                   r"abandon\w* les poursuites")),
    ("investigation", (r"open\w* an? (?:\w+ )?(?:investigation|probe|inquiry)",
                       r"ouv\w* une (?:enquete|information judiciaire)", r"investigation",
                       r"probe", r"inquiry", r"enquete", r"information judiciaire")),
    ("raid", (r"raid\w*", r"stormed", r"descente", r"coup de filet")),
    ("search", (r"search(?:ed|es)?", r"perquisition\w*", r"perquisitionn\w*")),
    ("arrest", (r"arrest\w*", r"interpell\w*", r"apprehended", r"arrete\w*",
                r"arrestation\w*")),
    ("release", (r"releas\w*", r"freed", r"set free", r"libere\w*", r"liberation",
                 r"remis\w* en liberte")),
    ("detention", (r"detain\w*", r"detention", r"custody", r"garde a vue", r"ecroue\w*",
                   r"incarcer\w*", r"detenu\w*", r"en detention")),
    ("indictment", (r"indict\w*", r"renvoy\w* devant")),
    ("charge", (r"charged", r"charges? (?:of|with|against)", r"charging", r"inculpe\w*",
                r"mis\w* en examen", r"mise en examen")),
    ("sentencing", (r"sentenc\w*", r"condamne\w* a")),
    ("verdict", (r"convict\w*", r"acquit\w*", r"verdict", r"found guilty",
                 r"reconnu\w* coupable", r"relaxe\w*", r"condamne\w*")),
    ("judgment", (r"judg(?:e)?ments?", r"jugement")),
    ("ruling", (r"rul(?:ed|ing|ings)", r"rules that", r"decided", r"decision", r"arret",
                r"a juge", r"a statue", r"a tranche")),
    ("appeal", (r"appeal\w*", r"fait appel", r"interjete appel", r"appel", r"recours",
                r"pourvoi")),
    ("hearing", (r"hearings?", r"audiences?")),
    ("trial", (r"trial", r"tried", r"proces", r"juge\w* devant")),
    ("complaint", (r"(?:filed|lodged) (?:a |an )?(?:criminal )?complaint", r"complaint",
                   r"plainte", r"lawsuit", r"sued")),
    ("filing", (r"filed", r"filing", r"lodged", r"deposited", r"saisi\w*", r"depose\w*")),
    ("settlement", (r"settl\w*", r"transaction", r"accord amiable")),
)  # fmt: skip
_KIND_REGEXES = tuple(
    (Regex(r"\b(?:" + "|".join(words) + r")\b"), kind) for kind, words in _KIND_WORDS
)
_CLAUSE_BREAK = Regex(r"[,;:()—\u2013]|\band\b|\bet\b|\bwhile\b|\bbut\b")
_CLAUSE_PENALTY = 25


@dataclass(frozen=True)
class KindWords:
    """The kind words and clause breaks of one sentence, found once for all its dates."""

    words: list[tuple[int, int, str]]  # in text order, none overlapping another or a date
    ends: list[int]  # where each word ends, for bisection
    breaks: list[int]  # where clause breaks (commas, "and", ...) start

    @classmethod
    def of(cls, sentence: str, dates: Sequence[tuple[int, int]]) -> KindWords:
        """Longest phrase first where words overlap, and none inside a date: "the 2003
        raid" counts, the "May" of "9 May 2011" never does."""
        folded = fold_same_length(sentence)
        hits = [
            (m.start(), m.end(), kind) for rx, kind in _KIND_REGEXES for m in rx.rx.finditer(folded)
        ]
        date_starts, date_ends = [d[0] for d in dates], [d[1] for d in dates]
        words = []
        for start, end, kind in drop_overlaps(hits, lambda hit: (hit[0], hit[1])):
            after = bisect.bisect_right(date_ends, start)  # first date ending after `start`
            inside_date = after < len(dates) and date_starts[after] < end
            if kind and not inside_date:
                words.append((start, end, kind))
        breaks = [m.start() for m in _CLAUSE_BREAK.rx.finditer(sentence)]
        return cls(words, [w[1] for w in words], breaks)

    def nearest(self, start: int, end: int) -> str:
        """The kind of the closest word before or after the date at start:end, counting
        each clause break as extra distance: "raided the offices on 17 June 2003, and 160
        people were detained" is a raid. On a tie the word before wins."""
        before = bisect.bisect_right(self.ends, start) - 1  # the last word ending before it
        scored: list[tuple[float, str]] = []
        if before >= 0:
            _, word_end, kind = self.words[before]
            scored.append((self._distance(word_end, start), kind))
        if before + 1 < len(self.words):
            word_start, _, kind = self.words[before + 1]
            scored.append((self._distance(end, word_start) + 0.5, kind))
        return min(scored, key=lambda score: score[0])[1] if scored else "other"

    def _distance(self, low: int, high: int) -> int:
        crossed = bisect.bisect_left(self.breaks, high) - bisect.bisect_left(self.breaks, low)
        return high - low + _CLAUSE_PENALTY * crossed
