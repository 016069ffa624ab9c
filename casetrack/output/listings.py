"""Turning records into text: tables for people, CSV/JSON/JSONL for programs.

Every listing goes through `render`, so all commands share one set of formats.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Collection, Sequence
from itertools import chain, zip_longest
from typing import TYPE_CHECKING, Any

from casetrack.dates import DateValue, display_date, elapsed, measurable
from casetrack.models import Milestone

if TYPE_CHECKING:
    from casetrack.search import Hit

FORMATS = ("table", "markdown", "csv", "json", "jsonl")
# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Colour codes take no room on screen: widths are measured without them.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# What a terminal would act on rather than show: C0 controls but newline (tab too, which
# breaks the columns), DEL and C1 controls. Escape sequences stored by another program
# (an OSC title, an OSC 8 link) would otherwise retitle the window or hide a link.
_UNSHOWABLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _picture(control: re.Match[str]) -> str:
    """A visible stand-in: tab a space, C0 controls their Unicode control pictures (␛ for
    ESC), DEL ␡, C1 controls �."""
    code = ord(control.group())
    if code == 0x09:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def shown(text: str) -> str:
    """Text made safe to print on a terminal: every control character but newline
    replaced by something visible."""
    return _UNSHOWABLE.sub(_picture, text) if _UNSHOWABLE.search(text) else text


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def terminal_width() -> int | None:
    """Columns to fit tables to: $COLUMNS, else the terminal's. None when printing to a pipe
    or a file: rows then stay whole, one line each, for grep and sort (as ps does)."""
    return shutil.get_terminal_size((0, 0)).columns or None


# A word is never broken over lines; one longer than this may be cut with "…" to let its
# column narrow. URLs are never cut.
WORD_CUT = 20
# A listing whose wrapping column says a whole sentence (history's summary) may ask for
# this much room, droppable columns giving way first: squeezed to a word a line, it is harder
# to read than without the row number. A timeline asks for none: its elapsed column stays.
COMFORT = 30
ELLIPSIS = "\u2026"


def fit_columns(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    flexible: Collection[str],
    droppable: Sequence[str] = (),
    comfort: int = 0,
) -> tuple[list[int], list[int | None]]:
    """Which columns to show, and the width each flexible one wraps to, so the table fits.

    Words stay whole: a flexible column is never narrower than its longest word (up to
    WORD_CUT, URLs in full). When the flexible columns would be narrower than that, or than
    `comfort` (or their natural width), `droppable` columns are left out, in that order,
    before any word is cut. Fixed columns keep their natural width; flexible
    ones share the rest, narrow ones keeping their natural width (water-filling).
    """
    keep = list(range(len(headers)))
    if width is None:
        return keep, [None] * len(headers)
    # Like tabulate, every column is at least two wider than its header.
    natural = [
        max([len(h) + 2, *(_cell_width(row[i]) for row in rows)]) for i, h in enumerate(headers)
    ]
    least = [
        max(len(h) + 2, _longest_word(rows, i)) if h in flexible else natural[i]
        for i, h in enumerate(headers)
    ]
    comfortable = [
        max(least[i], min(comfort, natural[i])) if h in flexible else natural[i]
        for i, h in enumerate(headers)
    ]
    for name in droppable:
        if sum(comfortable[i] for i in keep) + 2 * (len(keep) - 1) <= width:
            break
        keep = [i for i in keep if headers[i] != name]
    room = width - 2 * (len(keep) - 1) - sum(natural[i] for i in keep if headers[i] not in flexible)
    shares = _water_fill([(least[i], natural[i]) for i in keep if headers[i] in flexible], room)
    limits: list[int | None] = [None] * len(headers)
    for i, share in zip([i for i in keep if headers[i] in flexible], shares, strict=True):
        limits[i] = share
    return keep, limits


def _longest_word(rows: Sequence[Sequence[str]], column: int) -> int:
    """The widest word of a column that may not be cut: URLs whole, others up to WORD_CUT."""
    longest = 0
    for row in rows:
        cell = row[column]
        if len(cell) <= longest or not cell.strip():
            continue
        if "://" in cell or "www." in cell or not _plain(cell):
            size = max(
                _cell_width(w) if _is_url(w) else min(_cell_width(w), WORD_CUT)
                for w in cell.split()
            )
        elif longest < WORD_CUT:
            size = min(max(map(len, cell.split())), WORD_CUT)
        else:
            continue
        longest = max(longest, size)
    return longest


def _water_fill(bounds: Sequence[tuple[int, int]], room: int) -> list[int]:
    """Widths between each (least, natural) pair adding up to at most `room`, as water fills
    vessels: one level for all, each column held between its least and natural width."""

    def at(level: int) -> list[int]:
        return [min(max(level, least), natural) for least, natural in bounds]

    low, high = 0, max((natural for _, natural in bounds), default=0)
    while low < high:  # the highest level that fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(at(middle)) <= room else (low, middle - 1)
    widths = at(low)
    spare = room - sum(widths)
    for i, (_, natural) in enumerate(bounds):  # what the level leaves, to the first that grow
        if spare > 0 and widths[i] < natural:
            widths[i] += 1
            spare -= 1
    return widths


def _cell_width(cell: str) -> int:
    """Columns the widest line of a cell takes, colour codes aside."""
    if _plain(cell):
        return max(map(len, cell.split("\n"))) if "\n" in cell else len(cell)
    import unicodedata

    cell = _ANSI.sub("", cell)
    return max(
        sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        for line in cell.split("\n")
    )


def render(
    records: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    flexible: Sequence[str] = (),
    droppable: Sequence[str] = (),
    marks: tuple[str, str] | None = None,
    comfort: int = 0,
) -> str:
    """Records as text in a given format; `columns` picks and orders table/CSV columns.

    Tables fit the terminal: `flexible` columns wrap at spaces, and `droppable` ones are
    left out (in that order) when the words would not fit otherwise. Tables and Markdown
    show control characters as visible symbols (see `shown`); only then do `marks` replace
    the search's match markers, so a highlight's own colour codes reach the terminal.
    """
    if fmt in ("json", "jsonl"):
        import json  # only here: tables, the common case, never need it

        if fmt == "json":
            return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    headers = list(columns or (records[0].keys() if records else []))
    rows = [[v if type(v := r.get(h)) is str else _cell(v) for h in headers] for r in records]
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows([[safe_cell(c) for c in row] for row in rows])
        return buffer.getvalue()
    rows = [[_marked(shown(c), marks) for c in row] for row in rows]
    if fmt == "markdown":
        from tabulate import tabulate

        escaped = [[c.replace("|", "\\|").replace("\n", " ") for c in row] for row in rows]
        text = str(tabulate(escaped, headers=headers, tablefmt="pipe", disable_numparse=True))
        return text + "\n"
    if not rows:
        return ""
    keep, widths = fit_columns(headers, rows, terminal_width(), flexible, droppable, comfort)
    if len(keep) < len(headers):
        headers = [headers[i] for i in keep]
        widths = [widths[i] for i in keep]
        rows = [[row[i] for i in keep] for row in rows]
    folded = rows
    if any(widths):
        folded = [[fold(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    if _plain("\n".join(chain(headers, *folded))):
        return simple_table(headers, folded) + "\n"
    from tabulate import tabulate

    text = str(tabulate(folded, headers=headers, tablefmt="simple", disable_numparse=True))
    return text + "\n"


def _marked(text: str, marks: tuple[str, str] | None) -> str:
    if marks is None:
        return text
    from casetrack.search import mark

    return mark(text, marks)


# Text as wide on screen as it is long: printable Latin letters, dashes, quotes and "…",
# no colour codes.
_PLAIN = re.compile(r"[\n\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027]*")


def _plain(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None


def simple_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """tabulate's "simple" table of left-aligned text, for plain text only (see _plain).

    Same output, without importing tabulate or measuring every piece for colour codes
    and wide characters: a 1,000-row timeline renders in milliseconds instead of a second.
    """
    # Like tabulate: in a table with multi-line cells, a row of empty cells takes no line.
    lines: Sequence[Sequence[str]] = rows
    if "\n" in "\t".join(chain.from_iterable(rows)):  # a line per line of the tallest cell
        lines = [
            texts
            for row in rows
            for texts in zip_longest(*(cell.splitlines() for cell in row), fillvalue="")
        ]
    widths = [len(h) + 2 for h in headers]
    for i, column in enumerate(zip(*lines, strict=True)):
        widths[i] = max(widths[i], *map(len, column))
    layout = "  ".join(f"{{:{w}}}" for w in widths)
    out = [layout.format(*headers).rstrip(), "  ".join("-" * w for w in widths)]
    out.extend(layout.format(*texts).rstrip() for texts in lines)
    return "\n".join(out)


def fold(cell: str, width: int | None) -> str:
    """The cell wrapped to `width` columns at spaces only (textwrap with break_long_words
    and break_on_hyphens off). A longer word is cut with "…", unless it is a URL, which is
    never cut nor split: a link must still work when copied."""
    if width is None or (len(cell) <= width and "\n" not in cell and "\x1b" not in cell):
        return cell
    measure = len if _plain(cell) else _cell_width
    return "\n".join(_wrap(line, width, measure) for line in cell.splitlines() if line.strip())


def _wrap(text: str, width: int, measure: Callable[[str], int]) -> str:
    lines = []
    line, size = "", 0
    for word in text.split(" "):
        if not word:
            continue
        span = measure(word)
        if span > width and not _is_url(word) and "\x1b" not in word:
            word, span = word[: max(width - 1, 1)] + ELLIPSIS, max(width, 2)
        if line and size + 1 + span <= width:
            line, size = f"{line} {word}", size + 1 + span
        else:
            if line:
                lines.append(line)
            line, size = word, span
    lines.append(line)
    return "\n".join(lines)


def _is_url(word: str) -> bool:
    return "://" in word or word.startswith("www.")


def focus_roles(milestone: Milestone, focus: Collection[int]) -> str:
    """The roles the queried parties play in a milestone."""
    return "; ".join(sorted({p.role or "-" for p in milestone.parties if p.party_id in focus}))


def timeline_records(
    milestones: Sequence[Milestone], focus: Collection[int] = ()
) -> list[dict[str, Any]]:
    """Milestones as table rows: the date as said, time since the previous one, who, sources."""
    rows = []
    previous: dict[str, DateValue] = {}  # per case: gaps are never measured across cases
    for m in milestones:
        rows.append(
            {
                "id": m.id,
                "role": focus_roles(m, focus),
                "case": m.case,
                "date": display_date(m.date),
                "elapsed": elapsed(previous.get(m.case), m.date),
                "kind": m.kind,
                "title": title_label(m),
                "parties": "; ".join(
                    p.name + (f" ({p.role})" if p.role else "") for p in m.parties
                ),
                "sources": "; ".join(
                    _source_label(s.id, s.title, s.url, s.page) for s in m.sources
                ),
            }
        )
        if measurable(m.date):
            previous[m.case] = m.date
    return rows


def title_label(m: Milestone, title: str | None = None) -> str:
    """A title for tables, flagged when the milestone is a key fact or not undisputed."""
    return (
        (m.title if title is None else title)
        + (" [key]" if m.key else "")
        + ("" if m.status == "undisputed" else f" [{m.status}]")
    )


def _source_label(source_id: int, title: str | None, url: str, page: str | None) -> str:
    label = f"[{source_id}] {title or url}"
    return label + (f", p. {page}" if page else "")


def render_timeline(
    milestones: Sequence[Milestone],
    fmt: str,
    focus: Collection[int] = (),
    wide: bool = False,
    newest_first: bool = False,
) -> str:
    """A timeline as a table, Markdown, JSON or JSONL (CSV is the export's sheet, csvfmt).

    `focus` holds the ids of parties the user asked about: their roles get a column. A table
    shows parties and sources only when `wide`: without them it fits an 80-column terminal.
    `newest_first` says the milestones come latest first; elapsed is still counted forwards.
    """
    if fmt in ("json", "jsonl"):
        records = [m.to_dict() for m in milestones]
        if focus:
            for record, m in zip(records, milestones, strict=True):
                record["role"] = focus_roles(m, focus)
        return render(records, fmt)
    cases = {m.case for m in milestones}
    columns = ["id", "date", "elapsed", "kind", "title"]
    if wide or fmt == "markdown":
        columns += ["parties", "sources"]
    if len(cases) > 1:
        columns.insert(1, "case")
    if focus:
        columns.insert(columns.index("kind") + 1, "role")
    records = (
        timeline_records(milestones[::-1], focus)[::-1]
        if newest_first
        else timeline_records(milestones, focus)
    )
    return render(
        records,
        fmt,
        columns,
        flexible=("date", "title", "parties", "sources"),
        droppable=() if wide else ("elapsed", "role", "kind"),
    )


def render_search(hits: Sequence[Hit], fmt: str, marks: tuple[str, str] = ("[", "]")) -> str:
    """Search hits, best first. People get the title with matches marked by `marks` and where
    else it matched; programs get the full milestone record plus its rank and snippet."""
    from casetrack.search import mark

    if fmt in ("json", "jsonl", "csv"):
        records = [
            {**h.milestone.to_dict(), "rank": h.rank, "snippet": mark(h.snippet),
             "snippet_field": h.snippet_field}
            for h in hits
        ]  # fmt: skip
        if fmt == "csv":
            columns = ["rank", "id", "case", "date", "kind", "title", "snippet_field", "snippet"]
            return render(records, fmt, columns)
        return render(records, fmt)
    # The matches keep their markers through render, which shows stored control characters
    # as symbols and only then puts in the marks (colour codes on a terminal).
    rows = [
        {"id": h.milestone.id, "case": h.milestone.case, "date": display_date(h.milestone.date),
         "kind": h.milestone.kind, "title": title_label(h.milestone, h.title),
         "match": "" if h.snippet_field == "title" else f"{h.snippet_field}: {h.snippet}"}
        for h in hits
    ]  # fmt: skip
    columns = ["id", "date", "kind", "title", "match"]
    if len({h.milestone.case for h in hits}) > 1:
        columns.insert(1, "case")
    return render(rows, fmt, columns, flexible=("date", "title", "match"), droppable=("kind",),
                  marks=marks)  # fmt: skip
