"""What every command shares: the store option, output formats, messages on stderr."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from casetrack.store import Store

_T = TypeVar("_T")


class OutputFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def choice_option(
    *decls: str,
    help: str,
    enum: type[StrEnum] | None = None,
    choices: Callable[[], Sequence[str]] = tuple,
    what: str = "format",
    show_default: bool = True,
    clears: bool = False,
) -> Any:
    """The one way to declare an option that takes one of a few names: typed in any case, a
    wrong name is refused with the closest ones (exit 2). The names are an `enum`'s, whose
    member the command receives and whose names --help lists, or what `choices` gives
    (a function, to import them only when the option is used). A format may also be given
    by another name for it (casetrack.exchange.FORMAT_ALIASES: md for markdown). With
    `clears`, an empty value ('') is passed on as '': the field is cleared, as '' clears a
    text field in every edit command."""

    def names() -> tuple[str, ...]:
        return tuple(m.value for m in enum) if enum else tuple(choices())

    def check(value: str | None) -> str | None:
        from casetrack.exchange import FORMAT_ALIASES

        if clears and value is not None and not value.strip():
            return ""
        try:
            picked = choice(value, names(), what, FORMAT_ALIASES if what == "format" else None)
        except typer.BadParameter as err:
            if not clears:
                raise
            raise typer.BadParameter(f"{err.message}, or '' to clear it") from None
        if picked is None or enum is None:
            return picked
        member: StrEnum = enum(picked)
        return member

    metavar = "<" + "|".join(names()) + ">" if enum else None
    return typer.Option(
        *decls, callback=check, help=help, metavar=metavar, show_default=show_default
    )


if TYPE_CHECKING:
    FormatOption = OutputFormat  # what choice_option's check hands the command
else:
    FormatOption = Annotated[
        str, choice_option("--format", "-f", enum=OutputFormat, help="Output format.")
    ]


# Row ids are SQLite integers: a larger number is a usage error, not an overflow.
MAX_ID = 2**63 - 1


def counted(value: Any) -> Any:
    """Ids or a count (one, or a list): whole numbers from 1, checked here rather than by a
    min/max that --help would spell out as [1<=x<=9223372036854775807]."""
    for number in value if isinstance(value, list | tuple) else [value]:
        if number is not None and number < 1:
            raise typer.BadParameter(f"{number} is below 1: give a whole number from 1")
        if number is not None and number > MAX_ID:
            raise typer.BadParameter(f"{number} is larger than any id (at most {MAX_ID})")
    return value


# Every command that writes a file the user names refuses one already there without it
# (output.files.check_target).
Force = Annotated[
    bool,
    typer.Option("--force", help="Replace the file if it exists (atomically; never a live store)."),
]
MilestoneId = Annotated[
    int, typer.Argument(metavar="ID", help="Milestone id.", callback=counted, show_default=False)
]


@dataclass
class State:
    """Global options, kept on the Click context for every command."""

    db: Path | None = None


def command_name(ctx: typer.Context) -> str:
    """The command a change is recorded as ('import', 'party merge'): the names below the
    program's, however it was started (`casetrack`, `python -m casetrack`), as the history
    tells imports from edits here by it (history.IMPORTS)."""
    if ctx.parent is None:  # the program itself
        return ctx.command_path
    names, parent = [ctx.info_name or ""], ctx.parent
    while parent.parent is not None:
        names.append(parent.info_name or "")
        parent = parent.parent
    return " ".join(reversed(names))


def open_store(ctx: typer.Context, *, create: bool = False, start: bool = False) -> Store:
    """The store chosen by --db / $CASETRACK_DB / the nearest db/casetrack.db, closed when
    the command ends.

    create: a missing store named by --db or $CASETRACK_DB is created by the first write
    that succeeds. start (init, demo): so is db/casetrack.db here when none is found.
    """
    from casetrack.errors import StoreError
    from casetrack.store import Store, locate

    location = locate(store_option(ctx))
    if location.reason == "none" and not start:
        raise StoreError(location.not_found())
    store = Store.open(
        location.path, create=create or start, missing=location.not_found(), folder=start
    )
    store.command = command_name(ctx)
    ctx.call_on_close(store.close)
    return store


def store_option(ctx: typer.Context) -> Path | None:
    """The --db given, if any."""
    state = ctx.find_object(State) or State()
    return state.db


def existing_store(ctx: typer.Context) -> Store | None:
    """The store if its file exists: commands that only read must not create one."""
    from casetrack.store import locate

    location = locate(store_option(ctx))
    try:
        missing = location.reason == "none" or not location.path.exists()
    except (OSError, ValueError):
        missing = False  # unusable path: open_store says why
    return None if missing else open_store(ctx)


def choice(
    value: str | None,
    choices: tuple[str, ...] | list[str],
    what: str = "format",
    aliases: dict[str, str] | None = None,
) -> str | None:
    """An option value checked case-insensitively, or another name for one of the choices
    (`aliases`), with a did-you-mean hint (exit 2)."""
    from casetrack.errors import CasetrackError
    from casetrack.text import check_choice

    if value is None:
        return None
    known = {a: c for a, c in (aliases or {}).items() if c in choices}
    try:
        return check_choice(value, choices, what, known)
    except CasetrackError as err:
        from casetrack.exchange import instead

        hint = instead(value) if what == "format" and "csv" in choices else ""
        said = str(err).replace(": use one of ", f": {hint}: use " if hint else ": use ")
        raise typer.BadParameter(said) from None


def not_utf8(text: str) -> str:
    """The refusal of text that is not UTF-8. Python hands over bytes that are not UTF-8 (a
    terminal in another encoding, a mangled paste) as lone surrogates, which no store or
    terminal can take."""
    try:  # the bytes as typed, where they came from bytes
        shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte gave
        shown = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return f"'{shown}' is not UTF-8 text: type it again, or set the terminal to UTF-8"


def say(message: str) -> None:
    """A message for the person at the terminal: stderr, so stdout stays clean data."""
    typer.echo(message, err=True)


def say_edited(what: str, changed: bool, detail: str = "") -> None:
    """What an edit did, as every `edit` command says it: 'updated rule r1' (and `detail`),
    or 'rule r1 already says that' when the values given are the ones it has (nothing was
    written, no history, exit 0)."""
    say(f"updated {what}{detail}" if changed else f"{what} already says that")


def say_folded(message: str, indent: str = "", hang: str = "    ") -> None:
    """A message that may be long (a deadline's working, a field changed from one long text
    to another), folded at spaces to the terminal's width with its later lines indented by
    `hang`, as a table's cells are (listings.fold: a date or a time is never split); a
    field's new text that is long ("' → '" and over half a line) starts a line of its own,
    a short one stays beside its old text. Whole when no width is known (output to a pipe or
    a file, no $COLUMNS), as tables are, for grep."""
    from casetrack.output.listings import fold, terminal_width

    width = terminal_width()
    if width is None or len(indent + message) <= width:
        say(indent + message)
        return
    import re

    room = max(width, 40) - len(hang)
    parts: list[str] = []
    for part in re.split(r"(?<=') (?=→ ')", message):
        if parts and len(part.split("'; ", 1)[0]) <= room // 2:
            parts[-1] += f" {part}"
        else:
            parts.append(part)
    for number, part in enumerate(parts):
        lines = fold(part, room, len(part)).splitlines()
        say("\n".join((indent if number == 0 and i == 0 else hang) + line
                      for i, line in enumerate(lines)))  # fmt: skip


def say_recounted(ids: list[int]) -> None:
    """Tell which deadlines a change counted again (their trigger, rule or court moved)."""
    if ids:
        from casetrack.text import noun

        said = f"{noun(len(ids), 'deadline')} {', '.join(map(str, ids))}"
        say(f"counted again: {said} (see 'casetrack show ID')")


def stdout_is_terminal() -> bool:
    """Whether a person reads stdout (not a file or a pipe): listings long enough to need
    a limit show the newest rows there, and everything to a file."""
    import sys

    return sys.stdout.isatty()


def out(text: str) -> None:
    """Data on stdout, exactly as rendered."""
    typer.echo(text, nl=False)


# The status of a command whose reader left (`| head`): as a shell shows git's, killed by
# SIGPIPE (128 + 13), and with nothing on stderr.
PIPE_CLOSED = 141


def reader_left() -> NoReturn:
    """End quietly once stdout's reader has gone: the rest is not wanted."""
    _silence_stdout()
    raise typer.Exit(PIPE_CLOSED)


def _silence_stdout() -> None:
    """Send what stdout still holds nowhere, so leaving does not fail on the closed pipe."""
    import os
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


class Paged:
    """Data on stdout, written as it comes; on a terminal, output longer than the screen
    goes through a pager ($PAGER, else less -FRX) as git does. A pipe, a file or
    `pager=False` gets the text as is. Use as a context manager; call it to write."""

    def __init__(self, pager: bool = True) -> None:
        import os
        import shlex
        import shutil
        import sys

        self.command = os.environ.get("PAGER", "less -FRX").strip()
        self.paging = bool(
            pager
            and sys.stdout.isatty()
            and self.command not in ("", "cat")
            and shutil.which(shlex.split(self.command)[0])
        )
        self.room = shutil.get_terminal_size().lines
        self.held: list[str] = []  # on a terminal, until it is more than a screen
        self.lines = 0
        self.shown: Any = None  # the pager's process, once started
        self.closed = False  # the reader quit the pager before the end

    def __call__(self, text: str) -> None:
        if not self.paging:
            written(text)
        elif self.shown is None:
            self.held.append(text)
            self.lines += text.count("\n")
            if self.lines >= self.room:
                self._start()
        elif not self.closed:
            self._feed(text)

    def _start(self) -> None:
        import subprocess
        import sys

        sys.stdout.flush()
        self.shown = subprocess.Popen(
            self.command, shell=True, stdin=subprocess.PIPE, encoding="utf-8"
        )
        self._feed("".join(self.held))
        self.held = []

    def _feed(self, text: str) -> None:
        try:
            self.shown.stdin.write(text)
        except BrokenPipeError:
            self.closed = True

    def __enter__(self) -> Paged:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown is None:
            out("".join(self.held))
            return
        import contextlib

        with contextlib.suppress(BrokenPipeError):  # the reader quit the pager before the end
            self.shown.stdin.close()
        self.shown.wait()


def emit(
    records: Iterable[dict[str, Any]],
    fmt: OutputFormat,
    columns: list[str] | None = None,
    flexible: tuple[str, ...] = (),
    empty: str = "nothing to show",
    droppable: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    times: tuple[str, ...] = (),
    comfort: int = 0,
    widest: Callable[[], Mapping[str, int]] | None = None,
) -> None:
    """Records as a listing, written as they come (a long listing is never held: see
    listings.write_listing, and its `widest`); the `dates` (EDTF) and `times` (timestamps)
    fields are said as people read them in a table or markdown, and kept as stored for
    programs; a table never splits a date or a time over lines (listings.fit_columns)."""
    from casetrack.output.listings import write_listing

    listed = _unless_empty(records, fmt, empty)
    if listed is None:
        return
    if fmt in _FOR_PEOPLE and (dates or times):
        listed = (_for_people(r, dates, times) for r in listed)
    write_listing(written, listed, fmt.value, columns, flexible, droppable, None, comfort,
                  widest, (*dates, *times))  # fmt: skip


def emit_rows(
    rows: Iterable[Sequence[str]],
    fmt: OutputFormat,
    columns: list[str],
    flexible: tuple[str, ...] = (),
    empty: str = "nothing to show",
    droppable: tuple[str, ...] = (),
    comfort: int = 0,
    widest: Callable[[], Mapping[str, int]] | None = None,
    dates: tuple[str, ...] = (),
) -> None:
    """`emit` of rows already made text (a table, Markdown or CSV), their cells in the order
    of `columns`, dates already said: a long listing's quicker way, with no record per row.
    The `dates` columns are never split over lines, as in `emit` (listings.fit_columns)."""
    from casetrack.output.listings import write_rows

    listed = _unless_empty(rows, fmt, empty)
    if listed is not None:
        write_rows(written, listed, fmt.value, columns, flexible, droppable, None, comfort, widest,
                   dates)  # fmt: skip


def _unless_empty(items: Iterable[_T], fmt: OutputFormat, empty: str) -> Iterator[_T] | None:
    """The items to list, or None once a table of none has said `empty` instead."""
    items = iter(items)
    first = next(items, None)
    if first is None:
        if fmt is OutputFormat.table:
            say(empty)
            return None
        return items
    return chain([first], items)


def written(text: str) -> None:
    """Data on stdout as it comes, ending quietly when the reader leaves (`| head`)."""
    try:
        out(text)
    except BrokenPipeError:
        reader_left()


_FOR_PEOPLE = (OutputFormat.table, OutputFormat.markdown)


def _for_people(
    record: dict[str, Any], dates: tuple[str, ...], times: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The record with its `dates` (stored EDTF, also in nested records) and `times`
    (timestamps) said as people read them: one display for dates in every listing."""
    from casetrack.dates import display_text, display_time

    said = record.copy()
    if dict in map(type, record.values()):  # nested records (a show's details)
        for key, value in record.items():
            if type(value) is dict:
                said[key] = _for_people(value, dates, times)
    for keys, words in ((dates, display_text), (times, display_time)):
        for key in keys:
            value = said.get(key)
            if value and type(value) is not dict:
                said[key] = words(value)
    return said


def emit_one(record: dict[str, Any], fmt: OutputFormat, dates: tuple[str, ...] = ()) -> None:
    """A single record: key/value lines for people, an object for programs (its related rows,
    an iterator, written as they are read: see listings.write_record)."""
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        from casetrack.output.listings import write_record

        write_record(written, record, fmt.value)
        return
    from casetrack.output.listings import render

    if fmt in _FOR_PEOPLE and dates:
        record = _for_people(record, dates)

    pairs = [{"field": k, "value": _flat(v)} for k, v in record.items()]
    out(render(pairs, fmt.value, ["field", "value"], flexible=("value",)))


def emit_details(
    details: dict[str, Any],
    fmt: OutputFormat,
    related: str,
    columns: list[str],
    flexible: tuple[str, ...] = (),
    dates: tuple[str, ...] = (),
    droppable: tuple[str, ...] = (),
) -> None:
    """A record and, below it, a table of the related records kept under `related` (a list,
    or an iterator read as it is written); the `dates` fields of both are said as people say
    them (see emit), and the `droppable` columns of the table give way on a narrow terminal."""
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        emit_one(details, fmt)
        return
    rows = iter(details.pop(related))
    emit_one(details, fmt, dates)
    first = next(rows, None)
    if first is not None:
        typer.echo()
        emit(chain([first], rows), fmt, columns, flexible, dates=dates, droppable=droppable)


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_flat(v)}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
