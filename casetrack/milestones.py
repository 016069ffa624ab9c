"""Milestones: what happened on a date in a case, who took part and which sources say so."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from casetrack.cases import case_slugs, require_case_id
from casetrack.clock import now
from casetrack.dates import (
    DateError,
    DateValue,
    calendar_doubt,
    display_date,
    from_stored,
    keys_for_order,
    reads_as_date,
    wholly_before,
)
from casetrack.document_pages import get_document
from casetrack.drafts import (
    DEFAULT_KIND,
    Citation,
    Draft,
    PartySpec,
    check,
    check_citation,
    check_party,
    check_status,
    checked_date,
    clean_kind,
    clean_tag,
    date_columns,
    optional_text,
    parse_party_spec,
    required_title,
)
from casetrack.errors import CasetrackError, NotFoundError, nothing_to_change
from casetrack.models import Milestone, PartyLink, SourceLink
from casetrack.parties import find_party_id
from casetrack.sources import find_source
from casetrack.sql import placeholders
from casetrack.store import Store
from casetrack.tables import TIMELINE_ORDER
from casetrack.text import closest, did_you_mean, name_key, shell_word
from casetrack.writer import MilestoneWriter, check_kind, find_kind, place, rekind

# SQLite limits host parameters per statement; load records in chunks below it.
_CHUNK = 500


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
    # Done (a deadline met: it leaves `upcoming`) or open again.
    done: bool | None = None
    add_parties: list[PartySpec] = field(default_factory=list)
    remove_parties: list[str] = field(default_factory=list)
    add_sources: list[Citation] = field(default_factory=list)
    remove_sources: list[str] = field(default_factory=list)
    remove_citations: list[str] = field(default_factory=list)  # documents, by id or hash
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
    # Typed roles the store did not use before and that are not known ones.
    new_roles: list[str] = field(default_factory=list)
    # False when an edit found the milestone already as asked, and wrote nothing.
    changed: bool = True
    # Deadlines counted from this milestone that were counted again (its date changed).
    recounted: list[int] = field(default_factory=list)
    # A quote not found on the page of the document it cites, and where it is.
    warnings: list[str] = field(default_factory=list)


def _kind_name(name: str) -> str:
    cleaned = clean_kind(name)
    if not cleaned:
        raise CasetrackError("a kind needs a name, e.g. 'casetrack kind add extradition'")
    return cleaned


def _not_builtin(conn: sqlite3.Connection, name: str, what: str, instead: str = "NAME") -> None:
    """Refuse to rename or remove a built-in kind: `add` without --kind, extract and the
    court rules (a deadline runs from a judgment) name them, and would break."""
    if name == DEFAULT_KIND:
        raise CasetrackError(
            f"kind {DEFAULT_KIND!r} is what 'casetrack add' uses without --kind:"
            f" it cannot be {what}"
        )
    if conn.execute("SELECT builtin FROM kinds WHERE name = ?", (name,)).fetchone()[0]:
        raise CasetrackError(
            f"kind {name!r} is built in (extract and the court rules use it): it cannot be"
            f" {what}; add your own with 'casetrack kind add {instead}' and give it to"
            f" milestones with 'casetrack edit ID --kind {instead}'"
        )


def add_kind(store: Store, name: str) -> str:
    """Add a kind, refused when it is one already in other accents: its milestones would
    be split between two kinds typed alike."""
    cleaned = _kind_name(name)
    with store.write() as conn:
        known = find_kind(conn, cleaned)
        if known == cleaned:
            raise CasetrackError(f"kind {cleaned!r} already exists")
        if known is not None:
            raise CasetrackError(
                f"kind {cleaned!r} is the kind {known!r} already: give it as you like, or"
                " rename it with 'casetrack kind rename'"
            )
        conn.execute("INSERT INTO kinds (name, builtin) VALUES (?, 0)", (cleaned,))
    return cleaned


def rename_kind(store: Store, old: str, new: str) -> tuple[str, int, bool]:
    """Rename a kind: its milestones (trashed ones too) follow. Renamed to a kind that exists,
    it is merged into that one. Returns the name, how many milestones and whether merged."""
    cleaned = _kind_name(new)
    with store.write() as conn:
        name = check_kind(conn, old)
        _not_builtin(conn, name, "renamed", cleaned)
        if cleaned == name:
            raise CasetrackError(f"kind {name!r} already has that name")
        merged = conn.execute("SELECT 1 FROM kinds WHERE name = ?", (cleaned,)).fetchone()
        if merged is None:
            conn.execute(
                "INSERT INTO kinds (name, builtin) SELECT ?, builtin FROM kinds WHERE name = ?",
                (cleaned, name),
            )
        moved = rekind(conn, name, cleaned)
        conn.execute("DELETE FROM kinds WHERE name = ?", (name,))
    return cleaned, moved, merged is not None


def remove_kind(store: Store, kind: str) -> str:
    """Remove a kind no milestone (even in the trash) has."""
    from casetrack.trash import used_by

    with store.write() as conn:
        name = check_kind(conn, kind)
        _not_builtin(conn, name, "removed")
        used = used_by(conn, "m.kind = ?", (name,))
        if used:
            raise CasetrackError(
                f"kind {name!r} is used by {used}: give them another with"
                f" 'casetrack kind rename {name} OTHER', which merges it into OTHER"
            )
        conn.execute("DELETE FROM kinds WHERE name = ?", (name,))
    return name


def list_kinds(store: Store) -> Iterator[dict[str, object]]:
    """Every kind and how many live milestones use it, read as the listing is written."""
    return (
        {"name": r[0], "builtin": bool(r[1]), "milestones": r[2]}
        for r in store.conn.execute(
            # One pass over the kind index, less the trashed (their own small index: `+kind`
            # keeps SQLite from walking the kind index for them instead).
            """SELECT k.name, k.builtin, coalesce(n.used, 0) - coalesce(t.used, 0)
               FROM kinds k
               LEFT JOIN (SELECT kind, count(*) AS used FROM milestones GROUP BY kind) n
                    ON n.kind = k.name
               LEFT JOIN (SELECT kind, count(*) AS used FROM milestones
                          WHERE deleted_at IS NOT NULL GROUP BY +kind) t ON t.kind = k.name
               ORDER BY k.name"""
        )
    )


def add_milestone(store: Store, draft: Draft) -> WriteReport:
    """Record one milestone with its links, all in one transaction."""
    try:
        checked = check(draft)
        with store.write() as conn:
            writer = MilestoneWriter(conn, any_spelling=True)
            (milestone_id,) = writer.insert([writer.resolve(checked).row()])
            repeated = _repeated(conn, milestone_id)
    except (DateError, NotFoundError) as refusal:
        raise _misordered(store.conn, draft) or refusal from None
    created = writer.created
    return WriteReport(
        milestone_id,
        checked.date,
        created.parties,
        created.sources,
        created.odd_roles,
        created.roles,
        warnings=[*_calendar(checked.date), *created.warnings, *repeated],
    )


def _misordered(conn: sqlite3.Connection, draft: Draft) -> CasetrackError | None:
    """The refusal of `add`'s arguments typed in another order, saying the order meant: the
    date first (`add 2021-08-10 smith-v-orion Deposition`: a first argument that reads as a
    date and names no case), naming the case closest to the argument after it, or the title
    and the date swapped (a title that reads as a date, and a date that does not); None
    when neither is the case."""
    case, when, title = draft.case.strip(), draft.date.strip(), draft.title.strip()
    slugs = case_slugs(conn)
    if case not in slugs and reads_as_date(case):
        near = [when] if when in slugs else closest(when, slugs, n=1)
        said = f"{case!r} is a date, not a case: the case comes first"
        if not near:
            return CasetrackError(f"{said}, as in 'casetrack add CASE DATE TITLE'")
        meant = " ".join(map(shell_word, (near[0], case, title)))
        return CasetrackError(f"{said}, as in 'casetrack add {meant}'")
    if title and reads_as_date(title) and not reads_as_date(when):
        meant = " ".join(map(shell_word, (case, title, when)))
        return CasetrackError(
            f"the title and the date are swapped: {title!r} is the date: write"
            f" 'casetrack add {meant}'"
        )
    return None


def _calendar(value: DateValue | None) -> list[str]:
    """The warning of a date typed in another calendar, if it may be (dates.calendar_doubt)."""
    doubt = calendar_doubt(value) if value is not None else None
    return [doubt] if doubt else []


def _repeated(conn: sqlite3.Connection, milestone_id: int) -> list[str]:
    """A warning naming the milestone of the same case, date and title (in any case, accents
    or spacing) that a new one may repeat: a command run twice from the shell's history. Two
    facts may share a day and a title, so it is added all the same."""
    rows = conn.execute(
        "SELECT o.id, o.title, m.title, c.slug FROM milestones m"
        " JOIN milestones o ON o.case_id = m.case_id AND o.date_start IS m.date_start"
        " AND o.deleted_at IS NULL AND o.date = m.date AND o.id != m.id"
        " JOIN cases c ON c.id = m.case_id WHERE m.id = ? ORDER BY o.id",
        (milestone_id,),
    )
    return [
        f"milestone {other} of {slug} has the same date and title: if this one repeats it,"
        " 'casetrack undo' takes it back"
        for other, title, new, slug in rows
        if name_key(title) == name_key(new)
    ][:1]


def _unlink_party(writer: MilestoneWriter, milestone_id: int, text: str) -> None:
    """Unlink the party `text` names (NAME or NAME:ROLE): every link, or the one with that role."""
    conn = writer.conn
    spec = parse_party_spec(text)
    party_id = find_party_id(conn, spec.whole) if spec.whole else None
    role = None
    if party_id is None:
        party_id, role = find_party_id(conn, spec.name), spec.role
    if party_id is None:
        raise NotFoundError(
            f"no party named {spec.name.strip()!r}{_linked_hint(conn, milestone_id, spec.name)}"
        )
    if writer.unlink_party(milestone_id, party_id, role):
        return
    roles = [r[0] or "no role" for r in conn.execute(
        "SELECT role FROM milestone_parties WHERE milestone_id = ? AND party_id = ?"
        " ORDER BY rowid",
        (milestone_id, party_id),
    )]  # fmt: skip
    if not roles:
        raise CasetrackError(
            f"party {spec.name!r} is not linked to milestone {milestone_id}"
            f"{_linked_hint(conn, milestone_id, spec.name)}"
        )
    raise CasetrackError(
        f"party {spec.name!r} is linked to milestone {milestone_id} as {', '.join(roles)},"
        f" not as {role!r}: --remove-party {spec.name!r} unlinks it whatever its role"
    )


def _linked_hint(conn: sqlite3.Connection, milestone_id: int, name: str) -> str:
    """The closest of the parties a milestone links (by name or alias), else which it links:
    a party it does not link is no answer to unlinking one, however close its name."""
    linked = [r[0] for r in conn.execute(
        "SELECT DISTINCT p.name FROM milestone_parties mp JOIN parties p ON p.id = mp.party_id"
        " WHERE mp.milestone_id = ? ORDER BY p.name",
        (milestone_id,),
    )]  # fmt: skip
    aliases = dict(conn.execute(
        "SELECT a.alias, p.name FROM party_aliases a JOIN parties p ON p.id = a.party_id"
        " WHERE p.id IN (SELECT party_id FROM milestone_parties WHERE milestone_id = ?)",
        (milestone_id,),
    ).fetchall())  # fmt: skip
    near = did_you_mean(name, linked, aliases)
    if near:
        return near
    if not linked:
        return f": milestone {milestone_id} has no parties"
    return f": milestone {milestone_id}'s parties are {', '.join(repr(n) for n in linked)}"


def require_milestone(conn: sqlite3.Connection, milestone_id: int) -> None:
    """Refuse an id that names no live milestone, saying whether it was erased for good or is in
    the trash."""
    row = conn.execute("SELECT deleted_at FROM milestones WHERE id = ?", (milestone_id,)).fetchone()
    if row is None:
        from casetrack.history import gone_milestone

        missing = f"no milestone with id {milestone_id}: see 'casetrack timeline'"
        raise NotFoundError(gone_milestone(conn, milestone_id, missing))
    if row[0] is not None:
        raise NotFoundError(
            f"milestone {milestone_id} is in the trash: 'casetrack restore {milestone_id}'"
            " brings it back (see 'casetrack trash list')"
        )


def edit_milestone(store: Store, milestone_id: int, change: MilestoneChange) -> WriteReport:
    """Change fields and links of a milestone in one transaction.

    An edit that leaves every row as it was writes nothing (not even `updated_at`), so the
    history holds no empty change.
    """
    updates: dict[str, object] = {}
    value = checked_date(change.date) if change.date is not None else None
    if value is not None:
        updates.update(date_columns(value))
    if change.title is not None:
        updates["title"] = required_title(change.title)
    if change.status is not None:
        updates["status"] = check_status(change.status)
    for name in ("location", "note"):
        text = getattr(change, name)
        if text is not None:
            updates[name] = optional_text(text)
    if change.key is not None:
        updates["key"] = int(change.key)
    parties = [check_party(spec) for spec in change.add_parties]
    sources = [check_citation(citation) for citation in change.add_sources]
    tags = sorted({t for t in map(clean_tag, change.add_tags) if t})
    # Deadlines follow a changed date; loaded only then (every command imports this module).
    from casetrack.deadlines.recount import (
        follow_trigger,
        off_trigger,
        refuse_other_case,
        refuse_own_date,
        refuse_own_kind,
        set_done,
    )

    with store.write() as conn:
        require_milestone(conn, milestone_id)
        if change == MilestoneChange():
            raise nothing_to_change("--title", "edit")
        # The history triggers write a row only for a row that really changed.
        last_history = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]
        if value is not None:
            refuse_own_date(conn, milestone_id)
        writer = MilestoneWriter(conn, any_spelling=True)
        was_kind = None
        if change.kind is not None:
            updates["kind"] = writer.kind(clean_kind(change.kind))
            refuse_own_kind(conn, milestone_id, str(updates["kind"]))
            was = conn.execute("SELECT kind FROM milestones WHERE id = ?", (milestone_id,))
            was_kind = str(was.fetchone()[0])
        if change.case is not None:
            case_id = require_case_id(conn, change.case, to_add=True)
            refuse_other_case(conn, milestone_id, case_id)
            updates["case_id"] = case_id
        fields_changed = writer.update(milestone_id, updates)
        recounted = (
            follow_trigger(conn, milestone_id) if value is not None and fields_changed else []
        )
        off = off_trigger(conn, milestone_id, was_kind) if was_kind is not None else []
        if change.done is not None:
            set_done(conn, milestone_id, change.done)
        for text in change.remove_parties:
            _unlink_party(writer, milestone_id, text)
        for ref in change.remove_sources:
            source = find_source(conn, ref)
            if source is None or not writer.unlink_source(milestone_id, source.id):
                raise CasetrackError(f"source {ref!r} is not cited by milestone {milestone_id}")
        for ref in change.remove_citations:
            document = get_document(conn, ref)
            cited = conn.execute(
                "SELECT id FROM sources WHERE document_id = ?", (document.id,)
            ).fetchone()
            if cited is None or not writer.unlink_source(milestone_id, cited[0]):
                raise CasetrackError(
                    f"document {document.id} is not cited by milestone {milestone_id}"
                )
        for tag in change.remove_tags:
            writer.untag(milestone_id, clean_tag(tag))
        current = conn.execute(
            "SELECT date, date_start, date_end, precision, approximate, uncertain"
            " FROM milestones WHERE id = ?",
            (milestone_id,),
        ).fetchone()
        for party_id, roles in writer.party_roles(parties).items():
            writer.set_roles(milestone_id, party_id, roles)
        writer.add_links(
            [],
            [(milestone_id, *row) for row in writer.pinpoints(sources, milestone_id)],
            [(milestone_id, tag) for tag in tags],
        )
        changed = fields_changed or bool(
            conn.execute("SELECT 1 FROM history WHERE id > ? LIMIT 1", (last_history,)).fetchone()
        )
        if changed and not fields_changed:
            writer.touch(milestone_id)
    created = writer.created
    return WriteReport(
        milestone_id,
        replace(from_stored(*current), dropped=value.dropped if value else ""),
        created.parties,
        created.sources,
        created.odd_roles,
        created.roles,
        changed=changed,
        recounted=recounted,
        warnings=[*_calendar(value), *created.warnings, *off],
    )


def remove_milestones(store: Store, milestone_ids: Sequence[int]) -> list[int]:
    """Move milestones to the trash in one change (one undo brings them all back); their
    links stay so each can come back whole. All or none: one unknown or already trashed id
    refuses the lot. Returns the ids trashed, each once, in the order given."""
    import json

    ids = list(dict.fromkeys(milestone_ids))
    with store.write() as conn:
        if len(ids) == 1:
            require_milestone(conn, ids[0])
        else:
            _require_all(conn, ids)
        conn.execute(
            "UPDATE milestones SET deleted_at = ? WHERE id IN (SELECT value FROM json_each(?))",
            (now("microseconds"), json.dumps(ids)),
        )
    return ids


def _require_all(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Refuse, in one line naming them all, ids that are unknown or in the trash."""
    import json

    deleted = dict(
        conn.execute(
            "SELECT id, deleted_at FROM milestones WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        ).fetchall()
    )
    unknown = [str(i) for i in ids if i not in deleted]
    trashed = [str(i) for i in ids if deleted.get(i) is not None]
    problems = []
    if unknown:
        noun = "id" if len(unknown) == 1 else "ids"
        problems.append(f"no milestone with {noun} {', '.join(unknown)} (see 'casetrack timeline')")
    if trashed:
        are = "milestone {} is" if len(trashed) == 1 else "milestones {} are"
        problems.append(
            are.format(", ".join(trashed)) + " already in the trash (see 'casetrack trash list')"
        )
    if problems:
        raise NotFoundError("; ".join(problems) + ": nothing was moved to the trash")


def move_milestone(store: Store, milestone_id: int, other_id: int, *, after: bool) -> bool:
    """Put a milestone just before or after another of its case, on any day its date allows;
    whether it moved (one already there is left as it is: no change to undo).

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
        if order == [row[0] for row in rows]:
            return False
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
        place(conn, updates)
    return True


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
           m.sort_key, (SELECT done_at FROM deadlines WHERE milestone_id = m.id)
    FROM milestones m JOIN cases c ON c.id = m.case_id"""


def load_milestones(
    conn: sqlite3.Connection, ids: Sequence[int], *, links: bool = True
) -> list[Milestone]:
    """Full records (parties, sources, tags) for these ids, in the order given; without
    their links (a picture draws none) when not `links`."""
    records: dict[int, Milestone] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = placeholders(chunk)
        rows = conn.execute(f"{_MILESTONE_SELECT} WHERE m.id IN ({marks})", chunk)
        records.update((row[0], _milestone(row)) for row in rows)
    if links:
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
    return list(iter_milestones(conn, where, params, order_by, limit))


def iter_milestones(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[object],
    order_by: str,
    limit: int | None = None,
    *,
    links: bool = True,
) -> Iterator[Milestone]:
    """select_milestones a batch at a time: a long listing is never held whole; without
    their links when not `links`."""
    for batch in milestone_batches(conn, where, params, order_by, limit, links=links):
        yield from batch


def milestone_batches(
    conn: sqlite3.Connection,
    where: str,
    params: Sequence[object],
    order_by: str,
    limit: int | None = None,
    *,
    links: bool = True,
) -> Iterator[list[Milestone]]:
    """iter_milestones a batch at a time, for callers that look up more per batch."""
    sql = f"{_MILESTONE_SELECT} WHERE {where} ORDER BY {order_by}"
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    cursor = conn.execute(sql, params)
    while rows := cursor.fetchmany(_CHUNK):
        batch = [_milestone(row) for row in rows]
        if links:
            _attach_links(conn, {m.id: m for m in batch})
        yield batch


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
        done=row[17],
    )


def _attach_links(conn: sqlite3.Connection, records: dict[int, Milestone]) -> None:
    """Fill in the parties, sources and tags of these milestones, in stored order."""
    ids = list(records)
    party_link, source_link = PartyLink._make, SourceLink._make  # the fast way to make tuples
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = placeholders(chunk)
        for mid, name, role, party_id, uid in conn.execute(
            "SELECT mp.milestone_id, p.name, mp.role, p.id, p.uid FROM milestone_parties mp"
            f" JOIN parties p ON p.id = mp.party_id WHERE mp.milestone_id IN ({marks})"
            " ORDER BY mp.rowid",
            chunk,
        ):
            records[mid].parties.append(party_link((name, role or None, party_id, uid)))
        for mid, *cited in conn.execute(
            "SELECT ms.milestone_id, s.id, s.url, s.title, ms.quote, ms.page, ms.paragraph,"
            " s.document_id, d.sha256, ms.page_index, ms.quote_found, s.uid"
            " FROM milestone_sources ms"
            " JOIN sources s ON s.id = ms.source_id LEFT JOIN documents d ON d.id = s.document_id"
            f" WHERE ms.milestone_id IN ({marks}) ORDER BY ms.rowid",
            chunk,
        ):
            records[mid].sources.append(source_link(cited))
        for mid, tag in conn.execute(
            f"SELECT milestone_id, tag FROM milestone_tags WHERE milestone_id IN ({marks})"
            " ORDER BY tag",
            chunk,
        ):
            records[mid].tags.append(tag)


def get_milestone(store: Store, milestone_id: int) -> Milestone:
    """One live milestone with its links, or the refusal `require_milestone` words."""
    require_milestone(store.conn, milestone_id)
    return load_milestones(store.conn, [milestone_id])[0]
