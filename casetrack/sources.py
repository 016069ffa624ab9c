"""Sources: articles, judgments and filings that milestones cite."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

from casetrack.clock import now
from casetrack.errors import CasetrackError, NotFoundError, nothing_to_change
from casetrack.models import Source
from casetrack.sql import placeholders, set_changed
from casetrack.store import Store
from casetrack.tables import TIMELINE_ORDER, widest
from casetrack.text import citation_key, clean_text, did_you_mean, name_key, shell_word, words_key

_SELECT = "SELECT id, uid, url, title, publisher, published FROM sources"


def get_source_by_id(conn: sqlite3.Connection, source_id: int) -> Source:
    """A source by id; an id that names none, or is past SQLite's range, is refused in one line."""
    in_range = 0 < source_id < 2**63  # SQLite rowids; a larger number names no source
    row = conn.execute(_SELECT + " WHERE id = ?", (source_id,)).fetchone() if in_range else None
    if row is None:
        shown = source_id if source_id < 2**63 else "that large"
        raise NotFoundError(f"no source with id {shown}: see 'casetrack source list'")
    return Source(*row)


def normal_url(url: str) -> str:
    """A URL as stored: its scheme and host in lower case (they are case-blind), the path as
    typed (it is not); any other text (a citation, a sha256: source) as it is."""
    scheme, sep, rest = url.partition("://")
    if not sep or not scheme.isascii() or not scheme.isalpha():
        return url
    end = min((i for i in map(rest.find, "/?#") if i >= 0), default=len(rest))
    host = rest[:end]
    user, at, host = host.rpartition("@")
    return f"{scheme.lower()}://{user}{at}{host.lower()}{rest[end:]}"


def same_urls(url: str) -> list[str]:
    """The stored texts that name the same source as `url`: as typed, with scheme and host in
    lower case, and with or without a trailing slash (https://e.org/a/ is https://e.org/a)."""
    normal = normal_url(url)
    if normal == url and "://" not in url:
        return [url]
    if "?" in normal or "#" in normal:
        return list(dict.fromkeys([url, normal]))
    bare = normal.rstrip("/")
    return list(dict.fromkeys([url, normal, bare, bare + "/"]))


def find_source(conn: sqlite3.Connection, ref: str, *, any_spelling: bool = True) -> Source | None:
    """A source by numeric id, or by its URL/citation (a URL in any case of scheme and host,
    with or without a trailing slash), or a file here by its relative path; `any_spelling`:
    a citation also in any case, accents and spacing (see _same_citation)."""
    ref = clean_text(ref)
    if ref.isascii() and ref.isdigit():
        # Past 19 digits no rowid matches, and past 4,300 int() refuses to convert.
        return get_source_by_id(conn, int(ref) if len(ref) <= 19 else 2**63)
    urls = same_urls(ref)
    row = conn.execute(
        _SELECT + f" WHERE url IN ({placeholders(urls)}) ORDER BY url = ? DESC LIMIT 1",
        (*urls, ref),
    ).fetchone()
    if row is None and _relative_file(ref):  # `extract FILE` cites the file by its full path
        return find_source(conn, os.path.abspath(ref))
    if row is None and any_spelling:
        return _same_citation(conn, ref)
    return Source(*row) if row else None


def _same_citation(conn: sqlite3.Connection, ref: str) -> Source | None:
    """The citation stored that `ref` names in another case, accents or spacing ('le monde,
    4 mars 2021' for 'Le Monde, 4 mars 2021'), as a party's name is matched: otherwise the
    milestones citing it would be split between two sources. Not a URL (its path's case
    matters) nor a document's hash. Text with the same name_key has the same words, so it
    is among the few citations that share its citation_key, found through their index."""
    if "://" in ref:
        return None
    key = name_key(ref)
    for row in _citations_keyed(conn, words_key(key)):
        if name_key(row[2]) == key:
            return Source(*row)
    return None


def _citations_keyed(conn: sqlite3.Connection, key: str) -> Iterator[tuple[Any, ...]]:
    """The stored citations (not URLs, not documents' hashes) with citation_key `key`, oldest
    first: one lookup in the sources_citation_key index."""
    return conn.execute(
        _SELECT + " WHERE citation_key = ? AND document_id IS NULL ORDER BY id", (key,)
    )


def refuse_close_citation(
    conn: sqlite3.Connection, ref: str, command: str = "", *, but: int | None = None
) -> None:
    """Refuse a new citation that has the words of a stored one in other case or punctuation
    ('appeal ruling no 88/1234' for 'Appeal ruling no. 88/1234'), naming it and how to create
    it all the same: `command` with --new-source (add and edit, whose line is being refused,
    give none: the option alone), as a party's close name is (parties.refuse_close):
    otherwise the milestones citing it would be split between two sources. Source `but`
    (the one `source edit` respells) is not close to itself, and would be merged into the
    close one if they are one source. Two URLs are never close. The one refusal of add,
    edit, `source add` and `source edit`."""
    close = close_citation(conn, ref, but)
    if close is None:
        return
    typed = clean_text(ref)
    new = f"--new-source {shell_word(typed)}"
    instead = f"'{command} {new}'" if command else new
    same = (
        "write that citation to cite it"
        if but is None
        else f"merge them with 'casetrack source merge {close.id} {but}' if they are one source"
    )
    raise CasetrackError(
        f"no source {typed!r}, but {close.url!r} (source {close.id}) is close: {same}, or"
        f" {instead} if it is another source"
    )


def close_citation(conn: sqlite3.Connection, ref: str, but: int | None = None) -> Source | None:
    """The stored citation with the words of `ref` in other case or punctuation, if any, other
    than source `but` (the one `source edit` respells): the one rule of what is close, for
    refuse_close_citation. Two texts have the same words when they have the same
    citation_key, which each source stores: one indexed lookup."""
    key = citation_key(ref)
    if not key:  # a URL, or text without a word
        return None
    for row in _citations_keyed(conn, key):
        if row[0] != but:
            return Source(*row)
    return None


def _relative_file(ref: str) -> bool:
    """Whether a reference is the relative path of a file here (not a URL or citation)."""
    return not os.path.isabs(ref) and "://" not in ref and os.path.isfile(ref)


def create_source(
    conn: sqlite3.Connection,
    url: str,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    uid: str | None = None,
    document_id: int | None = None,
) -> int:
    """Insert a new source; `uid` keeps the identity an import brings; `document_id` makes
    it the source a registered document is cited through."""
    cursor = conn.execute(
        "INSERT INTO sources (uid, url, title, publisher, published, citation_key, created_at,"
        " document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (*source_row(url, title, publisher, published, uid), now(), document_id),
    )
    return int(cursor.lastrowid or 0)


def source_row(
    url: str,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    uid: str | None = None,
) -> tuple[str, str, str | None, str | None, str | None, str | None]:
    """What create_source writes of a source, less its clock and document: uid, URL (as
    stored: normal_url), title, publisher, publication date, and the URL's citation_key."""
    cleaned = normal_url(clean_text(url))
    if not cleaned:
        raise CasetrackError(
            "a source needs a URL or a citation, e.g. 'Le Monde, 18 June 2003, p. 3'"
        )
    if published is not None:
        from casetrack.drafts import parsed_date  # an import's sources share their dates

        published = parsed_date(published).text
    return (
        uid or str(uuid.uuid4()),
        cleaned,
        clean_text(title) if title else None,
        clean_text(publisher) if publisher else None,
        published,
        citation_key(cleaned),
    )


def require_source(conn: sqlite3.Connection, ref: str) -> Source:
    """A source by id, URL or citation; a refusal suggests the closest citation or URL."""
    source = find_source(conn, ref)
    if source is None:
        # The closest citation or URL, as a party name's ('Le Monde 4 mars 2021' for
        # 'Le Monde, 4 mars 2021'); a document's source is named by its id, not its hash.
        known = [r[0] for r in conn.execute("SELECT url FROM sources WHERE document_id IS NULL")]
        hint = did_you_mean(ref, known)
        raise NotFoundError(f"no source {clean_text(ref)!r}{hint}: see 'casetrack source list'")
    return source


def get_or_create_source(conn: sqlite3.Connection, ref: str) -> tuple[int, bool]:
    """The source named by id or URL, or a new one for an unseen URL; the flag says it was new."""
    source = find_source(conn, ref)
    if source is not None:
        return source.id, False
    return create_source(conn, ref), True


def _checked_url(url: str) -> str:
    cleaned = normal_url(clean_text(url))
    if cleaned.isdigit():
        raise CasetrackError("a source URL or citation cannot be a bare number (numbers are ids)")
    return cleaned


def _document_of(conn: sqlite3.Connection, source: Source, doing: str) -> None:
    """Refuse to change what a document's own source says of it (its hash, its existence)."""
    row = conn.execute("SELECT document_id FROM sources WHERE id = ?", (source.id,)).fetchone()
    if row and row[0] is not None:
        raise CasetrackError(
            f"source {source.id} is how document {row[0]} is cited: {doing} with"
            f" 'casetrack doc' (see 'casetrack doc show {row[0]}')"
        )


def add_source(
    store: Store,
    url: str,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    *,
    new: bool = False,
) -> Source:
    """Record a source; its URL (or citation) is checked, and one already recorded is refused,
    as is one with a stored citation's words in other case or punctuation, unless `new`
    (--new-source), as add and edit refuse it."""
    _checked_url(url)
    with store.write() as conn:
        if find_source(conn, url) is not None:
            raise CasetrackError(
                f"source {clean_text(url)!r} already exists: see 'casetrack source list'"
            )
        if not new:
            refuse_close_citation(conn, url, "casetrack source add")
        source_id = create_source(conn, url, title, publisher, published)
    return get_source_by_id(store.conn, source_id)


def list_sources(store: Store) -> Iterator[dict[str, Any]]:
    """Every source and how many live milestones cite it, read as the listing is written."""
    # Citations counted in one pass over the source index, less those of trashed milestones
    # (found through the small index of trashed ones), not a count per source.
    rows = store.conn.execute(
        """SELECT s.id, s.uid, s.url, s.title, s.publisher, s.published,
                  coalesce(n.cited, 0) - coalesce(t.cited, 0)
           FROM sources s
           LEFT JOIN (SELECT source_id, count(*) AS cited FROM milestone_sources
                      GROUP BY source_id) n ON n.source_id = s.id
           LEFT JOIN (SELECT ms.source_id, count(*) AS cited
                      FROM milestones m CROSS JOIN milestone_sources ms ON ms.milestone_id = m.id
                      WHERE m.deleted_at IS NOT NULL GROUP BY ms.source_id) t ON t.source_id = s.id
           ORDER BY s.id"""
    )
    for row in rows:
        item = Source(*row[:6]).to_dict()
        item["milestones"] = row[6]
        yield item


def source_widths(conn: sqlite3.Connection) -> dict[str, int]:
    """How wide source list's id, url, title and publisher cells get (see tables.widest)."""
    return widest(
        conn,
        "SELECT max(length(id)), max(length(url)), max(length(coalesce(title, ''))),"
        " max(length(coalesce(publisher, ''))) FROM sources",
        (),
        ("id", "url", "title", "publisher"),
    )


def source_details(store: Store, ref: str) -> dict[str, Any]:
    """A source and the milestones that cite it, in timeline order (read as they are
    listed)."""
    source = require_source(store.conn, ref)
    cited = (
        {"id": r[0], "case": r[1], "date": r[2], "title": r[3], "quote": r[4],
         "page": r[5], "paragraph": r[6]}
        for r in store.conn.execute(
            f"""SELECT m.id, c.slug, m.date, m.title, ms.quote, ms.page, ms.paragraph
               FROM milestone_sources ms
               JOIN milestones m ON m.id = ms.milestone_id AND m.deleted_at IS NULL
               JOIN cases c ON c.id = m.case_id
               WHERE ms.source_id = ?
               ORDER BY {TIMELINE_ORDER}""",
            (source.id,),
        )
    )  # fmt: skip
    return {**source.to_dict(), "milestones": cited}


def edit_source(
    store: Store,
    ref: str,
    *,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    new: bool = False,
) -> tuple[Source, bool]:
    """Change a source's fields; an empty title, publisher or date clears it. A citation with
    another stored one's words in other case or punctuation is refused, as `source add`
    refuses it, unless `new` (--new-source): the two would split the milestones citing them.
    Returns the source and whether it changed: a field given its stored value is not written,
    and a URL given as it is stored is no change (not even of a document's own source)."""
    updates: dict[str, str | None] = {}
    new_url = _checked_url(url) if url is not None else None
    if new_url is not None:
        if not new_url:
            raise CasetrackError("a source needs a URL or a citation: --url cannot be empty")
        updates["url"] = new_url
        updates["citation_key"] = citation_key(new_url)
    for name, value in (("title", title), ("publisher", publisher)):
        if value is not None:
            updates[name] = clean_text(value) or None
    if published is not None:
        from casetrack.dates import parse_date

        updates["published"] = parse_date(published).text if clean_text(published) else None
    if not updates:
        raise nothing_to_change("--title", "source edit")
    with store.write() as conn:
        source = require_source(conn, ref)
        if new_url == source.url:
            new_url = None
            del updates["url"], updates["citation_key"]
        if new_url is not None:
            _document_of(conn, source, "its URL is the document's hash; change the document")
        other = find_source(conn, new_url) if new_url else None
        if other is not None and other.id != source.id:
            raise CasetrackError(
                f"source {other.id} already has the URL {other.url!r}: see 'casetrack source"
                f" show {other.id}'"
            )
        if not new and new_url is not None:
            refuse_close_citation(
                conn, new_url, f"casetrack source edit {source.id}", but=source.id
            )
        changed = set_changed(conn, "sources", source.id, updates)
        return get_source_by_id(conn, source.id), changed


def remove_source(store: Store, ref: str) -> Source:
    """Delete a source; refused while a milestone (even in the trash) cites it."""
    from casetrack.trash import used_by

    with store.write() as conn:
        source = require_source(conn, ref)
        _document_of(conn, source, "remove the document")
        cited = used_by(
            conn, "m.id IN (SELECT milestone_id FROM milestone_sources WHERE source_id = ?)",
            (source.id,),
        )  # fmt: skip
        if cited:
            raise CasetrackError(
                f"source {source.id} is cited by {cited}: unlink it with"
                f" 'casetrack edit ID --remove-source {source.id}' (see 'casetrack source show"
                f" {source.id}')"
            )
        conn.execute("DELETE FROM sources WHERE id = ?", (source.id,))
    return source
