"""Milestones proposed from an article, checked against the store and added to a case.

casetrack.extract reads text and knows nothing of a store. This module gives it the
parties the store knows, and writes what the user accepts in ONE transaction, so one
`casetrack undo` takes back a whole extraction.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from casetrack.cases import require_case_id
from casetrack.dates import DateValue, parse_date
from casetrack.drafts import Citation, Draft, PartySpec, optional_text, required_title
from casetrack.errors import CasetrackError
from casetrack.limits import MAX_TEXT, too_long
from casetrack.milestones import MilestoneChange, add_milestone, edit_milestone
from casetrack.pages import is_html
from casetrack.parties import (
    add_aliases,
    create_party,
    find_party_id,
    kind_of_new_party,
    refuse_close,
)
from casetrack.sources import find_source
from casetrack.store import Store
from casetrack.text import blank_controls, clean_text, name_key, unreadable_file
from casetrack.writer import check_kind

if TYPE_CHECKING:
    from casetrack.extract import Candidate, NewParty

# A word a PDF cut at a line end, joined again for the sentences read from it.
_LINE_END_HYPHEN = re.compile(r"(\w)-\n(\w)")


def article_text(data: bytes, name: str) -> str:
    """The text to read dates from: UTF-8, HTML reduced to its visible text (by the file
    name or its first tag: pages.is_html), control characters blanked."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CasetrackError(f"{name} is not UTF-8 text: save it as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_html(name, text):
        from casetrack.extract import html_to_text

        text = html_to_text(text)
    if len(text) > MAX_TEXT:
        raise too_long(name, "its text", MAX_TEXT)
    return blank_controls(text)


@dataclass
class ExtractText:
    """The text an extraction reads and, when it has pages (a PDF, a registered document),
    each page's label and text, to tell which page a sentence is on; with the document to
    cite (an id) or the PDF to register when the proposals are applied."""

    text: str
    name: str
    pages: list[tuple[str, str]] = field(default_factory=list)
    document: str | None = None
    register: Path | None = None

    @classmethod
    def of_bytes(cls, data: bytes, name: str) -> ExtractText:
        """A text file's or stdin's bytes: one text, no pages."""
        return cls(article_text(data, name), name)

    @classmethod
    def of_document(cls, conn: sqlite3.Connection, ref: str) -> ExtractText:
        """A registered document's stored pages, cited by its id; one with no text (a scan) is
        refused."""
        from casetrack.document_pages import get_document

        document = get_document(conn, ref)
        pages = [
            (str(label), str(text or ""))
            for label, text in conn.execute(
                "SELECT label, text FROM document_pages WHERE document_id = ? ORDER BY page_index",
                (document.id,),
            )
        ]
        if not any(text.strip() for _, text in pages):
            raise CasetrackError(
                f"document {document.id} ({document.title}) has no text to read: a scan, or"
                " imported without its file ('casetrack doc add FILE' reads it again)"
            )
        return cls(_joined(pages, document.title), document.title, pages, str(document.id))

    @classmethod
    def of_file(cls, store: Store | None, file: str, read: Callable[[str], bytes]) -> ExtractText:
        """A registered file is read as its document; a PDF page by page; else as text."""
        from casetrack.pages import file_facts, media_type, read_pages

        path = Path(file)
        try:
            kind = media_type(path)
            sha256 = file_facts(path).sha256 if store is not None else None
        except (OSError, ValueError) as err:  # ValueError: a NUL in the name
            said = unreadable_file(file, err) if isinstance(err, OSError) else str(err)
            raise CasetrackError(f"cannot read {file}: {said}") from None
        known = (
            sha256
            and store
            and store.conn.execute(
                "SELECT id FROM documents WHERE sha256 = ?", (sha256,)
            ).fetchone()
        )
        if store is not None and known:
            return cls.of_document(store.conn, str(known[0]))
        if kind != "pdf":
            return cls.of_bytes(read(file), file)
        _, pages = read_pages(path, kind)
        read_in = [(page.label, page.text) for page in pages]
        return cls(_joined(read_in, file), file, read_in, register=path)

    def cited(
        self, source: str | None, file: str | None
    ) -> tuple[str | None, str | None, Path | None]:
        """What the proposals cite, as apply_proposals takes it (source, document, file to
        register): --source when given; else the document read (registered, or the PDF
        registered as they are applied) at each sentence's page; else the file read, by its
        absolute path, so the source says which file wherever the command ran (stdin: none)."""
        if source is None and (self.document is not None or self.register is not None):
            return None, self.document, self.register
        if source is not None or file in (None, "-"):
            return source, None, None
        return os.path.abspath(str(file)), None, None

    def pages_of(self, sentences: list[str]) -> list[int | None]:
        """The position of the page each sentence is on (None without pages)."""
        from casetrack.pages import locate

        if not self.pages:
            return [None] * len(sentences)
        return locate(sentences, [text for _, text in self.pages])

    def label(self, index: int | None) -> tuple[str, int] | None:
        """A page position as (printed label, position)."""
        return None if index is None else (self.pages[index - 1][0], index)


def _joined(pages: list[tuple[str, str]], name: str) -> str:
    """Pages as one text, a paragraph break between two, so no sentence runs across, and
    words cut at a line end whole again."""
    text = _LINE_END_HYPHEN.sub(r"\1\2", "\n\n".join(page for _, page in pages))
    if len(text) > MAX_TEXT:
        raise too_long(name, "its text", MAX_TEXT)
    return blank_controls(text)


def known_parties(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """(name, aliases) of every party, for extract() to recognise them in the text."""
    parties: dict[int, tuple[str, list[str]]] = {
        row[0]: (row[1], []) for row in conn.execute("SELECT id, name FROM parties ORDER BY id")
    }
    for party_id, alias in conn.execute("SELECT party_id, alias FROM party_aliases ORDER BY id"):
        parties[party_id][1].append(alias)
    return list(parties.values())


@dataclass
class Proposal:
    """A candidate milestone as it will be written, after the user's edits if any."""

    date: str  # EDTF as stored, so it compares with the case's milestones as text
    title: str
    kind: str
    quote: str
    parties: list[str] = field(default_factory=list)
    new_parties: list[NewParty] = field(default_factory=list)
    unsure: bool = False
    citations: list[str] = field(default_factory=list)  # cited decisions: sources to link
    page: int | None = None  # the position of the document's page the sentence is on
    shares_sentence: bool = False  # the sentence gives another candidate's date too

    @classmethod
    def all_of(cls, candidates: list[Candidate], pages: list[int | None]) -> list[Proposal]:
        """One a candidate, on the page given for it. A date the text only gives relative to
        another one, or roughly, is unsure."""
        told = Counter(candidate.sentence for candidate in candidates)
        return [
            cls(
                candidate.date,
                candidate.title,
                candidate.kind,
                candidate.sentence,
                list(candidate.parties),
                list(candidate.new_parties),
                candidate.approximate or candidate.anchor is not None,
                list(candidate.citations),
                page,
                told[candidate.sentence] > 1,
            )
            for candidate, page in zip(candidates, pages, strict=True)
        ]

    def with_parties(self, conn: sqlite3.Connection, typed: str) -> Proposal:
        """The parties the user typed instead ('; ' between them, '-' for none): each a
        party of the store, by name or alias, one the text introduced, or else a new one
        (of the kind its name says: kind_of_new_party), unless its name is close to a known
        party's."""
        from casetrack.extract import NewParty

        names = [] if typed.strip() == "-" else [n for n in map(clean_text, typed.split(";")) if n]
        introduced = {name_key(p.name): p for p in self.new_parties}
        parties: list[str] = []
        new_parties: list[NewParty] = []
        for name in names:
            party_id = find_party_id(conn, name)
            if party_id is not None:
                name = _party_name(conn, party_id)
            else:
                new = introduced.get(name_key(name))
                if new is None:
                    refuse_close(conn, name, "add it first with 'casetrack party add'")
                    new = NewParty(name, kind=kind_of_new_party(name))
                name = new.name
                new_parties.append(new)
            if name not in parties:
                parties.append(name)
        return replace(self, parties=parties, new_parties=new_parties)

    def edited(self, date: DateValue, title: str, kind: str) -> Proposal:
        """A date the user typed is theirs: unsure only if they mark it so (~ or ?)."""
        unsure = self.unsure if date.text == self.date else date.approximate or date.uncertain
        return replace(self, date=date.text, title=required_title(title), kind=kind, unsure=unsure)


def check_case_and_source(store: Store, case: str, source: str | None) -> None:
    """Refuse an unknown case or source before anything is asked or written."""
    require_case_id(store.conn, case, to_add=True)
    if source is not None:
        if not clean_text(source):
            raise CasetrackError("--source needs a URL, a citation or a source id")
        find_source(store.conn, source)


@dataclass
class ApplyReport:
    """What one run added, so the CLI can tell the user."""

    added: list[int] = field(default_factory=list)
    skipped: int = 0
    new_parties: list[NewParty] = field(default_factory=list)
    new_source: str | None = None
    cited: list[str] = field(default_factory=list)  # new sources: decisions the text cites
    published_set: bool = False
    cited_again: list[int] = field(default_factory=list)  # milestones skipped, given the source
    trashed: list[int] = field(default_factory=list)  # proposals deleted before, in the trash
    document: int | None = None  # the document cited, if registered by this run
    warnings: list[str] = field(default_factory=list)


def apply_proposals(
    store: Store,
    case: str,
    proposals: list[Proposal],
    *,
    source: str | None,
    published: str | None = None,
    document: str | None = None,
    register: Path | None = None,
    cite_again: bool = True,
) -> ApplyReport:
    """Add the proposals to `case`, citing `source` with each sentence as the quote, or
    the `document` (an id; or the file `register`, registered first) at the page each
    sentence is on.

    One already in the case (same date, kind and title, or quoting the same sentence: see
    in_case) is skipped, so running an extraction again adds nothing twice,
    even after an edit; it cites `source` too if it did not (unless not `cite_again`: the
    file's path, cited when no source was given). Organisations the text
    introduces are created when a milestone added names them. The decisions the sentence
    cites are linked as sources too, one per citation (titled with it), found again on a
    later run. The source gets the article's dateline as its publication date unless it
    has one.
    """
    report = ApplyReport()
    with store.write() as conn:
        case_id = require_case_id(conn, case, to_add=True)
        if register is not None:
            from casetrack.documents import add_document

            registered = add_document(store, register)
            document = str(registered.document.id)
            report.document = registered.document.id if registered.new else None
            report.warnings += registered.warnings
        for proposal in proposals:
            existing = in_case(conn, case_id, proposal)
            if existing is not None and existing.trashed:
                report.trashed.append(existing.id)
                continue
            if existing is not None:
                report.skipped += 1
                cited_too = (
                    _cite_too(store, existing.id, proposal, source)
                    if source and cite_again
                    else None
                )
                if cited_too is not None:
                    report.cited_again.append(existing.id)
                    report.new_source = report.new_source or next(iter(cited_too), None)
                continue
            parties = [_party_to_link(conn, name, proposal, report) for name in proposal.parties]
            added = add_milestone(
                store,
                Draft(
                    case,
                    proposal.date,
                    proposal.title,
                    kind=proposal.kind,
                    parties=[PartySpec(name) for name in parties],
                    sources=[
                        *_citation(proposal, source, document),
                        *(Citation(c, new=True) for c in proposal.citations if c != source),
                    ],
                    status="unsure" if proposal.unsure else "undisputed",
                ),
            )
            report.added.append(added.milestone_id)
            for citation in proposal.citations:
                _title_citation(conn, citation)
            report.cited.extend(s for s in added.new_sources if s in proposal.citations)
            new_sources = [s for s in added.new_sources if s not in proposal.citations]
            report.warnings += added.warnings
            report.new_source = report.new_source or next(iter(new_sources), None)
        if (report.added or report.cited_again) and source and published and document is None:
            cited = find_source(conn, source)
            assert cited is not None  # linked above
            report.published_set = _set_published(conn, cited.id, published)
    return report


def _citation(proposal: Proposal, source: str | None, document: str | None) -> list[Citation]:
    if document is not None:
        page = f"#{proposal.page}" if proposal.page else None
        return [Citation("", proposal.quote, page, document=document)]
    # As the text or --source says it: a citation close to a known one is not refused here,
    # `extract` having no --new-source to take it all the same.
    return [Citation(source, proposal.quote, new=True)] if source else []


def _cite_too(store: Store, milestone_id: int, proposal: Proposal, source: str) -> list[str] | None:
    """A milestone the case has from an earlier run cites this run's source as well (with
    the sentence as its quote), unless it cites it already (None); the sources created."""
    cited = find_source(store.conn, source)
    if (
        cited is not None
        and store.conn.execute(
            "SELECT 1 FROM milestone_sources WHERE milestone_id = ? AND source_id = ?",
            (milestone_id, cited.id),
        ).fetchone()
    ):
        return None
    change = MilestoneChange(add_sources=_citation(proposal, source, None))
    return edit_milestone(store, milestone_id, change).new_sources


class Found(NamedTuple):
    """The milestone of the case a proposal is, and whether it was deleted (in the trash)."""

    id: int
    trashed: bool


def in_case(conn: sqlite3.Connection, case_id: int, proposal: Proposal) -> Found | None:
    """The case's milestone this proposal is, a live one first, else one deleted (the
    proposal rejected after it was added: it is not added again): one of the same date,
    kind and title; one quoting the same sentence (the proposal accepted with an edit, or
    edited since: its quote stays the sentence) and, when the sentence gives other dates
    too, of the same date; or the same event told by another text: of the same date and
    kind, naming one of the parties the sentence names (or, naming none, linking none)."""
    kind = check_kind(conn, proposal.kind)
    found_ids = (find_party_id(conn, name) for name in proposal.parties)
    parties = sorted({party_id for party_id in found_ids if party_id is not None})
    found = conn.execute(
        "SELECT m.id, m.deleted_at IS NOT NULL FROM milestones m WHERE m.case_id = ? AND"
        " ((m.date = ? AND m.kind = ? AND m.title = ?) OR ((m.date = ? OR NOT ?) AND EXISTS"
        " (SELECT 1 FROM milestone_sources ms WHERE ms.milestone_id = m.id AND ms.quote = ?))"
        " OR (m.date = ? AND m.kind = ? AND (EXISTS (SELECT 1 FROM milestone_parties mp"
        " WHERE mp.milestone_id = m.id AND mp.party_id IN (SELECT value FROM json_each(?)))"
        " OR (? AND NOT EXISTS (SELECT 1 FROM milestone_parties mp"
        " WHERE mp.milestone_id = m.id))))) ORDER BY m.deleted_at IS NOT NULL, m.id LIMIT 1",
        (case_id, proposal.date, kind, required_title(proposal.title),
         proposal.date, proposal.shares_sentence, optional_text(proposal.quote),
         proposal.date, kind, "[" + ",".join(map(str, parties)) + "]", not proposal.parties),
    )  # fmt: skip
    row = found.fetchone()
    return None if row is None else Found(int(row[0]), bool(row[1]))


def _party_to_link(
    conn: sqlite3.Connection, name: str, proposal: Proposal, report: ApplyReport
) -> str:
    """The stored name of a party the sentence names; one the text introduced is found by
    its name or acronym, else created (of the kind its shape says, with the acronym)."""
    new = next((p for p in proposal.new_parties if p.name == name), None)
    if new is None:
        return name
    party_id = find_party_id(conn, new.name)
    if party_id is None and new.alias:
        party_id = find_party_id(conn, new.alias)
    if party_id is None:
        party_id = create_party(conn, new.name, new.kind)
        if new.alias:
            add_aliases(conn, party_id, [new.alias])
        report.new_parties.append(new)
    return _party_name(conn, party_id)


def _party_name(conn: sqlite3.Connection, party_id: int) -> str:
    return str(conn.execute("SELECT name FROM parties WHERE id = ?", (party_id,)).fetchone()[0])


def _title_citation(conn: sqlite3.Connection, citation: str) -> None:
    """A cited decision's source is titled with its citation, unless the user titled it."""
    conn.execute(
        "UPDATE sources SET title = url WHERE url = ? AND title IS NULL", (clean_text(citation),)
    )


def _set_published(conn: sqlite3.Connection, source_id: int, published: str) -> bool:
    cursor = conn.execute(
        "UPDATE sources SET published = ? WHERE id = ? AND published IS NULL",
        (parse_date(published).text, source_id),
    )
    return cursor.rowcount > 0
