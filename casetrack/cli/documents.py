"""`casetrack doc ...`: files registered by their hash, their pages, and their custody check."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from casetrack.cli.common import (
    FormatOption,
    OutputFormat,
    emit,
    emit_details,
    open_store,
    say,
    say_folded,
)
from casetrack.text import plural

app = typer.Typer(
    help="Register documents (PDF, HTML, text), list, show, verify, replace, open and remove them.",
    no_args_is_help=True,
)
DocRef = Annotated[str, typer.Argument(metavar="ID", help="Document id (or its SHA-256).")]


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar over a document's pages on stderr, only when a person is watching."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    bar = None
    try:

        def tick(done: int, total: int) -> None:
            nonlocal bar
            if bar is None and total >= 20:
                bar = typer.progressbar(length=total, label=label, file=sys.stderr)
                bar.__enter__()
            if bar is not None:
                bar.update(1)

        yield tick
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@app.command("add")
def add(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The file: PDF, HTML or plain text.")],
    title: Annotated[str | None, typer.Option(help="Title (default: the file name).")] = None,
    custodian: Annotated[str | None, typer.Option(help="Who the document came from.")] = None,
    bates: Annotated[
        str | None, typer.Option(metavar="FIRST-LAST", help="Bates range, e.g. DEF_0001-DEF_0046.")
    ] = None,
    case: Annotated[str | None, typer.Option(help="The case it belongs to (slug).")] = None,
) -> None:
    """Register a document and print its id; the same bytes again print the id it has (and
    re-attach it when its file is no longer where the store says, e.g. after an import).

    Its SHA-256, size, pages and their printed labels (i, ii, 1, A-3) are kept, and the text
    of each page is indexed for search. Example: casetrack doc add exhibits/ex5.pdf
    --title "Exhibit 5" --bates DEF_0001-DEF_0046 --case acme-2003
    """
    from casetrack.documents import add_document

    store = open_store(ctx, create=True)
    with _progress("reading pages") as tick:
        added = add_document(store, path, title=title, custodian=custodian, bates=bates,
                             case=case, progress=tick)  # fmt: skip
    for warning in added.warnings:
        say(f"warning: {warning}")
    document = added.document
    typer.echo(document.id)
    if added.new:
        say(f"added document {document.id} ({document.title}, {plural(document.pages, 'page')})")
    elif added.done:
        say(added.done)
    else:
        say(f"already registered as document {document.id} ({document.path}): same SHA-256")


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List documents and how many milestones cite each."""
    from casetrack.documents import list_documents

    columns = ["id", "title", "pages", "bates", "case", "path", "cited"]
    flexible, droppable = ("title", "path"), ("bates", "case", "cited")
    records = _paths_folded(list_documents(open_store(ctx)), fmt, columns, flexible, droppable)
    emit(records, fmt, columns, flexible, droppable=droppable,
         empty="no documents yet: add one with 'casetrack doc add PATH'")  # fmt: skip


def _paths_folded(
    records: Iterable[dict[str, Any]],
    fmt: OutputFormat,
    columns: list[str],
    flexible: tuple[str, ...],
    droppable: tuple[str, ...] = (),
) -> Iterable[dict[str, Any]]:
    """In a table, paths folded to their column so the file name stays whole (a path is one
    long word, which a table would cut at its end); as stored in every other format."""
    if fmt != OutputFormat.table:
        return records
    from casetrack.output.paths import fold_paths

    return fold_paths(records, columns, flexible, droppable)


@app.command("show")
def show(ctx: typer.Context, ref: DocRef, fmt: FormatOption = OutputFormat.table) -> None:
    """Show a document (hash, pages, Bates range) and the milestones citing it."""
    from casetrack.documents import document_details

    details = document_details(open_store(ctx), ref)
    if fmt in (OutputFormat.table, OutputFormat.markdown):  # the Bates range said once
        details = {k: v for k, v in details.items() if k not in ("bates_first", "bates_last")}
    if fmt in (OutputFormat.table, OutputFormat.markdown, OutputFormat.csv):
        details["milestones"] = map(_marked, details["milestones"])
    columns = ["id", "case", "date", "title", "page", "quote"]
    emit_details(details, fmt, "milestones", columns, ("date", "title", "quote"),
                 dates=("date",))  # fmt: skip


def _marked(citing: dict[str, Any]) -> dict[str, Any]:
    """A citation's quote as `show` says it: marked when it is not on the page cited."""
    from casetrack.models import QUOTE_NOT_FOUND

    if citing["quote_found"] is False:
        return {**citing, "quote": f"{citing['quote']} ({QUOTE_NOT_FOUND})"}
    return citing


@app.command("verify")
def verify(
    ctx: typer.Context,
    refs: Annotated[
        list[str] | None, typer.Argument(metavar="[ID]...", help="Documents (default: all).")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Hash the files again: unchanged, changed or missing; exit 1 unless all are unchanged.
    Each one changed or missing gets a line saying what resolves it (doc replace, doc rm,
    doc add). The quotes cited from them are checked against their pages again, those not
    found said.

    Example: casetrack doc verify ; casetrack doc verify 3 4
    """
    from casetrack.documents import verify_documents

    results = verify_documents(open_store(ctx), refs or [])
    columns, flexible = ["id", "status", "title", "path"], ("title", "path")
    records = _paths_folded([r.to_dict() for r in results], fmt, columns, flexible)
    emit(records, fmt, columns, flexible, empty="no documents to verify")
    for r in results:
        if r.resolve:
            say_folded(f"document {r.document.id} {r.status}: {r.resolve}", hang="  ")
    for r in results:
        if r.quotes_not_found:
            say(f"document {r.document.id}: {plural(r.quotes_not_found, 'quote')} cited from it"
                " not found on their page ('casetrack check' lists them)")  # fmt: skip
    bad = [r for r in results if r.status != "unchanged"]
    if bad:
        say(f"{len(bad)} of {plural(len(results), 'document')} changed or missing")
        raise typer.Exit(1)


@app.command("replace")
def replace(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The document whose file changed.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The document its file is now.")],
) -> None:
    """Move the citations of a document whose file changed to the document it is now, at the
    pages of the same labels, and forget the old one ('casetrack undo' brings it back).

    For a file changed since it was registered, which 'doc verify' says changed: register it
    again ('casetrack doc add FILE' gives the new document), then replace the old one.

    Example: casetrack doc add release.txt ; casetrack doc replace 1 2
    """
    from casetrack.documents import replace_document

    done = replace_document(open_store(ctx), old, new)
    quotes = (
        f"; {plural(done.quotes_not_found, 'quote')} not found on its page ('casetrack check'"
        " lists them)"
        if done.quotes_not_found
        else ""
    )
    say_folded(
        f"replaced document {done.old.id} ({done.old.title}) with document {done.new.id}"
        f" ({done.new.title}): {plural(done.moved, 'citation')} moved{quotes};"
        " 'casetrack undo' brings it back"
    )


@app.command("open")
def open_(
    ctx: typer.Context,
    ref: DocRef,
    page: Annotated[
        str | None, typer.Option(help="A page: its printed label (iv) or position (#5).")
    ] = None,
) -> None:
    """Print the file's path for a viewer; with --page, a second line with the page's position.

    Example: casetrack doc open 3 --page iv
    """
    from casetrack.documents import open_document

    file, index, label = open_document(open_store(ctx), ref, page)
    typer.echo(str(file))
    if index is not None:
        typer.echo(index)
        say(f"page {label} is page {index} of the file")
    if not file.exists():
        say(f"warning: {file} is missing: 'casetrack doc verify' checks every document")


@app.command("rm")
def rm(ctx: typer.Context, ref: DocRef) -> None:
    """Forget a document no milestone cites (the file itself is left alone).

    Example: casetrack doc rm 3
    """
    from casetrack.documents import remove_document

    document = remove_document(open_store(ctx), ref)
    say(
        f"removed document {document.id} ({document.title}): 'casetrack undo' brings it back;"
        f" 'casetrack purge --doc {document.id}' erases its text from history for good"
    )
