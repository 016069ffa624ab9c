"""Nothing lost: history, undo, the trash, backups and the store check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from casetrack.cli.common import MAX_ID, FormatOption, OutputFormat, emit, open_store, say

trash_app = typer.Typer(help="List or empty the trash of deleted milestones and cases.",
                        no_args_is_help=True)  # fmt: skip


def register(app: typer.Typer) -> None:
    for command in (history, undo, restore, backup, check):
        app.command()(command)
    app.add_typer(trash_app, name="trash")


def history(
    ctx: typer.Context,
    milestone_id: Annotated[
        int | None,
        typer.Argument(
            metavar="[ID]", help="Only this milestone.", show_default=False, min=1, max=MAX_ID
        ),
    ] = None,
    case: Annotated[str | None, typer.Option(help="Only this case and its milestones.")] = None,
    limit: Annotated[
        int, typer.Option(help="Show at most this many recent rows.", min=1, max=MAX_ID)
    ] = 50,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show recorded changes: when, who, which command, and the old and new values.

    Examples: casetrack history ; casetrack history 12 ; casetrack history --case nec-2003
    """
    from casetrack.errors import CasetrackError
    from casetrack.history import history_rows

    if milestone_id is not None and case is not None:
        raise CasetrackError("give a milestone ID or --case, not both")
    rows = history_rows(open_store(ctx).conn, milestone_id, case, limit)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        emit(rows, fmt)
        return
    for row in rows:
        if row["undone_by"]:
            row["command"] += f" (undone by {row['undone_by']})"
    columns = ["change", "at", "user", "command", "action", "table", "row", "summary"]
    emit(rows, fmt, columns, ("summary", "command"), empty="no changes recorded")


def undo(ctx: typer.Context) -> None:
    """Revert the last change (a whole command); repeat to go further back.

    An undo is itself recorded in the history but is never undone: run the command again
    instead.
    """
    from casetrack.history import undo_last

    change = undo_last(open_store(ctx))
    say(f"undid change {change.id}: '{change.command}' by {change.user} at {change.at}"
        f" ({change.rows} row change(s))")  # fmt: skip


def restore(
    ctx: typer.Context,
    milestone_id: Annotated[
        int | None,
        typer.Argument(metavar="[ID]", help="Milestone id.", show_default=False, min=1, max=MAX_ID),
    ] = None,
    case: Annotated[
        str | None, typer.Option(help="Restore a deleted case and the milestones deleted with it.")
    ] = None,
) -> None:
    """Bring a deleted milestone (with its links) or case back from the trash.

    Examples: casetrack restore 12 ; casetrack restore --case nec-2003
    """
    from casetrack.errors import CasetrackError
    from casetrack.trash import restore_case, restore_milestone

    if case is not None and milestone_id is None:
        done = restore_case(open_store(ctx), case)
        say(f"restored case {done.case} with {len(done.milestones)} milestone(s)")
        return
    if milestone_id is None or case is not None:
        raise CasetrackError("give a milestone ID or --case SLUG: see 'casetrack trash list'")
    done = restore_milestone(open_store(ctx), milestone_id)
    say(f"restored milestone {milestone_id}"
        + (f" and its case {done.case}" if done.case else ""))  # fmt: skip


@trash_app.command("list")
def trash_list(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List deleted cases and milestones, most recent first."""
    from casetrack.trash import list_trash

    emit(list_trash(open_store(ctx)), fmt, None, ("title",), empty="the trash is empty")


@trash_app.command("empty")
def trash_empty(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Really delete them for good.")] = False,
) -> None:
    """Delete everything in the trash for good (refused without --yes)."""
    from casetrack.errors import CasetrackError
    from casetrack.trash import empty_trash, list_trash

    store = open_store(ctx)
    if not yes:
        count = len(list_trash(store))
        raise CasetrackError(
            f"the trash holds {count} item(s): pass --yes to delete them for good"
            if count
            else "the trash is already empty"
        )
    milestones, cases = empty_trash(store)
    say(f"deleted {milestones} milestone(s) and {cases} case(s) for good")


def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Copy the store to FILE, safely even while others are writing to it.

    Example: casetrack backup ~/backups/casetrack-2026-11-25.db
    """
    from casetrack.care import backup as copy_store

    size = copy_store(open_store(ctx), file, force=force)
    say(f"backed up to {file} ({size:,} bytes)")


def check(ctx: typer.Context) -> None:
    """Check the store: SQLite integrity, links, dates, names; exit 1 listing any problem."""
    from casetrack.care import check as run_checks

    store = open_store(ctx)
    problems = run_checks(store)
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise typer.Exit(1)
    say(f"{store.path}: no problems found")
