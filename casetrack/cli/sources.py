"""`casetrack source ...`: articles, judgments and filings cited by milestones."""

from __future__ import annotations

from typing import Annotated

import typer

from casetrack.cli.common import (
    FormatOption,
    OutputFormat,
    emit,
    emit_details,
    open_store,
    say,
    say_edited,
)
from casetrack.text import plural

app = typer.Typer(help="Add, list, show, edit, merge and remove sources.", no_args_is_help=True)
SourceRef = Annotated[str, typer.Argument(metavar="ID|URL", help="Source id or URL.")]
Title = Annotated[str | None, typer.Option(help="Headline or document title.")]
Publisher = Annotated[str | None, typer.Option(help="Newspaper, court or author.")]
Published = Annotated[str | None, typer.Option(help="Publication date, e.g. 2003-06-18.")]


@app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[
        str | None,
        typer.Argument(
            metavar="URL|CITATION", help="URL or citation of the source.", show_default=False
        ),
    ] = None,
    title: Title = None,
    publisher: Publisher = None,
    published: Published = None,
    new_source: Annotated[
        str | None,
        typer.Option(
            "--new-source",
            metavar="CITATION",
            help="Instead of URL|CITATION: add this citation as a new source even when a known"
            " one has its words in other case or punctuation (refused otherwise).",
        ),
    ] = None,
) -> None:
    """Add a source and print its id.

    A citation with the words of a known one in other case or punctuation ('appeal ruling
    no 88/1234' beside 'Appeal ruling no. 88/1234') is refused, naming it, as add and edit
    refuse it; --new-source CITATION adds it all the same.

    Example: casetrack source add https://example.org/raid --title "Police raid" --publisher AFP
    """
    from casetrack.sources import add_source

    if (url is None) == (new_source is None):
        raise typer.BadParameter(
            "give the source's URL or citation, or --new-source CITATION, not both"
            if url is not None
            else "give the source's URL or citation",
            param_hint="URL|CITATION",
        )
    source = add_source(open_store(ctx, create=True), url or new_source or "", title, publisher,
                        published, new=new_source is not None)  # fmt: skip
    typer.echo(source.id)
    say(f"added source {source.id}")


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List sources and how many milestones cite each."""
    from casetrack.sources import list_sources, source_widths

    store = open_store(ctx)
    columns = ["id", "title", "url", "publisher", "published", "milestones"]
    emit(list_sources(store), fmt,
         columns, ("title", "url"), dates=("published",),
         droppable=("publisher", "published", "milestones"),
         widest=lambda: source_widths(store.conn),
         empty="no sources yet: add one with 'casetrack source add URL'")  # fmt: skip


@app.command("show")
def show(
    ctx: typer.Context,
    ref: SourceRef,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a source and the milestones that cite it."""
    from casetrack.sources import source_details

    columns = ["id", "case", "date", "title", "quote", "page", "paragraph"]
    details = source_details(open_store(ctx), ref)
    emit_details(details, fmt, "milestones", columns, ("title", "quote"),
                 dates=("date", "published"), droppable=("case", "paragraph"))  # fmt: skip


@app.command("edit")
def edit(
    ctx: typer.Context,
    ref: SourceRef,
    url: Annotated[str | None, typer.Option(help="New URL or citation.")] = None,
    title: Title = None,
    publisher: Publisher = None,
    published: Published = None,
    new_source: Annotated[
        str | None,
        typer.Option(
            "--new-source",
            metavar="CITATION",
            help="Instead of --url: set this citation even when another known one has its words"
            " in other case or punctuation (refused otherwise).",
        ),
    ] = None,
) -> None:
    """Change a source; options not given stay as they are, and '' clears one.

    A citation with the words of another known one in other case or punctuation is refused,
    naming it, as source add refuses it; --new-source CITATION sets it all the same.

    Example: casetrack source edit 3 --title "Customs raid on the Acme depot" --published 2019-03-13
    """
    from casetrack.sources import edit_source

    if url is not None and new_source is not None:
        raise typer.BadParameter("give --url or --new-source, not both", param_hint="--url")
    source, changed = edit_source(open_store(ctx), ref,
                                  url=url if new_source is None else new_source, title=title,
                                  publisher=publisher, published=published,
                                  new=new_source is not None)  # fmt: skip
    say_edited(f"source {source.id}", changed)


@app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="The source kept: id or URL.")],
    duplicate: Annotated[
        str, typer.Argument(metavar="DUPLICATE", help="The source folded into it and removed.")
    ],
) -> None:
    """Fold a duplicate source into another: its citations move, then it is removed.

    Example: casetrack source merge 3 "Le Monde, 4 mars 2021, p.12"
    """
    from casetrack.merges import merge_sources

    kept, removed, moved = merge_sources(open_store(ctx), keep, duplicate)
    moved_said = plural(moved, "citation")
    say(f"merged source {removed.id} into source {kept.id} ({kept.url}): {moved_said} moved")


@app.command("rm")
def rm(ctx: typer.Context, ref: SourceRef) -> None:
    """Remove a source no milestone cites.

    Example: casetrack source rm 3
    """
    from casetrack.sources import remove_source

    source = remove_source(open_store(ctx), ref)
    say(f"removed source {source.id} ({source.url}): 'casetrack undo' brings it back")
