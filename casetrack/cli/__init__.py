"""The casetrack command line: argument parsing and printing over the casetrack library."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from casetrack import __version__
from casetrack.cli import typer_speedups
from casetrack.cli.common import PIPE_CLOSED, State, not_utf8, reader_left

if TYPE_CHECKING:
    from typer._click.exceptions import ClickException, UsageError
else:
    # Click's exception classes, reached through Typer's public BadParameter (a UsageError,
    # itself a ClickException) rather than through the module Typer bundles them in.
    UsageError, ClickException = typer.BadParameter.__mro__[1:3]
from casetrack.errors import CasetrackError, StoreAppeared
from casetrack.limits import MAX_RECORD, too_long

# Every character that ends a line for str.splitlines (and for a terminal, a form feed or
# vertical tab), written as its escape.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def _one_line(text: str) -> str:
    """User text quoted in a message cannot break it over lines."""
    return text.translate(_LINE_BREAKS)


def _say_error(message: str) -> None:
    typer.echo("casetrack: " + _one_line(message), err=True)


def _usage_message(
    err: ClickException, command_path: str | None = None, args: Sequence[str] = ()
) -> str:
    """The error in one line, with the help to read: the command's, from its context, or
    `command_path` (found from the command line) for an error raised before it has one.
    `args`, the command line, gives the word an unknown short option was read from."""
    message = " ".join(err.format_message().split()).rstrip(".")
    ctx = getattr(err, "ctx", None)
    if ctx is None:
        return f"{message} (see '{command_path} --help')" if command_path else message
    negative = re.fullmatch(r"No such option: (-\d+)", message)
    if negative:
        return f"{_negative_hint(negative[1], ctx)} (see '{ctx.command_path} --help')"
    word = _dashed_word(message, args)
    if word:
        return f"{_negative_hint(word, ctx, word=True)} (see '{ctx.command_path} --help')"
    said = (
        _argument_hint(message, ctx)
        or _synonym_hint(message, ctx)
        or _id_list_hint(message, ctx)
        or message
    )
    listing = re.fullmatch(r"No such command '(?:list|ls)'", message)
    if listing and ctx.command.name in LISTED_BY:  # `deadline list`
        said = f"{message}: {LISTED_BY[ctx.command.name]}"
    quoted = (
        _before_command_hint(message, ctx, args)
        or _option_words_hint(message, ctx, args)
        or _quote_hint(message, ctx)
        or _output_hint(message, ctx, args)
    )
    return quoted or f"{said} (see '{ctx.command_path} --help')"


def _negative_hint(typed: str, ctx: typer.Context, *, word: bool = False) -> str:
    """`show -1`: an id typed as a negative number; `add c 2003 "-5 freed"`: a text that
    starts with a minus, which goes after `--` (the usage then shows where). A `word` (not
    a number) is quoted whole, never taken for an id."""
    arguments = [p for p in ctx.command.params if p.param_type_name == "argument"]
    if not word and any(re.search(r"\bID\b|CHANGE", p.metavar or "") for p in arguments):
        return f"{typed} is no option, nor an id: ids count from 1"
    pieces = ctx.command.collect_usage_pieces(ctx)
    usage = " ".join([ctx.command_path, *pieces[:1], "--", *pieces[1:]])
    said = repr(typed) if word else typed
    return f"{said} is no option: an argument starting with - goes after --, as in {usage!r}"


def _dashed_word(message: str, args: Sequence[str]) -> str | None:
    """The word Click read an unknown short option from (`-S` of "-Stipulation of
    dismissal", `-d` of `search -dismiss`): a text starting with a minus, not an option."""
    short = re.fullmatch(r"No such option: (-[^-\s])", message)
    if short is None:
        return None
    end = list(args).index("--") if "--" in args else len(args)
    return next((a for a in args[:end] if a.startswith(short[1]) and len(a) > 2), None)


# Groups with no list command, and what lists what they hold.
LISTED_BY = {
    "deadline": "'casetrack upcoming' lists the open deadlines, 'casetrack timeline --kind"
    " deadline' all of a case's",
}


def _argument_hint(message: str, ctx: typer.Context) -> str | None:
    """An argument given as an option (`add --case nec-2003`): say it is an argument, with
    the command's usage, rather than the options Click finds closest (--cite, --page)."""
    option = re.match(r"No such option: --([\w-]+)", message)
    if option is None:
        return None
    for param in ctx.command.params:
        if param.param_type_name == "argument" and param.name == option[1].replace("-", "_"):
            usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
            return (
                f"--{option[1]} is not an option: the {option[1]} is an argument, as in {usage!r}"
            )
    return None


# Options people type for a period's ends, by those casetrack names them with (the first a
# command has).
_SAID_OTHERWISE = {
    "--from": ("--since", "--as-of"), "--after": ("--since",), "--start": ("--since",),
    "--to": ("--until",), "--before": ("--until",), "--end": ("--until",),
}  # fmt: skip


def _synonym_hint(message: str, ctx: typer.Context) -> str | None:
    """`timeline --from 2011`: name the option meant (--since), which Click's closest
    spellings (--format, --role) miss."""
    typed = re.match(r"No such option: (--[\w-]+)", message)
    if typed is None:
        return None
    options = {o for param in ctx.command.params for o in param.opts}
    meant = [o for o in _SAID_OTHERWISE.get(typed[1], ()) if o in options]
    return f"No such option: {typed[1]} (did you mean {meant[0]}?)" if meant else None


def _id_list_hint(message: str, ctx: typer.Context) -> str | None:
    """`rm 4,5` or `show #4`: ids as people write them in prose; say how the command line
    takes them (one id, or several separated by spaces where the command takes several)."""
    typed = re.match(r"Invalid value for '([^'-][^']*)': '([^']*)' is not", message)  # no option
    if typed is None or not re.fullmatch(r"#?\d+(?:\s*[,;]\s*#?\d+)*", typed[2].strip()):
        return None
    ids = re.findall(r"\d+", typed[2])
    several = any(p.param_type_name == "argument" and p.nargs == -1 for p in ctx.command.params)
    if len(ids) > 1 and not several:
        return f"give one id, not {typed[2]!r}: run {ctx.command_path} once per id"
    said = "the ids separated by spaces" if several else "the id as a number"
    return f"give {said}, as in '{ctx.command_path} {' '.join(ids)}'"


def _quote_hint(message: str, ctx: typer.Context) -> str | None:
    """Words left over after a command's last text argument (`add c 2003 Raid on the
    offices`) were meant as one argument: show the command line with them quoted."""
    import shlex

    leftover = "Got unexpected extra argument(s) ("
    if not message.startswith(leftover):
        return None
    arguments = [p for p in ctx.command.params if p.param_type_name == "argument"]
    values = [ctx.params.get(p.name or "") for p in arguments]
    if not arguments or not all(isinstance(v, str) for v in values):
        return None
    extra = message.removeprefix(leftover).removesuffix(")")
    name = arguments[-1].metavar or (arguments[-1].name or "").upper()
    files = [str(values[-1]), *extra.split()]
    if all(os.path.exists(f) for f in files):  # a shell pattern (*.json) gave several files
        return f"{ctx.command_path} takes one {name}: run it once per file, e.g. for f in " + (
            " ".join(shlex.quote(f) for f in files) + f'; do {ctx.command_path} "$f"; done'
        )
    typed = [str(v) for v in values]
    words = _dated_words(arguments, typed, extra.split())
    said = f"{name} is one argument: quote it when it has spaces"
    if words is None:
        words = [*typed[:-1], f"{typed[-1]} {extra}"]
    else:
        said = f"DATE and {name} are one argument each: quote them when they have spaces"
    return f"{said}, e.g. " + " ".join([ctx.command_path, *(shlex.quote(str(w)) for w in words)])


def _after_command(ctx: typer.Context, args: Sequence[str]) -> list[str] | None:
    """The words of the command line after the command's own (`upcoming`, `party alias`);
    None when they cannot be told apart."""
    path = ctx.command_path.split()[1:]
    start = next((i for i in range(len(args)) if list(args[i : i + len(path)]) == path), None)
    return None if start is None else list(args[start + len(path) :])


def _output_hint(message: str, ctx: typer.Context, args: Sequence[str]) -> str | None:
    """`upcoming -f ics -o due.ics`, as `export -o` writes a file: a listing prints to stdout,
    so show the command line that sends it to that file."""
    import shlex

    typed = re.fullmatch(r"No such option: (-o|--output|--out)", message)
    words = _after_command(ctx, args) if typed else None
    if typed is None or words is None or typed[1] not in words:
        return None
    at = words.index(typed[1])
    target = words[at + 1] if at + 1 < len(words) else "FILE"
    rest = [shlex.quote(w) for w in words[:at] + words[at + 2 :]]
    chosen = {"-f", "--format"} & set(words) or any(w.startswith("--format=") for w in words)
    written = [] if chosen else _format_of(ctx, target)
    if written is None:
        export = f"{ctx.find_root().command_path} export"
        return (
            f"{message}: '{ctx.command_path}' prints to stdout and does not write"
            f" {PurePath(target).suffix} files: '{export}' does (see '{export} --help')"
        )
    example = " ".join([ctx.command_path, *rest, *written, ">", shlex.quote(target)])
    return (
        f"{message}: '{ctx.command_path}' prints to stdout: send it to a file with '>', as in"
        f" {example!r} (see '{ctx.command_path} --help')"
    )


def _format_of(ctx: typer.Context, target: str) -> list[str] | None:
    """The --format words that make a listing write what the file's extension says (due.ics:
    -f ics), as export -o takes it from there; none for a file of no format casetrack
    writes, and None when the command cannot write the format the extension names."""
    from casetrack.exchange import EXTENSIONS

    formats = EXTENSIONS.get(PurePath(target).suffix.lower(), ())
    option = next((p for p in ctx.command.params if "--format" in getattr(p, "opts", ())), None)
    if not formats:
        return []
    if option is None or option.callback is None:
        return None
    try:
        option.callback(ctx, option, formats[0])
    except typer.BadParameter:
        return None
    return ["-f", formats[0]]


def _before_command_hint(message: str, ctx: typer.Context, args: Sequence[str]) -> str | None:
    """`casetrack --kind ruling add ...`: a command's option typed before the command goes
    after it; show the command line with it moved there. None for any other error."""
    import shlex

    typed = re.match(r"No such option: (--?[\w-]+)(?: \(|$)", message)
    if typed is None or ctx.parent is not None:
        return None
    words = list(args)
    at = next((i for i, w in enumerate(words) if w.split("=")[0] == typed[1]), None)
    if at is None:
        return None
    for start in (at + 1, at + 2):  # right after the option, or after its value
        path, command = _subcommand(ctx, words[start:])
        if path:
            break
    option = next((p for p in command.params if typed[1] in getattr(p, "opts", ())), None)
    if not path or option is None:
        return None
    moved = words[at : at + (1 if option.is_flag or "=" in words[at] else 2)]
    shown = words[:at] + words[at + len(moved) :] + moved
    example = " ".join([ctx.command_path, *(shlex.quote(w) for w in shown)])
    command_path = " ".join([ctx.command_path, *path])
    return (
        f"No such option: {typed[1]}: it is an option of '{command_path}' and goes after it,"
        f" as in {example!r} (see '{command_path} --help')"
    )


def _subcommand(ctx: typer.Context, words: Sequence[str]) -> tuple[list[str], Any]:
    """The command the first words name (`party`, `alias`), with those words: none, and the
    group itself, when the first is no command."""
    path: list[str] = []
    command: Any = ctx.command
    for word in words:
        inner = command.get_command(ctx, word) if hasattr(command, "get_command") else None
        if inner is None:
            break
        path, command = [*path, word], inner
    return path, command


def _option_words_hint(message: str, ctx: typer.Context, args: Sequence[str]) -> str | None:
    """Words left over (Click fills the arguments in order: the last words that are no option
    nor its value) where one follows an option's value (`--party Eleanor
    Hartley-Brooks:executor`) were meant as that value: show the command line with them
    quoted with it, not glued to the last argument (the other words left over are the last
    argument's, as _quote_hint has it); None when no word left over follows an option."""
    import shlex

    leftover = "Got unexpected extra argument(s) ("
    if not message.startswith(leftover) or "--" in args:
        return None
    extra = len(message.removeprefix(leftover).removesuffix(")").split())
    typed = _after_command(ctx, args)
    if typed is None:
        return None
    options = {o: p for p in ctx.command.params if p.param_type_name == "option" for o in p.opts}
    groups: list[list[str]] = []  # each option with its value, each flag and each argument
    plain: list[int] = []  # which of them are arguments
    words = iter(typed)
    for word in words:
        param = options.get(word.partition("=")[0] if word.startswith("--") else word)
        if param is not None and "=" in word and word.startswith("--"):
            groups.append(word.split("=", 1))
        elif param is not None and not getattr(param, "is_flag", False):
            groups.append([word, next(words, "")])
        elif param is not None or word.startswith("-"):  # a flag
            groups.append([word])
        else:
            plain.append(len(groups))
            groups.append([word])
    left = set(plain[-extra:])
    meant: list[list[str]] = []
    option = None  # the first option whose value took words left over
    for i, group in enumerate(groups):
        if i not in left:
            meant.append(group)
        elif not meant or (len(meant[-1]) == 1 and meant[-1][0].startswith("-")):
            return None  # after a flag: not an option's value, nor surely the argument's
        else:
            if len(meant[-1]) == 2 and option is None:
                option = options[meant[-1][0]]
            meant[-1][-1] += " " + group[0]
    if option is None:
        return None
    name = option.metavar or (option.name or "").upper()
    line = " ".join(shlex.quote(w) for group in meant for w in group)
    return (
        f"{option.opts[0]} takes one {name}: quote it when it has spaces, e.g."
        f" {ctx.command_path} {line}"
    )


def _dated_words(arguments: list[Any], values: list[str], extra: list[str]) -> list[str] | None:
    """The arguments as meant when a DATE just before the last argument was typed unquoted
    (`add c 3 March 2021 Arrest`): the longest run of words from the date's place that reads
    as a date, the rest the last argument; None when no date argument, a date that reads
    as typed (then the words are the title's), or no such reading."""
    from casetrack.dates import reads_as_date

    if len(arguments) < 2 or arguments[-2].metavar != "DATE" or reads_as_date(values[-2]):
        return None
    tokens = [values[-2], values[-1], *extra]
    for cut in range(len(tokens) - 1, 1, -1):
        if reads_as_date(" ".join(tokens[:cut])):
            return [*values[:-2], " ".join(tokens[:cut]), " ".join(tokens[cut:])]
    return None


def _store_option_first(args: list[str]) -> list[str]:
    """`--db PATH` given after the command is taken as if given before it: people add it at
    the end of a command line. Given twice with different paths, it is refused."""
    end = args.index("--") if "--" in args else len(args)
    moved: list[str] = []
    rest: list[str] = []
    paths: dict[str, None] = {}  # in the order given
    i = 0
    while i < end:
        if args[i] == "--db" and i + 1 < end:
            moved += args[i : i + 2]
            paths[args[i + 1]] = None
            i += 2
            continue
        if args[i].startswith("--db="):
            moved.append(args[i])
            paths[args[i].removeprefix("--db=")] = None
        else:
            rest.append(args[i])
        i += 1
    if len(paths) > 1:
        raise UsageError(f"--db is given twice ({', '.join(paths)}): give one store")
    return [*moved, *rest, *args[end:]]


class _ErrorsAsMessages(TyperGroup):
    """Turns refused input into one line on stderr and exit code 1 (2 for a command line
    Click cannot parse), never a traceback."""

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:  # fmt: skip
        """Click's standalone mode, but a usage error is one line, like every other refusal:
        what was wrong, and where the help is. (Click prints the usage, a hint and the error.)"""
        if args is None:
            args = sys.argv[1:]
        if not standalone_mode:
            return self._run(_store_option_first(list(args)), prog_name, **extra)
        try:
            result = self._run(_store_option_first(list(args)), prog_name, **extra)
        except ClickException as err:
            if isinstance(err, UsageError) and type(err).show is not UsageError.show:
                err.show()  # a usage error that shows something else: the help, for no arguments
            else:
                # Click's parser raises a subclass (a missing option value) with no context;
                # a plain UsageError is casetrack's own (--db twice), complete as it is.
                parsing = type(err) is not UsageError and isinstance(err, UsageError)
                path = self._command_path(prog_name, list(args)) if parsing else None
                _say_error(_usage_message(err, path, list(args)))
            sys.exit(err.exit_code)
        except typer.Abort:
            _say_error("aborted")
            sys.exit(1)
        # Without standalone mode Click returns the exit code of a typer.Exit, else the
        # command's return value: None for every casetrack command.
        sys.exit(result if isinstance(result, int) else 0)

    def _command_path(self, prog_name: str | None, args: list[str]) -> str:
        """The command a command line runs (`casetrack deadline add`), read through its
        groups: Click raises a missing option value before the command has a context."""
        words, command, rest = [prog_name or "casetrack"], self, iter(args)
        for arg in rest:
            if arg == "--db":
                next(rest, None)
                continue
            found = getattr(command, "commands", {}).get(arg)
            if found is None:
                if not arg.startswith("-"):
                    break
                continue
            words.append(arg)
            command = found
        return " ".join(words)

    def _run(self, args: list[str], prog_name: str | None, **extra: Any) -> Any:
        try:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        except StoreAppeared:
            # Another casetrack created the new store first: this command's work was not
            # saved, so run the whole command line once more, now against that store.
            try:
                return super().main(args, prog_name, standalone_mode=False, **extra)
            except StoreAppeared as err:
                _say_error(str(err))
                return 1

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except StoreAppeared:
            raise  # main() runs the command again
        except CasetrackError as err:
            _say_error(str(err))
            for line in err.details:
                typer.echo(_one_line(line), err=True)
            raise typer.Exit(err.exit_code) from None
        except UnicodeEncodeError as err:  # an argument that is not UTF-8 reached the store
            _say_error(not_utf8(str(err.object)))
            raise typer.Exit(1) from None
        except BrokenPipeError:  # an export's reader left (`| head`)
            reader_left()
        except OSError as err:  # a file named on the command line cannot be read or written
            from casetrack.text import unreadable_file

            where = f" {err.filename}" if err.filename else ""
            said = unreadable_file(err.filename, err) if err.filename else err.strerror or err
            _say_error(f"cannot use{where}: {said}")
            raise typer.Exit(1) from None
        except sqlite3.Error as err:
            _say_error(f"the store could not be used: {err}")
            raise typer.Exit(1) from None


def _read_answer(prompt: str = "") -> str:
    """What Typer's prompts read instead of input(): a line of at most MAX_RECORD
    characters, so an answer piped from /dev/zero is refused rather than read whole. Click
    gives it the prompt's last character (a space) to write; it goes to stderr with the rest
    of the question, so stdout stays data (`casetrack purge 3 < answers | xxd` is empty)."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline(MAX_RECORD + 1)
    if not line:
        raise EOFError
    if len(line) > MAX_RECORD:
        raise too_long("<stdin>", "an answer", MAX_RECORD, hint="type a shorter one")
    return line.removesuffix("\n")


typer_speedups.install()
with contextlib.suppress(ImportError):  # a Typer without its own Click keeps input()
    from typer._click import termui

    termui.visible_prompt_func = _read_answer

app = typer.Typer(
    name="casetrack",
    cls=_ErrorsAsMessages,
    help="Track legal case timelines: dated milestones, the parties involved and the sources.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casetrack {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Store file (default: $CASETRACK_DB, else the nearest db/casetrack.db"
            " here or above; see casetrack where).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Track legal case timelines: dated milestones, the parties involved and the sources.

    Example: casetrack add acme-2003 2003-06-17 "Police raid" --kind raid --party "PMOI:subject"
    """
    ctx.obj = State(db=db)


def _register() -> None:
    from casetrack.cli import (
        cases,
        deadlines,
        documents,
        exchange,
        extract,
        help,
        kinds,
        maintenance,
        milestones,
        parties,
        replica,
        search,
        serve,
        sources,
    )

    milestones.register(app)
    app.command()(search.search)
    exchange.register(app)
    app.command()(extract.extract)
    maintenance.register(app)
    app.command()(serve.serve)
    app.command("help")(help.help_)
    app.add_typer(cases.app, name="case")
    app.add_typer(parties.app, name="party")
    app.add_typer(sources.app, name="source")
    app.add_typer(kinds.app, name="kind")
    deadlines.register(app)
    app.add_typer(documents.app, name="doc")
    app.add_typer(replica.app, name="replica")


_register()


def main() -> NoReturn:
    """Console-script entry point; internal errors print one line unless CASETRACK_DEBUG is set."""
    import signal

    # Stopped by `kill` or a closed terminal: end as after Ctrl-C, so a write is rolled back
    # and a partial backup or export removed, not left for `check --fix`. A signal ignored
    # (`nohup casetrack ...`) stays ignored.
    for number in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, _stopped)
    try:
        app()
        code: object = 0
    except SystemExit as done:
        code = done.code
    except Exception as err:  # a bug, not a user mistake: keep the terminal free of tracebacks
        if os.environ.get("CASETRACK_DEBUG"):
            raise
        print(
            f"casetrack: internal error: {type(err).__name__}: {err} "
            "(set CASETRACK_DEBUG=1 to see details and please report it)",
            file=sys.stderr,
        )
        code = 70
    _leave(code)


def _stopped(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def _leave(code: object) -> NoReturn:
    """Exit without tearing the interpreter down, as `sys.exit(code)` would end.

    Freeing every module and object at exit takes 10-15 ms: as long as a large timeline's
    query. By now the command has closed its store and files (in `with` blocks and context
    callbacks) and casetrack registers no atexit work; only the standard streams need
    flushing.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    try:
        if sys.stdout is not None:  # None when started with stdout closed (`>&-`)
            sys.stdout.flush()
    except BrokenPipeError:  # the reader left (`| head`) before the last of the output
        status = status or PIPE_CLOSED
    except ValueError:  # stdout is closed
        pass
    except OSError as err:  # a full disk, say: the output is incomplete, so say so
        _say_error(f"cannot write the output: {err.strerror or err}")
        status = status or 1
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)
