"""Documents: files registered by the SHA-256 of their bytes, with their pages' printed
labels and text, cited by milestones at a page.

A document is cited through a source of its own (its URL is `sha256:HEX`, its
`document_id` the document's), so every listing and export that shows a milestone's
sources shows its citations; `milestone_sources.page_index` keeps which page a label
means. Paths are kept relative to the store's folder when the file lies below it.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casetrack.changes import os_user
from casetrack.clock import now
from casetrack.document_pages import (
    COLUMNS,
    SELECT,
    SOURCE_PREFIX,
    Document,
    find_page,
    get_document,
    page_labels,
    stale_quote_checks,
)
from casetrack.errors import CasetrackError
from casetrack.pages import (
    MEDIA_TYPES,
    PdfFile,
    file_facts,
    labels_said,
    media_type,
    read_pages,
    tesseract_ocr,
)
from casetrack.sql import placeholders
from casetrack.store import DEFAULT_PATH, Store
from casetrack.tables import TIMELINE_ORDER
from casetrack.text import clean_text, noun, plural
from casetrack.writer import move_citations, record_quote_checks


@dataclass
class Added:
    """The document a file is, whether it was new, and what the user should know."""

    document: Document
    new: bool
    warnings: list[str] = field(default_factory=list)
    # What was done to a document registered before: re-attached to this file, pages read.
    done: str | None = None


def base_folder(store: Store) -> Path:
    """The folder paths are kept relative to: the store's, or for a store in the default
    place (db/casetrack.db) the folder holding `db`, where `init` was run."""
    path = store.path.resolve()
    if path.parts[-2:] == DEFAULT_PATH.parts:
        return path.parent.parent
    return path.parent


def kept_path(store: Store, path: Path) -> str:
    """How a file's path is stored: relative to base_folder when below it, else absolute."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(base_folder(store)).as_posix()
    except ValueError:
        return str(absolute)


def located(store: Store, document: Document) -> Path:
    """Where a document's file is now expected."""
    path = Path(document.path)
    return path if path.is_absolute() else base_folder(store) / path


def _bates(text: str | None) -> tuple[str | None, str | None]:
    """FIRST-LAST (DEF_0001-DEF_0046) or a single number, checked: same prefix, in order."""

    if text is None or not clean_text(text):
        return None, None
    text = clean_text(text)
    numbered = re.compile(r"(.*?)(\d+)")
    match = re.fullmatch(r"(.*?\d+)\s*-\s*(.*?\d+)", text)
    first, last = match.groups() if match else (text, text)
    a, b = numbered.fullmatch(first), numbered.fullmatch(last)
    if not a or not b or a[1] != b[1] or _number(a[2]) > _number(b[2]):
        raise CasetrackError(
            f"bad Bates range {text!r}: give FIRST-LAST with one prefix, e.g. DEF_0001-DEF_0046"
        )
    return first, last


def _number(digits: str) -> tuple[int, str]:
    """Digits in numeric order, however many (int() refuses past 4,300)."""
    significant = digits.lstrip("0")
    return len(significant), significant


def add_document(
    store: Store,
    path: Path,
    *,
    title: str | None = None,
    custodian: str | None = None,
    bates: str | None = None,
    case: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Added:
    """Register a file; the same bytes again (wherever they lie) give the document there is.

    Its pages are read one at a time into the store inside the write, so a refusal or a
    failure on any page leaves nothing behind. `progress(done, total)` follows the pages.
    """
    from casetrack.cases import require_case_id
    from casetrack.sources import create_source

    facts = file_facts(path)
    first, last = _bates(bates)
    warnings: list[str] = []
    with store.write() as conn:
        known = conn.execute(SELECT + " WHERE d.sha256 = ?", (facts.sha256,)).fetchone()
        if known is not None:
            return _registered(store, Document(*known), path)
        case_id = require_case_id(conn, case) if case else None
        kind = media_type(path)
        read_by_ocr: list[int] = []

        def ocr(pdf: PdfFile, index: int) -> str:
            read_by_ocr.append(index)
            return tesseract_ocr(pdf, index)

        with_ocr = kind == "pdf" and shutil.which("tesseract") is not None
        count, pages = read_pages(path, kind, ocr if with_ocr else None)
        name = clean_text(title) if title and clean_text(title) else path.name
        cursor = conn.execute(
            "INSERT INTO documents (uid, sha256, size, pages, media_type, path, title, custodian,"
            " bates_first, bates_last, case_id, added_at, added_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), facts.sha256, facts.size, count, kind, kept_path(store, path),
             name, clean_text(custodian) or None if custodian else None, first, last, case_id,
             now(), os_user()),
        )  # fmt: skip
        document_id = int(cursor.lastrowid or 0)
        warnings += _path_taken(conn, kept_path(store, path), path, document_id)
        with_text = 0
        for page in pages:
            conn.execute(
                "INSERT INTO document_pages (document_id, page_index, label, text)"
                " VALUES (?, ?, ?, ?)",
                (document_id, page.index, page.label, page.text or None),
            )
            with_text += bool(page.text.strip())
            if progress is not None:
                progress(page.index, count)
        if not with_text:
            layer = "none"
            warnings.append(
                f"{path.name} has no text layer (a scan?): registered, but its pages cannot be"
                " searched or quoted" + ("" if with_ocr else " (install tesseract to read scans)")
            )
        else:
            layer = "ocr" if read_by_ocr else "text"
        conn.execute("UPDATE documents SET text_layer = ? WHERE id = ?", (layer, document_id))
        # A citation imported before its document was registered names it by hash already.
        if not conn.execute(
            "UPDATE sources SET document_id = ? WHERE url = ? AND document_id IS NULL",
            (document_id, SOURCE_PREFIX + facts.sha256),
        ).rowcount:
            create_source(conn, SOURCE_PREFIX + facts.sha256, title=name, document_id=document_id)
        return Added(get_document(conn, str(document_id)), new=True, warnings=warnings)


def _path_taken(conn: sqlite3.Connection, kept: str, path: Path, new: int) -> list[str]:
    """A warning when documents were registered from this path with other bytes: the file
    changed (or was replaced) since, so this is a new document, and those no longer have
    their file, which `doc verify` will say until `doc replace` moves their citations."""
    ids = [
        str(r[0])
        for r in conn.execute("SELECT id FROM documents WHERE path = ? AND id != ?", (kept, new))
    ]
    if not ids:
        return []
    named = f"{noun(len(ids), 'document')} {', '.join(ids)}"
    replace = f"'casetrack doc replace {ids[0] if len(ids) == 1 else 'OLD'} {new}'"
    return [
        f"{path.name} was registered with other bytes as {named}: the file changed since, so"
        f" this is a new document ('casetrack doc verify {' '.join(ids)}' says changed until"
        f" {replace} moves {'its' if len(ids) == 1 else 'their'} citations here)"
    ]


def _registered(store: Store, document: Document, path: Path) -> Added:
    """The same bytes as a registered document: when its file is not where the store says
    (an imported store, a folder moved) or not with these bytes, it is re-attached to this
    one, and pages never read (an import without the file) are read from it."""
    before = located(store, document)
    try:
        attached = file_facts(before).sha256 == document.sha256
    except (OSError, CasetrackError):
        attached = False
    if not attached:
        store.conn.execute(
            "UPDATE documents SET path = ? WHERE id = ?", (kept_path(store, path), document.id)
        )
        document = get_document(store.conn, str(document.id))
    read = _read_text_again(store, document)
    pages = f"read the text of its {plural(document.pages, 'page')}" if read else ""
    if not attached:
        said = f"re-attached document {document.id} ({document.title}) to {document.path}:"
        done = f"{said} its file was not at {before}" + (f"; {pages}" if pages else "")
    elif read:
        done = f"document {document.id} ({document.title}): {pages}"
    else:
        done = None
    return Added(document, new=False, done=done)


def document_records(
    conn: sqlite3.Connection, ids: list[int] | None = None
) -> Iterator[dict[str, Any]]:
    """Documents as the exchange format writes them (all, or these ids), in id order: what
    identifies the file and its pages, and the uid of the source it is cited through."""
    where = "" if ids is None else f" WHERE d.id IN ({placeholders(ids)})"
    rows = conn.execute(
        f"SELECT {COLUMNS}, s.uid FROM documents d LEFT JOIN cases c ON c.id = d.case_id"
        f" LEFT JOIN sources s ON s.document_id = d.id{where} ORDER BY d.id",
        ids or [],
    ).fetchall()
    for row in rows:
        record = Document(*row[:-1]).to_dict()
        del record["id"]
        record["labels"] = page_labels(conn, row[0])
        record["source"] = row[-1]
        yield record


_EDITABLE = ("title", "custodian", "bates_first", "bates_last")


def import_document(
    store: Store,
    record: dict[str, Any],
    source_uid: str,
    unread: list[str] | None = None,
    changed: list[str] | None = None,
) -> str:
    """Write a document record of an export (document_records), inside the import's write:
    'added', 'updated' (its title, custodian or Bates range) or 'unchanged'. Its pages get
    their labels; their text is read from the file when it is where the record says, with
    the same hash, else left unknown until 'casetrack doc add' is given the file (its path
    is then added to `changed` when a file with other bytes is there, else to `unread`)."""
    from casetrack.drafts import check_uid
    from casetrack.sources import create_source

    conn = store.conn
    sha256 = str(record.get("sha256") or "").lower()
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise CasetrackError("a document needs its sha256: 64 hexadecimal digits")
    texts = {k: _text_field(record, k) for k in ("path", "title", "media_type", *_EDITABLE)}
    size, pages, labels = record.get("size"), record.get("pages"), record.get("labels")
    if type(size) is not int or size < 0 or type(pages) is not int or pages < 1:
        raise CasetrackError("a document needs its size (bytes) and pages (1 or more)")
    if labels is None:
        labels = [str(i) for i in range(1, pages + 1)]
    if (
        not isinstance(labels, list)
        or len(labels) != pages
        or not all(isinstance(label, str) and clean_text(label) for label in labels)
    ):
        raise CasetrackError(f"a document's labels must be {pages} page labels (text)")
    if texts["media_type"] not in MEDIA_TYPES or not texts["path"]:
        raise CasetrackError(f"a document needs a path and a media_type ({', '.join(MEDIA_TYPES)})")
    known = conn.execute(
        f"SELECT id, {', '.join(_EDITABLE)} FROM documents WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if known is not None:
        given = {k: texts[k] for k in _EDITABLE if texts[k] is not None}
        if all(known[1 + _EDITABLE.index(k)] == v for k, v in given.items()):
            return "unchanged"
        assignments = ", ".join(f"{k} = ?" for k in given)
        conn.execute(
            f"UPDATE documents SET {assignments} WHERE id = ?", (*given.values(), known[0])
        )
        return "updated"
    case = _text_field(record, "case")
    case_id = None
    if case:
        row = conn.execute("SELECT id FROM cases WHERE slug = ?", (case,)).fetchone()
        case_id = row[0] if row else None
    layer = _text_field(record, "text_layer") or "text"
    cursor = conn.execute(
        "INSERT INTO documents (uid, sha256, size, pages, media_type, path, title, custodian,"
        " bates_first, bates_last, case_id, text_layer, added_at, added_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (check_uid(_text_field(record, "uid")), sha256, size, pages, texts["media_type"],
         texts["path"], texts["title"] or sha256[:12], texts["custodian"], texts["bates_first"],
         texts["bates_last"], case_id, layer if layer in ("text", "none", "ocr") else "text",
         _text_field(record, "added_at") or now(), _text_field(record, "added_by") or os_user()),
    )  # fmt: skip
    document_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT INTO document_pages (document_id, page_index, label) VALUES (?, ?, ?)",
        [(document_id, i, clean_text(label)) for i, label in enumerate(labels, 1)],
    )
    document = get_document(conn, str(document_id))
    if not _read_text_again(store, document) and layer != "none":
        there = changed if located(store, document).is_file() else unread
        if there is not None:
            there.append(document.path)
    url = SOURCE_PREFIX + sha256
    if not conn.execute(
        "UPDATE sources SET document_id = ? WHERE (uid = ? OR url = ?) AND document_id IS NULL",
        (document_id, source_uid, url),
    ).rowcount:
        create_source(conn, url, title=document.title, uid=source_uid, document_id=document_id)
    return "added"


def _text_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise CasetrackError(f"a document's {key} must be text")
    return clean_text(value) or None if value else None


def _read_text_again(store: Store, document: Document) -> bool:
    """Fill in the text of a document's pages from its file, if it is there with the same
    bytes and the pages have no text yet (an imported document); whether it did."""
    conn = store.conn
    if (
        document.text_layer == "none"
        or conn.execute(
            "SELECT 1 FROM document_pages WHERE document_id = ? AND text IS NOT NULL LIMIT 1",
            (document.id,),
        ).fetchone()
    ):
        return False
    file = located(store, document)
    try:
        if file_facts(file).sha256 != document.sha256:
            return False
        count, pages = read_pages(file, document.media_type)
    except (OSError, CasetrackError):
        return False
    if count != document.pages:
        return False
    for page in pages:
        conn.execute(
            "UPDATE document_pages SET text = ? WHERE document_id = ? AND page_index = ?",
            (page.text or None, document.id, page.index),
        )
    recheck_quotes(conn, [document.id])  # quotes cited before the text was known
    return True


def list_documents(store: Store) -> Iterator[dict[str, Any]]:
    """Every document, with how many live milestones cite it, read as the listing is
    written."""
    rows = store.conn.execute(
        f"""SELECT {COLUMNS}, (SELECT count(*) FROM milestone_sources ms
               JOIN sources s ON s.id = ms.source_id AND s.document_id = d.id
               JOIN milestones m ON m.id = ms.milestone_id AND m.deleted_at IS NULL)
            FROM documents d LEFT JOIN cases c ON c.id = d.case_id ORDER BY d.id"""
    )
    return ({**Document(*row[:-1]).to_dict(), "bates": Document(*row[:-1]).bates,
             "cited": row[-1]} for row in rows)  # fmt: skip


def document_details(store: Store, ref: str) -> dict[str, Any]:
    """A document, its page labels, and the milestones citing it, in timeline order (read as
    they are listed)."""
    document = get_document(store.conn, ref)
    labels = page_labels(store.conn, document.id)
    citing = (
        {"id": r[0], "case": r[1], "date": r[2], "title": r[3], "page": r[4],
         "page_index": r[5], "quote": r[6], "quote_found": None if r[7] is None else bool(r[7])}
        for r in store.conn.execute(
            f"""SELECT m.id, c.slug, m.date, m.title, ms.page, ms.page_index, ms.quote,
                ms.quote_found
                FROM sources s JOIN milestone_sources ms ON ms.source_id = s.id
                JOIN milestones m ON m.id = ms.milestone_id AND m.deleted_at IS NULL
                JOIN cases c ON c.id = m.case_id
                WHERE s.document_id = ? ORDER BY {TIMELINE_ORDER}""",
            (document.id,),
        )
    )  # fmt: skip
    record = document.to_dict()
    at = list(record).index("bates_last") + 1  # the range beside its two ends
    return {
        **dict(list(record.items())[:at]),
        "bates": document.bates,
        **dict(list(record.items())[at:]),
        "page_labels": labels_said(labels),
        "file": str(located(store, document)),
        "milestones": citing,
    }


def recheck_quotes(conn: sqlite3.Connection, document_ids: list[int]) -> int:
    """Record again whether each quote of these documents' citations is on its page, inside
    the caller's write (their pages were read, or a check predates the column); how many
    changed."""
    stale = stale_quote_checks(conn, document_ids)
    record_quote_checks(conn, stale)
    return len(stale)


@dataclass(frozen=True)
class Verified:
    document: Document
    file: Path
    status: str  # unchanged, changed, missing
    quotes_not_found: int = 0  # quotes cited from it that are not on their page
    resolve: str = ""  # what to do, for a document changed or missing

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.document.id, "title": self.document.title, "status": self.status,
                "path": str(self.file), "sha256": self.document.sha256,
                "resolve": self.resolve or None}  # fmt: skip


def _resolve(
    conn: sqlite3.Connection, document: Document, file: Path, status: str, now_sha: str
) -> str:
    """How to end a document's 'changed' or 'missing' for good: the commands that do, for
    this document (cited or not, its file's bytes now registered or not)."""
    if status == "unchanged":
        return ""
    me = document.id
    (cited,) = conn.execute(
        "SELECT count(*) FROM milestone_sources ms JOIN sources s ON s.id = ms.source_id"
        " WHERE s.document_id = ?",
        (me,),
    ).fetchone()
    if status == "missing":
        fix = "'casetrack doc add FILE' with the file where it is now re-attaches it (same bytes)"
        if cited:
            return f"{fix}; or 'casetrack doc replace {me} NEW' moves its citations to document NEW"
        return f"{fix}; or 'casetrack doc rm {me}' forgets it"
    now = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (now_sha,)).fetchone()
    keep = "a copy of its original bytes, given to 'casetrack doc add COPY', re-attaches it"
    if now is not None:  # the file as it is now was registered: a document of its own
        if not cited:
            return (
                f"the file is now document {now[0]}: 'casetrack doc rm {me}' forgets this one"
                f" (or {keep})"
            )
        return (
            f"the file is now document {now[0]}: 'casetrack doc replace {me} {now[0]}' moves its"
            f" {plural(cited, 'citation')} to document {now[0]} and forgets this one (or {keep})"
        )
    path = str(file) if shlex.quote(str(file)) == str(file) else '"' + str(file) + '"'
    register = f"'casetrack doc add {path}' registers the file as it is now"
    if not cited:
        return f"'casetrack doc rm {me}' forgets it ({register}; or {keep})"
    return (
        f"{register} (document NEW), then 'casetrack doc replace {me} NEW' moves its"
        f" {plural(cited, 'citation')} there and forgets this one (or {keep})"
    )


def verify_documents(store: Store, refs: list[str]) -> list[Verified]:
    """Hash each document's file again: unchanged, changed (other bytes) or missing. The
    quotes cited from them are checked again against their pages too (a write, recorded,
    only when one checks otherwise than recorded: a store made before quotes were checked)."""
    conn = store.conn
    if refs:
        documents = [get_document(conn, ref) for ref in refs]
    else:
        documents = [Document(*r) for r in conn.execute(SELECT + " ORDER BY d.id")]
    ids = [d.id for d in documents]
    if ids and stale_quote_checks(conn, ids):
        with store.write() as writing:
            recheck_quotes(writing, ids)
    results = []
    for document in documents:
        file = located(store, document)
        sha256 = ""
        try:
            sha256 = file_facts(file).sha256
            status = "unchanged" if sha256 == document.sha256 else "changed"
        except OSError:
            status = "missing"
        (not_found,) = conn.execute(
            "SELECT count(*) FROM milestone_sources ms JOIN sources s ON s.id = ms.source_id"
            " WHERE s.document_id = ? AND ms.quote_found = 0",
            (document.id,),
        ).fetchone()
        resolve = _resolve(conn, document, file, status, sha256)
        results.append(Verified(document, file, status, not_found, resolve))
    return results


@dataclass(frozen=True)
class Replaced:
    old: Document
    new: Document
    moved: int  # citations moved from old to new
    quotes_not_found: int  # of those, quotes not on their page of the new document


def replace_document(store: Store, old_ref: str, new_ref: str) -> Replaced:
    """Have the milestones citing document `old_ref` cite `new_ref` instead, at the page of
    the same label, their quotes checked against its pages, and forget the old document (its
    file changed, and the new bytes are the new document). One write: undo restores both.
    Refused, writing nothing, when the new document has no page a citation names or a
    milestone cites both."""
    from casetrack.document_pages import quote_found

    with store.write() as conn:
        old, new = get_document(conn, old_ref), get_document(conn, new_ref)
        if old.id == new.id:
            raise CasetrackError(f"document {old.id} cannot replace itself: give two documents")
        (old_source,) = conn.execute(
            "SELECT id FROM sources WHERE document_id = ?", (old.id,)
        ).fetchone() or (None,)
        (new_source,) = conn.execute(
            "SELECT id FROM sources WHERE document_id = ?", (new.id,)
        ).fetchone()
        citations = conn.execute(
            "SELECT rowid, milestone_id, page, quote FROM milestone_sources WHERE source_id = ?"
            " ORDER BY milestone_id",
            (old_source,),
        ).fetchall()
        labels = dict(
            conn.execute(
                "SELECT label, page_index FROM document_pages WHERE document_id = ?"
                " ORDER BY page_index DESC",
                (new.id,),
            ).fetchall()
        )
        both = [
            str(m) for _, m, _, _ in citations
            if conn.execute(
                "SELECT 1 FROM milestone_sources WHERE milestone_id = ? AND source_id = ?",
                (m, new_source),
            ).fetchone()
        ]  # fmt: skip
        if both:
            raise CasetrackError(
                f"{noun(len(both), 'milestone')} {', '.join(both)} cite both documents {old.id}"
                f" and {new.id}: remove one citation first ('casetrack edit ID --remove-cite"
                f" {old.id}')"
            )
        lost = [(m, page) for _, m, page, _ in citations if page and page not in labels]
        if lost:
            m, page = lost[0]
            raise CasetrackError(
                f"document {new.id} has no page {page!r}, cited from document {old.id} by"
                f" milestone {m}: cite another page first ('casetrack edit {m} --remove-cite"
                f" {old.id} --cite {new.id}:PAGE')"
            )
        not_found = 0
        moves = []
        for rowid, _, page, quote in citations:
            index = labels.get(page) if page else None
            found = None
            if quote and index is not None:
                (text,) = conn.execute(
                    "SELECT text FROM document_pages WHERE document_id = ? AND page_index = ?",
                    (new.id, index),
                ).fetchone()
                found = quote_found(quote, text)
                not_found += found == 0
            moves.append((new_source, index, found, rowid))
        move_citations(conn, moves)
        conn.execute("DELETE FROM sources WHERE document_id = ?", (old.id,))
        conn.execute("DELETE FROM document_pages WHERE document_id = ?", (old.id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (old.id,))
    return Replaced(old, new, len(citations), not_found)


def remove_document(store: Store, ref: str) -> Document:
    """Forget a document, its pages and its source; refused while a milestone cites it."""
    from casetrack.trash import used_by

    with store.write() as conn:
        document = get_document(conn, ref)
        cited = used_by(
            conn,
            "m.id IN (SELECT ms.milestone_id FROM milestone_sources ms JOIN sources s"
            " ON s.id = ms.source_id WHERE s.document_id = ?)",
            (document.id,),
        )
        if cited:
            raise CasetrackError(
                f"document {document.id} is cited by {cited}: remove those citations first"
                f" ('casetrack doc show {document.id}' lists them)"
            )
        conn.execute("DELETE FROM sources WHERE document_id = ?", (document.id,))
        conn.execute("DELETE FROM document_pages WHERE document_id = ?", (document.id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (document.id,))
    return document


def open_document(store: Store, ref: str, page: str | None) -> tuple[Path, int | None, str | None]:
    """Where a document's file is, and the page (index, label) asked for, if any."""
    document = get_document(store.conn, ref)
    file = located(store, document)
    if page is None:
        return file, None, None
    index, label = find_page(store.conn, document, page)
    return file, index, label
