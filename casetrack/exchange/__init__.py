"""Moving data in and out of a store: export writers and import readers, one module per format.

This package module stays light (no imports of the writers) so the CLI can list the formats
without slowing `casetrack --help`; a writer's module is imported only when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO, cast

if TYPE_CHECKING:
    from casetrack.exchange.selection import Selection

FORMAT = "casetrack/1"
# The JSON Schema of FORMAT, shipped in this package (docs/guide/format.md says the rules).
SCHEMA_FILE = "casetrack-1.schema.json"

Writer = Callable[["Selection", TextIO], None]
BinaryWriter = Callable[["Selection", BinaryIO], None]

# Export format name -> "module:function" of a writer(selection, stream). Adding a format is
# one entry here and one module holding its writer.
EXPORTERS: dict[str, str] = {
    "json": "casetrack.exchange.jsonfmt:write_json",
    "jsonl": "casetrack.exchange.jsonfmt:write_jsonl",
    "csv": "casetrack.exchange.csvfmt:write_csv",
    "timelinejs": "casetrack.exchange.timelinejs:write_timelinejs",
    "ics": "casetrack.exchange.ics:write_ics",
    "markdown": "casetrack.exchange.markdown:write_markdown",
    "svg": "casetrack.exchange.pictures:write_svg",
    "html": "casetrack.exchange.pictures:write_html",
    "docx": "casetrack.exchange.docxfmt:write_docx",
    "pdf": "casetrack.exchange.pdffmt:write_pdf",
}

# Formats whose writer takes a binary stream (a BinaryWriter).
BINARY = ("docx", "pdf")

# Other names people give formats (a file's extension, the standard's or the program's name):
# taken for the format they name.
FORMAT_ALIASES = {"md": "markdown", "ndjson": "jsonl", "htm": "html", "ical": "ics",
                  "icalendar": "ics", "word": "docx"}  # fmt: skip

# File name extension -> the export formats that write such a file, the usual one first.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    ".json": ("json", "timelinejs"), ".jsonl": ("jsonl",), ".ndjson": ("jsonl",),
    ".csv": ("csv",), ".ics": ("ics",), ".md": ("markdown",), ".markdown": ("markdown",),
    ".svg": ("svg",), ".html": ("html",), ".htm": ("html",), ".docx": ("docx",),
    ".pdf": ("pdf",),
}  # fmt: skip

# What is asked for by the name of a format casetrack does not write, and what to ask instead:
# a spreadsheet program's workbook is CSV, which it opens.
INSTEAD = {"excel": "csv", "xlsx": "csv", "xls": "csv", "spreadsheet": "csv"}


def instead(name: str) -> str:
    """The words a refusal of format `name` (or file extension .name) adds to say what to ask
    for instead; '' when casetrack has nothing to offer for it."""
    target = INSTEAD.get(name.lower().lstrip("."))
    if target is None:
        return ""
    return f"casetrack writes no Excel file; Excel opens {target} (export's --excel keeps accents)"


LAYOUTS = ("auto", "horizontal", "vertical")

IMPORT_FORMATS = ("json", "jsonl", "csv")


def import_format(path: str, head: str) -> str:
    """The format of a file to import, from its name (EXTENSIONS), else from its first
    line `head`: JSON, JSON Lines or CSV."""
    import json

    named = EXTENSIONS.get(Path(path).suffix.lower(), ())
    for name in named:
        if name in IMPORT_FORMATS:
            return name
    first = head.lstrip("\ufeff \t\r\n")
    if not first.startswith("{"):
        return "csv"
    try:
        json.loads(first.split("\n", 1)[0])
    except (ValueError, RecursionError):  # RecursionError: a line of 4,000 brackets
        return "json"
    return "jsonl"


# The programs whose court dockets `casetrack import --from` reads (exchange.dockets).
DOCKET_SHAPES = ("courtlistener", "juriscraper")


def writer(name: str) -> Writer:
    """The writer function registered for a text export format name."""
    return cast("Writer", _function(name))


def binary_writer(name: str) -> BinaryWriter:
    """The writer function registered for a binary export format name (one of BINARY)."""
    return cast("BinaryWriter", _function(name))


def _function(name: str) -> object:
    module, _, function = EXPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), function)


def schema_path() -> Path:
    """Where the installed JSON Schema of the exchange format is, for readers of exports."""
    return Path(__file__).with_name(SCHEMA_FILE)


def export_format(output: str | None, given: str | None) -> str:
    """The export format: from the output file's extension unless --format says it, JSON when
    neither does. A --format that contradicts the extension is refused: a file called .csv
    holding JSON misleads every program that opens it."""
    from pathlib import PurePath

    from casetrack.errors import CasetrackError

    suffix = PurePath(output).suffix.lower() if output else ""
    if suffix not in EXTENSIONS:
        if given is None and suffix:
            hint = instead(suffix)
            if hint:
                raise CasetrackError(
                    f"cannot write {output}: {hint}: name it {PurePath(output or '').stem}.csv"
                )
            raise CasetrackError(
                f"cannot tell the format of {output} from {suffix}: give --format, or end the"
                f" name in {', '.join(EXTENSIONS)}"
            )
        return given or "json"
    fits = EXTENSIONS[suffix]
    if given is not None and given not in fits:
        names = [ext for ext, formats in EXTENSIONS.items() if given in formats]
        raise CasetrackError(
            f"--format {given} contradicts the {suffix} of {output} ({fits[0]}): drop --format,"
            f" or name the file {PurePath(output or '').stem}{names[0] if names else ''}"
        )
    return given or fits[0]
