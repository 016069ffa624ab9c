"""Court dockets in: juriscraper `DocketReport` JSON and CourtListener REST v4 JSON as records.

A docket is the court's own chronology. This reader turns one into the records the importer
takes (a case, sources, milestones), so a docket passes the same checks, matching and
all-or-nothing write as any import. Each entry's milestone has a uid derived from the court,
the docket number and the entry's identity in the docket (its number, else the PACER
sequence, else CourtListener's, else its date and text), so importing the docket again, or a
newer copy of it, matches the entries already in the store instead of copying them.
Parties come in as links (matched by name and alias, refused when close to a known name),
never created from a party record, so a variant spelling cannot fork a party.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from casetrack.errors import CasetrackError
from casetrack.exchange.jsonfmt import Record, decode_problem, headless_export
from casetrack.limits import read_at_most
from casetrack.text import name_key, slug_for

# The namespace of every uid a docket import derives (uuid5 of court, docket and entry).
NAMESPACE = uuid.UUID("6f1c1e3e-3c0b-5d7a-9a52-1f0c2c8d7e41")
TITLE_LIMIT = 90
MAX_DOCKET = 64_000_000  # bytes: CourtListener's largest dockets run to tens of megabytes
_CL = "https://www.courtlistener.com"

# The description's leading words -> kind; the first match wins, so the longer phrases lead.
_KINDS: tuple[tuple[str, str], ...] = (
    (r"notice of (interlocutory )?appeal", "appeal"),
    (r"(notice of )?(voluntary )?dismissal|stipulation of dismissal|order of dismissal",
     "dismissal"),
    (r"(proposed|\[proposed\]) order", "filing"),
    (r"memorandum (and|&) order|(memorandum )?opinion|report and recommendations?", "ruling"),
    (r"(clerk'?s )?judgment", "judgment"),
    (r"order|minute order", "order"),
    (r"(superseding )?indictment", "indictment"),
    (r"(jury )?verdict", "verdict"),
    (r"sentencing(?! (memorandum|memo|position|letter|statement))", "sentencing"),
    (r"(amended )?(criminal )?complaint", "complaint"),
    (r"motion", "motion"),
    (r"(notice of )?settlement", "settlement"),
    (r"(jury )?trial(?! (brief|memorandum))", "trial"),
    (r"minutes?( entry)?|hearing", "hearing"),
)  # fmt: skip
_KIND_RES = tuple((re.compile(rf"(?:{words})\b", re.IGNORECASE), kind) for words, kind in _KINDS)
# In minutes, a sentencing held, not one set for later.
_SENTENCED = re.compile(r"\bsentencing\b(?!\s+(?:hearing\s+)?(?:set|reset|continued))", re.I)
_QUALIFIERS = re.compile(
    r"^(?:(?:joint|consent|unopposed|emergency|sealed|amended|renewed|supplemental|first|second"
    r"|third|e-gov)\s+)+",
    re.IGNORECASE,
)
_ENTERED = re.compile(r"\s*\(Entered: [\d/]+\)\s*$")
_ASIDE = re.compile(r"(?:^|(?<=[\s)]))\([^()]*\)")
_LEADING_CAPS = re.compile(r"^(?:[A-Z][A-Z0-9'&./-]+\b\s*)+")
# "... re 10 MOTION for ...": the entry it answers, told in full in the note.
_REFERENCE = re.compile(r"\s+re:?\s+\d+\s+[A-Z].*$")
# A period after a lower-case letter, a digit or ')' and before a space (or the end) ends a
# sentence, unless it ends an abbreviation of a name: a company's form, a generation, or
# letters each with their period (S.A., L.L.C.).
_FULL_STOP = re.compile(r"(?<=[a-z0-9)])\.+(?=\s)")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Inc|Ltd|Co|Cos|Corp|Bros|Jr|Sr|Esq|Assn|Mfg)|(?:\b[A-Za-z]\.)+[A-Za-z])$"
)
_COUNT_NUMBERS = re.compile(r"\s*\(([\d][\d\s,-]*)\)\s*$")


@dataclass
class Options:
    """What the command line gives: the shape if forced, the case slug, attorneys or not, and
    for a docket alert (which names no docket) the court and docket number the case has."""

    shape: str | None = None
    case: str | None = None
    attorneys: bool = False
    known: tuple[str, str] | None = None


@dataclass
class _Entry:
    label: str
    identity: str
    date: str | None
    entered: str | None
    description: str
    number: str | None
    pacer_seq: str | None
    recap_seq: str | None
    documents: list[dict[str, Any]] = field(default_factory=list)


def is_casetrack_json(head: str) -> bool:
    """Whether a JSON text starts as casetrack's own export does: its first key is "format"."""
    return re.match(r'\s*\{\s*"format"\s*:', head.lstrip("\ufeff")) is not None


def docket_records(
    conn: sqlite3.Connection, raw: BinaryIO, name: str, options: Options
) -> list[Record]:
    """Every record of a docket file; a case named by --case lends its court and docket
    number to a docket alert, which names neither."""
    text = read_at_most(raw, MAX_DOCKET, name).decode("utf-8-sig", "replace")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise CasetrackError(f"{name}: not valid JSON: {decode_problem(err)}") from None
    if options.shape is None and docket_shape(data) is None:
        headless_export(text, data, name)  # refused saying why it is not read as an export
    if options.case:
        row = conn.execute(
            "SELECT court, docket FROM cases WHERE slug = ? AND court IS NOT NULL"
            " AND docket IS NOT NULL",
            (options.case.strip(),),
        ).fetchone()
        if row:
            options.known = (str(row[0]), str(row[1]))
    records = list(read_docket(data, name, options))
    if options.case is None and (held := _case_holding(conn, records, name)):
        # Imported before with --case: a plain import updates the entries where they are,
        # and says so unless that case bears the docket's court and number (as the import
        # with --case gave it, where it had none): then it is the docket's case, and the
        # warning would only be said again on every import.
        slug, count, numbered = held
        options.case = slug
        records = list(read_docket(data, name, options))
        if not numbered:
            records.insert(
                0,
                (
                    "docket",
                    "warning",
                    f"case {slug!r} holds {count} of its entries: updated there, not moved to"
                    " a new case (--case SLUG chooses the case)",
                ),
            )
    return records


def _case_holding(
    conn: sqlite3.Connection, records: list[Record], name: str
) -> tuple[str, int, bool] | None:
    """The case holding the docket's entries (and how many, and whether it bears the
    docket's court and number) when it is not the one the docket names: they were imported
    into it with --case, and a plain import must not move them out of it. None when any is
    in the docket's own case, or none is in the store. In several other cases, the one
    holding most (the others were moved there by hand, and keep that edit); as many in two,
    refused naming them."""
    milestones = [record for _, kind, record in records if kind == "milestone"]
    if not milestones:
        return None
    own = str(milestones[0]["case"])
    rows = conn.execute(
        "SELECT c.slug, count(*), c.court, c.docket FROM milestones m"
        " JOIN cases c ON c.id = m.case_id WHERE m.uid IN (SELECT value FROM json_each(?))"
        " GROUP BY c.id ORDER BY count(*) DESC, c.slug",
        (json.dumps([m["uid"] for m in milestones]),),
    ).fetchall()
    if not rows or any(str(row[0]).lower() == own.lower() for row in rows):
        return None
    if len(rows) > 1 and rows[1][1] == rows[0][1]:
        named = ", ".join(repr(row[0]) for row in rows if row[1] == rows[0][1])
        raise CasetrackError(
            f"{name}: as many of its entries are in cases {named}: give --case SLUG to say"
            f" which one to import into, e.g. --case {rows[0][0]}"
        )
    slug, count, court, number = rows[0]
    # The docket's court and number, as its case record gives them, in the store's case.
    docket = next(((r["court"], r["docket"]) for _, kind, r in records if kind == "case"), None)
    numbered = (
        docket is not None
        and all(docket)
        and [name_key(str(given)) for given in docket]
        == [name_key(str(stored or "")) for stored in (court, number)]
    )
    return str(slug), int(count), numbered


def docket_shape(data: Any) -> str | None:
    """Which program wrote this JSON: 'courtlistener', 'juriscraper', or None (not a docket)."""
    if isinstance(data, list):
        return "courtlistener" if data and all(_is_entry(e) for e in data) else None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("payload"), dict) and "webhook" in data:
        return "courtlistener"
    if isinstance(data.get("results"), list):
        return "courtlistener" if all(_is_entry(e) for e in data["results"]) else None
    if not ({"docket_number", "case_name"} & data.keys() or "docket_entries" in data):
        return None
    if {"resource_uri", "absolute_url", "pacer_case_id", "id"} & data.keys():
        return "courtlistener"
    return "juriscraper"


def _is_entry(item: Any) -> bool:
    return isinstance(item, dict) and bool(
        {"entry_number", "recap_documents", "recap_sequence_number"} & item.keys()
    )


def read_docket(data: Any, name: str, options: Options) -> Iterator[Record]:
    """The records of a docket: its case, then each entry's sources and milestone in the
    court's order, then charges and parties' terminations. A problem is an error record
    (FILE:ENTRY: what), so the importer lists them all and writes nothing."""
    shape = docket_shape(data)
    if shape is not None and options.shape not in (None, shape):
        raise CasetrackError(
            f"{name} is a {shape} docket, not a {options.shape} one: drop --from, or give"
            f" --from {shape}"
        )
    if shape is None:
        wanted = f"a {options.shape} docket" if options.shape else "a casetrack export or a docket"
        raise CasetrackError(
            f"{name} is not {wanted}: casetrack reads its own JSON/JSONL/CSV, juriscraper"
            " DocketReport JSON and CourtListener dockets, docket entries and docket alerts"
        )
    docket = _docket(data)
    court = _court(docket.get("court_id") or docket.get("court"))
    number = _str(docket.get("docket_number"))
    slug = options.case or (slug_for(f"{court} {number}") if court and number else None)
    if slug is None:
        raise CasetrackError(f"{name} {_unnamed(data)}: give --case SLUG, the case it belongs to")
    base = f"{court}|{name_key(number)}" if court and number else None
    if base is None and options.known:
        base = f"{options.known[0]}|{name_key(options.known[1])}"
    base = base or f"case|{slug.lower()}"
    if "case_name" in docket or number:
        yield 0, "case", _case(docket, slug, court, number)
    filed = _str(docket.get("date_filed"))
    parties = [p for p in docket.get("parties") or [] if isinstance(p, dict)]
    entries = _entries(data if shape == "courtlistener" else docket)
    reader = _Reader(slug, base, options.attorneys)
    first = True
    for entry in entries:
        if not entry.date:
            yield (
                entry.label,
                "error",
                "the entry has no date_filed: not imported (no date is guessed)",
            )
            continue
        links = reader.party_links(parties) if first else []
        first = False
        yield from reader.entry(entry, links)
    yield from reader.charges(parties, filed)
    yield from reader.terminations(parties)


def _unnamed(data: Any) -> str:
    """What a docket lacks to name its case: the field missing, not both when one is there."""
    if isinstance(data, list) or {"payload", "results"} & data.keys():
        return "names no court and docket number (a docket alert or a list of entries)"
    court = _court(data.get("court_id") or data.get("court"))
    number = _str(data.get("docket_number"))
    if number:
        return f"names docket number {number!r} but no court (no court_id or court field)"
    if court:
        return f"names court {court!r} but no docket number (no docket_number field)"
    return "names neither its court nor its docket number (no court_id or docket_number field)"


def _docket(data: Any) -> dict[str, Any]:
    """The docket object, or an empty one for a bare list of entries or an alert."""
    if isinstance(data, dict) and ("docket_number" in data or "docket_entries" in data):
        return data
    return {}


def _entries(data: Any) -> list[_Entry]:
    """Every entry, in the court's order: by CourtListener's sequence if every entry has one,
    else PACER's, else the entry numbers, else as the file lists them (stable sort)."""
    if isinstance(data, dict) and isinstance(data.get("payload"), dict):
        raw = data["payload"].get("results")
    elif isinstance(data, dict) and "results" in data:
        raw = data["results"]
    elif isinstance(data, dict):
        raw = data.get("docket_entries")
    else:
        raw = data
    items = [e for e in raw or [] if isinstance(e, dict)]
    entries = [_entry(item, position) for position, item in enumerate(items, 1)]
    seen: dict[str, int] = {}
    for entry in entries:  # an identity given twice: the later ones count on
        seen[entry.identity] = seen.get(entry.identity, 0) + 1
        if seen[entry.identity] > 1:
            entry.identity += f"#{seen[entry.identity]}"
    orders: tuple[Callable[[_Entry], str | int | None], ...] = (
        lambda e: e.recap_seq,
        lambda e: _int(e.pacer_seq),
        lambda e: _int(e.number),
    )
    for order in orders:
        keys = [order(e) for e in entries]
        if keys and None not in keys:
            ranked = sorted(zip(keys, range(len(entries)), strict=True))
            return [entries[position] for _, position in ranked]
    return entries


def _entry(item: dict[str, Any], position: int) -> _Entry:
    number = _str(item.get("entry_number", item.get("document_number")))
    pacer_seq = _str(item.get("pacer_sequence_number", item.get("pacer_seq_no")))
    recap_seq = _str(item.get("recap_sequence_number"))
    documents = [d for d in item.get("recap_documents") or [] if isinstance(d, dict)]
    description = _str(item.get("description")) or ""
    if not description and documents:
        description = _str(documents[0].get("description")) or ""
    date = _str(item.get("date_filed"))
    if number:
        identity, label = f"no|{number}", f"entry {number}"
    elif pacer_seq or recap_seq:
        identity = f"pacer|{pacer_seq}" if pacer_seq else f"recap|{recap_seq}"
        label = f"unnumbered entry {position} in the file"
    else:
        digest = hashlib.sha1(f"{date}|{name_key(description)}".encode()).hexdigest()[:16]
        identity, label = f"text|{digest}", f"unnumbered entry {position} in the file"
    return _Entry(
        label, identity, date, _str(item.get("date_entered")), description, number,
        pacer_seq, recap_seq, documents,
    )  # fmt: skip


class _Reader:
    def __init__(self, slug: str, base: str, attorneys: bool) -> None:
        self.slug = slug
        self.base = base
        self.attorneys = attorneys
        self.spellings: dict[str, str] = {}

    def name(self, value: Any) -> str:
        """A name as the docket first spells it: 'James W Knowles' (his own attorney) is the
        mediator 'James W. Knowles' of the same docket, not a near-miss of him."""
        name = _name(value)
        return self.spellings.setdefault(_squashed(name), name) if name else ""

    def uid(self, *parts: str) -> str:
        return str(uuid.uuid5(NAMESPACE, "|".join((self.base, *parts))))

    def party_links(self, parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Every party with its types as roles (and, with --attorneys, each attorney as
        'attorney for NAME'), linked to the docket's first entry."""
        links: list[dict[str, Any]] = []
        for party in parties:
            name = self.name(party.get("name"))
            if not name:
                continue
            for kind in _party_types(party):
                links.append({"name": name, "role": kind.get("name") or None})
            if self.attorneys:
                for attorney in party.get("attorneys") or []:
                    lawyer = self.name(attorney.get("name")) if isinstance(attorney, dict) else ""
                    if lawyer and lawyer != name:  # not a party listed as its own attorney
                        links.append({"name": lawyer, "role": f"attorney for {name}"})
        return links

    def entry(self, entry: _Entry, links: list[dict[str, Any]]) -> Iterator[Record]:
        sources = []
        for document in entry.documents:
            source = _source(document, entry)
            if source is None:
                continue
            key = f"{document.get('document_number') or entry.number}-" + str(
                document.get("attachment_number") or 0
            )
            source["uid"] = self.uid("document", key)
            yield entry.label, "source", source
            sources.append({"source": source["uid"], "url": source["url"]})
        note = [entry.description] if entry.description else []
        facts = []
        if entry.number:
            facts.append(f"Docket entry {entry.number}")
        if entry.entered and entry.entered != entry.date:
            facts.append(f"entered {entry.entered}")
        if facts:
            note.append(", ".join(facts) + ".")
        yield (
            entry.label,
            "milestone",
            {
                "uid": self.uid("entry", entry.identity),
                "case": self.slug,
                "date": entry.date,
                "kind": entry_kind(entry.description),
                "title": short_title(entry.description)
                or (f"Docket entry {entry.number}" if entry.number else "Docket entry"),
                "note": "\n\n".join(note) or None,
                "parties": links,
                "sources": sources,
            },
        )

    def charges(self, parties: list[dict[str, Any]], filed: str | None) -> Iterator[Record]:
        """Each count as a charge against its defendant, dated by the case's filing date."""
        for party in parties:
            name = self.name(party.get("name"))
            counts = _counts(party)
            for index, count in enumerate(counts, 1):
                label = f"count {index} of {name}"
                text = _str(count.get("name")) or ""
                if not filed:
                    yield label, "error", "the docket has no date_filed to date its counts by"
                    continue
                disposition = _str(count.get("disposition"))
                note = [text, f"Dated {filed}, the case's filing date: the docket gives no date"
                        " for the count."]  # fmt: skip
                if disposition:
                    note.insert(1, f"Disposition: {disposition}.")
                yield (
                    label,
                    "milestone",
                    {
                        "uid": self.uid("count", name_key(name), str(index), name_key(text)),
                        "case": self.slug,
                        "date": filed,
                        "kind": "charge",
                        "title": _count_title(text),
                        "note": "\n\n".join(note),
                        "parties": [{"name": name, "role": "defendant"}],
                    },
                )

    def terminations(self, parties: list[dict[str, Any]]) -> Iterator[Record]:
        """A party's termination on the docket, one milestone per party and date."""
        ended: dict[tuple[str, str], list[str]] = {}
        names: dict[str, str] = {}
        for party in parties:
            name = self.name(party.get("name"))
            for kind in _party_types(party):
                date = _str(kind.get("date_terminated"))
                if name and date:
                    names.setdefault(name_key(name), name)
                    roles = ended.setdefault((name_key(name), date), [])
                    role = (kind.get("name") or "party").lower()
                    if role not in roles:
                        roles.append(role)
        for (key, date), roles in ended.items():
            name = names[key]
            yield (
                f"party {name}",
                "milestone",
                {
                    "uid": self.uid("terminated", key, date),
                    "case": self.slug,
                    "date": date,
                    "kind": "other",
                    "title": _cut(f"{name} terminated as {', '.join(roles)}"),
                    "note": f"The docket shows {name} ({', '.join(roles)}) terminated on {date}.",
                    "parties": [{"name": name, "role": role} for role in roles],
                },
            )


def _count_title(text: str) -> str:
    """'Counts 2-4: 18:513A.F (18:513(a) and 2 -uttering ...' from the docket's count name,
    whose count numbers come last ('...ABETTING(2-4)')."""
    numbers = _COUNT_NUMBERS.search(text)
    offense = text[: numbers.start()] if numbers else text
    offense = re.sub(r"(?<![\w.:=])[A-Z]+\b", lambda m: m.group().lower(), offense).strip()
    if not numbers:
        return _cut(f"Charge: {offense}") if offense else "Charge"
    which = " ".join(numbers.group(1).split())
    plural = "s" if re.search(r"[-,]", which) else ""
    return _cut(f"Count{plural} {which}: {offense}")


def _party_types(party: dict[str, Any]) -> list[dict[str, Any]]:
    """A party's types with their termination dates: juriscraper gives one `type`,
    CourtListener a list of `party_types` (its `type`, if any, is a number: no role)."""
    given = party.get("party_types")
    if isinstance(given, list):
        return [
            {"name": _str(t.get("name")), "date_terminated": _str(t.get("date_terminated"))}
            for t in given
            if isinstance(t, dict)
        ]
    kind = party.get("type")
    return [
        {
            "name": _str(kind) if isinstance(kind, str) else None,
            "date_terminated": _str(party.get("date_terminated")),
        }
    ]


def _counts(party: dict[str, Any]) -> list[dict[str, Any]]:
    data = party.get("criminal_data")
    counts = list(data.get("counts") or []) if isinstance(data, dict) else []
    for kind in party.get("party_types") or []:
        if isinstance(kind, dict):
            counts.extend(kind.get("criminal_counts") or [])
    return [c for c in counts if isinstance(c, dict)]


def _case(
    docket: dict[str, Any], slug: str, court: str | None, number: str | None
) -> dict[str, Any]:
    """The case record: title, court, docket number; judges, cause, nature of suit and
    dates in its summary; closed when the docket is terminated (else it says no status: a
    new case is open, and one of your own keeps its own)."""
    facts = []
    for label, key in (
        ("Assigned to", "assigned_to_str"), ("Referred to", "referred_to_str"),
        ("Cause", "cause"), ("Nature of suit", "nature_of_suit"),
        ("Jurisdiction", "jurisdiction"), ("Jurisdiction", "jurisdiction_type"),
        ("Jury demand", "jury_demand"), ("Filed", "date_filed"),
        ("Terminated", "date_terminated"),
    ):  # fmt: skip
        value = _str(docket.get(key))
        if value:
            facts.append(f"{label}: {value}.")
    terminated = _str(docket.get("date_terminated"))
    return {
        "slug": slug,
        "uid": str(uuid.uuid5(NAMESPACE, f"{court}|{name_key(number or '')}|case")),
        "title": _str(docket.get("case_name")) or slug,
        "court": court,
        "docket": number,
        "jurisdiction": "United States (federal)" if court else None,
        "status": "closed" if terminated else None,
        "summary": " ".join(facts) or None,
    }


def _source(document: dict[str, Any], entry: _Entry) -> dict[str, Any] | None:
    """A RECAP document as a source: its public archive copy, else its CourtListener page."""
    url = _str(document.get("filepath_ia"))
    if not url and _str(document.get("absolute_url")):
        url = _CL + str(document["absolute_url"])
    if not url:
        return None
    number = _str(document.get("document_number")) or entry.number or "?"
    attachment = _str(document.get("attachment_number"))
    parts = [f"Doc. {number}" + (f", attachment {attachment}" if attachment else "")]
    if _str(document.get("description")):
        parts[0] += f": {document['description']}"
    if document.get("page_count"):
        parts.append(f"{document['page_count']} pages")
    if _str(document.get("sha1")):
        parts.append(f"SHA-1 {document['sha1']}")
    if document.get("is_available") is False:
        parts.append("not in the RECAP archive yet")
    return {
        "url": url,
        "title": "; ".join(parts),
        "publisher": "RECAP Archive" if "archive.org" in url else "CourtListener",
        "published": entry.date,
    }


def entry_kind(description: str) -> str:
    """The kind a docket entry's leading words name; 'filing' when they name none."""
    text = " ".join(_ASIDE.sub(" ", description).split())
    for start in _event_starts(text):
        for pattern, kind in _KIND_RES:
            if pattern.match(start):
                held = _SENTENCED.search(start)
                if kind == "hearing" and held and len(start[: held.start()].split()) < 8:
                    return "sentencing"
                return kind
    return "filing"


def _event_starts(text: str) -> Iterator[str]:
    """Where the event's name may begin: the text, past qualifiers ('Consent MOTION'), and
    the first capitals in its first words ("Yahoo's ANSWER")."""
    yield text
    yield _QUALIFIERS.sub("", text)
    run = re.search(r"\b[A-Z]{2}[A-Z'&/-]*\b", text[:40])
    if run and run.start() > 0:
        yield text[run.start() :]


def short_title(description: str, limit: int = TITLE_LIMIT) -> str:
    """A readable title from a docket text: no asides (attachments, clerk's initials, fees),
    no 're 12 ...' tail, the leading capitals in sentence case, cut at a word."""
    text = _ENTERED.sub("", description)
    previous = None
    while previous != text:
        previous, text = text, _ASIDE.sub(" ", text)
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    sentence = _first_sentence(text)
    shorter = _REFERENCE.sub("", sentence)
    if len(shorter) >= 15:
        sentence = shorter
    return _cut(_sentence_case(sentence.strip(" ,;:")), limit)


def _first_sentence(text: str) -> str:
    """The text up to its first full stop, without it; the period of an abbreviation ('R & V
    Warren Farms, Inc. of ...', 'Orion Logistics, Inc.', 'Max O. Cogburn Jr.') ends no
    sentence and stays."""
    for stop in _FULL_STOP.finditer(text + " "):
        if not _ABBREVIATION_END.search(text[: stop.start()]):
            return text[: stop.start()].rstrip(". ")
    text = text.rstrip(" ")
    kept = text.rstrip(".")
    return kept + "." if kept != text and _ABBREVIATION_END.search(kept) else kept


def _sentence_case(text: str) -> str:
    """The court's leading capitals ('ORDER REFERRING CASE to') as a sentence."""
    caps = _LEADING_CAPS.match(text)
    if not caps or len(caps.group().strip()) < 2:
        return text
    lead = caps.group().lower()
    return lead[:1].upper() + lead[1:] + text[caps.end() :]


def _cut(text: str, limit: int = TITLE_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def _court(value: Any) -> str | None:
    """The court id; CourtListener gives the court as a URL ending in it."""
    text = _str(value)
    if text and "/" in text:
        text = text.rstrip("/").rsplit("/", 1)[-1]
    return text or None


def _name(value: Any) -> str:
    """A party's name as the docket spells it, without the space before commas."""
    return re.sub(r"\s+,", ",", " ".join((_str(value) or "").split())).strip(" ,")


def _squashed(name: str) -> str:
    return re.sub(r"[\W_]+", "", name_key(name))


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None
