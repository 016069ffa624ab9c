"""The records casetrack stores, modelled once and shared by the store, queries and formats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from casetrack.dates import DateValue, display_text
from casetrack.pinpoints import pinpoint_text

MILESTONE_STATUSES = ("undisputed", "disputed", "unsure")
PARTY_KINDS = ("person", "organization", "court", "agency", "other")
# British spellings of the kind names casetrack gives, taken for the ones it stores: of a party
# (organisation) and of a milestone (judgement), one table for both.
KIND_SPELLINGS = {"organisation": "organization", "judgement": "judgment"}

DEFAULT_KINDS = (
    "investigation", "complaint", "filing", "indictment", "charge", "arrest", "raid", "search",
    "detention", "release", "hearing", "trial", "ruling", "judgment", "verdict", "sentencing",
    "appeal", "dismissal", "settlement", "deadline", "acquittal", "conviction", "pardon",
    "parole", "referral", "motion", "order", "service", "other",
)  # fmt: skip

# The last three are the US civil ones a litigator gives a motion's and a suit's parties.
ROLES = (
    "subject", "defendant", "plaintiff", "applicant", "appellant", "respondent", "prosecutor",
    "investigating judge", "judge", "court", "raiding authority", "detainee", "witness", "counsel",
    "victim", "complainant", "appellee", "claimant", "attorney", "accused", "suspect",
    "petitioner", "intervener", "movant", "amicus curiae", "third-party defendant",
)  # fmt: skip
# Other spellings of a known role, taken for the role they spell when typed or imported, so
# the role's links are not split by spelling (drafts.clean_role; m031 moved the stored ones).
ROLE_SPELLINGS = {"intervenor": "intervener"}
# The same roles as French court documents name them: a role is free text, and a French user's
# "juge d'instruction" is a role of its own, not a misspelling of "judge".
FRENCH_ROLES = (
    "mis en cause", "prévenu", "accusé", "mis en examen", "partie civile", "demandeur",
    "défendeur", "requérant", "appelant", "intimé", "procureur", "ministère public",
    "juge d'instruction", "juge", "tribunal", "cour", "détenu", "témoin", "avocat", "victime",
    "plaignant", "demanderesse", "défenderesse", "requérante", "appelante", "intimée",
    "prévenue", "accusée", "détenue", "plaignante", "avocate", "mise en examen", "mise en cause",
    "procureure",
)  # fmt: skip
KNOWN_ROLES = ROLES + FRENCH_ROLES
# The kind of party a role implies, for a party first named with it (parties.kind_of_new_party):
# a judge, prosecutor, counsel or witness is a person, a court a court, a public office an
# agency. Roles a person or an organisation may hold alike (plaintiff, defendant...) imply none.
ROLE_KINDS = {
    **dict.fromkeys(
        ("judge", "investigating judge", "prosecutor", "counsel", "attorney", "lawyer",
         "barrister", "solicitor", "advocate", "witness", "magistrate", "juror",
         "expert", "juge", "juge d'instruction", "procureur", "procureure", "avocat",
         "avocate", "témoin", "magistrat"),
        "person",
    ),
    **dict.fromkeys(("court", "tribunal", "cour", "chamber", "chambre"), "court"),
    **dict.fromkeys(("raiding authority", "ministère public", "parquet"), "agency"),
}  # fmt: skip


# What every listing and report says of a quote casetrack looked for on the page it cites and
# did not find there.
QUOTE_NOT_FOUND = "quote not found on the page"


@dataclass
class Case:
    id: int
    uid: str
    slug: str
    title: str
    jurisdiction: str | None = None
    court: str | None = None
    docket: str | None = None
    status: str = "open"
    summary: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "slug": self.slug,
            "title": self.title,
            "jurisdiction": self.jurisdiction,
            "court": self.court,
            "docket": self.docket,
            "status": self.status,
            "summary": self.summary,
        }


@dataclass
class Party:
    id: int
    uid: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
        }


@dataclass
class Source:
    id: int
    uid: str
    url: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
        }


class PartyLink(NamedTuple):
    """A party's part in one milestone. Made for each link of every milestone listed: a
    named tuple is made in a tenth of a frozen dataclass's time."""

    name: str
    role: str | None = None
    party_id: int = 0
    uid: str = ""  # the party's uid, by which an export names it

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


class SourceLink(NamedTuple):
    """A source cited by one milestone, with the quote or pinpoint that supports it. A
    registered document is cited through its own source: then `sha256` is the document's
    hash, `page` the printed label of the page cited and `page_index` its position. A named
    tuple, as PartyLink."""

    id: int
    url: str
    title: str | None = None
    quote: str | None = None
    page: str | None = None
    paragraph: str | None = None
    document: int | None = None
    sha256: str | None = None
    page_index: int | None = None
    # Whether the quote is on the page cited (1, 0; None: not checked): document_pages.quote_found
    quote_found: int | None = None
    uid: str = ""  # the source's uid, by which an export names it

    @property
    def named(self) -> str:
        """The source as a sheet names it: a registered document by its title, then its
        `sha256:` source (the last word, which `cited_source` reads back); any other by its
        URL or citation."""
        return f"{self.title} {self.url}" if self.sha256 and self.title else self.url

    @property
    def pinpoint(self) -> str:
        """Its page and paragraph as every citation says them ('pp. 12-14, ¶ 4'; '' for
        neither): a document's page by its printed label."""
        return pinpoint_text(self.page, self.paragraph, label=self.page_index is not None)

    @property
    def quote_warning(self) -> str | None:
        """What every listing and report says of a quote not found on the page it cites."""
        return QUOTE_NOT_FOUND if self.quote_found == 0 else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "quote": self.quote,
            "page": self.page,
            "paragraph": self.paragraph,
            "document": self.document,
            "sha256": self.sha256,
            "page_index": self.page_index,
            "quote_found": None if self.quote_found is None else bool(self.quote_found),
        }


def cited_source(line: str) -> tuple[str, str | None]:
    """The source a sheet's line names (`SourceLink.named`) and its title: a line ending with
    a document's `sha256:` source after its title is that source and title (the title a store
    without the document gives the source); any other line is itself, untitled."""
    head, _, last = line.rpartition(" ")
    digest = last.removeprefix("sha256:")
    if head and len(digest) == 64 and last != digest and all(c in _HEX for c in digest):
        return last, head
    return line, None


_HEX = frozenset("0123456789abcdef")


@dataclass
class Milestone:
    id: int
    uid: str
    case: str
    date: DateValue
    kind: str
    title: str
    location: str | None = None
    note: str | None = None
    status: str = "undisputed"
    key: bool = False
    position: float = 0.0
    sort_key: str = ""  # where it sits on the timeline; its date's own key unless moved
    tags: list[str] = field(default_factory=list)
    parties: list[PartyLink] = field(default_factory=list)
    sources: list[SourceLink] = field(default_factory=list)
    # When a deadline was marked met (`edit --done`), a UTC timestamp; None while it is open.
    done: str | None = None

    @property
    def met(self) -> str | None:
        """How every listing, report, picture and calendar says beside a milestone that it
        is a deadline marked met: 'done 3 Jun 2024' (the UTC day it was marked); None while
        it is open. JSON and CSV carry the timestamp itself."""
        return None if self.done is None else f"done {display_text(self.done[:10])}"

    def to_dict(self, *, links: bool = True) -> dict[str, Any]:
        """The documented JSON shape of a milestone (see README, "JSON output"); with its
        parties and sources left empty when not `links`, for the exchange format, which
        names them its own way."""
        d = self.date
        return {
            "id": self.id,
            "uid": self.uid,
            "case": self.case,
            "date": d.text,
            "start": d.start.isoformat() if d.start else None,
            "end": d.end.isoformat() if d.end else None,
            "precision": d.precision,
            "approximate": d.approximate,
            "uncertain": d.uncertain,
            "kind": self.kind,
            "title": self.title,
            "parties": [p.to_dict() for p in self.parties] if links else [],
            "sources": [s.to_dict() for s in self.sources] if links else [],
            "location": self.location,
            "note": self.note,
            "tags": list(self.tags),
            "status": self.status,
            "key": self.key,
        }


def in_timeline_order(milestones: Iterable[Milestone]) -> list[Milestone]:
    """The timeline order (tables.TIMELINE_ORDER) in Python."""
    return sorted(milestones, key=lambda m: (m.sort_key or m.date.sort_key, m.position, m.id))
