"""`casetrack source ...`: articles, judgments and filings cited by milestones."""

from __future__ import annotations

from typing import Annotated

import typer

from casetrack.cli.common import FormatOption, OutputFormat, emit, emit_details, open_store, say

app = typer.Typer(help="Add, list and show sources.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="URL or citation of the source.")],
    title: Annotated[str | None, typer.Option(help="Headline or document title.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Newspaper, court or author.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date, e.g. 2003-06-18.")
    ] = None,
) -> None:
    """Add a source and print its id.

    Example: casetrack source add https://example.org/raid --title "Police raid" --publisher AFP
    """
    from casetrack.sources import add_source

    source = add_source(open_store(ctx, create=True), url, title, publisher, published)
    typer.echo(source.id)
    say(f"added source {source.id}")


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List sources and how many milestones cite each."""
    from casetrack.sources import list_sources

    columns = ["id", "title", "url", "publisher", "published", "milestones"]
    emit(list_sources(open_store(ctx)), fmt,
         columns, ("title", "url"), dates=("published",),
         droppable=("publisher", "published", "milestones"),
         empty="no sources yet: add one with 'casetrack source add URL'")  # fmt: skip


@app.command("show")
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="Source id or URL.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a source and the milestones that cite it."""
    from casetrack.sources import source_details

    columns = ["id", "case", "date", "title", "quote", "page"]
    details = source_details(open_store(ctx), ref)
    emit_details(details, fmt, "milestones", columns, ("date", "title", "quote"),
                 dates=("date", "published"))  # fmt: skip
