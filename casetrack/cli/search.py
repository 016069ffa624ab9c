"""`casetrack search`: find milestones by the words in them, their parties and sources."""

from __future__ import annotations

import os
import sys
from itertools import islice
from typing import TYPE_CHECKING, Annotated

import typer

from casetrack.cli import filters as f
from casetrack.cli.common import FormatOption, OutputFormat, counted, open_store, say, written

if TYPE_CHECKING:
    from casetrack.search import NamedCase

# How many cases whose title, slug, docket number or court matches are named, each on a
# line of its own.
_NAMED = 3
_WIDTH = 79
# Bold yellow on a terminal; NO_COLOR (https://no-color.org) or a pipe get plain brackets.
_ANSI_MARKS = ("\x1b[1;33m", "\x1b[0m")


def _marks(fmt: OutputFormat) -> tuple[str, str]:
    if fmt is OutputFormat.markdown:
        return ("**", "**")
    if fmt is OutputFormat.table and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return _ANSI_MARKS
    return ("[", "]")


@f.with_filters()
def search(
    ctx: typer.Context,
    text: Annotated[
        list[str] | None,
        typer.Argument(
            help='Words to find; "a phrase", prefix*, AND / OR / NOT between terms.',
            show_default=False,
        ),
    ] = None,
    filters: f.FilterOptions = f.ALL,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", metavar="N", callback=counted, help="Show at most this many matches."
        ),
    ] = 50,
    all_: Annotated[bool, typer.Option("--all", help="Show every match.")] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rebuild the search index (then search, if TEXT).")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Find milestones whose title, note, location, tags, quotes, parties or sources match,
    then the other milestones of the cases whose title, slug, docket number or court
    matches, and pages of registered documents (below them; with no filter but --case).

    Case and accents do not matter. Examples: casetrack search raid ;
    casetrack search '"money laundering"' --case nec-2003 ;
    casetrack search 'farah*' --format json ; casetrack search 1:21-cv-01234
    """
    from casetrack.output.listings import write_search
    from casetrack.search import rebuild_index
    from casetrack.search import search as find

    if not text and not rebuild:
        alone = (
            "; with no words, 'casetrack timeline' takes the same filters (the cases as"
            " arguments) and lists what they select"
        )
        raise typer.BadParameter(
            "give words to search for, or --rebuild" + (alone if filters != f.ALL else ""),
            param_hint="TEXT",
        )
    store = open_store(ctx)
    if rebuild:
        say(f"rebuilt the search index ({rebuild_index(store)} milestones)")
        if not text:
            return
    chosen = filters.selected()
    result = find(store.conn, " ".join(text or []), chosen, None if all_ else limit)
    if not result.total and not result.page_total and fmt is OutputFormat.table:
        cases = list(islice(result.cases, _NAMED + 1))
        say("no milestones match" if cases else "no matches")
        _say_cases(cases)
        return
    write_search(written, result.hits, fmt.value, _marks(fmt), result.pages,
                 result.several_cases, result.widths)  # fmt: skip
    _say_cases(list(islice(result.cases, _NAMED + 1)))
    for more, what in zip(result.more(), ("", " in documents"), strict=True):
        if more:
            say(f"{more} more match{'es' if more > 1 else ''}{what}: show them with --limit N"
                " or --all")  # fmt: skip


def _say_cases(cases: list[NamedCase]) -> None:
    """Name the cases whose title, slug, docket number or court matched (their milestones
    are listed after those that hold the words themselves) and how to list one: at most
    _NAMED of them."""
    from casetrack.text import shortened

    for case in cases[:_NAMED]:
        # One line in 80 columns: a long title is cut short.
        room = max(_WIDTH - len(f'case {case.slug}, "": casetrack timeline {case.slug}'), 12)
        title = shortened(case.title, room)
        say(f'case {case.slug}, "{title}": casetrack timeline {case.slug}')
    if len(cases) > _NAMED:
        say("more cases match: casetrack case list")
