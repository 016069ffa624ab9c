"""Cases: the legal matters milestones belong to, named by a short slug."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Any

from casetrack.case_status import case_status
from casetrack.clock import now
from casetrack.errors import CasetrackError, NotFoundError
from casetrack.sql import set_changed
from casetrack.store import Store
from casetrack.tables import TIMELINE_ORDER, reversed_order, widest
from casetrack.text import clean_text, did_you_mean, plural, shell_word, slug_for

if TYPE_CHECKING:
    from casetrack.models import Case

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
CASE_FIELDS = ("title", "jurisdiction", "court", "docket", "status", "summary")


def _row_to_case(row: sqlite3.Row | tuple[Any, ...]) -> Case:
    # Imported here: `case list` needs no model, and the models take a while to import.
    from casetrack.models import Case

    return Case(*row)


_SELECT = "SELECT id, uid, slug, title, jurisdiction, court, docket, status, summary FROM cases"


def add_case(
    store: Store, slug: str, title: str, *, uid: str | None = None, **fields: str | None
) -> Case:
    """Create a case; the slug is how every other command names it.

    `uid` keeps the identity an import brings, so importing again matches instead of copying.
    """
    slug = _checked_slug(slug)
    title = clean_text(title)
    if not title:
        raise CasetrackError("a case needs a title: pass --title TEXT")
    values = _clean_fields(fields)
    with store.write() as conn:
        _slug_free(conn, slug)
        stamp = now()
        conn.execute(
            "INSERT INTO cases (uid, slug, title, jurisdiction, court, docket, status, summary,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid or str(uuid.uuid4()),
                slug,
                title,
                values.get("jurisdiction"),
                values.get("court"),
                values.get("docket"),
                values.get("status") or "open",
                values.get("summary"),
                stamp,
                stamp,
            ),
        )
    return get_case(store, slug)


def _checked_slug(slug: str) -> str:
    slug = slug.strip()
    if not _SLUG.match(slug):
        example = slug_for(slug) or "acme-2003"
        raise CasetrackError(
            f"invalid case slug {slug!r}: use letters, digits, '-', '_' or '.' "
            f"(up to 64, starting with a letter or digit), e.g. {example}"
        )
    return slug


def _slug_free(conn: sqlite3.Connection, slug: str, case_id: int | None = None) -> None:
    """Refuse a slug another case (live or in the trash) has; slugs ignore case."""
    existing = conn.execute(
        "SELECT deleted_at FROM cases WHERE slug = ? AND id IS NOT ?", (slug, case_id)
    ).fetchone()
    if existing and existing[0]:
        raise CasetrackError(
            f"case {slug!r} is in the trash: bring it back with 'casetrack restore --case "
            f"{slug}' or purge it with 'casetrack trash empty --yes'"
        )
    if existing:
        raise CasetrackError(f"case {slug!r} already exists: edit it with 'casetrack case edit'")


def rename_case(store: Store, slug: str, new_slug: str) -> Case:
    """Give a case another slug; its milestones, history and exports follow the case."""
    new_slug = _checked_slug(new_slug)
    with store.write() as conn:
        case = get_case(store, slug)
        if new_slug == case.slug:
            raise CasetrackError(f"case {case.slug!r} already has that slug")
        _slug_free(conn, new_slug, case.id)
        conn.execute(
            "UPDATE cases SET slug = ?, updated_at = ? WHERE id = ?", (new_slug, now(), case.id)
        )
    return get_case(store, new_slug)


def _clean_fields(fields: dict[str, str | None]) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for name, value in fields.items():
        if name not in CASE_FIELDS:
            raise CasetrackError(f"unknown case field {name!r}")
        if value is None:
            continue
        cleaned = clean_text(value)
        if name == "status":
            cleaned = case_status(cleaned)
        if name == "title" and not cleaned:
            raise CasetrackError("a case title cannot be empty")
        values[name] = cleaned or None
    return values


def get_case(store: Store, slug: str) -> Case:
    """A live case by slug, or the refusal `require_case_id` words (trash, did you mean)."""
    case_id = require_case_id(store.conn, slug)
    return _row_to_case(store.conn.execute(_SELECT + " WHERE id = ?", (case_id,)).fetchone())


def case_slugs(conn: sqlite3.Connection) -> list[str]:
    """The live cases' slugs, sorted: what a refusal suggests from."""
    return [
        r[0] for r in conn.execute("SELECT slug FROM cases WHERE deleted_at IS NULL ORDER BY slug")
    ]


def require_case_id(conn: sqlite3.Connection, slug: str, *, to_add: bool = False) -> int:
    """The id of a live case; `to_add` when the user means to put milestones in it, the only
    time a refusal suggests creating the case."""
    row = conn.execute(
        "SELECT id FROM cases WHERE slug = ? AND deleted_at IS NULL", (slug.strip(),)
    ).fetchone()
    if row is None:
        raise NotFoundError(_not_there(conn, slug.strip(), to_add))
    return int(row[0])


def refuse_near_case(
    conn: sqlite3.Connection, slug: str, made: Collection[str] = frozenset()
) -> None:
    """Refuse a slug an import would make a new case of when it is likely a slip for a case
    there is: close to a live case's slug, a case in the trash or a renamed case's old slug.
    A stray case made from a typo is worse than a refusal; the refusal says how to make it.
    `made`: the slugs (lowercase) of cases the same import made, which it may name alike."""
    slug = slug.strip()
    if conn.execute(
        "SELECT 1 FROM cases WHERE slug = ? AND deleted_at IS NULL", (slug,)
    ).fetchone():
        return
    slugs = [s for s in case_slugs(conn) if s.lower() not in made]
    trashed = conn.execute("SELECT 1 FROM cases WHERE slug = ?", (slug,)).fetchone()
    if trashed or renamed_to(conn, slug) is not None or did_you_mean(slug, slugs):
        raise NotFoundError(_not_there(conn, slug, to_add=True, slugs=slugs))


def renamed_to(conn: sqlite3.Connection, slug: str) -> str | None:
    """The slug a live case bears now that once bore `slug` (`case rename` leaves no alias
    behind, so an old slug in a script or a note would otherwise name nothing); None if none."""
    row = conn.execute(
        "SELECT c.slug FROM history h JOIN cases c ON c.id = h.row_id"
        " WHERE h.table_name = 'cases' AND h.action = 'update'"
        " AND json_extract(h.old, '$.slug') = ?1 AND json_extract(h.new, '$.slug') IS NOT ?1"
        " AND c.deleted_at IS NULL ORDER BY h.id DESC LIMIT 1",
        (slug,),
    ).fetchone()
    return None if row is None else str(row[0])


def _not_there(
    conn: sqlite3.Connection, slug: str, to_add: bool, slugs: list[str] | None = None
) -> str:
    """Why there is no such case, and what to type next: restore it from the trash (it is
    the case named: no other is suggested), create it (when adding to it), or look the slug
    up among the cases there are."""
    quoted = shell_word(slug)
    if conn.execute("SELECT 1 FROM cases WHERE slug = ?", (slug,)).fetchone():
        return f"case {slug!r} is in the trash: 'casetrack restore --case {quoted}' brings it back"
    renamed = renamed_to(conn, slug)
    if renamed is not None:
        return f"no case {slug!r}: it was renamed {renamed!r}, the slug to use now"
    titled = conn.execute(
        "SELECT slug FROM cases WHERE title = ? COLLATE NOCASE AND deleted_at IS NULL"
        " ORDER BY id LIMIT 1",
        (slug,),
    ).fetchone()
    if titled is not None:
        return f"no case {slug!r}: that is the title of case {titled[0]!r}, the slug to use"
    if _SLUG.match(slug):
        create = f"casetrack case add {quoted} --title TITLE"
    else:
        made = slug_for(slug) or "SLUG"
        create = f"casetrack case add {made} --title {shell_word(slug)}"
    how = f"create it with '{create}'" if to_add else "see 'casetrack case list'"
    near = did_you_mean(slug, case_slugs(conn) if slugs is None else slugs)
    return f"no case {slug!r}{near}: {how}"


# A listed case: Case.to_dict's fields, then its figures.
_LISTED = (
    "id", "uid", "slug", "title", "jurisdiction", "court", "docket", "status", "summary",
    "milestones", "first", "last", "first_date", "last_date",
)  # fmt: skip


def list_cases(store: Store, status: str | None = None) -> Iterator[dict[str, Any]]:
    """Every case (of that status, if given) with its milestone count and date range:
    `first` and `last` are its earliest and latest possible days, `first_date` and
    `last_date` the stored (EDTF) dates of the milestones its timeline lists first and last
    (leaving out `unknown` dates), as the source said them (2000~, not 2000-01-01)."""
    listed, params = _listed_from(status)
    rows = store.conn.execute(
        """SELECT c.id, c.uid, c.slug, c.title, c.jurisdiction, c.court, c.docket, c.status,
                  c.summary, coalesce(f.milestones, 0), f.first, f.last, f.first_date,
                  f.last_date """
        + listed,
        params,
    )
    for row in rows:
        yield dict(zip(_LISTED, row, strict=True))


def marked_title(title: str, status: str | None) -> str:
    """A case's title as case list's table says it: a case that is not open is marked after
    its title, as a timeline marks a milestone that is not undisputed, so no terminal's
    width leaves its status out."""
    return title if status in (None, "", "open") else f"{title} [{status}]"


def listed_cells(
    store: Store, status: str | None = None
) -> Iterator[tuple[str, str, str, str, str | None, str | None]]:
    """What `case list` shows of each case listed by `list_cases`, as text: slug, title,
    status, milestone count, and the stored dates of its first and last milestones (None
    if it has none). A table needs no more: no record is built per case."""
    listed, params = _listed_from(status)
    return store.conn.execute(
        "SELECT c.slug, c.title, coalesce(c.status, ''),"
        " CAST(coalesce(f.milestones, 0) AS TEXT), f.first_date, f.last_date " + listed,
        params,
    )


def _listed_from(status: str | None) -> tuple[str, list[str]]:
    """The live cases, of `status` if given (refused unless it names one), by slug, with
    their figures: kept in step by triggers (schema.m017_case_figures), no milestone read."""
    where, params = _live_cases(status)
    return f"FROM cases c LEFT JOIN case_figures f ON f.case_id = c.id {where} ORDER BY c.slug", (
        params
    )


def _live_cases(status: str | None) -> tuple[str, list[str]]:
    """The WHERE clause (on `c`, the cases) of the live cases of `status`, if given."""
    if status is None:
        return "WHERE c.deleted_at IS NULL", []
    return "WHERE c.deleted_at IS NULL AND c.status = ?", [case_status(status)]


def _fresh_figures(case: str) -> str:
    """A case's figures worked out from its milestones, in case_figures' column order."""
    live = f"FROM milestones m WHERE m.case_id = {case} AND m.deleted_at IS NULL"
    dated = f"{live} AND m.precision != 'unknown' ORDER BY"
    ends = [
        f"(SELECT m.{column} {dated} {order} LIMIT 1)"
        for order in (TIMELINE_ORDER, reversed_order(TIMELINE_ORDER))
        for column in ("id", "date")
    ]
    return ", ".join([f"(SELECT count(*) {live})", f"(SELECT min(m.date_start) {live})",
                      f"(SELECT max(m.date_end) {live})", *ends])  # fmt: skip


_FIGURES = "milestones, first, last, first_id, first_date, last_id, last_date"


def figures_out_of_step(conn: sqlite3.Connection) -> list[tuple[int, str | None]]:
    """The cases (id, slug) whose kept figures are not what their milestones say, and (id,
    None) for figures kept of a case that is gone: rows written by hand, or while the
    triggers were dropped. Each case is a few index seeks and a count over its entries in
    a small index."""
    kept = ", ".join(f"f.{name}" for name in _FIGURES.split(", "))
    return conn.execute(
        f"SELECT c.id, c.slug FROM cases c LEFT JOIN case_figures f ON f.case_id = c.id"
        f" WHERE ({kept}) IS NOT ({_fresh_figures('c.id')})"
        " UNION ALL SELECT case_id, NULL FROM case_figures"
        " WHERE case_id NOT IN (SELECT id FROM cases) ORDER BY 1"
    ).fetchall()


def refresh_figures(conn: sqlite3.Connection, where: str, params: Any = ()) -> None:
    """Work out again, from their milestones, the figures of the cases `where` selects (on
    `c`, the cases table)."""
    conn.execute(
        f"INSERT OR REPLACE INTO case_figures (case_id, {_FIGURES})"
        f" SELECT c.id, {_fresh_figures('c.id')} FROM cases c WHERE {where}",
        params,
    )


def mend_figures(store: Store) -> list[tuple[int, str | None]]:
    """Work out again the figures `figures_out_of_step` finds wrong; returns those cases."""
    with store.write() as conn:
        wrong = figures_out_of_step(conn)
        if wrong:
            conn.execute("DELETE FROM case_figures")
            refresh_figures(conn, "true")
    return wrong


def case_widths(conn: sqlite3.Connection, status: str | None = None) -> dict[str, int]:
    """How wide case list's slug and title cells get (see tables.widest): a title with the
    mark `marked_title` gives it."""
    where, params = _live_cases(status)
    return widest(
        conn,
        "SELECT max(length(c.slug)), max(length(c.title) + CASE WHEN coalesce(c.status, 'open')"
        f" IN ('', 'open') THEN 0 ELSE length(c.status) + 3 END) FROM cases c {where}",
        params,
        ("slug", "title"),
    )


def set_case_fields(store: Store, slug: str, **fields: str | None) -> Case:
    """Write the case fields given (CASE_FIELDS) and nothing else. Another court brings other
    closures, and `casetrack.deadlines.due.edit_case` (what `case edit` runs) counts the case's
    deadlines again around this call; it cannot live here, below the milestone writer that
    counting needs. Import calls this alone, on purpose: it writes what the file says, its
    deadlines' dates included, and counts nothing again (nor for the closures it brings)."""
    values = _clean_fields(fields)
    with store.write() as conn:
        case = get_case(store, slug)
        # A field given its stored value is not written: the case is not "changed", nor undone.
        set_changed(conn, "cases", case.id, values, {"updated_at": now()})
    return get_case(store, slug)


def remove_case(store: Store, slug: str, *, force: bool = False) -> int:
    """Move a case to the trash; with force its milestones go with it. Returns how many went.

    The case and the milestones trashed with it share one deleted_at stamp, so restoring
    the case brings back exactly those.
    """
    with store.write() as conn:
        case = get_case(store, slug)
        count = conn.execute(
            "SELECT count(*) FROM milestones WHERE case_id = ? AND deleted_at IS NULL", (case.id,)
        ).fetchone()[0]
        if count and not force:
            raise CasetrackError(
                f"case {case.slug!r} has {plural(count, 'milestone')}: pass --force to delete them"
                " too"
            )
        stamp = now("microseconds")
        conn.execute(
            "UPDATE milestones SET deleted_at = ? WHERE case_id = ? AND deleted_at IS NULL",
            (stamp, case.id),
        )
        conn.execute("UPDATE cases SET deleted_at = ? WHERE id = ?", (stamp, case.id))
    return int(count)
