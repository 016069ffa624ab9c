"""Milestones: what happened on a date in a case, who took part and which sources say so."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from casetrack.cases import get_case
from casetrack.dates import (
    DateValue,
    display_date,
    from_stored,
    keys_for_order,
    parse_date,
    wholly_before,
)
from casetrack.errors import CasetrackError, NotFoundError
from casetrack.models import MILESTONE_STATUSES, ROLES, Milestone, PartyLink, SourceLink
from casetrack.names import check_choice, clean_text, closest, did_you_mean, name_key
from casetrack.parties import find_party_id, get_or_create_party, require_party_id
from casetrack.schema import TIMELINE_ORDER
from casetrack.sources import find_source, get_or_create_source
from casetrack.store import Store, now

PARTY_SPEC_HELP = "use NAME or NAME:ROLE, e.g. --party 'Jane Doe:defendant'"
# SQLite limits host parameters per statement; load records in chunks below it.
_CHUNK = 500


@dataclass
class PartySpec:
    """A party to link as typed: NAME[:ROLE]."""

    name: str
    role: str | None = None
    # Create it even when its name is close to a known party's (--new-party).
    new: bool = False
    # NAME:ROLE as typed: it names a party whose name or alias holds that colon, if any.
    whole: str | None = None


@dataclass
class Citation:
    """A source to link, with what in it supports the milestone."""

    ref: str
    quote: str | None = None
    page: str | None = None
    paragraph: str | None = None


@dataclass
class MilestoneChange:
    """Field values to set; None leaves a field as it is."""

    date: str | None = None
    title: str | None = None
    kind: str | None = None
    case: str | None = None
    location: str | None = None
    note: str | None = None
    status: str | None = None
    key: bool | None = None
    add_parties: list[PartySpec] = field(default_factory=list)
    remove_parties: list[str] = field(default_factory=list)
    add_sources: list[Citation] = field(default_factory=list)
    remove_sources: list[str] = field(default_factory=list)
    add_tags: list[str] = field(default_factory=list)
    remove_tags: list[str] = field(default_factory=list)


@dataclass
class WriteReport:
    """What a write did besides the milestone itself, so the CLI can tell the user."""

    milestone_id: int
    date: DateValue
    new_parties: list[str] = field(default_factory=list)
    new_sources: list[str] = field(default_factory=list)
    # New parties given a role that is not a known one: (NAME:ROLE as typed, role), perhaps
    # a name holding a colon, by new party name.
    odd_roles: dict[str, tuple[str, str]] = field(default_factory=dict)


def parse_party_spec(spec: str, *, new: bool = False) -> PartySpec:
    """NAME, NAME:ROLE or NAME: (no role).

    The role is after the last colon, so a name holding a colon ends with one ('Ministère
    public: Paris:', or '...: Paris:prosecutor'); and NAME:ROLE that is, colon included, the
    name or alias of a known party links that party (see party_for_spec).
    """
    cleaned = clean_text(spec)
    name, sep, role = cleaned.rpartition(":")
    if not sep:
        name, role = cleaned, ""
    name, role = clean_text(name), " ".join(role.split()).lower()
    if not name_key(name):
        raise CasetrackError(f"malformed --party {spec!r}: {PARTY_SPEC_HELP}")
    role_checked = check_role(role, f"--party {spec!r}")
    return PartySpec(name, role_checked, new=new, whole=cleaned if role else None)


def party_spec_text(name: str, role: str | None) -> str:
    """The NAME[:ROLE] text that parse_party_spec reads back as this name and role."""
    if role:
        return f"{name}:{role}"
    return f"{name}:" if ":" in name else name


def party_for_spec(conn: sqlite3.Connection, spec: PartySpec) -> tuple[int, str | None, bool]:
    """The party a spec names (created if new), its role, and whether it was created.

    A new name close to a known one is refused unless the spec says it is new.
    """
    if spec.whole is not None:
        party_id = find_party_id(conn, spec.whole)
        if party_id is not None:
            return party_id, None, False
    typed = party_spec_text(spec.name, spec.role)
    instead = None if spec.new else f"--new-party {typed!r}"
    party_id, created = get_or_create_party(conn, spec.name, unless_close=instead)
    return party_id, spec.role, created


def check_role(role: str | None, where: str) -> str | None:
    """A role as stored (lower case, single spaces), refusing near-misses of the known roles."""
    role = " ".join((role or "").split()).lower()
    if role and role not in ROLES:
        near = closest(role, ROLES, n=1)
        if near and near[0] != role:
            raise CasetrackError(
                f"unknown role {role!r} in {where} (did you mean {near[0]!r}?); "
                f"known roles: {', '.join(ROLES)}"
            )
    return role or None


def kind_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM kinds ORDER BY name")]


def check_kind(conn: sqlite3.Connection, kind: str) -> str:
    cleaned = " ".join(kind.split()).lower()
    if conn.execute("SELECT 1 FROM kinds WHERE name = ?", (cleaned,)).fetchone() is None:
        raise CasetrackError(
            f"unknown kind {kind!r}{did_you_mean(kind, kind_names(conn))}: "
            "see 'casetrack kind list' or add it with 'casetrack kind add NAME'"
        )
    return cleaned


def add_kind(store: Store, name: str) -> str:
    cleaned = " ".join(clean_text(name).split()).lower()
    if not cleaned:
        raise CasetrackError("a kind needs a name, e.g. 'casetrack kind add extradition'")
    with store.write() as conn:
        if conn.execute("SELECT 1 FROM kinds WHERE name = ?", (cleaned,)).fetchone():
            raise CasetrackError(f"kind {cleaned!r} already exists")
        conn.execute("INSERT INTO kinds (name, builtin) VALUES (?, 0)", (cleaned,))
    return cleaned


def list_kinds(store: Store) -> list[dict[str, object]]:
    return [
        {"name": r[0], "builtin": bool(r[1]), "milestones": r[2]}
        for r in store.conn.execute(
            """SELECT k.name, k.builtin,
                      (SELECT count(*) FROM milestones m
                       WHERE m.kind = k.name AND m.deleted_at IS NULL)
               FROM kinds k ORDER BY k.name"""
        )
    ]


def required_title(title: str) -> str:
    cleaned = clean_text(title)
    if not cleaned:
        raise CasetrackError("a milestone needs a title, e.g. 'Police raid on the offices'")
    return cleaned


def date_columns(value: DateValue) -> dict[str, object]:
    return {
        "date": value.text,
        "date_start": value.start.isoformat() if value.start else None,
        "date_end": value.end.isoformat() if value.end else None,
        "precision": value.precision,
        "approximate": int(value.approximate),
        "uncertain": int(value.uncertain),
        "sort_start": value.sort_start,
        "sort_end": value.sort_end,
        "sort_key": value.sort_key,
    }


def new_milestone_columns(
    date: str,
    title: str,
    location: str | None = None,
    note: str | None = None,
    status: str = "undisputed",
    key: bool = False,
) -> tuple[DateValue, dict[str, object]]:
    """Check a new milestone's own fields and give its column values, less those that need
    the store (case_id, kind, position); shared by add_milestone and casetrack.bulk."""
    value = parse_date(date)
    stamp = now()
    return value, {
        "uid": str(uuid.uuid4()),
        **date_columns(value),
        "title": required_title(title),
        "location": clean_text(location) if location else None,
        "note": clean_text(note) if note else None,
        "status": check_choice(status, MILESTONE_STATUSES, "status"),
        "key": int(key),
        "created_at": stamp,
        "updated_at": stamp,
    }


def clean_tag(tag: str) -> str:
    """Tags are compared lower-case with single spaces."""
    return " ".join(clean_text(tag).split()).lower()


def add_milestone(
    store: Store,
    case: str,
    date: str,
    title: str,
    *,
    kind: str = "other",
    parties: Sequence[PartySpec] = (),
    sources: Sequence[Citation] = (),
    location: str | None = None,
    note: str | None = None,
    tags: Sequence[str] = (),
    status: str = "undisputed",
    key: bool = False,
) -> WriteReport:
    """Record one milestone with its links, all in one transaction."""
    value, columns = new_milestone_columns(date, title, location, note, status, key)
    with store.write() as conn:
        columns["case_id"] = get_case(store, case).id
        columns["kind"] = check_kind(conn, kind)
        # Entry order: the id the row is about to get, so history records one clean insert.
        next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM milestones").fetchone()[0]
        columns["id"] = columns["position"] = next_id
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        conn.execute(f"INSERT INTO milestones ({names}) VALUES ({marks})", tuple(columns.values()))
        milestone_id = int(next_id)
        report = WriteReport(milestone_id, value)
        _link(conn, milestone_id, parties, sources, tags, report)
    return report


def _link(
    conn: sqlite3.Connection,
    milestone_id: int,
    parties: Iterable[PartySpec],
    sources: Iterable[Citation],
    tags: Iterable[str],
    report: WriteReport,
) -> None:
    roles: dict[int, list[str]] = {}
    for spec in parties:
        party_id, role, created = party_for_spec(conn, spec)
        if created:
            report.new_parties.append(spec.name)
            if role and role not in ROLES and spec.whole:
                report.odd_roles[spec.name] = (spec.whole, role)
        given = roles.setdefault(party_id, [])
        if role and role not in given:
            given.append(role)
    for party_id, given in roles.items():
        _set_roles(conn, milestone_id, party_id, given)
    for citation in sources:
        source_id, created = get_or_create_source(conn, citation.ref)
        if created:
            report.new_sources.append(clean_text(citation.ref))
        pinpoint = [clean_text(t) or None if t else None for t in
                    (citation.quote, citation.page, citation.paragraph)]  # fmt: skip
        conn.execute(
            "INSERT INTO milestone_sources (milestone_id, source_id, quote, page, paragraph)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (milestone_id, source_id) DO UPDATE"
            " SET quote = excluded.quote, page = excluded.page, paragraph = excluded.paragraph",
            (milestone_id, source_id, *pinpoint),
        )
    for tag in tags:
        cleaned = clean_tag(tag)
        if cleaned:
            conn.execute(
                "INSERT OR IGNORE INTO milestone_tags (milestone_id, tag) VALUES (?, ?)",
                (milestone_id, cleaned),
            )


def _set_roles(
    conn: sqlite3.Connection, milestone_id: int, party_id: int, roles: list[str]
) -> None:
    """Link a party to a milestone with these roles, which replace those it had there (its
    first link keeps its place in the list); with none, keep its roles or link it without."""
    links = conn.execute(
        "SELECT rowid, role FROM milestone_parties WHERE milestone_id = ? AND party_id = ?"
        " ORDER BY rowid",
        (milestone_id, party_id),
    ).fetchall()
    if not roles:
        if links:
            return
        roles = [""]
    had = [role for _, role in links]
    spare = [rowid for rowid, role in links if role not in roles]
    missing = [role for role in roles if role not in had]
    for rowid, role in zip(spare, missing, strict=False):
        conn.execute("UPDATE milestone_parties SET role = ? WHERE rowid = ?", (role, rowid))
    for rowid in spare[len(missing) :]:
        conn.execute("DELETE FROM milestone_parties WHERE rowid = ?", (rowid,))
    conn.executemany(
        "INSERT INTO milestone_parties (milestone_id, party_id, role) VALUES (?, ?, ?)",
        [(milestone_id, party_id, role) for role in missing[len(spare) :]],
    )


def _unlink_party(conn: sqlite3.Connection, milestone_id: int, text: str) -> None:
    """Unlink the party `text` names (NAME or NAME:ROLE): every link, or the one with that role."""
    spec = parse_party_spec(text)
    party_id = find_party_id(conn, spec.whole) if spec.whole else None
    role = None
    if party_id is None:
        party_id, role = require_party_id(conn, spec.name), spec.role
    of_party = "milestone_id = ? AND party_id = ?"
    if role is None:
        gone = conn.execute(f"DELETE FROM milestone_parties WHERE {of_party}",
                            (milestone_id, party_id)).rowcount  # fmt: skip
    else:
        gone = conn.execute(f"DELETE FROM milestone_parties WHERE {of_party} AND role = ?",
                            (milestone_id, party_id, role)).rowcount  # fmt: skip
    if gone:
        return
    roles = [r[0] or "no role" for r in conn.execute(
        f"SELECT role FROM milestone_parties WHERE {of_party} ORDER BY rowid",
        (milestone_id, party_id),
    )]  # fmt: skip
    if not roles:
        raise CasetrackError(f"party {spec.name!r} is not linked to milestone {milestone_id}")
    raise CasetrackError(
        f"party {spec.name!r} is linked to milestone {milestone_id} as {', '.join(roles)},"
        f" not as {role!r}: --remove-party {spec.name!r} unlinks it whatever its role"
    )


def require_milestone(conn: sqlite3.Connection, milestone_id: int) -> None:
    row = conn.execute(
        "SELECT 1 FROM milestones WHERE id = ? AND deleted_at IS NULL", (milestone_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no milestone with id {milestone_id}: see 'casetrack timeline'")


def edit_milestone(store: Store, milestone_id: int, change: MilestoneChange) -> WriteReport:
    """Change fields and links of a milestone in one transaction."""
    updates: dict[str, object] = {}
    value = parse_date(change.date) if change.date is not None else None
    if value is not None:
        updates.update(date_columns(value))
    if change.title is not None:
        updates["title"] = required_title(change.title)
    if change.status is not None:
        updates["status"] = check_choice(change.status, MILESTONE_STATUSES, "status")
    for name in ("location", "note"):
        text = getattr(change, name)
        if text is not None:
            updates[name] = clean_text(text) or None
    if change.key is not None:
        updates["key"] = int(change.key)
    with store.write() as conn:
        require_milestone(conn, milestone_id)
        if change.kind is not None:
            updates["kind"] = check_kind(conn, change.kind)
        if change.case is not None:
            updates["case_id"] = get_case(store, change.case).id
        updates["updated_at"] = now()
        assignments = ", ".join(f"{name} = ?" for name in updates)
        conn.execute(
            f"UPDATE milestones SET {assignments} WHERE id = ?", (*updates.values(), milestone_id)
        )
        for text in change.remove_parties:
            _unlink_party(conn, milestone_id, text)
        for ref in change.remove_sources:
            source = find_source(conn, ref)
            if (
                source is None
                or not conn.execute(
                    "DELETE FROM milestone_sources WHERE milestone_id = ? AND source_id = ?",
                    (milestone_id, source.id),
                ).rowcount
            ):
                raise CasetrackError(f"source {ref!r} is not cited by milestone {milestone_id}")
        for tag in change.remove_tags:
            conn.execute(
                "DELETE FROM milestone_tags WHERE milestone_id = ? AND tag = ?",
                (milestone_id, clean_tag(tag)),
            )
        current = conn.execute(
            "SELECT date, date_start, date_end, precision, approximate, uncertain"
            " FROM milestones WHERE id = ?",
            (milestone_id,),
        ).fetchone()
        report = WriteReport(milestone_id, from_stored(*current))
        _link(conn, milestone_id, change.add_parties, change.add_sources, change.add_tags, report)
    return report


def remove_milestone(store: Store, milestone_id: int) -> None:
    """Move a milestone to the trash; its links stay so it can come back whole."""
    with store.write() as conn:
        require_milestone(conn, milestone_id)
        conn.execute(
            "UPDATE milestones SET deleted_at = ? WHERE id = ?", (now("microseconds"), milestone_id)
        )


def move_milestone(store: Store, milestone_id: int, other_id: int, *, after: bool) -> None:
    """Put a milestone just before or after another of its case, on any day its date allows.

    Refused only when the new place contradicts the dates: the milestone would follow one
    wholly later, or precede one wholly earlier. The milestones whose stored place no longer
    fits the new order get new sort keys (dates.keys_for_order); those sharing a key get
    their own position values back in the new order.
    """
    if milestone_id == other_id:
        raise CasetrackError("a milestone cannot be moved relative to itself")
    with store.write() as conn:
        require_milestone(conn, milestone_id)
        require_milestone(conn, other_id)
        cases = dict(
            conn.execute(
                "SELECT m.id, c.slug FROM milestones m JOIN cases c ON c.id = m.case_id"
                " WHERE m.id IN (?, ?)",
                (milestone_id, other_id),
            ).fetchall()
        )
        if cases[milestone_id] != cases[other_id]:
            raise CasetrackError(
                f"milestones {milestone_id} and {other_id} are in different cases"
                f" ({cases[milestone_id]}, {cases[other_id]}): move orders one case's timeline"
            )
        rows = conn.execute(
            "SELECT m.id, m.date, m.date_start, m.date_end, m.precision, m.sort_key, m.position"
            " FROM milestones m WHERE m.case_id = (SELECT case_id FROM milestones WHERE id = ?)"
            f" AND m.deleted_at IS NULL ORDER BY {TIMELINE_ORDER}",
            (other_id,),
        ).fetchall()
        stored = {row[0]: (from_stored(*row[1:5]), row[5], row[6]) for row in rows}
        order = [row[0] for row in rows if row[0] != milestone_id]
        order.insert(order.index(other_id) + after, milestone_id)
        _check_place(stored, order, milestone_id, other_id, after)
        keys = keys_for_order([stored[i][:2] for i in order])
        runs: dict[str, list[int]] = {}
        for mid, key in zip(order, keys, strict=True):
            runs.setdefault(key, []).append(mid)
        updates = []
        for key, run in runs.items():
            positions = sorted(stored[mid][2] for mid in run)
            for mid, position in zip(run, positions, strict=True):
                if (key, position) != stored[mid][1:]:
                    updates.append((key, position, mid))
        conn.executemany("UPDATE milestones SET sort_key = ?, position = ? WHERE id = ?", updates)


def _check_place(
    stored: dict[int, tuple[DateValue, str, float]],
    order: list[int],
    milestone_id: int,
    other_id: int,
    after: bool,
) -> None:
    """Refuse an order that puts the milestone after one wholly later or before one wholly
    earlier, naming the nearest such one."""
    value = stored[milestone_id][0]
    index = order.index(milestone_id)
    for offset in sorted(range(len(order)), key=lambda i: abs(i - index)):
        mid = order[offset]
        other = stored[mid][0]
        if offset < index and wholly_before(value, other):
            clash = f"it would follow {mid} ({display_date(other)}), which is later"
        elif offset > index and wholly_before(other, value):
            clash = f"it would precede {mid} ({display_date(other)}), which is earlier"
        else:
            continue
        where = "after" if after else "before"
        raise CasetrackError(
            f"cannot put {milestone_id} {where} {other_id}: {clash} than any day"
            f" {milestone_id} ({display_date(value)}) can be (if a date is wrong: 'casetrack edit"
            " ID --date DATE')"
        )


_MILESTONE_SELECT = """
    SELECT m.id, m.uid, c.slug, m.date, m.date_start, m.date_end, m.precision, m.approximate,
           m.uncertain, m.kind, m.title, m.location, m.note, m.status, m.key, m.position,
           m.sort_key
    FROM milestones m JOIN cases c ON c.id = m.case_id"""


def load_milestones(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Milestone]:
    """Full records (parties, sources, tags) for these ids, in the order given."""
    records: dict[int, Milestone] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(f"{_MILESTONE_SELECT} WHERE m.id IN ({marks})", chunk)
        records.update((row[0], _milestone(row)) for row in rows)
    _attach_links(conn, records)
    return [records[i] for i in ids if i in records]


def select_milestones(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[object],
    order_by: str,
    limit: int | None = None,
) -> list[Milestone]:
    """Full records of the milestones `m` matching `where`, in order, read in one pass."""
    sql = f"{_MILESTONE_SELECT} WHERE {where} ORDER BY {order_by}"
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    rows = conn.execute(sql, params)
    milestones = [_milestone(row) for row in rows]
    _attach_links(conn, {m.id: m for m in milestones})
    return milestones


def _milestone(row: sqlite3.Row | tuple[Any, ...]) -> Milestone:
    """A milestone without its links, from a row of _MILESTONE_SELECT."""
    return Milestone(
        id=row[0],
        uid=row[1],
        case=row[2],
        date=from_stored(row[3], row[4], row[5], row[6], bool(row[7]), bool(row[8])),
        kind=row[9],
        title=row[10],
        location=row[11],
        note=row[12],
        status=row[13],
        key=bool(row[14]),
        position=row[15],
        sort_key=row[16],
    )


def _attach_links(conn: sqlite3.Connection, records: dict[int, Milestone]) -> None:
    """Fill in the parties, sources and tags of these milestones, in stored order."""
    ids = list(records)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for mid, name, role, party_id in conn.execute(
            "SELECT mp.milestone_id, p.name, mp.role, p.id FROM milestone_parties mp"
            f" JOIN parties p ON p.id = mp.party_id WHERE mp.milestone_id IN ({marks})"
            " ORDER BY mp.rowid",
            chunk,
        ):
            records[mid].parties.append(PartyLink(name, role or None, party_id))
        for mid, sid, url, title, quote, page, paragraph in conn.execute(
            "SELECT ms.milestone_id, s.id, s.url, s.title, ms.quote, ms.page, ms.paragraph"
            " FROM milestone_sources ms JOIN sources s ON s.id = ms.source_id"
            f" WHERE ms.milestone_id IN ({marks}) ORDER BY ms.rowid",
            chunk,
        ):
            records[mid].sources.append(SourceLink(sid, url, title, quote, page, paragraph))
        for mid, tag in conn.execute(
            f"SELECT milestone_id, tag FROM milestone_tags WHERE milestone_id IN ({marks})"
            " ORDER BY tag",
            chunk,
        ):
            records[mid].tags.append(tag)


def get_milestone(store: Store, milestone_id: int) -> Milestone:
    require_milestone(store.conn, milestone_id)
    return load_milestones(store.conn, [milestone_id])[0]
