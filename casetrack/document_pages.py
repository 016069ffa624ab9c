"""A registered document and its pages as the store holds them: a document found by id or
hash, a page by its label or position, whether a quote is on a page.

Apart from casetrack.documents (registering, reading and verifying files), so that the writer,
which settles a milestone's citation of a document with these, sits below the documents'
operations that record their quotes' checks through it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from casetrack.errors import CasetrackError, NotFoundError
from casetrack.pages import labels_said
from casetrack.sql import placeholders
from casetrack.text import clean_text, closest, noun

SOURCE_PREFIX = "sha256:"
COLUMNS = (
    "d.id, d.uid, d.sha256, d.size, d.pages, d.media_type, d.path, d.title, d.custodian,"
    " d.bates_first, d.bates_last, c.slug, d.text_layer, d.added_at, d.added_by"
)
SELECT = f"SELECT {COLUMNS} FROM documents d LEFT JOIN cases c ON c.id = d.case_id"


@dataclass
class Document:
    id: int
    uid: str
    sha256: str
    size: int
    pages: int
    media_type: str
    path: str
    title: str
    custodian: str | None = None
    bates_first: str | None = None
    bates_last: str | None = None
    case: str | None = None
    text_layer: str = "text"
    added_at: str = ""
    added_by: str = ""

    @property
    def bates(self) -> str | None:
        """The Bates range (ABC001-ABC120), or the one number when the range is a page."""
        if self.bates_first and self.bates_last and self.bates_first != self.bates_last:
            return f"{self.bates_first}-{self.bates_last}"
        return self.bates_first

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "title": self.title,
            "sha256": self.sha256,
            "size": self.size,
            "pages": self.pages,
            "media_type": self.media_type,
            "path": self.path,
            "custodian": self.custodian,
            "bates_first": self.bates_first,
            "bates_last": self.bates_last,
            "case": self.case,
            "text_layer": self.text_layer,
            "added_at": self.added_at,
            "added_by": self.added_by,
        }


def get_document(conn: sqlite3.Connection, ref: str) -> Document:
    """A document by id or by (the start of, 6 characters at least) its SHA-256."""
    ref = clean_text(ref).removeprefix(SOURCE_PREFIX).lower()
    if ref.isascii() and ref.isdigit() and len(ref) <= 19:
        number = int(ref)  # 19 digits may be past SQLite's largest id: no document
        row = (
            None
            if number >= 2**63
            else conn.execute(SELECT + " WHERE d.id = ?", (number,)).fetchone()
        )
    elif len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref):
        rows = conn.execute(
            SELECT + " WHERE d.sha256 >= ? AND d.sha256 < ? LIMIT 2", (ref, ref + "g")
        ).fetchall()
        if len(rows) > 1:
            raise CasetrackError(f"{ref!r} starts the hash of several documents: give more of it")
        row = rows[0] if rows else None
    else:
        raise CasetrackError(
            f"{ref!r} names no document: give its id or its SHA-256"
            + (_titled(conn, ref) or " (see 'casetrack doc list')")
        )
    if row is None:
        raise NotFoundError(f"no document {ref}: see 'casetrack doc list'")
    return Document(*row)


def _titled(conn: sqlite3.Connection, words: str) -> str:
    """' (did you mean document 9, 'CA Bordeaux judgment'?)' for words close to the title of
    documents (`--cite judgment:2`), or ''."""
    by_title: dict[str, list[str]] = {}
    for document_id, title in conn.execute("SELECT id, title FROM documents ORDER BY id"):
        by_title.setdefault(title, []).append(str(document_id))
    near = closest(words, by_title, n=1)
    if not near:
        return ""
    ids = by_title[near[0]]
    return f" (did you mean {noun(len(ids), 'document')} {', '.join(ids)}, {near[0]!r}?)"


def page_labels(conn: sqlite3.Connection, document_id: int) -> list[str]:
    """A document's printed page labels (iv, 12) in page order: citations name a page by them."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT label FROM document_pages WHERE document_id = ? ORDER BY page_index",
            (document_id,),
        )
    ]


def find_page(conn: sqlite3.Connection, document: Document, ref: str) -> tuple[int, str]:
    """A page of a document as (index, label): by its printed label, or by its position
    with #N. A number no page is labelled is refused, not taken for a position: the page
    there is labelled otherwise, and citing it would cite a page not asked for."""
    ref = clean_text(ref)
    if not ref.startswith("#"):
        for same in ("label = ?", "label = ? COLLATE NOCASE"):  # iv, else IV for iv
            row = conn.execute(
                f"SELECT page_index, label FROM document_pages WHERE document_id = ? AND {same}"
                " ORDER BY page_index LIMIT 1",
                (document.id, ref),
            ).fetchone()
            if row is not None:
                return int(row[0]), str(row[1])
        # A pinpoint as a brief writes it (p. 3, page iv): the page, when no label is that.
        bare = re.sub(r"^(?:pp?\.|pages?\b|p\b)\s*", "", ref, flags=re.IGNORECASE)
        if bare and bare != ref:
            return find_page(conn, document, bare)
    number = ref.removeprefix("#")
    row = None
    if number.isascii() and number.isdigit() and 0 < int(number[:19]) <= document.pages:
        row = conn.execute(
            "SELECT page_index, label FROM document_pages WHERE document_id = ? AND page_index = ?",
            (document.id, int(number)),
        ).fetchone()
        if row is not None and ref.startswith("#"):
            return int(row[0]), str(row[1])
    labels = page_labels(conn, document.id)
    said = labels_said(labels)
    by_index = f"1-{document.pages}" if document.pages > 1 else "1"
    numbers_only = said == by_index
    there = f": #{row[0]} is labelled {row[1]}" if row else ""
    span = re.fullmatch(r"(?:pp?\.|pages?\b|p\b)?\s*(\S+?)\s*[-\u2013]\s*\S+", ref, flags=re.I)
    if span and span[1] in labels:  # pp. 2-3: a range, where a pinpoint is one page
        raise CasetrackError(
            f"a pinpoint is one page of document {document.id}, not the range {ref!r}: give its"
            f" first page, {span[1]}, and say the range in the note"
        )
    raise CasetrackError(
        f"document {document.id} ({document.title}) has no page {ref!r}: its pages are {said}"
        + ("" if numbers_only else f" (or #{by_index} by position{there})")
    )


def page_text(conn: sqlite3.Connection, document_id: int, index: int) -> str | None:
    """A page's text; None when it is not known (no text layer, or not read yet)."""
    row = conn.execute(
        "SELECT text FROM document_pages WHERE document_id = ? AND page_index = ?",
        (document_id, index),
    ).fetchone()
    return str(row[0]) if row and row[0] is not None else None


def quote_found(quote: str | None, text: str | None) -> int | None:
    """What a citation records of its quote: 1 on the page's text, 0 not, None when there is
    no quote or the text is not known (a scan, a document imported without its file)."""
    from casetrack.pages import quote_on

    if not quote or text is None:
        return None
    return int(quote_on(quote, text))


def stale_quote_checks(
    conn: sqlite3.Connection, document_ids: list[int]
) -> list[tuple[int | None, int]]:
    """(what it says now, rowid) of each citation of these documents whose quote checks
    otherwise against its page's text as the store has it now than when it was recorded."""
    marks = placeholders(document_ids)
    rows = conn.execute(
        "SELECT ms.rowid, ms.quote, p.text, ms.quote_found FROM milestone_sources ms"
        " JOIN sources s ON s.id = ms.source_id JOIN document_pages p"
        " ON p.document_id = s.document_id AND p.page_index = ms.page_index"
        f" WHERE s.document_id IN ({marks}) AND ms.quote IS NOT NULL",
        document_ids,
    )
    return [
        (found, rowid)
        for rowid, quote, text, before in rows
        if (found := quote_found(quote, text)) != before
    ]


def quote_pages(conn: sqlite3.Connection, document_id: int, quote: str) -> list[str]:
    """The labels of the pages a quote is on (see pages.quote_on), a page at a time."""
    from casetrack.pages import quote_on

    return [
        label
        for label, text in conn.execute(
            "SELECT label, text FROM document_pages WHERE document_id = ? AND text IS NOT NULL"
            " ORDER BY page_index",
            (document_id,),
        )
        if quote_on(quote, text)
    ]
