"""`casetrack export` and `casetrack import`: data in and out of the store."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from casetrack.cli import filters as f
from casetrack.cli.common import Force, choice_option, open_store, say
from casetrack.errors import OptionRefused
from casetrack.exchange import (
    BINARY,
    DOCKET_SHAPES,
    EXPORTERS,
    IMPORT_FORMATS,
    LAYOUTS,
)

if TYPE_CHECKING:
    from casetrack.exchange.importer import ImportReport, KeptField


def register(app: typer.Typer) -> None:
    """Add export and import to `app`; casetrack.cli orders the groups for --help."""
    app.command("export")(export)
    app.command("import")(import_)


@f.with_filters(cases=f.Cases)
def export(
    ctx: typer.Context,
    filters: f.FilterOptions = f.ALL,
    fmt: Annotated[
        str | None,
        choice_option(
            "--format",
            "-f",
            choices=lambda: tuple(EXPORTERS),
            help=f"One of: {', '.join(EXPORTERS)} (default: from -o's extension, else json).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file (atomically), not stdout ('-': stdout)."
        ),
    ] = None,
    layout: Annotated[
        str,
        choice_option(
            "--layout",
            choices=lambda: LAYOUTS,
            what="layout",
            help="svg/html: auto (vertical past 40 milestones), horizontal or vertical.",
        ),
    ] = "auto",
    excel: Annotated[
        bool,
        typer.Option(
            "--excel", help="csv: start with a UTF-8 byte order mark, so Excel shows accents."
        ),
    ] = False,
    force: Force = False,
) -> None:
    """Export the whole store, some cases or a filtered selection.

    An existing -o file is refused unless --force, which replaces it atomically.

    The format follows -o's extension (.json .jsonl .csv .ics .md .svg .html .docx .pdf);
    --format chooses it for stdout or for a name without one. docx and pdf are the chronology
    report to file: a header per case, then Date | Fact | Parties | Source and pinpoint |
    Status.

    Examples:

    \b
    casetrack export -o backup.json
    casetrack export nec-2003 -o nec.ics
    casetrack export --party NEC --excel -o nec.csv
    casetrack export nec-2003 -o nec.html
    casetrack export nec-2003 --format timelinejs -o nec-timeline.json
    casetrack export nec-2003 --status disputed -o disputed.docx
    """
    from casetrack.exchange import binary_writer, export_format, writer
    from casetrack.exchange.selection import Selection
    from casetrack.output.files import binary_file, check_target, text_file

    store = open_store(ctx)
    if output is not None and str(output) == "-":
        output = None
    if output is not None:
        # first: `-o casetrack.db` is a slip, not a format; an existing file is asked for
        check_target(output, store.path, force=force)
    fmt = export_format(str(output) if output else None, fmt)
    chosen = filters.selected()
    if excel and fmt != "csv":
        raise typer.BadParameter("only CSV takes it: add --format csv", param_hint="--excel")
    with Selection(store.conn, chosen, layout, excel) as selection:
        if fmt in BINARY:
            with binary_file(output, store.path, fmt, force=force) as raw:
                binary_writer(fmt)(selection, raw)
        else:
            with text_file(output, store.path, force=force) as stream:
                writer(fmt)(selection, stream)
        for line in selection.omissions():
            say(line)
        if selection.empty():
            say("warning: no milestones match: the export holds none")
    if output is not None:
        say(f"exported to {output}")


def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="File to import; - reads stdin.")],
    fmt: Annotated[
        str | None,
        choice_option(
            "--format",
            "-f",
            choices=lambda: IMPORT_FORMATS,
            help="json, jsonl or csv (default: from the file name or its first line).",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Check everything, say what would change, write nothing."),
    ] = False,
    case: Annotated[
        str | None,
        typer.Option(
            help="Import only this case's milestones; rows with no case go into it. A docket:"
            " the case's slug (default: the case its entries are in, else court and docket"
            " number, e.g. txed-6-07-cv-00354)."
        ),
    ] = None,
    source: Annotated[
        str | None,
        choice_option(
            "--from",
            choices=lambda: DOCKET_SHAPES,
            what="docket source",
            help="Read a court docket from courtlistener or juriscraper (default: detected).",
            show_default=False,
        ),
    ] = None,
    attorneys: Annotated[
        bool,
        typer.Option(
            "--attorneys", help="A docket: add attorneys as parties, 'attorney for NAME'."
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Take the file's version even of what was edited here since it was last"
            " imported (kept otherwise); the import's undo gives ours back.",
        ),
    ] = False,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            metavar="OLD_EXPORT",
            help="Merge FILE (their export) three ways by uid against OLD_EXPORT, the export"
            " both sides last shared: take what only they changed, list conflicts, keep ours.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Import a casetrack JSON/JSONL export, a CSV sheet or a court docket, all or nothing.

    Records already in the store (same uid; parties also by name or alias, sources by URL)
    are updated, not copied, so importing a file twice changes nothing. A court docket
    (juriscraper DocketReport JSON; CourtListener docket, docket entries or docket alert)
    becomes a case with one milestone per entry; importing a newer copy adds the new
    entries and updates the changed ones.

    A milestone (or case, party, source) edited here since it was last imported (or added)
    is kept when the file says something else, and named: --overwrite takes the file's
    version anyway. A docket's entry keeps, field by field, only what was edited here (a
    line each: "kept your edit of milestone 3's date: ..."); the rest follows the docket.

    --base OLD_EXPORT merges their export into the store three ways: what only they
    changed is taken, what only they deleted goes to the trash, a milestone changed on both
    sides is a conflict (ours kept, a line each on stdout). One change: undo takes it back.

    Examples: casetrack import backup.json ; casetrack import sheet.csv --case nec-2003 --dry-run
    ; casetrack import txed-docket.json --attorneys ; casetrack import alert.json --case nvlsp
    ; casetrack import --base shared.jsonl theirs.jsonl
    """
    from casetrack.exchange.reading import choose_reader, import_input, opened, shown_name

    if source is not None and fmt is not None:
        raise typer.BadParameter("a docket is JSON: drop --format", param_hint="--from")
    if base is not None:
        given = [o for o, v in (("--case", case), ("--from", source), ("--attorneys", attorneys),
                                ("--overwrite", overwrite)) if v]  # fmt: skip
        if given:
            raise typer.BadParameter(
                f"a merge takes the whole export and decides by itself: drop {given[0]}",
                param_hint="--base",
            )
        _merge(ctx, base, file, fmt, dry_run)
        return
    store = open_store(ctx, create=True)
    with opened(file) as (raw, size):
        try:
            chosen = choose_reader(
                store.conn, raw, shown_name(file), size,
                fmt=fmt, shape=source, case=case, attorneys=attorneys,
            )  # fmt: skip
        except OptionRefused as err:
            raise typer.BadParameter(str(err), param_hint=err.option) from None
        with _progress(chosen.total, chosen.docket) as (tick, finishing):
            report = import_input(
                store, chosen, dry_run=dry_run, overwrite=overwrite,
                on_progress=tick, on_finishing=finishing,
            )  # fmt: skip
    _summary(report, dry_run, shown_name(file))
    _edited_here(report, file, dry_run, docket=chosen.docket)


def _merge(ctx: typer.Context, base: str, file: str, fmt: str | None, dry_run: bool) -> None:
    """`import --base`: both files read (and refused) before the store is opened."""
    from casetrack.exchange.merge import merge
    from casetrack.exchange.reading import read_export_file
    from casetrack.text import plural

    if base == "-" and file == "-":
        raise typer.BadParameter("only one of the two can be read from stdin", param_hint="--base")
    old, theirs = read_export_file(base), read_export_file(file, fmt)
    store = open_store(ctx, create=True)
    report = merge(store, old, theirs, dry_run=dry_run)
    for warning in report.imported.warnings:
        say(f"warning: {warning}")
    for line in report.conflicts:
        typer.echo(line)
    plan, n = report.plan, len(report.conflicts)
    kinds = (("milestone", None), ("case", None), ("party", "parties"), ("source", None))
    taken = [plural(k, kind, many) for kind, many in kinds if (k := len(plan.taken(kind)))]
    trashed = len(plan.trash) if dry_run else report.trashed
    parts = [
        f"taken from theirs: {', '.join(taken) or 'nothing'}",
        *([f"moved to the trash: {plural(trashed, 'milestone')}"] if trashed else []),
        f"{plural(n, 'conflict')}" + (" (ours kept, listed above)" if n else ""),
    ]
    prefix = "dry run, nothing written; would merge" if dry_run else "merged"
    say(f"{prefix} {theirs.name} (base {old.name}): {'; '.join(parts)}")


def _edited_here(report: ImportReport, file: str, dry_run: bool, *, docket: bool) -> None:
    """Say which milestones, cases, parties and sources edited here the import kept, or
    replaced (--overwrite); a docket's milestones field by field."""
    if report.kept or report.kept_records:
        n = len(report.kept) + len(report.kept_records)
        kept = "would keep" if dry_run else "kept"
        merge = "" if docket else "; --base OLD_EXPORT merges both sides' changes"
        say(
            f"{kept} our version of {_named(report.kept, report.kept_records)}: edited here"
            f" since {'it was' if n == 1 else 'they were'} last imported or added, and the file"
            f" says otherwise ('casetrack import --overwrite {file}' takes the file's{merge})"
        )
    for field in report.kept_fields:
        say(_kept_field(field, dry_run))
    if report.in_trash:
        it = "it" if len(report.in_trash) == 1 else "them"
        say(
            f"{'would skip' if dry_run else 'skipped'} {_named(report.in_trash, [])}: in the"
            f" trash, left as {'it is' if it == 'it' else 'they are'} where the docket says"
            f" otherwise ('casetrack restore {' '.join(map(str, report.in_trash))}' brings {it}"
            f" back, and the next import updates {it})"
        )
    if report.overwritten or report.overwritten_records:
        say(
            f"{'would replace' if dry_run else 'replaced'}"
            f" {_named(report.overwritten, report.overwritten_records)} edited here with the"
            " file's version ('casetrack undo' takes the import back, ours with it)"
        )


def _kept_field(kept: KeptField, dry_run: bool) -> str:
    """'kept your edit of milestone 3's date: 21 Jan 2004 (the docket says 20 Jan 2004)'."""
    from casetrack.text import shortened

    verb = "would keep" if dry_run else "kept"
    what = f"{verb} your edit of milestone {kept.milestone}'s"
    if kept.field in ("parties", "sources", "place"):
        named = {"parties": "parties", "sources": "sources", "place": "place on the timeline"}
        return f"{what} {named[kept.field]} (the docket says otherwise)"
    ours, theirs = (
        (repr(shortened(text, 40)) if kept.field in _TEXTS else text or "none")
        for text in (kept.ours, kept.theirs)
    )
    return f"{what} {kept.field}: {ours} (the docket says {theirs})"


_TEXTS = ("title", "location", "note")


def _named(ids: list[int], records: list[str], shown: int = 20) -> str:
    """'milestone 5', 'milestones 5, 7, 9', 'case 'x'' or both, each list cut at `shown`."""
    parts = [_ids(ids, shown)] if ids else []
    more = f" and {len(records) - shown} more" if len(records) > shown else ""
    if records:
        parts.append(", ".join(records[:shown]) + more)
    return ", ".join(parts)


def _ids(ids: list[int], shown: int = 20) -> str:
    """'milestone 5' or 'milestones 5, 7, 9' (the first `shown`, then how many more)."""
    ids = sorted(ids)
    listed = ", ".join(map(str, ids[:shown]))
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return f"milestone{'' if len(ids) == 1 else 's'} {listed}{more}"


@contextmanager
def _progress(
    size: int | None, records: bool = False
) -> Iterator[tuple[Callable[[int], None], Callable[[], None]]]:
    """A progress bar on stderr for large files (or dockets of many records), only when a
    person is watching: (advance to this many bytes or records read, say that the import is
    writing its indexes and history)."""
    if not size or size < (500 if records else 1 << 20) or not sys.stderr.isatty():
        yield (lambda done: None), (lambda: None)
        return
    with typer.progressbar(length=size, label="importing", file=sys.stderr) as bar:
        position = [0]

        def tick(done: int) -> None:
            bar.update(done - position[0])
            position[0] = done

        def finishing() -> None:
            tick(size)
            bar.label = "finishing: history, search and indexes"
            bar.render_progress()

        yield tick, finishing


def _summary(report: ImportReport, dry_run: bool, name: str) -> None:
    """What the import did; nothing at all only from an export of an empty store (or of a
    selection of none), the one file holding no record that is not refused."""
    from casetrack.text import noun, plural

    for warning in report.warnings:
        say(f"warning: {warning}")
    parts = []
    for what in ("kind", "case", "party", "document", "source", "milestone"):
        counts = [
            f"{n} {label}"
            for label, n in (
                ("added", report.added[what]),
                ("updated", report.updated[what]),
                ("unchanged", report.unchanged[what]),
                ("kept", len(report.kept) + report.kept_entries if what == "milestone" else 0),
            )
            if n
        ]
        if counts:
            parts.append(f"{noun(2, what, 'parties' if what == 'party' else None)}: "
                         + ", ".join(counts))  # fmt: skip
    if report.skipped:
        parts.append(f"{plural(report.skipped, 'milestone')} of other cases skipped")
    prefix = "dry run, nothing written; would import" if dry_run else "imported"
    nothing = f"nothing ({name} is an export of an empty store, or of a selection of none)"
    say(f"{prefix}: " + ("; ".join(parts) if parts else nothing))
