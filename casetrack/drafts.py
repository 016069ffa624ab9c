"""The one set of rules a milestone must pass, wherever it comes from.

`casetrack add`, `edit`, an import and the benchmark generator all turn what they were
given into a `Draft` and call `check`, which cleans every text the same way and refuses
what cannot be stored, before anything touches the store. What needs the store (does the
case exist, is the kind known, which party is "NEC") is settled by casetrack.writer.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from casetrack.dates import OPEN_END, OPEN_START, DateValue, key_fits, parse_date
from casetrack.errors import CasetrackError
from casetrack.models import KNOWN_ROLES, MILESTONE_STATUSES, ROLE_SPELLINGS, Milestone
from casetrack.pinpoints import (
    PAGE_WORD,
    PAGE_WORDS,
    PARAGRAPH_WORD,
    PARAGRAPH_WORDS,
    refuse_misspelt_word,
    section_number,
)
from casetrack.text import check_choice, clean_text, closest, name_key

# What a milestone given no kind is: `casetrack kind` cannot rename or remove it.
DEFAULT_KIND = "other"
PARTY_SPEC_HELP = "use NAME or NAME:ROLE, e.g. --party 'Jane Doe:defendant'"
DATE_COLUMNS = (
    "date", "date_start", "date_end", "precision", "approximate", "uncertain", "sort_start",
    "sort_end", "sort_key",
)  # fmt: skip
# A milestone's own columns, as Checked.values() gives them.
MILESTONE_COLUMNS = ("uid", *DATE_COLUMNS, "kind", "title", "location", "note", "status", "key")
_ROLES = frozenset(KNOWN_ROLES)
# A known role by its key: 'intime' typed without accents is 'intimé'; so is its other spelling.
_ROLE_KEYS = {name_key(role): role for role in KNOWN_ROLES} | {
    name_key(spelt): role for spelt, role in ROLE_SPELLINGS.items()
}
# A UUID as casetrack writes it; any other spelling goes through uuid.UUID.
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A sort key as dates.sort_key, dates.placed_key and dates.keys_for_order write them: a day,
# then perhaps its place on that day, then perhaps a day (its digits inverted when descending).
_SORT_KEY = re.compile(r"\d{4}-\d\d-\d\d(?: \d(?: \d{4}-\d\d-\d\d)?)?", re.ASCII)


class PartySpec(NamedTuple):
    """A party to link: by name (or alias), or by the uid an export gave it, with a role.
    (A named tuple: an import makes one per link, and a frozen dataclass took four times as
    long to make.)"""

    name: str
    role: str | None = None
    uid: str | None = None
    # Create it even when its name is close to a known party's (--new-party).
    new: bool = False
    # NAME:ROLE as typed: it names a party whose name or alias holds that colon, if any.
    whole: str | None = None
    # The role as a store kept it (a casetrack export's sheet row): not checked again, as a
    # role kept with --new-party must import back.
    role_kept: bool = False


class Citation(NamedTuple):
    """A source to link (a URL, a citation, an id, or an export's uid), or a registered
    document (its id or hash), with what in it supports the milestone. The page of a
    document is its printed label or position; an export gives its position too."""

    ref: str
    quote: str | None = None
    page: str | None = None
    paragraph: str | None = None
    uid: str | None = None
    document: str | None = None
    page_index: int | None = None
    # The title a source takes when new to the store or untitled (a sheet's 'TITLE sha256:...'
    # line).
    title: str | None = None
    # Create it even when close to a known citation (--new-source).
    new: bool = False


@dataclass(slots=True)
class Draft:
    """One milestone as a person or a file gives it, before any check."""

    case: str
    date: str
    title: str
    kind: str = DEFAULT_KIND
    parties: Sequence[PartySpec] = ()
    sources: Sequence[Citation] = ()
    location: str | None = None
    note: str | None = None
    tags: Sequence[str] = ()
    status: str = "undisputed"
    key: bool = False
    uid: str | None = None
    # Where `move` put it on the timeline, as an export gives it (None: its date's place).
    sort_key: str | None = None


@dataclass(slots=True)
class Checked:
    """A draft that passed every rule: texts cleaned, date parsed, roles known, uid set."""

    case: str
    uid: str
    date: DateValue
    title: str
    kind: str
    location: str | None
    note: str | None
    status: str
    key: bool
    parties: list[PartySpec] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sort_key: str | None = None  # a place `move` gave it; None: its date's own

    def columns(self) -> dict[str, object]:
        """The milestone's own column values, less those the store gives (ids, case, clocks)."""
        return dict(zip(MILESTONE_COLUMNS, self.values(), strict=True))

    def values(self) -> tuple[object, ...]:
        """columns() as a tuple in MILESTONE_COLUMNS order: what a batch insert writes."""
        dates = date_values(self.date)
        if self.sort_key is not None:
            dates = (*dates[:-1], self.sort_key)
        return (self.uid, *dates, self.kind, self.title, self.location, self.note,
                self.status, int(self.key))  # fmt: skip

    @property
    def place(self) -> str:
        """Its sort key: where it sits on the timeline."""
        return self.sort_key or str(date_values(self.date)[-1])


def check(draft: Draft) -> Checked:
    """Every rule of a milestone's own values; raises CasetrackError naming the first broken."""
    case = clean_text(draft.case)
    if not case:
        raise CasetrackError("a milestone needs a case: give its slug")
    title = required_title(draft.title)
    value = checked_date(draft.date)
    return Checked(
        case=case,
        uid=check_uid(draft.uid),
        date=value,
        title=title,
        kind=clean_kind(draft.kind) or DEFAULT_KIND,
        location=optional_text(draft.location),
        note=optional_text(draft.note),
        status=check_status(draft.status),
        key=bool(draft.key),
        parties=[check_party(p) for p in draft.parties],
        sources=[check_citation(c) for c in draft.sources],
        tags=sorted({t for t in map(clean_tag, draft.tags) if t}),
        sort_key=None if draft.sort_key is None else check_sort_key(draft.sort_key, value),
    )


def checked_date(text: str) -> DateValue:
    """A milestone's date, which it must have."""
    if not text.strip():
        raise CasetrackError("a milestone needs a date, e.g. 2003-06-17, 2003-06 or 2003")
    return parsed_date(text)


# The words litigators use for a fact's status (as name_key folds them), English and French.
STATUS_WORDS = {
    "contested": "disputed", "in dispute": "disputed", "conteste": "disputed",
    "agreed": "undisputed", "admitted": "undisputed", "uncontested": "undisputed",
    "not disputed": "undisputed", "non conteste": "undisputed",
    "uncertain": "unsure", "unclear": "unsure", "unverified": "unsure", "incertain": "unsure",
}  # fmt: skip


def check_status(status: str) -> str:
    """A milestone status, or a word for one (contested is disputed), refused with the
    closest ones: edit, import and the --status filter share it."""
    return check_choice(status, MILESTONE_STATUSES, "status", STATUS_WORDS)


def check_sort_key(key: object, value: DateValue) -> str:
    """A place on the timeline an export gives a moved milestone: a sort key as casetrack
    writes them, on a day its date allows (as `move` keeps it)."""
    if not isinstance(key, str) or not _SORT_KEY.fullmatch(key) or not _key_day(key[:10]):
        raise CasetrackError(
            f"bad sort_key {key!r}: expected a day and its place as an export writes it,"
            " e.g. '2003-06-17 9' (or leave it out to sort by the date)"
        )
    if not key_fits(value, key):
        raise CasetrackError(
            f"sort_key {key!r} puts the milestone on a day its date {value.text!r} does not"
            " allow: leave it out to sort by the date"
        )
    return key


def _key_day(day: str) -> bool:
    """Whether a sort key's day is a real day, or one of the open ends."""
    if day in (OPEN_START, OPEN_END):
        return True
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


# A timeline repeats its dates; an import of a million milestones parses each spelling once
# (a store spanning 40 years holds some 15,000 days).
DATE_CACHE = 16_384
parsed_date = lru_cache(maxsize=DATE_CACHE)(parse_date)


def required_title(title: str) -> str:
    """A milestone title, cleaned; an empty one is refused, as a timeline row needs one."""
    cleaned = clean_text(title)
    if not cleaned:
        raise CasetrackError("a milestone needs a title, e.g. 'Police raid on the offices'")
    return cleaned


def optional_text(text: str | None) -> str | None:
    """A free-text field: cleaned, and empty means none."""
    return clean_text(text) or None if text is not None else None


@lru_cache(maxsize=1024)  # a store has few kinds, and every milestone names one
def clean_kind(kind: str) -> str:
    """A kind's name as stored: lower case, single spaces; whether it exists is the store's."""
    return " ".join(clean_text(kind).split()).lower()


@lru_cache(maxsize=4096)  # a store's milestones share a few tags
def clean_tag(tag: str) -> str:
    """Tags are compared lower-case with single spaces."""
    return " ".join(clean_text(tag).split()).lower()


def check_uid(uid: str | None) -> str:
    """The uid an export gave, in canonical form, or a new one."""
    if not uid:
        return str(uuid.uuid4())
    if CANONICAL_UUID.fullmatch(uid):
        return uid
    try:
        return str(uuid.UUID(uid))
    except ValueError:
        raise CasetrackError(f"bad uid {uid!r}: expected a UUID") from None


def clean_role(role: str | None) -> str | None:
    """A role as stored: lower case, single spaces, a known role's other spelling as that
    role ('intervenor' is 'intervener', models.ROLE_SPELLINGS); none for an empty one."""
    if role is None or role in _ROLES:  # an import's millions of links name few roles
        return role
    cleaned = " ".join(clean_text(role or "").split()).lower() or None
    return ROLE_SPELLINGS.get(cleaned, cleaned) if cleaned else None


def check_role(
    role: str, where: str, keep: str | None = None, *, in_use: Collection[str] = ()
) -> str:
    """A typed role as stored, refusing a misspelling of a known role or of one `in_use` in
    the store ('defendent'; 'deponant' where 'deponent' is used): it would split that role's
    links. `keep` says how to keep it as typed; a known role or one in use typed without its
    accents is that role."""
    if role in _ROLES or role in in_use:
        return role
    key = name_key(role)
    if key in _ROLE_KEYS:  # a known role in other accents
        return _ROLE_KEYS[key]
    used = next((used for used in in_use if name_key(used) == key), None)
    if used is not None:  # a role in use, typed in other accents ('temoin assiste')
        return used
    meant = _meant(role, in_use)
    if meant:
        raise CasetrackError(
            f"unknown role {role!r} in {where}: did you mean {meant!r}?"
            + (f" To keep it as typed: {keep}" if keep else "")
        )
    return role


def _meant(role: str, in_use: Collection[str] = ()) -> str | None:
    """The role a misspelt one means: a known role whose words are each close to the words
    in its place ('defendent', 'counter defendent', 'investigatin judge'), or spelt with its
    spaces left out; None for a role that differs by a whole word ('investigating
    magistrate', 'raiding police'): another role, as roles are free text. A role holding a
    known one as whole words ('attorney for Acme', "victim's counsel") is a court's compound,
    checked only against the known roles of several words."""
    from difflib import SequenceMatcher

    def close(a: str, b: str, cutoff: float) -> bool:
        return SequenceMatcher(None, a, b).ratio() >= cutoff

    words = role.split()
    compound = _qualified_role(role)
    roles = [*KNOWN_ROLES, *sorted(set(in_use) - _ROLES)]
    for known in closest(role, roles, n=len(roles)) + roles:
        parts = known.split()
        if compound and len(parts) == 1:
            continue
        if len(words) < len(parts) and close("".join(words), "".join(parts), 0.9):
            return known
        for at in range(len(words) - len(parts) + 1):
            window = words[at : at + len(parts)]
            if window != parts and all(
                close(a, b, 0.75) for a, b in zip(window, parts, strict=True)
            ):
                return " ".join([*words[:at], *parts, *words[at + len(parts) :]])
    return None


def _qualified_role(role: str) -> bool:
    """Whether a role holds a known one as whole words ('counter defendant', 'attorney for
    Acme'): a court's compound, not a misspelling of the role it contains."""
    words = " " + " ".join(re.findall(r"[\w']+", role)) + " "
    return any(f" {known} " in words for known in KNOWN_ROLES)


def check_party(spec: PartySpec) -> PartySpec:
    """A party link's name cleaned, its uid canonical and its role checked (itself if all
    were already: an import's links are)."""
    name = clean_text(spec.name)
    uid = check_uid(spec.uid) if spec.uid else None
    if uid is None and not name_key(name):
        raise CasetrackError(f"a party link needs a name: {PARTY_SPEC_HELP}")
    role = clean_role(spec.role)
    if name == spec.name and uid == spec.uid and role == spec.role:
        return spec
    return PartySpec(name, role, uid, spec.new, spec.whole, spec.role_kept)


def pinpoint_page(text: str | None) -> str | None:
    """A page or pages as stored: cleaned, less a leading 'p.', 'pp.' or 'page' ('pp. 3-5'
    is kept as '3-5', which a citation says as 'pp. 3-5' (pinpoint_text), not 'p. pp. 3-5');
    a misspelt word ('pgae 3') refused."""
    cleaned = optional_text(text)
    if cleaned:
        refuse_misspelt_word(cleaned, PAGE_WORDS, "page")
    return _unworded(cleaned, PAGE_WORD)


def pinpoint_paragraph(text: str | None) -> str | None:
    """A paragraph as stored: cleaned, less a leading '¶', 'para.' or 'paragraph'; a
    section with its mark, whatever its word ('s. 35', 'sec. 35', '§§ 35-37' as '§ 35',
    '§ 35-37'), so that it stays a section (pinpoints.pinpoint_text); a misspelt word
    ('sectoin 35', 'paragrpah 12', 'paragrpahe 12') refused; a French or Spanish word
    ('alinéa 2', 'párrafo 3') kept as typed."""
    cleaned = optional_text(text)
    if cleaned:
        refuse_misspelt_word(cleaned, PARAGRAPH_WORDS, "paragraph")
    number = section_number(cleaned) if cleaned else None
    return f"§ {number}" if number is not None else _unworded(cleaned, PARAGRAPH_WORD)


def _unworded(text: str | None, word: re.Pattern[str]) -> str | None:
    found = word.match(text) if text else None
    return text[found.end() :] or text if text and found else text


def check_citation(citation: Citation) -> Citation:
    """A citation's texts cleaned, its uid canonical and its page position checked (itself
    if all were already)."""
    ref = clean_text(citation.ref)
    uid = check_uid(citation.uid) if citation.uid else None
    document = clean_text(citation.document) if citation.document else None
    index = citation.page_index
    if index is not None and (type(index) is not int or index < 1):
        raise CasetrackError(f"bad page_index {index!r}: a page's position counts from 1")
    if not ref and uid is None and not document:
        raise CasetrackError(
            "a source needs a URL or a citation, e.g. 'Le Monde, 18 June 2003, p. 3'"
        )
    quote, page = optional_text(citation.quote), pinpoint_page(citation.page)
    paragraph = pinpoint_paragraph(citation.paragraph)
    title = optional_text(citation.title)
    if (ref, quote, page, paragraph, uid, document, title) == (
        citation.ref, citation.quote, citation.page, citation.paragraph, citation.uid,
        citation.document, citation.title,
    ):  # fmt: skip
        return citation  # already as stored
    return Citation(ref, quote, page, paragraph, uid, document, index, title)


def parse_party_spec(spec: str, *, new: bool = False, role_kept: bool = False) -> PartySpec:
    """NAME, NAME:ROLE or NAME: (no role).

    The role is after the last colon, so a name holding a colon ends with one ('Ministère
    public: Paris:', or '...: Paris:prosecutor'); and NAME:ROLE that is, colon included, the
    name or alias of a known party links that party (see MilestoneWriter.party_link).
    """
    cleaned = clean_text(spec)
    name, sep, role = cleaned.rpartition(":")
    if not sep:
        name, role = cleaned, ""
    name, role = clean_text(name), " ".join(role.split()).lower()
    if not name_key(name):
        raise CasetrackError(f"malformed --party {spec!r}: {PARTY_SPEC_HELP}")
    # Cleaned only: the writer refuses a misspelt role, knowing the roles in use; --new-party
    # keeps a role as typed, as it keeps a name close to a known one.
    return PartySpec(
        name, clean_role(role), new=new, whole=cleaned if role else None, role_kept=role_kept
    )


def party_spec_text(name: str, role: str | None) -> str:
    """The NAME[:ROLE] text that parse_party_spec reads back as this name and role."""
    if role:
        return f"{name}:{role}"
    return f"{name}:" if ":" in name else name


def date_columns(value: DateValue) -> dict[str, object]:
    """A date's stored columns by name, for a writer that sets them by name."""
    return dict(zip(DATE_COLUMNS, date_values(value), strict=True))


@lru_cache(maxsize=DATE_CACHE)
def date_values(value: DateValue) -> tuple[object, ...]:
    """A date's column values in DATE_COLUMNS order; an import's dates repeat (see parsed_date)."""
    return (
        value.text,
        value.start.isoformat() if value.start else None,
        value.end.isoformat() if value.end else None,
        value.precision,
        int(value.approximate),
        int(value.uncertain),
        value.sort_start,
        value.sort_end,
        value.sort_key,
    )


def moved_key(milestone: Milestone) -> str | None:
    """The place `move` gave a milestone on its timeline, if not its date's own: what an
    export carries as its sort_key."""
    key = milestone.sort_key
    return key if key and key != date_values(milestone.date)[-1] else None
