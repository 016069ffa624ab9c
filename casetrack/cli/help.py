"""`casetrack help [COMMAND]...`: the same help as `--help`, for people who type it first."""

from __future__ import annotations

from typing import Annotated

import typer
from typer.core import TyperGroup


def help_(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[COMMAND]...", help="A command, e.g. add or party merge.", show_default=False
        ),
    ] = None,
) -> None:
    """Show the help of casetrack or of one of its commands, as --help does.

    Examples: casetrack help ; casetrack help add ; casetrack help party merge
    """
    from casetrack.text import did_you_mean

    shown = ctx.find_root()
    for word in command or []:
        group = shown.command
        if not isinstance(group, TyperGroup):
            ctx.fail(f"'{shown.command_path}' has no sub-commands")
        names = group.list_commands(shown)
        sub = group.get_command(shown, word)
        if sub is None:
            ctx.fail(f"no command '{shown.command_path} {word}'{did_you_mean(word, names)}")
        shown = typer.Context(sub, info_name=word, parent=shown)
    typer.echo(shown.command.get_help(shown))
