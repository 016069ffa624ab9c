"""`casetrack case ...`: create, list, show, edit and delete cases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

import typer

from casetrack.case_status import CASE_STATUSES
from casetrack.cli.common import (
    FormatOption,
    OutputFormat,
    emit,
    emit_one,
    emit_rows,
    open_store,
    say,
)
from casetrack.text import plural

app = typer.Typer(help="Create, list, show, edit, rename and delete cases.", no_args_is_help=True)

Jurisdiction = Annotated[str | None, typer.Option(help="e.g. France")]
Court = Annotated[str | None, typer.Option(help="e.g. 'Paris Court of Appeal'")]
Docket = Annotated[str | None, typer.Option(help="Docket or case number.")]
Status = Annotated[
    str | None,
    typer.Option(metavar="STATUS", help=f"Where it stands: {', '.join(CASE_STATUSES)}."),
]
Summary = Annotated[str | None, typer.Option(help="A few sentences on the matter.")]


@app.command("add")
def add(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="Short name used by every command, e.g. acme-2003.")],
    title: Annotated[str, typer.Option(help="Full title of the matter.")],
    jurisdiction: Jurisdiction = None,
    court: Court = None,
    docket: Docket = None,
    status: Status = None,
    summary: Summary = None,
) -> None:
    """Create a case.

    Example: casetrack case add pmoi-2003 --title "Raid on the PMOI offices" --jurisdiction France
    """
    from casetrack.cases import add_case

    case = add_case(
        open_store(ctx, create=True), slug, title, jurisdiction=jurisdiction, court=court,
        docket=docket, status=status, summary=summary,
    )  # fmt: skip
    say(f"added case {case.slug}")


# A day as listings say it: the first and last dates ask this much room before the title
# narrows further, rather than wrapping ("23 Jan" / "2019").
DAY_WIDTH = len("30 Sep 2024")


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            metavar="STATUS",
            help=f"Only the cases of this status: {', '.join(CASE_STATUSES)}.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List cases with their milestone counts and date range.

    Example: casetrack case list --status stayed
    """
    from casetrack.case_status import case_status
    from casetrack.cases import case_widths, list_cases, listed_cells

    status = None if status is None else case_status(status)  # refused before anything is read
    store = open_store(ctx)
    layout: dict[str, Any] = dict(
        flexible=("title", "first", "last"), comfort=DAY_WIDTH,
        empty=f"no case is {status}: see 'casetrack case list'" if status else
        "no cases yet: add one with 'casetrack case add SLUG --title TEXT'",
    )  # fmt: skip
    if fmt in (OutputFormat.table, OutputFormat.markdown):
        rows = _as_said(listed_cells(store, status))
        emit_rows(rows, fmt, list(TABLE_COLUMNS), dates=("first", "last"),
                  widest=lambda: case_widths(store.conn, status), **layout)  # fmt: skip
        return
    columns = ["slug", "title", "status", "milestones", "first", "last"]
    if fmt is OutputFormat.csv:
        columns += ["first_date", "last_date"]
    emit(list_cases(store, status), fmt, columns, **layout)


@app.command("show")
def show(ctx: typer.Context, slug: str, fmt: FormatOption = OutputFormat.table) -> None:
    """Show one case's details."""
    from casetrack.cases import get_case

    emit_one(get_case(open_store(ctx), slug).to_dict(), fmt)


@app.command("edit")
def edit(
    ctx: typer.Context,
    slug: str,
    title: Annotated[str | None, typer.Option(help="New title.")] = None,
    jurisdiction: Jurisdiction = None,
    court: Court = None,
    docket: Docket = None,
    status: Status = None,
    summary: Summary = None,
) -> None:
    """Change a case's details; options not given stay as they are.

    Example: casetrack case edit pmoi-2003 --status "on appeal"
    """
    from casetrack.cli.common import say_edited, say_recounted
    from casetrack.deadlines.due import edit_case

    _, recounted, changed = edit_case(
        open_store(ctx), slug, title=title, jurisdiction=jurisdiction, court=court,
        docket=docket, status=status, summary=summary,
    )  # fmt: skip
    say_edited(f"case {slug}", changed)
    say_recounted(recounted)


@app.command("rename")
def rename(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(metavar="OLD-SLUG")],
    new_slug: Annotated[str, typer.Argument(metavar="NEW-SLUG")],
) -> None:
    """Give a case another slug; its milestones and history go with it.

    Example: casetrack case rename acme-2091 acme-2019
    """
    from casetrack.cases import rename_case

    case = rename_case(open_store(ctx), slug, new_slug)
    say(f"renamed case {slug.strip()} to {case.slug}")


@app.command("rm")
def rm(
    ctx: typer.Context,
    slug: str,
    force: Annotated[bool, typer.Option("--force", help="Also trash its milestones.")] = False,
) -> None:
    """Move a case to the trash (refused while it has milestones, unless --force)."""
    from casetrack.cases import remove_case

    count = remove_case(open_store(ctx), slug, force=force)
    say(f"moved case {slug}" + (f" and {plural(count, 'milestone')}" if count else "")
        + f" to the trash: 'casetrack restore --case {slug}' brings it back")  # fmt: skip


# A table's columns: a case's status is marked after its title (cases.marked_title).
TABLE_COLUMNS = ("slug", "title", "milestones", "first", "last")


def _as_said(
    rows: Iterable[tuple[str, str, str, str, str | None, str | None]],
) -> Iterator[tuple[str, ...]]:
    """Each case's row for people: its status marked after its title, its first and last
    milestones' dates as said (not bounding days)."""
    from casetrack.cases import marked_title
    from casetrack.dates import display_text

    for slug, title, status, count, first, last in rows:
        said = display_text(first) if first else "", display_text(last) if last else ""
        yield slug, marked_title(title, status), count, *said
