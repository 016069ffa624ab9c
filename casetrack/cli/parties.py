"""`casetrack party ...`: people, organisations, courts and agencies, and their aliases."""

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

app = typer.Typer(
    help="Add, alias, list, show, rename, edit, merge and remove parties.", no_args_is_help=True
)


@app.command("add")
def add(
    ctx: typer.Context,
    name: str,
    kind: Annotated[
        str | None,
        typer.Option(
            help="person, organization, court, agency or other [default: organization for a"
            " name ending with a company's legal form (Inc., Ltd, GmbH...), agency for one"
            " with a word naming a public body (Office, Department, Ministère...), else other]."
        ),
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", "-a", metavar="NAME", help="Another name (repeatable)."),
    ] = None,
) -> None:
    """Add a party.

    Example: casetrack party add "People's Mojahedin Organization of Iran" --kind organization
    --alias PMOI --alias MEK
    """
    from casetrack.parties import add_party, known_as

    party = add_party(open_store(ctx, create=True), name, kind, alias or [])
    say(f"added party {known_as(party.name, party.aliases)}")


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="[rm] PARTY", help="The party's name or an existing alias.")
    ],
    aliases: Annotated[list[str], typer.Argument(metavar="ALIAS...", help="Names to add.")],
) -> None:
    """Give a party more names (acronyms, transliterations, former names), or with rm
    take them away, each typed in any case, accents, punctuation or spacing (a party named
    'rm' is reached by one of its aliases).

    Examples: casetrack party alias PMOI "Mojahedin-e Khalq" ;
    casetrack party alias rm PMOI "Mojahedin-e Khalq"
    """
    from casetrack.parties import alias_party, known_as, remove_aliases

    if name == "rm":
        if len(aliases) < 2:
            raise typer.BadParameter(
                "name the party and the aliases to remove: casetrack party alias rm PARTY ALIAS..."
            )
        party = remove_aliases(open_store(ctx), aliases[0], aliases[1:])
        removed = plural(len(aliases) - 1, "alias", "aliases")
        say(f"removed {removed} of {known_as(party.name, party.aliases, without=_NONE_LEFT)}")
        return
    party, added, already = alias_party(open_store(ctx), name, aliases)
    said = plural(len(added), "alias", "aliases")
    say(f"added {said} to {known_as(party.name, party.aliases)}" if added
        else f"{party.name} already had those names")  # fmt: skip
    if already:
        said = ", ".join(repr(a) for a in already)
        say(f"{said} already name{'s' if len(already) == 1 else ''} it (case, accents,"
            " punctuation and spacing aside): not added")  # fmt: skip


_NONE_LEFT = "no aliases left"


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List parties with their aliases and how many milestones and cases they appear in."""
    from casetrack.parties import list_parties, party_widths

    store = open_store(ctx)
    columns = ["id", "name", "kind", "aliases", "milestones", "cases"]
    emit(list_parties(store), fmt, columns, ("name", "aliases"), empty="no parties yet",
         widest=lambda: party_widths(store.conn))  # fmt: skip


@app.command("show")
def show(ctx: typer.Context, name: str, fmt: FormatOption = OutputFormat.table) -> None:
    """Show a party: aliases, cases and roles, first and last milestone.

    Example: casetrack party show MEK
    """
    from casetrack.parties import party_details

    emit_details(
        party_details(open_store(ctx), name), fmt, "cases", ["case", "roles", "milestones"],
        ("roles",), dates=("date",),
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
    from casetrack.merges import merge_parties
    from casetrack.parties import known_as

    party, removed, alias, linked = merge_parties(open_store(ctx), keep, duplicate)
    typed = "" if alias is None else f"named by its alias {alias!r}; "
    said = f"{removed.name!r} ({typed}linked to {plural(linked, 'milestone')})"
    say(f"merged {said} into {known_as(party.name, party.aliases)}")


@app.command("rename")
def rename(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="PARTY", help="Its name or an alias.")],
    new_name: Annotated[str, typer.Argument(metavar="NEW-NAME")],
    drop_old: Annotated[
        bool, typer.Option("--drop-old", help="Do not keep the old name as an alias.")
    ] = False,
) -> None:
    """Rename a party; the old name stays an alias (unless --drop-old), so it still finds it.

    Example: casetrack party rename "Acme Shiping" "Acme Shipping B.V."
    """
    from casetrack.parties import known_as, rename_party

    party, old, alias = rename_party(open_store(ctx), name, new_name, drop_old=drop_old)
    by = "" if alias is None else f" (named by its alias {alias!r})"
    renamed = known_as(party.name, party.aliases, quoted=True, without=_NONE_LEFT)
    say(f"renamed party {old!r}{by} to {renamed}")


@app.command("edit")
def edit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="PARTY", help="Its name or an alias.")],
    kind: Annotated[
        str | None, typer.Option(help="person, organization, court, agency or other.")
    ] = None,
) -> None:
    """Change a party's kind (its names change with rename and alias).

    Example: casetrack party edit FIOD --kind agency
    """
    from casetrack.parties import edit_party

    party, changed = edit_party(open_store(ctx), name, kind)
    say_edited(f"party {party.name}", changed, f": kind {party.kind}")


@app.command("rm")
def rm(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="PARTY", help="Its name or an alias.")],
) -> None:
    """Remove a party no milestone links (a duplicate is folded in with merge instead).

    Example: casetrack party rm "Acme Shiping"
    """
    from casetrack.parties import remove_party

    party = remove_party(open_store(ctx), name)
    say(f"removed party {party.name}: 'casetrack undo' brings it back")
