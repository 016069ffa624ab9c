"""The trash: deleted milestones and cases wait here, links intact, until it is emptied."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from casetrack.errors import CasetrackError, NotFoundError
from casetrack.store import Store
from casetrack.tables import widest
from casetrack.text import did_you_mean, plural


@dataclass
class Restored:
    """What came back: milestone ids, and the case if it had to come back too."""

    milestones: list[int] = field(default_factory=list)
    case: str | None = None


def restore_milestone(store: Store, milestone_id: int) -> Restored:
    """Bring a milestone back from the trash, with its case if that was trashed too."""
    with store.write() as conn:
        row = conn.execute(
            "SELECT m.deleted_at, c.id, c.slug, c.deleted_at FROM milestones m"
            " JOIN cases c ON c.id = m.case_id WHERE m.id = ?",
            (milestone_id,),
        ).fetchone()
        if row is None:
            from casetrack.history import gone_milestone

            missing = f"no milestone {milestone_id} in the trash: see 'casetrack trash list'"
            raise NotFoundError(gone_milestone(conn, milestone_id, missing))
        deleted_at, case_id, slug, case_deleted_at = row
        if deleted_at is None:
            raise CasetrackError(f"milestone {milestone_id} is not in the trash")
        conn.execute("UPDATE milestones SET deleted_at = NULL WHERE id = ?", (milestone_id,))
        restored = Restored([milestone_id])
        if case_deleted_at is not None:
            conn.execute("UPDATE cases SET deleted_at = NULL WHERE id = ?", (case_id,))
            restored.case = slug
    return restored


def restore_case(store: Store, slug: str) -> Restored:
    """Bring a trashed case back with the milestones that were trashed along with it."""
    with store.write() as conn:
        row = conn.execute(
            "SELECT id, slug, deleted_at FROM cases WHERE slug = ? AND deleted_at IS NOT NULL",
            (slug.strip(),),
        ).fetchone()
        if row is None:
            trashed = [r[0] for r in conn.execute(_TRASHED_CASES)]
            raise NotFoundError(f"no case {slug!r} in the trash{did_you_mean(slug, trashed)}")
        case_id, slug, stamp = row
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM milestones WHERE case_id = ? AND deleted_at = ? ORDER BY id",
                (case_id, stamp),
            )
        ]
        conn.execute(
            "UPDATE milestones SET deleted_at = NULL WHERE case_id = ? AND deleted_at = ?",
            (case_id, stamp),
        )
        conn.execute("UPDATE cases SET deleted_at = NULL WHERE id = ?", (case_id,))
    return Restored(ids, slug)


_TRASHED_CASES = "SELECT slug FROM cases WHERE deleted_at IS NOT NULL ORDER BY slug"


def list_trash(store: Store) -> Iterator[dict[str, Any]]:
    """Trashed cases and milestones, most recently deleted first, read as they are written."""
    rows = store.conn.execute(
        """SELECT 'case', NULL, slug, NULL, title, deleted_at FROM cases
           WHERE deleted_at IS NOT NULL
           UNION ALL
           SELECT 'milestone', m.id, c.slug, m.date, m.title, m.deleted_at
           FROM milestones m JOIN cases c ON c.id = m.case_id WHERE m.deleted_at IS NOT NULL
           ORDER BY 6 DESC, 1, 2"""
    )
    keys = ("type", "id", "case", "date", "title", "deleted_at")
    return (dict(zip(keys, row, strict=True)) for row in rows)


def trash_widths(conn: sqlite3.Connection) -> dict[str, int]:
    """How wide trash list's id, case and title cells get (see tables.widest)."""
    return widest(
        conn,
        """SELECT max(length(id)), max(length(slug)), max(length(title)) FROM (
               SELECT NULL AS id, slug, title FROM cases WHERE deleted_at IS NOT NULL
               UNION ALL
               SELECT m.id, c.slug, m.title FROM milestones m JOIN cases c ON c.id = m.case_id
               WHERE m.deleted_at IS NOT NULL)""",
        (),
        ("id", "case", "title"),
    )


def empty_trash(store: Store) -> tuple[int, int]:
    """Delete trashed milestones (with their links) and cases for good; returns the counts."""
    with store.write() as conn:
        milestones = conn.execute("DELETE FROM milestones WHERE deleted_at IS NOT NULL").rowcount
        cases = conn.execute(
            "DELETE FROM cases WHERE deleted_at IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.case_id = cases.id)"
        ).rowcount
    return milestones, cases


def used_by(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> str:
    """'N milestones (3, 4, 9, 12, 15 and 2 more)' matching `where` (on milestones `m`),
    named by their ids (the first few), trashed ones too and said so; '' for none. What a
    party, source or kind cannot be removed while it has, said so the user knows which
    milestones to edit."""
    used, trashed = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE m.deleted_at IS NOT NULL) FROM milestones m"
        f" WHERE {where}",
        params,
    ).fetchone()
    if not used:
        return ""

    def ids(condition: str, count: int) -> str:
        found = [str(r[0]) for r in conn.execute(
            f"SELECT m.id FROM milestones m WHERE ({where}) AND {condition} ORDER BY m.id"
            f" LIMIT {IDS_SAID}", params,
        )]  # fmt: skip
        return ids_said(found, count)

    if trashed == used:
        return f"{plural(used, 'milestone')} in the trash ({ids('1', used)})"
    said = ids("m.deleted_at IS NULL", used - trashed)
    if trashed:
        said += f"; in the trash: {ids('m.deleted_at IS NOT NULL', trashed)}"
    return f"{plural(used, 'milestone')} ({said})"


IDS_SAID = 5  # ids named in a refusal, the rest counted


def ids_said(ids: list[str], count: int) -> str:
    """'4', '4 and 9', '3, 4, 9, 12, 15 and 2 more': the first ids, and how many more."""
    if count > len(ids):
        return f"{', '.join(ids)} and {count - len(ids)} more"
    return ", ".join(ids[:-1]) + f" and {ids[-1]}" if len(ids) > 1 else ids[0]
