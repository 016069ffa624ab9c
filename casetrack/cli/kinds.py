"""`casetrack kind ...`: the vocabulary of milestone kinds."""

from __future__ import annotations

import typer

from casetrack.cli.common import FormatOption, OutputFormat, emit, open_store, say

app = typer.Typer(help="List and extend the milestone kinds.", no_args_is_help=True)


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List milestone kinds and how often each is used."""
    from casetrack.milestones import list_kinds

    emit(list_kinds(open_store(ctx)), fmt)


@app.command("add")
def add(ctx: typer.Context, name: str) -> None:
    """Add a milestone kind.

    Example: casetrack kind add extradition
    """
    from casetrack.milestones import add_kind

    say(f"added kind {add_kind(open_store(ctx, create=True), name)}")
