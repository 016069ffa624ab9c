"""Propose milestones from the text of a news report or judgment.

Dates are found with focused regular expressions rather than a general date parser:
a milestone must keep the precision the text gives ("in 2001" is a year, not 1 January),
and legal text is full of numbers that are not dates (articles, amounts, application
numbers). Each date becomes a Candidate with the sentence it came from, a kind guessed
from the words near it and the parties its sentence names. Nothing here touches a store:
the CLI decides what to show, ask about or apply.

Coverage: month names in English, French, German and Spanish; relative phrases ("two weeks
later", "quatorze ans plus tard"), a month without a year ("in January": the year of the
sentence's date, else the text's, marked uncertain), weekdays, "today", "last month" (from
the dateline or a listing item's date), "the same day", periods ("from 2001 to 2003": one
EDTF interval, for an event that lasts) and kind words in English and French only. Dates
that are no event are left out: births, foundings, page furniture ("Published On:", a post's
date and time), closing datelines, deliberations, rectifications, dates of laws, cut-offs
("prior to"), and the dates of cited decisions (found with eyecite, and listed with the
candidate as sources). Also read: "last night", "later that day", seasons (EDTF 2012-22, "last
winter"), days in words ("the third of March", "le premier mars"), French years in words; an
undated item of a listing of releases takes the listing's day.

Modules, each importing only those listed before it: text (folding, HTML, titles),
dates (finding and resolving dates, the dateline), sentences, kinds (kind words),
parties (names and acronyms); this module puts them together.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeAlias

from casetrack.extract.citations import citations, cited_by_reference
from casetrack.extract.dates import (
    ALONE,
    HEADLINE,
    Found,
    Span,
    bounds_a_state,
    cited_year,
    counted,
    dateline,
    find_dates,
    first_day,
    head_date,
    in_titled_year,
    is_dated_headline,
    is_dateline,
    is_heading,
    is_item_text,
    is_listing,
    is_release,
    item_date,
    latest_day,
    month_first,
    released_on,
    resolve,
    stored_day,
    stored_month,
    this_years_month,
    title_year,
)
from casetrack.extract.keep import KeepModel
from casetrack.extract.keep import shipped as shipped_keep
from casetrack.extract.kinds import (
    HEAD,
    KindWords,
    accused_by_the_discipline,
    adopted_views,
    carried_kind,
    disciplinary_case,
    header_kind,
    is_decision,
    signed_kind,
    sitting_kind,
    stamped_kind,
)
from casetrack.extract.learned import Context, KindModel, shipped
from casetrack.extract.parties import (
    Carried,
    NewParty,
    bound_roles,
    described_accused,
    head_parties,
    parties_in,
    party_names,
    persons_ahead,
    role_parties,
)
from casetrack.extract.sentences import sentences
from casetrack.extract.text import (
    Regex,
    fold,
    html_to_text,
    normalise_space,
    title,
    without_heading,
)

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
    citations: list[str] = field(default_factory=list)  # cited in the sentence: sources
    same_day: bool = False  # "the same day": another event of a day already proposed
    named: bool = False  # a word names its event ("his questioning of 10 May"): not told again
    story: int = 0  # the item of a listing of releases it was told in: each is another story
    context: Context | None = field(default=None, repr=False, compare=False)  # for the model

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
            "citations": list(self.citations),
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
    learned: KindModel | bool = False,
    keep: KeepModel | bool = False,
) -> Extraction:
    """Propose one candidate milestone per date the text gives, in the order given.

    `known_parties` is (primary name, aliases) for each party already in the store; `lang`
    is the text's main language (month names and kind words of all supported languages are
    recognised anyway; it decides how numeric dates such as 03/06/2003 are read). `learned`
    decides each kind with the shipped model (True), a given one, or the rules alone (False);
    `keep` drops the proposals the shipped keep/drop filter (True) or a given one calls junk.
    """
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(SUPPORTED_LANGS)}")
    published, story_start = dateline(text, lang)
    if published is not None and stored_day(text):  # " date 2022-10-04 Arrest Made In ..."
        own_day, past = head_date(text[story_start:], lang)
        if own_day == published and not _TOLD.rx.search(text, story_start, story_start + past):
            story_start += past  # then a headline and the page's line of that day: no story yet
    release_day: Span | None = None  # a listing's day alone on its line: its items' events
    if published is None and (is_release(text) or not is_decision(text)):
        published, story_start = head_date(text, lang)
        release_day = published
        if published is not None:  # the date line, then the dateline under the headline
            story_start += dateline(text[story_start:], lang)[1]
    story = text[story_start:]
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n", story)]  # paragraphs
    if not is_listing(story):
        release_day = None
    numeric_order = month_first(story) if lang == "en" else None
    head_published = published  # items of a listing re-date the story, not the text
    names, new_parties = party_names(story, known_parties)
    candidates: list[Candidate] = []
    stated: Span | None = None  # the latest date the text states: relative ones hang on it
    release = is_release(text)
    decision = not release and is_decision(story)  # a briefing's story may open "Trial Chamber"
    discipline = disciplinary_case(story)
    offset = 0
    kinds = {p.name: p.kind for p in new_parties.values()}
    roles = bound_roles(story, names, kinds)
    for role, party in role_parties(story, roles).items():  # "the Applicant", named nowhere
        roles[role], new_parties[party.name], kinds[party.name] = party.name, party, party.kind
    for role, party in described_accused(story, names, kinds, roles).items():  # "le prévenu"
        roles[role], new_parties[party.name], kinds[party.name] = party.name, party, party.kind
    carried = Carried(
        kinds,
        head_parties(story[:HEAD], names),
        names.officials,
        roles,
        persons_ahead(sentences(story), names, kinds),
    )
    narrative: Span | None = None  # the date the story is at: "On 15 March 2010, ..."
    days_told: dict[tuple[int, int], tuple[Span, str | None]] = {}  # days given without a year
    decided_on: Day | None = None  # a decision's own date: what it tells is no later
    headline: int | None = None  # the candidate of a listing item's headline, if any
    listed = sentences(story)
    found_in = [find_dates(sentence, lang, numeric_order) for sentence in listed]
    text_latest = latest_day(found_in)
    latest = None if published or decision else stored_month(text) or text_latest
    titled_year = None if published or decision else title_year(text)
    for number, sentence in enumerate(listed):
        offset = story.find(sentence, offset)
        found = found_in[number] or ([] if decision else released_on(sentence, lang, numeric_order))
        in_sentence = citations(sentence, story)
        for own_cited in in_sentence:  # "we reversed. Caldwell v. State, 853 N.W.2d 766 (2014)"
            inside = any(own_cited.start <= f.start < own_cited.end for f in found)
            told = (listed[number - 1] if number else "") + sentence[: own_cited.start]
            reported = own_cited.own and _DECIDED.rx.search(told[-300:]) is not None
            year = cited_year(own_cited.text, own_cited.start) if reported and not inside else None
            if year is not None and year.span is not None:
                if any(c.start.year == year.span.start.year for c in candidates):
                    continue  # "In June 2008, the Court reversed. Safavian, ... (2008)": told
                found = sorted([*found, year], key=lambda f: f.start)
        item = item_date(sentence, found, alone=not decision)
        if item is not None:
            carried.forget()  # a new item of a listing: another story, its "he" another
        named = parties_in(sentence, names)
        parties = carried.fill(sentence, named)
        carried.named(named)
        begins = offset + len(sentence) - len(sentence.lstrip())
        told_in = bisect.bisect_right(breaks, begins) + 1 if release_day is not None else 0
        if not found:
            listed_kind = release_day and _listed_event(
                story, begins, breaks, sentence, lang, numeric_order
            )
            if release_day is not None and listed_kind:
                clean = normalise_space(sentence)
                day = release_day
                candidates.append(
                    Candidate(
                        found="",
                        date=day.text,
                        start=day.start,
                        end=day.end,
                        precision=day.precision,
                        approximate=False,
                        anchor=day.text,
                        sentence=clean,
                        title=title(clean),
                        kind=listed_kind,
                        parties=parties,
                        new_parties=[new_parties[p] for p in parties if p in new_parties],
                        story=told_in,
                        context=Context(
                            KindWords.of(sentence, ()), 0, 0, None, lang, decision, release, False
                        ),
                    )
                )
            continue
        if item is not None:  # a new item of a listing, dated: the previous one ends
            _drop_told_headline(candidates, headline)
            published, headline = item[0], len(candidates) if item[1] == HEADLINE else None
            release_day = item[0] if item[1] == ALONE and is_listing(story) else None
            if item[1] != HEADLINE and len(found) == 1:
                continue  # a post's date and time, or a listing's day: no event
            if item[1] != HEADLINE:
                found = found[1:]  # the item run into its post date: its own dates count
        elif is_dateline(sentence, found) or (not decision and is_heading(sentence, found)):
            continue  # "Paris, 17 September 2014." closing a statement; "May 2007" heading a list
        kind_words = KindWords.of(sentence, [(f.start, f.end) for f in found])
        clean = normalise_space(sentence)
        sentence_day: Span | None = None  # "placé sous mandat de dépôt le même jour": this day
        for index, date_found in enumerate(found):
            citation = next((c for c in in_sentence if c.start <= date_found.start < c.end), None)
            if citation is not None and not citation.own:
                continue  # the date of a cited decision: a source, not an event
            if _restated(sentence, date_found, found[index + 1 :], candidates):
                continue
            if (
                _said_today(sentence, date_found, kind_words)
                or _spoke_on(sentence, date_found)
                or _said_on(sentence, date_found)
                or _REPLY_AFTER.rx.match(sentence, date_found.end)
            ):
                continue  # "We're here today to talk about ...": when the speaker spoke
            if _CONTINUED.rx.search(sentence, max(0, date_found.start - 60), date_found.start):
                continue  # "The hearing will continue tomorrow": the hearing's first day is told
            if _GOES_ON_LABEL.rx.match(sentence, date_found.end):
                continue  # "11.08.2020, Poursuite des débats": a hearing's later or spare day
            if _PAGE_TOOLS.rx.match(sentence, date_found.end):
                continue  # "[ 2 mai 2018 ] Imprimer": the page's date beside its tools
            if _PAGE_STAMP.rx.search(sentence, max(0, date_found.start - 80), date_found.start):
                continue  # "Date de dernière mise à jour : 30 mai 2025": the page's, no event
            if (
                index + 1 < len(found)
                and _PAPER_DATED.rx.search(
                    sentence, max(0, date_found.start - 80), date_found.start
                )
                and _FILED_AFTER.rx.fullmatch(sentence, date_found.end, found[index + 1].start)
            ):
                continue  # "a claim dated April 3 and filed on April 4": its filing is the step
            if _PAPER_DATED.rx.search(
                sentence, max(0, date_found.start - 80), date_found.start
            ) and _TENDERED_AFTER.rx.match(sentence, date_found.end):
                continue  # "a written opening, dated 24 November, which was tendered": the paper's
            if _RECURRING.rx.match(sentence, date_found.end):
                continue  # "the terms begin on the 1st Monday in March of each year"
            if _under_cited_laws(
                story[max(0, offset - 40) : offset] + sentence[: date_found.start]
            ):
                continue  # "Législation citée : loi du 17 avril 1835": a law's date
            cited = cited_by_reference(sentence, date_found.start, date_found.end)
            if cited and offset + date_found.start >= HEAD:
                continue  # "Crim., 5 mai 2010, n° 09-87.123": another case's decision
            later = found[index + 1 :]
            if date_found.month is not None:  # not "in the Sept. 14, 2017, shooting": another's
                later = [f for f in later if not _names_an_event(sentence, f.start, f.end)]
            at = sentence_day if date_found.same_day and sentence_day else narrative
            span, anchor = resolve(date_found, later, stated, published, at, latest, sentence_day)
            this_year = this_years_month(sentence, date_found, head_published or text_latest)
            if this_year is not None:  # "in March of this year": the year the text is written
                span, anchor = this_year, (head_published or text_latest or this_year).text
            titled = in_titled_year(sentence, date_found, titled_year)
            if titled is not None:  # "14 janvier : ..." in "les grands procès de 2022"
                span, anchor = titled, titled_year.text if titled_year else None
            if date_found.counted_from is not None:  # "two days after her arrest"
                event = _dated_event(candidates, date_found.counted_from, told_in)
                span, anchor = (counted(date_found, event), event.text) if event else (None, None)
            if span is None:
                continue
            if span.precision == "day" and not date_found.same_day:
                sentence_day = span
            if date_found.month_day is not None:  # "May 11" told again: the same day
                span, anchor = days_told.setdefault(date_found.month_day, (span, anchor))
            if (date_found.span is not None or date_found.month_day is not None) and not (
                span.precision == "year"
                and published is not None
                and _attributive(sentence, date_found.start, date_found.end)
            ):  # (a year naming a thing, "a 2019 operation", dates no day told after it)
                stated = span
                if _OPENING.rx.search(sentence, 0, date_found.start) or _told_alone(found):
                    narrative = span
            header = header_kind(
                sentence, date_found.start, date_found.end, offset, decision, story
            )
            before = sentence[max(0, date_found.start - 120) : date_found.start]
            rendered = _RENDERED_AT_A_HEARING.rx.search(before)
            if rendered is not None:  # "a rendu l'arrêt suivant en son audience publique du"
                header = _RENDERED[fold(rendered["decision"])[:3]]
            elif _IN_WORDS_AT_ITS_SITTING.rx.search(before) and not re.search(
                r"\d", date_found.found
            ):
                header = "ruling"  # "en son audience publique du jeudi seize novembre ..."
            elif _NUMBERED_ON.rx.search(before):
                header = "other"  # "Pourvoi : n° 370/2020/PC du 08/12/2020": its registration
            kind = "ruling" if citation is not None else header
            if citation is not None and _DENIED_BEFORE.rx.search(sentence, 0, citation.start):
                kind = "order"  # "..., cert. denied, 137 S. Ct. 2138 (2017)": review refused
            kind = "hearing" if date_found.sitting else kind  # "7, 8 November 2016 and ..."
            if kind in ("ruling", "judgment") and _heard_then_decided(sentence, found, index):
                kind = "hearing"  # "06 Nov 2019\n15 Nov 2019" in a head: heard, then decided
            kind = kind or stamped_kind(sentence[: date_found.start], story)
            kind = kind or signed_kind(sentence[: date_found.start], story)
            kind = kind or kind_words.nearest(date_found.start, date_found.end)
            if kind == "ruling" and adopted_views(story[:offset] + sentence[: date_found.start]):
                kind = "judgment"  # "Date of adoption of decision:" under "Views adopted by"
            sitting = sitting_kind(story, offset + date_found.start, offset + date_found.end)
            kind = sitting or kind  # "Réuni le 30 juillet 1998, ... Adopte ... Constatations"
            if kind == "charge" and discipline and accused_by_the_discipline(sentence):
                kind = "complaint"  # "the Disciplinary Counsel charged Respondent with"
            if kind == "ruling" and discipline and offset + date_found.start < HEAD:
                kind = "judgment"  # "Decided April 5, 2011." over "DISCIPLINARY COUNSEL v. X"
            if kind == "other" and (
                kind_words.tells_a_state()
                or _CEREMONY.rx.search(sentence)
                or _founding(sentence, date_found.start)
                or _law_made(sentence, date_found.end)
                or bounds_a_state(sentence, date_found.start, date_found.end)
                or _held_from(sentence, date_found.start)
                or is_dated_headline(sentence, date_found)  # an agency's news, no case's
            ):
                continue  # "In February 1925 the company owned the mine", "living there since"
            if (
                kind == "complaint"
                and sentence.rstrip().endswith(":")
                and number + 1 < len(listed)
                and _ANNULS_A_DECISION.rx.match(fold(listed[number + 1]))
            ):
                kind = "appeal"  # "M. X demande au Conseil d'Etat :" "1°) d'annuler ce jugement"
            if kind in ("other", "filing") and _TREATY_STEP.rx.search(sentence):
                continue  # a State's ratification or declaration lodged: no step of the case
            if kind in _COURT_ACTS and header is None and _an_act_reviewed(sentence, date_found):
                kind = "other"  # "d'annuler la délibération du 29 mars 2017": an administration's
            if (
                kind == "other"
                and header is None
                and not date_found.back  # "qui avait demandé mardi": a flashback, told after
                and kind_words.dates_the_facts(date_found.start)
            ):
                following = _undated(listed[number + 1 :], lang, numeric_order)
                kind = carried_kind(following) or kind
            if kind in ("detention", "order") and _UNTIL.rx.search(sentence, 0, date_found.start):
                if _EXTENDED.rx.search(sentence, 0, date_found.start):
                    continue  # "extended his detention until 28 May": a term set, no event
                if kind == "detention" and not kind_words.in_clause(date_found.start, kind):
                    continue  # "Entré en prison le 20 mars, il a fait une grève menée jusqu'au
                    # 24 décembre": the end of what the date's own clause tells, no custody's
                if kind == "detention":  # (an order "until" a day is still the order)
                    kind = "release"  # "held in detention until 28 May 2009": the day it ended
            if (
                span.precision == "interval"
                and kind == "arrest"
                and _GARDE_A_VUE.rx.search(sentence)
            ):
                kind = "detention"  # "placé en garde à vue du 17 au 20 juin": the custody it began
            if span.precision == "interval" and kind not in _LASTING:
                continue  # a period of service, of a survey, of the conduct charged: no event
            if span.precision == "interval" and kind in _FIRST_DAY:
                span = first_day(span)  # "tried from July 12 to July 19, 2007": its first day
            told_after = decided_on is not None and span.start > decided_on
            if told_after and offset + date_found.start >= HEAD and kind not in _AHEAD:
                continue  # after the decision's own date: a term's end, a year the copy lost
            own = header in _PLAIN_DECISIONS or _JUDGMENT_AT.rx.search(
                sentence, 0, date_found.start
            )
            appealed = _APPEALED_FROM.rx.search(
                sentence, max(0, date_found.start - 80), date_found.start
            )
            if own and not appealed:
                decided_on = decided_on or span.end  # the decision's own date
            alone = _told_alone(found)
            if header is None and _names_a_decision(sentence, date_found, kind, candidates, alone):
                continue
            linked = carried.of_date(sentence, (date_found.start, date_found.end), parties, names)
            linked = carried.deciding(linked) if header else carried.by_kind(kind, linked)
            linked = carried.with_court(linked, citation.text) if citation is not None else linked
            if header is not None and _retitled(candidates, clean, span.text, header, linked):
                continue
            candidates.append(
                Candidate(
                    found=normalise_space(date_found.found),
                    date=span.text,
                    start=span.start,
                    end=span.end,
                    precision=span.precision,
                    approximate=span.approximate,
                    anchor=anchor,
                    sentence=clean,
                    title=title(
                        normalise_space(without_heading(sentence)) if header is None else clean
                    ),
                    kind=kind,
                    parties=linked,
                    new_parties=[new_parties[p] for p in linked if p in new_parties],
                    citations=[c.text for c in in_sentence],
                    same_day=date_found.same_day,
                    named=kind == "other"
                    and (
                        kind_words.names_the_facts(date_found.start)
                        or _attributive(sentence, date_found.start, date_found.end)
                    ),
                    story=told_in,
                    context=Context(
                        kind_words,
                        date_found.start,
                        date_found.end,
                        header,
                        lang,
                        decision,
                        release,
                        offset + date_found.start < HEAD,
                    ),
                )
            )
        if item is not None and headline == len(candidates):
            headline = None  # the headline named no event
    _drop_told_headline(candidates, headline)
    first_published = head_published.text if head_published else None
    kept = _merged(candidates)
    keeper = shipped_keep() if keep is True else keep
    if keeper:
        kept = keeper.kept(text, kept, lang)
    model = shipped() if learned is True else learned
    if model:
        for candidate in kept:
            if candidate.context is not None:
                candidate.kind = model.kind(candidate.context, candidate.kind)
    return Extraction(kept, first_published)


def _listed_event(
    story: str, offset: int, breaks: Sequence[int], sentence: str, lang: str, order: bool | None
) -> str | None:
    """The event an undated item of a listing of releases reports, which the listing's day
    dates ("Thursday, June 29, 2006 ... Samuel Lopesierra was convicted ... (Read more)"):
    the kind its first sentence names, when its paragraph is an item's text (not a headline)
    and gives no date."""
    index = bisect.bisect_right(breaks, offset)
    start = breaks[index - 1] if index else 0
    if story[start:offset].strip():
        return None  # not the item's first sentence
    paragraph = story[start : breaks[index] if index < len(breaks) else len(story)]
    if not is_item_text(paragraph) or find_dates(paragraph, lang, order):
        return None
    kind = KindWords.of(sentence, ()).nearest(0, 0)
    return None if kind in ("other", "deadline") else kind


def _undated(following: Sequence[str], lang: str, numeric_order: bool | None) -> list[str]:
    """The sentences told on the date of the one before them: up to the next dated one."""
    told = []
    for sentence in following[:_TOLD_ON_A_DATE]:
        if find_dates(sentence, lang, numeric_order) or _LATER_ON.rx.search(sentence):
            break  # (or told at a time counted from an event: "arrêté trois mois après")
        told.append(sentence)
    return told


_TOLD = Regex(r"[.!?][\"'\u201d)]?\s")  # a sentence's end: a story told
_TOLD_ON_A_DATE = 5  # sentences
_LATER_ON = Regex(
    r"\b(?:\w+|\d+)\s+(?:jours?|semaines?|mois|ans|ann[ée]es|days?|weeks?|months?|years?)\s+"
    r"(?:apr[èe]s|plus\s+tard|later|after(?:wards)?)\b",
    re.IGNORECASE,
)
_UNTIL = Regex(
    # (a month's part too: "jusqu'à la mi-avril 2021, date de sa libération")
    r"\b(?:until|till|up\s+to|jusqu['\u2019]\s*(?:au|[àa])(?:\s+l[ea])?)\s*$",
    re.IGNORECASE,
)
# A site's list of the laws a decision cites: "Législation citée : 17 avril 1835, Code
# judiciaire" (Belgian Constitutional Court pages), "Legislation cited:".
_CITED_LAWS = Regex(
    r"^\s*(?:l[ée]gislation|legislation|textes?|lois?|statutes?)\s+cit[ée]e?s?\s*:", re.I
)
_CITED_LAWS_ABOVE = Regex(
    r"(?:^|\n)\s*(?:l[ée]gislation|legislation|textes?|lois?|statutes?)\s+cit[ée]e?s?\s*:?"
    r"[ \t]*\n\s*$",
    re.I,
)


def _under_cited_laws(before: str) -> bool:
    """Whether a date opens or follows the label of a site's list of laws cited, on its line
    or alone on the line above ("Législation citée" / "17 avril 1835, Code judiciaire")."""
    line = before.rsplit("\n", 1)[-1]
    return bool(_CITED_LAWS.rx.match(line)) or (
        not line.strip() and _CITED_LAWS_ABOVE.rx.search(before) is not None
    )


_EXTENDED = Regex(
    r"\b(?:extend(?:s|ed|ing)?|extensions?|prolong(?:s|ed|ing)?|renew(?:s|ed|ing)?|renewals?"
    r"|prolong[ée]e?s?|prolongations?|prorog[ée]e?s?|prorogations?)\b(?!.*\b(?:was|were|had\s+been)\s+(?:held|kept|detained)\b)",
    re.IGNORECASE,
)
# What a court is asked to annul or review is an administration's act, a dated fact of the
# matter ("demande au tribunal d'annuler la délibération du 29 mars 2017", "seeks judicial
# review of a decision of the agency dated July 28, 2022"), unless it is a court's own
# decision ("d'annuler ce jugement du 3 mai", "the order of the District Court").
_COURT_ACTS = frozenset({"ruling", "order", "judgment", "dismissal", "pardon", "filing"})
_REVIEWED = Regex(
    r"\b(?:d['\u2019]annuler|annul(?:e|é|ée|ées|és|ait|er|ation)|annull?(?:ed|ing|s)?|judicial\s+review"
    r"|set\s+aside|quash(?:ed|ing)?)\b(?P<object>[^;:]{0,160})$",
    re.IGNORECASE,
)
_COURT_OBJECT = Regex(
    r"\b(?:jugements?|arr[êe]ts?|ordonnances?|judgments?|orders?|rulings?|verdicts?|sentences?"
    r"|convictions?|acquittals?|condamnations?|relaxes?|indictments?"
    r"|tribunal|cour|court|juges?|judges?|conseil\s+d['\u2019][ée]tat|chambre|jury\s+verdict"
    r"|which|qui|lequel|laquelle"
    # a court's resolution named with its date: "to annul the Resolutions dated November 21"
    r"|resolutions?\s+dated)\b",
    re.IGNORECASE,
)


def _an_act_reviewed(sentence: str, item: Found) -> bool:
    """Whether the date at `item` dates the act a court is asked to annul or review, and
    that act is no court's: its phrase names no judgment, order or court, and the date is not
    in a relative clause of it ("review of this decision, which resulted in a denial in July")."""
    reviewed = _REVIEWED.rx.search(sentence, max(0, item.start - 200), item.start)
    if reviewed is None:
        return False
    after = sentence[item.end : item.end + 60].split(",")[0]
    return not _COURT_OBJECT.rx.search(reviewed["object"] + " " + after.split(" par ")[0])


_CONTINUED = Regex(
    r"\b(?:hearings?|trials?|audiences?|proc[èe]s)\s+(?:will\s+|shall\s+|is\s+to\s+)?"
    r"(?:continue[sd]?|resume[sd]?|reprendra|se\s+poursuivra)\s+(?:on\s+|le\s+)?$",
    re.IGNORECASE,
)
# A schedule's day labelled as a hearing's continuation or reserve day, not its opening:
# "11.08.2020, Poursuite des débats", "01.05.2024, Date de réserve", "12 May: reserve day".
_GOES_ON_LABEL = Regex(
    r"\s*(?:[-\u2013,]\s*\d{1,2}[:h.]\d\d\s*)?[,:;\u2013-]?\s*(?:"
    r"(?:poursuite|suite|reprise|continuation|continued)\s+(?:des|de\s+l['\u2019]|du|of\s+(?:the\s+)?)"
    r"\s*(?:d[ée]bats|audience|proc[èe]s|hearing|trial)"
    r"|date\s+de\s+r[ée]serve|jour\s+de\s+r[ée]serve|reserve[ds]?\s+(?:date|day)|spare\s+day)\b",
    re.IGNORECASE,
)
# A page's stamp, not an event: "Date de dernière mise à jour : | 30 mai 2025", "Publication
# date (field_publication_date) 07 November 2023", "Last updated: 3 May 2021".
# A page's own date beside the buttons of its page: "[ 2 mai 2018 ] Imprimer", "May 2, 2018 |
# Print | Share".
_PAGE_TOOLS = Regex(
    r"[ \t]*[\])]?[ \t]*[|\u2022-]?[ \t]*(?:Imprimer|Print|Partager|Share"
    r"|Envoyer(?:\s+par\s+e-?mail)?|E-?mail)\b[ \t]*(?:$|\n|[|\u2022])"
)
_PAGE_STAMP = Regex(
    r"\b(?:date\s+de\s+(?:derni[èe]re\s+)?mise\s+[àa]\s+jour|derni[èe]re\s+mise\s+[àa]\s+jour"
    r"|date\s+de\s+publication|publication\s+date|date\s+published|last\s+(?:updated|modified))"
    r"(?:\s*\([^()\n]{0,40}\))?[\s:|]*$"
    # a periodical's issue: "Issue 47/28 - July 11, 2024", "Vol. 12, No. 3, May 2019"
    r"|(?:^|\n)[^\n]{0,60}?\b(?:issue|vol\.|volume)\s*\d+(?:[/.-]\d+)?"
    r"(?:,?\s*(?:issue|no\.|n[°o])\s*\d+)?\s*[-\u2013\u2014,:|]\s*$",
    re.IGNORECASE,
)
# A paper's own date when the sentence goes on to the day it was filed: "a memorandum of claim
# dated April 3, 2017 and filed on April 4, 2017", "amended the claim on May 31 and filed on June
# 5", "A defence dated 19 May was filed under cover of an email dated 20 May": the filing counts.
_PAPER_DATED = Regex(
    r"\b(?:dated|(?:amended|signed|drafted|drew\s+up)\s+(?:the|its|his|her|their|an?)\s+"
    r"[^.;\d]{0,40}?\s+on)\s*$",
    re.IGNORECASE,
)
_FILED_AFTER = Regex(
    r"[^.;\d]{0,20}?\b(?:and\s+|(?:was|were)\s+)(?:filed|lodged)\b[^.;\d]{0,60}$", re.I
)
# A paper's own date, then its handing to the court told apart: "a detailed written opening,
# dated 24 November 2017, which was tendered on the plea".
_TENDERED_AFTER = Regex(
    r"\s*,?\s*(?:which|that)\s+(?:was|were|had\s+been)\s+(?:then\s+|later\s+|subsequently\s+)?"
    r"(?:tendered|filed|lodged|handed\s+up|served|submitted|produced)\b",
    re.IGNORECASE,
)
_RECURRING = Regex(
    r"[^.;]{0,60}?\b(?:(?:of\s+)?(?:each|every)\s+year|annually|chaque\s+ann[ée]e"
    r"|tous\s+les\s+ans)\b",
    re.IGNORECASE,
)
# What a requête asks, listed after its colon in the paragraphs that follow ("M. X demande au
# Conseil d'Etat :" then "1°) d'annuler ce jugement ;"): the annulment of a court's decision
# makes it the appeal against that decision, as when the same sentence asks it.
_ANNULS_A_DECISION = Regex(
    r"\s*(?:1\s*°?\s*\)|-)?\s*d'annuler (?:ce |cette |le |la |l')\s*(?:jugement|ordonnance|arret)\b"
)
# A ceremony is no step of a case: "gathered at the Memorial on May 12 and paid tribute".
_CEREMONY = Regex(
    r"\b(?:ceremon(?:y|ies)|tribute|memorial|commemorat\w*|vigil|wreath|anniversary"
    r"|solemn\s+declarations?|sworn\s+in|swearing[-\s]in|pr[êe]t\w*\s+serment"
    r"|honou?r(?:s|ed|ing)|c[ée]r[ée]monie|hommage|comm[ée]mor\w*)\b",
    re.IGNORECASE,
)
# A founding tells when a body began, no step of a case ("l'association avait été fondée",
# "the charity was founded by"); "fondée sur", "established that" are no founding.
_FOUNDING = Regex(
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:founded|established|incorporated"
    r"|set\s+up)\b(?!\s+(?:on|upon|that)\b)"
    r"|\b(?:a|avait|ont|avaient)\s+[ée]t[ée]\s+(?:fond[ée]e?s?|cr[ée]{2}e?s?)\b(?!\s+sur\b)",
    re.IGNORECASE,
)


# A law made or in force, told after its date: "On 24 September 1996 the General Amnesty Act
# was enacted", "le 1er mars 2010, la loi est entrée en vigueur".
_LAW_MADE = Regex(
    r"\b(?:act|law|code|statute|amendment|treaty|loi|d[ée]cret|convention|trait[ée])\b[^.;]{0,30}?"
    r"\b(?:was|were|has\s+been|had\s+been|a\s+[ée]t[ée])\s+(?:enacted|adopted|passed|promulgated"
    r"|ratified|signed\s+into\s+law|adopt[ée]e?|promulgu[ée]e?|vot[ée]e?|ratifi[ée]e?)\b"
    r"|\b(?:came|entered)\s+into\s+force\b|\bentr[ée]e?s?\s+en\s+vigueur\b",
    re.IGNORECASE,
)


# The decision a court gave at a sitting: "a rendu l'arrêt suivant en son audience publique du"
# (the decision's day, not a hearing of its own; "après débats à l'audience du" is one).
_RENDERED_AT_A_HEARING = Regex(
    r"\ba\s+rendu\s+(?:l['\u2019]\s*|le\s+|la\s+)(?P<decision>arr[êe]t|jugement|ordonnance"
    r"|d[ée]cision)\s+(?:suivante?\s*)?,?\s*(?:en|[àa]|lors\s+de)\s+(?:son|sa|l['\u2019]|une?)\s*"
    r"audience\s+(?:publique\s+)?(?:ordinaire\s+)?(?:du|le)\s*$",
    re.IGNORECASE,
)
# A decision told just before a citation of it ("On appeal, we affirmed. Caldwell v. State, 886
# N.W.2d 491 (Minn. 2016)"): the citation reports that decision, its year dates it.
_DECIDED = Regex(
    r"\b(?:affirm|revers|remand|vacat|dismiss|upheld|uphold|set\s+aside|quash|overrul)\w*", re.I
)
_DENIED_BEFORE = Regex(
    r"\b(?:cert(?:iorari|\.)?|reh['\u2019]?g|rehearing)\s+denied\s*,?[^;()]{0,40}$", re.I
)
# A decision's day written out in words after the sitting it was given at, as a French supreme
# court's head says it ("La Cour ..., en son audience publique ordinaire du jeudi seize novembre
# deux mille six, ... a rendu l'arrêt", "Ouï à l'audience publique du vendredi vingt et un
# juillet mil neuf cent soixante douze"): the decision's own day, not a hearing besides it.
_IN_WORDS_AT_ITS_SITTING = Regex(
    r"\baudience\s+(?:publique\s+)?(?:ordinaire\s+)?(?:de\s+vacation\s+)?(?:du|le)\s*"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*,?\s*)?$",
    re.IGNORECASE,
)
# A date alone on its line of a decision's head, with a later date alone on the next line: the
# hearing's day, then the decision's (a decision is never given before it is heard).
_ALONE_BEFORE = Regex(r"(?:^|\n)[ \t|]*$")
_NEXT_LINE = Regex(r"[ \t|]*\n[ \t|]*")
_ALONE_AFTER = Regex(r"[ \t|]*(?:\n|$)")


def _heard_then_decided(sentence: str, found: Sequence[Found], index: int) -> bool:
    """Whether the date at `index` stands alone on its line of a head, over the next date
    alone on the next line, a later day: the hearing's day over the decision's."""
    if index + 1 >= len(found):
        return False
    this, following = found[index], found[index + 1]
    if this.span is None or following.span is None or this.span.precision != "day":
        return False
    return (
        _ALONE_BEFORE.rx.search(sentence, 0, this.start) is not None
        and _NEXT_LINE.rx.fullmatch(sentence, this.end, following.start) is not None
        and _ALONE_AFTER.rx.match(sentence, following.end) is not None
        and following.span.precision == "day"
        and following.span.start > this.span.end
    )


_RENDERED = {"arr": "ruling", "jug": "judgment", "ord": "order", "dec": "ruling"}
# A case number's date: "Pourvoi : n° 370/2020/PC du 08/12/2020", "Requête n° 12/2019 du": the
# day it was registered, which the text may tell again ("recours enregistré au greffe le").
_NUMBERED_ON = Regex(
    r"\b(?:pourvois?|recours|requ[êe]tes?)\s*:?\s*n[°o]\.?\s*[\w/.-]+(?:\s*/\s*\w+)*"
    r"\s+du\s*$",
    re.IGNORECASE,
)


# A State's step under a treaty, told in a decision's account of the court's jurisdiction: "est
# devenu partie à la Charte le 21 octobre 1986", "deposited the declaration ... on 29 March 2010".
_TREATY_STEP = Regex(
    r"\b(?:(?:est|sont|was|were|has|have|had)\s+(?:devenue?s?|become|became)\s+(?:a\s+)?partie?s?"
    r"\s+(?:[àa]|to)|became\s+(?:a\s+)?party\s+to|(?:a|ont|has|have|had)\s+(?:ratifi[ée]|ratified"
    r"|adh[ée]r[ée]\s+[àa]|acceded\s+to)|(?:d[ée]pos[ée]e?|deposited)\s+(?:la|sa|the|its)"
    r"\s+d[ée]claration)",
    re.IGNORECASE,
)


def _law_made(sentence: str, end: int) -> bool:
    """Whether what follows the date ending at `end` tells a law made or coming into force,
    not in a relative clause ("the rule, which entered into force on 1 June, was applied on
    3 May" dates an application on 3 May)."""
    made = _LAW_MADE.rx.search(sentence, end)
    return made is not None and not re.search(
        r"\b(?:which|that|qui)\b", sentence[end : made.start()]
    )


# A state held from a day on, in the perfect: "has been a Member of Parliament for X from 2011,
# and the Secretary-General of the Party from 2018".
_HAS_BEEN = Regex(r"\b(?:has|have|had)\s+been\b", re.IGNORECASE)
_FROM_BEFORE = Regex(r"\bfrom\s*$", re.IGNORECASE)


def _held_from(sentence: str, start: int) -> bool:
    """Whether the date at `start` is where a state told in the perfect starts ("has been a
    member ... from 2011"): no event, as "since 2011" is none."""
    if not _FROM_BEFORE.rx.search(sentence, max(0, start - 8), start):
        return False
    clause = max(sentence.rfind(";", 0, start), sentence.rfind(".", 0, start)) + 1
    return _HAS_BEEN.rx.search(sentence, clause, start) is not None


def _founding(sentence: str, start: int) -> bool:
    """Whether the clause of the date at `start` (between semicolons) tells a body's founding
    in the passive ("avait été fondée", "was founded"): someone creating a company ("a créé en
    mai 1988 la société Icauna") may be an act of the case."""
    begin = sentence.rfind(";", 0, start) + 1
    end = sentence.find(";", start)
    return _FOUNDING.rx.search(sentence, begin, end if end >= 0 else len(sentence)) is not None


# A date opening its sentence or a clause of it ("...hospitalised; on 23 April a charge was
# filed"): the day the story is at.
_OPENING = Regex(r"(?:^|[;:])\W*(?:on|le|in|en|by|at|around|vers)?\s*$", re.IGNORECASE)


def _dated_event(candidates: Sequence[Candidate], kind: str, story: int) -> Span | None:
    """The date of the last milestone of `kind` told before, in the same story: the event a
    span is counted from ("charged her two days after her arrest")."""
    event = next(
        (c for c in reversed(candidates) if c.kind == kind and c.story == story and c.date), None
    )
    if event is None or event.approximate or event.precision not in ("day", "month"):
        return None
    return Span(event.date, event.start, event.end, event.precision)


def _told_alone(found: Sequence[Found]) -> bool:
    """Whether a sentence states one date only ("no action was taken until January 11, 1971,
    when he was notified"): the day it tells, that "the same date" after it means."""
    return sum(f.span is not None or f.month_day is not None for f in found) == 1


def _drop_told_headline(candidates: list[Candidate], headline: int | None) -> None:
    """A listing item's headline date is its event's only when the item tells no other date
    ("May 16, 2014 - Queens man sentenced" over "sentenced ... Wednesday")."""
    if headline is not None and len(candidates) > headline + 1:
        del candidates[headline]


_RIGHT_BEFORE = Regex(
    r"^\s*,?\s*(?:(?:that\s+is|i\.\s?e\.|namely|soit|c['\u2019]est-[àa]-dire),?\s*)?"
    r"(?:(?:on|in|le|en)\s+)?(?:the\s+)?$",  # "18 days later, that is, on the 20th of October"
    re.IGNORECASE,
)
_REFERRING = Regex(r"(?:\b(?:the|that|this|its|his|her|their)|\w['\u2019]s)\s*$", re.IGNORECASE)
# A date naming a decision the text has dated already: "the judgment of 9 May 2011", "l'arrêt
# du 7 février 2017" (in "a formé un pourvoi contre l'arrêt du ...": no appeal on that day).
_NAMING = Regex(
    r"\b(?:arr[eê]ts?|jugements?|judgments?|d[ée]cisions?|ordonnances?|orders?|rulings?|"
    r"verdicts?|opinions?)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:du|of|dated|en\s+date\s+du|rendue?s?\s+le|rendered|delivered|issued|filed|entered)"
    r"(?:\s+on)?\s*$",
    re.IGNORECASE,
)


def _retitled(
    candidates: Sequence[Candidate], sentence: str, day: str, kind: str, parties: list[str]
) -> bool:
    """Whether a decision's header date only repeats a date of the same run of head lines (the
    page title "SMITH v. FRANCE - 1234/05 (3 May 2010)" above "JUDGMENT ... 3 May 2010"): the
    one proposed already becomes the decision, with the header's kind and court."""
    told = next((c for c in candidates if c.date == day and c.sentence == sentence), None)
    if told is None or told.kind in ("hearing", "filing"):
        return False  # "Date of Hearing: ... January 8 ... Date of Judgment: ... January 8"
    told.kind = kind
    told.parties.extend(p for p in parties if p not in told.parties)
    return True


# A date before the noun it dates names that event: "led the May 9 operation", "the
# March 3, 2019 raid".
_DETERMINER_BEFORE = Regex(r"\b(?:the|a|an|its|his|her|their|this|that)\s*$", re.IGNORECASE)
_NOUN_AFTER = Regex(
    r"\s+(?!(?:was|were|is|are|and|or|to|in|at|by|of|on|the|he|she|it)\b)[a-z]{3,}\b"
)


def _attributive(sentence: str, start: int, end: int) -> bool:
    """Whether the date at start:end is a determiner's and a noun's ("the May 9 operation"):
    an event of its own, not a day told again."""
    return bool(_DETERMINER_BEFORE.rx.search(sentence, max(0, start - 8), start)) and bool(
        _NOUN_AFTER.rx.match(sentence, end)
    )


_NOUN_AFTER_A_COMMA = Regex(
    r",?\s+(?!(?:was|were|is|are|and|or|to|in|at|by|of|on|the|he|she|it)\b)[a-z]{3,}\b"
)


def _names_an_event(sentence: str, start: int, end: int) -> bool:
    """Whether the date at start:end names an event by its day, as a determiner's and a noun's,
    a comma maybe after its year ("the Sept. 14, 2017, shooting"): a month without a year told
    before it in the sentence takes no year from it."""
    return bool(_DETERMINER_BEFORE.rx.search(sentence, max(0, start - 8), start)) and bool(
        _NOUN_AFTER_A_COMMA.rx.match(sentence, end)
    )


# A speaker and the day they spoke: "the Department said Wednesday that he had been
# arrested", "told reporters yesterday", "told AFP on Monday", "a-t-on appris mercredi auprès
# de son avocat".
_SPOKE = Regex(
    r"\b(?:said|says|stated|(?:has|have|had|was|were)\s+(?:been\s+)?reported"
    r"|told(?:\s+[\w.]+){0,3}?|a-t-on\s+(?:appris|indiqu[ée]|su)"
    r"|apprend-on|(?:a|ont)\s+(?:indiqu[ée]|d[ée]clar[ée]|pr[ée]cis[ée]))\s+(?:on\s+|ce\s+)?$",
    re.IGNORECASE,
)


# A spokesman's reply dated: "a spokesman for the Department today (March 15) gave the following
# reply:", "the office on 3 May issued the following statement": when the news was told.
_REPLY_AFTER = Regex(
    r"[ \t]*\)?[ \t]*,?[ \t]*(?:gave|made|issued|released)\s+the\s+following\s+(?:reply|response"
    r"|statement|comments?|remarks?)\b",
    re.IGNORECASE,
)


def _spoke_on(sentence: str, item: Found) -> bool:
    """Whether a weekday or "today" only dates a statement ("said Wednesday that"): when the
    news was told, not what it tells."""
    if item.weekday is None and item.ago != (0, "day") and item.ago != (1, "day"):
        return False
    if item.shift is not None:
        return False
    if _STATEMENT_ON.rx.search(sentence, max(0, item.start - 120), item.start):
        return True  # "according to a statement by the police spokesman, X, on Tuesday"
    return _SPOKE.rx.search(sentence, max(0, item.start - 50), item.start) is not None


# A statement that is the report's source, dated: "according to a statement by the state police
# spokesperson, Daniel Roe, on Tuesday", "in a press release on Monday".
_STATEMENT_ON = Regex(
    r"\b(?:according\s+to|in|via)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:statement|press\s+release|release|communiqu[ée])\b[^.;\d]{0,80}?,?\s+(?:on\s+)?$",
    re.IGNORECASE,
)


# A speaker's day set between commas before what was said: "la procureure indique, ce mardi 27
# juillet, que le suspect a été interpellé", "the prosecutor said, on Tuesday, July 27, that".
_SAYING_BEFORE = Regex(
    r"\b(?:indique|annonce|pr[ée]cise|explique|affirme|d[ée]clare|confirme|r[ée]v[èe]le"
    r"|said|says|announced|stated)\s*,\s*(?:ce\s+|on\s+)?"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday),?\s+)?$",
    re.IGNORECASE,
)
_WHAT_WAS_SAID = Regex(r"\s*,\s*(?:que|qu['\u2019]|that)\b", re.IGNORECASE)


def _said_on(sentence: str, item: Found) -> bool:
    """Whether a day only dates a statement set between commas ("indique, ce mardi 27
    juillet, que ..."): when the news was told, not what it tells."""
    before = _SAYING_BEFORE.rx.search(sentence, max(0, item.start - 60), item.start)
    return before is not None and _WHAT_WAS_SAID.rx.match(sentence, item.end) is not None


_QUOTES = Regex(r"[\"\u201c\u201d\u00ab\u00bb]")


def _said_today(sentence: str, item: Found, kind_words: KindWords) -> bool:
    """Whether a "today" is the day a quoted speaker spoke, no event: inside a quotation the
    sentence opens (an odd number of quotation marks before it) whose words name no event
    done ("We're here today to talk about the ruling", but not "Today we charged five men")."""
    if item.ago != (0, "day") or item.shift is not None:
        return False
    marks = [m.start() for m in _QUOTES.rx.finditer(sentence)]
    before = sum(at < item.start for at in marks)
    if before % 2 == 0:
        return False
    closing = next((at for at in marks if at > item.start), len(sentence))
    return not kind_words.verb_in(marks[before - 1], closing)


def _restated(
    sentence: str, item: Found, later: Sequence[Found], earlier: Sequence[Candidate]
) -> bool:
    """Whether a date expression only restates one proposed already: "Four years later, on
    6 April 2021", "tomorrow, Dec. 1, 2023" (the relative phrase announces the full date),
    "the 6 April 2021 decision" after that decision was proposed, or a question about a day
    told already."""
    relative = item.shift is not None or item.ago is not None or item.weekday is not None
    announced = relative and bool(later) and later[0].span is not None
    if announced and _RIGHT_BEFORE.rx.match(sentence[item.end : later[0].start]):
        return True
    if item.span is None:
        return False
    if sentence.rstrip().endswith("?") and any(c.date == item.span.text for c in earlier):
        return True  # an issue put as a question: "(2) Whether the court erred on June 29?"
    if not _REFERRING.rx.search(sentence[: item.start]):
        return False
    named_next = re.match(r"\s+\w", sentence[item.end :]) is not None
    return named_next and any(c.date == item.span.text for c in earlier)


def _names_a_decision(
    sentence: str, item: Found, kind: str, earlier: Sequence[Candidate], alone: bool
) -> bool:
    """Whether a date names a decision proposed already: "un pourvoi contre l'arrêt du 7
    février 2017" is no appeal on that day, "upheld the detention order of 5 May 2010" no
    second event of a day told as "ordered his detention". A decision named so may still tell
    what a decision of that day decided ("Par arrêt du 3 mai 2019, qui l'a condamné"): the
    merge gives the day that kind."""
    if item.span is None or not _NAMING.rx.search(sentence[max(0, item.start - 80) : item.start]):
        return False
    told = [c.kind for c in earlier if c.date == item.span.text]
    decided = bool(_DECIDING.intersection(told))
    if kind not in _DECIDING and decided:
        return True
    # another date of the sentence is its event ("On 20 May the court upheld the order of 5
    # May"); told alone, a decision of a day with another event is another ("L'ordonnance de
    # clôture est en date du 29 novembre 2021" after the réquisitions of that day)
    return bool(told) and not decided and not alone


_GARDE_A_VUE = Regex(r"\bgarde\s+[àa]\s+vue\b", re.IGNORECASE)
# Events that last, so that a period can be one: "detained from 3 May to 5 June".
_LASTING = frozenset({"detention", "trial", "hearing", "investigation", "parole"})
_FIRST_DAY = frozenset({"trial", "hearing"})  # dated by the day they open, as GUIDE.md says
_SITTINGS = frozenset({"trial", "hearing"})  # one court's sitting, told as either
_ADJOURNED_TO = Regex(
    r"\b(?:adjourn\w*|postpon\w*|continuation|renvo[iy]\w*|reprogramm\w*|report[ée]e?s?)\b",
    re.IGNORECASE,
)  # what tells a sitting was set by an adjournment: a trial adjourned to a day is a hearing
_DECISIONS = frozenset({"ruling", "judgment", "conviction", "acquittal", "dismissal"})
_DECIDING = _DECISIONS | {"order", "sentencing"}
_PLAIN_DECISIONS = frozenset({"ruling", "judgment"})
# A judgment's head run into one line: "JUDGMENT STRASBOURG 3 October 2006".
_JUDGMENT_AT = Regex(
    r"\b(?:JUDGMENT|ARR[EÊ]T|D[EÉ]CISION)\s+(?!(?:DU|DE|DES|LA|LE|EN|DATE|OF|THE|ON|IN)\b)"
    r"[A-Z][A-Z'-]+\s+$"
)
# The decision an appeal is from, in an opinion's head: "Appeal from the Judgment of Sentence
# Entered May 5, 2021": a date before the opinion's own, what it tells may follow it.
_APPEALED_FROM = Regex(r"\bappeal(?:ed)?\s+from\s+the\b[^.;\n\d]{0,60}$", re.IGNORECASE)
_AHEAD = frozenset({"deadline", "hearing"})  # what a decision may set for a later day


def _no_event_of_its_own(candidate: Candidate) -> bool:
    return (
        candidate.kind == "other"
        and candidate.precision == "day"
        and not candidate.same_day
        and not candidate.named
    )


def _told_finer(candidate: Candidate, kept: Sequence[Candidate]) -> Candidate | None:
    """The candidate of the same kind of event and story dated to a day within the month or
    year `candidate` says ("were arrested in May 2015" and "arrested ... on May 6, 2015"): the
    same event told more exactly; None if there is none, or `candidate` names a day itself."""
    if candidate.precision not in ("month", "year") or candidate.kind == "other":
        return None
    return next(
        (
            c
            for c in kept
            if c.kind == candidate.kind
            and c.precision == "day"
            and c.story == candidate.story
            and candidate.start <= c.start <= candidate.end
        ),
        None,
    )


def _decision_told_again(candidate: Candidate, decision: Candidate | None) -> Candidate | None:
    """The decision a sentencing of its day only tells again: "sentenced on May 5" after an
    opinion's head "Appeal from the Judgment of Sentence Entered May 5" is one sentence."""
    if candidate.kind != "sentencing" or decision is None:
        return None
    return decision if decision.kind in _PLAIN_DECISIONS else None


# A case's docket number as a list of decisions gives it: "View Opinion No. 20-0026".
_DOCKET_NUMBER = Regex(r"\bNo\.\s*(\d[\w.-]*\d)\b")


def _other_docket(first: Candidate, candidate: Candidate) -> bool:
    """Whether two decisions of one day are of two cases, by the docket numbers their
    sentences give: each opinion of a court's list of the day's opinions is its own."""
    mine = _DOCKET_NUMBER.rx.findall(candidate.sentence)
    theirs = _DOCKET_NUMBER.rx.findall(first.sentence)
    return bool(mine and theirs) and not set(mine) & set(theirs)


# A time of a day told already, which a sentence naming no event goes on with: "On the night
# of 9 May ... The group spent a considerable time that night socialising".
_THAT_TIME = Regex(r"that\s+(?:morning|afternoon|evening|night)|ce\s+(?:soir|matin)-l[àa]", re.I)


_ONCE_A_DAY = frozenset({"sentencing", "conviction"})  # what one case has once on a day


def _merged(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per event: a judgment's header date and the sentence that says what it
    decided are one milestone, of the more telling kind ("conviction" over "ruling"); an
    event told twice (same day, same kind: "was arrested on May 3" in the lead and again in
    the account) is one, naming the parties of both; and a day told with no event of its own
    ("announced today", "the press conference of June 5") is the day of an event proposed
    already, not another; unless it is "the same day" as another event."""
    kept: list[Candidate] = []
    decided: dict[tuple[int, str], Candidate] = {}
    told: dict[tuple[int, str, str], Candidate] = {}
    by_day: dict[tuple[int, str], Candidate] = {}
    any_story: dict[str, Candidate] = {}  # a listing's item with no event of its own
    for candidate in candidates:
        day = (candidate.story, candidate.date)  # two items of a listing: two stories
        first = told.get((*day, candidate.kind))
        if (
            candidate.same_day
            and not (candidate.kind == "other" and _THAT_TIME.rx.fullmatch(candidate.found))
            and (
                first is None
                or first.sentence == candidate.sentence
                or candidate.kind not in _ONCE_A_DAY
            )
        ):
            first = None  # "the same day, he was charged": another event of that day
        # (but a sentence or conviction that day told in another sentence is that one: a head's
        # "Judgment of Sentence Entered December 11, 2015", then "on that same day, the trial
        # court sentenced Appellant")
        if candidate.kind in _DECISIONS:
            first = decided.get(day)
            if first is not None and _other_docket(first, candidate):
                first = None  # a list of opinions filed that day: "No. 20-0026", "No. 20-0156"
        if first is None and candidate.kind in _PLAIN_DECISIONS:
            first = told.get((*day, "order"))  # "l'arrêt du 11 juin" after it ordered
        if first is None and candidate.kind == "order" and day in decided:
            plain = decided[day]  # a head's date, then "ORDONNANCE ... Du 7 février 2023"
            first = plain if plain.kind in _PLAIN_DECISIONS else None
        first = first or told.get((0, candidate.date, candidate.kind + candidate.sentence))
        if first is None and candidate.kind in _SITTINGS and not candidate.same_day:
            # a trial is heard: "the second trial in May 2011" and "in May 2011 he appeared
            # before the court" tell one sitting
            sitting = next(iter(_SITTINGS - {candidate.kind}))
            first = told.get((*day, sitting))
            if first is not None and _ADJOURNED_TO.rx.search(
                first.sentence + " " + candidate.sentence
            ):
                first.kind = "hearing"  # a day a trial is adjourned to is a hearing (GUIDE.md)
        first = first or _decision_told_again(candidate, decided.get(day))
        if first is None and _no_event_of_its_own(candidate):
            first = by_day.get(day) or any_story.get(candidate.date)
        if first is None:
            if candidate.kind in _DECISIONS:
                decided[day] = candidate
            told[(*day, candidate.kind)] = candidate
            told[(0, candidate.date, candidate.kind + candidate.sentence)] = candidate  # repeated
            kept.append(candidate)
            if candidate.kind != "other" or day not in by_day:
                by_day[day] = candidate
            if candidate.kind != "other":
                any_story.setdefault(candidate.date, candidate)
            continue
        if first.kind in _PLAIN_DECISIONS and candidate.kind not in _PLAIN_DECISIONS | {"other"}:
            first.kind = candidate.kind
        first.parties.extend(p for p in candidate.parties if p not in first.parties)
        first.new_parties.extend(p for p in candidate.new_parties if p not in first.new_parties)
    for candidate in list(kept):  # "arrested in May 2015" and "arrested on May 6, 2015"
        finer = _told_finer(candidate, kept)
        if finer is not None:
            finer.parties.extend(p for p in candidate.parties if p not in finer.parties)
            kept.remove(candidate)
    for candidate in list(kept):  # "announced today" before the event it announces
        other = by_day.get((candidate.story, candidate.date))
        other = any_story.get(candidate.date) if other is candidate else other
        if _no_event_of_its_own(candidate) and other is not None and other is not candidate:
            other.parties.extend(p for p in candidate.parties if p not in other.parties)
            kept.remove(candidate)
    return kept
