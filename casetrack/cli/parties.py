"""`casetrack party ...`: people, organisations, courts and agencies, and their aliases."""

from __future__ import annotations

from typing import Annotated

import typer

from casetrack.cli.common import FormatOption, OutputFormat, emit, emit_details, open_store, say

app = typer.Typer(help="Add, alias, list, show and merge parties.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: str,
    kind: Annotated[
        str, typer.Option(help="person, organization, court, agency or other.")
    ] = "other",
    alias: Annotated[
        list[str] | None, typer.Option("--alias", "-a", help="Another name (repeatable).")
    ] = None,
) -> None:
    """Add a party.

    Example: casetrack party add "People's Mojahedin Organization of Iran" --kind organization
    --alias PMOI --alias MEK
    """
    from casetrack.parties import add_party

    party = add_party(open_store(ctx, create=True), name, kind, alias or [])
    say(
        f"added party {party.name}"
        + (f" (aka {', '.join(party.aliases)})" if party.aliases else "")
    )


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The party's name or an existing alias.")],
    aliases: Annotated[list[str], typer.Argument(help="New names for the party.")],
) -> None:
    """Give a party more names (acronyms, transliterations, former names).

    Example: casetrack party alias PMOI "Mojahedin-e Khalq"
    """
    from casetrack.parties import alias_party

    party, added = alias_party(open_store(ctx), name, aliases)
    say(f"{party.name} is now also known as {', '.join(party.aliases)}" if added
        else f"{party.name} already had those names")  # fmt: skip


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List parties with their aliases and how many milestones and cases they appear in."""
    from casetrack.parties import list_parties

    columns = ["id", "name", "kind", "aliases", "milestones", "cases"]
    emit(list_parties(open_store(ctx)), fmt,
         columns, ("name", "aliases"),
         empty="no parties yet")  # fmt: skip


@app.command("show")
def show(ctx: typer.Context, name: str, fmt: FormatOption = OutputFormat.table) -> None:
    """Show a party: aliases, cases and roles, first and last milestone.

    Example: casetrack party show MEK
    """
    from casetrack.parties import party_details

    emit_details(
        party_details(open_store(ctx), name), fmt, "cases", ["case", "roles", "milestones"],
        dates=("date",),
    )  # fmt: skip


@app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The party to keep.")],
    duplicate: Annotated[str, typer.Argument(help="The party folded into it and removed.")],
) -> None:
    """Merge a duplicate party into another: links and names move, the duplicate goes.

    Example: casetrack party merge PMOI "Mojahedin Organisation"
    """
    from casetrack.parties import merge_parties

    party = merge_parties(open_store(ctx), keep, duplicate)
    say(f"merged {duplicate!r} into {party.name} (aka {', '.join(party.aliases)})")
