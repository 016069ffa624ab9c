"""`casetrack extract`: propose milestones from the text of a news report or judgment."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from casetrack.cli.common import (
    OutputFormat,
    choice_option,
    existing_store,
    open_store,
    out,
    say,
)
from casetrack.errors import CasetrackError
from casetrack.text import plural

if TYPE_CHECKING:
    from casetrack.extract import Candidate, Extraction, NewParty
    from casetrack.proposals import ApplyReport, ExtractText, Proposal
    from casetrack.store import Store


class KindMethod(StrEnum):
    rules = "rules"
    learned = "learned"


class KeepMethod(StrEnum):
    all = "all"
    learned = "learned"


T = TypeVar("T")
# Where --interactive reads its answers when stdin ('-') is the text.
TERMINAL = "/dev/tty"
COLUMNS = ["#", "found", "date", "anchor", "kind", "parties", "title"]


def _langs() -> tuple[str, ...]:
    from casetrack.extract import SUPPORTED_LANGS

    return SUPPORTED_LANGS


def extract(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(metavar="[FILE]", help="PDF, HTML or plain text file; - reads stdin."),
    ] = None,
    doc: Annotated[
        str | None,
        typer.Option("--doc", metavar="ID", help="Read a registered document instead of FILE."),
    ] = None,
    case: Annotated[
        str | None,
        typer.Option("--case", "-c", help="Case to add them to (with --apply or --interactive)."),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="URL|ID",
            help="Source to cite (default: the document, at each sentence's page, when FILE is"
            " a PDF or registered; else the file's absolute path).",
        ),
    ] = None,
    lang: Annotated[
        str,
        choice_option(
            "--lang",
            choices=_langs,
            what="language",
            help="Language of the text: en, fr, de or es.",
        ),
    ] = "en",
    fmt: Annotated[
        str,
        choice_option(
            "--format",
            "-f",
            enum=OutputFormat,
            help="table, markdown, csv, json (the text and its candidates) or jsonl (a"
            " candidate a line).",
        ),
    ] = OutputFormat.table,
    kinds: Annotated[
        str,
        choice_option(
            "--kinds",
            enum=KindMethod,
            what="kind method",
            help="How each kind is decided: the phrase rules, or the learned model (opt-in:"
            " it did not beat the rules in cross-validation; see the extraction guide).",
        ),
    ] = KindMethod.rules,
    keep: Annotated[
        str,
        choice_option(
            "--keep",
            enum=KeepMethod,
            what="keep method",
            help="Which proposals to list: all the rules make, or those the learned filter keeps"
            " (opt-in: it drops junk and repeats but costs recall; see the extraction guide).",
        ),
    ] = KeepMethod.all,
    apply: Annotated[
        bool, typer.Option("--apply", help="Add them all to --case after listing them.")
    ] = False,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="Ask for each: accept, edit, parties, skip or quit."
        ),
    ] = False,
) -> None:
    """List the milestones a text proposes; add them to a case with --apply or --interactive.

    Each date found becomes a candidate: its EDTF date (a relative one, such as "two weeks
    later", is resolved from the date it follows and marked approximate), the sentence as
    title and quote, a kind and the parties it names; read from a PDF or a registered
    document, the page it is on, and --apply cites the document at that page (a PDF not
    registered yet is registered). Nothing is written without --apply or --interactive;
    all that one run adds is one change for 'casetrack undo'.

    Examples: casetrack extract article.txt ; casetrack extract page.html --case nec-2003
    --source https://example.org/a --apply ; pbpaste | casetrack extract - -c nec-2003 -i ;
    casetrack extract --doc 3 --case nec-2003 --apply
    """
    if apply and interactive:
        raise CasetrackError("use --apply or --interactive, not both")
    if (file is None) == (doc is None):
        raise typer.BadParameter("give a FILE or --doc ID (not both)", param_hint="FILE")
    if (apply or interactive) and not case:
        raise CasetrackError("--apply and --interactive need --case CASE: the case to add to")
    with _terminal() if interactive and file == "-" else nullcontext() as answers:
        _extract(ctx, file, doc, case, source, lang, fmt, kinds, keep, apply, interactive, answers)


def _terminal() -> TextIO:
    """Where the prompts read the answers when stdin is the text ('pbpaste | casetrack
    extract - -i'); with no terminal that is refused before anything is read."""
    try:
        return open(TERMINAL, encoding="utf-8")
    except OSError:
        raise CasetrackError(
            "--interactive with '-' needs a terminal to answer on (stdin is the text): save"
            " the text to a file, or use --apply"
        ) from None


def _extract(
    ctx: typer.Context,
    file: str | None,
    doc: str | None,
    case: str | None,
    source: str | None,
    lang: str,
    fmt: str,
    kinds: str,
    keep: str,
    apply: bool,
    interactive: bool,
    answers: TextIO | None,
) -> None:
    """List the candidates; add them to the case when asked: all, or those accepted (the
    answers read from stdin, or from `answers`)."""
    from casetrack.extract import extract as propose
    from casetrack.proposals import Proposal, apply_proposals, known_parties

    store = _store(ctx, case, source, doc, writing=apply or interactive)
    text = _text(store, file, doc)
    extraction = propose(
        text.text,
        known_parties=known_parties(store.conn) if store else (),
        lang=lang,
        learned=kinds == KindMethod.learned,
        keep=keep == KeepMethod.learned,
    )
    pages = text.pages_of([c.sentence for c in extraction.candidates])
    if extraction.published:
        say(f"published: {extraction.published}")
    _show(extraction, fmt, text.name, [text.label(p) for p in pages])
    if store is None or case is None or not (apply or interactive):
        if extraction.candidates:
            needs = (
                "--apply or --interactive" if case else "--case CASE and --apply or --interactive"
            )
            say(f"nothing written: add {needs} to add them")
        return
    proposals = Proposal.all_of(extraction.candidates, pages)
    if interactive:
        proposals = _ask(store, case, proposals, answers)
    cited, document, register = text.cited(source, file)
    report = apply_proposals(
        store, case, proposals, source=cited, published=extraction.published,
        document=document, register=register, cite_again=source is not None,
    )  # fmt: skip
    if document is not None or register is not None:
        cited = f"document {report.document or text.document}"
        if report.document:
            say(f"registered {text.name} as document {report.document}")
    for warning in report.warnings:
        say(f"warning: {warning}")
    _summary(report, case, cited, extraction.published)


def _text(store: Store | None, file: str | None, doc: str | None) -> ExtractText:
    """The text to read, from a registered document, a PDF (page by page) or a text file."""
    from casetrack.proposals import ExtractText

    if doc is not None:
        assert store is not None  # _store opened it for --doc
        return ExtractText.of_document(store.conn, doc)
    assert file is not None
    if file == "-":
        return ExtractText.of_bytes(_read(file), "<stdin>")
    return ExtractText.of_file(store, file, _read)


def _store(
    ctx: typer.Context, case: str | None, source: str | None, doc: str | None, *, writing: bool
) -> Store | None:
    """The store to write to, its case and source checked before anything is asked; for a
    listing, the store if there is one (its parties are recognised), never a new one, and
    the case it names checked too, so its hint to add --apply holds."""
    from casetrack.proposals import check_case_and_source

    store = open_store(ctx) if writing or doc is not None else existing_store(ctx)
    if store is not None and case is not None:
        check_case_and_source(store, case, source)
    return store


def _read(file: str) -> bytes:
    """A text file's bytes ('-': standard input), opened as import opens its files."""
    from casetrack.exchange.reading import opened, shown_name
    from casetrack.limits import MAX_FILE, read_at_most

    with opened(file) as (stream, _):
        return read_at_most(stream, MAX_FILE, shown_name(file))


def _show(extraction: Extraction, fmt: str, name: str, pages: list[tuple[str, int] | None]) -> None:
    """The candidates; each with its page (label and position) when read from pages."""
    paged = any(pages)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        import json

        record = extraction.to_dict()
        if paged:
            for candidate, page in zip(record["candidates"], pages, strict=True):
                candidate["page"], candidate["page_index"] = page or (None, None)
        if fmt == OutputFormat.jsonl:
            out("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in record["candidates"]))
        else:
            out(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    from casetrack.output.listings import COMFORT, render

    if not extraction.candidates:
        say(f"no dates found in {name}")
        return
    rows = [_row(n, c) for n, c in enumerate(extraction.candidates, 1)]
    # The title is what a reviewer reads: on a narrow terminal the date as found (the date
    # column says it), anchors and then parties give way to it (--format json has them all).
    table = fmt == OutputFormat.table
    columns = [c for c in COLUMNS if c != "anchor" or not table or any(r["anchor"] for r in rows)]
    if paged:
        for row, page in zip(rows, pages, strict=True):
            row["page"] = page[0] if page else ""
        columns.insert(1, "page")
    out(render(rows, str(fmt), columns, flexible=("parties", "title"),
               droppable=("found", "anchor", "parties"), comfort=COMFORT))  # fmt: skip


def _row(number: int, candidate: Candidate) -> dict[str, Any]:
    return {
        "#": number,
        "found": candidate.found,
        "date": candidate.date,
        "anchor": candidate.anchor or "",
        "kind": candidate.kind,
        "parties": _parties(candidate.parties, candidate.new_parties),
        "title": candidate.title,
    }


def _parties(names: Sequence[str], new_parties: Sequence[NewParty]) -> str:
    """The parties a candidate names, those the store does not know yet marked new."""
    new = {p.name: f"new: {p.alias}" if p.alias else "new" for p in new_parties}
    return "; ".join(f"{p} ({new[p]})" if p in new else p for p in names)


# The answers people give a yes-or-no question, taken for accept and skip.
_YES_NO = {"y": "a", "n": "s"}


def _ask(
    store: Store, case: str, proposals: list[Proposal], answers: TextIO | None
) -> list[Proposal]:
    """Go through the proposals one by one; quit keeps those accepted so far."""
    stdin = sys.stdin
    sys.stdin = answers or stdin  # the prompts read sys.stdin
    try:
        return _asked(store, case, proposals)
    finally:
        sys.stdin = stdin


def _asked(store: Store, case: str, proposals: list[Proposal]) -> list[Proposal]:
    """One the case has already is not asked about: it is passed on, to be skipped (and
    cite the source) as --apply skips it; one deleted from it is said and left out."""
    from casetrack.cases import require_case_id
    from casetrack.proposals import in_case

    case_id = require_case_id(store.conn, case, to_add=True)
    accepted: list[Proposal] = []
    try:
        for number, proposal in enumerate(proposals, 1):
            say(f"[{number}/{len(proposals)}] {proposal.date} {proposal.kind}: {proposal.title}")
            existing = in_case(store.conn, case_id, proposal)
            if existing is not None and existing.trashed:
                say(f"  deleted from the case: milestone {existing.id} (casetrack restore"
                    f" {existing.id} brings it back)")  # fmt: skip
                continue
            if existing is not None:
                say(f"  already in the case: milestone {existing.id}")
                accepted.append(proposal)
                continue
            if proposal.quote != proposal.title:  # a title cut short: the reviewer reads it all
                say(f"  sentence: {proposal.quote}")
            if proposal.parties:
                say(f"  parties: {_parties(proposal.parties, proposal.new_parties)}")
            while True:
                answer = typer.prompt(
                    "accept, edit, parties, skip or quit (a/e/p/s/q)", default="a", err=True
                )
                action = answer.strip().lower()[:1]
                action = _YES_NO.get(action, action)
                if action in ("a", "e"):
                    accepted.append(_edit(store, proposal) if action == "e" else proposal)
                    break
                if action == "p":
                    proposal = _reparty(store, proposal)
                    say(f"  parties: {_parties(proposal.parties, proposal.new_parties) or 'none'}")
                    continue
                if action == "s":
                    break
                if action == "q":
                    return accepted
                say("answer a (accept, or y), e (edit), p (parties), s (skip, or n) or q (quit)")
    except typer.Abort:  # end of input or Ctrl-C at a prompt: end its line first
        say("")
        raise CasetrackError("stopped before the end: nothing written") from None
    return accepted


def _edit(store: Store, proposal: Proposal) -> Proposal:
    """Ask for the date, title and kind, each until it is valid; Enter keeps the proposal's."""
    from casetrack.drafts import checked_date, required_title
    from casetrack.writer import check_kind

    date = _valid("date", proposal.date, checked_date)
    title = _valid("title", proposal.title, required_title)
    kind = _valid("kind", proposal.kind, lambda text: check_kind(store.conn, text))
    return proposal.edited(date, title, kind)


def _reparty(store: Store, proposal: Proposal) -> Proposal:
    """Ask for the parties ('; ' between them, '-' for none) until they are valid."""
    return _valid(
        "parties",
        _parties(proposal.parties, ()) or "-",
        lambda typed: proposal.with_parties(store.conn, typed),
    )


def _valid(what: str, default: str, check: Callable[[str], T]) -> T:
    while True:
        try:
            return check(typer.prompt(f"  {what}", default=default, err=True))
        except CasetrackError as err:
            say(f"  {err}")


def _summary(report: ApplyReport, case: str, cited: str | None, published: str | None) -> None:
    for party in report.new_parties:
        say(f"new party: {party.name} ({f'alias {party.alias}' if party.alias else party.kind})")
    if report.new_source:
        say(f"new source: {report.new_source}")
    for decision in report.cited:
        say(f"new source (cited): {decision}")
    if cited is None and report.added:
        say("no source linked: give --source URL to cite the text")
    if report.published_set:
        say(f"source published: {published}")
    ids = ", ".join(map(str, report.added))
    added = f"added {plural(len(report.added), 'milestone')} to {case}" + (
        f": {ids}" if ids else ""
    )
    skipped = f"; skipped {report.skipped} already in the case" if report.skipped else ""
    if report.cited_again:
        again = ", ".join(map(str, report.cited_again))
        skipped += f", citing {cited} on {again} too"
    if report.trashed:
        trashed = ", ".join(map(str, report.trashed))
        skipped += f"; skipped {len(report.trashed)} deleted before (in the trash: {trashed})"
    say(added + skipped)
