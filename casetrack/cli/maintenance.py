"""Nothing lost: history, undo, the trash, backups and the store check."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from casetrack.cli.common import (
    MAX_ID,
    Force,
    FormatOption,
    OutputFormat,
    choice_option,
    counted,
    emit,
    open_store,
    say,
    say_folded,
)
from casetrack.text import noun, plural

if TYPE_CHECKING:
    from casetrack.erase import Pick

trash_app = typer.Typer(
    help="List or empty the trash of deleted milestones and cases.\n\nAlone, 'casetrack trash'"
    " lists it, as 'casetrack trash list' does.",
    subcommand_metavar="[COMMAND [ARGS]...]",
)


def register(app: typer.Typer) -> None:
    """Add the history, trash and store-care commands to `app`; casetrack.cli orders the groups
    for --help."""
    for command in (history, undo, restore, purge, backup, check, where):
        app.command()(command)
    app.add_typer(trash_app, name="trash")


def _ids(metavar: str, help: str) -> Any:
    """An optional argument of row ids."""
    return typer.Argument(metavar=metavar, help=help, show_default=False, callback=counted)


# History rows shown on a terminal unless --limit or --all says otherwise.
TERMINAL_ROWS = 50


def history(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID | prune]",
            help="Only this milestone; or 'prune' with --before to remove old history.",
            show_default=False,
        ),
    ] = None,
    case: Annotated[str | None, typer.Option(help="Only this case and its milestones.")] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            help=f"Show at most this many recent rows [default: {TERMINAL_ROWS} on a terminal,"
            " all in a file or a pipe].",
            callback=counted,
            metavar="N",
            show_default=False,
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Show every row, on a terminal too.")] = False,
    before: Annotated[
        str | None,
        typer.Option(
            help="With prune: remove the changes made before this date.", show_default=False
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="With prune: do not ask.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show recorded changes: when, who, which command, and the old and new values.

    On a terminal the newest rows are shown (stderr says how many older ones are left out);
    written to a file or a pipe (history -f csv > audit.csv), every row is.
    'history prune --before DATE' removes the history of older changes for good (they can no
    longer be undone), wiping the text it held from the store's files.
    Examples: casetrack history ; casetrack history 12 ; casetrack history --case nec-2003 ;
    casetrack history prune --before 2024-01-01
    """
    from casetrack.cli.common import stdout_is_terminal
    from casetrack.errors import CasetrackError
    from casetrack.history import history_rows, history_total, history_widths
    from casetrack.output.listings import COMFORT

    if target == "prune" or before is not None:
        _prune(ctx, target, case, before, yes)
        return
    milestone_id = _milestone_id(target)
    if milestone_id is not None and case is not None:
        raise CasetrackError("give a milestone ID or --case, not both")
    if all_ or (limit is None and not stdout_is_terminal()):
        limit = None
    elif limit is None:
        limit = TERMINAL_ROWS
    conn = open_store(ctx).conn
    shown = limit or MAX_ID
    rows = history_rows(conn, milestone_id, case, shown)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        emit(rows, fmt)
    else:
        # A long history of the whole store is sized by the store; one of a milestone or a
        # case holds at most `limit` entries, laid out from the first SAMPLE.
        whole = milestone_id is None and case is None
        columns = ["change", "at", "user", "command", "action", "table", "row", "summary"]
        emit(map(_undone_said, rows), fmt, columns, ("summary", "command"),
             empty="no changes recorded",
             droppable=("user", "row", "table", "action"), times=("at",),
             comfort=COMFORT,
             widest=(lambda: history_widths(conn, shown)) if whole else None)  # fmt: skip
    left = history_total(conn, milestone_id, case) - limit if limit else 0
    if left > 0:
        say(f"{plural(left, 'older row')} left out (the newest {limit} shown):"
            " show them with --limit N or --all")  # fmt: skip


def _undone_said(row: dict[str, Any]) -> dict[str, Any]:
    """A history entry for people: its command says which change undid it."""
    if row["undone_by"]:
        row["command"] += f" (undone by {row['undone_by']})"
    return row


def _milestone_id(
    target: str | None,
    refusal: str = "is neither a milestone ID nor 'prune'",
    param_hint: str = "'[ID | prune]'",
) -> int | None:
    """A milestone id argument that may also be a word, refused (exit 2) saying what it can be."""
    if target is None:
        return None
    if target.isascii() and target.isdigit() and len(target) <= 19 and 0 < int(target) <= MAX_ID:
        return int(target)
    raise typer.BadParameter(f"{target!r} {refusal}", param_hint=param_hint)


def _prune(
    ctx: typer.Context, target: str | None, case: str | None, before: str | None, yes: bool
) -> None:
    from casetrack.erase import prune_day, prune_history
    from casetrack.errors import CasetrackError

    if target != "prune" or before is None or case is not None:
        raise CasetrackError("to remove old history: casetrack history prune --before DATE")
    start = prune_day(before)
    store = open_store(ctx)
    if not yes:
        _confirm(f"remove the history of every change before {start} for good?"
                 " Those changes can no longer be undone", "nothing removed")  # fmt: skip
    changes, rows, wiped = prune_history(store, start.isoformat())
    say(f"removed {plural(changes, 'change')} made before {start}"
        f" ({plural(rows, 'history row')})")  # fmt: skip
    if not wiped:
        _wal_kept(store.path)


def undo(
    ctx: typer.Context,
    change_id: Annotated[
        int | None,
        _ids("[CHANGE]", "Undo this change (its number in 'casetrack history'), yours or not."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be reverted; change nothing.")
    ] = False,
) -> None:
    """Revert your last change (a whole command); repeat to go further back.

    Someone else's newer change is never reverted unasked: undo refuses and names both
    changes. Nor is an older one of yours when your last command changed nothing (an
    import of unchanged rows, say): undo refuses and names it. An undo is itself recorded
    in the history; plain undo never reverts one, but 'casetrack undo ID' of an undo puts
    back what it reverted (a redo).
    Examples: casetrack undo ; casetrack undo --dry-run ; casetrack undo 12
    """
    from casetrack.dates import display_time
    from casetrack.history import undo as revert

    change = revert(open_store(ctx), change_id, dry_run=dry_run)
    done = "would undo" if dry_run else "undid"
    at = display_time(change.at)
    say_folded(f"{done} change {change.id}: '{change.command}' by {change.user} at {at}"
               f" ({plural(change.rows, 'row change')})")  # fmt: skip
    for line in change.reverted:
        say_folded(line, indent="  ", hang="      ")
    if change.rows > change.shown:
        more = change.rows - change.shown
        say(f"  and {more:,} more {noun(more, 'row change')}")


def restore(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Milestone id.", show_default=False),
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

    word = target is not None and not target.strip().isdigit()
    case_too = f": to restore a case, casetrack restore --case {target}" if word else ""
    milestone_id = _milestone_id(target, f"is not a milestone ID{case_too}", "'[ID]'")

    if case is not None and milestone_id is None:
        done = restore_case(open_store(ctx), case)
        say(f"restored case {done.case} with {plural(len(done.milestones), 'milestone')}")
        return
    if milestone_id is None or case is not None:
        raise CasetrackError("give a milestone ID or --case SLUG: see 'casetrack trash list'")
    from casetrack.deadlines.due import trashed_triggers

    store = open_store(ctx)
    done = restore_milestone(store, milestone_id)
    say(f"restored milestone {milestone_id}"
        + (f" and its case {done.case}" if done.case else ""))  # fmt: skip
    for warning in trashed_triggers(store.conn, deadlines=done.milestones):
        say(f"warning: {warning}")


@trash_app.callback(invoke_without_command=True)
def trash(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        choice_option("--format", "-f", enum=OutputFormat, show_default=False,
                      help="Alone: output format, as 'trash list --format'  [default: table]"),
    ] = None,
) -> None:  # fmt: skip
    """Alone, list the trash as 'trash list' does."""
    if ctx.invoked_subcommand is None:
        trash_list(ctx, OutputFormat(fmt or OutputFormat.table))
    elif ctx.invoked_subcommand == "list":
        if fmt is not None:
            raise typer.BadParameter(
                f"give it after 'list': casetrack trash list --format {fmt}", param_hint="--format"
            )
    elif fmt is not None:
        raise typer.BadParameter(
            f"'trash {ctx.invoked_subcommand}' takes none: it is for 'casetrack trash' alone"
            " and 'trash list'", param_hint="--format",
        )  # fmt: skip


@trash_app.command("list")
def trash_list(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List deleted cases and milestones, most recent first."""
    from casetrack.trash import list_trash, trash_widths

    store = open_store(ctx)
    emit(list_trash(store), fmt, None, ("date", "title", "deleted_at"), empty="the trash is empty",
         dates=("date",), times=("deleted_at",),
         widest=lambda: trash_widths(store.conn))  # fmt: skip


@trash_app.command("empty")
def trash_empty(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Erase without asking.")] = False,
) -> None:
    """Erase everything in the trash for good: no undo, no trace of its text in the store.

    Asks first unless --yes. With --yes and an empty trash, still wipes the store's free space.
    """
    from casetrack.erase import in_trash

    _erase(ctx, in_trash, yes, "the trash is already empty")


def purge(
    ctx: typer.Context,
    milestone_ids: Annotated[
        list[int] | None, _ids("[ID]...", "Milestones, live or in the trash.")
    ] = None,
    case: Annotated[
        list[str] | None,
        typer.Option(metavar="SLUG", help="A case, with all its milestones (repeatable)."),
    ] = None,
    party: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME", help="A party by name or alias, its aliases and links (repeatable)."
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(metavar="ID|URL", help="A source by id or URL, its citations (repeatable)."),
    ] = None,
    doc: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID|HASH",
            help="A document by id or hash, registered or removed with doc rm: its pages,"
            " text, source and citations (repeatable).",
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Erase without asking.")] = False,
) -> None:
    """Erase milestones, cases, parties, sources or documents for good, live or in the trash.

    Unlike rm, this cannot be undone: the rows, their links, the text the history kept of
    them and their search index entries are erased, and the store is rewritten so no byte
    of that text is left in its files. The history keeps a line saying what was erased
    (table and id), when and by whom. Asks first unless --yes.
    Examples: casetrack purge 12 14 ; casetrack purge --party "Jane Roe" --yes
    """
    from casetrack.erase import named

    pick = named(milestone_ids or [], case or [], party or [], source or [], doc or [])
    _erase(ctx, pick, yes, "give milestone IDs, --case, --party, --source or --doc to purge")


def _erase(ctx: typer.Context, pick: Pick, yes: bool, nothing: str) -> None:
    """Show what `pick` chooses, ask unless `yes`, erase it and say what was done."""
    from casetrack.erase import erase, parties_said
    from casetrack.errors import CasetrackError

    store = open_store(ctx)
    targets = pick(store.conn)
    if not targets and not yes:
        raise CasetrackError(nothing)
    if targets and not yes:
        named = parties_said(store.conn, targets)
        said = f"{targets.describe()}{f' ({named})' if named else ''}"
        _confirm(f"erase {said} for good? This cannot be undone", "nothing erased")
    done = erase(store, pick)
    if done.change is None:
        say(f"nothing to erase; wiped the free space of {store.path}")
    else:
        say(f"erased {done.targets.describe()} for good (change {done.change})")
    if done.unlinked:
        say(f"now linked to no milestone, and kept: {', '.join(done.unlinked)}"
            " ('casetrack purge --party NAME' or '--source URL' erases them)")  # fmt: skip
    if done.untriggered:
        ids = f"{noun(len(done.untriggered), 'deadline')} {', '.join(map(str, done.untriggered))}"
        say(f"counted from an erased milestone, working blanked: {ids} (date and rule kept)")
    if not done.wiped:
        _wal_kept(store.path)


def _confirm(question: str, refused: str) -> None:
    """Ask before what cannot be undone: anything but yes (or no terminal input) refuses."""
    from casetrack.errors import CasetrackError

    try:
        agreed = typer.confirm(question, default=False, err=True)
    except typer.Abort:  # no answer: the input ended
        say("")
        agreed = False
    if not agreed:
        raise CasetrackError(f"{refused}: answer y, or pass --yes")


def _wal_kept(path: Path) -> None:
    say(f"warning: another program is reading {path}: its -wal file keeps earlier pages"
        " until every program using the store has closed it")  # fmt: skip


def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Force = False,
) -> None:
    """Copy the store to FILE, safely even while others are writing to it.

    Example: casetrack backup ~/backups/casetrack-2026-11-25.db
    """
    from casetrack.maintenance import backup as copy_store

    size = copy_store(open_store(ctx), file, force=force)
    say(f"backed up to {file} ({size:,} bytes)")


def check(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Remove partial copies left by a stopped backup or export; work out again"
            " the milestone counts and dates `case list` shows, where they are out of step.",
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="With --fix: do not ask.")] = False,
) -> None:
    """Check the store: SQLite integrity, links, dates, names, text, and partial copies a
    stopped backup or export left beside it or here; exit 1 listing any problem. Quotes
    not found on the document page they cite are warnings (stderr), not problems.

    Examples: casetrack check ; casetrack check --fix
    """
    from casetrack.maintenance import check as run_checks
    from casetrack.maintenance import leftovers, remove_leftovers, warnings

    store = open_store(ctx)
    if yes and not fix:
        raise typer.BadParameter("--yes goes with --fix", param_hint="--yes")
    found = leftovers(store) if fix else []
    if found and not yes:
        size = sum(size for _, size in found)
        _confirm(f"remove {len(found)} partial cop{'y' if len(found) == 1 else 'ies'}"
                 f" ({size:,} bytes) left by a stopped backup or export?",
                 "nothing removed")  # fmt: skip
    for path in remove_leftovers(store) if found else []:
        say(f"removed {path}")
    if fix:
        from casetrack.cases import mend_figures

        mended = mend_figures(store)
        if mended:
            say(f"worked out the milestone counts and dates of {plural(len(mended), 'case')} again")
    problems = run_checks(store)
    for problem in problems:
        typer.echo(problem)
    for warning in warnings(store):
        say(f"warning: {warning}")
    if problems:
        raise typer.Exit(1)
    say(f"{store.path}: no problems found")


def where(ctx: typer.Context) -> None:
    """Print the absolute path of the store in use (stdout) and why it was chosen (stderr).

    The store is --db, else $CASETRACK_DB, else the nearest db/casetrack.db in the current
    folder or a folder above it.
    """
    from casetrack.cli.common import store_option
    from casetrack.store import locate

    location = locate(store_option(ctx))
    missing = location.reason != "none" and not os.path.lexists(location.path)
    if location.reason != "none" and not missing:
        open_store(ctx)  # a file that is no usable store is refused, as by every command
    typer.echo(location.path)
    say(location.why() + ("; it does not exist yet: the first command that writes creates it"
                          if missing else ""))  # fmt: skip
