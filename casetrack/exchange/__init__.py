"""Moving data in and out of a store: export writers and import readers, one module per format.

This package module stays light (no imports of the writers) so the CLI can list the formats
without slowing `casetrack --help`; a writer's module is imported only when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from casetrack.exchange.selection import Selection

FORMAT = "casetrack/1"

Writer = Callable[["Selection", TextIO], None]

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
}

LAYOUTS = ("auto", "horizontal", "vertical")

IMPORT_FORMATS = ("json", "jsonl", "csv")


def writer(name: str) -> Writer:
    """The writer function registered for an export format name."""
    module, _, function = EXPORTERS[name].partition(":")
    return cast("Writer", getattr(importlib.import_module(module), function))
