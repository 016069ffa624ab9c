"""Propose milestones from the text of a news report or judgment.

Dates are found with focused regular expressions rather than a general date parser:
a milestone must keep the precision the text gives ("in 2001" is a year, not 1 January),
and legal text is full of numbers that are not dates (articles, amounts, application
numbers). Each date becomes a Candidate with the sentence it came from, a kind guessed
from the words near it and the parties its sentence names. Nothing here touches a store:
the CLI decides what to show, ask about or apply.

Coverage: month names in English, French, German and Spanish; relative phrases ("two weeks
later", "quatorze ans plus tard") and kind words in English and French only. Not read yet:
a month without a year ("in January"), weekdays ("on Friday"), "the same day", "last year".

Modules, each importing only those listed before it: text (folding, HTML, titles),
dates (finding and resolving dates, the dateline), sentences, kinds (kind words),
parties (names and acronyms); this module puts them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeAlias

from casetrack.extract.dates import Span, dateline, find_dates, resolve
from casetrack.extract.kinds import KindWords, header_kind, is_decision
from casetrack.extract.parties import NewParty, parties_in, party_names
from casetrack.extract.sentences import sentences
from casetrack.extract.text import html_to_text, normalise_space, title

__all__ = ["SUPPORTED_LANGS", "Candidate", "Extraction", "NewParty", "extract", "html_to_text"]

SUPPORTED_LANGS = ("en", "fr", "de", "es")
Day: TypeAlias = date  # Candidate has a field named "date"


@dataclass
class Candidate:
    """One proposed milestone: a date found in the text and what its sentence says about it."""

    found: str
    date: str
    start: Day
    end: Day
    precision: str
    approximate: bool
    anchor: str | None
    sentence: str
    title: str
    kind: str
    parties: list[str] = field(default_factory=list)
    new_parties: list[NewParty] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "approximate": self.approximate,
            "anchor": self.anchor,
            "found": self.found,
            "kind": self.kind,
            "title": self.title,
            "sentence": self.sentence,
            "parties": list(self.parties),
            "new_parties": [p.to_dict() for p in self.new_parties],
        }


@dataclass
class Extraction:
    """Everything proposed for one text; `published` is its dateline, never a milestone."""

    candidates: list[Candidate]
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def extract(
    text: str,
    *,
    known_parties: Sequence[tuple[str, Sequence[str]]] = (),
    lang: str = "en",
) -> Extraction:
    """Propose one candidate milestone per date the text gives, in the order given.

    `known_parties` is (primary name, aliases) for each party already in the store; `lang`
    is the text's main language (month names and kind words of all supported languages are
    recognised anyway; it decides how numeric dates such as 03/06/2003 are read).
    """
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(SUPPORTED_LANGS)}")
    published, story_start = dateline(text, lang)
    story = text[story_start:]
    names, new_parties = party_names(story, known_parties)
    candidates: list[Candidate] = []
    stated: Span | None = None  # the latest date the text states: relative ones hang on it
    decision = is_decision(story)
    offset = 0
    for sentence in sentences(story):
        offset = story.find(sentence, offset)
        found = find_dates(sentence, lang)
        if not found:
            continue
        kind_words = KindWords.of(sentence, [(f.start, f.end) for f in found])
        parties = parties_in(sentence, names)
        clean = normalise_space(sentence)
        for index, item in enumerate(found):
            span, anchor = resolve(item, found[index + 1 :], stated, published)
            if span is None:
                continue
            if item.shift is None:
                stated = span
            candidates.append(
                Candidate(
                    found=normalise_space(item.found),
                    date=span.text,
                    start=span.start,
                    end=span.end,
                    precision=span.precision,
                    approximate=span.approximate,
                    anchor=anchor,
                    sentence=clean,
                    title=title(clean),
                    kind=header_kind(sentence, item.start, item.end, offset, decision)
                    or kind_words.nearest(item.start, item.end),
                    parties=parties,
                    new_parties=[new_parties[p] for p in parties if p in new_parties],
                )
            )
    return Extraction(candidates, published.text if published else None)
