"""Merging a duplicate party or source into another that is the same: the checks and the
records here, the milestones' links moved by the writer. Apart from parties.py and
sources.py, which the writer settles names with, so that imports point one way.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from casetrack.errors import CasetrackError
from casetrack.models import Party, Source
from casetrack.parties import (
    add_aliases,
    alias_typed,
    close_names,
    find_party_id,
    get_party_by_id,
    known_as,
    linked_milestones,
    require_party_id,
)
from casetrack.sources import get_source_by_id, require_source
from casetrack.store import Store
from casetrack.text import clean_text
from casetrack.writer import move_party_links, move_source_links


class Merged(NamedTuple):
    """Two parties merged: the one kept as it is now, the one removed as it was, the alias
    it was named by (None: by its name) and how many milestones it was linked to."""

    party: Party
    removed: Party
    alias: str | None
    linked: int


def merge_parties(store: Store, keep: str, duplicate: str) -> Merged:
    """Fold a duplicate party into another: its links and names move, then it is removed. A
    kept party of kind other takes the duplicate's kind (as a kept source takes the fields it
    lacks); a kind the kept party has is never changed."""
    with store.write() as conn:
        keep_id = require_party_id(conn, keep, addable=False)
        _refuse_a_variant_of(conn, keep_id, duplicate)
        dup_id = require_party_id(conn, duplicate, addable=False)
        if keep_id == dup_id:
            raise CasetrackError(f"{keep!r} and {duplicate!r} are already the same party")
        dup = get_party_by_id(conn, dup_id)
        linked = linked_milestones(conn, dup_id)
        move_party_links(conn, dup_id, keep_id)
        conn.execute("DELETE FROM party_aliases WHERE party_id = ?", (dup_id,))
        conn.execute("DELETE FROM parties WHERE id = ?", (dup_id,))
        add_aliases(conn, keep_id, [dup.name, *dup.aliases])
        if dup.kind != "other":  # what the duplicate was known to be is not lost to 'other'
            conn.execute(
                "UPDATE parties SET kind = ? WHERE id = ? AND kind = 'other'", (dup.kind, keep_id)
            )
    return Merged(get_party_by_id(store.conn, keep_id), dup, alias_typed(duplicate, dup), linked)


def _refuse_a_variant_of(conn: sqlite3.Connection, keep_id: int, duplicate: str) -> None:
    """A duplicate named by no party, close only to names of the party kept ('J Smith' of
    Jane Smith, aka J. Smith): the closest name would be the party kept itself, so it is said
    to be one of its names already, not suggested as the duplicate."""
    if find_party_id(conn, duplicate) is not None:
        return
    near = close_names(conn, duplicate)
    if near and all(find_party_id(conn, names[0]) == keep_id for names in near):
        kept = get_party_by_id(conn, keep_id)
        raise CasetrackError(
            f"no party named {clean_text(duplicate)!r}; it is close to a name of"
            f" {known_as(kept.name, kept.aliases, quoted=True)}, the party kept:"
            " nothing to merge"
        )


def merge_sources(store: Store, keep: str, duplicate: str) -> tuple[Source, Source, int]:
    """Fold a duplicate source into another, as parties are merged: its citations move to
    the source kept (a milestone citing both at the same place keeps one), the fields the
    kept one lacks are taken from it, and it is removed. A milestone citing both at
    different places is refused: it keeps one pinpoint per source. Returns the source kept,
    the one removed and how many citations moved."""
    with store.write() as conn:
        kept, dup = require_source(conn, keep), require_source(conn, duplicate)
        if kept.id == dup.id:
            raise CasetrackError(f"{keep!r} and {duplicate!r} are already the same source")
        for source in (kept, dup):
            row = conn.execute(
                "SELECT document_id FROM sources WHERE id = ? AND document_id IS NOT NULL",
                (source.id,),
            ).fetchone()
            if row is not None:  # cited at its pages, by its hash: not a citation to fold
                raise CasetrackError(
                    f"source {source.id} is how document {row[0]} is cited: it is not merged"
                    f" (see 'casetrack doc show {row[0]}')"
                )
        clash = conn.execute(
            "SELECT d.milestone_id FROM milestone_sources d JOIN milestone_sources k"
            " ON k.milestone_id = d.milestone_id AND k.source_id = ? WHERE d.source_id = ?"
            " AND (d.quote IS NOT k.quote OR d.page IS NOT k.page"
            " OR d.paragraph IS NOT k.paragraph) ORDER BY d.milestone_id LIMIT 1",
            (kept.id, dup.id),
        ).fetchone()
        if clash is not None:
            raise CasetrackError(
                f"milestone {clash[0]} cites sources {kept.id} and {dup.id} at different places"
                " (a milestone keeps one pinpoint per source): remove one first ('casetrack"
                f" edit {clash[0]} --remove-source {dup.id}')"
            )
        moved = move_source_links(conn, dup.id, kept.id)
        conn.execute(
            "UPDATE sources SET title = coalesce(title, ?), publisher = coalesce(publisher, ?),"
            " published = coalesce(published, ?) WHERE id = ?",
            (dup.title, dup.publisher, dup.published, kept.id),
        )
        conn.execute("DELETE FROM sources WHERE id = ?", (dup.id,))
        return get_source_by_id(conn, kept.id), dup, moved
