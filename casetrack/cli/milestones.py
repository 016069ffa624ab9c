"""The everyday commands: init, demo, add, show, edit, rm and timeline."""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING, Annotated

import typer

from casetrack.cli import filters as f
from casetrack.cli.common import (
    FormatOption,
    MilestoneId,
    OutputFormat,
    Paged,
    counted,
    emit_one,
    open_store,
    out,
    say,
    say_edited,
    say_recounted,
)

if TYPE_CHECKING:
    from casetrack.drafts import Citation, PartySpec
    from casetrack.milestones import WriteReport

PartyOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--party",
        "-p",
        metavar="NAME[:ROLE]",
        help="NAME or NAME:ROLE, e.g. 'Jane Doe:defendant' (repeatable). The role is after"
        " the last colon: end a name that holds one with ':' ('Ministère public: Paris:').",
    ),
]
NewPartyOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--new-party",
        metavar="NAME[:ROLE]",
        help="Like --party, but a new name close to a known party's is created, and a role"
        " close to a known one kept as typed, not refused.",
    ),
]
SourceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--source", "-s", metavar="URL|ID", help="Source URL, citation or id (repeatable)."
    ),
]
NewSourceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--new-source",
        metavar="CITATION",
        help="Like --source, but a citation with the words of a known one in other case or"
        " punctuation is created as a new source, not refused.",
    ),
]
CiteOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--cite",
        metavar="DOC[:PAGE]",
        help="A registered document (id) at a page, by its printed label (iv) or position (#5)"
        " (repeatable); --quote gives the words on that page.",
    ),
]
TagOpt = Annotated[
    list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="A tag (repeatable).")
]
Quote = Annotated[str | None, typer.Option(help="The words in the source that support it.")]
Page = Annotated[str | None, typer.Option(help="Page in the source (pinpoint).")]
Paragraph = Annotated[str | None, typer.Option(help="Paragraph in the source (pinpoint).")]
Location = Annotated[str | None, typer.Option(help="Where it happened.")]
Note = Annotated[str | None, typer.Option(help="Your own note.")]


def register(app: typer.Typer) -> None:
    """Add the everyday milestone commands to `app`, in the order --help lists them."""
    for command in (init, demo, add, show, edit, rm, move, timeline):
        app.command()(command)


def init(ctx: typer.Context) -> None:
    """Create an empty store (does nothing to an existing one) and print its path.

    Without --db or $CASETRACK_DB it is db/casetrack.db in the current folder, unless a
    folder above already holds one: commands run anywhere below find it.
    """
    from casetrack.cli.common import store_option
    from casetrack.store import locate

    store = open_store(ctx, start=True)
    store.save_new()
    typer.echo(store.path)
    if locate(store_option(ctx)).reason == "parent":
        say("a folder above holds this store, so commands here use it; for a separate store"
            " here run 'casetrack --db db/casetrack.db init'")  # fmt: skip


def demo(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """Load a sample case into the store and print its timeline."""
    from casetrack.demo import DEMO_CASE, load_demo
    from casetrack.output.listings import render_timeline
    from casetrack.selection import Filters
    from casetrack.timeline import timeline

    store = open_store(ctx, start=True)
    if load_demo(store):
        say(f"loaded the sample case {DEMO_CASE!r} into {store.path}")
    else:
        store.nothing_changed()
        say(f"the sample case {DEMO_CASE!r} is already in {store.path}")
    out(render_timeline(timeline(store.conn, Filters(cases=[DEMO_CASE])), fmt.value))


def _citations(
    sources: list[str] | None,
    new_sources: list[str] | None,
    cites: list[str] | None,
    quote: str | None,
    page: str | None,
    paragraph: str | None,
    milestone: str = "ID",
) -> list[Citation]:
    """The cited sources and documents (DOC or DOC:PAGE); a quote, page or paragraph belongs
    to one of them, so with two it is refused rather than attributed to one that never
    said it."""
    from casetrack.drafts import Citation
    from casetrack.errors import CasetrackError

    given = [f"--{n}" for n, v in (("quote", quote), ("page", page), ("paragraph", paragraph)) if v]
    named = [("--source", ref) for ref in sources or []]
    named += [("--new-source", ref) for ref in new_sources or []]
    named += [("--cite", c) for c in cites or []]
    if not named and given:
        raise CasetrackError(
            "--quote, --page and --paragraph describe a source: add --source or --cite"
        )
    if len(named) > 1 and given:
        option, other = named[1]
        raise CasetrackError(
            f"{given[0]} describes one source, not {len(named)}: give one --source or --cite,"
            f" then cite {other} with 'casetrack edit {milestone} {option} {other} {given[0]} ...'"
        )
    citations = [Citation(ref, quote, page, paragraph) for ref in sources or []]
    citations += [Citation(ref, quote, page, paragraph, new=True) for ref in new_sources or []]
    for cite in cites or []:
        document, colon, at = cite.partition(":")
        if colon and page:
            raise CasetrackError(f"--cite {cite} names its page: leave out --page {page}")
        if not document.strip() or (colon and not at.strip()):
            raise CasetrackError(f"malformed --cite {cite!r}: use DOC or DOC:PAGE, e.g. 3:iv")
        citations.append(Citation("", quote, at if colon else page, paragraph, document=document))
    return citations


def add(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(metavar="CASE", help="Case slug.")],
    date: Annotated[str, typer.Argument(metavar="DATE", help="2003-06-17, 2003-06 or 2003.")],
    title: Annotated[str, typer.Argument(metavar="TITLE", help="What happened, in a line.")],
    kind: Annotated[str, typer.Option("--kind", "-k", help="raid, arrest, ruling, ...")] = "other",
    party: PartyOpt = None,
    new_party: NewPartyOpt = None,
    source: SourceOpt = None,
    new_source: NewSourceOpt = None,
    cite: CiteOpt = None,
    quote: Quote = None,
    page: Page = None,
    paragraph: Paragraph = None,
    location: Location = None,
    note: Note = None,
    tag: TagOpt = None,
    status: Annotated[str, typer.Option(help="undisputed, disputed or unsure.")] = "undisputed",
    key: Annotated[bool, typer.Option("--key", help="Mark as a key fact.")] = False,
) -> None:
    """Add a milestone to a case and print its id.

    Example: casetrack add pmoi-2003 2003-06-17 "Police raid on the offices" --kind raid
    --party "PMOI:subject" --party "DST:raiding authority" --source https://example.org/a ;
    casetrack add acme 2003-06-17 "Raid" --cite 3:iv --quote "the police raided the offices"

    --party NAME:ROLE links the party with that name or alias (any case, accents or punctuation:
    "acme widgets inc" links 'Acme Widgets, Inc.'). The role is after the last colon, so a name
    holding a colon ends with one: --party "Ministère public: Paris:" (no role) or --party
    "Ministère public: Paris:prosecutor"; a known party's whole name, colon included, also links
    it. A new name is created and said so, unless it is close to a known one ('Rajavi' or
    'Rajavy' beside 'Maryam Rajavi'): then nothing is written and the known names are suggested;
    --new-party NAME[:ROLE] creates it anyway. A new citation with the words of a known one in
    other case or punctuation is refused the same way; --new-source creates it anyway (two URLs
    are never close).
    """
    from casetrack.drafts import Draft
    from casetrack.milestones import add_milestone

    draft = Draft(
        case, date, title, kind=kind, parties=_party_specs(party, new_party),
        sources=_citations(source, new_source, cite, quote, page, paragraph),
        location=location, note=note, tags=tag or [], status=status, key=key,
    )  # fmt: skip
    report = add_milestone(open_store(ctx, create=True), draft)
    _report(report)
    typer.echo(report.milestone_id)


def _party_specs(party: list[str] | None, new_party: list[str] | None) -> list[PartySpec]:
    from casetrack.drafts import parse_party_spec

    return [parse_party_spec(p) for p in party or []] + [
        parse_party_spec(p, new=True) for p in new_party or []
    ]


def _report(report: WriteReport) -> None:
    if report.date.dropped:
        from casetrack.dates import display_date

        say(f"note: the time {report.date.dropped} is not kept: a milestone is dated by its day,"
            f" {display_date(report.date)}")  # fmt: skip
    for name in report.new_parties:
        typed, role = report.odd_roles.get(name, ("", ""))
        say(f"new party: {name}" + (typed and f" (with the role {role!r}, not a known role: if"
            f" {typed!r} is one name, write --party {typed + ':'!r})"))  # fmt: skip
    odd = {role for _, role in report.odd_roles.values()}
    for role in report.new_roles:
        if role not in odd:
            say(f"new role: {role} (not a known role, nor one in use: check its spelling)")
    for url in report.new_sources:
        say(f"new source: {url}")
    for warning in report.warnings:
        say(f"warning: {warning}")


def show(
    ctx: typer.Context,
    milestone_id: MilestoneId,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show one milestone with its parties, sources and tags."""
    from casetrack.dates import display_date, display_time
    from casetrack.deadlines.due import deadline_details
    from casetrack.milestones import get_milestone
    from casetrack.output.listings import cited_line

    store = open_store(ctx)
    milestone = get_milestone(store, milestone_id)
    record = milestone.to_dict()
    deadline = deadline_details(store.conn, milestone_id)
    if fmt not in (OutputFormat.json, OutputFormat.jsonl):
        record["date"] = f"{display_date(milestone.date)} ({milestone.date.text})"
        record["parties"] = [p.name + (f" ({p.role})" if p.role else "") for p in milestone.parties]
        record["sources"] = [cited_line(s) for s in milestone.sources]
        if deadline and "done" in deadline:
            deadline["done"] = display_time(deadline["done"])
        record |= deadline or {}
    elif deadline is not None:
        record["deadline"] = deadline
    emit_one(record, fmt)


def edit(
    ctx: typer.Context,
    milestone_id: MilestoneId,
    date: Annotated[str | None, typer.Option(help="New date.")] = None,
    title: Annotated[str | None, typer.Option(help="New title.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="New kind.")] = None,
    case: Annotated[str | None, typer.Option(help="Move to another case.")] = None,
    party: PartyOpt = None,
    new_party: NewPartyOpt = None,
    remove_party: Annotated[
        list[str] | None,
        typer.Option(
            metavar="NAME[:ROLE]", help="Unlink a party, or only its link with ROLE (repeatable)."
        ),
    ] = None,
    source: SourceOpt = None,
    new_source: NewSourceOpt = None,
    remove_source: Annotated[
        list[str] | None,
        typer.Option(metavar="ID|URL", help="Unlink a source id or URL (repeatable)."),
    ] = None,
    cite: CiteOpt = None,
    remove_cite: Annotated[
        list[str] | None,
        typer.Option(metavar="DOC", help="Unlink a registered document (repeatable)."),
    ] = None,
    quote: Quote = None,
    page: Page = None,
    paragraph: Paragraph = None,
    location: Location = None,
    note: Note = None,
    tag: TagOpt = None,
    remove_tag: Annotated[
        list[str] | None, typer.Option(metavar="TAG", help="Remove a tag (repeatable).")
    ] = None,
    status: Annotated[str | None, typer.Option(help="undisputed, disputed or unsure.")] = None,
    key: Annotated[bool | None, typer.Option("--key/--not-key", help="Key fact or not.")] = None,
    done: Annotated[
        bool | None,
        typer.Option("--done/--not-done", help="Done (it leaves 'casetrack upcoming') or not."),
    ] = None,
) -> None:
    """Change a milestone; options not given stay as they are.

    Example: casetrack edit 12 --date 2003-06 --party "Jane Doe:detainee" --remove-party "J. Doe"

    --party NAME:ROLE for a party already linked gives it that role instead of the ones it
    had (NAME alone keeps them); --party works as in 'casetrack add --help'.
    """
    from casetrack.milestones import MilestoneChange, edit_milestone

    change = MilestoneChange(
        date=date, title=title, kind=kind, case=case, location=location, note=note,
        status=status, key=key, done=done, add_parties=_party_specs(party, new_party),
        remove_parties=remove_party or [],
        add_sources=_citations(source, new_source, cite, quote, page, paragraph, str(milestone_id)),
        remove_sources=remove_source or [], remove_citations=remove_cite or [],
        add_tags=tag or [], remove_tags=remove_tag or [],
    )  # fmt: skip
    report = edit_milestone(open_store(ctx), milestone_id, change)
    _report(report)
    say_edited(f"milestone {milestone_id}", report.changed)
    say_recounted(report.recounted)


# How many milestone ids a message lists one by one, and how long their runs may get.
SAID_IDS = 10
SAID_RUNS = 60


def rm(
    ctx: typer.Context,
    milestone_ids: Annotated[
        list[int],
        typer.Argument(metavar="ID", help="Milestone ids.", callback=counted),
    ],
) -> None:
    """Delete milestones (they go to the trash and can be brought back).

    Several ids are one change: one 'casetrack undo' brings them all back; an unknown id
    deletes none. Example: casetrack rm 35 36
    """
    from casetrack.deadlines.due import trashed_triggers
    from casetrack.milestones import remove_milestones

    store = open_store(ctx)
    ids = remove_milestones(store, milestone_ids)
    if len(ids) == 1:
        say(f"moved milestone {ids[0]} to the trash: 'casetrack restore {ids[0]}' brings it back")
    else:
        say(f"moved {_many(ids)} to the trash: 'casetrack undo' brings them all back,"
            " 'casetrack restore ID' one")  # fmt: skip
    for warning in trashed_triggers(store.conn, triggers=ids):
        say(f"warning: {warning}")


def _many(ids: list[int]) -> str:
    """Milestone ids for a one-line message: each of a few, else how many and their runs
    (1000-6000), cut short so that removing thousands does not print thousands."""
    from casetrack.pages import labels_said

    if len(ids) <= SAID_IDS:
        return f"milestones {', '.join(map(str, ids))}"
    runs = labels_said([str(i) for i in sorted(ids)])
    if len(runs) > SAID_RUNS:
        runs = runs[:SAID_RUNS].rsplit(", ", 1)[0] + ", …"
    return f"{len(ids):,} milestones ({runs})"


def move(
    ctx: typer.Context,
    milestone_id: MilestoneId,
    before: Annotated[
        int | None,
        typer.Option(metavar="OTHER_ID", help="Put it before this.", callback=counted),
    ] = None,
    after: Annotated[
        int | None,
        typer.Option(metavar="OTHER_ID", help="Put it after this.", callback=counted),
    ] = None,
) -> None:
    """Put a milestone before or after another of its case, anywhere its date allows.

    Example: casetrack move 14 --before 12
    """
    from casetrack.milestones import move_milestone

    if (before is None) == (after is None):
        raise typer.BadParameter("give exactly one of --before OTHER_ID or --after OTHER_ID")
    other = before if before is not None else after
    assert other is not None
    side = "after" if after is not None else "before"
    if move_milestone(open_store(ctx), milestone_id, other, after=after is not None):
        say(f"moved {milestone_id} {side} {other}")
    else:
        say(f"milestone {milestone_id} is already {side} {other}")


@f.with_filters(cases=f.Cases)
def timeline(
    ctx: typer.Context,
    filters: f.FilterOptions = f.ALL,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", metavar="N", callback=counted, help="Show only the first N milestones."
        ),
    ] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Latest first.")] = False,
    wide: Annotated[
        bool, typer.Option("--wide", "-w", help="Also show parties and sources in the table.")
    ] = False,
    pager: Annotated[
        bool, typer.Option("--pager/--no-pager", help="Page long output on a terminal.")
    ] = True,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Print milestones in date order: one case, several, or all; or all of one party's.

    A table fits the terminal and shows id, date, elapsed time, kind and title; --wide adds
    parties and sources. Long output goes through $PAGER (less -FRX) on a terminal.

    Examples: casetrack timeline pmoi-2003 ; casetrack timeline --reverse --limit 5 ;
    casetrack timeline --party MEK --format json
    """
    from casetrack.output.listings import write_timeline
    from casetrack.parties import require_party_id
    from casetrack.timeline import TimelineQuery

    store = open_store(ctx)
    chosen = filters.selected()
    query = TimelineQuery(store.conn, chosen, limit, reverse)
    milestones = query.milestones()
    first = next(milestones, None)
    if first is None and fmt is OutputFormat.table:
        say("no milestones match")
        return
    if first is not None:
        milestones = chain([first], milestones)
    with Paged(pager) as write:
        if fmt is OutputFormat.csv:  # the sheet `export -f csv` writes: one CSV shape
            from casetrack.exchange.csvfmt import write_timeline_csv

            write_timeline_csv(write, store.conn, milestones)
            return
        focus = {require_party_id(store.conn, name, addable=False) for name in chosen.parties}
        write_timeline(write, milestones, fmt.value, focus, wide, reverse, query)
