"""`casetrack kind ...`: the vocabulary of milestone kinds."""

from __future__ import annotations

from typing import Annotated

import typer

from casetrack.cli.common import FormatOption, OutputFormat, emit, open_store, say
from casetrack.text import plural

app = typer.Typer(help="List, add, rename and remove milestone kinds.", no_args_is_help=True)


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


@app.command("rename")
def rename(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="OLD")],
    new: Annotated[str, typer.Argument(metavar="NEW")],
) -> None:
    """Rename a kind of your own; its milestones follow. Renamed to a kind that exists, it
    merges into it. Built-in kinds stay (extract and the court rules use them).

    Example: casetrack kind rename riad raid
    """
    from casetrack.milestones import rename_kind

    name, moved, merged = rename_kind(open_store(ctx), old, new)
    say(f"{'merged' if merged else 'renamed'} kind {old.strip().lower()!r}"
        f" {'into' if merged else 'to'} {name!r} ({plural(moved, 'milestone')})")  # fmt: skip


@app.command("rm")
def rm(ctx: typer.Context, kind: Annotated[str, typer.Argument(metavar="KIND")]) -> None:
    """Remove a kind of your own no milestone has (built-in kinds stay).

    Example: casetrack kind rm extradition
    """
    from casetrack.milestones import remove_kind

    say(f"removed kind {remove_kind(open_store(ctx), kind)!r}")
